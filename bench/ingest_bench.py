"""Ingest throughput on the FA-KES dev articles (issue 2).

Ingests the 785 articles of ../shared/corpus/fakes-dev.csv into a fresh SQLite database through
the library path ``claimtrack ingest`` takes for a batch (``ingest_documents``: workers analyse and
frame, the main process stores and matches, grouped transactions with a savepoint per article) and
prints articles/s and the cost per article at checkpoints (100, 200, 400, all), so growth of the
per-article cost with database size is visible. Also times the pure pipeline alone (no database).

    python bench/ingest_bench.py [--csv PATH] [--no-match] [--workers N]
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import tempfile
import time
from pathlib import Path

from claimtrack.ingest import Outcome, ingest_documents
from claimtrack.load import load_bytes
from claimtrack.model import Document
from claimtrack.pipeline import analyze
from claimtrack.store.engine import open_store

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fakes-dev.csv"
CHECKPOINTS = (100, 200, 400)


def read_documents(path: Path) -> list[Document]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        load_bytes(row["article_content"].encode("utf-8"), f"fakes:{row['unit_id']}")
        for row in rows
        if row["article_content"].strip()
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--no-match", action="store_true", help="store without matching")
    parser.add_argument("--workers", type=int, default=2, help="0: serial, one txn per article")
    args = parser.parse_args()
    if not args.csv.exists():
        print(f"Error: {args.csv}: no such file", file=sys.stderr)
        return 1
    docs = read_documents(args.csv)
    total = len(docs)
    print(f"{total} articles from {args.csv.name}")

    started = time.perf_counter()
    for doc in docs:
        analyze(doc)
    pure = time.perf_counter() - started
    print(f"pipeline only (segment + attribute, no DB): {total / pure:8.1f} articles/s")

    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "bench.db"))
        print(f"\n{'articles':>9} {'articles/s':>11} {'ms/article (last step)':>24}")
        started = last_time = time.perf_counter()
        last_n = 0
        n = 0

        def seen(_outcome: Outcome) -> None:
            nonlocal n, last_time, last_n
            n += 1
            if n in CHECKPOINTS or n == total:
                now = time.perf_counter()
                step_ms = (now - last_time) / (n - last_n) * 1000
                print(f"{n:>9} {n / (now - started):>11.1f} {step_ms:>24.2f}")
                last_time, last_n = now, n

        ingest_documents(
            store, docs, match=not args.no_match, workers=args.workers, on_outcome=seen
        )
        store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\npeak RSS: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
