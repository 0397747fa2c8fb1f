"""The foundation through the command line: ingest, list, export, and bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from claimtrack.cli import run
from tests.conftest import SAMPLE


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_ingest_sample_then_export_claims_json(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str], sample_text: str
) -> None:
    code, out, err = cli(
        capsys, "--db", str(db_path), "ingest", str(SAMPLE), "--outlet", "The National",
        "--published", "2020-02-15",
    )  # fmt: skip
    assert code == 0, err
    assert "1 new, 0 skipped (already stored), 0 failed" in out
    target = tmp_path / "claims.json"
    code, _, err = cli(capsys, "--db", str(db_path), "export", "claims", "-o", str(target))
    assert code == 0, err
    claims = json.loads(target.read_text(encoding="utf-8"))
    assert len(claims) > 30
    for field in ("id", "article_id", "text", "start", "end", "source", "source_mention", "cue"):
        assert field in claims[0]
    assert "via" in claims[0]
    with sqlite3.connect(db_path) as connection:
        stored = connection.execute("SELECT text FROM article").fetchone()[0]
    for claim in claims:
        assert stored[claim["start"] : claim["end"]] == claim["text"]
    by_text = {claim["text"]: claim for claim in claims}
    anadolu = next(c for t, c in by_text.items() if t.startswith("Turkey’s state-owned Anadolu"))
    assert anadolu["source"] == "Anadolu"
    reporter = by_text["There was no immediate claim of responsibility."]
    assert reporter["source"] is None and reporter["cue"] is None


def test_same_article_twice_is_stored_once(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_text(SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n"), encoding="utf-8")
    code, out, _ = cli(capsys, "--db", str(db_path), "ingest", str(SAMPLE), str(copy))
    assert code == 0
    assert "1 new, 1 skipped" in out
    assert count(db_path, "article") == 1


def test_bad_inputs_are_reported_and_the_good_ones_stored(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "random.txt").write_bytes(os.urandom(4096))
    (batch / "empty.txt").write_bytes(b"")
    shutil.copy("/bin/ls", batch / "elf.txt")
    (batch / "good.txt").write_text(
        "Five civilians were killed in an air strike on Saraqeb on Monday the Observatory said.",
        encoding="utf-8",
    )
    code, out, err = cli(capsys, "--db", str(db_path), "ingest", str(batch), str(tmp_path / "nope"))
    assert code == 1
    assert "1 new, 0 skipped (already stored), 4 failed" in out
    lines = err.strip().splitlines()
    assert len(lines) == 4 and all(line.startswith("Error: ") for line in lines)
    assert any("random.txt: binary" in line for line in lines)
    assert any("empty.txt" in line and "empty" in line for line in lines)
    assert any("elf.txt: binary" in line for line in lines)
    assert any("nope" in line and "no such file" in line for line in lines)
    assert "Traceback" not in err
    assert count(db_path, "article") == 1


def test_cp1252_file_with_curly_quotes_keeps_its_letters(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "“We will take the necessary steps,” Ankara’s envoy said in Genève on Saturday."
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(text.encode("cp1252"))
    assert cli(capsys, "--db", str(db_path), "ingest", str(legacy))[0] == 0
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("SELECT text FROM article").fetchone()[0] == text


def test_html_page_scripts_and_navigation_never_become_claims(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Helicopter downed over Idlib</title>"
        "<script>var tracker = 'SECRET-TRACKER';</script><style>p {color: red}</style></head>"
        "<body><nav><a href='/'>Home</a> <a href='/world'>World news menu</a></nav>"
        "<article><h1>Helicopter downed over Idlib</h1>"
        "<p>A Syrian government helicopter was shot down over Idlib on Friday.</p>"
        "<p>Turkey's state-owned Anadolu news agency said the helicopter was shot down by "
        "Ankara-backed rebels.</p>"
        "<p>The Syrian Observatory for Human Rights said both pilots were killed.</p>"
        "</article><footer>Copyright footer text</footer></body></html>",
        encoding="utf-8",
    )
    assert cli(capsys, "--db", str(db_path), "ingest", str(page))[0] == 0
    code, out, _ = cli(capsys, "--db", str(db_path), "claims", "--format", "json")
    assert code == 0
    texts = " ".join(claim["text"] for claim in json.loads(out))
    assert "shot down by Ankara-backed rebels" in texts
    for junk in ("SECRET-TRACKER", "World news menu", "color: red", "Copyright footer"):
        assert junk not in texts
    code, out, _ = cli(capsys, "--db", str(db_path), "articles", "--format", "json")
    assert json.loads(out)[0]["title"] == "Helicopter downed over Idlib"


def test_csv_export_neutralises_formulas(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        '=HYPERLINK("http://evil.example","click") was posted online.\n\n'
        "@SUM(1+1) appeared in a leaflet.\n\n-2+3 is what the agency said.",
        encoding="utf-8",
    )
    assert cli(capsys, "--db", str(db_path), "ingest", str(hostile))[0] == 0
    code, out, _ = cli(capsys, "--db", str(db_path), "export", "claims", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 3
    for row in rows:
        assert not row["text"].startswith(("=", "+", "-", "@"))
    assert rows[0]["text"].startswith("'=HYPERLINK")


def test_stdin_and_metadata(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    process = subprocess.run(
        [sys.executable, "-m", "claimtrack", "--db", str(db_path), "ingest", "-",
         "--outlet", "Reuters", "--published", "2020-02-14", "--title", "Strike"],
        input="Israeli air strikes killed at least three Syrian soldiers the Observatory said.",
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert process.returncode == 0, process.stderr
    with sqlite3.connect(db_path) as connection:
        row = connection.execute("SELECT outlet, published, title, origin FROM article").fetchone()
    assert row == ("Reuters", "2020-02-14", "Strike", "-")


def test_usage_errors_exit_2_with_one_error_line(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(capsys, "--db", str(db_path), "ingest", str(SAMPLE), "--published", "soon")
    assert code == 2
    assert err.startswith("Error: --published") and len(err.strip().splitlines()) == 1
    assert not db_path.exists() or count(db_path, "article") == 0
    code, _, err = cli(capsys, "--db", str(db_path), "claims", "--format", "yaml")
    assert code == 2 and err.startswith("Error: ")


def test_default_database_comes_from_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "env.db"
    monkeypatch.setenv("CLAIMTRACK_DB", str(target))
    assert cli(capsys, "ingest", str(SAMPLE))[0] == 0
    assert count(target, "article") == 1
    monkeypatch.delenv("CLAIMTRACK_DB")
    monkeypatch.chdir(tmp_path)
    assert cli(capsys, "ingest", str(SAMPLE))[0] == 0
    assert count(tmp_path / "claimtrack.db", "article") == 1


def test_sqlite_runs_in_wal_mode(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "--db", str(db_path), "ingest", str(SAMPLE))[0] == 0
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_bare_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys)
    assert code == 0 and err == ""
    assert "Usage: claimtrack" in out and "ingest" in out
