"""``export conflicts --format claimreview``: ClaimReview one can publish. It needs --base-url
(each conflict's page is BASE/conflicts/ID), reviews the claim sentence alone, names who made
the claim and where it appeared, and honours --status, --kind and --source like the other
conflict export formats (it can only describe resolved conflicts)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from reviewdata import Sample, add_conflict, claim_id, sample

from claimtrack.cli import run
from claimtrack.export.claimreview import claim_sentence

BASE = "https://factcheck.example.org/claimtrack"


@pytest.fixture
def both_resolved(tmp_path: Path) -> Sample:
    """The Idlib sample with both conflicts resolved: the helicopter (actor) in favour of
    Russia Today, the Damascus strike (omission) in favour of the Observatory."""
    data = sample(str(tmp_path / "claims.db"))
    for conflict, favour in ((data.helicopter, data.rt), (data.strike, data.sohr_strike)):
        args = ["review", str(conflict), "-s", "resolved", "--favour", str(favour)]
        assert run(["--db", data.db, *args, "--reviewer", "bob"]) == 0
    return data


def _export(db: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = run(["--db", db, "export", "conflicts", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _reviewed(db: str, capsys: pytest.CaptureFixture[str], *filters: str) -> dict[int, set[str]]:
    """Conflict id -> the sentences its ClaimReviews review."""
    code, out, err = _export(db, capsys, "--format", "claimreview", "--base-url", BASE, *filters)
    assert code == 0, err
    found: dict[int, set[str]] = {}
    for review in json.loads(out)["@graph"]:
        assert review["url"].startswith(f"{BASE}/conflicts/")
        conflict = int(review["url"].rsplit("/", 1)[1])
        found.setdefault(conflict, set()).add(review["claimReviewed"])
    return found


def _listed(db: str, capsys: pytest.CaptureFixture[str], *filters: str) -> set[int]:
    code, out, err = _export(db, capsys, "--format", "json", *filters)
    assert code == 0, err
    return {row["id"] for row in json.loads(out)}


def test_claimreview_honours_kind_status_and_source(
    both_resolved: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    data = both_resolved
    everything = _reviewed(data.db, capsys)
    assert set(everything) == {data.helicopter, data.strike}
    actor = _reviewed(data.db, capsys, "--kind", "actor")
    assert set(actor) == {data.helicopter}
    assert any("shot down by Ankara-backed rebels" in text for text in actor[data.helicopter])
    omission = _reviewed(data.db, capsys, "--kind", "Omission", "--status", "resolved")
    assert set(omission) == {data.strike}
    assert any("missiles were intercepted" in text for text in omission[data.strike])
    assert _reviewed(data.db, capsys, "--kind", "denial") == {}
    assert _reviewed(data.db, capsys, "--kind", "actor", "--source", "SANA") == {}
    # the same conflicts as the JSON export selects with the same filters
    for filters in (["--kind", "actor"], ["--kind", "omission"], ["--source", "Anadolu"]):
        assert set(_reviewed(data.db, capsys, *filters)) == _listed(
            data.db, capsys, "--status", "resolved", *filters
        )


def test_claimreview_of_unresolved_states_or_unknown_kinds_is_a_usage_error(
    both_resolved: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    db = both_resolved.db
    code, out, err = _export(
        db, capsys, "--format", "claimreview", "--status", "confirmed", "--base-url", BASE
    )
    assert code == 2 and out == ""
    assert err == (
        "Error: --format claimreview describes resolved conflicts only; --status confirmed "
        "selects none of them (use --status resolved or none)\n"
    )
    for fmt in ("claimreview", "json", "csv"):
        base = ["--base-url", BASE] if fmt == "claimreview" else []
        code, out, err = _export(db, capsys, "--format", fmt, "--kind", "culprit", *base)
        assert code == 2 and out == "", fmt
        assert err.startswith("Error: unknown conflict kind 'culprit' (choose one of: actor")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "--format claimreview needs --base-url URL"),
        (["--base-url", ""], "--format claimreview needs --base-url URL"),
        (["--base-url", "factcheck.example.org"], "is not an http(s) address"),
        (["--base-url", "ftp://example.org/x"], "is not an http(s) address"),
        (["--base-url", "https://example.org/?page=1"], "is not an http(s) address"),
    ],
)
def test_claimreview_needs_a_base_url(
    both_resolved: Sample,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    target = tmp_path / "reviews.json"
    code, out, err = _export(
        both_resolved.db, capsys, "--format", "claimreview", "--output", str(target), *args
    )
    assert code == 2 and out == "" and not target.exists()
    assert err.startswith("Error: ") and message in err and err.count("\n") == 1


def test_base_url_belongs_to_claimreview(
    both_resolved: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _export(both_resolved.db, capsys, "--format", "json", "--base-url", BASE)
    assert code == 2 and out == ""
    assert err == "Error: --base-url goes with --format claimreview\n"


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        (
            "30.04.2017) Get short URL 3214 An airstrike killed 12 people in Idlib.",
            "An airstrike killed 12 people in Idlib.",
        ),
        (
            "05.10.2017(updated 1935 05.10.2017) Get short URL 101 A mortar attack on Al Qousour "
            "district killed two people.",
            "A mortar attack on Al Qousour district killed two people.",
        ),
        (
            "07.07.2015Get short URL Topic Violence Erupts as Islamic State Rises (1881) 0 25 A "
            "suicide blast killed 25 soldiers.",
            "A suicide blast killed 25 soldiers.",
        ),
        (
            "BEIRUT (Reuters) - Air strikes killed 20 people, a monitor said.",
            "Air strikes killed 20 people, a monitor said.",
        ),
        (
            "DAMASCUS, Syria (AP) \u2014 Syrian state media said missiles were intercepted.",
            "Syrian state media said missiles were intercepted.",
        ),
        # nothing to cut: kept as written (white space made single)
        ("The UN said 30 people  were killed.", "The UN said 30 people were killed."),
        ("UN officials said 30 were killed.", "UN officials said 30 were killed."),
        (
            "In 2017 - the year of the attack - 30 died.",
            "In 2017 - the year of the attack - 30 died.",
        ),
    ],
)
def test_claim_sentence_alone(text: str, sentence: str) -> None:
    assert claim_sentence(text) == sentence


CLUTTERED = (
    "Airstrike Kills 12 in Idlib\n\n"
    "30.04.2017) Get short URL 3214 An airstrike killed 12 civilians in the town of Kafr "
    "Nabl, the Syrian Observatory for Human Rights said.\n\n"
    "Syrian state news agency Sana said 40 terrorists were killed in the raid on Kafr Nabl.\n"
)


def _check_claim_review(review: dict[str, Any]) -> list[str]:
    """What consumers of ClaimReview (fact-check search and aggregators) require of an item:
    the problems found, none for a publishable one."""
    problems = []
    if review.get("@type") != "ClaimReview":
        problems.append("@type")
    url = review.get("url")
    if not (isinstance(url, str) and url.startswith(("https://", "http://"))):
        problems.append("url")
    claim = review.get("claimReviewed")
    if not (isinstance(claim, str) and claim.strip()):
        problems.append("claimReviewed")
    rating = review.get("reviewRating") or {}
    for key in ("ratingValue", "bestRating", "worstRating", "alternateName"):
        if rating.get(key) in (None, ""):
            problems.append(f"reviewRating.{key}")
    if (
        not rating.get("worstRating", 0)
        <= rating.get("ratingValue", -1)
        <= rating.get("bestRating", -2)
    ):
        problems.append("reviewRating range")
    author = review.get("author") or {}
    if author.get("@type") not in ("Person", "Organization") or not author.get("name"):
        problems.append("author")
    item = review.get("itemReviewed") or {}
    if item.get("@type") != "Claim":
        problems.append("itemReviewed.@type")
    claim_author = item.get("author") or {}
    if claim_author.get("@type") not in ("Person", "Organization") or not claim_author.get("name"):
        problems.append("itemReviewed.author")
    for where, holder in (("", review), ("itemReviewed.", item)):
        if "datePublished" in holder:
            try:
                date.fromisoformat(holder["datePublished"])
            except (TypeError, ValueError):
                problems.append(f"{where}datePublished")
    appearance = item.get("appearance")
    if appearance is not None:
        if "datePublished" in appearance and not appearance["datePublished"]:
            problems.append("appearance.datePublished")
        if "url" in appearance and not str(appearance["url"]).startswith("http"):
            problems.append("appearance.url")
    return problems


@pytest.fixture
def publishable(both_resolved: Sample, tmp_path: Path) -> dict[str, Any]:
    """The resolved sample, plus an article with a URL, a title, no date and page clutter, its
    two accounts resolved in favour of the Observatory, and Lavrov (a person) against Anadolu."""
    data = both_resolved
    page = tmp_path / "kafr-nabl.txt"
    page.write_text(CLUTTERED, encoding="utf-8")
    assert run(["--db", data.db, "ingest", str(page), "--url", "https://news.example.com/kafr-nabl",
                "--title", "Airstrike Kills 12 in Idlib", "--outlet", "Sputnik", "--no-match",
                "--quiet"]) == 0  # fmt: skip
    sohr = claim_id(data.db, "An airstrike killed 12 civilians")
    sana = claim_id(data.db, "40 terrorists were killed")
    kafr = add_conflict(data.db, "number", "SOHR says 12 civilians; Sana 40 terrorists.",
                        [sohr, sana], ["12", "40"])  # fmt: skip
    lavrov = claim_id(data.db, "difficult to distinguish")
    person = add_conflict(data.db, "actor", "Lavrov vs Anadolu.", [lavrov, data.anadolu],
                          ["terrorists", "rebels"])  # fmt: skip
    for conflict, favour in ((kafr, sohr), (person, lavrov)):
        args = ["review", str(conflict), "-s", "resolved", "--favour", str(favour)]
        assert run(["--db", data.db, *args, "--reviewer", "bob"]) == 0
    return {"data": data, "kafr": kafr, "sohr": sohr, "sana": sana, "lavrov": lavrov,
            "person": person}  # fmt: skip


def test_every_claimreview_is_publishable(
    publishable: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    data: Sample = publishable["data"]
    code, out, err = _export(data.db, capsys, "--format", "claimreview", "--base-url", BASE + "/")
    assert code == 0, err
    graph = json.loads(out)["@graph"]
    assert len(graph) == 8  # four resolved conflicts, two accounts each
    for review in graph:
        assert _check_claim_review(review) == [], review
    by_claim = {int(r["@id"].rsplit("-", 1)[1]): r for r in graph}
    kafr = by_claim[publishable["sohr"]]
    # the review's page on the site; the sentence alone; who said it and where it appeared
    assert kafr["url"] == f"{BASE}/conflicts/{publishable['kafr']}"
    assert kafr["claimReviewed"] == (
        "An airstrike killed 12 civilians in the town of Kafr Nabl, the Syrian Observatory for "
        "Human Rights said."
    )
    item = kafr["itemReviewed"]
    assert item["author"] == {
        "@type": "Organization",
        "name": "Syrian Observatory for Human Rights",
    }
    assert item["appearance"] == {
        "@type": "NewsArticle",
        "url": "https://news.example.com/kafr-nabl",
        "headline": "Airstrike Kills 12 in Idlib",
        "publisher": {"@type": "Organization", "name": "Sputnik"},
    }  # no date known: none given, nowhere
    assert "datePublished" not in item
    assert kafr["reviewRating"]["ratingValue"] == 5
    assert by_claim[publishable["sana"]]["reviewRating"]["ratingValue"] == 1
    # a named official is a Person; a dated article gives its date to the claim and appearance
    lavrov = by_claim[publishable["lavrov"]]["itemReviewed"]
    assert lavrov["author"] == {"@type": "Person", "name": "Sergey Lavrov"}
    assert lavrov["datePublished"] == "2020-02-15"
    assert lavrov["appearance"]["datePublished"] == "2020-02-15"
    assert "url" not in lavrov["appearance"]  # the sample was ingested without one
    helicopter = by_claim[data.rt]
    assert helicopter["url"] == f"{BASE}/conflicts/{data.helicopter}"
    assert helicopter["author"] == {"@type": "Person", "name": "bob"}
    reviewed = date.fromisoformat(helicopter["datePublished"])  # the day of the review
    assert 0 <= (date.today() - reviewed).days <= 1


def test_claim_reviewed_drops_a_dateline_glued_to_the_sentence() -> None:
    from claimtrack.export.claimreview import claim_sentence

    # Daily Sabah pages open the first sentence with their publication line
    assert claim_sentence(
        "Published July 19 2016 Airstrikes on Daesh-held villages in northern Syria killed at "
        "least 85 civilians on Tuesday."
    ) == ("Airstrikes on Daesh-held villages in northern Syria killed at least 85 civilians on "
          "Tuesday.")  # fmt: skip
