"""What the plugin hooks do: routes, and a Timeline link only on tables that have dates."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from markupsafe import Markup, escape

from .config import TimelineConfigError, timeline_columns
from .query import is_filter_key
from .views import ROUTE, STATIC_ROUTE, static_url, static_view, timeline_path, timeline_view


def routes() -> list[tuple[str, Any]]:
    return [(ROUTE, timeline_view), (STATIC_ROUTE, static_view)]


async def applies(datasette: Any, database: str, table: str) -> bool:
    """True when the table exists and has dates. Never raises: a broken config means no link."""
    try:
        db = datasette.get_database(database)
        if not await db.table_exists(table):
            return False
        return await timeline_columns(datasette, database, table) is not None
    except (KeyError, TimelineConfigError):
        return False


def carried_query(request: Any) -> str:
    """The table page's filters and search, carried over to the timeline (not sort or paging)."""
    if request is None:
        return ""
    pairs = [
        (key, value)
        for key, value in parse_qsl(request.query_string, keep_blank_values=True)
        if is_filter_key(key) or key in ("_search", "_through", "_where", "_searchmode")
    ]
    return "?" + urlencode(pairs) if pairs else ""


async def timeline_href(datasette: Any, database: str, table: str, request: Any) -> str | None:
    if not await applies(datasette, database, table):
        return None
    return timeline_path(datasette, database, table) + carried_query(request)


async def table_actions(
    datasette: Any, database: str, table: str, request: Any
) -> list[dict[str, str]]:
    href = await timeline_href(datasette, database, table, request)
    if href is None:
        return []
    return [
        {
            "href": href,
            "label": "Timeline",
            "description": "Browse these rows in date order, by year and month",
        }
    ]


async def top_table(datasette: Any, database: str, table: str, request: Any) -> str:
    href = await timeline_href(datasette, database, table, request)
    if href is None:
        return ""
    return str(
        Markup('<p class="timeline-link"><a href="{}">Timeline of these rows</a></p>').format(
            escape(href)
        )
    )


async def extra_js_urls(
    datasette: Any, database: str | None, table: str | None, view_name: str
) -> list[dict[str, Any]]:
    """Datasette 0.65 has no top_table hook: a small script repeats the menu's link."""
    if view_name != "table" or not database or not table or hasattr(datasette, "allowed"):
        return []
    if not await applies(datasette, database, table):
        return []
    return [{"url": static_url(datasette, "table-link.js"), "module": True}]
