"""Identity gate for refactors of attribution: a canonical JSON dump of every claim, plus timing.

    PYTHONPATH=. .venv/bin/python bench/attribution_identity.py OUT.json [--corpus CSV]

Reads every article of the FA-KES corpus as ``claimtrack ingest`` does (``iter_dataset``), the
written articles of the labelled sets (``bench/data/attribution_articles_written.jsonl``) and the
demo article (``examples/idlib.txt``), segments and attributes each, and writes one JSON object:
per article, every claim's offsets, text, paragraph and every field of its ``Attribution``. A
refactor that must not change output keeps this file byte-identical (``diff`` the dumps; run
under two ``PYTHONHASHSEED`` values to see the output does not hang on set order).

On stderr: the number of articles and claims, and the time spent in ``attribute`` alone
(segmentation excluded), per article: the first run and the best of ``--repeat`` runs (run it
under ``taskset -c 0`` for one core).

On a busy machine two separate runs differ by more than a refactor does. ``--against FILE``
compares in one process with another implementation of ``attribute`` (a single-module
``attribute.py`` of an earlier commit: ``git show a9fdc68:claimtrack/attribute.py > old.py``):
both must give the same claims, then each article is attributed by both in turn, alternating
which goes first, and the thread CPU time of each is summed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

from claimtrack.attribute import attribute
from claimtrack.datasets import iter_dataset
from claimtrack.load import normalise_text
from claimtrack.model import Claim, Document
from claimtrack.segment import segment
from claimtrack.sources import SourceRegistry, default_registry

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT.parent.parent / "shared" / "corpus" / "fakes-dev.csv"
WRITTEN = ROOT / "data" / "attribution_articles_written.jsonl"
DEMO = ROOT.parent / "examples" / "idlib.txt"


def documents(corpus: Path) -> list[tuple[str, Document]]:
    """(id, document) of every article the gate covers, in a fixed order."""
    docs: list[tuple[str, Document]] = []
    for n, item in enumerate(iter_dataset(str(corpus), date_format="%m/%d/%y")):
        if not isinstance(item, Document):
            raise SystemExit(f"row {n}: {item}")
        docs.append((f"fakes:{n}", item))
    with WRITTEN.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                docs.append((f"written:{row['row']}", Document(text=normalise_text(row["text"]))))
    docs.append(("demo:idlib", Document(text=normalise_text(DEMO.read_text("utf-8")))))
    return docs


def _claim(claim: Claim) -> dict[str, object]:
    out: dict[str, object] = {
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "paragraph": claim.paragraph,
    }
    out.update(
        {k: (str(v) if v is not None else None) for k, v in asdict(claim.attribution).items()}
    )
    return out


def _interleaved(
    against: Path,
    segmented: list[tuple[str, Document, tuple[Claim, ...]]],
    rounds: int,
    registry: SourceRegistry,
) -> None:
    """CPU ms per article of ``attribute`` and of the ``attribute`` of the module ``against``."""
    spec = importlib.util.spec_from_file_location("attribute_against", against)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{against}: not a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    pair = {"this tree": attribute, str(against): module.attribute}
    for _, doc, claims in segmented:
        if pair["this tree"](doc, claims, registry) != module.attribute(doc, claims, registry):
            raise SystemExit(f"{against} gives other claims")
    spent = dict.fromkeys(pair, 0)
    for r in range(rounds):
        order = list(pair) if r % 2 == 0 else list(reversed(pair))
        for _, doc, claims in segmented:
            for name in order:
                t0 = time.thread_time_ns()
                pair[name](doc, claims, registry)
                spent[name] += time.thread_time_ns() - t0
    for name, ns in spent.items():
        per = ns / 1e6 / rounds / len(segmented)
        print(f"{name}: {per:.3f} ms/article (CPU, interleaved, {rounds} rounds)", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    parser.add_argument("--against", type=Path, help="another attribute.py to time against")
    args = parser.parse_args(argv)
    registry = default_registry()
    docs = documents(args.corpus)
    segmented = [(key, doc, segment(doc)) for key, doc in docs]
    dump: dict[str, list[dict[str, object]]] = {}
    runs: list[float] = []
    for _ in range(max(args.repeat, 1)):
        t0 = time.perf_counter()
        results = [(key, attribute(doc, claims, registry)) for key, doc, claims in segmented]
        runs.append(time.perf_counter() - t0)
    for key, claims in results:
        dump[key] = [_claim(c) for c in claims]
    args.out.write_text(json.dumps(dump, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    n_claims = sum(len(v) for v in dump.values())
    attributed = sum(1 for v in dump.values() for c in v if c["source"] is not None)
    print(
        f"{len(dump)} articles, {n_claims} claims ({attributed} attributed); attribute: "
        f"{1000 * runs[0] / len(dump):.2f} ms/article on the first run (caches cold), "
        f"{1000 * min(runs) / len(dump):.2f} best of {len(runs)}",
        file=sys.stderr,
    )
    if args.against is not None:
        _interleaved(args.against, segmented, max(args.repeat, 2), registry)
    return 0


if __name__ == "__main__":
    sys.exit(main())
