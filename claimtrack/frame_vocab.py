"""The vocabulary of event framing and toll comparison, loaded and checked from
``claimtrack/rules/frame.toml``.

The file holds the plain word lists and word tables of ``frame.py`` (event trigger words by
event, the pairs that make an event, count nouns, units, thing nouns, vague counts, qualifiers,
what a count noun tells of a toll, targets, words that are no place) and of ``conflicts.py``
(the group of people a count noun counts, "al-" names that are no place).
Patterns stay in code, next to the rule that uses them.

``load_frame_vocab(folder)`` reads ``frame.toml`` from a folder (the packaged
``claimtrack/rules`` by default) and checks it: an unknown key, a value of the wrong type, an
unknown event or role raises ``RulesError`` naming the file and the key. ``frame.py`` and
``conflicts.py`` bind their module-level names (``_EVENT_WORDS``, ``_COUNT_NOUNS`` ...) once to
the packaged vocabulary: they sit on the hot path.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from claimtrack.errors import RulesError

__all__ = [
    "EVENTS",
    "FRAME_FILE",
    "QUALIFIERS",
    "ROLES",
    "FrameVocab",
    "default_frame_vocab",
    "load_frame_vocab",
]

FRAME_FILE = "frame.toml"

# the canonical events the rules know (frame.py gives each its family and tests some by name)
EVENTS = frozenset(
    {"kill", "injure", "shoot_down", "strike", "air_strike", "intercept", "shell", "bomb"}
    | {"chemical", "flee", "capture", "attack", "clash", "shoot", "arrest"}
)
# what a count can count (Quantity.role)
ROLES = frozenset({"dead", "injured", "casualties", "displaced"})
# what a word before a number can say of it (Quantity.qualifier)
QUALIFIERS = frozenset({"at_least", "more_than", "about", "up_to"})


@dataclass(frozen=True)
class FrameVocab:
    """Every word list of ``frame.toml``; each field is read from the key of the same name,
    except ``events`` (from ``[events]``: event -> words, here word -> event)."""

    count_nouns: frozenset[str]
    non_count: frozenset[str]
    thing_nouns: frozenset[str]
    vague_after_participle: frozenset[str]
    pair_only: frozenset[str]
    not_places: frozenset[str]
    not_al_places: frozenset[str]
    events: dict[str, str]  # trigger word -> event
    event_pairs: dict[tuple[str, str], str]  # ("shot", "down") -> "shoot_down"
    vague: dict[str, tuple[int, int, int]]  # "dozens" -> (value, low, high)
    qualifiers: dict[str, str]  # "at least" -> "at_least"
    noun_role: dict[str, str]  # "deaths" -> "dead"
    targets: dict[str, str]  # "warplane" -> "aircraft"
    noun_class: dict[str, str]  # "soldiers" -> "troops"


_LISTS = (
    "count_nouns",
    "non_count",
    "thing_nouns",
    "vague_after_participle",
    "not_places",
    "not_al_places",
    "pair_only",
)
_TABLES = ("events", "event_pairs", "vague", "qualifiers", "noun_role", "targets", "noun_class")


def _fail(key: str, why: str) -> RulesError:
    return RulesError(f"{FRAME_FILE}: {key}: {why}")


def _word(key: str, w: object) -> str:
    if not isinstance(w, str) or not w.strip():
        raise _fail(key, "must be a list of words (non-empty strings)")
    if w != w.lower():
        raise _fail(key, f"words are matched in lower case: {w!r}")
    return w


def _words(key: str, value: object) -> list[str]:
    if not isinstance(value, list):
        raise _fail(key, "must be a list of words (non-empty strings)")
    return [_word(key, w) for w in value]


def _table(key: str, value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(key, "must be a table")
    return value


def _word_table(key: str, value: object, allowed: frozenset[str] | None = None) -> dict[str, str]:
    """A table of word = word (each value one of ``allowed`` when given)."""
    out: dict[str, str] = {}
    for w, v in _table(f"[{key}]", value).items():
        where = f"[{key}] {w}"
        _word(where, w)
        if not isinstance(v, str) or not v.strip():
            raise _fail(where, "must be a word (a non-empty string)")
        if allowed is not None and v not in allowed:
            raise _fail(where, f"{v!r} is not one of {', '.join(sorted(allowed))}")
        out[w] = v
    return out


def _events(value: object) -> dict[str, str]:
    out: dict[str, str] = {}
    for event, words in _table("[events]", value).items():
        where = f"[events] {event}"
        if event not in EVENTS:
            raise _fail(where, f"unknown event ({', '.join(sorted(EVENTS))})")
        for w in _words(where, words):
            other = out.get(w)
            if other is not None and other != event:
                raise _fail(where, f"{w!r} is listed under {other} too")
            out[w] = event
    return out


def _pairs(value: object) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for pair, event in _word_table("event_pairs", value, EVENTS).items():
        words = pair.split()
        if len(words) != 2:
            raise _fail(f"[event_pairs] {pair}", 'two words each ("shot down")')
        out[(words[0], words[1])] = event
    return out


def _vague(value: object) -> dict[str, tuple[int, int, int]]:
    out: dict[str, tuple[int, int, int]] = {}
    for w, v in _table("[vague]", value).items():
        where = f"[vague] {w}"
        _word(where, w)
        if not (
            isinstance(v, list)
            and len(v) == 3
            and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in v)
            and v[1] <= v[0] <= v[2]
        ):
            raise _fail(where, "must be [value, lowest, highest]: whole numbers, lowest first")
        out[w] = (v[0], v[1], v[2])
    return out


def parse_frame_vocab(data: dict[str, Any]) -> FrameVocab:
    """A ``FrameVocab`` from the contents of ``frame.toml`` (checked)."""
    for key in data:
        if key not in _LISTS and key not in _TABLES:
            raise _fail(key, f"unknown key ({', '.join(_LISTS + _TABLES)})")
    missing = [key for key in _LISTS + _TABLES if key not in data]
    if missing:
        raise _fail(missing[0] if missing[0] in _LISTS else f"[{missing[0]}]", "missing")
    lists = {key: frozenset(_words(key, data[key])) for key in _LISTS}
    return FrameVocab(
        **lists,
        events=_events(data["events"]),
        event_pairs=_pairs(data["event_pairs"]),
        vague=_vague(data["vague"]),
        qualifiers=_word_table("qualifiers", data["qualifiers"], QUALIFIERS),
        noun_role=_word_table("noun_role", data["noun_role"], ROLES),
        targets=_word_table("targets", data["targets"]),
        noun_class=_word_table("noun_class", data["noun_class"]),
    )


def load_frame_vocab(folder: Path | Traversable | None = None) -> FrameVocab:
    """The vocabulary of ``frame.toml`` in ``folder`` (by default the packaged
    ``claimtrack/rules``); raises ``RulesError`` where it is not valid."""
    where = folder if folder is not None else resources.files("claimtrack.rules")
    try:
        data = tomllib.loads(where.joinpath(FRAME_FILE).read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise _fail("(file)", f"not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _fail("(file)", f"cannot be read: {exc}") from None
    return parse_frame_vocab(data)


@lru_cache(maxsize=1)
def default_frame_vocab() -> FrameVocab:
    """The packaged vocabulary, loaded once."""
    return load_frame_vocab()
