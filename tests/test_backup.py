"""Backup: `export all` / `import` move a whole database between SQLite and PostgreSQL intact."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlmodel import Session, SQLModel

from claimtrack.cli import run
from claimtrack.errors import StoreError
from claimtrack.store import tables as t
from claimtrack.store.backup import export_all, import_all
from claimtrack.store.engine import head_revision, open_store
from tests.conftest import SAMPLE

AT = datetime(2020, 2, 15, 9, 30, 12, 345678, tzinfo=UTC)


def populate(session: Session) -> None:
    """At least one row in every table, with the awkward values: Unicode, newlines, nulls."""
    session.add(
        t.Incident(
            id=4, place="Saraqeb", governorate="Idlib", day=date(2020, 2, 14), kind="shoot_down",
            label="Saraqeb, 14 Feb 2020, helicopter shot down", signature="idlib|helicopter",
            created_at=AT,
        )
    )  # fmt: skip
    session.flush()
    articles = [
        t.Article(
            id=3,  # ids with gaps: the import must keep them, not renumber
            content_hash="a" * 64,
            text='Turkey’s Anadolu said 33 soldiers died.\n"Çavuşoğlu" denied it.',
            title="Idlib: 33 soldiers",
            outlet="The National",
            published=date(2020, 2, 15),
            url="https://example.org/idlib?x=1&y=2",
            origin="examples/idlib.txt",
            ingested_at=AT,
            published_from="page",
            author="Staff \u001b[2J writer",
            extra='{"row": 12, "category": "Idlib"}',
            incident_id=4,
        ),
        t.Article(
            id=7,
            content_hash="b" * 64,
            text="The Observatory said 12 people were killed. Damascus denied it.",
            origin="-",
            ingested_at=AT,
        ),
    ]
    session.add_all(articles)
    session.flush()
    sources = [
        t.Source(
            id=1, name="Anadolu", kind="news_agency", created_at=AT, tags='["turkey", "state"]'
        ),
        t.Source(
            id=4,
            name="Mevlüt Çavuşoğlu",
            kind="official",
            is_person=True,
            country="Turkey",
            descriptor="foreign minister",
            reliability=0.25,
            affiliation="Turkish government",
            owner=None,
            created_at=AT,
        ),
    ]
    session.add_all(sources)
    session.flush()
    session.add_all(
        [
            t.SourceAlias(id=1, source_id=1, alias="Anadolu", alias_key="anadolu"),
            t.SourceAlias(id=2, source_id=4, alias="Çavuşoğlu", alias_key="cavusoglu"),
        ]
    )
    claims = [
        t.Claim(
            id=10, article_id=3, seq=0, start=0, end=39,
            text="Turkey’s Anadolu said 33 soldiers died.",
            source_id=1, source_mention="Turkey’s Anadolu", mention_start=0, mention_end=16,
            cue="said", kind="direct_quote", via=None, rule="subject-cue", frame='{"number": 33}',
            incident_id=4,
        ),
        t.Claim(
            id=11, article_id=3, seq=1, start=40, end=62, paragraph=1,
            text='"Çavuşoğlu" denied it.', source_id=4, source_mention="Çavuşoğlu", cue="denied",
        ),
        t.Claim(
            id=20, article_id=7, seq=0, start=0, end=43,
            text="The Observatory said 12 people were killed.",
        ),
    ]  # fmt: skip
    session.add_all(claims)
    session.flush()
    session.add_all(
        [
            t.ClaimKey(claim_id=10, key="soldiers|died"),
            t.ClaimKey(claim_id=20, key="killed|people"),
            t.Link(id=5, claim_a=10, claim_b=20, score=71.5, status="suggested", method="tsr",
                   created_at=AT),
            t.Conflict(id=2, key="number:10,20", kind="number", reason="33 against 12 dead.",
                       severity=0.8, score=71.5, values="[33, 12]", status="resolved",
                       note="Checked\nwith two desks", favoured_claim_id=10, version=3,
                       active=False, created_at=AT, updated_at=AT, updated_by="ana",
                       incident_id=4, assignee="bo"),
            t.Corroboration(id=1, key="10,11", reason="same numbers", score=88.0,
                            claim_ids="[10, 11]", created_at=AT),
        ]
    )  # fmt: skip
    session.flush()
    session.add_all(
        [
            t.ConflictClaim(conflict_id=2, claim_id=10, position=0),
            t.ConflictClaim(conflict_id=2, claim_id=20, position=1),
            t.ReviewEvent(id=1, conflict_id=2, old_status="open", new_status="confirmed",
                          reviewer="ana", note=None, at=AT),
            t.ReviewEvent(id=2, conflict_id=2, old_status="confirmed", new_status="resolved",
                          reviewer="bo", note="favour Anadolu", favoured_claim_id=10, at=AT),
            t.SourceNote(id=1, source_id=4, note="State line; check 🇹🇷 sources", author="ana",
                         at=AT),
            t.SourceHistory(id=1, source_id=4, field_name="reliability", old_value=None,
                            new_value="0.25", author="ana", at=AT),
            t.ClaimAnnotation(id=9, claim_id=11, note="<b>not</b> a quote", tags='["check"]',
                              author="bo", at=AT),
        ]
    )  # fmt: skip


def snapshot(db: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, read with plain SQLAlchemy (not through the backup code)."""
    store = open_store(db)
    try:
        with store.session() as session:
            return {
                table.name: [
                    tuple(row)
                    for row in session.connection().execute(
                        select(table).order_by(*table.primary_key.columns)
                    )
                ]
                for table in SQLModel.metadata.sorted_tables
            }
    finally:
        store.close()


def fill(db: str) -> None:
    store = open_store(db)
    try:
        store.write(populate)
    finally:
        store.close()


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_round_trip_sqlite_postgresql_sqlite_keeps_every_row(
    tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    first = str(tmp_path / "first.db")
    last = str(tmp_path / "last.db")
    fill(first)
    original = snapshot(first)
    empty = [name for name, rows in original.items() if not rows]
    assert not empty, f"populate() must put rows in every table (add some to {empty})"

    dump1, dump2, dump3 = (tmp_path / f"dump{i}.jsonl" for i in (1, 2, 3))
    code, _, err = cli(
        capsys, "--db", first, "export", "all", "--format", "jsonl", "-o", str(dump1)
    )
    assert code == 0, err
    code, out, err = cli(capsys, "--db", pg_url, "import", str(dump1))
    assert code == 0, err
    assert "Imported" in out
    assert snapshot(pg_url) == original

    code, _, err = cli(capsys, "--db", pg_url, "export", "all", "-o", str(dump2))
    assert code == 0, err
    code, _, err = cli(capsys, "--db", last, "import", str(dump2))
    assert code == 0, err
    assert snapshot(last) == original
    code, _, err = cli(capsys, "--db", last, "export", "all", "-o", str(dump3))
    assert code == 0, err
    # the file itself is backend-independent: same bytes from SQLite and from PostgreSQL
    assert dump1.read_bytes() == dump2.read_bytes() == dump3.read_bytes()


def test_backup_file_format(tmp_path: Path) -> None:
    db = str(tmp_path / "claims.db")
    fill(db)
    store = open_store(db)
    out = io.StringIO()
    with store.read() as session:
        counts = export_all(session, out)
    store.close()
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    header, records, trailer = lines[0], lines[1:-1], lines[-1]
    assert header["format"] == "claimtrack-backup" and header["version"] == 1
    assert header["revision"] == head_revision() is not None
    order = [table.name for table in SQLModel.metadata.sorted_tables]
    assert header["tables"] == order
    seen = [record["table"] for record in records]
    assert seen == sorted(seen, key=order.index), "tables in dependency order"
    articles = [record["row"] for record in records if record["table"] == "article"]
    assert [a["id"] for a in articles] == [3, 7]
    assert articles[0]["published"] == "2020-02-15"
    assert articles[0]["ingested_at"] == "2020-02-15T09:30:12.345678+00:00"
    assert trailer == {"end": True, "counts": counts}
    assert counts["claim"] == 3 and counts["review_event"] == 2


def test_ids_continue_after_import_on_both_backends(any_db: str, tmp_path: Path) -> None:
    source = str(tmp_path / "source.db")
    fill(source)
    out = io.StringIO()
    store = open_store(source)
    with store.read() as session:
        export_all(session, out)
    store.close()

    target = open_store(any_db)
    try:
        with target.session() as session:
            import_all(session, io.StringIO(out.getvalue()))

        def add(session: Session) -> tuple[int | None, int | None]:
            article = t.Article(content_hash="c" * 64, text="New.", origin="x", ingested_at=AT)
            event = t.ReviewEvent(conflict_id=2, old_status="resolved", new_status="open",
                                  reviewer="cy", at=AT)  # fmt: skip
            session.add_all([article, event])
            session.flush()
            return article.id, event.id

        # PostgreSQL sequences were moved past the imported ids (setval), or this would collide
        assert target.write(add) == (8, 3)
    finally:
        target.close()


def test_import_refuses_a_non_empty_database_and_changes_nothing(
    any_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(tmp_path / "source.db")
    fill(source)
    dump = tmp_path / "dump.jsonl"
    assert cli(capsys, "--db", source, "export", "all", "-o", str(dump))[0] == 0
    assert cli(capsys, "--db", any_db, "import", str(dump))[0] == 0
    before = snapshot(any_db)
    code, _, err = cli(capsys, "--db", any_db, "import", str(dump))
    assert code == 1
    assert err.startswith("Error:") and "not empty" in err and err.count("\n") == 1
    assert snapshot(any_db) == before

    # the library call raises the same error before touching anything
    store = open_store(any_db)
    try:
        with pytest.raises(StoreError, match="not empty"), store.session() as session:
            import_all(session, dump.open(encoding="utf-8"))
    finally:
        store.close()


def test_a_damaged_backup_imports_nothing(
    any_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(tmp_path / "source.db")
    fill(source)
    dump = tmp_path / "dump.jsonl"
    assert cli(capsys, "--db", source, "export", "all", "-o", str(dump))[0] == 0
    lines = dump.read_text(encoding="utf-8").splitlines(keepends=True)
    truncated = tmp_path / "truncated.jsonl"
    truncated.write_text("".join(lines[: len(lines) // 2 + 3]), encoding="utf-8")
    bad_row = tmp_path / "bad.jsonl"
    bad_row.write_text(
        "".join([lines[0], '{"table": "article", "row": {"id": 1, "colour": "red"}}\n']),
        encoding="utf-8",
    )
    not_backup = tmp_path / "claims.json"
    not_backup.write_text("[]\n", encoding="utf-8")
    binary = tmp_path / "backup.bin"
    binary.write_bytes(b"\xff\xfe\x00\x01garbage")
    for path, why in [
        (truncated, "truncated"),
        (bad_row, "no column 'colour'"),
        (not_backup, "not a claimtrack backup"),
        (binary, "not a claimtrack backup"),
        (tmp_path / "missing.jsonl", "No such file"),
    ]:
        code, _, err = cli(capsys, "--db", any_db, "import", str(path))
        assert code == 1, (path, err)
        assert err.startswith("Error:") and why in err, err
        assert all(not rows for rows in snapshot(any_db).values()), path
    # and the good file still goes in afterwards
    assert cli(capsys, "--db", any_db, "import", str(dump))[0] == 0


def _edited(
    dump: Path, out: Path, table: str, find: str, field: str, value: Any
) -> tuple[int, int]:
    """Copy ``dump`` to ``out`` with ``field`` of the first ``table`` row holding ``find`` set to
    ``value`` (or removed when ``value`` is ``...``). Returns that row's line number and id."""
    lines = dump.read_text(encoding="utf-8").splitlines(keepends=True)
    for number, line in enumerate(lines, start=1):
        record = json.loads(line)
        if record.get("table") == table and find in json.dumps(record, ensure_ascii=False):
            if value is ...:
                del record["row"][field]
            else:
                record["row"][field] = value
            lines[number - 1] = json.dumps(record, ensure_ascii=False) + "\n"
            out.write_text("".join(lines), encoding="utf-8")
            return number, record["row"]["id"]
    raise AssertionError(f"no {table} row holds {find!r}")


@pytest.mark.parametrize(
    ("table", "find", "field", "value", "why"),
    [
        ("claim", "shot down by Ankara-backed rebels", "article_id", "1",
         "article_id must be an integer, not the string '1'"),
        ("claim", "shot down by Ankara-backed rebels", "start", 4364.0,
         "start must be an integer, not the number 4364.0"),
        ("claim", "blamed the attack on Turkey", "text", None,
         "text must be a string, not null"),
        ("claim", "blamed the attack on Turkey", "text", ...,
         "text is missing (it must be a string)"),
        ("claim", "missiles were intercepted", "cue", ["said", "reported"],
         "cue must be a string, not a list"),
        ("article", "Abu Dhabi", "published", 20200215,
         "published must be an ISO 8601 date (YYYY-MM-DD), not the number 20200215"),
        ("article", "Abu Dhabi", "ingested_at", "last Saturday",
         "ingested_at must be an ISO 8601 date and time, not the string 'last Saturday'"),
        ("source", '"name": "Anadolu"', "is_person", "no",
         "is_person must be true or false, not the string 'no'"),
        ("source", '"name": "Anadolu"', "kind", {"media": True},
         "kind must be a string, not an object"),
    ],
)  # fmt: skip
def test_a_value_of_the_wrong_type_is_refused_naming_row_and_field(
    any_db: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    table: str,
    find: str,
    field: str,
    value: Any,
    why: str,
) -> None:
    source = str(tmp_path / "idlib.db")
    code, _, err = cli(capsys, "--db", source, "ingest", str(SAMPLE), "--published", "2020-02-15")
    assert code == 0, err
    dump, edited = tmp_path / "dump.jsonl", tmp_path / "edited.jsonl"
    assert cli(capsys, "--db", source, "export", "all", "-o", str(dump))[0] == 0
    line, row_id = _edited(dump, edited, table, find, field, value)
    assert cli(capsys, "--db", any_db, "db", "upgrade")[0] == 0
    before = snapshot(any_db)
    code, out, err = cli(capsys, "--db", any_db, "import", str(edited))
    assert code == 1 and out == ""
    assert err == f"Error: {edited}: line {line}, {table} id={row_id}: {why}\n"
    assert snapshot(any_db) == before
    assert all(not rows for rows in before.values())
    # the library refuses it the same way, before anything is committed
    store = open_store(any_db)
    try:
        refused = pytest.raises(StoreError, match=f"line {line}, {table} id={row_id}: {field}")
        with refused, store.session() as session, edited.open(encoding="utf-8") as handle:
            import_all(session, handle)
    finally:
        store.close()
    assert snapshot(any_db) == before
    # and the untouched file imports
    assert cli(capsys, "--db", any_db, "import", str(dump))[0] == 0
    assert snapshot(any_db) == snapshot(source)
