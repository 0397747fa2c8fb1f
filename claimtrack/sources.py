"""The source registry: canonical names, aliases, kinds and descriptors of who makes claims.

Built-in sources come from ``claimtrack/rules/sources.toml``; descriptor words ("state-owned",
"news agency", "Turkish Foreign Minister") from ``claimtrack/rules/descriptors.toml``. Both ship
in the package and are read with ``importlib.resources``.

Lookup (``SourceRegistry.resolve``) goes from strict to loose:

1. the mention normalised (case, diacritics, a leading "the", possessive "'s", hyphens, dots):
   "the Observatory" -> Syrian Observatory for Human Rights, "Çavuşoğlu" == "Cavusoglu";
2. the mention with descriptors stripped: "Turkey's state-owned Anadolu news agency" -> Anadolu;
3. a bare surname, only when exactly one known person has it ("Mr Lavrov" -> Sergey Lavrov);
4. a rapidfuzz ``ratio`` lookup over all alias keys with a conservative cutoff; a person matches
   only a person with the same surname and a close first name ("Sergei Lavrov" ~ "Sergey
   Lavrov"), so two people who share a surname are never merged.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz, process

from claimtrack.errors import RulesError
from claimtrack.model import Source, SourceKind

__all__ = [
    "SourceRegistry",
    "canonicalise",
    "default_registry",
    "descriptor_words",
    "generic_words",
    "normalise",
    "unnamed_kind",
]

_DETERMINERS = frozenset({"the", "a", "an"})
_QUANTIFIERS = frozenset(
    {"two", "three", "four", "several", "some", "many", "one", "other", "various", "multiple"}
)
_ORG_CUTOFF = 92.0
_PERSON_CUTOFF = 88.0
_FIRST_NAME_CUTOFF = 80.0

_WORD = re.compile(r"[^\s]+")
# "Arabic-language", "UK-based", "Russia-backed", "pro-Assad": modifiers, not names
_BASED_IN = re.compile(r"^\S+-based$", re.IGNORECASE)
_HYPHEN_MODIFIER = re.compile(
    r"^(?:pro-\S+|anti-\S+|\S+-(?:based|backed|led|run|owned|affiliated|linked|controlled|held|allied|"
    r"aligned|language|funded|sponsored|supported|appointed))$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
_STRIP_CHARS = re.compile(r"[\"“”‘`()\[\],;:!?]")
_POSSESSIVE = re.compile(r"(?:'s|'|’s|’)$", re.IGNORECASE)


def _fold(text: str) -> str:
    """Diacritics and typographic variants folded away: "Çavuşoğlu" -> "Cavusoglu"."""
    text = text.replace("ı", "i").replace("İ", "I").replace("’", "'").replace("‘", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=65536)
def normalise(mention: str) -> str:
    """Lookup key of a mention: folded, lower case, no leading "the", no possessive, no dots.

    >>> normalise("the Observatory's")
    'observatory'
    >>> normalise("Mevlüt Çavuşoğlu")
    'mevlut cavusoglu'
    """
    text = _fold(mention).lower()
    text = _STRIP_CHARS.sub(" ", text)
    words = []
    for word in text.split():
        word = _POSSESSIVE.sub("", word)
        word = word.replace(".", "").replace("-", " ").replace("'", "")
        if word:
            words.append(word)
    text = " ".join(words)
    text = _SPACES.sub(" ", text).strip()
    while text.startswith(("the ", "a ", "an ")):
        text = text.split(" ", 1)[1]
    return text


# ------------------------------------------------------------------------------------ rules data


def _load_toml(name: str) -> dict[str, Any]:
    try:
        data = resources.files("claimtrack.rules").joinpath(name).read_bytes()
        return tomllib.loads(data.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise RulesError(f"rules/{name}: cannot be read as TOML: {exc}") from None


# lower-case words inside a person's name ("Rami Abdel Rahman", "Ursula von der Leyen"): the
# list attribution uses too, from rules/attribution.toml (validated by claimtrack.attribute)
_NAME_PARTICLES = frozenset(
    _load_toml("attribution.toml").get("tokens", {}).get("name_particles", ())
)


class _Descriptors:
    """Descriptor vocabularies, normalised, from ``rules/descriptors.toml``."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        def words(key: str) -> frozenset[str]:
            return frozenset(normalise(w) for w in data.get(key, ()) if normalise(w))

        self.modifiers = words("modifiers")
        self.org_suffixes = tuple(
            sorted(
                (tuple(normalise(w).split()) for w in data.get("org_suffixes", ())),
                key=len,
                reverse=True,
            )
        )
        self.org_suffix_words = frozenset(w for suffix in self.org_suffixes for w in suffix)
        self.demonyms = words("demonyms")
        self.titles = words("titles")
        self.person_titles = words("person_titles")
        self.org_words = words("org_words")
        # every single word that may be stripped from the front of an organisation mention
        self.leading = self.modifiers | self.demonyms | {"news", "state", "owned", "run", "based"}


@lru_cache(maxsize=1)
def descriptor_words() -> _Descriptors:
    """The descriptor vocabularies (cached; the data files are read once)."""
    return _Descriptors(_load_toml("descriptors.toml"))


class _Generic:
    """Generic heads, documents and unnamed kinds, normalised, from ``rules/unnamed.toml``."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        generic = data.get("generic", {})
        docs = data.get("documents", {})

        def words(items: Iterable[str]) -> frozenset[str]:
            return frozenset(normalise(w) for w in items if normalise(w))

        self.heads = words(generic.get("heads", ()))
        self.qualifiers = words(generic.get("qualifiers", ()))
        self.negative = words(generic.get("negative", ()))
        self.documents = words(docs.get("nouns", ()))
        self.synonyms: dict[str, frozenset[str]] = {}
        for group in docs.get("synonyms", ()):
            members = words(group)
            for w in members:
                self.synonyms[w] = self.synonyms.get(w, frozenset()) | members
        self.place_adjectives = words(data.get("places", {}).get("adjectives", ()))
        self.kinds: tuple[tuple[str, frozenset[str]], ...] = tuple(
            (kind, words(ws)) for kind, ws in data.get("unnamed_kinds", {}).items()
        )
        try:
            self.institutions: dict[str, SourceKind] = {
                w: SourceKind(kind)
                for kind, ws in data.get("institutions", {}).items()
                for w in words(ws)
            }
        except ValueError as exc:
            raise RulesError(f"rules/unnamed.toml: [institutions]: {exc}") from None
        self.people = words(data.get("people", {}).get("heads", ()))
        self.after_people = words(data.get("people", {}).get("followed_by", ()))

    def names_people(self, words: list[str]) -> bool:
        """True when a mention's words name people by what they are, not a body by its name:
        "Aleppo residents", "Police Command source", "Tribal sources" (a lower-case people head
        last), "source at Aleppo Police Command", "official from the forces" (a people head,
        then a preposition)."""
        keys = [normalise(w) for w in words]
        if keys and keys[-1] in self.people and not _is_capitalised(words[-1]):
            return True
        return (
            len(keys) >= 3
            and keys[0] in self.people
            and not _is_capitalised(words[0])
            and keys[1] in self.after_people
        )

    def institution_kind(self, words: list[str]) -> SourceKind:
        """The kind of a lower-case descriptor: a state body named by a nationality and an
        institution ("Syrian army", "Russian government", "Syrian state media") keeps the
        institution's kind; every other one ("rebels", "local media", "the army", "government
        forces", "witnesses") is an unnamed source."""
        head = normalise(words[-1]).split()[-1:] if words else []
        kind = self.institutions.get(head[0]) if head else None
        demonyms = descriptor_words().demonyms
        if kind is not None and any(
            _is_capitalised(w) and normalise(w) in demonyms for w in words[:-1]
        ):
            return kind
        return SourceKind.UNNAMED

    def is_generic(self, mention: str) -> bool:
        """True when a mention is made only of generic words: "the group", "media reports"."""
        words = normalise(mention).split()
        return (
            bool(words)
            and words[-1] in self.heads
            and all(w in self.heads or w in self.qualifiers for w in words)
        )


@lru_cache(maxsize=1)
def generic_words() -> _Generic:
    """The vocabulary of ``rules/unnamed.toml`` (cached; read once)."""
    return _Generic(_load_toml("unnamed.toml"))


def unnamed_kind(name: str) -> str | None:
    """The kind of an unnamed source from its words ("rebel military source" -> "military",
    "witnesses" -> "witness"), in the order of ``rules/unnamed.toml``; None when no word says."""
    words = set(normalise(name).split())
    for kind, kind_words in generic_words().kinds:
        if words & kind_words:
            return kind
    return None


def _is_capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def _split_words(mention: str) -> list[str]:
    return [w for w in (_STRIP_CHARS.sub("", m.group()) for m in _WORD.finditer(mention)) if w]


def _drop_determiners(words: list[str]) -> list[str]:
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    return words


def _strip_org_descriptors(words: list[str]) -> tuple[list[str], list[str]]:
    """Front and back descriptor words of an organisation mention, as (name words, removed).

    "Turkey's state-owned Anadolu news agency" -> (["Anadolu"], ["Turkey's", "state-owned",
    "news", "agency"]).
    """
    d = descriptor_words()
    removed: list[str] = []
    words = _drop_determiners(list(words))
    # leading possessive place or organisation: "Turkey's", "Syria's"
    while len(words) > 1:
        key = normalise(words[0])
        rest = {p for w in words[1:] for p in normalise(w).split()}
        if rest <= d.org_suffix_words:
            break  # "PRESS TV": keep a name in front of a generic noun
        if len(words) > 2 and words[0][:1].isupper() and _BASED_IN.match(words[1]):
            # "the United Kingdom-based monitoring group ...", "New York-based Human Rights
            # Watch": a place of two words before "-based"
            removed.extend(words[:2])
            words = words[2:]
            continue
        is_possessive = bool(_POSSESSIVE.search(_fold(words[0])))
        stripped_parts = key.split()
        if (
            is_possessive
            or key in d.modifiers
            or _HYPHEN_MODIFIER.match(words[0])  # "The ISIS-linked Aamaq news agency"
            or (
                stripped_parts
                and all(p in d.leading or p in d.org_suffix_words for p in stripped_parts)
            )
        ):
            removed.append(words.pop(0))
        else:
            break
    # trailing generic head nouns: "news agency", "channel"
    lowered = [normalise(w) for w in words]
    for suffix in d.org_suffixes:
        n = len(suffix)
        if len(words) > n and tuple(lowered[-n:]) == suffix:
            removed.extend(words[-n:])
            words = words[:-n]
            break
    return words, removed


def _looks_like_name(words: list[str]) -> bool:
    """Capitalised words, name particles allowed inside: "Rami Abdel Rahman", "Bashar al-Assad"."""
    if not words:
        return False
    for i, word in enumerate(words):
        low = word.lower().split("-")[0]
        if _is_capitalised(word):
            continue
        if 0 < i < len(words) and low in _NAME_PARTICLES:
            continue
        return False
    return _is_capitalised(words[-1]) or words[-1].lower().startswith(("al-", "el-"))


def _split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words) of a person: "Turkish Foreign Minister Mevlut Cavusoglu"."""
    d = descriptor_words()
    i = 0
    while i < len(words):
        key = normalise(words[i])
        if not key:
            i += 1
            continue
        is_possessive = bool(_POSSESSIVE.search(_fold(words[i])))
        if key in d.titles or key in d.demonyms or key in d.modifiers or is_possessive:
            i += 1
            continue
        if not _is_capitalised(words[i]) and i + 1 < len(words):
            i += 1  # lower-case words belong to the role: "his Russian counterpart"
            continue
        break
    return words[:i], words[i:]


def _has_person_title(words: Iterable[str]) -> bool:
    d = descriptor_words()
    return any(part in d.person_titles for w in words for part in normalise(w).split())


def _has_org_word(words: Iterable[str]) -> bool:
    d = descriptor_words()
    return any(part in d.org_words for w in words for part in normalise(w).split())


def _org_kind(words: Iterable[str]) -> SourceKind:
    keys = {part for w in words for part in normalise(w).split()}
    if keys & {"agency", "news"}:
        return SourceKind.NEWS_AGENCY
    if keys & {"tv", "television", "channel", "broadcaster", "radio"}:
        return SourceKind.BROADCASTER
    if keys & {"newspaper", "daily", "times", "post", "gazette", "journal", "herald"}:
        return SourceKind.NEWSPAPER
    if keys & {"observatory", "monitor", "watch", "network", "committee", "committees"}:
        return SourceKind.MONITOR
    if keys & {"ministry", "government", "presidency", "office", "authorities", "council"}:
        return SourceKind.GOVERNMENT
    if keys & {
        "army",
        "forces",
        "force",
        "military",
        "brigade",
        "brigades",
        "front",
        "battalion",
        "corps",
        "militia",
        "command",
        "guard",
        "guards",
        "units",
    }:
        return SourceKind.MILITARY
    return SourceKind.OTHER


def _unnamed_name(words: list[str]) -> str:
    """The canonical form of an unnamed source, in running-text case: common words lower case,
    nationality adjectives and acronyms as written ("The Russian Foreign Minister" -> "Russian
    foreign minister", "a senior US official" -> "senior US official", "Activists" ->
    "activists")."""
    words = [w for w in _drop_determiners(words) if w.lower() not in _QUANTIFIERS]
    while words and words[0].lower() in {"his", "her", "its", "their"}:
        words = words[1:]
    return " ".join(_running_case(w) for w in words)


def _running_case(word: str) -> str:
    low = word.lower()
    if low.strip(".") in descriptor_words().demonyms and len(low.strip(".")) > 2:
        return low[:1].upper() + low[1:]  # "russian" -> "Russian"
    core = word.replace(".", "").replace("-", "")
    if len(core) >= 2 and core.isupper():
        return word  # "US", "UN", "U.S.", "SAA"
    return low


# ------------------------------------------------------------------------------------ registry


class SourceRegistry:
    """Known sources with their aliases; mutable so the store can add user aliases and merges."""

    def __init__(self, sources: Iterable[Source] = ()) -> None:
        self._by_name: dict[str, Source] = {}
        self._index: dict[str, str] = {}  # normalised alias -> canonical name
        self._surnames: dict[str, set[str]] = {}  # normalised surname -> person names
        self._fuzzy_keys: list[str] | None = None
        self._cache: dict[str, Source | None] = {}
        self._canon_cache: dict[str, tuple[str, str | None, SourceKind]] = {}
        for source in sources:
            self.add(source)

    # ---------------------------------------------------------------------------- building

    def add(self, source: Source) -> Source:
        """Add a source, or merge its aliases and descriptors into the one of the same name."""
        existing = self._by_name.get(source.name)
        if existing is not None:
            source = replace(
                existing,
                aliases=_unique(existing.aliases + source.aliases),
                descriptors=_unique(existing.descriptors + source.descriptors),
                country=existing.country or source.country,
            )
        self._by_name[source.name] = source
        for key in (normalise(source.name), *(normalise(a) for a in source.aliases)):
            if key:
                self._index.setdefault(key, source.name)
        if source.is_person:
            surname = normalise(source.name).split()[-1:] or []
            for s in surname:
                self._surnames.setdefault(s, set()).add(source.name)
        self._changed()
        return source

    def with_alias(self, name: str, alias: str) -> Source:
        """Give the source ``name`` another alias; the alias now points to it (user's decision)."""
        source = self._require(name)
        source = replace(source, aliases=_unique((*source.aliases, alias)))
        self._by_name[name] = source
        key = normalise(alias)
        if key:
            self._index[key] = name
        self._changed()
        return source

    def merge(self, keep: str, absorb: str) -> Source:
        """Fold source ``absorb`` into ``keep``: its name and aliases become aliases of ``keep``."""
        kept = self._require(keep)
        gone = self._require(absorb)
        merged = replace(
            kept,
            aliases=_unique((*kept.aliases, gone.name, *gone.aliases)),
            descriptors=_unique(kept.descriptors + gone.descriptors),
        )
        del self._by_name[absorb]
        self._by_name[keep] = merged
        for key, name in list(self._index.items()):
            if name == absorb:
                self._index[key] = keep
        for names in self._surnames.values():
            if absorb in names:
                names.discard(absorb)
                names.add(keep)
        self._changed()
        return merged

    def copy(self) -> SourceRegistry:
        clone = SourceRegistry()
        clone._by_name = dict(self._by_name)
        clone._index = dict(self._index)
        clone._surnames = {k: set(v) for k, v in self._surnames.items()}
        return clone

    # ---------------------------------------------------------------------------- reading

    def sources(self) -> tuple[Source, ...]:
        """All sources, sorted by name."""
        return tuple(sorted(self._by_name.values(), key=lambda s: s.name.lower()))

    def get(self, name: str) -> Source | None:
        return self._by_name.get(name)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __len__(self) -> int:
        return len(self._by_name)

    def resolve(self, mention: str) -> Source | None:
        """The known source a mention names, or None. See the module docstring for the order."""
        if mention in self._cache:
            return self._cache[mention]
        found = self._resolve(mention)
        self._cache[mention] = found
        return found

    def canonicalise(self, mention: str) -> tuple[str, str | None, SourceKind]:
        """(name, descriptor, kind) of a mention: a known source, else a new canonical form."""
        found = self._canon_cache.get(mention)
        if found is None:
            found = canonicalise(mention, self)
            self._canon_cache[mention] = found
        return found

    # ---------------------------------------------------------------------------- internals

    def _require(self, name: str) -> Source:
        source = self._by_name.get(name) or self.resolve(name)
        if source is None:
            raise KeyError(name)
        return source

    def _changed(self) -> None:
        self._fuzzy_keys = None
        self._cache.clear()
        self._canon_cache.clear()

    def _lookup(self, key: str) -> Source | None:
        name = self._index.get(key)
        return self._by_name.get(name) if name is not None else None

    def _resolve(self, mention: str) -> Source | None:
        key = normalise(mention)
        if not key:
            return None
        found = self._lookup(key)
        if found is not None:
            return found
        words = _split_words(mention)
        # descriptors stripped: "Turkey's state-owned Anadolu news agency" -> "Anadolu"
        org_words, removed = _strip_org_descriptors(words)
        if removed and org_words:
            found = self._lookup(normalise(" ".join(org_words)))
            # "Syria monitor" is not the Syrian government: a stripped media or monitor noun
            # must not turn the mention into a state body
            stripped_nouns = {p for w in removed for p in normalise(w).split()}
            if found is not None and not (
                stripped_nouns & descriptor_words().org_suffix_words
                and found.kind is SourceKind.GOVERNMENT
                and len(org_words) == 1
            ):
                return found
        # titles stripped: "Turkish Foreign Minister Mevlut Cavusoglu", "Mr Lavrov"
        title, name = _split_title(_drop_determiners(words))
        if title and name:
            found = self._lookup(normalise(" ".join(name)))
            if found is not None:
                return found
        name_key = normalise(" ".join(name)) if name else key
        # a bare surname: only when exactly one known person has it
        if name_key and " " not in name_key:
            people = self._surnames.get(name_key, set())
            if len(people) == 1:
                return self._by_name.get(next(iter(people)))
            return None
        return self._fuzzy(name_key, person_hint=bool(title) or _looks_like_name(name))

    def _fuzzy(self, key: str, person_hint: bool) -> Source | None:
        if len(key) < 5:
            return None
        if self._fuzzy_keys is None:
            self._fuzzy_keys = sorted(self._index)
        best = process.extractOne(
            key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=min(_ORG_CUTOFF, _PERSON_CUTOFF)
        )
        if best is None:
            return None
        alias, score, _ = best
        source = self._lookup(alias)
        if source is None:
            return None
        if source.is_person:
            mine, theirs = key.split(), alias.split()
            if len(mine) < 2 or len(theirs) < 2 or mine[-1] != theirs[-1]:
                return None  # never merge two people on a look-alike surname
            if fuzz.ratio(mine[0], theirs[0]) < _FIRST_NAME_CUTOFF:
                return None
            return source
        if person_hint and " " in key and not _has_org_word(key.split()):
            return None
        return source if score >= _ORG_CUTOFF else None


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item not in seen:
            seen[item] = None
    return tuple(seen)


def canonicalise(
    mention: str, registry: SourceRegistry | None = None
) -> tuple[str, str | None, SourceKind]:
    """(canonical name, descriptor, kind) of a source mention.

    "Turkey's state-owned Anadolu news agency" -> ("Anadolu", "Turkey's state-owned news agency",
    NEWS_AGENCY); "Turkish Foreign Minister Mevlut Cavusoglu" -> ("Mevlut Cavusoglu", "Turkish
    Foreign Minister", OFFICIAL); "a rebel military source" -> ("rebel military source", None,
    UNNAMED).
    """
    words = _drop_determiners(_split_words(mention))
    if not words:
        return "", None, SourceKind.OTHER
    if registry is not None:
        known = registry.resolve(mention)
        if known is not None:
            return known.name, _descriptor_of(words, known), known.kind
    # people: titles then a name
    title, name = _split_title(words)
    tail = _person_tail(words, registry)
    if tail is not None:
        title, name = words[: len(words) - len(tail)], tail
    if (
        name
        and _looks_like_name(name)
        and not _has_org_word(name)
        and title
        and (_has_person_title(title) or len(name) >= 2 or tail is not None)
    ):
        if registry is not None:
            known = registry.resolve(" ".join(name))
            if known is not None and known.is_person:
                return known.name, " ".join(title), known.kind
        return " ".join(name), " ".join(title), SourceKind.OFFICIAL
    # unnamed: lower-case head ("a rebel military source", "witnesses", "state media")
    d = descriptor_words()
    names = [
        w
        for w in words
        if any(ch.isupper() for ch in w)
        and not set(normalise(w).split()) <= d.leading
        and not _HYPHEN_MODIFIER.match(w)
    ]
    if not any(ch.isupper() for ch in words[-1]) and not names:
        return _unnamed_name(words), None, generic_words().institution_kind(words)
    # organisations: strip front and back descriptors
    org, removed = _strip_org_descriptors(words)
    if not org or normalise(org[0]) in ("for", "of", "and", "on", "the"):
        # "Syrian Center for Policy Research" is one name, not "for Policy Research"
        org, removed = words, []
    name_text = " ".join(
        _POSSESSIVE.sub("", w) if i == len(org) - 1 else w for i, w in enumerate(org)
    )
    if generic_words().names_people(words):
        # "Aleppo residents", "a source at Aleppo Police Command": people described, unnamed
        return name_text, " ".join(removed) or None, SourceKind.UNNAMED
    kind = _org_kind(words)
    if (
        kind is SourceKind.OTHER
        and len(org) >= 2
        and _looks_like_name(org)
        and not _has_org_word(org)
    ):
        return name_text, " ".join(removed) or None, SourceKind.OFFICIAL
    return name_text, " ".join(removed) or None, kind


def _person_tail(words: list[str], registry: SourceRegistry | None) -> list[str] | None:
    """The name at the end of "Daraa Health Directorate Abdel Wadoud al-Homsi" (after an org).

    Also "the Syrian Network for Human Rights Fadel Abdul Ghani", where the front is a known
    organisation. None when the mention does not end in a name of two words or more.
    """
    n = len(words)
    k = n
    while k > 0 and (
        _is_capitalised(words[k - 1]) or words[k - 1].lower().startswith(("al-", "el-"))
    ) and not _has_org_word([words[k - 1]]) and normalise(words[k - 1]) not in (
        descriptor_words().titles | descriptor_words().demonyms
    ):  # fmt: skip
        k -= 1
    d = descriptor_words()
    for cut in range(max(k, 1), n - 1):
        front = words[:cut]
        last = normalise(front[-1])
        if last in ("for", "of", "the", "and") or not _looks_like_name(words[cut:]):
            continue
        if (
            _has_org_word(front[-1:])
            or (cut == k and last in d.titles)
            or (
                registry is not None
                and (found := registry.resolve(" ".join(front))) is not None
                and not found.is_person
            )
        ):
            return words[cut:]
    return None


def _descriptor_of(words: list[str], known: Source) -> str | None:
    name_keys = set(normalise(known.name).split())
    for alias in known.aliases:
        name_keys.update(normalise(alias).split())
    rest = [w for w in words if normalise(w) and not set(normalise(w).split()) <= name_keys]
    return " ".join(rest) or None


def _source_from_toml(entry: Mapping[str, Any]) -> Source:
    return Source(
        name=str(entry["name"]),
        kind=SourceKind(entry.get("kind", "other")),
        aliases=tuple(str(a) for a in entry.get("aliases", ())),
        descriptors=tuple(str(d) for d in entry.get("descriptors", ())),
        country=entry.get("country"),
        is_person=bool(entry.get("is_person", False)),
    )


@lru_cache(maxsize=1)
def _builtin_sources() -> tuple[Source, ...]:
    return tuple(_source_from_toml(e) for e in _load_toml("sources.toml").get("source", ()))


def default_registry() -> SourceRegistry:
    """A fresh registry seeded with the built-in sources of ``rules/sources.toml``."""
    return SourceRegistry(_builtin_sources())
