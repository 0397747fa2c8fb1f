"""Helpers shared by the command modules: opening the store, output, rendering tables."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape as _escape_markup
from rich.table import Table

from claimtrack.cli.app import Settings
from claimtrack.errors import ClaimtrackError, UsageError
from claimtrack.export.plain import visible
from claimtrack.export.tabular import write_rows
from claimtrack.model import ConflictKind
from claimtrack.store.engine import SQLITE_MAGIC, Store, database_files, open_store


class ListFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class DataFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def settings(ctx: typer.Context) -> Settings:
    root = ctx.find_root()
    obj = root.obj
    return obj if isinstance(obj, Settings) else Settings()


@contextmanager
def store_from(ctx: typer.Context, *, create: bool = False) -> Iterator[Store]:
    """The ``--db`` store. Only the commands that start a database (ingest, import) pass
    ``create=True``: any other command on a database file that does not exist says so
    (``Error: PATH: no claimtrack database there``) instead of creating an empty one."""
    store = open_store(settings(ctx).db, create=create)
    try:
        yield store
    finally:
        store.close()


def conflict_kinds(values: Sequence[str]) -> list[str]:
    """``--kind`` values checked and normalised (``Actor`` -> ``actor``); an unknown one is a
    usage error naming the choices."""
    out = []
    for value in values:
        try:
            out.append(ConflictKind(value.strip().casefold()).value)
        except ValueError:
            choices = ", ".join(k.value for k in ConflictKind)
            raise UsageError(
                f"unknown conflict kind {value!r} (choose one of: {choices})"
            ) from None
    return out


def safe(text: object, *, markup: bool = True) -> str:
    """Stored or ingested text made safe to print to a terminal or a plain-text pipe.

    Every control character but tab and newline (so every escape sequence: ESC, CSI, OSC, BEL,
    CR, ...), the bidi overrides and lone surrogates are shown as ``\\x1b`` / ``\\u202e``
    instead of being sent to the terminal; with ``markup`` (the default) rich markup is escaped
    too, so ``[link=...]`` is printed as written when the result goes through a rich
    ``Console.print`` or a table cell. Pass ``markup=False`` for plain ``print`` and for rich
    ``Text`` objects, which do not read markup. ``None`` is the empty string.
    """
    if text is None:
        return ""
    value = visible(text if isinstance(text, str) else str(text))
    return _escape_markup(value) if markup else value


def console(stderr: bool = False) -> Console:
    # Never colour when piped or when NO_COLOR is set; rich honours both itself. No emoji codes:
    # ':name:' in stored text stays as written.
    return Console(stderr=stderr, highlight=False, soft_wrap=False, emoji=False)


FORCE = typer.Option(False, "--force", help="Replace the --output file if it exists.")


def check_output(ctx: typer.Context, path: Path | None, *, force: bool = False) -> None:
    """Refuse an ``--output`` that would destroy something, before any work is done.

    Never the database itself (nor its ``-wal``/``-shm``/``-journal``/``.lock`` files), however
    it is named: another path, a symlink, a hard link (same inode). Never any SQLite database
    file. An existing file only with ``--force``. A directory never.
    """
    if path is None:
        return
    target = Path(path)
    if target.is_dir():
        raise ClaimtrackError(f"{target}: is a directory")
    if _is_database_file(ctx, target):
        raise ClaimtrackError(
            f"{target}: is the database (--db); refusing to write over it, even with --force"
        )
    if not target.exists():
        return
    if _is_sqlite_file(target):
        raise ClaimtrackError(
            f"{target}: is an SQLite database; refusing to write over it, even with --force"
        )
    if not force:
        raise ClaimtrackError(f"{target}: already exists (use --force to replace it)")


def _is_database_file(ctx: typer.Context, target: Path) -> bool:
    protected = database_files(settings(ctx).db)
    if not protected:
        return False
    resolved = target.expanduser().resolve()
    if resolved in protected:
        return True
    try:
        mine = os.stat(resolved)
    except OSError:
        return False
    for path in protected:
        try:
            other = os.stat(path)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (mine.st_dev, mine.st_ino):
            return True
    return False


def _check_stdout(ctx: typer.Context) -> None:
    """``export ... >> claims.db``: stdout appended to the database is refused too."""
    try:
        mine = os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (tests, pipes)
        return
    for path in database_files(settings(ctx).db):
        try:
            other = os.stat(path)
        except OSError:
            continue
        if (other.st_dev, other.st_ino) == (mine.st_dev, mine.st_ino):
            raise ClaimtrackError(
                f"{path}: standard output is the database (--db); refusing to write over it"
            )


def _is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


@contextmanager
def output_file(ctx: typer.Context, path: Path | None, *, force: bool = False) -> Iterator[TextIO]:
    """``--output FILE`` or stdout. The file is written whole or not at all: into a new
    temporary file beside it, then renamed over it (``--force``) or linked to its name (which
    fails if a file appeared there meanwhile). ``check_output`` runs first, and again here."""
    if path is None:
        _check_stdout(ctx)
        yield sys.stdout
        return
    check_output(ctx, path, force=force)
    target = Path(path)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise ClaimtrackError(f"{target}: {error.strerror or error}") from error
    tmp = Path(name)
    try:
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        check_output(ctx, target, force=force)  # what the work took may have changed it
        _publish(tmp, target, force=force)
    except OSError as error:
        raise ClaimtrackError(f"{target}: {error.strerror or error}") from error
    finally:
        tmp.unlink(missing_ok=True)


def _publish(tmp: Path, target: Path, *, force: bool) -> None:
    if force:
        tmp.replace(target)
        return
    try:
        os.link(tmp, target)  # atomic and never replaces: fails if the name is taken
    except FileExistsError:
        raise ClaimtrackError(f"{target}: already exists (use --force to replace it)") from None
    except OSError:  # a file system without hard links
        if target.exists():
            raise ClaimtrackError(f"{target}: already exists (use --force to replace it)") from None
        tmp.replace(target)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def render_rows(
    rows: Sequence[Mapping[str, Any]],
    fmt: str,
    columns: Sequence[str],
    *,
    title: str | None = None,
) -> None:
    """Print rows as a rich table in a terminal (plain tab-separated text when piped), or data.

    Every cell goes through ``safe``: stored text cannot control the terminal nor read as markup.
    """
    if fmt != ListFormat.table:
        write_rows(rows, fmt, sys.stdout, None if fmt == "json" else columns)
        return
    out = console()
    if not out.is_terminal:
        print("\t".join(columns))
        for row in rows:
            print("\t".join(safe(_plain(row.get(name)), markup=False) for name in columns))
        return
    table = Table(title=safe(title) if title else None, show_lines=False, expand=False)
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(safe(_plain(row.get(name))) for name in columns))
    out.print(table)


def _plain(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return " ".join(str(value).split())
