"""The writer's raw inserts (claims in batches handed to the driver, links and keys by
executemany) store what the SQLAlchemy path stored, on both backends."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from claimtrack.ingest import ingest_documents
from claimtrack.model import Document
from claimtrack.pipeline import analyze
from claimtrack.store import articles as article_store
from claimtrack.store import tables
from claimtrack.store.engine import open_store


def _long_text(sentences: int) -> str:
    return " ".join(
        f"Activists said {n + 3} people were killed in shelling on the village of Kafr {n} on "
        f"Monday, the Syrian Observatory for Human Rights reported."
        for n in range(sentences)
    )


def test_an_article_longer_than_one_claim_batch_keeps_its_order(any_db: str) -> None:
    analysis = analyze(Document(text=_long_text(3 * article_store.CLAIM_BATCH + 7), origin="t"))
    assert len(analysis.claims) > 3 * article_store.CLAIM_BATCH
    store = open_store(any_db)
    try:
        saved = store.write(
            lambda session: article_store.save_analysis(session, analysis, datetime.now(UTC))
        )
        assert saved.created and saved.claims == len(analysis.claims)
        with store.session() as session:
            rows = session.execute(
                select(tables.Claim.id, tables.Claim.seq, tables.Claim.text, tables.Claim.end)
                .where(tables.Claim.article_id == saved.article_id)
                .order_by(tables.Claim.seq)
            ).all()
        assert [r.id for r in rows] == list(saved.claim_ids)
        assert [r.seq for r in rows] == list(range(len(analysis.claims)))
        assert [r.text for r in rows] == [c.text for c in analysis.claims]
        assert [r.end for r in rows] == [c.end for c in analysis.claims]
    finally:
        store.close()


def test_links_and_keys_are_stored_with_their_types(any_db: str) -> None:
    docs = [
        Document(
            text=(
                "Syrian government air strikes killed 12 people in Douma on Monday, the "
                f"Syrian Observatory for Human Rights said. Report number {n} of the strike."
            ),
            title="Air strikes kill 12 in Douma",
            outlet=f"outlet{n}",
            published=date(2018, 3, 5),
            origin=f"doc{n}",
        )
        for n in range(3)
    ]
    store = open_store(any_db)
    try:
        summary = ingest_documents(store, docs, workers=0)
        assert summary.count("new") == 3
        with store.session() as session:
            links = session.execute(select(tables.Link)).scalars().all()
            keys = session.execute(select(tables.ClaimKey.claim_id, tables.ClaimKey.key)).all()
        assert links and keys
        for link in links:
            assert link.claim_a < link.claim_b
            assert isinstance(link.score, float) and isinstance(link.created_at, datetime)
    finally:
        store.close()
