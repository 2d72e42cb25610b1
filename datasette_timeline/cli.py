"""The ``datasette-timeline`` command line (also ``datasette timeline ...``)."""

from __future__ import annotations

import time

import click

from .readers import Document, InputError, iter_documents
from .readers.published import normalise_published_option


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


@cli.command()
@click.argument("database", type=click.Path(dir_okay=False))
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--published",
    callback=_published_option,
    help="Publication date of the inputs (YYYY-MM-DD[THH:MM]); overrides the date in their header.",
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
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def extract(
    database: str,
    inputs: tuple[str, ...],
    published: str | None,
    anchoring: str,
    ner: str,
    spacy_model: str | None,
    quiet: bool,
) -> None:
    """Extract dated events from articles into DATABASE.

    INPUT is a text file (first line the headline, "- Published Date: ..." header
    lines) or a folder of them. Documents already stored (same content) are skipped,
    so running the command again completes an interrupted run.

    \b
    Example:
        datasette-timeline extract events.db examples/
        datasette-timeline extract events.db speech.txt --published 2020-11-03
    """
    from .events import extract_events
    from .storage import open_database, save_document

    began = time.perf_counter()
    db = open_database(database)
    counts = {"read": 0, "stored": 0, "skipped": 0, "failed": 0, "events": 0}
    for item in iter_documents(inputs, published):
        if isinstance(item, InputError):
            counts["failed"] += 1
            click.echo(f"error: {item}", err=True)
            continue
        counts["read"] += 1
        document: Document = item
        if document.published is None and not quiet:
            click.echo(
                f"warning: {document.source}: no publication date found; relative dates "
                "stay unresolved (pass --published to anchor them)",
                err=True,
            )
        try:
            events = extract_events(
                document.text,
                document.published,
                skip_spans=document.skip_spans,
                anchoring=anchoring,
                ner=ner,
                spacy_model=spacy_model,
            )
            stored = save_document(db, document, events)
        except Exception as error:  # one bad document must not stop the run
            counts["failed"] += 1
            click.echo(f"error: {document.source}: {type(error).__name__}: {error}", err=True)
            continue
        if stored:
            counts["stored"] += 1
            counts["events"] += len(events)
        else:
            counts["skipped"] += 1
    if not quiet:
        click.echo(
            f"{counts['read']} documents read: {counts['stored']} stored, "
            f"{counts['skipped']} already present, {counts['failed']} failed; "
            f"{counts['events']} events in {time.perf_counter() - began:.1f}s",
            err=True,
        )
    if counts["failed"]:
        raise SystemExit(1)


from .site.commands import export_site_command  # noqa: E402  (registered after the group exists)

cli.add_command(export_site_command)
from .timex.commands import evaluate_command, tag_command  # noqa: E402, I001

list(map(cli.add_command, (tag_command, evaluate_command)))
