"""Bulk decisions and assignments: `review ID... --status S`, `review --where`, `assign`, with the
same optimistic locking as one decision (a conflict changed meanwhile is reported, the others go
on, exit 1)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from reviewdata import Sample, sample
from sqlmodel import select
from test_review_interactive import events

from claimtrack.cli import review as review_cli
from claimtrack.cli import run
from claimtrack.store import review as review_store
from claimtrack.store import tables
from claimtrack.store.engine import open_store

LATER = datetime(2020, 2, 18, 8, 0, tzinfo=UTC)


@pytest.fixture
def data(tmp_path: Path) -> Sample:
    return sample(str(tmp_path / "claims.db"))


def cli(capsys: pytest.CaptureFixture[str], db: str, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(["--db", db, *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def conflicts(db: str) -> dict[int, dict[str, Any]]:
    store = open_store(db)
    try:
        with store.session() as session:
            return {
                c.id: {"status": c.status, "version": c.version, "assignee": c.assignee,
                       "note": c.note, "updated_by": c.updated_by}
                for c in session.exec(select(tables.Conflict)) if c.id is not None
            }  # fmt: skip
    finally:
        store.close()


def test_many_ids_decided_at_once_each_in_the_history(
    data: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(
        capsys, data.db, "review", str(data.helicopter), str(data.strike), "--status",
        "dismissed", "--note", "Both are two reports of other events", "--reviewer", "lee",
    )  # fmt: skip
    assert code == 0, err
    assert f"conflict {data.helicopter}: open -> dismissed by lee (version 2)" in out
    assert f"conflict {data.strike}: open -> dismissed by lee (version 2)" in out
    assert "2 of 2 conflicts marked dismissed by lee" in out
    now = conflicts(data.db)
    assert {now[c]["status"] for c in (data.helicopter, data.strike)} == {"dismissed"}
    note = "Both are two reports of other events"
    assert events(data.db) == [
        (data.helicopter, "open", "dismissed", "lee", note),
        (data.strike, "open", "dismissed", "lee", note),
    ]


def test_a_refused_decision_in_a_bulk_changes_nothing(
    data: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(capsys, data.db, "review", str(data.strike), "-s", "confirmed")[0] == 0
    before = (conflicts(data.db), events(data.db))
    # the strike is confirmed already: the state machine refuses, and the helicopter stays open
    code, out, err = cli(
        capsys, data.db, "review", str(data.helicopter), str(data.strike), "-s", "confirmed"
    )
    assert code == 2 and out == ""
    assert err == (
        f"Error: conflict {data.strike} is already confirmed; to comment on it, add a note "
        "instead\n"
    )
    assert (conflicts(data.db), events(data.db)) == before


def test_where_selects_like_the_queue_and_dry_run_changes_nothing(
    data: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    before = conflicts(data.db)
    code, out, err = cli(
        capsys, data.db, "review", "--where", "source=SANA", "-s", "dismissed", "--dry-run"
    )
    assert code == 0, err
    assert out.splitlines()[0].split("\t")[:3] == [str(data.strike), "omission", "open"]
    assert out.splitlines()[-1] == "1 conflict would be dismissed (dry run)"
    assert conflicts(data.db) == before and events(data.db) == []
    code, out, err = cli(
        capsys, data.db, "review", "--where", "kind=omission", "-s", "inconclusive",
        "--reviewer", "kim",
    )  # fmt: skip
    assert code == 0, err
    assert conflicts(data.db)[data.strike]["status"] == "inconclusive"
    assert conflicts(data.db)[data.helicopter]["status"] == "open"
    # without a status term --where takes open conflicts only: the inconclusive one stays
    code, out, err = cli(
        capsys, data.db, "review", "--where", "min-severity=0", "-s", "confirmed",
        "--reviewer", "kim",
    )  # fmt: skip
    assert code == 0, err
    assert "1 of 1 conflicts marked confirmed" in out
    now = conflicts(data.db)
    assert (now[data.helicopter]["status"], now[data.strike]["status"]) == (
        "confirmed",
        "inconclusive",
    )
    # a status term widens it; conflicts already in the target state are left out, not refused
    code, out, err = cli(
        capsys, data.db, "review", "--where", "status=confirmed status=inconclusive",
        "-s", "confirmed", "--reviewer", "kim",
    )  # fmt: skip
    assert code == 0, err
    assert out.splitlines() == [
        f"conflict {data.strike}: inconclusive -> confirmed by kim (version 3)",
        "1 of 1 conflicts marked confirmed by kim",
    ]
    code, out, _ = cli(capsys, data.db, "review", "--where", "kind=denial", "-s", "dismissed")
    assert code == 0 and "--where selects none" in out


def interleave(monkeypatch: pytest.MonkeyPatch, db: str, conflict_id: int, action: str) -> None:
    """Someone else changes ``conflict_id`` just after the command read the conflicts."""
    original = review_cli.selected

    def read_then_someone_acts(store: Any, ids: Sequence[int], wanted: Any) -> Any:
        rows = original(store, ids, wanted)
        other = open_store(db)
        try:
            if action == "decide":
                other.write(
                    lambda s: review_store.set_status(
                        s, conflict_id, "confirmed", reviewer="sam", now=LATER
                    )
                )
            else:
                other.write(
                    lambda s: review_store.assign(s, conflict_id, "sam", by="sam", now=LATER)
                )
        finally:
            other.close()
        return rows

    monkeypatch.setattr(review_cli, "selected", read_then_someone_acts)
    monkeypatch.setattr("claimtrack.cli.assign.selected", read_then_someone_acts)


def test_bulk_decision_meeting_a_stale_version_reports_it_and_goes_on(
    data: Sample, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    interleave(monkeypatch, data.db, data.helicopter, "decide")
    code, out, err = cli(
        capsys, data.db, "review", "--where", "min-severity=0.5", "-s", "dismissed",
        "--reviewer", "pat",
    )  # fmt: skip
    assert code == 1
    assert err.startswith(f"Error: conflict {data.helicopter} was changed by sam at 2020-02-18")
    assert err.count("\n") == 1 and "re-read it and retry" in err
    assert f"conflict {data.strike}: open -> dismissed by pat" in out
    assert "1 of 2 conflicts marked dismissed by pat; 1 changed by someone else" in out
    now = conflicts(data.db)
    assert now[data.helicopter]["status"] == "confirmed"  # sam's decision stands
    assert now[data.strike]["status"] == "dismissed"
    assert [(e[0], e[2], e[3]) for e in events(data.db)] == [
        (data.helicopter, "confirmed", "sam"),
        (data.strike, "dismissed", "pat"),
    ]


def test_assign_by_id_and_where_shown_in_lists_and_exports(
    data: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, data.db, "assign", str(data.helicopter), "--to", "bo",
                         "--reviewer", "lead")  # fmt: skip
    assert code == 0, err
    assert out == f"conflict {data.helicopter}: assigned to bo (version 2)\n"
    assert conflicts(data.db)[data.helicopter] | {"note": None} == {
        "status": "open", "version": 2, "assignee": "bo", "note": None, "updated_by": "lead",
    }  # fmt: skip
    code, out, err = cli(capsys, data.db, "assign", "--where", "kind=omission", "--to", "ana")
    assert code == 0, err
    assert conflicts(data.db)[data.strike]["assignee"] == "ana"
    code, out, _ = cli(capsys, data.db, "export", "conflicts", "--format", "json")
    assert {r["id"]: r["assignee"] for r in json.loads(out)} == {
        data.helicopter: "bo",
        data.strike: "ana",
    }
    code, out, _ = cli(capsys, data.db, "export", "conflicts", "--format", "csv")
    assert ",bo," in out and ",ana," in out
    # again to the same reviewer: nothing changes, no new version
    code, out, _ = cli(capsys, data.db, "assign", str(data.helicopter), "--to", "bo")
    assert code == 0 and "already assigned to bo (version 2)" in out
    code, out, _ = cli(capsys, data.db, "assign", str(data.helicopter), str(data.strike), "--clear")
    assert code == 0 and "2 of 2 conflicts unassigned" in out
    assert {c["assignee"] for c in conflicts(data.db).values()} == {None}
    assert events(data.db) == []  # assignments are no review decisions


def test_review_mine_walks_my_conflicts(
    data: Sample,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import io

    assert cli(capsys, data.db, "assign", str(data.strike), "--to", "bo")[0] == 0
    monkeypatch.setenv("CLAIMTRACK_REVIEWER", "bo")
    monkeypatch.setattr("sys.stdin", io.StringIO("c\n"))
    code, out, err = cli(capsys, data.db, "review", "--mine")
    assert code == 0, err
    assert "1 conflict(s) selected to review as bo." in out and "assigned to bo" in out
    assert "Done. 1 decision saved; 1 confirmed" in out
    assert events(data.db) == [(data.strike, "open", "confirmed", "bo", None)]
    # --where with --mine: only mine (none open now)
    code, out, _ = cli(
        capsys, data.db, "review", "--where", "kind=actor", "--mine", "-s", "dismissed"
    )
    assert code == 0 and "--where selects none" in out
    assert conflicts(data.db)[data.helicopter]["status"] == "open"


def test_assign_meeting_a_stale_version_reports_it_and_goes_on(
    data: Sample, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    interleave(monkeypatch, data.db, data.strike, "decide")
    code, out, err = cli(
        capsys, data.db, "assign", str(data.helicopter), str(data.strike), "--to", "bo"
    )
    assert code == 1
    assert err.startswith(f"Error: conflict {data.strike} was changed by sam")
    assert "1 of 2 conflicts assigned to bo; 1 changed by someone else" in out
    now = conflicts(data.db)
    assert (now[data.helicopter]["assignee"], now[data.strike]["assignee"]) == ("bo", None)


def test_a_decision_on_a_conflict_assigned_meanwhile_is_stale(
    data: Sample, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An assignment is a change like a decision: one read before it is refused."""
    interleave(monkeypatch, data.db, data.helicopter, "assign")
    code, _out, err = cli(
        capsys, data.db, "review", str(data.helicopter), str(data.strike), "-s", "confirmed"
    )
    assert code == 1 and f"conflict {data.helicopter} was changed by sam" in err
    now = conflicts(data.db)
    assert (now[data.helicopter]["status"], now[data.strike]["status"]) == ("open", "confirmed")
    assert now[data.helicopter]["assignee"] == "sam"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["{h}"], 2, "give --to NAME, or --clear"),
        (["{h}", "--to", "bo", "--clear"], 2, "give --to NAME, or --clear"),
        (["--to", "bo"], 2, "give conflict IDs or --where"),
        (["{h}", "--to", " "], 2, "--to is empty"),
        (["{h}", "99", "--to", "bo"], 1, "no conflict 99"),
        (["{h}", "{s}", "--to", "bo", "--expect-version", "1"], 2, "one conflict ID"),
        (["{h}", "--to", "bo", "--expect-version", "7"], 1, "re-read it and retry"),
        (["--where", "nonsense", "--to", "bo"], 2, "is not a filter"),
    ],
)
def test_assign_errors_change_nothing(
    data: Sample, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    before = conflicts(data.db)
    filled = [a.format(h=data.helicopter, s=data.strike) for a in args]
    got, _out, err = cli(capsys, data.db, "assign", *filled)
    assert got == code and err.startswith("Error: ") and message in err, err
    assert err.count("\n") == 1
    assert conflicts(data.db) == before
