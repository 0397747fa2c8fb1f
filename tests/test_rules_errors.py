"""A rules file a user broke is one ``Error:`` line and a non-zero exit, never a traceback."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import claimtrack.cli as cli
import claimtrack.gazetteer as gazetteer_module
from claimtrack.attribute.lexicon import LexiconError, load_lexicon
from claimtrack.errors import ClaimtrackError, RulesError
from claimtrack.gazetteer import gazetteer


def test_a_broken_word_list_is_a_rules_error_naming_the_file(tmp_path: Path) -> None:
    rules = resources.files("claimtrack.rules")
    for name in ("cues.toml", "attribution.toml"):
        (tmp_path / name).write_text(rules.joinpath(name).read_text("utf-8"), "utf-8")
    (tmp_path / "attribution.toml").write_text("[tokens\nbroken = ", encoding="utf-8")
    with pytest.raises(RulesError, match=r"^attribution\.toml: \(file\): not valid TOML"):
        load_lexicon(tmp_path)


def test_a_rules_error_met_on_import_is_one_error_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # the commands import the library, which reads its rules files: what failed there is
    # reported when the command runs
    broken = LexiconError("attribution.toml", "(file)", "not valid TOML: Expected ']'")
    monkeypatch.setattr(cli, "_IMPORT_ERROR", broken)
    assert cli.run(["claims"]) == 1
    err = capsys.readouterr().err
    assert err == "Error: attribution.toml: (file): not valid TOML: Expected ']'\n"


def test_a_broken_gazetteer_is_a_rules_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "gazetteer.toml").write_text('[places."x"\n', encoding="utf-8")
    monkeypatch.setattr(gazetteer_module.resources, "files", lambda _package: tmp_path)
    gazetteer.cache_clear()
    try:
        with pytest.raises(ClaimtrackError, match=r"^rules/gazetteer\.toml: cannot be read"):
            gazetteer()
    finally:
        gazetteer.cache_clear()
