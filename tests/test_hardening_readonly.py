"""A database this process cannot write is opened read-only: read commands and exports work
(so a backup can be taken), nothing is written beside it, writes and old schemas are refused."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from claimtrack.cli import run
from claimtrack.store import engine
from tests.conftest import SAMPLE

READS = [
    ["articles"],
    ["claims", "--format", "json"],
    ["sources"],
    ["sources", "show", "Anadolu"],
    ["sources", "history", "Anadolu"],
    ["conflicts"],
    ["export", "claims", "--format", "csv"],
    ["export", "report", "--format", "md"],
    ["export", "conflicts", "--format", "claimreview", "--base-url", "https://example.org"],
    ["db", "current"],
]


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("ro") / "claims.db"
    assert run(["--db", str(db), "ingest", str(SAMPLE), "--quiet"]) == 0
    return db


@pytest.fixture
def db(stored: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the database that claimtrack is told it cannot write (as root, chmod does
    not stop us, so the access check itself answers "no")."""
    folder = tmp_path / "ro"
    folder.mkdir()
    copy = folder / "claims.db"
    copy.write_bytes(stored.read_bytes())
    real = os.access

    def access(path: object, mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and str(path).startswith(str(folder)):
            return False
        return real(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(engine.os, "access", access)
    return copy


def _untouched(db: Path, before: bytes) -> None:
    assert db.read_bytes() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["claims.db"]  # no -wal, -shm, .lock


@pytest.mark.parametrize("args", READS, ids=" ".join)
def test_read_commands_work_and_write_nothing(
    db: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = db.read_bytes()
    capsys.readouterr()
    assert run(["--db", str(db), *args]) == 0, capsys.readouterr().err
    assert capsys.readouterr().out
    _untouched(db, before)


def test_a_backup_can_be_taken_and_restored(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = db.read_bytes()
    dump = tmp_path / "backup.jsonl"
    assert run(["--db", str(db), "export", "all", "-o", str(dump)]) == 0
    _untouched(db, before)
    trailer = json.loads(dump.read_text(encoding="utf-8").splitlines()[-1])
    assert trailer["counts"]["claim"] > 40
    assert run(["--db", str(tmp_path / "restored.db"), "import", str(dump)]) == 0


@pytest.mark.parametrize(
    "args",
    [["sources", "alias", "Anadolu", "AA"], ["annotate", "1", "--note", "x"], ["match"]],
    ids=" ".join,
)
def test_writes_are_refused_cleanly(
    db: Path, args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    before = db.read_bytes()
    capsys.readouterr()
    assert run(["--db", str(db), *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "read-only" in err and err.count("\n") == 1, err
    _untouched(db, before)


def test_an_older_schema_is_a_clear_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    script = ScriptDirectory.from_config(engine.alembic_config())
    head = script.get_current_head()
    assert head is not None
    older = script.get_revision(head).down_revision
    assert isinstance(older, str)
    with sqlite3.connect(db) as connection:  # the test itself may write it
        connection.execute("UPDATE alembic_version SET version_num = ?", (older,))
    connection.close()
    before = db.read_bytes()
    capsys.readouterr()
    assert run(["--db", str(db), "articles"]) == 1
    err = capsys.readouterr().err
    assert f"schema revision {older}, older than this claimtrack's {head}" in err
    assert "db upgrade" in err
    _untouched(db, before)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files anyway")
def test_a_read_only_directory_for_real(
    stored: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    copy = folder / "claims.db"
    copy.write_bytes(stored.read_bytes())
    copy.chmod(0o444)
    folder.chmod(0o555)
    try:
        assert run(["--db", str(copy), "export", "all", "-o", str(tmp_path / "b.jsonl")]) == 0
        assert sorted(p.name for p in folder.iterdir()) == ["claims.db"]
    finally:
        folder.chmod(0o755)
