"""The ``datasette-timeline`` command line (also ``datasette timeline ...``)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any
from urllib.parse import quote

import click

from .readers import FORMATS, Columns, Document, InputError, ReadOptions, iter_documents
from .readers.document import MEGABYTE
from .readers.published import normalise_published_option

if TYPE_CHECKING:  # storage (sqlite-utils) is imported when a command writes
    from .storage import DocumentBatch

# Exit codes scripts can rely on (also listed in ``extract --help``).
EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2  # click's own code for a bad option or argument
EXIT_DATABASE = 3
EXIT_INTERRUPTED = 130
# Runs of more documents than this get a progress bar (on a terminal).
FEW_DOCUMENTS = 3


@click.group()
@click.version_option(package_name="datasette-timeline")
def cli() -> None:
    """Turn news articles into a dated, faceted timeline for Datasette.

    \b
    Example:
        datasette-timeline extract events.db articles/
        datasette events.db
    """


def _published_option(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> str | None:
    if value is None:
        return None
    try:
        return normalise_published_option(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@dataclass
class ExtractSettings:
    """What ``extract_events`` needs besides the document; sent to worker processes."""

    anchoring: str = "auto"
    ner: str = "rules"
    spacy_model: str | None = None


@dataclass
class Summary:
    read: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    actors: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    # With --dry-run --json, what would be stored is listed in the JSON (held until the end).
    keep_documents: bool = False
    documents: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self, seconds: float, dry_run: bool, exit_code: int) -> dict[str, Any]:
        return {
            "documents_read": self.read,
            "stored": 0 if dry_run else self.stored,
            "would_store": self.stored if dry_run else 0,
            "already_present": self.skipped,
            "failed": self.failed,
            "events": self.events,
            "actors": len(self.actors),
            "seconds": round(seconds, 3),
            "dry_run": dry_run,
            "exit_code": exit_code,
            "errors": self.errors,
            **({"documents": self.documents} if dry_run else {}),
        }

    def line(self, seconds: float, dry_run: bool) -> str:
        stored = f"{self.stored} would be stored" if dry_run else f"{self.stored} stored"
        tail = " (dry run: nothing written)" if dry_run else ""
        return (
            f"{self.read} documents read: {stored}, {self.skipped} already present, "
            f"{self.failed} failed; {self.events} events, {len(self.actors)} actors "
            f"in {seconds:.1f}s{tail}"
        )


class Progress:
    """A one-line progress bar on stderr, drawn only on a terminal and redrawn at most 10x/s."""

    WIDTH = 24

    def __init__(self, stream: IO[str], total: int | None, enabled: bool) -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled and (total is None or total > FEW_DOCUMENTS)
        self.began = time.monotonic()
        self.last_drawn = 0.0
        self.shown = False

    def update(self, summary: Summary) -> None:
        done = summary.read + summary.failed
        if not self.enabled or (self.total is None and done <= FEW_DOCUMENTS):
            return
        now = time.monotonic()
        if self.shown and now - self.last_drawn < 0.1:
            return
        self.last_drawn = now
        rate = done / max(now - self.began, 1e-6)
        if self.total:
            filled = min(self.WIDTH, self.WIDTH * done // self.total)
            bar = f"[{'#' * filled}{'-' * (self.WIDTH - filled)}] {done}/{self.total}"
        else:
            bar = f"{done} documents"
        self.stream.write(
            f"\r\x1b[2K{bar}  {rate:.1f}/s  {summary.events} events  {summary.failed} failed"
        )
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self.shown = False


def _extract_one(task: tuple[str, str | None, list[tuple[int, int]], ExtractSettings]) -> list[Any]:
    """Run in a worker process: the pure per-document extraction."""
    from .events import extract_events

    text, published, skip_spans, settings = task
    return extract_events(
        text,
        published,
        skip_spans=skip_spans,
        anchoring=settings.anchoring,
        ner=settings.ner,
        spacy_model=settings.spacy_model,
    )


def _task(
    document: Document, settings: ExtractSettings
) -> tuple[str, str | None, list[tuple[int, int]], ExtractSettings]:
    return (document.text, document.published, document.skip_spans, settings)


def _extracted_in_process(
    documents: Iterable[Document], settings: ExtractSettings
) -> Iterator[tuple[Document, list[Any] | Exception]]:
    for document in documents:
        try:
            yield document, _extract_one(_task(document, settings))
        except Exception as error:  # one bad document must not stop the run
            yield document, error


def _extracted_in_workers(
    documents: Iterable[Document], settings: ExtractSettings, jobs: int
) -> Iterator[tuple[Document, list[Any] | Exception]]:
    """Extract in ``jobs`` processes, yielding results in input order.

    At most ``4 * jobs`` documents are in flight, so memory stays bounded however
    many documents the inputs hold (``Pool.imap`` would read the inputs ahead
    without limit). Results come back in order, so the database written by the one
    writer is identical to a ``--jobs 1`` run's.
    """
    import multiprocessing

    # fork shares the tagger's and gazetteer's compiled tables with the workers.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with suppress(Exception):  # a bad setting fails each document, in the workers
        _extract_one(("Warm-up on 3 May 2020 in France.", "2020-05-04", [], settings))
    window: deque[tuple[Document, Future[list[Any]]]] = deque()
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_setup_worker, initargs=(os.getpid(),)
    ) as pool:
        try:
            for document in documents:
                window.append((document, pool.submit(_extract_one, _task(document, settings))))
                if len(window) >= 4 * jobs:
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

    def exit_when_orphaned() -> None:
        while os.getppid() == writer_pid:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=exit_when_orphaned, name="writer-watch", daemon=True).start()


def _collect(
    pending: tuple[Document, Future[list[Any]]],
) -> tuple[Document, list[Any] | Exception]:
    document, future = pending
    try:
        return document, future.result()
    except Exception as error:
        return document, error


class _ReadOnlyIndex:
    """Which documents a database already holds, without writing to it (--dry-run)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.connection: sqlite3.Connection | None = None
        if Path(path).is_file():
            location = quote(str(Path(path).resolve()))
            self.connection = sqlite3.connect(f"file:{location}?mode=ro", uri=True)

    def has(self, document_id: str) -> bool:
        if self.connection is None:
            return False
        try:
            row = self.connection.execute(
                "select 1 from documents where id = ?", [document_id]
            ).fetchone()
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):  # nothing extracted into it yet
                return False
            raise DatabaseProblem(f"cannot read {self.path} ({error})") from None
        except sqlite3.DatabaseError as error:
            raise DatabaseProblem(
                f"cannot read {self.path} ({error}); is it an SQLite file?"
            ) from None
        return row is not None


def _column_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for name, meaning in reversed(
        [
            ("text", "the article text"),
            ("date", "the publication date"),
            ("title", "the headline"),
            ("url", "the article's URL"),
            ("id", "the row's own id"),
        ]
    ):
        function = click.option(
            f"--{name}-column",
            metavar="NAME",
            help=f"Column (CSV, table) or key (JSON) holding {meaning}.",
        )(function)
    return function


@cli.command()
@click.argument("database", type=click.Path(dir_okay=False))
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option(
    "--from-table",
    "tables",
    multiple=True,
    metavar="DB:TABLE",
    help="Read the rows of a table of an SQLite database (repeatable); each document "
    "keeps the table name and rowid of its row.",
)
@click.option(
    "--format",
    "input_format",
    type=click.Choice(FORMATS),
    help="Kind of every INPUT, instead of guessing from extensions (needed for stdin "
    "only when the content is ambiguous).",
)
@click.option(
    "--glob",
    metavar="PATTERN",
    help="Which files of a folder to read, searched recursively (e.g. '*.html'); by "
    "default every file of a known kind.",
)
@_column_options
@click.option(
    "--published",
    callback=_published_option,
    help="Publication date of the inputs (YYYY-MM-DD[THH:MM]); overrides the dates they carry.",
)
@click.option(
    "--anchoring",
    type=click.Choice(["auto", "news", "narrative"]),
    default="auto",
    show_default=True,
    help="What relative dates refer to: the publication date (news) or the last date mentioned (narrative).",
)
@click.option(
    "--ner",
    type=click.Choice(["rules", "spacy"]),
    default="rules",
    show_default=True,
    help="How actors are found: built-in gazetteers and rules, or a spaCy model.",
)
@click.option(
    "--spacy-model", help="spaCy model name for --ner spacy (for example en_core_web_sm)."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes extracting in parallel (0: one per CPU); one process writes.",
)
@click.option(
    "--dry-run", is_flag=True, help="Read and extract, show what would be stored, write nothing."
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print the closing summary as JSON on stdout."
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds to wait for a URL.",
)
@click.option(
    "--max-page-mb",
    type=click.FloatRange(min=0.001),
    default=20.0,
    show_default=True,
    help="Largest web page, TimeML file or URL read, in MB (text files of any size are "
    "read in parts; CSV and JSON row by row).",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Print only errors (no progress bar, no summary)."
)
def extract(
    database: str,
    inputs: tuple[str, ...],
    tables: tuple[str, ...],
    input_format: str | None,
    glob: str | None,
    text_column: str | None,
    date_column: str | None,
    title_column: str | None,
    url_column: str | None,
    id_column: str | None,
    published: str | None,
    anchoring: str,
    ner: str,
    spacy_model: str | None,
    jobs: int,
    dry_run: bool,
    as_json: bool,
    timeout: float,
    max_page_mb: float,
    quiet: bool,
) -> None:
    """Extract dated events from articles into DATABASE (an SQLite file, created if needed).

    INPUT is a file, a folder (searched recursively), an http(s) URL, or - for
    standard input. Kinds: text (.txt: headline first, "- Published Date: ..."
    header lines), HTML pages (.html: main text, headline, canonical URL and date
    from the page's metadata), JSON Lines (.jsonl), JSON arrays (.json), CSV/TSV
    (.csv/.tsv: one article per row, header row naming the columns) and TimeML
    (.tml). Rows and objects need a text column; the usual names (text, body,
    content; published, date; title, headline; url; id) are found by themselves.

    Documents already stored (same content) are skipped, so running the command
    again completes an interrupted run; documents are committed in batches (50
    documents or half a second), each document whole or not at all.

    \b
    Example:
        datasette-timeline extract events.db examples/
        datasette-timeline extract events.db saved-pages/ --glob '*.html' --jobs 2
        datasette-timeline extract events.db news.csv --text-column body --date-column day
        datasette-timeline extract events.db --from-table news.db:articles
        curl -s https://example.org/story | datasette-timeline extract events.db - --format html

    \b
    Exit codes:
        0  every input was read and stored (or was already there)
        1  some inputs or documents failed (each named on stderr); the rest was stored
        2  bad usage: an unknown option, a bad value, no input
        3  the database cannot be opened or written; nothing more was done
        130  interrupted; what was stored is kept: run the same command again
    """
    if not inputs and not tables:
        raise click.UsageError(
            "give at least one INPUT (file, folder, URL or -) or --from-table DB:TABLE; "
            "see 'datasette-timeline extract --help' for examples"
        )
    if ner == "spacy" and not spacy_model:
        raise click.UsageError(
            "--ner spacy needs --spacy-model NAME (an installed spaCy pipeline such as "
            "en_core_web_sm, or a path to one); or leave out --ner to use the built-in rules"
        )
    options = ReadOptions(
        published=published,
        format=input_format,
        glob=glob,
        columns=Columns(text_column, date_column, title_column, url_column, id_column),
        max_page_bytes=int(max_page_mb * MEGABYTE),
        fetch_timeout=timeout,
    )
    settings = ExtractSettings(anchoring=anchoring, ner=ner, spacy_model=spacy_model)
    began = time.perf_counter()
    summary = Summary(keep_documents=dry_run and as_json)
    code = EXIT_OK
    try:
        run_extract(
            database,
            inputs,
            tables,
            options,
            settings,
            summary,
            jobs=jobs or os.cpu_count() or 1,
            dry_run=dry_run,
            quiet=quiet,
            show_dry_run=not quiet and not as_json,
        )
    except KeyboardInterrupt:
        _say(
            "interrupted: the documents stored so far are kept; run the same command "
            "again to finish",
            quiet=False,
        )
        code = EXIT_INTERRUPTED
    except DatabaseProblem as problem:
        _say(f"error: {problem}", quiet=False)
        code = EXIT_DATABASE
    if code == EXIT_OK and summary.failed:
        code = EXIT_SOME_FAILED
    seconds = time.perf_counter() - began
    if as_json:
        click.echo(json.dumps(summary.as_json(seconds, dry_run, code), ensure_ascii=False))
    if not quiet:
        click.echo(summary.line(seconds, dry_run), err=True)
    if code:
        raise SystemExit(code)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


class DatabaseProblem(Exception):
    """The output database cannot be opened or written: the run stops."""


def _say(message: str, *, quiet: bool, progress: Progress | None = None) -> None:
    if quiet:
        return
    if progress:
        progress.clear()
    click.echo(message, err=True)


def run_extract(
    database: str,
    inputs: Iterable[str],
    tables: Iterable[str],
    options: ReadOptions,
    settings: ExtractSettings,
    summary: Summary,
    *,
    jobs: int = 1,
    dry_run: bool = False,
    quiet: bool = False,
    show_dry_run: bool = True,
) -> None:
    """Read, extract and store; counts and messages go into ``summary`` and stderr.

    With ``dry_run`` nothing is written; ``show_dry_run`` lists what would be stored.
    """
    from .readers import count_articles
    from .storage import DocumentBatch, has_document

    db = None if dry_run else _open(database)
    # Same connection as the writer: documents of the uncommitted batch count as stored.
    is_stored: Callable[[str], bool] = (
        _ReadOnlyIndex(database).has if db is None else partial(has_document, db)
    )
    writer = None if db is None else _Writer(DocumentBatch(db), summary)
    total = count_articles(inputs, options.glob, options.format) if not tables else None
    stderr = sys.stderr
    progress = Progress(stderr, total, enabled=not quiet and stderr.isatty())

    def new_documents() -> Iterator[Document]:
        """Readable documents not stored yet; errors and skips are counted on the way."""
        for item in iter_documents(inputs, options=options, tables=tables):
            if isinstance(item, InputError):
                summary.failed += 1
                summary.errors.append(str(item))
                _say(f"error: {item}", quiet=False, progress=progress)
                progress.update(summary)
                continue
            summary.read += 1
            if is_stored(item.id):
                summary.skipped += 1
                progress.update(summary)
                continue
            if item.published is None:
                _say(
                    f"warning: {item.source}: no publication date found; relative dates "
                    "stay unresolved (pass --published or --date-column to anchor them)",
                    quiet=quiet,
                    progress=progress,
                )
            yield item

    if jobs > 1:
        results = _extracted_in_workers(new_documents(), settings, jobs)
    else:
        results = _extracted_in_process(new_documents(), settings)
    try:
        for document, outcome in results:
            if not isinstance(outcome, Exception) and writer is None:
                _record_dry_run(summary, document, outcome, show_dry_run, progress)
            elif not isinstance(outcome, Exception) and writer is not None:
                outcome = writer.store(document, outcome)
            if isinstance(outcome, Exception):
                summary.failed += 1
                message = f"{document.source}: {type(outcome).__name__}: {outcome}"
                summary.errors.append(message)
                _say(f"error: {message}", quiet=False, progress=progress)
            progress.update(summary)
    finally:
        progress.clear()
        # At the end, and on Ctrl-C or a database error too: what was stored is kept.
        if writer is not None:
            writer.commit()


def _open(database: str) -> Any:
    from .storage import open_database

    try:
        return open_database(database)
    except (sqlite3.DatabaseError, OSError) as error:
        raise DatabaseProblem(
            f"cannot open {database} ({error}); is it an SQLite file, and is its folder writable?"
        ) from None


@dataclass
class _Writer:
    """The one writer: stores documents in batches (``storage.DocumentBatch``) and counts
    them in the summary once committed, so "N stored" never counts a lost batch."""

    batch: DocumentBatch
    summary: Summary
    uncommitted: list[list[Any]] = field(default_factory=list)  # events of each document

    def store(self, document: Document, events: list[Any]) -> list[Any] | Exception:
        """Write one document; return the events, or the exception that kept it out.

        A failure of the database itself (locked, full, corrupt) stops the run; any other
        failure is this document's alone: its savepoint was rolled back, the run goes on.
        """
        try:
            stored = self.batch.save(document, events)
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
        if stored:
            self.uncommitted.append(events)
        else:
            self.summary.skipped += 1
        if self.batch.due():
            self.commit()
        return events

    def commit(self) -> None:
        """Commit the open batch and count its documents as stored."""
        try:
            self.batch.commit()
        except sqlite3.DatabaseError as error:
            lost, self.uncommitted = len(self.uncommitted), []
            raise DatabaseProblem(
                f"cannot commit the last {_plural(lost, 'document')} to the database "
                f"({error}); they are not stored, what was stored before is kept: fix "
                "the problem (disk space, another writer) and run again"
            ) from None
        pending, self.uncommitted = self.uncommitted, []
        for events in pending:
            self.summary.stored += 1
            self.summary.events += len(events)
            self.summary.actors.update(actor.name for event in events for actor in event.actors)


def _record_dry_run(
    summary: Summary, document: Document, events: list[Any], show: bool, progress: Progress
) -> None:
    """Count a document as the run would store it; ``show`` lists it and its events on stdout."""
    summary.stored += 1
    summary.events += len(events)
    summary.actors.update(actor.name for event in events for actor in event.actors)
    if summary.keep_documents:
        summary.documents.append(_listing(document, events))
    if not show:
        return
    published = document.published or "no publication date"
    lines = [f"would store {document.source}: {_plural(len(events), 'event')} ({published})"]
    lines += [f"  {event.date:<12} {event.expression}" for event in events]
    progress.clear()
    click.echo("\n".join(lines))


def _listing(document: Document, events: list[Any]) -> dict[str, Any]:
    return {
        "source": document.source,
        "id": document.id,
        "title": document.title,
        "published": document.published,
        "events": [
            {"date": e.date, "expression": e.expression, "actors": [a.name for a in e.actors]}
            for e in events
        ],
    }


from .site.commands import export_site_command  # noqa: E402  (registered after the group exists)

cli.add_command(export_site_command)
from .timex.commands import evaluate_command, tag_command  # noqa: E402

list(map(cli.add_command, (tag_command, evaluate_command)))
