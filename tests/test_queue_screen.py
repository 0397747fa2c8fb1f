"""What the review screen reads: 'also said' (the same incident, no repeats) and the article text
around a claim (`a`), from the stored article text and the claim offsets."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from reviewdata import SAMPLE, Sample, ingest, sample
from sqlmodel import select

from claimtrack.store import review as review_store
from claimtrack.store import tables
from claimtrack.store.engine import open_store

T0 = datetime(2020, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def data(tmp_path: Path) -> Sample:
    """The sample article and a republished copy of it (another headline, same sentences), the
    helicopter's sentences of both placed in one incident, the Damascus strike's in another."""
    found = sample(str(tmp_path / "claims.db"))
    copy = tmp_path / "copy.txt"
    copy.write_text("Republished: helicopter downed\n\n" + SAMPLE.read_text(encoding="utf-8"))
    ingest(found.db, copy, published="2020-02-16")
    store = open_store(found.db)
    try:
        with store.session() as session:
            helicopter = tables.Incident(label="Idlib, 14 Feb 2020, shoot-down", created_at=T0)
            strike = tables.Incident(label="Damascus, 14 Feb 2020, air strike", created_at=T0)
            session.add(helicopter)
            session.add(strike)
            session.flush()
            for claim in session.exec(select(tables.Claim)):
                if any(w in claim.text for w in ("helicopter", "pilots", "blamed the attack")):
                    claim.incident_id = helicopter.id
                elif "Damsacus" in claim.text or "intercepted" in claim.text:
                    claim.incident_id = strike.id
                session.add(claim)
    finally:
        store.close()
    return found


def test_also_said_keeps_to_the_incident_and_never_repeats(data: Sample) -> None:
    store = open_store(data.db)
    try:
        with store.read() as session:
            said = review_store.also_said(session, [data.rt, data.sohr_blame, data.sohr_strike])
            everything = review_store.other_claims_of_source(
                session, "Syrian Observatory for Human Rights", limit=20
            )
    finally:
        store.close()
    texts = {claim: [row["text"] for row in rows] for claim, rows in said.items()}
    # the Observatory on the helicopter: 'both pilots were killed' once, though both copies
    # carry it; its blame sentence is the account shown (its copy is a repeat of it); never
    # the Damascus strike, which is another incident
    assert texts[data.sohr_blame] == ["It said both pilots were killed."]
    # on the strike: nothing else of that incident (the copy's strike sentence repeats it)
    assert texts[data.sohr_strike] == []
    # Russia Today's copy of its own account is no news either
    assert texts[data.rt] == []
    # the same source's claims of other incidents do exist: they are left out on purpose
    assert sum("Damsacus" in row["text"] for row in everything) == 2


def test_also_said_of_a_claim_in_no_incident_is_empty(tmp_path: Path) -> None:
    found = sample(str(tmp_path / "plain.db"))  # no incidents at all
    store = open_store(found.db)
    try:
        with store.read() as session:
            said = review_store.also_said(session, [found.sohr_strike, found.sana])
    finally:
        store.close()
    assert said == {found.sohr_strike: [], found.sana: []}


def test_claim_context_is_the_article_around_the_claim(data: Sample, sample_text: str) -> None:
    store = open_store(data.db)
    try:
        with store.read() as session:
            context = review_store.claim_context(session, [data.anadolu, data.sana])
            claim = session.get(tables.Claim, data.anadolu)
            assert claim is not None
            start, end, text = claim.start, claim.end, claim.text
    finally:
        store.close()
    anadolu = context[data.anadolu]
    # exact slices of the stored text: the two sentences before, the claim, the two after
    assert anadolu["text"] == sample_text[start:end] == text
    assert sample_text[:start].endswith(anadolu["before"])
    assert sample_text[end:].startswith(anadolu["after"])
    assert "a second Syrian government helicopter was shot down" in anadolu["before"]
    assert "shoulder-fired missile" in anadolu["after"]
    assert "blamed the attack on Turkey" in anadolu["after"]
    assert "both pilots" not in anadolu["after"]  # three sentences on: not shown
    assert anadolu["published"] == "2020-02-15" and anadolu["article_id"] == 1
    # near the end of an article: the sentences there are, and not the page furniture after
    # them ("Updated: ...", "Most Popular"), which is no claim
    sana = context[data.sana]
    assert "intercepted" in sana["text"]
    assert sana["after"].strip() == "Israel does not usually comment on strikes in Syria."
    assert "Most Popular" in sample_text


def test_claim_context_is_cut_on_its_far_sides(data: Sample) -> None:
    store = open_store(data.db)
    try:
        with store.read() as session:
            context = review_store.claim_context(session, [data.anadolu], limit=40)
    finally:
        store.close()
    assert len(context[data.anadolu]["before"]) == 40
    assert len(context[data.anadolu]["after"]) == 40
