"""``claimtrack review`` driven for real in a pseudo-terminal (pexpect): keys in, database out."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest
from reviewdata import SAMPLE, Sample, sample
from sqlmodel import select

from claimtrack.store import tables
from claimtrack.store.engine import open_store

PROMPT = "Decision\\? "


@pytest.fixture
def data(tmp_path: Path) -> Sample:
    return sample(str(tmp_path / "claims.db"))


def spawn(db: str, *args: str) -> pexpect.spawn:
    env = dict(os.environ, CLAIMTRACK_REVIEWER="pat", TERM="xterm", COLUMNS="140", LINES="60")
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "claimtrack", "--db", db, "review", *args],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(60, 140),
    )


def state(db: str) -> dict[int, tuple[str, int | None, str | None]]:
    store = open_store(db)
    try:
        with store.session() as session:
            return {
                c.id: (c.status, c.favoured_claim_id, c.note)
                for c in session.exec(select(tables.Conflict))
                if c.id is not None
            }
    finally:
        store.close()


def events(db: str) -> list[tuple[int, str, str, str, str | None]]:
    store = open_store(db)
    try:
        with store.session() as session:
            return [
                (e.conflict_id, e.old_status, e.new_status, e.reviewer, e.note)
                for e in session.exec(select(tables.ReviewEvent).order_by(tables.ReviewEvent.id))
            ]
    finally:
        store.close()


def finish(child: pexpect.spawn) -> tuple[str, int | None]:
    child.expect(pexpect.EOF)
    rest = child.before
    child.close()
    return rest, child.exitstatus


def test_walk_confirm_and_resolve(data: Sample) -> None:
    child = spawn(data.db)
    child.expect("2 open conflict")
    # most severe first: the helicopter (Anadolu vs Russia Today), side by side, values marked
    child.expect("Conflict 1 of 2")
    child.expect("Why flagged")
    child.expect("Anadolu")
    child.expect("Russia Today")
    child.expect("Ankara-backed")
    child.expect(PROMPT)
    child.send("c")  # one key, no Enter
    child.expect("open -> confirmed")
    child.expect("Conflict 2 of 2")
    child.expect(PROMPT)
    child.send("r")
    child.expect("Which account is right\\?")
    child.sendline("1")
    child.expect("Note")
    child.sendline("The UN later confirmed the Observatory's toll")
    child.expect("open -> resolved")
    rest, code = finish(child)
    assert "Done. 2 decisions saved" in rest and "Traceback" not in rest
    assert code == 0
    now = state(data.db)
    assert now[data.helicopter] == ("confirmed", None, None)
    assert now[data.strike] == (
        "resolved",
        data.sohr_strike,
        "The UN later confirmed the Observatory's toll",
    )
    assert [(e[0], e[2], e[3]) for e in events(data.db)] == [
        (data.helicopter, "confirmed", "pat"),
        (data.strike, "resolved", "pat"),
    ]


def test_note_skip_back_and_ctrl_c_keeps_decisions(data: Sample) -> None:
    child = spawn(data.db)
    child.expect("Conflict 1 of 2")
    child.expect(PROMPT)
    child.send("n")
    child.expect("Note: ")
    child.sendline("Check the Dara Azza footage")
    child.expect("Note saved")
    child.expect("Conflict 1 of 2")  # shown again, with its history
    child.expect("Check the Dara Azza footage")
    child.expect(PROMPT)
    child.send("s")
    child.expect("Conflict 2 of 2")
    child.expect(PROMPT)
    child.send("b")
    child.expect("Conflict 1 of 2")
    child.expect(PROMPT)
    child.send("x")
    child.expect("Unknown key 'x': \\? lists the keys")
    child.expect(PROMPT)
    child.send("d")
    child.expect("Reason \\(one line, Enter to skip\\): ")
    child.sendline("")
    child.expect("open -> dismissed")
    child.expect("Conflict 2 of 2")
    child.expect(PROMPT)
    child.send("\x03")  # Ctrl-C
    rest, code = finish(child)
    assert "Interrupted. 1 decision saved" in rest
    assert "1 note" in rest and "1 skipped" in rest
    assert "Traceback" not in rest and "Error" not in rest
    assert code == 130
    now = state(data.db)
    assert now[data.helicopter][0] == "dismissed"
    assert now[data.strike][0] == "open"
    assert [(e[0], e[1], e[2], e[4]) for e in events(data.db)] == [
        (data.helicopter, "open", "open", "Check the Dara Azza footage"),
        (data.helicopter, "open", "dismissed", None),
    ]


def test_ctrl_c_while_typing_a_note_keeps_earlier_decisions(data: Sample) -> None:
    child = spawn(data.db)
    child.expect(PROMPT)
    child.send("i")
    child.expect("Reason")
    child.sendline("")
    child.expect("open -> inconclusive")
    child.expect(PROMPT)
    child.send("r")
    child.expect("Which account")
    child.sendintr()
    rest, code = finish(child)
    assert "Interrupted. 1 decision saved" in rest and "Traceback" not in rest
    assert code == 130
    assert state(data.db)[data.helicopter][0] == "inconclusive"
    assert state(data.db)[data.strike][0] == "open"


def test_someone_else_decides_meanwhile(data: Sample) -> None:
    child = spawn(data.db)
    child.expect("Conflict 1 of 2")
    child.expect(PROMPT)
    # another reviewer decides on the shown conflict before pat presses a key
    other = subprocess.run(
        [sys.executable, "-m", "claimtrack", "--db", data.db, "review", str(data.helicopter),
         "--status", "confirmed", "--reviewer", "sam"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert other.returncode == 0, other.stderr
    child.send("d")
    child.expect("Reason")
    child.sendline("")
    child.expect("changed by sam at .* re-read it and retry")
    child.expect("Conflict 1 of 2")  # shown again, now confirmed by sam
    child.expect("sam")
    child.expect(PROMPT)
    child.send("d")  # pat still disagrees, knowingly
    child.expect("Reason")
    child.sendline("The footage shows a different helicopter")
    child.expect("confirmed -> dismissed")
    child.expect(PROMPT)
    child.send("q")
    rest, code = finish(child)
    assert code == 0 and "1 changed by someone else meanwhile" in rest
    assert [(e[3], e[2], e[4]) for e in events(data.db)] == [
        ("sam", "confirmed", None),
        ("pat", "dismissed", "The footage shows a different helicopter"),
    ]


def test_keys_from_a_pipe_one_per_line(data: Sample) -> None:
    env = dict(os.environ, CLAIMTRACK_REVIEWER="pipe")
    result = subprocess.run(
        [sys.executable, "-m", "claimtrack", "--db", data.db, "review"],
        input="d\nTwo helicopters\nr\n2\nSana was right: the missiles were intercepted\n",
        capture_output=True, text=True, env=env, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Done. 2 decisions saved" in result.stdout
    now = state(data.db)
    assert now[data.helicopter] == ("dismissed", None, "Two helicopters")
    assert now[data.strike][:2] == ("resolved", data.sana)


def test_nothing_to_review(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    child = spawn(db)  # no database there: an error, and nothing created
    child.expect("no claimtrack database there")
    _, code = finish(child)
    assert code == 1 and not (tmp_path / "empty.db").exists()
    open_store(db, create=True).close()  # an empty database: nothing to review
    child = spawn(db)
    child.expect("No open conflicts to review")
    _, code = finish(child)
    assert code == 0


@pytest.fixture
def matched(tmp_path: Path) -> str:
    """The sample article ingested with matching: its conflicts sit in their incidents (the
    Damascus strike: SOHR vs Sana; the helicopter: Anadolu vs Russia Today vs SOHR)."""
    db = str(tmp_path / "matched.db")
    result = subprocess.run(
        [sys.executable, "-m", "claimtrack", "--db", db, "ingest", str(SAMPLE), "--outlet",
         "The National", "--published", "2020-02-15", "--quiet"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return db


def test_keys_help_article_context_enter_and_space(matched: str) -> None:
    child = spawn(matched)
    child.expect("Conflict 1 of 2")
    child.expect(PROMPT)
    child.send("?")
    child.expect("dismiss: not a conflict \\(asks for a reason, Enter to skip it\\)")
    child.expect("article: the article text around each account")
    child.expect("s, Enter, space")
    child.expect(PROMPT)
    child.send("a")  # the article around each account: SANA's claim and the one after it
    child.expect("SANA · claim \\d+ · article 1 · The National · 2020-02-15")
    child.expect("missiles were intercepted over Damascus")
    child.expect("Israel does not usually comment on strikes in Syria")
    child.expect(PROMPT)
    child.send("\r")  # Enter skips (no 'Unknown key')
    child.expect("Conflict 2 of 2")
    child.expect(PROMPT)
    child.send("a")  # Anadolu's account and the sentence before it
    child.expect("On Friday, a second Syrian government helicopter was shot down")
    child.expect("Anadolu news agency said the helicopter")
    child.expect(PROMPT)
    child.send(" ")  # space skips too
    rest, code = finish(child)
    assert code == 0 and "Done. 0 decisions saved; 0 notes; 2 skipped" in rest
    assert "Unknown key" not in rest and "Traceback" not in rest
    assert events(matched) == []


def test_also_said_keeps_to_the_incident(matched: str) -> None:
    """'also said' lists a source's other claims of the same incident only: on the helicopter
    the Observatory's 'both pilots were killed', never its Damascus strike toll."""
    result = subprocess.run(
        [sys.executable, "-m", "claimtrack", "--db", matched, "review"],
        input="s\nq\n", capture_output=True, text=True, check=False, timeout=60,
        env=dict(os.environ, CLAIMTRACK_REVIEWER="pipe", COLUMNS="200"),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    strike, helicopter = result.stdout.split("Conflict 2 of 2", 1)
    assert "Conflict 1 of 2" in strike and "Israeli air strikes" in strike
    assert "both pilots were killed" not in strike  # another incident
    assert "blamed the attack on Turkey" not in strike
    assert " ".join(helicopter.split()).count("It said both pilots were killed.") == 1
    assert "Israeli air strikes" not in helicopter  # the strike is another incident
