"""Same-event matching: blocking keys, pair scores and links. Pure functions, no database.

Candidate pairs never come from comparing every pair: each claim has blocking keys (places,
place x event, place x date, event x date, rare content words); two claims are compared only when
they share a key that is rare enough (its document frequency is under ``MatchParams.max_key_df``).
A pair's score (0..100) mixes rapidfuzz ``token_set_ratio`` / ``token_sort_ratio`` over the
event-bearing words (the frame's keywords: attribution words such as "said" or "news agency" are
left out) with agreement of the two frames: compatible events, a shared place, dates within the
window, a shared target. Dates that disagree, or events that cannot describe one happening, cap it.

Statuses: ``DUPLICATE`` for the same account republished (near-identical text), ``MATCH`` above
``high``, ``SUGGESTED`` between ``low`` and ``high``.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from claimtrack.frame import EVENT_GENERIC, events_compatible, place_province
from claimtrack.model import ClaimRecord, EventFrame, Link, LinkStatus, Polarity, Quantity

__all__ = [
    "DEFAULT_PARAMS",
    "METHOD",
    "MatchParams",
    "blocking_keys",
    "expand_query_keys",
    "is_duplicate",
    "link_claims",
    "rank_candidates",
    "score_pair",
    "select_query_keys",
]

METHOD = "token_set+sort_ratio+frame"


@dataclass(frozen=True)
class MatchParams:
    """Matching parameters (all exposed as CLI options)."""

    high: float = 58.0  # score at or above: a match
    low: float = 50.0  # score at or above (below high): a suggested match
    max_key_df: int = 200  # keys held by more claims than this are too common to query
    max_candidates: int = 12  # candidates scored per new claim, best-blocked first
    date_window_days: int = 1  # dates this close may be the same event (reports lag a day)
    duplicate_ratio: float = 94.0  # token_sort_ratio of whole texts: the same account republished
    max_keywords: int = 5  # content-word keys per claim


DEFAULT_PARAMS = MatchParams()

# ----------------------------------------------------------------------------- blocking keys

# content words too common in war reporting to block on (they pass the DF cap only in tiny stores)
_COMMON_WORDS = frozenset(
    [
        "killed",
        "attack",
        "force",
        "forces",
        "government",
        "regime",
        "rebel",
        "rebels",
        "army",
        "military",
        "city",
        "town",
        "province",
        "area",
        "civilian",
        "civilians",
        "soldier",
        "soldiers",
        "group",
        "groups",
        "war",
        "killing",
        "attacks",
        "including",
        "district",
        "human",
        "right",
        "rights",
        "war",
        "monitor",
        "british",
        "britain-based",
        "uk-based",
        "state",
        "president",
        "minister",
        "foreign",
        "international",
        "united",
        "nation",
        "nations",
        "children",
        "women",
        "dead",
        "death",
        "toll",
        "wounded",
        "injured",
        "people",
        "fighter",
        "fighters",
        "strike",
        "strikes",
        "air",
        "raid",
        "raids",
        "local",
        "opposition",
        "security",
        "control",
        "northern",
        "southern",
        "eastern",
        "western",
        "north",
        "south",
        "east",
        "west",
        "countryside",
        "region",
        "village",
    ]
)


@lru_cache(maxsize=20_000)
def blocking_keys(
    frame: EventFrame, max_keywords: int = 5, published: date | None = None
) -> frozenset[str]:
    """Keys two claims about one event are likely to share.

    ``p:idlib``, ``pe:idlib|shoot_down``, ``pd:idlib|2020-02-14``, ``ed:kill|2020-02-14``,
    ``w:helicopter``. Generic events ("attack") and bare event or date keys are left out: they
    are shared by half the corpus and would be cut by the frequency cap anyway. A claim that
    names no date is keyed on its article's ``published`` date ("killed 16 people" in a report
    of that day), which the query window (+-1 day) then covers.
    """
    keys: set[str] = set()
    events = [e for e in frame.events if e not in EVENT_GENERIC]
    dates = frame.dates or ((published,) if published else ())
    for p in frame.places:
        keys.add("p:" + p)
        for e in events:
            keys.add(f"pe:{p}|{e}")
        for d in dates:
            keys.add(f"pd:{p}|{d.isoformat()}")
    for e in events:
        for d in dates:
            keys.add(f"ed:{e}|{d.isoformat()}")
    words = [
        w
        for w in frame.keywords
        if w not in _COMMON_WORDS and w not in frame.places and len(w) > 3 and "-" not in w[:1]
    ]
    words.sort(key=lambda w: (-len(w), w))
    for w in words[:max_keywords]:
        keys.add("w:" + w[:110])
    for t in frame.targets:
        keys.add("t:" + t)
    return frozenset(keys)


def _shift_date_key(key: str, days: int) -> str | None:
    head, _, tail = key.rpartition("|")
    try:
        d = date.fromisoformat(tail)
    except ValueError:
        return None
    return f"{head}|{(d + timedelta(days=days)).isoformat()}"


def expand_query_keys(keys: Iterable[str], params: MatchParams = DEFAULT_PARAMS) -> set[str]:
    """Keys to look up for a claim: its own, plus its dated keys shifted across the date window."""
    out: set[str] = set()
    for k in keys:
        out.add(k)
        if k.startswith(("pd:", "ed:")):
            for days in range(-params.date_window_days, params.date_window_days + 1):
                if days:
                    shifted = _shift_date_key(k, days)
                    if shifted:
                        out.add(shifted)
    return out


def select_query_keys(
    keys: Iterable[str],
    doc_freq: Mapping[str, int] | Callable[[str], int],
    params: MatchParams = DEFAULT_PARAMS,
) -> list[str]:
    """The keys worth querying: those held by at most ``max_key_df`` claims (sorted, rarest first).

    Too-common keys ("p:aleppo" in a big store) would bring thousands of candidates that the
    rarer keys of a true match (place x date, a rare word) find anyway.
    """
    lookup = doc_freq.get if isinstance(doc_freq, Mapping) else doc_freq
    scored = []
    for k in set(keys):
        df = lookup(k) or 0  # type: ignore[operator]
        if df <= params.max_key_df:
            scored.append((df, k))
    scored.sort()
    return [k for _, k in scored]


def key_weight(key: str, df: int) -> float:
    """How much sharing a key says: combined and rare keys weigh more."""
    base = 2.0 if key.startswith(("pd:", "pe:", "ed:")) else 1.0
    if key.startswith("t:"):
        base = 0.5
    return base / math.log2(2 + df)


def rank_candidates(
    query_keys: Iterable[str],
    postings: Mapping[str, Sequence[int]],
    limit: int,
    exclude: Iterable[int] = (),
) -> list[int]:
    """Candidate ids sharing the most (weighted) keys with a claim, best first (ties: lower id)."""
    weight: dict[int, float] = {}
    get = weight.get
    # keys in sorted order: float sums then do not depend on a set's (hash-seeded) order, so
    # near-ties rank the same in every process and run
    for k in sorted(query_keys):
        ids = postings.get(k)
        if not ids:
            continue
        w = key_weight(k, len(ids))
        for cid in ids:
            weight[cid] = get(cid, 0.0) + w
    for cid in exclude:
        weight.pop(cid, None)
    best = heapq.nlargest(limit, [(w, -cid) for cid, w in weight.items()])
    return [-negated for _, negated in best]


# ----------------------------------------------------------------------------- scoring


def _event_text(frame: EventFrame) -> str:
    """The event-bearing words: the frame's keywords (lower case; attribution words left out)."""
    return " ".join(frame.keywords)


# outcomes: nearly every report has them, so they say little about which event it is
_OUTCOMES = frozenset({"kill", "injure"}) | EVENT_GENERIC


@lru_cache(maxsize=50_000)
def _events_agreement(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """1 for the same means (air strike / air strike), 0 for incompatible means (rocket fire vs
    a barrel bomb: another event), in between when one side only names an outcome ("killed").
    Of two frames' ``events`` (few distinct pairs: cached)."""
    if not a or not b:
        return 0.3
    means_a = [e for e in a if e not in _OUTCOMES]
    means_b = [e for e in b if e not in _OUTCOMES]
    if means_a and means_b:
        if set(means_a) & set(means_b):
            return 1.0
        if any(events_compatible(x, y) for x in means_a for y in means_b):
            return 0.8
        return 0.0
    if set(a) & set(b):
        return 0.7
    if any(events_compatible(x, y) for x in a for y in b):
        return 0.5
    return 0.2


def _places_agreement(a: EventFrame, b: EventFrame) -> float:
    if not a.places or not b.places:
        return 0.4
    shared = set(a.places) & set(b.places)
    if not shared:
        return 0.0
    provinces = {place_province(p) for p in a.places + b.places} - {None}
    if shared - provinces:
        return 1.0
    return 0.7  # only the governorate in common: "Khan Shaykhun" and "Idlib"


def _dates_agreement(a: ClaimRecord, b: ClaimRecord, window: int) -> float:
    """1 for the same day, 0 for days further apart than ``window`` (another event: the score is
    capped). A claim that names no date stands at its article's date, as weaker evidence."""
    da, db = a.frame.dates, b.frame.dates
    if da and db:
        gap = min(abs((x - y).days) for x in da for y in db)
        if gap == 0:
            return 1.0
        return 0.4 if gap <= window else 0.0  # "on Thursday" vs "on Friday": likely two events
    sa = da or ((a.published,) if a.published else ())
    sb = db or ((b.published,) if b.published else ())
    if not sa or not sb:
        return 0.5
    gap = min(abs((x - y).days) for x in sa for y in sb)
    if gap <= window:
        return 0.6
    return 0.3 if gap <= window + 2 else 0.1


def _targets_agreement(a: EventFrame, b: EventFrame) -> float:
    if not a.targets or not b.targets:
        return 0.5
    return 1.0 if set(a.targets) & set(b.targets) else 0.2


def _numbers_agree(a: EventFrame, b: EventFrame) -> bool:
    """The same toll ("killed six" / "six people were killed") is strong evidence of one event.
    Both tolls must be definite (a role, not a part, not vague): the answer is the same with
    the two frames swapped, so a pair scores the same whichever claim arrived first."""
    for x in a.numbers:
        if not _definite(x):
            continue
        for y in b.numbers:
            if y.role == x.role and y.value == x.value and x.value > 1 and _definite(y):
                return True
    return False


def _definite(q: Quantity) -> bool:
    return bool(q.role) and q.role != "part" and q.qualifier != "vague"


def score_pair(a: ClaimRecord, b: ClaimRecord, params: MatchParams = DEFAULT_PARAMS) -> float:
    """How likely two claims tell of one event, 0..100.

    >>> # "A bomb blast killed six people ... in Aleppo" vs "Six killed in Aleppo bombing": high
    """
    return _score(a, b, _event_text(a.frame), _event_text(b.frame), params)


def _score(
    a: ClaimRecord, b: ClaimRecord, ta: str, tb: str, params: MatchParams, floor: float = -1.0
) -> float:
    """``score_pair`` of two claims whose event texts are ``ta`` and ``tb``. -1.0, without
    comparing the texts, when even identical texts would score below ``floor``."""
    fa, fb = a.frame, b.frame
    incident = _incidents_agreement(a, b)
    if incident == 0.0:
        return 0.0  # two incidents (or a background claim): never one event
    ev = _events_agreement(fa.events, fb.events)
    pl = _places_agreement(fa, fb)
    dt = _dates_agreement(a, b, params.date_window_days)
    tg = _targets_agreement(fa, fb)
    agreement = 0.35 * ev + 0.25 * pl + 0.25 * dt + 0.15 * tg
    added: list[float] = []
    if _numbers_agree(fa, fb):
        added.append(8.0)
    if a.article_ref == b.article_ref and a.seq is not None and b.seq is not None:
        # accounts set side by side: "Anadolu said ... / Russia Today said it was hit ..."
        gap = abs(a.seq - b.seq)
        added.append(12.0 if gap <= 2 else 6.0 if gap <= 4 else 0.0)
        if gap <= 3 and Polarity.DENIED in (fa.polarity, fb.polarity):
            added.append(8.0)  # "The government of President Bashar al-Assad denied using
            # chemical weapons." answers the accusation just before it
    if incident == 1.0:
        added.append(INCIDENT_BONUS)  # placed in one incident: same place, day and happening
    # another day: another event (unless both are placed in one incident)
    cap = params.low - 1.0 if dt == 0.0 and incident != 1.0 else None
    factors: list[float] = []
    if ev == 0.0:
        factors.append(0.75)
    if pl == 0.0:
        factors.append(0.8)
    if not fa.events or not fb.events:
        factors.append(0.85)  # a claim that tells of no event is rarely an account of one
    if fa.background != fb.background:
        factors.append(0.8)  # a running total ("since 2011") is not the report of one event
    if ta and tb and _combine(100.0, agreement, added, cap, factors) < floor:
        return -1.0  # the score only grows with the text score
    if ta and tb:
        text = 0.5 * fuzz.token_set_ratio(ta, tb) + 0.5 * fuzz.token_sort_ratio(ta, tb)
    else:
        text = 0.0
    return _combine(text, agreement, added, cap, factors)


def _combine(
    text: float, agreement: float, added: list[float], cap: float | None, factors: list[float]
) -> float:
    """The score from its parts, in one fixed order of operations (monotone in ``text``)."""
    score = 0.45 * text + 55.0 * agreement
    for x in added:
        score += x
    if cap is not None:
        score = min(score, cap)
    for f in factors:
        score *= f
    return round(max(0.0, min(100.0, score)), 1)


INCIDENT_BONUS = 12.0  # added to the score of two claims placed in one incident


def _incidents_agreement(a: ClaimRecord, b: ClaimRecord) -> float | None:
    """1.0: one incident; 0.0: two incidents, or one claim in none; None: not placed."""
    if a.incident is None or b.incident is None:
        return None
    return 1.0 if a.incident == b.incident and a.incident != 0 else 0.0


def is_duplicate(a: ClaimRecord, b: ClaimRecord, params: MatchParams = DEFAULT_PARAMS) -> bool:
    """The same account republished: near-identical whole text (wire copy, a repeated caption)."""
    if len(a.text) < 40 or len(b.text) < 40:
        return False
    la, lb = len(a.text), len(b.text)
    if min(la, lb) / max(la, lb) < 0.8:
        return False
    r = fuzz.token_sort_ratio(a.text, b.text, processor=default_process)
    return r >= params.duplicate_ratio


def link_claims(
    new: Sequence[ClaimRecord],
    candidates: Sequence[ClaimRecord],
    params: MatchParams = DEFAULT_PARAMS,
    *,
    pairs: Mapping[int, Sequence[int]] | None = None,
) -> list[Link]:
    """Links among ``new`` and between ``new`` and ``candidates`` (not among candidates).

    Pairs are blocked here too (a pair must share a key, or be close in one article), so the
    caller may pass a generous candidate set. A caller that already chose each new claim's
    candidates (the store, through its key index) passes them as ``pairs`` (new ref -> candidate
    refs); then only those, and the new claims among themselves, are scored. Sorted by (a, b).
    """
    pool: dict[int, ClaimRecord] = {r.ref: r for r in candidates}
    pool.update({r.ref: r for r in new})
    texts: dict[int, str] = {}

    def text(record: ClaimRecord) -> str:
        found = texts.get(record.ref)
        if found is None:
            found = texts[record.ref] = _event_text(record.frame)
        return found

    keyed = new if pairs is not None else list(pool.values())
    keys = {r.ref: blocking_keys(r.frame, params.max_keywords, r.published) for r in keyed}
    postings: dict[str, list[int]] = defaultdict(list)
    for ref, ks in keys.items():
        for k in ks:
            postings[k].append(ref)
    new_refs = {r.ref for r in new}
    links: dict[tuple[int, int], Link] = {}
    for r in new:
        qkeys = expand_query_keys(keys[r.ref], params)
        usable = {
            k: ids for k in qkeys if (ids := postings.get(k)) and len(ids) <= params.max_key_df + 1
        }
        cands = rank_candidates(qkeys, usable, params.max_candidates, exclude=(r.ref,))
        if pairs is not None:
            cands = [*cands, *pairs.get(r.ref, ())]
        near = [
            o.ref
            for o in new
            if o.ref != r.ref
            and o.article_ref == r.article_ref
            and o.seq is not None
            and r.seq is not None
            and abs(o.seq - r.seq) <= 2
        ]
        for cid in dict.fromkeys(cands + near):
            a, b = (r.ref, cid) if r.ref < cid else (cid, r.ref)
            if (a, b) in links or (cid not in new_refs and cid not in pool):
                continue
            other = pool[cid]
            mine, theirs = text(r), text(other)
            # wire copies share every keyword: only then is the whole-text comparison worth it
            if mine == theirs and is_duplicate(r, other, params):
                links[(a, b)] = Link(a, b, 100.0, LinkStatus.DUPLICATE, "token_sort_ratio")
                continue
            s = _score(r, other, mine, theirs, params, floor=params.low)
            if s >= params.high:
                links[(a, b)] = Link(a, b, s, LinkStatus.MATCH, METHOD)
            elif s >= params.low:
                links[(a, b)] = Link(a, b, s, LinkStatus.SUGGESTED, METHOD)
    return [links[k] for k in sorted(links)]
