"""Datasets: one article per row of a CSV/TSV file or per record of a JSON Lines / JSON file.

Pure: a path in, ``Document``s (or ``RowError``s for the rows that cannot be read) out, no
database and no printing. Rows stream: a CSV or JSON Lines file of any size is read one record at
a time, so memory stays bounded (a ``.json`` array is parsed whole: use JSON Lines for big dumps).

Fields of an article: ``text`` (required), ``title``, ``published``, ``outlet``, ``url``, ``id``.
Common column names are recognised without options (``article_content`` is ``text``, ``headline``
is ``title``, ``date`` is ``published`` ...: see ``COLUMN_NAMES``); ``columns`` maps the others
(``--column text=body_html``). Every other column is kept as the article's ``extra`` metadata.

Dates: ``date_format`` (a ``strptime`` format such as ``%m/%d/%y``) when given, else ISO 8601
(``2017-04-04``, ``2017-04-04T09:30:00Z``) or an e-mail style date (``Tue, 04 Apr 2017 09:30:00
+0000``). A date that does not parse is an error for its row, never a guess: FA-KES writes
``4/4/17``, which ISO reading refuses, so the dataset needs ``--date-format %m/%d/%y``.

Row numbers in errors count records from 1: for CSV/TSV the header is not counted (row 1 is the
first line of data), for JSON Lines they are line numbers.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from claimtrack.errors import LoadError, UsageError
from claimtrack.load import legacy_encoding, normalise_text
from claimtrack.model import Document

__all__ = [
    "COLUMN_NAMES",
    "DATASET_FORMATS",
    "FIELDS",
    "RowError",
    "dataset_format",
    "iter_dataset",
    "parse_column_map",
]

FIELDS = ("text", "title", "published", "outlet", "url", "id")

# Column names recognised without --column, per field, in order of preference (case-insensitive).
COLUMN_NAMES: Mapping[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article_content", "article_text", "article", "full_text"),
    "title": ("title", "headline", "article_title"),
    "published": (
        "published",
        "date",
        "published_at",
        "publish_date",
        "published_date",
        "pubdate",
        "datetime",
    ),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "source_name"),
    "url": ("url", "link", "canonical_url"),
    "id": ("id", "article_id", "doc_id", "guid", "uid"),
}

DATASET_FORMATS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
DATASET_FORMATS |= {".json": "json"}

_SAMPLE = 1024 * 1024  # bytes read to decide a CSV file's encoding
_MAX_FIELD = 64 * 1024 * 1024  # one cell may hold a whole (long) article


@dataclass(frozen=True)
class RowError:
    """A row that cannot become an article: ``FILE: row N: why``."""

    origin: str  # the file
    row: int
    why: str
    unit: str = "row"  # "row" (CSV/TSV/JSON array), "line" (JSON Lines)

    @property
    def message(self) -> str:
        return f"{self.origin}: {self.unit} {self.row}: {self.why}"


def dataset_format(path: str, input_format: str | None = None) -> str | None:
    """``csv``/``tsv``/``jsonl``/``json`` for a dataset file (by extension unless forced)."""
    if input_format is not None:
        return input_format
    return DATASET_FORMATS.get(os.path.splitext(path)[1].lower())


def parse_column_map(pairs: list[str]) -> dict[str, str]:
    """``["text=article_content", "title=article_title"]`` -> {field: column}."""
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        field = field.strip().lower()
        if not sep or not column.strip():
            raise UsageError(f"--column {pair!r}: use FIELD=NAME, e.g. text=article_content")
        if field not in FIELDS:
            raise UsageError(
                f"--column {pair!r}: unknown field {field!r} (one of {', '.join(FIELDS)})"
            )
        mapping[field] = column.strip()
    return mapping


def parse_date(value: str, date_format: str | None) -> date:
    """A dataset's date cell -> date; ``ValueError`` with a readable reason when it is not one."""
    text = value.strip()
    if date_format is not None:
        try:
            return datetime.strptime(text, date_format).date()
        except ValueError:
            raise ValueError(f"date {text!r} does not match --date-format {date_format}") from None
    try:
        return date.fromisoformat(text[:10]) if len(text) == 10 else _iso_datetime(text)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        raise ValueError(
            f"date {text!r} is not ISO (YYYY-MM-DD); give its format with --date-format, "
            "e.g. --date-format %m/%d/%y"
        ) from None


def _iso_datetime(text: str) -> date:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).date()


class _Columns:
    """Which record key holds each field, decided once from the header (or first record)."""

    def __init__(self, keys: list[str], mapping: Mapping[str, str], origin: str) -> None:
        by_lower = {key.strip().lower(): key for key in keys}
        self.field_key: dict[str, str] = {}
        for field in FIELDS:
            wanted = mapping.get(field)
            if wanted is not None:
                key = wanted if wanted in keys else by_lower.get(wanted.lower())
                if key is None:
                    raise LoadError(origin, f"--column {field}={wanted}: no such column")
                self.field_key[field] = key
                continue
            for name in COLUMN_NAMES[field]:
                key = by_lower.get(name)
                if key is not None and key not in self.field_key.values():
                    self.field_key[field] = key
                    break
        if "text" not in self.field_key:
            raise LoadError(
                origin,
                "no text column (looked for " + ", ".join(COLUMN_NAMES["text"]) + "; name yours "
                "with --column text=NAME)",
            )
        self.used = set(self.field_key.values())

    def document(
        self,
        record: Mapping[str, Any],
        origin: str,
        number: int,
        date_format: str | None,
        defaults: Document,
    ) -> Document:
        def cell(field: str) -> str | None:
            key = self.field_key.get(field)
            value = record.get(key) if key is not None else None
            if value is None:
                return None
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            return text.strip() or None

        raw = cell("text")
        text = normalise_text(raw) if raw else ""
        if not text:
            raise ValueError("no text")
        published, published_from = defaults.published, defaults.published_from
        stamp = cell("published")
        if stamp is not None:
            published, published_from = parse_date(stamp, date_format), "data"
        ident = cell("id")
        extra = tuple(
            (str(key), value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
            for key, value in record.items()
            if key not in self.used and key is not None and value not in (None, "")
        )
        if ident is not None:
            extra = (("id", ident), *extra)
        return Document(
            text=text,
            title=cell("title") or defaults.title,
            outlet=cell("outlet") or defaults.outlet,
            published=published,
            url=cell("url") or defaults.url,
            origin=f"{origin}#{ident}" if ident is not None else f"{origin}#row{number}",
            published_from=published_from if published is not None else None,
            extra=extra,
        )


def _text_stream(path: Path, origin: str) -> io.TextIOWrapper:
    """The file as text: a BOM wins, then UTF-8 if its first megabyte is UTF-8, else the legacy
    encoding ``load`` would choose for that megabyte (cp1252, cp1254, ... by plausibility)."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise LoadError(origin, "no such file or directory") from None
    except OSError as exc:
        raise LoadError(origin, (exc.strerror or str(exc)).lower()) from None
    sample = handle.peek(_SAMPLE)[:_SAMPLE] if isinstance(handle, io.BufferedReader) else b""
    if b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        handle.close()
        raise LoadError(origin, "binary file (not a CSV, TSV or JSON Lines dataset)")
    if sample.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        try:
            codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
            encoding = "utf-8"
        except UnicodeDecodeError:
            try:
                encoding = legacy_encoding(sample, origin)
            except LoadError:
                handle.close()
                raise
    return io.TextIOWrapper(handle, encoding=encoding, errors="strict", newline="")


def _csv_records(
    stream: io.TextIOWrapper, delimiter: str, origin: str
) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    csv.field_size_limit(_MAX_FIELD)
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise LoadError(origin, "empty file") from None
    if not any(name.strip() for name in header):
        raise LoadError(origin, "no header row (the first line names the columns)")

    def rows() -> Iterator[tuple[int, dict[str, Any]]]:
        for number, row in enumerate(reader, start=1):
            if not any(cell.strip() for cell in row):
                continue  # a blank line is not a row
            yield number, dict(zip(header, row, strict=False))

    return header, rows()


def iter_dataset(
    path: str,
    *,
    input_format: str | None = None,
    columns: Mapping[str, str] | None = None,
    date_format: str | None = None,
    defaults: Document | None = None,
) -> Iterator[Document | RowError]:
    """The articles of a dataset file, in order; a ``RowError`` in place of each bad row.

    ``defaults`` carries what the command line says (``--outlet`` ...): it fills fields a row
    leaves empty. Raises ``LoadError`` when the file itself cannot be read as a dataset.
    """
    fmt = dataset_format(path, input_format)
    if fmt not in ("csv", "tsv", "jsonl", "json"):
        raise LoadError(path, "not a dataset (.csv .tsv .jsonl .json)")
    base = defaults or Document(text="")
    mapping = dict(columns or {})
    file = Path(path)
    if file.is_dir():
        raise LoadError(path, "is a directory")
    stream = _text_stream(file, path)
    with stream:
        try:
            if fmt in ("csv", "tsv"):
                header, records = _csv_records(stream, "\t" if fmt == "tsv" else ",", path)
                layout = _Columns(header, mapping, path)
                for number, record in records:
                    yield _row(layout, record, path, number, "row", date_format, base)
            elif fmt == "jsonl":
                yield from _jsonl(stream, path, mapping, date_format, base)
            else:
                yield from _json_array(stream, path, mapping, date_format, base)
        except UnicodeDecodeError as exc:
            raise LoadError(path, f"invalid {stream.encoding} text: {exc.reason}") from None
        except csv.Error as exc:
            raise LoadError(path, f"not a valid CSV file: {exc}") from None


def _row(
    layout: _Columns,
    record: Mapping[str, Any],
    origin: str,
    number: int,
    unit: str,
    date_format: str | None,
    base: Document,
) -> Document | RowError:
    try:
        return layout.document(record, origin, number, date_format, base)
    except ValueError as exc:
        return RowError(origin, number, str(exc), unit)


class _Layouts:
    """JSON records need not share their keys: one ``_Columns`` per distinct set of keys."""

    def __init__(self, mapping: Mapping[str, str], origin: str) -> None:
        self.mapping, self.origin = mapping, origin
        self.known: dict[tuple[str, ...], _Columns | str] = {}

    def row(
        self, record: Any, number: int, unit: str, date_format: str | None, base: Document
    ) -> Document | RowError:
        if not isinstance(record, dict):
            return RowError(self.origin, number, "not a JSON object", unit)
        keys = tuple(str(key) for key in record)
        layout = self.known.get(keys)
        if layout is None:
            try:
                layout = _Columns(list(keys), self.mapping, self.origin)
            except LoadError as exc:
                layout = exc.why  # this record's keys lack a field: an error for the record
            self.known[keys] = layout
        if isinstance(layout, str):
            return RowError(self.origin, number, layout, unit)
        return _row(layout, record, self.origin, number, unit, date_format, base)


def _jsonl(
    stream: io.TextIOWrapper,
    origin: str,
    mapping: Mapping[str, str],
    date_format: str | None,
    base: Document,
) -> Iterator[Document | RowError]:
    layouts = _Layouts(mapping, origin)
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield RowError(origin, number, f"not JSON ({exc.msg})", "line")
            continue
        yield layouts.row(record, number, "line", date_format, base)


def _json_array(
    stream: io.TextIOWrapper,
    origin: str,
    mapping: Mapping[str, str],
    date_format: str | None,
    base: Document,
) -> Iterator[Document | RowError]:
    try:
        data = json.load(stream)
    except json.JSONDecodeError as exc:
        raise LoadError(origin, f"not JSON ({exc.msg}, line {exc.lineno})") from None
    if isinstance(data, dict):  # {"articles": [...]}: the one list of objects it holds
        lists = [v for v in data.values() if isinstance(v, list)]
        data = lists[0] if len(lists) == 1 else None
    if not isinstance(data, list):
        raise LoadError(origin, "a JSON dataset is an array of objects, one per article")
    layouts = _Layouts(mapping, origin)
    for number, record in enumerate(data, start=1):
        yield layouts.row(record, number, "row", date_format, base)
