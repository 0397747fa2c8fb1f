"""Ingest of a large generated CSV dataset: time and peak memory, streamed row by row.

usage: python bench/dataset_bench.py [--megabytes 200] [--match] [--keep DIR]

Writes a CSV of about MEGABYTES of distinct news-like articles (one per row: id, title, date,
outlet, text and an extra column), ingests it with ``claimtrack ingest FILE.csv`` into a fresh
SQLite database (without matching unless --match), and prints rows, seconds, articles per second
and the peak resident memory of the ingest process. A baseline in the same run: the same CSV read
with the standard library's csv module only (the floor for reading and decoding it).
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLACES = ["Aleppo", "Idlib", "Douma", "Saraqeb", "Hama", "Homs", "Raqqa", "Deir Ezzor", "Daraa"]
SOURCES = ["the Syrian Observatory for Human Rights", "state news agency SANA", "rescue workers"]
SENTENCES = [
    "Air strikes hit the town of {place} on {day}, killing {n} people, {source} said.",
    "{source} said {m} of the dead were children and that the toll could rise.",
    "A car bomb exploded near a market in {place}, wounding {m} people, according to {source}.",
    "Rebels fired rockets at a residential district of {place}, state media reported.",
    "Residents said the raids destroyed several buildings and a school in {place}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(rng: random.Random, number: int) -> str:
    parts = []
    for _ in range(rng.randint(6, 14)):
        parts.append(
            rng.choice(SENTENCES).format(
                place=rng.choice(PLACES),
                day=rng.choice(DAYS),
                n=rng.randint(2, 90),
                m=rng.randint(1, 40),
                source=rng.choice(SOURCES),
            )
        )
    parts.append(f"Report number {number} of the series.")  # every text distinct
    return " ".join(parts)


def write_csv(path: Path, megabytes: int, seed: int = 11) -> int:
    rng = random.Random(seed)
    rows = 0
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "title", "date", "outlet", "text", "desk"])
        while handle.tell() < megabytes * 1024 * 1024:
            rows += 1
            day = f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            writer.writerow(
                [f"a{rows}", f"Strikes hit {rng.choice(PLACES)}", day, "Wire", article(rng, rows),
                 "Syria"]
            )  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=int, default=200)
    parser.add_argument("--match", action="store_true", help="match as articles land")
    parser.add_argument("--keep", help="write the CSV and database here (default: a temp dir)")
    args = parser.parse_args()
    work = Path(args.keep or tempfile.mkdtemp(prefix="dataset-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / "dataset.csv"
    rows = write_csv(path, args.megabytes)
    size = path.stat().st_size / 1024 / 1024
    t0 = time.perf_counter()
    with path.open(newline="", encoding="utf-8") as handle:
        read = sum(1 for _ in csv.reader(handle)) - 1
    floor = time.perf_counter() - t0
    command = [
        str(Path(sys.executable).with_name("claimtrack")),
        "--db", str(work / "bench.db"), "ingest", str(path), "-q",
        *([] if args.match else ["--no-match"]),
    ]  # fmt: skip
    t0 = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"dataset: {size:.0f} MB, {rows} rows ({read} read back by the csv module in {floor:.1f} s)"
    )
    print(f"ingest {'with' if args.match else 'without'} matching: exit {done.returncode}, "
          f"{seconds:.0f} s, {rows / seconds:.0f} articles/s, peak RSS {peak:.0f} MB")  # fmt: skip
    print(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr[-500:])
    print(f"files kept in {work}" if args.keep else "")


if __name__ == "__main__":
    main()
