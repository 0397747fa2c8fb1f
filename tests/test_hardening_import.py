"""`import` refuses values the code cannot handle (enums, ranges, finite numbers, offsets that
do not cut the claim out of its article), naming the line, and imports nothing."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from claimtrack.cli import run
from tests.test_backup import fill, snapshot


@pytest.fixture(scope="module")
def backup(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    folder = tmp_path_factory.mktemp("backup")
    db = str(folder / "full.db")
    fill(db)
    dump = folder / "dump.jsonl"
    assert run(["--db", db, "export", "all", "-o", str(dump)]) == 0
    return [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]


def test_round_trip_keeps_the_incident_and_the_new_columns(
    tmp_path: Path, backup: list[dict[str, Any]]
) -> None:
    first, last = str(tmp_path / "first.db"), str(tmp_path / "last.db")
    fill(first)
    dump = tmp_path / "dump.jsonl"
    assert run(["--db", first, "export", "all", "-o", str(dump)]) == 0
    assert run(["--db", last, "import", str(dump)]) == 0
    original = snapshot(first)
    assert original["incident"] and snapshot(last) == original
    article = next(r["row"] for r in backup if r.get("table") == "article" and r["row"]["id"] == 3)
    assert article["incident_id"] == 4 and article["published_from"] == "page"
    assert json.loads(article["extra"]) == {"row": 12, "category": "Idlib"}
    conflict = next(r["row"] for r in backup if r.get("table") == "conflict")
    assert (conflict["incident_id"], conflict["assignee"]) == (4, "bo")


CASES = [
    ("conflict", 2, {"status": "hacked"}, "status must be one of open, confirmed"),
    ("conflict", 2, {"kind": "<script>"}, "kind must be one of actor, number"),
    ("conflict", 2, {"severity": float("inf")}, "severity must be a finite number"),
    ("conflict", 2, {"values": "not json"}, "values must be a JSON list"),
    ("claim", 10, {"start": 500, "end": 10}, "start 500 and end 10 must satisfy"),
    ("claim", 10, {"start": -1}, "start must be an integer >= 0"),
    ("claim", 10, {"end": 1000}, "must satisfy 0 <= start <= end <= 62"),
    ("claim", 10, {"text": "Turkey said 33 soldiers died."}, "text is not the article's text"),
    ("claim", 10, {"kind": "direct"}, "kind must be one of direct_quote"),
    ("claim", 10, {"mention_start": 20, "mention_end": 5}, "mention_start 20 and mention_end 5"),
    ("source", 4, {"reliability": 7.5}, "reliability must be a number from 0 to 1"),
    ("source", 4, {"reliability": float("nan")}, "reliability must be a finite number"),
    ("source", 1, {"kind": "media"}, "kind must be one of news_agency"),
    ("source", 1, {"tags": '"turkey"'}, "tags must be a JSON list of strings"),
    ("link", 5, {"status": "bogus"}, "status must be one of match"),
    ("link", 5, {"claim_a": 20, "claim_b": 10}, "claim_a must be less than claim_b"),
    ("review_event", 1, {"new_status": "hacked"}, "new_status must be one of"),
    ("article", 3, {"published_from": "guess"}, "published_from must be one of data"),
    ("corroboration", 1, {"claim_ids": '["10"]'}, "claim_ids must be a JSON list of integers"),
    ("source_history", 1, {"field_name": "password"}, "field_name must be one of"),
]


@pytest.mark.parametrize(("table", "row_id", "change", "said"), CASES)
def test_bad_value_is_refused_with_its_line_and_nothing_imported(
    tmp_path: Path,
    backup: list[dict[str, Any]],
    table: str,
    row_id: int,
    change: dict[str, Any],
    said: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    records = json.loads(json.dumps(backup))
    line = next(
        n
        for n, r in enumerate(records, 1)
        if r.get("table") == table and r["row"].get("id", r["row"].get("claim_id")) == row_id
    )
    records[line - 1]["row"].update(change)
    dump = tmp_path / "bad.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "target.db"
    capsys.readouterr()
    assert run(["--db", str(db), "import", str(dump)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {dump}: line {line}, {table} "), err
    assert said in err, err
    with sqlite3.connect(db) as connection:
        names = [
            n for (n,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        rows = sum(
            connection.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0]
            for n in names
            if n != "alembic_version"
        )
    assert rows == 0


def test_the_unchanged_backup_imports(tmp_path: Path, backup: list[dict[str, Any]]) -> None:
    dump = tmp_path / "good.jsonl"
    dump.write_text("".join(json.dumps(r) + "\n" for r in backup), encoding="utf-8")
    assert run(["--db", str(tmp_path / "ok.db"), "import", str(dump)]) == 0
