"""Acceptance: every claim of the Idlib article against a hand-made label (tests/data)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from claimtrack.attribute import attribute
from claimtrack.model import AttributionKind, Claim, Document
from claimtrack.segment import segment

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ROOT / "examples" / "idlib.txt"
LABELS = Path(__file__).resolve().parent / "data" / "idlib_labels.toml"


@pytest.fixture(scope="module")
def claims() -> tuple[Claim, ...]:
    doc = Document(ARTICLE.read_text(encoding="utf-8"))
    out = attribute(doc, segment(doc))
    for c in out:
        assert doc.text[c.start : c.end] == c.text
    return out


@pytest.fixture(scope="module")
def labels() -> list[dict[str, str]]:
    return tomllib.loads(LABELS.read_text(encoding="utf-8"))["claim"]


def test_claims_line_up_with_the_labels(
    claims: tuple[Claim, ...], labels: list[dict[str, str]]
) -> None:
    assert len(claims) == len(labels)
    for claim, label in zip(claims, labels, strict=True):
        assert claim.text.startswith(label["starts"]), (claim.text, label["starts"])


def test_every_claim_has_its_labelled_source(
    claims: tuple[Claim, ...], labels: list[dict[str, str]]
) -> None:
    wrong = [
        (c.text[:60], c.attribution.source, x.get("source"))
        for c, x in zip(claims, labels, strict=True)
        if c.attribution.source != x.get("source")
    ]
    assert wrong == []


def test_relays_are_kept_apart_from_sources(
    claims: tuple[Claim, ...], labels: list[dict[str, str]]
) -> None:
    for c, x in zip(claims, labels, strict=True):
        assert c.attribution.via == x.get("via"), c.text


def test_reporter_voice_is_never_guessed(claims: tuple[Claim, ...]) -> None:
    by_start = {c.text[:40]: c for c in claims}
    for start in ("On Friday, a second Syrian government helicopter", "There was no immediate"):
        claim = next(c for k, c in by_start.items() if k.startswith(start[:40]))
        assert claim.attribution.source is None
        assert claim.attribution.kind is AttributionKind.NONE


def test_mentions_are_as_written_with_offsets(claims: tuple[Claim, ...]) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    seen = set()
    for c in claims:
        a = c.attribution
        if a.mention is None:
            continue
        assert a.mention_start is not None and a.mention_end is not None
        assert text[a.mention_start : a.mention_end] == a.mention
        seen.add(a.mention)
    assert {"the Observatory", "It", "He", "Mr Erdogan’s office", "the presidency"} <= seen


def test_rules_are_named(claims: tuple[Claim, ...]) -> None:
    rules = {c.attribution.rule for c in claims if c.attribution.source}
    assert {"subject-cue", "tail-cue", "pronoun-it", "pronoun-he", "report-by"} <= rules
    assert {"coordinated-subject", "relative-subject", "embedded-cue"} <= rules
