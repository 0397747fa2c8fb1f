"""Resolved conflicts as schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview).

One ClaimReview per account of each conflict reviewed as ``resolved``: ``claimReviewed`` is the
sentence, ``itemReviewed`` the Claim (its author is the source, its appearance the article),
``reviewRating`` says whether the review favoured that account, ``author`` is the reviewer and
``reviewBody`` the review note. Rating scale: 1 (contradicted by the account judged right) to 5
(the account judged right); 3 when the conflict was resolved by a note without naming one.

Identifiers are ``urn:claimtrack:...`` URNs (claimtrack has no web address of its own); give
``base_url`` to publish them under a site instead.
"""

from __future__ import annotations

from typing import Any

PERSON_KINDS = {"official"}

RATINGS = {
    "favoured": (5, "Judged right by review"),
    "contradicted": (1, "Contradicted by the account judged right"),
    "unsettled": (3, "Resolved by review; see the review note"),
}


def _ref(base_url: str | None, path: str) -> str:
    if base_url:
        return f"{base_url.rstrip('/')}/{path}"
    return "urn:claimtrack:" + path.replace("/", ":")


def claim_reviews(
    conflicts: list[dict[str, Any]],
    *,
    sources: dict[str, dict[str, Any]] | None = None,
    base_url: str | None = None,
) -> dict[str, Any]:
    """ClaimReview JSON-LD (an ``@graph``) for the conflicts whose status is ``resolved``.

    ``conflicts`` are the report's conflict views (``build_report(...)["events"][i]["conflicts"]``).
    """
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
            kind = (known.get(source or "") or account.get("source_info") or {}).get("kind")
            appearance: dict[str, Any] = {
                "@type": "NewsArticle",
                "@id": _ref(base_url, f"article/{account['article_id']}"),
            }
            if account.get("url"):
                appearance["url"] = account["url"]
            if account.get("article_title"):
                appearance["headline"] = account["article_title"]
            if account.get("outlet"):
                appearance["publisher"] = {"@type": "Organization", "name": account["outlet"]}
            if account.get("published"):
                appearance["datePublished"] = account["published"]
            item: dict[str, Any] = {
                "@type": "Claim",
                "@id": _ref(base_url, f"claim/{account['claim_id']}"),
                "appearance": appearance,
            }
            if source:
                item["author"] = {
                    "@type": "Person" if kind in PERSON_KINDS else "Organization",
                    "name": source,
                }
            if account.get("published"):
                item["datePublished"] = account["published"]
            review: dict[str, Any] = {
                "@type": "ClaimReview",
                "@id": _ref(base_url, f"conflict/{conflict['id']}/claim/{account['claim_id']}"),
                "url": _ref(base_url, f"conflict/{conflict['id']}"),
                "claimReviewed": account["text"],
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
