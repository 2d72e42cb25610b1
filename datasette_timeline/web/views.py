"""The `/{database}/{table}/-/timeline` route: HTML page and JSON, TimelineJS and iCalendar exports."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

from datasette.database import QueryInterrupted
from datasette.utils import tilde_decode, tilde_encode
from datasette.utils.asgi import AsgiStream, BadRequest, Forbidden, NotFound, Response

from . import cache, exports
from .config import (
    Sampled,
    TimelineColumns,
    TimelineConfigError,
    plugin_config_for,
    row_label_column,
    samples_without_dates,
    timeline_columns,
)
from .datesql import DateSql, date_sql
from .permissions import LinkedTables, can_view_table, readable_links
from .present import (
    EventView,
    Link,
    YearGroup,
    event_date,
    event_view,
    group_events,
    safe_url,
)
from .query import (
    COUNTS_KEY,
    DEFAULT_PAGE_SIZE,
    FACET_SIZE_CHRONOLOGICAL,
    LANE_COUNT,
    FacetResult,
    FacetSpec,
    FacetValue,
    FilterSet,
    Pairs,
    TimelineRequestError,
    base_counts,
    build_filters,
    configured_facet_specs,
    count_rows,
    decode_next,
    dense_through_filter,
    facet_counts,
    facet_counts_later,
    facet_specs,
    fetch_page,
    has_merged_rows,
    has_signed_years,
    has_spans,
    has_undated_rows,
    lane_counts,
    page_segments,
    query_string,
    row_key_column,
    span_counts,
    suggested_facet_specs,
    undated_segments,
    without,
)
from .timeaxis import (
    NARROW_BARS,
    NARROW_PIXELS,
    WIDE_BARS,
    WIDE_PIXELS,
    Day,
    Overview,
    Scale,
    choose_scale,
    densest_window,
    lane_view,
    layout_axis,
    parse_day,
    shifted,
    span_words,
    widened,
    year_words,
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
    dsql: DateSql


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
        samples = await samples_without_dates(datasette, database, table, columns)
        raise NoDateColumn(no_date_message(samples, database, table, columns))
    tl, links = await readable_links(datasette, request.actor, database, db, table, tl)
    dsql = date_sql(tl.date, tl.end, tl.date_format)
    return Resolved(database, table, db, columns, tl, await db.primary_keys(table), links, dsql)


class NoDateColumn(Exception):
    """The table has no column the timeline can read dates from; the message says why."""


def no_date_message(
    sampled: list[tuple[Sampled, bool]], database: str, table: str, columns: list[str]
) -> str:
    """Which columns were tried, which of their values did not read as dates, and the
    metadata that names a date column by hand."""
    lines = [
        f"No column of {table} reads as dates: a timeline needs one where most values are "
        "ISO dates (1969-07-20, 1969-07-20T20:17:40Z), years (1969, -0044), year-months "
        "(1969-07), or dates such as July 20, 1969 and 20 July 1969."
    ]
    for sample, _named in sampled:
        if not sample.total:
            continue
        shown = ", ".join(repr(v[:40]) for v in sample.failed[:5])
        lines.append(
            f"{sample.column}: {sample.parsed} of {sample.total} sampled values read as dates"
            + (f"; not: {shown}" if shown else "")
        )
    # The column most of whose values read, preferring one named like dates.
    ranked = sorted(
        (s for s, named in sampled if s.parsed and (named or s.full_days)),
        key=lambda s: -s.parsed / s.total,
    )
    guess = ranked[0].column if ranked else (sampled[0][0].column if sampled else columns[0])
    plugin = {"plugins": {"datasette-timeline": {"date_column": guess}}}
    snippet = json.dumps({"databases": {database: {"tables": {table: plugin}}}}, indent=2)
    lines.append(
        "To choose the column yourself, add this to metadata.json (on Datasette 1.0, the "
        f"same keys in datasette.yaml):\n{snippet}"
    )
    return "\n".join(lines)


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

    def lane_range(self, group_key: str, name: str, start: Day, stop: Day) -> str:
        """The list for one lane's value within one period."""
        pair = (group_key, name)
        base = without(self.pairs, keys=(self.gte, self.lt), pair=pair)
        base += [pair, (self.gte, start.iso()), (self.lt, stop.iso())]
        return query_string(base)

    def toggle(self, key: str, value: str) -> str:
        pair = (key, value)
        if pair in self.pairs:
            return query_string(without(self.pairs, pair=pair))
        return query_string([*without(self.pairs), pair])

    def date_range(self, start: Day | None, stop: Day | None) -> str:
        base = without(self.pairs, keys=(self.gte, self.lt))
        if start is not None:
            base.append((self.gte, start.iso()))
        if stop is not None:
            base.append((self.lt, stop.iso()))
        return query_string(base)


def parse_bucket(value: Any) -> Day | None:
    """The first day of a counted year, month or day ('1991', -43, '2020-10', '2020-10-26')."""
    if isinstance(value, int):
        return Day.of(value) if -9999 <= value <= 9999 else None
    return parse_day(value)


def parsed_counts(rows: list[tuple[Any, int]]) -> tuple[list[tuple[Day, int]], int]:
    """Counts by first day, and how many rows had a bucket no day could be read from."""
    parsed, unplaced = [], 0
    for key, count in rows:
        day = parse_bucket(key)
        if day is None:
            unplaced += count
        else:
            parsed.append((day, count))
    return sorted(parsed), unplaced


BASES = ("year", "month", "day")


async def counted_span(
    r: Resolved, filters: FilterSet, limit: int
) -> tuple[Day, Day, str, list[tuple[Day, int]], int] | None:
    """First and last day (exclusive) of the selection, counted at the base its span needs:
    per year first, then per month or day while the span is short. The buckets give the
    bounds, so no separate min/max query is needed."""
    first: Day | None = filters.range_start
    stop: Day | None = filters.range_stop
    if first is None and stop is None and filters.year_span is not None:
        # One year chosen: its days are the bounds, counted at the base they need at once.
        first, stop = filters.year_span
    if first is not None and stop is not None:
        if stop <= first:
            stop = first.plus(1)
        base = choose_scale(first, stop, WIDE_BARS).base
        rows = await base_counts(r.db, r.table, r.tl, r.dsql, filters, base, limit)
        if rows is None:
            return None
        counts, unplaced = parsed_counts(rows)
        return first, stop, base, counts, unplaced
    for base in BASES:
        rows = await base_counts(r.db, r.table, r.tl, r.dsql, filters, base, limit)
        if rows is None:
            return None
        counts, unplaced = parsed_counts(rows)
        if not counts:
            return None
        low = filters.range_start or counts[0][0]
        high = filters.range_stop or _next_base(counts[-1][0], base)
        if high <= low:
            high = low.plus(1)
        if choose_scale(low, high, WIDE_BARS).base == base or base == "day":
            return low, high, base, counts, unplaced
    return None


def _next_base(day: Day, base: str) -> Day:
    from .timeaxis import shift_by

    return day.plus(1) if base == "day" else shift_by(day, base, 1)


def precision_words(scale: Any, first: Day, stop: Day) -> str:
    return f"{span_words(first, stop)}, dates known only to a span wider than a {scale.name}"


async def build_overview(
    datasette: Any, r: Resolved, filters: FilterSet, links: Links, pairs: Pairs
) -> Overview | None:
    limit = int(datasette.setting("sql_time_limit_ms"))
    found = await counted_span(r, filters, limit)
    if found is None:
        return None
    first, stop, base, counts, unplaced = found
    total = sum(count for _, count in counts) + unplaced
    notes = []
    pending = False
    spans: list[tuple[Day, Day, int]] = []
    if has_spans(r.tl, r.dsql):
        count_now = (COUNTS_KEY, "all") in pairs or total <= inline_facet_rows(
            datasette, r.database, r.table
        )
        rows = await span_counts(r.db, r.table, r.tl, r.dsql, filters, base, limit, count_now)
        pending = rows is None
        if rows is None:
            notes.append(
                "Events dated only to a span (a year, a decade) are still being counted: "
                "for now each is in the bar where its span starts."
            )
        else:
            for low, high, count in rows:
                low_day, high_day = parse_bucket(low), parse_bucket(high)
                if low_day is not None and high_day is not None and high_day > low_day:
                    spans.append((low_day, high_day, count))
    if unplaced:
        notes.append(f"{unplaced:,} events have a date the overview cannot place.")
    ranged = filters.range_start is not None or filters.range_stop is not None
    wide_scale = choose_scale(first, stop, WIDE_BARS)
    narrow_scale = choose_scale(first, stop, NARROW_BARS)

    def extent(scale: Scale) -> tuple[Day, Day]:
        # Without a chosen range each drawing runs from the start of its first bucket to the
        # end of its last, so no bar is cut short at either end.
        if ranged:
            return first, stop
        return scale.first(scale.index(first)), scale.first(scale.index(stop.plus(-1)) + 1)

    # Both drawings count from the same buckets: a coarser scale nests in the base unit.
    wide = layout_axis(
        counts,
        spans,
        *extent(wide_scale),
        wide_scale,
        links.date_range,
        precision_words,
        WIDE_PIXELS,
    )
    narrow = layout_axis(
        counts,
        spans,
        *extent(narrow_scale),
        narrow_scale,
        links.date_range,
        precision_words,
        NARROW_PIXELS,
    )
    # The range in words is that of the events (or the chosen range), not of the buckets.
    label = span_words(first, stop)
    first, stop = wide.first, wide.stop

    def link(span: tuple[Day, Day] | None) -> str | None:
        return links.date_range(*span) if span else None

    zoom = densest_window(wide.bars, wide_scale, first, stop)
    can_zoom = zoom != (first, stop) and stop.number - first.number > 1
    return Overview(
        first=first,
        stop=stop,
        wide=wide,
        narrow=narrow,
        range_label=label,
        zoom_in=link(zoom) if can_zoom else None,
        zoom_out=link(widened(first, stop)) if ranged else None,
        earlier=link(shifted(first, stop, -1)) if ranged else None,
        later=link(shifted(first, stop, 1)) if ranged else None,
        show_all=links.date_range(None, None) if ranged else None,
        gte_key=links.gte,
        lt_key=links.lt,
        notes=notes,
        total=total,
        year_counts=[(day.year, count) for day, count in counts] if base == "year" else None,
        pending=pending,
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
    datasette: Any,
    r: Resolved,
    rows: list[dict[str, Any]],
    links: Links,
    key_column: str,
    segment_headings: dict[int, str] | None = None,
) -> list[EventView]:
    segment_headings = segment_headings or {}
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
        if row.get("__segment") and (
            index == 0 or rows[index - 1].get("__segment") != row["__segment"]
        ):
            view.segment_heading = segment_headings.get(row["__segment"])
        if mentions is not None:
            table, column = mentions
            view.mentions_url = str(datasette.urls.table(r.database, table)) + query_string(
                [(column, str(key))]
            )
        views.append(view)
    return views


async def timeline_view(datasette: Any, request: Any) -> Response:
    try:
        async with cache.answering():
            return await _timeline_view(datasette, request)
    except TimelineConfigError as error:
        raise BadRequest(f"datasette-timeline configuration: {error}") from error
    except TimelineRequestError as error:
        raise BadRequest(str(error)) from error
    except NoDateColumn as error:
        return Response.text(str(error), status=404)
    except QueryInterrupted as error:
        raise BadRequest("This view took too long to query; narrow it down.") from error
    except sqlite3.DatabaseError as error:
        # As on the table page: SQL from the query string (_where, raw search) can be invalid.
        raise BadRequest(f"Invalid query: {error}") from error


def chosen_sort(pairs: Pairs, tl: TimelineColumns) -> tuple[str, bool]:
    """The list's order from Datasette's own `_sort`/`_sort_desc`, and whether it was chosen."""
    sort = next((v for k, v in pairs if k == "_sort"), None)
    sort_desc = next((v for k, v in pairs if k == "_sort_desc"), None)
    mentions = tl.get("mention_count")
    if sort_desc is not None and sort_desc == mentions:
        return "mentions", True
    if sort_desc is not None and sort_desc == tl.date:
        return "date_desc", True
    if sort is not None and sort == tl.date:
        return "date", True
    if sort is not None or sort_desc is not None:
        raise TimelineRequestError(
            f"The timeline sorts by {tl.date}"
            + (f" or by {mentions} (descending)" if mentions else "")
        )
    return "date", False


async def _timeline_view(datasette: Any, request: Any) -> Response:
    r = await resolve(datasette, request)
    fmt = request.url_vars.get("format") or ""
    pairs = request_pairs(request)
    undated_mode = ("_undated", "1") in pairs
    undated = await has_undated_rows(r.db, r.table, r.dsql)
    merged = await has_merged_rows(r.db, r.table, r.tl)
    filters = await build_filters(
        datasette,
        request,
        r.database,
        r.table,
        r.columns,
        r.tl,
        pairs,
        r.dsql,
        require_date=undated,
        hide_merged=merged,
        undated=undated_mode,
    )
    sort, sort_chosen = chosen_sort(pairs, r.tl)
    signed = await has_signed_years(r.db, r.table, r.dsql)
    # The page leads with precisely dated events; exports and chosen sorts keep strict order.
    segments = page_segments(
        r.tl, r.dsql, row_key_column(r.pks), sort, signed, vague_last=not (fmt or sort_chosen)
    )
    if undated_mode:
        segments = undated_segments(row_key_column(r.pks))
    maximum = int(datasette.setting("max_returned_rows"))
    size = page_size(pairs, maximum)
    after = decode_next(next((v for k, v in pairs if k == "_next"), None))
    if after is not None and after.segment >= len(segments):
        raise TimelineRequestError("Invalid _next token")
    key_column = row_key_column(r.pks)
    links = Links(pairs, r.tl)
    limit = int(datasette.setting("sql_time_limit_ms"))
    scan = await dense_through_filter(r.db, r.table, r.tl, filters)
    request_args = PageArgs(r, filters, key_column, segments, scan)

    if fmt in (".ics", ".timelinejs.json"):
        # Calendars and TimelineJS take one file: every event of the view, streamed.
        return await whole_export(datasette, request, request_args, fmt, pairs, maximum)

    page = await fetch_page(
        r.db, r.table, r.tl, r.dsql, filters, key_column, size, after, segments, scan
    )
    headings = {i: seg.heading for i, seg in enumerate(segments) if seg.heading}
    events = await event_views(datasette, r, page.rows, links, key_column, headings)
    next_query = (
        query_string([*without(pairs), ("_next", page.next_token)]) if page.next_token else None
    )

    if fmt:
        exported_total = await count_rows(r.db, r.table, filters, limit)
        return json_export(
            datasette, request, r, page.rows, events, exported_total, filters, next_query, pairs
        )

    if undated_mode:
        overview, facets = None, list[FacetResult]()
        total = await count_rows(r.db, r.table, filters, limit)
    else:
        overview, facets, total = await overview_and_facets(datasette, r, filters, pairs, links)
    if overview is not None and r.tl.group:
        await add_lanes(r, overview, facets, filters, links, pairs, limit)
    undated_count = None
    if undated and not undated_mode:
        undated_filters = await build_filters(
            datasette,
            request,
            r.database,
            r.table,
            r.columns,
            r.tl,
            pairs,
            r.dsql,
            hide_merged=merged,
            undated=True,
        )
        undated_count = await count_rows(r.db, r.table, undated_filters, limit)
    # Datasette's own search filter needs a full-text index; offer the box only with one.
    searchable = bool(await r.db.fts_table(r.table))
    context = page_context(
        datasette, request, r, filters, pairs, page.offset, events, total, searchable
    )
    context.update(
        overview=overview,
        facets=facets,
        facets_deferred=any(facet.deferred for facet in facets)
        or bool(overview and overview.pending),
        counts_query=query_string([*without(pairs), (COUNTS_KEY, "all")]),
        next_query=next_query,
        first_query=query_string(without(pairs)) if after else None,
        undated_count=undated_count,
        undated_mode=undated_mode,
        undated_query=query_string(
            [*without(pairs, keys=(links.gte, links.lt)), ("_undated", "1")]
        ),
        dated_query=query_string(without(pairs, keys=("_undated",))),
        sorts=sort_links(r.tl, pairs, sort, sort_chosen),
        page_size=size,
        max_size=maximum,
    )
    context.update(await footer_context(datasette))
    html = await render(datasette, request, context)
    cache.start_queued()
    return Response.html(html)


@dataclass
class SortLink:
    label: str
    query: str
    current: bool


def sort_links(tl: TimelineColumns, pairs: Pairs, sort: str, chosen: bool) -> list[SortLink]:
    base = without(pairs, keys=("_sort", "_sort_desc"))
    options = [
        ("Precise dates first", "date", base, not chosen),
        ("Oldest first", "date", [*base, ("_sort", tl.date)], chosen and sort == "date"),
        ("Newest first", "date_desc", [*base, ("_sort_desc", tl.date)], sort == "date_desc"),
    ]
    if not tl.precision:
        options = options[1:]
        options[0] = ("Oldest first", "date", base, sort == "date")
    mentions = tl.get("mention_count")
    if mentions:
        options.append(
            ("Most mentioned", "mentions", [*base, ("_sort_desc", mentions)], sort == "mentions")
        )
    return [SortLink(label, query_string(query), current) for label, _, query, current in options]


@dataclass
class PageArgs:
    r: Resolved
    filters: FilterSet
    key_column: str
    segments: list[Any]
    scan: bool


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
    overview = await build_overview(datasette, r, filters, links, pairs)
    # The overview's buckets hold every matching row: no separate count needed.
    if overview is not None:
        total: int | None = overview.total
    else:
        total = await count_rows(r.db, r.table, filters, limit)
    year_counts = overview.year_counts if overview else None
    chosen_years = [v for k, v in pairs if k == r.tl.get("year")]
    if (
        year_counts is None
        and filters.single_year
        and len(set(chosen_years)) == 1
        and chosen_years[0].strip().lstrip("-").isdigit()
    ):
        # One year chosen: its count is the total.
        year_counts = [(int(chosen_years[0]), total or 0)]
    count_now = (
        (COUNTS_KEY, "all") in pairs
        or ("_lanes", "1") in pairs
        or (total is not None and total <= inline_facet_rows(datasette, r.database, r.table))
    )

    specs += await own_facet_specs(datasette, r, specs, facet_limit if count_now else 0)

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


async def own_facet_specs(
    datasette: Any, r: Resolved, ours: list[FacetSpec], time_limit_ms: int
) -> list[FacetSpec]:
    """The table's own facets beside ours: those its metadata configures for the table page
    and, on a table none of ours apply to, the columns Datasette would suggest."""
    if hasattr(datasette, "table_config"):
        table_config = await datasette.table_config(r.database, r.table)
    else:
        table_config = datasette.table_metadata(r.database, r.table)
    specs = configured_facet_specs(table_config or {}, r.columns)
    if not ours and time_limit_ms:
        specs += await suggested_facet_specs(r.db, r.table, r.tl, r.columns, r.pks, time_limit_ms)
    taken = {spec.key for spec in ours}
    unique: dict[str, FacetSpec] = {}
    for spec in specs:
        if spec.key not in taken and spec.column not in (r.tl.group, r.tl.get("year")):
            unique.setdefault(spec.key, spec)
    return list(unique.values())


async def add_lanes(
    r: Resolved,
    overview: Overview,
    facets: list[FacetResult],
    filters: FilterSet,
    links: Links,
    pairs: Pairs,
    limit: int,
) -> None:
    """Lanes by actor (the group column) under the overview, when asked for with ?_lanes=1:
    the same axis and buckets as the overview's wide drawing."""
    assert r.tl.group
    overview.lanes_on = ("_lanes", "1") in pairs
    overview.lanes_toggle = links.toggle("_lanes", "1")
    if not overview.lanes_on or not overview.wide.bars:
        return
    group_key = f"{r.tl.group}__arraycontains"
    group_facet = next((f for f in facets if f.spec.key == group_key), None)
    if group_facet is None or group_facet.timed_out:
        overview.notes.append("Lanes need the actor counts, which took too long here.")
        return
    names = [str(v.value) for v in group_facet.values[:LANE_COUNT]]
    base = overview.wide.scale.base
    counts = await lane_counts(r.db, r.table, r.tl, r.dsql, filters, base, names, limit)
    if counts is None:
        overview.notes.append("The lanes took too long to count for this selection.")
        return

    def range_query(name: str, start: Day, stop: Day) -> str:
        return links.lane_range(group_key, name, start, stop)

    for axis, lanes in ((overview.wide, overview.lanes), (overview.narrow, overview.narrow_lanes)):
        lanes.extend(
            lane_view(
                name,
                parsed_counts(counts[name])[0],
                axis,
                links.add_filter(group_key, name),
                range_query,
            )
            for name in names
        )


def reusable(spec: FacetSpec, tl: TimelineColumns) -> bool:
    """The year facet is the overview's yearly counts when the overview counted years."""
    return spec.column == tl.get("year") and tl.events_schema


async def facet_from_counts(
    spec: FacetSpec, counts: list[tuple[int, int]], filters: FilterSet, pairs: Pairs
) -> FacetResult:
    values = []
    for year, count in counts:
        if not count:
            continue
        value = str(year)
        pair = (spec.key, value)
        selected = pair in filters.selected
        toggle = without(pairs, pair=pair) if selected else [*without(pairs), pair]
        values.append(FacetValue(value, year_words(year), count, selected, query_string(toggle)))
    # Years read best in order; the most recent ones are kept when there are too many.
    shown = values[-FACET_SIZE_CHRONOLOGICAL:]
    return FacetResult(spec, shown, truncated=len(values) > len(shown))


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


def filters_title(r: Resolved, filters: FilterSet) -> str:
    title = f"{r.table} timeline"
    if filters.description:
        title += f" {filters.description}"
    return title


def json_export(
    datasette: Any,
    request: Any,
    r: Resolved,
    rows: list[dict[str, Any]],
    events: list[EventView],
    total: int | None,
    filters: FilterSet,
    next_query: str | None,
    pairs: Pairs,
) -> Response:
    """A page of the view in Datasette's JSON shapes, with the next page's absolute URL."""
    shape = next((v for k, v in pairs if k == "_shape"), "objects")
    lines = ("_nl", "on") in pairs or ("_nl", "1") in pairs
    try:
        fields = exports.choose_fields([v for k, v in pairs if k == "_col"])
        records = export_records_sync(datasette, request, r, rows, events)
        next_url = (
            datasette.absolute_url(
                request, timeline_path(datasette, r.database, r.table, ".json") + next_query
            )
            if next_query
            else None
        )
        meta = {
            "ok": True,
            "database": r.database,
            "table": r.table,
            "filters": filters.description,
            "count": total,
            "next": dict(parse_qsl((next_query or "?")[1:])).get("_next"),
            "next_url": next_url,
        }
        body, is_list = exports.shaped(shape, fields, records, meta)
    except ValueError as error:
        raise TimelineRequestError(str(error)) from error
    headers = {"link": f'<{next_url}>; rel="next"'} if next_url else {}
    if lines and is_list:
        return Response(
            exports.json_text(body, True),
            content_type="application/x-ndjson; charset=utf-8",
            headers=headers,
        )
    return Response(
        exports.json_text(body, False),
        content_type="application/json; charset=utf-8",
        headers=headers,
    )


def export_records_sync(
    datasette: Any, request: Any, r: Resolved, rows: list[dict[str, Any]], events: list[EventView]
) -> list[dict[str, Any]]:
    key_name = "__key" if rows and "__key" in rows[0] else row_key_column(r.pks)
    records = []
    for row, event in zip(rows, events, strict=True):
        value, _precision = event_date(row, r.tl)
        records.append(
            exports.event_record(
                event,
                row[key_name],
                value,
                row.get("__start") or None,
                row.get("__last") or row.get("__start") or None,
                datasette.absolute_url(request, event.record_url),
                datasette.absolute_url(request, event.document.href) if event.document else None,
            )
        )
    return records


async def whole_export(
    datasette: Any, request: Any, args: PageArgs, fmt: str, pairs: Pairs, page_rows: int
) -> Any:
    """Every event of the view in one streamed file, read a page at a time."""
    r, filters = args.r, args.filters
    title = filters_title(r, filters)
    links = Links(pairs, r.tl)
    group_by = next(
        (v for k, v in pairs if k == "_group"), "type" if r.tl.get("event_type") else "actor"
    )
    if group_by not in ("type", "actor", "none"):
        raise TimelineRequestError("_group is type, actor or none")

    async def pages() -> Any:
        after = None
        while True:
            page = await fetch_page(
                r.db,
                r.table,
                r.tl,
                r.dsql,
                filters,
                args.key_column,
                page_rows,
                after,
                args.segments,
                args.scan,
            )
            events = await event_views(datasette, r, page.rows, links, args.key_column)
            yield export_records_sync(datasette, request, r, page.rows, events)
            if page.next_token is None:
                return
            after = decode_next(page.next_token)

    if fmt == ".ics":
        stamp = dt.datetime.now(dt.timezone.utc)

        async def write_ics(writer: Any) -> None:
            await writer.write(exports.ics_header(title))
            async for records in pages():
                chunk = []
                for record in records:
                    event_text = exports.ics_event(record, stamp, r.database, r.table)
                    if event_text:
                        chunk.append(event_text)
                await writer.write("".join(chunk))
            await writer.write(exports.ICS_FOOTER)

        return AsgiStream(write_ics, content_type="text/calendar; charset=utf-8")

    async def write_timelinejs(writer: Any) -> None:
        # Groups need the whole view's actors or types: collect the records first.
        records = [record async for chunk in pages() for record in chunk]
        groups = exports.group_names(records, group_by) if group_by != "none" else {}
        await writer.write('{"title": ')
        await writer.write(json.dumps(exports.timelinejs_title(title, r.database)))
        await writer.write(', "events": [')
        first = True
        for record in records:
            slide = exports.timelinejs_slide(record, groups.get(str(record["id"])))
            if slide is None:
                continue
            await writer.write(("" if first else ", ") + json.dumps(slide, ensure_ascii=False))
            first = False
        await writer.write("]}")

    return AsgiStream(write_timelinejs, content_type="application/json; charset=utf-8")
