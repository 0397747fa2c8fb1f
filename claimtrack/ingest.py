"""Ingest: inputs -> load -> analyze -> store (-> match), one transaction per article.

A bad file is reported and skipped; the good ones are stored. A failure inside one article's
transaction rolls back that article alone, so the database never holds half an article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import BinaryIO, Literal

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from claimtrack.errors import ClaimtrackError
from claimtrack.load import iter_documents, iter_inputs
from claimtrack.match import DEFAULT_PARAMS, MatchParams
from claimtrack.model import Analysis, Document
from claimtrack.pipeline import analyze
from claimtrack.sources import SourceRegistry
from claimtrack.store import articles as article_store
from claimtrack.store import sources as source_store
from claimtrack.store.engine import Store
from claimtrack.store.matching import MatchStats, match_article

Status = Literal["new", "skipped", "failed"]


@dataclass(frozen=True)
class Metadata:
    """What the user says about the inputs (wins over what a page says about itself)."""

    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Outcome:
    origin: str
    status: Status
    article_id: int | None = None
    claims: int = 0
    error: str | None = None


@dataclass
class Summary:
    """Counts of a batch, and the failures in full (memory stays flat on huge batches)."""

    counts: dict[str, int] = field(default_factory=lambda: {"new": 0, "skipped": 0, "failed": 0})
    claims: int = 0
    failed: list[Outcome] = field(default_factory=list)

    def record(self, outcome: Outcome) -> None:
        self.counts[outcome.status] += 1
        self.claims += outcome.claims
        if outcome.status == "failed":
            self.failed.append(outcome)

    def count(self, status: Status) -> int:
        return self.counts[status]

    def line(self) -> str:
        return (
            f"{self.count('new')} new, {self.count('skipped')} skipped (already stored), "
            f"{self.count('failed')} failed; {self.claims} claims"
        )


ArticleHook = Callable[[Session, int], object]


def default_after_save(params: MatchParams = DEFAULT_PARAMS) -> ArticleHook:
    """The hook ingest runs inside each new article's transaction: incremental matching."""

    def match(session: Session, article_id: int) -> MatchStats:
        return match_article(session, article_id, params)

    return match


def ingest_document(
    store: Store,
    doc: Document,
    *,
    registry: SourceRegistry | None = None,
    after_save: ArticleHook | None = None,
    now: datetime | None = None,
) -> Outcome:
    """Analyse and store one document in one transaction (``after_save`` runs inside it).

    The sources the article names join ``registry``, so that "Mr Lavrov" in a later article of
    the batch resolves to the Sergey Lavrov an earlier one introduced.
    """
    analysis = analyze(doc, registry)
    outcome = save(store, analysis, after_save=after_save, now=now)
    if registry is not None and outcome.status == "new":
        for source in analysis.sources:
            registry.add(source)
    return outcome


def save(
    store: Store,
    analysis: Analysis,
    *,
    after_save: ArticleHook | None = None,
    now: datetime | None = None,
) -> Outcome:
    stamp = now or datetime.now(UTC)
    origin = analysis.document.origin

    def work(session: Session) -> Outcome:
        saved = article_store.save_analysis(session, analysis, stamp)
        if not saved.created:
            return Outcome(origin, "skipped", saved.article_id)
        if after_save is not None:
            after_save(session, saved.article_id)
        return Outcome(origin, "new", saved.article_id, saved.claims)

    try:
        return store.write(work)
    except IntegrityError:
        # Another process stored the same text between our check and our insert.
        digest = article_store.content_hash(analysis.document.text)
        with store.session() as session:
            existing = article_store.find_article_by_hash(session, digest)
        if existing is None:
            raise
        return Outcome(origin, "skipped", existing)


def ingest_inputs(
    store: Store,
    inputs: Iterable[str],
    *,
    metadata: Metadata = Metadata(),
    stdin: BinaryIO | None = None,
    match: bool = True,
    on_outcome: Callable[[Outcome], None] | None = None,
    on_input_done: Callable[[str], None] | None = None,
    now: Callable[[], datetime] | None = None,
) -> Summary:
    """Ingest files, directories (recursively) and ``-`` (stdin); report each outcome.

    With ``match`` (the default) each new article is matched against what is stored, in its own
    transaction, so its conflicts are flagged as soon as it lands.
    """
    summary = Summary()
    after_save = default_after_save() if match else None
    with store.session() as session:
        registry = source_store.load_registry(session)
    for origin in iter_inputs(list(inputs)):
        try:
            for doc in iter_documents(
                origin,
                stdin=stdin,
                outlet=metadata.outlet,
                published=metadata.published,
                url=metadata.url,
                title=metadata.title,
            ):
                stamp = now() if now is not None else None
                outcome = ingest_document(
                    store, doc, registry=registry, after_save=after_save, now=stamp
                )
                summary.record(outcome)
                if on_outcome is not None:
                    on_outcome(outcome)
        except ClaimtrackError as error:
            outcome = Outcome(origin, "failed", error=str(error))
            summary.record(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
        if on_input_done is not None:
            on_input_done(origin)
    return summary
