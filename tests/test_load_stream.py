"""Long plain-text files are streamed in parts: bounded memory, nothing lost, nothing mangled."""

from __future__ import annotations

import csv
from pathlib import Path

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
