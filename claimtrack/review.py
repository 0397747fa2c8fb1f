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

Also pure, and here because they read review states: the queue filter (``QueueFilter``, the
``--where`` syntax) and sources' track records from resolved conflicts (``track_records``, with
the Beta quantiles they need).
"""

from __future__ import annotations

import math
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from claimtrack.errors import UsageError
from claimtrack.frame import frame
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


# --------------------------------------------------------------------------- track records

INTERVAL = 0.90  # the credible interval given with each estimate


def beta_cdf(x: float, a: float, b: float) -> float:
    """The regularised incomplete beta function I_x(a, b): P(X <= x) for X ~ Beta(a, b).

    Lentz's continued fraction (as in Numerical Recipes' ``betacf``), on the side where it
    converges fast; accurate to ~1e-12 for the small shapes a track record has.

    >>> round(beta_cdf(0.25, 2, 1), 6)  # x ** a when b == 1
    0.0625
    """
    if a <= 0 or b <= 0:
        raise ValueError("beta shapes must be positive")
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_fraction(x, a, b) / a
    return 1.0 - math.exp(log_front) * _beta_fraction(1.0 - x, b, a) / b


def _beta_fraction(x: float, a: float, b: float) -> float:
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    result = d
    for m in range(1, 500):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            result *= d * c
        if abs(d * c - 1.0) < 1e-15:
            break
    return result


def beta_quantile(p: float, a: float, b: float) -> float:
    """The x with ``beta_cdf(x, a, b) == p``, by bisection (the CDF rises monotonically)."""
    if not 0.0 <= p <= 1.0:
        raise ValueError("p must be between 0 and 1")
    low, high = 0.0, 1.0
    for _ in range(100):  # 2 ** -100: far below what is printed
        middle = (low + high) / 2
        if beta_cdf(middle, a, b) < p:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def beta_estimate(right: int, wrong: int) -> dict[str, Any]:
    """How often a source's account is judged right, from ``right`` and ``wrong`` decisions:
    the mean of the Beta(1 + right, 1 + wrong) posterior (a uniform Beta(1, 1) prior: with no
    decision, 0.5 in [0.05, 0.95]) and its central 90% interval."""
    a, b = 1 + right, 1 + wrong
    tail = (1 - INTERVAL) / 2
    return {
        "right": right,
        "wrong": wrong,
        "estimate": round(a / (a + b), 3),
        "low": round(beta_quantile(tail, a, b), 3),
        "high": round(beta_quantile(1 - tail, a, b), 3),
    }


@dataclass(frozen=True)
class Judged:
    """One account of a resolved conflict whose right account was named (``--favour``)."""

    conflict_id: int
    kind: str
    source: str | None
    text: str
    favoured: bool
    figure: int | None = None  # in a toll (``number``) conflict: the toll this account gives


def toll_figure(value: str) -> int | None:
    """The figure of a toll conflict's stored value: "at least 16 takfiri terrorists dead" ->
    16, "36 dead and four teachers dead" -> 36 (its largest count); None when it names none."""
    counts = [q.value for q in frame(value).numbers if q.role != "part" and q.value > 0]
    return max(counts) if counts else None


def toll_bias(log_ratios: Sequence[float]) -> dict[str, Any]:
    """How a source's tolls compare with the figures reviewers favoured over them: ``{decisions,
    higher, lower, same, median_log_ratio, median_ratio, explained}``, the median of
    ln(its figure / the favoured figure) (above 0: it gives more than the figure judged right)."""
    ordered = sorted(log_ratios)
    n = len(ordered)
    middle = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    higher = sum(1 for r in ordered if r > 0)
    lower = sum(1 for r in ordered if r < 0)
    ratio = math.exp(middle)
    if middle > 0:
        typical = f"typically overstates: {ratio:.2f} times the favoured figure"
    elif middle < 0:
        typical = f"typically understates: {ratio:.2f} times the favoured figure"
    else:
        typical = "typically gives the favoured figure"
    return {
        "decisions": n,
        "higher": higher,
        "lower": lower,
        "same": n - higher - lower,
        "median_log_ratio": round(middle, 3),
        "median_ratio": round(ratio, 3),
        "explained": (
            f"in {n} toll conflict{'s' if n != 1 else ''} resolved for another account its "
            f"figure was higher in {higher} and lower in {lower}; {typical} (median log ratio "
            f"{middle:+.2f})"
        ),
    }


def track_records(accounts: Iterable[Judged]) -> dict[str, dict[str, Any]]:
    """Per source, how often its account was judged right and wrong, by conflict kind.

    In each conflict a source counts once: right when one of its accounts is the favoured one,
    else wrong. Republished copies count once: the same verdict on the same sentence (letters
    and digits compared) of the same source and kind, in several conflicts, is one decision.
    The reporter's own voice (no source) is no source's record. Returns ``{name: {"decisions":
    N, "right": R, "wrong": W, "estimate", "low", "high", "by_kind": {KIND: {"right", "wrong",
    "estimate", "low", "high", "decisions"}}, "explained": "..."}}``.

    A source judged wrong in a toll (``number``) conflict whose figures are known also gets
    ``"tolls"`` (``toll_bias``): was its figure higher or lower than the favoured one, and by
    how much typically. A source's record has no ``"tolls"`` without such a decision.
    """
    judged = list(accounts)
    favoured_figure = {
        a.conflict_id: a.figure for a in judged if a.favoured and a.figure is not None
    }
    verdicts: dict[tuple[str, int], tuple[str, bool, str, int | None]] = {}
    for account in judged:
        if account.source is None:
            continue
        key = (account.source, account.conflict_id)
        previous = verdicts.get(key)
        if previous is None or (account.favoured and not previous[1]):
            verdicts[key] = (
                account.kind,
                account.favoured,
                _sentence_key(account.text),
                account.figure,
            )
    counted: dict[str, dict[str, list[int]]] = {}
    log_ratios: dict[str, list[float]] = {}
    seen: set[tuple[str, str, bool, str]] = set()
    for (source, conflict), (kind, favoured, sentence, figure) in sorted(verdicts.items()):
        if (source, kind, favoured, sentence) in seen:
            continue  # the same sentence judged again (a republished copy)
        seen.add((source, kind, favoured, sentence))
        tally = counted.setdefault(source, {}).setdefault(kind, [0, 0])
        tally[0 if favoured else 1] += 1
        right_figure = favoured_figure.get(conflict)
        if kind == ConflictKind.NUMBER.value and not favoured and figure and right_figure:
            log_ratios.setdefault(source, []).append(math.log(figure / right_figure))
    records: dict[str, dict[str, Any]] = {}
    for source, kinds in sorted(counted.items()):
        right = sum(r for r, _ in kinds.values())
        wrong = sum(w for _, w in kinds.values())
        by_kind = {
            kind: {"decisions": r + w, **beta_estimate(r, w)}
            for kind, (r, w) in sorted(kinds.items())
        }
        overall = beta_estimate(right, wrong)
        records[source] = {
            "decisions": right + wrong,
            **overall,
            "by_kind": by_kind,
            "explained": (
                f"judged right in {right} and wrong in {wrong} of {right + wrong} resolved "
                f"conflict{'s' if right + wrong != 1 else ''} with a favoured account; estimate "
                f"{overall['estimate']:.2f} (90% interval {overall['low']:.2f}-"
                f"{overall['high']:.2f}, Beta(1,1) prior)"
            ),
        }
        if source in log_ratios:
            records[source]["tolls"] = toll_bias(log_ratios[source])
    return records


def record_line(record: dict[str, Any] | None) -> str | None:
    """A track record in a few words for lists and tables: "right in 1 of 4 (estimate 0.33,
    90% 0.08-0.66); tolls: 2.50x the favoured figure (3)"; None when no decision."""
    if not record or not record.get("decisions"):
        return None
    line = (
        f"right in {record['right']} of {record['decisions']} (estimate {record['estimate']:.2f}, "
        f"90% {record['low']:.2f}-{record['high']:.2f})"
    )
    tolls = record.get("tolls")
    if tolls:
        line += f"; tolls: {tolls['median_ratio']:.2f}x the favoured figure ({tolls['decisions']})"
    return line


def _sentence_key(text: str) -> str:
    return " ".join("".join(c for c in text.casefold() if c.isalnum() or c.isspace()).split())
