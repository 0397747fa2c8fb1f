"""The typer application and the options every command shares (``--db``)."""

from __future__ import annotations

from dataclasses import dataclass

import typer

app = typer.Typer(
    name="claimtrack",
    help="Track who said what in conflict reporting: claims, sources and conflicting accounts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@dataclass
class Settings:
    db: str | None = None


@app.callback()
def _root(
    ctx: typer.Context,
    db: str | None = typer.Option(
        None,
        "--db",
        envvar="CLAIMTRACK_DB",
        help="Database: a file path or an SQLAlchemy URL (default: ./claimtrack.db).",
        show_envvar=True,
    ),
) -> None:
    ctx.obj = Settings(db=db)
