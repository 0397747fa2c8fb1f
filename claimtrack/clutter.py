"""What a saved page puts before a sentence: datelines, share counters, agency credits.

News pages glue their furniture to the first sentence ("Date of publication 6 June 2016 At least
17 civilians ...", "28.04.2017(updated 1456 28.04.2017) Get short URL 1195 Over 100 militants
...", "BEIRUT (Reuters) - Air strikes ..."). The stored claim keeps its text as written (offsets
index the article); reasons and ClaimReview show the sentence alone (``strip_leading``).
"""

from __future__ import annotations

import re

MONTH_PATTERN = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"  # lower case
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"

# each pattern matches at the start of what is left; tried until none does
_LEADING: tuple[re.Pattern[str], ...] = (
    # "Date of publication 6 June 2016", "Published July 2 2016", "Last updated at ..."
    re.compile(
        r"(?:date of publication|published|posted on|last updated(?: at)?|updated)\b:?\s*", re.I
    ),
    # "Thursday 25 Aug 2016", "Sun 01 Feb 2015", "July 19 2016"
    re.compile(_WEEKDAY + r"\d{1,2}\s+" + MONTH_PATTERN + r",?\s+\d{4}\b[,:]?\s*", re.I),
    re.compile(_WEEKDAY + MONTH_PATTERN + r"\s+\d{1,2},?\s+\d{4}\b[,:]?\s*", re.I),
    # "30.04.2017)", "05-02-2015"
    re.compile(r"\(?\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\)?[,:]?\s*"),
    # "(updated 1456 28.04.2017)"
    re.compile(r"\(updated\s+\d{3,4}\s+\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\)\s*", re.I),
    # "Get short URL 3214" with its share counters (and a topic link)
    re.compile(r"Get short URL(?:\s+Topic\s+[^()]{1,120}\(\d+\))?(?:\s+\d+)*\s+", re.I),
    # "(TRT World and Agencies)", "(AFP)"
    re.compile(r"\((?:trt world and agencies|afp|ap|reuters)\)\s*", re.I),
    # a wire dateline: "BEIRUT (Reuters) -", "DAMASCUS, Syria (AP) --"
    re.compile(
        r"[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.'’ -]{1,40})?\s*"
        r"(?:\([A-Za-z][\w ./&-]{0,40}\))?\s*[-–—]{1,2}\s+"
    ),
)


def strip_leading(text: str) -> str:
    """``text`` without the page furniture it opens with (never all of it).

    >>> strip_leading("30.04.2017) Get short URL 3214 An airstrike killed 12 people.")
    'An airstrike killed 12 people.'
    >>> strip_leading("Date of publication 6 June 2016 At least 17 civilians were killed.")
    'At least 17 civilians were killed.'
    """
    rest = text
    changed = True
    while changed:
        changed = False
        for pattern in _LEADING:
            found = pattern.match(rest)
            if found and found.end() < len(rest):
                rest = rest[found.end() :]
                changed = True
    return rest
