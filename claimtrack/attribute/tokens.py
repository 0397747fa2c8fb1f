"""The token and noun-phrase layer: ``_Tok``, the tokenizer, and the noun-phrase chunker
(``_np_before`` / ``_np_after`` of a cue) with its helpers."""

from __future__ import annotations

import re

from claimtrack.attribute.lexicon import (
    _APPOSITIVE_ROLES,
    _BASE_FORMS,
    _CAP_STOP,
    _CONTRACTED,
    _COUNTRY_DEMONYM,
    _DAYS,
    _DETS,
    _FURNITURE,
    _HEADLINE_VERBS,
    _LY_NOUNS,
    _MODIFIERS,
    _NAME_CLOSERS,
    _NAME_PARTICLES,
    _ORG_HEADS,
    _PERSON_ROLES,
    _POSS_PRON,
    _PRONOUNS,
    _SKIP_BEFORE_CUE,
    _SOURCE_NOUNS,
)
from claimtrack.attribute.patterns import _MODIFIER_SUFFIX
from claimtrack.sources import (
    descriptor_words,
)

_TOKEN_PARTS = (
    r"(?:[A-Z]\.){2,}(?:-\w+)*",  # U.S., U.N., U.S.-backed
    r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Sgt|Capt|Brig|Sen|Rep|Gov|Prof|St|Jr|Adm)\.(?=\s)",
    r"\w+(?:[\-'’.&/]\w+)*(?:['’](?!\w))?",  # "CNN/ORC", "Reuters/Ipsos"
    r"[^\w\s]",
)
_TOKEN = re.compile("|".join(_TOKEN_PARTS))
# with an initial as one token ("J. Ann Selzer"); used only for claims that have one
_TOKEN_INITIALS = re.compile(
    "|".join((*_TOKEN_PARTS[:2], r"[A-Z]\.(?= [A-Z][a-z])", *_TOKEN_PARTS[2:]))
)
_INITIAL = re.compile(r"(?<![\w.])[A-Z]\. [A-Z][a-z]")


class _Tok:
    """One token of a claim, with what the rules ask of it computed once (plain slots: the
    rules read these properties hundreds of thousands of times per corpus)."""

    __slots__ = ("bare", "end", "is_cap", "is_word", "low", "possessive", "start", "text")

    def __init__(self, text: str, low: str, start: int, end: int) -> None:
        self.text = text
        self.low = low
        self.start = start  # offset into the claim's text
        self.end = end
        first = text[0]
        self.is_word = first.isalnum()
        if first.isupper():
            self.is_cap = low not in _CAP_STOP
        else:  # "al-Homsi", "el-Dorar"
            self.is_cap = len(text) > 3 and low[:3] in ("al-", "el-") and text[3].isupper()
        if "'" in low or "’" in low:
            if low.replace("’", "'") in _CONTRACTED:
                low = self.low = _CONTRACTED[low.replace("’", "'")]  # "He's saying" -> he
            self.bare = _strip_possessive(low)
            self.possessive = low.endswith(("'s", "’s", "s'", "s’"))
        else:  # most tokens (and every one of a corpus that strips apostrophes)
            self.bare = low
            self.possessive = False

    def __repr__(self) -> str:
        return f"_Tok({self.text!r}, {self.start}, {self.end})"


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    if word.endswith(("s'", "s’")):
        return word[:-1]
    return word


def _tokens(text: str) -> list[_Tok]:
    pattern = _TOKEN_INITIALS if ". " in text and _INITIAL.search(text) else _TOKEN
    toks = [
        _Tok(word, word.lower(), m.start(), m.end())
        for m in pattern.finditer(text)
        for word in (m.group(),)
    ]
    # a sentence-initial common noun is not a name: "Activists in Deir Ezzor said"
    for n, t in enumerate(toks[:3]):
        if t.is_word:
            if t.text[0].isupper() and not t.text.isupper() and (
                t.bare in _SOURCE_NOUNS or t.bare in _MODIFIERS
            ):  # fmt: skip
                toks[n] = _Tok(t.text[0].lower() + t.text[1:], t.low, t.start, t.end)
            break
    return toks


def _is_mod(tok: _Tok) -> bool:
    return tok.bare in _MODIFIERS or bool(_MODIFIER_SUFFIX.match(tok.low))


def _is_head(tok: _Tok) -> bool:
    return tok.is_word and (tok.is_cap or tok.bare in _SOURCE_NOUNS)


def _is_participle(tok: _Tok) -> bool:
    return (
        tok.is_word
        and not tok.text[0].isupper()
        and (tok.low.endswith("ing") or tok.low.endswith("ed"))
        and tok.low not in ("during", "including", "according", "regarding", "concerning")
    )


def _country_possessive(tok: _Tok) -> bool:
    """ "Syrias", "Turkeys": a country's possessive with its apostrophe stripped."""
    return tok.text.endswith("s") and tok.text[:-1] in _COUNTRY_DEMONYM


def _rule_at(toks: list[_Tok], i: int) -> str:
    return "tail-cue" if _is_tail(toks, i) else "subject-cue"


def _index_after(toks: list[_Tok], pos: int) -> int:
    for n, t in enumerate(toks):
        if t.start >= pos:
            return n
    return len(toks)


def _is_adverb(tok: _Tok) -> bool:
    return (
        tok.is_word
        and not tok.text[0].isupper()
        and len(tok.low) > 4
        and tok.low.endswith("ly")
        and tok.low not in _LY_NOUNS
    )


def _skip_back(toks: list[_Tok], j: int, cue: str) -> int:
    """Step back over adverbs, auxiliaries and "in a statement" between a subject and its cue."""
    while j >= 0:
        low = toks[j].low
        if low in _SKIP_BEFORE_CUE and not (low in ("also",) and j == 0):
            j -= 1
            continue
        if _is_adverb(toks[j]) and j > 0:
            j -= 1  # "The Syrian Coalition strongly condemned", "Moscow flatly denied"
            continue
        if low == "to" and cue in _BASE_FORMS:
            j -= 1
            continue
        if low in ("not", "n't") and j >= 1 and toks[j - 1].low in ("did", "does", "do"):
            j -= 2
            continue
        if low in _DAYS and j >= 1 and toks[j - 1].low in ("on", "late", "early", "last", "this"):
            j -= 2
            continue
        if low == "statement" and j >= 2 and toks[j - 1].low == "a" and toks[j - 2].low == "in":
            j -= 3
            continue
        if (
            low == ","
            and j >= 5
            and toks[j - 1].low == "statement"
            and toks[j - 3].low == "in"
            and toks[j - 4].text == ","
        ):
            j -= 5  # "The Trump campaign, in a statement, called on ..."
            continue
        break
    return j


def _closes_name(toks: list[_Tok], j: int) -> bool:
    """A capitalised common word (or "rights") closing a name: "Human Rights Watch", "Siege
    Watch", "Syrian Observatory for Human rights"."""
    t = toks[j]
    return t.low in _NAME_CLOSERS and j > 0 and toks[j - 1].is_cap


def _np_before(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """The noun phrase ending at token ``j`` (indices, inclusive), scanning right to left."""
    if j < 0 or j >= len(toks):
        return None
    t = toks[j]
    if t.low in _PRONOUNS:
        return (j, j)
    # a capitalised common word closing a name: "Human Rights Watch", "Airwars Monitor"
    closes_name = _closes_name(toks, j)
    if not _is_head(t) and not closes_name:
        return None

    i = j
    saw_cap = t.is_cap
    while i - 1 >= 0:
        p = toks[i - 1]
        if not p.is_word:
            break
        if p.low in _DETS or p.low in _POSS_PRON:
            i -= 1
            break
        if p.is_cap:
            if p.low in _HEADLINE_VERBS:
                break  # "... 30 Terrorist Killed Reports said": a headline run into the text
            if p.possessive and i - 2 >= 0 and toks[i - 2].is_cap and not toks[i - 2].possessive:
                i -= 1
                continue
            i -= 1
            saw_cap = True
            continue
        if p.bare in _SOURCE_NOUNS or _is_mod(p):
            if saw_cap and not toks[i].is_cap and p.bare not in _MODIFIERS:
                break
            i -= 1
            continue
        if p.low in _NAME_PARTICLES and i - 2 >= 0 and toks[i - 2].is_cap and toks[i].is_cap:
            if p.low == "and":
                break
            i -= 1
            continue
        if p.low == "and" and i - 2 >= 0:
            # "A rebel military source and witnesses"
            left = _np_before(toks, i - 2)
            if left is not None and not toks[i].is_cap and not toks[i - 2].is_cap:
                return (left[0], j)
            break
        break
    # "Tags Idlib Russia Syria Anti-government activists": drop the furniture word and the tag
    # list after it when the phrase ends in a common noun
    for k in range(j, i - 1, -1):
        if toks[k].is_word and toks[k].low in _FURNITURE and toks[k].text[0].isupper():
            i = k + 1
            if not toks[j].is_cap:
                while i < j and toks[i].is_cap and not _is_mod(toks[i]):
                    i += 1
            break
    if i > j:
        return None
    # all-modifier phrases ("the official") need a head noun or a name
    if all(not _is_head(x) for x in toks[i : j + 1]):
        return None
    return (i, j)


# numbers (not vocabulary a rule set would change): after a head they start the next phrase
_COUNT_WORDS = frozenset(
    {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "twenty", "thirty", "forty", "fifty", "dozens", "scores", "hundreds",
    }
)  # fmt: skip


def _np_after(toks: list[_Tok], k: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``k``, scanning left to right."""
    n = len(toks)
    if k >= n:
        return None
    i = k
    t = toks[i]
    if t.low in _PRONOUNS:
        return (i, i)
    if t.low in _DETS or t.low in _POSS_PRON:
        i += 1
    start_cap = i < n and toks[i].is_cap and toks[k].low not in _DETS
    last: int | None = None
    while i < n:
        t = toks[i]
        if not t.is_word:
            break
        if t.is_cap:
            if (
                start_cap
                and last is not None
                and t.low in descriptor_words().demonyms
                and i + 1 < n
                and toks[i + 1].is_word
                and not toks[i + 1].is_cap
            ):
                break  # "According to Konashenkov Russian military intelligence ..."
            last = i
            i += 1
            continue
        if start_cap and last is not None:
            if t.low in _NAME_PARTICLES and t.low != "and" and i + 1 < n and toks[i + 1].is_cap:
                i += 1
                continue
            if (t.bare in _PERSON_ROLES or t.bare in _APPOSITIVE_ROLES) and i + 1 < n and toks[
                i + 1
            ].is_cap:  # fmt: skip
                i += 1
                continue
            break
        if t.bare in _SOURCE_NOUNS:
            last = i
            i += 1
            continue
        if last is not None and (t.low.isdigit() or t.low in _COUNT_WORDS):
            break  # "According to the Al-Quds hospital four people died": a count opens a clause
        if _is_mod(t) and (last is None or (i + 1 < n and toks[i + 1].bare in _SOURCE_NOUNS)):
            i += 1
            continue
        if t.low in _NAME_PARTICLES and t.low != "and" and last is not None and i + 1 < n and (
            toks[i + 1].is_cap
        ):  # fmt: skip
            i += 1
            continue
        break
    if last is None:
        return None
    # "a source at Damascus Police Command", "officials in the Kurdish administration"
    if (
        toks[last].bare in ("source", "sources", "official", "officials")
        and last + 2 < n
        and toks[last + 1].low in ("at", "in", "within", "from")
        and toks[last + 2].is_word
    ):
        tail = _np_after(toks, last + 2)
        if tail is not None and any(t.bare in _ORG_HEADS for t in toks[tail[0] : tail[1] + 1]):
            return (k, tail[1])
    return (k, last)


def _is_tail(toks: list[_Tok], i: int) -> bool:
    """True when a cue ends its sentence but for adverbials: "... the Observatory said on Friday."""
    n = len(toks)
    k = i + 1
    while k < n:
        t = toks[k]
        if not t.is_word:
            if t.text in (".", "!", "?", '"', "”", ")"):
                k += 1
                continue
            return False
        if t.low in _DAYS or t.low in ("on", "late", "early", "last", "this", "in", "a",
                                        "statement", "earlier", "later", "after", "said",
                                        "told", "reporters", "afp", "reuters"):  # fmt: skip
            k += 1
            continue
        return False
    return True
