"""The one sanitiser for stored text printed to a terminal: claimtrack.cli.common.safe."""

from __future__ import annotations

import io

from rich.console import Console

from claimtrack.cli.common import safe

HOSTILE = "\033]0;PWNED\007\033[2J[link=http://x]Breaking[/link]"


def test_escape_sequences_are_made_visible() -> None:
    out = safe(HOSTILE, markup=False)
    assert "\033" not in out and "\007" not in out
    assert out.startswith("\\x1b]0;PWNED\\x07\\x1b[2J")


def test_every_c0_and_c1_control_but_tab_and_newline_is_visible() -> None:
    controls = [chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)] if chr(c) not in "\t\n"]
    out = safe("".join(controls), markup=False)
    assert all(ch not in out for ch in controls)
    assert out.count("\\x") == len(controls)
    assert safe("a\tb\nc", markup=False) == "a\tb\nc"


def test_bidi_overrides_and_lone_surrogates_are_visible() -> None:
    assert safe("abc\u202edcb\u2066", markup=False) == "abc\\u202edcb\\u2066"
    assert safe("x\udcff", markup=False) == "x\\udcff"


def test_markup_is_escaped_and_prints_as_written() -> None:
    buffer = io.StringIO()
    Console(
        file=buffer, force_terminal=True, color_system="truecolor", width=200, highlight=False
    ).print(safe(HOSTILE))
    printed = buffer.getvalue()
    assert "[link=http://x]Breaking[/link]" in printed
    assert "\033]8;" not in printed  # no OSC 8 hyperlink
    assert "\033]0;" not in printed and "\033[2J" not in printed


def test_plain_text_and_non_strings_unchanged() -> None:
    assert safe("Russia Today said: 3 dead (AFP).") == "Russia Today said: 3 dead (AFP)."
    assert safe("Çavuşoğlu – “quoted”") == "Çavuşoğlu – “quoted”"
    assert safe(None) == ""
    assert safe(0.5) == "0.5"
