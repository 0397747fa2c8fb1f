"""Reading never waits for a writer; an unusable database location is one Error line."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack.cli import run
from tests.conftest import SAMPLE


def test_listing_does_not_wait_for_a_writer_holding_the_lock(db_path: Path) -> None:
    assert run(["--db", str(db_path), "ingest", str(SAMPLE), "--quiet", "--no-match"]) == 0
    writer = sqlite3.connect(db_path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process in the middle of an ingest
    writer.execute("UPDATE article SET title = 'being written' WHERE id = 1")
    try:
        listing = subprocess.run(
            [sys.executable, "-m", "claimtrack", "--db", str(db_path), "articles", "-f", "json"],
            capture_output=True,
            text=True,
            timeout=20,  # the busy timeout is 30 s: a blocked reader would run past this
            check=False,
        )
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert listing.returncode == 0, listing.stderr
    assert '"title": null' in listing.stdout  # the committed state, not the writer's


@pytest.mark.parametrize("where", ["/proc/claims.db", "/sys/claims.db"])
def test_unwritable_location_is_one_error_line(
    where: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--db", where, "articles"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {where}") and len(err.strip().splitlines()) == 1


def test_empty_database_argument_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", "", "articles"]) == 1
    assert capsys.readouterr().err.startswith("Error: the database is empty")
