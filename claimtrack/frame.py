"""Claim -> event frame: what happened, who did it, to whom, where, when, how many, and polarity.

Pure functions over text. ``frame(text, published)`` reads one claim; ``frame_article(texts,
published)`` frames the claims of one article in order and fills what a claim leaves implicit
("It said both pilots were killed") from the claims just before it.

The lexicons below are rules: each comment names a sentence the rule exists for. Text from FA-KES
has every comma and apostrophe removed ("Syrias", "800000"), so the normaliser drops apostrophes
and thousands separators everywhere, and possessive place names ("Aleppos") are read as the place.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from rapidfuzz import fuzz, process

from claimtrack.clutter import strip_leading
from claimtrack.frame_vocab import default_frame_vocab
from claimtrack.gazetteer import gazetteer
from claimtrack.model import EventFrame, Polarity, Quantity

__all__ = [
    "AGENT_PARENT",
    "EVENT_GENERIC",
    "agents_compatible",
    "agents_related",
    "events_compatible",
    "frame",
    "frame_article",
    "frame_from_json",
    "frame_to_json",
    "non_state",
    "place_province",
]

# ----------------------------------------------------------------------------- normalisation

_APOS = re.compile(r"['’‘`´]")
_DIGIT_COMMA = re.compile(r"(?<=\d)[,.](?=\d{3}\b)")
_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _normalise(text: str) -> str:
    """Lower case, no apostrophes, no thousands separators: "Syria’s 800,000" -> "syrias 800000"."""
    text = _APOS.sub("", text)
    text = _DIGIT_COMMA.sub("", text)
    return text.lower()


# ----------------------------------------------------------------------------- events

# The vocabulary of the rules below, from rules/frame.toml (see claimtrack/frame_vocab.py):
# bound once here, as the rules read it on the hot path.
_VOCAB = default_frame_vocab()
# canonical event type of a trigger word (after normalisation)
_EVENT_WORDS: dict[str, str] = _VOCAB.events
# "was shot down over Idlib", "Israeli air strikes"
_EVENT_BIGRAMS: dict[tuple[str, str], str] = _VOCAB.event_pairs
# words that only make an event inside a bigram
_BIGRAM_ONLY = _VOCAB.pair_only

# event families: events of one family describe compatible outcomes; "attack" and "strike"
# are generic and compatible with every violent event.
_EVENT_FAMILY: dict[str, str] = {
    "kill": "harm",
    "injure": "harm",
    "shoot_down": "down",
    "intercept": "down",
    "strike": "violence",
    "air_strike": "air",
    "shell": "ground",
    "bomb": "bomb",
    "chemical": "chemical",
    "flee": "flee",
    "capture": "capture",
    "attack": "violence",
    "clash": "ground",
    "shoot": "ground",
    "arrest": "arrest",
}
EVENT_GENERIC = frozenset({"attack", "strike"})
_VIOLENT = frozenset(
    {"shoot_down", "intercept", "strike", "air_strike", "shell", "bomb", "chemical", "attack"}
    | {"clash", "shoot"}
)


def events_compatible(a: str, b: str) -> bool:
    """Can two canonical events describe one happening? ("shoot_down" ~ "strike": yes)."""
    if a == b:
        return True
    if (a in EVENT_GENERIC and b in _VIOLENT) or (b in EVENT_GENERIC and a in _VIOLENT):
        return True
    # "missiles were intercepted" answers "Israeli air strikes"
    if "intercept" in (a, b) and {a, b} <= {"intercept", "air_strike", "strike", "shell"}:
        return True
    return _EVENT_FAMILY.get(a) == _EVENT_FAMILY.get(b) and a in _EVENT_FAMILY


# ----------------------------------------------------------------------------- agents

# (pattern over normalised text, canonical agent). Earlier patterns win on overlap.
_AGENT_PATTERNS: list[tuple[str, str]] = [
    # "shot down by Ankara-backed rebels"; "Turkish-backed opposition fighters"
    (
        r"(?:ankara|turkey|turkish)[- ]backed (?:syrian )?(?:rebels?|opposition|fighters|forces|"
        r"groups?|militants|factions|militias?)",
        "turkey-backed rebels",
    ),
    (r"free syrian army|\bfsa\b|national army", "turkey-backed rebels"),
    # "Russia-backed government forces" are the government's
    (
        r"(?:russia|russian|moscow|iran|iranian)[- ]backed (?:syrian )?(?:government |regime )?"
        r"(?:forces|troops|army|militias?)",
        "syrian government",
    ),
    (r"(?:us|u\.s\.|american|washington)[- ]backed (?:\w+ )?(?:forces|fighters|militias?)", "sdf"),
    (r"(?:us|u\.s\.)[- ]led (?:international |anti-is |anti-isis )?coalition", "us-led coalition"),
    (r"\b(?:international|western|anti-is|anti-isis|anti-jihadist) coalition", "us-led coalition"),
    (r"\bcoalition (?:jets|warplanes|aircraft|air ?strikes|forces)", "us-led coalition"),
    (r"\b(?:american|us|u\.s\.) (?:jets|warplanes|aircraft|forces|troops|military)", "usa"),
    (r"\b(?:islamic state|isis|isil|daesh|daish)\b", "islamic state"),
    (r"(?:al-)?nusra|hayat tahrir al-sham|tahrir al-sham|\bhts\b|fateh al-sham|al-qaeda", "hts"),
    (r"\b(?:kurdish|ypg|sdf|pkk|pyd|ypj)\b(?: forces| fighters| militias?)?", "kurdish forces"),
    (r"hezbollah|hizbollah|hizbullah", "hezbollah"),
    (r"\b(?:irgc|revolutionary guards?|iranian forces|iran)\b", "iran"),
    (r"\bisraeli?\b", "israel"),
    (r"\b(?:russian|russia|moscow)\b", "russia"),
    # "a missile launched from a Turkish military observation post"; "blamed the attack on Turkey"
    (r"\b(?:turkish|turkey|ankara|turks)\b", "turkey"),
    (
        r"\b(?:syrian |syrias? |assad |government |regime |pro-government |pro-assad |pro-regime |"
        r"loyalist )"
        r"(?:regime |government |army |air )?(?:forces|troops|army|jets|warplanes|helicopters|"
        r"aircraft|air force|soldiers|artillery|shelling|militias?|regime|government)\b",
        "syrian government",
    ),
    (
        r"\b(?:the )?(?:regime|assad regime|syrian army|syrian regime|damascus regime)\b",
        "syrian government",
    ),
    (r"\bgovernment forces|\bregime forces|\bassad forces|\bbarrel bombs?", "syrian government"),
    # the government side's generic word: any of the armed groups it fights (see agents_compatible)
    (r"\b(?:terrorists?|terrorist (?:groups?|organi[sz]ations?|militias?))\b", "terrorists"),
    (
        r"\b(?:rebels?|insurgents|militants|armed groups?|jihadists?|"
        r"opposition fighters|opposition forces|armed opposition|gunmen|jaish al-islam|"
        r"ahrar al-sham|jaish al-fatah|islamist (?:rebels|fighters|groups))\b",
        "rebels",
    ),
]
# one pass over the text: an alternation of all patterns, earlier ones first at each position
_AGENT_RE = re.compile("|".join(f"(?P<g{i}>{p})" for i, (p, _) in enumerate(_AGENT_PATTERNS)))
_AGENT_FIRST_WORDS = frozenset(
    [
        "ankara",
        "turkey",
        "turkish",
        "turks",
        "free",
        "fsa",
        "national",
        "russia",
        "russian",
        "moscow",
        "iran",
        "iranian",
        "us",
        "u",
        "american",
        "washington",
        "international",
        "western",
        "anti-is",
        "anti-isis",
        "anti-jihadist",
        "coalition",
        "islamic",
        "isis",
        "isil",
        "daesh",
        "daish",
        "al-nusra",
        "nusra",
        "hayat",
        "tahrir",
        "hts",
        "fateh",
        "al-qaeda",
        "kurdish",
        "ypg",
        "sdf",
        "pkk",
        "pyd",
        "ypj",
        "hezbollah",
        "hizbollah",
        "hizbullah",
        "irgc",
        "revolutionary",
        "israel",
        "israeli",
        "syrian",
        "assad",
        "government",
        "regime",
        "pro-government",
        "pro-assad",
        "pro-regime",
        "loyalist",
        "the",
        "barrel",
        "rebel",
        "rebels",
        "insurgents",
        "militants",
        "terrorist",
        "terrorists",
        "armed",
        "jihadist",
        "jihadists",
        "opposition",
        "gunmen",
        "jaish",
        "ahrar",
        "islamist",
        "damascus",
    ]
)
_AGENT_OF_GROUP = {f"g{i}": a for i, (_, a) in enumerate(_AGENT_PATTERNS)}

# A more specific agent is compatible with its parent ("HTS" is one of "the rebels").
AGENT_PARENT: dict[str, str] = {
    "hts": "rebels",
    "turkey-backed rebels": "rebels",
    "islamic state": "",
    "usa": "us-led coalition",
    "sdf": "kurdish forces",
}
# Related but different culprits: an editor still calls them different, with less weight.
_AGENT_ALLIES: list[frozenset[str]] = [
    frozenset({"turkey", "turkey-backed rebels"}),
    frozenset({"syrian government", "russia", "iran", "hezbollah"}),
    frozenset({"us-led coalition", "usa", "kurdish forces", "sdf"}),
    frozenset({"rebels", "hts", "turkey-backed rebels", "terrorists"}),
]


# "terrorists" (the Syrian, Russian and Turkish governments' word) names no group: it is
# compatible with any armed group those governments fight ("claimed by DAESH" vs "a terrorist
# car bomb"), never with a state.
_TERRORIST_COVERS = frozenset(
    {"rebels", "hts", "islamic state", "turkey-backed rebels", "kurdish forces", "sdf"}
)


def agents_compatible(a: str, b: str) -> bool:
    """Same culprit, or one names a part of the other ("hts" within "rebels")."""
    if "terrorists" in (a, b) and ({a, b} - {"terrorists"}) <= _TERRORIST_COVERS:
        return True
    return a == b or AGENT_PARENT.get(a) == b or AGENT_PARENT.get(b) == a


def first_agent(text: str) -> str:
    """The first actor named in a text ("" when none): "Russian Defence Ministry" -> "russia"."""
    m = _AGENT_RE.search(_normalise(text))
    return _AGENT_OF_GROUP[m.lastgroup or ""] if m else ""


_NON_STATE = re.compile(
    r"rebel|terror|opposition|militant|insurgent|isis|isil|daesh|nusra|jihad|armed group|islamist|"
    r"\bhts\b|islamic state|kurdish|\bsdf\b"
)


def non_state(agent: str) -> bool:
    """An actor that is no state and has no air force: "rebels", "hts", "islamic state"."""
    return bool(_NON_STATE.search(agent))


def agents_in(text: str) -> set[str]:
    """Every actor a text names: "either Russian or Syrian warplanes" -> {"russia", "syrian
    government"}."""
    return {_AGENT_OF_GROUP[m.lastgroup or ""] for m in _AGENT_RE.finditer(_normalise(text))}


_WEAPON_WORDS = (
    r"(?:air ?strikes?|air ?raids?|jets?|warplanes?|planes?|aircraft|helicopters?|artillery|"
    r"shelling|shells?|missiles?|rockets?|mortars?|drones?|fire|gunfire|raids?|bombs?|"
    r"bombardment|bombing|suicide bombers?|snipers?)"
)
# "rebel fire", "terrorist rocket shells", "Russian air strikes", "Turkish shelling"; a word
# between is a weapon's modifier, never a verb ("the Syrian army intercepted rockets")
_WEAPON_MODIFIERS = (
    r"(?:rocket|mortar|artillery|air|war|tank|heavy|sniper|cannon|missile|drone|barrel|car|"
    r"machine-gun|gun|ground|naval|fighter|military|army|helicopter|jet)"
)
_OWNED_WEAPON = re.compile(r"(?:s )?(?:" + _WEAPON_MODIFIERS + r" )?" + _WEAPON_WORDS + r"\b")
# "a helicopter belonging to the regime", "rocket shells fired by terrorists", "jets of the
# regime" (after an act, "of" names its target: "shelling of rebel town")
_WEAPON_OF = re.compile(
    _WEAPON_WORDS + r" (?:belonging to|by|from|fired by|launched by|dropped by) (?:the |a )?$|"
    r"\b(?:jets?|warplanes?|planes?|aircraft|helicopters?|artillery|missiles?|rockets?|mortars?|"
    r"drones?) of (?:the |a )?$"
)
_HAS_WEAPON = re.compile(r"\b" + _WEAPON_WORDS + r"\b")
# "Rebel groups including the powerful Ahrar al-Sham faction ... fired waves of rockets into
# government-held western Aleppo": the actor a clause opens with, and its firing verb
_FIRED = re.compile(
    r"^(?:s )?(?:[\w'()-]+ ){0,14}?(?:(?:fired|launched|lobbed|rained) (?:[\w-]+ ){0,3}?"
    + _WEAPON_WORDS
    + r"|shelled|bombarded)\b"
)


_HELD_BY = re.compile(r"s?[- ](?:held|controlled|run|besieged|populated)\b")


_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|accused|accuses|claimed|claims|reported)\b")


def _fired_by(agent: str, after: str) -> bool:
    """Does the clause go on to fire ("... fired waves of rockets"), with no speech and no one
    of another side named between ("Russia said rebels fired rockets": the rebels fired;
    "Rebel groups including Ahrar al-Sham fired": the groups of one side fired)?"""
    m = _FIRED.match(after)
    if m is None:
        return False
    between = after[: m.end()]
    if _SPEECH.search(between):
        return False
    others = {_AGENT_OF_GROUP[x.lastgroup or ""] for x in _AGENT_RE.finditer(between)}
    return all(non_state(x) == non_state(agent) for x in others)


@lru_cache(maxsize=8192)
def weapon_agents(text: str) -> frozenset[str]:
    """The actors whose weapons a text names: who fired, whatever the verb.

    >>> sorted(weapon_agents("rebel fire on the district of Hamdaniyeh killed 13 people"))
    ['rebels']
    >>> sorted(weapon_agents("chlorine gas was released by a helicopter belonging to the regime"))
    ['syrian government']
    >>> sorted(weapon_agents("the rebel-held town was shelled"))
    []
    >>> sorted(weapon_agents("Syrian government shelling of a rebel-held town killed 31"))
    ['syrian government']
    >>> sorted(weapon_agents("Rebel groups including Ahrar al-Sham fired waves of rockets"))
    ['rebels']
    """
    low = _normalise(text)
    out: set[str] = set()
    for i, m in enumerate(_AGENT_RE.finditer(low)):
        after = low[m.end() :]
        if _HELD_BY.match(after):
            continue  # "shelling of a rebel-held town": whose town, not whose shells
        if (
            _HAS_WEAPON.search(m.group(0))
            or (after.startswith((" ", "s ")) and _OWNED_WEAPON.match(after.lstrip()))
            or _WEAPON_OF.search(low[max(0, m.start() - 60) : m.start()])
            or (i == 0 and _fired_by(_AGENT_OF_GROUP[m.lastgroup or ""], after.lstrip()))
        ):
            out.add(_AGENT_OF_GROUP[m.lastgroup or ""])
    return frozenset(out)


def agents_related(a: str, b: str) -> bool:
    """Different culprits on one side of the war ("turkey" and "turkey-backed rebels")."""
    return any(a in g and b in g for g in _AGENT_ALLIES)


# words after which an actor mention names who did it
_AGENT_WEAPON = (
    r"(?:air ?strikes?|jets?|warplanes?|planes?|aircraft|helicopters?|forces|troops|army|military|"
    r"artillery|shelling|missiles?|rockets?|drones?|shells|fire|gunfire|soldiers|militias?|fighters|"
    r"rebels|air force|navy|raids?)"
)

# ----------------------------------------------------------------------------- places

# canonical place -> variants (normalised, lower case). Towns map to their governorate.
# the gazetteer (rules/gazetteer.toml): canonical place -> spellings, town -> governorate
_PLACES: dict[str, tuple[str, ...]] = gazetteer().spellings
_PROVINCE: dict[str, str] = gazetteer().governorate_of
_COUNTRIES = frozenset({"turkey", "russia", "israel", "lebanon", "iraq", "jordan", "iran", "golan"})
_PLACE_VARIANT: dict[str, str] = {v: canon for canon, vs in _PLACES.items() for v in vs}
# "near the town of Dara Azza", "the Salah al-Din district" (capitalised words in the original)
_PLACE_OF = re.compile(
    r"\b(?:town|city|village|district|neighbou?rhood|province|suburb|region|area|countryside|"
    r"governorate|camp) of ((?:[A-Z][\w-]+|al-[\w-]+|el-[\w-]+)(?: (?:[A-Z][\w-]+|al-[\w-]+))*)"
)
_CAPWORD = re.compile(r"\b[A-Z][a-z]{3,}[a-z]*\b")
_NOT_PLACE = _VOCAB.not_places  # "Syrias", "Observatory": never a misspelt place


@lru_cache(maxsize=65536)
def _fuzzy_place(word: str) -> str | None:
    """A misspelt known place: "Damsacus" -> "damascus"."""
    if len(word) < 6 or word in _NOT_PLACE:
        return None
    hit = process.extractOne(word, _SINGLE_WORD_PLACES, scorer=fuzz.ratio, score_cutoff=86)
    return _PLACE_VARIANT[hit[0]] if hit else None


_SINGLE_WORD_PLACES = [v for v in _PLACE_VARIANT if " " not in v and "-" not in v and len(v) >= 6]


_PLACE_FIRST_WORDS = frozenset(v.split()[0] for v in _PLACE_VARIANT if " " in v)


def place_province(place: str) -> str | None:
    """The governorate a known town lies in ("khan shaykhun" -> "idlib")."""
    return _PROVINCE.get(place)


@lru_cache(maxsize=1)
def _place_keyed() -> dict[str, str]:
    """Every spelling of the gazetteer as ``_place_key`` reads it ("deir al-zor" -> "deir al
    zor"), to its canonical place."""
    return {_place_key(v): canon for v, canon in _PLACE_VARIANT.items()}


def _place_key(name: str) -> str:
    return re.sub(r"\s+", " ", _normalise(name).replace("-", " ")).strip()


def _places(text: str, low: str, tokens: list[tuple[str, int, int]] | None = None) -> list[str]:
    found: list[str] = []
    words = [t[0] for t in tokens] if tokens is not None else _TOKEN.findall(low)
    i = 0
    while i < len(words):
        # longest known name first: "dara azza" before "dara"; "aleppos" is Aleppo's
        longest = min(3, len(words) - i) if words[i] in _PLACE_FIRST_WORDS else 1
        for n in range(longest, 0, -1):
            key = words[i] if n == 1 else " ".join(words[i : i + n])
            canon = _PLACE_VARIANT.get(key)
            if canon is None and key[-1:] == "s":
                canon = _PLACE_VARIANT.get(key[:-1])
            if canon:
                found.append(canon)
                i += n
                break
        else:
            i += 1
    for m in _PLACE_OF.finditer(text):
        words = _place_key(m.group(1)).split()
        # "district of Aleppo Syrian state television": stop at the first word that is no place
        for j, w in enumerate(words):
            if w in _NOT_PLACE:
                words = words[:j]
                break
        canon = None
        for j in range(len(words), 0, -1):
            key = " ".join(words[:j])
            canon = (
                _PLACE_VARIANT.get(key)
                or _PLACE_VARIANT.get(key.replace(" ", "-"))
                or _place_keyed().get(key)  # "Deir al-Zor" read as "deir al zor"
            )
            if canon:
                break
        if canon is None and words:
            key = " ".join(words)
            canon = (_fuzzy_place(key) if " " not in key else None) or key
        if canon:
            found.append(canon)
    for m in _CAPWORD.finditer(text):
        w = _normalise(m.group(0))
        if w in _PLACE_VARIANT or w in _NOT_PLACE:
            continue
        canon = _fuzzy_place(w)
        if canon:
            found.append(canon)
    out: list[str] = []
    for p in found:
        if p not in out:
            out.append(p)
        prov = _PROVINCE.get(p)
        if prov and prov not in out:
            out.append(prov)
    return out


# ----------------------------------------------------------------------------- numbers

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "both": 2,
}  # fmt: skip
# vague counts: (value, low, high)
_VAGUE = _VOCAB.vague
_QUALIFIERS = _VOCAB.qualifiers  # "at least" -> at_least
_NUM_ALT = (
    r"\d+(?:\.\d+)?(?: (?:million|thousand|hundred))?|(?:"
    + "|".join(
        sorted((re.escape(w) for w in list(_NUMBER_WORDS) + list(_VAGUE)), key=len, reverse=True)
    )
    + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
    + r"(?: (?:hundred|thousand|million))?"
)
_QUANT_RE = re.compile(
    r"\b(?:(?P<q>"
    + "|".join(sorted(map(re.escape, _QUALIFIERS), key=len, reverse=True))
    + r") )?(?P<n>"
    + _NUM_ALT
    + r")\b(?=(?P<rest>(?: +of)?(?: +[a-z-]+){0,4}))"
)
_COUNT_NOUNS = _VOCAB.count_nouns  # "killed at least 58 civilians"
_NON_COUNT = _VOCAB.non_count  # "20 km", "three years"
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
# "recorded four deaths from gas poisoning and 55 injuries"
_NOUN_ROLE = _VOCAB.noun_role
_ROLE_OF_EVENT = {"kill": "dead", "injure": "injured", "flee": "displaced"}
# "updated its earlier death toll of 15": a superseded toll, not an account of its own
_EARLIER_TOLL = re.compile(
    r"\b(?:earlier|previous|initial|first|old|preliminary) (?:death )?tolls? (?:of|at|was)\s*$"
)
_INCREMENT_BEFORE = re.compile(r"\b(?:another|a further|an additional|further)\s*$")
_PART_CUE = re.compile(r"\b(?:including|among them|among whom|of whom|of them|among the dead)\s*$")
# "at least 14 of the dead were rebels": a part of a toll given elsewhere, not a toll
_PART_AFTER = re.compile(
    r"^ (?:of|among) (?:the |those )?(?:dead|them|whom|victims|killed|casualties|wounded|injured)\b"
)
# things counted that are not people: "the attack on two villages killed 15 civilians",
# "fired 20 rockets", "the four-town evacuation deal" (hyphenated: see _quantities)
_THING_NOUNS = _VOCAB.thing_nouns


def _number_value(n: str) -> tuple[int, int | None, int | None, str] | None:
    """Value, low, high and a qualifier override for the number as written."""
    n = n.strip()
    mult = 1
    for word, m in (("million", 1_000_000), ("thousand", 1000), ("hundred", 100)):
        if n.endswith(" " + word) and n != "a " + word:
            mult = m
            n = n[: -len(word) - 1]
            break
    if n in _VAGUE:
        v, lo, hi = _VAGUE[n]
        return v * mult, lo * mult, hi * mult, "vague"
    if n in _NUMBER_WORDS:
        return _NUMBER_WORDS[n] * mult, None, None, ""
    parts = re.split(r"[- ]", n)
    if len(parts) == 2 and parts[0] in _NUMBER_WORDS and parts[1] in _NUMBER_WORDS:
        return (_NUMBER_WORDS[parts[0]] + _NUMBER_WORDS[parts[1]]) * mult, None, None, ""
    try:
        return int(float(n) * mult), None, None, ""
    except ValueError:
        return None


# page furniture whose numbers count nothing: "Get short URL 0 87", "16.04.2017(updated 1723
# 16.04.2017)", "Views 2494" (Sputnik and Al-Ahram pages merged into the first sentence)
_FURNITURE = re.compile(
    r"get short url(?: [\d,.]+)+|\d\d\.\d\d\.\d{4} ?\(updated [\d ]+\d\d\.\d\d\.\d{4}\)|"
    r"\bviews [\d,]+|\bprint tweet\b"
)


_PLACE_NUMBER = re.compile(r"\b(?:al|el|as|ash|ad|ar|at|az)-[a-z]+ $")


# a death toll and the figure it reached, with no other figure between: "the death toll ...
# has risen to at least 112", "put the toll at 45", "the toll stood at 30"
_TOLL_REACHED = re.compile(
    r"\b(?:death|casualty) toll\b(?:(?!\d|\.|;|\bwounded\b|\binjured\b)[^\n]){0,160}\b"
    r"(?:to|at|reached|hit|hits|of)\s*$"
)
# adjectives and participles before a counted thing: "two besieged government-held towns"
_MODIFIER_END = ("ed", "-held", "-controlled", "ern", "al", "ish", "ian")


def _thing_after_modifiers(rest: list[str]) -> bool:
    for w in rest[:3]:
        if w in _THING_NOUNS:
            return True
        if w in _COUNT_NOUNS or not w.endswith(_MODIFIER_END):
            return False
    return False


_QUOTE_TO_SPACE = str.maketrans({'"': " ", "“": " ", "”": " "})


def _quantities(low: str, tokens: list[tuple[str, int, int]]) -> list[Quantity]:
    out: list[Quantity] = []
    spans: list[tuple[int, int]] = []  # of each count's match, up to the end of its number
    low = _FURNITURE.sub(lambda m: " " * len(m.group(0)), low)
    low = low.translate(_QUOTE_TO_SPACE)  # 'left "nearly 50" rebels dead': 50 rebels
    skip_to = -1
    for m in _QUANT_RE.finditer(low):
        if m.start() < skip_to:
            continue  # the upper end of "between 1000 and 1800"
        n = m.group("n")
        qual_word = m.group("q")
        rest = [w for w in m.group("rest").split() if w != "of"]
        parsed = _number_value(n)
        if parsed is None:
            continue
        value, lo, hi, override = parsed
        before = low[max(0, m.start() - 12) : m.start()]
        if (
            low[m.end("n") : m.end("n") + 1] == "-"
            and low[m.end("n") + 1 : m.end("n") + 2].isalpha()
        ):
            continue  # "the four-town evacuation deal", "a two-day truce"
        if re.match(r"[-/.]\d", low[m.end("n") : m.end("n") + 2]) or re.search(
            r"\d[-/.]$", low[max(0, m.start() - 2) : m.start()]
        ):
            continue  # a date or code: "27-07-2016 Syria Dozens Martyred", "16/04/2017"
        if rest and (
            rest[0] in _NON_COUNT
            or rest[0] in _THING_NOUNS
            or _thing_after_modifiers(rest)
            or rest[0] in _MONTHS
            # "in two attacks" counts no one; "four deaths" does
            or (
                rest[0] in _EVENT_WORDS
                and rest[0] not in _COUNT_NOUNS
                and rest[0] not in _NOUN_ROLE
            )
        ):
            continue
        if re.search(r"(?:" + "|".join(_MONTHS) + r") $", before):
            continue  # "February 15"
        if (
            n.isdigit()
            and _PLACE_NUMBER.search(before)
            and not (rest and (rest[0] in _COUNT_NOUNS or rest[0] in _NOUN_ROLE))
        ):
            continue  # a place's number: "the neighborhoods of al-Sheikh Saad and al-Mazzeh 86"
        if n.isdigit() and 1900 <= value <= 2100 and not (rest and rest[0] in _COUNT_NOUNS):
            continue  # a year
        if n in ("one", "both") and not (rest and rest[0] in _COUNT_NOUNS):
            continue  # "one of the last hotbeds"
        if n == "some" or value == 0:
            continue
        noun = ""
        for w in rest[:4]:  # "7 Nusra Front field commanders"
            if w in ("and", "in", "on", "at", "were", "was", "have", "had"):
                break
            if w in _COUNT_NOUNS:
                noun = w
                break
        qualifier = _QUALIFIERS.get(qual_word or "", "exact")
        if override == "vague":
            qualifier = "vague"
        elif n in ("a dozen", "dozen"):
            qualifier = "about" if qualifier == "exact" else qualifier
        if qualifier == "exact":
            lo, hi = value, value
        elif qualifier == "at_least":
            lo, hi = value, None
        elif qualifier == "more_than":
            lo, hi = value + 1, None
        elif qualifier == "about":
            lo, hi = int(value * 0.8), int(value * 1.2 + 0.999)
        elif qualifier == "up_to":
            lo, hi = 0, value
        range_text = ""
        upper = _RANGE_UPPER.match(low, m.end("n"))
        if upper and re.search(r"\b(?:between|from) $", before):
            # "killing between 1000 and 1800 people": one count, a range
            parsed_hi = _number_value(upper.group(1))
            if parsed_hi is not None and parsed_hi[0] > value:
                lo, hi, qualifier = value, parsed_hi[0], "range"
                value = (value + parsed_hi[0]) // 2
                skip_to = upper.end(1)
                range_text = low[m.start() : upper.end()]
                rest = upper.group(2).split()
                noun = next((w for w in rest[:3] if w in _COUNT_NOUNS), noun)
        role = ""
        for w in rest[:3]:  # "recorded four deaths", "6 Lebanese martyrs"
            if w in _NOUN_ROLE:
                role = _NOUN_ROLE[w]
                break
            if w in _COUNT_NOUNS or w in ("and", "in", "on", "at", "were", "was", "of", "from"):
                break  # "Kill 10 Civilians Injured Dozens": the count ends at its noun
        role = role or _role(low, m.start(), m.end("n"), tokens)
        if not role and _TOLL_REACHED.search(low[max(0, m.start() - 200) : m.start()]):
            # "The death toll in a suicide car bomb attack on buses ... has risen to at least 112"
            role = "dead"
        if (
            _PART_CUE.search(low[max(0, m.start() - 20) : m.start()])
            or _PART_AFTER.match(low[m.end("n") : m.end("n") + 30])
            or _EARLIER_TOLL.search(low[max(0, m.start() - 30) : m.start()])
        ):
            role = "part"
        elif (
            role
            and not out  # "killed six people and injured another ten": not an addition
            and (
                _INCREMENT_BEFORE.search(low[max(0, m.start() - 12) : m.start()])
                or (rest and rest[0] in ("more", "other", "further", "additional"))
            )
        ):
            # a claim opening on "two more civilians were killed", "another 39 were killed",
            # "two other people": an addition to a toll given elsewhere, not a toll of its own
            role = "part"
        written = m.group(0).strip()
        if noun:
            written = (
                low[m.start() : m.end("n")]
                + m.group("rest")[: m.group("rest").find(noun) + len(noun)]
            )
        if range_text:
            written = range_text
        out.append(Quantity(value, lo, hi, qualifier, noun, " ".join(written.split()), role))
        spans.append((m.start(), m.end("n")))
    return _share_nouns(low, out, spans)


# "killed 28 and wounded 30 Daesh militants": the 28 are militants too
_COORDINATED_COUNT = re.compile(
    r"\s+and\s+(?:wounded|injured|killed|wounding|injuring|killing)\s+"
    r"(?:at least |another |more than |over |some )?$"
)


def _share_nouns(low: str, out: list[Quantity], spans: list[tuple[int, int]]) -> list[Quantity]:
    """A count with no noun takes the noun of the count coordinated right after it."""
    for i in range(len(out) - 1):
        q, nxt = out[i], out[i + 1]
        if q.noun or not nxt.noun:
            continue
        if _COORDINATED_COUNT.match(low[spans[i][1] : spans[i + 1][0]]):
            out[i] = replace(q, noun=nxt.noun)
    return out


_RANGE_UPPER = re.compile(r" (?:and|to) (" + _NUM_ALT + r")\b((?: [a-z-]+){0,3})")

_SUBJECT_GAP = frozenset({"others", "other", "more", "were", "was", "have", "had", "been", "are"})


# "Kill 10 Civilians Injured Dozens": a participle followed by a count is that count's verb
_VAGUE_COUNTS = _VOCAB.vague_after_participle


def _role(low: str, start: int, end: int, tokens: list[tuple[str, int, int]]) -> str:
    """What a number counts, from the nearest harm/flight word: "killed at least 58" -> dead."""
    best: tuple[int, int, str] | None = None  # (distance, side, role)
    starts = [t[1] for t in tokens]
    idx_start = bisect_left(starts, start)
    idx_end = bisect_left(starts, end)
    penalty = 0
    break_at_number = True
    for i in range(idx_start - 1, max(-1, idx_start - 9), -1):
        w = tokens[i][0]
        if w in ("and", "but", "while", "as"):
            penalty += 3  # "Six people were killed and dozens others wounded": a new clause
        # ("who lives with his two elderly parents": the verb, not "the lives of 50 people")
        verb = w == "lives" and i + 1 < len(tokens) and tokens[i + 1][0] != "of"
        ev = None if verb else _EVENT_WORDS.get(w)
        if w == "toll":
            ev = "kill"
        if ev in _ROLE_OF_EVENT or w == "casualties":
            role = "casualties" if w == "casualties" else _ROLE_OF_EVENT[ev or ""]
            best = (idx_start - i + penalty, 1, role)
            break
        if w in (".", ";"):
            break
    in_subject = True  # still inside the counted noun phrase: "two others [were] injured"
    for i in range(idx_end, min(len(tokens), idx_end + 7)):
        w = tokens[i][0]
        if w == "including" or w == "among":
            break_at_number = False  # "eight civilians including two children were killed"
        ev = _EVENT_WORDS.get(w)
        if ev in _ROLE_OF_EVENT or w == "casualties":
            role = "casualties" if w == "casualties" else _ROLE_OF_EVENT[ev or ""]
            d = i - idx_end + 1
            nxt = tokens[i + 1][0] if i + 1 < len(tokens) else ""
            counts_next = nxt in _NUMBER_WORDS or nxt.isdigit() or nxt in _VAGUE_COUNTS
            if in_subject and not w.endswith("ing") and not counts_next:
                # "Girl child killed two others injured": the participle after the counted
                # noun says what the count is, whatever verb came before
                d = 0
            if best is None or d <= best[0]:
                best = (d, 0, role)
            break
        if in_subject and not (w in _COUNT_NOUNS or w in _SUBJECT_GAP):
            in_subject = False
            if penalty and w.endswith("ed") and best is not None:
                # "five people died and eight others experienced breathing difficulties":
                # a new subject with a verb of its own is not counted by the earlier verb
                return ""
        if (w in _NUMBER_WORDS or w.isdigit()) and break_at_number:
            break
    return best[2] if best else ""


# ----------------------------------------------------------------------------- dates

_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip
_WEEKDAY_RE = re.compile(
    r"\b(?:(next|last|this|past) )?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b"
)
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_DMY = re.compile(r"\b(\d{1,2}) (" + _MONTH_ALT + r")\.?(?: (\d{4}))?\b")
_DATE_MDY = re.compile(r"\b(" + _MONTH_ALT + r")\.? (\d{1,2})(?:st|nd|rd|th)?\b(?: (\d{4}))?")
_IN_MONTH = re.compile(
    r"\b(?:in|since|during|early|late|mid-) ?(?:early |late )?(january|february|march|april|may|"
    r"june|july|august|september|october|november|december)\b(?! \d)"
)
_RELATIVE = {
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "last night": -1,
    "overnight": 0,
    "last week": -7,
    "the day before": -2,
}
_RELATIVE_RE = re.compile(r"\b(?:" + "|".join(_RELATIVE) + r")\b")


def _dates(low: str, published: date | None) -> list[date]:
    out: list[date] = []
    year = published.year if published else None
    for m in _DATE_DMY.finditer(low):
        _add_date(out, m.group(3), _MONTHS[m.group(2)], int(m.group(1)), year)
    for m in _DATE_MDY.finditer(low):
        _add_date(out, m.group(3), _MONTHS[m.group(1)], int(m.group(2)), year)
    if published is None:
        return out
    # "In May more than 60 civilians were killed": another month than the report's
    for m in _IN_MONTH.finditer(low):
        month = _MONTHS[m.group(1)]
        if month != published.month:
            yy = published.year if month < published.month else published.year - 1
            _add_date(out, str(yy), month, 15, None)
    spoken: list[date] = []  # "a war monitor said on Tuesday": the day of the saying
    for m in _WEEKDAY_RE.finditer(low):
        said = _speech_day(low, m.start(), m.end())
        wd = _WEEKDAYS[m.group(2)]
        back = (published.weekday() - wd) % 7
        # "will send a delegation to Russia on Monday": future tense looks forward
        future = m.group(1) == "next" or re.search(
            r"\b(?:will|would|to be|plans? to)\b[^.;]*$", low[max(0, m.start() - 80) : m.start()]
        )
        if future and back != 0:
            d = published + timedelta(days=(wd - published.weekday()) % 7)
        else:
            d = published - timedelta(days=back)
            if m.group(1) == "last" and back == 0:
                d -= timedelta(days=7)
        if said:
            spoken.append(d)
        elif d not in out:
            out.append(d)
    for m in _RELATIVE_RE.finditer(low):
        if m.group(0) == "today" and re.search(
            r"\b(?:russia|usa|syria|news|al-watan) $", low[: m.start()]
        ):
            continue  # "Russia Today" is a channel
        d = published + timedelta(days=_RELATIVE[m.group(0)])
        if d not in out:
            out.append(d)
    # the day a source spoke dates the happening only when nothing else does ("The Observatory
    # on Tuesday said 12 people were killed on Monday" happened on Monday)
    return out or list(dict.fromkeys(spoken))


# "a war monitor said on Tuesday", "the Observatory on Tuesday said", "told AFP Tuesday": the
# day of the saying, not of the happening when the sentence names that too
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told(?: [\w.-]+){0,3}|reported|announced|added|stated|confirmed|claimed)"
    r"(?: late| early)?(?: on)? $"
)
_SAID_AFTER = re.compile(r"^s? (?:(?:night|evening|morning) )?(?:said|told|reported|announced)\b")


def _speech_day(low: str, start: int, end: int) -> bool:
    """The weekday at ``low[start:end]`` dates a statement, not an event."""
    return bool(
        _SAID_BEFORE.search(low[max(0, start - 40) : start])
        or _SAID_AFTER.match(low[end : end + 30])
    )


def _dates_after_dateline(text: str, low: str, published: date | None) -> list[date]:
    """The dates a claim names, less a dateline glued to it that only repeats the publication
    date when the sentence names its own day: "Date of publication 21 September 2016 ... the
    convoy on Monday night" happened on the Monday. A dateline that disagrees with the
    publication date is kept (the page is of another day than its record says), and so is one
    that is all there is to go by."""
    dates = _dates(low, published)
    if published is None:
        return dates
    body = _normalise(strip_leading(text))
    if body == low:
        return dates
    told = _dates(body, published)
    page = [d for d in _dates(low[: len(low) - len(body)], published) if d not in told]
    if page and told and all(abs((d - published).days) <= 1 for d in page):
        return [d for d in dates if d not in page]
    return dates


def _add_date(out: list[date], y: str | None, month: int, day: int, year: int | None) -> None:
    yy = int(y) if y else year
    if yy is None:
        return
    try:
        d = date(yy, month, day)
    except ValueError:
        return
    if d not in out:
        out.append(d)


# ----------------------------------------------------------------------------- targets

_TARGETS = _VOCAB.targets  # "the helicopter was shot down" -> helicopter

# ----------------------------------------------------------------------------- polarity

# "A Syrian military source strongly denied the army had used any such weapons"
_DENIAL = re.compile(
    # "denied any responsibility", "denied the army had used", "denied using chemical weapons";
    # not "did not deny that airstrikes had been carried out", not "to deny Daesh the ability"
    r"(?<!not )(?<!never )(?<!to )\b(?:denied|denies|deny|denying)\s+(?:that|any|all|"
    r"responsibility|involvement|using|having|carrying|launching|targeting|reports?|claims?|"
    r"accusations?|allegations?|charges?|it|its|they|the (?:army|regime|government|reports?|"
    r"claims?|accusations?|allegations?|charges?|attack))\b|\b(?:denied|denies)[.,]?$|"
    r"\b(?:refuted|refutes|dismissed (?:the )?(?:claims?|reports?|allegations?|accusations?)|"
    r"rejected (?:the )?(?:claims?|reports?|allegations?|accusations?)|fabricated|baseless|"
    r"categorically denied)\b|"
    # "Russia was not behind a deadly attack on an aid convoy", "the Russian air force was not
    # responsible for the bombing", "the coalition did not carry out strikes near Abu Kamal"
    r"\b(?:was|were|is|are|had been|has been) not (?:behind|responsible for|involved in)\b|"
    r"\b(?:did not|didnt|never|had not|has not) (?:carry out|carried out|conduct|conducted|"
    r"launch|launched|target|targeted|strike|struck|bomb|bombed|attack|attacked|fire on|"
    r"fired on|shell|shelled)\b|"
    # "The campaign disputed the report", "pushed back on the claims", "rejected the
    # characterization" (news in general)
    r"\b(?:disputed|disputes|disputing) (?:the |that |those |these |his |her |their |its |this )"
    r"(?:\w+ )?(?:claims?|reports?|accounts?|allegations?|accusations?|charges?|figures?|story|"
    r"characteri[sz]ation|assertions?|findings)\b|"
    r"\bpushed back (?:on|against) (?:the |those |these |his |her |their |its |this )?(?:\w+ )?"
    r"(?:claims?|reports?|allegations?|accusations?|charges?|characteri[sz]ation|assertions?)\b|"
    r"\brejected (?:the |that |this )characteri[sz]ation\b|"
    # "videos showed no evidence of munitions hitting the convoy"
    r"\bno (?:evidence|sign|signs|proof|trace|traces) (?:of |that )[\"“]?(?:any )?(?:the )?"
    r"(?:munitions?|strikes?|air ?strikes?|raids?|bombs?|bombing|shelling|shells?|missiles?|"
    r"rockets?|chemical|gas|toxic|sarin|chlorine|attacks?|aircraft|planes?|jets?|warplanes?)\b|"
    # "said the accusations were false", "described the reports ... as completely untrue",
    # "called them baseless"
    r"\b(?:as|were|was|are|is|called (?:them|it|those|these|the \w+)) (?:completely |totally |"
    r"entirely |absolutely |utterly |simply )?(?:false|untrue|baseless|groundless|unfounded|"
    r"lies|illogical|absurd|ridiculous)\b"
    # (an adjective of a noun is no verdict: "as false alarms sounded")
    r"(?!\s+(?!and\b|or\b|but\b|that\b|saying\b|adding\b|said\b|says\b|the\b)[a-z])|"
    # "denied the countrys air force was active in the area", "denied its jets were involved"
    # (not "were denied access": passive)
    r"(?<!not )(?<!never )(?<!were )(?<!was )(?<!been )\b(?:denied|denies)\s+(?:the |its |their "
    r"|his |her )?(?:countrys?|nations?|air ?force|jets?|planes?|warplanes?|aircraft|pilots?|"
    r"forces?|troops|military|army|soldiers|militants|fighters|rebels|group|government|regime)"
    r"\b"
)
# "made no mention of casualties or the source of the attack"
_OMISSION = re.compile(
    r"\b(?:made no mention of|make no mention of|did not mention|does not mention|no mention of|"
    r"without (?:giving|providing|specifying|mentioning|saying)|did not (?:give|provide|specify|"
    r"say|report)|gave no|no word (?:on|of)|no immediate (?:word|report|claim) (?:of|on)|"
    r"no (?:casualties|injuries|deaths|victims)|did not cause any)\b([^.;]{0,90})"
)
_OMIT_WHAT = [
    (re.compile(r"casualt|dead|death|toll|killed|injur|wound|victim|losses|damage"), "casualties"),
    (re.compile(r"source|responsib|culprit|perpetrat|who (?:was|carried|fired)|blame"), "agent"),
    (re.compile(r"detail"), "details"),
]
# "More than 300000 people have been killed in Syria since the conflict began in March 2011":
# a running total, not the toll of one event
_BACKGROUND = re.compile(
    # ("43 people so far", "34 barrel bombs so far today", "35 people in total", "a total of 33
    # people died": the toll of the day's attack, not of the war)
    r"\bsince\b|\bso far\b(?! today)(?<!\bpeople so far)(?<!\bcivilians so far)|"
    r"\b(?:in|over|during) the (?:past|last) \w+|\bthis (?:year|month)\b|"
    r"\blast (?:year|month)\b|\bin (?:19|20)\d\d\b|\bbegan in\b|\b(?:war|conflict) has killed\b|"
    r"\b(?<!in )(?<!a )total\b|\boverall\b|"
    r"\b(?:days|a day|weeks|a week|hours|months) (?:after|before)\b|\bcumulative\b|"
    r"\ba (?:week|month|year) ago\b|\byears? of\b|\b\d+-(?:month|year) (?:war|conflict)\b|"
    r"\b(?:died|killed) in the (?:syrian )?(?:conflict|war)\b|\benter its \w+ year\b|"
    r"\bin (?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b(?! \d)|\b(?:earlier|later) (?:this|in the|last) (?:week|month)\b|"
    # "strikes ... carried out by government troops in August 2013"; "the conflict in Syria
    # which has lasted five years has killed more than 280000 people"
    r"\bin [a-z]+ (?:19|20)\d\d\b|\bhas lasted\b|"
    r"\b(?:war|conflict)\b[^.]{0,50}\bha(?:s|ve) (?:so far )?(?:killed|claimed|left)\b"
)
_NO_CASUALTIES = re.compile(r"\bno (?:casualties|injuries|deaths|victims)\b")

# ----------------------------------------------------------------------------- keywords

_STOP = frozenset(
    [
        "a",
        "about",
        "above",
        "across",
        "after",
        "again",
        "against",
        "all",
        "almost",
        "along",
        "already",
        "also",
        "although",
        "among",
        "an",
        "and",
        "another",
        "any",
        "are",
        "around",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "during",
        "each",
        "either",
        "else",
        "ever",
        "every",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "him",
        "his",
        "how",
        "however",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "least",
        "less",
        "many",
        "may",
        "me",
        "might",
        "more",
        "most",
        "much",
        "must",
        "my",
        "near",
        "nearly",
        "neither",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "one",
        "only",
        "or",
        "other",
        "others",
        "our",
        "out",
        "over",
        "own",
        "per",
        "same",
        "she",
        "should",
        "since",
        "so",
        "some",
        "still",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "though",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "upon",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "whether",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "yet",
        "you",
        "your",
        "said",
        "says",
        "say",
        "saying",
        "told",
        "tells",
        "reported",
        "reports",
        "report",
        "reporting",
        "added",
        "according",
        "stated",
        "statement",
        "announced",
        "claimed",
        "quoted",
        "quoting",
        "cited",
        "citing",
        "news",
        "agency",
        "channel",
        "television",
        "tv",
        "state-owned",
        "state-run",
        "official",
        "officials",
        "source",
        "sources",
        "monitor",
        "observatory",
        "spokesman",
        "spokeswoman",
        "media",
        "outlet",
        "correspondent",
        "website",
        "posted",
        "later",
        "earlier",
        "another",
        "first",
        "second",
        "third",
        "last",
        "next",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "week",
        "day",
        "today",
        "yesterday",
        "year",
        "years",
        "month",
        "mr",
        "ms",
        "mrs",
        "dr",
        "syria",
        "syrian",
        "syrias",
        "country",
        "countrys",
        "people",
    ]
)


def _keywords(tokens: list[tuple[str, int, int]]) -> list[str]:
    out: list[str] = []
    for w, _, _ in tokens:
        if len(w) < 3 or w in _STOP or w[0].isdigit():
            continue
        if w.endswith("s") and len(w) > 4 and not w.endswith("ss") and w[:-1] not in _STOP:
            w = w[:-1]
        if w not in out:
            out.append(w)
    return out


# ----------------------------------------------------------------------------- frame


def frame(text: str, published: date | None = None) -> EventFrame:
    """Read one claim's event frame.

    >>> frame("the helicopter was shot down by Ankara-backed rebels").agents
    ('turkey-backed rebels',)
    """
    low = _normalise(text)
    omitted: list[str] = []
    omit_spans: list[tuple[int, int]] = []
    for m in _OMISSION.finditer(low):
        what = m.group(0) if _NO_CASUALTIES.match(m.group(0)) else m.group(1)
        # the object ends at the first clause break: "... of casualties or the source of the attack"
        for rx, label in _OMIT_WHAT:
            if rx.search(what) and label not in omitted:
                omitted.append(label)
        omit_spans.append((m.start(), m.end()))
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(low)]
    # event triggers (outside what the claim says it is silent about)
    triggers: list[tuple[int, str]] = []  # (token index, event)
    n_tokens = len(tokens)
    for i, (w, s, _) in enumerate(tokens):
        if omit_spans and any(a <= s < b for a, b in omit_spans):
            continue
        if i + 1 < n_tokens:
            ev2 = _EVENT_BIGRAMS.get((w, tokens[i + 1][0]))
            if ev2:
                triggers.append((i, ev2))
                continue
        if i > 0 and (tokens[i - 1][0], w) in _EVENT_BIGRAMS:
            continue
        ev = _EVENT_WORDS.get(w)
        if ev and w not in _BIGRAM_ONLY:
            triggers.append((i, ev))
    events: list[str] = []
    for _, ev in triggers:
        if ev not in events:
            events.append(ev)
    roles = _agent_roles(text, low, tokens, triggers, omit_spans)
    agents: list[str] = []
    for _, ag, _ in roles:
        if ag not in agents:
            agents.append(ag)
    targets: list[str] = []
    for w, _, _ in tokens:
        t = _TARGETS.get(w)
        if t and t not in targets:
            targets.append(t)
    polarity = Polarity.ASSERTED
    if _DENIAL.search(low):
        polarity = Polarity.DENIED
    elif (
        omitted and not ({"kill", "injure"} & set(events)) and not _NO_CASUALTIES.search(low)
    ) or _NO_CASUALTIES.search(low):
        polarity = Polarity.OMITTED
    return EventFrame(
        background=bool(_BACKGROUND.search(low)),
        events=tuple(events),
        agents=tuple(agents),
        targets=tuple(targets),
        places=tuple(_places(text, low, tokens)),
        dates=tuple(_dates_after_dateline(text, low, published)),
        numbers=tuple(_quantities(low, tokens)),
        polarity=polarity,
        omitted=tuple(omitted),
        keywords=tuple(_keywords(tokens)),
        roles=tuple(roles),
    )


_BY_CUE = re.compile(
    r"\b(?:by|blamed (?:the (?:attack|strike|raid|bombing|blast|shelling|incident|killing|"
    r"massacre)s? |it |them )?on|launched from|fired from|carried out by|accused|blaming|"
    r"responsibility (?:of|on)|"
    # "the planes are believed to be Russian"
    r"(?:planes?|jets?|warplanes?|aircraft|helicopters?|drones?) (?:are|were|was|is) "
    r"(?:believed|thought|suspected|said|likely) to (?:be|have been))"
    r"\s+(?:the |a |an )?(?:[a-z-]+ ){0,2}$"
)
# "a town controlled by IS", "areas held by rebels", "a village under the control of": the
# holder of a place, never the doer of the event; nor "confirmed by Turkish health officials",
# "footage released by DAESH affiliated news agency Amaq", "safe zones created by Turkey"
_CONTROL_BY = re.compile(
    r"\b(?:controlled|held|run|dominated|occupied|ruled|seized|captured|besieged|surrounded|"
    r"backed|supported|sponsored|funded|armed|trained|confirmed|reported|verified|documented|"
    r"announced|recorded|investigated|examined|treated|condemned|denied|rejected|released|"
    r"published|posted|issued|aired|broadcast|statement|footage|created|established|proposed|"
    r"brokered|negotiated|organi[sz]ed|led|"
    # "agreements touted by the rebels as the best way to end the fighting": who speaks of it
    r"touted|praised|hailed|welcomed|endorsed|promoted|favou?red|opposed|critici[sz]ed|"
    r"described|considered|viewed|seen|signed|accepted|demanded|requested|sought|offered) by\s+"
    r"(?:the |a |an )?(?:[a-z-]+ ){0,2}$|"
    r"\bunder (?:the )?(?:control|rule) of\s+(?:the |a |an )?(?:[a-z-]+ ){0,2}$"
)
_WEAPON_RE = re.compile(r"^\s*(?:s )?" + _AGENT_WEAPON + r"\b")
# what may stand between a doer and its verb: "Russian jets had been bombarding"
_DOER_GAP = re.compile(
    r"^(?:s )?(?:"
    + _AGENT_WEAPON
    + r" )?(?:had |have |has )?(?:been |reportedly |allegedly |also )?$"
)
_PHRASE_END = re.compile(r"\s(?:near|in|on|at|over|and|who|which|that|after|as|but|for|to)\b|[,.;]")


def _agent_roles(
    text: str,
    low: str,
    tokens: list[tuple[str, int, int]],
    triggers: list[tuple[int, str]],
    omit_spans: list[tuple[int, int]],
) -> list[tuple[str, str, str]]:
    """(event, agent, phrase) for each actor mention placed as the doer of an event.

    Three placements count: after a cue ("shot down by Ankara-backed rebels", "blamed the attack
    on Turkey", "launched from a Turkish military observation post"); as the doer before its verb
    ("government forces killed", "Russian jets had been bombarding"); or as the owner of the
    weapon that is the event ("Israeli air strikes ... killed"). An actor after its verb is its
    target.
    """
    taken: list[tuple[int, int]] = []
    out: list[tuple[str, str, str]] = []
    offsets: list[int] | None = None

    def orig(a: int, b: int) -> str:
        nonlocal offsets
        if len(text) == len(low):
            return text[a:b]
        if offsets is None:
            offsets = _original_offsets(text)
        return text[offsets[a] : offsets[b - 1] + 1] if b > a else ""

    tok_starts = [t[1] for t in tokens]

    def add(event: str, agent: str, phrase: str) -> None:
        if all((r[0], r[1]) != (event, agent) for r in out):
            out.append((event, agent, phrase.strip(" ,.;")))

    for word, tok_start, _ in tokens:
        if word not in _AGENT_FIRST_WORDS and word.split("-", 1)[0] not in _AGENT_FIRST_WORDS:
            continue  # no agent pattern starts with this word: skip the regex
        m = _AGENT_RE.match(low, tok_start)
        if m is None:
            continue
        agent = _AGENT_OF_GROUP[m.lastgroup or ""]
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in taken) or any(a <= s < b for a, b in omit_spans):
            continue
        ti = bisect_left(tok_starts, s)
        te = bisect_left(tok_starts, e)
        end_m = _PHRASE_END.search(low, e)
        phrase_end = min(end_m.start() if end_m else len(low), e + 40)
        cue = _BY_CUE.search(low[max(0, s - 90) : s])
        if cue and _CONTROL_BY.search(low[max(0, s - 90) : s]):
            # "raids hit a town controlled by IS": who holds the place, not who did it
            taken.append((s, e))
            continue
        if cue:
            prior = [ev for i, ev in triggers if i < ti and ti - i <= 16]
            event = prior[-1] if prior else "attack"
            if "blam" in cue.group(0) or "accus" in cue.group(0):
                event = _blamed_event(cue.group(0)) or event
            add(event, agent, orig(s - len(cue.group(0)), phrase_end))
            taken.append((s, e))
            continue
        after = [(i, ev) for i, ev in triggers if te <= i <= te + 5]
        if _WEAPON_RE.match(low[e:]) and after and after[0][0] == te:
            # "Israeli air strikes on the airport area of Damascus killed ...": the weapon is
            # the event, and the main verb that follows is the doer's too
            add(after[0][1], agent, orig(s, phrase_end))
            later = [ev for i, ev in triggers if te < i <= te + 14 and ev in ("kill", "injure")]
            if later:
                add(later[0], agent, orig(s, phrase_end))
            taken.append((s, e))
            continue
        if after and _DOER_GAP.match(low[e : tokens[after[0][0]][1]].lstrip()):
            w = _WEAPON_RE.match(low[e:])
            add(after[0][1], agent, orig(s, e + (w.end() if w else 0)))
            taken.append((s, e))
    return out


def _blamed_event(cue: str) -> str | None:
    for w in cue.split():
        ev = _EVENT_WORDS.get(w)
        if ev:
            return ev
    return None


def _original_offsets(text: str) -> list[int]:
    """For each index of ``_normalise(text)``, its index in ``text`` (plus one past the end)."""
    removed = [m.start() for m in _APOS.finditer(text)]
    removed += [m.start() for m in _DIGIT_COMMA.finditer(_APOS.sub("", text))]
    if not removed:
        return list(range(len(text) + 1))
    drop = set(m.start() for m in _APOS.finditer(text))
    keep = [i for i in range(len(text)) if i not in drop]
    no_apos = "".join(text[i] for i in keep)
    drop2 = set(m.start() for m in _DIGIT_COMMA.finditer(no_apos))
    keep = [k for j, k in enumerate(keep) if j not in drop2]
    return [*keep, len(text)]


# ----------------------------------------------------------------------------- article context

_ANAPHOR = re.compile(
    r"^(?:it|he|she|they|this|that|the (?:attack|strike|raid|bombing|blast|explosion|helicopter|"
    r"incident|shelling|assault|jet|plane|aircraft|missile|missiles|massacre))\b",
    re.IGNORECASE,
)
_CUE_LEAD = re.compile(r"^.{0,120}?\b(?:said|says|reported|told \w+|announced)(?: that)? ", re.I)


# "earlier in the week", "in late 2018": the claim is set at another time, inherit no date
_OTHER_TIME = re.compile(
    r"\b(?:earlier|later) (?:in|this) (?:the )?(?:week|month|year)|\b(?:this|last|next) "
    r"(?:month|year)|\bin (?:early |late |mid-)?(?:19|20)\d\d\b|\bsince\b|\bago\b|"
    r"\b(?:another|previous|earlier) (?:attack|strike|raid|helicopter)",
    re.IGNORECASE,
)


# "blamed the attack on Turkey": a definite event noun refers back to the event just told
_DEFINITE_EVENT = re.compile(
    r"\bthe (?:attack|strike|raid|bombing|blast|explosion|shelling|assault|incident|massacre)s?\b"
    r"|\bsuch weapons\b",
    re.IGNORECASE,
)


def frame_article(texts: Sequence[str], published: date | None = None) -> list[EventFrame]:
    """Frame the claims of one article in order, filling gaps from the claims just before.

    "The state-owned Russia Today channel said it was hit by a ... missile" names no helicopter,
    date or place: "it" is the helicopter "shot down over Idlib" "On Friday" two sentences up.
    A claim inherits dates, places and targets it lacks from the previous claim when it opens
    with an anaphor ("it", "the attack") or shares a compatible event with it.
    """
    frames = [frame(t, published) for t in texts]
    out: list[EventFrame] = []
    for i, f in enumerate(frames):
        if i == 0:
            out.append(f)
            continue
        prev = out[-1]
        if not f.events:
            # "A Syrian military source strongly denied the army had used any such weapons."
            if prev.events and _DEFINITE_EVENT.search(texts[i]):
                f = replace(
                    f,
                    events=prev.events,
                    dates=f.dates or prev.dates,
                    places=f.places or prev.places,
                    inherited=("events", "dates", "places"),
                )
            out.append(f)
            continue
        body = _CUE_LEAD.sub("", texts[i].strip(), count=1)
        anaphoric = (
            bool(_ANAPHOR.match(body))
            or bool(_ANAPHOR.match(texts[i].strip()))
            or bool(_DEFINITE_EVENT.search(texts[i]))
        )
        # a shared specific event ("shoot_down" and "shoot_down"), not a generic "attack"
        compatible = bool((set(f.events) & set(prev.events)) - EVENT_GENERIC)
        if not (anaphoric or compatible) or not prev.events:
            out.append(f)
            continue
        changes: dict[str, object] = {}
        inherited: list[str] = []
        if not f.dates and prev.dates and not _OTHER_TIME.search(texts[i]):
            changes["dates"] = prev.dates
            inherited.append("dates")
        if prev.places and (not f.places or anaphoric):
            merged = tuple(dict.fromkeys(f.places + prev.places))
            if merged != f.places:
                changes["places"] = merged
                inherited.append("places")
        if prev.targets and (not f.targets or anaphoric):
            merged_t = tuple(dict.fromkeys(f.targets + prev.targets))
            if merged_t != f.targets:
                changes["targets"] = merged_t
                inherited.append("targets")
        if changes:
            f = EventFrame(
                events=f.events,
                agents=f.agents,
                targets=changes.get("targets", f.targets),  # type: ignore[arg-type]
                places=changes.get("places", f.places),  # type: ignore[arg-type]
                dates=changes.get("dates", f.dates),  # type: ignore[arg-type]
                numbers=f.numbers,
                polarity=f.polarity,
                omitted=f.omitted,
                keywords=f.keywords,
                roles=f.roles,
                inherited=tuple(inherited),
                background=f.background,
            )
        out.append(f)
    return out


# ----------------------------------------------------------------------------- JSON


def frame_to_json(f: EventFrame) -> str:
    """Compact JSON for ``claim.frame``; ``frame_from_json`` reads it back exactly."""
    d = {
        "events": list(f.events),
        "agents": list(f.agents),
        "targets": list(f.targets),
        "places": list(f.places),
        "dates": [d.isoformat() for d in f.dates],
        "numbers": [
            [q.value, q.low, q.high, q.qualifier, q.noun, q.text, q.role] for q in f.numbers
        ],
        "polarity": f.polarity.value,
        "omitted": list(f.omitted),
        "keywords": list(f.keywords),
        "roles": [list(r) for r in f.roles],
        "inherited": list(f.inherited),
        "background": f.background,
    }
    return json.dumps(d, ensure_ascii=False, separators=(",", ":"))


def frame_from_json(s: str) -> EventFrame:
    d = json.loads(s) if s else {}
    return EventFrame(
        events=tuple(d.get("events", ())),
        agents=tuple(d.get("agents", ())),
        targets=tuple(d.get("targets", ())),
        places=tuple(d.get("places", ())),
        dates=tuple(date.fromisoformat(x) for x in d.get("dates", ())),
        numbers=tuple(
            Quantity(int(n[0]), n[1], n[2], n[3], n[4], n[5], n[6] if len(n) > 6 else "")
            for n in d.get("numbers", ())
        ),
        polarity=Polarity(d.get("polarity", "asserted")),
        omitted=tuple(d.get("omitted", ())),
        keywords=tuple(d.get("keywords", ())),
        roles=tuple((r[0], r[1], r[2]) for r in d.get("roles", ())),
        inherited=tuple(d.get("inherited", ())),
        background=bool(d.get("background", False)),
    )
