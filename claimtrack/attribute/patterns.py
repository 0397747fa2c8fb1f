"""Regular expressions shared by more than one part of attribution."""

from __future__ import annotations

import re

_MODIFIER_SUFFIX = re.compile(
    r"^(?:pro-\w+|anti-\w+|[\w.]+-(?:based|backed|led|run|owned|affiliated|linked|controlled|held|allied|"
    r"aligned|language|funded|sponsored|supported|appointed))$",
    re.IGNORECASE,
)
_QUOTE_CHARS = re.compile(r"[\"“”]")
# what makes an unnamed source informed: "people familiar with the matter"
_INFORMED = re.compile(
    r" (?:familiar with|close to|briefed on|with knowledge of|knowledgeable about)"
    r"(?: (?!(?:said|says|told|have|has|had|is|are|was|were|say|believe|believes)\b)[\w'’-]+)"
    r"{1,4}?(?=[,.;]| (?:said|says|told|have|has|had|is|are|was|were|say|believe|believes)\b|$)"
)
