"""Ingest-with-matching throughput and its growth, next to a naive all-pairs baseline.

What runs, per article, is what ``claimtrack ingest`` does with matching on: load -> analyze
(segment + attribute) -> frame -> store (SQLite file) -> match_article (candidates through the
``claim_key`` index, rapidfuzz scoring, links, conflicts). The pure stages (analyze, frame) run
in worker processes (``--workers``, default 2: the machine has 2 cores); storing and matching run
in the main process, up to 50 articles / 0.5 s per transaction with a SAVEPOINT per article:
the documents go through ``claimtrack.ingest.ingest_documents``, the path ``claimtrack ingest``
takes for a batch.

1. the whole ``fakes-dev.csv`` (785 real articles);
2. a synthetic corpus (default 20,000 articles) generated here by recombining real FA-KES
   sentences around invented incidents: each incident (place, date, toll) is reported by one to
   four outlets whose tolls sometimes differ, with other real sentences mixed in. Figures are
   taken at 1k, 5k and 20k stored articles: throughput so far, and the wall-clock cost per
   article over the last 500 articles (the part that could grow with the store);
3. the naive baseline: every claim of a new article scored with ``token_set_ratio`` against every
   stored claim (``rapidfuzz.process.extract``, C++ loop, one core). It runs on the first
   ``--baseline-n`` synthetic articles; its cost per article grows with the store, so the
   figures at 5k and 20k are extrapolated linearly from the measured slope ("extrapolated").

Peak RSS (resource.getrusage) is printed for the main process and for the workers.

Run: PYTHONPATH=. .venv/bin/python bench/match_bench.py [--synthetic 20000] [--workers 2]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import resource
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process
from sentencex import segment
from sqlmodel import col, func, select

from claimtrack.ingest import Outcome, ingest_documents
from claimtrack.model import Document
from claimtrack.store import tables
from claimtrack.store.engine import Store, open_store

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fakes-dev.csv"
CHECKPOINTS = (1000, 5000, 20000)
WINDOW = 500


def load_fakes(path: Path = CORPUS) -> list[Document]:
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return [
        Document(
            text=r["article_content"],
            title=r["article_title"],
            outlet=r["source"],
            published=datetime.strptime(r["date"], "%m/%d/%y").date(),
            origin=f"fakes:{r['unit_id']}",
        )
        for r in rows
    ]


# ------------------------------------------------------------------------------ synthetic

PLACES = [
    "Aleppo", "Idlib", "Homs", "Hama", "Raqqa", "Deir Ezzor", "Hasakeh", "Daraa", "Latakia",
    "Douma", "Khan Shaykhun", "Saraqeb", "Ariha", "Manbij", "Al-Bab", "Jarablus", "Afrin",
    "Qamishli", "Palmyra", "Zabadani", "Madaya", "Harasta", "Jobar", "Darayya", "Rastan",
    "Qusayr", "Mayadin", "Tal Abyad", "Azaz", "Atareb", "Kafr Nabl", "Jisr al-Shughour",
    "Maarat al-Numan", "Tartus", "Quneitra", "Sweida", "Salaheddin", "Sheikh Maqsoud",
    "Khan Touman", "Tal Rifaat", "Morek", "Latamneh", "Kobani", "Ras al-Ain", "Baniyas",
]  # fmt: skip
OUTLETS = [
    "NNA", "TRT", "Al-Ahram", "Al-Manar", "Al-Araby", "Daily Sabah", "SANA", "Sputnik", "TASS",
    "Reuters", "Al Arabiya", "Asharq Al-Awsat", "Jordan Times", "Al-Alam", "Anadolu",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_PLACE_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in [*PLACES, "Damascus"]) + r")s?\b")
_DAY_RE = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
_NUM_RE = re.compile(r"\b\d{1,3}\b")
_DATELINE_RE = re.compile(r"\b\d{1,2} \w{3,9} 20\d\d\b|\b\w{3,9} \d{1,2} 20\d\d\b")


def _sentences(docs: Sequence[Document]) -> tuple[list[list[str]], list[str]]:
    """Lead sentences per article (event reports) and a pool of all sentences."""
    leads: list[list[str]] = []
    pool: list[str] = []
    for d in docs:
        sents = [s.strip() for s in segment("en", d.text) if 6 <= len(s.split()) <= 70]
        if len(sents) >= 3:
            leads.append(sents[:6])
        pool.extend(sents)
    return leads, pool


def synthetic(docs: Sequence[Document], n: int, seed: int = 7) -> Iterator[Document]:
    """``n`` articles: incidents reported by 1-4 outlets, tolls that sometimes disagree."""
    rng = random.Random(seed)
    leads, pool = _sentences(docs)
    start = date(2012, 1, 1)
    made = 0
    while made < n:
        place = rng.choice(PLACES)
        day = start + timedelta(days=rng.randrange(365 * 7))
        toll = rng.randint(2, 120)
        base = rng.choice(leads)
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
            if made >= n:
                break
            reported = toll if rng.random() < 0.7 else max(1, toll + rng.randint(-15, 30))

            def fill(s: str, reported: int = reported, place: str = place, day: date = day) -> str:
                s = _DATELINE_RE.sub("", s)
                s = _PLACE_RE.sub(place, s)
                s = _DAY_RE.sub(WEEKDAYS[day.weekday()], s)
                return _NUM_RE.sub(
                    lambda m: str(reported if rng.random() < 0.6 else rng.randint(1, 60)), s
                )

            body = [fill(s) for s in base[: rng.randint(3, len(base))]]
            body += [fill(s) for s in rng.sample(pool, rng.randint(4, 9))]
            published = day + timedelta(days=rng.choice((0, 0, 1)))
            made += 1
            yield Document(
                text=" ".join(body),
                outlet=rng.choice(OUTLETS),
                published=published,
                origin=f"synthetic:{made}",
            )


# ------------------------------------------------------------------------------ pipeline


@dataclass
class Run:
    articles: int = 0
    claims: int = 0
    seconds: float = 0.0
    main_cpu: float = 0.0
    line: str = ""


def _counts(store: Store) -> str:
    with store.session() as session:
        c = session.connection()

        def n(table: Any, *where: Any) -> int:
            return int(
                c.execute(select(func.count()).select_from(table).where(*where)).scalar() or 0
            )

        return (
            f"{n(tables.Article)} articles, {n(tables.Claim)} claims; {n(tables.Link)} links; "
            f"{n(tables.Conflict, col(tables.Conflict.active).is_(True))} active conflicts; "
            f"{n(tables.Corroboration, col(tables.Corroboration.active).is_(True))} corroborations"
        )


def ingest_all(
    docs: Iterable[Document],
    db: Path,
    workers: int,
    checkpoints: Sequence[int] = (),
    report: bool = False,
) -> Run:
    """Everything through ``claimtrack.ingest.ingest_documents``, the path ``claimtrack ingest``
    takes for a batch: workers analyse and frame, the main process stores and matches, grouped
    transactions with a savepoint per article."""
    store = open_store(str(db))
    run = Run()
    marks: list[float] = []
    cpu: list[float] = []  # this (main) process's CPU time: store + match, load-independent
    started = time.perf_counter()

    def seen(outcome: Outcome) -> None:
        run.articles += 1
        run.claims += outcome.claims
        marks.append(time.perf_counter())
        cpu.append(time.process_time())
        if len(marks) > WINDOW + 1:
            del marks[0]
            del cpu[0]
        if report and run.articles in checkpoints:
            elapsed = marks[-1] - started
            recent = (marks[-1] - marks[0]) / (len(marks) - 1)
            print(
                f"  {run.articles:>6} articles: {run.articles / elapsed:7.1f} articles/s so far;"
                f" {1000 * recent:6.2f} ms/article (last {len(marks) - 1}),"
                f" main-process CPU {1000 * (cpu[-1] - cpu[0]) / (len(cpu) - 1):6.2f} ms/article;"
                f" peak RSS {peak_rss_mb():.0f} MB",
                flush=True,
            )

    cpu0 = time.process_time()
    ingest_documents(store, docs, workers=workers, on_outcome=seen)
    run.seconds = time.perf_counter() - started
    run.main_cpu = time.process_time() - cpu0
    run.line = _counts(store)
    store.close()
    return run


def peak_rss_mb(children: bool = False) -> float:
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024.0


# ------------------------------------------------------------------------------ baseline


def baseline(docs: Sequence[Document], n: int) -> list[tuple[int, float]]:
    """Naive all-pairs matching: (articles stored, ms per article) every 250 articles."""
    stored: list[str] = []
    points: list[tuple[int, float]] = []
    spent = 0.0
    for i, d in enumerate(docs[:n], 1):
        claims = [default_process(s) for s in segment("en", d.text) if s.strip()]
        t0 = time.perf_counter()
        if stored:
            for claim in claims:  # every new claim against every stored claim
                process.extract(
                    claim, stored, scorer=fuzz.token_set_ratio, score_cutoff=60, limit=None
                )
        spent += time.perf_counter() - t0
        stored.extend(claims)
        if i % 250 == 0:
            points.append((i, 1000 * spent / 250))
            spent = 0.0
    return points


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--synthetic", type=int, default=20000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--baseline-n", type=int, default=2000)
    ap.add_argument("--skip-fakes", action="store_true")
    ap.add_argument("--skip-synthetic", action="store_true")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="fakes-dev.csv")
    args = ap.parse_args()
    fakes = load_fakes(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_fakes:
            run = ingest_all(fakes, Path(tmp) / "fakes.db", args.workers)
            print(
                f"fakes-dev.csv: {run.articles} articles, {run.claims} claims in "
                f"{run.seconds:.1f} s"
                f" = {run.articles / run.seconds:.1f} articles/s (workers={args.workers}); "
                f"main-process CPU {1000 * run.main_cpu / run.articles:.2f} ms/article; "
                f"{run.line}"
            )
        if not args.skip_synthetic:
            print(f"synthetic corpus ({args.synthetic} articles), ingest with matching:")
            checkpoints = tuple(c for c in CHECKPOINTS if c <= args.synthetic)
            run = ingest_all(
                synthetic(fakes, args.synthetic),
                Path(tmp) / "synthetic.db",
                args.workers,
                checkpoints=checkpoints,
                report=True,
            )
            print(
                f"  total: {run.articles / run.seconds:.1f} articles/s;"
                f" main-process CPU {1000 * run.main_cpu / run.articles:.2f} ms/article; {run.line}"
            )
    if args.baseline_n <= 0:
        print(f"peak RSS: main {peak_rss_mb():.0f} MB, largest worker {peak_rss_mb(True):.0f} MB")
        return
    print(
        f"naive all-pairs baseline (token_set_ratio, process.extract, one core), "
        f"first {args.baseline_n}:"
    )
    docs = list(synthetic(fakes, args.baseline_n))
    points = baseline(docs, args.baseline_n)
    for n, ms in points:
        if n in (250, 1000, 2000) or n == points[-1][0]:
            print(f"  {n:>6} articles stored: {ms:8.2f} ms/article (measured)")
    if len(points) >= 2:
        (n0, m0), (n1, m1) = points[0], points[-1]
        slope = (m1 - m0) / (n1 - n0)
        for n in CHECKPOINTS:
            if n > n1:
                ms = m1 + slope * (n - n1)
                print(
                    f"  {n:>6} articles stored: {ms:8.2f} ms/article (extrapolated) "
                    f"= {1000 / ms:6.1f} articles/s for matching alone"
                )
    print(f"peak RSS: main {peak_rss_mb():.0f} MB, largest worker {peak_rss_mb(True):.0f} MB")


if __name__ == "__main__":
    main()
