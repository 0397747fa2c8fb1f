"""The ingest writer alone: CPU per article of storing and matching, the pure stages done before.

``claimtrack ingest`` runs analyze, ``frame_article`` and ``locate`` in worker processes and
stores + matches in the main process (the writer), so the writer's cost bounds throughput. Here
every article of ``fakes-dev.csv`` is analysed, framed and located first, in this process (the
source registry growing as a serial ingest grows it), then written to a fresh SQLite file through
``claimtrack.ingest._write_group`` in groups of 50 with one ``MatchCache``, as the pipeline
writes them; only that part is timed (``time.process_time``). Several runs print one line each:
on a shared machine take the median or the minimum.

To compare with another tree, run the same script with ``PYTHONPATH`` pointing at it (trees
before round 6 of ``bench/MATCH_BENCH.md`` take frames without ``locate``'s result; both are
handled).

Run: PYTHONPATH=. .venv/bin/python bench/writer_bench.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from match_bench import CORPUS, load_fakes

import claimtrack.ingest as ingest
from claimtrack.frame import frame, frame_article, frame_to_json
from claimtrack.incidents import locate
from claimtrack.pipeline import analyze
from claimtrack.sources import default_registry
from claimtrack.store.engine import open_store
from claimtrack.store.matching import MatchCache


def prepare(corpus: Path) -> list[tuple[Any, Any]]:
    """(analysis, framed) per article, as the workers hand them to the writer."""
    registry = default_registry()
    with_located = len(getattr(ingest._Framed, "__args__", ())) == 3
    out = []
    for doc in load_fakes(corpus):
        analysis = analyze(doc, registry)
        for source in analysis.sources:
            registry.add(source)
        texts = [c.text for c in analysis.claims]
        found = frame_article(texts, doc.published)
        frames_json = [frame_to_json(f) for f in found]
        if with_located:
            title_frame = frame(doc.title, doc.published) if doc.title else None
            located = locate(doc.title, texts, found, doc.published, title_frame)
            out.append((analysis, (found, frames_json, located)))
        else:
            out.append((analysis, (found, frames_json)))
    return out


def write_all(items: list[tuple[Any, Any]], db: Path) -> float:
    """Writer CPU seconds for all items, in groups of ``GROUP_ARTICLES``."""
    store = open_store(str(db))
    cache = MatchCache()
    size = ingest.GROUP_ARTICLES
    started = time.process_time()
    for first in range(0, len(items), size):
        group = ingest._Group()
        for analysis, framed in items[first : first + size]:
            group.add(analysis, framed, datetime.now(UTC))
        ingest._write_group(store, group, True, cache)
    spent = time.process_time() - started
    store.close()
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="fakes-dev.csv")
    args = ap.parse_args()
    items = prepare(args.corpus)
    results = []
    for run in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory() as tmp:
            ms = 1000 * write_all(items, Path(tmp) / "writer.db") / len(items)
        results.append(ms)
        print(f"run {run}: writer CPU {ms:.2f} ms/article ({len(items)} articles)", flush=True)
    print(f"median {statistics.median(results):.2f}, min {min(results):.2f} ms/article")


if __name__ == "__main__":
    main()
