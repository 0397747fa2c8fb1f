"""``export conflicts --format claimreview`` honours --status, --kind and --source like the
other conflict export formats (it can only describe resolved conflicts)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reviewdata import Sample, sample

from claimtrack.cli import run


@pytest.fixture
def both_resolved(tmp_path: Path) -> Sample:
    """The Idlib sample with both conflicts resolved: the helicopter (actor) in favour of
    Russia Today, the Damascus strike (omission) in favour of the Observatory."""
    data = sample(str(tmp_path / "claims.db"))
    for conflict, favour in ((data.helicopter, data.rt), (data.strike, data.sohr_strike)):
        args = ["review", str(conflict), "-s", "resolved", "--favour", str(favour)]
        assert run(["--db", data.db, *args, "--reviewer", "bob"]) == 0
    return data


def _export(db: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(["--db", db, "export", "conflicts", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _reviewed(db: str, capsys: pytest.CaptureFixture[str], *filters: str) -> dict[int, set[str]]:
    """Conflict id -> the sentences its ClaimReviews review."""
    code, out, err = _export(db, capsys, "--format", "claimreview", *filters)
    assert code == 0, err
    found: dict[int, set[str]] = {}
    for review in json.loads(out)["@graph"]:
        conflict = int(review["url"].rsplit(":", 1)[1])
        found.setdefault(conflict, set()).add(review["claimReviewed"])
    return found


def _listed(db: str, capsys: pytest.CaptureFixture[str], *filters: str) -> set[int]:
    code, out, err = _export(db, capsys, "--format", "json", *filters)
    assert code == 0, err
    return {row["id"] for row in json.loads(out)}


def test_claimreview_honours_kind_status_and_source(
    both_resolved: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    data = both_resolved
    everything = _reviewed(data.db, capsys)
    assert set(everything) == {data.helicopter, data.strike}
    actor = _reviewed(data.db, capsys, "--kind", "actor")
    assert set(actor) == {data.helicopter}
    assert any("shot down by Ankara-backed rebels" in text for text in actor[data.helicopter])
    omission = _reviewed(data.db, capsys, "--kind", "Omission", "--status", "resolved")
    assert set(omission) == {data.strike}
    assert any("missiles were intercepted" in text for text in omission[data.strike])
    assert _reviewed(data.db, capsys, "--kind", "denial") == {}
    assert _reviewed(data.db, capsys, "--kind", "actor", "--source", "SANA") == {}
    # the same conflicts as the JSON export selects with the same filters
    for filters in (["--kind", "actor"], ["--kind", "omission"], ["--source", "Anadolu"]):
        assert set(_reviewed(data.db, capsys, *filters)) == _listed(
            data.db, capsys, "--status", "resolved", *filters
        )


def test_claimreview_of_unresolved_states_or_unknown_kinds_is_a_usage_error(
    both_resolved: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    db = both_resolved.db
    code, out, err = _export(db, capsys, "--format", "claimreview", "--status", "confirmed")
    assert code == 2 and out == ""
    assert err == (
        "Error: --format claimreview describes resolved conflicts only; --status confirmed "
        "selects none of them (use --status resolved or none)\n"
    )
    for fmt in ("claimreview", "json", "csv"):
        code, out, err = _export(db, capsys, "--format", fmt, "--kind", "culprit")
        assert code == 2 and out == "", fmt
        assert err.startswith("Error: unknown conflict kind 'culprit' (choose one of: actor")
