"""Incidents in the store: an article's located incidents joined to the stored ones (or new).

``assign_incidents`` runs inside the transaction that stores an article, before matching: each
incident the article tells of (``claimtrack.incidents.locate``) joins the stored incident it is
(``same_incident``: same governorate, days within ``DAY_WINDOW``, then place, kind and words), or
becomes a new one; every claim then points at its incident (NULL for background claims).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import insert, update
from sqlmodel import Session, col, select

from claimtrack.incidents import DAY_WINDOW, MATCH_SCORE, Located, Placed, same_incident
from claimtrack.store import tables

__all__ = ["NO_INCIDENT", "assign_incidents", "placed_of"]

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
