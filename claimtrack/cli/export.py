"""``claimtrack export ...``: data for scripts (JSON, JSON Lines, CSV).

Other command modules add their own ``export`` subcommands to ``export_app``.
"""

from __future__ import annotations

from pathlib import Path

import typer

from claimtrack.cli.app import app
from claimtrack.cli.common import FORCE, DataFormat, check_output, output_file, store_from
from claimtrack.export.tabular import write_rows
from claimtrack.store import articles as article_store
from claimtrack.store import sources as source_store

export_app = typer.Typer(
    help="Export claims, sources, conflicts and reports.", no_args_is_help=True
)
app.add_typer(export_app, name="export")

OUTPUT = typer.Option(None, "--output", "-o", help="Write here instead of stdout.")
CLAIM_FIELDS = [
    "id", "article_id", "text", "start", "end", "source", "source_mention", "cue", "via",
    "kind", "rule", "mention_start", "mention_end", "descriptor", "published", "outlet",
]  # fmt: skip
SOURCE_FIELDS = [
    "name", "kind", "unnamed_kind", "aliases", "claims", "note", "reliability", "tags",
    "affiliation", "owner", "descriptor", "track_record",
]  # fmt: skip


@export_app.command("claims")
def export_claims(
    ctx: typer.Context,
    fmt: DataFormat = typer.Option(DataFormat.json, "--format", "-f"),
    output: Path | None = OUTPUT,
    force: bool = FORCE,
    article: int | None = typer.Option(None, "--article", help="Only this article's claims."),
    source: str | None = typer.Option(None, "--source", help="Only claims of this source."),
) -> None:
    """Claims with their attribution (id, article_id, text, start, end, source, cue, via...)."""
    check_output(ctx, output, force=force)
    with store_from(ctx) as store, store.read() as session:
        name = source_store.find_source(session, source).name if source else None
        rows = article_store.claim_rows(session, article_id=article, source=name)
    rows = [{name: row[name] for name in CLAIM_FIELDS} for row in rows]
    with output_file(ctx, output, force=force) as out:
        write_rows(rows, fmt, out, CLAIM_FIELDS)


@export_app.command("sources")
def export_sources(
    ctx: typer.Context,
    fmt: DataFormat = typer.Option(DataFormat.json, "--format", "-f"),
    output: Path | None = OUTPUT,
    force: bool = FORCE,
) -> None:
    """Sources with aliases, claim counts, annotations and the track record reviews give them
    (``reliability`` is what a person annotated; ``track_record`` is computed, apart)."""
    check_output(ctx, output, force=force)
    with store_from(ctx) as store, store.read() as session:
        rows = source_store.source_rows(session)
        records = source_store.track_records(session)
    for row in rows:
        row["track_record"] = records.get(row["name"], source_store.NO_RECORD)
    with output_file(ctx, output, force=force) as out:
        write_rows(rows, fmt, out, SOURCE_FIELDS)
