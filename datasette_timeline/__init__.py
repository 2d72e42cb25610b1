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


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    from .web import hooks

    return hooks.routes()


@hookimpl
def table_actions(datasette: Any, database: str, table: str, request: Any) -> Any:
    from .web import hooks

    return hooks.table_actions(datasette, database, table, request)


@hookimpl
def top_table(datasette: Any, request: Any, database: str, table: str) -> Any:
    # Datasette 1.0 only; on 0.65 the table actions menu carries the link.
    from .web import hooks

    return hooks.top_table(datasette, database, table, request)


# --- datasette-enrichments (owned by the ingest side; called only when it is installed) ---
@hookimpl
def register_enrichments(datasette: Any) -> list[Any]:
    # The hook exists only where datasette-enrichments is installed, so the import is safe.
    from .enrichments import enrichments

    return enrichments()


@hookimpl
def extra_js_urls(datasette: Any, database: Any, table: Any, view_name: str) -> Any:
    from .web import hooks

    return hooks.extra_js_urls(datasette, database, table, view_name)
