"""Helpers shared by the command modules: opening the store, output, rendering tables."""

from __future__ import annotations

import os
import re
import sys
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
from claimtrack.export.tabular import write_rows
from claimtrack.model import ConflictKind
from claimtrack.store.engine import Store, open_store


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


# C0 controls but tab and newline, DEL, C1 controls (a terminal takes U+009B for ESC [), the bidi
# overrides and isolates that reorder what is shown ("Trojan source"), and lone surrogates (from
# undecodable bytes: they would make printing itself fail).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


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
    value = _UNSAFE.sub(_visible, text if isinstance(text, str) else str(text))
    return _escape_markup(value) if markup else value


def console(stderr: bool = False) -> Console:
    # Never colour when piped or when NO_COLOR is set; rich honours both itself. No emoji codes:
    # ':name:' in stored text stays as written.
    return Console(stderr=stderr, highlight=False, soft_wrap=False, emoji=False)


@contextmanager
def output_file(path: Path | None) -> Iterator[TextIO]:
    """``--output FILE`` or stdout. The file is written whole or not at all."""
    if path is None:
        yield sys.stdout
        return
    target = Path(path)
    if target.is_dir():
        raise ClaimtrackError(f"{target}: is a directory")
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as handle:
            yield handle
        tmp.replace(target)
    except OSError as error:
        raise ClaimtrackError(f"{target}: {error.strerror or error}") from error
    finally:
        tmp.unlink(missing_ok=True)


def render_rows(
    rows: Sequence[Mapping[str, Any]],
    fmt: str,
    columns: Sequence[str],
    *,
    title: str | None = None,
) -> None:
    """Print rows as a rich table in a terminal (plain tab-separated text when piped), or data."""
    if fmt != ListFormat.table:
        write_rows(rows, fmt, sys.stdout, None if fmt == "json" else columns)
        return
    out = console()
    if not out.is_terminal:
        print("\t".join(columns))
        for row in rows:
            print("\t".join(_plain(row.get(name)) for name in columns))
        return
    table = Table(title=title, show_lines=False, expand=False)
    for name in columns:
        table.add_column(name, overflow="fold")
    for row in rows:
        table.add_row(*(_plain(row.get(name)) for name in columns))
    out.print(table)


def _plain(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return " ".join(str(value).split())
