"""Datasets in: CSV, TSV, JSON Lines and JSON arrays, one article per row, with their metadata."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from claimtrack.cli import run
from claimtrack.datasets import RowError, iter_dataset, parse_column_map
from claimtrack.errors import LoadError, UsageError
from claimtrack.model import Document

ALEPPO = (
    "A car bomb exploded near a hospital in Aleppo on Tuesday killing six people state television "
    "said. The Syrian Observatory for Human Rights said at least nine people were killed."
)
IDLIB = (
    "Air strikes hit the town of Maaret al-Numan in Idlib province killing 12 civilians the "
    "Observatory said. Rescue workers said the toll could rise."
)
DOUMA = (
    "Rockets fired from Douma hit a residential district of Damascus the state news agency said."
)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return list(connection.execute(sql).fetchall())


def docs(path: Path, **kwargs: object) -> list[Document | RowError]:
    return list(iter_dataset(str(path), **kwargs))  # type: ignore[arg-type]


def test_fakes_style_csv_with_mapped_columns_and_date_format(tmp_path: Path) -> None:
    path = tmp_path / "fakes.csv"
    path.write_text(
        "unit_id,article_title,article_content,source,date,location\n"
        f'1914,Aleppo bomb blast kills six,"{ALEPPO}",nna,4/18/17,aleppo\n'
        f'1915,Strikes on Maaret al-Numan,"{IDLIB}",reuters,12/5/16,idlib\n',
        encoding="utf-8",
    )
    columns = parse_column_map(
        ["text=article_content", "title=article_title", "published=date", "outlet=source"]
    )
    found = docs(path, columns=columns, date_format="%m/%d/%y")
    assert [type(d) for d in found] == [Document, Document]
    first = found[0]
    assert isinstance(first, Document)
    assert first.text == ALEPPO
    assert first.title == "Aleppo bomb blast kills six"
    assert first.outlet == "nna"
    assert first.published == date(2017, 4, 18) and first.published_from == "data"
    assert dict(first.extra) == {"unit_id": "1914", "location": "aleppo"}
    assert first.origin.endswith("fakes.csv#row1")


def test_common_column_names_need_no_mapping_and_iso_dates(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(
        f'id,headline,body,published_at,publisher,link\nx7,Bomb,"{ALEPPO}",'
        "2017-04-18T09:30:00Z,Reuters,https://example.org/a\n",
        encoding="utf-8",
    )
    (doc,) = docs(path)
    assert isinstance(doc, Document)
    assert (doc.title, doc.outlet, doc.url) == ("Bomb", "Reuters", "https://example.org/a")
    assert doc.published == date(2017, 4, 18)
    assert doc.origin.endswith("news.csv#x7")


def test_tsv_jsonl_and_json_array(tmp_path: Path) -> None:
    tsv = tmp_path / "a.tsv"
    tsv.write_text(f"title\ttext\tdate\nBomb\t{ALEPPO}\t2017-04-18\n", encoding="utf-8")
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text(
        json.dumps({"content": IDLIB, "date": "2016-12-05", "tags": ["idlib", "strike"]}) + "\n",
        encoding="utf-8",
    )
    array = tmp_path / "a.json"
    array.write_text(json.dumps({"articles": [{"text": DOUMA, "outlet": "SANA"}]}), "utf-8")
    (t,) = docs(tsv)
    (j,) = docs(jsonl)
    (a,) = docs(array)
    assert isinstance(t, Document) and t.text == ALEPPO and t.published == date(2017, 4, 18)
    assert isinstance(j, Document) and j.text == IDLIB
    assert dict(j.extra) == {"tags": '["idlib", "strike"]'}
    assert isinstance(a, Document) and a.outlet == "SANA" and a.published is None
    assert a.published_from is None


def test_bad_rows_are_named_and_the_rest_are_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "title,text,date\n"
        f'Bomb,"{ALEPPO}",2017-04-18\n'
        "Empty,,2017-04-19\n"
        f'Strikes,"{IDLIB}",yesterday\n'
        f'Rockets,"{DOUMA}",2016-05-02\n',
        encoding="utf-8",
    )
    found = docs(path)
    assert isinstance(found[0], Document) and isinstance(found[3], Document)
    assert isinstance(found[1], RowError) and found[1].message.endswith("row 2: no text")
    assert isinstance(found[2], RowError) and "row 3: date 'yesterday'" in found[2].message
    jsonl = tmp_path / "broken.jsonl"
    jsonl.write_text(
        json.dumps({"text": ALEPPO}) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n",
        encoding="utf-8",
    )
    found = docs(jsonl)
    assert isinstance(found[0], Document)
    assert isinstance(found[1], RowError) and "line 2: not JSON" in found[1].message
    assert isinstance(found[2], RowError) and "line 3: no text column" in found[2].message


def test_quoted_newlines_bom_and_cp1252(tmp_path: Path) -> None:
    quoted = tmp_path / "q.csv"
    quoted.write_bytes(
        b"\xef\xbb\xbftext,title\n"
        + f'"{ALEPPO}\n\nSecond paragraph, with a comma.",Bomb\n'.encode()
    )
    (doc,) = docs(quoted)
    assert isinstance(doc, Document)
    assert doc.text == ALEPPO + "\n\nSecond paragraph, with a comma."
    assert doc.title == "Bomb"  # the BOM did not end up in the first column's name
    cp1252 = tmp_path / "cp1252.csv"
    cp1252.write_bytes(
        'text,outlet\n"Le ministre a déclaré que l’armée frappera.",Le Monde\n'.encode("cp1252")
    )
    (french,) = docs(cp1252)
    assert isinstance(french, Document)
    assert french.text == "Le ministre a déclaré que l’armée frappera."


def test_file_level_refusals(tmp_path: Path) -> None:
    no_text = tmp_path / "x.csv"
    no_text.write_text("title,date\nBomb,2017-04-18\n", encoding="utf-8")
    with pytest.raises(LoadError, match="no text column"):
        docs(no_text)
    missing = tmp_path / "y.csv"
    missing.write_text(f"title,text\nBomb,{DOUMA}\n", encoding="utf-8")
    with pytest.raises(LoadError, match="--column text=body: no such column"):
        docs(missing, columns={"text": "body"})
    with pytest.raises(UsageError, match="unknown field 'body'"):
        parse_column_map(["body=text"])
    with pytest.raises(UsageError, match="FIELD=NAME"):
        parse_column_map(["text"])


def test_cli_ingests_a_dataset_with_a_bad_row_in_the_middle(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(
        "article_title,article_content,source,date\n"
        f'Bomb,"{ALEPPO}",nna,4/18/17\n'
        "Nothing,,sana,4/19/17\n"
        f'Strikes,"{IDLIB}",reuters,12/5/16\n',
        encoding="utf-8",
    )
    code, out, err = cli(
        capsys, "--db", str(db_path), "ingest", str(path), "--column", "published=date",
        "--date-format", "%m/%d/%y",
    )  # fmt: skip
    assert code == 1
    assert err.strip() == f"Error: {path}: row 2: no text"
    assert "2 new, 0 skipped (already stored), 1 failed" in out
    stored = rows(
        db_path, "SELECT title, outlet, published, published_from FROM article ORDER BY id"
    )
    assert stored == [
        ("Bomb", "nna", "2017-04-18", "data"),
        ("Strikes", "reuters", "2016-12-05", "data"),
    ]
    code, out, err = cli(capsys, "--db", str(db_path), "articles", "--format", "json")
    assert code == 0, err
    listed = json.loads(out)
    assert [a["published"] for a in listed] == ["2017-04-18", "2016-12-05"]
    # the same dataset again: every row already stored
    code, out, _ = cli(
        capsys, "--db", str(db_path), "ingest", str(path), "--date-format", "%m/%d/%y", "-q"
    )
    assert "0 new, 2 skipped" in out


def test_cli_usage_errors_for_dataset_options(
    tmp_path: Path, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "c.csv"
    path.write_text(f"text\n{DOUMA}\n", encoding="utf-8")
    code, _, err = cli(capsys, "--db", str(db_path), "ingest", str(path), "--column", "nope")
    assert code == 2 and err.startswith("Error: --column 'nope'")
    code, _, err = cli(capsys, "--db", str(db_path), "ingest", str(path), "--input-format", "xml")
    assert code == 2 and "--input-format 'xml'" in err
    # a .txt forced to be read as JSON Lines
    jl = tmp_path / "dump.txt"
    jl.write_text(json.dumps({"body": DOUMA, "source": "SANA"}) + "\n", encoding="utf-8")
    code, _out, err = cli(
        capsys, "--db", str(db_path), "ingest", str(jl), "--input-format", "jsonl", "-q"
    )
    assert code == 0, err
    assert rows(db_path, "SELECT outlet FROM article") == [("SANA",)]


def test_a_turkish_cp1254_csv_is_not_read_as_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "tr.csv"
    text = "Dışişleri Bakanı Mevlüt Çavuşoğlu görüşmelerin süreceğini söyledi."
    path.write_bytes(f'text,outlet\n"{text}",Hürriyet\n'.encode("cp1254"))
    (doc,) = docs(path)
    assert isinstance(doc, Document) and doc.text == text and doc.outlet == "Hürriyet"
