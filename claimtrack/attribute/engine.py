"""The orchestration: per claim, find the cues, pick the attributions, split clauses, then run
the article-level passes (quotes, speaker turns, tweet credits) and build the ``Attribution``s."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from claimtrack.attribute.clauses import _Clauses
from claimtrack.attribute.lexicon import (
    _ADVERBS_OR_COMMA,
    _AS_SAYING_VERBS,
    Lexicon,
    default_lexicon,
)
from claimtrack.attribute.patterns import _QUOTE_CHARS
from claimtrack.attribute.quotes import _first_person_pass, _quote_spans, _Quotes
from claimtrack.attribute.sites import _Found
from claimtrack.attribute.subjects import _Subjects
from claimtrack.attribute.tokens import _index_after, _Tok, _tokens
from claimtrack.model import (
    UNATTRIBUTED,
    Attribution,
    AttributionKind,
    Claim,
    Document,
    SourceKind,
)
from claimtrack.sources import (
    SourceRegistry,
    default_registry,
    generic_words,
)

_CREDIT_TAIL = re.compile(r"\s*(?:[-–—]{1,2}\s*|\()(?:[A-Z][\w.]*)(?:\s[A-Z][\w.]*){0,2}\)?\s*$")


# ------------------------------------------------------------------------------------ the stage


def attribute(
    doc: Document,
    claims: Sequence[Claim],
    registry: SourceRegistry | None = None,
    lexicon: Lexicon | None = None,
) -> tuple[Claim, ...]:
    """The claims with their attribution filled in, clauses split where one sentence has two.

    ``lexicon`` replaces the packaged cue vocabulary (``load_lexicon`` of another folder)."""
    known = registry if registry is not None else _default()
    return _Attributor(doc, known, lexicon or default_lexicon()).run(claims)


@lru_cache(maxsize=1)
def _default() -> SourceRegistry:
    return default_registry()


# the document a source spoke in: "said in a report released Wednesday"
_SPOKE_IN = re.compile(
    r"\b[Ii]n an? (?:new |written |\d+-page )?(report|study|letter|memo|survey)\b"
)
# a cue in a Title Case headline: "ISIL Claims Beheading of 18 Syrians", "Trump Says He Will ..."
_TITLE_CUE = re.compile(
    r" (?:Says|Said|Claims|Warns|Tells|Denies|Accuses|Blames|Confirms|Urges|Vows|Insists|"
    r"Thinks|Believes|Announces|Admits|Rejects|Slams|Predicts|Pledges|Promises)(?= )"
)


def _lower_title_cues(text: str) -> str:
    """A Title Case headline's cue in lower case (same length, so offsets hold): most of its
    words are capitalised, so the cue would otherwise read as part of a name."""
    if _TITLE_CUE.search(text) is None:
        return text
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    if len(text.split()) > 20 or len(words) < 3:
        return text  # a headline is short; a long capitalised line is a list of links
    if sum(w[0].isupper() for w in words) < 0.8 * len(words):
        return text
    return _TITLE_CUE.sub(lambda m: m.group().lower(), text)  # " Says" -> " says"


_CREDIT_LINE = re.compile(r"^\s*(?:--|—|–)\s*[A-Z][\w .&/-]{1,40}$")


class _Attributor(_Subjects, _Quotes, _Clauses):
    def __init__(self, doc: Document, registry: SourceRegistry, lexicon: Lexicon) -> None:
        super().__init__(doc, registry)
        self.lex = lexicon
        self.quotes = _quote_spans(doc.text)

    def run(self, claims: Sequence[Claim]) -> tuple[Claim, ...]:
        out: list[Claim] = []
        found_per_claim: list[list[tuple[Claim, _Found | None]]] = []
        self._claims = sorted(claims, key=lambda c: (c.start, c.end))
        for claim in self._claims:
            pieces = self._claim(claim)
            found_per_claim.append(pieces)
        flat = [p for pieces in found_per_claim for p in pieces]
        flat = self._quotes_pass(flat)
        flat = _first_person_pass(flat, self.quotes)
        flat = self._speaker_turns(flat)
        flat = self._tweet_credits(flat)
        for claim, found in flat:
            out.append(replace(claim, attribution=self._attribution(claim, found)))
        return tuple(out)

    def _attribution(self, claim: Claim, found: _Found | None) -> Attribution:
        if found is None:
            return UNATTRIBUTED
        start, end = found.mention_start, found.mention_end
        mention = self.doc.text[start:end] if 0 <= start < end <= len(self.doc.text) else None
        kind = found.kind
        if kind is AttributionKind.INDIRECT and _QUOTE_CHARS.search(claim.text):
            kind = AttributionKind.DIRECT_QUOTE
        return Attribution(
            source=found.source.name,
            source_kind=found.source.kind,
            mention=mention,
            mention_start=start if mention is not None else None,
            mention_end=end if mention is not None else None,
            cue=found.cue,
            kind=kind,
            via=found.via,
            rule=found.rule,
            descriptor=found.descriptor,
        )

    # ---------------------------------------------------------------------------- one claim

    def _claim(self, claim: Claim) -> list[tuple[Claim, _Found | None]]:
        text = claim.text
        credit = _CREDIT_TAIL.search(text)
        if credit and credit.start() > 0 and not text[: credit.start()].rstrip().endswith(","):
            text = text[: credit.start()]
        text = _lower_title_cues(text)
        self._cur_text = text
        toks = _tokens(text)
        self._note_mentions(toks, text)
        if not toks or _CREDIT_LINE.match(text):
            return [(claim, None)]  # "--Reuters": the wire's credit line, not its claim
        found = [
            replace(
                f,
                mention_start=f.mention_start + claim.start,
                mention_end=f.mention_end + claim.start,
            )
            for f in self._find_all(claim, text, toks)
        ]
        if not found:
            self._note_subject(toks)
            return [(claim, None)]
        first = found[0]
        doc = _SPOKE_IN.search(text) if "n a" in text else None
        if doc is not None:
            # "the inspector general said in a report": "the report" later is the inspector's
            self.memory.documents[doc.group(1).lower()] = first.source
        for f in found:
            self.memory.spoke(f.source)
            if f.source.kind is not SourceKind.UNNAMED:
                # "US Central Command said" (the US military): "the command" later is it
                for word in self.doc.text[f.mention_start : f.mention_end].lower().split():
                    if word in generic_words().heads:
                        self.memory.heads[word] = f.source
            if f.via:
                self.memory.relays.append(f.via)
        pieces = self._split(claim, found)
        if pieces is not None:
            return pieces
        return [(claim, first)]

    def _note_subject(self, toks: list[_Tok]) -> None:
        """A sentence without a cue that opens with a person ("Trump seized on the findings.")
        makes that person the one a following "he" or "she" means."""
        a = 0
        while a < len(toks) and toks[a].low in _ADVERBS_OR_COMMA:
            a += 1
        b = a
        while b + 1 < len(toks) and toks[b + 1].is_cap:
            b += 1
        if a >= len(toks) or not toks[a].is_cap or b + 1 >= len(toks) or toks[b + 1].is_cap:
            return
        person = self._known(toks, a, b)
        if person is not None and person.is_person:
            self.memory.last_person = person

    # ---------------------------------------------------------------------------- finding

    def _find_all(self, claim: Claim, text: str, toks: list[_Tok]) -> list[_Found]:
        quoted = [
            (qs - claim.start, qe - claim.start)
            for qs, qe in self.quotes
            if qs < claim.end and qe > claim.start
        ]

        def in_quote(pos: int) -> bool:
            return any(qs < pos < qe for qs, qe in quoted)

        results: list[_Found] = []
        pos_of: dict[int, int] | None = None  # token index by offset, made at the first cue
        # according to X
        for m in self.lex.according_re.finditer(text):
            if in_quote(m.start()):
                continue
            k = _index_after(toks, m.end())
            f = self._according(toks, k, m.group().lower(), m.start())
            if f is not None:
                results.append(f)
        # verbal cues
        for m in self.lex.cue_re.finditer(text):
            if in_quote(m.start()):
                continue
            if pos_of is None:
                pos_of = {t.start: i for i, t in enumerate(toks)}
            i = pos_of.get(m.start())
            if i is None:
                continue
            f = self._verbal(toks, i, m, text)
            if f is not None:
                if f.via is None and f.rule != "relay-citing":
                    f = self._with_relay(toks, i, f, text)
                results.append(f)
        if not results:
            f = self._colon_or_headline(toks, text, claim) or self._in_the_poll(toks, text)
            return [f] if f is not None else []
        results.sort(key=lambda f: f.cue_start)
        return self._choose(results, toks, text)

    def _choose(self, results: list[_Found], toks: list[_Tok], text: str) -> list[_Found]:
        """The main attribution first, then any that opens a clause of its own."""
        embedded = [f for f in results if f.clause_end is not None]
        plain = [f for f in results if f.clause_end is None]
        if not plain:
            return embedded[:1]
        # a tail cue ("... 58 people the Observatory said") governs the sentence
        tails = [
            f
            for f in plain
            if f.rule in ("tail-cue", "inverted-cue")
            or (f.rule == "relay-quoted" and f.cue_start > len(text) // 2)
        ]
        according = [f for f in plain if f.rule == "according-to"]
        main = tails[-1] if tails and not according else plain[0]
        if according and main.cue in self.lex.belief:
            main = according[0]  # "X thinks he can win, according to two aides": the aides
        relayed = [f for f in plain if f.rule == "relay-quoted"]
        if main.cue in _AS_SAYING_VERBS and relayed and relayed[0].cue_start <= main.cue_start:
            # "The reporter quoted a source at Aleppo Police Command as saying": the source
            # speaks, the reporter relays it
            main = relayed[0]
        out = [replace(main, split_at=None)]
        for f in plain:
            if f is main or f.source.name == main.source.name:
                continue
            if f.split_at is not None and f.cue_start > main.cue_start:
                out.append(f)
                break
        out.extend(replace(f, split_at=f.split_at) for f in embedded[:1] if len(out) == 1)
        return out
