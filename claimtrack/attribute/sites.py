"""What a rule is given and what it returns: ``CueSite``, one reporting cue in a claim;
``_Found``, one attribution found in a claim, and ``_found``, which builds it from a noun-phrase
span (descriptor, clause split point)."""

from __future__ import annotations

from dataclasses import dataclass

from claimtrack.attribute.lexicon import _SPLIT_MARKERS
from claimtrack.attribute.tokens import _Tok
from claimtrack.model import (
    AttributionKind,
    Source,
)


@dataclass(slots=True)
class CueSite:
    """One reporting cue in a claim, with what every subject rule asks of it: the rules take this
    one value instead of the six parameters they used to thread through each other. Read-only
    by convention (not frozen: a frozen dataclass costs four times as much to make, and one is
    made for every cue of every claim)."""

    toks: list[_Tok]  # the claim's tokens
    i: int  # index of the cue's (first) token
    cue: str  # the cue as matched, lower case, single-spaced: "said", "pointed out"
    cue_start: int  # claim-relative offset of the cue
    text: str  # the claim's text
    weak: bool  # the cue needs a speaking subject (cues.toml: weak = true)
    j: int  # the token before the cue, adverbs and auxiliaries stepped over (_skip_back); set
    # once the cue has passed its guards (-1 before, and where there is no such token)
    prev: _Tok | None  # the token just before the cue
    nxt: _Tok | None  # the token just after it


@dataclass(frozen=True)
class _Found:
    """One attribution found in a claim, before it is turned into an ``Attribution``."""

    source: Source
    mention_start: int  # claim-relative
    mention_end: int
    cue: str
    rule: str
    cue_start: int
    kind: AttributionKind = AttributionKind.INDIRECT
    via: str | None = None
    descriptor: str | None = None
    split_at: int | None = None  # claim-relative start of the clause it opens, if it opens one
    clause_end: int | None = None  # claim-relative end of an embedded clause


def _found(
    toks: list[_Tok],
    span: tuple[int, int],
    src: Source,
    cue: str,
    cue_start: int,
    rule: str,
    i: int,
    text: str,
    via: str | None = None,
    kind: AttributionKind = AttributionKind.INDIRECT,
) -> _Found:
    a, b = span
    split_at: int | None = None
    k = a - 1
    if k >= 0 and toks[k].low == ",":
        k -= 1
    if k > 0 and (
        toks[k].low in _SPLIT_MARKERS
        or (toks[k].low == "and" and toks[k - 1].text == ",")
        or (toks[k].low == "and" and k >= 2 and toks[k - 1].text in ('"', "”")
            and toks[k - 2].text == ",")
    ):  # fmt: skip
        split_at = toks[k].start
    elif k >= 0 and toks[k].text == ";":
        split_at = toks[k].end
    # The role that comes with a person's full name: "Turkish Foreign Minister Mevlut
    # Cavusoglu" -> "Turkish Foreign Minister". Nothing for "he", "Mr Lavrov", "Lavrov".
    descriptor = None
    mention = text[toks[a].start : toks[b].end]
    if src.is_person and src.name in mention:
        words = mention.replace(src.name, "").strip(" ,")
        if words and words.lower() not in ("mr", "mrs", "ms", "dr"):
            descriptor = words
    return _Found(
        source=src,
        mention_start=toks[a].start,
        mention_end=toks[b].end,
        cue=cue,
        rule=rule,
        cue_start=cue_start,
        kind=kind,
        via=via,
        descriptor=descriptor,
        split_at=split_at,
    )
