"""The review state machine: which decisions a reviewer may record on a conflict.

Pure functions, no database. ``claimtrack.store.review`` applies what these functions allow.

States:

- ``open``: flagged by matching, nobody has decided yet (and the state a conflict returns to when
  a reviewer re-opens it).
- ``confirmed``: a real conflict ("Anadolu blames the rebels, Russia Today blames Turkey": yes,
  the accounts disagree).
- ``dismissed``: not a conflict (the two sentences talk about different helicopters).
- ``inconclusive``: cannot be settled yet.
- ``resolved``: settled, with the account judged right named by ``--favour CLAIM_ID`` or in the
  note ("SOHR's toll was later confirmed by the UN").

Transitions: from any state to any *other* state (a reviewer can always change their mind, and
every change is kept in the history). Recording the same state again is refused: to add a
comment without a decision, add a note. ``resolved`` needs a note or a favoured claim; a favoured
claim only makes sense when resolving.
"""

from __future__ import annotations

import math
import shlex
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from claimtrack.errors import UsageError
from claimtrack.model import ConflictKind


class ReviewState(StrEnum):
    OPEN = "open"
    CONFIRMED = "confirmed"
    DISMISSED = "dismissed"
    INCONCLUSIVE = "inconclusive"
    RESOLVED = "resolved"


STATES: tuple[str, ...] = tuple(state.value for state in ReviewState)
# states in which a reviewer has decided something about the conflict
DECIDED: frozenset[ReviewState] = frozenset(ReviewState) - {ReviewState.OPEN}


def parse_state(value: str) -> ReviewState:
    """``"Confirmed"`` -> ``ReviewState.CONFIRMED``; anything else is a UsageError naming them."""
    try:
        return ReviewState(value.strip().casefold())
    except ValueError:
        raise UsageError(
            f"unknown review state {value!r} (choose one of: {', '.join(STATES)})"
        ) from None


@dataclass(frozen=True)
class Decision:
    """A validated review decision: the new state, its note, and the favoured claim (resolved)."""

    old: ReviewState
    new: ReviewState
    note: str | None
    favour_claim_id: int | None


def decide(
    old: str,
    new: str,
    *,
    note: str | None = None,
    favour_claim_id: int | None = None,
    conflict_id: int | None = None,
) -> Decision:
    """Check that moving a conflict from ``old`` to ``new`` is allowed; return the decision.

    >>> decide("open", "resolved", favour_claim_id=12).new
    <ReviewState.RESOLVED: 'resolved'>
    """
    what = f"conflict {conflict_id}" if conflict_id is not None else "the conflict"
    current = parse_state(old)
    target = parse_state(new)
    clean_note = note.strip() if note is not None else None
    if clean_note == "":
        clean_note = None
    if target == current:
        raise UsageError(f"{what} is already {current.value}; to comment on it, add a note instead")
    if favour_claim_id is not None and target != ReviewState.RESOLVED:
        raise UsageError("--favour names the account judged right: use it with --status resolved")
    if target == ReviewState.RESOLVED and clean_note is None and favour_claim_id is None:
        raise UsageError(
            f"resolving {what} needs --favour CLAIM_ID (the account judged right) or a --note "
            "saying how it was settled"
        )
    return Decision(old=current, new=target, note=clean_note, favour_claim_id=favour_claim_id)


def check_note(note: str | None) -> str:
    """A note on its own (no state change) must say something."""
    clean = (note or "").strip()
    if not clean:
        raise UsageError("the note is empty")
    return clean


# --------------------------------------------------------------------------- the review queue


@dataclass(frozen=True)
class QueueFilter:
    """Which conflicts a queue, a list or a bulk decision takes. Every filter given must hold.

    ``statuses``/``kinds``/``sources``/``incidents``/``assignees``: any of the values given
    (``assignees`` compare case-insensitively; ``"-"`` is "assigned to nobody"); ``since`` /
    ``until``: at least one account published on those days (accounts of undated articles never
    match a date filter); ``min_severity``: severity at or above it.
    """

    statuses: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    incidents: tuple[int, ...] = ()
    since: date | None = None
    until: date | None = None
    min_severity: float | None = None
    assignees: tuple[str, ...] = ()
    include_inactive: bool = False

    def is_empty(self) -> bool:
        return self == QueueFilter(include_inactive=self.include_inactive)


UNASSIGNED = "-"
# --where terms and the queue options they stand for
WHERE_TERMS = (
    "status", "kind", "source", "incident", "since", "until", "min-severity", "assignee",
)  # fmt: skip


def parse_day(value: str | None, option: str) -> date | None:
    """``2017-04-04`` -> a date; anything else is a UsageError naming the option."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{option}: {value!r} is not a date (use YYYY-MM-DD)") from None


def check_severity(value: float | None, option: str = "--min-severity") -> float | None:
    if value is None:
        return None
    if math.isnan(value) or not 0.0 <= value <= 1.0:
        raise UsageError(f"{option} must be between 0 and 1 (got {value:g})")
    return float(value)


def queue_filter(
    *,
    statuses: Iterable[str] = (),
    kinds: Iterable[str] = (),
    sources: Iterable[str] = (),
    incidents: Iterable[int] = (),
    since: str | None = None,
    until: str | None = None,
    min_severity: float | None = None,
    assignees: Iterable[str] = (),
    include_inactive: bool = False,
) -> QueueFilter:
    """A checked :class:`QueueFilter` from option values (states, kinds and dates parsed)."""
    start = parse_day(since, "--since")
    end = parse_day(until, "--until")
    if start is not None and end is not None and end < start:
        raise UsageError(f"--until ({end}) is before --since ({start})")
    names = []
    for name in assignees:
        clean = " ".join(name.split())
        if not clean:
            raise UsageError("--assignee is empty (use - for conflicts assigned to nobody)")
        names.append(clean)
    return QueueFilter(
        statuses=tuple(dict.fromkeys(parse_state(s).value for s in statuses)),
        kinds=tuple(dict.fromkeys(_kind(k) for k in kinds)),
        sources=tuple(dict.fromkeys(s.strip() for s in sources if s.strip())),
        incidents=tuple(dict.fromkeys(incidents)),
        since=start,
        until=end,
        min_severity=check_severity(min_severity),
        assignees=tuple(dict.fromkeys(names)),
        include_inactive=include_inactive,
    )


def _kind(value: str) -> str:
    try:
        return ConflictKind(value.strip().casefold()).value
    except ValueError:
        choices = ", ".join(k.value for k in ConflictKind)
        raise UsageError(f"unknown conflict kind {value!r} (choose one of: {choices})") from None


def parse_where(text: str, *, default_status: str | None = ReviewState.OPEN.value) -> QueueFilter:
    """``--where 'kind=omission source="Russia Today" since=2017-04-01'`` -> a QueueFilter.

    Terms are ``NAME=VALUE`` with the names of the queue options (``status``, ``kind``,
    ``source``, ``incident``, ``since``, ``until``, ``min-severity``, ``assignee``; a leading
    ``--`` is allowed); a name given twice takes either value. Without a ``status`` term the
    selection is the ``default_status`` conflicts (open ones), as in the review queue. An empty
    selection (no term at all) is refused: a bulk action on everything is never an accident.
    """
    try:
        tokens = shlex.split(text)
    except ValueError as error:
        raise UsageError(f"--where: {error}") from None
    if not tokens:
        raise UsageError(
            "--where needs at least one filter, e.g. --where 'kind=omission source=SANA'"
        )
    terms: dict[str, list[str]] = {}
    for token in tokens:
        name, sep, value = token.partition("=")
        name = name.strip().lstrip("-").casefold().replace("_", "-")
        if not sep or name not in WHERE_TERMS:
            raise UsageError(
                f"--where: {token!r} is not a filter (use NAME=VALUE with NAME one of: "
                f"{', '.join(WHERE_TERMS)})"
            )
        if not value.strip():
            raise UsageError(f"--where: {name}= needs a value")
        terms.setdefault(name, []).append(value.strip())
    incidents = []
    for value in terms.get("incident", []):
        if not value.isdigit():
            raise UsageError(f"--where: incident={value!r} is not an incident id")
        incidents.append(int(value))
    severities = terms.get("min-severity", [])
    if len(severities) > 1 or len(terms.get("since", [])) > 1 or len(terms.get("until", [])) > 1:
        raise UsageError("--where: give since, until and min-severity once each")
    try:
        severity = float(severities[0]) if severities else None
    except ValueError:
        raise UsageError(f"--where: min-severity={severities[0]!r} is not a number") from None
    statuses = terms.get("status") or ([default_status] if default_status else [])
    return queue_filter(
        statuses=statuses,
        kinds=terms.get("kind", []),
        sources=terms.get("source", []),
        incidents=incidents,
        since=next(iter(terms.get("since", [])), None),
        until=next(iter(terms.get("until", [])), None),
        min_severity=severity,
        assignees=terms.get("assignee", []),
    )
