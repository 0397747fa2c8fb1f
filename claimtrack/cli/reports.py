"""``claimtrack export report|conflicts|annotations``: reports people read, data scripts read.

- ``export report --format md|html|json|csv``: a table of contents, then per incident the
  competing accounts side by side (each naming and linking its article) with what is known of
  their sources, corroborations, review decisions and notes; then sources. Dismissed conflicts
  are left out unless ``--include-dismissed`` (or ``--status dismissed``).
- ``export conflicts --format json|jsonl|csv|claimreview`` (the scripts' contract: ``id``,
  ``kind``, ``reason``, ``status``, ``assignee``, ``incident``, ``claims`` = ``[{id, text,
  source, article_id}, ...]``); ``claimreview`` is
  schema.org ClaimReview JSON-LD for the conflicts reviewed as ``resolved``.
- ``export annotations --format json|jsonl|csv|w3c``: claim annotations; ``w3c`` is a W3C Web
  Annotation collection with TextQuoteSelector and TextPositionSelector targets.
"""

from __future__ import annotations

import importlib
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from claimtrack.cli.common import FORCE, check_output, conflict_kinds, output_file, store_from
from claimtrack.cli.export import export_app
from claimtrack.cli.review import now_utc
from claimtrack.errors import UsageError
from claimtrack.export import claimreview, w3c
from claimtrack.export.html import write_html
from claimtrack.export.markdown import write_markdown
from claimtrack.export.report import CSV_COLUMNS, build_report, csv_rows
from claimtrack.export.tabular import dumps, write_rows
from claimtrack.review import ReviewState, parse_state
from claimtrack.store import articles as article_store
from claimtrack.store import review as review_store


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    json = "json"
    csv = "csv"


class ConflictFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    claimreview = "claimreview"


class AnnotationFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    w3c = "w3c"


RESOLVED = ReviewState.RESOLVED.value
OUTPUT = typer.Option(None, "--output", "-o", help="Write here instead of stdout.")
STATUS = typer.Option(
    [], "--status", "-s", help="Only conflicts in this review state (repeatable)."
)
SOURCE = typer.Option(
    [], "--source", help="Only conflicts with an account by this source (repeatable)."
)
CONFLICT_CSV = [
    "id", "kind", "status", "reason", "severity", "incident", "incident_label", "assignee",
    "claim_ids", "sources", "texts", "values", "note", "favoured_claim_id", "updated_by",
    "updated_at", "version",
]  # fmt: skip
ANNOTATION_CSV = [
    "id", "claim_id", "article_id", "source", "claim_text", "start", "end", "note", "tags",
    "author", "at",
]  # fmt: skip


def _statuses(values: list[str]) -> list[str]:
    return [parse_state(v).value for v in values]


def _since(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--since: {value!r} is not a date (use YYYY-MM-DD)") from None


@export_app.command("report")
def export_report(
    ctx: typer.Context,
    fmt: ReportFormat = typer.Option(ReportFormat.md, "--format", "-f"),
    output: Path | None = OUTPUT,
    force: bool = FORCE,
    status: list[str] = STATUS,
    source: list[str] = SOURCE,
    since: str | None = typer.Option(
        None, "--since", metavar="DATE", help="Only conflicts with an account published since."
    ),
    include_dismissed: bool = typer.Option(
        False,
        "--include-dismissed",
        help="Show dismissed conflicts too (left out unless asked for, or named by --status).",
    ),
) -> None:
    """A report to read: incidents, accounts side by side, sources, decisions and notes."""
    statuses = _statuses(status)
    since_date = _since(since)
    check_output(ctx, output, force=force)
    with store_from(ctx) as store, store.read() as session:
        report = build_report(
            session,
            statuses=statuses,
            sources=source,
            since=since_date,
            include_dismissed=include_dismissed,
            now=now_utc(),
        )
    with output_file(ctx, output, force=force) as out:
        if fmt == ReportFormat.md:
            write_markdown(report, out)
        elif fmt == ReportFormat.html:
            write_html(report, out)
        elif fmt == ReportFormat.json:
            _write_object(report, out)
        else:
            write_rows(csv_rows(report), "csv", out, CSV_COLUMNS)


def _write_object(value: Any, out: Any) -> None:
    out.write(dumps(value, indent=2))
    out.write("\n")


def conflict_rows(
    session: Any,
    *,
    statuses: list[str] | None = None,
    kinds: list[str] | None = None,
    sources: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Conflict rows as scripts read them (``id, kind, reason, status, assignee, incident,
    claims[{id, text, source, article_id}]``).

    The matching store's ``conflict_rows`` when it is installed (it builds on
    ``store.review.conflict_detail_rows`` and adds the kind filter); the same rows otherwise.
    """
    try:
        matching = importlib.import_module("claimtrack.store.matching")
    except ImportError:
        matching = None
    if matching is not None and hasattr(matching, "conflict_rows"):
        rows: list[dict[str, Any]] = matching.conflict_rows(
            session, statuses=statuses, kinds=kinds, sources=sources
        )
        return rows
    found = review_store.conflict_detail_rows(session, statuses=statuses, sources=sources)
    if kinds:
        wanted = {k.casefold() for k in kinds}
        found = [row for row in found if str(row["kind"]).casefold() in wanted]
    return [row for row in found if len(row["claims"]) >= 2]


@export_app.command("conflicts")
def export_conflicts(
    ctx: typer.Context,
    fmt: ConflictFormat = typer.Option(ConflictFormat.json, "--format", "-f"),
    output: Path | None = OUTPUT,
    force: bool = FORCE,
    status: list[str] = STATUS,
    kind: list[str] = typer.Option([], "--kind", help="Only conflicts of this kind (repeatable)."),
    source: list[str] = SOURCE,
    base_url: str | None = typer.Option(
        None,
        "--base-url",
        metavar="URL",
        help="claimreview (required): the site the reviews are published on; each conflict's "
        "page is URL/conflicts/ID.",
    ),
) -> None:
    """Conflicts with their accounts; ``claimreview``: resolved ones as ClaimReview JSON-LD."""
    statuses = _statuses(status)
    kinds = conflict_kinds(kind)
    base = ""
    if fmt == ConflictFormat.claimreview:
        if statuses and RESOLVED not in statuses:
            raise UsageError(
                f"--format claimreview describes resolved conflicts only; --status "
                f"{', '.join(statuses)} selects none of them (use --status {RESOLVED} or none)"
            )
        statuses = [RESOLVED]
        base = claimreview.check_base_url(base_url)
    elif base_url is not None:
        raise UsageError("--base-url goes with --format claimreview")
    check_output(ctx, output, force=force)
    with store_from(ctx) as store, store.read() as session:
        if fmt == ConflictFormat.claimreview:
            report = build_report(
                session, statuses=statuses, kinds=kinds, sources=source, tolls=False, now=now_utc()
            )
            conflicts = [c for e in report["events"] for c in e["conflicts"]]
            document = claimreview.claim_reviews(
                conflicts, sources=review_store.source_annotations(session), base_url=base
            )
        else:
            rows = conflict_rows(session, statuses=statuses, kinds=kinds, sources=source)
    with output_file(ctx, output, force=force) as out:
        if fmt == ConflictFormat.claimreview:
            _write_object(document, out)
        elif fmt == ConflictFormat.csv:
            write_rows([_flat_conflict(r) for r in rows], "csv", out, CONFLICT_CSV)
        else:
            write_rows(rows, fmt.value, out)


def _flat_conflict(row: dict[str, Any]) -> dict[str, Any]:
    flat = {name: row.get(name) for name in CONFLICT_CSV}
    flat["claim_ids"] = " ".join(str(c["id"]) for c in row["claims"])
    flat["sources"] = " | ".join(str(c["source"] or "-") for c in row["claims"])
    flat["texts"] = " | ".join(str(c["text"]) for c in row["claims"])
    flat["values"] = " | ".join(str(v) for v in row.get("values") or [])
    return flat


@export_app.command("annotations")
def export_annotations(
    ctx: typer.Context,
    fmt: AnnotationFormat = typer.Option(AnnotationFormat.json, "--format", "-f"),
    output: Path | None = OUTPUT,
    force: bool = FORCE,
) -> None:
    """Claim annotations; ``w3c``: as a W3C Web Annotation collection with text selectors."""
    check_output(ctx, output, force=force)
    with store_from(ctx) as store, store.read() as session:
        rows = review_store.annotation_rows(session)
        if fmt == AnnotationFormat.w3c:
            ids = {r["article_id"] for r in rows if r["article_id"] is not None}
            texts = {i: article_store.article_text(session, i) for i in ids}
            urls = {i: info["url"] for i, info in review_store.article_info(session, ids).items()}
            document = w3c.annotation_collection(rows, texts.get, urls.get)
    with output_file(ctx, output, force=force) as out:
        if fmt == AnnotationFormat.w3c:
            _write_object(document, out)
        else:
            write_rows(rows, fmt.value, out, ANNOTATION_CSV if fmt == "csv" else None)
