"""Stored text made harmless for terminals and text files, without changing what it says.

Ingested pages and stored notes are untrusted: an outlet can hold ``ESC ] 0 ; ... BEL`` (sets the
window title), ``ESC [ 2 J`` (clears the screen) or a C1 ``CSI``. ``visible`` shows every such
character as an escape (``\\x1b``, ``\\u202e``) instead; ``json_text`` writes the same characters
as JSON ``\\u`` escapes, so the JSON still decodes to the exact stored value.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (a terminal takes U+009B for ESC [), the bidi
# overrides and isolates that reorder what is shown ("Trojan source"), and lone surrogates (from
# undecodable bytes: they would make printing itself fail).
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# what json.dumps(ensure_ascii=False) leaves raw (it escapes C0 itself)
_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character but tab and newline shown as an escape."""
    return UNSAFE.sub(_visible, text)


def json_text(encoded: str) -> str:
    """JSON text from ``json.dumps(..., ensure_ascii=False)`` with DEL, C1, bidi controls and
    lone surrogates written as ``\\uXXXX`` escapes (they can only occur inside strings)."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
