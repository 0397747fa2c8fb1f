"""The framing vocabulary: claimtrack/rules/frame.toml is the truth (editing it changes what a
claim is framed as), and a file that is not valid fails to load with a clear error."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

import pytest

import claimtrack.cli as cli
import claimtrack.conflicts as conflicts_module
import claimtrack.frame as frame_module
from claimtrack.errors import RulesError
from claimtrack.frame import frame
from claimtrack.frame_vocab import (
    EVENTS,
    FRAME_FILE,
    FrameVocab,
    default_frame_vocab,
    load_frame_vocab,
    parse_frame_vocab,
)


def rules_copy(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """The packaged frame.toml in ``tmp_path``, with each replacement made once."""
    text = resources.files("claimtrack.rules").joinpath(FRAME_FILE).read_text("utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    (tmp_path / FRAME_FILE).write_text(text, encoding="utf-8")
    return tmp_path


def use(monkeypatch: pytest.MonkeyPatch, vocab: FrameVocab) -> None:
    """Run the framing rules with ``vocab`` (the rules read module-level names, bound once)."""
    for name, value in (
        ("_COUNT_NOUNS", vocab.count_nouns),
        ("_THING_NOUNS", vocab.thing_nouns),
        ("_EVENT_WORDS", vocab.events),
        ("_TARGETS", vocab.targets),
    ):
        monkeypatch.setattr(frame_module, name, value)


# ---------------------------------------------------------------- editing the TOML


def test_a_count_noun_added_to_frame_toml_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = "Regime shelling killed 12 shepherds near Hama."
    (toll,) = frame(sentence).numbers
    assert (toll.value, toll.noun, toll.role) == (12, "", "dead")
    vocab = load_frame_vocab(
        rules_copy(tmp_path, ('"pilgrims",  # "15', '"pilgrims", "shepherds",  #'))
    )
    assert "shepherds" in vocab.count_nouns
    assert "shepherds" not in default_frame_vocab().count_nouns
    use(monkeypatch, vocab)
    (toll,) = frame(sentence).numbers
    assert (toll.value, toll.noun, toll.text, toll.role) == (
        12,
        "shepherds",
        "12 shepherds",
        "dead",
    )


def test_a_thing_noun_added_to_frame_toml_is_no_toll(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = "The bombing of 3 bakeries killed 20 people."
    assert [q.value for q in frame(sentence).numbers] == [3, 20]
    vocab = load_frame_vocab(
        rules_copy(tmp_path, ('"streets", "sides",', '"streets", "sides", "bakeries",'))
    )
    use(monkeypatch, vocab)
    assert [q.value for q in frame(sentence).numbers] == [20]


def test_event_words_and_targets_come_from_frame_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sentence = "Gunmen torched a bakery in Douma."
    before = frame(sentence)
    assert "attack" not in before.events and before.targets == ("bakery",)
    folder = rules_copy(
        tmp_path,
        ('"assault", "offensive", "ambush"]', '"assault", "offensive", "ambush", "torched"]'),
        ('bakery = "bakery"', 'bakery = "shop"'),
    )
    vocab = load_frame_vocab(folder)
    assert vocab.events["torched"] == "attack"
    use(monkeypatch, vocab)
    after = frame(sentence)
    assert "attack" in after.events and after.targets == ("shop",)


def test_the_rules_read_the_packaged_vocabulary() -> None:
    vocab = default_frame_vocab()
    assert frame_module._EVENT_WORDS is vocab.events
    assert frame_module._COUNT_NOUNS is vocab.count_nouns
    assert conflicts_module._NOUN_CLASS is vocab.noun_class
    assert frame_module._QUALIFIERS is vocab.qualifiers
    assert frame_module._NOT_PLACE is vocab.not_places
    assert conflicts_module._NOT_PLACE_AL is vocab.not_al_places
    # every event frame.toml may name has a family in frame.py, and each is named there
    assert set(frame_module._EVENT_FAMILY) == EVENTS == set(vocab.events.values())
    assert vocab.event_pairs[("shot", "down")] == "shoot_down"
    assert vocab.vague["tens of thousands"] == (20000, 20000, 99999)
    assert vocab.noun_role["martyrs"] == "dead"
    assert vocab.noun_class["medics"] == "medics"
    assert vocab.qualifiers["no fewer than"] == "at_least"
    assert {"observatory", "syrias"} <= vocab.not_places
    assert "nusra" in vocab.not_al_places


def test_a_qualifier_and_a_place_word_added_to_frame_toml_are_read(tmp_path: Path) -> None:
    folder = rules_copy(
        tmp_path,
        ('"at least" = "at_least"', '"at least" = "at_least"\n"a minimum of" = "at_least"'),
        ('"security", "general",', '"security", "general", "damsacus",'),
    )
    vocab = load_frame_vocab(folder)
    assert vocab.qualifiers["a minimum of"] == "at_least"
    assert "damsacus" in vocab.not_places
    assert "a minimum of" not in default_frame_vocab().qualifiers


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("pair_only = [", "bigram_only = [", "bigram_only: unknown key"),
        ("non_count = [", "non_count = 3\nunused = [", "unused: unknown key"),
        ('"kg",', "7,", "non_count: must be a list of words"),
        ('"medics", "paramedics",', '"Medics", "paramedics",', "count_nouns: words are matched"),
        ("\narrest = [", "\nrob = [", "[events] rob: unknown event"),
        ('"gunfire", "sniper"', '"gunfire", "blast"', "[events] shoot: 'blast' is listed under"),
        (
            '"tank fire" = "shell"',
            '"tank fire" = "shelling"',
            "[event_pairs] tank fire: 'shelling'",
        ),
        ('"car bomb" = "bomb"', '"car bomb blast" = "bomb"', "[event_pairs] car bomb blast: two"),
        ('"several" = [3, 3, 9]', '"several" = [3, 9]', "[vague] several: must be [value,"),
        ('"a number" = [3, 3, 20]', '"a number" = [30, 3, 20]', "[vague] a number: must be"),
        ('fatalities = "dead"', 'fatalities = "killed"', "[noun_role] fatalities: 'killed' is not"),
        ('road = "road"', "road = 1", "[targets] road: must be a word"),
        ('"some" = "about"', '"some" = "roughly"', "[qualifiers] some: 'roughly' is not one of"),
        ('"quds", "aqsa",', '"quds", ["aqsa"],', "not_al_places: must be a list of words"),
        ("\n[targets]\n", "\n[aims]\n", "aims: unknown key"),
        ("[vague]\n", "[vague\n", "(file): not valid TOML"),
    ],
)
def test_frame_toml_errors_name_file_and_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = rules_copy(tmp_path, (old, new))
    with pytest.raises(RulesError) as err:
        load_frame_vocab(folder)
    assert str(err.value).startswith(FRAME_FILE + ": ")
    assert message in str(err.value)


def test_a_table_that_is_no_table_is_named() -> None:
    data = tomllib.loads(
        resources.files("claimtrack.rules").joinpath(FRAME_FILE).read_text("utf-8")
    )
    data["noun_class"] = ["children"]
    with pytest.raises(RulesError, match=r"^frame\.toml: \[noun_class\]: must be a table$"):
        parse_frame_vocab(data)


def test_a_missing_list_is_named(tmp_path: Path) -> None:
    text = (rules_copy(tmp_path) / FRAME_FILE).read_text("utf-8")
    start = text.index("thing_nouns = [")
    end = text.index("]", text.index('"sides",', start)) + 1
    (tmp_path / FRAME_FILE).write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(RulesError, match=r"^frame\.toml: thing_nouns: missing$"):
        load_frame_vocab(tmp_path)


def test_a_missing_frame_toml_is_a_rules_error(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match=r"^frame\.toml: \(file\): cannot be read"):
        load_frame_vocab(tmp_path)


def test_a_broken_frame_toml_met_on_import_is_one_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = rules_copy(tmp_path, ('fatalities = "dead"', 'fatalities = "killed"'))
    with pytest.raises(RulesError) as err:
        load_frame_vocab(folder)
    monkeypatch.setattr(cli, "_IMPORT_ERROR", err.value)
    assert cli.run(["claims"]) == 1
    assert capsys.readouterr().err == (
        "Error: frame.toml: [noun_role] fatalities: 'killed' is not one of "
        "casualties, dead, displaced, injured\n"
    )
