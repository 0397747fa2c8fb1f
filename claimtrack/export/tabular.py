"""Rows (lists of dicts) -> JSON array, JSON Lines or CSV, the formats scripts read.

Control characters in stored text cannot reach a terminal through them: JSON writes them as
``\\u`` escapes (the value decodes unchanged), CSV cells show them as ``\\x1b`` (``plain.visible``).

CSV cells that a spreadsheet would run as a formula (leading ``=``, ``+``, ``-``, ``@``, tab or
carriage return) are neutralised with a leading apostrophe, the OWASP recommendation; numbers
stay numbers ("-3" is written as -3 only when the value is a real number, not text).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from claimtrack.export.plain import json_text, visible

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell that cannot run as a spreadsheet formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple | dict):
        value = json.dumps(value, ensure_ascii=False)
    text = visible(str(value))
    if text.startswith(FORMULA_TRIGGERS):
        return "'" + text
    return text


def dumps(value: Any, *, indent: int | None = None) -> str:
    """JSON as scripts read it (UTF-8 text, not \\u escapes), and safe to print: the control
    characters JSON leaves raw are escaped too (the value decodes unchanged)."""
    return json_text(json.dumps(value, ensure_ascii=False, indent=indent, default=str))


def write_json(rows: Sequence[Mapping[str, Any]], out: TextIO) -> None:
    out.write(dumps(list(rows), indent=2))
    out.write("\n")


def write_jsonl(rows: Iterable[Mapping[str, Any]], out: TextIO) -> None:
    for row in rows:
        out.write(dumps(row))
        out.write("\n")


def write_csv(
    rows: Sequence[Mapping[str, Any]], out: TextIO, columns: Sequence[str] | None = None
) -> None:
    names = list(columns) if columns is not None else _columns(rows)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(names)
    for row in rows:
        writer.writerow([safe_cell(row.get(name)) for name in names])


def write_rows(
    rows: Sequence[Mapping[str, Any]], fmt: str, out: TextIO, columns: Sequence[str] | None = None
) -> None:
    """Write ``rows`` in ``fmt`` (json, jsonl or csv)."""
    if fmt == "json":
        write_json(rows, out)
    elif fmt == "jsonl":
        write_jsonl(rows, out)
    elif fmt == "csv":
        write_csv(rows, out, columns)
    else:
        raise ValueError(f"unknown format {fmt!r}")


def _columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for row in rows:
        for name in row:
            names.setdefault(name, None)
    return list(names)
