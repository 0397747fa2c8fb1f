"""Ingest: inputs -> load -> analyze -> store (-> match).

A bad file is reported and skipped; the good ones are stored. A failure inside one article
rolls back that article alone (its own transaction, or its own SAVEPOINT when a batch groups
articles per transaction), so the database never holds half an article.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import queue
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, BinaryIO, Literal

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session

from claimtrack.datasets import RowError, dataset_format, iter_dataset
from claimtrack.errors import ClaimtrackError
from claimtrack.frame import frame, frame_article, frame_to_json
from claimtrack.incidents import Located, locate
from claimtrack.load import iter_documents, iter_inputs
from claimtrack.match import DEFAULT_PARAMS, MatchParams
from claimtrack.model import Analysis, Document, EventFrame
from claimtrack.pipeline import analyze
from claimtrack.sources import SourceRegistry
from claimtrack.store import articles as article_store
from claimtrack.store import sources as source_store
from claimtrack.store.engine import Store
from claimtrack.store.matching import MatchCache, MatchStats, StoredArticle, match_article

Status = Literal["new", "skipped", "failed"]


@dataclass(frozen=True)
class Metadata:
    """What the user says about the inputs (wins over what a page says about itself)."""

    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class DatasetOptions:
    """How to read dataset files (CSV, TSV, JSON Lines, JSON): see ``claimtrack.datasets``."""

    input_format: str | None = None  # force a format for every input: csv, tsv, jsonl, json
    columns: Mapping[str, str] = field(default_factory=dict)  # field -> column name
    date_format: str | None = None  # strptime format of the date column


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

    ``registry`` is read, never extended: the sources an article names do not join it, so a
    claim's source depends on its own article (and the built-in sources and user aliases of
    ``store.sources.load_registry``), not on the articles stored before it.
    """
    return save(store, analyze(doc, registry), after_save=after_save, now=now)


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


# ------------------------------------------------------------------------------- batches
#
# A batch of more than SERIAL_UP_TO inputs runs as a pipeline: the pure stages (analyze, and
# frame_article when matching) run in worker processes while the main process writes, and the
# writes are grouped: up to GROUP_ARTICLES articles or GROUP_SECONDS per transaction, each
# article inside its own SAVEPOINT. Trade-off: a failing article still rolls back alone (its
# savepoint), and a commit is all-or-nothing, so the database only ever holds complete articles;
# but an ingest killed midway loses the uncommitted group (at most GROUP_SECONDS of work, stored
# by a re-run), outcomes are reported once their group is committed, and a writer holds the
# SQLite write lock for up to GROUP_SECONDS at a time (other writers wait on busy_timeout).
# Workers get the source registry once (built-in sources + user aliases) and never extend it:
# an article's sources depend on that article alone, so the order of the inputs, the number of
# workers and the grouping change no attribution. Small batches keep the serial path: one
# transaction per article.

SERIAL_UP_TO = 3  # inputs: smaller batches run in-process (no worker start-up cost)
GROUP_ARTICLES = 50  # articles per transaction at most
GROUP_SECONDS = 0.5  # and at most this long between commits
WINDOW_PER_WORKER = 8  # articles in flight per worker (memory stays flat)


@dataclass(frozen=True)
class _Doc:
    origin: str
    doc: Document


@dataclass(frozen=True)
class _Failed:
    origin: str
    error: str


@dataclass(frozen=True)
class _Done:
    origin: str


_Event = _Doc | _Failed | _Done


def _input_documents(
    origin: str, stdin: BinaryIO | None, metadata: Metadata, dataset: DatasetOptions
) -> Iterator[Document | RowError]:
    """What one input holds: a dataset's rows, or the document(s) of one article file."""
    if origin != "-" and dataset_format(origin, dataset.input_format) is not None:
        defaults = Document(
            text="",
            title=metadata.title,
            outlet=metadata.outlet,
            published=metadata.published,
            url=metadata.url,
            published_from="option" if metadata.published is not None else None,
        )
        yield from iter_dataset(
            origin,
            input_format=dataset.input_format,
            columns=dataset.columns,
            date_format=dataset.date_format,
            defaults=defaults,
        )
        return
    yield from iter_documents(
        origin,
        stdin=stdin,
        outlet=metadata.outlet,
        published=metadata.published,
        url=metadata.url,
        title=metadata.title,
    )


def _events(
    origins: Iterable[str],
    stdin: BinaryIO | None,
    metadata: Metadata,
    dataset: DatasetOptions = DatasetOptions(),
) -> Iterator[_Event]:
    """Documents of each input in order, a failure where an input (or a dataset row) cannot be
    read, then done. Any exception while reading one input fails that input alone."""
    for origin in origins:
        try:
            for item in _input_documents(origin, stdin, metadata, dataset):
                if isinstance(item, RowError):
                    yield _Failed(origin, item.message)
                else:
                    yield _Doc(item.origin, item)
        except ClaimtrackError as error:
            yield _Failed(origin, str(error))
        except Exception as error:  # a bug or a broken dependency: this input fails, not the batch
            yield _Failed(origin, internal_error(origin, error))
        yield _Done(origin)


def internal_error(origin: str, error: BaseException) -> str:
    """The one-line report of an unexpected exception while handling ``origin``."""
    return f"{origin}: internal error: {type(error).__name__}: {error}"


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
    workers: int | None = None,
    dataset: DatasetOptions = DatasetOptions(),
) -> Summary:
    """Ingest files, directories (recursively) and ``-`` (stdin); report each outcome in order.

    With ``match`` (the default) each new article is matched against what is stored inside the
    transaction that stores it, so its conflicts are flagged as soon as it lands. ``workers``:
    processes for the pure stages (None: serial up to SERIAL_UP_TO inputs, else 2; 0: serial).
    """
    origins = list(iter_inputs(list(inputs)))
    if workers is None:
        datasets = any(dataset_format(o, dataset.input_format) for o in origins if o != "-")
        few = len(origins) <= SERIAL_UP_TO and not datasets
        workers = 0 if few else min(2, os.cpu_count() or 1)
    events = _events(origins, stdin, metadata, dataset)
    return _run(store, events, match, on_outcome, on_input_done, now, workers)


def ingest_documents(
    store: Store,
    docs: Iterable[Document],
    *,
    match: bool = True,
    on_outcome: Callable[[Outcome], None] | None = None,
    now: Callable[[], datetime] | None = None,
    workers: int = 2,
) -> Summary:
    """Ingest already-loaded documents through the same path as ``ingest_inputs``."""
    events = (_Doc(doc.origin, doc) for doc in docs)
    return _run(store, events, match, on_outcome, None, now, workers)


def _run(
    store: Store,
    events: Iterator[_Event],
    match: bool,
    on_outcome: Callable[[Outcome], None] | None,
    on_input_done: Callable[[str], None] | None,
    now: Callable[[], datetime] | None,
    workers: int,
) -> Summary:
    """Drive the events through the serial or the pipelined path; outcomes in input order."""
    summary = Summary()
    with store.session() as session:
        registry = source_store.load_registry(session)

    def emit(item: Outcome | _Done) -> None:
        if isinstance(item, _Done):
            if on_input_done is not None:
                on_input_done(item.origin)
            return
        summary.record(item)
        if on_outcome is not None:
            on_outcome(item)

    if workers <= 0:
        _ingest_serial(store, events, registry, match, now, emit)
    else:
        _ingest_pipelined(store, events, registry, match, now, emit, workers)
    return summary


def _ingest_serial(
    store: Store,
    events: Iterable[_Event],
    registry: SourceRegistry,
    match: bool,
    now: Callable[[], datetime] | None,
    emit: Callable[[Outcome | _Done], None],
) -> None:
    """One article per transaction, analysed in this process."""
    after_save = default_after_save() if match else None
    for event in events:
        if isinstance(event, _Doc):
            stamp = now() if now is not None else None
            try:
                outcome = ingest_document(
                    store, event.doc, registry=registry, after_save=after_save, now=stamp
                )
            except ClaimtrackError as error:
                outcome = Outcome(event.origin, "failed", error=str(error))
            except DBAPIError:
                raise  # the database itself is in trouble: not this input's fault
            except Exception as error:
                outcome = Outcome(event.origin, "failed", error=internal_error(event.origin, error))
            emit(outcome)
        elif isinstance(event, _Failed):
            emit(Outcome(event.origin, "failed", error=event.error))
        else:
            emit(event)


# ------------------------------------------------------------------------------- workers

# frames and their JSON, one per claim, and the article's incidents as ``locate`` finds them
_Framed = tuple[list[EventFrame], list[str], Located]
_Result = tuple[Analysis | None, _Framed | None, BaseException | None]


def _portable(error: BaseException) -> BaseException:
    try:
        pickle.dumps(error)
        return error
    except Exception:
        return RuntimeError(f"{type(error).__name__}: {error}")


def _worker(tasks: Any, results: Any, registry: SourceRegistry, frames: bool, parent: int) -> None:
    """Analyse (and frame) documents until told to stop or orphaned."""
    while True:
        try:
            item = tasks.get(timeout=1.0)
        except queue.Empty:
            if os.getppid() != parent:
                # The ingest died (SIGKILL): nobody reads our results. Exit at once, without
                # waiting on the queues' feeder threads, so that the pipes we inherited (the
                # caller's stdout/stderr) close with it.
                os._exit(0)
            continue
        if item is None:
            return
        index, doc = item
        try:
            analysis = analyze(doc, registry)
            framed: _Framed | None = None
            if frames:  # pure work on the article alone: spares the writer
                texts = [c.text for c in analysis.claims]
                found = frame_article(texts, doc.published)
                title_frame = frame(doc.title, doc.published) if doc.title else None
                located = locate(doc.title, texts, found, doc.published, title_frame)
                framed = (found, [frame_to_json(f) for f in found], located)
            results.put((index, analysis, framed, None))
        except Exception as error:  # reported, in order, by the main process
            results.put((index, None, None, _portable(error)))


class _Workers:
    """Worker processes, one task queue each (round robin), results collected by index."""

    def __init__(self, count: int, registry: SourceRegistry, frames: bool) -> None:
        methods = multiprocessing.get_all_start_methods()
        ctx: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.results = ctx.Queue()
        self.tasks = [ctx.Queue() for _ in range(count)]
        self.processes = [
            ctx.Process(
                target=_worker,
                args=(q, self.results, registry, frames, os.getpid()),
                daemon=True,
            )
            for q in self.tasks
        ]
        for process in self.processes:
            process.start()
        self.submitted = 0
        self.ready: dict[int, _Result] = {}

    def submit(self, doc: Document) -> int:
        index = self.submitted
        self.submitted += 1
        self.tasks[index % len(self.tasks)].put((index, doc))
        return index

    def result(self, index: int) -> _Result:
        while index not in self.ready:
            try:
                i, analysis, framed, error = self.results.get(timeout=5.0)
            except queue.Empty:
                dead = [p for p in self.processes if not p.is_alive()]
                if dead:
                    raise RuntimeError(
                        f"an ingest worker died (exit code {dead[0].exitcode})"
                    ) from None
                continue
            self.ready[i] = (analysis, framed, error)
        return self.ready.pop(index)

    def close(self, abort: bool = False) -> None:
        """Stop the workers: let them finish (they exit on the sentinel), or with ``abort``
        (the batch failed, say a lost database connection) terminate them at once."""
        for q in self.tasks:
            q.put(None)
        for process in self.processes:
            if abort:
                process.terminate()
                process.join(timeout=1)
                continue
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5)
        for q in (*self.tasks, self.results):
            q.close()
            q.cancel_join_thread()


# ------------------------------------------------------------------------------- groups


@dataclass
class _Group:
    """Articles waiting to be written in one transaction, and what to report after it."""

    items: list[tuple[int, Analysis, _Framed | None, datetime]] = field(default_factory=list)
    reports: list[Outcome | _Done | int] = field(default_factory=list)  # int: items[i]
    started: float = 0.0

    def add(self, analysis: Analysis, frames: _Framed | None, stamp: datetime) -> None:
        if not self.items:
            self.started = time.monotonic()
        self.reports.append(len(self.items))
        self.items.append((len(self.items), analysis, frames, stamp))

    def due(self) -> bool:
        return bool(self.items) and (
            len(self.items) >= GROUP_ARTICLES or time.monotonic() - self.started >= GROUP_SECONDS
        )


def _save_in_savepoint(
    session: Session,
    analysis: Analysis,
    framed: _Framed | None,
    match: bool,
    params: MatchParams,
    stamp: datetime,
    cache: MatchCache,
) -> Outcome:
    """Store (and match) one article inside a SAVEPOINT: a failure rolls back this one alone
    (and empties ``cache``, which may hold some of it)."""
    origin = analysis.document.origin
    frames, frame_json, located = framed if match and framed is not None else (None, None, None)
    if frames is not None and len(frames) != len(analysis.claims):
        frames = frame_json = located = None
    try:
        with session.begin_nested():
            saved = article_store.save_analysis(
                session, analysis, stamp, frames=frame_json, source_ids=cache.sources
            )
            if not saved.created:
                return Outcome(origin, "skipped", saved.article_id)
            if match:
                doc = analysis.document
                stored = StoredArticle(
                    saved.article_id,
                    doc.published,
                    doc.outlet,
                    [
                        (cid, seq, claim.text, claim.attribution.source)
                        for seq, (cid, claim) in enumerate(
                            zip(saved.claim_ids, analysis.claims, strict=True)
                        )
                    ],
                    frame_json,
                    title=doc.title,
                    content_hash=article_store.content_hash(doc.text),
                )
                match_article(
                    session,
                    saved.article_id,
                    params,
                    now=stamp,
                    frames=frames,
                    fresh=True,
                    stored=stored,
                    cache=cache,
                    located=located,
                )
            return Outcome(origin, "new", saved.article_id, saved.claims)
    except IntegrityError:
        # The article insert itself ignores a duplicate text (ON CONFLICT DO NOTHING); another
        # unique key hit while a concurrent writer stored the same text ends here too
        digest = article_store.content_hash(analysis.document.text)
        existing = article_store.find_article_by_hash(session, digest)
        if existing is None:
            raise
        return Outcome(origin, "skipped", existing)
    except DBAPIError:
        raise  # the transaction itself is in trouble: the group is retried or fails
    except Exception as error:
        return Outcome(origin, "failed", error=f"{origin}: {type(error).__name__}: {error}")


def _write_group(
    store: Store,
    group: _Group,
    match: bool,
    cache: MatchCache,
    params: MatchParams = DEFAULT_PARAMS,
) -> list[Outcome]:
    def work(session: Session) -> list[Outcome]:
        cache.attach(session)  # emptied if anyone else wrote since our last group
        return [
            _save_in_savepoint(session, analysis, framed, match, params, stamp, cache)
            for _, analysis, framed, stamp in group.items
        ]

    return store.write(work)


def _ingest_pipelined(
    store: Store,
    events: Iterator[_Event],
    registry: SourceRegistry,
    match: bool,
    now: Callable[[], datetime] | None,
    emit: Callable[[Outcome | _Done], None],
    workers: int,
) -> None:
    window = WINDOW_PER_WORKER * workers
    pending: deque[tuple[_Event, int]] = deque()
    in_flight = 0
    exhausted = False
    group = _Group()
    cache = MatchCache()  # what this writer read and wrote, reused while nobody else writes

    def flush() -> None:
        nonlocal group
        outcomes = _write_group(store, group, match, cache) if group.items else []
        for report in group.reports:
            emit(outcomes[report] if isinstance(report, int) else report)
        group = _Group()

    pool = _Workers(workers, registry, match)
    try:
        while True:
            while not exhausted and in_flight < window and len(pending) < 4 * window:
                event = next(events, None)
                if event is None:
                    exhausted = True
                elif isinstance(event, _Doc):
                    pending.append((event, pool.submit(event.doc)))
                    in_flight += 1
                else:
                    pending.append((event, -1))
            if not pending:
                break
            event, index = pending.popleft()
            if isinstance(event, _Doc):
                in_flight -= 1
                analysis, framed, error = pool.result(index)
                if error is not None:
                    message = (
                        str(error)
                        if isinstance(error, ClaimtrackError)
                        else internal_error(event.origin, error)
                    )
                    group.reports.append(Outcome(event.origin, "failed", error=message))
                else:
                    assert analysis is not None
                    group.add(analysis, framed, now() if now is not None else datetime.now(UTC))
            elif isinstance(event, _Failed):
                group.reports.append(Outcome(event.origin, "failed", error=event.error))
            else:
                group.reports.append(event)
            if group.due() or (not group.items and group.reports):
                flush()
        flush()
    except BaseException:
        pool.close(abort=True)
        raise
    else:
        pool.close()
