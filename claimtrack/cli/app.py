"""The typer application and the options every command shares (``--db``)."""

from __future__ import annotations

from dataclasses import dataclass

import typer
from typer.core import TyperGroup

# `claimtrack --help` lists commands in the order of a working session, not in the order the
# command modules happen to register them: bring articles in and look at what was stored, then
# the incidents, their conflicts and the review, what is known of the sources, what goes out;
# last the commands run by hand only now and then (matching runs on ingest by itself; backups;
# migrations).
COMMAND_ORDER = (
    "ingest", "articles", "claims",
    "incidents", "conflicts", "assign", "review",
    "sources", "annotate",
    "export",
    "match", "import", "db",
)  # fmt: skip


class SessionOrderGroup(TyperGroup):
    """The root command group: lists its commands in ``COMMAND_ORDER`` (any other one last)."""

    def list_commands(self, ctx: object) -> list[str]:
        rank = {name: position for position, name in enumerate(COMMAND_ORDER)}
        return sorted(self.commands, key=lambda name: (rank.get(name, len(rank)), name))


app = typer.Typer(
    name="claimtrack",
    cls=SessionOrderGroup,
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
