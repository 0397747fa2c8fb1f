"""The subject rules of attribution (claimtrack/attribute/subjects.py): an ordered tuple of small
named functions over one CueSite, each documented by the sentence it exists for."""

from __future__ import annotations

import re

import pytest

from claimtrack.attribute import attribute
from claimtrack.attribute.subjects import CUE_GUARDS, SUBJECT_RULES, VERBAL_RULES
from claimtrack.model import Document
from claimtrack.segment import segment


def test_every_subject_rule_carries_its_example_sentence() -> None:
    assert VERBAL_RULES == CUE_GUARDS + SUBJECT_RULES
    assert len({rule.__name__ for rule in VERBAL_RULES}) == len(VERBAL_RULES)
    for rule in VERBAL_RULES:
        assert rule.__doc__ and re.search(r'"[^"]{12,}"', rule.__doc__), rule.__name__
    # the noun phrase before the cue decides before the rules that look further away
    names = [rule.__name__ for rule in SUBJECT_RULES]
    assert names.index("appositive_person") < names.index("noun_phrase_before")
    assert names.index("noun_phrase_before") < names.index("inverted_after_cue")


@pytest.mark.parametrize(
    ("sentence", "source", "rule"),
    [
        # cue guards
        (
            "The ceasefire was announced by the Russian defence ministry on Monday.",
            "Russian Defence Ministry",
            "passive-by",
        ),
        ("No casualties were reported in the attack.", None, None),
        ("The commander is said to have fled to Turkey.", None, None),
        ("He did not say whether the talks would resume.", None, None),
        ("TRT World's Ahmed al Burai reports from Idlib.", None, None),
        (
            "SANA quoted a military source as saying that 20 terrorists were killed.",
            "military source",
            "relay-quoted",
        ),
        # subject rules
        (
            "Abu Omar a commander in Jabhat al-Nusra said the fighters had withdrawn.",
            "Abu Omar",
            "appositive-subject",
        ),
        (
            "A police source in the city said three people were killed in the blast.",
            "police source",
            "subject-cue",
        ),
        (
            "The Observatory - which has a network of sources inside Syria - also said 20 "
            "fighters died.",
            "Syrian Observatory for Human Rights",
            "subject-cue",
        ),
        (
            "Mr Cavusoglu later held talks with his Russian counterpart Sergey Lavrov in Munich "
            "and said a new ceasefire was needed.",
            "Mevlut Cavusoglu",
            "coordinated-subject",
        ),
        (
            "Twelve civilians were killed, said Rami Abdel Rahman.",
            "Rami Abdel Rahman",
            "inverted-cue",
        ),
        (
            "Mr Erdogan, who was returning from a visit to Pakistan, said Turkey would not back "
            "down.",
            "Recep Tayyip Erdogan",
            "relative-subject",
        ),
    ],
)
def test_subject_rules_on_their_sentences(
    sentence: str, source: str | None, rule: str | None
) -> None:
    doc = Document(sentence)
    (claim,) = attribute(doc, segment(doc))
    assert (claim.attribution.source, claim.attribution.rule) == (source, rule)
