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

from dataclasses import dataclass
from enum import StrEnum

from claimtrack.errors import UsageError


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
