"""Datasette plugin hooks for datasette-timeline.

The hooks stay thin: each hands its work to the module of its stage.
"""

from __future__ import annotations

from typing import Any

from pluggy import HookimplMarker

# Datasette's own marker (``datasette.hookimpl`` is this very object's equal), made here
# so that importing the package, as every command line run does, does not import
# Datasette (85 ms of start-up for `tag` and `extract`).
hookimpl = HookimplMarker("datasette")


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


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, datasette: Any) -> Any:
    # documents.source_rowid / source_id link back to the row the document came from.
    if table != "documents" or column not in ("source_rowid", "source_id") or value is None:
        return None
    from datasette.utils import tilde_encode
    from markupsafe import Markup

    from .web.backlinks import source_row

    found = source_row(dict(row), datasette.databases)
    if found is None:
        return None
    database, source_table, key = found
    href = datasette.urls.row(database, source_table, tilde_encode(key))
    return Markup('<a href="{}">{}</a>').format(href, value)


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
