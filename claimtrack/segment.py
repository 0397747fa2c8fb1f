"""Document -> sentence claims with exact character offsets.

Sentence boundaries come from sentencex (lossless: its pieces join back to the exact input, and
it is right on "Mr", "U.S.", "Lt. Gen." and curly quotes). Around it we add what news pages need:

- paragraphs are blank-line separated blocks; ``Claim.paragraph`` numbers them;
- inside a block, a line break ends a claim ("Turkish Foreign Ministry via Reuters\\nTurkish
  Foreign Minister ..." is a photo credit and then a caption) unless the block is hard-wrapped
  prose (lines of similar width that end mid-sentence), where line breaks are just spaces;
- claims are stripped of surrounding white space, so ``text[start:end] == claim.text`` always.

Splitting one sentence into clauses happens later, in ``attribute``, because only attribution
knows that a sentence carries two sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sentencex import segment as _sentencex_segment

from claimtrack.model import Claim, Document

_BLOCK_SEPARATOR = re.compile(r"\n[ \t\u00a0]*\n\s*")
_TERMINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")


def segment(doc: Document) -> tuple[Claim, ...]:
    """Split ``doc.text`` into sentence claims, in document order, with exact offsets."""
    claims: list[Claim] = []
    for paragraph, (block_start, block_end) in enumerate(_blocks(doc.text)):
        block = doc.text[block_start:block_end]
        for line_start, line_end in _lines(block):
            piece = block[line_start:line_end]
            offset = block_start + line_start
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


def _sentences(piece: str) -> Iterator[tuple[int, int]]:
    """Sentence spans of one line or block, stripped of surrounding white space."""
    position = 0
    if _SURROGATE.search(piece):
        # a lone surrogate (only a caller's own str can hold one: no decoder yields it) would
        # stop the UTF-8 sentence splitter; U+FFFD keeps every offset
        piece = _SURROGATE.sub("\ufffd", piece)
    for sentence in _sentencex_segment("en", piece):
        start = position
        position += len(sentence)
        stripped = sentence.strip()
        if not stripped:
            continue
        lead = len(sentence) - len(sentence.lstrip())
        yield start + lead, start + lead + len(stripped)
    if position != len(piece):  # sentencex is lossless; guard the invariant all the same
        raise AssertionError("sentence segmentation lost text")
