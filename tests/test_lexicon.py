"""The attribution lexicon: the TOML files under claimtrack/rules are the truth (editing them
changes what is attributed), and a file that is not valid fails to load with a clear error."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from claimtrack.attribute import attribute
from claimtrack.attribute.lexicon import (
    CUES_FILE,
    WORDS_FILE,
    Lexicon,
    LexiconError,
    default_lexicon,
    load_lexicon,
)
from claimtrack.model import Document
from claimtrack.segment import segment
from claimtrack.sources import _NAME_PARTICLES as REGISTRY_PARTICLES


def rules_copy(tmp_path: Path, edit_cues: tuple[str, str] | None = None) -> Path:
    """The packaged rules in ``tmp_path``, with one replacement made in cues.toml."""
    for name in (CUES_FILE, WORDS_FILE):
        text = resources.files("claimtrack.rules").joinpath(name).read_text("utf-8")
        if name == CUES_FILE and edit_cues is not None:
            assert text.count(edit_cues[0]) == 1, edit_cues[0]
            text = text.replace(*edit_cues)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def attributed(text: str, lexicon: Lexicon | None = None) -> tuple[str | None, str | None]:
    """(source, cue) of a one-sentence article."""
    doc = Document(text)
    (claim,) = attribute(doc, segment(doc), lexicon=lexicon)
    return claim.attribution.source, claim.attribution.cue


# ---------------------------------------------------------------- editing the TOML


def test_a_verb_added_to_cues_toml_attributes_a_sentence(tmp_path: Path) -> None:
    sentence = "The Syrian Observatory for Human Rights grumbled that 12 civilians were killed."
    assert attributed(sentence) == (None, None)
    folder = rules_copy(tmp_path, ('"hit back",\n]', '"hit back", "grumbled",\n]'))
    lexicon = load_lexicon(folder)
    assert "grumbled" in lexicon.forms and "grumbled" not in lexicon.weak
    assert attributed(sentence, lexicon) == ("Syrian Observatory for Human Rights", "grumbled")


def test_moving_a_verb_to_a_strong_class_flips_weak(tmp_path: Path) -> None:
    # weak: "welcomed" needs a speaking subject, and "the Kurdish militia" is none
    sentence = "The Kurdish militia welcomed the decision to reopen the crossing."
    assert "welcomed" in default_lexicon().weak
    assert attributed(sentence) == (None, None)
    folder = rules_copy(tmp_path, ('"denounced", "welcomed",', '"denounced",'))
    text = (folder / CUES_FILE).read_text("utf-8")
    text = text.replace('"alleges", "contended",', '"alleges", "contended", "welcomed",')
    (folder / CUES_FILE).write_text(text, encoding="utf-8")
    lexicon = load_lexicon(folder)
    assert "welcomed" not in lexicon.weak
    assert attributed(sentence, lexicon) == ("Kurdish militia", "welcomed")


def test_relay_words_come_from_cues_toml(tmp_path: Path) -> None:
    sentence = "Sana reported, citing a military source, that 12 militants were killed."
    doc = Document(sentence)
    (claim,) = attribute(doc, segment(doc))
    assert (claim.attribution.source, claim.attribution.via) == ("military source", "SANA")
    folder = rules_copy(tmp_path, ('relay_before_source = ["citing", "quoting"]', ""))
    (claim,) = attribute(doc, segment(doc), lexicon=load_lexicon(folder))
    assert (claim.attribution.source, claim.attribution.via) == ("SANA", None)


def test_the_packaged_lexicon_keeps_the_former_code_overrides() -> None:
    lexicon = default_lexicon()
    # once made weak by a list in Python although a strong class listed them too
    assert {"called", "found", "believes", "rejected", "quoted"} <= lexicon.weak
    assert {"said", "wrote", "argued", "denied", "reported"}.isdisjoint(lexicon.weak)
    assert {"wrote", "argued", "thinks"} <= lexicon.belief
    assert lexicon.citing == {"citing", "quoting"}
    assert ("carried", "by") in lexicon.relay_after


def test_one_list_of_name_particles() -> None:
    lexicon = default_lexicon()
    assert lexicon.name_particles == REGISTRY_PARTICLES
    assert lexicon.name_connectors.isdisjoint(lexicon.name_particles)


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "weak = false\n\n[speech_weak]",
            'weak = "no"\n\n[speech_weak]',
            "[speech] weak: must be bool",
        ),
        (
            "tail_only = true\n\n[nonverbal]",
            "tail_only = true\nlast_only = true\n\n[nonverbal]",
            "[tail_only] last_only: unknown key",
        ),
        (
            '"hit back",\n]',
            '"hit back", "called",\n]',
            "[speech_weak] forms: 'called' is weak here but strong in [speech]",
        ),
        ('according_to = ["according', 'according = ["according', "[nonverbal] according: unknown"),
        ('["carried by",', '["as carried by",', "relay_after_source: 'as carried by': two words"),
        (
            'forms = ["blamed",',
            'forms = [1, "blamed",',
            "[accusation] forms: must be a list of words",
        ),
    ],
)
def test_cues_toml_errors_name_file_and_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = rules_copy(tmp_path, (old, new))
    with pytest.raises(LexiconError) as err:
        load_lexicon(folder)
    assert str(err.value).startswith(CUES_FILE + ": ")
    assert message in str(err.value)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("\n[cues]\n", "\n[cue_words]\n", "[cue_words]: unknown table"),
        ("polled = [", "polls = [", "[sources] polls: unknown key"),
        ("\n[cues]\n", "\n[cues]\ngoverns = []\n", "[cues] governs: unknown key"),
        ('dets = ["a", "an", "the"]', 'dets = ["a", "An", "the"]', "lower case: 'An'"),
        ('dets = ["a", "an", "the"]', 'dets = "the"', "[tokens] dets: must be a list of words"),
        ('"agency" = ["news_agency"]', '"agency" = ["wire"]', "'wire' is no source kind"),
        ('"Syria" = "Syrian"', '"Syria" = 1', "country_demonym: must map words to words"),
        ('dets = ["a", "an", "the"]\n', "", "[tokens] dets: missing"),
        ("[tokens]", "[tokens", "not valid TOML"),
    ],
)
def test_attribution_toml_errors_name_file_and_key(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = rules_copy(tmp_path)
    text = (folder / WORDS_FILE).read_text("utf-8")
    assert old in text, old
    (folder / WORDS_FILE).write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon(folder)
    assert str(err.value).startswith(WORDS_FILE + ": ")
    assert message in str(err.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"^cues\.toml: \(file\): cannot be read"):
        load_lexicon(tmp_path)


def test_an_edited_word_list_is_what_the_lexicon_holds(tmp_path: Path) -> None:
    folder = rules_copy(tmp_path)
    text = (folder / WORDS_FILE).read_text("utf-8")
    text = text.replace("polled = [", 'polled = ["sampled", ', 1)
    (folder / WORDS_FILE).write_text(text, encoding="utf-8")
    assert load_lexicon(folder).polled == default_lexicon().polled | {"sampled"}
