"""Attribution quality on hand-labelled FA-KES sentences: precision, recall, F1, reporter voice.

    PYTHONPATH=. .venv/bin/python bench/attribution_eval.py [--verbose] [--set SET]

SET is dev, heldout, heldout2, heldout3, heldout4 or all (the default).

Labels (one claim a line; see ``bench/data/README.md``): ``bench/data/attribution_labels.jsonl``
(dev: the set the rules were developed against), ``bench/data/attribution_labels_heldout.jsonl``
(held-out: labelled before the later rule changes) and
``bench/data/attribution_labels_heldout2.jsonl`` (second held-out set, labelled before it was
first scored, for when the first held-out set has been looked at too often) and
``bench/data/attribution_labels_heldout3.jsonl`` (third held-out set, labelled before it was
first scored; kept blind for final figures, not for tuning) and
``bench/data/attribution_labels_heldout4.jsonl`` (fourth held-out set, drawn and labelled the
same way once the third had been looked at; blind, for final figures, not for tuning).
Each labelled article is segmented and attributed as in ingest; every gold claim is compared with
the output claim that covers most of it. A predicted source is correct when it names the same
source as the label: equal after normalisation, or both resolve to the same registry source, or
(for new and unnamed sources) one's words are a subset of the other's covering at least half of
them ("military source" ~ "rebel military source"). The figures also include a naive baseline
(source = the noun phrase before the first "said"), computed in the same run.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from claimtrack.attribute import attribute
from claimtrack.model import Claim, Document
from claimtrack.segment import segment
from claimtrack.sources import SourceRegistry, default_registry, normalise

ROOT = Path(__file__).resolve().parent
LABELS = ROOT / "data" / "attribution_labels.jsonl"
HELDOUT_LABELS = ROOT / "data" / "attribution_labels_heldout.jsonl"
HELDOUT2_LABELS = ROOT / "data" / "attribution_labels_heldout2.jsonl"
HELDOUT3_LABELS = ROOT / "data" / "attribution_labels_heldout3.jsonl"
HELDOUT4_LABELS = ROOT / "data" / "attribution_labels_heldout4.jsonl"
LABEL_SETS = {
    "dev": LABELS,
    "heldout": HELDOUT_LABELS,
    "heldout2": HELDOUT2_LABELS,
    "heldout3": HELDOUT3_LABELS,
    "heldout4": HELDOUT4_LABELS,
}
CORPUS = ROOT.parent.parent / "shared" / "corpus" / "fakes-dev.csv"


@dataclass(frozen=True)
class Scores:
    n: int
    gold_attributed: int
    predicted_attributed: int
    correct: int
    reporter_voice: int
    reporter_voice_correct: int
    via_gold: int
    via_correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted_attributed if self.predicted_attributed else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold_attributed if self.gold_attributed else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def reporter_voice_accuracy(self) -> float:
        return self.reporter_voice_correct / self.reporter_voice if self.reporter_voice else 0.0


def same_source(gold: str | None, pred: str | None, registry: SourceRegistry) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    g_key, p_key = normalise(gold), normalise(pred)
    if g_key == p_key:
        return True
    g, p = registry.resolve(gold), registry.resolve(pred)
    if g is not None and p is not None:
        return g.name == p.name
    g_words, p_words = set(g_key.split()), set(p_key.split())
    small, big = sorted((g_words, p_words), key=len)
    return bool(small) and small <= big and 2 * len(small) >= len(big)


def load_labels(path: Path = LABELS) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def load_articles(rows: set[str], corpus: Path = CORPUS) -> dict[str, str]:
    csv.field_size_limit(1 << 30)
    with corpus.open(encoding="utf-8", newline="") as f:
        return {
            r["unit_id"]: r["article_content"] for r in csv.DictReader(f) if r["unit_id"] in rows
        }


def _covering(claims: tuple[Claim, ...], start: int, end: int) -> Claim | None:
    best, best_overlap = None, 0
    for c in claims:
        overlap = min(c.end, end) - max(c.start, start)
        if overlap > best_overlap:
            best, best_overlap = c, overlap
    return best


_BASELINE = re.compile(r"((?:[A-Z][\w-]*\s?){1,5})\s(?:said|says)\b")


def _baseline(text: str) -> str | None:
    m = _BASELINE.search(text)
    return m.group(1).strip() if m else None


def evaluate(
    labels: list[dict[str, object]] | None = None, verbose: bool = False
) -> tuple[Scores, Scores, float]:
    """(scores, naive baseline scores, articles per second) over the labelled claims."""
    labels = labels if labels is not None else load_labels()
    registry = default_registry()
    articles = load_articles({str(x["row"]) for x in labels})
    out: dict[str, tuple[Claim, ...]] = {}
    t0 = time.perf_counter()
    for row, text in articles.items():
        doc = Document(text)
        out[row] = attribute(doc, segment(doc), registry)
    rate = len(articles) / max(time.perf_counter() - t0, 1e-9)
    tallies = {"sys": [0] * 7, "base": [0] * 7}
    for item in labels:
        row, gold, gold_via = str(item["row"]), item["source"], item.get("via")
        text = articles[row]
        start, end = int(str(item["start"])), int(str(item["end"]))
        assert text[start:end] == item["text"], f"label out of date: {row} {item['index']}"
        piece = _covering(out[row], start, end)
        pred = piece.attribution.source if piece is not None else None
        via = piece.attribution.via if piece is not None else None
        base = _baseline(str(item["text"]))
        for name, guess, guess_via in (("sys", pred, via), ("base", base, None)):
            t = tallies[name]
            ok = same_source(gold if isinstance(gold, str) else None, guess, registry)
            t[0] += 1
            t[1] += gold is not None
            t[2] += guess is not None
            t[3] += gold is not None and guess is not None and ok
            t[4] += gold is None
            t[5] += gold is None and guess is None
            if gold_via is not None:
                t[6] += 1
                if guess_via is not None and same_source(str(gold_via), guess_via, registry):
                    t[6] += 1000  # via correct: count in the thousands, unpacked below
        if verbose and not same_source(gold if isinstance(gold, str) else None, pred, registry):
            rule = piece.attribution.rule if piece is not None else None
            print(f"  {row}#{item['index']}: gold={gold!r} pred={pred!r} ({rule})")
            print(f"      {str(item['text'])[:160]}")

    def scores(t: list[int]) -> Scores:
        return Scores(t[0], t[1], t[2], t[3], t[4], t[5], t[6] % 1000, t[6] // 1000)

    return scores(tallies["sys"]), scores(tallies["base"]), rate


def _report(name: str, system: Scores, base: Scores, rate: float) -> None:
    print(f"[{name}] labelled claims: {system.n} (attributed {system.gold_attributed}, "
          f"reporter voice {system.reporter_voice})")  # fmt: skip
    for label, s in (("claimtrack", system), ("naive baseline", base)):
        print(
            f"{label:>15}: precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}  "
            f"reporter-voice accuracy {s.reporter_voice_accuracy:.3f}  "
            f"(correct {s.correct}/{s.predicted_attributed} predicted, {s.gold_attributed} gold)"
        )
    print(f"via (relaying outlet): {system.via_correct}/{system.via_gold} right")
    print(f"attribution throughput on these articles: {rate:.0f} articles/s (segment + attribute)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every wrong claim")
    parser.add_argument("--set", choices=(*LABEL_SETS, "all"), default="all", help="label set")
    args = parser.parse_args(argv)
    names = list(LABEL_SETS) if args.set == "all" else [args.set]
    for name in names:
        if args.verbose:
            print(f"[{name}] wrong claims:")
        system, base, rate = evaluate(load_labels(LABEL_SETS[name]), verbose=args.verbose)
        _report(name, system, base, rate)
    return 0


if __name__ == "__main__":
    sys.exit(main())
