"""The extraction pipeline: read, extract (in worker processes), write in batches, summarise.

The ``extract`` command, the "Extract dated events" enrichment and the Dask recipe of
docs/scaling.md all go through here. Each stage keeps to its module: readers read,
``events.extract_events`` extracts (a pure function), ``storage`` writes. This module
only moves documents between them; it knows neither the command line (no click: what a
run has to say goes to a ``Reporter``) nor SQL.

Extraction comes first and writing after: extracted documents wait in memory (at most
one batch) and are then written in one transaction, so the database's write lock is
held only while a batch is written, never while a document is being extracted.
"""

from __future__ import annotations

import gc
import os
import signal
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .readers import Document, InputError, ReadOptions, iter_documents

if TYPE_CHECKING:  # storage (sqlite-utils) and events (the tagger's tables) load when used
    import sqlite_utils

    from .events import Event

# A batch is written once this many documents are extracted, or once the first of them
# has waited this many seconds, whichever comes first. The seconds bound what a killed
# run loses and how stale Datasette's view of a slow extraction gets; the documents bound
# the memory they take and how long one batch holds the write lock.
BATCH_DOCUMENTS = 50
BATCH_SECONDS = 0.5
# Documents in flight with N workers: a batch (the workers go on extracting while the
# writer writes one) and a few per worker; few enough that memory does not grow with
# the inputs.
IN_FLIGHT_PER_WORKER = 4


def in_flight(jobs: int) -> int:
    return BATCH_DOCUMENTS + IN_FLIGHT_PER_WORKER * jobs


# Extraction makes millions of short-lived objects and hardly any reference cycles (a run
# over all of te3-silver leaves about a thousand objects to the cycle collector), while
# the tagger's and the gazetteer's tables keep some 150,000 long-lived ones that every
# full collection walks: with Python's default thresholds (700, 10, 10) the collector
# took 1.2 to 1.5 s of a 19 s run. With these it runs about 70 times less often and takes
# 0.1 s; the peak resident set is the same (189 MB).
RUN_COLLECTOR_THRESHOLDS = (50_000, 20, 100)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the cycle collector less often for the time of a run, then as before."""
    before = gc.get_threshold()
    gc.set_threshold(*RUN_COLLECTOR_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@dataclass
class ExtractSettings:
    """What ``extract_events`` needs besides the document; sent to worker processes."""

    anchoring: str = "auto"
    ner: str = "rules"
    spacy_model: str | None = None


class DatabaseProblem(Exception):
    """The output database cannot be opened or written: the run stops."""


@dataclass
class Summary:
    """What a run did: counts, the errors it reported, and (dry run) what it would store."""

    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    actors: set[str] = field(default_factory=set)
    # Documents stored per language (ISO 639 code; "" when no language could be told).
    languages: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    # With --dry-run --json, what would be stored is listed in the JSON (held until the end).
    keep_documents: bool = False
    documents: list[dict[str, Any]] = field(default_factory=list)

    def count_stored(self, document: Document, events: Sequence[Event]) -> None:
        self.stored += 1
        self.events += len(events)
        self.actors.update(actor.name for event in events for actor in event.actors)
        language = document.language or ""
        self.languages[language] = self.languages.get(language, 0) + 1

    def as_json(self, seconds: float, dry_run: bool, exit_code: int) -> dict[str, Any]:
        return {
            "documents_read": self.read,
            "stored": 0 if dry_run else self.stored,
            "would_store": self.stored if dry_run else 0,
            "already_present": self.skipped,
            "failed": self.failed,
            "events": self.events,
            "actors": len(self.actors),
            "languages": dict(sorted(self.languages.items())),
            "dates_only_languages": self.dates_only(),
            "seconds": round(seconds, 3),
            "dry_run": dry_run,
            "exit_code": exit_code,
            "errors": self.errors,
            **({"documents": self.documents} if dry_run else {}),
        }

    def dates_only(self) -> dict[str, int]:
        """Documents per language whose events are dates only (see ``events``)."""
        from .events import RULES_LANGUAGE

        return {
            language: count
            for language, count in sorted(self.languages.items())
            if language not in (RULES_LANGUAGE, "")
        }

    def line(self, seconds: float, dry_run: bool) -> str:
        stored = f"{self.stored} would be stored" if dry_run else f"{self.stored} stored"
        tail = " (dry run: nothing written)" if dry_run else ""
        line = (
            f"{self.read} documents read: {stored}, {self.skipped} already present, "
            f"{self.failed} failed; {self.events} events, {len(self.actors)} actors "
            f"in {seconds:.1f}s{tail}"
        )
        others = self.dates_only()
        if others:
            (language, count), *rest = others.items()
            counts = f"{_plural(count, 'document')} in {language}"
            counts += "".join(f", {count} in {language}" for language, count in rest)
            line += (
                f"\n{counts}: dates only, event types and actors are English-only for now "
                "(only names of countries and capitals are found)"
            )
        return line


class Reporter(Protocol):
    """Where a run says what happens; the command line draws it, other callers may not."""

    def error(self, message: str) -> None: ...

    def warning(self, message: str) -> None: ...

    def progress(self, summary: Summary) -> None: ...

    def would_store(self, document: Document, events: Sequence[Event]) -> None: ...


class QuietReporter:
    """Says nothing; errors are still counted and listed in the summary."""

    def error(self, message: str) -> None:
        pass

    def warning(self, message: str) -> None:
        pass

    def progress(self, summary: Summary) -> None:
        pass

    def would_store(self, document: Document, events: Sequence[Event]) -> None:
        pass


# --- extraction ------------------------------------------------------------------------


def extract_document(document: Document, settings: ExtractSettings | None = None) -> list[Event]:
    """The events of one document: the pure per-document function, with the document's
    own publication date and the spans that hold no events."""
    from .events import RULES_LANGUAGE, extract_events

    settings = settings or ExtractSettings()
    return extract_events(
        document.text,
        document.published,
        skip_spans=document.skip_spans,
        anchoring=settings.anchoring,
        ner=settings.ner,
        spacy_model=settings.spacy_model,
        language=document.language or RULES_LANGUAGE,
    )


Outcome = tuple[Document, "list[Event] | Exception"]


def extracted(
    documents: Iterable[Document], settings: ExtractSettings | None = None, *, jobs: int = 1
) -> Iterator[Outcome]:
    """Each document with its events, or with the exception that stopped its extraction
    (one bad document must not stop the run), in input order; ``jobs`` worker processes
    when more than one."""
    settings = settings or ExtractSettings()
    if jobs > 1:
        yield from _extracted_in_workers(documents, settings, jobs)
        return
    for document in documents:
        try:
            yield document, extract_document(document, settings)
        except Exception as error:
            yield document, error


_Task = tuple[str, str | None, list[tuple[int, int]], str | None, ExtractSettings]


def _extract_task(task: _Task) -> Any:
    """Run in a worker process: what travels is the text and settings, not the Document."""
    text, published, skip_spans, language, settings = task
    document = Document(text, "", None, published, skip_spans, language=language)
    return extract_document(document, settings)


def _extracted_in_workers(
    documents: Iterable[Document], settings: ExtractSettings, jobs: int
) -> Iterator[Outcome]:
    """Extract in ``jobs`` processes, yielding results in input order.

    At most ``in_flight(jobs)`` documents are in flight, so memory stays
    bounded however many documents the inputs hold (``Pool.imap`` would read the inputs
    ahead without limit). Results come back in order, so the database written by the one
    writer is identical to a ``--jobs 1`` run's.
    """
    import multiprocessing

    # fork shares the tagger's and gazetteer's compiled tables with the workers.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with suppress(Exception):  # a bad setting fails each document, in the workers
        extract_document(
            Document("Warm-up on 3 May 2020 in France.", "", None, "2020-05-04"), settings
        )
    window: deque[tuple[Document, Future[list[Event]]]] = deque()
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_setup_worker, initargs=(os.getpid(),)
    ) as pool:
        try:
            for document in documents:
                task = (
                    document.text,
                    document.published,
                    document.skip_spans,
                    document.language,
                    settings,
                )
                window.append((document, pool.submit(_extract_task, task)))
                if len(window) >= in_flight(jobs):
                    yield _collect(window.popleft())
            while window:
                yield _collect(window.popleft())
        finally:
            for _document, future in window:
                future.cancel()


def _setup_worker(writer_pid: int) -> None:
    """Workers leave Ctrl-C to the writer, and end when the writer is gone.

    The writer stops the run on Ctrl-C and says what was kept. A writer killed outright
    (``kill -9``) cannot tell its workers, so each one watches its parent and exits
    when it changes, rather than stay behind extracting for nobody.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*RUN_COLLECTOR_THRESHOLDS)  # a worker only ever extracts

    def exit_when_orphaned() -> None:
        while os.getppid() == writer_pid:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=exit_when_orphaned, name="writer-watch", daemon=True).start()


def _collect(pending: tuple[Document, Future[list[Event]]]) -> Outcome:
    document, future = pending
    try:
        return document, future.result()
    except Exception as error:
        return document, error


# --- writing ---------------------------------------------------------------------------


def open_output(path: str | Path) -> sqlite_utils.Database:
    """The events database, created if needed; DatabaseProblem when it cannot be."""
    from .storage import open_database

    try:
        return open_database(path)
    except (sqlite3.DatabaseError, OSError) as error:
        raise DatabaseProblem(
            f"cannot open {path} ({error}); is it an SQLite file, and is its folder writable?"
        ) from None


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class BatchWriter:
    """The one writer: extracted documents wait here and are written a batch at a time.

    ``add`` keeps a document; once ``max_documents`` wait, or the first of them has
    waited ``max_seconds``, the batch is written in one transaction (each document in
    its own savepoint, ``storage.DocumentBatch``) and committed, and only then counted
    as stored in the summary. Call ``flush`` at the end, and on the way out of a failed
    or interrupted run: what was extracted is written.

    A failure of one document (a constraint, a bug) is that document's alone: it is
    rolled back, reported and counted as failed. A failure of the database itself
    (locked, full, corrupt) commits the documents written before it and stops the run
    with ``DatabaseProblem``; so does a commit that fails, and its documents are lost.
    """

    def __init__(
        self,
        db: sqlite_utils.Database,
        summary: Summary,
        reporter: Reporter | None = None,
        *,
        max_documents: int = BATCH_DOCUMENTS,
        max_seconds: float = BATCH_SECONDS,
    ) -> None:
        self.db = db
        self.summary = summary
        self.reporter = reporter or QuietReporter()
        self.max_documents = max_documents
        self.max_seconds = max_seconds
        self.pending: list[tuple[Document, Sequence[Event]]] = []
        self.waiting_since: float | None = None  # when the first pending document came
        self.longest_write = 0.0  # seconds, of the longest batch so far (lock held)

    def add(self, document: Document, events: Sequence[Event]) -> None:
        if not self.pending:
            self.waiting_since = time.monotonic()
        self.pending.append((document, events))
        if self.due():
            self.flush()

    def due(self) -> bool:
        return bool(self.pending) and (
            len(self.pending) >= self.max_documents
            or time.monotonic() - (self.waiting_since or 0.0) >= self.max_seconds
        )

    def flush(self) -> None:
        """Write and commit the waiting documents (if any)."""
        from .storage import DocumentBatch

        batch, self.pending = self.pending, []
        if not batch:
            return
        began = time.monotonic()
        transaction = DocumentBatch(self.db)
        written: list[tuple[Document, Sequence[Event]]] = []  # each document stored
        try:
            for document, events in batch:
                outcome = self._save(transaction, document, events)
                if outcome is True:
                    written.append((document, events))
                elif outcome is False:
                    self.summary.skipped += 1
                else:
                    self._failed(document, outcome)
        finally:
            # Also on Ctrl-C or a database error: the documents written so far are kept.
            self._commit(transaction, written)
            self.longest_write = max(self.longest_write, time.monotonic() - began)

    def _save(
        self, transaction: Any, document: Document, events: Sequence[Event]
    ) -> bool | Exception:
        try:
            return bool(transaction.save(document, events))
        except sqlite3.IntegrityError as error:
            return error
        except sqlite3.DatabaseError as error:
            raise DatabaseProblem(
                f"cannot write {document.source} to the database ({error}); what was "
                "stored before is kept: fix the problem (disk space, another writer) and "
                "run again"
            ) from None
        except Exception as error:
            return error

    def _failed(self, document: Document, error: Exception) -> None:
        self.summary.failed += 1
        message = f"{document.source}: {type(error).__name__}: {error}"
        self.summary.errors.append(message)
        self.reporter.error(message)

    def _commit(self, transaction: Any, written: list[tuple[Document, Sequence[Event]]]) -> None:
        try:
            transaction.commit()
        except sqlite3.DatabaseError as error:
            raise DatabaseProblem(
                f"cannot commit the last {_plural(len(written), 'document')} to the database "
                f"({error}); they are not stored, what was stored before is kept: fix "
                "the problem (disk space, another writer) and run again"
            ) from None
        for document, events in written:
            self.summary.count_stored(document, events)


def store(
    database: str | Path,
    results: Iterable[tuple[Document, Sequence[Event]]],
    summary: Summary | None = None,
) -> Summary:
    """Write extracted documents into ``database`` in batches (the one writer of a run whose
    extraction happened elsewhere, such as on a cluster); documents already stored are
    skipped, so results of several runs merge without duplicates."""
    summary = summary or Summary()
    writer = BatchWriter(open_output(database), summary)
    try:
        for document, events in results:
            writer.add(document, events)
    finally:
        writer.flush()
    return summary


def write_results(
    connection: sqlite3.Connection, results: Sequence[tuple[Document, Sequence[Event]]]
) -> Summary:
    """Write extracted documents through a connection someone else opened (Datasette's
    write connection, for the enrichment): the schema if needed, then the batch."""
    import sqlite_utils

    from .storage import ensure_schema

    db = sqlite_utils.Database(connection)
    ensure_schema(db)
    summary = Summary()
    writer = BatchWriter(db, summary, max_documents=max(1, len(results)))
    try:
        for document, events in results:
            writer.add(document, events)
    finally:
        writer.flush()
    return summary


# --- a whole run -----------------------------------------------------------------------


def run_extract(
    database: str,
    inputs: Iterable[str],
    tables: Iterable[str],
    options: ReadOptions,
    settings: ExtractSettings,
    summary: Summary,
    reporter: Reporter | None = None,
    *,
    jobs: int = 1,
    dry_run: bool = False,
) -> BatchWriter | None:
    """Read, extract and store; counts and errors go into ``summary``, messages to
    ``reporter``. With ``dry_run`` nothing is written and the reporter hears what would
    be stored. Returns the writer (None for a dry run), for its figures.

    Raises DatabaseProblem when the database cannot be opened or written, and lets
    KeyboardInterrupt through; in both cases what was extracted before is stored.
    """
    from .storage import ReadOnlyIndex

    reporter = reporter or QuietReporter()
    writer = None if dry_run else BatchWriter(open_output(database), summary, reporter)
    index = ReadOnlyIndex(database) if writer is None else None

    def is_stored(document_id: str) -> bool:
        if writer is not None:
            from .storage import has_document

            return has_document(writer.db, document_id)
        assert index is not None
        try:
            return index.has(document_id)
        except sqlite3.DatabaseError as error:
            raise DatabaseProblem(str(error)) from None

    def new_documents() -> Iterator[Document]:
        """Readable documents not stored yet; errors and skips are counted on the way."""
        for item in iter_documents(inputs, options=options, tables=tables):
            if isinstance(item, InputError):
                summary.failed += 1
                summary.errors.append(str(item))
                reporter.error(str(item))
                reporter.progress(summary)
                continue
            summary.read += 1
            if is_stored(item.id):
                summary.skipped += 1
                reporter.progress(summary)
                continue
            if item.published is None:
                reporter.warning(
                    f"{item.source}: no publication date found; relative dates "
                    "stay unresolved (pass --published or --date-column to anchor them)"
                )
            yield item

    with fewer_collections():
        try:
            for document, outcome in extracted(new_documents(), settings, jobs=jobs):
                if isinstance(outcome, Exception):
                    summary.failed += 1
                    message = f"{document.source}: {type(outcome).__name__}: {outcome}"
                    summary.errors.append(message)
                    reporter.error(message)
                elif writer is None:
                    summary.count_stored(document, outcome)
                    if summary.keep_documents:
                        summary.documents.append(listing(document, outcome))
                    reporter.would_store(document, outcome)
                else:
                    writer.add(document, outcome)
                reporter.progress(summary)
        finally:
            if writer is not None:
                writer.flush()
            if index is not None:
                index.close()
    return writer


def listing(document: Document, events: Sequence[Event]) -> dict[str, Any]:
    """A document and its events as the dry run's JSON lists them."""
    return {
        "source": document.source,
        "id": document.id,
        "title": document.title,
        "published": document.published,
        "language": document.language,
        "events": [
            {
                "date": e.date,
                "expression": e.expression,
                "dated_by": e.dated_by,
                "actors": [a.name for a in e.actors],
            }
            for e in events
        ],
    }
