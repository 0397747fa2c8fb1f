"""An unknown publication date stays unknown in every report format and in ClaimReview: the day
the article was ingested is never shown as if it were the day it was published."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from claimtrack.cli import run
from tests.test_backup import fill

INGESTED = "2019-03-07"  # article 7's ingest day: must appear nowhere


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = str(tmp_path_factory.mktemp("dates") / "claims.db")
    fill(path)  # conflict 2: claim 10 (article 3, published 2020-02-15) vs 20 (article 7, none)
    with sqlite3.connect(path) as connection:
        connection.execute(
            "UPDATE article SET ingested_at = ? WHERE id = 7", (f"{INGESTED} 08:00",)
        )
        connection.execute("UPDATE article SET ingested_at = '2020-01-02 08:00' WHERE id = 3")
        connection.execute("UPDATE conflict SET active = 1")
    return path


def export(db: str, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert run(["--db", db, "export", *args]) == 0
    out = capsys.readouterr().out
    assert "2020-02-15" in out  # the known date is shown
    assert INGESTED not in out
    return out


def test_markdown_says_date_unknown(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = export(db, capsys, "report", "--format", "md")
    date_row = next(line for line in out.splitlines() if line.startswith("| **Date**"))
    assert date_row == "| **Date** | 2020-02-15 | date unknown |"


def test_html_says_date_unknown(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = export(db, capsys, "report", "--format", "html")
    assert "claim 20) · date unknown" in out


def test_json_has_null(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    report = json.loads(export(db, capsys, "report", "--format", "json"))
    accounts = {
        a["claim_id"]: a["published"]
        for event in report["events"]
        for conflict in event["conflicts"]
        for a in conflict["accounts"]
    }
    assert accounts == {10: "2020-02-15", 20: None}


def test_csv_says_date_unknown(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = list(csv.DictReader(io.StringIO(export(db, capsys, "report", "--format", "csv"))))
    assert {r["claim_id"]: r["published"] for r in rows} == {
        "10": "2020-02-15",
        "20": "date unknown",
    }


def test_claimreview_leaves_the_date_out(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(
        export(db, capsys, "conflicts", "--format", "claimreview", "--base-url", "https://x.org")
    )
    items: dict[str, dict[str, Any]] = {
        review["itemReviewed"]["@id"].rsplit("/", 1)[-1]: review["itemReviewed"]
        for review in document["@graph"]
    }
    assert items["10"]["datePublished"] == "2020-02-15"
    assert items["10"]["appearance"]["datePublished"] == "2020-02-15"
    assert "datePublished" not in items["20"]
    assert "datePublished" not in items["20"].get("appearance", {})


def test_data_exports_say_null(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    claims = json.loads(export(db, capsys, "claims", "--format", "json"))
    assert {c["id"]: c["published"] for c in claims if c["id"] in (10, 20)} == {
        10: "2020-02-15",
        20: None,
    }
