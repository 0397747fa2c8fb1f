"""One answer per corpus for attribution: a claim's source is a function of its own article.

Attribution reads the built-in sources (``rules/sources.toml``) and the aliases users gave with
``sources alias`` / ``sources merge``, never the sources earlier articles introduced: two real
FA-KES articles ingested in either order, or one alone, give every claim the same source. (Before,
Reuters' "Syria gas kills hundreds" stored "activists", and the Asharq Al-Awsat article's
"state media and activists said" then went to activists instead of Syrian state media.)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack import analyze
from claimtrack.cli import run
from claimtrack.ingest import ingest_documents
from claimtrack.model import Document
from claimtrack.store.articles import content_hash
from claimtrack.store.engine import open_store

ARTICLES = Path(__file__).resolve().parent / "data" / "same_incident_articles.jsonl"
GAS = "1926479389"  # Reuters, "Syria gas kills hundreds Security Council meets"
EVACUATION = "1918150028"  # Asharq Al-Awsat, "Six Killed in Aleppo Bombing as Evacuation ..."


def documents() -> dict[str, Document]:
    rows = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines()]
    return {
        row["unit_id"]: Document(text=row["text"], title=row["title"], outlet=row["outlet"])
        for row in rows
        if row["unit_id"] in (GAS, EVACUATION)
    }


def sources_per_claim(db: Path, docs: list[Document]) -> dict[tuple[str, int], str | None]:
    """Ingest ``docs`` in this order into a new database; each claim's source by (article
    content hash, position), and its text."""
    store = open_store(str(db))
    try:
        summary = ingest_documents(store, docs, match=False, workers=0)
        assert summary.count("new") == len(docs)
        with store.read() as session:
            rows = session.connection().exec_driver_sql(
                "SELECT a.text, c.seq, s.name FROM claim c JOIN article a ON a.id = c.article_id"
                " LEFT JOIN source s ON s.id = c.source_id"
            )
            return {(content_hash(text), seq): name for text, seq, name in rows}
    finally:
        store.close()


def test_two_articles_in_either_order_give_every_claim_the_same_source(tmp_path: Path) -> None:
    docs = documents()
    gas, evacuation = docs[GAS], docs[EVACUATION]
    forward = sources_per_claim(tmp_path / "forward.db", [gas, evacuation])
    backward = sources_per_claim(tmp_path / "backward.db", [evacuation, gas])
    alone = sources_per_claim(tmp_path / "alone.db", [evacuation])
    assert len(forward) > 40 and forward == backward
    mine = content_hash(evacuation.text)
    assert {k: v for k, v in forward.items() if k[0] == mine} == alone
    # "... resumed Wednesday state media and activists said ...": the article's own answer
    said = [
        seq
        for seq, claim in enumerate(analyze(evacuation).claims)
        if "state media and activists said" in claim.text
    ]
    assert said and forward[(mine, said[0])] == "Syrian state media"


def test_a_user_alias_still_reaches_the_articles_ingested_after_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "alias.db")
    ingest_text(
        db,
        tmp_path / "first.txt",
        "Strikes on Idlib\n\nAir strikes killed 12 people in Idlib on Monday, the Idlib Media "
        "Center said.\n",
    )
    assert run(["--db", db, "sources", "alias", "Idlib Media Center", "IMC"]) == 0
    later = "More strikes\n\nAir strikes killed six people in Saraqeb on Tuesday, IMC said.\n"
    ingest_text(db, tmp_path / "later.txt", later)
    capsys.readouterr()
    assert run(["--db", db, "export", "claims", "--format", "json"]) == 0
    claims = json.loads(capsys.readouterr().out)
    by_text = {c["text"]: c["source"] for c in claims}
    told = next(t for t in by_text if t.startswith("Air strikes killed six"))
    assert analyze(later).claims[-1].attribution.source == "IMC"  # without the alias
    assert by_text[told] == "Idlib Media Center"


def ingest_text(db: str, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    assert run(["--db", db, "ingest", str(path), "--quiet", "--no-match"]) == 0
