"""``claimtrack --help``: the commands in the order of a working session."""

from __future__ import annotations

import pytest
import typer

from claimtrack.cli import app, run

SESSION_ORDER = [
    "ingest", "articles", "claims", "incidents", "conflicts", "assign", "review", "sources",
    "annotate", "export",
    "match", "import", "db",
]  # fmt: skip


def _listed(text: str) -> list[str]:
    """The command names of a help text's Commands section, in the order printed."""
    section = text.split("\nCommands:\n", 1)[1]
    return [line.split()[0] for line in section.splitlines() if line.startswith("  ")]


@pytest.mark.parametrize("args", [["--help"], []])
def test_help_lists_commands_in_session_order(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    assert run(args) == 0
    assert _listed(capsys.readouterr().out) == SESSION_ORDER


def test_every_command_has_a_place_in_the_order() -> None:
    """A new command must be placed on purpose, not fall to the end of the list unnoticed."""
    registered = set(typer.main.get_command(app).commands)
    assert registered == set(SESSION_ORDER)
