"""Large inputs: one very large text file, and a directory of very many small files.

Measures, for real `python -m claimtrack ingest` processes, the peak RSS (``wait4`` rusage of that
one child, ``ru_maxrss``) and the wall time, at two sizes of each input, so the growth per MB
and per file can be read off and extrapolated to the issue's targets (a 50 MB file, 100,000
files). Then it looks inside: the traced Python memory of each pipeline stage (load, segment,
analyze, save) on the large file, and a measured alternative for the one stage that holds a
whole article's rows at once (claim rows inserted through the ORM vs. Core ``executemany``).

    python bench/large_inputs_bench.py            # about 1-2 minutes: 0.5/2 MB, 1,000/4,000 files
    python bench/large_inputs_bench.py --small    # quicker: 0.25/1 MB, 500/2,000 files
    python bench/large_inputs_bench.py --mb 50 --files 100000   # the issue's sizes (long)

Figures only, no assertions (performance is measured in bench/, never asserted in tests).
"""

from __future__ import annotations

import argparse
import csv
import gc
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "fakes-dev.csv"
T = TypeVar("T")


def corpus_rows() -> list[tuple[str, str]]:
    if CORPUS.exists():
        with CORPUS.open(encoding="utf-8", newline="") as handle:
            return [(r["article_title"], r["article_content"]) for r in csv.DictReader(handle)]
    sample = (ROOT / "examples" / "idlib.txt").read_text(encoding="utf-8")
    return [("Idlib", sample)]


def write_big_file(path: Path, megabytes: float, rows: list[tuple[str, str]]) -> int:
    """News text of about ``megabytes`` MB: corpus articles one after another (numbered, so
    nothing repeats word for word), paragraphs separated by blank lines."""
    target = int(megabytes * 1_000_000)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        i = 0
        while written < target:
            title, body = rows[i % len(rows)]
            block = f"{title} ({i}).\n\n{body}\n\n"
            out.write(block)
            written += len(block.encode("utf-8"))
            i += 1
    return written


def write_small_files(directory: Path, count: int, rows: list[tuple[str, str]]) -> None:
    """``count`` small articles (~350 bytes), 1,000 per subdirectory."""
    for i in range(count):
        title, body = rows[i % len(rows)]
        sub = directory / f"{i // 1000:04d}"
        if i % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:07d}.txt").write_text(f"Item {i}: {title}. {body[:300]}\n", encoding="utf-8")


def run_measured(argv: list[str]) -> tuple[float, float, str]:
    """Run a child process; its own wall time (s), peak RSS (MB) and last output line."""
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen(argv, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().strip().splitlines()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}): {lines[-3:]}")
    return elapsed, usage.ru_maxrss / 1024, lines[-1] if lines else ""


def ingest(db: Path, path: Path) -> tuple[float, float, str]:
    return run_measured(
        [sys.executable, "-m", "claimtrack", "--db", str(db), "ingest", "--quiet", str(path)]
    )


def traced(name: str, work: Callable[[], T], rows: list[list[str]]) -> T:
    gc.collect()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    start = time.perf_counter()
    result = work()
    elapsed = time.perf_counter() - start
    current, peak = tracemalloc.get_traced_memory()
    rows.append(
        [name, f"{elapsed:.2f}", f"{(peak - base) / 1e6:.1f}", f"{(current - base) / 1e6:.1f}"]
    )
    return result


def table(header: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        print("  " + "  ".join(str(c).rjust(w) for c, w in zip(row, widths, strict=True)))


def stage_breakdown(path: Path, workdir: Path) -> None:
    """Python memory traced per stage, and ORM vs Core for the claim rows, in this process."""
    from sqlmodel import Session

    from claimtrack.load import load_input
    from claimtrack.pipeline import analyze
    from claimtrack.segment import segment
    from claimtrack.store import tables
    from claimtrack.store.articles import save_analysis
    from claimtrack.store.engine import open_store

    rows: list[list[str]] = []
    tracemalloc.start()
    document = traced("load (read+decode)", lambda: load_input(str(path)), rows)
    traced("segment", lambda: len(segment(document)), rows)
    analysis = traced("analyze (seg+attrib)", lambda: analyze(document), rows)
    store = open_store(str(workdir / "stages.db"))
    now = datetime.now(UTC)
    traced(
        "save (ORM, 1 txn)", lambda: store.write(lambda s: save_analysis(s, analysis, now)), rows
    )
    print(f"\nInside one ingest of {path.stat().st_size / 1e6:.1f} MB "
          f"({len(analysis.claims):,} claims), Python allocations traced:")  # fmt: skip
    table(["stage", "time s", "peak MB", "kept MB"], rows)

    # The claim rows of one article: ORM objects (what save_analysis does) vs Core executemany.
    claims = [
        {"seq": i, "start": c.start, "end": c.end, "paragraph": c.paragraph, "text": c.text,
         "kind": c.attribution.kind.value, "cue": c.attribution.cue}
        for i, c in enumerate(analysis.claims)
    ]  # fmt: skip
    compare: list[list[str]] = []
    for name in ("orm", "core"):
        target = open_store(str(workdir / f"claims-{name}.db"))

        def work(session: Session, how: str = name) -> None:
            article = tables.Article(
                content_hash=how * 10, text=document.text, origin="bench", ingested_at=now
            )
            session.add(article)
            session.flush()
            values = [{**claim, "article_id": article.id} for claim in claims]
            if how == "orm":
                session.add_all(tables.Claim(**value) for value in values)
                session.flush()
            else:
                for i in range(0, len(values), 1000):
                    session.execute(insert(tables.Claim), values[i : i + 1000])

        traced(f"claims via {name}", lambda t=target, w=work: t.write(w), compare)  # type: ignore[misc]
        target.close()
    print("\nStoring those claim rows in one transaction:")
    table(["strategy", "time s", "peak MB", "kept MB"], compare)
    tracemalloc.stop()
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=2.0, help="size of the large file (MB)")
    parser.add_argument("--files", type=int, default=4000, help="number of small files")
    parser.add_argument("--small", action="store_true", help="quick run: 1 MB, 2,000 files")
    args = parser.parse_args()
    if args.small:
        args.mb, args.files = 1.0, 2000
    rows = corpus_rows()
    print(f"claimtrack large-input bench; {os.cpu_count()} CPUs; python {sys.version.split()[0]}")

    with tempfile.TemporaryDirectory(prefix="claimtrack-bench-") as tmp:
        work = Path(tmp)
        tiny = work / "tiny.txt"
        tiny.write_text("Anadolu said 33 soldiers were killed in Idlib.\n", encoding="utf-8")
        base_s, base_rss, _ = ingest(work / "base.db", tiny)
        print(f"\nBaseline: one-sentence ingest {base_s:.2f} s, peak RSS {base_rss:.0f} MB "
              "(interpreter + libraries)")  # fmt: skip

        print("\nOne large text file (one article):")
        big_rows: list[list[str]] = []
        points: list[tuple[float, float, float]] = []
        for mb in (args.mb / 4, args.mb):
            path = work / f"big-{mb:g}.txt"
            size = write_big_file(path, mb, rows) / 1e6
            seconds, rss, line = ingest(work / f"big-{mb:g}.db", path)
            claims = line.rsplit("; ", 1)[-1]
            points.append((size, seconds, rss))
            big_rows.append([f"{size:.2f}", f"{seconds:.1f}", f"{size / seconds:.3f}",
                             f"{rss:.0f}", f"{rss - base_rss:.0f}", claims])  # fmt: skip
        table(["MB", "wall s", "MB/s", "peak RSS MB", "over base", "result"], big_rows)
        (s1, t1, r1), (s2, t2, r2) = points
        per_mb = (r2 - r1) / (s2 - s1)
        sec_per_mb = (t2 - t1) / (s2 - s1)
        print(
            f"  growth: {per_mb:.1f} MB RSS and {sec_per_mb:.1f} s per MB of text "
            f"-> a 50 MB file: ~{r2 + per_mb * (50 - s2):.0f} MB RSS, "
            f"~{t2 + sec_per_mb * (50 - s2):.0f} s or more (time grows faster than linearly)"
        )

        print("\nA directory of small files (~350 bytes each):")
        small_rows: list[list[str]] = []
        fpoints: list[tuple[int, float, float]] = []
        for count in (args.files // 4, args.files):
            directory = work / f"small-{count}"
            write_small_files(directory, count, rows)
            seconds, rss, line = ingest(work / f"small-{count}.db", directory)
            fpoints.append((count, seconds, rss))
            small_rows.append([f"{count:,}", f"{seconds:.1f}", f"{count / seconds:.0f}",
                               f"{1000 * (seconds - base_s) / count:.2f}", f"{rss:.0f}",
                               f"{rss - base_rss:.0f}"])  # fmt: skip
        table(["files", "wall s", "files/s", "ms/file", "peak RSS MB", "over base"], small_rows)
        (c1, f1, q1), (c2, f2, q2) = fpoints
        kb_per_file = (q2 - q1) * 1024 / (c2 - c1)
        ms_per_file = 1000 * (f2 - f1) / (c2 - c1)
        print(
            f"  growth: {kb_per_file:.2f} KB RSS per file, marginal {ms_per_file:.2f} ms/file "
            f"-> 100,000 files: ~{q2 + kb_per_file * (100_000 - c2) / 1024:.0f} MB RSS, "
            f"~{(f2 + ms_per_file * (100_000 - c2) / 1000) / 60:.0f} min at the marginal rate"
        )

        stage_breakdown(work / f"big-{args.mb / 4:g}.txt", work)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"\n(all children together: peak RSS of the largest {usage.ru_maxrss / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
