"""Articles, claims and the sources they name: writing an analysed article, and reading back."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, func
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, SQLModel, col, select

from claimtrack import model
from claimtrack.store import tables


def content_hash(text: str) -> str:
    """Identity of an article: the SHA-256 of its normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def alias_key(alias: str) -> str:
    """Database key of an alias: case, diacritics and spacing folded ("Çavuşoğlu" = "cavusoglu")."""
    decomposed = unicodedata.normalize("NFKD", alias.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.replace("ı", "i").split())


# claims per INSERT statement: 16 parameters each, within the 999 a SQLite before 3.32 allows
CLAIM_BATCH = 60
_CLAIM_COLUMNS = (
    "article_id",
    "seq",
    "start",
    "end",
    "paragraph",
    "text",
    "source_id",
    "source_mention",
    "mention_start",
    "mention_end",
    "cue",
    "kind",
    "via",
    "rule",
    "descriptor",
    "frame",
)


@dataclass(frozen=True)
class SavedArticle:
    article_id: int
    created: bool  # False when the same text was already stored
    claims: int
    claim_ids: tuple[int, ...] = ()  # of a created article, in claim order


def find_article_by_hash(session: Session, digest: str) -> int | None:
    return session.exec(
        select(tables.Article.id).where(tables.Article.content_hash == digest)
    ).first()


_ARTICLE_TABLE: Any = tables.Article.__table__  # type: ignore[attr-defined]
_CLAIM_TABLE: Any = tables.Claim.__table__  # type: ignore[attr-defined]
_SOURCE_TABLE: Any = tables.Source.__table__  # type: ignore[attr-defined]
_ALIAS_TABLE: Any = tables.SourceAlias.__table__  # type: ignore[attr-defined]


def save_analysis(
    session: Session,
    analysis: model.Analysis,
    now: datetime,
    *,
    frames: Sequence[str] | None = None,
    source_ids: dict[str, int] | None = None,
) -> SavedArticle:
    """Store an analysed article with its claims and sources, inside the caller's transaction.

    Idempotent: an article whose text is already stored is not stored again (``INSERT ... ON
    CONFLICT (content_hash) DO NOTHING``: two processes racing on the same text are settled by
    the unique constraint, the loser finds the winner's row). ``frames``: the claims' frame JSON,
    one per claim, stored with them (else ``"{}"``: not matched yet). ``source_ids``: source
    name -> id known to be stored in this transaction, consulted and completed (a writer's cache).
    """
    doc = analysis.document
    digest = content_hash(doc.text)
    connection = session.connection()
    article_id = connection.execute(
        _insert_article(connection.dialect.name),
        {
            "content_hash": digest,
            "text": doc.text,
            "title": doc.title,
            "outlet": doc.outlet,
            "published": doc.published,
            "url": doc.url,
            "origin": doc.origin,
            "ingested_at": now,
            "published_from": doc.published_from if doc.published is not None else None,
            "author": doc.author,
            "extra": json.dumps(dict(doc.extra), ensure_ascii=False, sort_keys=True),
        },
    ).scalar_one_or_none()
    if article_id is None:
        existing = find_article_by_hash(session, digest)
        if existing is None:
            raise AssertionError("an article vanished while being stored")
        return SavedArticle(existing, created=False, claims=0)
    known = {source.name: source for source in analysis.sources}
    named: dict[str, model.Source] = {}
    for claim in analysis.claims:
        attribution = claim.attribution
        if attribution.source is not None and attribution.source not in named:
            named[attribution.source] = known.get(attribution.source) or model.Source(
                name=attribution.source,
                kind=attribution.source_kind or model.SourceKind.OTHER,
            )
    ids = ensure_sources(session, list(named.values()), now, known=source_ids)
    if frames is not None and len(frames) != len(analysis.claims):
        raise ValueError("one frame per claim")
    rows: list[tuple[Any, ...]] = []
    for seq, claim in enumerate(analysis.claims):
        attribution = claim.attribution
        rows.append(
            (
                article_id,
                seq,
                claim.start,
                claim.end,
                claim.paragraph,
                claim.text,
                ids[attribution.source] if attribution.source is not None else None,
                attribution.mention,
                attribution.mention_start,
                attribution.mention_end,
                attribution.cue,
                attribution.kind.value,
                attribution.via,
                attribution.rule,
                attribution.descriptor,
                frames[seq] if frames is not None else "{}",
            )
        )
    # One multi-row INSERT ... RETURNING per batch of rows, as the driver takes it (no ORM
    # object, no per-row SQLAlchemy parameter processing: every value is a plain int, str or
    # None), returning (seq, id) pairs, so the order the rows come back in does not matter.
    claim_ids: dict[int, int] = {}
    for first in range(0, len(rows), CLAIM_BATCH):
        batch = rows[first : first + CLAIM_BATCH]
        sql = values_sql(connection, "claim", _CLAIM_COLUMNS, len(batch)) + " RETURNING seq, id"
        flat = [value for row in batch for value in row]
        claim_ids.update(connection.exec_driver_sql(sql, tuple(flat)).all())
    return SavedArticle(
        int(article_id),
        created=True,
        claims=len(analysis.claims),
        claim_ids=tuple(claim_ids[seq] for seq in range(len(rows))),
    )


def ensure_sources(
    session: Session,
    sources: Sequence[model.Source],
    now: datetime,
    *,
    known: dict[str, int] | None = None,
) -> dict[str, int]:
    """Ids of the sources by name, creating (with their aliases) those not stored yet.

    One indexed query for the sources that exist (none when ``known``, a name -> id map valid
    for this transaction, holds them all; it is completed), one INSERT for the new ones and one
    for their aliases (later aliases come from users with ``sources alias``).
    """
    ids: dict[str, int] = {}
    cached = known if known is not None else {}
    ask = [source.name for source in sources if source.name not in cached]
    if ask:
        found = session.execute(_sources_by_name(), {"names": ask}).all()
        ids.update((name, source_id) for name, source_id in found if source_id is not None)
    for source in sources:
        if source.name in cached:
            ids[source.name] = cached[source.name]
    missing = list({s.name: s for s in sources if s.name not in ids}.values())
    if missing:
        ids.update(_create_sources(session, missing, now))
    if known is not None:
        known.update(ids)
    return ids


@lru_cache(maxsize=1)
def _sources_by_name() -> Any:
    """(name, id) of the sources named ``names``, built once (an expanding parameter)."""
    return select(tables.Source.name, tables.Source.id).where(
        col(tables.Source.name).in_(bindparam("names", expanding=True))
    )


def ensure_source(session: Session, source: model.Source, now: datetime) -> int:
    """The id of the source named ``source.name``, creating it when new."""
    return ensure_sources(session, [source], now)[source.name]


def _create_sources(
    session: Session, sources: Sequence[model.Source], now: datetime
) -> dict[str, int]:
    """Insert new sources (ids in the given order) and their aliases; ids by name."""
    rows = [
        {
            "name": source.name,
            "kind": source.kind.value,
            "is_person": source.is_person,
            "country": source.country,
            "descriptor": "; ".join(source.descriptors) or None,
            "tags": "[]",
            "created_at": now,
        }
        for source in sources
    ]
    # ON CONFLICT DO NOTHING: when another writer created the same source first (PostgreSQL
    # lets two transactions race here), its row wins and we take its id.
    connection = session.connection()
    created = dict(connection.execute(_insert_sources(connection.dialect.name), rows).all())
    ids = {str(name): int(source_id) for name, source_id in created.items()}
    for source in sources:
        if source.name not in ids:
            existing = session.exec(
                select(tables.Source.id).where(tables.Source.name == source.name)
            ).first()
            if existing is None:
                raise AssertionError(f"source {source.name!r} vanished while being created")
            ids[source.name] = existing
    aliases = [
        {"source_id": ids[source.name], "alias": alias, "alias_key": alias_key(alias)}
        for source in sources
        if source.name in created
        for alias in _unique_aliases((source.name, *source.aliases))
    ]
    if aliases:  # in order: of two sources claiming one alias key, the first keeps it
        session.connection().execute(
            insert_or_ignore(session, _ALIAS_TABLE, ["alias_key"]), aliases
        )
    return ids


@lru_cache(maxsize=4)
def _insert_sources(dialect: str) -> Any:
    table = _SOURCE_TABLE
    return _insert_or_ignore(dialect, table, ("name",)).returning(table.c.name, table.c.id)


def _unique_aliases(aliases: Sequence[str]) -> list[str]:
    seen: dict[str, str] = {}
    for alias in aliases:
        seen.setdefault(alias_key(alias), alias)
    return [alias for key, alias in seen.items() if key]


def add_alias(session: Session, source_id: int, alias: str) -> bool:
    """Record ``alias`` for a source unless the alias key already belongs to some source."""
    key = alias_key(alias)
    if not key:
        return False
    session.execute(
        insert_or_ignore(session, tables.SourceAlias, ["alias_key"]).values(
            source_id=source_id, alias=alias, alias_key=key
        )
    )
    owner = session.exec(
        select(tables.SourceAlias.source_id).where(tables.SourceAlias.alias_key == key)
    ).first()
    return owner == source_id


def insert_or_ignore(session: Session, table: type[SQLModel] | Any, keys: list[str]) -> Any:
    """INSERT ... ON CONFLICT (keys) DO NOTHING, on SQLite and PostgreSQL alike."""
    return _insert_or_ignore(session.get_bind().dialect.name, table, tuple(keys))


@lru_cache(maxsize=32)
def _insert_or_ignore(dialect: str, table: Any, keys: tuple[str, ...]) -> Any:
    """Built once per dialect, table and keys (callers add values and RETURNING generatively,
    which copies: the cached statement itself never changes)."""
    if dialect == "postgresql":
        return postgresql_insert(table).on_conflict_do_nothing(index_elements=list(keys))
    return sqlite_insert(table).on_conflict_do_nothing(index_elements=list(keys))


@lru_cache(maxsize=4)
def _insert_article(dialect: str) -> Any:
    """INSERT ... ON CONFLICT (content_hash) DO NOTHING RETURNING id, built once per dialect
    (values are bound per execution: the statement and its compiled form are reused)."""
    table = _ARTICLE_TABLE
    return _insert_or_ignore(dialect, table, ("content_hash",)).returning(table.c.id)


def _placeholder(connection: Any) -> str:
    return "?" if connection.dialect.paramstyle == "qmark" else "%s"


@lru_cache(maxsize=256)
def _values_sql(table: str, columns: tuple[str, ...], rows: int, mark: str) -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    one = "(" + ", ".join([mark] * len(columns)) + ")"
    return f'INSERT INTO "{table}" ({names}) VALUES ' + ", ".join([one] * rows)


def values_sql(connection: Any, table: str, columns: Sequence[str], rows: int = 1) -> str:
    """``INSERT INTO table (columns) VALUES (...)`` with ``rows`` rows of positional
    placeholders in the driver's own style (SQLite ``?``, psycopg ``%s``), for
    ``exec_driver_sql``: the writer's hot inserts skip SQLAlchemy's statement compilation and
    per-row parameter processing. Only for values the driver stores as SQLAlchemy would
    (ints, floats, str, None; see ``bound`` for the others)."""
    return _values_sql(table, tuple(columns), rows, _placeholder(connection))


def insert_rows(
    connection: Any, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """The driver's ``executemany`` of one-row INSERTs (see ``values_sql``)."""
    if rows:
        connection.exec_driver_sql(values_sql(connection, table, columns), list(rows))


def bound(connection: Any, column: Any, value: Any) -> Any:
    """``value`` as SQLAlchemy would hand it to the driver for ``column`` (on SQLite a datetime
    becomes its text form), for the raw inserts of ``insert_rows``."""
    dialect = connection.dialect
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    return process(value) if process is not None else value


def article_rows(session: Session, *, ids: Sequence[int] | None = None) -> list[dict[str, Any]]:
    """Stored articles with their claim counts, oldest first.

    ``published`` is null when unknown (never the ingest date); ``published_from`` says where
    a known one came from (data, page, option, dateline); ``extra`` holds a dataset row's other
    columns; ``incident`` is the article's lead incident.
    """
    counts = (
        select(tables.Claim.article_id, func.count().label("n"))
        .group_by(col(tables.Claim.article_id))
        .subquery()
    )
    query = (
        select(tables.Article, counts.c.n)
        .join(counts, counts.c.article_id == tables.Article.id, isouter=True)
        .order_by(col(tables.Article.id))
    )
    if ids is not None:
        query = query.where(col(tables.Article.id).in_(list(ids)))
    return [
        {
            "id": article.id,
            "title": article.title,
            "outlet": article.outlet,
            "published": _iso(article.published),
            "published_from": article.published_from,
            "url": article.url,
            "author": article.author,
            "origin": article.origin,
            "claims": n or 0,
            "incident": article.incident_id,
            "extra": json.loads(article.extra or "{}"),
            "ingested_at": article.ingested_at.isoformat(),
        }
        for article, n in session.exec(query)
    ]


def claim_rows(
    session: Session,
    *,
    article_id: int | None = None,
    source: str | None = None,
    claim_ids: Sequence[int] | None = None,
    exclude: Sequence[int] = (),
    newest_first: bool = False,
    limit: int | None = None,
    search: str | None = None,
    since: date | None = None,
    until: date | None = None,
    outlet: str | None = None,
) -> list[dict[str, Any]]:
    """Claims with their attribution, as the JSON export contract names the fields.

    ``source`` is a canonical name (resolve aliases with ``store.sources.find_source``).
    In article order, or ``newest_first`` (by publication date, then article and position).
    ``search``: words the claim's text contains (case-insensitive); ``since``/``until``: the
    article's publication date (undated articles are left out); ``outlet``: the article's
    outlet (case-insensitive).
    """
    query = (
        select(
            tables.Claim,
            col(tables.Source.name),
            col(tables.Article.published),
            col(tables.Article.outlet),
        )
        .join(tables.Source, col(tables.Claim.source_id) == tables.Source.id, isouter=True)
        .join(tables.Article, col(tables.Claim.article_id) == tables.Article.id)
    )
    if newest_first:
        query = query.order_by(
            col(tables.Article.published).desc().nulls_last(),
            col(tables.Claim.article_id).desc(),
            col(tables.Claim.seq).desc(),
        )
    else:
        query = query.order_by(col(tables.Claim.article_id), col(tables.Claim.seq))
    if exclude:
        query = query.where(col(tables.Claim.id).not_in(list(exclude)))
    if limit is not None:
        query = query.limit(limit)
    if article_id is not None:
        query = query.where(tables.Claim.article_id == article_id)
    if source is not None:
        query = query.where(tables.Source.name == source)
    if claim_ids is not None:
        query = query.where(col(tables.Claim.id).in_(list(claim_ids)))
    if search:
        query = query.where(func.lower(tables.Claim.text).contains(search.lower()))
    if since is not None:
        query = query.where(col(tables.Article.published) >= since)
    if until is not None:
        query = query.where(col(tables.Article.published) <= until)
    if outlet:
        query = query.where(func.lower(tables.Article.outlet) == outlet.lower())
    return [
        {
            "id": claim.id,
            "article_id": claim.article_id,
            "seq": claim.seq,
            "text": claim.text,
            "start": claim.start,
            "end": claim.end,
            "paragraph": claim.paragraph,
            "source": source_name,
            "source_mention": claim.source_mention,
            "mention_start": claim.mention_start,
            "mention_end": claim.mention_end,
            "cue": claim.cue,
            "kind": claim.kind,
            "via": claim.via,
            "rule": claim.rule,
            "descriptor": claim.descriptor,
            "published": _iso(published),
            "outlet": outlet,
        }
        for claim, source_name, published, outlet in session.exec(query)
    ]


def article_text(session: Session, article_id: int) -> str | None:
    return session.exec(select(tables.Article.text).where(tables.Article.id == article_id)).first()


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None
