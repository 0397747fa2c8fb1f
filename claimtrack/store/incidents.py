"""Incidents in the store: an article's located incidents joined to the stored ones (or new).

``assign_incidents`` runs inside the transaction that stores an article, before matching: each
incident the article tells of (``claimtrack.incidents.locate``) joins the stored incident it is
(``same_incident``: same governorate, days within ``DAY_WINDOW``, then place, kind and words), or
becomes a new one; every claim then points at its incident (NULL for background claims).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from claimtrack.incidents import DAY_WINDOW, MATCH_SCORE, Located, Placed, same_incident
from claimtrack.store import tables

__all__ = [
    "NO_INCIDENT",
    "assign_incidents",
    "incident_accounts",
    "incident_rows",
    "placed_of",
    "toll_timeline",
]

NO_INCIDENT = 0  # ClaimRecord.incident of a claim placed in no incident (background)

_INCIDENT_TABLE: Any = tables.Incident.__table__  # type: ignore[attr-defined]
_CLAIM_TABLE: Any = tables.Claim.__table__  # type: ignore[attr-defined]
_ARTICLE_TABLE: Any = tables.Article.__table__  # type: ignore[attr-defined]


def placed_of(row: tables.Incident) -> Placed:
    return Placed(row.day, row.place, row.governorate, row.kind, row.signature)


@dataclass(frozen=True)
class Assigned:
    incident_ids: tuple[int, ...]  # one per located incident (the lead first)
    claim_incidents: tuple[int, ...]  # one per claim: an incident id, or NO_INCIDENT


def _candidates(session: Session, placed: Placed) -> Sequence[tables.Incident]:
    query = select(tables.Incident)
    if placed.governorate is not None:
        query = query.where(tables.Incident.governorate == placed.governorate)
    else:
        query = query.where(col(tables.Incident.governorate).is_(None))
    if placed.day is not None:
        window = timedelta(days=DAY_WINDOW)
        query = query.where(
            col(tables.Incident.day).between(placed.day - window, placed.day + window)
        )
    else:
        query = query.where(col(tables.Incident.day).is_(None))
    return session.exec(query.order_by(col(tables.Incident.id)).limit(500)).all()


def _join_or_create(session: Session, placed: Placed, now: datetime) -> int:
    best: tuple[float, int] | None = None
    for row in _candidates(session, placed):
        assert row.id is not None
        score = same_incident(placed, placed_of(row))
        if score >= MATCH_SCORE and (best is None or score > best[0]):
            best = (score, row.id)
    if best is not None:
        return best[1]
    return int(
        session.connection()
        .execute(
            insert(_INCIDENT_TABLE)
            .values(
                place=placed.place,
                governorate=placed.governorate,
                day=placed.day,
                kind=placed.kind,
                label=placed.label[:300],
                signature=placed.signature,
                created_at=now,
            )
            .returning(_INCIDENT_TABLE.c.id)
        )
        .scalar_one()
    )


def assign_incidents(
    session: Session,
    article_id: int,
    claim_ids: Sequence[int],
    located: Located,
    now: datetime,
) -> Assigned:
    """Join or create the article's incidents and point the article and its claims at them."""
    ids = tuple(_join_or_create(session, placed, now) for placed in located.incidents)
    per_claim = tuple(
        ids[index] if index is not None else NO_INCIDENT for index in located.claim_incident
    )
    connection = session.connection()
    connection.execute(
        update(_ARTICLE_TABLE).where(_ARTICLE_TABLE.c.id == article_id).values(incident_id=ids[0])
    )
    by_incident: dict[int, list[int]] = {}
    for cid, incident in zip(claim_ids, per_claim, strict=True):
        if incident != NO_INCIDENT:
            by_incident.setdefault(incident, []).append(cid)
    for incident, cids in by_incident.items():
        connection.execute(
            update(_CLAIM_TABLE).where(_CLAIM_TABLE.c.id.in_(cids)).values(incident_id=incident)
        )
    return Assigned(ids, per_claim)


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
