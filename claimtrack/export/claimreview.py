"""Resolved conflicts as schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview).

One ClaimReview per account of each conflict reviewed as ``resolved``: ``claimReviewed`` is the
claim sentence alone (datelines and page clutter such as ``30.04.2017) Get short URL 3214`` cut
off), ``itemReviewed`` the Claim (its ``author`` the source, as a Person for named officials and
an Organization otherwise, or the outlet for the reporter's own voice; its ``appearance`` the
article with its URL, headline, publisher and date as far as they are known), ``reviewRating``
says whether the review favoured that account, ``author`` is the reviewer and ``reviewBody`` the
reason and the review note. Rating scale: 1 (contradicted by the account judged right) to 5 (the
account judged right); 3 when the conflict was resolved by a note without naming one. A date
that is not known is left out, never guessed.

The reviews are published under ``base_url``: each conflict's page is ``BASE/conflicts/ID``
(the ``url`` of its ClaimReviews).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from claimtrack.clutter import strip_leading
from claimtrack.errors import UsageError

PERSON_KINDS = {"official"}

RATINGS = {
    "favoured": (5, "Judged right by review"),
    "contradicted": (1, "Contradicted by the account judged right"),
    "unsettled": (3, "Resolved by review; see the review note"),
}


def claim_sentence(text: str) -> str:
    """The claim sentence alone: leading dates, "Get short URL 3214" and wire datelines cut.

    >>> claim_sentence("30.04.2017) Get short URL 3214 An airstrike killed 12 people.")
    'An airstrike killed 12 people.'
    >>> claim_sentence("BEIRUT (Reuters) - Air strikes killed 20 people, a monitor said.")
    'Air strikes killed 20 people, a monitor said.'
    """
    rest = strip_leading(" ".join(text.split()))
    return rest if len(rest) >= 12 else " ".join(text.split())


def check_base_url(base_url: str | None) -> str:
    """The address the reviews are published under: an http(s) URL, without a trailing /."""
    if base_url is None or not base_url.strip():
        raise UsageError(
            "--format claimreview needs --base-url URL: the site the reviews are published on "
            "(each conflict's page is URL/conflicts/ID)"
        )
    parts = urlsplit(base_url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise UsageError(
            f"--base-url {base_url!r} is not an http(s) address such as https://example.org/claims"
        )
    return base_url.strip().rstrip("/")


def claim_reviews(
    conflicts: list[dict[str, Any]],
    *,
    sources: dict[str, dict[str, Any]] | None = None,
    base_url: str,
) -> dict[str, Any]:
    """ClaimReview JSON-LD (an ``@graph``) for the conflicts whose status is ``resolved``.

    ``conflicts`` are the report's conflict views (``build_report(...)["events"][i]["conflicts"]``).
    """
    base = check_base_url(base_url)
    known = sources or {}
    graph: list[dict[str, Any]] = []
    for conflict in conflicts:
        if conflict["status"] != "resolved":
            continue
        favoured = conflict["favoured_claim_id"]
        resolved = [e for e in conflict["history"] if e["new_status"] == "resolved"]
        last = resolved[-1] if resolved else None
        reviewer = (last or {}).get("reviewer") or conflict.get("reviewed_by") or "unknown"
        reviewed_at = (last or {}).get("at") or conflict.get("reviewed_at")
        for account in conflict["accounts"]:
            if favoured is None:
                verdict = "unsettled"
            elif account["claim_id"] == favoured:
                verdict = "favoured"
            else:
                verdict = "contradicted"
            value, label = RATINGS[verdict]
            source = account["source"]
            facts = known.get(source or "") or account.get("source_info") or {}
            item: dict[str, Any] = {"@type": "Claim", "@id": f"{base}/claims/{account['claim_id']}"}
            author = _author(source, facts.get("kind"), account.get("outlet"))
            if author is not None:
                item["author"] = author
            appearance = _appearance(account)
            if appearance is not None:
                item["appearance"] = appearance
            if account.get("published"):
                item["datePublished"] = account["published"]
            page = f"{base}/conflicts/{conflict['id']}"
            review: dict[str, Any] = {
                "@type": "ClaimReview",
                "@id": f"{page}#claim-{account['claim_id']}",
                "url": page,
                "claimReviewed": claim_sentence(account["text"]),
                "itemReviewed": item,
                "author": {"@type": "Person", "name": reviewer},
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": value,
                    "bestRating": 5,
                    "worstRating": 1,
                    "alternateName": label,
                },
            }
            if reviewed_at:
                review["datePublished"] = str(reviewed_at)[:10]
            body = [conflict["reason"]]
            if conflict.get("note"):
                body.append(f"Review note: {conflict['note']}")
            review["reviewBody"] = " ".join(body)
            graph.append(review)
    return {"@context": "https://schema.org", "@graph": graph}


def _author(source: str | None, kind: str | None, outlet: str | None) -> dict[str, Any] | None:
    """Who made the claim: the source (a Person for named officials), else the outlet in whose
    own voice it is told; nobody known -> None."""
    if source:
        return {"@type": "Person" if kind in PERSON_KINDS else "Organization", "name": source}
    if outlet:
        return {"@type": "Organization", "name": outlet}
    return None


def _appearance(account: dict[str, Any]) -> dict[str, Any] | None:
    """Where the claim appeared: the article (URL, headline, publisher, date when known)."""
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    if account.get("url"):
        appearance["url"] = account["url"]
    if account.get("article_title"):
        appearance["headline"] = account["article_title"]
    if account.get("outlet"):
        appearance["publisher"] = {"@type": "Organization", "name": account["outlet"]}
    if account.get("published"):
        appearance["datePublished"] = account["published"]
    return appearance if len(appearance) > 1 else None
