"""Claim offsets index the text as read: white space a reader sees is never dropped before
segmenting (issue 12: trailing non-breaking spaces before a newline moved every later offset)."""

from __future__ import annotations

from pathlib import Path

from claimtrack import analyze
from claimtrack.load import load_path

# a page saved from a browser: "&nbsp;" at the end of lines, blank lines with spaces, a blank
# line run, and a leading empty line
AS_READ = (
    "\n"
    "Trump: Clinton 'will destroy' the economy\u00a0\u00a0\n"
    "\n"
    "Donald Trump said on Thursday that Hillary Clinton would wreck the economy.\u00a0\n"
    "   \n"
    "\n"
    "\n"
    '"She has been wrong on trade for thirty years," he told the crowd. \u00a0\n'
    "Clinton's campaign said in a statement that Trump's companies made products abroad.\n"
)


def test_offsets_index_the_file_as_read(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(AS_READ, encoding="utf-8")
    with path.open(encoding="utf-8") as f:
        as_read = f.read()
    doc = load_path(path)
    claims = analyze(doc.text).claims
    assert len(claims) == 4
    for claim in claims:
        assert as_read[claim.start : claim.end] == claim.text
    last = claims[-1]
    assert last.text.startswith("Clinton's campaign said")
    assert last.start == AS_READ.index("Clinton's campaign said")


def test_offsets_as_read_with_windows_line_ends(tmp_path: Path) -> None:
    # a text-mode reader turns CRLF into LF: so does the loader, and offsets match that text
    path = tmp_path / "page.txt"
    path.write_bytes(AS_READ.replace("\n", "\r\n").encode("utf-8"))
    with path.open(encoding="utf-8") as f:
        as_read = f.read()
    claims = analyze(load_path(path).text).claims
    assert all(as_read[c.start : c.end] == c.text for c in claims)
    assert [c.attribution.source for c in claims][1:3] == ["Donald Trump", "Donald Trump"]
