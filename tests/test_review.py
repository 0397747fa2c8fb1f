"""Review decisions: state machine, history, errors that change nothing, optimistic locking."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from reviewdata import Sample, sample
from sqlmodel import select

from claimtrack.cli import run
from claimtrack.errors import ConflictNotFoundError, NotFoundError, StaleWriteError, UsageError
from claimtrack.review import ReviewState, decide, parse_state
from claimtrack.store import review as review_store
from claimtrack.store import tables
from claimtrack.store.engine import open_store

NOW = datetime(2020, 2, 17, 12, 0, tzinfo=UTC)


# ------------------------------------------------------------------ the state machine (pure)


def test_every_state_can_move_to_every_other_state() -> None:
    for old in ReviewState:
        for new in ReviewState:
            if old == new:
                with pytest.raises(UsageError, match="already"):
                    decide(old, new, note="x")
            else:
                assert decide(old, new, note="why").new == new


def test_resolved_needs_a_note_or_a_favoured_account() -> None:
    with pytest.raises(UsageError, match="--favour CLAIM_ID"):
        decide("open", "resolved")
    with pytest.raises(UsageError, match="--favour CLAIM_ID"):
        decide("open", "resolved", note="   ")
    assert decide("open", "resolved", favour_claim_id=7).favour_claim_id == 7
    assert decide("open", "resolved", note="UN confirmed SOHR's toll").note == (
        "UN confirmed SOHR's toll"
    )


def test_favour_only_with_resolved() -> None:
    with pytest.raises(UsageError, match="resolved"):
        decide("open", "confirmed", favour_claim_id=3)


def test_unknown_state_names_the_choices() -> None:
    assert parse_state(" Confirmed ") == ReviewState.CONFIRMED
    with pytest.raises(UsageError, match="open, confirmed, dismissed, inconclusive, resolved"):
        parse_state("accepted")


# ------------------------------------------------------------------ the store


@pytest.fixture
def data(tmp_path: Path) -> Sample:
    return sample(str(tmp_path / "claims.db"))


def _conflict(db: str, conflict_id: int) -> tables.Conflict:
    store = open_store(db)
    try:
        with store.session() as session:
            row = session.get(tables.Conflict, conflict_id)
            assert row is not None
            return row
    finally:
        store.close()


def _events(db: str, conflict_id: int) -> list[dict[str, object]]:
    store = open_store(db)
    try:
        with store.session() as session:
            return review_store.history(session, conflict_id)
    finally:
        store.close()


def test_decisions_are_kept_in_the_history(data: Sample) -> None:
    db = data.db
    note = "Anadolu and RT blame different parties"
    assert run(["--db", db, "review", str(data.helicopter), "--status", "confirmed",
                "--note", note, "--reviewer", "alice"]) == 0  # fmt: skip
    assert run(["--db", db, "review", str(data.helicopter), "--status", "resolved",
                "--favour", str(data.rt), "--reviewer", "bob"]) == 0  # fmt: skip
    row = _conflict(db, data.helicopter)
    assert (row.status, row.favoured_claim_id, row.version, row.updated_by) == (
        "resolved",
        data.rt,
        3,
        "bob",
    )
    # the note stays the last one given; the history has both decisions in order
    assert row.note == "Anadolu and RT blame different parties"
    events = _events(db, data.helicopter)
    assert [(e["old_status"], e["new_status"], e["reviewer"]) for e in events] == [
        ("open", "confirmed", "alice"),
        ("confirmed", "resolved", "bob"),
    ]
    assert events[0]["note"] == "Anadolu and RT blame different parties"
    assert events[1]["favoured_claim_id"] == data.rt
    # the other conflict is untouched
    assert _conflict(db, data.strike).status == "open"
    assert _events(db, data.strike) == []


def test_reopen_clears_the_favoured_account(data: Sample) -> None:
    db = data.db
    assert run(["--db", db, "review", str(data.strike), "-s", "resolved", "--favour",
                str(data.sohr_strike), "--reviewer", "alice"]) == 0  # fmt: skip
    assert run(["--db", db, "review", str(data.strike), "-s", "open", "--note",
                "Sana later reported casualties", "--reviewer", "bob"]) == 0  # fmt: skip
    row = _conflict(db, data.strike)
    assert (row.status, row.favoured_claim_id) == ("open", None)


def test_note_without_a_decision(data: Sample, capsys: pytest.CaptureFixture[str]) -> None:
    db = data.db
    assert run(["--db", db, "review", str(data.strike), "--note", "Ask the Damascus stringer",
                "--reviewer", "carol"]) == 0  # fmt: skip
    events = _events(db, data.strike)
    assert [(e["kind"], e["old_status"], e["new_status"], e["note"]) for e in events] == [
        ("note", "open", "open", "Ask the Damascus stringer")
    ]
    assert _conflict(db, data.strike).status == "open"


def test_reviewer_defaults_to_env_then_os_user(
    data: Sample, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMTRACK_REVIEWER", "desk-editor")
    assert run(["--db", data.db, "review", str(data.strike), "-s", "inconclusive"]) == 0
    assert _events(data.db, data.strike)[-1]["reviewer"] == "desk-editor"
    monkeypatch.delenv("CLAIMTRACK_REVIEWER")
    import getpass

    assert run(["--db", data.db, "review", str(data.strike), "-s", "confirmed"]) == 0
    assert _events(data.db, data.strike)[-1]["reviewer"] == getpass.getuser()


def _snapshot(db: str) -> tuple[object, ...]:
    store = open_store(db)
    try:
        with store.session() as session:
            conflicts = [
                (c.id, c.status, c.note, c.favoured_claim_id, c.version)
                for c in session.exec(select(tables.Conflict))
            ]
            events = len(session.exec(select(tables.ReviewEvent)).all())
            return (tuple(conflicts), events)
    finally:
        store.close()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["99", "--status", "confirmed"], 1, "no conflict 99 (see `claimtrack conflicts`)"),
        (["{strike}", "--status", "accepted"], 2, "unknown review state 'accepted'"),
        (["{strike}", "--status", "open"], 2, "already open"),
        (["{strike}", "--status", "resolved"], 2, "needs --favour"),
        (["{strike}", "--status", "resolved", "--favour", "{anadolu}"], 2, "not one of"),
        (["{strike}", "--status", "confirmed", "--favour", "{sana}"], 2, "--status resolved"),
        (["{strike}", "--status", "confirmed", "--expect-version", "5"], 1, "re-read it"),
        (["{strike}"], 2, "give --status"),
        (["{strike}", "--note", "  "], 2, "note is empty"),
        (["--note", "why"], 2, "need conflict IDs or --where"),
        (["--favour", "{sana}"], 2, "need conflict IDs or --where"),
        (["{strike}", "{helicopter}", "--note", "x"], 2, "needs --status"),
        (["{strike}", "{helicopter}", "-s", "resolved", "--favour", "{sana}"], 2, "--favour"),
        (["{strike}", "99", "-s", "dismissed"], 1, "no conflict 99"),
        (["{strike}", "{helicopter}", "-s", "resolved"], 2, "needs --favour"),
        (["{strike}", "--where", "kind=actor", "-s", "dismissed"], 2, "IDs or --where"),
        (["{strike}", "--kind", "actor", "-s", "dismissed"], 2, "put them in --where"),
        (["--where", "", "-s", "dismissed"], 2, "at least one filter"),
        (["--where", "colour=red", "-s", "dismissed"], 2, "'colour=red' is not a filter"),
        (["--where", "kind=culprit", "-s", "dismissed"], 2, "unknown conflict kind"),
        (["--where", "since=yesterday", "-s", "dismissed"], 2, "is not a date"),
        (["--where", "source=Nobody", "-s", "dismissed"], 1, "Nobody"),
        (["--where", "kind=actor"], 2, "needs --status"),
        (["--since", "2020-02-16", "--until", "2020-02-01"], 2, "before --since"),
        (["--min-severity", "2"], 2, "between 0 and 1"),
        (["--mine", "--assignee", "bo"], 2, "--mine means --assignee ME"),
    ],
)
def test_errors_exit_non_zero_and_change_nothing(
    data: Sample,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    code: int,
    message: str,
) -> None:
    before = _snapshot(data.db)
    filled = [
        a.format(
            strike=data.strike, helicopter=data.helicopter, anadolu=data.anadolu, sana=data.sana
        )
        for a in args
    ]
    capsys.readouterr()
    assert run(["--db", data.db, "review", *filled, "--reviewer", "alice"]) == code
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and message in err, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert _snapshot(data.db) == before


def test_expected_version_refuses_a_stale_decision(data: Sample) -> None:
    db = data.db
    # alice and bob both look at the conflict at version 1; alice decides first
    assert run(["--db", db, "review", str(data.helicopter), "-s", "confirmed",
                "--reviewer", "alice", "--expect-version", "1"]) == 0  # fmt: skip
    store = open_store(db)
    try:
        with pytest.raises(StaleWriteError, match=r"changed by alice at .*re-read it and retry"):
            store.write(
                lambda s: review_store.set_status(
                    s, data.helicopter, "dismissed", reviewer="bob", expected_version=1, now=NOW
                )
            )
        # bob's stale decision is not applied and not recorded
        assert _conflict(db, data.helicopter).status == "confirmed"
        assert [e["reviewer"] for e in _events(db, data.helicopter)] == ["alice"]
        # bob re-reads (version 2) and decides again: now both decisions are in the history
        store.write(
            lambda s: review_store.set_status(
                s, data.helicopter, "dismissed", reviewer="bob", expected_version=2, now=NOW
            )
        )
    finally:
        store.close()
    assert [(e["reviewer"], e["new_status"]) for e in _events(db, data.helicopter)] == [
        ("alice", "confirmed"),
        ("bob", "dismissed"),
    ]


def test_row_changed_between_read_and_write_is_refused(any_db: str) -> None:
    """The compare-and-set itself, on SQLite and PostgreSQL: bob read version 1, alice committed
    through another connection before bob's UPDATE ... WHERE version = 1, which then hits 0 rows.
    """
    data = sample(any_db)
    store = open_store(any_db)
    other = open_store(any_db)
    try:
        with store.session() as session:
            row = session.get(tables.Conflict, data.strike)
            assert row is not None and row.version == 1
            session.expunge(row)
        other.write(
            lambda s: review_store.set_status(
                s, data.strike, "confirmed", reviewer="alice", now=NOW
            )
        )
        with pytest.raises(StaleWriteError, match="changed by alice"), store.session() as s:
            review_store._write(s, row, {"status": "dismissed"}, reviewer="bob", now=NOW)
    finally:
        store.close()
        other.close()
    assert _conflict(any_db, data.strike).status == "confirmed"
    assert [e["reviewer"] for e in _events(any_db, data.strike)] == ["alice"]


def test_two_reviewers_in_two_processes(tmp_path: Path) -> None:
    """Two real processes decide on the same conflict at version 1: one wins, one is told."""
    import subprocess
    import sys

    data = sample(str(tmp_path / "claims.db"))
    command = [sys.executable, "-m", "claimtrack", "--db", data.db, "review",
               str(data.helicopter), "--expect-version", "1"]  # fmt: skip
    procs = [
        subprocess.Popen(
            [*command, "-s", state, "--reviewer", who],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for state, who in (("confirmed", "alice"), ("dismissed", "bob"))
    ]
    results = [(p.wait(60), p.stderr.read() if p.stderr else "") for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 1], results
    loser = next(err for code, err in results if code == 1)
    assert "re-read it and retry" in loser
    events = _events(data.db, data.helicopter)
    assert len(events) == 1
    assert _conflict(data.db, data.helicopter).status == events[0]["new_status"]


def test_json_output_for_scripts(data: Sample, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert run(["--db", data.db, "review", str(data.strike), "-s", "inconclusive", "--format",
                "json", "--reviewer", "dana"]) == 0  # fmt: skip
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "inconclusive" and result["version"] == 2
    assert result["reviewer"] == "dana"


def test_history_of_unknown_conflict_is_not_found(data: Sample) -> None:
    store = open_store(data.db)
    try:
        with store.session() as session, pytest.raises(NotFoundError):
            review_store.history(session, 12345)
    finally:
        store.close()


def test_render_history_shows_every_change(data: Sample) -> None:
    from rich.console import Console

    from claimtrack.cli.review import render_history

    assert run(["--db", data.db, "review", str(data.helicopter), "-s", "confirmed", "--note",
                "[bold]not markup[/bold]", "--reviewer", "alice"]) == 0  # fmt: skip
    out = Console(width=120, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    out.print(render_history(data.helicopter, _events(data.db, data.helicopter)))
    text = out.export_text()
    assert "open → confirmed" in text and "alice" in text
    assert "[bold]not markup[/bold]" in text  # reviewer text is shown as written
    out = Console(width=120, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    out.print(render_history(data.strike, []))
    assert "not reviewed yet" in out.export_text()


def test_an_unknown_conflict_is_one_typed_error_with_one_message(
    data: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    store = open_store(data.db)
    try:
        with store.session() as session:
            with pytest.raises(ConflictNotFoundError) as raised:
                review_store.set_status(session, 999, "confirmed", reviewer="ana", now=NOW)
            assert raised.value.ids == [999]
            with pytest.raises(ConflictNotFoundError) as raised:
                review_store.require_conflicts(session, [998, data.strike, 999])
            assert raised.value.ids == [998, 999]
            review_store.require_conflicts(session, [data.strike, data.helicopter])
    finally:
        store.close()
    before = _snapshot(data.db)
    printed = set()
    for args in (
        ["review", "999", "--status", "confirmed"],
        ["review", "999", "--note", "Sana's report names no casualties"],
        ["conflicts", "show", "999"],
        ["conflicts", "show", "999", str(data.strike)],
    ):
        capsys.readouterr()
        assert run(["--db", data.db, *args]) == 1, args
        printed.add(capsys.readouterr().err)
    assert printed == {"Error: no conflict 999 (see `claimtrack conflicts`)\n"}
    assert run(["--db", data.db, "conflicts", "show", "998", "999"]) == 1
    assert capsys.readouterr().err == "Error: no conflicts 998, 999 (see `claimtrack conflicts`)\n"
    assert _snapshot(data.db) == before
