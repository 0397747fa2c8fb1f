"""Resolution of a noun phrase to a source: the discourse memory (last person, organisation,
document ...), pronouns and role nouns by coreference, and lookup in the source registry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from claimtrack.attribute.lexicon import (
    _APPOSITIVE_ROLES,
    _BACK_NOUNS,
    _CANDIDATE_ROLES,
    _CAPITALS,
    _COORD,
    _COUNTRY_DEMONYM,
    _DETS,
    _DOCUMENTS,
    _FOOTAGE,
    _NAME_PARTICLES,
    _OUTLET_KINDS,
    _OWNED_HEADS,
    _OWNED_PARTIES,
    _PERSON_ROLES,
    _POSS_PRON,
    _PREPOSITIONS,
    _PRONOUNS,
    _ROLE_KINDS,
    _SENTENCE_ADVERBS,
    _SINGULAR_HUMAN,
    _SOURCE_NOUNS,
    _UNNAMED_DROP,
    Lexicon,
)
from claimtrack.attribute.patterns import _INFORMED
from claimtrack.attribute.tokens import (
    _closes_name,
    _is_head,
    _np_before,
    _strip_possessive,
    _Tok,
    _tokens,
)
from claimtrack.gazetteer import gazetteer
from claimtrack.model import (
    Claim,
    Document,
    Source,
    SourceKind,
)
from claimtrack.sources import (
    SourceRegistry,
    descriptor_words,
    generic_words,
    normalise,
)

_CAPITAL_IN = re.compile(r"\bin (" + "|".join(_CAPITALS) + r")\b")
_MONITOR_NAMES = re.compile(
    r"Syrian Observatory|Observatory|SOHR|Syrian Network for Human Rights|SNHR|White Helmets"
)


# ------------------------------------------------------------------------------------ memory


@dataclass
class _Person:
    source: Source
    roles: str  # normalised descriptors: "russian foreign minister"


def _singular_human(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and words[-1] in _SINGULAR_HUMAN


@dataclass
class _Memory:
    """What the article has said so far, for coreference without a neural model."""

    last_person: Source | None = None
    last_org: Source | None = None
    last_plural: Source | None = None
    last_unnamed: Source | None = None  # the last singular unnamed source ("a military source")
    relays: list[str] = field(default_factory=list)  # outlets sources spoke through ("via")
    speakers: list[Source] = field(default_factory=list)
    people: list[_Person] = field(default_factory=list)  # people named, most recent last
    orgs: list[Source] = field(default_factory=list)  # organisations named, most recent last
    groups: list[Source] = field(default_factory=list)  # "a group of X": X, for "the group"
    documents: dict[str, Source] = field(default_factory=dict)  # "said in a report": its maker
    pronouns: dict[str, str] = field(default_factory=dict)  # person's name -> "he" or "she"
    heads: dict[str, Source] = field(
        default_factory=dict
    )  # "command" -> who "US Central Command" is
    local: dict[str, Source] = field(default_factory=dict)

    def spoke(self, source: Source) -> None:
        self.speakers.append(source)
        if source.is_person:
            self.last_person = source
        elif source.kind is SourceKind.UNNAMED and _singular_human(source.name):
            self.last_person = source  # "A doctor in Douma told AFP ... He said ..."
            self.last_unnamed = source
        elif source.kind is SourceKind.UNNAMED:
            self.last_plural = source
            if normalise(source.name).split()[-1:] and (
                normalise(source.name).split()[-1] in generic_words().institutions
            ):
                self.last_org = source  # "a regime news agency said ... It said": a body, unnamed
        else:
            self.last_org = source
            self.last_plural = source


_SYRIAN_COALITION = re.compile(r"\b(?:Syrian|National) (?:National |Opposition )?Coalition\b")
_FOREIGN_COALITION = re.compile(
    r"\b(?:US|U\.S\.|American|international|Western|anti-IS|anti-ISIS)[- ]led coalition|"
    r"\b(?:international|Western|anti-IS|anti-ISIS|anti-jihadist) coalition",
    re.I,
)
_STATE_MEDIA = re.compile(
    r"^(?:earlier |the |an? )*(?:([a-z]+) )?"  # "Jordanian state TV"
    r"(?:(?:state|state-run|state-owned|official|government)[ -]?)+"
    r"(?:([a-z]+) )?(television|tv|news agency|media|broadcaster)$"
)
# the medium of each last group of _STATE_MEDIA (a pattern and its table, kept together)
_STATE_MEDIUM = {
    "television": "state television", "tv": "state television", "broadcaster": "state television",
    "news agency": "state news agency", "media": "state media",
}  # fmt: skip


@lru_cache(maxsize=1)
def _place_names() -> frozenset[str]:
    """Every spelling of every place in the gazetteer (``rules/gazetteer.toml``)."""
    return frozenset(normalise(s) for forms in gazetteer().spellings.values() for s in forms)


@lru_cache(maxsize=16)
def _named_document(family: tuple[str, ...]) -> re.Pattern[str]:
    """ "a Quinnipiac University poll", "the new Bloomberg Politics survey": capitalised words
    before a document noun."""
    heads = "|".join(re.escape(h) for h in family)
    return re.compile(r"\b((?:[A-Z][\w&.'’-]*\s){1,4}?)((?i:" + heads + r"))\b")


# "Senator Lindsey Graham of South Carolina": the state a titled person is from is no part of
# the name
_FROM_PLACE = re.compile(
    r"^((?:Sen|Senator|Rep|Representative|Gov|Governor|Mayor)\.? (?:[A-Z][\w'’-]+ ){1,3}?"
    r"[A-Z][\w'’-]+) of [A-Z][a-z]+(?: [A-Z][a-z]+)?$"
)

# (class body annotations follow in _Resolver)


class _Resolver:
    lex: Lexicon  # set by the engine
    quotes: list[tuple[int, int]]

    def __init__(self, doc: Document, registry: SourceRegistry) -> None:
        self.doc = doc
        self.registry = registry
        self.memory = _Memory()
        self._cur_text = ""
        self._monitor: tuple[Source | None] | None = None
        self._claims: list[Claim] = []
        self._all_people: list[_Person] | None = None
        self._documents: dict[str, Source | None] = {}

    def _claim_text(self, toks: list[_Tok]) -> str:
        # tokens carry claim-relative offsets; rebuild a text with the same offsets
        if not toks:
            return ""
        chars = [" "] * toks[-1].end
        for t in toks:
            chars[t.start : t.end] = t.text
        return "".join(chars)

    # ---------------------------------------------------------------------------- sources

    def _known(self, toks: list[_Tok], a: int, b: int) -> Source | None:
        mention = " ".join(t.text for t in toks[a : b + 1])
        local = self._local(mention)
        return local if local is not None else self.registry.resolve(mention)

    def _local(self, mention: str) -> Source | None:
        key = normalise(mention)
        found = self.memory.local.get(key)
        if found is not None:
            return found
        words = key.split()
        if words and len(words) <= 2 and words[0] in ("mr", "mrs", "ms", "dr", "gen"):
            words = words[1:]
        if len(words) == 1:
            people = {
                p.source.name: p.source
                for p in self.memory.people
                if normalise(p.source.name).split()[-1:] == words
            }
            if len(people) == 1:
                return next(iter(people.values()))
            if not people and len(words[0]) >= 6:
                # "Jandalai said" after "Safwan Jandali": a typo, when only one name is close
                close = {
                    p.source.name: p.source
                    for p in self.memory.people
                    if len(normalise(p.source.name).split()) >= 2
                    and fuzz.ratio(normalise(p.source.name).split()[-1], words[0]) >= 85
                }
                if len(close) == 1:
                    return next(iter(close.values()))
        return None

    def _new_source(self, mention: str) -> Source | None:
        if generic_words().is_generic(mention):
            # a generic word names nobody: an unnamed source, with the words used ("unnamed
            # source", "unnamed media reports"); kept out of the article's memory of names
            words = [w for w in normalise(mention).split() if w not in _UNNAMED_DROP]
            if not words:
                return None
            return Source(name="unnamed " + " ".join(words), kind=SourceKind.UNNAMED)
        if " " not in mention.strip() and mention.strip().lower() in _SOURCE_NOUNS:
            mention = mention.strip().lower()  # "Opposition" in a headline: a common noun
        if normalise(mention) in ("opposition", "the opposition"):
            # "the opposition said": the opposition of the country the article is about
            own = self.registry.resolve(f"{self._article_country()} opposition")
            if own is not None:
                return own
        words = mention.split()
        while (
            len(words) > 1
            and normalise(words[0]) in generic_words().qualifiers
            and (not words[0][:1].isupper() or normalise(words[0]) in _DETS)
        ):
            # "An earlier CBO report" -> "CBO report"; but "The New York Times" keeps "New"
            words = words[1:]
        mention = " ".join(words)
        name, descriptor, kind = self.registry.canonicalise(_FROM_PLACE.sub(r"\1", mention))
        if not name:
            return None
        if normalise(name) in descriptor_words().demonyms:
            return self._demonym_only(name, mention)
        if normalise(name) != normalise(mention) and (
            generic_words().is_generic(name) or normalise(name) in ("forces", "state")
        ):
            # "Opposition Forces" was canonicalised to "Forces", "Jordanian state TV" to
            # "state": a generic word is no name; keep the words of the mention
            words = mention.split()
            while words and normalise(words[0]) in _DETS:
                words = words[1:]
            name, descriptor = " ".join(words), None
        words = name.split()
        if len(words) > 2 and words[0].endswith("s") and kind is SourceKind.OFFICIAL:
            owner = self.registry.resolve(words[0][:-1])
            if owner is not None and not owner.is_person:
                name = " ".join(words[1:])  # "Observatorys Rami Abdel Rahman" -> the person
        if normalise(name) in _place_names():
            # places are not sources ("Aleppo Hama and Idlib announced"); a body named after
            # one is ("the Idlib Media Center", "Aleppo Today"), by its whole name
            words = mention.split()
            while words and (normalise(words[0]) in _DETS or not words[0][:1].isupper()):
                words = words[1:]  # "the activist-operated Idlib News network"
            if words and not words[-1][:1].isupper() and len(words) > 2:
                words = words[:-1]  # "... Idlib News network": the name is "Idlib News"
            if len(words) < 2 or not all(w[:1].isupper() for w in words):
                return None
            name, descriptor, kind = " ".join(words), None, SourceKind.OTHER
        is_person = kind is SourceKind.OFFICIAL
        src = Source(
            name=name,
            kind=kind,
            aliases=(mention,) if mention != name else (),
            descriptors=(descriptor,) if descriptor else (),
            is_person=is_person,
        )
        known = self.registry.get(name)
        if known is not None:
            return known
        self.memory.local.setdefault(normalise(name), src)
        if is_person:
            self.memory.people.append(_Person(src, normalise(descriptor or "")))
        return src

    def _demonym_only(self, demonym: str, mention: str) -> Source | None:
        """A mention that canonicalises to a demonym names nobody by it: "State-run Syrian TV"
        is Syria's state TV, "Syrian activists" are activists, "One Syrian living in ..." is
        nobody the article names."""
        d = descriptor_words()
        rest = [
            w
            for w in mention.split()
            if normalise(w) not in _DETS
            and normalise(w) not in d.demonyms
            and normalise(w) not in d.modifiers
            and normalise(w) not in ("state-run", "state-owned", "official", "one")
        ]
        if not rest:
            return None
        for candidate in (f"{demonym} state {' '.join(rest)}", f"{demonym} {' '.join(rest)}"):
            known = self.registry.resolve(candidate)
            if known is not None:
                return known
        words = [normalise(w) for w in rest]
        if generic_words().is_generic(" ".join(words)):
            return Source(name=" ".join(words), kind=SourceKind.UNNAMED)
        return None

    def _source_for(self, toks: list[_Tok], a: int, b: int, text: str) -> Source | None:
        """The source a noun phrase names, through coreference, the registry, or a new entry."""
        while a < b and toks[a].low in _SENTENCE_ADVERBS:
            a += 1  # "Meanwhile Human Rights Watch said"
        while (
            a < b
            and normalise(toks[a].text) in _place_names()
            and self._known(toks, a + 1, b) is not None
        ):
            # "... in the Abbasids neighbourhood of northeast Damascus SANA said", "Tags ...
            # Aleppo Russia has accused": the place ends the words before, the source follows
            a += 1
        first = toks[a]
        mention = text[toks[a].start : toks[b].end]
        if mention[:1] != first.text[:1]:
            mention = first.text[:1] + mention[1:]  # "Activists" -> "activists"
        low = normalise(mention)
        if a == b and first.low in _PRONOUNS:
            return self._pronoun(first.low)
        if toks[b].bare in _FOOTAGE:
            return None  # "The video ... shows": what a camera recorded is the reporter's account
        if a == b and first.low.replace("’", "'").split("'")[0] in ("i", "we"):
            return None  # "I've said ...": the speaker quoted, found by the first-person pass
        head = toks[b].bare
        if head in ("people", "person", "sources", "source", "officials", "official"):
            informed = _INFORMED.match(text, toks[b].end)
            if informed is not None:
                # "people familiar with his plans", "sources close to the campaign": unnamed,
                # with the words that say who they are
                words = text[toks[a].start : informed.end()].split()
                while words and (
                    normalise(words[0]) in generic_words().qualifiers or words[0].isdigit()
                ):
                    words = words[1:]  # "Two people familiar with ..." -> "people familiar ..."
                words[:1] = [words[0].lower()] if words else []
                return Source(name=" ".join(words), kind=SourceKind.UNNAMED)
        if head in _OWNED_PARTIES and b > a and toks[b - 1].possessive:
            # "Clinton's campaign said" -> "Clinton campaign" (the campaign, not the candidate),
            # "Trump's lawyers argued" -> "Trump lawyers"
            candidate = _strip_possessive(toks[b - 1].text)
            if candidate[:1].isupper():
                return self._new_source(f"{candidate} {toks[b].text}")
        # "Mr Erdogan's office said" -> the presidency of his country
        if head in ("office", "presidency") and b > a and toks[b - 1].possessive:
            owner = self._known(toks, a, b - 1) or self._person_by_role(toks, a, b - 1)
            if owner is not None and owner.is_person:
                pres = self._presidency(owner)
                return pres if pres is not None else owner
        # "its military", "their commander"; but "Its spokesman John Kirby" is Kirby
        if first.low in _POSS_PRON and a < b:
            k = b
            while k > a + 1 and toks[k].is_cap:
                k -= 1
            if k < b - 1 and toks[k].bare in _APPOSITIVE_ROLES:
                person = self._source_for(toks, k + 1, b, text)
                if person is not None and person.is_person:
                    return person
            return self._possessive(toks, a, b, text)
        if toks[b].low == "coalition" and b - a <= 1:
            # "the Coalition added": the Syrian opposition's in an article about it, not the
            # US-led one (which the registry's "coalition" alias means)
            coalition = self._article_coalition()
            if coalition is not None:
                return coalition
        known = self._known(toks, a, b)
        if known is not None:
            self._note_org(known)
            return known
        state = self._state_media(low)
        if state is not None:
            return state
        owner_at = a + 1 if first.low in _DETS else a
        if owner_at < b and toks[owner_at].possessive and not toks[owner_at].is_cap:
            # "the department's inspector general" -> "State Department inspector general": the
            # body the article named with that noun
            noun = toks[owner_at].bare
            pattern = r"((?:[A-Z][\w.&-]*\s){1,4}" + re.escape(noun.capitalize()) + r")\b"
            named = [n for n in re.findall(pattern, self.doc.text) if n.split()[0] != "The"]
            named += [n.split(None, 1)[1] for n in re.findall(pattern, self.doc.text)
                      if n.split()[0] == "The" and len(n.split()) > 2]  # fmt: skip
            if named:
                rest = " ".join(t.text for t in toks[owner_at + 1 : b + 1])
                src = Source(name=f"{named[0].strip()} {rest}", kind=SourceKind.OFFICIAL)
                return self.memory.local.setdefault(normalise(src.name), src)
        owned = self._stripped_possessive(toks, a, b, head)
        if owned is not None:
            return owned
        # "according to an Observatory toll", "a UN report said": the document's owner
        if head in _DOCUMENTS and b > a and toks[b - 1].is_cap:
            k = a + 1 if first.low in _DETS else a
            owner = self._known(toks, k, b - 1) if k <= b - 1 else None
            if owner is not None:
                return owner
        another = a > 0 and toks[a - 1].low == "another"  # a different source, never the last
        # role nouns: "the presidency", "The Russian foreign minister", "the agency"
        if not another and (first.low == "the" or head == "monitor" or "monitoring" in low.split()):
            role = self._role(toks, a, b, head)
            if role is not None:
                return role
            if head in _CANDIDATE_ROLES:
                return None  # "the senator said" with no senator named: nobody we can name
        if toks[b].is_cap or toks[b].bare in _SOURCE_NOUNS or _closes_name(toks, b):
            if not any(_is_head(t) for t in toks[a : b + 1]):
                return None
            if first.low == "the" and low in _BACK_NOUNS:
                back = self._last_source(low)
                if back is not None:
                    return back
            if generic_words().is_generic(mention):
                return self._generic(toks, a, b, mention)
            return self._new_source(mention)
        return None

    def _generic(self, toks: list[_Tok], a: int, b: int, mention: str) -> Source | None:
        """A mention made only of generic words ("the group", "sources", "the poll", "the same
        source"): the source it points back to, else an unnamed source scoped to the claim's
        words ("unnamed source"); nobody after "no" ("No group has claimed")."""
        g = generic_words()
        if toks[a].low in g.negative or (a > 0 and toks[a - 1].low in g.negative):
            return None
        head = toks[b].bare
        # "the Daesh terrorist group", "the Islamic State [IS] group": the name before the head
        k = a - 1
        while k >= max(0, a - 3) and (
            toks[k].text in ("[", "]", "(", ")")
            or (toks[k].is_word and not toks[k].is_cap and toks[k].low not in _DETS
                and toks[k].low not in _PREPOSITIONS and toks[k].low not in _COORD
                and toks[k].bare not in _SOURCE_NOUNS and k < a - 0)
        ):  # fmt: skip
            k -= 1
        if 0 <= k < a - 1 and toks[k].is_cap and head in ("group", "groups", "organisation"):
            named = _np_before(toks, k)
            if named is not None and toks[named[1]].is_cap:
                src = self._known(toks, *named)
                if src is not None and not src.is_person:
                    return src
        found = self._named_words(toks, a, b)
        if found is not None:
            return found
        back = self._named_before(head, toks, a, b)
        if back is not None:
            return back
        return self._new_source(mention)

    def _named_words(self, toks: list[_Tok], a: int, b: int) -> Source | None:
        """ "The main Syrian opposition group" -> Syrian opposition: the words of a generic
        mention that name a known source by themselves."""
        g = generic_words()
        named = [
            t.text
            for t in toks[a : b + 1]
            if t.low not in g.heads and t.low not in g.qualifiers and t.low != "main"
        ]
        if not named or not any(w[:1].isupper() for w in named):
            return None
        return self.registry.resolve(" ".join(named))

    def _named_before(self, head: str, toks: list[_Tok], a: int, b: int) -> Source | None:
        """The source a generic head takes up: the poll or report named before (or, for a
        headline, anywhere in the article), the source that spoke before, the group named."""
        g = generic_words()
        definite = toks[a].low in ("the", "this", "that") or (a == b and not head.endswith("s"))
        if head in g.documents and definite:
            # "the poll found", "the survey showed", headline "poll finds"; not "reports say"
            family = g.synonyms.get(head, frozenset({head}))
            for noun in family:
                if noun in self.memory.documents:
                    return self.memory.documents[noun]
            for src in reversed(self.memory.speakers + self.memory.orgs):
                last = normalise(src.name).split()[-1:]
                if last and last[0] in family and not src.name.startswith("unnamed"):
                    return src
            doc = self._article_document(family)
            if doc is not None:
                return doc
        if head in ("source", "sources"):
            if toks[a].low in ("a", "an", "one", "another"):
                return None  # "a source said": a new unnamed source, not the one before
            return self._last_source("source")
        if head == "group" and definite and self.memory.groups:
            return self.memory.groups[-1]
        if head in _ROLE_KINDS or head in ("command", "tv", "forces"):
            return self._role(toks, a, b, head)
        return None

    def _article_document(self, family: frozenset[str]) -> Source | None:
        """ "poll finds" in a headline: the poll the article names ("a Quinnipiac University
        poll"), the first one in the text."""
        key = " ".join(sorted(family))
        if key not in self._documents:
            found: Source | None = None
            for m in _named_document(tuple(sorted(family))).finditer(self.doc.text):
                words = m.group(1).split()
                while words and normalise(words[0]) in generic_words().qualifiers:
                    words = words[1:]  # "A Quinnipiac poll" -> "Quinnipiac poll"
                if words:
                    found = self._new_source(" ".join([*words, m.group(2).lower()]))
                    break
            self._documents[key] = found
        return self._documents[key]

    def _stripped_possessive(self, toks: list[_Tok], a: int, b: int, head: str) -> Source | None:
        """Possessives whose apostrophe the corpus stripped: "Syrias armed forces" -> Syrian
        army, "SANAs correspondent" -> SANA, "Ban Ki-moons office" -> Ban Ki-moon."""
        for k in range(a, b):
            t = toks[k]
            if not (t.is_cap and t.text.endswith("s") and len(t.text) > 2) or t.possessive:
                continue
            stem = t.text[:-1]
            rest = " ".join(x.text for x in toks[k + 1 : b + 1])
            if stem in _COUNTRY_DEMONYM:
                return self.registry.resolve(f"{_COUNTRY_DEMONYM[stem]} {rest}")
            if head not in _OWNED_HEADS:
                return None
            owner_text = " ".join([*(x.text for x in toks[a:k] if x.low not in _DETS), stem])
            owner = self._local(owner_text) or self.registry.resolve(owner_text)
            if owner is None and k > a:
                owner = self._local(stem) or self.registry.resolve(stem)
            if owner is None:
                return None
            if owner.is_person and head in ("office", "presidency"):
                pres = self._presidency(owner)
                return pres if pres is not None else owner
            return owner
        return None

    def _last_source(self, noun: str) -> Source | None:
        """ "the source said" -> the last unnamed source; "the statement said" -> the last body;
        "the correspondent said" -> the last outlet."""
        if noun in self.memory.documents:
            return self.memory.documents[noun]  # "Comey said in a letter ... The letter said"
        for src in reversed(self.memory.speakers):
            if noun in ("correspondent", "reporter"):
                if src.kind in _OUTLET_KINDS:
                    return src
                continue
            if noun == "letter" and not src.is_person:
                return src
            if noun.startswith("source") and "source" in src.name.lower():
                return src
            if noun in ("statement", "report") and not src.is_person:
                return src
        if noun in ("correspondent", "reporter"):
            # "SANA's correspondent quoted a source ... The correspondent said": the outlet the
            # source spoke through, else the one that published the article
            for name in reversed(self.memory.relays):
                relay = self.registry.resolve(name)
                if relay is not None and relay.kind in _OUTLET_KINDS:
                    return relay
            if self.doc.outlet:
                own = self.registry.resolve(self.doc.outlet)
                if own is not None and own.kind in _OUTLET_KINDS:
                    return own
        return None

    def _pronoun(self, word: str) -> Source | None:
        if word in ("he", "she"):
            # "she" is not the last person when that one was "he" before: the last person
            # not known as the other ("Trump said ... Clinton said ... he added" -> Trump)
            last = self.memory.last_person
            if last is None:
                return None
            people = [p.source for p in reversed(self.memory.people)]
            for person in [last, *(x for x in self.memory.speakers[::-1] if x.is_person), *people]:
                if person is None:
                    continue
                known = self.memory.pronouns.get(person.name)
                if known is None or known == word:
                    self.memory.pronouns.setdefault(person.name, word)
                    return person
            return last
        if word == "it":
            # "a military source said ... It added": SANA's way with its unnamed sources
            return self.memory.last_org or self.memory.last_unnamed
        return self.memory.last_plural

    def _possessive(self, toks: list[_Tok], a: int, b: int, text: str) -> Source | None:
        noun = " ".join(t.text for t in toks[a + 1 : b + 1])
        if toks[a].low == "its":
            owner: Source | None = None
            for k in range(a - 1, -1, -1):
                if toks[k].is_cap:
                    cand = self.registry.resolve(toks[k].text)
                    if cand is not None and not cand.is_person and cand.country:
                        owner = cand
                        break
            if owner is None:
                owner = self.memory.last_org
            if owner is not None and owner.country in _COUNTRY_DEMONYM:
                found = self.registry.resolve(f"{_COUNTRY_DEMONYM[owner.country]} {noun}")
                if found is not None:
                    return found
            return owner
        if toks[a].low in ("his", "her") and self.memory.last_person is not None:
            want = "she" if toks[a].low == "her" else "he"
            person = None
            for k in range(a - 1, -1, -1):  # "Clinton will visit Ohio, her campaign said"
                near = self._known(toks, k, k) if toks[k].is_cap else None
                if near is not None and near.is_person:
                    if self.memory.pronouns.setdefault(near.name, want) == want:
                        person = near
                    break
            person = person or self._pronoun(want)
            if person is not None and person.is_person and toks[b].bare in _OWNED_PARTIES:
                # "her campaign said" -> "Clinton campaign"
                return self._new_source(f"{person.name.split()[-1]} {toks[b].text}")
            return person
        return None

    def _government_of(self, person: Source) -> Source | None:
        if person.is_person and person.country in _COUNTRY_DEMONYM:
            return self.registry.resolve(f"{_COUNTRY_DEMONYM[person.country]} government")
        return None

    def _presidency(self, person: Source) -> Source | None:
        if person.country in _COUNTRY_DEMONYM:
            return self.registry.resolve(f"{_COUNTRY_DEMONYM[person.country]} presidency")
        return None

    def _role(self, toks: list[_Tok], a: int, b: int, head: str) -> Source | None:
        words = [normalise(t.text) for t in toks[a + 1 : b + 1]]
        if head == "presidency":
            for src in reversed(self.memory.speakers):
                if src.country in _COUNTRY_DEMONYM:
                    pres = self.registry.resolve(f"{_COUNTRY_DEMONYM[src.country]} presidency")
                    if pres is not None:
                        return pres
            return None
        if head in _PERSON_ROLES:
            return self._person_by_role(toks, a, b)
        kinds = _ROLE_KINDS.get(head)
        if head == "group":
            named = self._named_words(toks, a, b)
            if named is not None:
                return named
        if head in ("army", "military") and not words[:-1]:
            # "the army" is a state's army, never the armed group that spoke last
            for src in reversed(self.memory.speakers + self.memory.orgs):
                name = normalise(src.name).split()
                if src.kind is SourceKind.MILITARY and name[0] in descriptor_words().demonyms:
                    return src  # "Syrian army", "Turkish military"
            return self.registry.resolve(f"{self._article_country()} army")
        if kinds is not None:
            if head in ("ministry", "command") and head in self.memory.heads and not words[:-1]:
                return self.memory.heads[head]
            for src in reversed(self.memory.speakers + self.memory.orgs):
                # "A group of Republican former national security officials said ... The group
                # said": an unnamed group is no body of those kinds, but it is the group
                grouped = head == "group" and src in self.memory.groups
                if (src.kind in kinds or grouped) and not src.is_person:
                    if head in ("ministry", "command") and head not in src.name.lower():
                        continue
                    return src
            if head == "ministry" and len(words) >= 2:
                return self._country_ministry(" ".join(words))
            if head in ("monitor", "observatory", "watchdog", "group") or "monitoring" in words:
                # "the group said" before any group spoke: the monitor the article names
                return self._article_monitor()
        return None

    def _country_ministry(self, ministry: str) -> Source | None:
        """ "The defence ministry (in Moscow) said": the ministry of the country the claim's
        capital names, else of the country named last before the claim."""
        text = self.doc.text
        at = text.find(self._cur_text)
        at = len(text) if at < 0 else at
        capital = _CAPITAL_IN.search(self._cur_text)
        if capital is not None:
            return self.registry.resolve(f"{_CAPITALS[capital.group(1)]} {ministry}")
        best: tuple[int, str] | None = None
        for name, demonym in (*_COUNTRY_DEMONYM.items(), *_CAPITALS.items()):
            for word in {name, demonym}:
                pos = text.rfind(word, 0, at)
                if (
                    pos >= 0
                    and (best is None or pos > best[0])
                    and self.registry.resolve(f"{demonym} {ministry}") is not None
                ):
                    best = (pos, demonym)
        return self.registry.resolve(f"{best[1]} {ministry}") if best is not None else None

    def _article_coalition(self) -> Source | None:
        text = self.doc.text
        if _SYRIAN_COALITION.search(text) and not _FOREIGN_COALITION.search(text):
            return self.registry.resolve("Syrian National Coalition")
        return None

    def _state_media(self, low: str) -> Source | None:
        """ "State TV", "earlier state television", "the official Syrian news agency": the state
        broadcaster or agency of the country named, or of the article's country."""
        m = _STATE_MEDIA.match(low)
        if m is None:
            return None
        demonym = m.group(1) or m.group(2)
        if demonym is not None and demonym not in descriptor_words().demonyms:
            return None
        country = (demonym or self._article_country()).capitalize()
        medium = _STATE_MEDIUM[m.group(3)]
        found = self.registry.resolve(f"{country} {medium}")
        if found is None and demonym is not None:
            # "Jordanian state TV": that state's broadcaster, by that name (not "state")
            kind = SourceKind.NEWS_AGENCY if "agency" in medium else SourceKind.BROADCASTER
            found = Source(name=f"{country} {medium}", kind=kind)
        return found

    def _article_country(self) -> str:
        """The demonym of the country an article is about: the most mentioned one."""
        text = self.doc.text
        best = max(_COUNTRY_DEMONYM, key=lambda c: text.count(c))
        return _COUNTRY_DEMONYM[best] if best in text else "Syrian"

    def _article_monitor(self) -> Source | None:
        """The monitor the article names anywhere ("a monitor said" ... "the Observatory")."""
        if self._monitor is None:
            found: Source | None = None
            for m in _MONITOR_NAMES.finditer(self.doc.text):
                found = self.registry.resolve(m.group())
                if found is not None:
                    break
            self._monitor = (found,)
        return self._monitor[0]

    def _person_by_role(self, toks: list[_Tok], a: int, b: int) -> Source | None:
        d = descriptor_words()
        words = [normalise(t.text) for t in toks[a : b + 1]]
        words = [w for w in words if w and w not in _DETS]
        demonyms = [w for w in words if w in d.demonyms]
        roles = [w for w in words if w not in d.demonyms]
        for person in reversed(self.memory.people):
            desc = " ".join([person.roles, *(normalise(x) for x in person.source.descriptors)])
            if all(r in desc.split() for r in roles) and all(x in desc.split() for x in demonyms):
                return person.source
        # "The Russian foreign minister made an offer" before "Foreign Minister Sergey Lavrov"
        for person in self._people_in_article():
            desc = " ".join([person.roles, *(normalise(x) for x in person.source.descriptors)])
            if (
                roles
                and all(r in desc.split() for r in roles)
                and all(x in desc.split() for x in demonyms)
            ):
                return person.source
        return None

    def _people_in_article(self) -> list[_Person]:
        """People named with a title anywhere in the article, in document order (computed once,
        on a scratch memory, so the running discourse memory is not disturbed)."""
        if self._all_people is None:
            saved = self.memory
            self.memory = _Memory()
            for claim in self._claims:
                self._note_mentions(_tokens(claim.text), claim.text)
            self._all_people = self.memory.people
            self.memory = saved
        return self._all_people

    def _note_org(self, src: Source) -> None:
        if src.is_person:
            self._remember_person(src, "")
        else:
            self.memory.orgs.append(src)

    def _remember_person(self, src: Source, roles: str) -> None:
        self.memory.people.append(_Person(src, roles))

    def _note_mentions(self, toks: list[_Tok], text: str) -> None:
        """Remember people named with a title anywhere: "his Russian counterpart Sergey Lavrov"."""
        d = descriptor_words()
        n = len(toks)
        k = 0
        while k < n:
            t = toks[k]
            if not (t.is_word and (t.is_cap or t.bare in d.titles)):
                k += 1
                continue
            e = k
            while e + 1 < n and toks[e + 1].is_word and (
                toks[e + 1].is_cap
                or toks[e + 1].bare in d.titles
                or (toks[e + 1].low in _NAME_PARTICLES and e + 2 < n and toks[e + 2].is_cap)
            ):  # fmt: skip
                e += 1
            if e > k or t.is_cap:
                span_text = text[toks[k].start : toks[e].end]
                if any(toks[x].is_cap for x in range(k, e + 1)):
                    self._note_person(span_text)
            k = e + 1

    def _note_person(self, mention: str) -> None:
        words = mention.split()
        if len(words) < 2:
            return
        name, descriptor, kind = self.registry.canonicalise(mention)
        if kind is not SourceKind.OFFICIAL or not name:
            return
        known = self.registry.resolve(name) or self._local(name)
        roles = normalise(descriptor or "")
        person_title = any(w in descriptor_words().person_titles for w in roles.split())
        if not person_title and not (known is not None and known.is_person):
            return  # "Deir Ezzor" is two capitalised words, not a person
        if "counterpart" in roles.split() and self.memory.people:
            # "his Russian counterpart Sergey Lavrov": the role of the person named before
            prior = self.memory.people[-1]
            d = descriptor_words()
            prior_role = " ".join(
                w for w in prior.roles.split() if w not in d.demonyms and w not in _POSS_PRON
            )
            roles = f"{roles} {prior_role}"
        if known is not None and known.is_person:
            self._remember_person(known, roles)
            return
        if known is not None:
            return
        src = Source(name=name, kind=kind, descriptors=(descriptor,) if descriptor else (),
                     is_person=True)  # fmt: skip
        self.memory.local.setdefault(normalise(name), src)
        self._remember_person(src, roles)

    def _speaker(self, label: str) -> Source:
        """The person a transcript's speaker label names: "POLLARD" -> Ray Pollard when the
        article names him, else the label in name case ("Wallace")."""
        words = label.split()
        titles = descriptor_words().titles
        while len(words) > 1 and words[0].lower() in titles:
            words = words[1:]  # "GOV. MIKE PENCE" -> "Mike Pence"
        name = " ".join(w.capitalize() for w in words)
        known = self._local(name) or self.registry.resolve(name)
        if known is None:
            people = {
                p.source.name: p.source
                for p in self._people_in_article()
                if normalise(p.source.name).split()[-1:] == normalise(name).split()[-1:]
            }
            known = next(iter(people.values())) if len(people) == 1 else None
        if known is not None:
            return known
        # "Governor Ray Pollard of Ohio" -> "Ray Pollard": a first name before the label
        titles = descriptor_words().titles
        for m in re.finditer(r"\b([A-Z][a-z][\w'’-]*) " + re.escape(name) + r"\b", self.doc.text):
            if normalise(m.group(1)) not in titles:
                full = m.group(0)
                return Source(name=full, kind=SourceKind.OFFICIAL, is_person=True)
        return Source(name=name, kind=SourceKind.OFFICIAL, is_person=True)
