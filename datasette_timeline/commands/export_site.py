"""The ``export-site`` command: a static copy of a timeline, for people without a server."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import click

from ..site.export import DEFAULT_MAX_PAGES, ExportError, export_site


def _filter_pair(argument: str) -> tuple[str, str]:
    key, equals, value = argument.partition("=")
    if not equals or not key:
        raise click.BadParameter(
            f"{argument!r} is no filter: write them as Datasette query pairs, "
            "for example year=1991 or actors__arraycontains=Armenia",
            param_hint="FILTERS",
        )
    return key, value


def _load_metadata(path: str | None) -> dict[str, Any] | None:
    if path is None:
        return None
    try:
        loaded = json.loads(Path(path).read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise click.BadParameter(f"{path}: {error}", param_hint="--metadata") from None
    if not isinstance(loaded, dict):
        raise click.BadParameter(f"{path}: expected a JSON object", param_hint="--metadata")
    return loaded


@click.command(name="export-site")
@click.argument("database", type=click.Path(exists=True, dir_okay=False))
@click.argument("outdir", type=click.Path(file_okay=False))
@click.argument("filters", nargs=-1)
@click.option("--table", default="events", show_default=True, help="Table to show.")
@click.option(
    "-m",
    "--metadata",
    type=click.Path(exists=True, dir_okay=False),
    help="Datasette metadata.json.",
)
@click.option(
    "--max-pages",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_PAGES,
    show_default=True,
    help="Most facet and continuation pages to write.",
)
def export_site_command(
    database: str,
    outdir: str,
    filters: tuple[str, ...],
    table: str,
    metadata: str | None,
    max_pages: int,
) -> None:
    """Write the timeline of DATABASE as a static site in OUTDIR.

    The site (the list by year, one page per facet value, the overview and the
    exports) works from any static host and straight from disk (file://).
    FILTERS narrow the timeline, written as Datasette query-string pairs.

    \b
    Example:
        datasette-timeline export-site events.db site/
        datasette-timeline export-site events.db site-1991/ year=1991
        datasette-timeline export-site events.db armenia/ actors__arraycontains=Armenia
    """
    pairs = [_filter_pair(argument) for argument in filters]
    try:
        report = asyncio.run(
            export_site(
                Path(database),
                Path(outdir),
                table=table,
                filters=pairs,
                metadata=_load_metadata(metadata),
                max_pages=max_pages,
            )
        )
    except ExportError as error:
        raise click.ClickException(str(error)) from None
    click.echo(
        f"{len(report.pages)} pages, {len(report.exports)} exports, {len(report.assets)} assets "
        f"written to {outdir}; open {Path(outdir) / 'index.html'}",
        err=True,
    )
    for url, status in sorted(report.failed.items()):
        click.echo(f"warning: {url} answered {status}; links to it were removed", err=True)
    if report.skipped_pages:
        click.echo(
            f"warning: {len(report.skipped_pages)} linked pages left out (--max-pages {max_pages})",
            err=True,
        )
