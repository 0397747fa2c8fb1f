"""Frozen value types that flow through the pipeline.

load -> Document; segment -> Claim (no attribution yet); attribute -> Claim with Attribution;
frame -> EventFrame; match -> Link; conflicts -> Conflict / Corroboration.

Every stage before the store is a pure function over these types. Offsets are character offsets
into ``Document.text`` (the article text exactly as stored), so ``text[start:end] == claim.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


@dataclass(frozen=True)
class Document:
    """One article: its normalised text and what we know about where it came from."""

    text: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    origin: str = "<text>"  # file path, "-" for stdin, or "<text>" for in-memory text
    # where ``published`` came from: "data" (a dataset field), "page" (meta tags, JSON-LD),
    # "option" (--published), "dateline" (a date line in the text); None when unknown
    published_from: str | None = None
    author: str | None = None
    # other fields of a dataset row (name, value), kept with the article and exported with it
    extra: tuple[tuple[str, str], ...] = ()


class AttributionKind(StrEnum):
    DIRECT_QUOTE = "direct_quote"  # “...”, he said
    INDIRECT = "indirect"  # X said (that) ...
    ACCORDING_TO = "according_to"  # according to X, ...
    NONE = "none"  # the reporter's own voice


class SourceKind(StrEnum):
    NEWS_AGENCY = "news_agency"
    BROADCASTER = "broadcaster"
    NEWSPAPER = "newspaper"
    MONITOR = "monitor"  # monitors and NGOs: SOHR, White Helmets, Amnesty
    INTERNATIONAL = "international"  # the UN and its agencies
    GOVERNMENT = "government"  # governments, ministries, presidencies
    MILITARY = "military"  # armed forces, armed groups
    OFFICIAL = "official"  # named people: ministers, presidents, spokesmen
    UNNAMED = "unnamed"  # "a rebel military source", "witnesses", "activists"
    OTHER = "other"


@dataclass(frozen=True)
class Attribution:
    """Who made a claim, and the words that say so.

    ``source`` is the canonical source name (``None`` for the reporter's own voice);
    ``mention`` is the source as written ("the Observatory", "He") with its offsets in the document.
    """

    source: str | None = None
    source_kind: SourceKind | None = None
    mention: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    cue: str | None = None  # "said", "according to", "told", "in a statement"
    kind: AttributionKind = AttributionKind.NONE
    via: str | None = None  # relaying outlet: "Reuters" in "told Reuters"
    rule: str | None = None  # name of the rule that fired, so a reviewer can see why
    descriptor: str | None = None  # role or description kept aside: "Turkish Foreign Minister"


UNATTRIBUTED = Attribution()


@dataclass(frozen=True)
class Claim:
    """A sentence, or a clause of one, with exact offsets into ``Document.text``."""

    start: int
    end: int
    text: str
    paragraph: int = 0  # index of the paragraph (blank-line separated block) it sits in
    attribution: Attribution = UNATTRIBUTED


@dataclass(frozen=True)
class Source:
    """An entry of the source registry."""

    name: str
    kind: SourceKind = SourceKind.OTHER
    aliases: tuple[str, ...] = ()
    descriptors: tuple[str, ...] = ()  # "state-owned", "UK-based war monitor", "Foreign Minister"
    country: str | None = None
    is_person: bool = False


@dataclass(frozen=True)
class Analysis:
    """What ``claimtrack.analyze`` returns: the document, its claims and the sources they name."""

    document: Document
    claims: tuple[Claim, ...]
    sources: tuple[Source, ...] = ()


# ---------------------------------------------------------------- event frames, links, conflicts


class Polarity(StrEnum):
    ASSERTED = "asserted"
    DENIED = "denied"  # "denied that its jets struck the market"
    OMITTED = "omitted"  # "made no mention of casualties"


@dataclass(frozen=True)
class Quantity:
    """A number with its qualifier: "at least three" -> value 3, low 3, high None."""

    value: int
    low: int | None
    high: int | None
    qualifier: str  # exact | at_least | more_than | about | up_to | vague
    noun: str  # what is counted, lower case ("soldiers", "people"); "" when unknown
    text: str  # as written
    role: str = ""  # what the count is of: "dead", "injured", "displaced", "casualties", "part", ""


@dataclass(frozen=True)
class EventFrame:
    """What a claim says happened. Pure data derived from one claim's text (see ``frame.py``)."""

    events: tuple[str, ...] = ()  # canonical event types: "shoot_down", "kill", "strike", ...
    agents: tuple[str, ...] = ()  # who did it, normalised: "ankara-backed rebels", "turkey"
    targets: tuple[str, ...] = ()  # to whom / what: "helicopter", "soldiers"
    places: tuple[str, ...] = ()
    dates: tuple[date, ...] = ()
    numbers: tuple[Quantity, ...] = ()
    polarity: Polarity = Polarity.ASSERTED
    omitted: tuple[str, ...] = ()  # what the claim explicitly says nothing about: "casualties"
    keywords: tuple[str, ...] = ()  # content words used for blocking
    # who did what: (event, agent, agent phrase as written), e.g.
    # ("shoot_down", "turkey-backed rebels", "by Ankara-backed rebels")
    roles: tuple[tuple[str, str, str], ...] = ()
    inherited: tuple[str, ...] = ()  # fields filled from the article context: "dates", "places"
    background: bool = False  # a running total or another time: "killed 300,000 since 2011"


@dataclass(frozen=True)
class ClaimRecord:
    """A claim as matching sees it: an opaque reference (store id) plus what matching needs."""

    ref: int
    article_ref: int
    text: str
    source: str | None
    frame: EventFrame
    published: date | None = None
    seq: int | None = None  # position of the claim in its article (in-article proximity)
    outlet: str | None = None  # the article's outlet: the speaker of reporter-voice claims
    # the stored incident the claim belongs to; 0: none (background, another time), so it is
    # compared with nothing; None: not placed (records built outside the store), not gated
    incident: int | None = None


class LinkStatus(StrEnum):
    MATCH = "match"  # same event, score above the high threshold
    SUGGESTED = "suggested"  # between the thresholds: review may confirm
    DUPLICATE = "duplicate"  # the same account republished (wire copy): one account, not two


@dataclass(frozen=True)
class Link:
    a: int  # ClaimRecord.ref, a < b
    b: int
    score: float  # 0..100
    status: LinkStatus
    method: str  # e.g. "token_set_ratio+frame"


class ConflictKind(StrEnum):
    ACTOR = "actor"  # different culprit
    NUMBER = "number"  # different toll
    DENIAL = "denial"  # one asserts, another denies
    OMISSION = "omission"  # one reports casualties, the other is silent / says intercepted
    EVENT = "event"  # different outcome (hit vs intercepted)


@dataclass(frozen=True)
class Conflict:
    kind: ConflictKind
    reason: str  # one human sentence naming both sources and the disagreeing values
    claims: tuple[int, ...]  # ClaimRecord.ref values, sorted
    sources: tuple[str, ...]
    severity: float  # 0..1
    values: tuple[str, ...] = ()  # the disagreeing values, in the order of ``claims``
    score: float = 0.0  # the link score behind it
    incident: int | None = None  # the stored incident all its claims are placed in


@dataclass(frozen=True)
class Corroboration:
    reason: str
    claims: tuple[int, ...]
    sources: tuple[str, ...]
    score: float = 0.0
    values: tuple[str, ...] = field(default=())
