"""``claimtrack articles``, ``claimtrack articles show ID`` and ``claimtrack claims``."""

from __future__ import annotations

import json
import sys
from typing import Any

import typer
from rich.text import Text

from claimtrack.cli.app import app
from claimtrack.cli.common import ListFormat, console, render_rows, safe, store_from
from claimtrack.errors import NotFoundError
from claimtrack.review import parse_day
from claimtrack.store import articles as article_store
from claimtrack.store import sources as source_store

ARTICLE_COLUMNS = ["id", "title", "outlet", "published", "claims", "origin"]
CLAIM_COLUMNS = ["id", "article_id", "start", "end", "source", "cue", "via", "text"]

articles_app = typer.Typer(
    help="Stored articles: list them, or read one back with its claims marked by source.",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(articles_app, name="articles")


@articles_app.callback()
def articles(
    ctx: typer.Context,
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """List stored articles (published is empty when the date is unknown)."""
    if ctx.invoked_subcommand is not None:
        return
    with store_from(ctx) as store, store.read() as session:
        rows = article_store.article_rows(session)
    if fmt == ListFormat.json:
        keep = ("id", "title", "outlet", "published", "url", "origin", "claims", "ingested_at")
        rows = [{name: row[name] for name in keep} for row in rows]
    render_rows(rows, fmt, ARTICLE_COLUMNS, title="Articles")


@articles_app.command("show")
def show(
    ctx: typer.Context,
    article_id: int = typer.Argument(..., metavar="ID", help="The article's id."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """One article: title, outlet, date (and where it came from), URL, origin, and its text
    with each claim marked by its source (the reporter's own voice marked as such)."""
    with store_from(ctx) as store, store.read() as session:
        found = article_store.article_rows(session, ids=[article_id])
        if not found:
            raise NotFoundError(f"no article {article_id} (see `claimtrack articles`)")
        row: dict[str, Any] = found[0]
        row["text"] = article_store.article_text(session, article_id) or ""
        row["claim_rows"] = article_store.claim_rows(session, article_id=article_id)
    if fmt != ListFormat.table:
        json.dump(row, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    out = console()
    when = row["published"] or "date unknown"
    provenance = f" (from {row['published_from']})" if row.get("published_from") else ""
    facts = [
        ("title", row["title"] or "-"),
        ("outlet", row["outlet"] or "outlet unknown"),
        ("published", f"{when}{provenance}"),
        ("url", row["url"] or "-"),
        ("author", row.get("author") or "-"),
        ("origin", row["origin"]),
        ("incident", f"#{row['incident']}" if row.get("incident") else "-"),
    ]
    facts += [(str(k), str(v)) for k, v in sorted(row["extra"].items())]
    for name, value in facts:
        out.print(Text.assemble((f"{name:>10}: ", "bold"), safe(value, markup=False)))
    out.print()
    out.print(marked_text(row["text"], row["claim_rows"]))


def marked_text(text: str, claims: list[dict[str, Any]]) -> Text:
    """The article text, each claim followed by its source in brackets; what lies between
    claims (page furniture) is dimmed."""
    out = Text()
    position = 0
    for claim in sorted(claims, key=lambda c: int(c["start"])):
        start, end = int(claim["start"]), int(claim["end"])
        if start < position:
            continue
        out.append(safe(text[position:start], markup=False), style="dim")
        out.append(safe(text[start:end], markup=False))
        who = claim["source"] or "reporter"
        cue = f" · {claim['cue']}" if claim.get("cue") else ""
        via = f" · via {claim['via']}" if claim.get("via") else ""
        style = "cyan" if claim["source"] else "dim"
        out.append(safe(f" [{who}{cue}{via}]", markup=False), style=style)
        position = end
    out.append(safe(text[position:], markup=False), style="dim")
    return out


@app.command()
def claims(
    ctx: typer.Context,
    article: int | None = typer.Option(None, "--article", help="Only this article's claims."),
    source: str | None = typer.Option(None, "--source", help="Only claims of this source."),
    search: str | None = typer.Option(
        None, "--search", help="Only claims whose text contains this (case-insensitive)."
    ),
    since: str | None = typer.Option(
        None, "--since", help="Only claims of articles published on or after (YYYY-MM-DD)."
    ),
    until: str | None = typer.Option(
        None, "--until", help="Only claims of articles published on or before (YYYY-MM-DD)."
    ),
    outlet: str | None = typer.Option(None, "--outlet", help="Only claims of this outlet."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """List stored claims with their sources (filters combine)."""
    with store_from(ctx) as store, store.read() as session:
        name = source_store.find_source(session, source).name if source else None
        rows = article_store.claim_rows(
            session,
            article_id=article,
            source=name,
            search=search,
            since=parse_day(since, "--since"),
            until=parse_day(until, "--until"),
            outlet=outlet,
        )
    render_rows(rows, fmt, CLAIM_COLUMNS, title="Claims")
