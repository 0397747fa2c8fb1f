"""Inputs claimtrack cannot read are refused with one line that says what it does read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from claimtrack import load
from claimtrack.cli import run
from claimtrack.errors import LoadError
from tests.conftest import SAMPLE

URL = "https://www.thenationalnews.com/world/mena/turkish-officials-1.979542"
ACCEPTED = ".txt .md .html .csv .tsv .jsonl .json"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("arg", [URL, "http://example.org/a.html", "www.aljazeera.com/news"])
def test_a_url_is_refused_not_looked_up_as_a_path(arg: str) -> None:
    expected = (
        f"{arg}: claimtrack reads files, it does not fetch pages; "
        "save the page and ingest the .html file"
    )
    for attempt in (lambda: load.load_path(arg), lambda: list(load.iter_documents(arg))):
        with pytest.raises(LoadError) as caught:
            attempt()
        assert str(caught.value) == expected
    assert list(load.iter_inputs([arg])) == [arg]


def test_a_saved_page_named_like_a_host_is_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("www.aljazeera.com.txt").write_text("Rebels said they shot it down.", encoding="utf-8")
    (doc,) = load.iter_documents("www.aljazeera.com.txt")
    assert doc.text == "Rebels said they shot it down."
    with pytest.raises(LoadError, match="it does not fetch pages"):
        load.load_path("www.aljazeera.com/news/2020/2/15/idlib")


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>Idlib</w:document>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        (
            "report.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            f"binary file (PDF document, not text): claimtrack reads {ACCEPTED} files; "
            "convert it to text first (pdftotext FILE)",
        ),
        (
            "story.docx",
            docx(),
            f"binary file (Word document (DOCX), not text): claimtrack reads {ACCEPTED} files; "
            "save it as text or HTML first",
        ),
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n" + bytes(64),
            f"binary file (PNG image, not text): claimtrack reads {ACCEPTED} files",
        ),
        (
            "blob.txt",
            bytes(range(256)) * 4,
            f"binary file (not text): claimtrack reads {ACCEPTED} files",
        ),
    ],
)
def test_binary_files_are_refused_naming_what_is_read(
    tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError) as caught:
        load.load_path(path)
    assert caught.value.why == expected


def test_a_directory_with_nothing_readable_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    pdfs = tmp_path / "pdfs"
    (pdfs / "sub").mkdir(parents=True)
    (pdfs / "a.pdf").write_bytes(b"%PDF-1.4")
    (pdfs / "sub" / "b.docx").write_bytes(docx())
    (pdfs / ".hidden.txt").write_text("Rebels said so.", encoding="utf-8")
    assert list(load.iter_inputs([str(empty), str(pdfs)])) == [str(empty), str(pdfs)]
    for directory in (empty, pdfs):
        with pytest.raises(LoadError) as caught:
            list(load.iter_documents(str(directory)))
        assert str(caught.value) == f"{directory}: no {ACCEPTED} files"


def test_refusals_through_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "folder"
    empty.mkdir()
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7\n")
    db = str(tmp_path / "c.db")
    code, out, err = cli(capsys, "--db", db, "ingest", URL, str(empty), str(pdf), str(SAMPLE))
    assert code == 1
    assert err.splitlines() == [
        f"Error: {URL}: claimtrack reads files, it does not fetch pages; "
        "save the page and ingest the .html file",
        f"Error: {empty}: no {ACCEPTED} files",
        f"Error: {pdf}: binary file (PDF document, not text): claimtrack reads {ACCEPTED} files; "
        "convert it to text first (pdftotext FILE)",
    ]
    assert "1 new, 0 skipped (already stored), 3 failed" in out
