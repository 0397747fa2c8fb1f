"""The store on both backends: migrations, ingest and read back, refusals, the missing driver.

Every test taking ``any_db`` runs twice: on a fresh SQLite file and on a fresh PostgreSQL database
(skipped with the reason where no server is reachable; CLAIMTRACK_REQUIRE_PG=1 makes it fail).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from claimtrack.cli import run
from claimtrack.store import articles as article_store
from claimtrack.store.engine import head_revision, open_store
from tests.conftest import ROOT, SAMPLE


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_migrations_create_the_schema(any_db: str) -> None:
    store = open_store(any_db)
    try:
        with store.engine.connect() as connection:
            found = set(inspect(connection).get_table_names())
        expected = {table.name for table in SQLModel.metadata.sorted_tables}
        assert expected | {"alembic_version"} == found
        assert store.current_revision() == head_revision()
    finally:
        store.close()


def test_migrated_schema_equals_the_models(any_db: str) -> None:
    """Alembic's autogenerate finds nothing to do: the migrations build exactly tables.py."""
    store = open_store(any_db)
    try:
        with store.engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "compare_server_default": False}
            )
            differences = compare_metadata(context, SQLModel.metadata)
        assert differences == [], differences
    finally:
        store.close()


def test_matching_lookup_index_exists(any_db: str) -> None:
    """Candidate lookups go through claim_key (key, claim_id), on both backends."""
    store = open_store(any_db)
    try:
        with store.engine.connect() as connection:
            indexes = inspect(connection).get_indexes("claim_key")
        assert {"name": "ix_claim_key_key_claim", "columns": ["key", "claim_id"]} in [
            {"name": index["name"], "columns": index["column_names"]} for index in indexes
        ]
    finally:
        store.close()


def test_ingest_then_read_back(any_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(
        capsys, "--db", any_db, "ingest", str(SAMPLE), "--outlet", "The National",
        "--published", "2020-02-15",
    )  # fmt: skip
    assert code == 0, err
    assert "1 new, 0 skipped" in out
    store = open_store(any_db)
    try:
        with store.session() as session:
            articles = article_store.article_rows(session)
            claims = article_store.claim_rows(session)
            text = article_store.article_text(session, articles[0]["id"])
    finally:
        store.close()
    assert len(articles) == 1
    assert articles[0]["outlet"] == "The National"
    assert articles[0]["published"] == "2020-02-15"
    assert articles[0]["claims"] == len(claims) > 20
    assert text is not None and "Idlib" in text
    assert [claim["seq"] for claim in claims] == list(range(len(claims)))
    for claim in claims:
        assert text[claim["start"] : claim["end"]] == claim["text"]


def test_reingest_is_idempotent(any_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "--db", any_db, "ingest", str(SAMPLE))[0] == 0
    code, out, err = cli(capsys, "--db", any_db, "ingest", str(SAMPLE), str(SAMPLE))
    assert code == 0, err
    assert "0 new, 2 skipped" in out
    store = open_store(any_db)
    try:
        with store.session() as session:
            assert len(article_store.article_rows(session)) == 1
            claims = article_store.claim_rows(session)
        assert len({(c["article_id"], c["seq"]) for c in claims}) == len(claims)
    finally:
        store.close()


def _assert_refused_untouched(
    capsys: pytest.CaptureFixture[str], db: Path, why: str, *command: str
) -> None:
    before = db.read_bytes()
    neighbours = set(db.parent.iterdir())
    code, _, err = cli(capsys, "--db", str(db), *command)
    assert code == 1, err
    assert err.startswith("Error:") and why in err, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert db.read_bytes() == before
    # no -wal / -shm / journal appeared next to it either (it was never opened for writing)
    assert {p for p in db.parent.iterdir() if not p.name.endswith(".lock")} == neighbours


@pytest.mark.parametrize("command", [["ingest", str(SAMPLE)], ["articles"], ["export", "all"]])
def test_a_file_that_is_not_a_database_is_refused_and_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(b"Meeting notes\n\x00\x01\x02 not a database at all\n" * 40)
    _assert_refused_untouched(capsys, db, "not an SQLite database", *command)


def test_an_sqlite_database_that_is_not_claimtracks_is_refused_and_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE invoice (id INTEGER PRIMARY KEY, total REAL)")
        connection.execute("INSERT INTO invoice (total) VALUES (12.5)")
    connection.close()
    _assert_refused_untouched(capsys, db, "not a claimtrack database", "ingest", str(SAMPLE))
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    connection.close()


@pytest.mark.parametrize(
    "url", ["postgresql+psycopg://me@127.0.0.1:5432/claims", "postgresql://me@127.0.0.1/claims"]
)
def test_missing_driver_names_the_extra(url: str) -> None:
    """Without psycopg, the error says how to get it: pip install 'claimtrack[postgres]'."""
    script = (
        "import sys\n"
        "sys.modules['psycopg'] = None  # import psycopg now raises ImportError\n"
        "sys.modules['psycopg2'] = None\n"
        "from claimtrack.cli import run\n"
        f"sys.exit(run(['--db', {url!r}, 'articles']))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith("Error:"), done.stderr
    assert "claimtrack[postgres]" in done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
