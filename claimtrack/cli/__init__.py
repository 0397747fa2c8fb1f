"""claimtrack's command line: a thin shell over the library.

``main`` runs the typer app without click's standalone mode so that every failure is one line on
stderr starting ``Error:`` with exit code 1 (2 for usage errors) and never a traceback.
"""

from __future__ import annotations

import importlib
import logging
import os
import pkgutil
import sys
from collections.abc import Sequence

import typer
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from claimtrack.cli.app import app
from claimtrack.cli.common import safe

try:  # typer >= 0.2x ships its own copy of click
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover - older typer depends on click itself
    from click import exceptions as click_exceptions  # type: ignore[no-redef,import-not-found]
from claimtrack.errors import ClaimtrackError

__all__ = ["app", "main"]

_SUPPORT_MODULES = {"app", "common"}


def _register_commands() -> None:
    """Import every command module of this package: each registers its commands on ``app``.

    One module per command group, so adding a group means adding a file, nothing else.
    """
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name not in _SUPPORT_MODULES:
            importlib.import_module(f"{__name__}.{module.name}")


# The rules files are read when the library is imported (the commands import it): a rules file
# a user broke is one ``Error:`` line when the command runs, not a traceback at import.
_IMPORT_ERROR: ClaimtrackError | None = None
try:
    _register_commands()
except ClaimtrackError as _error:
    _IMPORT_ERROR = _error


def _fail(message: str, code: int) -> int:
    first = safe(" ".join(message.strip().split("\n")[0].split()), markup=False) or "failed"
    print(f"Error: {first}", file=sys.stderr)
    return code


def _quiet_driver_logs() -> None:
    """The database driver's own warnings are no output of ours: psycopg logs ``error ignored
    terminating <psycopg.Pipeline [BAD]>`` (and the like) when the server goes away, and
    Python's last-resort handler would print them after our one ``Error:`` line."""
    logger = logging.getLogger("psycopg")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    logger.propagate = False


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code."""
    if _IMPORT_ERROR is not None:
        return _fail(str(_IMPORT_ERROR), _IMPORT_ERROR.exit_code)
    _quiet_driver_logs()
    command = typer.main.get_command(app)
    try:
        result = command.main(
            args=list(argv) if argv is not None else None,
            prog_name="claimtrack",
            standalone_mode=False,
        )
    except typer.Exit as done:
        return int(done.exit_code)
    except typer.Abort:
        return _fail("interrupted", 130)
    except click_exceptions.UsageError as error:
        if type(error).__name__ == "NoArgsIsHelpError":  # `claimtrack`, `claimtrack export`
            print(error.format_message())
            return 0
        return _fail(error.format_message(), 2)
    except click_exceptions.ClickException as error:
        return _fail(error.format_message(), error.exit_code)
    except ClaimtrackError as error:
        return _fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except SQLAlchemyError as error:
        orig = getattr(error, "orig", None)
        if isinstance(error, DBAPIError) and error.connection_invalidated:
            why = str(orig or error).strip().split("\n")[0].strip()
            return _fail(f"lost the connection to the database ({why})", 1)
        return _fail(f"database error: {orig or error}", 1)
    except BrokenPipeError:
        return 1
    return int(result) if isinstance(result, int) else 0


def main() -> None:
    try:
        code = run()
        sys.stdout.flush()
    except BrokenPipeError:  # `claimtrack claims | head`: the reader left; no traceback
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = 1
    sys.exit(code)
