"""Long plain-text files are streamed in parts: bounded memory, nothing lost, nothing mangled."""

from __future__ import annotations

import csv
import io
import itertools
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from claimtrack import load
from claimtrack.errors import LoadError
from tests.conftest import FAKES_CSV, SAMPLE


def fakes_text(limit: int) -> str:
    if not FAKES_CSV.exists():
        pytest.skip("shared corpus not present")
    with FAKES_CSV.open(encoding="utf-8") as handle:
        rows = [row["article_content"].strip() for row in csv.DictReader(handle)][:limit]
    return "\n\n".join(rows)


@pytest.fixture
def small_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "STREAM_FROM", 20_000)
    monkeypatch.setattr(load, "PART_CHARS", 8_000)
    monkeypatch.setattr(load, "_READ_BLOCK", 4_096)  # many block edges, mid-character too


def test_parts_end_at_paragraphs_and_join_back_to_the_file(
    small_parts: None, tmp_path: Path
) -> None:
    text = fakes_text(120)
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    parts = list(load.iter_text_parts(path, str(path)))
    assert len(parts) > 10
    assert all(len(part) <= 8_000 for part in parts)
    # Parts end at paragraph breaks, or (in an article longer than a part) at a sentence end.
    assert " ".join(" ".join(parts).split()) == " ".join(text.split())
    for part in parts[:-1]:  # never cut inside a word
        assert part[-60:] + "\n\n" in text or part[-60:] + " " in text


def test_cp1252_long_file_decodes_across_block_edges(small_parts: None, tmp_path: Path) -> None:
    paragraph = "“We will take the necessary steps,” Ankara’s envoy said in Genève on Saturday."
    text = "\n\n".join(f"{paragraph} ({n})" for n in range(600))
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    assert "\n\n".join(load.iter_text_parts(path, "legacy.txt")) == text


def test_utf16_long_file_with_bom(small_parts: None, tmp_path: Path) -> None:
    text = "\n\n".join(f"Çavuşoğlu said talks would go on ({n})." for n in range(900))
    path = tmp_path / "utf16.txt"
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))
    assert "\n\n".join(load.iter_text_parts(path, "utf16.txt")) == text


def test_documents_of_a_long_file_are_numbered_parts(small_parts: None, tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text(fakes_text(60), encoding="utf-8")
    docs = list(load.iter_documents(str(path), outlet="Reuters"))
    assert len(docs) > 3
    assert [d.origin for d in docs[:2]] == [f"{path}#1", f"{path}#2"]
    assert docs[0].title == "dump.txt (part 1)" and docs[0].outlet == "Reuters"
    short = list(load.iter_documents(str(SAMPLE)))
    assert len(short) == 1 and short[0].origin == str(SAMPLE)


def test_binary_long_file_is_refused(small_parts: None, tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"\x7fELF" + bytes(range(256)) * 200)
    with pytest.raises(LoadError, match="binary"):
        list(load.iter_documents(str(path)))


# ------------------------------------------------------------------------------------- stdin


class Endless(io.RawIOBase):
    """A stream that never ends (``/dev/zero``, ``yes``): counts what was read from it."""

    def __init__(self, pattern: bytes) -> None:
        self.pattern = pattern
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = len(buffer)
        chunk = (self.pattern * (size // len(self.pattern) + 1))[:size]
        buffer[:size] = chunk
        self.read_bytes += size
        return size


def sample_paragraphs(count: int) -> str:
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if len(p) > 80]
    return "\n\n".join(f"{paragraphs[n % len(paragraphs)]} ({n})" for n in range(count))


def test_stdin_is_streamed_in_the_same_parts_as_a_file(small_parts: None, tmp_path: Path) -> None:
    text = sample_paragraphs(400)
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    from_file = list(load.iter_documents(str(path), outlet="Reuters"))
    from_stdin = list(load.iter_documents("-", io.BytesIO(text.encode()), outlet="Reuters"))
    assert len(from_stdin) >= 10
    assert [d.text for d in from_stdin] == [d.text for d in from_file]
    assert [d.origin for d in from_stdin[:2]] == ["-#1", "-#2"]
    assert from_stdin[0].title == "stdin (part 1)" and from_stdin[0].outlet == "Reuters"
    # short stdin stays one document, read like a file (date line included)
    short = SAMPLE.read_bytes()
    (doc,) = load.iter_documents("-", io.BytesIO(short))
    assert doc.origin == "-" and doc.text == load.load_path(SAMPLE).text
    assert doc.published_from == "dateline"


def test_endless_zeros_on_stdin_are_refused_after_the_first_block() -> None:
    zeros = Endless(b"\x00")
    with pytest.raises(LoadError, match=r"^-: binary file"):
        list(load.iter_documents("-", io.BufferedReader(zeros)))
    assert zeros.read_bytes <= 2 * load._READ_BLOCK  # one block (and the reader's buffer)
    zeros = Endless(b"\x00")
    with pytest.raises(LoadError, match=r"^-: binary file"):
        load.load_input("-", io.BufferedReader(zeros))
    assert zeros.read_bytes <= 2 * load._READ_BLOCK


def test_endless_text_on_stdin_is_read_part_by_part(small_parts: None) -> None:
    line = "Rebels said they shot down a government helicopter over Idlib on Friday.\n"
    stream = Endless(line.encode())
    docs = load.iter_documents("-", io.BufferedReader(stream))
    first = list(itertools.islice(docs, 5))
    assert [d.origin for d in first] == [f"-#{n}" for n in range(1, 6)]
    assert all(d.text.startswith("Rebels said") and len(d.text) <= 8_000 for d in first)
    # five parts of 8,000 characters needed the first 20,000 bytes and a few blocks, not more
    assert stream.read_bytes < 20_000 + 5 * 8_000 + 4 * 8_192


def test_ingest_of_dev_zero_fails_at_once(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as zeros:
        done = subprocess.run(
            [sys.executable, "-m", "claimtrack", "--db", str(tmp_path / "c.db"), "ingest", "-"],
            stdin=zeros,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr.startswith("Error: -: binary file (not text)"), done.stderr
    assert "Traceback" not in done.stderr
