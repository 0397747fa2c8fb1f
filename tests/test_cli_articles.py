"""Reading articles back: ``articles show`` and the ``claims`` filters."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimtrack.cli import run


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "news.jsonl"
    rows = [
        {
            "title": "Car bomb kills six in Aleppo",
            "outlet": "SANA",
            "date": "2017-04-19",
            "url": "https://example.org/aleppo",
            "desk": "Syria",
            "text": "A car bomb killed six people in the Salah al-Din district of Aleppo on "
            "Wednesday, state television said.\n\nShare this article",
        },
        {
            "title": "Air strikes hit Idlib",
            "outlet": "Reuters",
            "text": "Air strikes killed 12 people in Saraqeb, the Syrian Observatory for Human "
            "Rights said.",
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    code, _, err = cli(capsys, "--db", str(db_path), "ingest", str(path), "-q")
    assert code == 0, err
    return db_path


def test_articles_show_reads_an_article_back_with_its_claims_marked(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(capsys, "--db", str(db), "articles", "show", "1")
    assert code == 0, err
    assert "published: 2017-04-19 (from data)" in out
    assert "url: https://example.org/aleppo" in out and "desk: Syria" in out
    assert "state television said. [Syrian state TV · said]" in " ".join(out.split())
    code, out, _ = cli(capsys, "--db", str(db), "articles", "show", "2")
    assert "published: date unknown" in out
    code, out, _ = cli(capsys, "--db", str(db), "articles", "show", "2", "--format", "json")
    shown = json.loads(out)
    assert shown["published"] is None and shown["claim_rows"][0]["source"].startswith("Syrian")
    code, _, err = cli(capsys, "--db", str(db), "articles", "show", "9")
    assert code == 1 and err.startswith("Error: no article 9")


def test_claims_filters(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def texts(*args: str) -> list[str]:
        code, out, err = cli(capsys, "--db", str(db), "claims", "--format", "json", *args)
        assert code == 0, err
        return [c["text"] for c in json.loads(out)]

    assert [t[:11] for t in texts("--search", "CAR BOMB")] == ["A car bomb "]
    assert [t[:11] for t in texts("--outlet", "reuters")] == ["Air strikes"]
    assert [t[:11] for t in texts("--since", "2017-04-01")] == ["A car bomb "]
    assert texts("--until", "2017-01-01") == []  # the undated article is not "before"
    code, _, err = cli(capsys, "--db", str(db), "claims", "--since", "April")
    assert code == 2 and "--since: 'April' is not a date" in err
