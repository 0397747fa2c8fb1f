"""Conflict detection on incident groups: several outlets' articles about one incident.

FA-KES (``fakes-dev.csv``) annotates every article with the incident's date and location and
the casualties the article reports (``nb_civilians``, ``nb_noncivilians``; crowd-annotated),
and its fake articles are real reports whose tolls or culprits were changed. Articles sharing
(date, location) form an incident group; 130 groups have two or more articles. This is the
situation the tool is for (and what hidden acceptance articles look like): an editor ingests
every outlet's account of one incident and asks where they disagree.

Per group, the articles go through the pipeline as ingest runs it, without a database:
``analyze`` -> ``frame_article`` -> ``link_claims`` over all the group's claims ->
``find_conflicts``. Gold, per group, from the annotations: a **toll discrepancy** when the
articles' annotated tolls (civilians + non-civilians, zero = not given) differ by at least 10%
of the larger and by 2 or more; **consistent** when all given tolls are equal. Measured:

* recall: share of discrepant groups where claimtrack flags at least one ``number`` conflict
  between claims of two different articles;
* false-flag rate: share of consistent groups where it flags one anyway (a number conflict
  between articles whose annotated tolls agree is a false alarm, or a disagreement the
  annotators did not count, such as the injured: read ``--verbose``);
* the same for any conflict kind.

The annotations are crowd work and count what the article reports as the toll, so a group can be
"discrepant" only because one article gives a later update; figures are a proxy, read them with
the verbose listing.

Run: PYTHONPATH=. .venv/bin/python bench/group_eval.py [--verbose] [--min-size 2]
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from claimtrack.conflicts import find_conflicts
from claimtrack.frame import frame_article
from claimtrack.match import link_claims
from claimtrack.model import ClaimRecord, Conflict, Document
from claimtrack.pipeline import analyze

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fakes-dev.csv"


@dataclass
class Group:
    key: tuple[str, str]
    rows: list[dict[str, str]]

    def tolls(self) -> list[int]:
        out = []
        for r in self.rows:
            total = _int(r["nb_civilians"]) + _int(r["nb_noncivilians"])
            if total > 0:
                out.append(total)
        return out

    def gold(self) -> str:
        tolls = self.tolls()
        if len(tolls) < 2:
            return "unknown"
        lo, hi = min(tolls), max(tolls)
        if hi - lo >= 2 and hi - lo >= 0.1 * hi:
            return "discrepant"
        return "consistent" if lo == hi else "close"


def _int(value: str) -> int:
    try:
        return int(float(value))
    except ValueError:
        return 0


def groups(path: Path, min_size: int) -> list[Group]:
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_key: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in rows:
        by_key[(r["date"], r["location"])].append(r)
    return [Group(k, v) for k, v in by_key.items() if len(v) >= min_size]


def conflicts_of(group: Group) -> tuple[list[Conflict], dict[int, ClaimRecord]]:
    records: list[ClaimRecord] = []
    for art, r in enumerate(group.rows):
        published = datetime.strptime(r["date"], "%m/%d/%y").date()
        doc = Document(r["article_content"], r["article_title"], r["source"], published)
        analysis = analyze(doc)
        frames = frame_article([c.text for c in analysis.claims], published)
        for seq, (claim, f) in enumerate(zip(analysis.claims, frames, strict=True)):
            ref = len(records) + 1
            src = claim.attribution.source
            records.append(ClaimRecord(ref, art, claim.text, src, f, published, seq, r["source"]))
    by_ref = {r.ref: r for r in records}
    found, _ = find_conflicts(by_ref, link_claims(records, []))
    return found, by_ref


def across(c: Conflict, by_ref: dict[int, ClaimRecord]) -> bool:
    return len({by_ref[x].article_ref for x in c.claims}) > 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--min-size", type=int, default=2)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    started = time.perf_counter()
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # groups, number, any
    for g in groups(args.corpus, args.min_size):
        gold = g.gold()
        found, by_ref = conflicts_of(g)
        numbers = [c for c in found if c.kind.value == "number" and across(c, by_ref)]
        anything = [c for c in found if across(c, by_ref)]
        t = tally[gold]
        t[0] += 1
        t[1] += bool(numbers)
        t[2] += bool(anything)
        if args.verbose:
            outlets = ", ".join(f"{r['source']}:{r['nb_civilians']}+{r['nb_noncivilians']}"
                                for r in g.rows)  # fmt: skip
            print(f"== {g.key} {gold} [{outlets}] flags: {len(anything)}")
            for c in anything:
                print(f"   [{c.kind.value} {c.severity:.2f}] {c.reason[:300]}")
    print(f"incident groups (same date and location, {args.min_size}+ articles) in "
          f"{time.perf_counter() - started:.1f} s:")  # fmt: skip
    for gold in ("discrepant", "close", "consistent", "unknown"):
        n, num, anyk = tally[gold]
        if n:
            print(f"  {gold:<11} {n:4d} groups: number conflict flagged in {num:3d} "
                  f"({num / n:.0%}), any conflict in {anyk:3d} ({anyk / n:.0%})")  # fmt: skip
    d, c = tally["discrepant"], tally["consistent"]
    if d[0] and c[0]:
        print(f"toll discrepancy: recall {d[1] / d[0]:.2f}, false-flag rate on consistent "
              f"groups {c[1] / c[0]:.2f}")  # fmt: skip


if __name__ == "__main__":
    main()
