"""The `/{database}/{table}/-/timeline` route: HTML page and JSON, TimelineJS and iCalendar exports."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from datasette.database import QueryInterrupted
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import BadRequest, Forbidden, NotFound, Response

from . import cache, exports
from .config import (
    TimelineColumns,
    TimelineConfigError,
    plugin_config_for,
    row_label_column,
    timeline_columns,
)
from .dates import add_days, bucket_unit, parse_day, period_for
from .permissions import LinkedTables, can_view_table, readable_links
from .present import (
    Bar,
    EventView,
    Lane,
    Link,
    YearGroup,
    event_date,
    event_view,
    group_events,
    lane_view,
    narrowed,
    overview_bars,
    safe_url,
    shifted,
    widened,
)
from .query import (
    COUNTS_KEY,
    DEFAULT_PAGE_SIZE,
    FACET_SIZE_CHRONOLOGICAL,
    LANE_COUNT,
    BucketCounts,
    FacetResult,
    FacetSpec,
    FacetValue,
    FilterSet,
    Pairs,
    TimelineRequestError,
    build_filters,
    count_rows,
    date_bounds,
    decode_next,
    dense_through_filter,
    facet_counts,
    facet_counts_later,
    facet_specs,
    fetch_page,
    has_merged_rows,
    has_undated_rows,
    lane_counts,
    overview_counts,
    query_string,
    row_key_column,
    without,
)

ROUTE = r"^/(?P<database>[^/]+)/(?P<table>[^/]+)/-/timeline(?P<format>\.json|\.timelinejs\.json|\.ics)?$"
STATIC_ROUTE = r"^/-/timeline-static/(?P<path>[a-z0-9_-]+\.(?:js|css))$"
STATIC_DIR = Path(__file__).parent / "static"
TEMPLATE_FILE = Path(__file__).parent / "templates" / "timeline.html"
CONTENT_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8"}


def timeline_path(datasette: Any, database: str, table: str, fmt: str = "") -> str:
    return str(datasette.urls.table(database, table)) + "/-/timeline" + fmt


def static_url(datasette: Any, name: str) -> str:
    return str(datasette.urls.path(f"/-/timeline-static/{name}"))


async def static_view(datasette: Any, request: Any) -> Response:
    """Our own assets: they live in web/static, beside the code that uses them."""
    name = request.url_vars["path"]
    path = STATIC_DIR / name
    if not path.is_file():
        raise NotFound("No such file")
    return Response(
        path.read_text(encoding="utf-8"),
        content_type=CONTENT_TYPES[path.suffix],
        headers={"cache-control": "max-age=3600"},
    )


@dataclass
class Resolved:
    database: str
    table: str
    db: Any
    columns: list[str]
    tl: TimelineColumns
    pks: list[str]
    # The other tables this request may read: only those the actor may view.
    links: LinkedTables


async def resolve(datasette: Any, request: Any) -> Resolved:
    """The database, table and timeline columns of the URL, permission checked first."""
    database_route = tilde_decode(request.url_vars["database"])
    table = tilde_decode(request.url_vars["table"])
    try:
        db = datasette.get_database(route=database_route)
    except KeyError:
        db = None
    database = db.name if db is not None else database_route
    # Before anything else: a forbidden table and a missing one must look alike.
    if not await can_view_table(datasette, request.actor, database, table):
        raise Forbidden("You do not have permission to view this table")
    if db is None or not await db.table_exists(table):
        raise NotFound("Table not found")
    columns = await db.table_columns(table)
    try:
        tl = await timeline_columns(datasette, database, table, columns=columns)
    except TimelineConfigError as error:
        raise BadRequest(f"datasette-timeline configuration: {error}") from error
    if tl is None:
        raise NotFound("This table has no date column for a timeline")
    tl, links = await readable_links(datasette, request.actor, database, db, table, tl)
    return Resolved(database, table, db, columns, tl, await db.primary_keys(table), links)


def page_size(pairs: Pairs, maximum: int, default: int = DEFAULT_PAGE_SIZE) -> int:
    raw = [v for k, v in pairs if k == "_size"]
    if not raw:
        return min(default, maximum)
    if raw[-1] == "max":
        return maximum
    try:
        size = int(raw[-1])
    except ValueError as error:
        raise TimelineRequestError("_size must be a positive integer") from error
    if size < 1:
        raise TimelineRequestError("_size must be a positive integer")
    return min(size, maximum)


def request_pairs(request: Any) -> Pairs:
    return parse_qsl(request.query_string, keep_blank_values=True)


class Links:
    """Query strings for the page's links, all derived from the current one."""

    def __init__(self, pairs: Pairs, tl: TimelineColumns) -> None:
        self.pairs = pairs
        self.gte = f"{tl.date}__gte"
        self.lt = f"{tl.date}__lt"

    def add_filter(self, key: str, value: str) -> str:
        pair = (key, value)
        if pair in self.pairs:
            return query_string(without(self.pairs))
        return query_string([*without(self.pairs), pair])

    def lane_range(self, group_key: str, name: str, start: dt.date, stop: dt.date) -> str:
        """The list for one lane's value within one period."""
        pair = (group_key, name)
        base = without(self.pairs, keys=(self.gte, self.lt), pair=pair)
        base += [pair, (self.gte, start.isoformat()), (self.lt, stop.isoformat())]
        return query_string(base)

    def toggle(self, key: str, value: str) -> str:
        pair = (key, value)
        if pair in self.pairs:
            return query_string(without(self.pairs, pair=pair))
        return query_string([*without(self.pairs), pair])

    def date_range(self, start: dt.date | None, stop: dt.date | None) -> str:
        base = without(self.pairs, keys=(self.gte, self.lt))
        if start is not None:
            base.append((self.gte, start.isoformat()))
        if stop is not None:
            base.append((self.lt, stop.isoformat()))
        return query_string(base)


@dataclass
class Overview:
    unit: str
    bars: list[Bar]
    range_label: str
    zoom_in: str | None
    zoom_out: str | None
    earlier: str | None
    later: str | None
    show_all: str | None
    timed_out: bool
    gte_key: str
    lt_key: str
    year_counts: list[tuple[str, int]] | None = None
    total: int | None = None
    lanes: list[Lane] = field(default_factory=list)
    lanes_toggle: str | None = None
    lanes_on: bool = False
    lanes_note: str | None = None


def range_label(start: dt.date, stop: dt.date) -> str:
    last = add_days(stop, -1)
    if last <= start:
        return start.isoformat()
    return f"{start.isoformat()} to {last.isoformat()}"


async def counts_at_fitting_unit(
    r: Resolved, filters: FilterSet, limit: int
) -> tuple[str, BucketCounts, dt.date, dt.date] | None:
    """Counts per year, narrowing to months then days while the data spans little time.

    The buckets themselves give the bounds, so no separate min/max query is needed."""
    units: tuple[str, ...] = ("year", "month", "day")
    if filters.single_year:
        # One year chosen (the year facet): it cannot span years, start at months.
        units = ("month", "day")
    for unit in units:
        counts = await overview_counts(r.db, r.table, r.tl, filters, unit, limit)
        if counts is None:
            return None
        periods = [p for p in (period_for(key) for key, _ in counts.counts) if p is not None]
        if not periods:
            return None
        first, stop = periods[0].first_day, periods[-1].next_first_day
        if unit == "day" or bucket_unit(first, add_days(stop, -1)) == unit:
            return unit, counts, first, stop
    return None


async def build_overview(
    datasette: Any, r: Resolved, filters: FilterSet, links: Links
) -> Overview | None:
    limit = int(datasette.setting("sql_time_limit_ms"))
    if filters.range_start and filters.range_stop:
        first, stop = filters.range_start, filters.range_stop
        if stop <= first:
            stop = add_days(first, 1)
        unit = bucket_unit(first, add_days(stop, -1))
        counts = await overview_counts(r.db, r.table, r.tl, filters, unit, limit)
    elif filters.range_start or filters.range_stop:
        bounds = await date_bounds(r.db, r.table, r.tl, filters)
        if bounds is None:
            return None
        first = filters.range_start or bounds[0]
        stop = filters.range_stop or add_days(bounds[1], 1)
        if stop <= first:
            stop = add_days(first, 1)
        unit = bucket_unit(first, add_days(stop, -1))
        counts = await overview_counts(r.db, r.table, r.tl, filters, unit, limit)
    else:
        found = await counts_at_fitting_unit(r, filters, limit)
        if found is None:
            return None
        unit, counts, first, stop = found
    chosen = (first, stop) if filters.range_start and filters.range_stop else None
    bars = overview_bars(counts.counts if counts else [], unit, links.date_range, chosen)
    ranged = filters.range_start is not None or filters.range_stop is not None

    def link(span: tuple[dt.date, dt.date]) -> str:
        return links.date_range(*span)

    before, after = shifted(first, stop, -1), shifted(first, stop, 1)
    earlier = link(before) if before else None
    later = link(after) if after else None
    zoom_in = link(narrowed(first, stop)) if (stop - first).days >= 3 else None
    return Overview(
        unit=unit,
        bars=bars,
        range_label=range_label(first, stop),
        zoom_in=zoom_in,
        zoom_out=link(widened(first, stop)) if ranged else None,
        earlier=earlier if ranged else None,
        later=later if ranged else None,
        show_all=links.date_range(None, None) if ranged else None,
        timed_out=counts is None,
        gte_key=links.gte,
        lt_key=links.lt,
        year_counts=counts.counts if counts and unit == "year" else None,
        total=counts.total if counts else None,
    )


async def documents_for(
    datasette: Any, r: Resolved, rows: list[dict[str, Any]]
) -> dict[Any, tuple[Link, str | None]]:
    """The linked document of each row (title and row page), plus its source URL if http(s)."""
    document = r.links.document
    if document is None or not rows:
        return {}
    other, other_key, column = document.table, document.key, document.column
    other_columns = await r.db.table_columns(other)
    label = await row_label_column(r.db, other) or other_key
    source = "source" if "source" in other_columns else None
    ids = sorted({row[column] for row in rows if row.get(column) is not None}, key=str)
    if not ids:
        return {}
    from .query import q

    placeholders = ", ".join(f":d{i}" for i in range(len(ids)))
    select = f"{q(other_key)}, {q(label)}" + (f", {q(source)}" if source else "")
    result = await r.db.execute(
        f"select {select} from {q(other)} where {q(other_key)} in ({placeholders})",
        {f"d{i}": value for i, value in enumerate(ids)},
    )
    found: dict[Any, tuple[Link, str | None]] = {}
    for row in result.rows:
        url = datasette.urls.row(r.database, other, tilde_encode(str(row[0])))
        title = row[1] if row[1] not in (None, "") else str(row[0])
        found[row[0]] = (Link(str(title), str(url)), safe_url(row[2]) if source else None)
    return found


async def event_views(
    datasette: Any, r: Resolved, rows: list[dict[str, Any]], links: Links, key_column: str
) -> list[EventView]:
    documents = await documents_for(datasette, r, rows)
    mentions = r.links.mentions
    key_name = "__key" if key_column == "rowid" else key_column
    views = []
    for index, row in enumerate(rows):
        key = row[key_name]
        record_url = str(datasette.urls.row(r.database, r.table, tilde_encode(str(key))))
        document, source_url = documents.get(row.get(r.tl.get("document") or ""), (None, None))
        view = event_view(
            row,
            r.tl,
            anchor=f"event-{index + 1}",
            filter_query=links.add_filter,
            record_url=record_url,
            document=document,
            source_url=source_url,
        )
        if mentions is not None:
            table, column = mentions
            view.mentions_url = str(datasette.urls.table(r.database, table)) + query_string(
                [(column, str(key))]
            )
        views.append(view)
    return views


async def timeline_view(datasette: Any, request: Any) -> Response:
    try:
        return await _timeline_view(datasette, request)
    except TimelineConfigError as error:
        raise BadRequest(f"datasette-timeline configuration: {error}") from error
    except TimelineRequestError as error:
        raise BadRequest(str(error)) from error
    except QueryInterrupted as error:
        raise BadRequest("This view took too long to query; narrow it down.") from error
    except sqlite3.DatabaseError as error:
        # As on the table page: SQL from the query string (_where, raw search) can be invalid.
        raise BadRequest(f"Invalid query: {error}") from error


async def _timeline_view(datasette: Any, request: Any) -> Response:
    r = await resolve(datasette, request)
    fmt = request.url_vars.get("format") or ""
    pairs = request_pairs(request)
    undated = await has_undated_rows(r.db, r.table, r.tl)
    merged = await has_merged_rows(r.db, r.table, r.tl)
    filters = await build_filters(
        datasette,
        request,
        r.database,
        r.table,
        r.columns,
        r.tl,
        pairs,
        require_date=undated,
        hide_merged=merged,
    )
    maximum = int(datasette.setting("max_returned_rows"))
    # Exports carry the whole filtered view, up to Datasette's max_returned_rows per request.
    size = page_size(pairs, maximum, default=maximum if fmt else DEFAULT_PAGE_SIZE)
    after = decode_next(next((v for k, v in pairs if k == "_next"), None))
    key_column = row_key_column(r.pks)
    links = Links(pairs, r.tl)
    limit = int(datasette.setting("sql_time_limit_ms"))

    scan = await dense_through_filter(r.db, r.table, r.tl, filters)
    page = await fetch_page(r.db, r.table, r.tl, filters, key_column, size, after, scan)
    events = await event_views(datasette, r, page.rows, links, key_column)
    next_query = (
        query_string([*without(pairs), ("_next", page.next_token)]) if page.next_token else None
    )

    if fmt:
        exported_total = await count_rows(r.db, r.table, filters, limit)
        return export_response(
            datasette, request, r, fmt, page.rows, events, exported_total, filters, next_query
        )

    overview, facets, total = await overview_and_facets(datasette, r, filters, pairs, links)
    if overview is not None and r.tl.group:
        await add_lanes(r, overview, facets, filters, links, pairs, limit)
    # Datasette's own search filter needs a full-text index; offer the box only with one.
    searchable = bool(await r.db.fts_table(r.table))
    context = page_context(
        datasette, request, r, filters, pairs, page.offset, events, total, searchable
    )
    context.update(
        overview=overview,
        facets=facets,
        facets_deferred=any(facet.deferred for facet in facets),
        counts_query=query_string([*without(pairs), (COUNTS_KEY, "all")]),
        next_query=next_query,
        first_query=query_string(without(pairs)) if after else None,
    )
    context.update(await footer_context(datasette))
    html = await render(datasette, request, context)
    cache.start_queued()
    return Response.html(html)


# Facets are counted before the page is sent only over this many matching rows (or when
# asked with _counts=all, or for lanes): over a large selection each facet visits every
# matching row (about 2-5 microseconds each on this machine), which would make the page wait
# several times longer than the list and the overview. Larger selections get their counts
# right after the response; the page's script (or a link, without JavaScript) fetches them.
INLINE_FACET_ROWS = 10_000
# The plugin setting that changes it per table (0: always count after the page).
INLINE_FACET_ROWS_SETTING = "count_facets_up_to"


def inline_facet_rows(datasette: Any, database: str, table: str) -> int:
    setting = plugin_config_for(datasette, database, table).get(INLINE_FACET_ROWS_SETTING)
    if setting is None:
        return INLINE_FACET_ROWS
    if isinstance(setting, bool) or not isinstance(setting, int) or setting < 0:
        raise TimelineConfigError(f"{INLINE_FACET_ROWS_SETTING} must be a whole number >= 0")
    return setting


async def overview_and_facets(
    datasette: Any, r: Resolved, filters: FilterSet, pairs: Pairs, links: Links
) -> tuple[Overview | None, list[FacetResult], int | None]:
    """The overview, the facets and the total, sharing work: the overview's buckets give the
    total (so the number of rows facets would visit) and, when it counts years, the year
    facet."""
    limit = int(datasette.setting("sql_time_limit_ms"))
    facet_limit = int(datasette.setting("facet_time_limit_ms"))
    specs = await facet_specs(r.db, r.tl, r.links.document)
    overview = await build_overview(datasette, r, filters, links)
    # The overview's buckets hold every matching row: no separate count needed.
    if overview is not None and overview.total is not None:
        total: int | None = overview.total
    else:
        total = await count_rows(r.db, r.table, filters, limit)
    year_counts = overview.year_counts if overview else None
    chosen_years = [v for k, v in pairs if k == r.tl.get("year")]
    if (
        year_counts is None
        and filters.single_year
        and len(set(chosen_years)) == 1
        and chosen_years[0].strip().isdigit()
    ):
        # One year chosen: its count is the total.
        year_counts = [(chosen_years[0], total or 0)]
    count_now = (
        (COUNTS_KEY, "all") in pairs
        or ("_lanes", "1") in pairs
        or (total is not None and total <= inline_facet_rows(datasette, r.database, r.table))
    )

    async def one_facet(spec: FacetSpec) -> FacetResult:
        if year_counts is not None and reusable(spec, r.tl):
            return await facet_from_counts(spec, year_counts, filters, pairs)
        if not count_now:
            return facet_counts_later(r.db, r.table, r.tl, filters, spec, pairs, limit)
        return await facet_counts(
            r.db, r.table, r.tl, filters, spec, pairs, facet_limit, background_limit_ms=limit
        )

    facets = list(await asyncio.gather(*(one_facet(spec) for spec in specs)))
    return overview, facets, total


async def add_lanes(
    r: Resolved,
    overview: Overview,
    facets: list[FacetResult],
    filters: FilterSet,
    links: Links,
    pairs: Pairs,
    limit: int,
) -> None:
    """Lanes by actor (the group column) under the overview, when asked for with ?_lanes=1."""
    assert r.tl.group
    overview.lanes_on = ("_lanes", "1") in pairs
    overview.lanes_toggle = links.toggle("_lanes", "1")
    if not overview.lanes_on or not overview.bars:
        return
    group_key = f"{r.tl.group}__arraycontains"
    group_facet = next((f for f in facets if f.spec.key == group_key), None)
    if group_facet is None or group_facet.timed_out:
        overview.lanes_note = "Lanes need the actor counts, which took too long here."
        return
    names = [str(v.value) for v in group_facet.values[:LANE_COUNT]]
    counts = await lane_counts(r.db, r.table, r.tl, filters, overview.unit, names, limit)
    if counts is None:
        overview.lanes_note = "The lanes took too long to count for this selection."
        return

    def range_query(name: str, start: dt.date, stop: dt.date) -> str:
        return links.lane_range(group_key, name, start, stop)

    overview.lanes = [
        lane_view(name, counts[name], overview.bars, links.add_filter(group_key, name), range_query)
        for name in names
    ]


def reusable(spec: FacetSpec, tl: TimelineColumns) -> bool:
    """The year facet is the overview's yearly counts when the overview shows years."""
    return spec.column == tl.get("year") and tl.date == "start"


async def facet_from_counts(
    spec: FacetSpec, counts: list[tuple[str, int]], filters: FilterSet, pairs: Pairs
) -> FacetResult:
    values = []
    for key, count in counts:
        if not count:
            continue
        value = str(int(key))
        pair = (spec.key, value)
        selected = pair in filters.selected
        toggle = without(pairs, pair=pair) if selected else [*without(pairs), pair]
        values.append(FacetValue(value, value, count, selected, query_string(toggle)))
    return FacetResult(
        spec, values[:FACET_SIZE_CHRONOLOGICAL], truncated=len(values) > FACET_SIZE_CHRONOLOGICAL
    )


def page_context(
    datasette: Any,
    request: Any,
    r: Resolved,
    filters: FilterSet,
    pairs: Pairs,
    offset: int,
    events: list[EventView],
    total: int | None,
    searchable: bool,
) -> dict[str, Any]:
    filter_pairs = without(pairs, keys=("_size", "_lanes"))
    table_url = str(datasette.urls.table(r.database, r.table))
    search = next((v for k, v in pairs if k == "_search"), "")
    hidden = [(k, v) for k, v in without(pairs, keys=("_search",))]
    exports_query = query_string(without(pairs))
    groups: list[YearGroup] = group_events(events)
    return {
        "database": r.database,
        "table": r.table,
        "database_url": str(datasette.urls.database(r.database)),
        "table_url": table_url,
        "table_query": query_string(filter_pairs) if filter_pairs else "",
        "timeline_url": timeline_path(datasette, r.database, r.table),
        "export_json": timeline_path(datasette, r.database, r.table, ".json") + exports_query,
        "export_timelinejs": timeline_path(datasette, r.database, r.table, ".timelinejs.json")
        + exports_query,
        "export_ics": timeline_path(datasette, r.database, r.table, ".ics") + exports_query,
        "groups": groups,
        "shown_from": offset + 1 if events else 0,
        "shown_to": offset + len(events),
        "total": total,
        "filters": filters,
        "search": search,
        "search_hidden": hidden,
        "has_search": searchable,
        "css_url": static_url(datasette, "timeline.css"),
        "js_url": static_url(datasette, "timeline.js"),
        "date_column": r.tl.date,
    }


async def footer_context(datasette: Any) -> dict[str, Any]:
    """What Datasette's footer shows: version, licence and source of the instance."""
    from datasette.version import __version__

    if hasattr(datasette, "get_instance_metadata"):
        metadata = await datasette.get_instance_metadata()
    else:
        metadata = datasette.metadata()
    return {"datasette_version": __version__, "metadata": metadata or {}}


_TEMPLATES: dict[int, Any] = {}


async def render(datasette: Any, request: Any, context: dict[str, Any]) -> str:
    """Render with Datasette's own Jinja environment (autoescaping, crumbs, urls)."""
    get_env = getattr(datasette, "get_jinja_environment", None)
    env = get_env(request) if get_env else datasette.jinja_env
    template = _TEMPLATES.get(id(env))
    if template is None or template.environment is not env:
        template = env.from_string(TEMPLATE_FILE.read_text(encoding="utf-8"))
        _TEMPLATES[id(env)] = template
    return str(await datasette.render_template(template, context, request=request))


def export_response(
    datasette: Any,
    request: Any,
    r: Resolved,
    fmt: str,
    rows: list[dict[str, Any]],
    events: list[EventView],
    total: int | None,
    filters: FilterSet,
    next_query: str | None,
) -> Response:
    items = []
    for row, event in zip(rows, events, strict=True):
        value, _precision = event_date(row, r.tl)
        start = row.get(r.tl.date)
        end = row.get(r.tl.end) if r.tl.end else None
        items.append(exports.event_json(event, _day_text(start), _day_text(end), value))
    title = f"{r.table} timeline"
    if filters.description:
        title += f" {filters.description}"
    if fmt == ".ics":
        host = urlsplit(datasette.absolute_url(request, "/")).netloc or "datasette"
        body = exports.icalendar(title, items, host, dt.datetime.now(dt.timezone.utc))
        return Response(body, content_type="text/calendar; charset=utf-8")
    if fmt == ".timelinejs.json":
        return Response.json(exports.timelinejs(title, r.database, items))
    payload = {
        "database": r.database,
        "table": r.table,
        "filters": filters.description,
        "count": total,
        "next_url": timeline_path(datasette, r.database, r.table, ".json") + next_query
        if next_query
        else None,
        "events": items,
    }
    return Response(
        json.dumps(payload, ensure_ascii=False, default=str),
        content_type="application/json; charset=utf-8",
    )


def _day_text(value: Any) -> str | None:
    day = parse_day(value if isinstance(value, str) else None)
    return day.isoformat() if day else None
