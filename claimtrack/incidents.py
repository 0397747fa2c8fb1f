"""Incidents: where and when each account of an article happened, and whether two are one.

An incident is one happening (an attack, a strike, a shoot-down, a bombing): a place, a day, what
happened. Accounts are compared only inside one incident, so that a 2015 raid on Douma is never
set against the 2013 Ghouta attack, nor a province's toll against one town's.

Pure functions over frames (no database):

- ``locate(title, texts, frames, published)`` reads one article: its lead incident (from the
  headline and the lede, less what they say of another time: the first town named, the specific
  event they tell most, the day "on Tuesday" resolves to), any further incident it tells of
  ("Later, a mortar hit ...", a strike in another governorate, a downing told with its own day),
  and for every claim the incident it belongs to, or none for background ("in 2013", "since
  2011", "a similar attack in April", a date days away from the incident's).
- ``same_incident(a, b)`` scores two located incidents (of two articles) as one happening:
  blocking on governorate and a day window, then place, kind and rapidfuzz over their headline
  and lede. The store clusters incidents across articles with it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import TypeVar

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from claimtrack.frame import first_agent, frame, non_state, weapon_agents
from claimtrack.gazetteer import gazetteer
from claimtrack.model import EventFrame

__all__ = [
    "DAY_WINDOW",
    "KIND_LABEL",
    "LEDE_CLAIMS",
    "MATCH_SCORE",
    "Located",
    "Placed",
    "dateline",
    "incident_label",
    "kind_of",
    "locate",
    "same_incident",
    "same_name",
]

_T = TypeVar("_T")

LEDE_CLAIMS = 3  # claims read with the headline for the lead incident
DAY_WINDOW = 1  # incidents of two articles a day apart may be one (reports lag a day)
WEEK_BACK = 6  # days before a report from which "on Tuesday" is more likely last week's
OTHER_TIME_DAYS = 3  # a claim dated further than this from its incident tells of another time
MATCH_SCORE = 60.0  # same_incident at or above: one incident

# What happened, by the frame's events, most specific first: "a suspected chemical attack" is a
# chemical attack even when the sentence also says "air strikes".
_KIND_OF_EVENT = (
    ("chemical", "chemical_attack"),
    ("shoot_down", "shoot_down"),
    ("bomb", "bombing"),
    ("air_strike", "air_strike"),
    ("intercept", "air_strike"),
    ("shell", "shelling"),
    ("shoot", "shooting"),
    ("clash", "clashes"),
    ("capture", "offensive"),
    ("arrest", "arrests"),
    ("flee", "displacement"),
)
_GENERIC_KINDS = frozenset({"attack", "event"})
_HARM = frozenset({"kill", "injure", "attack", "strike"})
# kinds that reporters mix up for one happening: "air strikes" in one outlet, "shelling" or "a
# bombing" in another. One incident, and the cause itself is what the accounts dispute.
_NEAR_KINDS = frozenset(
    {
        frozenset({"air_strike", "shelling"}),
        frozenset({"air_strike", "chemical_attack"}),  # gas dropped by aircraft
        frozenset({"air_strike", "bombing"}),
        frozenset({"shelling", "bombing"}),
        frozenset({"clashes", "shelling"}),
        frozenset({"clashes", "offensive"}),
        frozenset({"shooting", "clashes"}),
    }
)
KIND_LABEL = {
    "chemical_attack": "chemical attack",
    "shoot_down": "shoot-down",
    "bombing": "bombing",
    "air_strike": "air strike",
    "shelling": "shelling",
    "shooting": "shooting",
    "clashes": "clashes",
    "offensive": "offensive",
    "arrests": "arrests",
    "displacement": "displacement",
    "attack": "attack",
    "event": "event",
}

# "Later, a mortar hit ...", "In a separate attack ...": the article turns to another incident
_NEW_INCIDENT = re.compile(
    # ("Later in the day Reuters reported ..." goes on with the same day's story)
    r"^(?:\W*)(?:later(?! (?:in|on|that) (?:the )?(?:day|evening|night))|separately|elsewhere|"
    r"meanwhile|in (?:a |another )?separate\b|"
    r"in another (?:attack|strike|raid|incident|bombing|development)|"
    r"(?:on|in) (?:a|another) (?:separate|different)\b|also on \w+day\b)",
    re.IGNORECASE,
)
# "Meanwhile state news agency SANA said artillery fire killed two ...": at the place being
# told, a turn to another source's account, not to another happening
_TURN_TO_SOURCE = re.compile(
    r"^\W*(?:meanwhile|separately|later)\W+(?:[\w'-]+\s+){0,6}?"
    r"(?:said|says|reported|reports|told|added|announced|claimed|quoted|stated)\b",
    re.IGNORECASE,
)


# of the turns above, those that say the place is another one
_ELSEWHERE = re.compile(
    r"^\W*(?:elsewhere|separately|in (?:a |another )?separate\b|in another\b|"
    r"(?:on|in) (?:a|another) (?:separate|different)\b)",
    re.IGNORECASE,
)
# "a similar attack in April", "the 2013 Ghouta attack", "last months strike": another incident
_OTHER_INCIDENT = re.compile(
    r"\b(?:a |an )?(?:similar|previous|earlier|last|prior|past) (?:attacks?|strikes?|raids?|"
    r"bombings?|massacres?|incidents?|assaults?)\b|"
    r"\blast (?:month|year|week)\b|\b(?:months|years) ago\b|"
    # "three people were also killed in another town", "in another Alawite neighbourhood"
    r"\banother (?:[\w-]+ )?(?:town|village|city|neighbou?rhood|district|area|province|region)s?\b|"
    # "the conflict has taken the lives of more than 200000", "killed in the Syrian war"
    r"\b(?:the|syrias) (?:syrian |[\w]+-year )?(?:conflict|war|crisis) (?:has|had) \w+|"
    # "Syrian and Russian warplanes regularly bomb Idlib", "wounded 22 in recent days"
    r"\b(?:regularly|frequently|repeatedly|daily)\b|\bin (?:recent|the coming|past) "
    r"(?:days|weeks|months)\b|\bthe (?:death )?toll includes\b|"
    # totals over days, months or the war: "seven days of airstrikes ... left more than 75
    # civilians dead", "from March 2011 to June 2016", "the six-year conflict has caused"
    r"\b(?:\w+|\d+) (?:days|weeks|months) of\b|\bfrom (?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december) \d{4}\b|"
    r"\b\w+-year(?:-old)? (?:war|conflict|crisis|uprising)\b|\bdeaths in the country\b|"
    # "71 civilians killed ... on Tuesday and Wednesday": a two-day total
    r"\bon (?:mon|tues|wednes|thurs|fri|satur|sun)day and "
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.IGNORECASE,
)
# "The assault came after rebels fired at least 70 rockets ... killing seven people": the
# attack it answered, an incident of its own (other outlets may report it as their lead)
_ANSWERED = re.compile(
    r"\b(?:came|comes|come) (?:a day |hours |days |a week |shortly )?after\b|"
    r"\b(?:retaliation|response|reprisal|revenge) (?:for|to)\b",
    re.IGNORECASE,
)
# kinds that tell one happening apart: a claim of a gas attack or a downing in an article about
# another kind of incident tells of that other incident ("Syria denied carrying out the gas
# attack" in a report of an air strike days later)
_DISTINCT_KINDS = frozenset({"chemical_attack", "shoot_down"})
_TIE_ORDER = {"chemical_attack": 0, "shoot_down": 2}  # the lead's kind among kinds weighed alike


@dataclass(frozen=True)
class Placed:
    """One incident as one article tells it: its place, day and kind, and the words it is told
    in (headline and lede), which ``same_incident`` compares across articles."""

    day: date | None
    place: str | None  # the most specific place named ("khan shaykhun"), else the governorate
    governorate: str | None
    kind: str  # chemical_attack, shoot_down, bombing, air_strike, shelling, ..., attack, event
    signature: str  # headline and lede, for fuzzy comparison

    @property
    def label(self) -> str:
        return incident_label(self.place, self.day, self.kind)


@dataclass(frozen=True)
class Located:
    """An article's incidents (``incidents[0]`` is the lead) and, per claim, the index of its
    incident or None (background, another time: compared with nothing)."""

    incidents: tuple[Placed, ...]
    claim_incident: tuple[int | None, ...]


def kind_of(events: Sequence[str]) -> str:
    """The incident kind a claim's events tell of: ``("kill", "air_strike")`` -> air_strike."""
    present = set(events)
    for event, kind in _KIND_OF_EVENT:
        if event in present:
            return kind
    return "attack" if present & _HARM else "event"


def kinds_of(events: Sequence[str]) -> frozenset[str]:
    """Every incident kind a claim's events tell of: ``("shell", "shoot_down")`` -> shelling
    and shoot-down ("revenge shelling after a downed pilot"); empty when none is named."""
    present = set(events)
    return frozenset(kind for event, kind in _KIND_OF_EVENT if event in present)


def incident_label(place: str | None, day: date | None, kind: str) -> str:
    """``"Khan Shaykhun, 4 Apr 2017, chemical attack"``; unknown parts say so."""
    where = " ".join(w[:1].upper() + w[1:] for w in place.split()) if place else "place unknown"
    when = f"{day.day} {day:%b %Y}" if day else "date unknown"
    return f"{where}, {when}, {KIND_LABEL.get(kind, kind.replace('_', ' '))}"


def _own(values: tuple[_T, ...], f: EventFrame, name: str) -> tuple[_T, ...]:
    """What the claim itself names (not what ``frame_article`` filled in from before)."""
    return () if name in f.inherited else values


def _towns_and_governorates(
    places: Sequence[str], unknown: list[str] | None = None
) -> tuple[list[str], list[str]]:
    """Known towns and the governorates named or implied, in order of mention; places the
    gazetteer does not know ("the village of Urum al-Kubra") go to ``unknown``."""
    gz = gazetteer()
    towns: list[str] = []
    govs: list[str] = []
    for p in places:
        g = gz.governorate(p)
        if g is None:
            if unknown is not None and p not in unknown:
                unknown.append(p)
            continue
        if gz.is_governorate(p):
            if p not in govs:
                govs.append(p)
        else:
            if p not in towns:
                towns.append(p)
            if g not in govs:
                govs.append(g)
    return towns, govs


def _lead(
    title: str | None,
    texts: Sequence[str],
    frames: Sequence[EventFrame],
    title_frame: EventFrame | None,
    published: date | None,
) -> Placed:
    # the headline and the lede, less what they say of another time: "days after the chemical
    # attack on Khan Sheikhoun" in the lede of an Urum al-Joz strike does not place it
    told = [
        (t, f)
        for t, f in zip(texts[:LEDE_CLAIMS], frames[:LEDE_CLAIMS], strict=False)
        if not f.background
        and not _OTHER_INCIDENT.search(t)
        and not _other_year(t, published)
        and not _far(f, published)
    ]
    lede = [f for _, f in told]
    heads = ([title_frame] if title_frame is not None else []) + lede
    places = [p for f in heads for p in f.places]
    unknown: list[str] = []
    towns, govs = _towns_and_governorates(places, unknown)
    if not govs:  # the lede names no known place: the place the article names most
        counts = Counter(p for f in frames if not f.background for p in f.places)
        towns, govs = _towns_and_governorates([p for p, _ in counts.most_common()])
    governorate = govs[0] if govs else None
    in_gov = [t for t in towns if gazetteer().governorate(t) == governorate]
    # a town the gazetteer does not know, named in the lede ("the village of Urum al-Kubra"),
    # is more precise than the governorate around it
    place = in_gov[0] if in_gov else unknown[0] if unknown and governorate else governorate
    # what happened: the specific kind the headline and lede tell most, a claim with a toll
    # counting double ("Syrian government shelling killed 31" over "a jet was shot down")
    weights: dict[str, float] = defaultdict(float)
    head_texts = ([title or ""] if title_frame is not None else []) + [t for t, _ in told]
    # what each of them tells before it turns to a cause, framed once for kind and day
    told_frames = [_before_cause(t, f, published) for t, f in zip(head_texts, heads, strict=True)]
    for f, before in zip(heads, told_frames, strict=True):
        w = 2.0 if any(q.role == "dead" for q in f.numbers) else 1.0
        kinds = kinds_of(before.events or f.events)
        if not kinds:
            weights[kind_of(f.events)] += w
        # "revenge shelling after a downed pilot": each kind a claim names shares its weight;
        # of kinds weighed alike, gas first (it is what sets an attack apart: "a suspected
        # chemical attack" by air strikes), a downing last (the toll is the other kind's)
        for k in sorted(kinds):
            weights[k] += w / len(kinds)
    # ties broken by name last: never by the order a set happens to iterate in
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], _TIE_ORDER.get(kv[0], 1), kv[0]))
    specific = [k for k, _ in ranked if k not in _GENERIC_KINDS]
    if specific and weights.get("chemical_attack", 0.0) * 2 >= weights[specific[0]]:
        # "Chemical Massacre in Idlib": air strikes that dropped gas are a chemical attack
        specific.insert(0, "chemical_attack")
    kind = specific[0] if specific else "attack" if "attack" in weights else "event"
    if kind in _GENERIC_KINDS:  # the article's most frequent specific event
        counts = Counter(kind_of(f.events) for f in frames if f.events and not f.background)
        specific = [k for k, _ in counts.most_common() if k not in _GENERIC_KINDS]
        kind = specific[0] if specific else kind
    day = published
    stated = dateline(title or "") or (dateline(texts[0]) if texts else None)
    if stated is not None and published is None:
        # no known date: the text's own dateline ("Sunday 12 Jun 2016 ...") places the
        # incident. A known date wins over a dateline: the line atop a saved page can be the
        # day it was viewed ("Abu Dhabi, UAESaturday 30 May 2020" above a report published on
        # 15 February 2020), and measured on FA-KES trusting datelines over the data's dates
        # set more articles of other days together than it joined
        day = stated
    elif published is not None:
        # "on Tuesday" in the lede: the incident's day, a day or two before the report. A day
        # a week back yields to a nearer one ("Tuesday 14 November 2017 ... on Monday November
        # 13": the dateline's weekday, read against a report dated the 13th, is the 7th)
        near = [
            d for f in heads for d in _own(f.dates, f, "dates") if 0 <= (published - d).days <= 7
        ]
        if stated is not None and abs((stated - published).days) <= 1:
            # "43 killed in Syria army shelling ... AFP Sunday 3 Jul 2016 Fierce government
            # bombardment ..." then "Hours of air strikes and shelling on Saturday struck
            # Jayrud": a dateline that repeats the report's date yields to the day the lede
            # tells the attack on, as it does inside one sentence
            # (not the day of the cause: "the barrage was a response to rocket attacks by
            # insurgents on Thursday")
            told_days = [
                d
                for t, f, before in zip(head_texts, heads, told_frames, strict=True)
                if dateline(t) is None and set(f.events) & _HARM
                for d in _own(before.dates, f, "dates")
                if 0 <= (published - d).days <= 7 and d != stated
            ]
            if told_days:
                near = told_days + [d for d in near if d not in told_days]
        recent = [d for d in near if (published - d).days < WEEK_BACK]
        if recent or near:
            day = (recent or near)[0]
    words = [title or "", *texts[:2]]
    return Placed(day, place, governorate, kind, " ".join(w for w in words if w)[:600])


def locate(
    title: str | None,
    texts: Sequence[str],
    frames: Sequence[EventFrame],
    published: date | None,
    title_frame: EventFrame | None = None,
) -> Located:
    """The incidents of one article and the incident of each claim (see the module doc).

    ``frames`` are ``frame_article``'s (one per claim, in order); ``title_frame`` the headline's
    frame when there is a headline.
    """
    lead = _lead(title, texts, frames, title_frame, published)
    incidents: list[Placed] = [lead]
    assigned: list[int | None] = []
    current = 0  # the incident the article is telling of
    for text, f in zip(texts, frames, strict=True):
        if f.background or _OTHER_INCIDENT.search(text) or _other_year(text, lead.day):
            assigned.append(None)
            continue
        if _ANSWERED.search(text):
            assigned.append(_answered(incidents, lead, text, f))
            continue
        own_dates = _own(f.dates, f, "dates")
        if _far(f, incidents[current].day or lead.day):
            assigned.append(None)  # "on March 3" in a report of April 4: another time
            continue
        if _other_day(own_dates, lead.day):
            # "On Wednesday three suicide bombers killed at least two people" in a report of
            # Sunday's shelling: that day's attack, an incident of its own
            assigned.append(_answered(incidents, lead, text, f))
            continue
        towns, govs = _towns_and_governorates(_own(f.places, f, "places"))
        violent = bool(f.events) and kind_of(f.events) != "event"
        at = incidents[current]
        claim_kind = kind_of(_told_before_cause(text, f))  # "shelling after a downed pilot"
        other_kind = claim_kind in _DISTINCT_KINDS and claim_kind != at.kind
        turn = bool(_NEW_INCIDENT.match(text))
        if other_kind and not (own_dates or govs or turn):
            # "Syria has categorically denied carrying out the gas attack", in the report of an
            # air strike days later: the gas attack told of in passing, compared with nothing
            assigned.append(None)
            continue
        other_place = other_place_of(at, towns, govs)
        if turn and not other_place and _TURN_TO_SOURCE.match(text):
            turn = False  # "Meanwhile SANA said artillery fire killed two ... in Old Damascus"
        # "On Friday, a second Syrian government helicopter was shot down over Idlib" in a
        # report of air strikes on Idlib: another incident, at the same place; so is "eight
        # civilians were killed Thursday in rebel fire on the government-held west of the city"
        # in a report of government air strikes (rebels fly no aircraft)
        # (told in passing: the article goes on with the incident it was telling)
        in_passing = violent and _other_side(at, claim_kind, text, f)
        turns = (turn or other_kind or in_passing) and violent
        if violent and other_place and not (turns or towns):
            # "At least 327 people have also been killed in clashes in the neighbouring province
            # of Aleppo": a governorate-wide figure, no incident of its own
            assigned.append(None)
            continue
        if violent and (other_place or turns):
            gov = govs[0] if govs else at.governorate
            in_gov = [t for t in towns if gazetteer().governorate(t) == gov]
            kind = kind_of(f.events)
            if not (other_place or own_dates or other_kind or in_passing) and (
                kind in _GENERIC_KINDS
            ):
                # no place, day or kind to tell another incident by: "Meanwhile the National
                # Coalition ... said the attack killed more than 100 people" goes on with the
                # incident being told; "Elsewhere a civil defence worker protected the face of
                # another dead child" is compared with nothing (and the article goes on)
                assigned.append(None if _ELSEWHERE.match(text) else current)
                continue
            placed = Placed(
                own_dates[0] if own_dates else lead.day,
                in_gov[0] if in_gov else gov,
                gov,
                kind if kind not in _GENERIC_KINDS or turns else at.kind,
                text[:600],
            )
            found = _find_or_add(incidents, placed)
            if not in_passing or other_place or turn or other_kind:
                current = found
            assigned.append(found)
            continue
        if current != 0 and govs and not other_place_of(lead, towns, govs):
            current = 0  # back at the lead's place: "In Khan Sheikhoun, rescuers said ..."
        assigned.append(current)  # else the incident being told (articles tell in sequence)
    return Located(tuple(incidents), tuple(assigned))


def _other_day(own_dates: Sequence[date], day: date | None) -> bool:
    """The claim is dated, every date it names two days or more from ``day``."""
    return (
        day is not None
        and bool(own_dates)
        and all(abs((d - day).days) > DAY_WINDOW for d in own_dates)
    )


# "Syrian air strikes kill 70 people after rebel rocket attack": what follows tells the cause
_CAUSE = re.compile(
    r"\b(?:after|following|(?:in|an?) (?:retaliation|response|revenge|reprisal) (?:for|to))\b",
    re.I,
)


def _before_cause(text: str, f: EventFrame, published: date | None = None) -> EventFrame:
    """The frame of what a headline or lede tells before it turns to the cause ("... after
    rebel rocket attack"), or ``f`` when it names no cause."""
    m = _CAUSE.search(text)
    if m is None or m.start() == 0:
        return f
    return frame(text[: m.start()], published)


def _told_before_cause(text: str, f: EventFrame) -> tuple[str, ...]:
    """The events a headline or lede tells before it turns to their cause ("... after rebel
    rocket attack"): the kind of the incident itself."""
    return _before_cause(text, f).events or f.events


def _answered(incidents: list[Placed], lead: Placed, text: str, f: EventFrame) -> int | None:
    """The incident of a claim telling of another attack than the lead: the one the lead
    answered ("The assault came after rebels fired at least 70 rockets and mortar rounds at the
    capital killing seven people"), another day's ("On Wednesday three suicide bombers killed
    ..."): its own incident (its place, or the lead's governorate; its day, or the lead's),
    added to ``incidents``; None when it tells of no harm or names no kind of attack (compared
    with nothing)."""
    kinds = kinds_of(f.events)
    if not kinds or not (set(f.events) & _HARM) or f.background:
        return None
    own_dates = _own(f.dates, f, "dates")
    unknown: list[str] = []  # "in the town of Dumeir": a town the gazetteer does not know
    towns, govs = _towns_and_governorates(_own(f.places, f, "places"), unknown)
    gov = govs[0] if govs else lead.governorate
    in_gov = [t for t in towns if gazetteer().governorate(t) == gov]
    placed = Placed(
        own_dates[0] if own_dates else lead.day,
        in_gov[0] if in_gov else unknown[0] if unknown and gov else gov,
        gov,
        kind_of(f.events),
        text[:600],
    )
    if (placed.kind, placed.place, placed.day) == (lead.kind, lead.place, lead.day):
        return None  # not told apart from the lead: compared with nothing
    return _find_or_add(incidents, placed)


_YEAR = re.compile(r"\b(?:19[89]\d|20\d\d)\b")


_MONTH_NUMBER = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}  # fmt: skip
_MONTH_RE = "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True))
# a full date near the start of a headline or first sentence: "Sun 05 Jul 2015 22 dead ...",
# "Published June 12 2016 At least 39 ...", "Date of publication 3 April 2017", "05-07-2015 US
# Raids ...", "2016-10-26"
_DATELINE = re.compile(
    r"(?P<d1>\d{1,2})\s+(?P<m1>" + _MONTH_RE + r")\.?,?\s+(?P<y1>(?:19|20)\d\d)\b|"
    r"\b(?P<m2>"
    + _MONTH_RE
    + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)\b|"
    r"\b(?P<d3>\d{2})-(?P<m3>\d{2})-(?P<y3>(?:19|20)\d\d)\b|"
    r"\b(?P<y4>(?:19|20)\d\d)-(?P<m4>\d{2})-(?P<d4>\d{2})\b",
    re.IGNORECASE,
)
DATELINE_CHARS = 120  # a dateline sits at the very start


def dateline(text: str) -> date | None:
    """The full date a headline or first sentence opens with, or None.

    >>> dateline("Sun 05 Jul 2015 22 dead in heavy U.S. raids on IS Syria stronghold.")
    datetime.date(2015, 7, 5)
    """
    m = _DATELINE.search(text[:DATELINE_CHARS])
    if m is None:
        return None
    g = m.groupdict()
    try:
        if g["d1"]:
            return date(int(g["y1"]), _MONTH_NUMBER[g["m1"].lower()], int(g["d1"]))
        if g["d2"]:
            return date(int(g["y2"]), _MONTH_NUMBER[g["m2"].lower()], int(g["d2"]))
        if g["d3"]:  # day first, as Arab and European outlets write it
            return date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
        return date(int(g["y4"]), int(g["m4"]), int(g["d4"]))
    except ValueError:
        return None


def _far(f: EventFrame, day: date | None) -> bool:
    """The claim is dated, and every date it names is days away from ``day``."""
    own = _own(f.dates, f, "dates")
    return day is not None and bool(own) and all(abs((d - day).days) > OTHER_TIME_DAYS for d in own)


def _other_year(text: str, day: date | None) -> bool:
    """The claim names a year, and not the incident's: "the 2013 Ghouta attack" in 2017."""
    if day is None:
        return False
    years = {int(y) for y in _YEAR.findall(text)}
    return bool(years) and day.year not in years


def other_place_of(at: Placed, towns: Sequence[str], govs: Sequence[str]) -> bool:
    """A claim naming ``towns``/``govs`` is elsewhere than ``at``: another governorate, or
    another town when ``at`` is a town (naming its governorate is not elsewhere: part and
    whole)."""
    if not govs:
        return False
    if at.governorate is not None and at.governorate not in govs:
        return True
    gz = gazetteer()
    return (
        bool(towns)
        and at.place is not None
        and at.place not in towns
        and not gz.is_governorate(at.place)
        # "revenge attack kills scores in Qalamoun" then "in the town of Jayrud": a town of
        # the region the incident was told of is where it happened, not elsewhere
        and not any(gz.within(t, at.place) for t in towns)
    )


def _find(incidents: Sequence[Placed], placed: Placed) -> int | None:
    """An incident of the same article that ``placed`` is (same place, day and kind)."""
    for i, other in enumerate(incidents):
        if (other.place, other.day) == (placed.place, placed.day) and _kinds_agree(
            other.kind, placed.kind
        ) >= 1.0:
            return i
    return None


def _find_or_add(incidents: list[Placed], placed: Placed) -> int:
    """The index of the article's incident that ``placed`` is, added to ``incidents`` if new."""
    index = _find(incidents, placed)
    if index is None:
        incidents.append(placed)
        index = len(incidents) - 1
    return index


def _kinds_agree(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if {a, b} & _GENERIC_KINDS and {a, b} & _DISTINCT_KINDS:
        # an article about a gas attack or a downing says so: one that tells only of "an
        # attack" ("Syrian army kills 62 rebels" in an ambush) tells of another
        return 0.0
    if a in _GENERIC_KINDS or b in _GENERIC_KINDS:
        return 0.6
    if frozenset({a, b}) in _NEAR_KINDS:
        return 0.4
    return 0.0


_VOWELS = re.compile(r"[aeiouy\W_]+")
_ARTICLE = re.compile(r"\b(?:al|el|as|ash|ad|ar|at|az|an)[- ]")


def same_name(a: str, b: str) -> bool:
    """Two spellings of one place name: near-identical, or the same consonants in the same
    order once the article and the vowels are gone (transliterations of Arabic differ mostly in
    vowels: "Milis" and "Meles", "Urum al-Joz" and "Orom al-Jouz")."""
    if a == b or fuzz.ratio(a, b) >= 85:
        return True
    sa, sb = (_VOWELS.sub("", _ARTICLE.sub("", x)) for x in (a, b))
    return len(sa) >= 3 and sa == sb


@lru_cache(maxsize=65536)
def _attack_side(signature: str) -> str | None:
    """Which side the story tells attacked: "non_state" for a side with no air force
    ("Jaysh al-Islam Fires Rocket Shells at Damascus", "Rebel shelling on the Syrian capital
    killed four"), "state" for a state's forces ("The Syrian regime has killed at least 43
    people ... in a revenge shelling attack"), None when it names no attacker or both. Read in
    what the headline and lede tell before they turn to a cause ("Syrian air strikes kill 70
    people after rebel rocket attack" is the state's attack)."""
    m = _CAUSE.search(signature)
    head = signature[: m.start()] if m is not None and m.start() > 0 else signature[:300]
    agents = set(weapon_agents(head)) | set(frame(head).agents)
    return _side_of(agents or {first_agent(head)} - {""})


def _side_of(agents: set[str]) -> str | None:
    """ "non_state" when every actor is of a side with no air force, "state" when none is, else
    (none named, or both sides) None."""
    sides = {non_state(x) for x in agents}
    return None if len(sides) != 1 else "non_state" if sides == {True} else "state"


def _rebel_attack(text: str, f: EventFrame) -> bool:
    """The claim names a side with no air force as the attacker ("killed in rebel fire")."""
    return _side_of(set(weapon_agents(text)) | set(f.agents)) == "non_state"


def _other_side(at: Placed, claim_kind: str, text: str, f: EventFrame) -> bool:
    """A claim telling of the other side's attack than the incident being told: rebel shelling
    in a report of air strikes, air strikes in a report of a rebel attack."""
    if at.kind == "air_strike":
        return claim_kind in ("shelling", "bombing") and _rebel_attack(text, f)
    if at.kind in ("shelling", "bombing") and claim_kind == "air_strike":
        return _attack_side(at.signature) == "non_state" and not _rebel_attack(text, f)
    return False


def _two_sides(a: Placed, b: Placed) -> bool:
    """Two kinds of attack by the two sides on one day ("Syria strikes kill 45 after rebel fire
    on Damascus" and "Jaysh al-Islam fires rocket shells at Damascus"; government shelling of
    Jayrud and an ISIS suicide attack in Dumeir): an attack and another, or the answer to it,
    two incidents. Air strikes are a state's (rebels fly no aircraft). One kind told by both
    sides may be one attack whose culprit is disputed, and so may a gas attack or a downing."""
    if a.kind == b.kind or {a.kind, b.kind} & _DISTINCT_KINDS:
        return False
    side_a = "state" if a.kind == "air_strike" else _attack_side(a.signature)
    side_b = "state" if b.kind == "air_strike" else _attack_side(b.signature)
    return {side_a, side_b} == {"state", "non_state"}


def same_incident(a: Placed, b: Placed) -> float:
    """How likely two articles' incidents are one happening, 0..100 (``MATCH_SCORE`` and up: one).

    Blocking first: different governorates, or days further apart than ``DAY_WINDOW``, are two
    incidents (0). Two different towns of one governorate are two incidents unless their words
    agree closely. An incident with no day or no place joins another only on near-identical
    words (the same wire story).
    """
    text = fuzz.token_set_ratio(a.signature, b.signature, processor=default_process)
    if a.day is None or b.day is None or a.governorate is None or b.governorate is None:
        return text if text >= 90 and a.governorate == b.governorate else 0.0
    gap = abs((a.day - b.day).days)
    if a.governorate != b.governorate or gap > DAY_WINDOW:
        return 0.0
    gz = gazetteer()
    a_town = a.place is not None and not gz.is_governorate(a.place)
    b_town = b.place is not None and not gz.is_governorate(b.place)
    if a_town and b_town and a.place is not None and b.place is not None:
        if same_name(a.place, b.place):
            place = 1.0
        elif gz.within(a.place, b.place) or gz.within(b.place, a.place):
            place = 0.8  # Douma and the Eastern Ghouta it lies in
        elif gz.region_of.get(a.place, a.place) == gz.region_of.get(b.place, b.place):
            place = 0.5  # two towns of one region: raids on the Ghouta hit several at once
        else:
            place = 0.0
    else:
        place = 0.6  # a town and its governorate: maybe the same place told less precisely
    kinds = _kinds_agree(a.kind, b.kind)
    day = (1.0, 0.7)[gap]
    score = 35.0 * day + 25.0 * place + 20.0 * kinds + 0.2 * text
    if place == 0.0 and text < 75:
        score = min(score, MATCH_SCORE - 1.0)  # two towns: two incidents, unless one story
    if place == 0.5 and kinds < 1.0 and text < 75:
        score = min(score, MATCH_SCORE - 1.0)  # two towns of a region, two kinds: two attacks
    if _two_sides(a, b) and text < 90:
        score = min(score, MATCH_SCORE - 1.0)
    if kinds == 0.0 and place < 0.8 and text < 60:
        # a gas attack and a car bomb on one day in one governorate; in one town, the cause is
        # what the accounts may dispute ("shelling" vs "air strikes")
        score = min(score, MATCH_SCORE - 1.0)
    return round(score, 1)
