"""Linked claims -> typed conflicts with a reason, or corroboration. Pure functions.

Only claims joined by a ``MATCH`` link are compared (a ``SUGGESTED`` link waits for review), and
only when they speak for different sources:

* A claim's speaker is its attributed source. A claim in the reporter's own voice (source
  ``None``) speaks for its article's outlet, but only against claims of *other* articles: within
  one article the narration frames the accounts it quotes, it is not a rival account (the one
  exception: a quoted denial of what the paper itself reports). With no outlet known, a
  reporter-voice claim takes no part.
* Claims of one speaker are never flagged against each other, nor a claim against its duplicate
  (the same account republished, joined by a ``DUPLICATE`` link).

Kinds: ``actor`` (different culprit for compatible events), ``number`` (different tolls of the
same kind, graded by how far apart), ``denial`` (one asserts, another denies), ``omission`` (one
reports casualties, the other says nothing of them or says the missiles were intercepted),
``event`` (hit vs intercepted). Pairwise findings of one kind that share claims are merged into
one conflict ("Anadolu vs Russia Today and SOHR"); its stable key is ``conflict_key``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import combinations
from types import MappingProxyType

from claimtrack.clutter import MONTH_PATTERN, strip_leading
from claimtrack.frame import (
    agents_compatible,
    agents_in,
    agents_related,
    events_compatible,
    first_agent,
    non_state,
    weapon_agents,
)
from claimtrack.frame_vocab import default_frame_vocab
from claimtrack.gazetteer import gazetteer
from claimtrack.incidents import kinds_of
from claimtrack.model import (
    ClaimRecord,
    Conflict,
    ConflictKind,
    Corroboration,
    Link,
    LinkStatus,
    Polarity,
    Quantity,
)

__all__ = [
    "account",
    "conflict_key",
    "corroboration_key",
    "find_conflicts",
    "speaker",
    "speaker_family",
]

MAX_GROUP = 8  # larger same-kind components are reported pair by pair
MAX_TOLL_GROUP = 12  # the tolls of one incident as the day went on, reported as one conflict


def conflict_key(kind: ConflictKind | str, claims: Sequence[int]) -> str:
    """Stable identity of a conflict: ``"actor:3-7-9"`` (kind and sorted claim ids)."""
    return f"{ConflictKind(kind).value}:{'-'.join(str(c) for c in sorted(claims))}"


def corroboration_key(claims: Sequence[int]) -> str:
    return "-".join(str(c) for c in sorted(claims))


def speaker(record: ClaimRecord, other: ClaimRecord) -> str | None:
    """Who speaks for ``record`` when compared with ``other`` (see the module docstring)."""
    if record.source:
        return record.source
    if record.outlet and record.article_ref != other.article_ref:
        return record.outlet
    if record.outlet and other.source and other.frame.polarity is Polarity.DENIED:
        # "Warplanes releasing toxic gas targeted ... Khan Sheikhoun" (the paper's own account)
        # vs "the Syrian regime, which denied any responsibility": the denial answers the paper
        return record.outlet
    return None


# One speaker under several names: "Observatory chief Rami Abdel Rahman told AFP" is SOHR, and
# "Syrian state TV said" is the same account as SANA's own reporting (an outlet relaying a
# monitor speaks for that monitor). Claims of one family are never flagged against each other.
_SPEAKER_FAMILIES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\bobservatory\b|\bsohr\b|\brami abd[eu]l[ -]?rahman\b|\babdel rahman\b|"
            r"^(?:the |a |uk-based |britain-based )?monitor(?:ing group)?$"
        ),
        "syrian observatory for human rights",
    ),
    (
        re.compile(
            r"^sana$|\bsana\b|\bsyrian (?:arab )?news agency\b|\bstate (?:tv|television|media|"
            r"news agency|broadcaster)\b|\bsyrian (?:tv|television)\b|\bikhbariya\b"
        ),
        "syrian state media",
    ),
)


def speaker_family(name: str) -> str:
    """The account a speaker's name stands for, for "is this one source?" comparisons.

    >>> speaker_family("Observatory chief Rami Abdel Rahman")
    'syrian observatory for human rights'
    >>> speaker_family("Syrian state TV")
    'syrian state media'
    """
    low = name.casefold().strip()
    if re.search(r" and | with ", low):
        return low  # "SANA and Kurdish media": a joint account is not either one alone
    for pattern, family in _SPEAKER_FAMILIES:
        if pattern.search(low) and not _FOREIGN.search(low):
            return family
    return re.sub(r"^the ", "", low)


# Speakers no one can tell apart across articles: "a source", "activists", "residents" of one
# article are not those of another, so their accounts are scoped to their article.
_NAMELESS = re.compile(
    r"^(?:unnamed\b|(?:local |military |security |medical |opposition )?sources?$|"
    r"activists?$|residents?$|witness(?:es)?$|medics?$|rescuers?$|doctors?$)",
    re.I,
)


def account_family(name: str, record: ClaimRecord) -> str:
    """``speaker_family``, scoped to the article for speakers that name no one."""
    return family_in_article(name, record.article_ref)


def family_in_article(name: str, article: int) -> str:
    """``account_family`` of a speaker named ``name`` in article ``article``."""
    family = speaker_family(name)
    return f"{family}#{article}" if _NAMELESS.match(name.strip()) else family


# "Russian state TV" is not Syria's state media
_FOREIGN = re.compile(
    r"\b(?:russia|russian|turkey|turkish|iran|iranian|israel|israeli|lebanon|lebanese|iraq|"
    r"iraqi|jordan|jordanian|us|american|british|french|qatar|qatari|saudi|egypt|egyptian)\b"
)


# ----------------------------------------------------------------------------- accounts

_LEAD_CUE = re.compile(
    r"^(?P<head>.{0,170}?)\b(?:said|says|reported|reports|told [A-Z][\w-]*(?: [A-Z][\w-]*)*|"
    r"announced|stated|added)\b,?(?: (?:on|late on|early on) \w+day)?(?: that)?\s+(?P<body>.+)$",
    re.S,
)
# words a trailing speaker is made of: "the Syrian Observatory for Human Rights said",
# "Syrian state television reported" (FA-KES has no comma before it)
_SPEAKER_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "for",
        "state",
        "television",
        "tv",
        "media",
        "news",
        "agency",
        "official",
        "officials",
        "source",
        "sources",
        "monitor",
        "military",
        "activists",
        "witnesses",
        "residents",
        "group",
        "spokesman",
        "local",
        "medical",
        "medics",
        "rescue",
        "workers",
        "government",
        "ministry",
        "run",
        "owned",
        "state-run",
        "state-owned",
        "pro-government",
        "opposition",
        "observatory",
        "he",
        "she",
        "it",
        "they",
        "his",
        "her",
        "its",
        "their",
    ]
)


def _split_trailing_speaker(t: str) -> str | None:
    """ "Bombs killed 12 people in Aleppo the Observatory said." -> "Bombs killed 12 people in
    Aleppo" (None when the sentence does not end with a speaker and a cue)."""
    m = re.search(
        r"[,\s]+((?:according to [^,]{2,80})|(?:[\w’'\-]+ ){1,9}?"
        r"(?:said|reported|says|say|reports|announced|added)(?: on \w+day)?)\.?\s*$",
        t,
    )
    if not m:
        return None
    if m.group(1).lower().startswith("according to"):
        return t[: m.start()]
    if "," in t[m.start() : m.start(1)] and len(m.group(1).split()) <= 5:
        return t[: m.start()]  # "... kill 19, rescuers say": the speaker after the comma
    words = t[: m.end(1)].split()
    cue_len = len(m.group(1).split()) - len(re.findall(r"(?: on \w+day)$", m.group(1))) * 2
    i = len(words) - (len(m.group(1).split()) - cue_len) - 1  # index of the cue verb
    j = i
    while j > 0 and (words[j - 1][:1].isupper() or words[j - 1].lower() in _SPEAKER_WORDS):
        if j < i and words[j - 1].endswith(","):
            break  # "in Syria's Khan Sheikhoun, monitor says": the speaker starts after a comma
        j -= 1
        if i - j > 8:
            return None
        if words[j].lower() in ("the", "a", "an"):
            break  # the speaker's noun phrase starts here
    if j == i or j < 3:
        return None
    return " ".join(words[:j]).rstrip(",")


_ACCORDING = re.compile(r"^according to [^,]{2,80},\s*(?P<body>.+)$", re.I | re.S)
_VERB_CUE = re.compile(
    r"\b(?:blamed|blames|accused|accuses|denied|denies|confirmed|confirms|put the (?:death )?toll"
    r"|claimed|claims|warned|insisted)\b.*$",
    re.S,
)


def account(text: str, max_words: int = 30) -> str:
    """A claim as a predicate for a reason sentence: "says the helicopter was shot down by ...".

    >>> account("The state-owned Russia Today channel said it was hit by a missile.")
    'says it was hit by a missile'
    """
    t = text.strip().rstrip(",;")
    m = _ACCORDING.match(t)
    body: str | None = None
    verb = "says"
    if m:
        body = m.group("body")
    else:
        m = _LEAD_CUE.match(t)
        if m and len(m.group("head").split()) <= 16:
            body = m.group("body")
        else:
            trail = _split_trailing_speaker(t)
            if trail and len(trail.split()) >= 4:
                body = trail
            else:
                m3 = _VERB_CUE.search(t)
                if m3:
                    body, verb = m3.group(0), ""
    if body is None:
        body = t
    body = re.sub(r"^(?:also|and|but|meanwhile),?\s+", "", body.strip(), flags=re.I)
    body = strip_leading(body)  # "date of publication 6 June 2016 At least 17 ..."
    body = _LEAD_TIME.sub("", body).rstrip(".,;: ")
    body = _DANGLING_CUE.sub("", body)  # "... in the Damascus suburbs according to [media]"
    words = body.split()
    if len(words) > max_words:
        body = " ".join(words[:max_words]) + " …"
    if verb and body[:1].isupper() and not body[:2].isupper() and not _proper(body.split()[0]):
        body = body[0].lower() + body[1:]
    return f"{verb} {body}".strip()


_DANGLING_CUE = re.compile(r"\s+(?:according to|citing|quoting|as reported by|as told by)$", re.I)

# "Also on Friday, Israeli air strikes ... killed ..." -> "Israeli air strikes ... killed ...":
# the reason names the disagreement, not when the sentence says it happened.
_LEAD_TIME = re.compile(
    r"^(?:also\s+)?(?:(?:late|early|earlier|later)\s+)?on\s+"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:morning|afternoon|evening|night))?,?\s+(?=\S)",
    re.I,
)

_KEEP_CAP = frozenset(
    {"Israeli", "Turkish", "Russian", "Syrian", "Iranian", "US", "Turkey", "Russia", "Israel"}
    | {"Syria"}
)


def _proper(word: str) -> bool:
    """A word that keeps its capital after "says": a demonym, a country or a known place."""
    bare = re.sub(r"(?:['’]?s)?[,.:;]*$", "", word)
    return (
        bare in _KEEP_CAP
        or bool(_FOREIGN.fullmatch(bare.lower()))
        or gazetteer().governorate(bare.lower()) is not None
    )


# ----------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class _Finding:
    kind: ConflictKind
    a: int
    b: int
    value_a: str
    value_b: str
    severity: float
    score: float
    side_a: str = ""  # what groups claims into sides: the canonical agent for ``actor``
    side_b: str = ""


@dataclass(frozen=True)
class _Agreement:
    a: int
    b: int
    value: str
    score: float


def _casualties(r: ClaimRecord) -> bool:
    f = r.frame
    if f.polarity is not Polarity.ASSERTED:
        return False
    return bool({"kill", "injure"} & set(f.events)) or any(
        q.role in ("dead", "injured", "casualties") for q in f.numbers
    )


def _silent_on_casualties(r: ClaimRecord) -> bool:
    f = r.frame
    return "casualties" in f.omitted and not _casualties(r)


# what air defences intercept: "missiles were intercepted over Damascus"; troops who "repelled
# an ISIS attack on two villages" do not deny the dead of that attack
_PROJECTILE = re.compile(
    r"\b(?:missiles?|rockets?|drones?|projectiles?|shells?|air ?defen[cs]e)\b", re.I
)


def _intercepted_only(r: ClaimRecord) -> bool:
    ev = set(r.frame.events)
    return "intercept" in ev and not ({"kill", "injure"} & ev) and bool(_PROJECTILE.search(r.text))


@dataclass(frozen=True)
class _Total:
    value: int
    low: int
    high: int | None
    text: str
    exact: bool
    group: str = ""  # a subgroup counted on its own ("children"): compared only with the same


# What a count counts. Counts of different classes are not the same quantity ("25 Kurdish YPG
# fighters" vs "at least 20 civilians"; "11 children" vs "58 people"); a general count ("people",
# no noun) and a civilian count are compared one way only: more civilians than people is a
# discrepancy, fewer is not ("at least nine people" includes "five civilians").
# the group a count noun counts ("three SDF soldiers" vs "11 militants"), from rules/frame.toml
_NOUN_CLASS = default_frame_vocab().noun_class
_GENERAL = "general"


def _restated(q: Quantity, k: Quantity) -> bool:
    """Is ``q`` the count ``k`` told again: one class, the same figure, or an overlapping one
    when either is qualified ("more than 60" and "62")?"""
    if _NOUN_CLASS.get(q.noun, _GENERAL) != _NOUN_CLASS.get(k.noun, _GENERAL):
        return False
    if (q.value, q.qualifier) == (k.value, k.qualifier):
        return True
    if q.qualifier == "exact" and k.qualifier == "exact":
        return False  # "two soldiers ... and two soldiers" aside, exact figures add up
    lo_q, lo_k = q.low if q.low is not None else 0, k.low if k.low is not None else 0
    hi_q = q.high if q.high is not None else 10**9
    hi_k = k.high if k.high is not None else 10**9
    return max(lo_q, lo_k) <= min(hi_q, hi_k)


# a figure as firm as a count: "35", "between 1000 and 1800" (not "at least 35", "about 35")
_FIRM = frozenset({"exact", "range"})


def _totals(r: ClaimRecord) -> Mapping[str, _Total]:
    """Per kind of count, the toll the claim gives (cached by its numbers, read-only)."""
    return _totals_of(r.frame.numbers)


@lru_cache(maxsize=32768)
def _totals_of(numbers: tuple[Quantity, ...]) -> Mapping[str, _Total]:
    """Per kind of count ("dead", "injured", ...): the toll the claim gives.

    "killed at least three Syrian soldiers and four members of the IRGC" -> dead: at least 7.
    A general count ("58 people") wins over its parts; parts ("including 11 children") never count.
    """
    by_role: dict[str, list[Quantity]] = defaultdict(list)
    for q in numbers:
        if q.role and q.role != "part":
            by_role[q.role].append(q)
    out: dict[str, _Total] = {}
    for role, qs in by_role.items():
        exact_counts = [q for q in qs if q.qualifier != "vague"]
        qs = exact_counts or qs  # "Thirty-five people were killed ... and scores of others"
        # one count told twice ("More than 30 Syrian rebels killed ... killed more than 30 Syrian
        # rebel fighters"): the same figure, qualifier and class is counted once
        # and so is a figure restated within the other's range ("62 Syrian troops killed ...
        # More than 60 Syrian government soldiers were killed")
        once: list[Quantity] = []
        for q in qs:
            if not any(_restated(q, k) for k in once):
                once.append(q)
        qs = once
        classes = {_NOUN_CLASS.get(q.noun, _GENERAL) for q in qs}
        group = classes.pop() if len(classes) == 1 else "mixed"  # "Eleven children were killed"
        others = [q for q in qs if q.noun == "others"]
        if others and len(qs) > 1 and len(others) < len(qs):
            # "killing nine children and 14 others": the toll is the sum, 23
            out[role] = _Total(
                sum(q.value for q in qs),
                sum(q.low if q.low is not None else 0 for q in qs),
                None
                if any(q.high is None for q in qs)
                else sum(q.high for q in qs if q.high is not None),
                " and ".join(q.text for q in qs),
                all(q.qualifier in _FIRM for q in qs),
                _GENERAL,
            )
            continue
        general = [q for q in qs if q.noun in ("", "people", "persons", "civilians", "others")]
        specific = [q for q in qs if q not in general]
        # "killed 32 rebels ... an earlier toll of 15": the specific sum can be the larger
        if general and specific and sum(q.value for q in specific) > max(q.value for q in general):
            general = []
            qs = specific
        if general:
            q = max(general, key=lambda q: q.value)
            out[role] = _Total(
                q.value,
                q.low if q.low is not None else 0,
                q.high,
                q.text,
                q.qualifier in _FIRM,
                _NOUN_CLASS.get(q.noun, _GENERAL),
            )
        else:
            value = sum(q.value for q in qs)
            low = sum(q.low if q.low is not None else 0 for q in qs)
            highs = [q.high for q in qs]
            high = None if any(h is None for h in highs) else sum(h for h in highs if h is not None)
            text = " and ".join(q.text for q in qs)
            exact = all(q.qualifier in _FIRM for q in qs)
            out[role] = _Total(value, low, high, text, exact, group)
        if all(q.qualifier == "vague" for q in qs):
            out[role] = _Total(-1, out[role].low, out[role].high, out[role].text, False)
    return MappingProxyType(out)


# Grading of toll discrepancies (decided here, documented in bench/MATCH_BENCH.md):
# * disjoint ranges ("6" vs "9", "at least 20" vs "12") are flagged when the figures differ by
#   MIN_RELATIVE (10%) of the larger one or by 100 or more: "12" vs "13" or "30" vs "31" are the
#   noise of counting and never flagged; severity 0.3 + 0.7 x relative difference;
# * overlapping ranges ("at least 58" vs "more than 60") are consistent unless the figures are
#   20% or more apart: then worth review at low severity (0.2 + 0.5 x relative difference, at
#   most 0.45) — "at least 58" vs "at least 100"; a firm figure inside the other's range ("more
#   than 20" vs "25") only when its bound is 20% or more below it (INSIDE_RANGE_RELATIVE): "more
#   than 20" (21) vs "25" is consistent, "at least 27" vs "35" is worth review;
# * a general count ("people", no noun) against a count of civilians may count a subset:
#   weighed SUBSET_WEIGHT; fewer fighters than people are among them (never compared); a count
#   of children or women is only compared with a general count it exceeds; fighters vs
#   civilians are never compared;
# * a toll read from a headline or dateline run ("Sun 01 Feb 2015 Explosion rocks ...") weighs
#   HEADLINE_WEIGHT of that, and a finding below MIN_NUMBER_SEVERITY (0.3) is not flagged.
MIN_RELATIVE = 0.1
INSIDE_RANGE_RELATIVE = 0.2
MIN_NUMBER_SEVERITY = 0.3
HEADLINE_WEIGHT = 0.6
SUBSET_WEIGHT = 0.7
_FIGHTER_CLASSES = frozenset({"combatants", "troops", "militants"})
_BROAD_CLASSES = frozenset({"civilians", "combatants", "troops", "militants", "mixed"})


def _comparability(x: _Total, y: _Total) -> float:
    """How far two counts count the same thing: 1 the same, 0 not at all (see above)."""
    if x.group == y.group:
        return 1.0
    groups = {x.group, y.group}
    if _GENERAL not in groups:
        return 0.0  # "25 Kurdish YPG fighters" vs "at least 20 civilians"
    part, whole = (x, y) if y.group == _GENERAL else (y, x)
    if part.group in _BROAD_CLASSES:
        if part.low > (whole.high if whole.high is not None else 10**9):
            if part.group in _FIGHTER_CLASSES:
                # "shells hit regime-held neighbourhoods killing five people" vs "19 regime
                # fighters were killed in the fighting": people next to fighters are civilians
                return 0.0
            return 1.0  # "at least 60 civilians" vs "15 people": more civilians than people
        if part.group in _FIGHTER_CLASSES:
            # "25 Al-Nusra fighters killed when a bomb exploded in a mosque" vs "more than 40
            # people were dead": the fighters are among the people
            return 0.0
        return SUBSET_WEIGHT
    # "11 children" vs "58 people": a part, unless there are more children than people
    return 1.0 if part.low > (whole.high if whole.high is not None else 10**9) else 0.0


def _compare_totals(x: _Total, y: _Total) -> float | None:
    """Severity of a toll discrepancy, or None when the two are consistent (see above).

    "at least 3" vs "3": consistent. "at least 58" vs "at least 100": worth review (the counts
    overlap but the reported figures are far apart). "6" vs "9": disjoint, flagged.
    """
    if x.value < 0 or y.value < 0:  # "dozens", "scores": words, not counts; never a discrepancy
        return None
    weight = _comparability(x, y)
    if not weight:  # "11 children" vs "15 civilians": not the same count
        return None
    big = max(x.value, y.value)
    diff = abs(x.value - y.value)
    rel = diff / big if big else 0.0
    hi_x = x.high if x.high is not None else 10**9
    hi_y = y.high if y.high is not None else 10**9
    overlap = max(x.low, y.low) <= min(hi_x, hi_y)
    if not overlap:
        if rel < MIN_RELATIVE and diff < 100:
            return None
        return round(weight * min(1.0, 0.3 + 0.7 * rel), 2)
    if x.exact != y.exact:
        # "more than 20" and "25": the figure lies inside the other account's range, consistent
        # unless the range's bound is far below it ("at least 27" vs "35", "at least 58" vs "100")
        firm, bound = (x, y) if x.exact else (y, x)
        below = (firm.value - bound.low) / firm.value if firm.value else 0.0
        if below >= INSIDE_RANGE_RELATIVE:
            return round(weight * min(0.45, 0.2 + 0.5 * rel), 2)
        return None
    if rel >= 0.2 and (x.exact or y.exact or (x.high is None and y.high is None)):
        return round(weight * min(0.45, 0.2 + 0.5 * rel), 2)
    return None


# a headline or dateline run merged into the first sentence: "Sun 01 Feb 2015 Explosion rocks
# down town Damascus . An explosion ...", "Tags Syria Aleppo Azaz ...", "Published April 18 2017"
_DATELINE = re.compile(
    r"^\W*(?:published|updated|date of publication|tags|last updated)\b|"
    r"^\W*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?\d{1,2} " + MONTH_PATTERN + r",? \d{4}\b|"
    r"^\W*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,? )?" + MONTH_PATTERN + r" \d{1,2},? \d{4}\b|"
    r"\b\d{1,2} " + MONTH_PATTERN + r" \d{4} [A-Z]",
    re.I,
)
_TITLE_RUN = re.compile(r"(?:\b[A-Z][\w'-]*\b[ ,:-]+){5,}")


@lru_cache(maxsize=32768)
def headline_like(text: str) -> bool:
    """Does the claim carry a headline or dateline merged into it?

    >>> headline_like("Sun 01 Feb 2015 Explosion rocks down town Damascus . An explosion ...")
    True
    >>> headline_like("At least 15 people were killed in Aleppo on Wednesday a monitor said.")
    False
    """
    head = text[:160]
    return bool(_DATELINE.search(head) or _TITLE_RUN.search(head))


# a named neighbourhood, village or district: "on al-Furqan neighborhood", "the village of Hass",
# "in the Salah al-Din district". Two accounts naming different ones are two incidents.
_LOCAL = re.compile(
    r"\b((?:al|el|as|ash|ad|ar|at|az)-[a-z]+|[A-Z][a-z]+(?: [A-Z][a-z]+)?) "
    r"(?:neighbou?rhoods?|district|village|town|suburb|quarter|street|camp)\b|"
    r"\b(?:neighbou?rhoods?|district|village|town|suburb|quarter) of "
    r"((?:al|el|as|ash|ad|ar|at|az)-[a-z]+|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
)
_NOT_LOCAL = frozenset(
    {"the", "a", "this", "that", "northern", "southern", "eastern", "western", "central"}
    | {"syrian", "kurdish", "turkish", "russian", "iraqi", "israeli", "lebanese", "iranian"}
    | {"rebel-held", "government-held", "regime-held", "besieged", "border", "strategic", "key"}
)


# an "al-" name where a place goes: "rocket shells fell on al-Sheikh Maqsoud", "in al-Foaa and
# Kafrya", "hit al-Mazzeh area"; not a person or group ("al-Assad", "al-Nusra Front")
_AL_PLACE = re.compile(
    r"\b(?:in|on|at|near|into|from|targeted|hit|struck|shelled|pounded|of) "
    r"((?:al|el|as|ash|ad|ar|at|az)-[A-Za-z]+)",
    re.I,
)
_NOT_PLACE_AL = default_frame_vocab().not_al_places


_NOT_LOCAL_OR_AL = _NOT_LOCAL | _NOT_PLACE_AL


@lru_cache(maxsize=32768)
def _local_names(text: str) -> frozenset[str]:
    """Neighbourhoods, villages and districts the claim names (a 5-letter prefix of each)."""
    out: set[str] = set()
    names = [(m.group(1) or m.group(2) or "") for m in _LOCAL.finditer(text)]
    names += [m.group(1) for m in _AL_PLACE.finditer(text)]
    for raw in names:
        name = re.sub(r"^(?:al|el|as|ash|ad|ar|at|az)-", "", raw.lower())
        if (
            name
            and name.split()[0] not in _NOT_LOCAL_OR_AL
            and len(name) > 2
            and name[:5] not in _CITY_PREFIXES  # "the old quarter of Aleppo": the city itself
        ):
            out.add(name[:5])  # "Hamadaniah" / "Hamadaniyeh": a prefix survives spellings
    return frozenset(out)


# a toll over an area or a span of time, not one incident's: "45 people have been killed ... in
# three days of regime attacks", "in overnight bombardment of Aleppo and the surrounding
# province", "strikes in and around the city", "attacks on several towns",
# "since the start of the offensive". Against one incident's toll it is another count.
_AGGREGATE = re.compile(
    r"\b(?:in|over|during|within) (?:the )?(?:past |last |previous )?(?:\d+|two|three|four|five|"
    r"six|seven|eight|nine|ten|several|a few) (?:days|weeks|months|hours)\b|"
    r"\b(?:in|over|during|within) the (?:past|last) (?:day|week|month|24 hours|48 hours)\b|"
    r"\b(?:second|third|fourth|fifth|sixth|seventh|\d+(?:st|nd|rd|th)) (?:day|week) of\b|"
    # "38 civilians have been killed in a two-day opposition offensive"
    r"\b(?:two|three|four|five|six|seven|ten|\d+)-(?:day|week|month)\b|"
    r"\bsince (?:the (?:start|beginning)|it began|(?:last )?(?:mon|tues|wednes|thurs|fri|satur|sun)"
    r"day|(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)|\d{4})\b|"
    r"\b(?:so far|this week|this month|(?:over )?the (?:whole )?weekend|in and around|"
    r"(?:and|in) (?:the |its )?surrounding"
    r"|across (?:the )?(?:country|province|region|syria|north|south)|"
    r"(?:on|in|across) (?:several|a number of|multiple|various) (?:\w+ )?"
    r"(?:towns|villages|provinces|cities|governorates)|"
    # "Separate air raids in northern Syria ... killed at least 25": several attacks' sum
    r"separate (?:\w+ )?(?:raids|strikes|airstrikes|attacks|bombings|blasts|explosions)|"
    # a campaign's toll: "the rebels had killed 69 civilians ... in shelling during their
    # counter-attack", "Over 65 people have been killed as a result of these violations"
    r"during (?:the|their|its|a|this) (?:[\w-]+ )?(?:offensive|counter-?attack|"
    r"counter-?offensive|campaign|assault)|as a result of (?:these|the|such) violations)\b",
    re.I,
)


@lru_cache(maxsize=32768)
def _aggregate(text: str) -> bool:
    return bool(_AGGREGATE.search(text))


_CITY_PREFIXES = frozenset(
    {"alepp", "idlib", "idleb", "damas", "homs", "hama", "raqqa", "raqa", "hasak"}
    | {"hasse", "daraa", "deraa", "latak", "tartu", "qunei", "sweid", "suwei", "syria", "ghout"}
)

_ROLE_WORD = {"dead": "dead", "injured": "injured", "displaced": "displaced", "casualties": ""}


# Syria's governorates, from the gazetteer (countries abroad left out)
_GOVERNORATES = frozenset(g for g in gazetteer().governorates if ":" not in g)
_OUTCOMES = frozenset({"kill", "injure", "attack", "strike"})


def _means_agree(a: ClaimRecord, b: ClaimRecord) -> bool:
    means_a = {e for e in a.frame.events if e not in _OUTCOMES}
    means_b = {e for e in b.frame.events if e not in _OUTCOMES}
    return not (means_a and means_b) or any(
        events_compatible(x, y) for x in means_a for y in means_b
    )


# targets too common to pin one incident down: every raid kills civilians or soldiers
_WEAK_TARGETS = frozenset({"civilian", "child", "woman", "soldier"})
# events too common to do so: most incidents are attacks, strikes or shelling that kill
_COMMON_EVENTS = _OUTCOMES | {"air_strike", "shell", "flee"}


def _same_object(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Do two accounts tell of the same distinctive thing: the same target hit (the helicopter,
    the hospital) or the same distinctive means (a chemical attack, a downing)? What a culprit
    dispute needs beyond place and day: "regime forces targeted Waer with napalm" and "Turkish
    shelling killed 20 civilians" both kill civilians on a Sunday."""
    if (set(a.frame.targets) & set(b.frame.targets)) - _WEAK_TARGETS:
        return True
    return bool((set(a.frame.events) & set(b.frame.events)) - _COMMON_EVENTS)


def _other_hands(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Do the two accounts name weapons of different sides ("rebel fire" vs "a helicopter
    belonging to the regime")? Then they tell of two attacks, whatever they share."""
    wa, wb = weapon_agents(a.text), weapon_agents(b.text)
    return bool(wa and wb) and not any(
        agents_compatible(x, y) or agents_related(x, y) for x in wa for y in wb
    )


def one_incident(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both claims are placed in one stored incident (same place, day and happening)."""
    return bool(a.incident) and a.incident == b.incident


def _same_happening(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Is a matched pair anchored well enough to compare its details?

    Across articles the match score alone lets "killed four in Aleppo" meet another Aleppo
    toll; a disagreement is only worth flagging when both accounts pin the event down: the same
    article, or the same town, or explicit dates a day apart at most (and no other place).
    And the means must agree when both name one (rocket fire vs a barrel bomb are two events).
    """
    fa, fb = a.frame, b.frame
    if not _means_agree(a, b):
        return False
    if fa.places and fb.places and not set(fa.places) & set(fb.places):
        return False  # Aleppo vs Idlib: two events, whatever else they share
    if a.article_ref == b.article_ref or one_incident(a, b):
        return True
    if (set(fa.places) & set(fb.places)) - _GOVERNORATES:
        return True  # the same town
    return bool(
        fa.dates and fb.dates and min(abs((x - y).days) for x in fa.dates for y in fb.dates) <= 1
    )


MAX_TOLL_DAYS = 7  # articles further apart than this report tolls of different days


def _number_anchored(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Are two tolls counts of one incident, so that a difference is a discrepancy?

    Stricter than ``_same_happening``: a city sees several incidents a day. Not when one outlet
    updates its own toll in a later article (SANA's police source, then SANA's reporter), nor
    when the articles are more than a week apart, nor when the accounts name different
    neighbourhoods or villages (al-Furqan vs al-Midan in Aleppo), nor when one is a roundup over
    several governorates ("in Aleppo Hama Damascus and its countryside"). Otherwise the same
    article, or the same town, or the same explicit day.
    """
    if _other_days(a, b):
        return False
    la, lb = _local_names(a.text), _local_names(b.text)
    if la and lb and not la & lb:
        return False  # al-Hamadaniye vs Salah-Eddin: two attacks, even in one article
    if _aggregate(a.text) != _aggregate(b.text):
        return False  # "45 killed in three days of attacks" vs "three volunteers were killed"
    if a.article_ref == b.article_ref:
        return True
    if (
        a.outlet
        and b.outlet
        and a.outlet.casefold() == b.outlet.casefold()
        and (_outlet_voice(a) or _outlet_voice(b))
    ):
        return False
    if a.published and b.published and abs((a.published - b.published).days) > MAX_TOLL_DAYS:
        return False
    if _vicinity(a.text) != _vicinity(b.text):
        return False  # "in a village near Manbij" vs "in Manbij": two places
    fa, fb = a.frame, b.frame
    ga, gb = set(fa.places) & _GOVERNORATES, set(fb.places) & _GOVERNORATES
    if (len(ga) > 1 or len(gb) > 1) and ga != gb:
        return False
    if one_incident(a, b):
        return True  # placed in one incident: one place, one day, one happening
    if (set(fa.places) & set(fb.places)) - _GOVERNORATES:
        return True
    return bool(
        fa.dates and fb.dates and min(abs((x - y).days) for x in fa.dates for y in fb.dates) == 0
    )


# an unnamed place around a named one: "six others were killed in a village near the city";
# not the incident in the town itself (a countryside holds the village: same incident)
_VICINITY = re.compile(
    r"\b(?:a|an|one|two|three|several|nearby|the) (?:village|hamlet|town|area|farm)s? "
    r"(?:near|outside|close to|around|on the outskirts of|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)? of)\b|"
    r"\b(?:villages|hamlets) (?:near|around|outside)\b",
    re.I,
)


@lru_cache(maxsize=32768)
def _vicinity(text: str) -> bool:
    return bool(_VICINITY.search(text))


def _other_days(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Monday's raids vs Tuesday's: two incidents, whatever the place or article. A date equal
    to the article's own may be its dateline ("Mon Aug 29 2016 40 Civilians ... Killed") and
    is not used."""
    da = {d for d in a.frame.dates if d != a.published}
    db = {d for d in b.frame.dates if d != b.published}
    return bool(da and db and not da & db)


def _outlet_voice(r: ClaimRecord) -> bool:
    """The outlet's own account: its reporter's voice or an unnamed source it quotes ("a source
    at Aleppo Police Command told SANA", "local sources said")."""
    return r.source is None or bool(_UNNAMED.search(r.source))


_UNNAMED = re.compile(r"\bsources?\b|\breporter\b|\bcorrespondent\b|^(?:the )?outlet$", re.I)


# "Assad has denied previous accusations of using chemical weapons", "both denied using chemical
# weapons during the civil war": a standing denial, not an answer to one account
_GENERAL_DENIAL = re.compile(
    r"\b(?:repeatedly|previous|previously|ever|always|consistently|in the past|any use|"
    r"(?:during|throughout) the (?:civil )?war|for years)\b|"
    # a standing position in the present tense, not an answer to this attack: "Assad and his
    # government deny using barrel bombs", "Assad has denied government forces use the weapons"
    # ("denied using chemical weapons" after an attack answers it)
    r"\bden(?:y|ies) using\b|"
    r"\bden(?:y|ies|ied) (?:that )?(?:[\w-]+ ){1,3}use (?:the |such |these )?(?:weapons|barrel)",
    re.I,
)
_FOREIGN_POWERS = frozenset({"russia", "usa", "us-led coalition", "israel", "turkey", "iran"})
_STATE = re.compile(r"assad|regime|government|damascus|syria|army|minist|military")


_BLAME = re.compile(
    r"\b(?:were|was|are|is) (?:behind|responsible|to blame)\b|\bresponsib(?:le|ility)\b|"
    r"\b(?:accus\w+|blam\w+)\b",
    re.I,
)


def _denial_answers(asserting: ClaimRecord, denying: ClaimRecord) -> bool:
    """Does the denial contradict what the other claim asserts?

    The asserting claim must name who did it: "the draft resolution would condemn the attack"
    or "the attack killed 58" asserts nothing a denial of responsibility answers. A standing
    denial answers no account, and blame put on rebels does not contradict the government's
    denial ("Russia ... blaming the August 21 gas attack on rebel forces").
    """
    fa = asserting.frame
    if _GENERAL_DENIAL.search(denying.text) or denying.frame.background:
        return False
    if fa.background:
        return False  # "strikes carried out by government troops in August 2013": another time
    # "Russian and regime warplanes were behind the attacks", "Russian warplanes were
    # responsible": blame put in words the frame has no doer for
    blamed = sorted(agents_in(asserting.text.casefold())) if _BLAME.search(asserting.text) else []
    if not (fa.events or blamed or denying.frame.events):
        # no attack in either: news in general ("Trump also said the Clinton Foundation took
        # millions from foreign governments" / "A foundation spokesman denied that any donation
        # influenced State Department decisions"): the denial answers a claim about its denier
        return _names_denier(asserting, denying)
    if not (fa.events or blamed) or not (fa.roles or fa.agents or blamed):
        # "at least 58 people were killed in a suspected chemical attack" names no culprit:
        # the regime's denial of responsibility does not contradict it
        return False
    denier = f"{denying.source or ''} {denying.text}".casefold()
    agents = [r[1] for r in fa.roles] or list(fa.agents) or blamed
    denier_agent = first_agent(f"{denying.source or ''} {denying.text}")
    if denier_agent in _FOREIGN_POWERS and not any(
        agents_compatible(denier_agent, x) for x in agents
    ):
        # "Russia denied its warplanes struck the market" answers blame on Russia, not "regime
        # air strikes hit several neighbourhoods"
        return False
    return not (agents and all(non_state(x) for x in agents) and _STATE.search(denier))


_DENY_CUE = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed)\b", re.I)
_WORD = re.compile(r"[A-Za-z][\w'-]{3,}")
# words of a denier that name no one in particular
_ROLE_WORDS = frozenset(
    {
        "spokesman", "spokeswoman", "spokesperson", "official", "officials", "campaign",
        "statement", "aide", "aides", "source", "sources", "said", "also", "later", "however",
        "ministry", "office", "government", "their", "that", "this", "with", "from", "which",
        "have", "been", "were", "would", "will", "they", "them", "there", "then", "than",
    }
)  # fmt: skip


def _names_denier(asserting: ClaimRecord, denying: ClaimRecord) -> bool:
    """Does the asserting claim speak of the one who denies ("the Clinton Foundation took
    millions" and "a foundation spokesman denied ...")? The denier's own words are those of its
    source's name and of the denial up to its verb, less words that name no one."""
    cue = _DENY_CUE.search(denying.text)
    head = denying.text[: cue.start()] if cue else ""
    words = {w.casefold() for w in _WORD.findall(f"{denying.source or ''} {head}")}
    # a country or a place ("Syria denies the charges") names too much to tell what is denied
    words = {w for w in words - _ROLE_WORDS if not _country_or_place(w)}
    said = {w.casefold() for w in _WORD.findall(asserting.text)}
    return bool(words & said)


def _country_or_place(word: str) -> bool:
    return (
        bool(first_agent(word))
        or bool(_FOREIGN.fullmatch(word))
        or word in ("syria", "syrian", "syrias")
        or gazetteer().governorate(word) is not None
    )


# an earlier figure of a toll, told as such: "Earlier the source said that 7 citizens were
# killed", "Initial reports of 20+ killed", "a preliminary toll". Next to the figure it became,
# that figure is the account and this one is history.
_EARLIER_FIGURE = re.compile(
    r"^\W*earlier\b|\bearlier (?:death )?toll\b|\binitial(?:ly)? (?:reports?|tolls?|figures?)\b|"
    r"\bpreliminary (?:death )?(?:tolls?|reports?|figures?)\b",
    re.I,
)
# ... unless the claim gives the figure it was updated to: "The attack killed 32 rebels the
# Observatory said updating an earlier toll of 15" (32 is the account, 15 is history)
_UPDATED_FIGURE = re.compile(
    r"\b(?:updat|rais|revis)\w* (?:an |its |the |their )?(?:earlier|initial|previous)\b|"
    r"\bup from (?:an |the )?(?:earlier|initial|previous)\b",
    re.I,
)


# an increment is never a toll: "saying three more people had died of serious injuries"
_INCREMENT = re.compile(r"\b\w+ more (?:people |civilians )?(?:had |have )?died\b", re.I)
# "Twenty-six civilians were also killed yesterday when ... pounded Al-Maghayer": dead of
# another attack, or more dead beside a toll told before; never the incident's toll
_ALSO_KILLED = re.compile(r"\balso killed\b", re.I)


@lru_cache(maxsize=32768)
def _timeline(text: str) -> bool:
    return bool(_EARLIER_FIGURE.search(text)) and not _UPDATED_FIGURE.search(text)


def _compare(
    a: ClaimRecord, b: ClaimRecord, score: float
) -> tuple[list[_Finding], list[_Agreement]]:
    found: list[_Finding] = []
    agree: list[_Agreement] = []
    fa, fb = a.frame, b.frame
    if not _means_agree(a, b):
        return found, agree
    # denial: a denial seldom restates the place or date it answers; the match link suffices
    pa, pb = fa.polarity, fb.polarity
    if {pa, pb} == {Polarity.ASSERTED, Polarity.DENIED} and not one_incident(a, b):
        # (inside one incident every denial meets every accusation: ``incident_denials``)
        va, vb = ("denies", "asserts") if pa is Polarity.DENIED else ("asserts", "denies")
        asserting, denying = (a, b) if pa is Polarity.ASSERTED else (b, a)
        if _denial_answers(asserting, denying):
            found.append(_Finding(ConflictKind.DENIAL, a.ref, b.ref, va, vb, 0.9, score))
    if not _same_happening(a, b):
        return found, agree
    # actor
    pairs = [(ra, rb) for ra in fa.roles for rb in fb.roles if events_compatible(ra[0], rb[0])]
    agreeing = [(ra, rb) for ra, rb in pairs if agents_compatible(ra[1], rb[1])]
    if agreeing:
        ra, rb = agreeing[0]
        agree.append(_Agreement(a.ref, b.ref, ra[1] if len(ra[1]) <= len(rb[1]) else rb[1], score))
    elif (
        pairs
        and _number_anchored(a, b)
        and not (headline_like(a.text) or headline_like(b.text))
        and _same_object(a, b)
        and not _other_hands(a, b)  # "barrel bombs" and "terrorist explosions": two attacks
    ):
        # a culprit is only disputed between accounts pinned to one incident (the same article,
        # town or day; not a headline run) that hit the same thing (the helicopter): "rebels hit
        # a school in west Aleppo" and "Russian or Syrian warplanes hit the village of Hass" are
        # two attacks. Culprits on one side ("Ankara-backed rebels" vs "Turkey") are a lesser
        # dispute, and none when one account names both ("Russian or Syrian warplanes" vs "the
        # regime and Russia" tell one joint raid).
        ra, rb = pairs[0]
        related = agents_related(ra[1], rb[1])
        if not (related and (rb[1] in agents_in(ra[2]) or ra[1] in agents_in(rb[2]))):
            sev = 0.6 if related else 0.85
            found.append(
                _Finding(ConflictKind.ACTOR, a.ref, b.ref, ra[2], rb[2], sev, score, ra[1], rb[1])
            )
    # omission / event
    headlines = headline_like(a.text) or headline_like(b.text)
    for x, y, flip in ((a, b, False), (b, a, True)):
        if headlines:
            break  # "Daesh Suffers No Casualties in MOAB Bombing in Afghanistan": another story
        if _casualties(x) and (_silent_on_casualties(y) or _intercepted_only(y)):
            vx = "reports casualties"
            vy = "says nothing of casualties" if _silent_on_casualties(y) else "says intercepted"
            kind = ConflictKind.OMISSION if _silent_on_casualties(y) else ConflictKind.EVENT
            sev = 0.7
            va, vb = (vy, vx) if flip else (vx, vy)
            found.append(_Finding(kind, a.ref, b.ref, va, vb, sev, score))
            break
    # numbers: never a running total ("300000 killed since 2011") against one event's toll,
    # nor the tolls of two attacks by different hands ("rebel fire on Hamdaniyeh killed 13" vs
    # "a regime helicopter's chlorine killed three"). A culprit dispute flagged above is one
    # incident told two ways, and culprits on one side ("Russian" vs "Syrian" warplanes) may
    # be one raid: their tolls are still compared.
    disputed = any(x.kind is ConflictKind.ACTOR for x in found)
    other_side = bool(pairs) and not agreeing and not disputed
    if other_side and any(agents_related(ra[1], rb[1]) for ra, rb in pairs):
        other_side = False
    if fa.background or fb.background or other_side:
        return found, agree
    if one_incident(a, b):
        # tolls of one incident are compared account by account (``incident_tolls``); equal
        # figures still corroborate
        for role in sorted(set(_totals(a)) & set(_totals(b))):
            xa, xb = _totals(a)[role], _totals(b)[role]
            if xa.value == xb.value and xa.value > 1 and xa.group == xb.group:
                said = f"{xa.text} {_ROLE_WORD.get(role, '')}".strip()
                agree.append(_Agreement(a.ref, b.ref, said, score))
        return found, agree
    anchored = _number_anchored(a, b)
    weight = HEADLINE_WEIGHT if headline_like(a.text) or headline_like(b.text) else 1.0
    ta, tb = _totals(a), _totals(b)
    shared = sorted(set(ta) & set(tb))
    if shared and _other_hands(a, b):
        return found, agree
    for role in shared:
        graded = _compare_totals(ta[role], tb[role])
        word = _ROLE_WORD.get(role, "")
        va = f"{ta[role].text} {word}".strip()
        vb = f"{tb[role].text} {word}".strip()
        if va.endswith(f" {word}") and word and va[: -len(word) - 1].endswith(word):
            va = va[: -len(word) - 1]  # "19 wounded injured" -> "19 wounded"
        if vb.endswith(f" {word}") and word and vb[: -len(word) - 1].endswith(word):
            vb = vb[: -len(word) - 1]
        if graded is not None:
            graded = round(graded * weight, 2)
            if anchored and graded >= MIN_NUMBER_SEVERITY:
                found.append(_Finding(ConflictKind.NUMBER, a.ref, b.ref, va, vb, graded, score))
        elif ta[role].value == tb[role].value and ta[role].value > 1:
            agree.append(_Agreement(a.ref, b.ref, va, score))
    return found, agree


# ----------------------------------------------------------------------------- grouping


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _components(edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    uf = _UnionFind()
    for a, b in edges:
        uf.union(a, b)
    groups: dict[int, list[int]] = defaultdict(list)
    for x in list(uf.parent):
        groups[uf.find(x)].append(x)
    return [sorted(g) for g in groups.values()]


def _is_star(group: Sequence[_Finding]) -> bool:
    """Every finding shares one claim (the lone account against the rest), or every account
    disagrees with every other (three different tolls)."""
    common = {group[0].a, group[0].b}
    for x in group[1:]:
        common &= {x.a, x.b}
    claims = {c for x in group for c in (x.a, x.b)}
    pairs = {(min(x.a, x.b), max(x.a, x.b)) for x in group}
    return bool(common) or len(pairs) == len(claims) * (len(claims) - 1) // 2


def _incident_batches(
    group: Sequence[_Finding], linked: set[tuple[int, int]]
) -> list[list[_Finding]]:
    """Toll disagreements grouped by incident: claims that are all matched with one another
    ("22 vs 31 vs 44 vs 48" in Qamishli as the day went on) make one conflict; a chain through
    claims that are not matched with each other (a Qamishli toll, an Aleppo toll of the same
    day) is not one incident and stays apart."""

    def joined(c: int, members: set[int]) -> bool:
        return all((min(c, m), max(c, m)) in linked for m in members if m != c)

    clusters: list[set[int]] = []
    for x in sorted(group, key=lambda f: (-f.severity, f.a, f.b)):
        home = next((g for g in clusters if x.a in g or x.b in g), None)
        if home is None:
            clusters.append({x.a, x.b})
            continue
        for c in (x.a, x.b):
            free = not any(c in g for g in clusters)
            if free and len(home) < MAX_TOLL_GROUP and joined(c, home):
                home.add(c)
    batches: list[list[_Finding]] = [[] for _ in clusters]
    loose: list[list[_Finding]] = []
    for x in group:
        for n, g in enumerate(clusters):
            if x.a in g and x.b in g:
                batches[n].append(x)
                break
        else:
            loose.append([x])
    return [b for b in batches if b] + loose


def _join(names: Sequence[str]) -> str:
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _side_text(members: Sequence[tuple[str, str]]) -> str:
    """ "Russia Today says it was hit ..., and SOHR blamed the attack on Turkey" """
    parts = [f"{src} {pred}" for src, pred in members]
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + ", and " + parts[-1]


def _reason(
    kind: ConflictKind,
    sides: Sequence[Sequence[tuple[str, str]]],
    values: Sequence[str],
) -> str:
    text = "; ".join(_side_text(s) for s in sides)
    if kind is ConflictKind.NUMBER:
        text += f" (tolls: {' vs '.join(dict.fromkeys(values))})"
    return text + "."


def find_conflicts(
    records: Mapping[int, ClaimRecord], links: Sequence[Link]
) -> tuple[list[Conflict], list[Corroboration]]:
    """Typed conflicts and corroborations among linked claims (see the module docstring).

    Deterministic: sorted by key. Links whose claims are missing from ``records`` are ignored.
    """
    dup = _UnionFind()
    for link in links:
        if link.status is LinkStatus.DUPLICATE:
            dup.union(link.a, link.b)
    findings: dict[ConflictKind, list[_Finding]] = defaultdict(list)
    agreements: list[_Agreement] = []
    speakers: dict[tuple[int, int], str] = {}
    for link in links:
        if link.status is not LinkStatus.MATCH:
            continue
        a, b = records.get(link.a), records.get(link.b)
        if a is None or b is None or a.ref == b.ref or dup.find(a.ref) == dup.find(b.ref):
            continue
        sa, sb = speaker(a, b), speaker(b, a)
        if sa is None or sb is None or account_family(sa, a) == account_family(sb, b):
            continue
        speakers[(a.ref, b.ref)] = sa
        speakers[(b.ref, a.ref)] = sb
        f, ag = _compare(a, b, link.score)
        for x in f:
            findings[x.kind].append(x)
        agreements.extend(ag)

    def who(ref: int, other: int) -> str:
        return speakers.get((ref, other)) or records[ref].source or records[ref].outlet or "?"

    linked = {(min(x.a, x.b), max(x.a, x.b)) for x in links if x.status is LinkStatus.MATCH}
    conflicts: list[Conflict] = []
    for kind, items in findings.items():
        comps = _components([(x.a, x.b) for x in items])
        for comp in comps:
            members = set(comp)
            group = [x for x in items if x.a in members]
            # one conflict per group when one account faces all the others ("Anadolu vs Russia
            # Today and SOHR"), or when the group is the tolls of one incident ("22 vs 31 vs 44
            # vs 48" in Qamishli as the day went on: one conflict, not one per pair); other
            # chains of disagreements are reported pair by pair
            if kind is ConflictKind.NUMBER:
                batches = _incident_batches(group, linked)
            elif len(comp) <= MAX_GROUP and _is_star(group):
                batches = [group]
            else:
                batches = [[x] for x in group]
            for batch in batches:
                conflicts.append(_conflict(kind, batch, records, who))
    corroborations: list[Corroboration] = []
    for comp in _components([(x.a, x.b) for x in agreements]):
        members = set(comp)
        agreed = [x for x in agreements if x.a in members]
        if len(comp) > MAX_GROUP:
            comp = sorted({agreed[0].a, agreed[0].b})
            agreed = agreed[:1]
        partner = {x.a: x.b for x in agreed} | {x.b: x.a for x in agreed}
        names = [who(c, partner[c]) for c in comp]
        value = agreed[0].value
        reason = f"{_join(names)} agree: {value}."
        if any(not q.isdigit() for q in value.split()[:1]) and " " not in value:
            reason = f"{_join(names)} both blame {_display_agent(value)}."
        corroborations.append(
            Corroboration(
                reason=reason,
                claims=tuple(comp),
                sources=tuple(dict.fromkeys(names)),
                score=max(x.score for x in agreed),
                values=(value,),
            )
        )
    conflicts.extend(incident_tolls(records))
    conflicts.extend(incident_denials(records, who))
    conflicts.sort(key=lambda c: conflict_key(c.kind, c.claims))
    corroborations.sort(key=lambda c: corroboration_key(c.claims))
    return conflicts, corroborations


# ----------------------------------------------------------------------------- incident tolls

MAX_ACCOUNTS = 12  # accounts of one incident's toll shown in one conflict


@dataclass(frozen=True)
class _Account:
    """What one speaker in one article says an incident's toll is (its largest comparable
    figure: "16 civilians in Douma" and "22 civilians" across the Ghouta are one account, 22)."""

    speaker: str
    family: str
    ref: int  # the claim that gives the figure
    total: _Total
    published: date | None
    article: int = 0
    reporter: bool = False  # the outlet's own voice
    outlet: str | None = None
    where: frozenset[str] = frozenset()  # the towns and neighbourhoods the figure is told of
    wide: bool = False  # told of a governorate or region as a whole ("across Idlib province")
    risen: bool = False  # told as a toll that rose: "the death toll has risen to 82"


OUTLIER_RATIO = 10
OUTLIER_FLOOR = 100
_OTHERS = re.compile(r"\bothers?\b", re.I)


def _accounts(claims: Sequence[ClaimRecord], role: str) -> list[_Account]:
    best: dict[tuple[int, str, str], _Account] = {}
    told: list[tuple[ClaimRecord, _Total]] = []
    for r in sorted(claims, key=lambda r: (r.article_ref, r.seq or 0, r.ref)):
        total = _current_totals(r).get(role)
        if total is None or total.value < 0 or r.frame.background:
            continue
        if role == "dead" and (_OTHERS.search(total.text) or _ALSO_KILLED.search(r.text)):
            continue  # "the three others among the dead", "were also killed": not the toll
        if _aggregate(r.text) or _vicinity(r.text) or _INCREMENT.search(r.text):
            continue  # a total over days, a village nearby, "three more died": not a toll
        told.append((r, total))
    # a figure its article tells as risen ("The number of civilians killed ... has risen to 20"),
    # wherever the article repeats it ("At least 20 civilians were killed"), is the toll risen
    risen: dict[int, set[int]] = defaultdict(set)
    for r in claims:
        if _RISEN.search(r.text):
            risen[r.article_ref].update(q.value for q in r.frame.numbers)
    # an earlier figure ("Initial reports indicated over 40 killed") is history when its article
    # tells the figure it became; alone in its article, it is that article's account
    current = {r.article_ref for r, _ in told if not _timeline(r.text)}
    for r, total in told:
        if _timeline(r.text) and r.article_ref in current:
            continue
        if len(set(r.frame.places) & _GOVERNORATES) > 1 and not _own_town(r):
            continue  # a roundup: "terrorist attacks in Damascus, its countryside, Aleppo, Homs"
        who = r.source or r.outlet
        if who is None:
            continue
        family = account_family(who, r)
        # one account per speaker, article and kind of attack: "barrel bombs killed 15" and
        # "rebel rockets killed eight" in one report are two incidents' tolls; a figure that
        # names no kind belongs to the speaker's first account of the article
        kinds = kinds_of(r.frame.events)
        kind = (
            min(kinds)
            if kinds
            else next((k for (a, f, k) in best if (a, f) == (r.article_ref, family)), "")
        )
        key = (r.article_ref, family, kind)
        have = best.get(key)
        if have is None or _better_toll(total, have.total):
            best[key] = _Account(
                who,
                family,
                r.ref,
                total,
                r.published,
                r.article_ref,
                r.source is None,
                r.outlet,
                _where(r),
                _wide(r),
                bool(_RISEN.search(r.text) or _UPDATED_FIGURE.search(r.text))
                or total.value in risen.get(r.article_ref, ()),
            )
    accounts = list(best.values())
    # a figure ten times the accounts' median is no toll of this incident: "More than 300000
    # people have been killed" in a report of a strike that killed 26
    values = sorted(a.total.value for a in accounts)
    median = values[(len(values) - 1) // 2] if values else 0
    return [
        a
        for a in accounts
        if not (a.total.value >= OUTLIER_FLOOR and a.total.value >= OUTLIER_RATIO * max(median, 1))
    ]


def _current_totals(r: ClaimRecord) -> Mapping[str, _Total]:
    """``_totals``, less the figures a claim gives as the toll it updated: "killed 32 rebels
    ... updating an earlier toll on Sunday evening of 15" counts 32, not 32 and 15."""
    m = _UPDATED_FIGURE.search(r.text)
    if m is None:
        return _totals(r)
    before = r.text[: m.start()]
    return _totals_of(tuple(q for q in r.frame.numbers if q.text in before))


_WHOLE_GROUPS = frozenset({_GENERAL, "civilians"})  # counts of everyone killed


def _better_toll(new: _Total, have: _Total) -> bool:
    """Does ``new`` stand for a speaker's toll better than ``have``: a count of everyone killed
    before a count of a group ("13 killed" before "three children and three women"), then the
    larger of two counts of one thing."""
    broad_new, broad_have = new.group in _WHOLE_GROUPS, have.group in _WHOLE_GROUPS
    if broad_new != broad_have:
        return broad_new
    return _comparability(new, have) == 1.0 and new.value > have.value


TIMELINE_DAYS = 2  # a higher toll reported this many days later is the toll as it rose


def _own_town(r: ClaimRecord) -> bool:
    return any(p not in _GOVERNORATES and ":" not in p for p in r.frame.places)


def _where(r: ClaimRecord) -> frozenset[str]:
    """The places below a governorate that a claim's toll is told of: its towns (gazetteer or
    "the town of X") and its neighbourhoods and villages ("al-Jamilia neighborhood")."""
    towns = {p for p in r.frame.places if p not in _GOVERNORATES and ":" not in p}
    return frozenset(towns | _local_names(r.text))


_WIDE = re.compile(
    r"\b(?:across|throughout|in several|in a number of|in various|in many|around)\b|"
    r"\b(?:province|governorate|countryside|region|outskirts|suburbs)\b",
    re.I,
)


def _wide(r: ClaimRecord) -> bool:
    """The claim tells its toll of a whole area: "across rebel-held Idlib province"."""
    return bool(_WIDE.search(r.text))


def _kinds_agree(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Do two tolls tell of one kind of attack (or does either not say)? Air strikes and
    shelling in one city on one day are two attacks; told of one incident, their tolls are
    not one count. A claim may name several kinds ("revenge shelling after a downed pilot"):
    one kind in common is enough."""
    ka, kb = kinds_of(a.frame.events), kinds_of(b.frame.events)
    if ("air_strike" in ka and _rebel_weapons(b)) or ("air_strike" in kb and _rebel_weapons(a)):
        return False  # "terrorist attacks with rocket shells" are no air strike: rebels fly none
    if not ka or not kb or ka & kb:
        return True
    if any({x, y} in _ONE_ATTACK_KINDS for x in ka for y in kb):
        # barrel bombs fall from aircraft; a car bomb or a suicide bomber does not
        return not (
            ("air_strike" in ka and _GROUND_BOMB.search(b.text))
            or ("air_strike" in kb and _GROUND_BOMB.search(a.text))
        )
    # two outlets may tell one attack as "shelling" and as "air strikes" or "bombardment":
    # across articles these are one attack (inside one article they are two)
    # (unless the shelling is the rebels': they fly no aircraft)
    if a.article_ref == b.article_ref:
        return False
    if "shelling" in ka and "air_strike" in kb:
        return not _rebel_weapons(a)
    if "air_strike" in ka and "shelling" in kb:
        return not _rebel_weapons(b)
    return False


def _rebel_weapons(r: ClaimRecord) -> bool:
    """The claim names a non-state side's weapons ("terrorist rocket shells", "rebel fire") or a
    non-state side as the attacker ("killed in terrorist attacks with rocket shells")."""
    return any(non_state(agent) for agent in (*weapon_agents(r.text), *r.frame.agents))


_GROUND_BOMB = re.compile(
    r"\b(?:car|truck|motorbike|motorcycle|vehicle)[- ]bomb|\bsuicide\b|\bbooby[- ]trapped\b|"
    r"\bexplosive device\b|\bied\b|\bexplosives?-laden\b|\bbomb blast at\b",
    re.I,
)
# kinds one attack is told as: barrel bombs are dropped by aircraft, gas by aircraft too
_ONE_ATTACK_KINDS = ({"air_strike", "bombing"}, {"air_strike", "chemical_attack"})


def _part_of(x: _Account, y: _Account) -> bool:
    """Is one figure a part of the other's: told of different towns or neighbourhoods ("14 in
    the hospital courtyard in Kafr Takharim" vs "19 across Idlib province"), or the lower figure
    told of a town when the other is told of a whole governorate or region, or of some of the
    neighbourhoods the other is told of? Part and whole are never a dispute. (A figure told of
    no place at all is the incident's: "four people died" and "three deaths in Zubdiya" are two
    tolls of one attack.)"""
    small, big = (x, y) if x.total.value <= y.total.value else (y, x)
    if x.where and y.where:
        # two places apart, or the lower figure told of some of the places the higher one
        # covers: "a child killed in Hamdaniyeh" vs "four killed in Hamdaniyeh and Salah
        # al-Din"
        return not (x.where & y.where) or small.where < big.where
    return bool(small.where) and not big.where and big.wide


# a figure told as the toll it rose to: "the death toll has risen to 82", "in a new toll"
_RISEN = re.compile(
    r"\b(?:toll|number of (?:\w+ )?(?:dead|deaths|victims|casualties|killed))\b[^.]{0,90}?"
    r"\b(?:rose|risen|"
    r"climbed|jumped|increased|mounted|reached|rises|climbs)\b|\bnew (?:death )?toll\b|"
    r"\bupdated (?:death )?toll\b|\b(?:rais|push|bring|brought)\w* the (?:death )?toll\b",
    re.I,
)


def _timeline_pair(x: _Account, y: _Account) -> bool:
    """One toll as the days went on: a higher figure reported ``TIMELINE_DAYS`` or more later
    (reports a day apart are "about the same time": their tolls are compared), or told as the
    toll it rose to ("the toll has risen to 82") on the same day or later."""
    if x.published is None or y.published is None:
        return False
    high, low = (x, y) if x.total.value > y.total.value else (y, x)
    if (
        high.risen
        and high.published is not None
        and low.published is not None
        and high.published >= low.published
    ):
        return True
    days = abs((x.published - y.published).days)
    same_outlet = bool(x.outlet) and x.outlet == y.outlet
    if days < TIMELINE_DAYS and not (same_outlet and days > 0):
        return False  # an outlet's next-day report of a higher toll updates its own
    early, late = (x, y) if x.published < y.published else (y, x)
    return late.total.value >= early.total.value


def _quoted_apart(x: _Account, y: _Account) -> bool:
    """One source quoted by two outlets on the same day with two tolls ("47 dead" in one, "at
    least 82" in the other, both from the Observatory): the outlets' accounts of that source
    disagree. On other days, or in one outlet, it is the source's toll as it was updated."""
    return (
        not (x.reporter or y.reporter)
        and bool(x.outlet and y.outlet)
        and x.outlet != y.outlet
        and x.published is not None
        and x.published == y.published
    )


def _by_incident(records: Mapping[int, ClaimRecord]) -> dict[int, list[ClaimRecord]]:
    """The records placed in an incident, by incident (background claims left out)."""
    out: dict[int, list[ClaimRecord]] = defaultdict(list)
    for r in records.values():
        if r.incident:
            out[r.incident].append(r)
    return out


def toll_accounts(records: Mapping[int, ClaimRecord]) -> list[tuple[str, _Account]]:
    """Every toll account (count, account) of the records' incidents: a toll timeline."""
    by_incident = _by_incident(records)
    return [
        (role, account)
        for incident in sorted(by_incident)
        for role in ("dead", "injured")
        for account in _accounts(by_incident[incident], role)
    ]


def incident_tolls(records: Mapping[int, ClaimRecord]) -> list[Conflict]:
    """Toll disputes inside each incident, account by account.

    Every speaker (a named source, or the outlet for its own reporting) in every article gives
    at most one figure per count (dead, injured) and kind of attack (``_accounts``). Accounts of
    one speaker's family are set against each other only when two outlets quote it on the same
    day (``_quoted_apart``); a higher figure reported two or more days later, or told as risen,
    is a toll timeline (``_timeline_pair``). Every other pair of accounts is graded as
    ``_compare_totals`` grades two tolls; the accounts of an incident that disagree with any
    other make one conflict per count.
    """
    by_incident = _by_incident(records)
    out: list[Conflict] = []
    for incident in sorted(by_incident):
        claims = by_incident[incident]
        for role in ("dead", "injured"):
            accounts = _accounts(claims, role)
            severity: dict[int, float] = {}
            for x, y in combinations(accounts, 2):
                if x.ref == y.ref or _timeline_pair(x, y):
                    continue
                if x.family == y.family and not _quoted_apart(x, y):
                    continue
                if x.article == y.article and (x.reporter or y.reporter):
                    # the reporter's own figures in an article restate or break down the
                    # sources it quotes ("left one person dead" in one neighbourhood)
                    continue
                if _part_of(x, y) or _other_hands(records[x.ref], records[y.ref]):
                    continue  # a part of the other's toll; another side's attack
                if not _kinds_agree(records[x.ref], records[y.ref]):
                    continue  # "air strikes killed 25" and "rocket attacks killed 5": two attacks
                graded = _compare_totals(x.total, y.total)
                if graded is None or graded < MIN_NUMBER_SEVERITY:
                    continue
                for acc in (x, y):
                    severity[acc.ref] = max(severity.get(acc.ref, 0.0), graded)
            if not severity:
                continue
            involved = sorted(
                (a for a in accounts if a.ref in severity),
                key=lambda a: (-severity[a.ref], a.ref),
            )[:MAX_ACCOUNTS]
            out.append(_toll_conflict(incident, role, involved, records, max(severity.values())))
    return out


MAX_ACCUSATIONS = 8  # accusations shown against one denial


def incident_denials(
    records: Mapping[int, ClaimRecord], who: Callable[[int, int], str]
) -> list[Conflict]:
    """Denials inside each incident, each set against every accusation it answers.

    A denial ("Russia has denied any responsibility") seldom repeats the words of the
    accusation it answers ("US officials concluded Russian warplanes bombed the convoy"): inside
    one incident it meets them all, whatever their wording. Each denier (its family) gives one
    conflict with the accusations of other speakers it contradicts (``_denial_answers``).
    """
    by_incident = _by_incident(records)
    out: list[Conflict] = []
    for incident in sorted(by_incident):
        claims = sorted(by_incident[incident], key=lambda r: r.ref)
        denials: dict[str, list[ClaimRecord]] = defaultdict(list)
        for r in claims:
            if r.frame.polarity is Polarity.DENIED:
                name = speaker(r, r) or r.outlet
                if name:
                    denials[account_family(name, r)].append(r)
        for family, denying in sorted(denials.items()):
            answered: dict[int, ClaimRecord] = {}
            for d in denying:
                for a in claims:
                    if a.frame.polarity is not Polarity.ASSERTED or a.ref in answered:
                        continue
                    name = speaker(a, d)
                    if name is None or account_family(name, a) == family:
                        continue
                    if _denial_answers(a, d):
                        answered[a.ref] = a
            if not answered:
                continue
            accusers = sorted(answered)[:MAX_ACCUSATIONS]
            deniers = [d.ref for d in denying]
            members = sorted({*accusers, *deniers})
            sides = [
                [(who(c, accusers[0]), account(records[c].text)) for c in deniers],
                [(who(c, deniers[0]), account(records[c].text)) for c in accusers],
            ]
            values = tuple("denies" if c in deniers else "asserts" for c in members)
            names = {c: who(c, deniers[0] if c in accusers else accusers[0]) for c in members}
            out.append(
                Conflict(
                    kind=ConflictKind.DENIAL,
                    reason=_reason(ConflictKind.DENIAL, sides, ["denies", "asserts"]),
                    claims=tuple(members),
                    sources=tuple(dict.fromkeys(names[c] for c in members)),
                    severity=0.9,
                    values=values,
                    score=100.0,
                    incident=incident,
                )
            )
    return out


def _toll_conflict(
    incident: int,
    role: str,
    accounts: Sequence[_Account],
    records: Mapping[int, ClaimRecord],
    severity: float,
) -> Conflict:
    word = _ROLE_WORD.get(role, "")
    ordered = sorted(accounts, key=lambda a: a.ref)

    def value(a: _Account) -> str:
        text = f"{a.total.text} {word}".strip()
        if word and text.endswith(f" {word}") and text[: -len(word) - 1].endswith(word):
            text = text[: -len(word) - 1]  # "19 wounded injured" -> "19 wounded"
        return text

    sides: dict[str, list[_Account]] = defaultdict(list)
    for a in ordered:
        sides[value(a)].append(a)
    side_list = sorted(sides.values(), key=lambda accs: (len(accs), accs[0].ref))
    outlets: dict[str, set[str | None]] = defaultdict(set)
    for a in ordered:
        outlets[a.family].add(a.outlet)

    def who(a: _Account) -> str:
        # one source quoted by two outlets: say which outlet quotes it
        quoted = len(outlets[a.family]) > 1 and a.outlet
        return f"{a.speaker} (in {a.outlet})" if quoted else a.speaker

    rendered = [[(who(a), account(records[a.ref].text)) for a in accs] for accs in side_list]
    return Conflict(
        kind=ConflictKind.NUMBER,
        reason=_reason(ConflictKind.NUMBER, rendered, [value(accs[0]) for accs in side_list]),
        claims=tuple(a.ref for a in ordered),
        sources=tuple(dict.fromkeys(a.speaker for a in ordered)),
        severity=round(severity, 2),
        values=tuple(value(a) for a in ordered),
        score=100.0,
        incident=incident,
    )


def _display_agent(agent: str) -> str:
    return {"turkey": "Turkey", "russia": "Russia", "israel": "Israel", "iran": "Iran"}.get(
        agent, agent
    )


def _conflict(
    kind: ConflictKind,
    batch: Sequence[_Finding],
    records: Mapping[int, ClaimRecord],
    who: object,
) -> Conflict:
    value_of: dict[int, str] = {}
    side_of: dict[int, str] = {}
    partner: dict[int, int] = {}
    for x in batch:
        value_of.setdefault(x.a, x.value_a)
        value_of.setdefault(x.b, x.value_b)
        side_of.setdefault(x.a, x.side_a or x.value_a)
        side_of.setdefault(x.b, x.side_b or x.value_b)
        partner.setdefault(x.a, x.b)
        partner.setdefault(x.b, x.a)
    claims = sorted(value_of)
    assert callable(who)
    names = {c: who(c, partner[c]) for c in claims}
    # sides: claims with the same value, in order of first claim
    sides: dict[str, list[int]] = defaultdict(list)
    for c in claims:
        sides[side_of[c]].append(c)
    side_list = list(sides.values())
    # the lone dissenter first reads best: "Anadolu says ...; Russia Today ... and SOHR ..."
    side_list.sort(key=lambda cs: (len(cs), cs[0]))
    rendered = [[(names[c], account(records[c].text)) for c in cs] for cs in side_list]
    values = tuple(value_of[c] for c in claims)
    incidents = {records[c].incident for c in claims}
    incident = incidents.pop() if len(incidents) == 1 else None
    return Conflict(
        kind=kind,
        reason=_reason(kind, rendered, [value_of[cs[0]] for cs in side_list]),
        claims=tuple(claims),
        sources=tuple(dict.fromkeys(names[c] for c in claims)),
        severity=max(x.severity for x in batch),
        values=values,
        score=max(x.score for x in batch),
        incident=incident or None,
    )


# ----------------------------------------------------------------------------- reading


def render_reason(
    kind: ConflictKind | str,
    accounts: Sequence[tuple[int, str, str, str]],
    incident: int | None = None,
) -> str:
    """A stored conflict's reason, rendered from its accounts as the matcher renders it.

    ``accounts``: ``(claim id, speaker's current name, claim text, value)`` for each claim, the
    value as stored (a toll, a culprit, "denies"/"asserts"). Claims with the same value make
    one side (for ``actor``, the same culprit); the lone dissenter first, except a denial told
    of one incident, where the denial comes first. So a source renamed, aliased or merged after
    detection reads under its current name.
    """
    kind = ConflictKind(kind)
    ordered = sorted(accounts, key=lambda a: a[0])

    def side(value: str) -> str:
        if kind is ConflictKind.ACTOR:
            return first_agent(value) or value
        return value

    sides: dict[str, list[tuple[int, str, str, str]]] = defaultdict(list)
    for acc in ordered:
        sides[side(acc[3])].append(acc)
    side_list = list(sides.values())
    if kind is ConflictKind.DENIAL and incident:
        side_list.sort(key=lambda accs: (accs[0][3] != "denies", accs[0][0]))
    else:
        side_list.sort(key=lambda accs: (len(accs), accs[0][0]))
    rendered = [[(name, account(text)) for _ref, name, text, _value in accs] for accs in side_list]
    return _reason(kind, rendered, [accs[0][3] for accs in side_list])


def render_agreement(names: Sequence[str], value: str) -> str:
    """A corroboration's reason ("RT and SOHR both blame Turkey.") for its speakers' current
    names, as the matcher renders it."""
    if any(not q.isdigit() for q in value.split()[:1]) and " " not in value:
        return f"{_join(names)} both blame {_display_agent(value)}."
    return f"{_join(names)} agree: {value}."
