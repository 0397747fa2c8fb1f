"""``claimtrack conflicts [...]``, ``claimtrack conflicts show ID`` and ``claimtrack match``."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import StrEnum
from typing import Any

import typer
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimtrack.cli.app import app
from claimtrack.cli.common import ListFormat, console, render_rows, safe, store_from
from claimtrack.cli.review import (
    ASSIGNEE,
    INCIDENT,
    KIND,
    MIN_SEVERITY,
    SINCE,
    SOURCE,
    UNTIL,
    default_reviewer,
    options_filter,
    render_history,
    render_source_facts,
    sources_line,
)
from claimtrack.errors import UsageError
from claimtrack.match import DEFAULT_PARAMS, MatchParams
from claimtrack.store import review as review_store
from claimtrack.store.matching import conflict_dates, conflict_rows, match_pending, rebuild

conflicts_app = typer.Typer(
    help="Conflicting accounts of one event: list them, or show one side by side.",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(conflicts_app, name="conflicts")

LIST_COLUMNS = ["id", "kind", "status", "severity", "incident", "assignee", "sources", "reason"]


class ShowFormat(StrEnum):
    table = "table"
    json = "json"


@conflicts_app.callback()
def conflicts(
    ctx: typer.Context,
    status: list[str] = typer.Option(
        [], "--status", "-s", help="Only conflicts in this review state (repeatable)."
    ),
    kind: list[str] = KIND,
    source: list[str] = SOURCE,
    incident: list[int] = INCIDENT,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    min_severity: float | None = MIN_SEVERITY,
    assignee: list[str] = ASSIGNEE,
    mine: bool = typer.Option(
        False,
        "--mine",
        help="Only conflicts assigned to me ($CLAIMTRACK_REVIEWER, else the OS user).",
    ),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
    include_inactive: bool = typer.Option(
        False, "--all", help="Also conflicts no longer found by matching (kept for history)."
    ),
) -> None:
    """List conflicting accounts, most severe first, then the newest (the review queue's order)."""
    if ctx.invoked_subcommand is not None:
        return
    wanted = options_filter(
        statuses=status,
        kind=kind,
        source=source,
        incident=incident,
        since=since,
        until=until,
        min_severity=min_severity,
        assignee=assignee,
        mine=default_reviewer() if mine else None,
        include_inactive=include_inactive,
    )
    with store_from(ctx) as store, store.read() as session:
        rows = review_store.queue_rows(session, wanted)
    if fmt == ListFormat.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    flat = [
        {
            "id": r["id"],
            "kind": r["kind"],
            "status": r["status"] if r.get("active", True) else f"{r['status']} (inactive)",
            "severity": f"{float(r.get('severity') or 0):.2f}",
            "incident": r.get("incident_label"),  # None: "-" in a table, empty in CSV
            "assignee": r.get("assignee"),
            "sources": sources_line(r),
            "reason": r["reason"],
        }
        for r in rows
    ]
    render_rows(flat, fmt.value, LIST_COLUMNS, title=f"{len(flat)} conflicts")


@conflicts_app.command("show")
def show(
    ctx: typer.Context,
    conflict_ids: list[int] = typer.Argument(
        None, metavar="[ID]...", help="Conflict ids (none: every active conflict)."
    ),
    fmt: ShowFormat = typer.Option(ShowFormat.table, "--format", "-f"),
) -> None:
    """Conflicts side by side: sources (with what is known of them), articles, dates, the
    reason, the accounts that corroborate one side, and the review history."""
    wanted = list(conflict_ids or [])
    with store_from(ctx) as store, store.read() as session:
        review_store.require_conflicts(session, wanted)
        rows = conflict_rows(session, ids=wanted or None, include_inactive=bool(wanted))
        rows.sort(key=lambda r: int(r["id"]))
        claim_ids = [c["id"] for row in rows for c in row["claims"]]
        dates = conflict_dates(session, claim_ids)
        histories = review_store.histories(session, [row["id"] for row in rows])
        facts = review_store.source_annotations(session)
        corroborations = review_store.corroboration_rows(session)
    for row in rows:
        row["history"] = histories.get(row["id"], [])
        own = {c["id"] for c in row["claims"]}
        row["corroborations"] = [
            c for c in corroborations if own & {account["id"] for account in c["claims"]}
        ]
    if fmt == ShowFormat.json:
        payload: Any = rows[0] if len(wanted) == 1 else rows
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return
    out = console()
    if not rows:
        out.print("No conflicts flagged.")
    for row in rows:
        out.print(render_conflict_body(row, dates))
        out.print(render_sources(row, facts))
        for corroboration in row["corroborations"]:
            out.print(
                Text(safe(f"Corroboration: {corroboration['reason']}", markup=False), style="green")
            )
        out.print(render_history(row["id"], row["history"]))
        out.print()


def render_sources(row: dict[str, Any], facts: dict[str, dict[str, Any]]) -> RenderableType:
    """What is known of each side's source (annotations), one line each."""
    seen = dict.fromkeys(claim.get("source") for claim in row["claims"])
    lines = [render_source_facts(source, facts) for source in seen]
    return Panel(Group(*lines), title="what is known of the sources", title_align="left")


def render_conflict_body(row: dict[str, Any], dates: dict[int, date | None]) -> RenderableType:
    """The conflict itself: heading, reason, and the accounts side by side.

    Other parts of ``conflicts show`` (the review history) are rendered separately and printed
    after this body; extend there rather than here.
    """
    active = "" if row.get("active", True) else " · inactive (no longer found by matching)"
    incident = (
        f"incident #{row['incident']}: {safe(row.get('incident_label'), markup=False)}"
        if row.get("incident")
        else "no incident"
    )
    heading = Text.assemble(
        (f"Conflict #{row['id']}", "bold"),
        f" · {row['kind']} · {row['status']} · severity {float(row.get('severity') or 0):.2f}",
        f" · match score {float(row.get('score') or 0):.0f}{active}",
        safe(f" · assigned to {row['assignee']}", markup=False) if row.get("assignee") else "",
        f"\n{incident}",
    )
    values = [str(v) for v in row.get("values") or []]
    sides = Table(show_header=True, expand=True, show_lines=False)
    for claim in row["claims"]:
        sides.add_column(
            safe(claim.get("source") or f"{claim.get('outlet') or '?'} (reporter)", markup=False)
        )
    cells = []
    for i, claim in enumerate(row["claims"]):
        published = dates.get(claim["id"])
        meta = Text(
            safe(
                f"claim {claim['id']} · article {claim.get('article_id')}"
                f" · {claim.get('outlet') or 'outlet unknown'}"
                f" · {published.isoformat() if published else 'date unknown'}",
                markup=False,
            ),
            style="dim",
        )
        body = _highlight(safe(claim["text"], markup=False), values[i] if i < len(values) else "")
        cells.append(Group(body, meta))
    sides.add_row(*cells)
    reason = Text(safe(row["reason"], markup=False))
    parts: list[RenderableType] = [heading, Panel(reason, title="why"), sides]
    if row.get("note"):
        parts.append(Text(safe(f"note: {row['note']}", markup=False), style="italic"))
    return Group(*parts)


def _highlight(text: str, value: str) -> Text:
    """The claim text with the disagreeing value marked where it appears."""
    out = Text(text)
    needle = value.strip()
    if needle and needle.lower() in text.lower():
        out.highlight_words([needle], style="bold yellow", case_sensitive=False)
    return out


# ------------------------------------------------------------------------------- match


@app.command("match")
def match(
    ctx: typer.Context,
    rebuild_all: bool = typer.Option(
        False,
        "--rebuild",
        help="Re-derive all links and conflicts (reviews are kept); default: match new articles.",
    ),
    high: float = typer.Option(DEFAULT_PARAMS.high, "--high", help="Score of a match (0-100)."),
    low: float = typer.Option(
        DEFAULT_PARAMS.low, "--low", help="Score of a suggested match (0-100, below --high)."
    ),
    max_key_df: int = typer.Option(
        DEFAULT_PARAMS.max_key_df,
        "--max-key-df",
        help="Kept for scripts; no effect: a claim is scored against every claim of its incident.",
    ),
    max_candidates: int = typer.Option(
        DEFAULT_PARAMS.max_candidates,
        "--max-candidates",
        help="Kept for scripts; no effect: a claim is scored against every claim of its incident.",
    ),
    date_window: int = typer.Option(
        DEFAULT_PARAMS.date_window_days, "--date-window", help="Days apart one event may be."
    ),
) -> None:
    """Link claims that report the same event and flag conflicting accounts."""
    params = match_params(high, low, max_key_df, max_candidates, date_window)
    with store_from(ctx) as store:
        if rebuild_all:
            stats = store.write(lambda session: rebuild(session, params))
        else:
            stats = store.write(lambda session: match_pending(session, params))
    typer.echo(stats.line())


def match_params(
    high: float, low: float, max_key_df: int, max_candidates: int, date_window: int
) -> MatchParams:
    """Checked matching parameters (shared by commands that match)."""
    if not 0 <= low <= high <= 100:
        raise UsageError(f"need 0 <= --low ({low}) <= --high ({high}) <= 100")
    if max_key_df < 1 or max_candidates < 1 or date_window < 0:
        raise UsageError("--max-key-df and --max-candidates must be >= 1, --date-window >= 0")
    return MatchParams(
        high=high,
        low=low,
        max_key_df=max_key_df,
        max_candidates=max_candidates,
        date_window_days=date_window,
    )
