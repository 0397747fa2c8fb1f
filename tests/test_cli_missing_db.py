"""A command on a --db file that does not exist says so and creates nothing, unless it is one
that starts a database: ingest, import and db upgrade.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.cli import run
from tests.conftest import SAMPLE

READ_ONLY = [
    ["articles"],
    ["claims"],
    ["claims", "--source", "Anadolu", "--format", "json"],
    ["conflicts"],
    ["conflicts", "--status", "open", "--format", "json"],
    ["conflicts", "show"],
    ["conflicts", "show", "1"],
    ["sources"],
    ["sources", "show", "Anadolu"],
    ["sources", "history", "Anadolu"],
    ["export", "claims", "--format", "json", "--output", "claims.json"],
    ["export", "sources", "--output", "sources.json"],
    ["export", "conflicts", "--format", "csv", "--output", "conflicts.csv"],
    ["export", "conflicts", "-f", "claimreview", "--base-url", "https://x.org", "-o", "r.json"],
    ["export", "report", "--format", "html", "--output", "report.html"],
    ["export", "annotations", "--format", "w3c", "--output", "notes.json"],
    ["export", "all", "--output", "backup.jsonl"],
    ["db", "current"],
    # commands that change what is stored need it stored first: a typo'd path is refused too
    ["review", "1", "--status", "confirmed"],
    ["annotate", "1", "--note", "checked"],
    ["match"],
    ["match", "--rebuild"],
    # the registry's commands act on stored sources, of which a new database has none
    ["sources", "alias", "SOHR", "Syrian Observatory"],
    ["sources", "merge", "SOHR", "Syrian Observatory"],
    ["sources", "annotate", "Anadolu", "--note", "state-owned"],
]


def _missing(path: Path) -> str:
    return f"Error: {path}: no claimtrack database there (run 'claimtrack ingest' first)\n"


@pytest.mark.parametrize("args", READ_ONLY, ids=" ".join)
def test_read_only_command_on_a_missing_database_creates_nothing(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    monkeypatch.chdir(tmp_path)  # --output files would land here
    db = tmp_path / "typo.db"
    assert run(["--db", str(db), *args]) == 1
    captured = capsys.readouterr()
    assert captured.err == _missing(db)
    assert captured.out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_the_default_database_and_an_empty_file_are_refused_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMTRACK_DB", raising=False)
    assert run(["claims"]) == 1
    assert capsys.readouterr().err == _missing(tmp_path / "claimtrack.db")
    assert list(tmp_path.iterdir()) == []
    empty = tmp_path / "empty.db"
    empty.touch()
    monkeypatch.setenv("CLAIMTRACK_DB", str(empty))
    assert run(["conflicts"]) == 1
    assert capsys.readouterr().err == _missing(empty)
    assert [p.name for p in tmp_path.iterdir()] == ["empty.db"]
    assert empty.stat().st_size == 0


def test_write_commands_still_create_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new.db"
    assert run(["--db", str(db), "ingest", str(SAMPLE), "--quiet"]) == 0
    capsys.readouterr()
    assert run(["--db", str(db), "claims", "--source", "Anadolu", "--format", "json"]) == 0
    texts = [row["text"] for row in json.loads(capsys.readouterr().out)]
    assert any("shot down by Ankara-backed rebels" in text for text in texts)
    backup = tmp_path / "backup.jsonl"
    assert run(["--db", str(db), "export", "all", "--output", str(backup)]) == 0
    copy = tmp_path / "copy.db"
    assert run(["--db", str(copy), "import", str(backup)]) == 0
    upgraded = tmp_path / "upgraded.db"
    assert run(["--db", str(upgraded), "db", "upgrade"]) == 0
    assert copy.stat().st_size > 0 and upgraded.stat().st_size > 0
    capsys.readouterr()
    assert run(["--db", str(upgraded), "claims", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_server_database_is_opened_as_before(
    pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--db", pg_url, "conflicts", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
