"""``claimtrack articles`` and ``claimtrack claims``."""

from __future__ import annotations

import typer

from claimtrack.cli.app import app
from claimtrack.cli.common import ListFormat, render_rows, store_from
from claimtrack.store import articles as article_store
from claimtrack.store import sources as source_store

ARTICLE_COLUMNS = ["id", "title", "outlet", "published", "claims", "origin"]
CLAIM_COLUMNS = ["id", "article_id", "start", "end", "source", "cue", "via", "text"]


@app.command()
def articles(
    ctx: typer.Context,
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """List stored articles."""
    with store_from(ctx) as store, store.read() as session:
        rows = article_store.article_rows(session)
    render_rows(rows, fmt, ARTICLE_COLUMNS, title="Articles")


@app.command()
def claims(
    ctx: typer.Context,
    article: int | None = typer.Option(None, "--article", help="Only this article's claims."),
    source: str | None = typer.Option(None, "--source", help="Only claims of this source."),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="Output format."),
) -> None:
    """List stored claims with their sources."""
    with store_from(ctx) as store, store.read() as session:
        name = source_store.find_source(session, source).name if source else None
        rows = article_store.claim_rows(session, article_id=article, source=name)
    render_rows(rows, fmt, CLAIM_COLUMNS, title="Claims")
