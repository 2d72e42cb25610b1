"""``datasette-timeline extract``: options in, ``pipeline.run_extract`` does the work."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import IO, TYPE_CHECKING, Any

import click

from ..pipeline import DatabaseProblem, ExtractSettings, Summary, run_extract
from ..readers import FORMATS, Columns, Document, ReadOptions, count_articles
from ..readers.document import MEGABYTE
from ..readers.language import normalise_language
from ..readers.published import normalise_published_option

if TYPE_CHECKING:
    from ..events import Event

# Exit codes scripts can rely on (also listed in ``extract --help``).
EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2  # click's own code for a bad option or argument
EXIT_DATABASE = 3
EXIT_INTERRUPTED = 130
# Runs of more documents than this get a progress bar (on a terminal).
FEW_DOCUMENTS = 3


def _language_option(_ctx: click.Context, _param: click.Parameter, value: str) -> str | None:
    if value.strip().lower() == "auto":
        return None
    try:
        language = normalise_language(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None
    if language is None:
        raise click.BadParameter(f"{value!r} names no language; give a code such as es, or auto")
    return language


def _published_option(
    _ctx: click.Context, _param: click.Parameter, value: str | None
) -> str | None:
    if value is None:
        return None
    try:
        return normalise_published_option(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


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


class CommandLineReporter:
    """What a run says, on stderr (errors, warnings, the progress bar) and, for a dry
    run, the documents that would be stored on stdout."""

    def __init__(self, progress: Progress, *, quiet: bool, show_dry_run: bool) -> None:
        self.bar = progress
        self.quiet = quiet
        self.show_dry_run = show_dry_run

    def _say(self, message: str) -> None:
        self.bar.clear()
        click.echo(message, err=True)

    def error(self, message: str) -> None:
        self._say(f"error: {message}")

    def warning(self, message: str) -> None:
        if not self.quiet:
            self._say(f"warning: {message}")

    def progress(self, summary: Summary) -> None:
        self.bar.update(summary)

    def would_store(self, document: Document, events: Sequence[Event]) -> None:
        if not self.show_dry_run:
            return
        published = document.published or "no publication date"
        language = document.language or "language unknown"
        lines = [
            f"would store {document.source}: {_plural(len(events), 'event')} "
            f"({published}; {language})"
        ]
        lines += [
            f"  {event.date:<12} {event.expression or '(dated by the publication)'}"
            for event in events
        ]
        self.bar.clear()
        click.echo("\n".join(lines))


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _column_options(function: Callable[..., Any]) -> Callable[..., Any]:
    for name, meaning in reversed(
        [
            ("text", "the article text"),
            ("date", "the publication date"),
            ("title", "the headline"),
            ("url", "the article's URL"),
            ("id", "the row's own id"),
            ("language", "the article's language (a code such as es or en)"),
        ]
    ):
        function = click.option(
            f"--{name}-column",
            metavar="NAME",
            help=f"Column (CSV, table) or key (JSON) holding {meaning}.",
        )(function)
    return function


@click.command(name="extract")
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
    "--language",
    default="auto",
    show_default=True,
    callback=_language_option,
    metavar="es|en|auto",
    help="Language of every input (an ISO 639-1 code), overriding what they declare; auto: "
    "a record's language field, a page's <html lang> or metadata, else detected from the "
    "text. Events of a language other than English are dates only for now.",
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
    help="Seconds a URL may take in all (connecting, redirects, the whole answer).",
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
def extract_command(
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
    language_column: str | None,
    published: str | None,
    language: str | None,
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
    content; published, date; title, headline; url; id; language, lang) are found
    by themselves.

    Each document's language is the one --language gives, else the one its input
    declares (a record's language field, a page's <html lang> or metadata), else
    the one its text is detected to be. Event types and actors are English-only
    for now: a document in another language gets its dates as events.

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
        language=language,
        format=input_format,
        glob=glob,
        columns=Columns(
            text_column, date_column, title_column, url_column, id_column, language_column
        ),
        max_page_bytes=int(max_page_mb * MEGABYTE),
        fetch_timeout=timeout,
    )
    settings = ExtractSettings(anchoring=anchoring, ner=ner, spacy_model=spacy_model)
    began = time.perf_counter()
    summary = Summary(keep_documents=dry_run and as_json)
    total = count_articles(inputs, options.glob, options.format) if not tables else None
    progress = Progress(sys.stderr, total, enabled=not quiet and sys.stderr.isatty())
    reporter = CommandLineReporter(progress, quiet=quiet, show_dry_run=not quiet and not as_json)
    code = EXIT_OK
    try:
        run_extract(
            database,
            inputs,
            tables,
            options,
            settings,
            summary,
            reporter,
            jobs=jobs or os.cpu_count() or 1,
            dry_run=dry_run,
        )
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
        progress.clear()
        click.echo(
            "interrupted: the documents stored so far are kept; run the same command again "
            "to finish",
            err=True,
        )
    except DatabaseProblem as problem:
        code = EXIT_DATABASE
        reporter.error(str(problem))
    finally:
        progress.clear()
    if code == EXIT_OK and summary.failed:
        code = EXIT_SOME_FAILED
    seconds = time.perf_counter() - began
    if as_json:
        click.echo(json.dumps(summary.as_json(seconds, dry_run, code), ensure_ascii=False))
    if not quiet:
        click.echo(summary.line(seconds, dry_run), err=True)
    if code:
        raise SystemExit(code)
