"""One answer per corpus (issue 14): does the arrival order change the incidents and conflicts?

Ingests the FA-KES dev articles (../shared/corpus/fakes-dev.csv) through the CLI, as a user
would, in three orders: as the file has them, reversed, and shuffled (seed 14); the reordered
CSVs are written to a temporary folder (a text the file holds twice is kept once, its first row,
so that every order stores the same articles). Then ``match --rebuild`` over each of the three
stores. Every ingest and the rebuilds of the reversed and shuffled stores are compared with the
rebuild of the forward store, and every ingest with the rebuild of its own store:

* incidents as sets of article content hashes (the articles whose claims or lead point at it);
* active conflicts as their kind and the set of their claims (article content hash, claim text).

It prints, per run, the time and articles/s and how many incidents and conflicts it shares with
the reference (and how many only one side has); then how many claims were attributed to another
source than in forward order (attribution reads only the built-in sources and users' aliases, never
the sources earlier articles introduced, so this should be 0; ``match --rebuild`` does not
re-derive sources, so a difference here would stay).

    python bench/order_bench.py [--csv PATH] [--claimtrack .venv/bin/claimtrack] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimtrack.load import normalise_text
from claimtrack.store.articles import content_hash

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fakes-dev.csv"
INGEST_COLUMNS = [
    "--column",
    "text=article_content",
    "--column",
    "title=article_title",
    "--column",
    "published=date",
    "--column",
    "outlet=source",
    "--date-format",
    "%m/%d/%y",
]

Incidents = set[frozenset[str]]
Conflicts = set[tuple[str, frozenset[tuple[str, str]]]]


def unique_rows(path: Path) -> tuple[list[str], list[dict[str, str]], int]:
    """The CSV's columns, its rows with a text (a text held twice: its first row only, so that
    every order or split stores the same articles: else the first copy to arrive wins), and
    how many rows were left out."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields = list(reader.fieldnames or [])
        rows = list(reader)
    seen: set[str] = set()
    unique = []
    for row in rows:
        digest = content_hash(normalise_text(row["article_content"]))
        if row["article_content"].strip() and digest not in seen:
            seen.add(digest)
            unique.append(row)
    return fields, unique, len(rows) - len(unique)


def write_order(rows: list[dict[str, str]], fields: list[str], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def ingest(claimtrack: str, db: Path, source: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [claimtrack, "--db", str(db), "ingest", str(source), *INGEST_COLUMNS],
        capture_output=True,
        text=True,
    )
    if done.returncode not in (0, 1):
        sys.exit(f"ingest failed ({done.returncode}): {done.stderr[-2000:]}")
    return time.perf_counter() - started


def rebuild(claimtrack: str, db: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [claimtrack, "--db", str(db), "match", "--rebuild"], check=True, capture_output=True
    )
    return time.perf_counter() - started


def read(db: Path) -> tuple[int, Incidents, Conflicts]:
    con = sqlite3.connect(db)
    try:
        articles = con.execute("SELECT count(*) FROM article").fetchone()[0]
        members: dict[int, set[str]] = {}
        for incident, digest in con.execute(
            "SELECT c.incident_id, a.content_hash FROM claim c"
            " JOIN article a ON a.id = c.article_id WHERE c.incident_id IS NOT NULL"
            " UNION SELECT a.incident_id, a.content_hash FROM article a"
            " WHERE a.incident_id IS NOT NULL"
        ):
            members.setdefault(incident, set()).add(digest)
        conflicts: dict[int, tuple[str, set[tuple[str, str]]]] = {}
        for conflict, kind, digest, text in con.execute(
            "SELECT k.id, k.kind, a.content_hash, c.text FROM conflict k"
            " JOIN conflict_claim m ON m.conflict_id = k.id JOIN claim c ON c.id = m.claim_id"
            " JOIN article a ON a.id = c.article_id WHERE k.active"
        ):
            conflicts.setdefault(conflict, (kind, set()))[1].add((digest, text))
    finally:
        con.close()
    return (
        articles,
        {frozenset(m) for m in members.values()},
        {(kind, frozenset(claims)) for kind, claims in conflicts.values()},
    )


def sources(db: Path) -> dict[tuple[str, int], str | None]:
    """Each claim's source (by article content hash and position)."""
    con = sqlite3.connect(db)
    try:
        return {
            (digest, seq): name
            for digest, seq, name in con.execute(
                "SELECT a.content_hash, c.seq, s.name FROM claim c"
                " JOIN article a ON a.id = c.article_id LEFT JOIN source s ON s.id = c.source_id"
            )
        }
    finally:
        con.close()


def compare(
    name: str,
    seconds: float | None,
    run: tuple[int, Incidents, Conflicts],
    ref: tuple[int, Incidents, Conflicts],
) -> bool:
    articles, incidents, conflicts = run
    _, ref_incidents, ref_conflicts = ref
    speed = f"{seconds:6.1f} s {articles / seconds:6.1f} articles/s" if seconds else " " * 26
    if name.startswith("rebuild"):
        speed = f"{seconds:6.1f} s" + " " * 20
    same_i = len(incidents & ref_incidents)
    same_c = len(conflicts & ref_conflicts)
    print(
        f"{name:<18} {speed}  incidents {same_i}/{len(ref_incidents)} shared "
        f"(+{len(incidents - ref_incidents)} -{len(ref_incidents - incidents)})  "
        f"conflicts {same_c}/{len(ref_conflicts)} shared "
        f"(+{len(conflicts - ref_conflicts)} -{len(ref_conflicts - conflicts)})"
    )
    return incidents == ref_incidents and conflicts == ref_conflicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--claimtrack", default=".venv/bin/claimtrack")
    parser.add_argument("--keep", type=Path, help="folder for the CSVs and databases (kept)")
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()
    if not args.csv.exists():
        print(f"Error: {args.csv}: no such file", file=sys.stderr)
        return 1
    work = args.keep or Path(tempfile.mkdtemp(prefix="order-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    fields, rows, dropped = unique_rows(args.csv)
    shuffled = rows[:]
    random.Random(args.seed).shuffle(shuffled)
    orders = {"forward": rows, "reversed": rows[::-1], "shuffled": shuffled}
    print(
        f"{len(rows)} rows of {args.csv.name} ({dropped} repeated texts left out); work in {work}"
    )
    runs: dict[str, tuple[float, tuple[int, Incidents, Conflicts]]] = {}
    for name, ordered in orders.items():
        source = work / f"{name}.csv"
        write_order(ordered, fields, source)
        db = work / f"{name}.db"
        for stale in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            stale.unlink(missing_ok=True)
        seconds = ingest(args.claimtrack, db, source)
        runs[name] = (seconds, read(db))
    rebuilt: dict[str, tuple[float, tuple[int, Incidents, Conflicts]]] = {}
    for name in orders:
        copy = work / f"{name}-rebuilt.db"
        shutil.copyfile(work / f"{name}.db", copy)
        rebuilt[name] = (rebuild(args.claimtrack, copy), read(copy))
    ref = rebuilt["forward"][1]
    print(
        f"reference: match --rebuild of the forward ingest ({rebuilt['forward'][0]:.1f} s): "
        f"{len(ref[1])} incidents, {len(ref[2])} active conflicts"
    )
    identical = True
    for name, (seconds, run) in runs.items():
        identical &= compare(f"ingest {name}", seconds, run, ref)
    for name in ("reversed", "shuffled"):
        identical &= compare(f"rebuild {name}", rebuilt[name][0], rebuilt[name][1], ref)
    print("all runs identical to the rebuild" if identical else "runs differ from the rebuild")
    print("each ingest against a rebuild of its own store (the same claims, sources and links):")
    for name, (_, run) in runs.items():
        compare(f"ingest {name}", None, run, rebuilt[name][1])
    forward = sources(work / "forward.db")
    for name in ("reversed", "shuffled"):
        other = sources(work / f"{name}.db")
        moved = [k for k, v in forward.items() if other.get(k) != v]
        print(
            f"claims attributed to another source than in forward order: {name} "
            f"{len(moved)} of {len(forward)} ({len({k[0] for k in moved})} articles)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
