"""`--output` never destroys the database nor (without --force) an existing file."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack.cli import run

TEXT = (
    "Anadolu said the helicopter was shot down by rebels near Saraqeb. "
    "Russia Today said it was hit by a missile fired from a Turkish post."
)
EXPORTS = [
    ["export", "claims", "--format", "csv"],
    ["export", "sources", "--format", "json"],
    ["export", "all", "--format", "jsonl"],
    ["export", "report", "--format", "md"],
    ["export", "conflicts", "--format", "json"],
    ["export", "annotations", "--format", "csv"],
]


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("out")
    article = folder / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = folder / "claims.db"
    assert run(["--db", str(db), "ingest", str(article), "--quiet"]) == 0
    return db


@pytest.fixture
def db(stored: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "claims.db"
    copy.write_bytes(stored.read_bytes())
    return copy


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("args", EXPORTS, ids=" ".join)
@pytest.mark.parametrize("how", ["same", "relative", "symlink", "hardlink", "wal", "force"])
def test_output_onto_the_database_is_refused(
    db: Path,
    args: list[str],
    how: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(db.parent)
    target = {
        "same": str(db),
        "relative": "./sub/../claims.db",
        "symlink": "link.db",
        "hardlink": "hard.db",
        "wal": "claims.db-wal",
        "force": str(db),
    }[how]
    (db.parent / "sub").mkdir()
    os.symlink(db, db.parent / "link.db")
    os.link(db, db.parent / "hard.db")
    before = digest(db)
    extra = ["--force"] if how in ("force", "symlink", "hardlink", "wal") else []
    capsys.readouterr()
    assert run(["--db", "claims.db", *args, "--output", target, *extra]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "is the database" in err
    assert digest(db) == before
    assert sorted(p.name for p in db.parent.iterdir() if p.name.endswith(".tmp")) == []


@pytest.mark.parametrize("args", EXPORTS, ids=" ".join)
def test_existing_file_needs_force(
    db: Path, args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.txt"
    out.write_text("keep me\n")
    capsys.readouterr()
    assert run(["--db", str(db), *args, "-o", str(out)]) == 1
    assert "already exists (use --force" in capsys.readouterr().err
    assert out.read_text() == "keep me\n"
    assert run(["--db", str(db), *args, "-o", str(out), "--force"]) == 0
    assert out.read_text() != "keep me\n" and out.stat().st_size > 0
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_new_file_is_written_with_normal_permissions(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    assert run(["--db", str(db), "export", "claims", "--format", "csv", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("id,article_id,text")
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_another_sqlite_database_is_never_overwritten(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.db"
    other.write_bytes(db.read_bytes())
    before = digest(other)
    capsys.readouterr()
    code = run(["--db", str(db), "export", "sources", "-f", "csv", "-o", str(other), "--force"])
    assert code == 1
    assert "is an SQLite database" in capsys.readouterr().err
    assert digest(other) == before


def test_a_directory_is_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(["--db", str(db), "export", "sources", "-o", str(tmp_path), "--force"]) == 1
    assert "is a directory" in capsys.readouterr().err


def test_stdout_appended_to_the_database_is_refused(db: Path) -> None:
    before = digest(db)
    with db.open("ab") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack", "--db", str(db), "export", "all"],
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert done.returncode == 1
    assert "standard output is the database" in done.stderr
    assert digest(db) == before
