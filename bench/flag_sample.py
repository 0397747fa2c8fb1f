"""Draw a random sample of active flags from a database, with what a judge needs to read them.

How bench/FLAG_SAMPLE.md is made: ingest all of ../shared/corpus/fakes-dev.csv into one database
(`../shared/tools/corpus-check` keeps its database), then

    .venv/bin/python bench/flag_sample.py --db /tmp/corpus-check-XXXX/c.db [--seed 7] [--n 50]

prints, for each sampled flag (``random.seed(seed)``, ``random.sample`` of the active flags in id
order), its kind, incident and reason and every claim it holds with its source, outlet, date and
article title. A person then judges each flag real (a reviewer would want to see it: two
accounts of one happening that disagree on its toll or culprit, or one denies what the other
asserts) or false, and writes the verdicts into bench/FLAG_SAMPLE.md.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def read(tool: str, db: str, *command: str) -> list[dict[str, Any]]:
    out = subprocess.run(
        [tool, "--db", db, *command, "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


def sample(conflicts: list[dict[str, Any]], n: int, seed: int) -> list[dict[str, Any]]:
    active = sorted((c for c in conflicts if c.get("active", True)), key=lambda c: c["id"])
    random.seed(seed)
    return random.sample(active, min(n, len(active)))


def render(flags: list[dict[str, Any]], articles: dict[int, dict[str, Any]]) -> str:
    lines = []
    for i, f in enumerate(flags, 1):
        lines.append(
            f"## {i}. flag {f['id']} · {f['kind']} · {f.get('incident_label') or 'no incident'}"
        )
        lines.append(f"reason: {f['reason']}")
        for c in f.get("claims", []):
            art = articles.get(c.get("article_id"), {})
            lines.append(
                f"- claim {c['id']} · {c.get('source') or '(reporter)'} · "
                f"{art.get('outlet')} {art.get('published')} · “{art.get('title')}”: {c['text']}"
            )
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--n", type=int, default=50)
    ap.add_argument("--claimtrack", default=str(ROOT / ".venv" / "bin" / "claimtrack"))
    args = ap.parse_args()
    conflicts = read(args.claimtrack, args.db, "export", "conflicts")
    articles = {a["id"]: a for a in read(args.claimtrack, args.db, "articles")}
    flags = sample(conflicts, args.n, args.seed)
    active = sum(1 for c in conflicts if c.get("active", True))
    print(f"# {len(flags)} of {active} active flags (random.seed({args.seed}))\n")
    print(render(flags, articles))


if __name__ == "__main__":
    main()
