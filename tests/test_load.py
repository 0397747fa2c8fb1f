"""Tests of the load stage: decoding, binary rejection, HTML extraction, inputs and paths."""

from __future__ import annotations

import io
import os
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimtrack.errors import LoadError
from claimtrack.load import (
    DATASET_SUFFIXES,
    SUPPORTED_SUFFIXES,
    decode,
    iter_inputs,
    load_bytes,
    load_input,
    load_path,
    normalise_text,
    tidy_text,
)

# Sentences from the sample article (../shared/corpus/idlib-2020-02-15.txt).
LEAD = (
    "Turkey will send a delegation to Russia on Monday to discuss the military escalation in "
    "Syria’s Idlib region, where government forces killed more than a dozen Turkish soldiers in "
    "two attacks this month."
)
QUOTE = (
    "“If it won’t work through diplomatic channels, we will take the necessary steps,” he said on "
    "Saturday at the Munich Security Conference."
)
TALKS = (
    "Mr Cavusoglu later held talks with his Russian counterpart Sergey Lavrov on the sidelines of "
    "the German gathering and said in tweet that their meeting was positive."
)
ARTICLE = f"{LEAD}\n\n{QUOTE}\n\n{TALKS}"

CP1252_TEXT = (
    "Turkish Foreign Minister Mevlut Cavusoglu said Ankara’s patience was “running out”.\n\n"
    "He spoke after talks at a café in Munich, where the délégation met on Saturday."
)
CP1254_TEXT = (
    "Dışişleri Bakanı Mevlüt Çavuşoğlu said Ankara’s patience was “running out”.\n\n"
    "Çavuşoğlu spoke to reporters in Münih on Saturday."
)

PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Turkish officials headed for Russia to resolve Idlib crisis</title>
  <meta property="article:published_time" content="2020-02-15">
  <style>body {{ font-family: sans-serif; }} .menu {{ color: red; }}</style>
  <script>alert(1)</script>
</head>
<body>
  <nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
  <li><a href="/sport">Sport section</a></li></ul></nav>
  <header><a href="/">The Daily Example</a></header>
  <article>
    <h1>Turkish officials headed for Russia to resolve Idlib crisis</h1>
    <p>{LEAD}</p>
    <p>{QUOTE}</p>
    <p>{TALKS}</p>
  </article>
  <footer>Copyright 2020 The Daily Example. All rights reserved.</footer>
  <script>document.write("tracking pixel loaded");</script>
</body>
</html>
"""


# ------------------------------------------------------------------------------- normalise_text


def test_normalise_text_line_ends_bom_and_trailing_space_at_the_end() -> None:
    # the text as read: line ends and the BOM change, white space inside stays (offsets)
    raw = f"\ufeff  {LEAD}   \r\n\r\n\r\n\r\n{QUOTE}\t\r{TALKS} \n\n\n"
    assert normalise_text(raw) == f"  {LEAD}   \n\n\n\n{QUOTE}\t\n{TALKS}"
    assert tidy_text(raw) == f"{LEAD}\n\n{QUOTE}\n{TALKS}"


def test_normalise_text_nfc_and_keeps_quotes_and_nbsp() -> None:
    decomposed = "Mevlu\u0308t C\u0327avus\u0327og\u0306lu said 15\u00a0soldiers “died”"
    assert normalise_text(decomposed) == "Mevlüt Çavuşoğlu said 15\u00a0soldiers “died”"


# ------------------------------------------------------------------------------------ decoding


def test_utf8_with_and_without_bom() -> None:
    assert decode(ARTICLE.encode("utf-8"), "a.txt") == ARTICLE
    doc = load_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "a.txt")
    assert doc.text == ARTICLE


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(encoding: str) -> None:
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    data = bom + ARTICLE.encode(encoding)
    assert b"\x00" in data  # NUL bytes are fine here: the BOM says UTF-16
    assert load_bytes(data, "a.txt").text == ARTICLE


def test_cp1252_curly_quotes_and_accents(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(CP1252_TEXT.encode("cp1252"))
    assert load_path(path).text == CP1252_TEXT


def test_cp1254_turkish_letters(tmp_path: Path) -> None:
    path = tmp_path / "cp1254.txt"
    data = CP1254_TEXT.encode("cp1254")
    with pytest.raises(UnicodeEncodeError):
        CP1254_TEXT.encode("cp1252")  # the Turkish letters need cp1254
    path.write_bytes(data)
    assert load_path(path).text == CP1254_TEXT


def test_short_cp1254_name_is_not_read_as_cp1250() -> None:
    # charset-normalizer alone guesses cp1250 here and gives "Çavuţođlu".
    text = "Çavuşoğlu said Ankara’s patience was running out."
    assert decode(text.encode("cp1254"), "x") == text


def test_latin1_french_is_not_read_as_central_european() -> None:
    text = "Le ministre a déclaré à Genève que la réunion était positive."
    assert decode(text.encode("latin-1"), "x") == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Lech Wałęsa powiedział, że spotkanie w Łodzi było pozytywne.", "cp1250"),
        (
            "Министр иностранных дел России Сергей Лавров заявил, что встреча была позитивной.",
            "cp1251",
        ),
        ("Mevlüt Çavuşoğlu Lavrov ile görüştü.", "iso8859_9"),
    ],
)
def test_other_legacy_encodings(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "x") == text


def test_html_declared_charset_is_used() -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1254"').replace(
        "Mr Cavusoglu", "Mr Çavuşoğlu"
    )
    doc = load_bytes(page.encode("cp1254"), "page.html")
    assert "Mr Çavuşoğlu later held talks" in doc.text


# ---------------------------------------------------------------------------- binary rejection


def test_random_bytes_are_binary() -> None:
    with pytest.raises(LoadError, match=r"^rand\.txt: binary file \(not text\): claimtrack reads "):
        load_bytes(os.urandom(4096), "rand.txt")


def test_random_bytes_without_nul_are_binary() -> None:
    data = bytes(b for b in os.urandom(8192) if b)[:4096]
    with pytest.raises(LoadError, match="binary file"):
        load_bytes(data, "rand.txt")


def test_elf_binary_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    shutil.copyfile("/bin/ls", path)
    with pytest.raises(LoadError) as caught:
        load_path(path)
    assert str(caught.value) == (
        f"{path}: binary file (not text): "
        "claimtrack reads .txt .md .html .csv .tsv .jsonl .json files"
    )
    assert caught.value.origin == str(path)


@pytest.mark.parametrize(
    "header",
    [b"\x89PNG\r\n\x1a\n", b"%PDF-1.7\n", b"PK\x03\x04", b"\x1f\x8b\x08\x00"],
)
def test_magic_numbers_are_binary(header: bytes) -> None:
    with pytest.raises(LoadError, match="binary file"):
        load_bytes(header + LEAD.encode("ascii", "ignore"), "f.txt")


def test_nul_byte_without_bom_is_binary() -> None:
    with pytest.raises(LoadError, match="binary file"):
        load_bytes(LEAD.encode("utf-8") + b"\x00" + TALKS.encode("utf-8"), "f.txt")


def test_utf16_without_bom_is_rejected_not_mangled() -> None:
    with pytest.raises(LoadError, match="binary file"):
        load_bytes(ARTICLE.encode("utf-16-le"), "f.txt")


def test_invalid_utf16_after_bom() -> None:
    with pytest.raises(LoadError, match=r"f\.txt: invalid UTF-16-LE text"):
        load_bytes(b"\xff\xfe" + "Idlib".encode("utf-16-le") + b"\x00\xd8", "f.txt")


# --------------------------------------------------------------------------------- empty input


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf\n\n"])
def test_empty_or_whitespace_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    with pytest.raises(LoadError, match=r"empty\.txt: empty file$"):
        load_path(path)


def test_html_without_article_text() -> None:
    page = "<!doctype html><html><head><title>Menu</title><script>var x = 1;</script></head>"
    page += "<body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(LoadError, match=r"^p\.html: no article text found$"):
        load_bytes(page.encode(), "p.html")


# ---------------------------------------------------------------------------- unreadable paths


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    with pytest.raises(LoadError) as caught:
        load_path(path)
    assert str(caught.value) == f"{path}: no such file or directory"


def test_directory_passed_to_load_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(LoadError, match=r"is a directory$"):
        load_path(tmp_path)


def test_empty_directory_passed_to_load_path(tmp_path: Path) -> None:
    with pytest.raises(
        LoadError, match=r": no \.txt \.md \.html \.csv \.tsv \.jsonl \.json files$"
    ):
        load_path(tmp_path)


def test_permission_denied_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(LoadError) as caught:
        load_path(path)
    assert str(caught.value) == f"{path}: permission denied"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied_for_real(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(LoadError, match=r"permission denied$"):
        load_path(path)


def test_special_file_is_not_read() -> None:
    with pytest.raises(LoadError, match="not a regular file"):
        load_path(Path("/dev/null"))


# ---------------------------------------------------------------------------------------- HTML


def test_html_page_extraction(tmp_path: Path) -> None:
    path = tmp_path / "idlib.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_path(path)
    for furniture in (
        "alert(1)",
        "font-family",
        "World news",
        "Sport section",
        "Copyright",
        "tracking pixel",
        "The Daily Example",
    ):
        assert furniture not in doc.text
    assert f"{LEAD}\n\n{QUOTE}\n\n{TALKS}" in doc.text
    assert doc.title == "Turkish officials headed for Russia to resolve Idlib crisis"
    assert doc.published == date(2020, 2, 15)
    assert doc.origin == str(path)


def test_explicit_metadata_wins_over_page() -> None:
    doc = load_bytes(
        PAGE.encode(),
        "p.html",
        title="Given",
        published=date(2020, 2, 16),
        outlet="The National",
        url="https://example.org/idlib",
    )
    assert (doc.title, doc.published) == ("Given", date(2020, 2, 16))
    assert (doc.outlet, doc.url) == ("The National", "https://example.org/idlib")


def test_html_sniffed_in_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(PAGE, encoding="utf-8")
    doc = load_path(path)
    assert "alert(1)" not in doc.text
    assert QUOTE in doc.text


def test_html_false_keeps_markup_as_text() -> None:
    doc = load_bytes(PAGE.encode(), "p.txt", html=False)
    assert "<script>alert(1)</script>" in doc.text


def test_short_page_uses_fallback_extractor() -> None:
    page = (
        "<html><head><title>Idlib talks</title><style>p{color:red}</style>"
        '<meta name="date" content="2020-02-15T10:00:00Z"></head><body>'
        "<nav>Home | World</nav><script>alert(1)</script>"
        "<h2>Talks</h2><p>Turkey will send a delegation.</p><aside>Most read</aside>"
        "<ul><li>Russia says victory is inevitable.</li></ul><footer>Contact us</footer>"
        "</body></html>"
    )
    doc = load_bytes(page.encode(), "short.htm")
    assert doc.text == (
        "Talks\n\nTurkey will send a delegation.\n\nRussia says victory is inevitable."
    )
    assert doc.title == "Idlib talks"
    assert doc.published == date(2020, 2, 15)


def test_plain_text_and_markdown_kept_as_is(tmp_path: Path) -> None:
    md = tmp_path / "a.md"
    md.write_text(f"# Idlib\n\n{LEAD}\n\n* {QUOTE}\n", encoding="utf-8")
    assert load_path(md).text == f"# Idlib\n\n{LEAD}\n\n* {QUOTE}"
    assert load_path(md).title is None


# ------------------------------------------------------------------------------ inputs, stdin


def test_iter_inputs_expands_directories_sorted(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in (
        "b/2.TXT",
        "a/1.html",
        "a/z.md",
        "b/page.HTM",
        "a/notes.pdf",
        ".git/x.txt",
        "top.txt",
        "image.png",
        "b/rows.CSV",
        "a/dump.jsonl",
        "table.tsv",
        "export.json",
        "a/.hidden.csv",
    ):
        (tmp_path / rel).write_bytes(b"x")
    missing = str(tmp_path / "missing.txt")
    got = list(iter_inputs([str(tmp_path), "-", missing]))
    expected = [
        str(tmp_path / rel)
        for rel in (
            "a/1.html",
            "a/dump.jsonl",
            "a/z.md",
            "b/2.TXT",
            "b/page.HTM",
            "b/rows.CSV",
            "export.json",
            "table.tsv",
            "top.txt",
        )
    ]
    assert got == [*expected, "-", missing]
    assert all(p.lower().endswith(SUPPORTED_SUFFIXES + DATASET_SUFFIXES) for p in expected)
    assert DATASET_SUFFIXES == (".csv", ".tsv", ".jsonl", ".json")


def test_iter_inputs_keeps_files_as_given(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert list(iter_inputs([str(path)])) == [str(path)]
    with pytest.raises(LoadError, match="binary file"):
        load_input(str(path))


def test_load_input_stdin() -> None:
    stdin = io.BytesIO(ARTICLE.encode("utf-16"))
    doc = load_input("-", stdin=stdin, outlet="The National")
    assert (doc.text, doc.origin, doc.outlet) == (ARTICLE, "-", "The National")


def test_load_input_stdin_empty() -> None:
    with pytest.raises(LoadError, match=r"^-: empty file$"):
        load_input("-", stdin=io.BytesIO(b""))


def test_load_input_path_origin_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text(ARTICLE, encoding="utf-8")
    doc = load_input("./a.txt")
    assert doc.origin == "./a.txt"
    assert doc.text == ARTICLE


def test_batch_reports_bad_inputs_and_loads_good_ones(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    shutil.copyfile("/bin/ls", tmp_path / "ls.txt")
    loaded, failed = [], []
    for arg in iter_inputs([str(tmp_path), str(tmp_path / "gone.md")]):
        try:
            loaded.append(load_input(arg).origin)
        except LoadError as exc:
            failed.append(exc.why)
    assert loaded == [str(tmp_path / "good.txt")]
    assert [why.split(":")[0] for why in failed] == [
        "empty file",
        "binary file (not text)",
        "no such file or directory",
    ]


# -------------------------------------------------------------------------------- properties

_CONTROLS = {chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\f\v"} | {
    chr(c) for c in range(0x7F, 0xA0)
}


@given(st.text(alphabet=st.characters(exclude_categories=("Cs",))))  # UTF-8 has no surrogates
def test_load_bytes_roundtrip_or_load_error(text: str) -> None:
    try:
        doc = load_bytes(text.encode("utf-8"), "x")
    except LoadError:
        empty = not normalise_text(text)
        binary = any(ch in _CONTROLS for ch in text) or text.startswith(("%PDF-", "GIF8"))
        assert empty or binary
        return
    assert doc.text == normalise_text(text)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"))))
def test_clean_text_always_loads(text: str) -> None:
    if not normalise_text(text) or text.encode("utf-8").startswith((b"%PDF-", b"PK", b"GIF8")):
        return
    assert load_bytes(text.encode("utf-8"), "x").text == normalise_text(text)


@given(st.text())
def test_normalise_text_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
