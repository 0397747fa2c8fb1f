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
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO

from charset_normalizer import from_bytes

from claimtrack.errors import LoadError
from claimtrack.model import Document

__all__ = [
    "SUPPORTED_SUFFIXES",
    "decode",
    "iter_inputs",
    "load_bytes",
    "load_input",
    "load_path",
    "normalise_text",
]

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
MAX_BYTES = 64 * 1024 * 1024  # a news article is kilobytes; anything this big is not one

BINARY = "binary file (not text)"
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
    """The article text as stored: NFC, ``\\n`` line ends, no BOM, no trailing spaces per line,
    at most one blank line between paragraphs, no leading/trailing whitespace. Idempotent.

    Everything else is kept: curly quotes, dashes, non-breaking spaces inside a line.
    """
    text = text.replace("\ufeff", "")  # BOM / zero-width no-break space (before NFC: it blocks it)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = _NEWLINES_3PLUS.sub("\n\n", text)
    return text.strip()


# ------------------------------------------------------------------------------------ decoding


def _is_binary_signature(data: bytes) -> bool:
    return data.startswith(_MAGIC)


def _control_count(text: str) -> int:
    return len(_CONTROL.findall(text))


def _check_not_binary(text: str, origin: str) -> None:
    if text and _control_count(text) > _MAX_CONTROL_SHARE * len(text):
        raise LoadError(origin, BINARY)


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


def decode(data: bytes, origin: str) -> str:
    """Decode an article's bytes to text, or raise ``LoadError`` (binary, empty, undecodable).

    A byte-order mark decides first (UTF-8, UTF-16 and UTF-32, LE or BE); then strict UTF-8; then
    legacy encodings (cp1252, latin-1, cp1254, cp1251, ...) detected with charset-normalizer.
    The BOM itself is not part of the result. Never replaces undecodable bytes with "?" or U+FFFD.
    """
    if not data:
        raise LoadError(origin, EMPTY)
    if _is_binary_signature(data):
        raise LoadError(origin, BINARY)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise LoadError(origin, f"invalid {encoding.upper()} text: {exc.reason}") from None
            _check_not_binary(text, origin)
            return text
    if b"\x00" in data:
        raise LoadError(origin, BINARY)  # no text encoding without a BOM has NUL bytes
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _decode_legacy(data, origin)
    _check_not_binary(text, origin)
    return text


# ------------------------------------------------------------------------- long text files

STREAM_FROM = 4 * 1024 * 1024  # plain-text files bigger than this are read in parts
PART_CHARS = 200_000  # about thirty news articles a part
_READ_BLOCK = 1024 * 1024


def _stream_encoding(sample: bytes, origin: str) -> tuple[str, int]:
    """(encoding, BOM length) of a long file, decided on its first megabyte like ``decode``."""
    if _is_binary_signature(sample):
        raise LoadError(origin, BINARY)
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding, len(bom)
    if b"\x00" in sample:
        raise LoadError(origin, BINARY)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8", 0
    except UnicodeDecodeError:
        return _legacy_candidate(sample, origin).encoding, 0


def _cut(buffer: str) -> int:
    """Where to end a part: the last paragraph break near ``PART_CHARS``, else the last line
    break, else the last sentence end, else the last space (never inside a word)."""
    for separator in ("\n\n", "\n", ". ", " "):
        at = buffer.rfind(separator, PART_CHARS // 2, PART_CHARS)
        if at != -1:
            return at + len(separator)
    return PART_CHARS


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
        sample = handle.read(_READ_BLOCK)
        encoding, skip = _stream_encoding(sample, origin)
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        block: bytes = sample[skip:]
        buffer = ""
        while True:
            final = not block
            try:
                buffer += decoder.decode(block, final=final)
            except UnicodeDecodeError as exc:
                raise LoadError(origin, f"invalid {encoding} text: {exc.reason}") from None
            while len(buffer) >= PART_CHARS or (final and buffer):
                end = len(buffer) if final and len(buffer) < PART_CHARS else _cut(buffer)
                part, buffer = buffer[:end], buffer[end:]
                _check_not_binary(part, origin)
                text = normalise_text(part)
                if text:
                    yield text
            if final:
                return
            block = handle.read(_READ_BLOCK)


def iter_documents(
    arg: str,
    stdin: BinaryIO | None = None,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    url: str | None = None,
) -> Iterator[Document]:
    """The documents one input holds: one, or for a long plain-text file one per part.

    A part's origin is ``PATH#N`` (N from 1), so re-running an interrupted ingest of a long file
    skips the parts already stored (each part is identified by its text, like any article).
    """
    path = Path(arg)
    streamed = (
        arg != "-"
        and path.suffix.lower() not in HTML_SUFFIXES
        and path.is_file()
        and path.stat().st_size > STREAM_FROM
    )
    if not streamed:
        yield load_input(arg, stdin, title=title, outlet=outlet, published=published, url=url)
        return
    found = False
    for number, text in enumerate(iter_text_parts(path, arg), start=1):
        if _looks_like_html(text[:2000]) and number == 1:
            raise LoadError(arg, "HTML page too large to extract")
        found = True
        yield Document(
            text=text,
            title=f"{title or path.name} (part {number})",
            outlet=outlet,
            published=published,
            url=url,
            origin=f"{arg}#{number}",
        )
    if not found:
        raise LoadError(arg, EMPTY)


# ---------------------------------------------------------------------------------------- HTML


_HTML_START = re.compile(
    r"\s*(<!--.*?-->\s*|<\?xml[^>]*>\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S
)


def _looks_like_html(text: str) -> bool:
    """True for a document that starts like an HTML page: ``<!DOCTYPE html>`` or ``<html``."""
    return _HTML_START.match(text[:4096]) is not None


def _parse_date(value: str | None) -> date | None:
    """ "2020-02-15" or "2020-02-15T09:30:00+00:00" -> date(2020, 2, 15); anything else -> None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class _Extracted:
    text: str  # paragraphs separated by "\n\n"
    title: str | None
    published: date | None


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
            return
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

    def result(self) -> _Extracted:
        self._flush()
        title = _collapse("".join(self.title_parts)) or None
        return _Extracted("\n\n".join(self.blocks or self.loose), title, self.published)


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
    """Article text, title and date of an HTML page (trafilatura, then the stdlib fallback)."""
    import trafilatura  # imported here: it takes ~0.3 s, and plain-text loads never need it

    try:
        found = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            with_metadata=True,
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
    published = _parse_date(found.date) or fallback.published
    return _Extracted(text, title, published)


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
) -> Document:
    """Bytes of one article -> ``Document``. ``html=None`` sniffs (``<!DOCTYPE html>``/``<html``).

    Metadata given here wins over what the page says (HTML title and publication date).
    """
    text = decode(data, origin)
    is_html = _looks_like_html(text) if html is None else html
    if is_html:
        extracted = _extract_html(text)
        body = normalise_text(extracted.text)
        if not body:
            raise LoadError(origin, NO_ARTICLE)
        title = title if title is not None else extracted.title
        published = published if published is not None else extracted.published
    else:
        body = normalise_text(text)
        if not body:
            raise LoadError(origin, EMPTY)
    return Document(
        text=body, title=title, outlet=outlet, published=published, url=url, origin=origin
    )


def _read(path: Path, origin: str) -> bytes:
    try:
        info = path.stat()
        if path.is_dir():
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
) -> Document:
    """Read one file. ``.html``/``.htm`` are extracted as HTML; other files are text unless they
    sniff as an HTML document. ``Document.origin`` is the path as given."""
    origin = os.fspath(path)
    path = Path(path)
    data = _read(path, origin)
    if html is None and path.suffix.lower() in HTML_SUFFIXES:
        html = True
    return load_bytes(
        data, origin, title=title, outlet=outlet, published=published, url=url, html=html
    )


def _directory_files(root: str) -> list[str]:
    """Supported files under ``root``, recursively, sorted by path; hidden entries skipped."""
    found: list[tuple[tuple[str, ...], str]] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith(".") or not name.lower().endswith(SUPPORTED_SUFFIXES):
                continue
            full = os.path.join(dirpath, name)
            found.append((Path(os.path.relpath(full, root)).parts, full))
    return [full for _, full in sorted(found)]


def iter_inputs(args: Sequence[str]) -> Iterator[str]:
    """Expand command-line inputs: files as given, directories recursively (sorted) to their
    ``.txt``/``.md``/``.html``/``.htm`` files, ``-`` as is. A missing path is yielded too, so that
    loading it reports the error and a batch carries on."""
    for arg in args:
        if arg != "-" and os.path.isdir(arg):
            yield from _directory_files(arg)
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
) -> Document:
    """Load one expanded input: ``-`` reads ``stdin`` (default: the process's stdin) as bytes."""
    if arg == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        try:
            data = stream.read()
        except OSError as exc:
            raise LoadError("-", (exc.strerror or str(exc)).lower()) from None
        return load_bytes(
            data, "-", title=title, outlet=outlet, published=published, url=url, html=html
        )
    return load_path(arg, title=title, outlet=outlet, published=published, url=url, html=html)
