"""The review queue: `conflicts` and `review` select by kind, source, incident, publication
dates, severity, status and assignee, and list the most severe first, then the newest."""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from reviewdata import SAMPLE, Sample, add_conflict, ingest, sample
from sqlmodel import select

from claimtrack.cli import run
from claimtrack.store import tables
from claimtrack.store.engine import open_store

T0 = datetime(2020, 3, 2, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Queue:
    data: Sample
    later: int  # a toll conflict between two accounts of a copy published 2020-03-01
    incident: int  # the incident of `later` and the helicopter


def claim_in(db: str, article_id: int, needle: str) -> int:
    store = open_store(db)
    try:
        with store.session() as session:
            found = [
                c.id
                for c in session.exec(
                    select(tables.Claim).where(tables.Claim.article_id == article_id)
                )
                if needle in c.text and c.id is not None
            ]
    finally:
        store.close()
    assert len(found) == 1, found
    return found[0]


def set_fields(db: str, conflict_id: int, **values: object) -> None:
    store = open_store(db)
    try:
        with store.session() as session:
            row = session.get(tables.Conflict, conflict_id)
            assert row is not None
            for name, value in values.items():
                setattr(row, name, value)
            session.add(row)
    finally:
        store.close()


def new_incident(db: str, label: str) -> int:
    store = open_store(db)
    try:
        with store.session() as session:
            row = tables.Incident(label=label, kind="shoot_down", created_at=T0)
            session.add(row)
            session.flush()
            assert row.id is not None
            return row.id
    finally:
        store.close()


@pytest.fixture
def queue(tmp_path: Path) -> Queue:
    """Three conflicts: the helicopter (actor, 0.8, 15 Feb), the strike (omission, 0.6, 15 Feb,
    assigned to ana) and a toll dispute in a copy of the article published 1 Mar (number, 0.8);
    the helicopter and the toll dispute are one incident."""
    data = sample(str(tmp_path / "claims.db"))
    copy = tmp_path / "copy.txt"
    copy.write_text("Helicopter report, second edition\n\n" + SAMPLE.read_text(encoding="utf-8"))
    ingest(data.db, copy, published="2020-03-01")
    later = add_conflict(
        data.db,
        "number",
        "Anadolu and Russia Today disagree (copy).",
        [claim_in(data.db, 2, "Ankara-backed rebels"), claim_in(data.db, 2, "shoulder-fired")],
        ["rebels", "a Turkish post"],
        severity=0.8,
    )
    incident = new_incident(data.db, "Idlib, 14 Feb 2020, shoot-down")
    set_fields(data.db, data.helicopter, incident_id=incident)
    set_fields(data.db, later, incident_id=incident)
    set_fields(data.db, data.strike, assignee="ana")
    return Queue(data, later, incident)


def listed(db: str, capsys: pytest.CaptureFixture[str], *args: str) -> list[int]:
    capsys.readouterr()
    code = run(["--db", db, "conflicts", *args, "--format", "json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return [row["id"] for row in json.loads(captured.out)]


def test_conflicts_sorted_by_severity_then_newest(
    queue: Queue, capsys: pytest.CaptureFixture[str]
) -> None:
    d = queue.data
    assert listed(d.db, capsys) == [queue.later, d.helicopter, d.strike]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--kind", "actor"], ["helicopter"]),
        (["--kind", "Number", "--kind", "omission"], ["later", "strike"]),
        (["--source", "SANA"], ["strike"]),
        (["--source", "RT"], ["later", "helicopter"]),  # an alias
        (["--incident", "{incident}"], ["later", "helicopter"]),
        (["--incident", "999"], []),
        (["--since", "2020-02-20"], ["later"]),
        (["--until", "2020-02-15"], ["helicopter", "strike"]),
        (["--since", "2020-02-15", "--until", "2020-02-15"], ["helicopter", "strike"]),
        (["--min-severity", "0.7"], ["later", "helicopter"]),
        (["--assignee", "ANA"], ["strike"]),
        (["--assignee", "-"], ["later", "helicopter"]),
        (["--status", "open", "--kind", "omission", "--since", "2020-02-01"], ["strike"]),
        (["--status", "dismissed"], []),
    ],
)
def test_each_filter_selects_what_it_says(
    queue: Queue, capsys: pytest.CaptureFixture[str], args: list[str], expected: list[str]
) -> None:
    names = {"helicopter": queue.data.helicopter, "strike": queue.data.strike, "later": queue.later}
    filled = [a.format(incident=queue.incident) for a in args]
    assert listed(queue.data.db, capsys, *filled) == [names[n] for n in expected]


def test_mine_and_the_assignee_column(
    queue: Queue, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    d = queue.data
    monkeypatch.setenv("CLAIMTRACK_REVIEWER", "ana")
    assert listed(d.db, capsys, "--mine") == [d.strike]
    monkeypatch.setenv("CLAIMTRACK_REVIEWER", "bo")
    assert listed(d.db, capsys, "--mine") == []
    capsys.readouterr()
    assert run(["--db", d.db, "conflicts"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].split("\t")
    assert header[:6] == ["id", "kind", "status", "severity", "incident", "assignee"]
    by_id = {int(line.split("\t")[0]): line.split("\t") for line in lines[1:]}
    assert by_id[d.strike][5] == "ana" and by_id[d.helicopter][5] == "-"
    assert run(["--db", d.db, "conflicts", "show", str(d.strike)]) == 0
    assert "assigned to ana" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "15/02/2020"], "--since: '15/02/2020' is not a date (use YYYY-MM-DD)"),
        (["--until", "2020-01-01", "--since", "2020-02-01"], "is before --since"),
        (["--min-severity", "1.5"], "--min-severity must be between 0 and 1"),
        (["--kind", "toll"], "unknown conflict kind 'toll'"),
        (["--status", "done"], "unknown review state 'done'"),
        (["--assignee", " "], "--assignee is empty"),
        (["--mine", "--assignee", "ana"], "--mine means --assignee ME"),
    ],
)
def test_bad_filters_are_usage_errors(
    queue: Queue, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    capsys.readouterr()
    assert run(["--db", queue.data.db, "conflicts", *args]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith("Error: ") and message in captured.err
    assert captured.err.count("\n") == 1


def review_keys(
    db: str, keys: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    *args: str,
) -> str:  # fmt: skip
    """The interactive review fed from a pipe (one key per line); its output."""
    monkeypatch.setattr("sys.stdin", io.StringIO(keys))
    capsys.readouterr()
    code = run(["--db", db, "review", *args])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def shown_ids(out: str) -> list[int]:
    """The conflict ids the interactive screens showed, in order ('Conflict 1 of 3 · #7 ·')."""
    ids = []
    for line in out.splitlines():
        if "Conflict " in line and " of " in line and "· #" in line:
            ids.append(int(line.split("· #", 1)[1].split()[0]))
    return ids


def test_interactive_queue_takes_the_same_filters(
    queue: Queue, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    d = queue.data
    monkeypatch.setenv("CLAIMTRACK_REVIEWER", "ana")
    # Enter (an empty line) skips, as `s` does
    out = review_keys(d.db, "\n\n\n", monkeypatch, capsys)
    assert "3 open conflict(s) to review as ana." in out
    assert shown_ids(out) == [queue.later, d.helicopter, d.strike]
    assert "3 skipped" in out
    out = review_keys(d.db, "s\ns\n", monkeypatch, capsys, "--incident", str(queue.incident))
    assert "2 conflict(s) selected" in out and shown_ids(out) == [queue.later, d.helicopter]
    out = review_keys(d.db, "q\n", monkeypatch, capsys, "--mine")
    assert shown_ids(out) == [d.strike] and "assigned to ana" in out
    out = review_keys(d.db, "q\n", monkeypatch, capsys, "--since", "2020-02-20", "-k", "number")
    assert shown_ids(out) == [queue.later]
    out = review_keys(d.db, "q\n", monkeypatch, capsys, "--status", "dismissed")
    assert "No conflicts match the filters." in out and shown_ids(out) == []
    # a decision taken in a filtered queue is recorded as any other
    out = review_keys(d.db, "d\nNot the same helicopter\n", monkeypatch, capsys, "-k", "actor")
    assert "1 decision saved" in out
    assert listed(d.db, capsys, "--status", "dismissed") == [d.helicopter]
