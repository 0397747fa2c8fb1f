"""Incidents through the command line: one corpus ingested as a user would, with its dates."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from claimtrack.cli import run

# Four outlets on the Khan Sheikhoun gas attack of 4 April 2017 (tolls differ), and a strike on
# the same town two weeks later (another incident: never set against the first).
ARTICLES = [
    {
        "title": "Suspected gas attack in Syria's Khan Sheikhoun kills 58",
        "outlet": "Reuters",
        "date": "2017-04-04",
        "text": "At least 58 people were killed on Tuesday in a suspected chemical attack on the "
        "town of Khan Sheikhoun in Idlib province, the Syrian Observatory for Human Rights "
        "said.\n\nThe Observatory said 11 children were among the dead.\n\nThe Syrian army "
        "denied using chemical weapons.",
    },
    {
        "title": "Gas attack on Khan Sheikhoun kills 100, rescuers say",
        "outlet": "Daily Sabah",
        "date": "2017-04-04",
        "text": "The civil defence said 100 people were killed in the gas attack on the town of "
        "Khan Sheikhoun in Idlib on Tuesday.\n\nRescuers said warplanes dropped bombs "
        "carrying toxic gas on the town at dawn.",
    },
    {
        "title": "Army denies chemical attack in Khan Sheikhoun",
        "outlet": "SANA",
        "date": "2017-04-05",
        "text": "The General Command of the Army and Armed Forces categorically denied using any "
        "chemical or toxic substances in the town of Khan Sheikhoun in Idlib.",
    },
    {
        "title": "Air strikes kill five in Khan Sheikhoun",
        "outlet": "Reuters",
        "date": "2017-04-20",
        "text": "Air strikes killed five people in the town of Khan Sheikhoun in Idlib on "
        "Thursday, the Syrian Observatory for Human Rights said.\n\nResidents said the raids "
        "hit a market.",
    },
]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def export(capsys: pytest.CaptureFixture[str], db: Path, what: str) -> list[dict[str, Any]]:
    code, out, err = cli(capsys, "--db", str(db), "export", what, "--format", "json")
    assert code == 0, err
    rows: list[dict[str, Any]] = json.loads(out)
    return rows


@pytest.fixture
def corpus(tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "corpus.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, ["title", "outlet", "date", "text"])
        writer.writeheader()
        writer.writerows(ARTICLES)
    code, out, err = cli(capsys, "--db", str(db_path), "ingest", str(path), "--workers", "0")
    assert code == 0, err
    assert "4 new" in out
    return db_path


def test_accounts_of_one_attack_share_an_incident_and_another_day_does_not(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incidents = export(capsys, corpus, "incidents")
    by_article = {a: i for i in incidents for a in i["articles"]}
    gas = by_article[1]
    assert by_article[2]["id"] == by_article[3]["id"] == gas["id"]
    assert by_article[4]["id"] != gas["id"]
    assert gas["kind"] == "chemical_attack" and gas["date"] == "2017-04-04"
    assert gas["place"] == "khan shaykhun"
    assert "Syrian Observatory for Human Rights" in gas["sources"]
    for field in ("id", "place", "date", "kind", "articles", "sources", "conflicts"):
        assert field in gas


def test_the_toll_dispute_is_flagged_inside_its_incident_only(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    incidents = {a: i for i in export(capsys, corpus, "incidents") for a in i["articles"]}
    conflicts = export(capsys, corpus, "conflicts")
    numbers = [c for c in conflicts if c["kind"] == "number"]
    assert len(numbers) == 1
    toll = numbers[0]
    assert {c["article_id"] for c in toll["claims"]} == {1, 2}
    assert toll["incident"] == incidents[1]["id"] and toll["assignee"] is None
    assert "58" in toll["reason"] and "100" in toll["reason"]
    assert toll["id"] in incidents[1]["conflicts"]
    # the strike of 20 April is compared with nothing of 4 April
    assert all(4 not in {c["article_id"] for c in x["claims"]} for x in conflicts)


def test_incidents_list_show_and_filters(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "--db", str(corpus), "incidents", "--place", "Khan Shaykhun")
    assert code == 0, err
    assert "Khan Shaykhun, 4 Apr 2017, chemical attack" in out
    assert "Khan Shaykhun, 20 Apr 2017, air strike" in out
    code, out, _ = cli(capsys, "--db", str(corpus), "incidents", "--since", "2017-04-10")
    assert "20 Apr 2017" in out and "4 Apr 2017" not in out
    code, out, _ = cli(capsys, "--db", str(corpus), "incidents", "--kind", "chemical attack")
    assert "4 Apr 2017" in out and "20 Apr 2017" not in out
    gas = export(capsys, corpus, "incidents")[-1]
    code, out, err = cli(capsys, "--db", str(corpus), "incidents", "show", str(gas["id"]))
    assert code == 0, err
    assert "toll timeline" in out and "58" in out and "100" in out
    code, out, _ = cli(capsys, "--db", str(corpus), "conflicts", "--incident", str(gas["id"]))
    assert "Khan Shaykhun, 4 Apr 2017, chemical attack" in out
    code, _, err = cli(capsys, "--db", str(corpus), "incidents", "show", "999")
    assert code == 1 and err.startswith("Error: no incident 999")
    code, _, err = cli(capsys, "--db", str(corpus), "incidents", "--kind", "picnic")
    assert code == 2 and err.startswith("Error: --kind 'picnic'")


def test_rebuild_finds_the_same_incidents_and_conflicts(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def shape() -> tuple[Any, ...]:
        incidents = export(capsys, corpus, "incidents")
        conflicts = export(capsys, corpus, "conflicts")
        return (
            sorted((i["label"], tuple(i["articles"])) for i in incidents),
            sorted((c["kind"], tuple(x["id"] for x in c["claims"])) for c in conflicts),
        )

    before = shape()
    code, _, err = cli(capsys, "--db", str(corpus), "match", "--rebuild")
    assert code == 0, err
    assert shape() == before
