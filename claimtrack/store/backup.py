"""Whole-database backup: every table as JSON Lines, and back into an empty database.

The format (``claimtrack-backup`` version 1), one JSON object per line::

    {"format": "claimtrack-backup", "version": 1, "revision": "0001", "tables": [...]}
    {"table": "article", "row": {"id": 1, "content_hash": "...", "published": "2020-02-15", ...}}
    ...
    {"end": true, "counts": {"article": 12, "claim": 340, ...}}

Tables come in dependency order (``SQLModel.metadata.sorted_tables``: a row's foreign keys point
at rows already written), rows by primary key; dates and datetimes are ISO 8601 strings. The
trailer holds the row counts, so a truncated file is refused instead of half-imported. Every value
is checked against its column before it is inserted (an integer id, not ``"12"``; a string, not a
list; no ``null`` where the column requires a value): SQLite would store most wrong types as they
come, so a hand-edited backup is refused with the line, row and field instead.

Export streams (``yield_per``: a server-side cursor on PostgreSQL), so a large database is never
held in memory; import inserts in batches inside the caller's single transaction, keeps every id,
and on PostgreSQL moves each id sequence past the imported ids so later inserts do not collide.
Both are generic over the metadata: a table added to ``tables.py`` is covered without a change
here. No SQL is built from strings; everything goes through SQLAlchemy Core.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TextIO

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, Table, exists, func, insert, select
from sqlalchemy.types import Boolean, Date, DateTime, Float, String, TypeDecorator, TypeEngine
from sqlmodel import Session, SQLModel

import claimtrack.store.tables  # noqa: F401  (registers every table on SQLModel.metadata)
from claimtrack.errors import StoreError
from claimtrack.export.plain import json_text
from claimtrack.model import AttributionKind, ConflictKind, LinkStatus, SourceKind
from claimtrack.review import ReviewState

FORMAT = "claimtrack-backup"
VERSION = 1
BATCH = 500  # rows per streamed fetch and per INSERT batch


def backup_tables() -> list[Table]:
    """Every claimtrack table, each after the tables its foreign keys point at."""
    return list(SQLModel.metadata.sorted_tables)


def _revision(session: Session) -> str | None:
    return MigrationContext.configure(session.connection()).get_current_revision()


def _base_type(column: Column[Any]) -> TypeEngine[Any]:
    type_: TypeEngine[Any] = column.type
    while isinstance(type_, TypeDecorator):
        type_ = type_.impl_instance
    return type_


def _encode(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def export_all(session: Session, out: TextIO) -> dict[str, int]:
    """Write the whole database to ``out`` as JSON Lines; returns the row count of each table.

    Give it a ``Store.read()`` session: one snapshot for every table, even while others write
    (REPEATABLE READ on PostgreSQL, one deferred read transaction on SQLite).
    """
    tables = backup_tables()
    header = {
        "format": FORMAT,
        "version": VERSION,
        "revision": _revision(session),
        "tables": [table.name for table in tables],
    }
    out.write(json.dumps(header) + "\n")
    counts: dict[str, int] = {}
    connection = session.connection()
    for table in tables:
        query = select(table).order_by(*table.primary_key.columns)
        result = connection.execution_options(yield_per=BATCH).execute(query)
        written = 0
        for row in result.mappings():
            record = {"table": table.name, "row": {k: _encode(v) for k, v in row.items()}}
            out.write(json_text(json.dumps(record, ensure_ascii=False)) + "\n")
            written += 1
        counts[table.name] = written
    out.write(json.dumps({"end": True, "counts": counts}) + "\n")
    return counts


def database_is_empty(session: Session) -> bool:
    connection = session.connection()
    return not any(
        connection.execute(select(exists().select_from(table))).scalar()
        for table in backup_tables()
    )


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _is_str(value: Any) -> bool:
    return isinstance(value, str)


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def _any(_value: Any) -> bool:
    return True


# column type -> what its JSON value must be (said in errors), the check, the decoder
_KINDS: list[tuple[type[TypeEngine[Any]], str, Callable[[Any], bool], Callable[[str], Any] | None]]
_KINDS = [
    (DateTime, "an ISO 8601 date and time", _is_str, datetime.fromisoformat),
    (Date, "an ISO 8601 date (YYYY-MM-DD)", _is_str, date.fromisoformat),
    (Boolean, "true or false", _is_bool, None),
    (Integer, "an integer", _is_int, None),
    (Float, "a number", _is_number, None),
    (String, "a string", _is_str, None),
]


@dataclass(frozen=True)
class _Field:
    """What a backup row may hold in one column, and how its JSON value becomes a Python one."""

    name: str
    expects: str
    accepts: Callable[[Any], bool]
    decode: Callable[[str], Any] | None
    nullable: bool
    required: bool  # must be in the row: NOT NULL and no default on either side


def _field(column: Column[Any]) -> _Field:
    base = _base_type(column)
    expects, accepts, decode = next(
        ((e, a, d) for kind, e, a, d in _KINDS if isinstance(base, kind)), ("a value", _any, None)
    )
    has_default = column.default is not None or column.server_default is not None
    return _Field(
        name=column.name,
        expects=expects,
        accepts=accepts,
        decode=decode,
        nullable=bool(column.nullable),
        required=not column.nullable and not has_default,
    )


def _described(value: Any) -> str:
    """A JSON value as an error message names it: null, a list, the string '12', ..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {shown!r}"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    return "a list" if isinstance(value, list) else "an object"


def _record_name(table: Table, row: dict[str, Any], where: str) -> str:
    key = ", ".join(f"{c.name}={row.get(c.name)!r}" for c in table.primary_key.columns)
    return f"{where}, {table.name} {key}"


def _checked_row(
    table: Table, fields: list[_Field], row: dict[str, Any], where: str
) -> dict[str, Any]:
    """``row`` with dates decoded, or StoreError naming the row and the field that is wrong:
    its type, then what the code accepts there (``_RULES``: enums, ranges, JSON shapes)."""
    record = _record_name(table, row, where)
    for field in fields:
        if field.name not in row:
            if field.required:
                raise StoreError(f"{record}: {field.name} is missing (it must be {field.expects})")
            continue
        value = row[field.name]
        if value is None and field.nullable:
            continue
        try:
            if value is None or not field.accepts(value):
                raise ValueError(value)
            if field.decode is not None:
                row[field.name] = field.decode(value)
        except ValueError:
            raise StoreError(
                f"{record}: {field.name} must be {field.expects}, not {_described(value)}"
            ) from None
        if isinstance(value, float) and not math.isfinite(value):
            raise StoreError(f"{record}: {field.name} must be a finite number, not {value!r}")
    for column, rule in _RULES.get(table.name, {}).items():
        value = row.get(column)
        if value is not None and not rule.accepts(value):
            raise StoreError(f"{record}: {column} must be {rule.expects}, not {_described(value)}")
    return row


@dataclass(frozen=True)
class _Rule:
    """What the code accepts in a column beyond its type: an enum, a range, a JSON shape."""

    expects: str
    accepts: Callable[[Any], bool]


def _one_of(*values: str) -> _Rule:
    return _Rule(f"one of {', '.join(values)}", lambda v: v in values)


def _between(low: float, high: float) -> _Rule:
    return _Rule(f"a number from {low:g} to {high:g}", lambda v: low <= v <= high)


def _json(shape: type[list[Any]] | type[dict[str, Any]], item: type | None = None) -> _Rule:
    what = "a JSON list" if shape is list else "a JSON object"
    if item is not None:
        what += f" of {'strings' if item is str else 'integers'}"

    def accepts(value: Any) -> bool:
        try:
            loaded: Any = json.loads(value)
        except (TypeError, ValueError):
            return False
        if not isinstance(loaded, shape):
            return False
        if item is int:
            return all(isinstance(v, int) and not isinstance(v, bool) for v in loaded)
        return item is None or all(isinstance(v, item) for v in loaded)

    return _Rule(what, accepts)


_NATURAL = _Rule("an integer >= 0", lambda v: v >= 0)
_STATES = _one_of(*(s.value for s in ReviewState))
_SCORE = _between(0, 100)
_RULES: dict[str, dict[str, _Rule]] = {
    "article": {
        "published_from": _one_of("data", "page", "option", "dateline"),
        "extra": _json(dict),
    },
    "source": {
        "kind": _one_of(*(k.value for k in SourceKind)),
        "reliability": _between(0, 1),
        "tags": _json(list, str),
    },
    "claim": {
        "kind": _one_of(*(k.value for k in AttributionKind)),
        "seq": _NATURAL,
        "paragraph": _NATURAL,
        "start": _NATURAL,
        "end": _NATURAL,
        "mention_start": _NATURAL,
        "mention_end": _NATURAL,
        "frame": _json(dict),
    },
    "link": {
        "status": _one_of(*(s.value for s in LinkStatus), "confirmed", "rejected"),
        "score": _SCORE,
    },
    "conflict": {
        "kind": _one_of(*(k.value for k in ConflictKind)),
        "status": _STATES,
        "severity": _between(0, 1),
        "score": _SCORE,
        "values": _json(list),
        "version": _Rule("an integer >= 1", lambda v: v >= 1),
    },
    "conflict_claim": {"position": _NATURAL},
    "corroboration": {"score": _SCORE, "claim_ids": _json(list, int)},
    "review_event": {"old_status": _STATES, "new_status": _STATES},
    "source_history": {"field_name": _one_of("reliability", "tags", "affiliation", "owner")},
    "claim_annotation": {"tags": _json(list, str)},
}


class _Texts:
    """Article texts for the claim checks, read back from the rows already imported (a few
    articles at a time: claims come in article order, so memory stays small)."""

    SPAN = 64

    def __init__(self, session: Session) -> None:
        self.session = session
        self.texts: dict[int, str] = {}

    def get(self, article_id: int) -> str | None:
        if article_id not in self.texts:
            table = SQLModel.metadata.tables["article"]
            query = (
                select(table.c.id, table.c.text)
                .where(table.c.id >= article_id)
                .order_by(table.c.id)
                .limit(self.SPAN)
            )
            self.texts = {i: t for i, t in self.session.connection().execute(query)}
        return self.texts.get(article_id)


def _check_claim(row: dict[str, Any], texts: _Texts, record: str) -> None:
    """0 <= start <= end <= len(article text), the text is that slice; mentions inside it."""
    text = texts.get(row["article_id"])
    if text is None:
        raise StoreError(f"{record}: article_id {row['article_id']} is not in the backup before it")
    start, end = row["start"], row["end"]
    if not start <= end <= len(text):
        raise StoreError(
            f"{record}: start {start} and end {end} must satisfy 0 <= start <= end <= "
            f"{len(text)} (the length of article {row['article_id']})"
        )
    if text[start:end] != row["text"]:
        raise StoreError(
            f"{record}: text is not the article's text from {start} to {end} "
            f"(the article has {text[start:end][:40]!r} there)"
        )
    m_start, m_end = row.get("mention_start"), row.get("mention_end")
    if m_start is not None and m_end is not None and not m_start <= m_end <= len(text):
        raise StoreError(
            f"{record}: mention_start {m_start} and mention_end {m_end} must satisfy "
            f"mention_start <= mention_end <= {len(text)}"
        )


def _check_pair(row: dict[str, Any], record: str) -> None:
    if row["claim_a"] >= row["claim_b"]:
        raise StoreError(f"{record}: claim_a must be less than claim_b")


class _Reader:
    """Parses and checks the lines of a backup, one record at a time."""

    def __init__(self, lines: Iterable[str], tables: dict[str, Table], origin: str) -> None:
        self.lines = iter(lines)
        self.tables = tables
        self.origin = origin
        self.number = 0
        self.trailer: dict[str, Any] | None = None

    @property
    def where(self) -> str:
        return f"{self.origin}: line {self.number}"

    def _records(self) -> Iterator[dict[str, Any]]:
        for line in self.lines:
            self.number += 1
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as error:
                raise StoreError(f"{self.where}: not JSON ({error})") from error
            if not isinstance(record, dict):
                raise StoreError(f"{self.where}: not a JSON object")
            yield record

    def header(self, records: Iterator[dict[str, Any]]) -> dict[str, Any]:
        try:
            first = next(records, None)
        except StoreError as error:
            why = str(error).removeprefix(f"{self.origin}: ")
            raise StoreError(f"{self.origin}: not a claimtrack backup ({why})") from error
        if first is None or first.get("format") != FORMAT:
            raise StoreError(
                f"{self.origin}: not a claimtrack backup "
                f"(the first line names no {FORMAT!r} format)"
            )
        if first.get("version") != VERSION:
            raise StoreError(
                f"{self.origin}: backup format version {first.get('version')} is not supported "
                f"(this claimtrack reads version {VERSION})"
            )
        return first

    def rows(self, records: Iterator[dict[str, Any]]) -> Iterator[tuple[Table, dict[str, Any]]]:
        for record in records:
            if self.trailer is not None:
                raise StoreError(f"{self.where}: data after the end marker")
            if record.get("end") is True:
                self.trailer = record
                continue
            name, row = record.get("table"), record.get("row")
            table = self.tables.get(name) if isinstance(name, str) else None
            if table is None or not isinstance(row, dict):
                raise StoreError(f"{self.where}: unknown table {name!r}")
            unknown = set(row) - set(table.columns.keys())
            if unknown:
                raise StoreError(f"{self.where}: table {name} has no column {sorted(unknown)[0]!r}")
            yield table, row


def import_all(session: Session, lines: Iterable[str], *, origin: str = "backup") -> dict[str, int]:
    """Load a backup written by :func:`export_all` into an empty database, keeping every id.

    Runs inside the caller's transaction: on any error nothing is left behind (the caller rolls
    back). Refuses a database that holds any row, a file of another schema revision, an unknown
    table or column, a value of the wrong type or a null where a value is required, and a
    truncated file (the trailer's counts must match what was read). Errors about the file start
    with ``origin`` (its path), then the line, the row and the field.
    """
    tables = {table.name: table for table in backup_tables()}
    reader = _Reader(lines, tables, origin)
    records = reader._records()
    header = reader.header(records)
    current = _revision(session)
    if header.get("revision") != current:
        raise StoreError(
            f"{origin}: the backup is of schema revision {header.get('revision')}, this database "
            f"is at {current}; import it with the claimtrack version that wrote it, or upgrade "
            "that database first and export it again"
        )
    if not database_is_empty(session):
        raise StoreError(
            "the target database is not empty; import a backup only into a new, empty database "
            "(nothing was changed)"
        )
    connection = session.connection()
    counts = {name: 0 for name in tables}
    fields = {name: [_field(column) for column in table.columns] for name, table in tables.items()}
    batch: list[dict[str, Any]] = []
    batch_table: Table | None = None

    def flush() -> None:
        if batch_table is not None and batch:
            connection.execute(insert(batch_table), batch)
            counts[batch_table.name] += len(batch)
            batch.clear()

    texts = _Texts(session)
    for table, row in reader.rows(records):
        if table is not batch_table:
            flush()
            batch_table = table
        checked = _checked_row(table, fields[table.name], row, reader.where)
        if table.name == "claim":
            _check_claim(checked, texts, _record_name(table, checked, reader.where))
        elif table.name == "link":
            _check_pair(checked, _record_name(table, checked, reader.where))
        batch.append(checked)
        if len(batch) >= BATCH:
            flush()
    flush()
    if reader.trailer is None:
        raise StoreError(f"{origin}: the backup is truncated (no end marker); nothing was imported")
    expected = reader.trailer.get("counts", {})
    for name, count in counts.items():
        if expected.get(name, 0) != count:
            raise StoreError(
                f"{origin}: the backup is damaged: table {name} should hold "
                f"{expected.get(name, 0)} rows, "
                f"the file holds {count}; nothing was imported"
            )
    _reset_sequences(session)
    return counts


def _reset_sequences(session: Session) -> None:
    """PostgreSQL: move each id sequence past the largest imported id.

    SQLite needs nothing: an INTEGER PRIMARY KEY without AUTOINCREMENT takes max(id) + 1.
    """
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        return
    for table in backup_tables():
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(_base_type(key[0]), Integer):
            continue
        column = key[0]
        sequence = func.pg_get_serial_sequence(table.name, column.name)
        next_id = select(func.coalesce(func.max(column), 0) + 1).scalar_subquery()
        # setval(seq, max + 1, false): the next nextval() returns max + 1 (1 on an empty table)
        connection.execute(
            select(func.setval(sequence, next_id, False)).where(sequence.is_not(None))
        )
