"""``claimtrack export all`` and ``claimtrack import FILE``: move a whole database.

Between SQLite and PostgreSQL, or from one machine to another, with every id kept::

    claimtrack --db old.db export all --format jsonl --output backup.jsonl
    claimtrack --db postgresql+psycopg://me@host/claims import backup.jsonl
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from claimtrack.cli.app import app
from claimtrack.cli.common import FORCE, check_output, output_file, safe, store_from
from claimtrack.cli.export import export_app
from claimtrack.errors import ClaimtrackError
from claimtrack.store.backup import export_all, import_all


class BackupFormat(StrEnum):
    jsonl = "jsonl"


@export_app.command("all")
def export_everything(
    ctx: typer.Context,
    fmt: BackupFormat = typer.Option(BackupFormat.jsonl, "--format", "-f"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here, not stdout."),
    force: bool = FORCE,
) -> None:
    """The whole database (every table, every id) as JSON Lines, for `claimtrack import`."""
    check_output(ctx, output, force=force)
    with (
        store_from(ctx) as store,
        store.read() as session,
        output_file(ctx, output, force=force) as out,
    ):
        counts = export_all(session, out)
    if output is not None:
        typer.echo(safe(f"Exported {_summary(counts)} to {output}", markup=False), err=True)


@app.command("import")
def import_backup(
    ctx: typer.Context,
    path: Path = typer.Argument(..., help="A backup written by `claimtrack export all`."),
) -> None:
    """Load a backup into an empty database (all or nothing; ids are kept)."""
    try:
        handle = path.open(encoding="utf-8")
    except OSError as error:
        raise ClaimtrackError(f"{path}: {error.strerror or error}") from error
    try:
        with handle, store_from(ctx, create=True) as store, store.session() as session:
            counts = import_all(session, handle, origin=str(path))
    except UnicodeDecodeError as error:
        raise ClaimtrackError(f"{path}: not a claimtrack backup (not UTF-8 text)") from error
    typer.echo(f"Imported {_summary(counts)}")


def _summary(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    parts = ", ".join(f"{n} {name}" for name, n in counts.items() if n)
    return f"{total} rows ({parts})" if parts else "0 rows"
