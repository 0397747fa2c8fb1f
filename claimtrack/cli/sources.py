"""``claimtrack sources``: list, show, alias, merge (annotations live in their own module)."""

from __future__ import annotations

import shlex
from enum import StrEnum

import typer
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from claimtrack.cli.app import app
from claimtrack.cli.common import ListFormat, console, render_rows, safe, store_from
from claimtrack.errors import UsageError
from claimtrack.export.tabular import dumps
from claimtrack.review import record_line
from claimtrack.store import sources as source_store

sources_app = typer.Typer(
    help="The source registry: list sources, show one, fix aliases, merge duplicates.",
    invoke_without_command=True,
)
app.add_typer(sources_app, name="sources")

SOURCE_COLUMNS = ["name", "kind", "claims", "aliases", "reliability", "tags", "track record"]


class SourceOrder(StrEnum):
    claims = "claims"
    name = "name"


@sources_app.callback()
def list_sources(
    ctx: typer.Context,
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
    sort: SourceOrder = typer.Option(
        SourceOrder.claims, "--sort", help="Most claims first (default), or by name."
    ),
    kinds: list[str] = typer.Option(
        [],
        "--kind",
        "-k",
        help="Only sources of this kind (monitor, official, news_agency, unnamed, ...), or "
        "unnamed sources of this kind (military, security, medical, activist, official, "
        "diplomatic, media, resident, witness); repeat for several.",
    ),
) -> None:
    """List sources with their claim counts (a subcommand acts on one source)."""
    if ctx.invoked_subcommand is not None:
        return
    with store_from(ctx) as store, store.read() as session:
        rows = source_store.source_rows(session)
        records = source_store.track_records(session)
    if kinds:
        known = sorted(
            {row["kind"] for row in rows} | {row["unnamed_kind"] for row in rows} - {None}
        )
        wanted = {k.strip().casefold() for k in kinds}
        unknown = sorted(wanted - set(known))
        if unknown:
            raise UsageError(
                f"--kind {unknown[0]!r}: no source of that kind (kinds here: {', '.join(known)})"
            )
        rows = [row for row in rows if row["kind"] in wanted or row["unnamed_kind"] in wanted]
    if sort is SourceOrder.claims:
        rows.sort(key=lambda row: (-row["claims"], row["name"].casefold()))
    else:
        rows.sort(key=lambda row: row["name"].casefold())
    for row in rows:
        # computed from reviews, apart from the annotated reliability
        row["track_record"] = records.get(row["name"], source_store.NO_RECORD)
        row["track record"] = record_line(row["track_record"])
    if fmt == ListFormat.table:  # "unnamed (military)"; data formats keep both fields
        rows = [
            {**row, "kind": f"unnamed ({row['unnamed_kind']})"} if row["unnamed_kind"] else row
            for row in rows
        ]
    render_rows(rows, fmt, SOURCE_COLUMNS, title="Sources")


@sources_app.command("show")
def show(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="Source name or alias."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """One source: kind, aliases, annotations and every claim attributed to it."""
    with store_from(ctx) as store, store.read() as session:
        detail = source_store.source_detail(session, name)
    if detail["kind"] == "unnamed":
        kind = f" ({detail['unnamed_kind']})" if detail["unnamed_kind"] else ""
        raise UsageError(
            f"{detail['name']!r} is an unnamed source{kind} (words used for many different "
            f"speakers, one per article), not an entity with a record; its claims: "
            f"claimtrack claims --source {shlex.quote(detail['name'])}"
        )
    if fmt == ListFormat.json:
        typer.echo(dumps(detail, indent=2))
        return
    out = console()
    facts = [
        f"kind: {detail['kind']}",
        f"aliases: {', '.join(detail['aliases']) or '-'}",
        f"claims: {detail['claims']}",
    ]
    for label in ("descriptor", "reliability", "affiliation", "owner"):
        if detail.get(label) not in (None, ""):
            facts.append(f"{label}: {detail[label]}")
    if detail["tags"]:
        facts.append(f"tags: {', '.join(detail['tags'])}")
    for note in detail["notes"]:
        facts.append(f"note ({note['author']}, {note['at'][:16]}): {note['note']}")
    record = detail.get("track_record") or {}
    facts.append(f"track record (computed from reviews): {record.get('explained', '-')}")
    for kind, f in (record.get("by_kind") or {}).items():
        facts.append(
            f"  {kind}: right {f['right']}, wrong {f['wrong']}, estimate {f['estimate']:.2f} "
            f"(90% {f['low']:.2f}-{f['high']:.2f})"
        )
    if record.get("tolls"):
        facts.append(f"  tolls: {record['tolls']['explained']}")
    body = Text(safe("\n".join(facts), markup=False))
    out.print(Panel(body, title=Text(safe(detail["name"], markup=False)), expand=False))
    table = Table(show_lines=False)
    for column in ("claim", "article", "cue", "text"):
        table.add_column(column, overflow="fold")
    for claim in detail["claim_list"]:
        table.add_row(
            str(claim["id"]),
            str(claim["article_id"]),
            safe(claim["cue"] or "-"),
            safe(claim["text"]),
        )
    out.print(table)


@sources_app.command("alias")
def alias(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="The source."),
    new_alias: str = typer.Argument(..., metavar="ALIAS", help="Another name for it."),
) -> None:
    """Record another name for a source; claims made under that name move to it."""
    with store_from(ctx) as store:
        result = store.write(lambda s: source_store.add_user_alias(s, name, new_alias))
    moved = result["claims_moved"]
    said = f"{result['source']}: alias {result['alias']!r} added; {moved} claims moved"
    typer.echo(safe(said, markup=False))


@sources_app.command("merge")
def merge(
    ctx: typer.Context,
    keep: str = typer.Argument(..., help="The source that stays."),
    absorb: str = typer.Argument(..., help="The source merged into it (then removed)."),
) -> None:
    """Merge source B into source A: B's claims, aliases and notes move to A."""
    with store_from(ctx) as store:
        result = store.write(lambda s: source_store.merge_sources(s, keep, absorb))
    said = (
        f"{result['merged']} merged into {result['source']}; {result['claims_moved']} claims moved"
    )
    typer.echo(safe(said, markup=False))
