"""Segmentation: sentences with exact offsets, on real news text."""

from __future__ import annotations

import csv

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.load import normalise_text
from claimtrack.model import Document
from claimtrack.segment import segment
from tests.conftest import FAKES_CSV


def texts(text: str) -> list[str]:
    return [claim.text for claim in segment(Document(text))]


def test_offsets_slice_back_to_the_claim_text_on_the_sample(sample_text: str) -> None:
    doc = Document(normalise_text(sample_text))
    claims = segment(doc)
    assert len(claims) > 30
    for claim in claims:
        assert doc.text[claim.start : claim.end] == claim.text
        assert claim.text == claim.text.strip() and claim.text
    assert [c.start for c in claims] == sorted(c.start for c in claims)


def test_abbreviations_do_not_end_sentences() -> None:
    text = (
        "Mr. Lavrov met U.S. envoy James Jeffrey in Munich. "
        "Lt. Gen. Hulusi Akar said force would be used."
    )
    assert texts(text) == [
        "Mr. Lavrov met U.S. envoy James Jeffrey in Munich.",
        "Lt. Gen. Hulusi Akar said force would be used.",
    ]


def test_quote_then_speaker_stays_one_sentence() -> None:
    text = (
        "“If it won’t work through diplomatic channels, we will take the necessary steps,” "
        "he said on Saturday at the Munich Security Conference. Mr Lavrov said victory was near."
    )
    found = texts(text)
    assert found[0].endswith("Munich Security Conference.")
    assert found[1] == "Mr Lavrov said victory was near."


def test_headline_and_furniture_lines_are_their_own_claims() -> None:
    text = (
        "Turkish officials headed for Russia to resolve Idlib crisis\n\n"
        "Turkish Foreign Minister Mevlut Cavusoglu at the Munich Security Conference. "
        "Turkish Foreign Ministry via Reuters\n"
        "Turkey will send a delegation to Russia on Monday.\n\n"
        "Updated: February 15, 2020 11:28 PM"
    )
    claims = segment(Document(text))
    assert [c.text for c in claims] == [
        "Turkish officials headed for Russia to resolve Idlib crisis",
        "Turkish Foreign Minister Mevlut Cavusoglu at the Munich Security Conference.",
        "Turkish Foreign Ministry via Reuters",
        "Turkey will send a delegation to Russia on Monday.",
        "Updated: February 15, 2020 11:28 PM",
    ]
    assert [c.paragraph for c in claims] == [0, 1, 1, 1, 2]


def test_hard_wrapped_prose_is_joined_across_line_breaks() -> None:
    text = (
        "Israeli air strikes on the airport area of Damascus killed at least three Syrian\n"
        "soldiers and four members of Iran's Islamic Revolutionary Guard Corps the Observatory\n"
        "said on Saturday in a statement sent to reporters in Beirut and in the capital.\n"
        "A report by Sana said missiles were intercepted over Damascus."
    )
    found = texts(text)
    assert len(found) == 2
    assert found[0].startswith("Israeli air strikes") and found[0].endswith("in the capital.")


def test_commas_stripped_text_still_splits_into_sentences() -> None:
    text = (
        "A bomb blast killed six people and injured 32 in the Salah al-Din district of Aleppo "
        "Syrian state television reported on Wednesday without giving further details. "
        "Salah al-Din is located west of Aleppos Old City."
    )
    assert len(texts(text)) == 2


@pytest.mark.skipif(not FAKES_CSV.exists(), reason="shared corpus not present")
def test_offsets_hold_on_every_dev_article() -> None:
    with FAKES_CSV.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) > 700
    for row in rows:
        doc = Document(normalise_text(row["article_content"]))
        for claim in segment(doc):
            assert doc.text[claim.start : claim.end] == claim.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_offsets_are_exact_for_arbitrary_text(text: str) -> None:
    doc = Document(text)
    previous_end = 0
    for claim in segment(doc):
        assert text[claim.start : claim.end] == claim.text
        assert claim.text.strip() == claim.text != ""
        assert claim.start >= previous_end
        previous_end = claim.end


def test_a_lone_surrogate_does_not_stop_segmentation() -> None:
    # a caller's own str may hold one (no decoder yields it): offsets stay exact
    doc = Document("\ud800 Hello. The monitor said five people died.")
    spans = [(c.start, c.end) for c in segment(doc)]
    assert spans == [(0, 8), (9, 43)]
    assert doc.text[9:43] == "The monitor said five people died."
