"""Opening a database: URL resolution, SQLite pragmas, safety checks and Alembic migrations.

- ``--db`` takes a file path or an SQLAlchemy URL; ``CLAIMTRACK_DB`` sets the default; otherwise
  ``./claimtrack.db``.
- SQLite runs in WAL mode with a busy timeout, and write transactions start with
  ``BEGIN IMMEDIATE`` so two writers queue on the lock instead of failing half-way; on
  PostgreSQL ``Store.write`` takes a transaction-level advisory lock for the same effect.
- A file that is not an SQLite database, or an SQLite database that is not claimtrack's, is refused
  and never modified.
- ``open_store(db, create=False)`` (what read-only commands use) refuses an SQLite file that does
  not exist yet, or is empty, instead of creating it: a mistyped ``--db`` leaves no empty database
  and ``.lock`` file behind. A server database (PostgreSQL) is never created by claimtrack anyway.
  An SQLite file it cannot write (read-only file, directory or file system) it opens read-only
  (``mode=ro``: no lock file, no WAL switch, no migration), so it can still be read and backed
  up; ``Store.write`` on it is an error, and so is a schema older than the code.
- The schema is created and upgraded by the Alembic migrations in ``db/`` (shipped in the wheel as
  ``claimtrack/_db``): automatically on open, for SQLite files and servers alike. Concurrent
  openers serialise the upgrade (a file lock on SQLite, an advisory lock on PostgreSQL).
"""

from __future__ import annotations

import fcntl
import os
import random
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlmodel import Session

from claimtrack.errors import StoreError

DEFAULT_DB = "claimtrack.db"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000
_PG_MIGRATION_LOCK = 7_220_415  # pg_advisory_lock key for schema upgrades
_PG_WRITE_LOCK = 7_220_416  # pg_advisory_xact_lock key every write transaction takes
_PG_WRITE_LOCK_SQL = text("SELECT pg_advisory_xact_lock(:k)")
# deadlock, serialisation failure, unique violation (a racing writer)
RETRY_SQLSTATES = frozenset({"40P01", "40001", "23505"})
READ_ONLY = "claimtrack_read_only"  # execution option marking a read-only session

T = TypeVar("T")


def resolve_url(db: str | None = None) -> str:
    """``--db`` value (or ``CLAIMTRACK_DB``, or ``./claimtrack.db``) -> SQLAlchemy URL."""
    value = db if db is not None else os.environ.get("CLAIMTRACK_DB") or DEFAULT_DB
    if not value.strip():
        raise StoreError("the database is empty: give --db a file path or an SQLAlchemy URL")
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def migrations_dir() -> Path:
    """Where the Alembic environment lives: inside the wheel, or ``db/`` in a source checkout."""
    packaged = Path(__file__).resolve().parent.parent / "_db"
    if (packaged / "env.py").exists():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / "db"
    if (checkout / "env.py").exists():
        return checkout
    raise StoreError("the database migrations are missing from this installation")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


@dataclass
class Store:
    """An open claimtrack database. All SQL lives in ``claimtrack.store``."""

    url: str
    engine: Engine
    read_only: bool = False  # opened with mode=ro: the file could not be written here

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on any error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only session: on SQLite a deferred transaction (a WAL snapshot), so reading
        never waits for a writer nor holds writers up; on PostgreSQL REPEATABLE READ, so every
        query of the session sees the same snapshot. Nothing it does is committed."""
        options: dict[str, Any] = {READ_ONLY: True}
        if self.engine.dialect.name == "postgresql":
            options["isolation_level"] = "REPEATABLE READ"
        with Session(self.engine, expire_on_commit=False) as session:
            session.connection(execution_options=options)
            try:
                yield session
            finally:
                session.rollback()

    def write(self, work: Callable[[Session], T], attempts: int = 8) -> T:
        """Run ``work`` in one write transaction, retrying with backoff when it collides.

        Writers serialise per database: on SQLite ``BEGIN IMMEDIATE`` takes the write lock, on
        PostgreSQL the transaction starts with ``pg_advisory_xact_lock`` (released at commit or
        rollback), so matching always reads every claim committed before it and two writers
        never flag the same conflict at once. Retried: "locked"/"busy", and on PostgreSQL
        deadlocks (40P01), serialisation failures (40001) and unique violations (23505, a
        writer that raced one outside this lock), each in a new transaction.
        """
        if self.read_only:
            raise StoreError(f"{self.where}: the database is read-only here; nothing was changed")
        delay = 0.05
        for attempt in range(attempts):
            try:
                with self.session() as session:
                    if self.engine.dialect.name == "postgresql":
                        session.execute(_PG_WRITE_LOCK_SQL, {"k": _PG_WRITE_LOCK})
                    return work(session)
            except DBAPIError as error:
                if not _is_retryable(error) or attempt == attempts - 1:
                    raise
                time.sleep(delay * (1 + random.random()))  # jitter: racing writers part ways
                delay = min(delay * 2, 2.0)
        raise AssertionError("unreachable")

    @property
    def where(self) -> str:
        """The database as error messages name it (a path, or a URL without its password)."""
        path = _sqlite_path(self.url) if self.url.startswith("sqlite") else None
        if path is not None:
            return str(path)
        return make_url(self.url).render_as_string(hide_password=True)

    def current_revision(self) -> str | None:
        with self.engine.connect() as connection:
            connection = connection.execution_options(**{READ_ONLY: True})
            return MigrationContext.configure(connection).get_current_revision()

    def upgrade(self) -> None:
        """Bring the schema to the newest migration (idempotent, safe with concurrent callers)."""
        with self.engine.begin() as connection:
            if self.engine.dialect.name == "postgresql":
                lock = text("SELECT pg_advisory_xact_lock(:k)")
                connection.execute(lock, {"k": _PG_MIGRATION_LOCK})
            command.upgrade(alembic_config(connection), "head")

    def close(self) -> None:
        self.engine.dispose()


def _is_lock_error(error: DBAPIError) -> bool:
    message = str(error.orig).lower()
    return "locked" in message or "busy" in message


def _is_retryable(error: DBAPIError) -> bool:
    """A collision with another writer that a new transaction resolves (not a lost connection,
    not a wrong value)."""
    if error.connection_invalidated:
        return False
    if getattr(error.orig, "sqlstate", None) in RETRY_SQLSTATES:
        return True
    return isinstance(error, OperationalError) and _is_lock_error(error)


def database_files(db: str | None) -> list[Path]:
    """The files an SQLite database named by ``db`` lives in (the database, its ``-wal``,
    ``-shm`` and ``-journal`` files and claimtrack's ``.lock``), whether they exist or not;
    nothing for a server database or an in-memory one. Output must never be written there."""
    try:
        url = resolve_url(db)
        if make_url(url).get_backend_name() != "sqlite":
            return []
    except (ArgumentError, StoreError):
        return []
    path = _sqlite_path(url)
    if path is None:
        return []
    path = path.resolve()
    suffixes = ("", "-wal", "-shm", "-journal")
    return [path.with_name(path.name + s) for s in suffixes] + [path.with_name(path.name + ".lock")]


def _sqlite_path(url: str) -> Path | None:
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database)


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not an SQLite database before SQLite gets to touch it."""
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a database file")
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise StoreError(f"{path}: cannot read the database ({error.strerror})") from error
    if header != SQLITE_MAGIC:
        raise StoreError(f"{path}: not an SQLite database (refusing to touch it)")


def _check_sqlite_schema(path: Path) -> None:
    """Read-only look at an existing SQLite file: empty, or claimtrack's own, or refused.

    It opens the file with ``mode=ro`` so that a foreign database is never switched to WAL or
    otherwise written to.
    """
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        connection = sqlite3.connect(_read_only_uri(path), uri=True)
        try:
            rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = {name for (name,) in rows}
            revision = None
            if "alembic_version" in tables:
                found = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = found[0] if found else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: not a usable SQLite database ({error})") from error
    if tables and "alembic_version" not in tables:
        raise StoreError(f"{path}: not a claimtrack database (refusing to touch it)")
    _check_revision_known(revision, str(path))


def _check_revision_known(revision: str | None, where: str) -> None:
    if revision is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    try:
        known = script.get_revision(revision) is not None
    except CommandError:  # alembic's answer for a revision id it does not know
        known = False
    if not known:
        raise StoreError(
            f"{where}: database revision {revision} is unknown to this claimtrack "
            "(it was written by a newer version; upgrade claimtrack)"
        )


def _check_claimtrack_schema(engine: Engine, where: str) -> None:
    """An existing database must be empty or claimtrack's own (it has our alembic_version)."""
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            if not tables:
                return
            if "alembic_version" not in tables:
                raise StoreError(f"{where}: not a claimtrack database (refusing to touch it)")
            revision = MigrationContext.configure(connection).get_current_revision()
    except DBAPIError as error:
        raise StoreError(f"{where}: cannot open the database ({_first_line(error)})") from error
    _check_revision_known(revision, where)


def _first_line(error: BaseException) -> str:
    orig = getattr(error, "orig", None)
    return str(orig or error).strip().splitlines()[0] if str(orig or error).strip() else "error"


def _configure_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout = 30000")  # = BUSY_TIMEOUT_MS
        if read_only:
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        # Writers take the lock up front (two writers queue instead of one failing half-way);
        # readers (Store.read) take a snapshot and never block anyone.
        reading = read_only or connection.get_execution_options().get(READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if reading else "BEGIN IMMEDIATE")


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    """Serialise schema checks and upgrades between processes opening the same SQLite file."""
    lock_path = path.with_name(path.name + ".lock")
    try:
        handle = lock_path.open("a")
    except OSError as error:
        raise StoreError(f"{path}: cannot open the database ({error.strerror})") from error
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def open_store(db: str | None = None, *, upgrade: bool = True, create: bool = True) -> Store:
    """Open (creating and migrating when needed) the database named by ``db``.

    With ``create=False`` an SQLite file that does not exist (or is empty) is an error and nothing
    is written to disk; server databases are unaffected.
    """
    url = resolve_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise StoreError(f"{db}: not a database path or SQLAlchemy URL") from error
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _open_sqlite(url, upgrade=upgrade, create=create)
    if backend == "postgresql":
        return _open_server(url, upgrade=upgrade)
    where = parsed.render_as_string(hide_password=True)
    raise StoreError(f"{where}: unsupported database (use SQLite or PostgreSQL)")


def _cannot_write(path: Path) -> bool:
    """True when this process could not write the database file or the files SQLite and
    claimtrack put beside it (``-wal``, ``-shm``, ``.lock``): a read-only file, directory or
    file system."""
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return True
    companions = [path.with_name(path.name + s) for s in ("-wal", "-shm", ".lock")]
    return any(p.exists() and not os.access(p, os.W_OK) for p in companions)


def _read_only_uri(path: Path) -> str:
    """``mode=ro``; ``immutable=1`` where SQLite could not create the ``-shm`` file a WAL reader
    needs (a read-only directory) and no ``-wal`` holds pages not yet in the file."""
    wal = path.with_name(path.name + "-wal")
    pending = wal.exists() and wal.stat().st_size > 0
    immutable = not pending and not os.access(path.parent, os.W_OK)
    return f"{path.as_uri()}?{'immutable=1' if immutable else 'mode=ro'}"


def _open_sqlite_read_only(url: str, path: Path, *, upgrade: bool) -> Store:
    """Open a database this process cannot write: ``mode=ro``, no lock file, no WAL switch, no
    migration; a schema older than this claimtrack is an error (it cannot be upgraded here).
    Where even the ``-shm`` file cannot be made and no ``-wal`` holds pending pages, the file is
    opened ``immutable`` (nothing can be writing it)."""
    uri = _read_only_uri(path)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )

    engine = create_engine("sqlite://", creator=connect)
    _configure_sqlite(engine, read_only=True)
    store = Store(url=url, engine=engine, read_only=True)

    def check() -> None:
        _check_sqlite_schema(path)
        revision, head = store.current_revision(), head_revision()
        if upgrade and revision != head:  # upgrade=False: the caller only looks (db current)
            raise StoreError(
                f"{path}: the database is at schema revision {revision or 'none'}, older than "
                f"this claimtrack's {head}, and it is read-only here so it cannot be upgraded; "
                "run 'claimtrack db upgrade' where it can be written"
            )

    return _prepare(store, str(path), check, upgrade=False)


def _open_sqlite(url: str, *, upgrade: bool, create: bool) -> Store:
    path = _sqlite_path(url)
    if path is not None:
        _check_sqlite_file(path)
        if not create and (not path.exists() or path.stat().st_size == 0):
            why = "no claimtrack database there (run 'claimtrack ingest' first)"
            raise StoreError(f"{path}: {why}")
        if not path.parent.exists():
            raise StoreError(f"{path}: directory {path.parent} does not exist")
        if not create and _cannot_write(path):
            return _open_sqlite_read_only(url, path, upgrade=upgrade)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    _configure_sqlite(engine)
    store = Store(url=url, engine=engine)
    if path is None:  # in-memory or URI database: nothing on disk to check or lock
        return _prepare(store, url, lambda: _check_claimtrack_schema(engine, url), upgrade)
    with _file_lock(path):
        return _prepare(store, str(path), lambda: _check_sqlite_schema(path), upgrade)


def _prepare(store: Store, where: str, check: Callable[[], None], upgrade: bool) -> Store:
    """Check that ``store`` is claimtrack's (or empty) and migrate it; dispose of it on failure."""
    try:
        check()
        if upgrade and store.current_revision() != head_revision():
            store.upgrade()
    except StoreError:
        store.close()
        raise
    except DBAPIError as error:
        store.close()
        raise StoreError(f"{where}: cannot open the database ({_first_line(error)})") from error
    return store


def _open_server(url: str, *, upgrade: bool) -> Store:
    parsed = make_url(url)
    where = parsed.render_as_string(hide_password=True)
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as error:
        raise StoreError(
            f"{where}: the PostgreSQL driver is not installed; "
            "install it with: pip install 'claimtrack[postgres]'"
        ) from error
    store = Store(url=url, engine=engine)
    return _prepare(store, where, lambda: _check_claimtrack_schema(engine, where), upgrade)
