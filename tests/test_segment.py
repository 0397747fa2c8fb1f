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


def test_headline_and_caption_lines_are_their_own_claims_furniture_none() -> None:
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
    ]
    assert [c.paragraph for c in claims] == [0, 1, 1, 1]


def test_the_sample_pages_furniture_is_no_claim(sample_text: str) -> None:
    doc = Document(normalise_text(sample_text))
    claims = segment(doc)
    found = [c.text for c in claims]
    # the viewing-date line, the caption printed a second time, the update stamp, "Most Popular"
    assert not any(t.startswith(("Abu Dhabi", "Updated:", "Most Popular")) for t in found)
    caption = "Turkish Foreign Minister Mevlut Cavusoglu with his Russian counterpart"
    assert sum(t.startswith(caption) for t in found) == 1
    assert found.count("Turkish Foreign Ministry via Reuters") == 1
    assert found[0] == "Turkish officials headed for Russia to resolve Idlib crisis"
    assert found[-1] == "Israel does not usually comment on strikes in Syria."
    # the text is unchanged and the claims left still slice it exactly
    assert doc.text.startswith("Abu Dhabi, UAESaturday 30 May 2020\n")
    for claim in claims:
        assert doc.text[claim.start : claim.end] == claim.text
    assert claims[0].start == doc.text.index("Turkish officials")


@pytest.mark.parametrize(
    "line",
    [
        "Abu Dhabi, UAESaturday 30 May 2020",
        "Updated: February 15, 2020 11:28 PM",
        "Wed 19 Apr 2017 14.33 BST",
        "Last modified on Wed 19 Apr 2017 16.30 BST",
        "First published on Tue 18 Apr 2017 09.00 BST",
        "Posted: 12th March 2019 at 8:15am EDT",
        "Published: 15/02/2020",
        "BEIRUT, Lebanon | Sunday, March 1, 2020, 10:00 am",
        "Most Popular",
        "Share this article",
        "Advertisement",
        "© 2020 The National",
        "Copyright 2020 Reuters. All rights reserved.",
    ],
)
def test_furniture_lines_are_dropped_between_claims(line: str) -> None:
    text = f"Rebels shelled the town on Friday.\n\n{line}\n\nThe monitor said six people died."
    assert texts(text) == [
        "Rebels shelled the town on Friday.",
        "The monitor said six people died.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Wed 19 Apr 2017 Aleppo bomb blast kills six Syrian state TV.",
        "May 5, 2020 (Reuters) - Turkish troops entered Idlib.",
        "Published reports said 12 people were killed.",
        "Copyright law was changed by the parliament, officials said.",
        "Share prices fell in Istanbul.",
        "Most popular among the fighters was the new rifle.",
        "On 15 February 2020 the talks began.",
    ],
)
def test_sentences_that_start_like_furniture_are_kept(line: str) -> None:
    assert texts(f"Rebels shelled the town.\n\n{line}") == ["Rebels shelled the town.", line]


def test_an_exact_repeat_of_a_short_paragraph_is_dropped_a_long_one_kept() -> None:
    caption = "Syrian troops near Saraqeb on February 10, 2020. AFP"
    long_paragraph = (
        "The Observatory said the strikes killed nine civilians in Maarat al-Numan. " * 5
    )
    text = f"{caption}\n{caption}\n\nThe army advanced.\n\n{long_paragraph}\n\n{long_paragraph}"
    doc = Document(normalise_text(text))
    found = [c.text for c in segment(doc)]
    assert found.count("Syrian troops near Saraqeb on February 10, 2020.") == 1
    assert found.count("The army advanced.") == 1
    # a long paragraph printed twice is not furniture: both copies stay claims
    assert (
        found.count("The Observatory said the strikes killed nine civilians in Maarat al-Numan.")
        == 10
    )


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


@pytest.mark.parametrize("space", ["\u00a0", "\u0085", "\u2009", "\u3000"])
def test_non_ascii_white_space_before_a_full_stop_does_not_stop_segmentation(space: str) -> None:
    # sentencex panicked on these ("end byte index ... is not a char boundary")
    text = f"Rescuers reached the town of K{space}. Ten people were killed, the monitor said."
    claims = segment(Document(text))
    assert claims and all(text[c.start : c.end] == c.text for c in claims)
    assert claims[-1].text.endswith("the monitor said.")
