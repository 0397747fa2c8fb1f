"""Source track records: how often each source's account was judged right, from resolved
conflicts with a favoured account, as a Beta(1,1) estimate with a 90% interval."""

from __future__ import annotations

import csv
import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
from reviewdata import SAMPLE, Sample, add_conflict, ingest, sample
from sqlmodel import select

from claimtrack.cli import run
from claimtrack.review import (
    Judged,
    beta_cdf,
    beta_estimate,
    beta_quantile,
    toll_bias,
    toll_figure,
    track_records,
)
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


# ------------------------------------------------------------------ tolls: over- or under-statement


def test_toll_figures_are_read_from_the_stored_values() -> None:
    assert toll_figure("at least 16 takfiri terrorists dead") == 16
    assert toll_figure("three injured") == 3
    assert toll_figure("36 dead and four teachers dead") == 36
    assert toll_figure("reports casualties") is None


def test_toll_bias_is_the_median_log_ratio_to_the_favoured_figure() -> None:
    judged = [
        # conflict 1: SOHR 58 against the favoured 100 (lower)
        Judged(1, "number", "SOHR", "58 were killed.", False, 58),
        Judged(1, "number", "Civil defence", "100 were killed.", True, 100),
        # conflict 2: SOHR 30 against the favoured 15 (higher); its republished copy in 3
        Judged(2, "number", "SOHR", "30 were killed.", False, 30),
        Judged(2, "number", "SANA", "15 were killed.", True, 15),
        Judged(3, "number", "SOHR", "30 were killed!", False, 30),
        Judged(3, "number", "SANA", "15 were killed.", True, 15),
        # conflict 4: SOHR 40 against 20 (higher); an actor dispute has no figures
        Judged(4, "number", "SOHR", "40 were killed.", False, 40),
        Judged(4, "number", "Council", "20 were killed.", True, 20),
        Judged(5, "actor", "SOHR", "Russia did it.", False),
        Judged(5, "actor", "SANA", "Terrorists did it.", True),
    ]
    records = track_records(judged)
    tolls = records["SOHR"]["tolls"]
    # log ratios ln(0.58), ln(2), ln(2): the copy counts once, the median is ln 2
    assert (tolls["decisions"], tolls["higher"], tolls["lower"], tolls["same"]) == (3, 2, 1, 0)
    assert tolls["median_log_ratio"] == round(math.log(2), 3)
    assert tolls["median_ratio"] == 2.0
    assert "higher in 2 and lower in 1" in tolls["explained"]
    assert "typically overstates: 2.00 times the favoured figure" in tolls["explained"]
    # a source never judged wrong in a toll dispute has no toll line
    assert "tolls" not in records["SANA"] and "tolls" not in records["Civil defence"]
    even = toll_bias([math.log(0.5), math.log(2)])
    assert even["median_log_ratio"] == 0.0 and "gives the favoured figure" in even["explained"]
    under = toll_bias([math.log(0.5)])
    assert "typically understates: 0.50 times" in under["explained"]


# Three attacks, each told by the Observatory and one other account, with other tolls
TOLL_ARTICLES = [
    ("Reuters", "2017-04-04", "At least 58 people were killed on Tuesday in a suspected chemical "
     "attack on the town of Khan Sheikhoun in Idlib province, the Syrian Observatory for Human "
     "Rights said."),
    ("Daily Sabah", "2017-04-04", "The civil defence said 100 people were killed in the gas "
     "attack on the town of Khan Sheikhoun in Idlib on Tuesday."),
    ("AFP", "2018-01-09", "Air strikes killed 30 civilians in the town of Douma in Eastern Ghouta "
     "on Tuesday, the Syrian Observatory for Human Rights said."),
    ("Xinhua", "2018-01-09", "SANA said 15 people were killed in air strikes on the town of Douma "
     "in Eastern Ghouta on Tuesday."),
    ("Al Jazeera", "2016-04-19", "Barrel bombs killed 40 people in a market in the town of Maarat "
     "al-Numan in Idlib on Tuesday, the Syrian Observatory for Human Rights said."),
    ("Anadolu", "2016-04-19", "The local council said 20 people were killed when barrel bombs hit "
     "a market in the town of Maarat al-Numan in Idlib on Tuesday."),
]  # fmt: skip


def test_tolls_in_sources_show_the_list_and_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "tolls.db")
    corpus = tmp_path / "tolls.csv"
    with corpus.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["outlet", "date", "text"])
        writer.writerows(TOLL_ARTICLES)
    assert run(["--db", db, "ingest", str(corpus), "--workers", "0", "--quiet"]) == 0
    capsys.readouterr()
    assert run(["--db", db, "export", "conflicts", "--format", "json"]) == 0
    conflicts = json.loads(capsys.readouterr().out)
    assert sorted(c["kind"] for c in conflicts) == ["number"] * 3
    for conflict in conflicts:  # every dispute settled for the other account
        other = next(
            c for c in conflict["claims"] if c["source"] != "Syrian Observatory for Human Rights"
        )
        assert run(["--db", db, "review", str(conflict["id"]), "-s", "resolved", "--favour",
                    str(other["id"]), "--reviewer", "bob"]) == 0  # fmt: skip
    rows = exported(db, capsys)
    tolls = rows["Syrian Observatory for Human Rights"]["track_record"]["tolls"]
    # 58 against 100, 30 against 15, 40 against 20: median ratio 2
    assert (tolls["decisions"], tolls["higher"], tolls["lower"]) == (3, 2, 1)
    assert tolls["median_ratio"] == 2.0
    assert "tolls" not in rows["SANA"]["track_record"]

    assert run(["--db", db, "sources", "show", "SOHR"]) == 0
    shown = " ".join(capsys.readouterr().out.replace("│", " ").split())
    assert (
        "tolls: in 3 toll conflicts resolved for another account its figure was higher in 2 "
        "and lower in 1; typically overstates: 2.00 times the favoured figure" in shown
    )
    assert run(["--db", db, "sources", "--format", "csv"]) == 0
    listed = {r["name"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert listed["Syrian Observatory for Human Rights"]["track record"] == (
        "right in 0 of 3 (estimate 0.20, 90% 0.01-0.53); tolls: 2.00x the favoured figure (3)"
    )
    assert listed["SANA"]["track record"].startswith("right in 1 of 1 (estimate 0.67")
    for fmt in ("md", "html"):
        assert run(["--db", db, "export", "report", "--format", fmt]) == 0
        assert "tolls: 2.00x the favoured figure (3)" in capsys.readouterr().out
    assert run(["--db", db, "export", "report", "--format", "json"]) == 0
    sources = {s["name"]: s for s in json.loads(capsys.readouterr().out)["sources"]}
    assert sources["Syrian Observatory for Human Rights"]["track_record"]["tolls"] == tolls
