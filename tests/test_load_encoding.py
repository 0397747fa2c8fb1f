"""Files mixing UTF-8 and legacy-encoded lines are decoded line by line, never mangled."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack import load
from claimtrack.errors import LoadError
from claimtrack.load import _implausibility, decode, load_path

UTF8_LINE = "Turkish Foreign Minister Mevlut Çavuşoğlu said Ankara would prefer diplomacy."
CP1252_LINE = "“We will take the necessary steps,” the envoy said in Genève on Saturday."
CP1254_LINE = "Dışişleri Bakanı Çavuşoğlu, Münih’te Lavrov ile görüştü."


def test_utf8_lines_mixed_with_cp1252_lines(tmp_path: Path) -> None:
    data = b"\n\n".join(
        [UTF8_LINE.encode("utf-8"), CP1252_LINE.encode("cp1252"), "Café Idlib".encode()]
    )
    path = tmp_path / "mixed.txt"
    path.write_bytes(data)
    text = load_path(path).text
    assert text == f"{UTF8_LINE}\n\n{CP1252_LINE}\n\nCafé Idlib"
    assert "Ã" not in text and "Å" not in text
    # read whole as cp1252 it would have been the mangled form the issue reports
    assert "Ã‡avuÅŸoÄŸlu" in data.decode("cp1252", errors="replace")


def test_utf8_lines_mixed_with_turkish_cp1254_lines() -> None:
    data = UTF8_LINE.encode("utf-8") + b"\n" + CP1254_LINE.encode("cp1254")
    assert decode(data, "tr.txt") == f"{UTF8_LINE}\n{CP1254_LINE}"


def test_one_line_holding_both_encodings() -> None:
    line = "Çavuşoğlu".encode() + b" met the envoy in " + "Genève.".encode("cp1252")
    assert decode(line, "x.txt") == "Çavuşoğlu met the envoy in Genève."


def test_a_cp1252_file_whose_bytes_happen_to_be_utf8_somewhere_stays_cp1252() -> None:
    # "CAFÉ’" in cp1252 is C9 92, which is also the valid UTF-8 "ɒ"
    text = "Le CAFÉ’ de la paix a fermé.\nLes réfugiés sont arrivés à Genève."
    assert decode(text.encode("cp1252"), "fr.txt") == text


def test_a_pure_utf8_or_pure_cp1252_file_is_read_whole_as_before() -> None:
    assert decode(f"{UTF8_LINE}\n{CP1254_LINE}".encode(), "u.txt") == f"{UTF8_LINE}\n{CP1254_LINE}"
    assert decode(CP1252_LINE.encode("cp1252"), "w.txt") == CP1252_LINE


def test_long_mixed_file_is_streamed_line_by_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load, "STREAM_FROM", 20_000)
    monkeypatch.setattr(load, "PART_CHARS", 8_000)
    monkeypatch.setattr(load, "_READ_BLOCK", 4_096)
    # UTF-8 for the first 30 KB, then cp1252 lines among UTF-8 ones
    lines = [f"{UTF8_LINE} ({n})" for n in range(300)]
    lines += [f"{CP1252_LINE} ({n})" if n % 2 else f"{UTF8_LINE} ({n})" for n in range(300)]
    data = b"\n\n".join(
        line.encode("cp1252") if line.startswith("“") else line.encode("utf-8") for line in lines
    )
    path = tmp_path / "dump.txt"
    path.write_bytes(data)
    docs = list(load.iter_documents(str(path)))
    assert len(docs) > 5
    assert "\n\n".join(d.text for d in docs) == "\n\n".join(lines)


def test_bytes_no_encoding_reads_are_refused_clearly() -> None:
    # a UTF-8 line, then a line of bytes undefined in cp1252 and cp1254 and not UTF-8
    data = UTF8_LINE.encode() + b"\n" + b"Idlib \x81\x8d\x8f\x90\x9d report"
    try:
        text = decode(data, "odd.txt")
    except LoadError as error:
        assert "odd.txt" in str(error)
        return
    # or read in an encoding that defines them: never with the UTF-8 line mangled
    assert text.startswith(UTF8_LINE + "\n")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=40).map(lambda t: t.encode("utf-8")),
            st.text(alphabet="abc éèçàÉ’“”–", max_size=40).map(lambda t: t.encode("cp1252")),
            st.binary(max_size=20),
        ),
        max_size=8,
    )
)
def test_any_mix_of_lines_decodes_or_is_refused_with_a_load_error(lines: list[bytes]) -> None:
    data = b"\n".join(lines)
    try:
        text = decode(data, "mix.txt")
    except LoadError as error:
        assert str(error).startswith("mix.txt: ")
        return
    assert "\ufffd" not in text or "\ufffd".encode() in data
    # every UTF-8 line of a mixed file reads as itself
    for line in lines:
        if not line.isascii() and b"\n" not in line and b"\r" not in line:
            try:
                own = line.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if all(ch.isalpha() or ch == " " for ch in own) and _coherent(own):
                assert own in text


def _coherent(text: str) -> bool:
    return _implausibility(text) == (0, 0)
