"""claimtrack: track who said what in conflict reporting.

>>> from claimtrack import analyze
>>> analysis = analyze("Five soldiers were killed, the Observatory said.")
>>> analysis.claims[0].attribution.source
'Syrian Observatory for Human Rights'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimtrack.errors import ClaimtrackError
from claimtrack.model import (
    Analysis,
    Attribution,
    AttributionKind,
    Claim,
    Conflict,
    ConflictKind,
    Corroboration,
    Document,
    EventFrame,
    Source,
    SourceKind,
)

if TYPE_CHECKING:
    from claimtrack.pipeline import analyze
    from claimtrack.store.engine import Store, open_store

__all__ = [
    "Analysis",
    "Attribution",
    "AttributionKind",
    "Claim",
    "ClaimtrackError",
    "Conflict",
    "ConflictKind",
    "Corroboration",
    "Document",
    "EventFrame",
    "Source",
    "SourceKind",
    "Store",
    "analyze",
    "open_store",
]


def __getattr__(name: str) -> Any:
    """Import the pipeline and the store on first use: ``import claimtrack.model`` stays light."""
    if name == "analyze":
        from claimtrack.pipeline import analyze

        return analyze
    if name in ("Store", "open_store"):
        from claimtrack.store import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'claimtrack' has no attribute {name!r}")
