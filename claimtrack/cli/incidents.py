"""``claimtrack incidents [...]``, ``claimtrack incidents show ID``, ``export incidents``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimtrack.cli.app import app
from claimtrack.cli.common import (
    FORCE,
    DataFormat,
    ListFormat,
    check_output,
    console,
    output_file,
    render_rows,
    safe,
    store_from,
)
from claimtrack.cli.export import OUTPUT, export_app
from claimtrack.errors import NotFoundError, UsageError
from claimtrack.export.tabular import write_rows
from claimtrack.incidents import KIND_LABEL
from claimtrack.review import parse_day
from claimtrack.store import incidents as incident_store
from claimtrack.store.matching import conflict_rows

incidents_app = typer.Typer(
    help="Incidents (one attack, strike, shoot-down: a place, a day, what happened): list them, "
    "or show one with its accounts by source, its toll timeline and its conflicts.",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(incidents_app, name="incidents")

LIST_COLUMNS = ["id", "date", "place", "kind", "articles", "sources", "open_conflicts", "label"]
EXPORT_FIELDS = [
    "id", "label", "place", "governorate", "date", "kind", "articles", "outlets", "sources",
    "conflicts", "open_conflicts",
]  # fmt: skip


def _kind(value: str | None) -> str | None:
    if value is None:
        return None
    wanted = value.strip().casefold().replace(" ", "_").replace("-", "_")
    by_label = {label.replace(" ", "_").replace("-", "_"): k for k, label in KIND_LABEL.items()}
    kind = wanted if wanted in KIND_LABEL else by_label.get(wanted)
    if kind is None:
        raise UsageError(f"--kind {value!r}: use one of {', '.join(sorted(KIND_LABEL))}")
    return kind


SINCE = typer.Option(None, "--since", help="Only incidents on or after this day (YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Only incidents on or before this day (YYYY-MM-DD).")
PLACE = typer.Option(
    None, "--place", help="Only incidents at this place or in this governorate (any spelling)."
)
KIND = typer.Option(
    None, "--kind", "-k", help="Only this kind: air_strike, chemical_attack, shoot_down, ..."
)


def _rows(
    ctx: typer.Context, since: str | None, until: str | None, place: str | None, kind: str | None
) -> list[dict[str, Any]]:
    with store_from(ctx) as store, store.read() as session:
        return incident_store.incident_rows(
            session,
            since=parse_day(since, "--since"),
            until=parse_day(until, "--until"),
            place=place,
            kind=_kind(kind),
        )


@incidents_app.callback()
def incidents(
    ctx: typer.Context,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    place: str | None = PLACE,
    kind: str | None = KIND,
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """List incidents, newest first: place, day, kind, articles and sources, open conflicts."""
    if ctx.invoked_subcommand is not None:
        return
    rows = _rows(ctx, since, until, place, kind)
    if fmt == ListFormat.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    flat = [
        {
            "id": r["id"],
            "date": r["date"] or "date unknown",
            "place": r["label"].split(", ")[0] if r["place"] else "place unknown",
            "kind": KIND_LABEL.get(r["kind"], r["kind"]),
            "articles": len(r["articles"]),
            "sources": len(r["sources"]),
            "open_conflicts": r["open_conflicts"],
            "label": r["label"],
        }
        for r in rows
    ]
    render_rows(flat, fmt.value, LIST_COLUMNS, title=f"{len(flat)} incidents")


@incidents_app.command("show")
def show(
    ctx: typer.Context,
    incident_id: int = typer.Argument(..., metavar="ID", help="The incident's id."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """One incident: its accounts by source, its toll timeline and its conflicts."""
    with store_from(ctx) as store, store.read() as session:
        found = incident_store.incident_rows(session, ids=[incident_id])
        if not found:
            raise NotFoundError(f"no incident {incident_id} (see `claimtrack incidents`)")
        row = found[0]
        row["accounts"] = incident_store.incident_accounts(session, incident_id)
        row["timeline"] = incident_store.toll_timeline(session, incident_id)
        row["conflict_rows"] = conflict_rows(session, incidents=[incident_id])
    if fmt != ListFormat.table:
        json.dump(row, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
        return
    out = console()
    for part in render_incident(row):
        out.print(part)


def render_incident(row: dict[str, Any]) -> list[RenderableType]:
    """The incident page: heading, accounts by source, toll timeline, conflicts."""
    parts: list[RenderableType] = [
        Text.assemble(
            (f"Incident #{row['id']}", "bold"),
            f" · {safe(row['label'], markup=False)}",
            f" · {len(row['articles'])} articles · outlets: "
            f"{safe(', '.join(row['outlets']) or '-', markup=False)}",
        )
    ]
    accounts = Table(title="accounts by source", show_lines=True, expand=True)
    accounts.add_column("source", ratio=1)
    accounts.add_column("what it says", ratio=4)
    for account in row["accounts"]:
        lines = []
        for claim in account["claims"][:6]:
            when = claim.get("published") or "date unknown"
            lines.append(
                Text(
                    safe(
                        f"{claim['text']}  (claim {claim['id']} · article {claim['article_id']} · "
                        f"{claim.get('outlet') or 'outlet unknown'} · {when})",
                        markup=False,
                    )
                )
            )
        more = len(account["claims"]) - 6
        if more > 0:
            lines.append(Text(f"... and {more} more", style="dim"))
        accounts.add_row(Text(safe(account["source"], markup=False)), Group(*lines))
    parts.append(accounts)
    if row["timeline"]:
        timeline = Table(title="toll timeline (who said what, when)", expand=False)
        for name in ("date", "source", "count", "toll", "outlet", "claim"):
            timeline.add_column(name)
        for entry in row["timeline"]:
            timeline.add_row(
                *(
                    Text(safe(entry[name] if entry.get(name) is not None else "-", markup=False))
                    for name in ("date", "source", "count", "toll", "outlet", "claim")
                )
            )
        parts.append(timeline)
    if row["conflict_rows"]:
        for conflict in row["conflict_rows"]:
            parts.append(
                Panel(
                    Text(safe(conflict["reason"], markup=False)),
                    title=f"conflict #{conflict['id']} · {conflict['kind']} · {conflict['status']}"
                    f" · severity {float(conflict.get('severity') or 0):.2f}",
                    title_align="left",
                )
            )
    else:
        parts.append(Text("No conflicting accounts flagged in this incident."))
    return parts


@export_app.command("incidents")
def export_incidents(
    ctx: typer.Context,
    fmt: DataFormat = typer.Option(DataFormat.json, "--format", "-f"),
    output: Path | None = OUTPUT,
    force: bool = FORCE,
    since: str | None = SINCE,
    until: str | None = UNTIL,
    place: str | None = PLACE,
    kind: str | None = KIND,
) -> None:
    """Incidents (id, label, place, governorate, date, kind, articles, sources, conflicts...)."""
    check_output(ctx, output, force=force)
    rows = _rows(ctx, since, until, place, kind)
    rows = [{name: row[name] for name in EXPORT_FIELDS} for row in rows]
    with output_file(ctx, output, force=force) as out:
        write_rows(rows, fmt, out, EXPORT_FIELDS)
