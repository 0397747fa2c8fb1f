"""HTML pages: outlet, canonical URL, author and date from the page's markup; the caller's win."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from claimtrack.load import load_bytes, load_path
from claimtrack.pipeline import analyze

PAGES = Path(__file__).resolve().parent / "data" / "pages"
CANONICAL = (
    "https://www.thenationalnews.com/world/mena/"
    "turkish-officials-headed-for-russia-to-resolve-idlib-crisis-1.979542"
)


def test_saved_news_page_metadata_comes_from_its_markup() -> None:
    doc = load_path(PAGES / "national.html")
    assert doc.title == "Turkish officials headed for Russia to resolve Idlib crisis"
    assert doc.outlet == "The National"  # og:site_name
    assert doc.url == CANONICAL  # <link rel=canonical>, not og:url with its tracking query
    assert doc.author == "Reuters, Agence France-Presse"  # JSON-LD author list
    assert doc.published == date(2020, 2, 15)  # JSON-LD datePublished
    assert doc.published_from == "page"
    # the header's viewing date, the menu, "Most Popular" and the footer are not article text
    assert "30 May 2020" not in doc.text
    assert "Most Popular" not in doc.text and "Home" not in doc.text
    assert "Anadolu news agency said the helicopter was shot down" in doc.text


def test_values_given_by_the_caller_win_over_the_page() -> None:
    doc = load_path(
        PAGES / "national.html",
        outlet="Gulf News",
        published=date(2020, 2, 16),
        url="https://example.org/a",
        author="Jane Doe",
        title="Idlib talks",
    )
    assert (doc.outlet, doc.url, doc.author, doc.title) == (
        "Gulf News",
        "https://example.org/a",
        "Jane Doe",
        "Idlib talks",
    )
    assert doc.published == date(2020, 2, 16)
    assert doc.published_from == "option"


def page(head: str, body: str = "") -> bytes:
    body = body or (
        "<article><p>The Syrian Observatory for Human Rights, a UK-based war monitor, blamed "
        "the attack on Turkey. It said both pilots were killed.</p></article>"
    )
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    ("head", "field", "expected"),
    [
        ('<meta name="author" content="Sunniva Rose">', "author", "Sunniva Rose"),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            '{"@type": "Person", "name": "Sunniva Rose"}}</script>',
            "author",
            "Sunniva Rose",
        ),
        ('<meta property="article:author" content="https://facebook.com/x">', "author", None),
        (
            '<script type="application/ld+json">[{"@type": "NewsArticle", "publisher": '
            '{"@type": "Organization", "name": "Reuters"}}]</script>',
            "outlet",
            "Reuters",
        ),
        ('<meta property="og:site_name" content="Al Jazeera">', "outlet", "Al Jazeera"),
        ('<meta property="og:url" content="https://aje.io/abc">', "url", "https://aje.io/abc"),
        ('<link rel="canonical" href="/relative/path">', "url", None),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2018-04-07T21:00:00Z"}</script>',
            "published",
            date(2018, 4, 7),
        ),
        ('<meta property="article:published_time" content="2099-01-01">', "published", None),
        ('<script type="application/ld+json">{broken json</script>', "outlet", None),
    ],
)
def test_each_metadata_source(head: str, field: str, expected: Any) -> None:
    doc = load_bytes(page(head), "p.html")
    assert getattr(doc, field) == expected
    assert doc.text.startswith("The Syrian Observatory for Human Rights")


def test_a_saved_page_without_metadata_is_dated_by_its_update_line_not_the_viewing_date() -> None:
    raw = (PAGES / "saved_without_metadata.html").read_bytes()
    doc = load_bytes(raw, "saved.html")
    assert doc.outlet is None and doc.url is None and doc.author is None
    assert doc.published == date(2020, 2, 15)  # "Updated: February 15, 2020 11:28 PM"
    assert doc.published_from == "dateline"
    # trafilatura's free-text date search would say 2020-05-30, the day the page was viewed
    undated = load_bytes(raw.replace(b"<p>Updated: February 15, 2020 11:28 PM</p>", b""), "s.html")
    assert undated.published is None and undated.published_from is None
    # the viewing-date line stays in the text but is not a claim
    claims = [c.text for c in analyze(doc).claims]
    assert doc.text.startswith("Abu Dhabi, UAESaturday 30 May 2020")
    assert claims[0] == "Turkish officials headed for Russia to resolve Idlib crisis"
    assert not any("Updated" in text or "30 May" in text for text in claims)


def test_short_page_goes_through_justext_and_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    # trafilatura hands a page under its minimum size to jusText, whose import of
    # lxml.html.clean needs the lxml_html_clean package (a declared dependency): on an
    # install without it this load raised ImportError
    import trafilatura.external

    calls: list[int] = []
    rescue = trafilatura.external.justext_rescue

    def spy(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return rescue(*args, **kwargs)

    monkeypatch.setattr(trafilatura.external, "justext_rescue", spy)
    doc = load_path(PAGES / "short_brief.html")
    assert calls, "the short page did not reach jusText"
    assert doc.text == (
        "A second Syrian government helicopter was shot down over Idlib on Friday.\n\n"
        "It said both pilots were killed."
    )
    assert doc.title == "Helicopter downed"
    assert doc.published is None


def test_lxml_html_clean_is_installed() -> None:
    import lxml.html.clean  # noqa: F401  (raises ImportError without lxml_html_clean)
