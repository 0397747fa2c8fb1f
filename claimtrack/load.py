"""Load stage: files, directories and stdin -> :class:`claimtrack.model.Document`.

Pure: bytes or paths in, a ``Document`` out, no database and no printing. Every bad input raises
:class:`claimtrack.errors.LoadError` with a short reason ("binary file (not text)", "empty file",
"no such file or directory", ...), so a batch can report it and carry on.

Decoding (``decode``): a byte-order mark wins (UTF-8, UTF-16, UTF-32); then strict UTF-8; then, for
HTML, a declared ``<meta charset>``; then charset-normalizer's candidates plus cp1252 and cp1254,
ranked by how plausible the decoded words look (see ``_implausibility``). charset-normalizer alone
reads a short cp1254 "Çavuşoğlu" as cp1250 "Çavuţođlu"; the ranking is what keeps it intact.

HTML (``.html``/``.htm`` or a document that starts like one) goes through trafilatura; when
trafilatura finds nothing (it gives up on short pages) a small ``html.parser`` extractor takes over.
Either way paragraphs end up separated by a blank line, because segmentation relies on it.
The page's metadata is read from its markup, never guessed from its text: the outlet from
``og:site_name`` or JSON-LD ``publisher.name``, the canonical URL from ``<link rel=canonical>`` or
``og:url``, the author from ``<meta name=author>`` or JSON-LD ``author``, the date from date meta
tags or JSON-LD ``datePublished`` (trafilatura's date search runs without its free-text scan,
which takes the "Saturday 30 May 2020" viewing-date line of a saved page for the publication
date).

Publication dates are never invented: ``Document.published`` is the caller's (``published_from``
"option"), else the page's ("page"), else a date line of the text read by ``dateline_date``
("dateline"), else None. The caller's title, outlet, URL and author win over the page's too.

Refusals are one line: a URL ("claimtrack reads files, it does not fetch pages"), a directory
with nothing readable, PDF/DOCX and other binary files (naming the formats claimtrack reads).
Long inputs, files and stdin alike, are streamed in parts (``iter_documents``); a file mixing
UTF-8 and legacy (cp1252...) lines is decoded line by line (``decode``).
"""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from claimtrack.errors import LoadError
from claimtrack.model import Document
from claimtrack.segment import date_line

__all__ = [
    "DATASET_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "dateline_date",
    "decode",
    "iter_documents",
    "iter_inputs",
    "legacy_encoding",
    "load_bytes",
    "load_input",
    "load_path",
    "normalise_text",
    "tidy_text",
]

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
# datasets, one article per row or record: read by claimtrack.datasets (dispatched in ingest)
DATASET_SUFFIXES = (".csv", ".tsv", ".jsonl", ".json")
ACCEPTED = ".txt .md .html .csv .tsv .jsonl .json"  # what refusals name (.htm goes with .html)
MAX_BYTES = 64 * 1024 * 1024  # a news article is kilobytes; anything this big is not one

BINARY = "binary file (not text)"
READS = f"claimtrack reads {ACCEPTED} files"
NOTHING_READABLE = f"no {ACCEPTED} files"
URL_REFUSED = (
    "claimtrack reads files, it does not fetch pages; save the page and ingest the .html file"
)
EMPTY = "empty file"
NO_ARTICLE = "no article text found"

# File signatures of formats that are never articles, even when renamed to .txt.
_MAGIC = (
    b"\x7fELF",  # executables (an ELF binary renamed x.txt)
    b"\x89PNG",
    b"%PDF-",
    b"PK\x03\x04",  # zip, docx, epub
    b"\x1f\x8b",  # gzip
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",  # JPEG
    b"SQLite format 3\x00",
)

# What a binary signature is, for a refusal that says so: (signature, name, what to do instead).
_KINDS = (
    (b"%PDF-", "PDF document", "convert it to text first (pdftotext FILE)"),
    (b"\x89PNG", "PNG image", ""),
    (b"GIF87a", "GIF image", ""),
    (b"GIF89a", "GIF image", ""),
    (b"\xff\xd8\xff", "JPEG image", ""),
    (b"\x1f\x8b", "gzip archive", "unpack it first"),
    (b"SQLite format 3\x00", "SQLite database", ""),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office document (DOC/XLS)", "save it as text"),
    (b"{\\rtf", "RTF document", "save it as text"),
)
_ZIP_KINDS = (
    (b"word/", "Word document (DOCX)", "save it as text or HTML first"),
    (b"xl/", "Excel workbook (XLSX)", "export it as CSV first"),
    (b"ppt/", "PowerPoint file (PPTX)", "save it as text first"),
    (b"application/epub+zip", "EPUB book", "convert it to text first"),
    (b"application/vnd.oasis.opendocument", "OpenDocument file", "save it as text first"),
)


def binary_refusal(data: bytes) -> str:
    """Why bytes are refused as binary, naming the kind when its signature says it and what
    claimtrack reads: "binary file (PDF document, not text): claimtrack reads .txt ... files;
    convert it to text first (pdftotext FILE)"."""
    kind, hint = "", ""
    if data.startswith(b"PK\x03\x04"):
        kind, hint = "zip archive", "unpack it first"
        for marker, name, what in _ZIP_KINDS:
            if marker in data[:65536]:
                kind, hint = name, what
                break
    else:
        for signature, name, what in _KINDS:
            if data.startswith(signature):
                kind, hint = name, what
                break
    why = f"binary file ({kind}, not text)" if kind else BINARY
    return f"{why}: {READS}" + (f"; {hint}" if hint else "")


# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# More than this share of control characters (besides tab, newline, CR, FF, VT) means binary.
_MAX_CONTROL_SHARE = 0.01
# Unicode category Cc is exactly U+0000-001F and U+007F-009F; tab, LF, VT, FF, CR are allowed.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


# ------------------------------------------------------------------------------- normalisation


_NEWLINES_3PLUS = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """The article text as stored: the text as read (a file opened in text mode), so that claim
    offsets (and W3C ``TextPositionSelector``s) index the file as a reader sees it: ``\\n`` line
    ends, no BOM, NFC, no trailing white space at the very end. Idempotent.

    Everything else is kept, white space included: spaces and non-breaking spaces at the end of a
    line, blank lines, leading white space (dropping any of them moved every later offset).
    """
    text = text.replace("\ufeff", "")  # BOM / zero-width no-break space (before NFC: it blocks it)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return text.rstrip()


def tidy_text(text: str) -> str:
    """``normalise_text`` plus no trailing spaces per line, at most one blank line between
    paragraphs and no leading white space: for text that has no "as read" form of its own (the
    text extracted from an HTML page)."""
    text = "\n".join(line.rstrip() for line in normalise_text(text).split("\n"))
    return _NEWLINES_3PLUS.sub("\n\n", text).strip()


# ------------------------------------------------------------------------------------ decoding


def _is_binary_signature(data: bytes) -> bool:
    return data.startswith(_MAGIC)


def _control_count(text: str) -> int:
    return len(_CONTROL.findall(text))


def _check_not_binary(text: str, origin: str) -> None:
    if text and _control_count(text) > _MAX_CONTROL_SHARE * len(text):
        raise LoadError(origin, binary_refusal(b""))


# Non-ASCII letters of Latin-script alphabets, one string per language (group). A correctly
# decoded word takes all its accented letters from one of them: "Çavuşoğlu" (Turkish), "café"
# (French). A wrong code page mixes them: cp1254 bytes read as cp1250 give "Çavuţođlu", read as
# cp1252 give "Çavuþoðlu" -- no single alphabet has ç with ţ and đ, or ç with þ and ð.
_LATIN_ALPHABETS = (
    "çğıöşüâîû\u0307",  # Turkish ("İ".lower() is "i" + U+0307)
    "çəğıöşü",  # Azerbaijani
    "çêîşû",  # Kurdish (Kurmanji)
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíñóúü",  # Spanish
    "àáâãçéêíóôõú",  # Portuguese
    "àèéìíîòóùú",  # Italian
    "àçèéíïòóúü·",  # Catalan
    "åæøäöéáðþýíóú",  # Nordic and Icelandic
    "ąćęłńóśźż",  # Polish
    "áäčďéěíĺľňóôŕřšťúůýž",  # Czech and Slovak
    "čćđšž",  # Croatian, Bosnian, Serbian (Latin), Slovene
    "ăâîșțşţ",  # Romanian
    "áéíóöőúüű",  # Hungarian
    "çë",  # Albanian
    "āčēģīķļņšūžąęėįųõäöü",  # Latvian, Lithuanian, Estonian
    "ĉĝĥĵŝŭ",  # Esperanto
)


def _script(ch: str) -> str:
    """First word of the Unicode name: LATIN, CYRILLIC, GREEK, ARABIC, HEBREW, ..."""
    return unicodedata.name(ch, "UNKNOWN").split(" ", 1)[0]


def _word_is_coherent(word: str) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    scripts = {_script(ch) for ch in letters}
    if len(scripts) > 1:
        return False  # "cafй": Latin with Cyrillic, the mark of a wrong Cyrillic code page
    if scripts != {"LATIN"}:
        return True  # one non-Latin script: Cyrillic, Greek, Arabic... words
    accented = {c for ch in letters if not ch.isascii() for c in ch.lower() if not c.isascii()}
    return any(accented <= set(alphabet) for alphabet in _LATIN_ALPHABETS)


_WORD = re.compile(r"\w+")
# A symbol between two letters is a mojibake sign: Polish cp1250 "Wałęsa" read as cp1252 is
# "Wa³êsa". (Guillemets, degree, micro and middle dot are left out: "«Non»", "5°C", "l·l".)
_SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[¡¢¤¥¦§¨©ª¬®¯±²³´¶¸¹º¼½¾¿](?=[^\W\d_])")


def _accented(text: str) -> set[str]:
    return {c for ch in text if ch.isalpha() and not ch.isascii() for c in ch.lower()} - set(
        "abcdefghijklmnopqrstuvwxyz"
    )


def _implausibility(text: str) -> tuple[int, int]:
    """How wrong a decoding looks: (incoherent words, 1 if the text's accented Latin letters fit
    no single alphabet). Turkish cp1254 "Dışişleri başka" read as cp1252 is "Dýþiþleri baþka":
    each word could be Icelandic, but not next to "Çavuþoðlu"."""
    bad_words = sum(
        1 for word in _WORD.findall(text) if not word.isascii() and not _word_is_coherent(word)
    )
    bad_words += len(_SYMBOL_IN_WORD.findall(text))
    latin = {ch for ch in _accented(text) if _script(ch) == "LATIN" or ch == "\u0307"}
    mixed = 0 if not latin or any(latin <= set(a) for a in _LATIN_ALPHABETS) else 1
    return bad_words, mixed


_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB, as a Python codec name."""
    found = _DECLARED_CHARSET.search(data[:4096])
    if not found:
        return None
    name = found.group(1).decode("ascii").lower()
    if name in ("iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"):
        name = "cp1252"  # what browsers do (WHATWG), and what such pages really contain
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


@dataclass(frozen=True)
class _Candidate:
    encoding: str
    text: str
    rank: int  # preference when plausibility ties: lower is preferred


_ASCII = bytes(range(0x20, 0x7F))


def _ascii_compatible(encoding: str) -> bool:
    """False for EBCDIC and other code pages that do not read ASCII bytes as ASCII."""
    try:
        return _ASCII.decode(encoding) == _ASCII.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False


def _legacy_candidate(data: bytes, origin: str) -> _Candidate:
    """Bytes that are not UTF-8: pick the most plausible legacy decoding.

    Candidates: a charset the HTML declares, charset-normalizer's best-scoring guesses, cp1252
    and cp1254. The chosen one has the fewest control characters, then the fewest implausible
    words (see ``_implausibility``); ties go to the declared charset, then cp1252 (the usual
    legacy encoding of news text; latin-1 files are read as cp1252 like browsers do, so their
    0x80-0x9F bytes become curly quotes, not control characters), then cp1254, then
    charset-normalizer's order. charset-normalizer alone reads short cp1252 text as cp1250 and
    short cp1254 text ("Çavuşoğlu") as cp1250 ("Çavuţođlu").
    """
    candidates: list[_Candidate] = []
    declared = _declared_charset(data)
    if declared is not None and _ascii_compatible(declared):
        with contextlib.suppress(UnicodeDecodeError, LookupError):
            candidates.append(_Candidate(declared, data.decode(declared), -1))
    for rank, encoding in enumerate(("cp1252", "cp1254")):
        with contextlib.suppress(UnicodeDecodeError):
            candidates.append(_Candidate(encoding, data.decode(encoding), rank))
    matches = from_bytes(data)
    best = matches.best()
    if best is not None:
        for i, match in enumerate(matches):
            if match.chaos <= best.chaos + 0.1 and _ascii_compatible(match.encoding):
                candidates.append(_Candidate(match.encoding, str(match), i + 2))
    if not candidates:
        _check_not_binary(data.decode("latin-1"), origin)  # random bytes: say "binary"
        raise LoadError(origin, "not UTF-8 and no text encoding could be detected")
    chosen = min(
        candidates, key=lambda c: (_control_count(c.text), *_implausibility(c.text), c.rank)
    )
    return chosen


def _decode_legacy(data: bytes, origin: str) -> str:
    return _legacy_candidate(data, origin).text


def legacy_encoding(sample: bytes, origin: str) -> str:
    """The legacy encoding of bytes that are not UTF-8 (``_legacy_candidate``'s choice), for
    readers that stream a file and decide on its first block (datasets)."""
    return _legacy_candidate(sample, origin).encoding


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# A well-formed multi-byte UTF-8 character: by chance rare in legacy text, where one is there the
# bytes may mix encodings.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _hybrid(line: bytes, legacy: str) -> str:
    """A line read as UTF-8 where it is UTF-8, its other bytes in ``legacy`` (both on one line)."""
    parts: list[str] = []
    position = 0
    while position < len(line):
        try:
            parts.append(line[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            parts.append(line[position : position + exc.start].decode("utf-8"))
            bad = line[position + exc.start : position + exc.end]
            parts.append(bad.decode(legacy))  # raises when legacy cannot read it either
            position += exc.end
    return "".join(parts)


def _plausibility(text: str) -> tuple[int, int, int]:
    return (_control_count(text), *_implausibility(text))


def _decode_lines(data: bytes, legacy: str, origin: str) -> str:
    """Bytes mixing UTF-8 lines and ``legacy`` lines, decoded line by line.

    A line that is not UTF-8 is read in ``legacy``, or, when it holds UTF-8 characters too, UTF-8
    where it is UTF-8 and ``legacy`` elsewhere, unless that reads less plausibly. A line that is
    UTF-8 is read as UTF-8 unless its ``legacy`` reading is more plausible (a cp1252 "CAFÉ’"
    happens to be the valid UTF-8 "CAFɒ"). Nothing is replaced: bytes neither encoding reads
    are refused.
    """
    out: list[str] = []
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        if line.isascii():
            out.append(line.decode("ascii"))
            continue
        try:
            as_utf8 = line.decode("utf-8")
        except UnicodeDecodeError:
            readings: list[str] = []
            if _UTF8_SEQUENCE.search(line):  # UTF-8 characters among legacy bytes, perhaps
                with contextlib.suppress(UnicodeDecodeError):
                    readings.append(_hybrid(line, legacy))
            with contextlib.suppress(UnicodeDecodeError):
                readings.append(line.decode(legacy))
            if not readings:
                raise LoadError(
                    origin, f"line {number} is neither UTF-8 nor {legacy} text"
                ) from None
            out.append(min(readings, key=_plausibility))  # ties: the mixed reading
            continue
        as_legacy = line.decode(legacy, errors="replace")
        better = _plausibility(as_legacy) < _plausibility(as_utf8) and "\ufffd" not in as_legacy
        out.append(as_legacy if better else as_utf8)
    return "".join(out)


def _decode_text(data: bytes, origin: str) -> str:
    """Bytes without a BOM: strict UTF-8; else, when they hold UTF-8 characters among other
    bytes, line by line (``_decode_lines``, legacy encoding chosen on the lines that are not
    UTF-8); else the most plausible legacy encoding for the whole text."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if not _UTF8_SEQUENCE.search(data):
        return _decode_legacy(data, origin)
    lines = data.splitlines(keepends=True)
    foreign = b"".join(line for line in lines if not _is_utf8(line))
    return _decode_lines(data, _legacy_candidate(foreign, origin).encoding, origin)


def decode(data: bytes, origin: str) -> str:
    """Decode an article's bytes to text, or raise ``LoadError`` (binary, empty, undecodable).

    A byte-order mark decides first (UTF-8, UTF-16 and UTF-32, LE or BE); then strict UTF-8; then
    a file mixing UTF-8 lines with lines of a legacy encoding (an article pasted together from
    two sources: "Çavuşoğlu" in UTF-8, "Dışişleri" in cp1254) is decoded line by line, each line
    in its own encoding, where reading it whole as cp1252 would give "Ã‡avuÅŸoÄŸlu"; then legacy
    encodings (cp1252, latin-1, cp1254, cp1251, ...) detected with charset-normalizer.
    The BOM itself is not part of the result. Never replaces undecodable bytes with "?" or U+FFFD.
    """
    if not data:
        raise LoadError(origin, EMPTY)
    if _is_binary_signature(data):
        raise LoadError(origin, binary_refusal(data))
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise LoadError(origin, f"invalid {encoding.upper()} text: {exc.reason}") from None
            _check_not_binary(text, origin)
            return text
    if b"\x00" in data:
        raise LoadError(origin, binary_refusal(data))  # no encoding without a BOM has NUL bytes
    text = _decode_text(data, origin)
    _check_not_binary(text, origin)
    return text


# -------------------------------------------------------------------------------- long inputs

STREAM_FROM = 4 * 1024 * 1024  # inputs bigger than this are read in parts
PART_CHARS = 200_000  # about thirty news articles a part
_READ_BLOCK = 1024 * 1024


def _check_first_block(sample: bytes, origin: str) -> None:
    """Refuse binary input on its first block, before reading (or waiting for) any more."""
    if _is_binary_signature(sample):
        raise LoadError(origin, binary_refusal(sample))
    if sample.startswith(tuple(bom for bom, _ in _BOMS)):
        return  # UTF-16/32 text has NUL bytes; its parts are checked once decoded
    if b"\x00" in sample:
        raise LoadError(origin, binary_refusal(sample))
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
    except UnicodeDecodeError:
        text = sample.decode("cp1252", errors="ignore")
    _check_not_binary(text, origin)


class _LineDecoder:
    """Decodes a byte stream without a BOM in chunks of whole lines, like ``decode`` does a file:
    UTF-8 chunks as UTF-8; once a chunk is not UTF-8, a legacy encoding is chosen (on that
    chunk's foreign lines) and kept, and chunks are read line by line (``_decode_lines``)."""

    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.legacy: str | None = None
        self.pending = b""

    def feed(self, block: bytes, final: bool) -> str:
        data = self.pending + block
        if final:
            cut = len(data)
        else:
            cut = data.rfind(b"\n") + 1
            if cut == 0 and len(data) > _READ_BLOCK:  # one huge line: cut outside a UTF-8 char
                cut = len(data)
                while cut > len(data) - 4 and 0x80 <= data[cut - 1] <= 0xBF:
                    cut -= 1
                if cut > len(data) - 4 and data[cut - 1] >= 0xC0:
                    cut -= 1
        chunk, self.pending = data[:cut], data[cut:]
        if not chunk:
            return ""
        if self.legacy is None:
            try:
                return chunk.decode("utf-8")
            except UnicodeDecodeError:
                lines = chunk.splitlines(keepends=True)
                foreign = b"".join(line for line in lines if not _is_utf8(line))
                self.legacy = _legacy_candidate(foreign, self.origin).encoding
        return _decode_lines(chunk, self.legacy, self.origin)


def _cut(buffer: str) -> int:
    """Where to end a part: the last paragraph break near ``PART_CHARS``, else the last line
    break, else the last sentence end, else the last space (never inside a word)."""
    for separator in ("\n\n", "\n", ". ", " "):
        at = buffer.rfind(separator, PART_CHARS // 2, PART_CHARS)
        if at != -1:
            return at + len(separator)
    return PART_CHARS


def _read_block(stream: BinaryIO, size: int) -> bytes:
    """Up to ``size`` bytes; fewer only at the end of the stream (pipes return short reads)."""
    chunks: list[bytes] = []
    wanted = size
    while wanted > 0:
        chunk = stream.read(wanted)
        if not chunk:
            break
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


def _read_stdin(stdin: BinaryIO | None, limit: int) -> tuple[BinaryIO, bytes]:
    """stdin (``stdin``, default the process's) and its first ``limit`` bytes; binary input is
    refused on its first block, before waiting for more."""
    stream = stdin if stdin is not None else sys.stdin.buffer
    try:
        head = _read_block(stream, _READ_BLOCK)
        _check_first_block(head, "-")
        head += _read_block(stream, limit - len(head))
    except OSError as exc:
        raise LoadError("-", (exc.strerror or str(exc)).lower()) from None
    return stream, head


def _stream_parts(stream: BinaryIO, origin: str, head: bytes = b"") -> Iterator[str]:
    """A long input as normalised parts of about ``PART_CHARS`` characters, read block by block
    (``head``: bytes already read from the stream), so memory stays bounded whatever its size.
    Binary input is refused on its first block; parts end at paragraph breaks where there are any.
    """
    block = head if head else _read_block(stream, _READ_BLOCK)
    _check_first_block(block[:_READ_BLOCK], origin)
    incremental: codecs.IncrementalDecoder | None = None
    for bom, encoding in _BOMS:
        if block.startswith(bom):
            incremental = codecs.getincrementaldecoder(encoding)(errors="strict")
            block = block[len(bom) :]
            break
    lines = _LineDecoder(origin)
    buffer = ""
    while True:
        final = not block
        if incremental is not None:
            try:
                buffer += incremental.decode(block, final=final)
            except UnicodeDecodeError as exc:
                raise LoadError(origin, f"invalid text: {exc.reason}") from None
        else:
            if b"\x00" in block:
                raise LoadError(origin, binary_refusal(block))
            buffer += lines.feed(block, final)
        while len(buffer) >= PART_CHARS or (final and buffer):
            end = len(buffer) if final and len(buffer) < PART_CHARS else _cut(buffer)
            part, buffer = buffer[:end], buffer[end:]
            _check_not_binary(part, origin)
            text = normalise_text(part)
            if text:
                yield text
        if final:
            return
        block = _read_block(stream, _READ_BLOCK)


def iter_text_parts(path: Path, origin: str) -> Iterator[str]:
    """A long plain-text file as normalised parts of about ``PART_CHARS`` characters.

    The file is streamed (one block in memory at a time, decoded incrementally), so memory stays
    bounded whatever its size; parts end at paragraph breaks where there are any.
    """
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise LoadError(origin, (exc.strerror or str(exc)).lower()) from None
    with handle:
        yield from _stream_parts(handle, origin)


def _parts_as_documents(
    parts: Iterator[str], origin: str, name: str, metadata: dict[str, Any]
) -> Iterator[Document]:
    """Parts of a long input as documents ``ORIGIN#1``, ``ORIGIN#2``... A part carries the
    caller's metadata only: a date line inside a part dates one article of many, not the part."""
    title = metadata.get("title")
    metadata = {key: value for key, value in metadata.items() if key != "title"}
    found = False
    for number, text in enumerate(parts, start=1):
        if number == 1 and _looks_like_html(text[:2000]):
            raise LoadError(origin, "HTML page too large to extract")
        found = True
        yield Document(
            text=text,
            title=f"{title or name} (part {number})",
            origin=f"{origin}#{number}",
            published_from="option" if metadata.get("published") is not None else None,
            **metadata,
        )
    if not found:
        raise LoadError(origin, EMPTY)


_URL = re.compile(r"(?:https?|ftp)://", re.I)
_WWW = re.compile(r"www\.[\w-]+\.[a-z]", re.I)


def _is_url(arg: str) -> bool:
    """ "https://...", or "www.host.tld/..." that is no file here (a saved page may be named
    "www.aljazeera.com.html")."""
    return _URL.match(arg) is not None or (_WWW.match(arg) is not None and not os.path.exists(arg))


def iter_documents(
    arg: str,
    stdin: BinaryIO | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    url: str | None = None,
    author: str | None = None,
) -> Iterator[Document]:
    """The documents one input holds: one, or for a long input (a plain-text file or stdin of
    more than ``STREAM_FROM`` bytes) one per part of about ``PART_CHARS`` characters.

    A part's origin is ``PATH#N`` (``-#N`` for stdin; N from 1), so re-running an interrupted
    ingest of a long file skips the parts already stored (each part is identified by its text,
    like any article). stdin is read block by block like a file: ``ingest - < /dev/zero`` is
    refused on its first block, and a long text on stdin never sits in memory whole.
    """
    metadata: dict[str, Any] = {
        "title": title,
        "outlet": outlet,
        "published": published,
        "url": url,
        "author": author,
    }
    if arg == "-":
        stream, head = _read_stdin(stdin, STREAM_FROM + 1)
        if len(head) <= STREAM_FROM:
            yield load_bytes(head, "-", **metadata)
            return
        yield from _parts_as_documents(_stream_parts(stream, "-", head), "-", "stdin", metadata)
        return
    if _is_url(arg):
        raise LoadError(arg, URL_REFUSED)
    path = Path(arg)
    streamed = (
        path.suffix.lower() not in HTML_SUFFIXES
        and path.is_file()
        and path.stat().st_size > STREAM_FROM
    )
    if not streamed:
        yield load_path(arg, **metadata)
        return
    yield from _parts_as_documents(iter_text_parts(path, arg), arg, path.name, metadata)


# ---------------------------------------------------------------------------------------- HTML


_HTML_START = re.compile(
    r"\s*(<!--.*?-->\s*|<\?xml[^>]*>\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S
)


def _looks_like_html(text: str) -> bool:
    """True for a document that starts like an HTML page: ``<!DOCTYPE html>`` or ``<html``."""
    return _HTML_START.match(text[:4096]) is not None


def _plausible_date(value: date | None, today: date | None = None) -> date | None:
    """A publication date as given, or None when it cannot be one (before 1900, in the future)."""
    if value is None:
        return None
    latest = (today or date.today()) + timedelta(days=1)  # a page dated in a later time zone
    return value if date(1900, 1, 1) <= value <= latest else None


def _parse_date(value: str | None) -> date | None:
    """ "2020-02-15" or "2020-02-15T09:30:00+00:00" -> date(2020, 2, 15); anything else -> None."""
    if not value:
        return None
    try:
        return _plausible_date(date.fromisoformat(value.strip()[:10]))
    except ValueError:
        return None


@dataclass(frozen=True)
class _Extracted:
    text: str  # paragraphs separated by "\n\n"
    title: str | None
    published: date | None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None


_ARTICLE_TYPES = frozenset(
    (
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "liveblogposting",
        "report",
        "scholarlyarticle",
        "webpage",
    )
)


def _json_ld_objects(data: Any) -> Iterator[dict[str, Any]]:
    """Every object of a JSON-LD document: lists and ``@graph`` flattened."""
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _json_ld_objects(data["@graph"])


def _names(value: Any) -> list[str]:
    """Names in a JSON-LD person/organisation value: "X", {"name": "X"}, or a list of them."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _is_person_name(value: str) -> bool:
    """An author value that names someone: not a URL ("https://facebook.com/x"), not empty."""
    value = value.strip()
    return bool(value) and "/" not in value and not _WWW.match(value) and len(value) <= 200


def _absolute_url(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if re.match(r"https?://[^\s/]+", value, re.I) else None


_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def _collapse(text: str) -> str:
    """Collapse runs of ASCII whitespace to one space (non-breaking spaces are kept)."""
    return _SPACES.sub(" ", text).strip()


# Tags whose content is never article text: "<nav><a>Home</a> <a>World</a></nav>".
_SKIP_TAGS = frozenset(
    (
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "noscript",
        "template",
        "svg",
        "iframe",
        "button",
        "select",
        "object",
        "canvas",
    )
)
_TEXT_BLOCKS = frozenset(
    ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "figcaption")
)
_OTHER_BLOCKS = frozenset(
    (
        "div",
        "section",
        "article",
        "main",
        "body",
        "td",
        "th",
        "tr",
        "table",
        "ul",
        "ol",
        "dl",
        "figure",
        "address",
        "hr",
    )
)
_VOID_TAGS = frozenset(
    (
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    )
)
_DATE_META = frozenset(
    (
        "article:published_time",
        "og:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.created",
        "sailthru.date",
    )
)


class _FallbackExtractor(HTMLParser):
    """Careful stdlib extraction for pages trafilatura gives up on.

    Keeps <p>, <h1>..<h6>, <li> (and blockquote, pre...) as blocks; drops script, style, nav,
    header, footer, aside, form, noscript. Text outside those blocks is kept aside and used only
    when the page has no such block at all.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.loose: list[str] = []
        self.title_parts: list[str] = []
        self.published: date | None = None
        self.meta: dict[str, str] = {}  # first content of each meta property/name, lower-cased key
        self.canonical: str | None = None
        self.json_ld: list[str] = []  # raw <script type="application/ld+json"> contents
        self._in_json_ld = False
        self._skip: list[str] = []  # open skipped tags, to match their ends
        self._in_title = False
        self._in_block = 0
        self._current: list[str] = []
        self.furniture: list[str] = []  # text of the dropped elements

    def _flush(self) -> None:
        lines = [_collapse(line) for line in "".join(self._current).split("\n")]
        text = "\n".join(line for line in lines if line)
        if text:
            (self.blocks if self._in_block else self.loose).append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            values = {k.lower(): (v or "") for k, v in attrs}
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            if self.published is None and key.lower() in _DATE_META:
                self.published = _parse_date(values.get("content"))
            content = _collapse(values.get("content", ""))
            if key and content:
                self.meta.setdefault(key.lower(), content)
            return
        if tag == "link":
            values = {k.lower(): (v or "") for k, v in attrs}
            if "canonical" in values.get("rel", "").lower().split() and self.canonical is None:
                self.canonical = _absolute_url(values.get("href"))
            return
        if tag == "script":
            kind = next((v or "" for k, v in attrs if k.lower() == "type"), "")
            self._in_json_ld = kind.strip().lower() == "application/ld+json"
        if self._skip:
            if tag in _SKIP_TAGS:
                self._skip.append(tag)
            return
        if tag in _SKIP_TAGS:
            self._flush()
            self._skip.append(tag)
        elif tag == "title":
            self._in_title = True
        elif tag == "br":
            self._current.append("\n")
        elif tag in _TEXT_BLOCKS:
            self._flush()
            self._in_block += 1
        elif tag in _OTHER_BLOCKS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID_TAGS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            if self._in_json_ld:
                self.json_ld.append("\x00")  # separates two JSON-LD scripts
            self._in_json_ld = False
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        if tag == "title":
            self._in_title = False
        elif tag in _TEXT_BLOCKS:
            self._flush()
            self._in_block = max(0, self._in_block - 1)
        elif tag in _OTHER_BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_json_ld:
            self.json_ld.append(data)
            return
        if self._skip:
            self.furniture.append(data)
            return
        if self._in_title:
            self.title_parts.append(data)
        else:
            self._current.append(data)

    def is_furniture(self, block: str) -> bool:
        """True for text that only occurs inside dropped elements: a menu, a footer."""
        block = _collapse(block)
        return block in _collapse(" ".join(self.furniture)) and not any(
            block in _collapse(kept) for kept in (*self.blocks, *self.loose)
        )

    def _linked_data(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """(the article object of the page's JSON-LD, any object), empty when there is none."""
        article: dict[str, Any] = {}
        other: dict[str, Any] = {}
        for raw in "".join(self.json_ld).split("\x00"):
            try:
                data = json.loads(raw)
            except ValueError:
                continue
            for item in _json_ld_objects(data):
                kinds = item.get("@type", [])
                kinds = [kinds] if isinstance(kinds, str) else kinds
                is_article = any(isinstance(k, str) and k.lower() in _ARTICLE_TYPES for k in kinds)
                for key, value in item.items():
                    (article if is_article else other).setdefault(key, value)
        return article, other

    def page_metadata(self) -> tuple[str | None, str | None, str | None, date | None]:
        """(outlet, canonical URL, author, publication date) as the page's markup states them."""
        article, other = self._linked_data()

        def linked(key: str) -> Any:
            return article.get(key) if key in article else other.get(key)

        outlet = self.meta.get("og:site_name") or next(iter(_names(linked("publisher"))), None)
        url = (
            self.canonical
            or _absolute_url(self.meta.get("og:url"))
            or _absolute_url(linked("url") if isinstance(linked("url"), str) else None)
        )
        authors = [
            name
            for name in (
                [self.meta.get("author", ""), self.meta.get("dc.creator", "")]
                if self.meta.get("author") or self.meta.get("dc.creator")
                else [*_names(linked("author")), self.meta.get("article:author", "")]
            )
            if _is_person_name(name)
        ]
        author = ", ".join(dict.fromkeys(_collapse(name) for name in authors)) or None
        published = self.published
        if published is None and isinstance(linked("datePublished"), str):
            published = _parse_date(linked("datePublished"))
        return (_collapse(outlet) if outlet else None), url, author, published

    def result(self) -> _Extracted:
        self._flush()
        title = _collapse("".join(self.title_parts)) or None
        outlet, url, author, published = self.page_metadata()
        text = "\n\n".join(self.blocks or self.loose)
        return _Extracted(text, title, published, outlet, url, author)


def _fallback_extract(html: str) -> _FallbackExtractor:
    parser = _FallbackExtractor()
    parser.feed(html)
    parser.close()
    parser.result()  # flushes the last block
    return parser


def _render(element: Any) -> str:
    """Text of a trafilatura output element (an lxml element), with <lb/> as a line break."""
    parts: list[str] = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        else:
            parts.append(_render(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _blocks(body: Any) -> list[str]:
    """trafilatura's XML body -> one string per paragraph, heading, quote or list item."""
    blocks: list[str] = []
    for child in body:
        if child.tag == "list":
            blocks.extend(_blocks(child))
        elif child.tag == "item" and any(grand.tag == "list" for grand in child):
            # a list item holding a nested list: its own text, then the nested items
            own = "".join([child.text or ""] + [g.tail or "" for g in child if g.tag == "list"])
            blocks.append(own)
            for grand in child:
                if grand.tag == "list":
                    blocks.extend(_blocks(grand))
        else:
            blocks.append(_render(child))
    lines = ("\n".join(_collapse(ln) for ln in block.split("\n")) for block in blocks)
    return [block.strip("\n") for block in lines if block.strip()]


def _extract_html(html: str) -> _Extracted:
    """Article text, title, date, outlet, URL and author of an HTML page (trafilatura for the
    text, then the stdlib fallback; the page's own markup for the metadata)."""
    import trafilatura  # imported here: it takes ~0.3 s, and plain-text loads never need it

    try:
        found = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            with_metadata=True,
            # metadata and URL only: the free-text scan dates a saved page by its viewing date
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # a parser crash on odd markup: the fallback still works
        found = None
    parser = _fallback_extract(html)
    fallback = parser.result()
    if found is None or isinstance(found, dict):
        return fallback
    body = getattr(found, "body", None)
    blocks = _blocks(body) if body is not None and len(body) else (found.text or "").split("\n")
    # trafilatura's own fallbacks return the menu of a page with no article ("Home"): drop what
    # only occurs inside nav/header/footer/aside/form.
    text = "\n\n".join(block for block in blocks if not parser.is_furniture(block))
    if not text.strip():
        return fallback
    title = _collapse(found.title or "") or fallback.title
    published = fallback.published or _parse_date(found.date)
    return _Extracted(text, title, published, fallback.outlet, fallback.url, fallback.author)


# ------------------------------------------------------------------------------- date lines

_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A wire dateline opening a paragraph: "DAMASCUS, April 19 (Reuters) -", "BEIRUT, Lebanon, Feb. 15,
# 2020 (AP) —". The city is in capitals; the agency in brackets; the year is often left out.
_WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z'’.\- ]{1,40}(?:,\s*[A-Z][\w.'’\- ]{1,30}?)?,\s*"
    r"(?P<month>(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?\s+"
    r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\s*"
    r"\([A-Z][\w .&'’-]{1,30}\)\s*[-–—]"
)
_LEAD_LINES = 5  # where a wire dateline or an unlabelled timestamp line is looked for


def _one(dates: set[date]) -> date | None:
    return next(iter(dates)) if len(dates) == 1 else None


def _wire_date(line: str, updated: date | None, today: date) -> date | None:
    found = _WIRE_DATELINE.match(line)
    if found is None:
        return None
    month = _MONTH_NAMES.index(found["month"][:3].lower()) + 1
    try:
        if found["year"]:
            value = date(int(found["year"]), month, int(found["day"]))
        elif updated is not None:  # the year of the update, or the one before (Dec 30 -> Jan 2)
            year = updated.year - ((month, int(found["day"])) > (updated.month, updated.day))
            value = date(year, month, int(found["day"]))
        else:
            return None  # no year known: no date
    except ValueError:
        return None
    if updated is not None and value > updated:
        return None  # published after its own update: one of the two is wrong
    return _plausible_date(value, today)


def dateline_date(text: str, today: date | None = None) -> date | None:
    """The publication date an article's own text states, or None. Never a guess.

    The rule, first that applies:

    1. a line that is only a date labelled Published / First published / Posted / Date
       ("Published: 15 February 2020"); all such lines must agree, else no date;
    2. a wire dateline opening one of the first five paragraphs, "DAMASCUS, April 19, 2017
       (Reuters) -"; without a year ("April 19 (Reuters) -") only when an Updated line (3) gives
       the year, and never later than that update;
    3. a line that is only a date labelled Updated / Last updated / Last modified ("Updated:
       February 15, 2020 11:28 PM"): an article is published on or shortly before its update;
       all such lines must agree;
    4. with no labelled date line at all, an unlabelled date line among the first five lines
       only if it carries a time of day ("Wed 19 Apr 2017 14.33 BST", a news site's timestamp);
       all such lines must agree.

    A bare date line without a time is never taken: at the top of a saved page it is often the
    day the page was viewed. The sample article ``examples/idlib.txt`` starts "Abu Dhabi,
    UAESaturday 30 May 2020" (the viewing date) and ends "Updated: February 15, 2020 11:28 PM";
    it is dated 2020-02-15 by rule 3, and would have no date without that line. Dates before
    1900 or after ``today`` are not dates of publication.
    """
    today = today or date.today()
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    dated = [(index, found) for index, line in enumerate(lines) if (found := date_line(line))]
    plausible = [(i, d) for i, d in dated if _plausible_date(d.date, today) is not None]
    published = {d.date for _, d in plausible if d.label == "published"}
    updated = {d.date for _, d in plausible if d.label == "updated"}
    if published:
        return _one(published)
    update = _one(updated)
    for line in lines[:_LEAD_LINES]:
        wire = _wire_date(line, update, today)
        if wire is not None:
            return wire
    if updated:
        return update
    stamped = {d.date for i, d in plausible if i < _LEAD_LINES and d.label is None and d.has_time}
    return _one(stamped)


# ---------------------------------------------------------------------------------- documents


def load_bytes(
    data: bytes,
    origin: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    url: str | None = None,
    html: bool | None = None,
    author: str | None = None,
) -> Document:
    """Bytes of one article -> ``Document``. ``html=None`` sniffs (``<!DOCTYPE html>``/``<html``).

    Metadata given here wins over what the page says (title, outlet, canonical URL, author,
    publication date). ``published_from`` says where the date came from: "option" (given here),
    "page" (meta tags, JSON-LD), "dateline" (a date line of the text, see ``dateline_date``), or
    None with no date.
    """
    text = decode(data, origin)
    is_html = _looks_like_html(text) if html is None else html
    page_published: date | None = None
    if is_html:
        extracted = _extract_html(text)
        body = tidy_text(extracted.text)
        if not body:
            raise LoadError(origin, NO_ARTICLE)
        title = title if title is not None else extracted.title
        outlet = outlet if outlet is not None else extracted.outlet
        url = url if url is not None else extracted.url
        author = author if author is not None else extracted.author
        page_published = extracted.published
    else:
        body = normalise_text(text)
        if not body:
            raise LoadError(origin, EMPTY)
    published_from: str | None = None
    if published is not None:
        published_from = "option"
    elif page_published is not None:
        published, published_from = page_published, "page"
    else:
        published = dateline_date(body)
        published_from = "dateline" if published is not None else None
    return Document(
        text=body,
        title=title,
        outlet=outlet,
        published=published,
        url=url,
        origin=origin,
        published_from=published_from,
        author=author,
    )


def _read(path: Path, origin: str) -> bytes:
    try:
        info = path.stat()
        if path.is_dir():
            if not _directory_files(origin):
                raise LoadError(origin, NOTHING_READABLE)
            raise LoadError(origin, "is a directory")
        if not path.is_file():
            raise LoadError(origin, "not a regular file")
        if info.st_size > MAX_BYTES:
            raise LoadError(origin, f"file too large ({info.st_size // (1024 * 1024)} MB)")
        return path.read_bytes()
    except FileNotFoundError:
        raise LoadError(origin, "no such file or directory") from None
    except PermissionError:
        raise LoadError(origin, "permission denied") from None
    except IsADirectoryError:
        raise LoadError(origin, "is a directory") from None
    except OSError as exc:
        raise LoadError(origin, (exc.strerror or str(exc)).lower()) from None


def load_path(
    path: Path | str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    url: str | None = None,
    html: bool | None = None,
    author: str | None = None,
) -> Document:
    """Read one file. ``.html``/``.htm`` are extracted as HTML; other files are text unless they
    sniff as an HTML document. ``Document.origin`` is the path as given. A URL is refused: this
    reads files, it fetches nothing."""
    origin = os.fspath(path)
    if isinstance(path, str) and _is_url(path):
        raise LoadError(origin, URL_REFUSED)
    path = Path(path)
    data = _read(path, origin)
    if html is None and path.suffix.lower() in HTML_SUFFIXES:
        html = True
    return load_bytes(
        data,
        origin,
        title=title,
        outlet=outlet,
        published=published,
        url=url,
        html=html,
        author=author,
    )


def _directory_files(root: str) -> list[str]:
    """Readable files under ``root`` (articles and datasets), recursively, sorted by path;
    hidden entries skipped."""
    suffixes = SUPPORTED_SUFFIXES + DATASET_SUFFIXES
    found: list[tuple[tuple[str, ...], str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or not name.lower().endswith(suffixes):
                continue
            full = os.path.join(dirpath, name)
            found.append((Path(os.path.relpath(full, root)).parts, full))
    return [full for _, full in sorted(found)]


def iter_inputs(args: Sequence[str]) -> Iterator[str]:
    """Expand command-line inputs: files as given, directories recursively (sorted) to their
    ``.txt``/``.md``/``.html``/``.htm`` articles and ``.csv``/``.tsv``/``.jsonl``/``.json``
    datasets, ``-`` as is. A missing path, a URL, and a directory with nothing readable are
    yielded as given, so that loading them reports the error and a batch carries on."""
    for arg in args:
        if arg != "-" and os.path.isdir(arg):
            files = _directory_files(arg)
            yield from files if files else [arg]
        else:
            yield arg


def load_input(
    arg: str,
    stdin: BinaryIO | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    url: str | None = None,
    html: bool | None = None,
    author: str | None = None,
) -> Document:
    """Load one expanded input as one document: ``-`` reads ``stdin`` (default: the process's
    stdin) as bytes, refusing binary input on its first block and more than ``MAX_BYTES``
    (``iter_documents`` streams long input in parts instead)."""
    if arg == "-":
        _, data = _read_stdin(stdin, MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise LoadError("-", f"input too large (over {MAX_BYTES // (1024 * 1024)} MB)")
        return load_bytes(
            data,
            "-",
            title=title,
            outlet=outlet,
            published=published,
            url=url,
            html=html,
            author=author,
        )
    return load_path(
        arg, title=title, outlet=outlet, published=published, url=url, html=html, author=author
    )
