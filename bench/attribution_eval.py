"""Attribution quality on hand-labelled FA-KES sentences: precision, recall, F1, reporter voice.

    PYTHONPATH=. .venv/bin/python bench/attribution_eval.py [--verbose] [--set SET]

SET is dev, heldout, heldout2, heldout3, heldout4, heldout5, heldout5_final, heldout6,
heldout6_final or all (the default). Each set's report ends with precision and recall per
attribution rule (``Attribution.rule``, the rule that fired), and ``--set all`` ends with the same
table over all sets pooled; ``--no-rules`` leaves these tables out. A rule's precision is its
correct claims over the claims it attributed; its recall is its correct claims over all
gold-attributed claims, so the recalls of the rules add up to the system's. ``--census`` instead
lists the top sources over all 785 FA-KES articles (``claimtrack.analyze``, no database), with
the number of claims each gets.

Labels (one claim a line; see ``bench/data/README.md``): ``bench/data/attribution_labels.jsonl``
(dev: the set the rules were developed against), ``bench/data/attribution_labels_heldout.jsonl``
(held-out: labelled before the later rule changes) and
``bench/data/attribution_labels_heldout2.jsonl`` (second held-out set, labelled before it was
first scored, for when the first held-out set has been looked at too often) and
``bench/data/attribution_labels_heldout3.jsonl`` (third held-out set, labelled before it was
first scored; kept blind for final figures, not for tuning) and
``bench/data/attribution_labels_heldout4.jsonl`` (fourth held-out set, drawn and labelled the
same way once the third had been looked at; blind, for final figures, not for tuning), and the
fifth set, half FA-KES and half short US-news articles written for it
(``bench/data/attribution_articles_written.jsonl``), in two parts: ``heldout5`` (error analysis
allowed) and ``heldout5_final`` (scored only for final figures), and the sixth set
(``bench/data/attribution_labels_heldout6.jsonl``, the same mix, new articles) whose rows carry a
``part``: ``heldout6`` is the ``dev`` part, ``heldout6_final`` the ``final`` part (set aside).
A label may cover one clause of a sentence (index "8a", "8b": "X said ..., while Y said ...").
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
HELDOUT5_LABELS = ROOT / "data" / "attribution_labels_heldout5.jsonl"
HELDOUT5_FINAL_LABELS = ROOT / "data" / "attribution_labels_heldout5_final.jsonl"
HELDOUT6_LABELS = ROOT / "data" / "attribution_labels_heldout6.jsonl"
WRITTEN = ROOT / "data" / "attribution_articles_written.jsonl"
LABEL_SETS = {
    "dev": LABELS,
    "heldout": HELDOUT_LABELS,
    "heldout2": HELDOUT2_LABELS,
    "heldout3": HELDOUT3_LABELS,
    "heldout4": HELDOUT4_LABELS,
    "heldout5": HELDOUT5_LABELS,
    "heldout5_final": HELDOUT5_FINAL_LABELS,
    "heldout6": HELDOUT6_LABELS,
    "heldout6_final": HELDOUT6_LABELS,
}
# sets that are one part of a file whose rows carry a "part"
SET_PARTS = {"heldout6": "dev", "heldout6_final": "final"}
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
    # "unnamed" marks an unnamed source ("unnamed source", "unnamed media reports"); it is
    # not one of the words used
    g_key, p_key = normalise(gold), normalise(pred.removeprefix("unnamed "))
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


def load_set(name: str) -> list[dict[str, object]]:
    """The labels of a named set (``LABEL_SETS``), only its part where the file has parts."""
    labels = load_labels(LABEL_SETS[name])
    part = SET_PARTS.get(name)
    return labels if part is None else [x for x in labels if x.get("part") == part]


def load_articles(rows: set[str], corpus: Path = CORPUS) -> dict[str, str]:
    """Article texts by row: FA-KES ``unit_id``s from the corpus, written ones by their id."""
    csv.field_size_limit(1 << 30)
    with corpus.open(encoding="utf-8", newline="") as f:
        found = {
            r["unit_id"]: r["article_content"] for r in csv.DictReader(f) if r["unit_id"] in rows
        }
    with WRITTEN.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                item = json.loads(line)
                if item["row"] in rows:
                    found[item["row"]] = item["text"]
    return found


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


@dataclass
class RuleTally:
    """Per attribution rule: claims it attributed, how many rightly, and its share of the misses
    (gold-attributed claims it left unattributed or gave a wrong source)."""

    predicted: int = 0
    correct: int = 0
    wrong_source: int = 0
    voice_attributed: int = 0  # reporter-voice claims it attributed

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0


def evaluate_rules(
    labels: list[dict[str, object]], registry: SourceRegistry | None = None
) -> tuple[dict[str, RuleTally], int, int]:
    """Per-rule tallies, the number of gold-attributed claims left unattributed, and the number
    of gold-attributed claims. A rule's recall is its correct count over the gold-attributed
    claims (the rules' recalls add up to the system's)."""
    registry = registry if registry is not None else default_registry()
    articles = load_articles({str(x["row"]) for x in labels})
    out = {
        row: attribute(Document(t), segment(Document(t)), registry) for row, t in articles.items()
    }
    rules: dict[str, RuleTally] = {}
    missed = gold_total = 0
    for item in labels:
        gold = item["source"] if isinstance(item["source"], str) else None
        piece = _covering(out[str(item["row"])], int(str(item["start"])), int(str(item["end"])))
        att = piece.attribution if piece is not None else None
        gold_total += gold is not None
        if att is None or att.source is None:
            missed += gold is not None
            continue
        tally = rules.setdefault(att.rule or "?", RuleTally())
        tally.predicted += 1
        if gold is None:
            tally.voice_attributed += 1
        elif same_source(gold, att.source, registry):
            tally.correct += 1
        else:
            tally.wrong_source += 1
    return rules, missed, gold_total


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


def _report_rules(labels: list[dict[str, object]], title: str) -> None:
    rules, missed, gold = evaluate_rules(labels)
    print(f"[{title}] per rule:")
    print(f"{'rule':>26}  predicted  correct  precision  recall  wrong-source  voice-attributed")
    for name, t in sorted(rules.items(), key=lambda kv: -kv[1].predicted):
        recall = t.correct / gold if gold else 0.0
        print(f"{name:>26}  {t.predicted:9d}  {t.correct:7d}  {t.precision:9.3f}  {recall:6.3f}"
              f"  {t.wrong_source:12d}  {t.voice_attributed:16d}")  # fmt: skip
    print(f"{'(no attribution)':>26}  missed {missed} of {gold} gold-attributed claims")


def census(limit: int = 50, corpus: Path = CORPUS) -> list[tuple[str, int]]:
    """The ``limit`` sources with the most claims over every article of the corpus."""
    from collections import Counter

    from claimtrack import analyze

    csv.field_size_limit(1 << 30)
    counts: Counter[str] = Counter()
    registry = default_registry()
    with corpus.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            for claim in analyze(r["article_content"], registry).claims:
                if claim.attribution.source is not None:
                    counts[claim.attribution.source] += 1
    return counts.most_common(limit)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list every wrong claim")
    parser.add_argument("--set", choices=(*LABEL_SETS, "all"), default="all", help="label set")
    parser.add_argument(
        "--no-rules",
        dest="rules",
        action="store_false",
        help="leave out the tables of precision and recall per rule",
    )
    parser.add_argument("--census", action="store_true", help="top 50 sources of all articles")
    args = parser.parse_args(argv)
    if args.census:
        for n, (name, count) in enumerate(census(), 1):
            print(f"{n:3d}. {name}\t{count}")
        return 0
    names = list(LABEL_SETS) if args.set == "all" else [args.set]
    for name in names:
        if args.verbose:
            print(f"[{name}] wrong claims:")
        labels = load_set(name)
        system, base, rate = evaluate(labels, verbose=args.verbose)
        _report(name, system, base, rate)
        parts = {
            "FA-KES": [x for x in labels if x.get("outlet") != "written"],
            "written": [x for x in labels if x.get("outlet") == "written"],
        }
        if parts["written"]:
            for part, items in parts.items():
                s, _, _ = evaluate(items)
                print(f"  {part:>8} half ({s.n} claims): precision {s.precision:.3f}  recall "
                      f"{s.recall:.3f}  F1 {s.f1:.3f}  reporter voice "
                      f"{s.reporter_voice_accuracy:.3f}")  # fmt: skip
        if args.rules:
            _report_rules(labels, name)
    if args.rules and len(names) > 1:
        _report_rules([x for name in names for x in load_set(name)], "all sets pooled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
