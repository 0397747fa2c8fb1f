"""``claimtrack db``: schema migrations."""

from __future__ import annotations

import typer

from claimtrack.cli.app import app
from claimtrack.cli.common import settings
from claimtrack.store.engine import head_revision, open_store

db_app = typer.Typer(help="Database schema: show and apply migrations.", no_args_is_help=True)
app.add_typer(db_app, name="db")


@db_app.command("upgrade")
def upgrade(ctx: typer.Context) -> None:
    """Apply every pending migration (opening a database does this too)."""
    store = open_store(settings(ctx).db, upgrade=True, create=True)
    try:
        typer.echo(f"{store.url.split('://')[0]}: at revision {store.current_revision()} (head)")
    finally:
        store.close()


@db_app.command("current")
def current(ctx: typer.Context) -> None:
    """Show the database's schema revision and the newest one this claimtrack knows."""
    store = open_store(settings(ctx).db, upgrade=False, create=False)
    try:
        revision = store.current_revision()
        head = head_revision()
        state = "up to date" if revision == head else "needs `claimtrack db upgrade`"
        typer.echo(f"current: {revision or 'none'}  head: {head}  ({state})")
    finally:
        store.close()
