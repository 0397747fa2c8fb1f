"""Matching in the store: frames, blocking keys, links, conflicts and corroborations. All its SQL.

``match_article`` runs inside the caller's transaction (ingest calls it for each new article) and
never commits. It frames the article's claims (``claim.frame``), places the article and its
claims in their incidents (``incidents.locate``, ``store.incidents.assign_incidents``, which may
move stored articles to another incident: those are matched again first), scores each claim
against every claim other articles placed in its incident (links never join two incidents, so an
incident's links are all its pairs that score, whatever order its articles arrived in; the
blocking keys are stored in ``claim_key`` but no longer asked, so ``max_key_df`` and
``max_candidates`` do not bound store matching), and re-derives the conflicts and corroborations
of each incident it touched from all its claims and links (``find_conflicts`` on claims numbered
by date, content hash and position, so its tie-breaks do not depend on stored ids): an
incremental ingest ends where ``rebuild`` does. Rows are upserted by stable keys, so a review
survives re-matching:

* ``link``: one row per claim pair; reviewed links (``confirmed``/``rejected``) keep their status.
* ``conflict``: ``key`` = ``"{kind}:{sorted claim ids}"``. An existing conflict keeps its status,
  note and version; a conflict no longer found becomes ``active = False`` (never deleted). When a
  reviewed conflict's group gains a claim, the larger group is a new ``open`` conflict whose
  reason says it joins the reviewed one, and the reviewed one is kept, inactive.
* ``corroboration``: ``key`` = sorted claim ids, same rules (one no longer found in its incident
  is set inactive).

``rebuild`` re-derives everything from the stored claims, keeping reviews.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import bindparam, delete, event, insert, union, union_all, update
from sqlalchemy import select as sa_select
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, col, select

from claimtrack.conflicts import conflict_key, corroboration_key, find_conflicts
from claimtrack.frame import frame, frame_article, frame_from_json, frame_to_json
from claimtrack.incidents import Located, locate
from claimtrack.match import (
    DEFAULT_PARAMS,
    MatchParams,
    blocking_keys,
    link_claims,
)
from claimtrack.model import (
    ClaimRecord,
    Conflict,
    Corroboration,
    EventFrame,
    Link,
    LinkStatus,
)
from claimtrack.store import tables
from claimtrack.store.articles import bound, insert_rows
from claimtrack.store.incidents import NO_INCIDENT, Assigned, assign_incidents, place_all

__all__ = [
    "MatchCache",
    "MatchStats",
    "StoredArticle",
    "claim_records",
    "conflict_rows",
    "match_article",
    "match_pending",
    "rebuild",
]

REVIEWED_LINK = ("confirmed", "rejected")
_KEYS_PER_QUERY = 300  # UNION ALL terms per statement (SQLite allows 500)


@dataclass
class MatchStats:
    articles: int = 0
    claims: int = 0
    candidates: int = 0  # candidate claims scored against the article's claims
    links: int = 0  # links written (new or changed)
    conflicts_new: int = 0
    conflicts_active: int = 0  # conflicts found (new or kept) around the matched articles
    conflicts_retired: int = 0  # no longer found: kept, inactive
    corroborations: int = 0
    skipped_keys: int = 0  # keys too common to query

    def add(self, other: MatchStats) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self) -> str:
        return (
            f"{self.articles} articles, {self.claims} claims; {self.links} links; "
            f"{self.conflicts_active} conflicts ({self.conflicts_new} new, "
            f"{self.conflicts_retired} retired); {self.corroborations} corroborations"
        )


@dataclass
class _KeyCache:
    """Keys known to be too common, per database: they only grow more common, never less.

    A key found too common inside a transaction is marked only when that transaction commits
    (``_pending_common``): rolled back, what it read may never have been true for anyone else.
    """

    common: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))


_CACHE = _KeyCache()
_PENDING_COMMON = "claimtrack_pending_common"  # session.info: marks waiting for the commit
_ATTACHED = "claimtrack_match_cache"  # session.info: the MatchCache this transaction feeds


def _pending_common(session: Session) -> dict[str, set[str]]:
    """Too-common keys found in the session's current transaction, by ``_KeyCache`` slot."""
    pending: dict[str, set[str]] | None = session.info.get(_PENDING_COMMON)
    if pending is None:
        pending = session.info[_PENDING_COMMON] = defaultdict(set)
        event.listen(session, "after_commit", _promote_common)
        event.listen(session, "after_rollback", _drop_common)
    return pending


def _promote_common(session: Session) -> None:
    if session.in_nested_transaction():
        return  # a savepoint released (SQLAlchemy reports those as commits too)
    for slot, keys in session.info.get(_PENDING_COMMON, {}).items():
        _CACHE.common[slot] |= keys
    session.info.get(_PENDING_COMMON, {}).clear()


def _drop_common(session: Session) -> None:
    # A rolled-back savepoint leaves the marks true (they were read before its writes); a
    # rolled-back transaction does not: what it read included its own inserts.
    if session.in_nested_transaction():
        return
    session.info.get(_PENDING_COMMON, {}).clear()


class MatchCache:
    """What one writer read or wrote in its write transactions, so later articles skip the reads.

    Holds claim ids per blocking key (as ``_postings`` reads them: newest first, at most
    ``max_key_df + 1``), ``ClaimRecord`` per claim id, source ids by name and articles'
    content hashes by id. Every entry is
    what the database holds while this writer holds the write lock, because the writer updates
    the entries with what it inserts (keys) and what is immutable once stored (a fresh claim's
    record). It is valid:

    * within a transaction, until any savepoint or the transaction rolls back (then emptied:
      a failed article may have been half in it);
    * across transactions on SQLite only while no other connection committed (``PRAGMA
      data_version`` of the writer's own connection unchanged, and the same connection): a
      rename, merge, review or rebuild elsewhere empties it. On PostgreSQL (no write lock
      between transactions) it is emptied after each commit.

    Use one per writer (``ingest`` makes one per batch), attached at the start of each write
    transaction (``attach``); never while the same process changes sources, links or claims by
    another path through the same connection.
    """

    MAX_KEYS = 300_000  # cached postings (memory stays flat: emptied beyond)
    MAX_RECORDS = 60_000

    def __init__(self, params: MatchParams = DEFAULT_PARAMS) -> None:
        self.max_key_df = params.max_key_df
        self.postings: dict[str, list[int]] = {}
        self.records: dict[int, ClaimRecord] = {}
        self.sources: dict[str, int] = {}
        self.digests: dict[int, str] = {}  # article id -> content hash (immutable once stored)
        self._connection: Any = None
        self._version: Any = None

    def clear(self) -> None:
        self.postings.clear()
        self.records.clear()
        self.sources.clear()
        self.digests.clear()

    def attach(self, session: Session) -> None:
        """Check the cache against the session's (write) transaction; empty it if stale."""
        if session.info.get(_ATTACHED) is self:
            return
        session.info[_ATTACHED] = self
        event.listen(session, "after_soft_rollback", self._rolled_back)
        event.listen(session, "after_commit", self._committed)
        connection = session.connection()
        if connection.dialect.name != "sqlite":
            self.clear()
            return
        raw = connection.connection.dbapi_connection
        version = connection.exec_driver_sql("PRAGMA data_version").scalar()
        if raw is not self._connection or version != self._version:
            self.clear()
        self._connection, self._version = raw, version

    def _rolled_back(self, session: Session, previous: Any) -> None:
        self.clear()  # a savepoint or the transaction: either may have written into the cache
        if previous.parent is None:
            session.info.pop(_ATTACHED, None)

    def _committed(self, session: Session) -> None:
        if session.in_nested_transaction():
            return  # a savepoint released (SQLAlchemy reports those as commits too)
        session.info.pop(_ATTACHED, None)
        if session.get_bind().dialect.name != "sqlite":
            self.clear()

    def usable(self, session: Session, params: MatchParams) -> bool:
        return session.info.get(_ATTACHED) is self and params.max_key_df == self.max_key_df

    def add_keys(self, rows: Sequence[tuple[int, str]]) -> None:
        """Keys inserted by this writer: (claim id, key)."""
        limit = self.max_key_df + 1
        for claim_id, key in rows:
            ids = self.postings.get(key)
            if ids is None:
                continue
            if not ids or claim_id > ids[0]:
                ids.insert(0, claim_id)
            else:
                ids.append(claim_id)
                ids.sort(reverse=True)
            del ids[limit:]

    def add_postings(self, found: dict[str, list[int]]) -> None:
        if len(self.postings) + len(found) > self.MAX_KEYS:
            self.postings.clear()
        self.postings.update(found)

    def known_digests(self) -> dict[int, str]:
        """Content hashes by article id, for the caller to read and complete."""
        if len(self.digests) > self.MAX_RECORDS:
            self.digests.clear()
        return self.digests

    def add_records(self, records: Iterable[ClaimRecord]) -> None:
        if len(self.records) > self.MAX_RECORDS:
            self.records.clear()
        self.records.update((r.ref, r) for r in records)


_CLAIM_TABLE: Any = tables.Claim.__table__  # type: ignore[attr-defined]
_LINK_TABLE: Any = tables.Link.__table__  # type: ignore[attr-defined]
_CONFLICT_TABLE: Any = tables.Conflict.__table__  # type: ignore[attr-defined]
_KEY_TABLE: Any = tables.ClaimKey.__table__  # type: ignore[attr-defined]
_MEMBER_TABLE: Any = tables.ConflictClaim.__table__  # type: ignore[attr-defined]
_CORROBORATION_TABLE: Any = tables.Corroboration.__table__  # type: ignore[attr-defined]


def _db_id(session: Session) -> str:
    bind = session.get_bind()
    return str(bind.engine.url)


# ------------------------------------------------------------------------------- reading


def _records(
    session: Session, claim_ids: Iterable[int], cache: MatchCache | None = None
) -> dict[int, ClaimRecord]:
    """ClaimRecords (with stored frames) for the given claim ids (by id)."""
    ids = sorted(set(claim_ids))
    if cache is not None:
        have = cache.records
        read = _records(session, [i for i in ids if i not in have])
        found = {i: have[i] if i in have else read[i] for i in ids if i in have or i in read}
        cache.add_records(read.values())  # after: adding may empty the cache (its size cap)
        return found
    out: dict[int, ClaimRecord] = {}
    connection = session.connection()
    for chunk in _chunks(ids, 500):
        rows = connection.execute(_records_query(), {"ids": list(chunk)}).all()
        for cid, art, seq, txt, frame_json, source, published, outlet, inc, placed in rows:
            assert cid is not None
            out[cid] = ClaimRecord(
                ref=cid,
                article_ref=art,
                text=txt,
                source=source,
                frame=_parse_frame(frame_json),
                published=published,
                seq=seq,
                outlet=outlet,
                incident=inc if inc is not None else (NO_INCIDENT if placed is not None else None),
            )
    return out


@lru_cache(maxsize=1)
def _records_query() -> Any:
    """What ``_records`` reads, built once (the ids are an expanding parameter)."""
    return (
        sa_select(
            col(tables.Claim.id),
            col(tables.Claim.article_id),
            col(tables.Claim.seq),
            col(tables.Claim.text),
            col(tables.Claim.frame),
            col(tables.Source.name),
            col(tables.Article.published),
            col(tables.Article.outlet),
            col(tables.Claim.incident_id),
            col(tables.Article.incident_id),
        )
        .join(tables.Source, col(tables.Claim.source_id) == tables.Source.id, isouter=True)
        .join(tables.Article, col(tables.Claim.article_id) == tables.Article.id)
        .where(col(tables.Claim.id).in_(bindparam("ids", expanding=True)))
    )


def claim_records(session: Session, claim_ids: Iterable[int]) -> dict[int, ClaimRecord]:
    """Claims as matching sees them (stored frame, source, date, outlet, incident), by id."""
    return _records(session, claim_ids)


@lru_cache(maxsize=20_000)
def _parse_frame(frame_json: str) -> EventFrame:
    """Parsed frames are cached by their JSON text: a stored frame is read many times."""
    return frame_from_json(frame_json or "{}")


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _postings(
    session: Session,
    keys: Iterable[str],
    params: MatchParams,
    stats: MatchStats,
    cache: MatchCache | None = None,
) -> dict[str, list[int]]:
    """Claim ids per key, for keys held by at most ``max_key_df`` claims (newest first).

    One statement per few hundred keys; each key's lookup is a bounded index range scan
    (``LIMIT max_key_df + 1``), so a key as common as "p:aleppo" costs no more than a rare one,
    and once seen as too common (and committed) it is not asked again. Keys in ``cache`` are
    not asked either.
    """
    # per database and per threshold: a caller raising max_key_df must see those keys again
    slot = f"{_db_id(session)}|{params.max_key_df}"
    common, pending = _CACHE.common[slot], _pending_common(session)[slot]
    asked = set(keys)
    wanted = sorted(k for k in asked if k not in common and k not in pending)
    stats.skipped_keys += len(asked) - len(wanted)
    limit = params.max_key_df + 1
    found: dict[str, list[int]] = {}
    if cache is not None:
        held = cache.postings
        found = {k: held[k] for k in wanted if k in held}
        wanted = [k for k in wanted if k not in held]
    read: dict[str, list[int]] = {k: [] for k in wanted} if cache is not None else {}
    for chunk in _chunks(wanted, _KEYS_PER_QUERY):
        size = _bucket(len(chunk))
        values = {f"k{i}": chunk[i] if i < len(chunk) else "" for i in range(size)}
        for key, claim_id in session.execute(_postings_query(size, limit), values).all():
            read.setdefault(key, []).append(int(claim_id))
    if cache is not None:
        cache.add_postings(read)
    found.update(read)
    out: dict[str, list[int]] = {}
    for key, ids in found.items():
        if len(ids) > params.max_key_df:
            pending.add(key)
            stats.skipped_keys += 1
        elif ids:
            out[key] = ids
    return out


def _bucket(n: int) -> int:
    """Statement sizes are rounded up (padding with the empty key, which no claim holds), so a
    handful of statements are built and compiled once and then reused from the caches."""
    size = 8
    while size < n:
        size *= 2
    return min(size, _KEYS_PER_QUERY) if n <= _KEYS_PER_QUERY else n


@lru_cache(maxsize=64)
def _postings_query(size: int, limit: int) -> Any:
    """``UNION ALL`` of ``size`` per-key selects, each ``ORDER BY claim_id DESC LIMIT limit``
    (an index range scan on ``ix_claim_key_key_claim``); keys are bound as ``k0..k{size-1}``."""
    ck = tables.ClaimKey.__table__  # type: ignore[attr-defined]
    parts = []
    for i in range(size):
        inner = (
            sa_select(ck.c.key, ck.c.claim_id)
            .where(ck.c.key == bindparam(f"k{i}"))
            .order_by(ck.c.claim_id.desc())
            .limit(limit)
            .subquery(f"q{i}")
        )
        parts.append(sa_select(inner.c.key, inner.c.claim_id))
    return union_all(*parts)


# ------------------------------------------------------------------------------- matching


@dataclass(frozen=True)
class StoredArticle:
    """An article the caller stored in this transaction, as matching needs it (not read back):
    its claims as ``(id, seq, text, source name)`` in order, and the frame JSON stored with
    them (``save_analysis(frames=...)``) when the frames passed to ``match_article`` were."""

    id: int
    published: date | None
    outlet: str | None
    claims: Sequence[tuple[int, int, str, str | None]]
    frame_json: Sequence[str] | None = None
    title: str | None = None
    # the claims' stored incidents (one per claim, NO_INCIDENT for none) once placed; None: the
    # article was never placed, so match_article places it
    incidents: Sequence[int] | None = None
    content_hash: str | None = None  # as stored (with title and published: who it is)


def match_article(
    session: Session,
    article_id: int,
    params: MatchParams = DEFAULT_PARAMS,
    *,
    now: datetime | None = None,
    frames: Sequence[EventFrame] | None = None,
    fresh: bool = False,
    stored: StoredArticle | None = None,
    cache: MatchCache | None = None,
    located: Located | None = None,
) -> MatchStats:
    """Frame, key, link and flag one stored article's claims (inside the caller's transaction).

    ``frames`` (one per claim, in order) may be computed beforehand, e.g. in worker processes
    with ``frame_article``; otherwise they are computed here. ``fresh``: the article was stored
    in this transaction, so no key and no link touches its claims yet (two queries saved).
    ``stored`` (with ``fresh``): the article as the caller stored it, not read back. ``cache``:
    the writer's ``MatchCache``, attached to this transaction (see there). ``located``: what
    ``locate`` finds in the article (its title, claims, ``frames`` and date), computed
    beforehand like the frames (e.g. in the workers); otherwise it is computed here.
    """
    stamp = now or datetime.now(UTC)
    stats = MatchStats(articles=1)
    if stored is None:
        stored = _read_article(session, article_id)
        if stored is None:
            return stats
    rows = stored.claims
    if not rows:
        return stats
    if cache is not None and not (fresh and cache.usable(session, params)):
        cache = None
    if frames is None or len(frames) != len(rows):
        frames = frame_article([r[2] for r in rows], stored.published)
        stored = replace(stored, frame_json=None)
        located = None  # found with other frames
    incidents = stored.incidents
    assigned: Assigned | None = None
    if incidents is None or len(incidents) != len(rows):
        if located is None or len(located.claim_incident) != len(rows):
            texts = [r[2] for r in rows]
            title_frame = frame(stored.title, stored.published) if stored.title else None
            located = locate(stored.title, texts, frames, stored.published, title_frame)
        head = (
            (stored.content_hash, stored.title, stored.published)
            if stored.content_hash is not None
            else None
        )
        assigned = assign_incidents(session, stored.id, [r[0] for r in rows], located, stamp, head)
        incidents = assigned.claim_incidents
        if assigned.moved:
            # other articles' claims changed incident: their links and conflicts go first
            if cache is not None:
                for cid in assigned.moved_claims:
                    cache.records.pop(cid, None)
            _rematch_moved(session, assigned, params, stamp, stats)
    new = [
        ClaimRecord(cid, stored.id, txt, source, f, stored.published, seq, stored.outlet, inc)
        for (cid, seq, txt, source), f, inc in zip(rows, frames, incidents, strict=True)
    ]
    stats.claims = len(new)
    new_ids = [r.ref for r in new]
    if stored.frame_json is not None and len(stored.frame_json) == len(new):
        frame_json = {r.ref: fj for r, fj in zip(new, stored.frame_json, strict=True)}
    else:
        frame_json = {r.ref: frame_to_json(r.frame) for r in new}
        session.execute(
            update(_CLAIM_TABLE)
            .where(_CLAIM_TABLE.c.id == bindparam("cid"))
            .values(frame=bindparam("fj")),
            [{"cid": r.ref, "fj": frame_json[r.ref]} for r in new],
            execution_options={"synchronize_session": False},
        )
    # candidates: every claim other articles placed in the article's incidents. Links never
    # join two incidents (a pair in two incidents, or with a claim in none, scores 0), so the
    # links of an incident are all its pairs that score, the same whatever order its articles
    # arrived in; the blocking keys are still stored (``claim_key``) but not asked
    own_keys = {r.ref: blocking_keys(r.frame, params.max_keywords, r.published) for r in new}
    if not fresh:
        session.execute(delete(tables.ClaimKey).where(col(tables.ClaimKey.claim_id).in_(new_ids)))
    own = set(new_ids)
    members = _incident_members(session, {r.incident for r in new if r.incident}, own)
    chosen = {r.ref: sorted(members.get(r.incident, ())) if r.incident else [] for r in new}
    found = _records(session, {c for cs in chosen.values() for c in cs}, cache)
    candidates = list(found.values())
    stats.candidates = sum(len(cs) for cs in chosen.values())
    links = link_claims(new, candidates, params, pairs=chosen)
    # moved articles matched again above may have linked to the article's claims already
    rematched = assigned is not None and bool(assigned.moved)
    touching = [] if fresh and not rematched else _links_touching(session, new_ids)
    stats.links = _upsert_links(session, links, touching, stamp)
    key_pairs = [(ref, k) for ref, keys in own_keys.items() for k in keys]
    if key_pairs:
        insert_rows(session.connection(), "claim_key", ("claim_id", "key"), key_pairs)
        if cache is not None:
            cache.add_keys(key_pairs)
    # as _records would read them back (the frame through its stored JSON)
    known = {r.ref: replace(r, frame=_parse_frame(frame_json[r.ref])) for r in new}
    if cache is not None:
        cache.add_records(known.values())  # as stored; a fresh claim's record never changes
    known.update((r.ref, r) for r in candidates)
    incidents_now = {r.incident for r in new if r.incident}
    if assigned is not None:
        incidents_now |= set(assigned.shrunk)
    _flag(session, own, incidents_now, stats, stamp, known, cache, members, stored)
    return stats


def _rematch_moved(
    session: Session, assigned: Assigned, params: MatchParams, now: datetime, stats: MatchStats
) -> None:
    """Re-derive what the articles whose claims changed incident had: their conflicts and
    corroborations are set inactive (found again, with their review, if they still hold), their
    links to claims now in another incident removed (unless reviewed), and each is matched
    again (its stored frames)."""
    moved = set(assigned.moved_claims)
    holding = sa_select(_MEMBER_TABLE.c.conflict_id).where(
        _MEMBER_TABLE.c.claim_id.in_(sorted(moved))
    )
    session.connection().execute(
        update(_CONFLICT_TABLE)
        .where(_CONFLICT_TABLE.c.id.in_(holding), _CONFLICT_TABLE.c.active.is_(True))
        .values(active=False)
    )
    _retire_corroborations(session, lambda claims: bool(moved & claims))
    neighbours = union(
        sa_select(_LINK_TABLE.c.claim_a).where(_LINK_TABLE.c.claim_b.in_(moved)),
        sa_select(_LINK_TABLE.c.claim_b).where(_LINK_TABLE.c.claim_a.in_(moved)),
        sa_select(_CLAIM_TABLE.c.id).where(_CLAIM_TABLE.c.id.in_(moved)),
    )
    incident_of: dict[int, int | None] = {
        int(cid): incident
        for cid, incident in session.execute(
            sa_select(col(tables.Claim.id), col(tables.Claim.incident_id)).where(
                col(tables.Claim.id).in_(neighbours)
            )
        ).all()
    }
    stale = [
        row.id
        for row in _links_touching(session, moved)
        if row.status not in REVIEWED_LINK
        and incident_of.get(row.claim_a) != incident_of.get(row.claim_b)
    ]
    for chunk in _chunks(stale, 500):
        session.execute(delete(tables.Link).where(col(tables.Link.id).in_(chunk)))
    for article_id in assigned.moved:
        stored = _read_article(session, article_id)
        if stored is None or stored.incidents is None:
            continue
        frame_json = [
            str(f)
            for f in session.execute(
                sa_select(col(tables.Claim.frame))
                .where(col(tables.Claim.article_id) == article_id)
                .order_by(col(tables.Claim.seq))
            ).scalars()
        ]
        if len(frame_json) != len(stored.claims) or "{}" in frame_json:
            continue  # never framed: ``match`` frames it
        again = match_article(
            session,
            article_id,
            params,
            now=now,
            frames=[_parse_frame(f) for f in frame_json],
            stored=replace(stored, frame_json=frame_json),
        )
        again.articles = again.claims = 0
        stats.add(again)


def _incident_members(
    session: Session, incidents: Iterable[int], but: Iterable[int] = ()
) -> dict[int, set[int]]:
    """The claims placed in each of ``incidents`` (but the claims ``but``)."""
    wanted = sorted(set(incidents))
    out: dict[int, set[int]] = {i: set() for i in wanted}
    if not wanted:
        return out
    skip = set(but)
    connection = session.connection()
    for chunk in _chunks(wanted, 500):
        for cid, incident in connection.execute(_members_query(), {"ids": list(chunk)}).all():
            if cid not in skip:
                out[int(incident)].add(int(cid))
    return out


@lru_cache(maxsize=1)
def _members_query() -> Any:
    c = _CLAIM_TABLE
    return sa_select(c.c.id, c.c.incident_id).where(
        c.c.incident_id.in_(bindparam("ids", expanding=True))
    )


def _read_article(session: Session, article_id: int) -> StoredArticle | None:
    article = session.get(tables.Article, article_id)
    if article is None:
        return None
    rows = session.execute(
        sa_select(
            col(tables.Claim.id),
            col(tables.Claim.seq),
            col(tables.Claim.text),
            col(tables.Source.name),
            col(tables.Claim.incident_id),
        )
        .join(tables.Source, col(tables.Claim.source_id) == tables.Source.id, isouter=True)
        .where(col(tables.Claim.article_id) == article_id)
        .order_by(col(tables.Claim.seq))
    ).all()
    claims = [(int(cid or 0), seq, txt, source) for cid, seq, txt, source, _ in rows]
    incidents = (
        [int(row[4] or NO_INCIDENT) for row in rows] if article.incident_id is not None else None
    )
    return StoredArticle(
        article_id,
        article.published,
        article.outlet,
        claims,
        title=article.title,
        incidents=incidents,
    )


_LINK_COLUMNS = ("claim_a", "claim_b", "score", "status", "method", "created_at")


@dataclass
class _LinkRow:
    id: int
    claim_a: int
    claim_b: int
    score: float
    status: str
    method: str


def _upsert_links(
    session: Session, links: Sequence[Link], touching: Sequence[_LinkRow], now: datetime
) -> int:
    """Write links (every one touches a new claim); reviewed links keep their status."""
    if not links:
        return 0
    existing = {(r.claim_a, r.claim_b): r for r in touching}
    written = 0
    new_rows: list[tuple[Any, ...]] = []
    changed: list[dict[str, Any]] = []
    connection = session.connection()
    created = bound(connection, _LINK_TABLE.c.created_at, now)
    for link in links:
        stored = existing.get((link.a, link.b))
        if stored is None:
            new_rows.append(
                (link.a, link.b, float(link.score), link.status.value, link.method, created)
            )
            written += 1
            continue
        status = stored.status if stored.status in REVIEWED_LINK else link.status.value
        if status != stored.status or abs(stored.score - link.score) > 0.05:
            # a reviewed link keeps its decision; only its score is refreshed
            changed.append({"lid": stored.id, "st": status, "sc": link.score, "me": link.method})
            written += 1
    insert_rows(connection, "link", _LINK_COLUMNS, new_rows)  # the driver's executemany
    if changed:
        session.execute(
            update(_LINK_TABLE)
            .where(_LINK_TABLE.c.id == bindparam("lid"))
            .values(status=bindparam("st"), score=bindparam("sc"), method=bindparam("me")),
            changed,
            execution_options={"synchronize_session": False},
        )
    return written


def _links_touching(session: Session, claim_ids: Iterable[int]) -> list[_LinkRow]:
    ids = sorted(set(claim_ids))
    found: dict[int, _LinkRow] = {}
    connection = session.connection()
    for chunk in _chunks(ids, 400):
        for row in connection.execute(_links_query(), {"a": list(chunk), "b": list(chunk)}):
            found[row[0]] = _LinkRow(*row)
    return list(found.values())


@lru_cache(maxsize=1)
def _links_query() -> Any:
    """Links with either claim among the ids ``a`` = ``b``."""
    t = _LINK_TABLE
    a = t.c.claim_a.in_(bindparam("a", expanding=True))
    b = t.c.claim_b.in_(bindparam("b", expanding=True))
    return sa_select(t.c.id, t.c.claim_a, t.c.claim_b, t.c.score, t.c.status, t.c.method).where(
        a | b
    )


_STRONG = {
    "match": LinkStatus.MATCH,
    "confirmed": LinkStatus.MATCH,  # a reviewer confirmed the match
    "duplicate": LinkStatus.DUPLICATE,
}


@lru_cache(maxsize=1)
def _strong_query() -> Any:
    t = _LINK_TABLE
    return sa_select(t.c.claim_a, t.c.claim_b, t.c.score, t.c.status, t.c.method).where(
        t.c.claim_a.in_(bindparam("a", expanding=True)),
        t.c.claim_b.in_(bindparam("b", expanding=True)),
        t.c.status.in_(sorted(_STRONG)),
    )


def _strong_links(session: Session, claim_ids: Iterable[int]) -> list[Link]:
    """The strong links (match, confirmed, duplicate) whose two claims are both among
    ``claim_ids``, by (claim_a, claim_b): a claim many others link to does not bring all its
    links along."""
    ids = sorted(set(claim_ids))
    rows = session.connection().execute(_strong_query(), {"a": ids, "b": ids}).all()
    links = [Link(a, b, score, _STRONG[status], method) for a, b, score, status, method in rows]
    links.sort(key=lambda link: (link.a, link.b))  # (claim_a, claim_b) is unique
    return links


def _flag(
    session: Session,
    seeds: set[int],
    incidents: set[int],
    stats: MatchStats,
    now: datetime,
    known: dict[int, ClaimRecord] | None = None,
    cache: MatchCache | None = None,
    members: dict[int, set[int]] | None = None,
    article: StoredArticle | None = None,
) -> None:
    """Re-derive the conflicts and corroborations of whole incidents (and of ``seeds``, the
    claims of the article just matched, whatever incident they are in).

    Links never join two incidents, so the conflicts of an incident are ``find_conflicts`` over
    all its claims and all their links: what was flagged in it before and is not found again is
    retired. The answer depends on the incident's claims and links alone, not on the order in
    which they arrived, nor on which article arrived last. ``members``: claims of some of the
    incidents already read in this transaction (all but the seeds), not read again;
    ``article``: the seeds' article (its content hash is not read back).
    """
    component = set(seeds)
    have_members = members or {}
    for incident in incidents & have_members.keys():
        component |= have_members[incident]
    for claims in _incident_members(session, incidents - have_members.keys()).values():
        component |= claims
    links = _strong_links(session, component) if len(component) > 1 else []
    have = known or {}
    records = {cid: have[cid] for cid in component if cid in have}
    records.update(_records(session, component - records.keys(), cache))
    digests = cache.known_digests() if cache is not None else {}
    if article is not None and article.content_hash is not None:
        digests[article.id] = article.content_hash
    conflicts, corroborations = _find_order_free(session, records, links, digests)
    _write_conflicts(session, conflicts, component, stats, now)
    _write_corroborations(session, corroborations, component, stats, now)


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _find_order_free(
    session: Session,
    records: dict[int, ClaimRecord],
    links: Sequence[Link],
    digests: dict[int, str] | None = None,
) -> tuple[list[Conflict], list[Corroboration]]:
    """``find_conflicts`` with the claims and articles numbered in an order of their own
    (article date, content hash, claim position), not in the order they were stored: its ties
    and bounds (which finding opens a group, which agreement stands for a group too large) then
    fall the same way whatever order the articles arrived in. Ids are mapped back after.
    ``digests``: content hashes known by article id (those missing are read, and added)."""
    if digests is None:
        digests = {}
    articles = sorted({r.article_ref for r in records.values()} - digests.keys())
    connection = session.connection()
    for chunk in _chunks(articles, 500):
        for aid, digest in connection.execute(_digests_query(), {"ids": list(chunk)}).all():
            digests[int(aid)] = str(digest)

    def place(r: ClaimRecord) -> tuple[date, str, int, int]:
        return (r.published or date.min, digests.get(r.article_ref, ""), r.seq or 0, r.ref)

    ordered = sorted(records.values(), key=place)
    to_canon = {r.ref: n for n, r in enumerate(ordered, 1)}
    article_canon: dict[int, int] = {}
    for r in ordered:
        article_canon.setdefault(r.article_ref, len(article_canon) + 1)
    back = {n: ref for ref, n in to_canon.items()}
    canon_records = {
        to_canon[r.ref]: replace(r, ref=to_canon[r.ref], article_ref=article_canon[r.article_ref])
        for r in ordered
    }
    canon_links = sorted(
        (
            Link(min(ca, cb), max(ca, cb), link.score, link.status, link.method)
            for link in links
            if (ca := to_canon.get(link.a)) is not None and (cb := to_canon.get(link.b)) is not None
        ),
        key=lambda link: (link.a, link.b),
    )
    conflicts, corroborations = find_conflicts(canon_records, canon_links)

    def ids(
        claims: Sequence[int], values: Sequence[str]
    ) -> tuple[tuple[int, ...], tuple[str, ...]]:
        real = [back[c] for c in claims]
        if len(values) == len(real):  # values follow the claims: they move with them
            pairs = sorted(zip(real, values, strict=True))
            return tuple(c for c, _ in pairs), tuple(v for _, v in pairs)
        return tuple(sorted(real)), tuple(values)

    from claimtrack.store.review import shown_agreement, shown_reason

    # a reason names its accounts in claim order: where the two numberings order a group's
    # claims differently, it is written as reading it back renders it (by stored id)
    accounts = {
        r.ref: {"text": r.text, "source": r.source, "outlet": r.outlet, "article_id": r.article_ref}
        for r in records.values()
    }
    out_conflicts = []
    for c in conflicts:
        claims, values = ids(c.claims, c.values)
        reason = c.reason
        if [to_canon[x] for x in claims] != sorted(c.claims):
            row = tables.Conflict(
                key="",
                kind=c.kind.value,
                reason=reason,
                values=json.dumps(list(values)),
                incident_id=c.incident,
                created_at=_EPOCH,
                updated_at=_EPOCH,
            )  # never stored: the row as shown_reason reads it
            reason = shown_reason(row, claims, accounts)
        out_conflicts.append(replace(c, claims=claims, values=values, reason=reason))
    out_corroborations = []
    for g in corroborations:
        claims, values = ids(g.claims, g.values)
        reason = g.reason
        if [to_canon[x] for x in claims] != sorted(g.claims):
            reason = shown_agreement(reason, claims, accounts)
        out_corroborations.append(replace(g, claims=claims, values=values, reason=reason))
    return out_conflicts, out_corroborations


@lru_cache(maxsize=1)
def _digests_query() -> Any:
    a = tables.Article.__table__  # type: ignore[attr-defined]
    return sa_select(a.c.id, a.c.content_hash).where(a.c.id.in_(bindparam("ids", expanding=True)))


def _members(session: Session, conflict_ids: Sequence[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = defaultdict(list)
    connection = session.connection()
    m = _MEMBER_TABLE
    query = sa_select(m.c.conflict_id, m.c.claim_id).where(
        m.c.conflict_id.in_(bindparam("ids", expanding=True))
    )
    for chunk in _chunks(list(conflict_ids), 500):
        for conflict_id, claim_id in connection.execute(query, {"ids": list(chunk)}).all():
            out[conflict_id].append(claim_id)
    return out


@dataclass
class _ConflictRow:
    """What matching reads and writes of a stored conflict (Core rows, no ORM objects: the
    writer's statements stay plain, and no identity map can hold a stale copy)."""

    id: int
    key: str
    kind: str
    reason: str
    severity: float
    score: float
    values: str
    status: str
    active: bool
    incident_id: int | None

    def state(self) -> tuple[Any, ...]:
        return (self.reason, self.severity, self.score, self.values, self.active, self.incident_id)


_CONFLICT_COLUMNS = (
    "id",
    "key",
    "kind",
    "reason",
    "severity",
    "score",
    "values",
    "status",
    "active",
    "incident_id",
)


@lru_cache(maxsize=2)
def _conflicts_query(by_key: bool) -> Any:
    """Conflicts holding any of the claims ``ids``, or (``by_key``) with any of the keys."""
    t, m = _CONFLICT_TABLE, _MEMBER_TABLE
    query = sa_select(*(t.c[name] for name in _CONFLICT_COLUMNS))
    if by_key:
        return query.where(t.c.key.in_(bindparam("keys", expanding=True)))
    holding = sa_select(m.c.conflict_id).where(m.c.claim_id.in_(bindparam("ids", expanding=True)))
    return query.where(t.c.id.in_(holding))


def _conflict_row(row: Any) -> _ConflictRow:
    values = dict(zip(_CONFLICT_COLUMNS, row, strict=True))
    values["active"] = bool(values["active"])
    return _ConflictRow(**values)


def _conflicts_around(session: Session, component: set[int]) -> dict[int, _ConflictRow]:
    """Conflicts holding any claim of the component (one statement per 500 claims)."""
    out: dict[int, _ConflictRow] = {}
    connection = session.connection()
    for chunk in _chunks(sorted(component), 500):
        for found in connection.execute(_conflicts_query(False), {"ids": list(chunk)}).all():
            row = _conflict_row(found)
            out[row.id] = row
    return out


def _write_conflicts(
    session: Session,
    conflicts: Sequence[Conflict],
    component: set[int],
    stats: MatchStats,
    now: datetime,
) -> None:
    connection = session.connection()
    around = _conflicts_around(session, component)
    members = _members(session, list(around))
    by_key = {row.key: row for row in around.values()}
    keyed = [(conflict_key(c.kind, c.claims), c) for c in conflicts]
    missing = sorted({key for key, _ in keyed if key not in by_key})
    for chunk in _chunks(missing, 500):  # e.g. reviewed and inactive, with claims elsewhere
        for found in connection.execute(_conflicts_query(True), {"keys": list(chunk)}).all():
            stored = _conflict_row(found)
            by_key[stored.key] = stored
    before = {row.id: row.state() for row in by_key.values()}
    touched: dict[int, _ConflictRow] = {}
    found_keys: set[str] = set()
    new_rows: dict[str, dict[str, Any]] = {}
    new_claims: list[Sequence[int]] = []
    for key, c in keyed:
        found_keys.add(key)
        stats.conflicts_active += 1
        row = by_key.get(key)
        values = json.dumps(list(c.values), ensure_ascii=False)
        again = new_rows.get(key)
        if again is not None:
            # the same key found twice (two tolls of one pair): the later one's figures win,
            # as if the row inserted for the first had been updated
            if not again["reason"].startswith("Joins "):
                again["reason"] = c.reason
            again.update(severity=c.severity, score=c.score, values=values)
            continue
        if row is not None:
            changed = (
                row.reason != c.reason
                or not row.active
                or row.values != values
                or abs(row.severity - c.severity) > 1e-6
            )
            if changed and not row.reason.startswith("Joins "):
                row.reason = c.reason
            row.severity, row.score, row.values, row.active = c.severity, c.score, values, True
            row.incident_id = c.incident
            touched[row.id] = row
            continue
        reason = c.reason
        reviewed = [
            old
            for old_id, old in around.items()
            if old.kind == c.kind.value
            and old.status != "open"
            and len(set(members.get(old_id, ())) & set(c.claims)) >= 2
        ]
        if reviewed:
            old = min(reviewed, key=lambda r: r.id or 0)
            reason = (
                f"Joins conflict #{old.id}, already reviewed ({old.status}), with a new account: "
                + c.reason
            )
        new_rows[key] = {
            "key": key,
            "kind": c.kind.value,
            "reason": reason,
            "severity": c.severity,
            "score": c.score,
            "values": values,
            "status": "open",
            "version": 1,
            "active": True,
            "created_at": now,
            "updated_at": now,
            "incident_id": c.incident,
        }
        new_claims.append(c.claims)
        stats.conflicts_new += 1
    # conflicts wholly inside the component that were not found again: kept, inactive
    for old_id, old in around.items():
        if old.key in found_keys or not old.active:
            continue
        if set(members.get(old_id, ())) <= component:
            old.active = False
            touched[old_id] = old
            stats.conflicts_retired += 1
    # the rows that changed, as they end (a row found twice: its last state)
    updates = [
        {
            "cid": row.id,
            "reason": row.reason,
            "severity": row.severity,
            "score": row.score,
            "values": row.values,
            "active": row.active,
            "incident_id": row.incident_id,
        }
        for row in touched.values()
        if row.state() != before.get(row.id)
    ]
    if updates:
        t = _CONFLICT_TABLE
        connection.execute(
            update(t)
            .where(t.c.id == bindparam("cid"))
            .values(
                reason=bindparam("reason"),
                severity=bindparam("severity"),
                score=bindparam("score"),
                values=bindparam("values"),
                active=bindparam("active"),
                incident_id=bindparam("incident_id"),
            ),
            updates,
        )
    if new_rows:
        # one multi-row INSERT ... RETURNING (ids in the order of the rows), then the members
        ids = (
            connection.execute(
                insert(_CONFLICT_TABLE).returning(
                    _CONFLICT_TABLE.c.id, sort_by_parameter_order=True
                ),
                list(new_rows.values()),
            )
            .scalars()
            .all()
        )
        connection.execute(
            insert(_MEMBER_TABLE),
            [
                {"conflict_id": conflict_id, "claim_id": cid, "position": pos}
                for conflict_id, claims in zip(ids, new_claims, strict=True)
                for pos, cid in enumerate(claims)
            ],
        )


def _write_corroborations(
    session: Session,
    corroborations: Sequence[Corroboration],
    component: set[int],
    stats: MatchStats,
    now: datetime,
) -> None:
    keys = {corroboration_key(c.claims): c for c in corroborations}
    connection = session.connection()
    t = _CORROBORATION_TABLE
    query = sa_select(t.c.id, t.c.key, t.c.reason, t.c.score, t.c.active).where(
        t.c.key.in_(bindparam("keys", expanding=True))
    )
    existing = {
        row[1]: row
        for chunk in _chunks(sorted(keys), 500)
        for row in connection.execute(query, {"keys": list(chunk)}).all()
    }
    new_rows: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for key, c in keys.items():
        stats.corroborations += 1
        row = existing.get(key)
        if row is None:
            new_rows.append(
                {
                    "key": key,
                    "reason": c.reason,
                    "score": c.score,
                    "claim_ids": json.dumps(list(c.claims)),
                    "active": True,
                    "created_at": now,
                }
            )
        elif (row[2], row[3], bool(row[4])) != (c.reason, c.score, True):
            updates.append({"cid": row[0], "reason": c.reason, "score": c.score})
    if updates:
        connection.execute(
            update(t)
            .where(t.c.id == bindparam("cid"))
            .values(reason=bindparam("reason"), score=bindparam("score"), active=True),
            updates,
        )
    if new_rows:
        connection.execute(insert(t), new_rows)
    # what the component held and is not found again (a group that grew, {RT, SOHR} -> {RT,
    # SOHR, TASS}, retires its smaller self): kept, inactive
    _retire_corroborations(session, lambda claims: claims <= component, keep=set(keys))


@lru_cache(maxsize=100_000)
def _key_claims(key: str) -> frozenset[int]:
    """The claim ids of a corroboration key (its sorted claim ids), parsed once per key."""
    return frozenset(int(x) for x in key.split("-"))


@lru_cache(maxsize=1)
def _active_corroborations() -> Any:
    t = _CORROBORATION_TABLE
    return sa_select(t.c.id, t.c.key).where(t.c.active.is_(True))


def _retire_corroborations(
    session: Session, retire: Callable[[frozenset[int]], bool], keep: Iterable[str] = ()
) -> None:
    """Set inactive the active corroborations whose claims ``retire`` picks (but those keyed in
    ``keep``). Reads only ids and keys (a key is its sorted claim ids)."""
    t = _CORROBORATION_TABLE
    keep = set(keep)
    session.flush()
    ids = [
        cid
        for cid, key in session.connection().execute(_active_corroborations())
        if key not in keep and retire(_key_claims(key))
    ]
    for chunk in _chunks(ids, 500):
        session.execute(
            update(t).where(t.c.id.in_(chunk)).values(active=False),
            execution_options={"synchronize_session": False},
        )
    retired = set(ids)
    for row in list(session.identity_map.values()) if retired else ():  # loaded before: as now
        if isinstance(row, tables.Corroboration) and row.id in retired:
            set_committed_value(row, "active", False)


# ------------------------------------------------------------------------------- batches


def match_pending(
    session: Session, params: MatchParams = DEFAULT_PARAMS, *, now: datetime | None = None
) -> MatchStats:
    """Match every article whose claims were never framed (``claim.frame`` still ``{}``)."""
    pending = session.exec(
        select(tables.Claim.article_id)
        .where(tables.Claim.frame == "{}")
        .distinct()
        .order_by(col(tables.Claim.article_id))
    ).all()
    stats = MatchStats()
    for article_id in pending:
        stats.add(match_article(session, article_id, params, now=now))
    return stats


def rebuild(
    session: Session, params: MatchParams = DEFAULT_PARAMS, *, now: datetime | None = None
) -> MatchStats:
    """Re-derive frames, keys, links, conflicts and corroborations for the whole store.

    Reviews are kept: reviewed links keep their status; conflicts are matched back by their
    stable key (status, notes, history and version intact); what is no longer found stays,
    inactive. Incidents are placed anew all at once (``store.incidents.place_all``: the same
    clustering an incremental ingest reaches, whatever the order articles were stored in), then
    articles are matched in the order they were stored, each against the earlier ones.
    """
    stamp = now or datetime.now(UTC)
    db = _db_id(session)
    for cached in [k for k in _CACHE.common if k.rsplit("|", 1)[0] == db]:
        del _CACHE.common[cached]
    was_active = set(
        session.exec(select(tables.Conflict.id).where(col(tables.Conflict.active).is_(True))).all()
    )
    session.execute(delete(tables.ClaimKey))
    session.execute(delete(tables.Link).where(col(tables.Link.status).not_in(list(REVIEWED_LINK))))
    session.execute(
        update(tables.Conflict)
        .where(col(tables.Conflict.active).is_(True))
        .values(active=False)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(tables.Corroboration)
        .values(active=False)
        .execution_options(synchronize_session=False)
    )
    # incidents are placed anew, all at once (the order articles were stored in does not
    # matter), then articles are matched in the order they were stored
    session.flush()
    place_all(session, stamp)
    session.expire_all()
    stats = MatchStats()
    article_ids = session.exec(select(tables.Article.id).order_by(col(tables.Article.id))).all()
    for article_id in article_ids:
        assert article_id is not None
        stats.add(match_article(session, article_id, params, now=stamp))
    # retired by this rebuild: active before it, not found again
    still_active = set(
        session.exec(select(tables.Conflict.id).where(col(tables.Conflict.active).is_(True))).all()
    )
    stats.conflicts_retired = len(was_active - still_active)
    return stats


# ------------------------------------------------------------------------------- queries


def conflict_rows(
    session: Session,
    *,
    statuses: Sequence[str] | None = None,
    kinds: Sequence[str] | None = None,
    sources: Sequence[str] | None = None,
    ids: Sequence[int] | None = None,
    include_inactive: bool = False,
    incidents: Sequence[int] | None = None,
) -> list[dict[str, Any]]:
    """Conflicts as the JSON export contract names them.

    ``[{id, kind, reason, status, claims: [{id, text, source, ...}, ...], ...}]`` — at least two
    claims each, plus severity, values and the review state. Filters combine (all must hold).
    """
    from claimtrack.store.review import conflict_detail_rows

    rows = conflict_detail_rows(
        session,
        ids=ids,
        statuses=list(statuses) if statuses else None,
        sources=list(sources) if sources else None,
        include_inactive=include_inactive,
        incidents=list(incidents) if incidents is not None else None,
    )
    if kinds:
        wanted = {k.casefold() for k in kinds}
        rows = [row for row in rows if str(row["kind"]).casefold() in wanted]
    return [row for row in rows if len(row["claims"]) >= 2]


def conflict_dates(session: Session, claim_ids: Iterable[int]) -> dict[int, date | None]:
    """The publication date of each claim's article (for side-by-side display)."""
    ids = sorted(set(claim_ids))
    out: dict[int, date | None] = {}
    for chunk in _chunks(ids, 500):
        for cid, published in session.execute(
            sa_select(col(tables.Claim.id), col(tables.Article.published))
            .join(tables.Article, col(tables.Claim.article_id) == tables.Article.id)
            .where(col(tables.Claim.id).in_(chunk))
        ).all():
            assert cid is not None
            out[cid] = published
    return out
