"""Claim annotations as W3C Web Annotations (https://www.w3.org/TR/annotation-model/).

Each annotation targets the claim's sentence in its article with two selectors that agree:
a ``TextQuoteSelector`` (``exact`` plus up to 32 characters of ``prefix`` and ``suffix`` from the
article text) and a ``TextPositionSelector`` (``start``/``end``: character offsets into the article
text as stored, counted in Unicode code points as the model specifies). The note is a
``TextualBody`` with purpose ``commenting``, each tag one with purpose ``tagging``.

The export is an ``AnnotationCollection`` whose first page holds every annotation.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT_LENGTH = 32


def annotation(
    row: dict[str, Any], article_text: str | None, url: str | None = None
) -> dict[str, Any]:
    """One annotation row (``store.review.annotation_rows``) as a W3C Web Annotation."""
    start, end = row["start"], row["end"]
    exact = article_text[start:end] if article_text is not None else row["claim_text"]
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": exact}
    if article_text is not None:
        quote["prefix"] = article_text[max(0, start - CONTEXT_LENGTH) : start]
        quote["suffix"] = article_text[end : end + CONTEXT_LENGTH]
    bodies: list[dict[str, Any]] = [
        {
            "type": "TextualBody",
            "value": row["note"],
            "format": "text/plain",
            "purpose": "commenting",
        }
    ]
    bodies.extend(
        {"type": "TextualBody", "value": tag, "purpose": "tagging"} for tag in row["tags"]
    )
    return {
        "id": f"urn:claimtrack:annotation:{row['id']}",
        "type": "Annotation",
        "motivation": "commenting",
        "created": row["at"],
        "creator": {"type": "Person", "name": row["author"]},
        "body": bodies,
        "target": {
            "source": url or f"urn:claimtrack:article:{row['article_id']}",
            "type": "Text",
            "selector": [
                quote,
                {"type": "TextPositionSelector", "start": start, "end": end},
            ],
        },
    }


def annotation_collection(
    rows: list[dict[str, Any]],
    article_text: Callable[[int], str | None],
    article_url: Callable[[int], str | None] = lambda _id: None,
) -> dict[str, Any]:
    items = [
        annotation(row, article_text(row["article_id"]), article_url(row["article_id"]))
        for row in rows
    ]
    return {
        "@context": CONTEXT,
        "id": "urn:claimtrack:annotations",
        "type": "AnnotationCollection",
        "label": "claimtrack claim annotations",
        "total": len(items),
        "first": {
            "id": "urn:claimtrack:annotations:page:1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }
