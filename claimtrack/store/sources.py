"""The stored source registry: listing, one source in detail, user aliases and merges."""

from __future__ import annotations

import json
import shlex
from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, col, delete, select

from claimtrack import model
from claimtrack.errors import NotFoundError, UsageError
from claimtrack.review import Judged, ReviewState, toll_figure
from claimtrack.review import track_records as review_track_records
from claimtrack.sources import SourceRegistry, default_registry, unnamed_kind
from claimtrack.store import tables
from claimtrack.store.articles import add_alias, alias_key, claim_rows


def load_registry(session: Session) -> SourceRegistry:
    """The registry attribution reads: the built-in sources (``rules/sources.toml``) plus the
    aliases users gave with ``sources alias`` and ``sources merge``, and nothing learned from
    stored articles, so that a claim's source depends on its own article only, never on which
    articles were ingested before it ("Mr Lavrov" after an article that named Sergey Lavrov
    resolves as it does alone: one answer per corpus, whatever the order).

    A user alias is an alias row that is neither the source's own name nor one of the built-in
    aliases the source was created with (``ensure_sources`` stores only those two)."""
    registry = default_registry()
    aliases: dict[int, list[str]] = {}
    for source_id, alias in session.exec(
        select(tables.SourceAlias.source_id, tables.SourceAlias.alias).order_by(
            col(tables.SourceAlias.id)
        )
    ):
        aliases.setdefault(source_id, []).append(alias)
    if not aliases:
        return registry
    rows = session.exec(
        select(tables.Source)
        .where(col(tables.Source.id).in_(sorted(aliases)))
        .order_by(col(tables.Source.id))
    )
    for row in rows:
        assert row.id is not None
        builtin = registry.get(row.name)
        own = {alias_key(row.name), *(alias_key(a) for a in (builtin.aliases if builtin else ()))}
        given = tuple(a for a in aliases[row.id] if alias_key(a) not in own)
        if not given:
            continue
        registry.add(
            model.Source(
                name=row.name,
                kind=_kind(row.kind),
                aliases=given,  # no stored descriptor: the first article to name it wrote it
                country=row.country,
                is_person=row.is_person,
            )
        )
    return registry


_UNNAMED = model.SourceKind.UNNAMED.value


def refuse_unnamed(row: tables.Source, action: str) -> None:
    """An unnamed source ("rebels", "a military source") is words used for many speakers, each
    scoped to its own article: never an alias, never merged with anything."""
    if row.kind == _UNNAMED:
        raise UsageError(
            f"{row.name!r} is an unnamed source (words used for many different speakers, one per "
            f"article): it cannot {action}; its claims: claimtrack claims --source "
            f"{shlex.quote(row.name)}"
        )


def _kind(value: str) -> model.SourceKind:
    try:
        return model.SourceKind(value)
    except ValueError:
        return model.SourceKind.OTHER


def find_source(session: Session, name: str) -> tables.Source:
    """A stored source by its name or any of its aliases (case and diacritics folded)."""
    row = session.exec(
        select(tables.Source).where(func.lower(tables.Source.name) == name.casefold())
    ).first()
    if row is not None:
        return row
    source_id = session.exec(
        select(tables.SourceAlias.source_id).where(tables.SourceAlias.alias_key == alias_key(name))
    ).first()
    if source_id is not None:
        found = session.get(tables.Source, source_id)
        if found is not None:
            return found
    raise NotFoundError(f"no source named {name!r} (see `claimtrack sources`)")


def source_rows(session: Session) -> list[dict[str, Any]]:
    """Every stored source with its aliases, claim count and current annotations, by name."""
    counts = dict(
        session.exec(
            select(tables.Claim.source_id, func.count())
            .where(col(tables.Claim.source_id).is_not(None))
            .group_by(col(tables.Claim.source_id))
        ).all()
    )
    aliases: dict[int, list[str]] = {}
    for source_id, alias in session.exec(
        select(tables.SourceAlias.source_id, tables.SourceAlias.alias).order_by(
            col(tables.SourceAlias.alias)
        )
    ):
        aliases.setdefault(source_id, []).append(alias)
    notes: dict[int, list[dict[str, Any]]] = {}
    for note in session.exec(select(tables.SourceNote).order_by(col(tables.SourceNote.id))):
        notes.setdefault(note.source_id, []).append(
            {"note": note.note, "author": note.author, "at": note.at.isoformat()}
        )
    rows = []
    for row in session.exec(select(tables.Source).order_by(col(tables.Source.name))):
        assert row.id is not None
        source_notes = notes.get(row.id, [])
        rows.append(
            {
                "id": row.id,
                "name": row.name,
                "kind": row.kind,
                # what an unnamed source's words say it is ("rebels": military, "local media":
                # media, "witnesses": witness); None for a named source or words that do not say
                "unnamed_kind": unnamed_kind(row.name) if row.kind == _UNNAMED else None,
                "aliases": [a for a in aliases.get(row.id, []) if a != row.name],
                "claims": counts.get(row.id, 0),
                "descriptor": row.descriptor,
                "country": row.country,
                "note": source_notes[-1]["note"] if source_notes else None,
                "notes": source_notes,
                "reliability": row.reliability,
                "tags": json.loads(row.tags or "[]"),
                "affiliation": row.affiliation,
                "owner": row.owner,
            }
        )
    return rows


def source_detail(session: Session, name: str) -> dict[str, Any]:
    row = find_source(session, name)
    detail = next(r for r in source_rows(session) if r["id"] == row.id)
    detail["track_record"] = track_records(session).get(row.name, NO_RECORD)
    detail["claim_list"] = claim_rows(session, source=row.name)
    return detail


NO_RECORD: dict[str, Any] = {
    "decisions": 0,
    "by_kind": {},
    "explained": "no resolved conflict with a favoured account yet",
}


def track_records(session: Session) -> dict[str, dict[str, Any]]:
    """Each source's track record (``claimtrack.review.track_records``) from the conflicts
    reviewed as ``resolved`` with a favoured account, under the sources' current names (an
    alias or a merge moves the record with the claims). Sources never judged are left out; they
    have ``NO_RECORD``."""
    decided = list(
        session.exec(
            select(
                tables.Conflict.id,
                tables.Conflict.kind,
                tables.Conflict.favoured_claim_id,
                tables.Conflict.values,
            )
            .where(tables.Conflict.status == ReviewState.RESOLVED.value)
            .where(col(tables.Conflict.favoured_claim_id).is_not(None))
        )
    )
    if not decided:
        return {}
    kind_of = {conflict_id: (kind, favoured) for conflict_id, kind, favoured, _ in decided}
    # a toll conflict's stored values give each account's figure, in the order of its claims
    figures = {
        conflict_id: [toll_figure(str(v)) for v in _values(values)]
        for conflict_id, kind, _, values in decided
        if kind == model.ConflictKind.NUMBER.value
    }
    accounts = session.exec(
        select(tables.ConflictClaim, tables.Claim.text, tables.Source.name)
        .join(tables.Claim, col(tables.Claim.id) == tables.ConflictClaim.claim_id)
        .join(tables.Source, col(tables.Source.id) == tables.Claim.source_id, isouter=True)
        .where(col(tables.ConflictClaim.conflict_id).in_(sorted(kind_of)))
    )

    def figure(conflict_id: int, position: int) -> int | None:
        known = figures.get(conflict_id, [])
        return known[position] if 0 <= position < len(known) else None

    return review_track_records(
        Judged(
            conflict_id=member.conflict_id,
            kind=kind_of[member.conflict_id][0],
            source=source,
            text=text,
            favoured=member.claim_id == kind_of[member.conflict_id][1],
            figure=figure(member.conflict_id, member.position),
        )
        for member, text, source in accounts
    )


def _values(stored: str | None) -> list[object]:
    try:
        loaded = json.loads(stored or "[]")
    except ValueError:
        return []
    return loaded if isinstance(loaded, list) else []


def add_user_alias(session: Session, name: str, alias: str) -> dict[str, Any]:
    """Give source ``name`` the alias ``alias``; stored claims follow.

    A source that was created under that alias ("Cavusoglu" before the user said it is "Mevlut
    Cavusoglu") is merged in; unattributed-by-name claims whose mention is the alias move too.
    """
    target = find_source(session, name)
    assert target.id is not None
    refuse_unnamed(target, "take an alias")
    key = alias_key(alias)
    if not key:
        raise UsageError("the alias is empty")
    owner = session.exec(
        select(tables.SourceAlias.source_id).where(tables.SourceAlias.alias_key == key)
    ).first()
    moved = 0
    if owner is not None and owner != target.id:
        other = session.get(tables.Source, owner)
        assert other is not None
        refuse_unnamed(other, "become an alias")
        if alias_key(other.name) != key:
            raise UsageError(f"{alias!r} is already an alias of {other.name!r}")
        moved += merge_sources(session, target.name, other.name)["claims_moved"]
    add_alias(session, target.id, alias)
    result = session.exec(
        update(tables.Claim)
        .where(func.lower(col(tables.Claim.source_mention)) == alias.casefold())
        .where(col(tables.Claim.source_id).is_(None) | (col(tables.Claim.source_id) != target.id))
        .values(source_id=target.id)
    )
    moved += result.rowcount or 0
    return {"source": target.name, "alias": alias, "claims_moved": moved}


def merge_sources(session: Session, keep: str, absorb: str) -> dict[str, Any]:
    """Merge source ``absorb`` into ``keep``: its claims, aliases and notes move; it is deleted."""
    target = find_source(session, keep)
    other = find_source(session, absorb)
    if target.id == other.id:
        raise UsageError(f"{keep!r} and {absorb!r} are the same source")
    refuse_unnamed(target, "be merged")
    refuse_unnamed(other, "be merged")
    assert target.id is not None and other.id is not None
    moved = session.exec(
        update(tables.Claim)
        .where(col(tables.Claim.source_id) == other.id)
        .values(source_id=target.id)
    ).rowcount
    for alias_row in session.exec(
        select(tables.SourceAlias).where(tables.SourceAlias.source_id == other.id)
    ):
        alias_row.source_id = target.id
        session.add(alias_row)
    session.exec(
        update(tables.SourceNote)
        .where(col(tables.SourceNote.source_id) == other.id)
        .values(source_id=target.id)
    )
    session.exec(
        update(tables.SourceHistory)
        .where(col(tables.SourceHistory.source_id) == other.id)
        .values(source_id=target.id)
    )
    session.flush()
    session.exec(delete(tables.Source).where(col(tables.Source.id) == other.id))
    add_alias(session, target.id, other.name)
    return {"source": target.name, "merged": other.name, "claims_moved": moved or 0}
