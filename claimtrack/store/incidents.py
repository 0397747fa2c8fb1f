"""Incidents in the store: every article's located incidents clustered into stored incidents.

Clustering does not depend on the order in which articles arrive. Each incident an article tells
of (``claimtrack.incidents.locate``: a *member*) belongs to a *partition*: its governorate, and
whether it has a day (``same_incident`` never joins two governorates, and a dated member is only
ever compared with dated ones). Inside a partition, members are clustered greedily in a canonical
order (``_Member.key``: by day, the broadly told first, then by article content hash and index
in the article), never the order of arrival: each member joins the best-scoring earlier cluster
(``same_incident`` >= ``MATCH_SCORE`` against the cluster's *representative*, its first member;
ties: the earlier representative; never a representative of its own article, which told the two
apart) or opens one.
So an incident's representative is its earliest member, its row (place, day, kind, label,
signature) is the representative's, and its members lie on the representative's day or the
next (``DAY_WINDOW``).

``assign_incidents`` runs inside the transaction that stores an article, before matching: it
re-runs that greedy pass over the neighbourhood the article touches (from the day before its
earliest member, day by day, until a day's clusters come out as they were stored), rewrites the
incident of the stored members whose cluster changed (their claims and articles), and reports
those articles (``Assigned.moved``) so matching can re-derive their links and conflicts. An
incident keeps its id while it keeps its representative; a cluster that lost its representative
takes over the id of the incident most of its members were in. ``place_all`` (``match
--rebuild``) runs the same pass over every article at once: an incremental ingest and a rebuild
place the same articles in the same incidents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Date, String, bindparam, delete, insert, union, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from claimtrack.frame import frame, frame_from_json
from claimtrack.gazetteer import gazetteer
from claimtrack.incidents import DAY_WINDOW, MATCH_SCORE, Located, Placed, locate, same_incident
from claimtrack.store import tables

__all__ = [
    "NO_INCIDENT",
    "Assigned",
    "assign_incidents",
    "incident_accounts",
    "incident_rows",
    "place_all",
    "placed_of",
    "toll_timeline",
]

NO_INCIDENT = 0  # ClaimRecord.incident of a claim placed in no incident (background)
MAX_UNDATED = 500  # incidents without a day read per governorate (only near-identical words join)

_INCIDENT_TABLE: Any = tables.Incident.__table__  # type: ignore[attr-defined]
_CLAIM_TABLE: Any = tables.Claim.__table__  # type: ignore[attr-defined]
_ARTICLE_TABLE: Any = tables.Article.__table__  # type: ignore[attr-defined]
_CONFLICT_TABLE: Any = tables.Conflict.__table__  # type: ignore[attr-defined]


def placed_of(row: tables.Incident) -> Placed:
    return Placed(row.day, row.place, row.governorate, row.kind, row.signature)


@dataclass(frozen=True)
class Assigned:
    incident_ids: tuple[int, ...]  # one per located incident (the lead first)
    claim_incidents: tuple[int, ...]  # one per claim: an incident id, or NO_INCIDENT
    # other stored articles whose claims changed incident (their links and conflicts are stale)
    moved: tuple[int, ...] = ()
    moved_claims: tuple[int, ...] = ()
    # incidents that lost members and still exist (their conflicts are to be derived again)
    shrunk: tuple[int, ...] = ()


# ------------------------------------------------------------------------------- members

# An article's ``Located`` is a pure function of its stored text, headline and date (claims,
# frames and the gazetteer follow from them), so it is kept per (content hash, title, date):
# re-clustering a neighbourhood does not frame or locate the same article twice in a process.
_LOCATED: dict[tuple[str, str | None, date | None], Located] = {}
_LOCATED_MAX = 50_000


def _remember(key: tuple[str, str | None, date | None], located: Located) -> None:
    if len(_LOCATED) >= _LOCATED_MAX:
        _LOCATED.clear()
    _LOCATED[key] = located


def locate_stored(
    title: str | None, published: date | None, texts: Sequence[str], frames_json: Sequence[str]
) -> Located:
    """``locate`` over a stored article (its claims' stored frames)."""
    frames = [frame_from_json(f or "{}") for f in frames_json]
    title_frame = frame(title, published) if title else None
    return locate(title, list(texts), frames, published, title_frame)


Partition = tuple[str | None, bool]  # (governorate, dated)
MemberId = tuple[int, int]  # (article id, index of the incident in the article)


@dataclass(frozen=True)
class _Member:
    article: int
    index: int
    placed: Placed
    digest: str

    @property
    def id(self) -> MemberId:
        return (self.article, self.index)

    @property
    def key(self) -> tuple[int, int, str, int]:
        """Canonical order: by day; in a day the more broadly told first (a governorate rather
        than a town, "an attack" rather than a kind), so that the precise accounts of that day
        can join it (``same_incident`` takes a town for its governorate, a kind for "attack");
        then by content hash. Broad-first holds for an article's lead incident only: a broad
        further incident ("Elsewhere the bodies of three children ...") opening a day's cluster
        would take the day's precise reports away from the precise incident they tell of.
        Only the day must come first (see ``_incremental``). On FA-KES (``corpus-check``)
        broad-first finds more of the groups whose tolls differ, and fewer
        flags across two incidents, than precise-first or content hash alone."""
        day = self.placed.day.toordinal() if self.placed.day is not None else 0
        broad = (self.index == 0) * (
            (self.placed.kind in ("attack", "event"))
            + (self.placed.place is None or gazetteer().is_governorate(self.placed.place))
        )
        return (day, -broad, self.digest, self.index)

    @property
    def partition(self) -> Partition:
        return (self.placed.governorate, self.placed.day is not None)


@dataclass
class _Article:
    """A stored article as clustering sees it."""

    id: int
    digest: str
    located: Located
    claims: list[int]  # claim ids, in order
    claim_incidents: list[int | None]  # as stored
    lead_incident: int | None  # article.incident_id as stored

    def members(self) -> list[_Member]:
        return [
            _Member(self.id, i, placed, self.digest)
            for i, placed in enumerate(self.located.incidents)
        ]

    def stored_incident(self, index: int) -> int | None:
        if index == 0:
            return self.lead_incident
        for placed_at, incident in zip(
            self.located.claim_incident, self.claim_incidents, strict=True
        ):
            if placed_at == index and incident is not None:
                return incident
        return None


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _article_reads(of_articles: Any, of_claims: Any) -> tuple[Any, Any]:
    """The two selects ``_read_articles`` runs: the articles (with the day of their lead
    incident) and their claims in order (with the day of each claim's incident)."""
    t = _INCIDENT_TABLE
    heads = (
        sa_select(
            _ARTICLE_TABLE.c.id,
            _ARTICLE_TABLE.c.content_hash,
            _ARTICLE_TABLE.c.title,
            _ARTICLE_TABLE.c.published,
            _ARTICLE_TABLE.c.incident_id,
            t.c.day,
        )
        .outerjoin(t, t.c.id == _ARTICLE_TABLE.c.incident_id)
        .where(of_articles)
    )
    claims = (
        sa_select(_CLAIM_TABLE.c.article_id, _CLAIM_TABLE.c.id, _CLAIM_TABLE.c.incident_id, t.c.day)
        .outerjoin(t, t.c.id == _CLAIM_TABLE.c.incident_id)
        .where(of_claims)
        .order_by(_CLAIM_TABLE.c.article_id, _CLAIM_TABLE.c.seq)
    )
    return heads, claims


# The reads of a neighbourhood, built once per shape (governorate null or named; dated window
# or undated bucket) and run with parameters ``gov``, ``lo``, ``hi``: the articles pointing at
# the partition's incidents of those days.
_HOOD_READS: dict[tuple[bool, bool], tuple[Any, Any]] = {}


def _hood_reads(no_governorate: bool, undated: bool) -> tuple[Any, Any]:
    reads = _HOOD_READS.get((no_governorate, undated))
    if reads is None:
        t = _INCIDENT_TABLE
        query = sa_select(t.c.id).where(
            t.c.governorate.is_(None)
            if no_governorate
            else t.c.governorate == bindparam("gov", type_=String)
        )
        if undated:
            incidents: Any = (
                query.where(t.c.day.is_(None)).order_by(t.c.id).limit(MAX_UNDATED).scalar_subquery()
            )
        else:
            # a member lies on its incident's day or up to DAY_WINDOW days after it
            incidents = query.where(
                t.c.day.between(bindparam("lo", type_=Date), bindparam("hi", type_=Date))
            )
        holding = _pointing(incidents, _CLAIM_TABLE.c.article_id, _ARTICLE_TABLE.c.id)
        reads = _article_reads(
            _ARTICLE_TABLE.c.id.in_(holding), _CLAIM_TABLE.c.article_id.in_(holding)
        )
        _HOOD_READS[(no_governorate, undated)] = reads
    return reads


def _read_articles(
    session: Session,
    article_ids: Iterable[int] = (),
    *,
    holding: tuple[tuple[Any, Any], dict[str, Any]] | None = None,
) -> tuple[dict[int, _Article], dict[int, int]]:
    """Stored articles with their located incidents (from the cache, else located anew): those
    of ``article_ids``, or those the ``holding`` reads (``_hood_reads``, with their parameters)
    give; and the day (ordinal, 0 for none) of each incident they point at."""
    reads: list[tuple[tuple[Any, Any], dict[str, Any]]] = (
        [holding]
        if holding is not None
        else [
            (
                _article_reads(
                    _ARTICLE_TABLE.c.id.in_(chunk), _CLAIM_TABLE.c.article_id.in_(chunk)
                ),
                {},
            )
            for chunk in _chunks(sorted(set(article_ids)), 500)
        ]
    )
    out: dict[int, _Article] = {}
    days: dict[int, int] = {}
    heads: dict[int, tuple[str, str | None, date | None, int | None]] = {}
    claims: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
    connection = session.connection()  # Core: plain rows, no ORM bookkeeping
    for (of_articles, of_claims), params in reads:
        for aid, digest, title, published, lead, day in connection.execute(of_articles, params):
            heads[aid] = (digest, title, published, lead)
            if lead is not None:
                days[lead] = day.toordinal() if day is not None else 0
        for aid, cid, incident, day in connection.execute(of_claims, params):
            claims[aid].append((cid, incident))
            if incident is not None:
                days[incident] = day.toordinal() if day is not None else 0
    missing = [aid for aid, (d, t_, p, _) in heads.items() if (d, t_, p) not in _LOCATED]
    texts: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for chunk in _chunks(missing, 200):
        for aid, text, frame_json in connection.execute(
            sa_select(_CLAIM_TABLE.c.article_id, _CLAIM_TABLE.c.text, _CLAIM_TABLE.c.frame)
            .where(_CLAIM_TABLE.c.article_id.in_(chunk))
            .order_by(_CLAIM_TABLE.c.article_id, _CLAIM_TABLE.c.seq)
        ).all():
            texts[aid].append((text, frame_json))
    for aid, (digest, title, published, lead) in heads.items():
        key = (digest, title, published)
        located = _LOCATED.get(key)
        if located is None:
            rows = texts.get(aid, [])
            if not rows:
                continue  # no claims: never placed
            located = locate_stored(title, published, [t for t, _ in rows], [f for _, f in rows])
            _remember(key, located)
        own = claims.get(aid, [])
        if len(own) != len(located.claim_incident):
            continue
        out[aid] = _Article(aid, digest, located, [c for c, _ in own], [i for _, i in own], lead)
    return out, days


# ------------------------------------------------------------------------------- clustering


@dataclass
class _Pass:
    """One greedy pass over a partition, day by day (or over its one undated bucket)."""

    openers: list[_Member] = field(default_factory=list)  # of the previous day, then today's
    cluster: dict[MemberId, MemberId] = field(default_factory=dict)  # member -> representative

    def day(self, members: Sequence[_Member], previous: Sequence[_Member]) -> list[_Member]:
        """Cluster one day's members (in canonical order) against the previous day's
        representatives and today's; return today's representatives."""
        today: list[_Member] = []
        for member in sorted(members, key=lambda m: m.key):
            best = _best_rep(member, (*previous, *today))
            if best is None:
                today.append(member)
                self.cluster[member.id] = member.id
            else:
                self.cluster[member.id] = best.id
        return today


def _best_rep(member: _Member, reps: Iterable[_Member]) -> _Member | None:
    """The representative ``member`` matches best (ties: the first), or None. Never one of its
    own article's: the article told them apart ("Elsewhere ...", another day), so two incidents."""
    best: tuple[float, _Member] | None = None
    for rep in reps:
        if rep.article == member.article:
            continue
        score = same_incident(member.placed, rep.placed)
        if score >= MATCH_SCORE and (best is None or score > best[0]):
            best = (score, rep)
    return None if best is None else best[1]


def _cluster_partition(members: Sequence[_Member]) -> dict[MemberId, MemberId]:
    """All members of one partition, clustered from scratch: member -> representative."""
    run = _Pass()
    if not members or members[0].placed.day is None:
        run.day(members, ())
        return run.cluster
    by_day: dict[int, list[_Member]] = defaultdict(list)
    for m in members:
        by_day[m.key[0]].append(m)
    reps: dict[int, list[_Member]] = {}
    for day in sorted(by_day):
        previous = [r for d in range(day - DAY_WINDOW, day) for r in reps.get(d, ())]
        reps[day] = run.day(by_day[day], previous)
    return run.cluster


class _Neighbourhood:
    """The stored members of one partition, read by days as the pass needs them (each with
    the incident it is stored in)."""

    def __init__(self, session: Session, partition: Partition, articles: dict[int, _Article]):
        self.session = session
        self.governorate, self.dated = partition
        self.articles = articles  # shared by the partitions of one assignment
        self.days: dict[int, list[_Member]] = {}
        self.old: dict[MemberId, int | None] = {}
        self.incident_day: dict[int, int] = {}
        self._reps: dict[int, MemberId | None] = {}

    def _load(self, undated: bool, days: Iterable[int], **params: Any) -> None:
        """Read the members on ``days`` of the articles that point at the partition's incidents
        (undated, or dated ``lo``..``hi``)."""
        wanted = set(days)
        for day in wanted:
            self.days.setdefault(day, [])
        if self.governorate is not None:
            params["gov"] = self.governorate
        reads = _hood_reads(self.governorate is None, undated)
        read, incident_days = _read_articles(self.session, holding=(reads, params))
        self.incident_day.update(incident_days)
        for aid in sorted(read):
            article = self.articles.setdefault(aid, read[aid])
            for member in article.members():
                if member.partition != (self.governorate, self.dated):
                    continue
                if member.key[0] not in wanted or member.id in self.old:
                    continue
                self.old[member.id] = article.stored_incident(member.index)
                self.days[member.key[0]].append(member)

    def ensure(self, lo: int, hi: int) -> None:
        """Read the members of days ``lo..hi`` (ordinals) not read yet."""
        missing = [d for d in range(lo, hi + 1) if d not in self.days]
        if not missing:
            return
        first, last = min(missing), max(missing)
        # a member lies on its incident's day or up to DAY_WINDOW days after it
        self._load(
            False,
            missing,
            lo=date.fromordinal(first) - timedelta(days=DAY_WINDOW),
            hi=date.fromordinal(last),
        )

    def undated(self) -> list[_Member]:
        if 0 not in self.days:
            self._load(True, [0])
        return self.days[0]

    def at(self, day: int) -> list[_Member]:
        self.ensure(day, day)
        return self.days[day]

    def old_rep(self, incident: int | None) -> MemberId | None:
        """The stored representative of an incident: its earliest member on its day."""
        if incident is None:
            return None
        if incident not in self._reps:
            day = self.incident_day.get(incident)
            on_day = [] if day is None else self.days.get(0, []) if day == 0 else self.at(day)
            members = [m for m in on_day if self.old[m.id] == incident]
            self._reps[incident] = min(members, key=lambda m: m.key).id if members else None
        return self._reps[incident]

    def old_reps(self, day: int) -> list[_Member]:
        """The stored representatives of the incidents of one day, in canonical order."""
        return sorted(
            (
                m
                for m in self.at(day)
                if self.incident_day.get(self.old[m.id] or 0) == day
                and self.old_rep(self.old[m.id]) == m.id
            ),
            key=lambda m: m.key,
        )


@dataclass
class _Outcome:
    cluster: dict[MemberId, MemberId]  # processed member -> representative
    processed: list[_Member]  # stored and new
    fixed: dict[MemberId, int]  # representatives before the processed days -> their incident


def _incremental(hood: _Neighbourhood, new: Sequence[_Member]) -> _Outcome:
    """Re-run the greedy pass where new members enter a partition: from the day before the
    earliest, day by day, until the clusters of the last days come out as stored."""
    run = _Pass()
    if not hood.dated:
        stored = hood.undated()
        quick = _undated_quick(hood, stored, new)
        if quick is not None:
            return quick
        run.day([*stored, *new], ())
        return _Outcome(run.cluster, [*stored, *new], {})
    new_days: dict[int, list[_Member]] = defaultdict(list)
    for m in new:
        new_days[m.key[0]].append(m)
    first, last = min(new_days), max(new_days)
    hood.ensure(first - DAY_WINDOW, last + DAY_WINDOW)
    reps: dict[int, list[_Member]] = {}
    fixed: dict[MemberId, int] = {}

    def fix_before(day: int) -> None:
        for d in range(day - DAY_WINDOW, day):
            if d not in reps:
                reps[d] = hood.old_reps(d)
                for rep in reps[d]:
                    incident = hood.old[rep.id]
                    assert incident is not None
                    fixed[rep.id] = incident

    processed: list[_Member] = []
    stable: list[bool] = []
    day = first
    fix_before(day)
    while True:
        stored = hood.at(day)
        previous = [r for d in range(day - DAY_WINDOW, day) for r in reps.get(d, ())]
        reps[day] = run.day([*stored, *new_days.get(day, ())], previous)
        processed += [*stored, *new_days.get(day, ())]
        stable.append(
            [r.id for r in reps[day]] == [r.id for r in hood.old_reps(day)]
            and all(run.cluster[m.id] == hood.old_rep(hood.old[m.id]) for m in stored)
        )
        settled = all(stable[-DAY_WINDOW:])
        if day >= last:
            after = range(day + 1, day + DAY_WINDOW + 1)
            if settled or not any(hood.at(d) for d in after):
                break
            day += 1
        elif settled:
            # nothing changed since: skip to the window before the next new member
            following = min(d for d in new_days if d > day)
            day = max(day + 1, following - DAY_WINDOW)
            fix_before(day)
        else:
            day += 1
    return _Outcome(run.cluster, processed, fixed)


def _undated_quick(
    hood: _Neighbourhood, stored: Sequence[_Member], new: Sequence[_Member]
) -> _Outcome | None:
    """One new member among undated ones (a bucket without days, possibly large): when no
    stored member after it in canonical order could join it, nobody else's cluster changes, so
    it only joins the best stored representative before it, or opens its own. None: re-run."""
    if len(new) != 1:
        return None
    member = new[0]
    reps: dict[int, _Member] = {}
    for m in stored:
        incident = hood.old[m.id]
        if incident is not None and (incident not in reps or m.key < reps[incident].key):
            reps[incident] = m
    rep_ids = {r.id for r in reps.values()}
    best: tuple[float, _Member] | None = None
    for other in sorted(stored, key=lambda m: m.key):
        score = same_incident(member.placed, other.placed)
        if other.key > member.key:
            if score >= MATCH_SCORE:
                return None  # it may take members over: re-run the bucket
        elif other.id in rep_ids and score >= MATCH_SCORE and (best is None or score > best[0]):
            best = (score, other)
    if best is None:
        return _Outcome({member.id: member.id}, [member], {})
    incident = hood.old[best[1].id]
    assert incident is not None
    return _Outcome({member.id: best[1].id}, [member], {best[1].id: incident})


_ROW_FIELDS = ("place", "governorate", "day", "kind", "label", "signature")  # of ``_row``

# Writes built once and run as one driver executemany each (rows by id).
_INSERT_INCIDENTS = insert(_INCIDENT_TABLE).returning(
    _INCIDENT_TABLE.c.id, sort_by_parameter_order=True
)
_SHOW_INCIDENT = (
    update(_INCIDENT_TABLE)
    .where(_INCIDENT_TABLE.c.id == bindparam("row"))
    .values({name: bindparam(f"v_{name}") for name in _ROW_FIELDS})
)
_POINT_CLAIM = (
    update(_CLAIM_TABLE)
    .where(_CLAIM_TABLE.c.id == bindparam("row"))
    .values(incident_id=bindparam("inc"))
)
_POINT_ARTICLE = (
    update(_ARTICLE_TABLE)
    .where(_ARTICLE_TABLE.c.id == bindparam("row"))
    .values(incident_id=bindparam("inc"))
)


def _new_incidents(session: Session, rows: Sequence[Placed], now: datetime) -> list[int]:
    """Store new incidents, in order; their ids, in the same order."""
    if not rows:
        return []
    return [
        int(i)
        for i in session.connection()
        .execute(_INSERT_INCIDENTS, [{**_row(placed), "created_at": now} for placed in rows])
        .scalars()
        .all()
    ]


def _shown(rep: _Member, members: Sequence[_Member]) -> Placed:
    """What an incident is shown as: its representative (the broadly told account of its first
    day, "Idlib, 4 Apr 2017, attack"), made as precise as its members agree: the town most of
    them name and the kind most of them tell ("Khan Shaykhun, 4 Apr 2017, chemical attack").
    Display only: clustering compares members, never the stored row."""
    gz = gazetteer()
    towns = Counter(
        m.placed.place
        for m in members
        if m.placed.place is not None and not gz.is_governorate(m.placed.place)
    )
    kinds = Counter(m.placed.kind for m in members if m.placed.kind not in ("attack", "event"))
    order = {m.id: i for i, m in enumerate(sorted(members, key=lambda m: m.key))}

    def first_told(value: str, attr: str) -> int:  # ties: the one told earliest
        return min(order[m.id] for m in members if getattr(m.placed, attr) == value)

    place = rep.placed.place
    if towns:
        place = min(towns, key=lambda t: (-towns[t], first_told(t, "place")))
    kind = rep.placed.kind
    if kinds:
        kind = min(kinds, key=lambda k: (-kinds[k], first_told(k, "kind")))
    return replace(rep.placed, place=place, kind=kind)


def _row(placed: Placed) -> dict[str, Any]:
    return {
        "place": placed.place,
        "governorate": placed.governorate,
        "day": placed.day,
        "kind": placed.kind,
        "label": placed.label[:300],
        "signature": placed.signature,
    }


def assign_incidents(
    session: Session,
    article_id: int,
    claim_ids: Sequence[int],
    located: Located,
    now: datetime,
    head: tuple[str, str | None, date | None] | None = None,
) -> Assigned:
    """Cluster the article's incidents with the stored ones, point the article and its claims
    at their incidents, and move the stored members whose cluster the article changed.

    ``head``: the article's stored content hash, title and date when the caller knows them."""
    if head is None:
        row = session.execute(
            sa_select(
                _ARTICLE_TABLE.c.content_hash, _ARTICLE_TABLE.c.title, _ARTICLE_TABLE.c.published
            ).where(_ARTICLE_TABLE.c.id == article_id)
        ).one()
        head = (str(row[0]), row[1], row[2])
    digest = str(head[0])
    _remember((digest, head[1], head[2]), located)
    mine = [_Member(article_id, i, p, digest) for i, p in enumerate(located.incidents)]
    partitions: dict[Partition, list[_Member]] = defaultdict(list)
    for m in mine:
        partitions[m.partition].append(m)
    articles: dict[int, _Article] = {}
    own: dict[int, int] = {}  # index of the article's incident -> incident id
    moves: dict[MemberId, int] = {}  # stored member -> its new incident
    lost: set[int] = set()  # incidents that lost members
    gone: set[int] = set()  # incidents left without members
    for partition in sorted(partitions, key=lambda p: (p[0] or "", p[1])):
        hood = _Neighbourhood(session, partition, articles)
        outcome = _incremental(hood, partitions[partition])
        ids = _incident_ids(session, hood, outcome, now)
        for m in outcome.processed:
            incident = ids[outcome.cluster[m.id]]
            if m.article == article_id:
                own[m.index] = incident
            elif hood.old[m.id] != incident:
                moves[m.id] = incident
                if hood.old[m.id] is not None:
                    lost.add(int(hood.old[m.id]))  # type: ignore[arg-type]
        kept = set(ids.values())
        gone |= {int(i) for m in outcome.processed if (i := hood.old.get(m.id)) is not None} - kept
    incident_ids = tuple(own[i] for i in range(len(located.incidents)))
    per_claim = tuple(
        incident_ids[index] if index is not None else NO_INCIDENT
        for index in located.claim_incident
    )
    leads = {article_id: incident_ids[0]}
    pointed = dict(zip(claim_ids, per_claim, strict=True))
    moved_claims: list[int] = []
    for (aid, index), incident in sorted(moves.items()):
        article = articles[aid]
        if index == 0:
            leads[aid] = incident
        for cid, at in zip(article.claims, article.located.claim_incident, strict=True):
            if at == index:
                pointed[cid] = incident
                moved_claims.append(cid)
    _point(session, _POINT_ARTICLE, leads)
    _point(session, _POINT_CLAIM, pointed)
    if gone:
        _drop_incidents(session, gone)
    return Assigned(
        incident_ids,
        per_claim,
        tuple(sorted({aid for aid, _ in moves})),
        tuple(sorted(moved_claims)),
        tuple(sorted(lost - gone)),
    )


def _point(session: Session, statement: Any, incident_of: dict[int, int]) -> None:
    """Point rows (article leads or claims, by id) at incidents (``NO_INCIDENT``: at none), in
    one executemany, in order of id."""
    if not incident_of:
        return
    session.connection().execute(
        statement,
        [
            {"row": row, "inc": incident if incident != NO_INCIDENT else None}
            for row, incident in sorted(incident_of.items())
        ],
    )


def _pointing(incidents: Any, claim_column: Any, article_column: Any) -> Any:
    """``claim_column`` of the claims and ``article_column`` of the articles (as leads) that
    point at any of ``incidents`` (ids, or a select of ids)."""
    return union(
        sa_select(claim_column).where(_CLAIM_TABLE.c.incident_id.in_(incidents)),
        sa_select(article_column).where(_ARTICLE_TABLE.c.incident_id.in_(incidents)),
    )


def _drop_incidents(session: Session, ids: Iterable[int]) -> None:
    """Delete incidents nothing points at any more (their conflicts keep no incident)."""
    wanted = sorted(ids)
    still = set(
        session.execute(
            _pointing(wanted, _CLAIM_TABLE.c.incident_id, _ARTICLE_TABLE.c.incident_id)
        ).scalars()
    )
    empty = [i for i in wanted if i not in still]
    if not empty:
        return
    connection = session.connection()
    connection.execute(
        update(_CONFLICT_TABLE)
        .where(_CONFLICT_TABLE.c.incident_id.in_(empty))
        .values(incident_id=None)
    )
    connection.execute(delete(_INCIDENT_TABLE).where(_INCIDENT_TABLE.c.id.in_(empty)))


def _incident_ids(
    session: Session, hood: _Neighbourhood, outcome: _Outcome, now: datetime
) -> dict[MemberId, int]:
    """An incident id for every representative of the pass: a stored representative keeps its
    incident; another takes over the incident most of its members were in (if that incident
    lost its representative), else a new incident is stored."""
    ids: dict[MemberId, int] = dict(outcome.fixed)
    taken = set(outcome.fixed.values())
    by_id = {m.id: m for m in outcome.processed}
    members: dict[MemberId, list[_Member]] = defaultdict(list)
    for m in outcome.processed:
        members[outcome.cluster[m.id]].append(m)
    reps = sorted((by_id[r] for r in members if r in by_id), key=lambda m: m.key)
    for rep in reps:
        incident = hood.old.get(rep.id)
        if incident is not None and hood.old_rep(incident) == rep.id and incident not in taken:
            ids[rep.id] = incident
            taken.add(incident)
    shown = {rep.id: _shown(rep, members[rep.id]) for rep in reps}
    opened: list[_Member] = []  # representatives of new incidents, stored together below
    for rep in reps:
        if rep.id in ids:
            continue
        counts: dict[int, int] = defaultdict(int)
        for m in members[rep.id]:
            incident = hood.old.get(m.id)
            if incident is not None and incident not in taken:
                counts[incident] += 1
        if counts:
            incident = min(counts, key=lambda i: (-counts[i], i))
            ids[rep.id] = incident
            taken.add(incident)
        else:
            opened.append(rep)  # a new id is never among the stored ones counted above
    new = _new_incidents(session, [shown[rep.id] for rep in opened], now)
    ids.update((rep.id, incident) for rep, incident in zip(opened, new, strict=True))
    fresh = {rep.id for rep in opened}
    # what each stored incident is shown as follows its members (a new one is stored so)
    again = [
        {"row": ids[rep.id], **{f"v_{k}": v for k, v in _row(shown[rep.id]).items()}}
        for rep in reps
        if rep.id not in fresh
    ]
    if again:
        session.connection().execute(_SHOW_INCIDENT, again)
    return ids


def place_all(session: Session, now: datetime) -> int:
    """Place every stored article anew (``match --rebuild``): incidents deleted, then every
    partition clustered from scratch in canonical order. Returns the number of incidents."""
    connection = session.connection()
    for table in (_CONFLICT_TABLE, _CLAIM_TABLE, _ARTICLE_TABLE):
        connection.execute(update(table).values(incident_id=None))
    connection.execute(delete(_INCIDENT_TABLE))
    ids = [int(i) for i in session.execute(sa_select(_ARTICLE_TABLE.c.id)).scalars()]
    articles, _ = _read_articles(session, ids)
    partitions: dict[Partition, list[_Member]] = defaultdict(list)
    for article in articles.values():
        for m in article.members():
            partitions[m.partition].append(m)
    cluster: dict[MemberId, MemberId] = {}
    for members in partitions.values():
        cluster.update(_cluster_partition(members))
    by_id = {m.id: m for ms in partitions.values() for m in ms}
    reps = sorted(
        (by_id[r] for r in set(cluster.values())), key=lambda m: (m.key, m.partition[0] or "")
    )
    incident_of: dict[MemberId, int] = {}
    clustered: dict[MemberId, list[_Member]] = defaultdict(list)
    for member_id, rep_id in cluster.items():
        clustered[rep_id].append(by_id[member_id])
    for chunk in _chunks(reps, 500):
        rows = [{**_row(_shown(rep, clustered[rep.id])), "created_at": now} for rep in chunk]
        new = (
            session.execute(
                insert(_INCIDENT_TABLE).returning(
                    _INCIDENT_TABLE.c.id, sort_by_parameter_order=True
                ),
                rows,
            )
            .scalars()
            .all()
        )
        incident_of.update((rep.id, int(i)) for rep, i in zip(chunk, new, strict=True))
    leads: list[dict[str, Any]] = []
    placed: list[dict[str, Any]] = []
    for article in articles.values():
        per_index = [
            incident_of[cluster[(article.id, i)]] for i in range(len(article.located.incidents))
        ]
        leads.append({"row": article.id, "inc": per_index[0]})
        placed += [
            {"row": cid, "inc": per_index[at]}
            for cid, at in zip(article.claims, article.located.claim_incident, strict=True)
            if at is not None
        ]
    for table, rows in ((_ARTICLE_TABLE, leads), (_CLAIM_TABLE, placed)):
        if rows:
            session.execute(
                update(table)
                .where(table.c.id == bindparam("row"))
                .values(incident_id=bindparam("inc")),
                rows,
                execution_options={"synchronize_session": False},
            )
    return len(reps)


# ------------------------------------------------------------------------------- reading


def _place_keys(place: str) -> set[str]:
    """What ``--place`` may name: a gazetteer place by any spelling ("Khan Sheikhoun" is "khan
    shaykhun"), or the words themselves."""
    from claimtrack.gazetteer import gazetteer

    wanted = " ".join(place.casefold().replace("-", " ").split())
    keys = {wanted}
    for canon, spellings in gazetteer().spellings.items():
        forms = {canon, *spellings}
        if wanted in {" ".join(f.replace("-", " ").split()) for f in forms}:
            keys.add(canon)
    return keys


def incident_rows(
    session: Session,
    *,
    ids: Sequence[int] | None = None,
    since: date | None = None,
    until: date | None = None,
    place: str | None = None,
    kind: str | None = None,
) -> list[dict[str, Any]]:
    """Incidents as ``export incidents --format json`` names the fields, newest first.

    Each row: ``id``, ``label``, ``place``, ``governorate``, ``date`` (ISO or null), ``kind``,
    ``articles`` (ids), ``outlets``, ``sources`` (named sources of its claims), ``conflicts``
    (ids of its active conflicts) and ``open_conflicts`` (how many are still open). Filters
    combine; ``place`` matches the place or its governorate by any gazetteer spelling.
    """
    query = select(tables.Incident)
    if ids is not None:
        query = query.where(col(tables.Incident.id).in_(list(ids)))
    if since is not None:
        query = query.where(col(tables.Incident.day) >= since)
    if until is not None:
        query = query.where(col(tables.Incident.day) <= until)
    if kind is not None:
        query = query.where(tables.Incident.kind == kind)
    incidents = list(session.exec(query))
    if place is not None:
        keys = _place_keys(place)
        incidents = [
            i
            for i in incidents
            if (i.place or "") in keys
            or (i.governorate or "") in keys
            or any(k in i.label.casefold() for k in keys)
        ]
    if not incidents:
        return []
    wanted = [i.id for i in incidents if i.id is not None]
    articles: dict[int, set[int]] = defaultdict(set)
    outlets: dict[int, set[str]] = defaultdict(set)
    sources: dict[int, set[str]] = defaultdict(set)
    for incident_id, article_id, outlet, source in session.execute(
        sa_select(
            col(tables.Claim.incident_id),
            col(tables.Claim.article_id),
            col(tables.Article.outlet),
            col(tables.Source.name),
        )
        .join(tables.Article, col(tables.Claim.article_id) == tables.Article.id)
        .join(tables.Source, col(tables.Claim.source_id) == tables.Source.id, isouter=True)
        .where(col(tables.Claim.incident_id).in_(wanted))
    ).all():
        articles[incident_id].add(article_id)
        if outlet:
            outlets[incident_id].add(outlet)
        if source:
            sources[incident_id].add(source)
    conflicts: dict[int, list[int]] = defaultdict(list)
    open_: dict[int, int] = defaultdict(int)
    for conflict_id, incident_id, status in session.execute(
        sa_select(
            col(tables.Conflict.id), col(tables.Conflict.incident_id), col(tables.Conflict.status)
        )
        .where(col(tables.Conflict.incident_id).in_(wanted), col(tables.Conflict.active).is_(True))
        .order_by(col(tables.Conflict.id))
    ).all():
        conflicts[incident_id].append(conflict_id)
        open_[incident_id] += status == "open"
    rows = [
        {
            "id": i.id,
            "label": i.label,
            "place": i.place,
            "governorate": i.governorate,
            "date": i.day.isoformat() if i.day else None,
            "kind": i.kind,
            "articles": sorted(articles.get(i.id or 0, ())),
            "outlets": sorted(outlets.get(i.id or 0, ())),
            "sources": sorted(sources.get(i.id or 0, ())),
            "conflicts": conflicts.get(i.id or 0, []),
            "open_conflicts": open_.get(i.id or 0, 0),
        }
        for i in incidents
    ]
    rows.sort(key=lambda r: (r["date"] or "", r["id"]), reverse=True)
    return rows


def incident_accounts(session: Session, incident_id: int) -> list[dict[str, Any]]:
    """What each speaker says of one incident: its claims, grouped by source (the outlet's own
    voice grouped under the outlet), in order of publication."""
    from claimtrack.store.articles import claim_rows

    ids = list(
        session.exec(select(tables.Claim.id).where(tables.Claim.incident_id == incident_id)).all()
    )
    by_speaker: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in claim_rows(session, claim_ids=[i for i in ids if i is not None]):
        speaker = claim["source"] or f"{claim.get('outlet') or 'outlet unknown'} (reporter)"
        by_speaker[speaker].append(claim)

    def first_date(name: str) -> str:
        return str(by_speaker[name][0].get("published") or "")

    return [
        {"source": name, "claims": by_speaker[name]}
        for name in sorted(by_speaker, key=lambda n: (first_date(n), n))
    ]


def toll_timeline(session: Session, incident_id: int) -> list[dict[str, Any]]:
    """Who gave which toll of one incident, and when: one entry per speaker, article and count
    (dead, injured), oldest report first. A rising toll reads here as a timeline; the
    disagreements among accounts reported at about the same time are its conflicts."""
    from claimtrack.conflicts import toll_accounts
    from claimtrack.store.matching import claim_records

    ids = [
        int(i)
        for i in session.exec(
            select(tables.Claim.id).where(tables.Claim.incident_id == incident_id)
        ).all()
        if i is not None
    ]
    records = claim_records(session, ids)
    outlets = {r.ref: r.outlet for r in records.values()}
    entries = []
    for role, account in toll_accounts(records):
        entries.append(
            {
                "date": account.published.isoformat() if account.published else None,
                "source": account.speaker,
                "count": role,
                "toll": account.total.text,
                "value": account.total.value,
                "claim": account.ref,
                "article_id": account.article,
                "outlet": outlets.get(account.ref),
            }
        )
    entries.sort(key=lambda e: (e["date"] or "", e["count"], e["article_id"], e["claim"]))
    return entries
