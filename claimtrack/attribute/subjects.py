"""Subject rules: the source of a verbal cue ("X said", "X, who ..., said", "X held talks with
Y and said", passive agents, appositions, document subjects).

``VERBAL_RULES`` is the order in which a cue is tried: first ``CUE_GUARDS`` (uses of a cue form
that are no report, and cues whose source is found another way), then ``SUBJECT_RULES``. Each is
a small named function over one ``CueSite``, with the sentence it exists for in its docstring;
the ``_Subjects`` methods above them are the noun-phrase work they share."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from enum import Enum

from claimtrack.attribute.lexicon import (
    _ACCUSING,
    _ADVERBS_OR_COMMA,
    _APPOSITIVE_ROLES,
    _AS_CUES,
    _CANDIDATE_ROLES,
    _CAP_STOP,
    _CLAUSE_CUES,
    _COORD,
    _DENIALS,
    _DETS,
    _DOC_NOUNS,
    _FOOTAGE,
    _GOVERNS,
    _IRREGULAR_PARTICIPLES,
    _LINKED,
    _MODIFIER_OPENERS,
    _MODIFIERS,
    _NAME_PARTICLES,
    _ORG_HEADS,
    _OUTLET_KINDS,
    _PASSIVE_BY_CUES,
    _PERSON_ROLES,
    _POLLED,
    _POSS_PRON,
    _PREPOSITIONS,
    _PRONOUNS,
    _RELATIVE,
    _RELAY_BY,
    _RELAY_BY_OR_POSTED,
    _ROLE_KINDS,
    _SENTENCE_ADVERBS,
    _SOURCE_NOUNS,
    _SPEAKING_BODIES,
    _SUBORDINATORS,
    _WHEN_WORDS,
)
from claimtrack.attribute.nonverbal import _NonVerbal
from claimtrack.attribute.patterns import _INFORMED, _MODIFIER_SUFFIX
from claimtrack.attribute.sites import CueSite, _Found, _found
from claimtrack.attribute.tokens import (
    _closes_name,
    _country_possessive,
    _is_head,
    _is_mod,
    _is_participle,
    _is_tail,
    _np_after,
    _np_before,
    _rule_at,
    _skip_back,
    _Tok,
)
from claimtrack.model import (
    Source,
    SourceKind,
)
from claimtrack.sources import (
    descriptor_words,
    generic_words,
    normalise,
)

_SPACES = re.compile(r"\s+")


class _Subjects(_NonVerbal):
    def _verbal(self, toks: list[_Tok], i: int, m: re.Match[str], text: str) -> _Found | None:
        """The attribution of the verbal cue ``m`` at token ``i``: its guards, then its subject
        rules (``VERBAL_RULES``), in order, until one decides."""
        cue = _SPACES.sub(" ", m.group().lower())
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        site = CueSite(toks, i, cue, m.start(), text, cue in self.lex.weak, -1, prev, nxt)
        for rule in CUE_GUARDS:
            out = rule(self, site)
            if out is not None:
                return out if isinstance(out, _Found) else None
        site.j = _skip_back(toks, i - 1, cue)  # only now: most cues stop at a guard
        for rule in SUBJECT_RULES:
            out = rule(self, site)
            if out is not None:
                return out if isinstance(out, _Found) else None
        return None

    def _accused_before(self, toks: list[_Tok], k: int, text: str) -> Source | None:
        for n in range(k - 1, -1, -1):
            if toks[n].low in _ACCUSING:
                span = _np_after(toks, n + 1)
                if span is None or span[1] >= k:
                    return None
                after = toks[span[1] + 1] if span[1] + 1 < k else None
                if after is not None and after.low in _GOVERNS:
                    # "at President Bashar al-Assads government": the leader's government
                    name = text[toks[span[0]].start : toks[span[1]].end]
                    leader = self.registry.resolve(re.sub(r"(?:'s|’s|s)$", "", name))
                    gov = self._government_of(leader) if leader is not None else None
                    if gov is not None:
                        return gov
                return self._source_for(toks, span[0], span[1], text)
        return None

    def _passive_agent(self, site: CueSite) -> _Found | None:
        """ "The capture of Tel Hamis was announced by the Kurdish YPG militia", "The deaths were
        confirmed by the Syrian Observatory": the agent after "by" is the source."""
        toks, i, cue = site.toks, site.i, site.cue
        cue_start, text = site.cue_start, site.text
        span = _np_after(toks, i + 2)
        if span is None or not (toks[span[1]].is_cap or toks[span[1]].bare in _SOURCE_NOUNS):
            return None
        if span[0] == span[1] and toks[span[0]].low in descriptor_words().demonyms:
            return None  # "confirmed by Turkish health officials": not the whole phrase
        src = self._source_for(toks, span[0], span[1], text)
        if src is None:
            return None
        found = _found(toks, span, src, cue, cue_start, "passive-by", i, text)
        return replace(found, split_at=None)

    def _modified_subject(self, site: CueSite, a: int) -> _Found | None:
        """A source noun with a modifier between it and the cue: "European officials speaking
        on condition of anonymity said", "A U.S. official familiar with the assessments said",
        "Medics attending the victims said", "An activist who spoke to Reuters told"."""
        toks, cue, cue_start = site.toks, site.cue, site.cue_start
        i, text, weak = site.i, site.text, site.weak
        if cue.endswith("ing"):
            return None  # "..., adding new urgency": a participle's subject is the sentence's
        for k in range(a - 1, max(0, a - 12), -1):
            tok = toks[k]
            if not tok.is_word or k >= _skip_back(toks, i - 1, cue):
                # the cue's own relative clause ("authorities who have declared zones")
                if not tok.is_word:
                    return None
                continue
            if tok.low in _MODIFIER_OPENERS or (
                tok.low.endswith("ing") and _is_participle(tok) and tok.low not in ("including",)
            ):
                left = _np_before(toks, k - 1) if k >= 1 else None
                if left is None or not (
                    toks[left[1]].bare in _SOURCE_NOUNS
                    or _closes_name(toks, left[1])
                    or self._known(toks, *left) is not None
                ):
                    return None
                src = self._source_for(toks, left[0], left[1], text)
                if src is None or (weak and not self._speaking_subject(toks, left, src)):
                    return None
                return _found(toks, left, src, cue, cue_start, "subject-cue", i, text)
        return None

    def _participle_subject(self, site: CueSite) -> _Found | None:
        """ "Trump later walked back the comment, saying he was joking", "The campaign released
        a statement saying ...": the subject of the sentence says it."""
        toks, i, cue = site.toks, site.i, site.cue
        cue_start, text = site.cue_start, site.text
        prev = toks[i - 1]
        statement = prev.bare in generic_words().documents and toks[i - 2].low in ("a", "an")
        if prev.text != "," and not statement:
            return None
        k = 0
        while k < i and (toks[k].low in _SENTENCE_ADVERBS or not toks[k].is_word):
            k += 1
        span = _np_after(toks, k)
        if span is not None and toks[span[1]].possessive and span[1] + 1 < i:
            owned = _np_after(toks, span[1] + 1)  # "Trump's campaign released ..."
            span = (span[0], owned[1]) if owned is not None else span
        if span is None or span[1] + 1 >= i:
            return None
        n = span[1] + 1
        while n + 1 < i and (
            toks[n].low in _WHEN_WORDS
            or (toks[n].low in ("on", "late", "early") and toks[n + 1].low in _WHEN_WORDS)
        ):
            n += 1  # "Mike Pence on Sunday defended ...", "Trump later walked back ..."
        after = toks[n]
        if not after.is_word or after.is_cap or after.low in _PREPOSITIONS:
            return None
        src = self._source_for(toks, span[0], span[1], text)
        if src is None or not self._speaking_subject(toks, span, src):
            return None
        found = _found(toks, span, src, cue, cue_start, "participle-subject", i, text)
        return replace(found, split_at=None)

    def _first_of_joint(self, toks: list[_Tok], span: tuple[int, int]) -> tuple[int, int]:
        """ "a monitor and rebels said" -> "a monitor": of two sources, the first named."""
        a, b = span
        for p in range(a + 1, b):
            if toks[p].low == "and":
                if self._known(toks, a, b) is not None or _np_before(toks, p - 1) != (a, p - 1):
                    return span
                if self._known(toks, a, p - 1) is None and (
                    toks[p - 1].is_cap or toks[p - 1].bare not in _SOURCE_NOUNS
                ):
                    return span  # "Immigration and Customs Enforcement": one name
                first = self._source_for(toks, a, p - 1, self._cur_text)
                if first is None or self.registry.get(first.name) is None:
                    return span  # "A rebel military source and witnesses": one unnamed party
                return (a, p - 1)
        return span

    def _document_subject(self, site: CueSite) -> _Found | None:
        """A poll, report or study with a participle or "of" phrase between it and the cue: "A
        separate CNN/ORC poll released Tuesday found", "A CNN/ORC snap poll of debate watchers
        found", "A Pew report published in May said"."""
        toks, i, cue = site.toks, site.i, site.cue
        cue_start, text = site.cue_start, site.text
        docs = generic_words().documents
        for k in range(i - 2, max(-1, i - 16), -1):
            t = toks[k]
            if not t.is_word or t.low in ("that", "which", "who"):
                return None
            if t.bare not in docs or k + 1 >= i:
                continue
            if t.bare in _FOOTAGE:
                return None  # "A video posted online by a protester shows ...": the reporter's

            after = toks[k + 1]
            if not (
                after.low == "of" or _is_participle(after) or after.low in _IRREGULAR_PARTICIPLES
            ):
                return None
            if after.low != "of" and toks[k + 2].low == "by" and k + 3 < i:
                # "The polling average compiled by RealClearPolitics shows": its compiler
                agent = _np_after(toks, k + 3)
                if agent is not None and agent[1] < i and toks[agent[1]].is_cap:
                    src = self._source_for(toks, agent[0], agent[1], text)
                    if src is not None:
                        return _found(toks, agent, src, cue, cue_start, "report-by", i, text)
            span = _np_before(toks, k)
            if span is None or not (
                any(x.is_cap for x in toks[span[0] : k]) or toks[span[0]].low == "the"
            ):
                return None  # "A federal watchdog report released Tuesday": whose, not said
            src = self._source_for(toks, span[0], span[1], text)
            if src is None:
                return None
            return _found(toks, span, src, cue, cue_start, "document-subject", i, text)
        return None

    def _is_person(self, tok: _Tok) -> bool:
        if not tok.is_cap:
            return False
        known = self._local(tok.text) or self.registry.resolve(tok.text)
        return known is not None and known.is_person

    def _role_appositive(self, toks: list[_Tok], j: int) -> tuple[tuple[int, int], Source] | None:
        """The person in "NAME [a] ROLE [of|in|at ORG] <cue>" (appositive without commas)."""
        d = descriptor_words()
        passed_prep = False
        lo = max(0, j - 14)
        k = j
        while k >= lo:
            t = toks[k]
            if not t.is_word:
                if t.text in ("(", ")", "-", "–"):
                    k -= 1
                    continue
                return None
            if t.bare in _APPOSITIVE_ROLES and not t.text[0].isupper():
                if not passed_prep and k != j and toks[j].bare not in _SOURCE_NOUNS:
                    return None  # "commander Abu Omar said": the name follows the role
                m = k - 1
                while m >= 0 and not toks[m].is_cap and toks[m].is_word and _is_mod(toks[m]):
                    m -= 1
                if (
                    m >= 1
                    and toks[m].is_word
                    and not toks[m].is_cap
                    and toks[m].low.endswith("s")
                    and toks[m - 1].low == "the"
                ):
                    m -= 1  # "Rami Abdel-Rahman the organization's head said" (apostrophe lost)
                if m >= 0 and toks[m].low in ("a", "an", "the"):
                    m -= 1
                return self._appositive_name(toks, m, d.demonyms)
            if t.is_cap or t.low in _DETS or t.low in _NAME_PARTICLES:
                k -= 1
                continue
            if t.low in _PREPOSITIONS:
                passed_prep = True
                k -= 1
                continue
            if t.bare in _SOURCE_NOUNS or _is_mod(t):
                k -= 1
                continue
            return None
        return None

    def _appositive_name(
        self, toks: list[_Tok], m: int, demonyms: frozenset[str]
    ) -> tuple[tuple[int, int], Source] | None:
        if m < 0 or not toks[m].is_cap:
            return None
        n = m
        while n - 1 >= 0 and (
            toks[n - 1].is_cap
            or (toks[n - 1].low in _NAME_PARTICLES and n - 2 >= 0 and toks[n - 2].is_cap)
        ):
            n -= 1
        # "Igor Konashenkov Russian Defence Ministry spokesman": the name stops at a demonym
        for x in range(n + 1, m + 1):
            if toks[x].low in demonyms or _country_possessive(toks[x]):
                m = x - 1
                break
        if toks[n].low in _NAME_PARTICLES and not toks[n].text[0].isupper():
            n += 1
        if n > m or any(t.bare in _ORG_HEADS or t.low in demonyms for t in toks[n : m + 1]):
            return None
        if any(t.text.isupper() and len(t.text) > 1 for t in toks[n : m + 1]):
            return None  # "SANA", "AFP": acronyms are organisations
        name = " ".join(t.text for t in toks[n : m + 1])
        known = self._known(toks, n, m)
        if known is not None:
            return ((n, m), known) if known.is_person else None
        if m == n:
            return None
        src = Source(name=name, kind=SourceKind.OFFICIAL, is_person=True)
        self.memory.local.setdefault(normalise(name), src)
        self._remember_person(src, "")
        return (n, m), src

    def _from_span(self, site: CueSite, span: tuple[int, int]) -> _Found | None:
        toks, cue, cue_start = site.toks, site.cue, site.cue_start
        i, text, weak = site.i, site.text, site.weak
        a, b = span
        if toks[b].bare in _POLLED:
            # "Most respondents said", "56 percent of those polled said": the poll's finding
            poll = self._named_before("poll", toks, b, b)
            if poll is None:
                return None
            return _found(toks, span, poll, cue, cue_start, "poll-respondents", i, text)
        before = toks[a - 1] if a > 0 else None
        # "A report by Syrian state news agency Sana said", "a source quoted by SANA said"
        if before is not None and before.low in ("by", "from", "of", "for") and a >= 2:
            k = a - 2
            while k >= 0 and (toks[k].bare in _MODIFIERS or toks[k].low in ("news", "new")):
                k -= 1
            owner = toks[k] if k >= 0 else None
            if owner is not None and owner.low in _RELAY_BY and before.low == "by":
                via_src = self._source_for(toks, a, b, text)
                inner = _np_before(toks, _skip_back(toks, k - 1, "said"))
                if inner is not None and via_src is not None:
                    src = self._source_for(toks, inner[0], inner[1], text)
                    if src is not None:
                        return _found(
                            toks, inner, src, cue, cue_start, "relay-quoted-by", i, text,
                            via=via_src.name if via_src.kind in _OUTLET_KINDS else None,
                        )  # fmt: skip
                return None
            if owner is not None and owner.low in _GOVERNS and before.low == "of":
                # "The government of President Bashar al-Assad denied": his country's
                leader = self._source_for(toks, a, b, text)
                gov = self._government_of(leader) if leader is not None else None
                if gov is not None:
                    return _found(toks, (k, b), gov, cue, cue_start, "subject-cue", i, text)
            if (
                toks[a - 2].bare in ("group", "coalition")
                and before.low == "of"
                and toks[b].bare.endswith("s")
                and toks[b].bare in _SOURCE_NOUNS
            ):
                # "A group of Republican former national security officials said" -> the
                # officials, and "the group" later means them
                src = self._source_for(toks, a, b, text)
                if src is None:
                    return None
                self.memory.groups.append(src)
                return _found(toks, (a, b), src, cue, cue_start, "group-of", i, text)
            if owner is not None and owner.bare in _CANDIDATE_ROLES and before.low == "from":
                # "The senator from Virginia said": the senator named before, never the state
                person = self._person_by_role(toks, k, k)
                if person is None:
                    return None
                return _found(toks, (k, b), person, cue, cue_start, "subject-cue", i, text)
            if owner is not None and (owner.bare in _DOC_NOUNS or owner.bare in _PERSON_ROLES):
                src = self._source_for(toks, a, b, text)
                if src is None:
                    return None
                return _found(toks, (a, b), src, cue, cue_start, "report-by", i, text)
        if before is not None and before.low in _PREPOSITIONS:
            return self._prep_object(site, span)
        if before is not None and toks[b].is_cap and a >= 2:
            # "in eastern Aleppo", "in rebel-held eastern Aleppo": a place after a preposition
            # and its lower-case adjectives is no subject (places are not sources)
            k = a - 1
            while k > a - 4 and k >= 1 and (
                toks[k].low in generic_words().place_adjectives
                or (toks[k].is_word and not toks[k].is_cap and _MODIFIER_SUFFIX.match(toks[k].low))
            ):  # fmt: skip
                k -= 1
            if k < a - 1 and toks[k].low in ("in", "at", "from", "near", "inside", "outside"):
                return self._prep_object(site, (k + 1, b))
        if before is not None and before.low == "what":
            # "... is what the agency said" governs the sentence; "short of what residents say
            # is needed" is an aside in the reporter's voice
            if not _is_tail(toks, i):
                return None
            src = self._source_for(toks, a, b, text)
            if src is None:
                return None
            return replace(
                _found(toks, span, src, cue, cue_start, "tail-cue", i, text), split_at=None
            )
        if before is not None and before.low in _RELATIVE:
            return self._embedded(site, span)
        # apposition: "the monitoring group the Syrian Observatory for Human Rights said"
        span = self._apposition(toks, span, text)
        a, b = span
        src = self._source_for(toks, a, b, text)
        if src is None:
            return None
        if weak and not self._speaking_subject(toks, span, src):
            return None
        rule = _rule_at(toks, i)
        if toks[a].low in _PRONOUNS:
            rule = "pronoun-" + ("he" if toks[a].low in ("he", "she") else toks[a].low)
        f = _found(toks, (a, b), src, cue, cue_start, rule, i, text)
        return self._with_relay(toks, i, f, text)

    def _prep_object(self, site: CueSite, span: tuple[int, int]) -> _Found | None:
        """The cue's noun phrase follows a preposition: find the real subject."""
        toks, cue, cue_start = site.toks, site.cue, site.cue_start
        i, text, weak = site.i, site.text, site.weak
        a, b = span
        prep = toks[a - 1]
        # "The bombardment began after Syrias armed forces said ...": an attribution inside a
        # time or reason clause of a reporter's sentence is background, not its source
        if prep.low in _SUBORDINATORS and a >= 3 and not _is_tail(toks, i):
            return None
        if _country_possessive(toks[a]):
            owned = self._stripped_possessive(toks, a, b, toks[b].bare)
            if owned is not None:
                return _found(toks, span, owned, cue, cue_start, _rule_at(toks, i), i, text)
        # "killed in Turkey Anadolu reported": a known source at the end of the span
        for k in range(a + 1, b + 1):
            sub = self._known(toks, k, b)
            if sub is not None and (toks[k - 1].is_cap or toks[k - 1].low in _DETS):
                return _found(toks, (k, b), sub, cue, cue_start, _rule_at(toks, i), i, text)
        # "a military media unit linked to the pro-regime Hezbollah group said"
        if a >= 3 and toks[a - 2].low in _LINKED:
            j = a - 3
            if j >= 1 and toks[j].low in ("is", "was", "are", "were") and toks[j - 1].low in (
                "that", "which", "who"
            ):  # fmt: skip
                j -= 2
            left = _np_before(toks, j) if j >= 0 else None
            if left is not None and toks[left[1]].is_cap:
                src = self._source_for(toks, left[0], left[1], text)
                if src is not None:
                    return _found(toks, left, src, cue, cue_start, "subject-cue", i, text)
            src = self._source_for(toks, a, b, text)
            if src is not None:
                mention = (left[0], b) if left is not None else (a, b)
                return _found(toks, mention, src, cue, cue_start, "subject-linked", i, text)
        # "Activists in Deir Ezzor said", "A source at Aleppo police command told"
        if prep.low in ("in", "at", "from", "within", "inside", "of", "with") and a >= 2:
            left = _np_before(toks, a - 2)
            if left is not None and left[0] > 0 and _is_participle(toks[left[0] - 1]):
                # "The Jaysh al-Islam group fighting government forces in Syria has admitted"
                return self._sentence_subject(site, left[0] - 1)
            if (
                prep.low == "of"
                and left is not None
                and left[1] > left[0]
                and all(t.is_cap for t in toks[left[0] : left[1] + 1])
            ):
                # "Obeida al-Hamawi of the activist-run Hama Media Center said": the person
                person = self._source_for(toks, left[0], left[1], text)
                if person is not None and person.is_person:
                    return _found(toks, left, person, cue, cue_start, _rule_at(toks, i), i,
                                       text)  # fmt: skip
            if left is not None and toks[left[1]].is_cap and prep.low != "of":
                # "A team of first responders the Syrian Civil Defence in Idlib said": a known
                # body before the place
                for k in range(left[0], left[1] + 1):
                    before = k - 1
                    while before >= 0 and toks[before].low in _DETS:
                        before -= 1
                    if before >= 0 and toks[before].low in _PREPOSITIONS:
                        break  # "launched an air war against IS in Syria ... said": an object
                    known = self._known(toks, k, left[1])
                    if known is not None and not known.is_person:
                        return _found(toks, (k, left[1]), known, cue, cue_start,
                                      _rule_at(toks, i), i, text)  # fmt: skip
            if left is not None and not toks[left[1]].is_cap and toks[left[1]].low not in _PRONOUNS:
                has_org = any(
                    x.bare in _ORG_HEADS for x in toks[a : b + 1]
                )  # fmt: skip
                whole = (left[0], b) if has_org else left
                src = self._source_for(toks, whole[0], whole[1], text)
                if src is not None and (not weak or self._speaking_subject(toks, whole, src)):
                    return _found(toks, whole, src, cue, cue_start, _rule_at(toks, i), i,
                                       text)  # fmt: skip
        # "shelling of Syrias Aleppo local authorities told": the subject starts after the names
        if not toks[b].is_cap:
            k = a
            while k < b and (toks[k].is_cap or toks[k].low in _DETS):
                k += 1
            if k > a and k <= b:
                src = self._source_for(toks, k, b, text)
                if src is not None and (not weak or self._speaking_subject(toks, (k, b), src)):
                    return _found(toks, (k, b), src, cue, cue_start, _rule_at(toks, i), i,
                                       text)  # fmt: skip
        f = self._inverted(site)
        if f is not None:
            return f
        return self._relative_subject(site, a - 1)

    def _sentence_subject(self, site: CueSite, limit: int) -> _Found | None:
        """The noun phrase that opens the sentence, when a participle phrase follows it."""
        toks, cue, cue_start = site.toks, site.cue, site.cue_start
        i = site.i
        k = 0
        while k < limit and toks[k].low in _CAP_STOP and toks[k].low not in _DETS:
            k += 1
        span = _np_after(toks, k)
        if span is None or span[1] + 1 != limit:
            return None
        src = self._source_for(toks, span[0], span[1], self._cur_text)
        if src is None:
            return None
        return _found(toks, span, src, cue, cue_start, "subject-cue", i, self._cur_text)

    def _speaking_subject(self, toks: list[_Tok], span: tuple[int, int], src: Source) -> bool:
        a, b = span
        if toks[a].low in _PRONOUNS:
            return True
        if src.is_person:
            return True
        if toks[b].bare in generic_words().documents and toks[b].bare not in _FOOTAGE:
            return True  # "Polls show", "Records show": documents speak for their makers
        if src.kind is SourceKind.UNNAMED:
            return False
        if self.registry.get(src.name) is not None or (
            normalise(src.name) in self.memory.local and toks[b].is_cap
        ):
            return True
        if toks[b].bare in _SPEAKING_BODIES and any(t.is_cap for t in toks[a:b]):
            return True  # "The Trump campaign called on ...", "the Republican Party urged"
        return toks[b].bare in generic_words().documents

    def _coordinated(self, site: CueSite, j: int) -> _Found | None:
        """ "Mr Cavusoglu later held talks with ... Sergey Lavrov ... and said" -> Cavusoglu."""
        toks, cue, cue_start = site.toks, site.cue, site.cue_start
        i = site.i
        k = 0
        while k < j and (toks[k].low in _CAP_STOP or not toks[k].is_word) and not toks[k].is_cap:
            if toks[k].low in _DETS or toks[k].low in _POSS_PRON:
                break
            k += 1
        span = _np_after(toks, k)
        if span is None or span[1] >= j - 1:
            return None
        for end in range(min(j - 2, span[1] + 4), span[1], -1):
            if self._known(toks, span[0], end) is not None:
                span = (span[0], end)  # "Turkeys state-run news agency didnt say ... and said"
                break
        after = toks[span[1] + 1]
        if not after.is_word or after.text[0].isupper() or after.low in _PREPOSITIONS:
            return None
        text = self._cur_text
        src = self._source_for(toks, span[0], span[1], text)
        if src is None:
            return None
        return _found(toks, span, src, cue, cue_start, "coordinated-subject", i, text)

    def _relative_subject(self, site: CueSite, j: int) -> _Found | None:
        """ "Mr Erdogan, who was returning from a visit to Pakistan, said" -> Erdogan."""
        toks, cue, cue_start = site.toks, site.cue, site.cue_start
        i = site.i
        text = self._cur_text
        for k in range(j, -1, -1):
            if toks[k].low in _RELATIVE and k > 0:
                b = k - 1
                if toks[b].text == ",":
                    b -= 1
                span = _np_before(toks, b) if b >= 0 else None
                if span is None:
                    return None
                first = 0
                while first < len(toks) and not toks[first].is_word:
                    first += 1
                if span[0] > first + 1 and toks[span[0] - 1].text != ",":
                    return None
                src = self._source_for(toks, span[0], span[1], text)
                if src is None:
                    return None
                return _found(toks, span, src, cue, cue_start, "relative-subject", i, text)
            if toks[k].text in ("”", '"', ";", ":") or toks[k].low in ("that",):
                return None
        return None

    def _before_comma(self, site: CueSite, j: int) -> _Found | None:
        """ "The Syrian Observatory for Human Rights, a UK-based war monitor, blamed" -> SOHR;
        "Morrow's spokesman, Brian Fallon, said" and "Kellyanne Conway, Trump's campaign
        manager, said" -> the person."""
        toks, cue, cue_start = site.toks, site.cue, site.cue_start
        i, text = site.i, site.text
        aside = self._before_aside(site, j)
        if aside is not None:
            return aside
        person = self._comma_person(toks, j)
        if person is not None:
            return _found(toks, person[0], person[1], cue, cue_start, "appositive-subject", i,
                               text)  # fmt: skip
        inner = _np_before(toks, j - 1) if j >= 1 else None
        if inner is None:
            return None
        a = inner[0]
        k = a - 1
        while k >= max(0, a - 3) and toks[k].is_word and not toks[k].is_cap:
            if toks[k].low in _DETS:
                a = k  # "Taxpayers First, an advocacy group, urged": the name before the comma
                break
            k -= 1
        if a >= 2 and toks[a - 1].text == ",":
            outer = _np_before(toks, a - 2)
            if outer is not None:
                src = self._source_for(toks, outer[0], outer[1], text)
                if src is not None:
                    return _found(toks, outer, src, cue, cue_start, "subject-cue", i, text)
        return None

    def _before_aside(self, site: CueSite, j: int) -> _Found | None:
        """The subject before an aside between commas: "Trump, speaking at a rally in Florida,
        said", "Obama, asked about the remarks, said", "Trump, 70, said"; "The report, released
        by the House Oversight Committee, found" -> the committee."""
        toks, cue, cue_start = site.toks, site.cue, site.cue_start
        i, text, weak = site.i, site.text, site.weak
        c = j - 1
        while c >= 0 and toks[c].text != ",":
            if toks[c].text in (";", ":", '"', "“", "”"):
                return None
            c -= 1
        if c < 1 or j - c < 2:
            return None
        first = toks[c + 1]
        if not (
            (first.low.endswith("ing") and _is_participle(first))
            or (_is_participle(first) and first.low.endswith("ed"))
            or (j - c == 2 and first.text.isdigit())
            # "Pence, in an interview with CNN, said", "Several senators, including Rand Paul
            # of Kentucky, said"
            or first.low in ("in", "during", "at", "including")
        ):
            return None
        outer = _np_before(toks, c - 1)
        if outer is None:
            return None
        start = 0
        while start < outer[0] and toks[start].low in _ADVERBS_OR_COMMA:
            start += 1
        if outer[0] != start:
            return None
        if toks[outer[1]].bare in generic_words().documents:
            for k in range(c + 1, j - 1):
                if toks[k].low == "by":
                    agent = _np_after(toks, k + 1)
                    # "by the House Oversight Committee", "by the State Department's
                    # inspector general": a body named in the words after "by"
                    if agent is not None and any(t.is_cap for t in toks[agent[0] : agent[1] + 1]):
                        src = self._source_for(toks, agent[0], agent[1], text)
                        if src is not None:
                            return _found(toks, agent, src, cue, cue_start, "report-by", i,
                                               text)  # fmt: skip
        src = self._source_for(toks, outer[0], outer[1], text)
        if src is None or (weak and not self._speaking_subject(toks, outer, src)):
            return None
        return _found(toks, outer, src, cue, cue_start, "subject-cue", i, text)

    def _comma_person(self, toks: list[_Tok], j: int) -> tuple[tuple[int, int], Source] | None:
        """The person of "ROLE, NAME, <cue>" or "NAME, [a|X's] ... ROLE ..., <cue>" (the
        comma before the cue is ``toks[j]``)."""
        c = j - 1
        while c >= 0 and toks[c].text != ",":
            if toks[c].text in (";", ":", '"', "“", "”") or toks[c].low in _RELATIVE:
                return None
            c -= 1
        if c < 1 or j - c < 2:
            return None
        titles = descriptor_words().person_titles
        inner = toks[c + 1 : j]
        if all(t.is_cap or t.low in _NAME_PARTICLES for t in inner) and len(inner) >= 2:
            # "Clinton's spokesman, Brian Fallon, said", "A spokesman for the campaign, Jason
            # Miller, said", "Trump's running mate, Indiana Gov. Mike Pence, said"
            for x in range(c + 1, j - 1):
                known = self._known(toks, x, j - 1)
                if known is not None and known.is_person:
                    return (x, j - 1), known
            if any(t.bare in titles and not t.is_cap for t in toks[max(0, c - 6) : c]):
                return self._person_span(toks, c + 1, j - 1)
            return None
        # "Kellyanne Conway, Trump's campaign manager, said": a name, then its role
        if not any(t.bare in titles and not t.is_cap for t in inner):
            return None
        a = c - 1
        while a - 1 >= 0 and (toks[a - 1].is_cap or toks[a - 1].low in _NAME_PARTICLES):
            a -= 1
        while a < c - 1 and toks[a].low in _NAME_PARTICLES:
            a += 1
        first = 0
        while first < a and toks[first].low in _ADVERBS_OR_COMMA:
            first += 1
        if a != first or not toks[c - 1].is_cap:
            return None  # the name opens the sentence
        return self._person_span(toks, a, c - 1)

    def _person_span(
        self, toks: list[_Tok], a: int, b: int
    ) -> tuple[tuple[int, int], Source] | None:
        known = self._known(toks, a, b)
        if known is not None:
            return ((a, b), known) if known.is_person else None
        if b == a or any(t.bare in _ORG_HEADS or (t.text.isupper() and len(t.text) > 1)
                         for t in toks[a : b + 1]):  # fmt: skip
            return None
        if any(t.bare in descriptor_words().org_words for t in toks[a : b + 1]):
            return None
        name = " ".join(t.text for t in toks[a : b + 1])
        src = Source(name=name, kind=SourceKind.OFFICIAL, is_person=True)
        self.memory.local.setdefault(normalise(name), src)
        self._remember_person(src, "")
        return (a, b), src

    def _apposition(self, toks: list[_Tok], span: tuple[int, int], text: str) -> tuple[int, int]:
        a, b = span
        # "The Local Coordination Committees another anti-government monitoring group says": the
        # name before the descriptor is the subject ("another" marks a different source)
        if a >= 2 and toks[a - 1].low == "another":
            prev = _np_before(toks, a - 2)
            if (
                prev is not None
                and toks[prev[1]].is_cap
                and not (prev[0] > 0 and toks[prev[0] - 1].low in _PREPOSITIONS)
            ):
                return prev
            return span
        if a < 2 or toks[a].low not in _DETS:
            return span
        prev = _np_before(toks, a - 1)
        if prev is None or (prev[0] > 0 and toks[prev[0] - 1].low in _PREPOSITIONS):
            return span
        near_known = self._known(toks, a, b) is not None or toks[b].is_cap
        if near_known or (self._source_for(toks, a, b, text) is not None and (
            toks[b].bare in _ROLE_KINDS or toks[b].bare in ("source", "sources")
        )):  # fmt: skip
            return span
        if not (self._known(toks, prev[0], prev[1]) or toks[prev[1]].is_cap):
            return span
        far = self._known(toks, prev[0], prev[1])
        if far is not None or toks[prev[1]].is_cap:
            return prev
        return span


# ------------------------------------------------------------------------ rules of a verbal cue
#
# ``VERBAL_RULES`` (at the end) are tried in order by ``_Subjects._verbal``: the cue guards, then
# the subject rules. Each rule takes the cue's ``CueSite`` and returns the attribution it finds,
# ``None`` when it does not apply (the next rule is tried), or ``NO_SOURCE`` when it applies and
# decides that the cue has no source (no later rule is tried).


class Decided(Enum):
    NO_SOURCE = "no source"


NO_SOURCE = Decided.NO_SOURCE
Outcome = _Found | Decided | None


# --------------------------------------------------------------------------------- cue guards
#
# Uses of a cue form that are no report ("were reported", "Trump's claim"), and cues whose
# source is found another way ("was announced by X", "quoted X as saying").


def passive_by_agent(rules: _Subjects, site: CueSite) -> Outcome:
    """A passive report names its source after "by": "The ceasefire was announced by the
    Russian defence ministry" -> the ministry."""
    prev, toks, i = site.prev, site.toks, site.i
    if (
        site.cue in _PASSIVE_BY_CUES
        and prev is not None
        and prev.low in ("was", "were", "been", "is", "are")
        and i + 2 < len(toks)
        and toks[i + 1].low == "by"
    ):
        f = rules._passive_agent(site)
        return f if f is not None else NO_SOURCE
    return None


def passive_or_adjectival(rules: _Subjects, site: CueSite) -> Outcome:
    """After a passive guard (cues.toml) the form is no cue: "no casualties were reported", "the
    said area"; but "quoted him as saying" is."""
    prev = site.prev
    if (
        prev is not None
        and prev.low in rules.lex.passive_guards
        and not (site.cue in _AS_CUES and prev.low == "as")
    ):
        return NO_SOURCE
    return None


def participle_by(rules: _Subjects, site: CueSite) -> Outcome:
    """A participle with "by" after a common noun is a passive: "the Syrian regime accused by
    Washington of ..."."""
    prev, toks, i, cue = site.prev, site.toks, site.i, site.cue
    if (
        cue.endswith("ed")
        and cue not in _RELAY_BY_OR_POSTED
        and i + 1 < len(toks)
        and toks[i + 1].low == "by"
        and prev is not None
        and prev.is_word
        and not prev.is_cap
        and prev.low not in _PRONOUNS
    ):
        return NO_SOURCE
    return None


def said_to_be(rules: _Subjects, site: CueSite) -> Outcome:
    """Hearsay, not a report: "the commander is said to have fled"."""
    prev, nxt = site.prev, site.nxt
    if (
        site.cue in ("said", "says")
        and nxt is not None
        and nxt.low == "to"
        and prev is not None
        and prev.low in ("is", "are", "was", "were")
    ):
        return NO_SOURCE
    return None


def possessive_noun(rules: _Subjects, site: CueSite) -> Outcome:
    """After a possessive the form is a noun: "Trump's claim that ...", and in pages that lost
    their apostrophes "dismisses the Observatorys reporting as biased"."""
    prev = site.prev
    if prev is not None and prev.possessive:
        return NO_SOURCE
    lost_apostrophe = (
        prev is not None
        and site.i >= 2
        and site.toks[site.i - 2].low == "the"
        and prev.is_cap
        and prev.low.endswith("s")
        and site.cue.endswith("ing")
    )
    return NO_SOURCE if lost_apostrophe else None


def negated(rules: _Subjects, site: CueSite) -> Outcome:
    """A negated cue reports nothing: "He did not say whether", "has not said", "never
    confirmed"."""
    prev = site.prev
    if prev is not None and prev.low in ("not", "n't", "never") and site.cue not in _AS_CUES:
        return NO_SOURCE
    return None


def dateline_reports(rules: _Subjects, site: CueSite) -> Outcome:
    """A reporter's dateline: "TRT World's Ahmed al Burai reports from Idlib"."""
    nxt, toks, i = site.nxt, site.toks, site.i
    if (
        site.cue in ("reports", "reported", "reporting")
        and nxt is not None
        and nxt.low == "from"
        and i + 2 < len(toks)
        and toks[i + 2].is_cap
    ):
        return NO_SOURCE
    return None


def tail_only(rules: _Subjects, site: CueSite) -> Outcome:
    """A tail-only cue (cues.toml) reports only at the end of a sentence after a pronoun or a
    person: "... he continued", "... Fabius went on"; not "the offensive continues"."""
    prev = site.prev
    if site.cue in rules.lex.tail_only and not (
        prev is not None
        and _is_tail(site.toks, site.i)
        and (prev.low in _PRONOUNS or rules._is_person(prev))
    ):
        return NO_SOURCE
    return None


def quoted_as_saying(rules: _Subjects, site: CueSite) -> Outcome:
    """ "X was quoted as saying", "SANA quoted a military source as saying": decides."""
    prev = site.prev
    if site.cue in _AS_CUES and prev is not None and prev.low == "as":
        f = rules._quoted_as_saying(site.toks, site.i)
        return f if f is not None else NO_SOURCE
    return None


def clause_participle(rules: _Subjects, site: CueSite) -> Outcome:
    """A participle clause takes the sentence's subject: "..., saying he was joking"."""
    if site.cue in _CLAUSE_CUES and site.prev is not None:
        return rules._participle_subject(site)
    return None


# ------------------------------------------------------------------------------ subject rules
#
# The noun phrase that is the source of the verb: before it, after it, or around an aside.


def appositive_person(rules: _Subjects, site: CueSite) -> Outcome:
    """The person named before a role: "Abu Omar a commander in Jabhat al-Nusra said", "Wird
    Furati head of press office at Fastaqim Kama Umirt told" -> the person."""
    toks, i, j = site.toks, site.i, site.j
    app = rules._role_appositive(toks, j) if j >= 1 else None
    if app is None:
        return None
    span, src = app
    if toks[j].bare in _ORG_HEADS:
        # "... buildings on Umayyad Square the official SANA news agency said": no person
        # before a role but a place before a body the words before the cue name
        k = span[1] + 1
        while k < j and toks[k].low in _DETS:
            k += 1
        if k <= j and rules._known(toks, k, j) is not None:
            return None
    f = _found(toks, span, src, site.cue, site.cue_start, _rule_at(toks, i), i, site.text)
    return rules._with_relay(toks, i, replace(f, rule="appositive-subject"), site.text)


def _subject_span(rules: _Subjects, site: CueSite) -> tuple[int, int] | None:
    """The noun phrase just before the cue, joined names taken whole or by their first."""
    toks, j = site.toks, site.j
    span = _np_before(toks, j) if j >= 0 else None
    if span is not None and span[0] >= 2 and toks[span[0] - 1].low == "and":
        # "the National Coalition for Syrian Revolution and Opposition Forces": one name
        k = span[0] - 2
        while k > 0 and (toks[k - 1].is_cap or toks[k - 1].low in _NAME_PARTICLES):
            k -= 1
        for x in range(k, span[0] - 1):
            if toks[x].is_cap and rules._known(toks, x, span[1]) is not None:
                span = (x, span[1])
                break
    if span is not None and span[0] >= 2 and toks[span[0] - 1].low == "and":
        # "Assads regime and Russia have accused rebels", "Kaine and Clinton believe": the
        # first named leads
        left = _np_before(toks, span[0] - 2)
        right = rules._known(toks, *span)
        two_names = (
            left is not None
            and left[1] - left[0] >= 1
            and span[1] - span[0] >= 1
            and all(t.is_cap for t in toks[left[0] : left[1] + 1])
            and all(t.is_cap for t in toks[span[0] : span[1] + 1])
        )  # "Senate Majority Leader Paul Crane and Minority Leader Ellen Vance said"
        if (
            left is not None
            and left[0] == 0
            and (
                rules._known(toks, *left) is not None
                or (right is not None and right.is_person and toks[left[1]].is_cap)
                or two_names
            )
        ):
            span = (left[0], left[1])
    if (
        span is not None
        and toks[span[1]].bare == "people"
        and _INFORMED.match(site.text, toks[span[1]].end) is None
    ):
        return None  # "... killed 1102 people said the Observatory": the dead, not a source
    return rules._first_of_joint(toks, span) if span is not None else None


def noun_phrase_before(rules: _Subjects, site: CueSite) -> Outcome:
    """The noun phrase before the cue: "The Syrian Observatory for Human Rights said", "Russian
    Foreign Minister Sergei Lavrov told reporters", "it denied" (after "pointed the finger at
    Assad's government": the accused). Where there is such a phrase, it decides."""
    span = _subject_span(rules, site)
    if span is None:
        return None
    toks, cue, text = site.toks, site.cue, site.text
    if span[0] == span[1] and toks[span[0]].low in ("it", "they") and cue in _DENIALS:
        # "... pointed the finger at Assad's government for the attack though it denied any
        # responsibility": who denies is who was accused, not the last body that spoke
        accused = rules._accused_before(toks, span[0], text)
        if accused is not None:
            return _found(toks, span, accused, cue, site.cue_start, "pronoun-accused", site.i, text)
    f = rules._from_span(site, span)
    if f is None:
        f = rules._modified_subject(site, span[0])
    if f is None:
        f = rules._document_subject(site)
    return f if f is not None else NO_SOURCE


def document_before(rules: _Subjects, site: CueSite) -> Outcome:
    """A poll, report or study with a participle or "of" phrase between it and the cue: "A
    separate CNN/ORC poll released Tuesday found", "A Pew report published in May said"."""
    return rules._document_subject(site)


def place_after_preposition(rules: _Subjects, site: CueSite) -> Outcome:
    """A plain place noun after a preposition is no noun phrase of its own; the subject is
    before it: "A police source in the city said", "Local sources in the town said"."""
    toks, j, cue = site.toks, site.j, site.cue
    finite = cue in ("said", "says", "told", "tells") or cue.endswith("ed")
    if not (finite and j >= 2 and toks[j].is_word and not toks[j].is_cap):
        return None
    for k in range(j - 1, max(0, j - 4), -1):
        if toks[k].low in ("in", "at", "from", "inside", "within", "near"):
            f = rules._prep_object(site, (k + 1, j))
            if f is not None:
                return f
            break
    return rules._modified_subject(site, j + 1)


def aside_between_dashes(rules: _Subjects, site: CueSite) -> Outcome:
    """The subject before an aside between dashes or brackets: "The Observatory - which has a
    network of sources - also said"."""
    toks, j = site.toks, site.j
    if not (j >= 0 and toks[j].text in ("-", "–", "—", ")")):
        return None
    opener = "(" if toks[j].text == ")" else toks[j].text
    k = j - 1
    while k >= 0 and toks[k].text != opener:
        k -= 1
    if k <= 0:
        return None
    inner = _np_before(toks, k - 1)
    return rules._from_span(site, inner) if inner is not None else None


def coordinated_verb(rules: _Subjects, site: CueSite) -> Outcome:
    """The subject of the first of two verbs: "Mr Cavusoglu later held talks with ... Sergey
    Lavrov ... and said" -> Cavusoglu. After "and", "but", "then", it decides."""
    if not (site.j >= 0 and site.toks[site.j].low in _COORD):
        return None
    f = rules._coordinated(site, site.j)
    return f if f is not None else NO_SOURCE


def before_comma(rules: _Subjects, site: CueSite) -> Outcome:
    """The subject before a comma-delimited aside: "The Syrian Observatory for Human Rights, a
    UK-based war monitor, blamed" -> SOHR; "Morrow's spokesman, Brian Fallon, said" -> the
    person."""
    if not (site.j >= 0 and site.toks[site.j].text == ","):
        return None
    return rules._before_comma(site, site.j)


def inverted_after_cue(rules: _Subjects, site: CueSite) -> Outcome:
    """The source after the cue: "..., said Rami Abdel Rahman", "... killed said the
    Observatory"."""
    toks, j = site.toks, site.j
    if (j >= 0 and toks[j].text in ("”", '"', "’", ",")) or (
        j >= 0 and toks[j].is_word and not _is_head(toks[j]) and site.i > 0
    ):
        return rules._inverted(site)
    return None


def relative_clause(rules: _Subjects, site: CueSite) -> Outcome:
    """The subject before a relative clause: "Mr Erdogan, who was returning from a visit to
    Pakistan, said" -> Erdogan."""
    return rules._relative_subject(site, site.j) if site.j >= 0 else None


SubjectRule = Callable[[_Subjects, CueSite], Outcome]
# in the order they are tried
CUE_GUARDS: tuple[SubjectRule, ...] = (
    passive_by_agent,
    passive_or_adjectival,
    participle_by,
    said_to_be,
    possessive_noun,
    negated,
    dateline_reports,
    tail_only,
    quoted_as_saying,
    clause_participle,
)
SUBJECT_RULES: tuple[SubjectRule, ...] = (
    appositive_person,
    noun_phrase_before,
    document_before,
    place_after_preposition,
    aside_between_dashes,
    coordinated_verb,
    before_comma,
    inverted_after_cue,
    relative_clause,
)
VERBAL_RULES = CUE_GUARDS + SUBJECT_RULES
