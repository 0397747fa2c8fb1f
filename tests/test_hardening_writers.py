"""Several `claimtrack ingest` processes on one database at once, on overlapping batches of
same-incident articles: every process succeeds, each article is stored once, and the conflicts
flagged live are exactly those a full `match --rebuild` finds.

The articles (tests/data/same_incident_articles.jsonl) are 23 rows of the FA-KES dev set: four
incidents (Damascus 21 Aug 2013, Aleppo 19 Apr 2017, Hasakeh 5 and 27 Jul 2016), one text twice.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from claimtrack.cli import run
from claimtrack.store import tables
from claimtrack.store.engine import open_store
from tests.conftest import ROOT
from tests.test_concurrency import cli_process, counts, finish, start_together

ARTICLES = ROOT / "tests" / "data" / "same_incident_articles.jsonl"
PROCESSES = 4
WINDOW = 12  # rows per process: each row is in two or three batches


def batches(folder: Path) -> list[Path]:
    rows = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    records = [
        {"title": r["title"], "text": r["text"], "outlet": r["outlet"], "date": r["date"]}
        for r in rows
    ]
    files = []
    for p in range(PROCESSES):
        start = p * len(records) // PROCESSES
        window = [records[(start + i) % len(records)] for i in range(WINDOW)]
        if p % 2:
            window.reverse()  # two of them walk the other way
        path = folder / f"batch{p}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in window), encoding="utf-8")
        files.append(path)
    return files


def live_conflicts(db: str) -> set[tuple[str, str]]:
    store = open_store(db)
    try:
        with store.read() as session:
            query = select(tables.Conflict.key, tables.Conflict.kind).where(
                tables.Conflict.active.is_(True)  # type: ignore[attr-defined]
            )
            return {(key, kind) for key, kind in session.execute(query)}
    finally:
        store.close()


def distinct_texts() -> int:
    lines = ARTICLES.read_text(encoding="utf-8").splitlines()
    return len({" ".join(json.loads(line)["text"].split()) for line in lines})


@pytest.mark.postgres
def test_parallel_ingests_on_postgresql_equal_a_rebuild(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_parallel_ingests(pg_url, tmp_path, capsys)


def test_parallel_ingests_on_sqlite_equal_a_rebuild(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    check_parallel_ingests(str(tmp_path / "claims.db"), tmp_path, capsys)


def check_parallel_ingests(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", db, "db", "upgrade"]) == 0  # the schema exists before they race
    files = batches(tmp_path)
    go = tmp_path / "go"
    argv = [
        "ingest",
        "--quiet",
        "--workers",
        "0",
        "--date-format",
        "%m/%d/%y",
        "--column",
        "published=date",
    ]
    processes = [cli_process(["--db", db, *argv, str(f)], go) for f in files]
    start_together(processes, go)
    results = finish(processes)
    for code, _out, err in results:
        assert code == 0, err
        assert "Error" not in err and "error ignored" not in err, err
    articles, claims, bare = counts(db)
    assert articles == distinct_texts()  # each stored once: a row in several batches too
    assert bare == 0 and claims > 0
    live = live_conflicts(db)
    assert live, "the same-incident articles must give conflicts, or the test proves nothing"
    capsys.readouterr()
    assert run(["--db", db, "match", "--rebuild"]) == 0
    rebuilt = live_conflicts(db)
    print(  # the figures for the record (pytest -s)
        f"{PROCESSES} processes, {articles} articles, {claims} claims, "
        f"{len(live)} live conflicts, {len(rebuilt)} after rebuild, "
        f"{len(live - rebuilt)} retired, {len(rebuilt - live)} new"
    )
    assert live == rebuilt
