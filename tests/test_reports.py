"""Reports and exports of the sample article: every format names both conflicts, both sides,
the reviewers' notes and the source annotations; hostile article text stays inert."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from reviewdata import T0, Sample, add_conflict, claim_id, ingest, sample

from claimtrack.cli import run
from claimtrack.export.markdown import md
from claimtrack.export.report import segments
from claimtrack.export.tabular import FORMULA_TRIGGERS

HOSTILE = """Hostile wire copy

=HYPERLINK("http://x","y") said the Syrian Observatory for Human Rights, adding that 12 soldiers \
were killed in the raid.

Anadolu said the raid was carried out by <script>document.title='pwned'</script><img src=x \
onerror="document.title='pwned2'"> rebels near Saraqib.

@SUM(1+1) was the toll of the raid, Russia Today said, blaming <script>alert(1)</script> Turkish \
forces.
"""
HELICOPTER_NOTE = "SOHR independently blames Turkey"
STRIKE_NOTE = "Sana is silent on casualties; wait for an Israeli comment"
ANADOLU_NOTE = "Turkey's state-owned news agency"
SANA_NOTE = "Syrian state news agency"
CLAIM_NOTE = "Sana rarely reports casualties"


def reviewed(db: str) -> Sample:
    """The sample with decisions, notes and annotations, as an editor would have it."""
    data = sample(db)

    def cli(*args: str) -> None:
        assert run(["--db", db, *args]) == 0, args

    cli("review", str(data.helicopter), "-s", "confirmed", "-n", "Two culprits", "--reviewer",
        "alice")  # fmt: skip
    cli("review", str(data.helicopter), "-s", "resolved", "--favour", str(data.rt), "-n",
        HELICOPTER_NOTE, "--reviewer", "bob")  # fmt: skip
    cli("review", str(data.strike), "-s", "inconclusive", "-n", STRIKE_NOTE, "--reviewer", "alice")
    cli("sources", "annotate", "Anadolu", "--note", ANADOLU_NOTE, "--reliability", "0.5",
        "--tag", "state-owned", "--affiliation", "Turkish state", "--author", "alice")  # fmt: skip
    cli("sources", "annotate", "SANA", "--note", SANA_NOTE, "--owner", "Government of Syria",
        "--author", "alice")  # fmt: skip
    cli("sources", "annotate", "Syrian Observatory for Human Rights", "--note",
        "UK-based war monitor", "--reliability", "0.7", "--author", "bob")  # fmt: skip
    cli("annotate", str(data.sana), "--note", CLAIM_NOTE, "--tag", "omission", "--author", "bob")
    return data


@pytest.fixture
def data(tmp_path: Path) -> Sample:
    return reviewed(str(tmp_path / "claims.db"))


def export(db: str, tmp_path: Path, *args: str) -> str:
    target = tmp_path / ("out-" + "-".join(a.strip("-") for a in args))
    assert run(["--db", db, "export", *args, "--output", str(target)]) == 0
    return target.read_text(encoding="utf-8")


EXPECTED = [
    # both conflicts (their reasons), both sides of each, the reviewers' notes, source annotations
    "shot down by Ankara-backed rebels",
    "Turkish military observation post",
    "killed at least three Syrian soldiers",
    "missiles were intercepted",
    HELICOPTER_NOTE,
    STRIKE_NOTE,
    ANADOLU_NOTE,
    SANA_NOTE,
    "Turkish state",
    "Government of Syria",
    CLAIM_NOTE,
]


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
def test_report_names_both_conflicts_sides_notes_and_annotations(
    data: Sample, tmp_path: Path, fmt: str
) -> None:
    text = export(data.db, tmp_path, "report", "--format", fmt)
    plain = text.replace("&#39;", "'").replace("\\", "")
    for expected in EXPECTED:
        assert expected in plain, f"{fmt} report lacks {expected!r}"
    for name in ("Anadolu", "Russia Today", "Syrian Observatory for Human Rights", "SANA"):
        assert name in plain


def test_report_json_structure(data: Sample, tmp_path: Path) -> None:
    report = json.loads(export(data.db, tmp_path, "report", "--format", "json"))
    events = report["events"]
    assert [e["title"] for e in events] == [
        "Anadolu vs Russia Today",
        "Syrian Observatory for Human Rights vs SANA",
    ]
    helicopter = events[0]["conflicts"][0]
    assert helicopter["status"] == "resolved" and helicopter["favoured_source"] == "Russia Today"
    assert [a["source"] for a in helicopter["accounts"]] == ["Anadolu", "Russia Today"]
    assert [a["favoured"] for a in helicopter["accounts"]] == [False, True]
    anadolu = helicopter["accounts"][0]
    assert anadolu["source_info"]["reliability"] == 0.5
    assert [r["text"] for r in anadolu["segments"] if r["mark"]] == ["Ankara-backed rebels"]
    assert [(e["reviewer"], e["new_status"]) for e in helicopter["history"]] == [
        ("alice", "confirmed"),
        ("bob", "resolved"),
    ]
    # Russia Today and SOHR agree that Turkey did it: shown with the helicopter event
    agree = events[0]["corroborations"]
    assert [[a["source"] for a in c["accounts"]] for c in agree] == [
        ["Russia Today", "Syrian Observatory for Human Rights"]
    ]
    assert events[1]["corroborations"] == []
    sources = {s["name"]: s for s in report["sources"]}
    assert sources["Russia Today"]["favoured"] == 1
    assert sources["Russia Today"]["corroborations"] == 1
    assert sources["Anadolu"]["confirmed"] == 1 and sources["SANA"]["confirmed"] == 0
    assert sources["Syrian Observatory for Human Rights"]["claims"] >= 3


def test_report_filters(data: Sample, tmp_path: Path) -> None:
    def titles(*args: str) -> list[str]:
        report = json.loads(export(data.db, tmp_path, "report", "--format", "json", *args))
        return [e["title"] for e in report["events"]]

    assert titles("--status", "resolved") == ["Anadolu vs Russia Today"]
    assert titles("--status", "inconclusive", "--status", "resolved") == [
        "Anadolu vs Russia Today",
        "Syrian Observatory for Human Rights vs SANA",
    ]
    assert titles("--source", "Sana") == ["Syrian Observatory for Human Rights vs SANA"]
    assert titles("--since", "2020-02-15") != []
    assert titles("--since", "2020-02-16") == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "done"], "unknown review state 'done'"),
        (["--since", "yesterday"], "not a date"),
        (["--source", "Nobody News"], "no source named"),
    ],
)
def test_report_bad_filters_are_errors(
    data: Sample, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    capsys.readouterr()
    assert run(["--db", data.db, "export", "report", "--format", "md", *args]) != 0
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and message in err


def test_conflicts_json_follows_the_contract(data: Sample, tmp_path: Path) -> None:
    rows = json.loads(export(data.db, tmp_path, "conflicts", "--format", "json"))
    assert [r["id"] for r in rows] == [data.helicopter, data.strike]
    for row in rows:
        assert {"id", "kind", "reason", "status", "claims"} <= set(row)
        assert len(row["claims"]) >= 2
        for claim in row["claims"]:
            assert {"id", "text", "source"} <= set(claim)
    assert [c["source"] for c in rows[0]["claims"]] == ["Anadolu", "Russia Today"]
    assert (rows[0]["kind"], rows[0]["status"]) == ("actor", "resolved")
    lines = export(data.db, tmp_path, "conflicts", "--format", "jsonl").splitlines()
    assert [json.loads(line)["id"] for line in lines] == [data.helicopter, data.strike]
    table = list(csv.DictReader(io.StringIO(export(data.db, tmp_path, "conflicts", "-f", "csv"))))
    assert [r["sources"] for r in table] == [
        "Anadolu | Russia Today",
        "Syrian Observatory for Human Rights | SANA",
    ]


def test_claimreview_jsonld(data: Sample, tmp_path: Path) -> None:
    target = tmp_path / "reviews.jsonld"
    assert run(["--db", data.db, "export", "conflicts", "--format", "claimreview",
                "--base-url", "https://x.org", "--output", str(target)]) == 0  # fmt: skip
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    reviews = document["@graph"]
    # only the resolved conflict (the helicopter), one review per account
    assert len(reviews) == 2
    for review in reviews:
        assert review["@type"] == "ClaimReview"
        for required in ("claimReviewed", "reviewRating", "author", "itemReviewed", "url"):
            assert review[required], required
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating"
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert rating["alternateName"]
        assert review["author"] == {"@type": "Person", "name": "bob"}
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["itemReviewed"]["appearance"]["datePublished"] == "2020-02-15"
        assert HELICOPTER_NOTE in review["reviewBody"]
    by_author = {r["itemReviewed"]["author"]["name"]: r for r in reviews}
    assert by_author["Russia Today"]["reviewRating"]["ratingValue"] == 5
    assert by_author["Anadolu"]["reviewRating"]["ratingValue"] == 1
    assert "Ankara-backed rebels" in by_author["Anadolu"]["claimReviewed"]


def test_w3c_annotations(data: Sample, tmp_path: Path, sample_text: str) -> None:
    collection = json.loads(export(data.db, tmp_path, "annotations", "--format", "w3c"))
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 1
    (item,) = collection["first"]["items"]
    assert item["type"] == "Annotation" and item["motivation"] == "commenting"
    assert item["creator"]["name"] == "bob"
    bodies = {(b["purpose"], b["value"]) for b in item["body"]}
    assert bodies == {("commenting", CLAIM_NOTE), ("tagging", "omission")}
    quote, position = item["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
    assert "missiles were intercepted" in quote["exact"]
    # the selectors agree with each other and with the article text as stored
    stored = json.loads(export(data.db, tmp_path, "claims", "--format", "json"))
    claim = next(c for c in stored if c["id"] == data.sana)
    article = _article_text(data.db)
    assert article[position["start"] : position["end"]] == quote["exact"] == claim["text"]
    assert article[: position["start"]].endswith(quote["prefix"]) and quote["prefix"]
    assert article[position["end"] :].startswith(quote["suffix"]) and quote["suffix"]
    rows = json.loads(export(data.db, tmp_path, "annotations", "--format", "json"))
    assert [(r["claim_id"], r["note"], r["tags"]) for r in rows] == [
        (data.sana, CLAIM_NOTE, ["omission"])
    ]


def _article_text(db: str) -> str:
    from claimtrack.store import articles
    from claimtrack.store.engine import open_store

    store = open_store(db)
    try:
        with store.session() as session:
            text = articles.article_text(session, 1)
    finally:
        store.close()
    assert text is not None
    return text


# ------------------------------------------------------------------ hostile article text


def hostile(db: str, tmp_path: Path) -> dict[str, int]:
    """An article whose sentences carry markup and spreadsheet formulas, in two conflicts."""
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE, encoding="utf-8")
    ingest(db, path, published="2020-02-20")
    formula = claim_id(db, '=HYPERLINK("http://x","y")')
    script = claim_id(db, "document.title='pwned'")
    summed = claim_id(db, "@SUM(1+1)")
    first = add_conflict(db, "actor", "<b>Who</b> =HYPERLINK(\"http://x\",\"y\") did the raid?",
                         [script, summed], ["<script>alert(1)</script>", "@SUM(1+1)"])  # fmt: skip
    second = add_conflict(db, "number", "@SUM(1+1) against twelve", [formula, summed],
                          ['=HYPERLINK("http://x","y")', "@SUM(1+1)"])  # fmt: skip
    note = "<script>document.title='pwned3'</script>"
    assert run(["--db", db, "review", str(first), "-s", "confirmed", "-n", note,
                "--reviewer", "<i>mallory</i>"]) == 0  # fmt: skip
    assert run(["--db", db, "sources", "annotate", "Anadolu", "--note",
                '=HYPERLINK("http://evil","click") <img src=x onerror=alert(1)>']) == 0  # fmt: skip
    assert run(["--db", db, "annotate", str(script), "--note", "-2+3", "--tag", "=1+1"]) == 0
    return {"first": first, "second": second}


def test_hostile_text_is_inert_in_html(tmp_path: Path) -> None:
    db = str(tmp_path / "claims.db")
    hostile(db, tmp_path)
    html = export(db, tmp_path, "report", "--format", "html")
    lowered = html.lower()
    assert "<script" not in lowered
    assert "<img" not in lowered and "<b>who" not in lowered and "<i>mallory" not in lowered
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=" in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    # no network: nothing is fetched from anywhere
    for needle in ("http://", "https://"):
        fetched = [line for line in html.splitlines() if needle in line and "src=" in line]
        assert all("&lt;" in line for line in fetched), fetched


def test_hostile_text_is_inert_in_markdown(tmp_path: Path) -> None:
    db = str(tmp_path / "claims.db")
    hostile(db, tmp_path)
    text = export(db, tmp_path, "report", "--format", "md")
    # every < from the article is backslash-escaped: no tag can open in any Markdown renderer
    assert re.search(r"(?<!\\)<(script|img|b>|i>)", text) is None
    assert r"\<script\>" in text
    assert md("a|b <x> [l](u)") == r"a\|b \<x\> \[l\](u)"


def test_hostile_text_cannot_run_as_a_formula_in_csv(tmp_path: Path) -> None:
    db = str(tmp_path / "claims.db")
    hostile(db, tmp_path)
    outputs = {
        "report": export(db, tmp_path, "report", "--format", "csv"),
        "conflicts": export(db, tmp_path, "conflicts", "--format", "csv"),
        "annotations": export(db, tmp_path, "annotations", "--format", "csv"),
        "claims": export(db, tmp_path, "claims", "--format", "csv"),
        "sources": export(db, tmp_path, "sources", "--format", "csv"),
    }
    seen_formula_text = False
    for name, text in outputs.items():
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                if "HYPERLINK" in cell or "SUM(" in cell:
                    seen_formula_text = True
                if cell.startswith(FORMULA_TRIGGERS):
                    float(cell)  # only a real number may start with - or +
        assert text, name
    assert seen_formula_text  # the hostile text is there, as text
    report = list(csv.DictReader(io.StringIO(outputs["report"])))
    texts = {r["text"] for r in report}
    assert '\'=HYPERLINK("http://x","y") said' in " ".join(texts)
    assert any(t.startswith("'@SUM(1+1)") for t in texts)


def test_segments_mark_values_without_touching_the_text() -> None:
    text = "Sana said <b>missiles</b> were intercepted over Damascus"
    runs = segments(text, ["missiles</b> were intercepted", ""])
    assert "".join(r["text"] for r in runs) == text
    assert [r["text"] for r in runs if r["mark"]] == ["missiles</b> were intercepted"]
    assert segments("", ["x"]) == []


def test_reports_name_the_assignee(data: Sample, tmp_path: Path) -> None:
    report = json.loads(export(data.db, tmp_path, "report", "--format", "json"))
    conflict_id = report["events"][1]["conflicts"][0]["id"]
    assert run(["--db", data.db, "assign", str(conflict_id), "--to", "carol"]) == 0
    text = export(data.db, tmp_path, "report", "--format", "md")
    assert "Assigned to carol." in text
    html = export(data.db, tmp_path, "report", "--format", "html")
    assert "<strong>Assigned to:</strong> carol" in html
    rows = export(data.db, tmp_path, "report", "--format", "csv")
    assert ",carol," in rows


# ------------------------------------------------------------------ dismissed, contents, articles


def set_article(db: str, article_id: int, **fields: object) -> None:
    """Give a stored article a title, outlet, URL or publication date (as an HTML page would)."""
    from claimtrack.store import tables
    from claimtrack.store.engine import open_store

    store = open_store(db)
    try:
        with store.session() as session:
            article = session.get(tables.Article, article_id)
            assert article is not None
            for name, value in fields.items():
                setattr(article, name, value)
            session.add(article)
    finally:
        store.close()


def test_dismissed_conflicts_are_left_out_unless_asked_for(data: Sample, tmp_path: Path) -> None:
    assert run(["--db", data.db, "review", str(data.strike), "-s", "dismissed", "-n", "noise",
                "--reviewer", "carol"]) == 0  # fmt: skip

    def conflict_ids(*args: str) -> tuple[list[int], dict[str, object]]:
        report = json.loads(export(data.db, tmp_path, "report", "--format", "json", *args))
        ids = [c["id"] for e in report["events"] for c in e["conflicts"]]
        return ids, report["totals"]

    ids, totals = conflict_ids()
    assert ids == [data.helicopter]
    assert totals["dismissed_hidden"] == 1 and totals["by_status"] == {"resolved": 1}
    ids, totals = conflict_ids("--include-dismissed")
    assert ids == [data.helicopter, data.strike] and totals["dismissed_hidden"] == 0
    assert totals["by_status"] == {"dismissed": 1, "resolved": 1}
    assert conflict_ids("--status", "dismissed")[0] == [data.strike]
    assert conflict_ids("--status", "resolved")[0] == [data.helicopter]
    # every format leaves it out and says so
    for fmt in ("md", "html"):
        text = export(data.db, tmp_path, "report", "--format", fmt)
        assert "missiles were intercepted" not in text, fmt
        assert "1 dismissed conflict" in text and "--include-dismissed" in text, fmt
        shown = export(data.db, tmp_path, "report", "--format", fmt, "--include-dismissed")
        assert "missiles were intercepted" in shown and "left out" not in shown, fmt
    rows = list(csv.DictReader(io.StringIO(export(data.db, tmp_path, "report", "-f", "csv"))))
    assert {r["conflict_id"] for r in rows} == {str(data.helicopter)}


def test_contents_list_every_section_with_its_counts(data: Sample, tmp_path: Path) -> None:
    report = json.loads(export(data.db, tmp_path, "report", "--format", "json"))
    assert [(e["id"], e["counts"]) for e in report["events"]] == [
        (1, {"resolved": 1}),
        (2, {"inconclusive": 1}),
    ]
    text = export(data.db, tmp_path, "report", "--format", "md")
    contents = text.split("## Contents\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert contents == [
        "1. [Anadolu vs Russia Today](#event-1): 1 conflict (1 resolved), 1 corroboration",
        "2. [Syrian Observatory for Human Rights vs SANA](#event-2): "
        "1 conflict (1 inconclusive), 0 corroborations",
    ]
    assert text.index("## Contents") < text.index("## Event 1")
    for number in (1, 2):
        assert f'<a id="event-{number}"></a>\n\n## Event {number}: ' in text
    assert (
        "## Event 2: Syrian Observatory for Human Rights vs SANA\n\n1 conflict (1 inconclusive)"
        in (text)
    )
    html = export(data.db, tmp_path, "report", "--format", "html")
    nav = html.split('<nav class="toc"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<a href="#(event-\d+)">([^<]*)</a>', nav)
    assert links == [
        ("event-1", "Anadolu vs Russia Today"),
        ("event-2", "Syrian Observatory for Human Rights vs SANA"),
    ]
    for anchor, _title in links:
        assert html.count(f'id="{anchor}"') == 1  # every link has its one target
    assert "1 conflict (1 inconclusive)" in " ".join(nav.split())
    assert html.index('<nav class="toc"') < html.index('id="event-1"')


def test_contents_are_headed_by_incident(data: Sample, tmp_path: Path) -> None:
    """A section whose conflicts have an incident is titled by its place, day and kind."""
    from claimtrack.store import tables
    from claimtrack.store.engine import open_store

    store = open_store(data.db)
    try:
        with store.session() as session:
            incident = tables.Incident(place="Idlib", kind="shoot_down", created_at=T0,
                                       label="Idlib, 14 Feb 2020, shoot-down")  # fmt: skip
            session.add(incident)
            session.flush()
            conflict = session.get(tables.Conflict, data.helicopter)
            assert conflict is not None
            conflict.incident_id = incident.id
            session.add(conflict)
    finally:
        store.close()
    text = export(data.db, tmp_path, "report", "--format", "md")
    assert "1. [Idlib, 14 Feb 2020, shoot-down](#event-1): 1 conflict (1 resolved)" in text
    html = export(data.db, tmp_path, "report", "--format", "html")
    assert '<a href="#event-1">Idlib, 14 Feb 2020, shoot-down</a>' in html


URL = "https://news.example/2020/02/15/idlib?a=1&b=(2)"


def test_accounts_name_and_link_their_article(data: Sample, tmp_path: Path) -> None:
    set_article(data.db, 1, title="Turkish officials head for Russia", outlet="The National",
                url=URL)  # fmt: skip
    html = export(data.db, tmp_path, "report", "--format", "html")
    link = (
        '<a href="https://news.example/2020/02/15/idlib?a=1&amp;b=(2)" '
        'rel="noopener noreferrer">Turkish officials head for Russia</a> · The National</span>'
    )
    # the four accounts of the two conflicts and the two of the corroboration
    assert html.count(link) == 6
    assert html.count(link + f"\n          (article 1, claim {data.rt}) · 2020-02-15") == 1
    assert html.count(link + f" · 2020-02-15; claim {data.rt})") == 1  # agreeing with SOHR
    text = export(data.db, tmp_path, "report", "--format", "md")
    title = (
        "[Turkish officials head for Russia](https://news.example/2020/02/15/idlib?a=1&b=%282%29)"
    )
    assert text.count(f"{title} · The National (article 1, claim") == 4
    assert text.count(f"{title} · The National · 2020-02-15; claim") == 2
    report = json.loads(export(data.db, tmp_path, "report", "--format", "json"))
    accounts = [a for e in report["events"] for c in e["conflicts"] for a in c["accounts"]]
    assert len(accounts) == 4
    for account in accounts:
        assert account["article_title"] == "Turkish officials head for Russia"
        assert account["article_url"] == URL and account["outlet"] == "The National"
    rows = list(csv.DictReader(io.StringIO(export(data.db, tmp_path, "report", "-f", "csv"))))
    assert {(r["article_title"], r["article_url"]) for r in rows} == {
        ("Turkish officials head for Russia", URL)
    }


def test_article_without_title_url_or_date(data: Sample, tmp_path: Path) -> None:
    set_article(data.db, 1, published=None)
    html = export(data.db, tmp_path, "report", "--format", "html")
    assert '<a href="http' not in html and 'rel="noopener' not in html
    assert f"(article 1, claim {data.anadolu}) · date unknown" in html
    assert f"(date unknown; claim {data.rt})" in html
    text = export(data.db, tmp_path, "report", "--format", "md")
    assert f"| **Article** | (article 1, claim {data.anadolu}) |" in text
    assert "| **Date** | date unknown | date unknown |" in text
    assert f"(date unknown; claim {data.rt})" in text
    report = json.loads(export(data.db, tmp_path, "report", "--format", "json"))
    account = report["events"][0]["conflicts"][0]["accounts"][0]
    assert account["article_title"] is None and account["article_url"] is None
    assert account["published"] is None


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(document.title='pwned')",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "https://",
        "http://exa mple.org/x",
        "//evil.example/x",
    ],
)
def test_only_web_addresses_become_links(data: Sample, tmp_path: Path, url: str) -> None:
    set_article(data.db, 1, title="<b>Title</b>", url=url)
    html = export(data.db, tmp_path, "report", "--format", "html")
    assert '<a href="#event-1">' in html  # the contents still link
    assert re.findall(r'<a href="(?!#)', html) == []
    assert "&lt;b&gt;Title&lt;/b&gt;" in html and "<b>" not in html
    text = export(data.db, tmp_path, "report", "--format", "md")
    assert "](" + url not in text and r"\<b\>Title\</b\>" in text
    report = json.loads(export(data.db, tmp_path, "report", "--format", "json"))
    assert report["events"][0]["conflicts"][0]["accounts"][0]["article_url"] == url


def test_hostile_url_stays_inside_its_attribute(data: Sample, tmp_path: Path) -> None:
    hostile_url = "https://x.example/\"><script>alert(1)</script><a/href='"
    set_article(data.db, 1, url=hostile_url)
    html = export(data.db, tmp_path, "report", "--format", "html")
    assert "<script" not in html.lower()
    assert (
        '<a href="https://x.example/&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;a/href=&#39;"'
        ' rel="noopener noreferrer">article 1</a>'
    ) in html
    text = export(data.db, tmp_path, "report", "--format", "md")
    assert "(https://x.example/%22%3E%3Cscript%3Ealert%281%29%3C/script%3E%3Ca/href=')" in text


# ------------------------------------------------------------------ toll timelines


def test_incident_sections_show_their_toll_timeline(tmp_path: Path) -> None:
    """The sample matched as `make demo` does: its two incidents with conflicts have tolls."""
    from reviewdata import SAMPLE

    from claimtrack.store.engine import open_store
    from claimtrack.store.incidents import toll_timeline

    db = str(tmp_path / "claims.db")
    assert run(["--db", db, "ingest", str(SAMPLE), "--published", "2020-02-15", "--outlet",
                "The National", "--quiet"]) == 0  # fmt: skip
    report = json.loads(export(db, tmp_path, "report", "--format", "json"))
    events = [e for e in report["events"] if e["incident"]]
    assert len(events) == 2
    store = open_store(db)
    try:
        with store.session() as session:
            for event in events:
                assert event["tolls"] == toll_timeline(session, event["incident"]) != []
    finally:
        store.close()
    html = export(db, tmp_path, "report", "--format", "html")
    assert html.count("<svg") == 2 and "<script" not in html.lower()
    for event in events:
        section = html.split(f'id="event-{event["id"]}"', 1)[1].split("<section", 1)[0]
        assert "<svg" in section
        for toll in event["tolls"]:
            assert f"{toll['value']} {toll['count']} · {toll['source']} (The National)" in section
    text = export(db, tmp_path, "report", "--format", "md")
    assert text.count("Toll timeline (who gave which figure, and when):") == 2
    assert "- 2020-02-15 · Syrian Observatory for Human Rights (The National): 7 dead" in text


def test_toll_timeline_svg_is_drawn_to_scale_and_escaped(
    data: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimtrack.export import html as html_export
    from claimtrack.export import report as report_module

    _give_incident(data)
    entries = [
        {"date": None, "source": "<script>alert(1)</script>", "count": "dead", "toll": "<b>2</b>",
         "value": 2, "claim": data.anadolu, "article_id": 1, "outlet": "<i>x</i>"},
        {"date": "2020-02-14", "source": "SANA", "count": "injured", "toll": "ten",
         "value": 10, "claim": data.sana, "article_id": 1, "outlet": None},
        {"date": "2020-02-16", "source": None, "count": "dead", "toll": "forty", "value": 40,
         "claim": data.sohr_strike, "article_id": 1, "outlet": None},
    ]  # fmt: skip
    monkeypatch.setattr(report_module, "toll_timeline", lambda _session, _incident: entries)
    html = export(data.db, tmp_path, "report", "--format", "html")
    assert html.count("<svg") == 1 and "<script" not in html.lower() and "<b>" not in html
    svg = html.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert re.findall(r'<rect x="96" y="\d+" width="(\d+)"', svg) == ["10", "50", "200"]
    assert "date unknown" in svg and "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    assert "40 dead · the reporter" in svg and "10 injured · SANA" in svg
    # no more than CHART_ROWS bars; the rest are counted
    many = [dict(entries[1], value=i + 1) for i in range(html_export.CHART_ROWS + 3)]
    monkeypatch.setattr(report_module, "toll_timeline", lambda _session, _incident: many)
    html = export(data.db, tmp_path, "report", "--format", "html", "--force")
    assert html.count("<rect") == html_export.CHART_ROWS and "and 3 more accounts" in html
    assert html_export.toll_chart([]) is None


def _give_incident(data: Sample) -> None:
    from claimtrack.store import tables
    from claimtrack.store.engine import open_store

    store = open_store(data.db)
    try:
        with store.session() as session:
            incident = tables.Incident(place="Damascus", kind="air_strike", created_at=T0,
                                       label="Damascus, 14 Feb 2020, air strike")  # fmt: skip
            session.add(incident)
            session.flush()
            conflict = session.get(tables.Conflict, data.strike)
            assert conflict is not None
            conflict.incident_id = incident.id
            session.add(conflict)
    finally:
        store.close()
