"""Conflict precision audit on real multi-outlet material (``fakes-dev.csv``).

Ingests the corpus with matching on, as ``claimtrack ingest`` does (analyze in worker processes,
store + ``match_article`` in the main process, one transaction per article, SQLite temp file),
then prints the active conflicts counted by kind and severity band, and a seeded random sample of
N flagged conflicts with both (all) claims, their sources, outlets and dates, so that a person can
judge each one: is this a real disagreement between two accounts of one incident?

Run: PYTHONPATH=. .venv/bin/python bench/conflict_audit.py [--limit 785] [--sample 40] [--seed 1]
     [--json sample.json]  (writes the sample for labelling)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from match_bench import load_fakes  # bench/ is on sys.path when run as a script

from claimtrack.frame import frame_article
from claimtrack.ingest import save
from claimtrack.match import DEFAULT_PARAMS
from claimtrack.model import Analysis, Document, EventFrame
from claimtrack.pipeline import analyze
from claimtrack.store.engine import open_store
from claimtrack.store.matching import conflict_dates, conflict_rows, match_article

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fakes-dev.csv"


def load(path: Path, limit: int | None) -> list[Document]:
    docs = load_fakes(path)
    return docs[:limit] if limit else docs


def _prepare(doc: Document) -> tuple[Analysis, list[EventFrame]]:
    analysis = analyze(doc)
    texts = [c.text for c in analysis.claims]
    return analysis, frame_article(texts, doc.published)


def _prepared(
    docs: Sequence[Document], workers: int
) -> Iterator[tuple[Analysis, list[EventFrame]]]:
    if workers <= 1:
        yield from map(_prepare, docs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_prepare, docs, chunksize=8)


def ingest(docs: Sequence[Document], db: Path, workers: int) -> None:
    store = open_store(str(db))
    for analysis, frames in _prepared(docs, workers):

        def after(session: Any, article_id: int, frames: list[EventFrame] = frames) -> None:
            match_article(session, article_id, DEFAULT_PARAMS, frames=frames)

        save(store, analysis, after_save=after)
    store.close()


def band(severity: float) -> str:
    return "high (>=0.6)" if severity >= 0.6 else "mid (0.4-0.6)" if severity >= 0.4 else "low"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--sample", type=int, default=40)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", type=Path, default=None, help="write the sample here")
    ap.add_argument(
        "--still-flagged",
        type=Path,
        default=None,
        help="a previous run's printout: say which of its sampled flags are still active",
    )
    args = ap.parse_args()
    docs = load(args.corpus, args.limit)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "audit.db"
        t0 = time.perf_counter()
        ingest(docs, db, args.workers)
        took = time.perf_counter() - t0
        store = open_store(str(db))
        with store.session() as session:
            rows = conflict_rows(session)
            dates = conflict_dates(session, [c["id"] for r in rows for c in r["claims"]])
        store.close()
    print(f"{len(docs)} articles ingested in {took:.1f} s; {len(rows)} active conflicts")
    by_kind = Counter(str(r["kind"]) for r in rows)
    print("by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
    by_band = Counter((str(r["kind"]), band(float(r.get("severity") or 0.0))) for r in rows)
    for (kind, b), n in sorted(by_band.items()):
        print(f"  {kind:<9} {b:<14} {n}")
    rng = random.Random(args.seed)
    sample = rng.sample(rows, min(args.sample, len(rows)))
    out: list[dict[str, Any]] = []
    for i, r in enumerate(sample, 1):
        print(f"\n#{i} [{r['kind']}] severity {float(r.get('severity') or 0):.2f}: {r['reason']}")
        claims = []
        for c in r["claims"]:
            d = dates.get(int(c["id"]))
            print(f"   - ({c.get('source')}; {d}) {c['text']}")
            claims.append({"id": c["id"], "source": c.get("source"), "date": str(d)})
            claims[-1]["text"] = c["text"]
        out.append(
            {
                "n": i,
                "kind": r["kind"],
                "severity": r.get("severity"),
                "reason": r["reason"],
                "claims": claims,
            }
        )
    if args.json:
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.still_flagged:
        still_flagged(args.still_flagged.read_text(encoding="utf-8"), rows)


_FLAG = re.compile(r"^#(\d+) \[(\w+)\]")
_CLAIM = re.compile(r"^   - \([^;]*; [^)]*\) (.*)$")


def still_flagged(printout: str, rows: Sequence[dict[str, Any]]) -> None:
    """Which flags of an earlier sample (its printout) are still active: same kind, and a
    current conflict holds at least two of its claims. Pairs a before/after judgement."""
    current = [(str(r["kind"]), {str(c["text"]) for c in r["claims"]}) for r in rows]
    flags: list[tuple[int, str, set[str]]] = []
    for line in printout.splitlines():
        m = _FLAG.match(line)
        if m:
            flags.append((int(m.group(1)), m.group(2), set()))
            continue
        c = _CLAIM.match(line)
        if c and flags:
            flags[-1][2].add(c.group(1))
    kept = [
        n for n, kind, texts in flags if any(k == kind and len(texts & t) >= 2 for k, t in current)
    ]
    gone = [n for n, _, _ in flags if n not in kept]
    print(
        f"\nof {len(flags)} earlier sampled flags: still flagged {kept}; no longer flagged {gone}"
    )


if __name__ == "__main__":
    main()
