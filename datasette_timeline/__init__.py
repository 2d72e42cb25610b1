"""Datasette plugin hooks for datasette-timeline.

The hooks stay thin: each hands its work to the module of its stage.
"""

from __future__ import annotations

from typing import Any

from datasette import hookimpl


@hookimpl
def register_commands(cli: Any) -> None:
    # `datasette timeline ...` is the same click group as `datasette-timeline ...`.
    from .cli import cli as timeline_cli

    cli.add_command(timeline_cli, name="timeline")
