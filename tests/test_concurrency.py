"""Several writers at once, with real processes and threads, on SQLite and PostgreSQL.

- four `claimtrack ingest` processes on different batches: all succeed, nothing is lost;
- many processes ingesting the same articles at the same moment: each is stored once;
- two reviewers deciding on the same conflict: the second is told who changed it first.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlmodel import Session

from claimtrack.errors import StaleWriteError
from claimtrack.store import tables
from claimtrack.store.engine import open_store
from tests.conftest import FAKES_CSV, ROOT

AT = datetime(2020, 2, 15, 12, 0, tzinfo=UTC)


def fakes_articles(count: int) -> list[str]:
    """``count`` distinct FA-KES articles (title line, blank line, body)."""
    if not FAKES_CSV.exists():
        pytest.skip(f"the FA-KES corpus is not here ({FAKES_CSV})")
    seen: set[str] = set()
    texts = []
    with FAKES_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            body = " ".join(row["article_content"].split())
            if len(body) < 200 or body in seen:
                continue
            seen.add(body)
            texts.append(f"{row['article_title'].strip()}\n\n{body}\n")
            if len(texts) == count:
                return texts
    pytest.skip(f"the FA-KES corpus has fewer than {count} distinct articles")


def write_batches(root: Path, texts: list[str], batches: int) -> list[Path]:
    dirs = [root / f"batch{b}" for b in range(batches)]
    for directory in dirs:
        directory.mkdir(parents=True)
    for i, text in enumerate(texts):
        (dirs[i % batches] / f"article{i:04d}.txt").write_text(text, encoding="utf-8")
    return dirs


def cli_process(argv: list[str], go: Path) -> subprocess.Popen[str]:
    """A real process running the claimtrack CLI with ``argv``. It imports everything first,
    writes ``<go>.ready.<pid>``, then waits for ``go`` to appear, so that a group of them starts
    at the same moment (see :func:`start_together`)."""
    script = (
        "import os, sys, time\n"
        "from claimtrack.cli import run\n"
        f"open({str(go)!r} + f'.ready.{{os.getpid()}}', 'w').close()\n"
        f"while not os.path.exists({str(go)!r}):\n"
        "    time.sleep(0.001)\n"
        f"sys.exit(run({argv!r}))\n"
    )
    return subprocess.Popen(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**os.environ, "NO_COLOR": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def start_together(processes: list[subprocess.Popen[str]], go: Path) -> None:
    """Release processes made by :func:`cli_process` once every one of them is waiting."""
    deadline = time.monotonic() + 60
    while len(list(go.parent.glob(go.name + ".ready.*"))) < len(processes):
        assert time.monotonic() < deadline, "the processes did not start"
        assert all(p.poll() is None for p in processes), "a process died before the start"
        time.sleep(0.01)
    go.touch()


def ingest_together(db: str, batches: list[Path], go: Path) -> list[tuple[int, str, str]]:
    processes = [cli_process(["--db", db, "ingest", "--quiet", str(b)], go) for b in batches]
    start_together(processes, go)
    return finish(processes)


def finish(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    results = []
    for process in processes:
        out, err = process.communicate(timeout=120)
        results.append((process.returncode, out, err))
    return results


def counts(db: str) -> tuple[int, int, int]:
    """(articles, claims, articles without any claim) in the database."""
    store = open_store(db)
    try:
        with store.session() as session:
            connection = session.connection()
            articles = connection.execute(select(func.count()).select_from(tables.Article)).scalar()
            claims = connection.execute(select(func.count()).select_from(tables.Claim)).scalar()
            bare = connection.execute(
                select(func.count())
                .select_from(tables.Article)
                .where(
                    ~select(tables.Claim.id)
                    .where(tables.Claim.article_id == tables.Article.id)
                    .exists()
                )  # type: ignore[arg-type]
            ).scalar()
    finally:
        store.close()
    return int(articles or 0), int(claims or 0), int(bare or 0)


def test_four_processes_ingest_different_batches_and_lose_nothing(
    any_db: str, tmp_path: Path
) -> None:
    texts = fakes_articles(40)
    batches = write_batches(tmp_path / "in", texts, 4)
    # no schema yet: the four processes also race on creating it (file lock / advisory lock)
    results = ingest_together(any_db, batches, tmp_path / "go")
    for code, out, err in results:
        assert code == 0, err
        assert "10 new, 0 skipped (already stored), 0 failed" in out, out + err
    claims_reported = sum(int(out.rsplit("; ", 1)[1].split()[0]) for _, out, _ in results)
    articles, claims, bare = counts(any_db)
    assert articles == len(texts)
    assert claims == claims_reported
    assert bare == 0


def test_the_same_articles_ingested_at_the_same_moment_are_stored_once(
    any_db: str, tmp_path: Path
) -> None:
    texts = fakes_articles(3)
    (batch,) = write_batches(tmp_path / "in", texts, 1)
    open_store(any_db).close()  # schema first, so the processes race on the inserts themselves
    results = ingest_together(any_db, [batch] * 6, tmp_path / "go")
    new = 0
    for code, out, err in results:
        assert code == 0, err
        assert "0 failed" in out, out + err
        new += int(out.split("Ingested: ", 1)[1].split(" new")[0])
    assert new == len(texts)  # each article was "new" for exactly one process
    articles, _, bare = counts(any_db)
    assert articles == len(texts)
    assert bare == 0


# --------------------------------------------------------------------------------- reviewers


def make_conflict(session: Session) -> int:
    article = tables.Article(
        content_hash="f" * 64,
        text="Anadolu said 33 soldiers died. Russia said 12 died.",
        origin="test",
        ingested_at=AT,
    )
    session.add(article)
    session.flush()
    assert article.id is not None
    first = tables.Claim(article_id=article.id, seq=0, start=0, end=30, text="Anadolu said 33.")
    second = tables.Claim(article_id=article.id, seq=1, start=31, end=51, text="Russia said 12.")
    session.add_all([first, second])
    session.flush()
    assert first.id is not None and second.id is not None
    conflict = tables.Conflict(
        key=f"number:{first.id},{second.id}",
        kind="number",
        reason="Anadolu says 33 soldiers died, Russia says 12.",
        created_at=AT,
        updated_at=AT,
    )
    session.add(conflict)
    session.flush()
    assert conflict.id is not None
    session.add_all(
        [
            tables.ConflictClaim(conflict_id=conflict.id, claim_id=first.id, position=0),
            tables.ConflictClaim(conflict_id=conflict.id, claim_id=second.id, position=1),
        ]
    )
    return conflict.id


def history(db: str, conflict_id: int) -> list[tuple[str, str, str]]:
    store = open_store(db)
    try:
        with store.session() as session:
            rows = session.connection().execute(
                select(
                    tables.ReviewEvent.reviewer,
                    tables.ReviewEvent.old_status,
                    tables.ReviewEvent.new_status,
                )
                .where(tables.ReviewEvent.conflict_id == conflict_id)
                .order_by(tables.ReviewEvent.id)  # type: ignore[arg-type]
            )
            return [tuple(row) for row in rows]  # type: ignore[misc]
    finally:
        store.close()


def test_two_reviewers_in_threads_the_second_is_told_who_changed_it(any_db: str) -> None:
    review = pytest.importorskip("claimtrack.store.review", reason="review store not written yet")
    setup = open_store(any_db)
    conflict_id = setup.write(make_conflict)
    setup.close()
    barrier = threading.Barrier(2)
    outcomes: dict[str, Any] = {}

    def reviewer(name: str, status: str) -> None:
        store = open_store(any_db)  # each reviewer has their own connection
        try:
            barrier.wait()
            outcomes[name] = store.write(
                lambda session: review.set_status(
                    session, conflict_id, status, reviewer=name, expected_version=1, now=AT
                )
            )
        except StaleWriteError as error:
            outcomes[name] = error
        finally:
            store.close()

    threads = [
        threading.Thread(target=reviewer, args=("ana", "confirmed")),
        threading.Thread(target=reviewer, args=("bo", "dismissed")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    errors = {name: o for name, o in outcomes.items() if isinstance(o, StaleWriteError)}
    assert len(outcomes) == 2 and len(errors) == 1, outcomes
    (loser,) = errors
    winner = "bo" if loser == "ana" else "ana"
    assert f"changed by {winner} at" in str(errors[loser])
    assert "re-read" in str(errors[loser])
    assert [event[0] for event in history(any_db, conflict_id)] == [winner]

    # the loser re-reads (version 2) and decides again: both decisions stay in the history
    store = open_store(any_db)
    try:
        status = "dismissed" if loser == "bo" else "confirmed"
        store.write(
            lambda session: review.set_status(
                session, conflict_id, status, reviewer=loser, expected_version=2, now=AT
            )
        )
    finally:
        store.close()
    assert [event[0] for event in history(any_db, conflict_id)] == [winner, loser]


def test_two_reviewer_processes_on_the_same_conflict(any_db: str, tmp_path: Path) -> None:
    pytest.importorskip("claimtrack.store.review", reason="review store not written yet")
    setup = open_store(any_db)
    conflict_id = setup.write(make_conflict)
    setup.close()
    go = tmp_path / "go"
    processes = [
        cli_process(
            ["--db", any_db, "review", str(conflict_id), "--status", status,
             "--reviewer", name, "--expect-version", "1"],
            go,
        )
        for name, status in (("ana", "confirmed"), ("bo", "dismissed"))
    ]  # fmt: skip
    start_together(processes, go)
    results = dict(zip(("ana", "bo"), finish(processes), strict=True))
    codes = sorted(code for code, _, _ in results.values())
    assert codes == [0, 1], results
    winner = next(name for name, (code, _, _) in results.items() if code == 0)
    loser_err = next(err for code, _, err in results.values() if code == 1)
    assert loser_err.startswith("Error:") and f"changed by {winner} at" in loser_err
    assert [event[0] for event in history(any_db, conflict_id)] == [winner]
