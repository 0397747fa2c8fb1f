"""Faults and hostile input: a killed ingest, arbitrary text, arbitrary bytes, exports that parse.

- SIGKILL a real `claimtrack ingest` process halfway through a batch: the database opens, every
  article in it is complete (it has its claims), and a re-run stores the rest.
- Property tests (hypothesis): analysis never crashes and every offset slices back to its text;
  ingest of arbitrary bytes either stores an article or prints one `Error:` line; every export
  parses (json.loads, csv reader).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, func, select, text

from claimtrack.cli import run
from claimtrack.pipeline import analyze
from claimtrack.store import tables
from claimtrack.store.engine import open_store, resolve_url
from tests.conftest import ROOT
from tests.test_concurrency import counts, fakes_articles, write_batches

BATCH = 240


def stored_articles(url: str) -> int:
    """Count articles without opening the store (no migration, no lock): a plain read."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return int(
                connection.execute(select(func.count()).select_from(tables.Article)).scalar() or 0
            )
    except Exception:  # the schema may not exist yet in the first instants
        return 0
    finally:
        engine.dispose()


def test_ingest_killed_midway_leaves_complete_articles_and_a_rerun_stores_the_rest(
    any_db: str, tmp_path: Path
) -> None:
    texts = fakes_articles(BATCH)
    (batch,) = write_batches(tmp_path / "in", texts, 1)
    url = resolve_url(any_db)
    # --no-match: the property is one transaction per article; matching (which runs inside that
    # same transaction) would only make 240 articles slow. test_concurrency ingests with matching.
    command = [sys.executable, "-m", "claimtrack", "--db", any_db, "ingest", "--quiet",
               "--no-match", str(batch)]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while stored_articles(url) < BATCH // 3:
        assert process.poll() is None, "the ingest finished before it could be killed"
        assert time.monotonic() < deadline, "the ingest made no progress"
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL

    if url.startswith("sqlite"):
        db = Path(any_db)
        with contextlib.closing(create_engine(url).connect()) as connection:
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
    before, _, bare = counts(any_db)  # it opens (open_store) and reads
    assert BATCH // 3 <= before < BATCH
    assert bare == 0, "an article was stored without its claims"

    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"{BATCH - before} new, {before} skipped" in done.stdout
    after, _, bare = counts(any_db)
    assert after == BATCH and bare == 0
    if url.startswith("sqlite"):
        assert db.exists()


# -------------------------------------------------------------------------- property tests

WORDS = st.sampled_from(
    [
        "Anadolu", "said", "told Reuters", "according to", "the Syrian Observatory", "He", "she",
        "Mr.", "U.S.", "Lt. Gen.", "33", "soldiers", "were", "killed", "in", "Idlib", "on",
        "Thursday", "“", "”", '"', "'", ",", ".", "?", "!", ":", ";", "(", ")", "\n", "\n\n",
        "Çavuşoğlu", "denied", "claimed", "a rebel source", "state media", "—", "...", "SANA",
        "reported", "that", "https://example.org/a.b", "2020-02-15", "\t", "\u00a0", "عربي",
    ]
)  # fmt: skip
NEWSY = st.lists(WORDS, max_size=80).map(" ".join)
# Any text a file or stdin can decode to: every code point but lone surrogates (a UTF-8 decoder
# never yields them; newer hypothesis releases include them in st.characters() and st.text())
ANY_CHAR = st.characters(exclude_categories=("Cs",))
TEXT = st.one_of(NEWSY, st.text(ANY_CHAR, max_size=400), st.text(alphabet=ANY_CHAR, max_size=60))
SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(TEXT)
def test_analyze_never_crashes_and_offsets_slice_back(raw: str) -> None:
    analysis = analyze(raw)
    document = analysis.document.text
    for claim in analysis.claims:
        assert 0 <= claim.start <= claim.end <= len(document)
        assert document[claim.start : claim.end] == claim.text
        mention = claim.attribution
        if mention.mention_start is not None and mention.mention_end is not None:
            assert document[mention.mention_start : mention.mention_end] == mention.mention
    starts = [claim.start for claim in analysis.claims]
    assert starts == sorted(starts)


@pytest.fixture(scope="module")
def scratch_db() -> str:
    """One SQLite file shared by the property tests' examples (each example adds articles)."""
    directory = tempfile.mkdtemp(prefix="claimtrack-faults-")
    return str(Path(directory) / "claims.db")


def run_quiet(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(list(args))
    return code, out.getvalue(), err.getvalue()


@SETTINGS
@given(data=st.one_of(st.binary(max_size=600), TEXT.map(lambda s: s.encode("utf-8"))))
def test_ingest_of_arbitrary_bytes_stores_it_or_prints_one_error(
    scratch_db: str, data: bytes
) -> None:
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as handle:
        handle.write(data)
    try:
        code, out, err = run_quiet("--db", scratch_db, "ingest", "--quiet", handle.name)
    finally:
        os.unlink(handle.name)
    assert "Traceback" not in err
    if code == 0:
        assert "1 new" in out or "1 skipped" in out, out
        assert err == ""
    else:
        assert code == 1
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"Error: {handle.name}: "), err
        assert "0 new, 0 skipped (already stored), 1 failed" in out


@settings(SETTINGS, max_examples=25)
@given(raw=TEXT)
def test_exports_always_parse(scratch_db: str, raw: str) -> None:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(raw)
    try:
        run_quiet("--db", scratch_db, "ingest", "--quiet", f.name)  # stored, or refused: fine
    finally:
        os.unlink(f.name)
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory)
        for what, fmt in [("claims", "json"), ("claims", "csv"), ("claims", "jsonl"),
                          ("sources", "json"), ("sources", "csv"), ("all", "jsonl")]:  # fmt: skip
            target = out / f"{what}.{fmt}"
            code, _, err = run_quiet(
                "--db", scratch_db, "export", what, "--format", fmt, "--output", str(target)
            )
            assert code == 0, err
            content = target.read_text(encoding="utf-8")
            if fmt == "json":
                assert isinstance(json.loads(content), list)
            elif fmt == "jsonl":
                assert all(isinstance(json.loads(line), dict) for line in content.splitlines())
            else:
                rows = list(csv.reader(io.StringIO(content, newline="")))
                assert rows and all(len(row) == len(rows[0]) for row in rows)
    store = open_store(scratch_db)
    store.close()
