"""The ``datasette-timeline`` command line (also ``datasette timeline ...``).

The only package that imports click: each command turns its options into the
arguments of its stage (``pipeline`` for extract, ``timex`` for tag and evaluate,
``site`` for export-site) and its results into output and an exit code.
"""

from __future__ import annotations

import click

from .export_site import export_site_command
from .extract import extract_command
from .tag import evaluate_command, tag_command


@click.group()
@click.version_option(package_name="datasette-timeline")
def cli() -> None:
    """Turn news articles into a dated, faceted timeline for Datasette.

    \b
    Example:
        datasette-timeline extract events.db articles/
        datasette events.db
    """


for _command in (extract_command, tag_command, evaluate_command, export_site_command):
    cli.add_command(_command)

__all__ = ["cli"]
