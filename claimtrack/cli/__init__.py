"""claimtrack's command line: a thin shell over the library.

``main`` runs the typer app without click's standalone mode so that every failure is one line on
stderr starting ``Error:`` with exit code 1 (2 for usage errors) and never a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click
import typer
from sqlalchemy.exc import SQLAlchemyError

# Importing the command modules registers their commands on ``app``.
from claimtrack.cli import db as _db  # noqa: F401
from claimtrack.cli import export as _export  # noqa: F401
from claimtrack.cli import ingest as _ingest  # noqa: F401
from claimtrack.cli import listing as _listing  # noqa: F401
from claimtrack.cli import sources as _sources  # noqa: F401
from claimtrack.cli.app import app
from claimtrack.errors import ClaimtrackError

__all__ = ["app", "main"]


def _fail(message: str, code: int) -> int:
    first = " ".join(message.strip().split("\n")[0].split()) or "failed"
    print(f"Error: {first}", file=sys.stderr)
    return code


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    command = typer.main.get_command(app)
    try:
        result = command.main(
            args=list(argv) if argv is not None else None,
            prog_name="claimtrack",
            standalone_mode=False,
        )
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.exceptions.Abort:
        return _fail("interrupted", 130)
    except click.UsageError as error:
        return _fail(error.format_message(), 2)
    except click.ClickException as error:
        return _fail(error.format_message(), error.exit_code)
    except ClaimtrackError as error:
        return _fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except SQLAlchemyError as error:
        orig = getattr(error, "orig", None)
        return _fail(f"database error: {orig or error}", 1)
    except BrokenPipeError:
        return 1
    return result if isinstance(result, int) else 0


def main() -> None:
    sys.exit(run())
