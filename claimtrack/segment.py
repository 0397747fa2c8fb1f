"""Document -> sentence claims with exact character offsets.

Sentence boundaries come from sentencex (lossless: its pieces join back to the exact input, and
it is right on "Mr", "U.S.", "Lt. Gen." and curly quotes). Around it we add what news pages need:

- paragraphs are blank-line separated blocks; ``Claim.paragraph`` numbers them;
- inside a block, a line break ends a claim ("Turkish Foreign Ministry via Reuters\\nTurkish
  Foreign Minister ..." is a photo credit and then a caption) unless the block is hard-wrapped
  prose (lines of similar width that end mid-sentence), where line breaks are just spaces;
- claims are stripped of surrounding white space, so ``text[start:end] == claim.text`` always;
- page furniture is no claim (``is_furniture``): a line that is only a date or a dateline
  ("Abu Dhabi, UAESaturday 30 May 2020", "Updated: February 15, 2020 11:28 PM"), a known
  furniture phrase ("Most Popular", "Advertisement", "Share this article"), a copyright line, and
  an exact repeat of an earlier short line or paragraph (a photo caption printed twice). The text
  keeps them (it is stored unchanged); the claims just do not cover them, so the offsets of the
  other claims stay exact.

Splitting one sentence into clauses happens later, in ``attribute``, because only attribution
knows that a sentence carries two sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sentencex import segment as _sentencex_segment

from claimtrack.model import Claim, Document

_BLOCK_SEPARATOR = re.compile(r"\n[ \t\u00a0]*\n\s*")
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")


def segment(doc: Document) -> tuple[Claim, ...]:
    """Split ``doc.text`` into sentence claims, in document order, with exact offsets."""
    claims: list[Claim] = []
    seen: set[str] = set()  # short lines and paragraphs met so far, for exact repeats
    for paragraph, (block_start, block_end) in enumerate(_blocks(doc.text)):
        block = doc.text[block_start:block_end]
        for line_start, line_end in _lines(block):
            piece = block[line_start:line_end]
            offset = block_start + line_start
            unit = piece.strip()
            if len(unit) <= REPEAT_MAX_CHARS:
                if unit in seen:
                    continue  # an exact repeat: a caption or a pull quote printed twice
                seen.add(unit)
            if is_furniture(unit):
                continue
            for start, end in _sentences(piece):
                claims.append(
                    Claim(
                        start=offset + start,
                        end=offset + end,
                        text=doc.text[offset + start : offset + end],
                        paragraph=paragraph,
                    )
                )
    return tuple(claims)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Blank-line separated blocks as (start, end) spans, empty ones skipped."""
    position = 0
    for separator in _BLOCK_SEPARATOR.finditer(text):
        if text[position : separator.start()].strip():
            yield position, separator.start()
        position = separator.end()
    if text[position:].strip():
        yield position, len(text)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True for prose wrapped at a fixed width: most lines long, of similar width, mid-sentence.

    "Turkey will send a delegation to Russia on Monday to discuss the military\\nescalation in
    Syria's Idlib region" is one sentence wrapped at 72 columns; a caption followed by its credit
    line is not.
    """
    if len(lines) < 3:
        return False
    body = [line.rstrip() for line in lines[:-1]]
    widths = [len(line) for line in body]
    widest = max(widths)
    if widest < 40:
        return False
    similar = sum(1 for width in widths if width >= 0.7 * widest)
    open_ended = sum(1 for line in body if not _TERMINAL.search(line))
    return similar >= 0.8 * len(body) and open_ended >= 0.5 * len(body)


def _lines(block: str) -> Iterator[tuple[int, int]]:
    """Spans of the units to segment inside a block: the whole block or each of its lines."""
    lines = block.split("\n")
    if len(lines) == 1 or _is_hard_wrapped(lines):
        yield 0, len(block)
        return
    position = 0
    for line in lines:
        if line.strip():
            yield position, position + len(line)
        position += len(line) + 1


_SURROGATE = re.compile("[\ud800-\udfff]")
# white space beyond ASCII: sentencex panics on it before a full stop ("end byte index 50 is not
# a char boundary" on "K\u00a0. A"), and a non-breaking space is common in pages
_WIDE_SPACE = re.compile(r"[^\S\x00-\x7f]")


def _sentences(piece: str) -> Iterator[tuple[int, int]]:
    """Sentence spans of one line or block, stripped of surrounding white space.

    Sentencex sees a copy with lone surrogates as U+FFFD and non-ASCII white space as a plain
    space (one character for one: every offset holds); the spans index ``piece`` itself.
    """
    position = 0
    original = piece
    if _SURROGATE.search(piece):
        # a lone surrogate (only a caller's own str can hold one: no decoder yields it) would
        # stop the UTF-8 sentence splitter; U+FFFD keeps every offset
        piece = _SURROGATE.sub("\ufffd", piece)
    if _WIDE_SPACE.search(piece):
        piece = _WIDE_SPACE.sub(" ", piece)
    for sentence in _sentencex_segment("en", piece):
        start = position
        position += len(sentence)
        sentence = original[start:position]
        stripped = sentence.strip()
        if not stripped:
            continue
        lead = len(sentence) - len(sentence.lstrip())
        yield start + lead, start + lead + len(stripped)
    if position != len(piece):  # sentencex is lossless; guard the invariant all the same
        raise AssertionError("sentence segmentation lost text")


# ------------------------------------------------------------------------------- furniture

REPEAT_MAX_CHARS = 300  # a line or paragraph up to this long that repeats an earlier one is dropped

_FURNITURE_PHRASES = frozenset(
    (
        "advertisement",
        "advertising",
        "all rights reserved",
        "back to top",
        "comments",
        "don't miss",
        "editor's picks",
        "follow us",
        "latest news",
        "leave a comment",
        "listen to this article",
        "more stories",
        "most popular",
        "most read",
        "most shared",
        "most viewed",
        "read more",
        "read next",
        "recommended",
        "recommended for you",
        "related",
        "related articles",
        "related content",
        "related news",
        "related stories",
        "related topics",
        "share",
        "share this",
        "share this article",
        "share this story",
        "show comments",
        "sign up",
        "sign up for our newsletter",
        "skip to content",
        "skip to main content",
        "sponsored",
        "sponsored content",
        "subscribe",
        "subscribe now",
        "tags",
        "top stories",
        "topics",
        "trending",
        "trending now",
        "you may also like",
        "you might also like",
    )
)
# "© 2020 The National", "Copyright 2020 Reuters. All rights reserved.": the mark, then a year or
# the reservation, not "Copyright law was changed ..."
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:(?:19|20)\d\d\b|.*\ball rights reserved\b)", re.I
)
# "Published: 15/02/2020", "Updated 3 hours ago": a label and a date this module does not read.
_LABELLED_STAMP = re.compile(
    r"(?:first published|published|posted|last updated|updated|last modified|modified)\b"
    r"(?:\s+on)?\s*:?\s*[\d/.: -]*\d[\d/.: -]*(?:[ap]m)?(?:\s+\w+\s+ago)?$",
    re.I,
)


def is_furniture(line: str) -> bool:
    """True for a line that is page furniture, not something anyone claimed.

    "Most Popular", "Share this article", "© 2020 The National", a date or dateline alone on its
    line ("Abu Dhabi, UAESaturday 30 May 2020", "Updated: February 15, 2020 11:28 PM",
    "Wed 19 Apr 2017 14.33 BST"). A headline that starts with a date ("Wed 19 Apr 2017 Aleppo bomb
    blast kills six") is not furniture.
    """
    line = line.strip()
    if not line or len(line) > 120:
        return False
    phrase = line.lower().replace("’", "'").rstrip(" :.>»|")
    if phrase in _FURNITURE_PHRASES:
        return True
    if _COPYRIGHT.match(line) or _LABELLED_STAMP.match(line):
        return True
    return date_line(line) is not None


# ------------------------------------------------------------------------------- date lines

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_FORMS = (
    rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",  # 19 Apr 2017, 30 May 2020
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # February 15, 2020
    r"(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)",  # 2020-02-15
)
_WEEKDAY = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?,?\s*"
)
_TIME = (
    r"(?:(?:at\s+)?[0-2]?\d[:.][0-5]\d(?:[:.][0-5]\d)?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:gmt|utc|[a-z]{2,4}t)?(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?\)?)?)"
)
_PUBLISHED_LABEL = r"(?:first\s+published|published|posted|date)"
_UPDATED_LABEL = r"(?:last\s+updated|updated|last\s+modified|modified)"
# A place before the date, capitalised words with commas: "Abu Dhabi, UAE", glued to the weekday
# on some saved pages ("UAESaturday").
_PLACE = r"(?:[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,4}?\s*[,|\-–—]?\s*)"
_DATE_LINES = tuple(
    re.compile(
        rf"^{_PLACE}??(?i:(?<![^\W\d_])(?:(?P<published>{_PUBLISHED_LABEL})|(?P<updated>{_UPDATED_LABEL}))"
        rf"(?:\s+on)?\s*[:\-–]?\s*)?(?i:{_WEEKDAY})?(?i:{form})"
        rf"(?i:(?P<time>\s*[,|\-–]?\s*{_TIME})?)\s*[.|]?$"
    )
    for form in _DATE_FORMS
)


@dataclass(frozen=True)
class DateLine:
    """A line that is only a date: what it says, its label, and whether it carries a time."""

    date: date
    label: str | None  # "published" (Published, First published, Posted, Date), "updated", None
    has_time: bool


def _month_number(value: str) -> int:
    return int(value) if value.isdigit() else _MONTHS[value.lower()[:3]]


def date_line(line: str) -> DateLine | None:
    """The date of a line that holds nothing but a (labelled, placed, timed) date, else None.

    "Updated: February 15, 2020 11:28 PM" -> 2020-02-15, label "updated", with a time;
    "Abu Dhabi, UAESaturday 30 May 2020" -> 2020-05-30, no label, no time;
    "Wed 19 Apr 2017 14.33 BST" -> 2017-04-19, no label, with a time;
    "Wed 19 Apr 2017 Aleppo bomb blast kills six" -> None (a headline).
    """
    line = line.strip()
    if len(line) > 120:
        return None
    for pattern in _DATE_LINES:
        found = pattern.match(line)
        if found is None:
            continue
        try:
            value = date(
                int(found["year"]), _month_number(found["month"].rstrip(".")), int(found["day"])
            )
        except (ValueError, KeyError):
            return None
        label = "published" if found["published"] else "updated" if found["updated"] else None
        return DateLine(value, label, bool(found["time"]))
    return None
