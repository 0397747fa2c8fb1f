"""The subject rules of attribution (claimtrack/attribute/subjects.py): an ordered tuple of small
named functions over one CueSite, each documented by the sentence it exists for."""

from __future__ import annotations

import re

import pytest

from claimtrack.attribute import attribute
from claimtrack.attribute.subjects import SUBJECT_RULES
from claimtrack.model import Document
from claimtrack.segment import segment


def test_every_subject_rule_carries_its_example_sentence() -> None:
    assert len({rule.__name__ for rule in SUBJECT_RULES}) == len(SUBJECT_RULES)
    for rule in SUBJECT_RULES:
        assert rule.__doc__ and re.search(r'"[^"]{12,}"', rule.__doc__), rule.__name__
    # the noun phrase before the cue decides before the rules that look further away
    names = [rule.__name__ for rule in SUBJECT_RULES]
    assert names.index("appositive_person") < names.index("noun_phrase_before")
    assert names.index("noun_phrase_before") < names.index("inverted_after_cue")


@pytest.mark.parametrize(
    ("sentence", "source", "rule"),
    [
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
def test_subject_rules_on_their_sentences(sentence: str, source: str, rule: str) -> None:
    doc = Document(sentence)
    (claim,) = attribute(doc, segment(doc))
    assert (claim.attribution.source, claim.attribution.rule) == (source, rule)
