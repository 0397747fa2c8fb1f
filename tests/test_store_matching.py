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


# ------------------------------------------------------------------ batches: workers, groups


def _batch(tmp_path: Path, n: int) -> list[str]:
    import csv

    corpus = ROOT.parent / "shared" / "corpus" / "fakes-dev.csv"
    if not corpus.exists():
        pytest.skip("fakes-dev.csv is not available")
    with corpus.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["article_content"].strip()][:n]
    folder = tmp_path / "batch"
    folder.mkdir()
    paths = []
    for i, row in enumerate(rows):
        path = folder / f"a{i:02d}.txt"
        path.write_text(row["article_content"], encoding="utf-8")
        paths.append(str(path))
    return paths


def _table_counts(store: Store) -> tuple[int, int, int, int]:
    from sqlalchemy import func
    from sqlalchemy import select as sa_select

    with store.session() as session:
        c = session.connection()
        return tuple(  # type: ignore[return-value]
            int(c.execute(sa_select(func.count()).select_from(t)).scalar() or 0)
            for t in (tables.Article, tables.Claim, tables.Link, tables.Conflict)
        )


def test_pipelined_batch_reports_in_order_and_a_rerun_skips_everything(
    any_db: str, tmp_path: Path
) -> None:
    from claimtrack.ingest import Outcome, ingest_inputs

    paths = _batch(tmp_path, 12)
    store = open_store(any_db)
    seen: list[Outcome] = []
    summary = ingest_inputs(store, paths, on_outcome=seen.append, workers=2)
    assert [o.origin for o in seen] == paths  # in input order, whatever the workers' timing
    assert summary.count("failed") == 0
    assert summary.count("new") + summary.count("skipped") == len(paths)
    articles, claims, links, _ = _table_counts(store)
    assert articles == summary.count("new") and claims == summary.claims and links > 0
    again = ingest_inputs(store, paths, workers=2)
    assert again.count("skipped") == len(paths)
    store.close()


def test_a_failing_article_in_a_group_rolls_back_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimtrack.ingest as ingest_module
    from claimtrack.ingest import ingest_inputs

    paths = _batch(tmp_path, 6)
    store = open_store(str(tmp_path / "g.db"))
    real = ingest_module.match_article
    calls = {"n": 0}

    def flaky(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == 3:
            raise ValueError("boom")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest_module, "match_article", flaky)
    summary = ingest_inputs(store, paths, workers=2)
    assert summary.count("failed") == 1 and "boom" in (summary.failed[0].error or "")
    articles, _, _, _ = _table_counts(store)
    assert articles == summary.count("new")  # the failed article left nothing behind
    with store.session() as session:
        bare = [
            a.id
            for a in session.exec(select(tables.Article)).all()
            if not session.exec(select(tables.Claim).where(tables.Claim.article_id == a.id)).first()
        ]
    assert bare == []
    monkeypatch.setattr(ingest_module, "match_article", real)
    rerun = ingest_inputs(store, paths, workers=2)
    assert rerun.count("new") == 1  # the re-run stores the one that failed
    store.close()


def test_rebuild_counts_only_the_conflicts_it_retires(idlib_store: Store) -> None:
    stamp = datetime(2020, 2, 16, tzinfo=UTC)
    with idlib_store.session() as session:
        session.add(  # a conflict retired by some earlier rebuild
            tables.Conflict(
                key="number:1-2",
                kind="number",
                reason="An old flag.",
                active=False,
                created_at=stamp,
                updated_at=stamp,
            )
        )
    with idlib_store.session() as session:
        stats = rebuild(session, now=stamp)
    assert stats.conflicts_retired == 0  # both Idlib conflicts were found again
    with idlib_store.session() as session:
        active = session.exec(select(tables.Conflict).where(tables.Conflict.active)).all()
    assert sorted(c.kind for c in active) == ["actor", "omission"]
