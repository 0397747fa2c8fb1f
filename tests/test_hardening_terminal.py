"""Stored text never controls the terminal: every command that prints it goes through safe().

Hostile values (an OSC title change, a screen clear, a rich hyperlink) are put in every stored
field these commands print; the output must show them as written, never act on them.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from rich.console import Console

import claimtrack.cli.common as common
from claimtrack.cli import run

HOSTILE = "\033]0;PWNED\007\033[2J[link=http://x]Breaking[/link]"
MARKUP = "[link=http://x]Breaking[/link]"
# what a terminal must never receive from stored text
ATTACKS = ("\033]0;", "\033[2J", "\007", "\033]8;", "\x9b")
TEXT = (
    "Anadolu said the helicopter was shot down by rebels near Saraqeb. "
    "Russia Today said it was hit by a missile fired from a Turkish post."
)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = str(folder / "claims.db")
    assert run(["--db", db, "ingest", str(article), "--quiet", "--no-match"]) == 0
    annotate = ["sources", "annotate", "Anadolu", "--reliability", "0.5"]
    for option in ("--note", "--tag", "--affiliation", "--owner", "--author"):
        annotate += [option, HOSTILE]
    assert run(["--db", db, *annotate]) == 0
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE article SET title = ?, outlet = ?, origin = ?, url = ?, author = ?",
            (HOSTILE,) * 5,
        )
        connection.execute(
            "UPDATE claim SET cue = ?, via = ?, source_mention = ?, descriptor = ?", (HOSTILE,) * 4
        )
        connection.execute("UPDATE claim SET text = ? WHERE seq = 1", (HOSTILE,))
        connection.execute(
            "UPDATE source SET descriptor = ?, name = name || ? "
            "WHERE id = (SELECT source_id FROM claim WHERE seq = 1)",
            (HOSTILE, HOSTILE),
        )
        connection.execute("UPDATE source_alias SET alias = ? WHERE alias = 'RT'", (HOSTILE,))
    return db


def _terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the commands believe stdout is a terminal (rich tables, colours)."""

    def fake(stderr: bool = False) -> Console:
        return Console(
            file=sys.stderr if stderr else sys.stdout, force_terminal=True, width=400,
            highlight=False, emoji=False, color_system="truecolor",
        )  # fmt: skip

    monkeypatch.setattr(common, "console", fake)
    monkeypatch.setattr("claimtrack.cli.sources.console", fake)


def _assert_harmless(printed: str, *, terminal: bool) -> None:
    for attack in ATTACKS:
        assert attack not in printed
    if not terminal:  # a pipe gets no escape sequence at all
        assert "\033" not in printed


COMMANDS = [
    ["articles"],
    ["claims"],
    ["sources"],
    ["sources", "show", "Anadolu"],
    ["sources", "show", "Russian government"],
    ["sources", "history", "Anadolu"],
]


@pytest.mark.parametrize("terminal", [False, True], ids=["pipe", "terminal"])
@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_listing_commands_show_hostile_text_as_written(
    hostile_db: str,
    args: list[str],
    terminal: bool,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if terminal:
        _terminal(monkeypatch)
    capsys.readouterr()
    assert run(["--db", hostile_db, *args]) == 0
    printed = capsys.readouterr().out
    _assert_harmless(printed, terminal=terminal)
    assert "\\x1b]0;PWNED\\x07\\x1b[2J" in printed  # shown, visibly
    if terminal:
        assert MARKUP in printed  # markup printed as text, not read


def test_every_field_of_the_claims_listing_is_sanitised(
    hostile_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(["--db", hostile_db, "claims"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=True))
        for field in ("cue", "via"):
            assert row[field].startswith("\\x1b]0;PWNED"), (field, row)


@pytest.mark.parametrize(
    "args",
    [
        ["sources", "alias", "Anadolu", HOSTILE],
        ["annotate", "1", "--note", "n", "--tag", HOSTILE, "--author", HOSTILE],
        ["sources", "annotate", "Anadolu", "--tag", "x" + HOSTILE, "--author", HOSTILE],
    ],
    ids=["alias", "annotate", "sources annotate"],
)
def test_write_commands_echo_safely(
    hostile_db: str, args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "copy.db"
    db.write_bytes(Path(hostile_db).read_bytes())
    capsys.readouterr()
    assert run(["--db", str(db), *args]) == 0
    printed = capsys.readouterr().out
    _assert_harmless(printed, terminal=False)
    assert "\\x1b" in printed


def test_error_lines_are_sanitised(hostile_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert run(["--db", hostile_db, "sources", "show", HOSTILE]) != 0
    err = capsys.readouterr().err
    assert err.startswith("Error: ")
    _assert_harmless(err, terminal=False)


@pytest.mark.parametrize(
    "args",
    [
        ["export", "claims", "--format", "json"],
        ["export", "claims", "--format", "jsonl"],
        ["export", "claims", "--format", "csv"],
        ["export", "sources", "--format", "csv"],
        ["export", "sources", "--format", "json"],
        ["export", "annotations", "--format", "json"],
        ["export", "all"],
        ["sources", "show", "Anadolu", "--format", "json"],
        ["claims", "--format", "csv"],
        ["articles", "--format", "json"],
    ],
    ids=" ".join,
)
def test_data_formats_carry_no_raw_control_characters(
    hostile_db: str, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(["--db", hostile_db, *args]) == 0
    printed = capsys.readouterr().out
    _assert_harmless(printed, terminal=False)


def test_json_still_decodes_to_the_stored_value(
    hostile_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(["--db", hostile_db, "articles", "--format", "json"]) == 0
    printed = capsys.readouterr().out
    assert "\033" not in printed
    assert json.loads(printed)[0]["title"] == HOSTILE
    capsys.readouterr()
    assert run(["--db", hostile_db, "export", "claims", "--format", "json"]) == 0
    claims = json.loads(capsys.readouterr().out)
    assert {c["cue"] for c in claims} == {HOSTILE}
