"""The attribution vocabulary: a ``Lexicon`` loaded and validated from ``claimtrack/rules``.

Two files make it, both meant to be edited by users:

- ``cues.toml``: the reporting cues ("said", "according to", "in a statement", "citing"), by
  class, each class with its properties (``weak``, ``tail_only``, ``belief``);
- ``attribution.toml``: every other word list the rules consult (determiners, role nouns,
  modifiers, name particles, split markers ...), in three tables: ``tokens`` (the token and
  noun-phrase layer), ``sources`` (what heads a source and how it resolves) and ``cues`` (words
  around a cue).

``load_lexicon(folder)`` reads both from a folder (the packaged ``claimtrack/rules`` by default)
and checks them: an unknown table or key, a value of the wrong type, or a cue form that is weak
in one class and strong in another raises ``LexiconError`` naming the file and the key.

The rules read the word lists through the module-level names below (``_DETS``,
``_SOURCE_NOUNS`` ...), bound once to the packaged lexicon: they sit on the hot path, read
hundreds of thousands of times per corpus. The cue vocabulary is per call: ``attribute(...,
lexicon=...)`` runs the rules with another ``Lexicon``'s cues.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from claimtrack.errors import RulesError
from claimtrack.model import SourceKind
from claimtrack.sources import generic_words

CUES_FILE = "cues.toml"
WORDS_FILE = "attribution.toml"


class LexiconError(RulesError, ValueError):
    """A rules file that does not say what the lexicon needs; the message names file and key."""

    def __init__(self, file: str, key: str, why: str) -> None:
        super().__init__(f"{file}: {key}: {why}")
        self.file = file
        self.key = key


# the table of attribution.toml each word-list field is read from
_TOKENS = {"table": "tokens"}
_SOURCES = {"table": "sources"}
_CUES = {"table": "cues"}


@dataclass(frozen=True)
class Lexicon:
    """Every word list the attribution rules use. The first fields come from ``cues.toml``, the
    others each from the key of the same name in ``attribution.toml``."""

    # cues.toml
    forms: frozenset[str]  # every cue form, lower case
    cue_re: re.Pattern[str]  # any cue form, as a word
    weak: frozenset[str]  # forms that need a speaking subject (classes with weak = true)
    tail_only: frozenset[str]  # forms that are cues only at the end of a sentence
    belief: frozenset[str]  # beliefs and intentions ("thinks", "hopes")
    according_re: re.Pattern[str]  # [nonverbal] according_to
    statement_re: re.Pattern[str]  # [nonverbal] statement
    citing: frozenset[str]  # [nonverbal] relay_before_source
    relay_after: frozenset[tuple[str, str]]  # [nonverbal] relay_after_source, as word pairs
    passive_guards: frozenset[str]  # [passive_guards] words
    # attribution.toml
    # [tokens]
    dets: frozenset[str] = field(metadata=_TOKENS)
    poss_pron: frozenset[str] = field(metadata=_TOKENS)
    pronouns: frozenset[str] = field(metadata=_TOKENS)
    prepositions: frozenset[str] = field(metadata=_TOKENS)
    cap_stop: frozenset[str] = field(metadata=_TOKENS)
    furniture: frozenset[str] = field(metadata=_TOKENS)
    name_particles: frozenset[str] = field(metadata=_TOKENS)
    name_connectors: frozenset[str] = field(metadata=_TOKENS)
    days: frozenset[str] = field(metadata=_TOKENS)
    base_forms: frozenset[str] = field(metadata=_TOKENS)
    irregular_participles: frozenset[str] = field(metadata=_TOKENS)
    ly_nouns: frozenset[str] = field(metadata=_TOKENS)
    skip_before_cue: frozenset[str] = field(metadata=_TOKENS)
    sentence_adverbs: frozenset[str] = field(metadata=_TOKENS)
    when_words: frozenset[str] = field(metadata=_TOKENS)
    name_closers: frozenset[str] = field(metadata=_TOKENS)
    coord: frozenset[str] = field(metadata=_TOKENS)
    relative: frozenset[str] = field(metadata=_TOKENS)
    subordinators: frozenset[str] = field(metadata=_TOKENS)
    modifier_openers: frozenset[str] = field(metadata=_TOKENS)
    contracted: dict[str, str] = field(metadata=_TOKENS)
    # [sources]
    source_nouns: frozenset[str] = field(metadata=_SOURCES)
    modifiers: frozenset[str] = field(metadata=_SOURCES)
    appositive_roles: frozenset[str] = field(metadata=_SOURCES)
    doc_nouns: frozenset[str] = field(metadata=_SOURCES)
    back_nouns: frozenset[str] = field(metadata=_SOURCES)
    documents: frozenset[str] = field(metadata=_SOURCES)
    owned_heads: frozenset[str] = field(metadata=_SOURCES)
    person_roles: frozenset[str] = field(metadata=_SOURCES)
    linked: frozenset[str] = field(metadata=_SOURCES)
    org_heads: frozenset[str] = field(metadata=_SOURCES)
    singular_human: frozenset[str] = field(metadata=_SOURCES)
    unnamed_drop: frozenset[str] = field(metadata=_SOURCES)
    speaking_bodies: frozenset[str] = field(metadata=_SOURCES)
    footage: frozenset[str] = field(metadata=_SOURCES)
    owned_parties: frozenset[str] = field(metadata=_SOURCES)
    candidate_roles: frozenset[str] = field(metadata=_SOURCES)
    polled: frozenset[str] = field(metadata=_SOURCES)
    governs: frozenset[str] = field(metadata=_SOURCES)
    outlet_kinds: frozenset[SourceKind] = field(metadata=_SOURCES)
    role_kinds: dict[str, frozenset[SourceKind]] = field(metadata=_SOURCES)
    country_demonym: dict[str, str] = field(metadata=_SOURCES)
    capitals: dict[str, str] = field(metadata=_SOURCES)
    # [cues]
    as_cues: frozenset[str] = field(metadata=_CUES)
    as_saying_verbs: frozenset[str] = field(metadata=_CUES)
    relay_by: frozenset[str] = field(metadata=_CUES)
    invertible: frozenset[str] = field(metadata=_CUES)
    clause_cues: frozenset[str] = field(metadata=_CUES)
    denials: frozenset[str] = field(metadata=_CUES)
    accusing: frozenset[str] = field(metadata=_CUES)
    passive_by_cues: frozenset[str] = field(metadata=_CUES)
    headline_verbs: frozenset[str] = field(metadata=_CUES)
    split_markers: frozenset[str] = field(metadata=_CUES)
    colon_stop: frozenset[str] = field(metadata=_CUES)
    not_first_person: frozenset[SourceKind] = field(metadata=_CUES)


def _alternation(forms: Sequence[str]) -> str:
    """One regex for many forms, as a trie ("add(?:ed|s)?..."): the engine tries a shared prefix
    once instead of every form in turn (the cue list has some 300 forms), and a longer form
    before a shorter one, as an alternation ordered by length would."""
    trie: dict[str, Any] = {}
    for form in {f.strip().lower() for f in forms if f.strip()}:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + build(node[ch]) for ch in sorted(node) if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


_CUE_CLASS_KEYS = {"forms": list, "weak": bool, "tail_only": bool, "belief": bool}
_NONVERBAL_KEYS = ("according_to", "statement", "relay_before_source", "relay_after_source")


def _read(folder: Path | Traversable, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(folder.joinpath(name).read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(name, "(file)", f"not valid TOML: {exc}") from None
    except OSError as exc:
        raise LexiconError(name, "(file)", f"cannot be read: {exc}") from None


def _words(file: str, key: str, value: object) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise LexiconError(file, key, "must be a list of words (non-empty strings)")
    return value


def _table(file: str, key: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise LexiconError(file, key, "must be a table")
    return value


def _pattern(forms: Sequence[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + _alternation(forms) + r")(?![\w-])", flags)


def _cue_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The cue fields of a ``Lexicon`` from the contents of ``cues.toml``."""
    f = CUES_FILE
    strong: dict[str, str] = {}  # form -> the class that lists it as strong
    weak: dict[str, str] = {}
    tail_only: set[str] = set()
    belief: set[str] = set()
    for name, section in data.items():
        section = _table(f, f"[{name}]", section)
        if name in ("nonverbal", "passive_guards"):
            continue
        for key, value in section.items():
            want = _CUE_CLASS_KEYS.get(key)
            if want is None:
                raise LexiconError(
                    f, f"[{name}] {key}", "unknown key (forms, weak, tail_only, belief)"
                )
            if not isinstance(value, want):
                raise LexiconError(f, f"[{name}] {key}", f"must be {want.__name__}")
        if "forms" not in section:
            raise LexiconError(f, f"[{name}]", "a cue class needs forms = [...]")
        forms = [w.lower() for w in _words(f, f"[{name}] forms", section["forms"])]
        is_weak = section.get("weak", False)
        for form in forms:
            other = (strong if is_weak else weak).get(form)
            if other is not None:
                raise LexiconError(
                    f,
                    f"[{name}] forms",
                    f"{form!r} is {'weak' if is_weak else 'strong'} here "
                    f"but {'strong' if is_weak else 'weak'} in [{other}]",
                )
            (weak if is_weak else strong).setdefault(form, name)
        if section.get("tail_only", False):
            tail_only.update(forms)
        if section.get("belief", False):
            belief.update(forms)
    nonverbal = _table(f, "[nonverbal]", data.get("nonverbal", {}))
    for key in nonverbal:
        if key not in _NONVERBAL_KEYS:
            raise LexiconError(
                f, f"[nonverbal] {key}", f"unknown key ({', '.join(_NONVERBAL_KEYS)})"
            )
    lists = {
        key: _words(f, f"[nonverbal] {key}", nonverbal.get(key, [])) for key in _NONVERBAL_KEYS
    }
    pairs = []
    for phrase in lists["relay_after_source"]:
        words = phrase.lower().split()
        if len(words) != 2:
            raise LexiconError(
                f, "[nonverbal] relay_after_source", f'{phrase!r}: two words each ("carried by")'
            )
        pairs.append((words[0], words[1]))
    guards = _table(f, "[passive_guards]", data.get("passive_guards", {}))
    for key in guards:
        if key != "words":
            raise LexiconError(f, f"[passive_guards] {key}", "unknown key (words)")
    every = set(strong) | set(weak)
    return {
        "forms": frozenset(every),
        "cue_re": re.compile(r"(?<![\w\-’'])(?:" + _alternation(sorted(every)) + r")(?![\w\-])"),
        "weak": frozenset(weak),
        "tail_only": frozenset(tail_only),
        "belief": frozenset(belief),
        "according_re": _pattern(lists["according_to"], re.IGNORECASE),
        "statement_re": _pattern(lists["statement"], re.IGNORECASE),
        "citing": frozenset(w.lower() for w in lists["relay_before_source"]),
        "relay_after": frozenset(pairs),
        "passive_guards": frozenset(
            w.lower() for w in _words(f, "[passive_guards] words", guards.get("words", []))
        ),
    }


def _kinds(file: str, key: str, value: object) -> frozenset[SourceKind]:
    known = {k.value for k in SourceKind}
    words = _words(file, key, value)
    for kind in words:
        if kind not in known:
            raise LexiconError(
                file, key, f"{kind!r} is no source kind ({', '.join(sorted(known))})"
            )
    return frozenset(SourceKind(k) for k in words)


def _word_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The word-list fields of a ``Lexicon`` from the contents of ``attribution.toml``."""
    f = WORDS_FILE
    wanted = {x.name: x for x in fields(Lexicon) if "table" in x.metadata}
    tables = {str(x.metadata["table"]) for x in wanted.values()}
    out: dict[str, Any] = {}
    for table, section in data.items():
        if table not in tables:
            raise LexiconError(f, f"[{table}]", f"unknown table ({', '.join(sorted(tables))})")
        for key, value in _table(f, f"[{table}]", section).items():
            spec = wanted.get(key)
            where = f"[{table}] {key}"
            if spec is None or spec.metadata["table"] != table:
                raise LexiconError(f, where, "unknown key")
            kind = str(spec.type)
            if kind == "frozenset[str]":
                words = _words(f, where, value)
                upper = [w for w in words if w != w.lower()]
                if upper:
                    raise LexiconError(f, where, f"words are matched in lower case: {upper[0]!r}")
                out[key] = frozenset(words)
            elif kind == "frozenset[SourceKind]":
                out[key] = _kinds(f, where, value)
            elif kind == "dict[str, str]":
                table_value = _table(f, where, value)
                if not all(isinstance(v, str) for v in table_value.values()):
                    raise LexiconError(f, where, "must map words to words")
                out[key] = dict(table_value)
            else:  # dict[str, frozenset[SourceKind]]
                out[key] = {
                    w: _kinds(f, f"{where}.{w}", v) for w, v in _table(f, where, value).items()
                }
    missing = sorted(set(wanted) - set(out))
    if missing:
        raise LexiconError(f, f"[{wanted[missing[0]].metadata['table']}] {missing[0]}", "missing")
    return out


def load_lexicon(folder: Path | Traversable | None = None) -> Lexicon:
    """The lexicon of ``cues.toml`` and ``attribution.toml`` in ``folder`` (by default the
    packaged ``claimtrack/rules``); raises ``LexiconError`` where they are not valid."""
    where = folder if folder is not None else resources.files("claimtrack.rules")
    return Lexicon(**_cue_fields(_read(where, CUES_FILE)), **_word_fields(_read(where, WORDS_FILE)))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once."""
    return load_lexicon()


# The word lists as the rules read them (see the module docstring).
_LEX = default_lexicon()
_DETS = _LEX.dets
_POSS_PRON = _LEX.poss_pron
_PRONOUNS = _LEX.pronouns
_PREPOSITIONS = _LEX.prepositions
_CAP_STOP = _LEX.cap_stop
_FURNITURE = _LEX.furniture
_DAYS = _LEX.days
_BASE_FORMS = _LEX.base_forms
_IRREGULAR_PARTICIPLES = _LEX.irregular_participles
_LY_NOUNS = _LEX.ly_nouns
_SKIP_BEFORE_CUE = _LEX.skip_before_cue
_SENTENCE_ADVERBS = _LEX.sentence_adverbs
_WHEN_WORDS = _LEX.when_words
_NAME_CLOSERS = _LEX.name_closers
_COORD = _LEX.coord
_RELATIVE = _LEX.relative
_SUBORDINATORS = _LEX.subordinators
_MODIFIER_OPENERS = _LEX.modifier_openers
_CONTRACTED = _LEX.contracted
_MODIFIERS = _LEX.modifiers
_APPOSITIVE_ROLES = _LEX.appositive_roles
_DOC_NOUNS = _LEX.doc_nouns
_BACK_NOUNS = _LEX.back_nouns
_DOCUMENTS = _LEX.documents
_OWNED_HEADS = _LEX.owned_heads
_PERSON_ROLES = _LEX.person_roles
_LINKED = _LEX.linked
_ORG_HEADS = _LEX.org_heads
_SINGULAR_HUMAN = _LEX.singular_human
_UNNAMED_DROP = _LEX.unnamed_drop
_SPEAKING_BODIES = _LEX.speaking_bodies
_FOOTAGE = _LEX.footage
_OWNED_PARTIES = _LEX.owned_parties
_CANDIDATE_ROLES = _LEX.candidate_roles
_POLLED = _LEX.polled
_GOVERNS = _LEX.governs
_OUTLET_KINDS = _LEX.outlet_kinds
_ROLE_KINDS = _LEX.role_kinds
_COUNTRY_DEMONYM = _LEX.country_demonym
_CAPITALS = _LEX.capitals
_AS_CUES = _LEX.as_cues
_AS_SAYING_VERBS = _LEX.as_saying_verbs
_RELAY_BY = _LEX.relay_by
_INVERTIBLE = _LEX.invertible
_CLAUSE_CUES = _LEX.clause_cues
_DENIALS = _LEX.denials
_ACCUSING = _LEX.accusing
_PASSIVE_BY_CUES = _LEX.passive_by_cues
_HEADLINE_VERBS = _LEX.headline_verbs
_SPLIT_MARKERS = _LEX.split_markers
_COLON_STOP = _LEX.colon_stop
_NOT_FIRST_PERSON = _LEX.not_first_person
# documents that speak for their makers ("the poll found", "jail records show") head a source
_SOURCE_NOUNS = _LEX.source_nouns | generic_words().documents
# attribution lets organisation-name connectors through a name too ("Observatory for Human
# Rights"); the registry's person-name test (sources.py) takes the particles alone
_NAME_PARTICLES = _LEX.name_particles | _LEX.name_connectors
# unions some rules test per token, made once
_ADVERBS_OR_COMMA = _SENTENCE_ADVERBS | {","}
_RELAY_BY_OR_POSTED = _RELAY_BY | {"posted"}
