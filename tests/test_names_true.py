"""Names stay true: a conflict's reason and a corroboration's text are rendered when read, from
the accounts (each claim's current source, its text, its stored value), so after `sources merge`
every view names the source as the registry does now. The stored reason (as written at
detection) is left as it was."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path
from typing import Any

import pexpect
import pytest
from reviewdata import SAMPLE
from sqlmodel import select

from claimtrack.cli import run
from claimtrack.store import tables
from claimtrack.store.engine import open_store

BASE = "https://factcheck.example.org/claimtrack"
RT_SAYS = "says it was hit by a shoulder-fired missile launched from a Turkish military"


@pytest.fixture
def db(tmp_path: Path) -> str:
    """The Idlib article, matched for real: Anadolu vs Russia Today (and the Observatory) on
    who shot the helicopter down, and Russia Today and the Observatory agreeing on Turkey."""
    path = str(tmp_path / "claims.db")
    assert run(["--db", path, "ingest", str(SAMPLE), "--published", "2020-02-15",
                "--outlet", "The National", "--quiet"]) == 0  # fmt: skip
    return path


def cli(db: str, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    code = run(["--db", db, *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def stored(db: str) -> tuple[dict[int, str], list[str]]:
    store = open_store(db)
    try:
        with store.session() as session:
            conflicts = {c.id: c.reason for c in session.exec(select(tables.Conflict)) if c.id}
            agreements = [c.reason for c in session.exec(select(tables.Corroboration))]
    finally:
        store.close()
    return conflicts, agreements


def actor(db: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    rows = json.loads(cli(db, capsys, "export", "conflicts", "--format", "json"))
    return next(r for r in rows if r["kind"] == "actor")


def flat(text: str) -> str:
    """Terminal output as one line of words (panels wrap and frame the reason)."""
    for ch in "│╭╮╰╯─":
        text = text.replace(ch, " ")
    return " ".join(text.split())


def test_unchanged_names_read_as_the_matcher_wrote_them(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    conflicts, agreements = stored(db)
    rows = json.loads(cli(db, capsys, "export", "conflicts", "--format", "json"))
    assert len(rows) == 2
    assert {r["id"]: r["reason"] for r in rows} == conflicts
    report = json.loads(cli(db, capsys, "export", "report", "--format", "json"))
    shown = json.dumps(report)
    for reason in agreements:
        assert json.dumps(reason)[1:-1] in shown


def test_merge_renames_the_source_in_every_view(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = actor(db, capsys)
    assert f"Russia Today {RT_SAYS}" in before["reason"]
    said = cli(db, capsys, "sources", "merge", "Russian government", "Russia Today")
    assert "Russia Today merged into Russian government" in said
    conflict_id = before["id"]

    # export conflicts: JSON and CSV (same fields, same types)
    after = actor(db, capsys)
    assert set(after) == set(before)
    assert f"Russian government {RT_SAYS}" in after["reason"]
    assert "Russia Today" not in after["reason"]
    assert after["reason"].startswith("Anadolu says the helicopter was shot down")
    assert [c["source"] for c in after["claims"]] == [
        "Anadolu",
        "Russian government",
        "Syrian Observatory for Human Rights",
    ]
    table = list(csv.DictReader(io.StringIO(cli(db, capsys, "export", "conflicts", "-f", "csv"))))
    assert {row["reason"] for row in table if row["kind"] == "actor"} == {after["reason"]}

    # the lists and the conflict itself
    listed = json.loads(cli(db, capsys, "conflicts", "--format", "json"))
    assert next(r for r in listed if r["id"] == conflict_id)["reason"] == after["reason"]
    shown = flat(cli(db, capsys, "conflicts", "show", str(conflict_id)))
    assert f"Russian government {RT_SAYS}" in shown
    assert "Russia Today says" not in shown and "Russia Today and" not in shown
    # the corroboration, under the conflict and in reports
    assert "Russian government and Syrian Observatory for Human Rights both blame Turkey." in shown

    # the report, every format
    md = cli(db, capsys, "export", "report", "--format", "md")
    assert f"Russian government {RT_SAYS}" in md
    assert "Russia Today says" not in md and "Russia Today and" not in md
    html = cli(db, capsys, "export", "report", "--format", "html")
    assert f"Russian government {RT_SAYS}" in html
    assert "Russia Today says" not in html and "Russia Today and" not in html
    report = json.loads(cli(db, capsys, "export", "report", "--format", "json"))
    assert f"Russian government {RT_SAYS}" in json.dumps(report)
    assert "Russia Today says" not in json.dumps(report)
    assert "Russian government and Syrian Observatory for Human Rights both blame" in md

    # ClaimReview of the resolved conflict
    cli(db, capsys, "review", str(conflict_id), "-s", "resolved", "--favour",
        str(after["claims"][1]["id"]), "--reviewer", "bob")  # fmt: skip
    graph = json.loads(
        cli(db, capsys, "export", "conflicts", "--format", "claimreview", "--base-url", BASE)
    )["@graph"]
    bodies = [r["reviewBody"] for r in graph if r["url"].endswith(f"/conflicts/{conflict_id}")]
    assert bodies and all(f"Russian government {RT_SAYS}" in b for b in bodies)

    # what the matcher wrote is kept as written (the history of the detection)
    conflicts, agreements = stored(db)
    assert f"Russia Today {RT_SAYS}" in conflicts[conflict_id]
    assert any(a.startswith("Russia Today and ") for a in agreements)


def test_merge_shows_on_the_review_screen(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    cli(db, capsys, "sources", "merge", "Russian government", "Russia Today")
    env = dict(os.environ, CLAIMTRACK_REVIEWER="pat", TERM="xterm", COLUMNS="200", LINES="80")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "claimtrack", "--db", db, "review", "--kind", "actor"],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(80, 200),
    )
    child.expect("Decision\\? ")
    screen = flat(child.before)
    child.send("q")
    child.expect(pexpect.EOF)
    child.close()
    assert f"Russian government {RT_SAYS}" in screen
    assert "Russia Today says" not in screen


def test_the_list_names_who_the_reason_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An account in an outlet's own voice is the outlet's in the reason, and in the list's
    sources column too (not "-"); an unassigned conflict's assignee is empty in CSV."""
    db = str(tmp_path / "gas.db")
    corpus = tmp_path / "gas.csv"
    with corpus.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["outlet", "date", "text"])
        writer.writerow(["Reuters", "2017-04-04", "At least 58 people were killed on Tuesday in "
                         "a suspected chemical attack on the town of Khan Sheikhoun in Idlib "
                         "province, the Syrian Observatory for Human Rights said."])  # fmt: skip
        writer.writerow(["Daily Sabah", "2017-04-04", "A gas attack killed 100 people in the town "
                         "of Khan Sheikhoun in Idlib on Tuesday."])  # fmt: skip
    cli(db, capsys, "ingest", str(corpus), "--workers", "0", "--quiet")
    rows = list(csv.DictReader(io.StringIO(cli(db, capsys, "conflicts", "--format", "csv"))))
    assert len(rows) == 1
    assert rows[0]["sources"] == "Syrian Observatory for Human Rights vs Daily Sabah (reporter)"
    assert "; Daily Sabah says" in rows[0]["reason"]
    assert rows[0]["assignee"] == ""
    table = cli(db, capsys, "conflicts")  # piped: tab-separated, "-" for nobody
    assert "\t-\tSyrian Observatory for Human Rights vs Daily Sabah (reporter)\t" in table


def test_an_alias_that_takes_over_a_source_renames_it_too(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`sources alias` of a name some source was created under moves that source's claims."""
    said = cli(db, capsys, "sources", "alias", "Russian government", "Russia Today")
    assert "alias 'Russia Today' added" in said
    reason = actor(db, capsys)["reason"]
    assert f"Russian government {RT_SAYS}" in reason and "Russia Today says" not in reason


def test_one_source_quoted_by_two_outlets_keeps_its_outlets_when_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # FA-KES, 5 Jun 2016: Ahram and Daily Sabah quote the Observatory at 47 and at 82 dead
    path = str(tmp_path / "claims.db")
    ahram = tmp_path / "ahram.txt"
    ahram.write_text(
        "Russia regime strikes kill 47 in east Syria\n\nRussian and Syrian regime air strikes "
        "killed 47 people in the town of Al Quriyah in Deir Ezzor province on Saturday the Syrian "
        "Observatory for Human Rights said.\n",
        encoding="utf-8",
    )
    sabah = tmp_path / "sabah.txt"
    sabah.write_text(
        "Strikes kill dozens in eastern Syria\n\nRussian and Syrian regime air strikes on the town "
        "of Al Quriyah in Deir Ezzor province killed at least 82 people on Saturday the Syrian "
        "Observatory for Human Rights said.\n",
        encoding="utf-8",
    )
    for file, outlet in ((ahram, "ahram"), (sabah, "dailysabah")):
        assert run(["--db", path, "ingest", str(file), "--published", "2016-06-05",
                    "--outlet", outlet, "--quiet"]) == 0  # fmt: skip
    (number,) = [
        r
        for r in json.loads(cli(path, capsys, "export", "conflicts", "--format", "json"))
        if r["kind"] == "number"
    ]
    reason = number["reason"]
    assert "Syrian Observatory for Human Rights (in ahram) says" in reason
    assert "Syrian Observatory for Human Rights (in dailysabah) says" in reason
    assert reason == stored(path)[0][number["id"]]  # read exactly as written at detection
