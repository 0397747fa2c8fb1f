"""The pure part of the pipeline: text -> Analysis (segment, then attribute). No database."""

from __future__ import annotations

from claimtrack.attribute import attribute
from claimtrack.load import normalise_text
from claimtrack.model import Analysis, Claim, Document, Source, SourceKind
from claimtrack.segment import segment
from claimtrack.sources import SourceRegistry, default_registry


def analyze(doc: Document | str, registry: SourceRegistry | None = None) -> Analysis:
    """Segment a document into claims and attribute each claim to its source."""
    document = doc if isinstance(doc, Document) else Document(text=normalise_text(doc))
    known = registry if registry is not None else default_registry()
    claims = attribute(document, segment(document), known)
    return Analysis(document=document, claims=claims, sources=_sources_named(claims, known))


def _sources_named(claims: tuple[Claim, ...], registry: SourceRegistry) -> tuple[Source, ...]:
    """Registry entries for the sources the claims name (new people get a fresh entry)."""
    found: dict[str, Source] = {}
    for claim in claims:
        attribution = claim.attribution
        name = attribution.source
        if name is None or name in found:
            continue
        entry = registry.get(name)
        if entry is None:
            kind = attribution.source_kind or SourceKind.OTHER
            entry = Source(
                name=name,
                kind=kind,
                descriptors=(attribution.descriptor,) if attribution.descriptor else (),
                is_person=kind == SourceKind.OFFICIAL,
            )
        found[name] = entry
    return tuple(found[name] for name in sorted(found))
