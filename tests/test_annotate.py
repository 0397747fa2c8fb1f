"""Source and claim annotations: notes accumulate, current values keep their history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reviewdata import Sample, sample
from sqlmodel import select

from claimtrack.cli import run
from claimtrack.store import review as review_store
from claimtrack.store import tables
from claimtrack.store.engine import open_store


@pytest.fixture
def data(tmp_path: Path) -> Sample:
    return sample(str(tmp_path / "claims.db"))


def _source_json(db: str, name: str, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert run(["--db", db, "sources", "show", name, "--format", "json"]) == 0
    result: dict[str, object] = json.loads(capsys.readouterr().out)
    return result


def _history(db: str, name: str) -> list[dict[str, object]]:
    store = open_store(db)
    try:
        with store.session() as session:
            return review_store.source_history(session, name)
    finally:
        store.close()


def test_source_annotations_accumulate_with_history(
    data: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    db = data.db
    assert run(["--db", db, "sources", "annotate", "Anadolu", "--note",
                "Turkey's state-owned news agency", "--reliability", "0.4", "--tag",
                "state-owned", "--tag", "Turkey", "--affiliation", "Turkish state", "--owner",
                "Government of Turkey", "--author", "alice"]) == 0  # fmt: skip
    # by alias ("AA"), a second note, a new reliability, one tag removed
    assert run(["--db", db, "sources", "annotate", "AA", "--note",
                "Reports Turkish military claims without attribution", "--reliability", "0.3",
                "--untag", "Turkey", "--author", "bob"]) == 0  # fmt: skip
    shown = _source_json(db, "Anadolu", capsys)
    assert shown["reliability"] == 0.3
    assert shown["tags"] == ["state-owned"]
    assert shown["affiliation"] == "Turkish state"
    assert shown["owner"] == "Government of Turkey"
    notes = shown["notes"]
    assert isinstance(notes, list)
    assert [(n["author"], n["note"]) for n in notes] == [
        ("alice", "Turkey's state-owned news agency"),
        ("bob", "Reports Turkish military claims without attribution"),
    ]
    changes = [(h["field"], h["old"], h["new"], h["author"]) for h in _history(db, "Anadolu")]
    assert changes == [
        ("reliability", None, "0.4", "alice"),
        ("tags", "[]", '["state-owned", "Turkey"]', "alice"),
        ("affiliation", None, "Turkish state", "alice"),
        ("owner", None, "Government of Turkey", "alice"),
        ("reliability", "0.4", "0.3", "bob"),
        ("tags", '["state-owned", "Turkey"]', '["state-owned"]', "bob"),
    ]
    # annotations show in the sources export too
    capsys.readouterr()
    assert run(["--db", db, "export", "sources", "--format", "json"]) == 0
    exported = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    assert exported["Anadolu"]["note"] == "Reports Turkish military claims without attribution"
    assert exported["Anadolu"]["reliability"] == 0.3


def test_same_value_again_records_no_change(data: Sample) -> None:
    db = data.db
    for _ in range(2):
        assert run(["--db", db, "sources", "annotate", "SANA", "--owner", "Syrian state",
                    "--author", "alice"]) == 0  # fmt: skip
    assert len(_history(db, "SANA")) == 1


def _counts(db: str) -> tuple[int, ...]:
    store = open_store(db)
    try:
        with store.session() as session:
            return tuple(
                len(session.exec(select(model)).all())
                for model in (tables.SourceNote, tables.SourceHistory, tables.ClaimAnnotation)
            )
    finally:
        store.close()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["sources", "annotate", "Anadolu", "--reliability", "1.5"], 2, "between 0 and 1"),
        (["sources", "annotate", "Anadolu", "--reliability", "-0.1", "--note", "x"], 2, "between"),
        (["sources", "annotate", "Anadolu", "--reliability", "nan"], 2, "between 0 and 1"),
        (["sources", "annotate", "Anadolu"], 2, "nothing to record"),
        (["sources", "annotate", "Nobody News", "--note", "x"], 1, "no source named"),
        (["sources", "annotate", "Anadolu", "--tag", " "], 2, "tag is empty"),
        (["annotate", "99999", "--note", "x"], 1, "no claim with id 99999"),
        (["annotate", "{sana}", "--note", ""], 2, "note is empty"),
    ],
)
def test_bad_annotations_exit_non_zero_and_change_nothing(
    data: Sample, capsys: pytest.CaptureFixture[str], args: list[str], code: int, message: str
) -> None:
    before = _counts(data.db)
    capsys.readouterr()
    filled = [a.format(sana=data.sana) for a in args]
    assert run(["--db", data.db, *filled]) == code
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and message in err, err
    assert _counts(data.db) == before


def test_claim_annotations(data: Sample, capsys: pytest.CaptureFixture[str]) -> None:
    db = data.db
    assert run(["--db", db, "annotate", str(data.sana), "--note",
                "Sana says nothing of casualties", "--tag", "omission", "--tag", "state media",
                "--author", "alice"]) == 0  # fmt: skip
    assert run(["--db", db, "annotate", str(data.sana), "--note", "Checked against SOHR",
                "--author", "bob"]) == 0  # fmt: skip
    store = open_store(db)
    try:
        with store.session() as session:
            rows = review_store.annotation_rows(session)
    finally:
        store.close()
    assert [(r["claim_id"], r["author"], r["note"], r["tags"]) for r in rows] == [
        (data.sana, "alice", "Sana says nothing of casualties", ["omission", "state media"]),
        (data.sana, "bob", "Checked against SOHR", []),
    ]
    assert rows[0]["source"] == "SANA"
    assert "missiles were intercepted" in str(rows[0]["claim_text"])


def test_sources_history_command(data: Sample, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", data.db, "sources", "annotate", "Russia Today", "--reliability", "0.4",
                "--author", "alice"]) == 0  # fmt: skip
    assert run(["--db", data.db, "sources", "annotate", "RT", "--reliability", "0.6",
                "--author", "bob"]) == 0  # fmt: skip
    capsys.readouterr()
    assert run(["--db", data.db, "sources", "history", "Russia Today", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["field"], r["old"], r["new"], r["author"]) for r in rows] == [
        ("reliability", None, "0.4", "alice"),
        ("reliability", "0.4", "0.6", "bob"),
    ]
