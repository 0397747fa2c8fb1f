"""Publication dates from the text: labelled date lines, wire datelines, never a viewing date."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimtrack.load import dateline_date, load_bytes, load_path
from tests.conftest import SAMPLE

TODAY = date(2024, 6, 1)
BODY = (
    "Turkey will send a delegation to Russia on Monday to discuss the military escalation in "
    "Syria’s Idlib region.\n\n"
    "The Syrian Observatory for Human Rights blamed the attack on Turkey."
)


def test_sample_article_is_dated_by_its_update_line_not_its_viewing_date(
    sample_text: str,
) -> None:
    # starts "Abu Dhabi, UAESaturday 30 May 2020" (the day the page was saved) and ends
    # "Updated: February 15, 2020 11:28 PM"
    assert sample_text.startswith("Abu Dhabi, UAESaturday 30 May 2020")
    assert dateline_date(sample_text) == date(2020, 2, 15)
    doc = load_path(SAMPLE)
    assert (doc.published, doc.published_from) == (date(2020, 2, 15), "dateline")


def test_the_sample_without_its_update_line_has_no_date(sample_text: str) -> None:
    text = sample_text.replace("Updated: February 15, 2020 11:28 PM", "")
    assert dateline_date(text) is None
    doc = load_bytes(text.encode("utf-8"), "idlib.txt")
    assert doc.published is None and doc.published_from is None


def test_the_callers_date_wins_and_says_so() -> None:
    doc = load_path(SAMPLE, published=date(2020, 2, 16))
    assert (doc.published, doc.published_from) == (date(2020, 2, 16), "option")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a news site's timestamp line at the top (with a time of day)
        (f"Wed 19 Apr 2017 14.33 BST\n\n{BODY}", date(2017, 4, 19)),
        # labelled lines, anywhere
        (f"{BODY}\n\nPublished: 15 February 2020", date(2020, 2, 15)),
        (f"First published on Tue 18 Apr 2017 09.00 BST\n\n{BODY}", date(2017, 4, 18)),
        # published beats updated
        (
            f"Published 2020-02-14\n\n{BODY}\n\nLast updated: February 16, 2020 10:00 AM",
            date(2020, 2, 14),
        ),
        # a wire dateline with its year
        (f"DAMASCUS, April 19, 2017 (Reuters) - {BODY}", date(2017, 4, 19)),
        # a wire dateline without a year takes it from the update line
        (
            f"BEIRUT, Feb 15 (AFP) - {BODY}\n\nUpdated: February 16, 2020 9:00 AM",
            date(2020, 2, 15),
        ),
        # ... and across a new year, from the one before
        (f"BEIRUT, Dec. 31 (AFP) - {BODY}\n\nUpdated: January 2, 2020", date(2019, 12, 31)),
    ],
)
def test_dates_the_text_states(text: str, expected: date) -> None:
    assert dateline_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a bare date line without a time: perhaps the day the page was viewed
        f"Abu Dhabi, UAESaturday 30 May 2020\n\n{BODY}",
        f"February 15, 2020\n\n{BODY}",
        # a wire dateline without a year and nothing to give it one
        f"DAMASCUS, April 19 (Reuters) - {BODY}",
        # labelled lines that disagree: which one is this article's?
        f"Published: 15 February 2020\n\n{BODY}\n\nPublished: 3 March 2019",
        # a bare timestamp line when a labelled date disagrees... is never taken
        f"Wed 19 Apr 2017 14.33 BST\n\n{BODY}\n\nUpdated: 1 May 2017\n\nUpdated: 2 May 2017",
        # a date inside a sentence is an event, not the publication
        f"{BODY} The talks began on 15 February 2020.",
        # a date in the future, or before any newspaper
        f"Published: 1 January 2030\n\n{BODY}",
        f"Published: 1 January 1850\n\n{BODY}",
        # a timestamp line far below the top
        f"{BODY}\n\n{BODY}\n\n{BODY}\n\n{BODY}\n\nWed 19 Apr 2017 14.33 BST",
    ],
)
def test_no_date_rather_than_a_wrong_one(text: str) -> None:
    assert dateline_date(text, today=TODAY) is None


def test_a_labelled_date_beats_a_disagreeing_leading_date_line() -> None:
    text = f"Saturday 30 May 2020 10:02\n\n{BODY}\n\nUpdated: February 15, 2020 11:28 PM"
    assert dateline_date(text, today=TODAY) == date(2020, 2, 15)


def test_parts_of_a_long_file_get_no_dateline_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a part holds many articles: a date line in it dates one of them, not the part
    from claimtrack import load

    monkeypatch.setattr(load, "STREAM_FROM", 20_000)
    monkeypatch.setattr(load, "PART_CHARS", 8_000)
    text = "\n\n".join(f"Published: 1 March 2019\n\n{BODY}" for _ in range(200))
    assert dateline_date(text, today=TODAY) == date(2019, 3, 1)
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    docs = list(load.iter_documents(str(path), outlet="Reuters"))
    assert len(docs) > 3
    assert all(d.published is None and d.published_from is None for d in docs)
    dated = list(load.iter_documents(str(path), published=date(2019, 3, 2)))
    assert {(d.published, d.published_from) for d in dated} == {(date(2019, 3, 2), "option")}
