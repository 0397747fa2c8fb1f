"""Score claimtrack's incidents and conflicts on the hand-labelled FA-KES incident set.

The labels live in bench/data/incidents/ (see its README.md). This script ingests the whole of
fakes-dev.csv into one database, as a user would (or reuses --db), reads the tool's exports and
reports, for dev, heldout and all:

- incident clustering: pairwise precision/recall over the labelled articles (members of one
  labelled incident should share a tool incident; a labelled non-member should not share the
  incident of its members; members of two labelled incidents should not share one);
- conflict recall: a labelled conflict is found when one flagged conflict holds claims that
  overlap quotes of two of its accounts on different sides (any kind; kind-exact reported too);
- conflict precision: of the flagged conflicts whose claims all lie in labelled articles of the
  split, the share that matches a labelled conflict (labelled conflicts of any split count);
- hard negatives flagged: a negative is flagged when one flagged conflict holds claims that
  overlap two of its accounts; counted by type.

    .venv/bin/python bench/incident_eval.py [--db DB] [--split dev|heldout|all] [--json]
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "data" / "incidents"
CORPUS = ROOT.parent / "shared" / "corpus" / "fakes-dev.csv"
SPLITS = ("dev", "heldout", "all")

Json = dict[str, Any]


# ---------------------------------------------------------------- labels and corpus


def load_jsonl(path: Path) -> list[Json]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_labels(folder: Path = LABELS) -> dict[str, list[Json]]:
    return {
        "incidents": load_jsonl(folder / "incidents.jsonl"),
        "conflicts": load_jsonl(folder / "conflicts.jsonl"),
        "negatives": load_jsonl(folder / "negatives.jsonl"),
    }


def load_rows(path: Path = CORPUS) -> dict[str, dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["unit_id"]: r for r in csv.DictReader(fh)}


# ---------------------------------------------------------------- running the tool


def _run(cmd: list[str]) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:6])} ...: exit {done.returncode}: {done.stderr[-500:]}")
    return done.stdout


def _csv_ingest_available(tool: str) -> bool:
    done = subprocess.run([tool, "ingest", "--help"], capture_output=True, text=True, check=False)
    return "--column" in done.stdout


def ingest_corpus(tool: str, db: str, corpus: Path, workdir: Path) -> None:
    """Ingest every row of the corpus into one database."""
    if _csv_ingest_available(tool):
        _run(
            [tool, "--db", db, "ingest", str(corpus), "--column", "text=article_content",
             "--column", "title=article_title", "--column", "published=date",
             "--column", "outlet=source", "--date-format", "%m/%d/%y", "-q"]
        )  # fmt: skip
        return
    # Fallback until the CSV ingest lands: one .txt per row, one call per (date, outlet) group.
    groups: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for row in load_rows(corpus).values():
        day = datetime.strptime(row["date"], "%m/%d/%y").date().isoformat()
        folder = workdir / f"{day}_{row['source']}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{row['unit_id']}.txt"
        path.write_text(row["article_content"] + "\n", encoding="utf-8")
        groups[(day, row["source"])].append(path)
    for (day, outlet), paths in sorted(groups.items()):
        cmd = [tool, "--db", db, "ingest", *map(str, paths), "--published", day, "--outlet", outlet]
        _run([*cmd, "-q"])


def read_exports(tool: str, db: str) -> Json:
    claims = json.loads(_run([tool, "--db", db, "export", "claims", "--format", "json"]))
    conflicts = json.loads(_run([tool, "--db", db, "export", "conflicts", "--format", "json"]))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "all.jsonl"
        _run([tool, "--db", db, "export", "all", "--format", "jsonl", "--output", str(out)])
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    articles = [r["row"] for r in records if r.get("table") == "article"]
    try:
        incidents = json.loads(_run([tool, "--db", db, "export", "incidents", "--format", "json"]))
        incident_source = "export incidents"
    except RuntimeError:
        # No 'export incidents' yet: group articles by their stored lead incident.
        by_inc: dict[Any, list[int]] = defaultdict(list)
        for art in articles:
            if art.get("incident_id") is not None:
                by_inc[art["incident_id"]].append(art["id"])
        incidents = [{"id": k, "articles": v} for k, v in by_inc.items()]
        incident_source = "article.incident_id (export all)"
    return {
        "claims": claims,
        "conflicts": conflicts,
        "articles": articles,
        "incidents": incidents,
        "incident_source": incident_source,
    }


# ---------------------------------------------------------------- scoring (pure)


def map_articles(articles: list[Json], rows: dict[str, dict[str, str]]) -> dict[int, list[str]]:
    """Stored article id -> FA-KES unit_ids: the stored text contains the row's content.

    Rows with the same content are stored once, so one article can stand for several rows."""
    by_text: dict[str, list[str]] = defaultdict(list)
    for uid, row in rows.items():
        by_text[row["article_content"].strip()].append(uid)
    out: dict[int, list[str]] = {}
    for art in articles:
        text = art.get("text") or ""
        best: tuple[int, list[str]] | None = None
        for content, uids in by_text.items():
            if content and content in text and (best is None or len(content) > best[0]):
                best = (len(content), uids)
        if best is not None:
            out[art["id"]] = best[1]
    return out


def _spans(haystack: str, needle: str) -> list[tuple[int, int]]:
    spans, i = [], haystack.find(needle)
    while i >= 0 and needle:
        spans.append((i, i + len(needle)))
        i = haystack.find(needle, i + 1)
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter >= 10 and inter >= 0.5 * min(a[1] - a[0], b[1] - b[0])


class Matcher:
    """Which labelled accounts a stored claim covers (same article, overlapping characters)."""

    def __init__(self, claims: list[Json], art_text: dict[int, str], art_row: dict[int, list[str]]):
        self.claim_span: dict[int, tuple[list[str], tuple[int, int], int]] = {}
        self.row_articles: dict[str, list[int]] = defaultdict(list)
        for aid, uids in art_row.items():
            for uid in uids:
                self.row_articles[uid].append(aid)
        self.art_text = art_text
        for c in claims:
            cid_aid: int = c["article_id"]
            if cid_aid in art_row:
                span = (c["start"], c["end"])
                self.claim_span[c["id"]] = (art_row[cid_aid], span, cid_aid)

    def account_spans(self, acc: Json) -> list[tuple[int, tuple[int, int]]]:
        out = []
        for aid in self.row_articles.get(acc["unit_id"], []):
            for span in _spans(self.art_text.get(aid, ""), acc["quote"]):
                out.append((aid, span))
        return out

    def covers(self, claim_id: int, acc: Json) -> bool:
        hit = self.claim_span.get(claim_id)
        if hit is None:
            return False
        uids, cspan, caid = hit
        if acc["unit_id"] not in uids:
            return False
        return any(aid == caid and _overlaps(cspan, s) for aid, s in self.account_spans(acc))


def _claim_ids(flag: Json) -> list[int]:
    return [c["id"] for c in flag.get("claims", [])]


def matches(flag: Json, accounts: list[Json], m: Matcher, by_side: bool = True) -> bool:
    """Two distinct claims of the flag cover two accounts (on different sides if by_side)."""
    cover = {
        cid: {i for i, a in enumerate(accounts) if m.covers(cid, a)} for cid in _claim_ids(flag)
    }
    for c1, c2 in itertools.combinations(cover, 2):
        for i in cover[c1]:
            for j in cover[c2]:
                if i == j:
                    continue
                if not by_side or accounts[i]["side"] != accounts[j]["side"]:
                    return True
    return False


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 3) if den else None


def score(
    labels: dict[str, list[Json]],
    rows: dict[str, dict[str, str]],
    exports: Json,
    split: str,
) -> Json:
    incs = [i for i in labels["incidents"] if split == "all" or i["split"] == split]
    inc_ids = {i["id"] for i in incs}
    art_text = {a["id"]: a.get("text") or "" for a in exports["articles"]}
    art_row = map_articles(exports["articles"], rows)
    row_arts: dict[str, set[int]] = defaultdict(set)
    for aid, uids in art_row.items():
        for uid in uids:
            row_arts[uid].add(aid)
    m = Matcher(exports["claims"], art_text, art_row)

    # incident clustering, pairwise over labelled articles
    tool_inc: dict[int, set[Any]] = defaultdict(set)
    for ti in exports["incidents"]:
        for aid in ti.get("articles", []):
            tool_inc[aid].add(ti["id"])

    def together(u: str, v: str) -> bool:
        a = set().union(*(tool_inc[x] for x in row_arts[u])) if row_arts[u] else set()
        b = set().union(*(tool_inc[x] for x in row_arts[v])) if row_arts[v] else set()
        return bool(a & b)

    gold_of: dict[str, set[str]] = defaultdict(set)
    labelled: set[str] = set()
    for inc in incs:
        for u in inc["members"]:
            gold_of[u].add(inc["id"])
        labelled |= set(inc["members"]) | set(inc.get("non_members", []))
    pos = neg = tp = fp = 0
    for u, v in itertools.combinations(sorted(labelled), 2):
        same = bool(gold_of[u] & gold_of[v])
        pred = together(u, v)
        if same:
            pos += 1
            tp += pred
        else:
            neg += 1
            fp += pred
    clustering = {
        "articles": len(labelled),
        "gold_pairs": pos,
        "predicted_pairs": tp + fp,
        "precision": _ratio(tp, tp + fp),
        "recall": _ratio(tp, pos),
        "unmapped_articles": sorted(u for u in labelled if u not in row_arts),
    }

    # conflicts
    flags = exports["conflicts"]
    gold = [c for c in labels["conflicts"] if c["incident"] in inc_ids]
    found = found_kind = 0
    missed = []
    for c in gold:
        hits = [f for f in flags if matches(f, c["accounts"], m)]
        found += bool(hits)
        found_kind += any(f.get("kind") == c["kind"] for f in hits)
        if not hits:
            missed.append(c["id"])
    claim_rows = {cid: span[0] for cid, span in m.claim_span.items()}
    in_scope = []
    for f in flags:
        cids = _claim_ids(f)
        if cids and all(set(claim_rows.get(cid, [])) & labelled for cid in cids):
            in_scope.append(f)
    true_flags = [
        f for f in in_scope if any(matches(f, c["accounts"], m) for c in labels["conflicts"])
    ]
    negs = [n for n in labels["negatives"] if n["incident"] in inc_ids]
    flagged_negs = [
        n for n in negs if any(matches(f, n["accounts"], m, by_side=False) for f in flags)
    ]
    return {
        "split": split,
        "incidents": len(incs),
        "incident_source": exports.get("incident_source"),
        "clustering": clustering,
        "conflicts": {
            "labelled": len(gold),
            "found": found,
            "recall": _ratio(found, len(gold)),
            "found_kind_exact": found_kind,
            "recall_kind_exact": _ratio(found_kind, len(gold)),
            "recall_by_kind": {
                k: f"{sum(1 for c in gold if c['kind'] == k and c['id'] not in missed)}/{n}"
                for k, n in sorted(Counter(c["kind"] for c in gold).items())
            },
            "flags_total": len(flags),
            "flags_in_labelled_articles": len(in_scope),
            "flags_matching_a_label": len(true_flags),
            "precision": _ratio(len(true_flags), len(in_scope)),
            "missed": missed,
            "false_flags": [f["id"] for f in in_scope if f not in true_flags],
        },
        "negatives": {
            "labelled": len(negs),
            "flagged": len(flagged_negs),
            "by_type": {
                t: f"{sum(1 for x in flagged_negs if x['type'] == t)}/{n}"
                for t, n in sorted(Counter(x["type"] for x in negs).items())
            },
            "flagged_ids": [n["id"] for n in flagged_negs],
        },
    }


def format_table(results: list[Json]) -> str:
    def f(x: Any) -> str:
        return "-" if x is None else f"{x:.3f}" if isinstance(x, float) else str(x)

    lines = [f"{'':34}" + "".join(f"{r['split']:>12}" for r in results)]

    def row(name: str, get: Any) -> None:
        lines.append(f"{name:34}" + "".join(f"{f(get(r)):>12}" for r in results))

    row("incidents", lambda r: r["incidents"])
    row("labelled articles", lambda r: r["clustering"]["articles"])
    row("clustering pairwise precision", lambda r: r["clustering"]["precision"])
    row("clustering pairwise recall", lambda r: r["clustering"]["recall"])
    row("  gold / predicted pairs", lambda r: f"{r['clustering']['gold_pairs']}/"
        f"{r['clustering']['predicted_pairs']}")  # fmt: skip
    row("labelled conflicts", lambda r: r["conflicts"]["labelled"])
    row("conflict recall (any kind)", lambda r: r["conflicts"]["recall"])
    row("conflict recall (kind exact)", lambda r: r["conflicts"]["recall_kind_exact"])
    for kind in sorted({k for r in results for k in r["conflicts"]["recall_by_kind"]}):
        row(f"  found {kind}", lambda r, k=kind: r["conflicts"]["recall_by_kind"].get(k, "-"))
    row("flags in labelled articles", lambda r: r["conflicts"]["flags_in_labelled_articles"])
    row("conflict precision", lambda r: r["conflicts"]["precision"])
    row(
        "hard negatives flagged",
        lambda r: f"{r['negatives']['flagged']}/{r['negatives']['labelled']}",
    )
    for t in sorted({t for r in results for t in r["negatives"]["by_type"]}):
        row(f"  {t}", lambda r, t=t: r["negatives"]["by_type"].get(t, "-"))
    lines.append(f"incident grouping read from: {results[0]['incident_source']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="reuse this database (ingested from fakes-dev.csv)")
    ap.add_argument("--split", choices=SPLITS, default=None, help="default: all three")
    ap.add_argument("--claimtrack", default=str(ROOT / ".venv" / "bin" / "claimtrack"))
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    labels = load_labels()
    rows = load_rows(Path(args.corpus))
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None or not Path(db).exists():
            db = db or str(Path(tmp) / "incident_eval.db")
            print(f"ingesting {args.corpus} into {db} ...", file=sys.stderr)
            ingest_corpus(args.claimtrack, db, Path(args.corpus), Path(tmp) / "rows")
        exports = read_exports(args.claimtrack, db)
    splits = [args.split] if args.split else list(SPLITS)
    results = [score(labels, rows, exports, s) for s in splits]
    print(json.dumps(results, indent=2) if args.json else format_table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
