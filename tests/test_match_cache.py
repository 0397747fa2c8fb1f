"""The ingest writer's MatchCache: same results as reading everything back, and never stale.

- A batch ingested with the cache stores exactly the links, conflicts, corroborations, frames
  and keys that the same batch stores when every candidate is read back from the database
  (several groups, so the cache is carried across transactions).
- Another connection's commit, a rolled-back savepoint and a rolled-back transaction empty it.
- A key found too common inside a transaction that rolls back is not remembered as too common.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import insert, text
from sqlmodel import Session

import claimtrack.ingest as ingest_module
from bench.match_bench import load_fakes
from claimtrack.ingest import ingest_documents
from claimtrack.match import MatchParams
from claimtrack.model import Document
from claimtrack.store import tables
from claimtrack.store.engine import Store, open_store
from claimtrack.store.matching import (
    _CACHE,
    MatchCache,
    MatchStats,
    _db_id,
    _pending_common,
    _postings,
    _records,
)
from tests.conftest import FAKES_CSV

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def fakes_documents(count: int) -> list[Document]:
    if not FAKES_CSV.exists():
        pytest.skip(f"the FA-KES corpus is not here ({FAKES_CSV})")
    return load_fakes(FAKES_CSV)[:count]


def stored(store: Store) -> dict[str, list[Any]]:
    queries = {
        "links": "SELECT claim_a, claim_b, score, status, method FROM link ORDER BY 1, 2",
        "conflicts": 'SELECT key, kind, reason, severity, score, active, "values" FROM conflict'
        " ORDER BY key",
        "corroborations": "SELECT key, reason, score, active FROM corroboration ORDER BY key",
        "frames": "SELECT id, frame FROM claim ORDER BY id",
        "keys": "SELECT claim_id, key FROM claim_key ORDER BY 1, 2",
        "sources": "SELECT c.id, s.name FROM claim c JOIN source s ON s.id = c.source_id"
        " ORDER BY 1",
    }
    with store.read() as session:
        return {
            name: [tuple(row) for row in session.connection().execute(text(sql))]
            for name, sql in queries.items()
        }


def ingest(db: str, docs: list[Document]) -> dict[str, list[Any]]:
    store = open_store(db)
    try:
        summary = ingest_documents(store, docs, workers=2, now=lambda: NOW)
        assert summary.count("failed") == 0
        return stored(store)
    finally:
        store.close()


def test_cached_batch_stores_what_reading_everything_back_stores(
    any_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = fakes_documents(60)
    # groups by count only (not by timing), and several of them, so the cache is carried from
    # one transaction to the next
    monkeypatch.setattr(ingest_module, "GROUP_SECONDS", 1e9)
    monkeypatch.setattr(ingest_module, "GROUP_ARTICLES", 7)
    # small caps, so the cache also empties itself (size cap) in the middle of articles
    monkeypatch.setattr(MatchCache, "MAX_RECORDS", 150)
    monkeypatch.setattr(MatchCache, "MAX_KEYS", 2000)
    cached = ingest(any_db, docs)
    # the baseline: no cache at all, so every shortcut the cache enables is compared too: no
    # source ids carried from one article to the next, no stored article handed to matching
    monkeypatch.setattr(MatchCache, "usable", lambda self, session, params: False)
    save, match = ingest_module.article_store.save_analysis, ingest_module.match_article

    def save_without_ids(*args: Any, **kwargs: Any) -> Any:
        kwargs.pop("source_ids", None)
        return save(*args, **kwargs)

    def match_reading_back(*args: Any, **kwargs: Any) -> Any:
        kwargs.pop("stored", None)
        kwargs.pop("cache", None)
        return match(*args, **kwargs)

    monkeypatch.setattr(ingest_module.article_store, "save_analysis", save_without_ids)
    monkeypatch.setattr(ingest_module, "match_article", match_reading_back)
    if "://" in any_db:  # PostgreSQL: the same database emptied, ids restarting at 1
        store = open_store(any_db)
        with store.engine.begin() as connection:
            names = [t.name for t in tables.SQLModel.metadata.sorted_tables]
            connection.execute(text(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE"))
        store.close()
        uncached = ingest(any_db, docs)
    else:
        uncached = ingest(str(tmp_path / "uncached.db"), docs)
    assert cached["links"] and cached["conflicts"] and cached["keys"]
    for name in cached:
        assert cached[name] == uncached[name], name


def _attached_session(store: Store, cache: MatchCache) -> Session:
    session = Session(store.engine, expire_on_commit=False)
    cache.attach(session)
    return session


def test_another_connections_commit_empties_the_cache(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    store, elsewhere = open_store(db), open_store(db)
    cache = MatchCache()
    session = _attached_session(store, cache)
    cache.postings["p:idlib"] = [3, 2, 1]
    cache.sources["Anadolu"] = 1
    session.commit()
    session.close()
    session = _attached_session(store, cache)  # nobody else wrote: kept
    assert cache.postings == {"p:idlib": [3, 2, 1]} and cache.sources == {"Anadolu": 1}
    session.commit()
    session.close()
    with elsewhere.session() as other:
        other.connection().execute(  # e.g. a user renaming or merging sources
            text(
                "INSERT INTO source (name, kind, is_person, tags, created_at)"
                " VALUES ('SANA', 'agency', false, '[]', '2026-01-01')"
            )
        )
    session = _attached_session(store, cache)
    assert cache.postings == {} and cache.sources == {}
    session.close()
    store.close()
    elsewhere.close()


def test_a_rolled_back_savepoint_or_transaction_empties_the_cache(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "r.db"))
    cache = MatchCache()
    session = _attached_session(store, cache)
    with session.begin_nested():  # a stored article: released, the cache stays
        cache.postings["p:idlib"] = [1]
    assert cache.postings == {"p:idlib": [1]} and cache.usable(session, MatchParams())
    with pytest.raises(ValueError), session.begin_nested():
        cache.postings["p:aleppo"] = [2]  # a failing article wrote this
        raise ValueError("boom")
    assert cache.postings == {}
    assert cache.usable(session, MatchParams())  # still this transaction's cache
    cache.sources["Anadolu"] = 1
    session.rollback()
    assert cache.sources == {} and not cache.usable(session, MatchParams())
    session.close()
    store.close()


def _claims_with_key(session: Session, key: str, count: int) -> None:
    connection = session.connection()
    article_id = connection.execute(
        insert(tables.Article.__table__).returning(tables.Article.__table__.c.id),  # type: ignore[attr-defined]
        {"content_hash": key, "text": "x", "origin": "test", "ingested_at": NOW},
    ).scalar_one()
    for seq in range(count):
        claim_id = connection.execute(
            insert(tables.Claim.__table__).returning(tables.Claim.__table__.c.id),  # type: ignore[attr-defined]
            {"article_id": article_id, "seq": seq, "start": 0, "end": 1, "text": "x"},
        ).scalar_one()
        connection.execute(
            insert(tables.ClaimKey.__table__),  # type: ignore[attr-defined]
            {"claim_id": claim_id, "key": key},
        )


def test_a_key_too_common_in_a_rolled_back_transaction_is_not_remembered(
    tmp_path: Path,
) -> None:
    store = open_store(str(tmp_path / "k.db"))
    params = MatchParams(max_key_df=2)
    with pytest.raises(RuntimeError), store.session() as session:
        _claims_with_key(session, "p:testville", 3)
        slot = f"{_db_id(session)}|{params.max_key_df}"
        stats = MatchStats()
        assert _postings(session, ["p:testville"], params, stats) == {}
        assert stats.skipped_keys == 1  # too common inside this transaction
        assert "p:testville" in _pending_common(session)[slot]
        raise RuntimeError("the batch fails: rolled back")
    assert "p:testville" not in _CACHE.common[slot]
    with store.session() as session:  # the rolled-back claims are gone: the key is asked again
        _claims_with_key(session, "p:other", 1)
        (found,) = _postings(session, ["p:testville", "p:other"], params, MatchStats()).items()
        assert found[0] == "p:other"
        _claims_with_key(session, "p:testville", 3)
        assert _postings(session, ["p:testville"], params, MatchStats()) == {}
    assert "p:testville" in _CACHE.common[slot]  # committed: remembered
    store.close()


def test_records_are_all_returned_when_the_cache_empties_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(str(tmp_path / "cap.db"))
    monkeypatch.setattr(MatchCache, "MAX_RECORDS", 2)
    cache = MatchCache()
    with store.session() as session:
        _claims_with_key(session, "p:testville", 2)  # claims 1 and 2
        cache.attach(session)
        first = _records(session, [1], cache)  # read, then cached
        cache.records.update({-1: first[1], -2: first[1]})  # full: the next addition empties it
        both = _records(session, [1, 2], cache)  # 1 from the cache, 2 read
    assert sorted(both) == [1, 2] and both[1] is first[1]
    store.close()
