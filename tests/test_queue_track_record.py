"""Source track records: how often each source's account was judged right, from resolved
conflicts with a favoured account, as a Beta(1,1) estimate with a 90% interval."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
from reviewdata import SAMPLE, Sample, add_conflict, ingest, sample
from sqlmodel import select

from claimtrack.cli import run
from claimtrack.review import Judged, beta_cdf, beta_estimate, beta_quantile, track_records
from claimtrack.store import tables
from claimtrack.store.engine import open_store

# ------------------------------------------------------------------ the numeric routine (pure)


def binomial_tail(n: int, x: float, k: int) -> float:
    """P(Binomial(n, x) >= k): equals I_x(k, n - k + 1) for whole shapes."""
    return sum(math.comb(n, j) * x**j * (1 - x) ** (n - j) for j in range(k, n + 1))


@pytest.mark.parametrize("a", [1, 2, 3, 5, 9, 20])
@pytest.mark.parametrize("b", [1, 2, 4, 7, 15])
def test_beta_cdf_equals_the_binomial_tail(a: int, b: int) -> None:
    for x in (0.001, 0.05, 0.2, 0.37, 0.5, 0.63, 0.9, 0.999):
        assert beta_cdf(x, a, b) == pytest.approx(binomial_tail(a + b - 1, x, a), abs=1e-12)


@pytest.mark.parametrize(("a", "b"), [(1, 1), (2, 1), (1, 3), (4, 2), (12, 30), (0.5, 0.5)])
def test_beta_quantile_inverts_the_cdf(a: float, b: float) -> None:
    for p in (0.0, 0.05, 0.25, 0.5, 0.95, 1.0):
        x = beta_quantile(p, a, b)
        assert 0.0 <= x <= 1.0
        assert beta_cdf(x, a, b) == pytest.approx(p, abs=1e-9)
    # closed forms: Beta(a, 1) has CDF x**a; Beta(1, b) has CDF 1 - (1 - x)**b
    assert beta_quantile(0.3, 3, 1) == pytest.approx(0.3 ** (1 / 3), abs=1e-12)
    assert beta_quantile(0.3, 1, 4) == pytest.approx(1 - 0.7**0.25, abs=1e-12)


def test_estimates_and_90_percent_intervals() -> None:
    # no decision: the uniform prior itself
    assert beta_estimate(0, 0) == {"right": 0, "wrong": 0, "estimate": 0.5, "low": 0.05,
                                   "high": 0.95}  # fmt: skip
    # 3 right, 1 wrong: Beta(4, 2), mean 2/3, 5% and 95% points 0.3426 and 0.9236
    assert beta_estimate(3, 1) == {"right": 3, "wrong": 1, "estimate": 0.667, "low": 0.343,
                                   "high": 0.924}  # fmt: skip
    # more decisions narrow the interval around the same rate
    few, many = beta_estimate(2, 2), beta_estimate(20, 20)
    assert few["estimate"] == many["estimate"] == 0.5
    assert many["high"] - many["low"] < (few["high"] - few["low"]) / 2


def test_track_records_count_a_source_once_per_conflict_and_a_copy_once() -> None:
    judged = [
        # conflict 1: RT favoured (twice in it: one copy counts once), Anadolu wrong
        Judged(1, "actor", "Russia Today", "It was hit by a missile.", True),
        Judged(1, "actor", "Russia Today", "It was hit by a missile!", False),
        Judged(1, "actor", "Anadolu", "Rebels shot it down.", False),
        Judged(1, "actor", None, "The reporter's own words.", False),
        # conflict 2: a republished copy of conflict 1's sentences, judged the same way
        Judged(2, "actor", "Russia Today", "It was hit by a missile.", True),
        Judged(2, "actor", "Anadolu", "Rebels  shot it down.", False),
        # conflict 3: a toll dispute Anadolu got right
        Judged(3, "number", "Anadolu", "Ten were killed.", True),
        Judged(3, "number", "SANA", "Two were killed.", False),
    ]
    records = track_records(judged)
    assert set(records) == {"Russia Today", "Anadolu", "SANA"}  # no record for the reporter
    anadolu = records["Anadolu"]
    assert anadolu["decisions"] == 2 and (anadolu["right"], anadolu["wrong"]) == (1, 1)
    assert anadolu["by_kind"]["actor"] == {"decisions": 1, **beta_estimate(0, 1)}
    assert anadolu["by_kind"]["number"] == {"decisions": 1, **beta_estimate(1, 0)}
    assert records["Russia Today"]["by_kind"] == {"actor": {"decisions": 1, **beta_estimate(1, 0)}}
    assert records["SANA"]["explained"] == (
        "judged right in 0 and wrong in 1 of 1 resolved conflict with a favoured account; "
        "estimate 0.33 (90% interval 0.03-0.78, Beta(1,1) prior)"
    )


# ------------------------------------------------------------------ through the CLI


@pytest.fixture
def judged(tmp_path: Path) -> Sample:
    """The helicopter resolved for Russia Today, the Damascus strike for the Observatory, the
    same helicopter dispute in a republished copy resolved for Russia Today again."""
    data = sample(str(tmp_path / "claims.db"))
    copy = tmp_path / "copy.txt"
    copy.write_text("Republished\n\n" + SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    ingest(data.db, copy, published="2020-02-16")
    store = open_store(data.db)
    try:
        with store.session() as session:
            by_text = {(c.article_id, c.text): c.id for c in session.exec(select(tables.Claim))}
    finally:
        store.close()
    texts = {cid: text for (_, text), cid in by_text.items()}
    copy_rt = by_text[(2, texts[data.rt])]
    copy_anadolu = by_text[(2, texts[data.anadolu])]
    assert copy_rt is not None and copy_anadolu is not None
    republished = add_conflict(data.db, "actor", "copy", [copy_anadolu, copy_rt], ["a", "b"])
    for conflict, favour in ((data.helicopter, data.rt), (data.strike, data.sohr_strike),
                             (republished, copy_rt)):  # fmt: skip
        assert run(["--db", data.db, "review", str(conflict), "-s", "resolved", "--favour",
                    str(favour), "--reviewer", "bob"]) == 0  # fmt: skip
    return data


def exported(db: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, Any]]:
    capsys.readouterr()
    assert run(["--db", db, "export", "sources", "--format", "json"]) == 0
    return {row["name"]: row for row in json.loads(capsys.readouterr().out)}


def test_export_sources_carries_the_track_record(
    judged: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--db", judged.db, "sources", "annotate", "Anadolu", "--reliability", "0.9"]) == 0
    rows = exported(judged.db, capsys)
    rt, anadolu = rows["Russia Today"]["track_record"], rows["Anadolu"]["track_record"]
    # the republished dispute is the same decision: one each, not two
    assert rt["decisions"] == 1
    assert rt["by_kind"] == {"actor": {"decisions": 1, **beta_estimate(1, 0)}}
    assert anadolu["by_kind"] == {"actor": {"decisions": 1, **beta_estimate(0, 1)}}
    assert rows["SANA"]["track_record"]["by_kind"] == {
        "omission": {"decisions": 1, **beta_estimate(0, 1)}
    }
    sohr = rows["Syrian Observatory for Human Rights"]["track_record"]
    assert sohr["by_kind"] == {"omission": {"decisions": 1, **beta_estimate(1, 0)}}
    # what a person annotated stays apart from what reviews computed
    assert rows["Anadolu"]["reliability"] == 0.9 and anadolu["estimate"] == 0.333
    assert rows["Sergey Lavrov"]["track_record"] == {
        "decisions": 0,
        "by_kind": {},
        "explained": "no resolved conflict with a favoured account yet",
    }


def test_only_resolved_conflicts_with_a_favoured_account_count(
    judged: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    # re-opening the strike takes it out; resolving it by a note alone does not count either
    assert run(["--db", judged.db, "review", str(judged.strike), "-s", "open"]) == 0
    assert exported(judged.db, capsys)["SANA"]["track_record"]["decisions"] == 0
    assert run(["--db", judged.db, "review", str(judged.strike), "-s", "resolved", "--note",
                "Both were partly right"]) == 0  # fmt: skip
    assert exported(judged.db, capsys)["SANA"]["track_record"]["decisions"] == 0


def test_sources_show_json_and_a_merge_moves_the_record(
    judged: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(["--db", judged.db, "sources", "show", "RT", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)["track_record"]
    assert record["decisions"] == 1 and record["right"] == 1
    assert "judged right in 1 and wrong in 0 of 1 resolved conflict" in record["explained"]
    assert run(["--db", judged.db, "sources", "merge", "Anadolu", "SANA"]) == 0
    merged = exported(judged.db, capsys)["Anadolu"]["track_record"]
    assert merged["decisions"] == 2
    assert set(merged["by_kind"]) == {"actor", "omission"}
