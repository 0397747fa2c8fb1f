"""`claimtrack sources`: list, show, alias and merge, with the stored claims following."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.cli import run
from tests.conftest import SAMPLE


@pytest.fixture
def db(db_path: Path) -> str:
    assert run(["--db", str(db_path), "ingest", str(SAMPLE), "--quiet", "--no-match"]) == 0
    return str(db_path)


def sources(db: str, capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, object]]:
    capsys.readouterr()
    assert run(["--db", db, "export", "sources", "--format", "json"]) == 0
    return {row["name"]: row for row in json.loads(capsys.readouterr().out)}


def test_sources_list_counts_claims(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    found = sources(db, capsys)
    assert found["Sergey Lavrov"]["claims"] == 4
    assert found["Syrian Observatory for Human Rights"]["claims"] == 3
    assert "the Observatory" in found["Syrian Observatory for Human Rights"]["aliases"]  # type: ignore[operator]


def test_show_finds_a_source_by_alias_with_its_claims(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(["--db", db, "sources", "show", "SOHR", "--format", "json"]) == 0
    detail = json.loads(capsys.readouterr().out)
    assert detail["name"] == "Syrian Observatory for Human Rights"
    texts = [claim["text"] for claim in detail["claim_list"]]
    assert "It said both pilots were killed." in texts


def test_alias_then_lookup_by_the_new_name(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", db, "sources", "alias", "Mevlut Cavusoglu", "Çavuşoğlu"]) == 0
    capsys.readouterr()
    assert run(["--db", db, "sources", "show", "cavusoglu", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Mevlut Cavusoglu"


def test_alias_taken_by_another_source_is_refused(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sources(db, capsys)
    assert run(["--db", db, "sources", "alias", "Anadolu", "RT"]) == 2
    assert capsys.readouterr().err.startswith("Error: 'RT' is already an alias of 'Russia Today'")
    assert sources(db, capsys) == before


def test_merge_moves_claims_and_keeps_the_name_as_alias(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["--db", db, "sources", "merge", "Turkish government", "Turkish Presidency"]) == 0
    assert "2 claims moved" in capsys.readouterr().out
    found = sources(db, capsys)
    assert "Turkish Presidency" not in found
    assert found["Turkish government"]["claims"] == 3
    assert "Turkish Presidency" in found["Turkish government"]["aliases"]  # type: ignore[operator]
    capsys.readouterr()
    assert run(["--db", db, "claims", "--source", "Turkish government", "--format", "json"]) == 0
    texts = [claim["text"] for claim in json.loads(capsys.readouterr().out)]
    assert any(text.startswith("Mr Erdogan’s office said") for text in texts)


def test_unknown_source_is_one_error_line(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--db", db, "sources", "show", "Nobody At All"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Error: no source named 'Nobody At All'")
    assert len(err.strip().splitlines()) == 1


def test_claims_filter_resolves_aliases_and_refuses_unknown_names(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert run(["--db", db, "claims", "--source", "the Observatory", "--format", "json"]) == 0
    claims = json.loads(capsys.readouterr().out)
    assert len(claims) == 3
    assert {c["source"] for c in claims} == {"Syrian Observatory for Human Rights"}
    assert run(["--db", db, "export", "claims", "--source", "RT"]) == 0
    assert [c["source"] for c in json.loads(capsys.readouterr().out)] == ["Russia Today"]
    assert run(["--db", db, "claims", "--source", "Nobody At All"]) == 1
    assert capsys.readouterr().err.startswith("Error: no source named 'Nobody At All'")


def test_what_else_a_source_said_is_its_newest_claims_first(db: str) -> None:
    from claimtrack.store.engine import open_store
    from claimtrack.store.review import other_claims_of_source

    store = open_store(db)
    try:
        with store.read() as session:
            every = other_claims_of_source(session, "Sergey Lavrov", limit=10)
            assert len(every) == 4
            assert [c["seq"] for c in every] == sorted((c["seq"] for c in every), reverse=True)
            shown = every[0]["id"]
            rest = other_claims_of_source(session, "Sergey Lavrov", exclude=[shown], limit=2)
    finally:
        store.close()
    assert [c["id"] for c in rest] == [every[1]["id"], every[2]["id"]]


def test_sources_most_claims_first_filtered_by_kind(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    more = tmp_path / "more.txt"
    more.write_text(
        "Air strikes hit Idlib\n\nAir strikes killed 12 people in Idlib on Monday, activists "
        "said.\n\nA rebel military source said the jets were Russian.\n",
        encoding="utf-8",
    )
    assert run(["--db", db, "ingest", str(more), "--quiet", "--no-match"]) == 0
    capsys.readouterr()
    assert run(["--db", db, "sources", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    counts = [row["claims"] for row in rows]
    assert counts == sorted(counts, reverse=True) and rows[0]["name"] == "Sergey Lavrov"
    assert run(["--db", db, "sources", "--kind", "unnamed", "--format", "json"]) == 0
    unnamed = json.loads(capsys.readouterr().out)
    assert unnamed and {row["kind"] for row in unnamed} == {"unnamed"}
    assert "activists" in {row["name"] for row in unnamed}
    assert run(["--db", db, "sources", "--sort", "name", "--format", "json"]) == 0
    names = [row["name"].casefold() for row in json.loads(capsys.readouterr().out)]
    assert names == sorted(names)
    # an unnamed source is no one to show a record of; an unknown kind is named
    assert run(["--db", db, "sources", "show", "activists"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("Error: 'activists' is an unnamed source") and "claims --source" in err
    assert run(["--db", db, "sources", "--kind", "blog"]) == 2
    assert "kinds here:" in capsys.readouterr().err


def test_an_unnamed_source_gets_no_reliability(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    more = tmp_path / "more.txt"
    more.write_text("Strikes\n\nAir strikes killed 12 people, activists said.\n", encoding="utf-8")
    assert run(["--db", db, "ingest", str(more), "--quiet", "--no-match"]) == 0
    capsys.readouterr()
    assert run(["--db", db, "sources", "annotate", "activists", "--reliability", "0.2"]) == 2
    assert "gets no reliability" in capsys.readouterr().err
    assert run(["--db", db, "sources", "annotate", "activists", "--note", "often local"]) == 0


def test_rebels_and_local_media_are_unnamed_never_merged_nor_rated(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, text in {
        "jayrud.txt": "Strikes on Jayrud\n\nThe raids targeted a medical center a school and a "
        "residential area in Jayrud town rebels said.\n\nThe Syrian army said it had retaken "
        "the hill.\n",
        "blasts.txt": "Blasts\n\nA string of bomb blasts hit mostly regime-controlled areas of "
        "Syria on Monday killing at least 42 people and wounding dozens more local media said."
        "\n\nRebels said they had shot down a helicopter.\n",
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        assert run(["--db", db, "ingest", str(tmp_path / name), "--quiet", "--no-match"]) == 0
    capsys.readouterr()
    assert run(["--db", db, "sources", "--kind", "military", "--format", "json"]) == 0
    rows = {row["name"]: row for row in json.loads(capsys.readouterr().out)}
    # --kind military: the army (a named source) and rebels (unnamed, military by their words)
    assert (rows["Syrian army"]["kind"], rows["Syrian army"]["unnamed_kind"]) == ("military", None)
    assert (rows["rebels"]["kind"], rows["rebels"]["unnamed_kind"]) == ("unnamed", "military")
    assert rows["rebels"]["claims"] == 2
    assert run(["--db", db, "sources", "--kind", "media", "--format", "json"]) == 0
    assert [row["name"] for row in json.loads(capsys.readouterr().out)] == ["local media"]
    assert run(["--db", db, "sources", "show", "rebels"]) == 2
    assert capsys.readouterr().err.startswith("Error: 'rebels' is an unnamed source (military)")
    for refused in (
        ["sources", "merge", "Syrian army", "rebels"],
        ["sources", "merge", "local media", "Syrian army"],
        ["sources", "alias", "rebels", "opposition fighters"],
        ["sources", "annotate", "local media", "--reliability", "0.3"],
    ):
        assert run(["--db", db, *refused]) == 2, refused
        assert "is an unnamed source" in capsys.readouterr().err
    # an alias the user gives a named source may not take an unnamed source's name either
    assert run(["--db", db, "sources", "alias", "Syrian army", "rebels"]) == 2
    assert "'rebels' is an unnamed source" in capsys.readouterr().err
