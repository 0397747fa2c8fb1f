"""Attributions without a reporting verb before the content: "according to X", inverted cues
("..., said X"), embedded clauses, "X: ..." headlines and "in the poll"."""

from __future__ import annotations

import re
from dataclasses import replace

from claimtrack.attribute.lexicon import (
    _COLON_STOP,
    _DAYS,
    _DETS,
    _DOC_NOUNS,
    _INVERTIBLE,
    _OUTLET_KINDS,
    _POSS_PRON,
    _PREPOSITIONS,
    _PRONOUNS,
    _SOURCE_NOUNS,
)
from claimtrack.attribute.relays import _Relays
from claimtrack.attribute.sites import CueSite, _Found, _found
from claimtrack.attribute.tokens import _index_after, _np_after, _np_before, _Tok
from claimtrack.model import (
    AttributionKind,
    Claim,
    SourceKind,
)
from claimtrack.sources import (
    descriptor_words,
    generic_words,
    normalise,
)

# a finding "in the poll" / "in a new CNN/ORC poll" / "in the survey"
_IN_THE_POLL = re.compile(
    r"\bin (?:the|a|an|this|that) ((?:(?:new|latest|recent|national|separate)\s)?"
    r"(?:[A-Z][\w/.&-]*\s){0,4}(?:poll|survey))\b"
)


class _NonVerbal(_Relays):
    def _inverted(self, site: CueSite) -> _Found | None:
        toks, i, cue = site.toks, site.i, site.cue
        cue_start = site.cue_start
        if i + 1 >= len(toks) or cue not in _INVERTIBLE:
            return None
        if i == 0:
            return None
        span = _np_after(toks, i + 1)
        if span is None:
            return None
        a, b = span
        if toks[a].low in _POSS_PRON and b + 1 < len(toks) and toks[b + 1].is_word:
            return None  # "... said his hospital received three victims": the clause reported
        if toks[a].low in _PRONOUNS:
            pass
        elif toks[a].low in ("a", "an") and toks[b].bare not in _SOURCE_NOUNS:
            return None
        after = toks[b + 1] if b + 1 < len(toks) else None
        if after is not None and after.is_word and after.low not in (
            "on", "in", "at", "who", "which", "late", "earlier", "later", "head", "director",
            "spokesman", "chief", "and", "citing", "adding", "during", "after", "while",
            "last", "this", "when", "told", "as", "from", "quoted", "via", "whose", "whom",
        ) and not (
            after.is_cap
            or after.low in _DAYS
            # "... said Silvia Dallatomasina a medical manager": a full name, then its role
            # "... said the Observatory a Britain-based group which ..."
            or (after.low in ("a", "an", "the") and toks[b].is_cap)
        ):  # fmt: skip
            return None
        text = self._cur_text
        for k in range(a + 1, b):
            if toks[k].low == "of":
                person = self._known(toks, a, k - 1)
                if person is not None and person.is_person:
                    span = (a, b) = (a, k - 1)  # '"He is a decent man," said Pence of Trump'
                break
        src = self._source_for(toks, a, b, text)
        if src is None:
            return None
        rule = "inverted-cue"
        f = _found(toks, span, src, cue, cue_start, rule, i, text)
        return replace(f, split_at=None)

    def _according(self, toks: list[_Tok], k: int, cue: str, cue_start: int) -> _Found | None:
        if k >= len(toks):
            return None
        span = _np_after(toks, k)
        if span is None:
            return None
        a, b = span
        text = self._cur_text
        if b + 2 < len(toks) and toks[b].bare not in _DOC_NOUNS and toks[b + 1].bare in _DOC_NOUNS:
            b += 1  # "the Arabic-language desk of Sputnik": the noun the chunk stopped before
        elif (
            b + 1 < len(toks)
            and normalise(toks[b].text) in descriptor_words().demonyms
            and toks[b + 1].bare in _SOURCE_NOUNS
        ):
            b += 1  # "according to Syrian activists": the people, not the adjective
        # "according to a statement by the army", "according to figures from the UN"
        if toks[b].bare in _DOC_NOUNS and b + 2 < len(toks):
            n = b + 1
            while n < min(len(toks), b + 4) and toks[n].low not in ("by", "from", "of", "issued"):
                n += 1
            if n < len(toks) and toks[n].low in ("by", "from", "of"):
                inner = _np_after(toks, n + 1)
                if inner is not None:
                    src = self._source_for(toks, inner[0], inner[1], text)
                    if src is not None:
                        return _found(toks, inner, src, cue, cue_start, "according-to", k,
                                           text, kind=AttributionKind.ACCORDING_TO)  # fmt: skip
        src = self._source_for(toks, a, b, text)
        if src is None:
            return None
        f = _found(toks, span, src, cue, cue_start, "according-to", k, text,
                        kind=AttributionKind.ACCORDING_TO)  # fmt: skip
        return replace(f, split_at=None)

    def _embedded(self, site: CueSite, span: tuple[int, int]) -> _Found | None:
        """ "Ankara's retaliation, which its military claimed had killed scores ..." -> military."""
        toks, cue, cue_start = site.toks, site.cue, site.cue_start
        i, text = site.i, site.text
        a, b = span
        src = self._source_for(toks, a, b, text)
        if src is None:
            return None
        rel = toks[a - 1]
        start = rel.start
        # the clause runs to the next comma (or the end of the sentence)
        end = len(text.rstrip())
        for t in toks[i + 1 :]:
            if t.text in (",", ";", "–", "—"):
                end = t.start
                break
        f = _found(toks, span, src, cue, cue_start, "embedded-cue", i, text)
        return replace(f, split_at=start, clause_end=end)

    def _colon_or_headline(self, toks: list[_Tok], text: str, claim: Claim) -> _Found | None:
        # "Lavrov: HTS controls ..." (a speaker before a colon, at the start of the claim)
        for k, t in enumerate(toks[:8]):
            if t.text == ":" and k > 0:
                span = _np_before(toks, k - 1)
                if span is None or span[0] != 0 or toks[0].low in _COLON_STOP:
                    break
                if any(tok.text[0].isdigit() for tok in toks[:k]):
                    break
                src = self._known(toks, *span)
                if src is None and span[0] == span[1] and toks[0].bare in generic_words().documents:
                    src = self._named_before(toks[0].bare, toks, 0, 0)  # "Poll: X leads Y"
                if src is None:
                    name = text[toks[span[0]].start : toks[span[1]].end]
                    if (
                        len(span)
                        and span[1] - span[0] >= 1
                        and all(tok.is_cap for tok in toks[span[0] : span[1] + 1])
                    ):
                        src = self._new_source(name)
                if src is None and span[0] == span[1] and toks[span[0]].is_cap:
                    src = self._speaker(toks[span[0]].text)  # "Kessler: ..." -> Dan Kessler
                    if normalise(src.name) == toks[span[0]].low:
                        src = None  # a lone word the article names nowhere else
                if src is None:
                    return None
                return _found(toks, span, src, ":", t.start, "colon-speaker", k, text)
        # headline-style tail without a cue: "Aleppo bomb blast kills six Syrian state TV"
        end = len(toks) - 1
        while end >= 0 and not toks[end].is_word:
            end -= 1
        if end < 2:
            return None
        span = _np_before(toks, end)
        if span is None or span[0] == 0:
            return None
        before = toks[span[0] - 1]
        if (
            before.low in _PREPOSITIONS or before.low in _DETS or not before.is_word
        ) and before.text not in ("-", "–", "—", ":"):
            return None
        if before.text == ":" and toks[span[1]].bare == "monitor":
            # "Bombs in Syrias Aleppo kill 13 pro-Assad fighters: monitor"
            monitor = self._article_monitor()
            if monitor is not None:
                return _found(toks, span, monitor, "", toks[span[0]].start, "headline-tail",
                                   end, text)  # fmt: skip
        for k in range(span[0], span[1] + 1):
            src = self._known(toks, k, span[1])
            if src is not None and src.kind in _OUTLET_KINDS | {SourceKind.MONITOR}:
                if k > span[0] and toks[k - 1].low in _PREPOSITIONS:
                    return None
                return _found(toks, (k, span[1]), src, "", toks[k].start, "headline-tail",
                                   end, text)  # fmt: skip
        return None

    def _in_the_poll(self, toks: list[_Tok], text: str) -> _Found | None:
        """ "Clinton leads Trump 46 percent to 42 percent in the poll": the poll's finding."""
        m = _IN_THE_POLL.search(text) if "poll" in text or "survey" in text else None
        if m is None:
            return None
        k = _index_after(toks, m.start(1))
        if k >= len(toks):
            return None
        b = _index_after(toks, m.end(1)) - 1
        src = self._source_for(toks, k, b, text)
        if src is None:
            return None
        return replace(
            _found(toks, (k, b), src, "in", m.start(), "in-the-poll", k, text), split_at=None
        )
