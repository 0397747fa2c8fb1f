"""Several PostgreSQL writers (issue 14): 1, 2 and 4 concurrent ``claimtrack ingest`` processes.

The FA-KES dev articles (../shared/corpus/fakes-dev.csv; a text the file holds twice is kept once,
its first row) are split into N parts, row i to part i mod N, so that reports of one incident
reach different processes at the same moment, and N ``claimtrack --db postgresql://... ingest
PART.csv`` processes start together on one fresh database (created as ``{prefix}_{N}``, dropped
unless --keep). For each N it prints the failures (a process that exited with an error, articles
reported failed, a traceback), the wall time and articles/s, and whether the incidents, active
conflicts and active corroborations (by article content hash and claim text) equal those of the
1-process run and of ``match --rebuild`` over the same database (a template copy).

    python bench/writers_bench.py [--csv PATH] [--claimtrack .venv/bin/claimtrack]
        [--admin postgresql+psycopg://postgres@127.0.0.1:5432/test] [--writers 1 2 4] [--keep]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from order_bench import DEFAULT_CSV, INGEST_COLUMNS, unique_rows, write_order
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

DEFAULT_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/test"

Claim = tuple[str, str]  # article content hash, claim text


@dataclass(frozen=True)
class Snapshot:
    articles: int
    incidents: frozenset[frozenset[str]]
    conflicts: frozenset[tuple[str, frozenset[Claim]]]
    corroborations: frozenset[frozenset[Claim]]

    def differences(self, other: Snapshot) -> str:
        """'' when equal, else what differs (shared/total, +only here, -only there)."""
        parts = []
        for name in ("incidents", "conflicts", "corroborations"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if mine != theirs:
                parts.append(
                    f"{name} {len(mine & theirs)}/{len(theirs)} "
                    f"(+{len(mine - theirs)} -{len(theirs - mine)})"
                )
        if self.articles != other.articles:
            parts.append(f"articles {self.articles} vs {other.articles}")
        return "; ".join(parts)


def read(url: str) -> Snapshot:
    engine = create_engine(url)
    try:
        with engine.connect() as con:
            articles = con.execute(text("SELECT count(*) FROM article")).scalar_one()
            members: dict[int, set[str]] = {}
            for incident, digest in con.execute(
                text(
                    "SELECT c.incident_id, a.content_hash FROM claim c"
                    " JOIN article a ON a.id = c.article_id WHERE c.incident_id IS NOT NULL"
                    " UNION SELECT a.incident_id, a.content_hash FROM article a"
                    " WHERE a.incident_id IS NOT NULL"
                )
            ):
                members.setdefault(incident, set()).add(digest)
            conflicts: dict[int, tuple[str, set[Claim]]] = {}
            for conflict, kind, digest, claim in con.execute(
                text(
                    "SELECT k.id, k.kind, a.content_hash, c.text FROM conflict k"
                    " JOIN conflict_claim m ON m.conflict_id = k.id"
                    " JOIN claim c ON c.id = m.claim_id"
                    " JOIN article a ON a.id = c.article_id WHERE k.active"
                )
            ):
                conflicts.setdefault(conflict, (kind, set()))[1].add((digest, claim))
            names = {
                cid: (digest, claim)
                for cid, digest, claim in con.execute(
                    text(
                        "SELECT c.id, a.content_hash, c.text FROM claim c"
                        " JOIN article a ON a.id = c.article_id"
                    )
                )
            }
            corroborations = frozenset(
                frozenset(names[cid] for cid in json.loads(ids))
                for (ids,) in con.execute(text("SELECT claim_ids FROM corroboration WHERE active"))
            )
    finally:
        engine.dispose()
    return Snapshot(
        articles,
        frozenset(frozenset(m) for m in members.values()),
        frozenset((kind, frozenset(claims)) for kind, claims in conflicts.values()),
        corroborations,
    )


class Server:
    """Creates and drops the bench databases through an admin connection."""

    def __init__(self, admin: str) -> None:
        self.admin = admin
        self.engine = create_engine(admin, isolation_level="AUTOCOMMIT")

    def url(self, name: str) -> str:
        return make_url(self.admin).set(database=name).render_as_string(hide_password=False)

    def create(self, name: str, template: str | None = None) -> str:
        self.drop(name)
        with self.engine.connect() as con:
            like = f" TEMPLATE {template}" if template else ""
            con.execute(text(f"CREATE DATABASE {name}{like}"))
        return self.url(name)

    def drop(self, name: str) -> None:
        with self.engine.connect() as con:
            con.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


FAILED = re.compile(r"(\d+) failed")


def run_writers(claimtrack: str, url: str, parts: list[Path]) -> tuple[float, list[str]]:
    """Start one ingest per part at once; the wall time and the failures seen."""
    subprocess.run([claimtrack, "--db", url, "db", "upgrade"], check=True, capture_output=True)
    started = time.perf_counter()
    processes = [
        subprocess.Popen(
            [claimtrack, "--db", url, "ingest", str(part), *INGEST_COLUMNS],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for part in parts
    ]
    failures = []
    for i, process in enumerate(processes):
        out, err = process.communicate()
        found = FAILED.search(out)
        if process.returncode != 0:
            failures.append(f"process {i} exit {process.returncode}: {(err or out)[-300:]!r}")
        elif found and int(found.group(1)):
            failures.append(f"process {i}: {found.group(1)} articles failed")
        if "Traceback" in err:
            failures.append(f"process {i}: traceback")
    return time.perf_counter() - started, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--claimtrack", default=".venv/bin/claimtrack")
    parser.add_argument("--admin", default=DEFAULT_ADMIN, help="URL of a database to connect to")
    parser.add_argument("--writers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--prefix", default="ctbench_writers")
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    args = parser.parse_args()
    if not args.csv.exists():
        print(f"Error: {args.csv}: no such file", file=sys.stderr)
        return 1
    fields, rows, _ = unique_rows(args.csv)
    server = Server(args.admin)
    work = Path(tempfile.mkdtemp(prefix="writers-bench-"))
    print(f"{len(rows)} articles of {args.csv.name}; parts in {work}")
    print(
        f"{'writers':>7} {'failures':>8} {'seconds':>8} {'articles/s':>10}  "
        "same as 1 process | same as match --rebuild"
    )
    reference: Snapshot | None = None
    all_same = True
    names = []
    for n in args.writers:
        parts = []
        for i in range(n):
            part = work / f"part{n}-{i}.csv"
            write_order(rows[i::n], fields, part)
            parts.append(part)
        name = f"{args.prefix}_{n}"
        names += [name, f"{name}_rebuilt"]
        url = server.create(name)
        seconds, failures = run_writers(args.claimtrack, url, parts)
        run = read(url)
        rebuilt_url = server.create(f"{name}_rebuilt", template=name)
        subprocess.run(
            [args.claimtrack, "--db", rebuilt_url, "match", "--rebuild"],
            check=True,
            capture_output=True,
        )
        rebuilt = read(rebuilt_url)
        reference = reference or run
        vs_one = run.differences(reference) or "yes"
        vs_rebuild = run.differences(rebuilt) or "yes"
        all_same &= vs_one == "yes" and vs_rebuild == "yes" and not failures
        print(
            f"{n:>7} {len(failures):>8} {seconds:>8.1f} {run.articles / seconds:>10.1f}  "
            f"{vs_one} | {vs_rebuild}"
        )
        print(
            f"{'':>7} {len(run.incidents)} incidents, {len(run.conflicts)} conflicts, "
            f"{len(run.corroborations)} corroborations"
        )
        for failure in failures:
            print(f"{'':>7} {failure}")
    if not args.keep:
        for name in names:
            server.drop(name)
    print("every run identical, no failures" if all_same else "runs differ or failed")
    return 0 if all_same else 1


if __name__ == "__main__":
    raise SystemExit(main())
