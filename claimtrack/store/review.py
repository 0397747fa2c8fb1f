"""Reviews and annotations: the only SQL for conflict decisions, source and claim annotations.

Reviews use optimistic concurrency. Each conflict row carries a ``version``; a decision is written
with ``UPDATE conflict ... WHERE id = :id AND version = :read_version`` and bumps the version. When
the row changed between the read and the write (another reviewer decided first), or the caller's
``expected_version`` (what the reviewer was looking at) is no longer current, the decision is
refused with :class:`~claimtrack.errors.StaleWriteError` naming who changed it and when.

The refused decision is *not* applied and *not* written to the history (a failed command changes
nothing in the database). The winning decision is in the history; the loser re-reads the conflict
and, if they still disagree, decides again — that second decision is then recorded too, so both
reviewers' decisions end up in the history and nothing is silently overwritten.

Every decision and every note appends a ``review_event`` (old -> new state, reviewer, time, note,
favoured claim). A note without a decision is an event whose old and new states are equal.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from claimtrack.conflicts import family_in_article, render_agreement, render_reason
from claimtrack.errors import ConflictNotFoundError, NotFoundError, StaleWriteError, UsageError
from claimtrack.review import UNASSIGNED, QueueFilter, ReviewState, check_note, decide
from claimtrack.store import tables
from claimtrack.store.articles import claim_rows
from claimtrack.store.sources import find_source, source_rows

ANNOTATION_LIMIT = 10_000  # characters in a note; a longer one is almost surely a mistake


# ------------------------------------------------------------------------------------ reviews


def require_conflicts(session: Session, conflict_ids: Iterable[int]) -> None:
    """Raise :class:`ConflictNotFoundError` naming every id of ``conflict_ids`` not stored."""
    wanted = set(conflict_ids)
    if not wanted:
        return
    found = set(
        session.exec(select(tables.Conflict.id).where(col(tables.Conflict.id).in_(sorted(wanted))))
    )
    if wanted - found:
        raise ConflictNotFoundError(wanted - found)


def _conflict(session: Session, conflict_id: int) -> tables.Conflict:
    row = session.get(tables.Conflict, conflict_id)
    if row is None:
        raise ConflictNotFoundError([conflict_id])
    return row


def _stale(session: Session, conflict_id: int) -> StaleWriteError:
    """The error for a decision that lost the race: who changed the conflict, and when."""
    current = session.exec(
        select(tables.Conflict.updated_by, tables.Conflict.updated_at, tables.Conflict.version)
        .where(tables.Conflict.id == conflict_id)
        .execution_options(populate_existing=True)
    ).first()
    who, when, version = current if current is not None else (None, None, None)
    at = when.isoformat(timespec="seconds") if isinstance(when, datetime) else "an unknown time"
    return StaleWriteError(
        f"conflict {conflict_id} was changed by {who or 'someone else'} at {at} "
        f"(now version {version}); re-read it and retry"
    )


def _check_version(session: Session, row: tables.Conflict, expected_version: int | None) -> None:
    assert row.id is not None
    if expected_version is not None and row.version != expected_version:
        raise _stale(session, row.id)


def _write(
    session: Session,
    row: tables.Conflict,
    values: dict[str, Any],
    *,
    reviewer: str,
    now: datetime,
) -> int:
    """Compare-and-set the conflict row at the version that was read; the new version."""
    assert row.id is not None
    read_version = row.version
    result = session.exec(
        update(tables.Conflict)
        .where(col(tables.Conflict.id) == row.id)
        .where(col(tables.Conflict.version) == read_version)
        .values(version=read_version + 1, updated_at=now, updated_by=reviewer, **values)
    )
    if (result.rowcount or 0) != 1:
        raise _stale(session, row.id)
    return read_version + 1


def _clean_reviewer(reviewer: str) -> str:
    name = " ".join((reviewer or "").split())
    if not name:
        raise UsageError("the reviewer name is empty (use --reviewer or $CLAIMTRACK_REVIEWER)")
    return name[:200]


def set_status(
    session: Session,
    conflict_id: int,
    status: str,
    *,
    reviewer: str,
    note: str | None = None,
    favour_claim_id: int | None = None,
    expected_version: int | None = None,
    now: datetime,
) -> dict[str, Any]:
    """Record a review decision on a conflict, inside the caller's transaction.

    Raises ConflictNotFoundError for an unknown conflict, UsageError for a decision the state
    machine refuses (or a favoured claim that is not one of the conflict's accounts),
    StaleWriteError when someone else changed the conflict first. Returns the conflict's review
    state afterwards.
    """
    reviewer = _clean_reviewer(reviewer)
    row = _conflict(session, conflict_id)
    _check_version(session, row, expected_version)
    decision = decide(
        row.status,
        status,
        note=_limit(note),
        favour_claim_id=favour_claim_id,
        conflict_id=conflict_id,
    )
    if decision.favour_claim_id is not None:
        members = _member_ids(session, conflict_id)
        if decision.favour_claim_id not in members:
            raise UsageError(
                f"claim {decision.favour_claim_id} is not one of conflict {conflict_id}'s "
                f"accounts (choose one of: {', '.join(str(m) for m in members)})"
            )
    values: dict[str, Any] = {
        "status": decision.new.value,
        "favoured_claim_id": decision.favour_claim_id,
    }
    if decision.note is not None:
        values["note"] = decision.note
    version = _write(session, row, values, reviewer=reviewer, now=now)
    session.add(
        tables.ReviewEvent(
            conflict_id=conflict_id,
            old_status=decision.old.value,
            new_status=decision.new.value,
            reviewer=reviewer,
            note=decision.note,
            favoured_claim_id=decision.favour_claim_id,
            at=now,
        )
    )
    session.flush()
    return {
        "id": conflict_id,
        "old_status": decision.old.value,
        "status": decision.new.value,
        "note": decision.note if decision.note is not None else row.note,
        "favoured_claim_id": decision.favour_claim_id,
        "reviewer": reviewer,
        "version": version,
        "at": now.isoformat(),
    }


def add_note(
    session: Session,
    conflict_id: int,
    note: str,
    *,
    reviewer: str,
    expected_version: int | None = None,
    now: datetime,
) -> dict[str, Any]:
    """A reviewer's note on a conflict without a change of state (kept in the history too)."""
    reviewer = _clean_reviewer(reviewer)
    text = check_note(_limit(note))
    row = _conflict(session, conflict_id)
    _check_version(session, row, expected_version)
    version = _write(session, row, {"note": text}, reviewer=reviewer, now=now)
    session.add(
        tables.ReviewEvent(
            conflict_id=conflict_id,
            old_status=row.status,
            new_status=row.status,
            reviewer=reviewer,
            note=text,
            favoured_claim_id=None,
            at=now,
        )
    )
    session.flush()
    return {
        "id": conflict_id,
        "old_status": row.status,
        "status": row.status,
        "note": text,
        "favoured_claim_id": row.favoured_claim_id,
        "reviewer": reviewer,
        "version": version,
        "at": now.isoformat(),
    }


def history(session: Session, conflict_id: int) -> list[dict[str, Any]]:
    """Every review event of a conflict, oldest first."""
    _conflict(session, conflict_id)
    return histories(session, [conflict_id]).get(conflict_id, [])


def histories(session: Session, conflict_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
    """Review events of several conflicts at once: ``{conflict_id: [event, ...]}``, oldest first."""
    ids = sorted(set(conflict_ids))
    found: dict[int, list[dict[str, Any]]] = {}
    if not ids:
        return found
    query = (
        select(tables.ReviewEvent)
        .where(col(tables.ReviewEvent.conflict_id).in_(ids))
        .order_by(col(tables.ReviewEvent.conflict_id), col(tables.ReviewEvent.id))
    )
    for event in session.exec(query):
        found.setdefault(event.conflict_id, []).append(
            {
                "id": event.id,
                "conflict_id": event.conflict_id,
                "old_status": event.old_status,
                "new_status": event.new_status,
                "kind": "note" if event.old_status == event.new_status else "decision",
                "reviewer": event.reviewer,
                "note": event.note,
                "favoured_claim_id": event.favoured_claim_id,
                "at": event.at.isoformat(),
            }
        )
    return found


def _member_ids(session: Session, conflict_id: int) -> list[int]:
    return list(
        session.exec(
            select(tables.ConflictClaim.claim_id)
            .where(tables.ConflictClaim.conflict_id == conflict_id)
            .order_by(col(tables.ConflictClaim.position), col(tables.ConflictClaim.claim_id))
        )
    )


def open_conflict_ids(session: Session) -> list[int]:
    """Active conflicts nobody has decided on yet, in queue order (the default review queue)."""
    return queue_ids(session, QueueFilter(statuses=(ReviewState.OPEN.value,)))


def queue_ids(session: Session, wanted: QueueFilter) -> list[int]:
    """The ids of :func:`queue_rows`, in the same order."""
    return [int(row["id"]) for row in queue_rows(session, wanted)]


def queue_rows(session: Session, wanted: QueueFilter) -> list[dict[str, Any]]:
    """The conflicts a queue filter selects (rows of :func:`conflict_detail_rows`, two accounts
    or more), most severe first, then the newest (by the latest publication date of their
    accounts; undated last), then by id.

    An unknown ``--source`` is a NotFoundError (as ``find_source`` says); an unknown incident
    simply selects nothing.
    """
    rows = conflict_detail_rows(
        session,
        statuses=list(wanted.statuses) or None,
        sources=list(wanted.sources) or None,
        include_inactive=wanted.include_inactive,
        incidents=list(wanted.incidents) if wanted.incidents else None,
    )
    kinds = set(wanted.kinds)
    assignees = {name.casefold() for name in wanted.assignees}
    kept = []
    for row in rows:
        if len(row["claims"]) < 2:
            continue
        if kinds and row["kind"] not in kinds:
            continue
        if wanted.min_severity is not None and float(row["severity"] or 0) < wanted.min_severity:
            continue
        if assignees and (row["assignee"] or UNASSIGNED).casefold() not in assignees:
            continue
        if (wanted.since or wanted.until) and not any(
            _within(claim.get("published"), wanted.since, wanted.until) for claim in row["claims"]
        ):
            continue
        kept.append(row)
    kept.sort(key=_queue_order)
    return kept


def _within(published: str | None, since: date | None, until: date | None) -> bool:
    if not published:
        return False
    day = date.fromisoformat(published[:10])
    return (since is None or day >= since) and (until is None or day <= until)


def _queue_order(row: dict[str, Any]) -> tuple[float, int, int]:
    days = [date.fromisoformat(c["published"][:10]) for c in row["claims"] if c.get("published")]
    latest = max(days).toordinal() if days else 0
    return (-float(row["severity"] or 0), -latest, int(row["id"]))


def decide_many(
    session: Session,
    targets: Sequence[tuple[int, int]],
    status: str,
    *,
    reviewer: str,
    note: str | None = None,
    now: datetime,
) -> dict[str, Any]:
    """One decision on many conflicts: ``targets`` are ``(conflict_id, version read)``.

    Every decision is checked first (unknown ids, decisions the state machine refuses): one
    refused means none is written. Then each is written as :func:`set_status` writes one, at the
    version that was read, in a savepoint of its own: a conflict someone else changed since is
    reported in ``stale`` (with the reason) and the others go on. Returns ``{"decided": [result,
    ...], "stale": [{"id", "error"}, ...]}``.
    """
    reviewer = _clean_reviewer(reviewer)
    require_conflicts(session, [conflict_id for conflict_id, _ in targets])
    for conflict_id, _ in targets:
        decide(
            _conflict(session, conflict_id).status,
            status,
            note=_limit(note),
            conflict_id=conflict_id,
        )
    decided, stale = _each(
        session,
        targets,
        lambda conflict_id, version: set_status(
            session,
            conflict_id,
            status,
            reviewer=reviewer,
            note=note,
            expected_version=version,
            now=now,
        ),
    )
    return {"decided": decided, "stale": stale}


def _each(
    session: Session,
    targets: Sequence[tuple[int, int | None]],
    act: Callable[[int, int | None], dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``act(conflict_id, version)`` on each target in a savepoint of its own: what it returns,
    and the conflicts that someone else changed since they were read (``{"id", "error"}``)."""
    done: list[dict[str, Any]] = []
    stale: list[dict[str, Any]] = []
    for conflict_id, version in targets:
        try:
            with session.begin_nested():
                done.append(act(conflict_id, version))
        except StaleWriteError as error:
            stale.append({"id": conflict_id, "error": str(error)})
    return done, stale


def assign(
    session: Session,
    conflict_id: int,
    assignee: str | None,
    *,
    by: str,
    expected_version: int | None = None,
    now: datetime,
) -> dict[str, Any]:
    """Give a conflict to a reviewer (``None``: to nobody), with the same optimistic locking as a
    decision: the version is bumped, and ``updated_by`` / ``updated_at`` say who assigned it."""
    by = _clean_reviewer(by)
    name = None if assignee is None else " ".join(assignee.split())[:200]
    if name is not None and (not name or name == UNASSIGNED):
        raise UsageError("the assignee is empty (use --clear to assign a conflict to nobody)")
    row = _conflict(session, conflict_id)
    _check_version(session, row, expected_version)
    old = row.assignee
    result: dict[str, Any] = {"id": conflict_id, "assignee": name, "old_assignee": old}
    if old == name:  # nothing to change: no new version
        return {**result, "version": row.version, "changed": False}
    version = _write(session, row, {"assignee": name}, reviewer=by, now=now)
    return {**result, "version": version, "changed": True, "by": by, "at": now.isoformat()}


def assign_many(
    session: Session,
    targets: Sequence[tuple[int, int | None]],
    assignee: str | None,
    *,
    by: str,
    now: datetime,
) -> dict[str, Any]:
    """:func:`assign` on each ``(conflict_id, version read)``, each in a savepoint: a conflict
    someone changed since is reported in ``stale`` and the others go on."""
    require_conflicts(session, [conflict_id for conflict_id, _ in targets])
    done, stale = _each(
        session,
        targets,
        lambda conflict_id, version: assign(
            session, conflict_id, assignee, by=by, expected_version=version, now=now
        ),
    )
    return {"assigned": done, "stale": stale}


# ------------------------------------------------------------------------- conflict details


def conflict_detail_rows(
    session: Session,
    *,
    ids: Sequence[int] | None = None,
    statuses: Sequence[str] | None = None,
    sources: Sequence[str] | None = None,
    include_inactive: bool = False,
    incidents: Sequence[int] | None = None,
) -> list[dict[str, Any]]:
    """Conflicts with their accounts, as ``export conflicts --format json`` names the fields.

    Each row has ``id``, ``kind``, ``reason``, ``status``, ``assignee``, ``incident`` (id or
    null) and ``incident_label`` ("Khan Shaykhun, 4 Apr 2017, chemical attack"), ``claims``
    (``{id, text, source, ...}``, two or more) plus the review state (note, favoured claim,
    version, who decided and when). A source filter keeps the conflicts with at least one account
    by that source (name or alias); an incident filter those of the incidents given.
    """
    query = select(tables.Conflict).order_by(col(tables.Conflict.id))
    if ids is not None:
        query = query.where(col(tables.Conflict.id).in_(list(ids)))
    if incidents is not None:
        query = query.where(col(tables.Conflict.incident_id).in_(list(incidents)))
    if statuses:
        query = query.where(col(tables.Conflict.status).in_(list(statuses)))
    if not include_inactive and ids is None:
        query = query.where(col(tables.Conflict.active).is_(True))
    conflicts = list(session.exec(query))
    if not conflicts:
        return []
    conflict_ids = [c.id for c in conflicts if c.id is not None]
    members: dict[int, list[int]] = {}
    for conflict_id, claim_id in session.exec(
        select(tables.ConflictClaim.conflict_id, tables.ConflictClaim.claim_id)
        .where(col(tables.ConflictClaim.conflict_id).in_(conflict_ids))
        .order_by(
            col(tables.ConflictClaim.conflict_id),
            col(tables.ConflictClaim.position),
            col(tables.ConflictClaim.claim_id),
        )
    ):
        members.setdefault(conflict_id, []).append(claim_id)
    all_claims = sorted({cid for ids_ in members.values() for cid in ids_})
    claims = {row["id"]: row for row in claim_rows(session, claim_ids=all_claims)}
    wanted_sources: set[int] | None = None
    if sources:
        wanted_sources = set()
        for name in sources:
            found = find_source(session, name)
            assert found.id is not None
            wanted_sources.add(found.id)
        source_of = dict(
            session.exec(
                select(tables.Claim.id, tables.Claim.source_id).where(
                    col(tables.Claim.id).in_(all_claims)
                )
            ).all()
        )
    incident_ids = sorted({c.incident_id for c in conflicts if c.incident_id is not None})
    labels = dict(
        session.exec(
            select(tables.Incident.id, tables.Incident.label).where(
                col(tables.Incident.id).in_(incident_ids)
            )
        ).all()
    )
    rows = []
    for conflict in conflicts:
        assert conflict.id is not None
        member_ids = members.get(conflict.id, [])
        if wanted_sources is not None and not any(
            source_of.get(cid) in wanted_sources for cid in member_ids
        ):
            continue
        rows.append(
            {
                "id": conflict.id,
                "key": conflict.key,
                "kind": conflict.kind,
                "reason": shown_reason(conflict, member_ids, claims),
                "status": conflict.status,
                "severity": conflict.severity,
                "score": conflict.score,
                "values": _json_list(conflict.values),
                "note": conflict.note,
                "favoured_claim_id": conflict.favoured_claim_id,
                "version": conflict.version,
                "active": conflict.active,
                "created_at": conflict.created_at.isoformat(),
                "updated_at": conflict.updated_at.isoformat(),
                "updated_by": conflict.updated_by,
                "assignee": conflict.assignee,
                "incident": conflict.incident_id,
                "incident_label": labels.get(conflict.incident_id or 0),
                "claims": [_account(claims[cid]) for cid in member_ids if cid in claims],
            }
        )
    return rows


# "Joins conflict #12, already reviewed (dismissed), with a new account: ..." (the matcher's prefix)
_JOINS = re.compile(r"^Joins conflict #\d+, already reviewed \([^)]*\), with a new account: ")
# "Russia Today and SOHR both blame Turkey." / "SANA and SOHR agree: 12 killed."
_AGREEMENT = re.compile(r"^.+? (?:both blame (?P<agent>.+)|agree: (?P<value>.+))\.$", re.S)


def _speaker(claim: dict[str, Any]) -> str:
    """Who speaks for a claim in a reason: its source's current name, else its outlet."""
    return str(claim.get("source") or claim.get("outlet") or "?")


def shown_reason(
    conflict: tables.Conflict, member_ids: Sequence[int], claims: dict[int, dict[str, Any]]
) -> str:
    """A conflict's reason as read now: rendered from its accounts (each claim's current source
    name, its text, its stored value), so a rename, alias or merge after detection shows at
    once. The stored ``reason`` stays as written at detection; it is shown as is only when the
    accounts cannot be read back (a claim gone, values missing)."""
    values = _json_list(conflict.values)
    if len(member_ids) < 2 or len(values) != len(member_ids):
        return conflict.reason
    if any(cid not in claims for cid in member_ids):
        return conflict.reason
    names = {cid: _speaker(claims[cid]) for cid in member_ids}
    family = {
        cid: family_in_article(names[cid], int(claims[cid].get("article_id") or 0))
        for cid in member_ids
    }
    outlets: dict[str, set[Any]] = {}
    for cid in member_ids:
        outlets.setdefault(family[cid], set()).add(claims[cid].get("outlet"))
    for cid in member_ids:
        outlet = claims[cid].get("outlet")
        quoted_twice = conflict.kind == "number" and len(outlets[family[cid]]) > 1
        if claims[cid].get("source") and outlet and quoted_twice:
            names[cid] = f"{names[cid]} (in {outlet})"  # one source's toll in two outlets
    accounts = [
        (cid, names[cid], str(claims[cid]["text"]), str(value))
        for cid, value in zip(member_ids, values, strict=True)
    ]
    try:
        rendered = render_reason(conflict.kind, accounts, conflict.incident_id)
    except ValueError:  # a kind this version does not know
        return conflict.reason
    joins = _JOINS.match(conflict.reason)
    return (joins.group(0) if joins else "") + rendered


def shown_agreement(
    stored: str, claim_ids: Sequence[int], claims: dict[int, dict[str, Any]]
) -> str:
    """A corroboration's reason under its speakers' current names (the agreed value is the one
    stored at detection); the stored text when it cannot be read back."""
    found = _AGREEMENT.match(stored)
    if found is None or len(claim_ids) < 2 or any(cid not in claims for cid in claim_ids):
        return stored
    value = found.group("agent") or found.group("value")
    return render_agreement([_speaker(claims[cid]) for cid in claim_ids], value)


def _account(claim: dict[str, Any]) -> dict[str, Any]:
    keep = (
        "id",
        "text",
        "source",
        "article_id",
        "start",
        "end",
        "source_mention",
        "cue",
        "via",
        "published",
        "outlet",
    )
    return {name: claim.get(name) for name in keep}


def _json_list(value: str | None) -> list[Any]:
    try:
        loaded = json.loads(value or "[]")
    except ValueError:
        return []
    return loaded if isinstance(loaded, list) else [loaded]


def corroboration_rows(session: Session, *, active_only: bool = True) -> list[dict[str, Any]]:
    """Agreeing accounts (RT and SOHR both blame Turkey) with their claims."""
    query = select(tables.Corroboration).order_by(col(tables.Corroboration.id))
    if active_only:
        query = query.where(col(tables.Corroboration.active).is_(True))
    found = list(session.exec(query))
    ids_of = {row.id: [int(i) for i in _json_list(row.claim_ids)] for row in found}
    wanted = sorted({cid for ids_ in ids_of.values() for cid in ids_})
    claims = {row["id"]: row for row in claim_rows(session, claim_ids=wanted)} if wanted else {}
    return [
        {
            "id": row.id,
            "reason": shown_agreement(row.reason, ids_of[row.id], claims),
            "score": row.score,
            "claims": [_account(claims[cid]) for cid in ids_of[row.id] if cid in claims],
        }
        for row in found
    ]


def other_claims_of_source(
    session: Session, source: str | None, *, exclude: Iterable[int] = (), limit: int = 3
) -> list[dict[str, Any]]:
    """What else a source has said (for the review screen): its other claims, newest first."""
    if source is None:
        return []
    return claim_rows(session, source=source, exclude=list(exclude), newest_first=True, limit=limit)


def also_said(
    session: Session, claim_ids: Sequence[int], *, limit: int = 3
) -> dict[int, list[dict[str, Any]]]:
    """What else each claim's source said of the same incident (for the review screen).

    For each claim of ``claim_ids``: other claims by its source placed in the claim's incident,
    newest first, never one of ``claim_ids`` and never the same sentence twice (a republished
    copy, or one of the accounts shown). A claim in no incident, or in the reporter's own voice,
    gets none: claims of unrelated events are no help to the reviewer.
    """
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    shown = {
        claim.id: claim
        for claim in session.exec(select(tables.Claim).where(col(tables.Claim.id).in_(ids)))
    }
    seen_texts = {_text_key(claim.text) for claim in shown.values()}
    out: dict[int, list[dict[str, Any]]] = {}
    for claim_id in claim_ids:
        claim = shown.get(claim_id)
        out[claim_id] = []
        if claim is None or claim.source_id is None or claim.incident_id is None:
            continue
        query = (
            select(tables.Claim, col(tables.Article.published))
            .join(tables.Article, col(tables.Claim.article_id) == tables.Article.id)
            .where(tables.Claim.source_id == claim.source_id)
            .where(tables.Claim.incident_id == claim.incident_id)
            .where(col(tables.Claim.id).not_in(ids))
            .order_by(
                col(tables.Article.published).desc().nulls_last(),
                col(tables.Claim.article_id).desc(),
                col(tables.Claim.seq),
            )
        )
        texts = set(seen_texts)
        for other, published in session.exec(query):
            key = _text_key(other.text)
            if key in texts:
                continue
            texts.add(key)
            out[claim_id].append(
                {
                    "id": other.id,
                    "article_id": other.article_id,
                    "text": other.text,
                    "published": published.isoformat() if published else None,
                }
            )
            if len(out[claim_id]) >= limit:
                break
    return out


def _text_key(text: str) -> str:
    return " ".join("".join(ch for ch in text.casefold() if ch.isalnum() or ch.isspace()).split())


def claim_context(
    session: Session, claim_ids: Sequence[int], *, around: int = 2, limit: int = 600
) -> dict[int, dict[str, Any]]:
    """The article text around each claim: ``{claim_id: {before, text, after, article_id,
    title, outlet, url, published}}``.

    ``before``/``after`` are the stored article text from the start of the ``around``-th claim
    before to the claim, and from the claim to the end of the ``around``-th claim after (claims
    are the article's sentences, so this is a few sentences either side), cut to ``limit``
    characters on the far side; ``text`` is ``article[start:end]``.
    """
    ids = sorted(set(claim_ids))
    if not ids:
        return {}
    found: dict[int, dict[str, Any]] = {}
    claims = list(session.exec(select(tables.Claim).where(col(tables.Claim.id).in_(ids))))
    articles = {
        article.id: article
        for article in session.exec(
            select(tables.Article).where(
                col(tables.Article.id).in_(sorted({c.article_id for c in claims}))
            )
        )
    }
    for claim in claims:
        article = articles.get(claim.article_id)
        if article is None or claim.id is None:
            continue
        neighbours = list(
            session.exec(
                select(tables.Claim.seq, tables.Claim.start, tables.Claim.end)
                .where(tables.Claim.article_id == claim.article_id)
                .where(col(tables.Claim.seq) >= claim.seq - around)
                .where(col(tables.Claim.seq) <= claim.seq + around)
                .order_by(col(tables.Claim.seq))
            )
        )
        first = min((start for _seq, start, _end in neighbours), default=claim.start)
        last = max((end for _seq, _start, end in neighbours), default=claim.end)
        first = max(min(first, claim.start), claim.start - limit, 0)
        last = min(max(last, claim.end), claim.end + limit, len(article.text))
        found[claim.id] = {
            "claim_id": claim.id,
            "article_id": claim.article_id,
            "title": article.title,
            "outlet": article.outlet,
            "url": article.url,
            "published": article.published.isoformat() if article.published else None,
            "before": article.text[first : claim.start],
            "text": article.text[claim.start : claim.end],
            "after": article.text[claim.end : last],
        }
    return found


# ---------------------------------------------------------------------------- annotations


def _limit(note: str | None) -> str | None:
    if note is not None and len(note) > ANNOTATION_LIMIT:
        raise UsageError(f"the note is longer than {ANNOTATION_LIMIT} characters")
    return note


def _clean_tags(tags: Iterable[str]) -> list[str]:
    found: dict[str, None] = {}
    for tag in tags:
        clean = " ".join(tag.split())
        if not clean:
            raise UsageError("a tag is empty")
        if len(clean) > 100:
            raise UsageError(f"the tag {clean[:20]!r}... is longer than 100 characters")
        found.setdefault(clean, None)
    return list(found)


def _clean_text(value: str | None, field: str) -> str | None:
    if value is None:
        return None
    clean = " ".join(value.split())
    if len(clean) > 300:
        raise UsageError(f"--{field} is longer than 300 characters")
    return clean or None


def check_reliability(value: float | None) -> float | None:
    if value is None:
        return None
    if math.isnan(value) or not 0.0 <= value <= 1.0:
        raise UsageError(f"--reliability must be between 0 and 1 (got {value:g})")
    return float(value)


def annotate_source(
    session: Session,
    name: str,
    *,
    note: str | None = None,
    reliability: float | None = None,
    tags: Sequence[str] | None = None,
    untags: Sequence[str] | None = None,
    affiliation: str | None = None,
    owner: str | None = None,
    author: str,
    now: datetime,
) -> dict[str, Any]:
    """Annotate a source (found by name or alias).

    Notes accumulate (``source_note``, with author and time). Reliability (0..1), affiliation and
    owner are current values on the source; ``tags`` are added to its tag set and ``untags``
    removed. Each change of a current value is recorded in ``source_history`` (old -> new); giving
    a value equal to the current one records nothing.
    """
    author = _clean_reviewer(author)
    note_text = _limit(note)
    if note_text is not None:
        note_text = check_note(note_text)
    new_reliability = check_reliability(reliability)
    add = _clean_tags(tags or ())
    remove = _clean_tags(untags or ())
    new_affiliation = _clean_text(affiliation, "affiliation")
    new_owner = _clean_text(owner, "owner")
    if (
        note_text is None
        and reliability is None
        and not add
        and not remove
        and affiliation is None
        and owner is None
    ):
        raise UsageError(
            "nothing to record: give --note, --reliability, --tag, --untag, --affiliation "
            "or --owner"
        )
    source = find_source(session, name)
    source_id = source.id
    assert source_id is not None
    if source.kind == "unnamed" and reliability is not None:
        raise UsageError(
            f"{source.name!r} is an unnamed source (words used for many different speakers "
            "across articles): it gets no reliability; annotate the claims instead"
        )
    changes: list[dict[str, Any]] = []

    def change(field: str, old: Any, new: Any) -> None:
        if old == new:
            return
        changes.append({"field": field, "old": old, "new": new})
        session.add(
            tables.SourceHistory(
                source_id=source_id,
                field_name=field,
                old_value=_history_value(old),
                new_value=_history_value(new),
                author=author,
                at=now,
            )
        )

    if reliability is not None:
        change("reliability", source.reliability, new_reliability)
        source.reliability = new_reliability
    if add or remove:
        current = [str(t) for t in _json_list(source.tags)]
        updated = [t for t in current if t not in remove] + [
            t for t in add if t not in current and t not in remove
        ]
        change("tags", current, updated)
        source.tags = json.dumps(updated, ensure_ascii=False)
    if affiliation is not None:
        change("affiliation", source.affiliation, new_affiliation)
        source.affiliation = new_affiliation
    if owner is not None:
        change("owner", source.owner, new_owner)
        source.owner = new_owner
    session.add(source)
    if note_text is not None:
        session.add(tables.SourceNote(source_id=source_id, note=note_text, author=author, at=now))
    session.flush()
    return {
        "source": source.name,
        "note": note_text,
        "changes": changes,
        "reliability": source.reliability,
        "tags": _json_list(source.tags),
        "affiliation": source.affiliation,
        "owner": source.owner,
        "author": author,
        "at": now.isoformat(),
    }


def _history_value(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def source_history(session: Session, name: str) -> list[dict[str, Any]]:
    """Changes to a source's annotation values, oldest first."""
    source = find_source(session, name)
    return [
        {
            "field": row.field_name,
            "old": row.old_value,
            "new": row.new_value,
            "author": row.author,
            "at": row.at.isoformat(),
        }
        for row in session.exec(
            select(tables.SourceHistory)
            .where(tables.SourceHistory.source_id == source.id)
            .order_by(col(tables.SourceHistory.id))
        )
    ]


def annotate_claim(
    session: Session,
    claim_id: int,
    note: str,
    tags: Sequence[str] | None = None,
    *,
    author: str,
    now: datetime,
) -> dict[str, Any]:
    """Attach a note (and tags) to one claim."""
    author = _clean_reviewer(author)
    text = check_note(_limit(note))
    clean_tags = _clean_tags(tags or ())
    claim = session.get(tables.Claim, claim_id)
    if claim is None:
        raise NotFoundError(f"no claim with id {claim_id} (see `claimtrack claims`)")
    row = tables.ClaimAnnotation(
        claim_id=claim_id,
        note=text,
        tags=json.dumps(clean_tags, ensure_ascii=False),
        author=author,
        at=now,
    )
    session.add(row)
    session.flush()
    return {
        "id": row.id,
        "claim_id": claim_id,
        "note": text,
        "tags": clean_tags,
        "author": author,
        "at": now.isoformat(),
    }


def annotation_rows(
    session: Session, *, claim_ids: Sequence[int] | None = None
) -> list[dict[str, Any]]:
    """Claim annotations with the claim they target (text, offsets, article, source)."""
    query = select(tables.ClaimAnnotation).order_by(col(tables.ClaimAnnotation.id))
    if claim_ids is not None:
        query = query.where(col(tables.ClaimAnnotation.claim_id).in_(list(claim_ids)))
    notes = list(session.exec(query))
    wanted = sorted({n.claim_id for n in notes})
    claims = {row["id"]: row for row in claim_rows(session, claim_ids=wanted)} if wanted else {}
    rows = []
    for note in notes:
        claim = claims.get(note.claim_id, {})
        rows.append(
            {
                "id": note.id,
                "claim_id": note.claim_id,
                "article_id": claim.get("article_id"),
                "source": claim.get("source"),
                "claim_text": claim.get("text"),
                "start": claim.get("start"),
                "end": claim.get("end"),
                "note": note.note,
                "tags": _json_list(note.tags),
                "author": note.author,
                "at": note.at.isoformat(),
            }
        )
    return rows


def source_annotations(session: Session) -> dict[str, dict[str, Any]]:
    """What is known of each source, by name: reliability, tags, affiliation, owner, notes."""
    return {row["name"]: row for row in source_rows(session)}


def article_dates(session: Session, article_ids: Iterable[int]) -> dict[int, date]:
    """The date of each article: published, else the day it was ingested."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    return {
        article.id: article.published or article.ingested_at.date()
        for article in session.exec(select(tables.Article).where(col(tables.Article.id).in_(ids)))
        if article.id is not None
    }


def article_info(session: Session, article_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    """Title, outlet and address of each article."""
    ids = sorted(set(article_ids))
    if not ids:
        return {}
    return {
        article.id: {"title": article.title, "outlet": article.outlet, "url": article.url}
        for article in session.exec(select(tables.Article).where(col(tables.Article.id).in_(ids)))
        if article.id is not None
    }


def claim_counts(session: Session, names: Sequence[str]) -> dict[str, int]:
    """How many stored claims each named source has."""
    if not names:
        return {}
    query = (
        select(tables.Source.name, func.count(col(tables.Claim.id)))
        .join(tables.Claim, col(tables.Claim.source_id) == tables.Source.id)
        .where(col(tables.Source.name).in_(list(names)))
        .group_by(col(tables.Source.name))
    )
    return {name: int(count) for name, count in session.exec(query)}
