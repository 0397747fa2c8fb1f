"""Precision and recall of same-event matching and conflict flags on hand-labelled pairs.

Data: bench/data/pairs.jsonl (79 pairs from fakes-dev.csv, labelled by hand; see PAIRS.md).
Each pair becomes two ClaimRecords with the labelled speaker as source (the outlet's own voice is
``source=None`` with the outlet set, as the pipeline stores it), framed in its article's context
(``frame_article`` over the sentences up to the claim, as ingest frames them) with the article's
date and the claim's sentence position, then goes through ``link_claims`` and ``find_conflicts``
exactly as ingest runs them. Attribution is taken from the labels, so this measures matching and
conflict detection alone.

Run: PYTHONPATH=. .venv/bin/python bench/pair_eval.py [--high N --low N] [--verbose]
"""

from __future__ import annotations

import argparse
import csv
import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sentencex import segment

from claimtrack.conflicts import find_conflicts
from claimtrack.frame import frame_article
from claimtrack.match import DEFAULT_PARAMS, MatchParams, link_claims
from claimtrack.model import ClaimRecord, LinkStatus

PAIRS = Path(__file__).with_name("data") / "pairs.jsonl"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "fakes-dev.csv"


@lru_cache(maxsize=1)
def _articles() -> dict[str, str]:
    if not CORPUS.exists():
        return {}
    with CORPUS.open(encoding="utf-8") as fh:
        return {r["unit_id"]: r["article_content"] for r in csv.DictReader(fh)}


def _context(unit_id: str, text: str) -> tuple[list[str], int | None]:
    """The article's sentences before the claim, and the claim's sentence index."""
    body = _articles().get(unit_id)
    if not body:
        return [], None
    at = body.find(text)
    if at < 0:
        return [], None
    sentences = [s.strip() for s in segment("en", body[:at]) if s.strip()]
    return sentences, len(sentences)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def add(self, predicted: bool, actual: bool) -> None:
        if predicted and actual:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1
        else:
            self.tn += 1


@dataclass
class Result:
    n: int
    matching: Counts
    matching_with_suggested: Counts
    conflicts: Counts  # any flag vs labelled conflict (on all pairs)
    conflict_kind: Counts  # a flag counts as right only with the labelled kind
    errors: list[str] = field(default_factory=list)


def load_pairs(path: Path = PAIRS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _record(ref: int, side: dict[str, Any], article: int) -> ClaimRecord:
    published = date.fromisoformat(side["date"])
    speaker = side["source"]
    source = None if speaker == side["outlet"] else speaker
    before, seq = _context(side["unit_id"], side["text"])
    frames = frame_article([*before, side["text"]], published)
    return ClaimRecord(
        ref=ref,
        article_ref=article,
        text=side["text"],
        source=source,
        frame=frames[-1],
        published=published,
        seq=seq,
        outlet=side["outlet"],
    )


def evaluate(params: MatchParams = DEFAULT_PARAMS, path: Path = PAIRS) -> Result:
    pairs = load_pairs(path)
    res = Result(len(pairs), Counts(), Counts(), Counts(), Counts())
    for p in pairs:
        art_a = int(p["a"]["unit_id"])
        art_b = int(p["b"]["unit_id"])
        a, b = _record(1, p["a"], art_a), _record(2, p["b"], art_b)
        # claims of one article are matched together on ingest (in-article proximity counts)
        links = link_claims([a, b], [], params) if art_a == art_b else link_claims([a], [b], params)
        status = links[0].status if links else None
        matched = status in (LinkStatus.MATCH, LinkStatus.DUPLICATE)
        res.matching.add(matched, p["same_event"])
        res.matching_with_suggested.add(status is not None, p["same_event"])
        conflicts, _ = find_conflicts({1: a, 2: b}, links)
        kinds = {c.kind.value for c in conflicts}
        labelled = p["conflict"] != "none"
        res.conflicts.add(bool(kinds), labelled)
        if kinds and labelled:
            res.conflict_kind.add(p["conflict"] in kinds, True)
            if p["conflict"] not in kinds:
                res.conflict_kind.fp += 1
        else:
            res.conflict_kind.add(bool(kinds), labelled)
        if (
            matched != p["same_event"]
            or (bool(kinds) != labelled)
            or (labelled and p["conflict"] not in kinds)
        ):
            score = links[0].score if links else 0.0
            res.errors.append(
                f"#{p['id']} same={p['same_event']} got={status and status.value} "
                f"score={score} conflict={p['conflict']} got={sorted(kinds)} ({p['note']})"
            )
    return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--high", type=float, default=DEFAULT_PARAMS.high)
    ap.add_argument("--low", type=float, default=DEFAULT_PARAMS.low)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    params = MatchParams(high=args.high, low=args.low)
    r = evaluate(params)
    n_same = r.matching.tp + r.matching.fn
    n_conf = r.conflicts.tp + r.conflicts.fn
    print(f"pairs: {r.n} ({n_same} same-event, {n_conf} with a labelled conflict)")
    for name, c in (
        ("matching (match/duplicate)", r.matching),
        ("matching incl. suggested", r.matching_with_suggested),
        ("conflict flagged (any kind)", r.conflicts),
        ("conflict of the labelled kind", r.conflict_kind),
    ):
        print(
            f"{name:32s} precision {c.precision:5.2f}  recall {c.recall:5.2f}  "
            f"(tp {c.tp} fp {c.fp} fn {c.fn} tn {c.tn})"
        )
    if args.verbose:
        print("\n".join(r.errors))


if __name__ == "__main__":
    main()
