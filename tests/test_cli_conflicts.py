"""``claimtrack match``, ``conflicts``, ``conflicts show`` on the Idlib article."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.cli import run
from tests.conftest import SAMPLE


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def matched_db(db_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(db_path)
    code, _, err = cli(
        capsys, "--db", db, "ingest", str(SAMPLE), "--outlet", "The National",
        "--published", "2020-02-15",
    )  # fmt: skip
    assert code == 0, err
    code, _out, err = cli(capsys, "--db", db, "match")
    assert code == 0, err
    return db


def test_conflicts_json_follows_the_export_contract(
    matched_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "--db", matched_db, "conflicts", "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert sorted(r["kind"] for r in rows) == ["actor", "omission"]
    for row in rows:
        assert {"id", "kind", "reason", "status", "claims"} <= set(row)
        assert len(row["claims"]) >= 2
        assert all({"id", "text", "source"} <= set(c) for c in row["claims"])
    code, out, _ = cli(capsys, "--db", matched_db, "conflicts", "--kind", "actor", "-f", "json")
    assert [r["kind"] for r in json.loads(out)] == ["actor"]
    code, out, _ = cli(capsys, "--db", matched_db, "conflicts", "--source", "SANA", "-f", "json")
    assert [r["kind"] for r in json.loads(out)] == ["omission"]


def test_conflicts_table_and_show(matched_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "--db", matched_db, "conflicts")
    assert code == 0, err
    assert "Anadolu vs Russia Today vs Syrian Observatory for Human Rights" in out
    actor_id = next(line.split("\t")[0] for line in out.splitlines() if "\tactor\t" in line)
    code, out, err = cli(capsys, "--db", matched_db, "conflicts", "show", actor_id)
    assert code == 0, err
    for needle in ("Anadolu", "Russia Today", "Ankara-backed", "2020-02-15", "actor"):
        assert needle in out


def test_rebuild_and_usage_errors(matched_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "--db", matched_db, "match", "--rebuild", "--high", "60")
    assert code == 0, err
    assert "2 conflicts (0 new" in out
    code, _, err = cli(capsys, "--db", matched_db, "match", "--high", "40", "--low", "50")
    assert code == 2 and err.startswith("Error:")
    code, _, err = cli(capsys, "--db", matched_db, "conflicts", "--kind", "bogus")
    assert code == 2 and "actor" in err
    code, _, err = cli(capsys, "--db", matched_db, "conflicts", "show", "999")
    assert code == 1 and err.startswith("Error: no conflict 999")


def test_show_without_ids_puts_every_conflict_side_by_side_with_context(
    matched_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    db = matched_db
    assert (
        cli(capsys, "--db", db, "sources", "annotate", "Anadolu", "--affiliation", "Turkey")[0] == 0
    )
    code, out, _ = cli(capsys, "--db", db, "conflicts", "--format", "json")
    helicopter = next(r["id"] for r in json.loads(out) if r["kind"] == "actor")
    assert cli(
        capsys, "--db", db, "review", str(helicopter), "--status", "confirmed",
        "--note", "Different culprits", "--reviewer", "ana",
    )[0] == 0  # fmt: skip
    code, out, err = cli(capsys, "--db", db, "conflicts", "show", "--format", "json")
    assert code == 0, err
    shown = {row["kind"]: row for row in json.loads(out)}
    assert set(shown) == {"actor", "omission"}
    actor = shown["actor"]
    assert [h["new_status"] for h in actor["history"]] == ["confirmed"]
    assert actor["history"][0]["reviewer"] == "ana"
    (agreement,) = actor["corroborations"]
    assert {a["source"] for a in agreement["claims"]} == {
        "Russia Today",
        "Syrian Observatory for Human Rights",
    }
    assert shown["omission"]["history"] == [] and shown["omission"]["corroborations"] == []
    code, out, _ = cli(capsys, "--db", db, "conflicts", "show")
    assert code == 0
    assert "Corroboration: Russia Today and Syrian Observatory for Human Rights" in " ".join(
        out.split()
    )
    assert "affiliation: Turkey" in out and "Different culprits" in out
    code, _, err = cli(capsys, "--db", db, "conflicts", "show", "999")
    assert code == 1 and err.startswith("Error: no conflict 999")
