"""Whole-database backup: every table as JSON Lines, and back into an empty database.

The format (``claimtrack-backup`` version 1), one JSON object per line::

    {"format": "claimtrack-backup", "version": 1, "revision": "0001", "tables": [...]}
    {"table": "article", "row": {"id": 1, "content_hash": "...", "published": "2020-02-15", ...}}
    ...
    {"end": true, "counts": {"article": 12, "claim": 340, ...}}

Tables come in dependency order (``SQLModel.metadata.sorted_tables``: a row's foreign keys point
at rows already written), rows by primary key; dates and datetimes are ISO 8601 strings. The
trailer holds the row counts, so a truncated file is refused instead of half-imported.

Export streams (``yield_per``: a server-side cursor on PostgreSQL), so a large database is never
held in memory; import inserts in batches inside the caller's single transaction, keeps every id,
and on PostgreSQL moves each id sequence past the imported ids so later inserts do not collide.
Both are generic over the metadata: a table added to ``tables.py`` is covered without a change
here. No SQL is built from strings; everything goes through SQLAlchemy Core.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any, TextIO

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Column, Integer, Table, exists, func, insert, select
from sqlalchemy.types import Date, DateTime, TypeDecorator, TypeEngine
from sqlmodel import Session, SQLModel

import claimtrack.store.tables  # noqa: F401  (registers every table on SQLModel.metadata)
from claimtrack.errors import StoreError

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
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
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


def _decoder(column: Column[Any]) -> Any:
    base = _base_type(column)
    if isinstance(base, DateTime):
        return datetime.fromisoformat
    if isinstance(base, Date):
        return date.fromisoformat
    return None


class _Reader:
    """Parses and checks the lines of a backup, one record at a time."""

    def __init__(self, lines: Iterable[str], tables: dict[str, Table]) -> None:
        self.lines = iter(lines)
        self.tables = tables
        self.number = 0
        self.trailer: dict[str, Any] | None = None

    def _records(self) -> Iterator[dict[str, Any]]:
        for line in self.lines:
            self.number += 1
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as error:
                raise StoreError(f"backup line {self.number}: not JSON ({error})") from error
            if not isinstance(record, dict):
                raise StoreError(f"backup line {self.number}: not a JSON object")
            yield record

    def header(self, records: Iterator[dict[str, Any]]) -> dict[str, Any]:
        try:
            first = next(records, None)
        except StoreError as error:
            raise StoreError(f"not a claimtrack backup ({error})") from error
        if first is None or first.get("format") != FORMAT:
            raise StoreError(f"not a claimtrack backup (the first line names no {FORMAT!r} format)")
        if first.get("version") != VERSION:
            raise StoreError(
                f"backup format version {first.get('version')} is not supported "
                f"(this claimtrack reads version {VERSION})"
            )
        return first

    def rows(self, records: Iterator[dict[str, Any]]) -> Iterator[tuple[Table, dict[str, Any]]]:
        for record in records:
            if self.trailer is not None:
                raise StoreError(f"backup line {self.number}: data after the end marker")
            if record.get("end") is True:
                self.trailer = record
                continue
            name, row = record.get("table"), record.get("row")
            table = self.tables.get(name) if isinstance(name, str) else None
            if table is None or not isinstance(row, dict):
                raise StoreError(f"backup line {self.number}: unknown table {name!r}")
            unknown = set(row) - set(table.columns.keys())
            if unknown:
                raise StoreError(
                    f"backup line {self.number}: table {name} has no column {sorted(unknown)[0]!r}"
                )
            yield table, row


def import_all(session: Session, lines: Iterable[str]) -> dict[str, int]:
    """Load a backup written by :func:`export_all` into an empty database, keeping every id.

    Runs inside the caller's transaction: on any error nothing is left behind (the caller rolls
    back). Refuses a database that holds any row, a file of another schema revision, an unknown
    table or column, and a truncated file (the trailer's counts must match what was read).
    """
    tables = {table.name: table for table in backup_tables()}
    reader = _Reader(lines, tables)
    records = reader._records()
    header = reader.header(records)
    current = _revision(session)
    if header.get("revision") != current:
        raise StoreError(
            f"the backup is of schema revision {header.get('revision')}, this database is at "
            f"{current}; import it with the claimtrack version that wrote it, or upgrade that "
            "database first and export it again"
        )
    if not database_is_empty(session):
        raise StoreError(
            "the target database is not empty; import a backup only into a new, empty database "
            "(nothing was changed)"
        )
    connection = session.connection()
    counts = {name: 0 for name in tables}
    decoders = {
        name: {c.name: d for c in table.columns if (d := _decoder(c)) is not None}
        for name, table in tables.items()
    }
    batch: list[dict[str, Any]] = []
    batch_table: Table | None = None

    def flush() -> None:
        if batch_table is not None and batch:
            connection.execute(insert(batch_table), batch)
            counts[batch_table.name] += len(batch)
            batch.clear()

    for table, row in reader.rows(records):
        if table is not batch_table:
            flush()
            batch_table = table
        for column, decode in decoders[table.name].items():
            value = row.get(column)
            if isinstance(value, str):
                try:
                    row[column] = decode(value)
                except ValueError as error:
                    raise StoreError(
                        f"backup line {reader.number}: {table.name}.{column}: {error}"
                    ) from error
        batch.append(row)
        if len(batch) >= BATCH:
            flush()
    flush()
    if reader.trailer is None:
        raise StoreError("the backup is truncated (no end marker); nothing was imported")
    expected = reader.trailer.get("counts", {})
    for name, count in counts.items():
        if expected.get(name, 0) != count:
            raise StoreError(
                f"the backup is damaged: table {name} should hold {expected.get(name, 0)} rows, "
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
