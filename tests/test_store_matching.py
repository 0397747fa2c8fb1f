"""Matching through the store: ingest the Idlib article, flag, review, re-match, rebuild."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlmodel import select

from claimtrack.ingest import ingest_document
from claimtrack.load import load_path
from claimtrack.model import Document
from claimtrack.store import tables
from claimtrack.store.engine import Store, open_store
from claimtrack.store.matching import conflict_rows, match_article, match_pending, rebuild
from claimtrack.store.review import corroboration_rows, set_status

ROOT = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 1, 1, tzinfo=UTC)


def ingest(store: Store, doc: Document) -> int:
    outcome = ingest_document(store, doc, after_save=lambda s, a: match_article(s, a, now=NOW))
    assert outcome.article_id is not None
    return outcome.article_id


@pytest.fixture
def idlib_store(tmp_path: Path) -> Store:
    store = open_store(str(tmp_path / "m.db"))
    doc = load_path(
        str(ROOT / "examples" / "idlib.txt"), outlet="The National", published=date(2020, 2, 15)
    )
    ingest(store, doc)
    return store


def test_idlib_conflicts_and_corroboration(idlib_store: Store) -> None:
    with idlib_store.session() as session:
        rows = conflict_rows(session)
        corroborations = corroboration_rows(session)
        frames = session.exec(select(tables.Claim.frame)).all()
        keys = session.exec(select(tables.ClaimKey.key)).all()
    assert sorted(r["kind"] for r in rows) == ["actor", "omission"]
    actor = next(r for r in rows if r["kind"] == "actor")
    assert [c["source"] for c in actor["claims"]] == [
        "Anadolu",
        "Russia Today",
        "Syrian Observatory for Human Rights",
    ]
    assert actor["reason"].startswith("Anadolu says the helicopter was shot down by Ankara-backed")
    assert actor["status"] == "open"
    omission = next(r for r in rows if r["kind"] == "omission")
    assert [c["source"] for c in omission["claims"]] == [
        "Syrian Observatory for Human Rights",
        "SANA",
    ]
    assert "made no mention of casualties" in omission["reason"]
    assert any("both blame Turkey" in c["reason"] for c in corroborations)
    assert all(f != "{}" for f in frames)  # every claim framed
    assert any(k.startswith("pe:idlib|shoot_down") for k in keys)
    with idlib_store.session() as session:
        assert [r["kind"] for r in conflict_rows(session, kinds=["actor"])] == ["actor"]
        assert conflict_rows(session, kinds=["denial"]) == []
        assert conflict_rows(session, sources=["SANA"])[0]["kind"] == "omission"


def test_reviews_survive_rebuild_and_rematch(idlib_store: Store) -> None:
    with idlib_store.session() as session:
        actor = conflict_rows(session, kinds=["actor"])[0]
        set_status(session, actor["id"], "confirmed", reviewer="ed", note="checked", now=NOW)
    with idlib_store.session() as session:
        stats = rebuild(session, now=NOW)
        assert stats.conflicts_active == 2 and stats.conflicts_new == 0
    with idlib_store.session() as session:
        again = conflict_rows(session, kinds=["actor"])
        assert [r["id"] for r in again] == [actor["id"]]
        assert again[0]["status"] == "confirmed" and again[0]["note"] == "checked"
        assert len(conflict_rows(session)) == 2
        # matching one article again changes nothing
        article_id = session.exec(select(tables.Article.id)).one()
        assert article_id is not None
        assert match_article(session, article_id, now=NOW).conflicts_new == 0
        assert match_pending(session, now=NOW).articles == 0


def test_reviewed_group_gaining_a_claim_opens_a_new_conflict(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "g.db"))
    first = Document(
        text=(
            "A bomb blast killed six people in the Salah al-Din district of Aleppo on Wednesday, "
            "Syrian state television reported.\n\nThe Syrian Observatory for Human Rights said the "
            "bomb blast in the Salah al-Din district of Aleppo on Wednesday killed 11 people."
        ),
        outlet="NNA",
        published=date(2017, 4, 19),
        origin="a.txt",
    )
    ingest(store, first)
    with store.session() as session:
        (old,) = conflict_rows(session)
        assert old["kind"] == "number"
        set_status(session, old["id"], "inconclusive", reviewer="ed", now=NOW)
    second = Document(
        text=(
            "A bomb blast in the Salah al-Din district of Aleppo on Wednesday killed 14 people, "
            "the Kurdish Red Crescent said."
        ),
        outlet="TRT",
        published=date(2017, 4, 19),
        origin="b.txt",
    )
    ingest(store, second)
    with store.session() as session:
        active = conflict_rows(session)
        everything = conflict_rows(session, include_inactive=True)
    (grown,) = [r for r in active if len(r["claims"]) == 3]
    assert grown["status"] == "open"
    assert grown["reason"].startswith(f"Joins conflict #{old['id']}, already reviewed")
    kept = next(r for r in everything if r["id"] == old["id"])
    assert kept["status"] == "inconclusive" and kept["active"] is False
