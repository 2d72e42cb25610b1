"""SQL for the timeline: Datasette's own filters, plus the page, count, overview and facets.

Filters come from Datasette's `Filters` class and every `filters_from_request` hook (search,
`_through`, `_where` and other plugins'), exactly as the table page builds them, so a query
string means the same thing on both pages. Identifiers are checked against the table's columns
before quoting; values are always parameters.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from datasette.database import QueryInterrupted
from datasette.filters import Filters
from datasette.plugins import pm
from datasette.utils import await_me_maybe

from ..schema import EVENT_ROLES, FACETS
from .cache import finish_later, peek, remembered
from .config import TimelineColumns, row_label_column
from .datesql import DateSql, base_key_sql, q, sort_key, sort_key_sql
from .permissions import ForeignTable
from .timeaxis import Day, parse_day

Pairs = list[tuple[str, str]]

DEFAULT_PAGE_SIZE = 50
FACET_SIZE = 10
# Years read best in order and complete: a chronological facet lists many more values.
FACET_SIZE_CHRONOLOGICAL = 60


class TimelineRequestError(ValueError):
    """The query string asks for something this table cannot answer (400)."""


Rows = list[tuple[Any, ...]]


def _aggregate_key(db: Any, sql: str, params: dict[str, Any]) -> tuple[Any, ...]:
    return (db.name, sql, repr(sorted(params.items())))


def _aggregate_job(
    db: Any, sql: str, params: dict[str, Any], time_limit_ms: int | None
) -> Callable[[], Awaitable[Rows | None]]:
    async def run() -> Rows | None:
        try:
            result = await db.execute(sql, params, custom_time_limit=time_limit_ms)
        except QueryInterrupted:
            return None
        return [tuple(row) for row in result.rows]

    return run


async def aggregate_rows(
    db: Any, sql: str, params: dict[str, Any], time_limit_ms: int | None = None
) -> Rows | None:
    """Rows of an aggregate query, remembered while the data is unchanged; None on timeout."""
    job = _aggregate_job(db, sql, params, time_limit_ms)
    key = _aggregate_key(db, sql, params)
    return await remembered(db, key, job, keep=lambda rows: rows is not None)


def aggregate_later(db: Any, sql: str, params: dict[str, Any], time_limit_ms: int) -> None:
    """Finish the aggregate in the background, after the response, with a longer limit."""
    job = _aggregate_job(db, sql, params, time_limit_ms)
    finish_later(db, _aggregate_key(db, sql, params), job, keep=lambda rows: rows is not None)


def remembered_rows(db: Any, sql: str, params: dict[str, Any]) -> Rows | None:
    """The rows of an aggregate already counted on this version of the data, else None."""
    found, rows = peek(db, _aggregate_key(db, sql, params))
    return rows if found else None


def query_string(pairs: Pairs) -> str:
    return "?" + urlencode(pairs) if pairs else "?"


# `_counts=all` asks for every facet counted before the page is sent (see INLINE_FACET_ROWS).
COUNTS_KEY = "_counts"


def without(pairs: Pairs, keys: Sequence[str] = (), pair: tuple[str, str] | None = None) -> Pairs:
    """The pairs minus some keys and one exact pair; paging restarts whenever filters change,
    and so does waiting for the facet counts."""
    dropped = {"_next", COUNTS_KEY, *keys}
    return [p for p in pairs if p[0] not in dropped and p != pair]


def is_filter_key(key: str) -> bool:
    # Datasette's rule: arguments starting with _ are special unless they contain __.
    return not (key.startswith("_") and "__" not in key)


@dataclass(frozen=True)
class Chip:
    """A chosen filter shown above the list, with the link that removes it."""

    label: str
    remove_query: str


@dataclass
class FilterSet:
    where: list[str]
    params: dict[str, Any]
    description: str
    chips: list[Chip]
    user_filtered: bool
    range_start: Day | None = None
    range_stop: Day | None = None  # exclusive
    selected: set[tuple[str, str]] = field(default_factory=set)
    single_year: bool = False
    # The year one `year=` filter of our events table stands for: the overview's bounds.
    year_span: tuple[Day, Day] | None = None
    # Set only when the link-table (actor) filters are the only filters.
    through_clauses: list[str] = field(default_factory=list)
    through_values: list[str] = field(default_factory=list)

    def where_sql(self) -> str:
        return " and ".join(f"({clause})" for clause in self.where) or "1"


def split_key(key: str) -> tuple[str, str]:
    if "__" in key:
        column, lookup = key.rsplit("__", 1)
        return column, lookup
    return key, "exact"


def check_filter_pairs(pairs: Pairs, columns: Sequence[str]) -> None:
    """Refuse filters on unknown columns or lookups instead of failing inside SQL."""
    lookups = {f.key for f in Filters._filters}
    for key, _value in pairs:
        column, lookup = split_key(key)
        if column not in columns:
            raise TimelineRequestError(f"Unknown column in filter: {column}")
        if lookup not in lookups:
            raise TimelineRequestError(f"Unknown filter lookup: {lookup}")


SQLITE_INTEGERS = range(-(2**63), 2**63)


def check_integer_params(params: dict[str, Any]) -> None:
    """Datasette's filters turn digits into integers; SQLite cannot take one beyond 64 bits."""
    for value in params.values():
        if isinstance(value, int) and value not in SQLITE_INTEGERS:
            raise TimelineRequestError(f"Number too large for a filter: {value}")


def through_clause(tl: TimelineColumns, param: str) -> str:
    """Rows linked to a named entity, through the link table: indexes instead of a JSON scan."""
    through = tl.through
    assert through is not None
    return (
        f"{q(through.row_key)} in (select {q(through.row_column)} from {q(through.table)} "
        f"where {q(through.entity_column)} in (select {q(through.entity_key)} "
        f"from {q(through.entity_table)} where {q(through.entity_label)} = :{param}))"
    )


async def build_filters(
    datasette: Any,
    request: Any,
    database: str,
    table: str,
    columns: Sequence[str],
    tl: TimelineColumns,
    pairs: Pairs,
    dsql: DateSql,
    require_date: bool = True,
    hide_merged: bool = True,
    undated: bool = False,
) -> FilterSet:
    """The WHERE of a request. `require_date` keeps only rows with a usable date (needed when
    some lack one); `undated` keeps only the rows without one instead."""
    filter_pairs = [(k, v) for k, v in pairs if is_filter_key(k)]
    check_filter_pairs(filter_pairs, columns)
    where: list[str] = []
    params: dict[str, Any] = {}
    chips: list[Chip] = []
    group_key = f"{tl.group}__arraycontains" if tl.group else None
    plain: Pairs = []
    through_clauses: list[str] = []
    through_values: list[str] = []
    through_descriptions: list[str] = []
    for position, (key, value) in enumerate(filter_pairs):
        if tl.through is not None and key == group_key:
            # Described like Datasette's own arraycontains filter, in the intro and title.
            through_descriptions.append(f'{tl.group} contains "{value}"')
            name = f"tl_through{position}"
            where.append(through_clause(tl, name))
            through_clauses.append(through_clause(tl, name))
            through_values.append(value)
            params[name] = value
        elif (clause := date_range_clause(dsql, key, value, f"tl_range{position}")) is not None:
            where.append(clause)
            params[f"tl_range{position}"] = sort_key(value)
        else:
            plain.append((key, value))
    filters = Filters(sorted(plain))  # describes every filter, as the table page does
    ranges, replaced = year_ranges(tl, plain, params)
    kept = Filters(sorted(pair for pair in plain if pair not in replaced))
    plain_where, plain_params = kept.build_where_clauses(table)
    where.extend(plain_where)
    where.extend(ranges)
    params.update(plain_params)

    extra_descriptions: list[str] = list(through_descriptions)
    for hook in pm.hook.filters_from_request(
        request=request, table=table, database=database, datasette=datasette
    ):
        try:
            arguments = await await_me_maybe(hook)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            # e.g. `_through=` that is not the JSON object Datasette's own filter expects.
            raise TimelineRequestError(f"Invalid filter argument: {error}") from error
        if arguments:
            where.extend(arguments.where_clauses)
            params.update(arguments.params)
            extra_descriptions.extend(arguments.human_descriptions)

    by_key = {f.key: f for f in Filters._filters}
    for key, value in filter_pairs:
        column, lookup = split_key(key)
        label = by_key[lookup].human_clause(column, value)
        chips.append(Chip(label, query_string(without(pairs, pair=(key, value)))))
    for key, value in pairs:
        if key.startswith("_search") and key != "_searchmode" and value:
            chips.append(
                Chip(f'search for "{value}"', query_string(without(pairs, pair=(key, value))))
            )
        elif key in ("_through", "_where") and value:
            chips.append(
                Chip(f"{key[1:]}: {value}", query_string(without(pairs, pair=(key, value))))
            )

    user_filtered = bool(where)
    only_through = bool(through_clauses) and len(where) == len(through_clauses)
    merged = tl.get("merged_into")
    if hide_merged and merged and not any(split_key(k)[0] == merged for k, _ in filter_pairs):
        # Merged duplicates stay in the table (ids are stable) but the timeline shows each
        # event once, under the row it was merged into; filtering on the column shows them.
        where.append(f"{q(merged)} is null")
    if undated:
        where.append(f"({q(dsql.column)} is null or not {dsql.usable})")
    elif require_date:
        # Rows without a usable date have no place on the axis: they are counted apart.
        where.append(dsql.usable)
    check_integer_params(params)
    description = filters.human_description_en(extra=extra_descriptions)
    range_start = parse_day(_last(filter_pairs, f"{tl.date}__gte"))
    range_stop = parse_day(_last(filter_pairs, f"{tl.date}__lt"))
    return FilterSet(
        where=where,
        params=params,
        description=description,
        chips=chips,
        user_filtered=user_filtered,
        range_start=range_start,
        range_stop=range_stop,
        selected=set(filter_pairs),
        single_year=bool(tl.get("year")) and any(k == tl.get("year") for k, _ in filter_pairs),
        year_span=year_span(tl, filter_pairs),
        through_clauses=through_clauses if only_through else [],
        through_values=through_values if only_through else [],
    )


def year_span(tl: TimelineColumns, pairs: Pairs) -> tuple[Day, Day] | None:
    """The days of the one year chosen with the year column of our events table, if so."""
    year_column = tl.get("year")
    years = {v.strip() for k, v in pairs if k == year_column}
    if not tl.events_schema or len(years) != 1:
        return None
    year = years.pop()
    if not year.lstrip("-").isdigit() or not -9999 <= int(year) <= 9998:
        return None
    return Day.of(int(year)), Day.of(int(year) + 1)


def year_ranges(
    tl: TimelineColumns, pairs: Pairs, params: dict[str, Any]
) -> tuple[list[str], set[tuple[str, str]]]:
    """In our schema `year` is the year of `start`: `year = 2015` becomes a range of `start`,
    so SQLite walks the date index in order (covering for the overview) instead of looking
    up and sorting the year's rows. Returns the clauses and the pairs they replace."""
    year_column = tl.get("year")
    if not tl.events_schema or year_column is None:
        return [], set()
    clauses: list[str] = []
    replaced: set[tuple[str, str]] = set()
    for position, (key, value) in enumerate(pairs):
        if key != year_column or not value.strip().isdigit() or not 1 <= int(value) <= 9998:
            continue
        low, high = f"tl_year_from{position}", f"tl_year_to{position}"
        params[low], params[high] = f"{int(value):04d}-01-01", f"{int(value) + 1:04d}-01-01"
        clauses.append(f"{q(tl.date)} >= :{low} and {q(tl.date)} < :{high}")
        replaced.add((key, value))
    return clauses, replaced


RANGE_OPERATORS = {"gte": ">=", "gt": ">", "lt": "<", "lte": "<="}


def date_range_clause(dsql: DateSql, key: str, value: str, param: str) -> str | None:
    """A range on the date column in time order, where text order is not time order: years
    before 1 AD, or a column of mixed formats. None where Datasette's own filter is right
    (ISO days of year 0 or later compare as text, with the index)."""
    column, lookup = split_key(key)
    if column != dsql.column or lookup not in RANGE_OPERATORS or parse_day(value) is None:
        return None
    operator = RANGE_OPERATORS[lookup]
    if not dsql.plain:
        return f"{dsql.key()} {operator} :{param}"
    if not value.startswith("-"):
        return None
    c = q(dsql.column)
    # Every ISO day of year 0 or later sorts after every signed one.
    if operator.startswith(">"):
        return f"({c} >= '0' or {sort_key_sql(c)} {operator} :{param})"
    return f"({c} < '0' and {sort_key_sql(c)} {operator} :{param})"


async def has_undated_rows(db: Any, table: str, dsql: DateSql) -> bool:
    """Whether any row lacks a usable date. For a bare ISO column, index probes for what sorts
    outside the two ranges of ISO years; when none does, every query can skip the condition
    and use covering indexes."""
    c = q(dsql.column)
    if dsql.plain:
        sql = (
            f"select exists(select 1 from {q(table)} where {c} is null) "
            f"or exists(select 1 from {q(table)} where {c} < '-0') "
            f"or exists(select 1 from {q(table)} where {c} >= '-:' and {c} < '0') "
            f"or exists(select 1 from {q(table)} where {c} >= ':')"
        )
    else:
        sql = f"select exists(select 1 from {q(table)} where not ({dsql.usable}))"
    rows = await aggregate_rows(db, sql, {})
    return bool(rows and rows[0][0])


async def has_signed_years(db: Any, table: str, dsql: DateSql) -> bool:
    """Whether a bare ISO column holds years before 0 (an index probe)."""
    if not dsql.plain:
        return False
    c = q(dsql.column)
    rows = await aggregate_rows(
        db, f"select exists(select 1 from {q(table)} where {c} >= '-0' and {c} < '-:')", {}
    )
    return bool(rows and rows[0][0])


async def has_merged_rows(db: Any, table: str, tl: TimelineColumns) -> bool:
    """Whether any row was merged into another (remembered: it may need a scan)."""
    merged = tl.get("merged_into")
    if not merged:
        return False
    sql = f"select exists(select 1 from {q(table)} where {q(merged)} is not null)"
    rows = await aggregate_rows(db, sql, {})
    return bool(rows and rows[0][0])


def _last(pairs: Pairs, key: str) -> str | None:
    values = [v for k, v in pairs if k == key]
    return values[-1] if values else None


# Paging: a keyset token (segment, the order values of the last row, rows already shown), so
# deep pages stay as fast as the first.


def encode_next(segment: int, values: Sequence[Any], shown: int) -> str:
    raw = json.dumps([segment, list(values), shown], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


Scalar = (str, int, float, type(None))


@dataclass(frozen=True)
class After:
    segment: int
    values: tuple[Any, ...]
    shown: int


def decode_next(token: str | None) -> After | None:
    """Where the previous page stopped, from its token."""
    if not token:
        return None
    try:
        padded = token + "=" * (-len(token) % 4)
        segment, values, shown = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, TypeError) as error:
        raise TimelineRequestError("Invalid _next token") from error
    if (
        not isinstance(segment, int)
        or not isinstance(shown, int)
        or not isinstance(values, list)
        or not all(isinstance(v, Scalar) for v in values)
        or segment < 0
    ):
        raise TimelineRequestError("Invalid _next token")
    return After(segment, tuple(values), shown)


@dataclass
class Page:
    rows: list[dict[str, Any]]
    next_token: str | None
    offset: int


def row_key_column(pks: Sequence[str]) -> str:
    """The column that breaks ties in date order: the single primary key, else rowid."""
    return pks[0] if len(pks) == 1 else "rowid"


def selected_columns(tl: TimelineColumns, key_column: str) -> list[str]:
    wanted = [
        key_column,
        tl.date,
        tl.end,
        tl.precision,
        tl.value,
        tl.label,
        tl.group,
        tl.link,
        *tl.optional.values(),
    ]
    unique: list[str] = []
    for column in wanted:
        if column and column not in unique:
            unique.append(column)
    return unique


def within_day_order(tl: TimelineColumns) -> str | None:
    """SQL ordering events on the same day: the written value ('2009-06-01T12:00' before
    '2009-06-01T16:00'), when the table has one beside the date column."""
    if tl.value and tl.value != tl.date:
        return f"coalesce(cast({q(tl.value)} as text), '')"
    return None


@dataclass(frozen=True)
class OrderTerm:
    sql: str
    descending: bool = False


@dataclass(frozen=True)
class Segment:
    """A part of the list in its own order: rows before year 0, then the rest; precise dates,
    then those known only to a decade or coarser. Each uses its own index-friendly order."""

    condition: str
    terms: tuple[OrderTerm, ...]
    heading: str | None = None


# Dates coarser than a year lead no list: they follow the precisely dated events.
VAGUE_PRECISIONS = ("decade", "century", "millennium")
SORTS = ("date", "date_desc", "mentions")


def page_segments(
    tl: TimelineColumns,
    dsql: DateSql,
    key_column: str,
    sort: str,
    signed_years: bool,
    vague_last: bool,
) -> list[Segment]:
    """The list's segments, in order, for a sort: by date (precise dates first when
    `vague_last`), newest first, or by number of mentions."""
    key = "rowid" if key_column == "rowid" else q(key_column)
    within = within_day_order(tl)
    descending = sort == "date_desc"

    def date_terms(expression: str) -> list[OrderTerm]:
        terms = [OrderTerm(expression, descending)]
        if within:
            terms.append(OrderTerm(within, descending))
        return terms

    if sort == "mentions":
        mentions = tl.get("mention_count")
        assert mentions is not None
        terms = [OrderTerm(f"coalesce({q(mentions)}, 0)", True), *date_terms(dsql.key())]
        return [Segment("1", (*terms, OrderTerm(key, False)))]
    if dsql.plain and signed_years:
        c = q(dsql.column)
        by_sign = [
            (f"{c} < '0'", date_terms(sort_key_sql(c))),
            (f"{c} >= '0'", date_terms(c)),
        ]
    elif dsql.plain:
        by_sign = [("1", date_terms(q(dsql.column)))]
    else:
        by_sign = [("1", date_terms(dsql.key()))]
    if descending:
        by_sign.reverse()
    segments = [
        Segment(condition, (*terms, OrderTerm(key, descending))) for condition, terms in by_sign
    ]
    if not vague_last or not tl.precision:
        return segments
    vague = ", ".join(f"'{p}'" for p in VAGUE_PRECISIONS)
    precision = f"coalesce({q(tl.precision)}, '')"
    precise = [
        Segment(f"{s.condition} and {precision} not in ({vague})", s.terms) for s in segments
    ]
    coarse = [
        Segment(
            f"{s.condition} and {precision} in ({vague})",
            s.terms,
            heading="Known only to the decade, century or millennium" if i == 0 else None,
        )
        for i, s in enumerate(segments)
    ]
    return precise + coarse


def undated_segments(key_column: str) -> list[Segment]:
    """Rows without a usable date: in the order of their key."""
    key = "rowid" if key_column == "rowid" else q(key_column)
    return [Segment("1", (OrderTerm(key),))]


def keyset_clause(terms: Sequence[OrderTerm], values: Sequence[Any], params: dict[str, Any]) -> str:
    """Rows after `values` in the order of `terms` (lexicographic, each term up or down)."""
    if len(values) != len(terms):
        raise TimelineRequestError("Invalid _next token")
    clause = ""
    for position in reversed(range(len(terms))):
        term, name = terms[position], f"tl_after{position}"
        params[name] = values[position]
        beyond = f"{term.sql} {'<' if term.descending else '>'} :{name}"
        clause = beyond if not clause else f"{beyond} or ({term.sql} = :{name} and ({clause}))"
    first = terms[0]
    # A leading bound lets SQLite start from the token's place in the date index.
    lead = f"{first.sql} {'<=' if first.descending else '>='} :tl_after0"
    return f"{lead} and ({clause})"


async def fetch_page(
    db: Any,
    table: str,
    tl: TimelineColumns,
    dsql: DateSql,
    filters: FilterSet,
    key_column: str,
    size: int,
    after: After | None,
    segments: Sequence[Segment],
    scan_by_date: bool = False,
) -> Page:
    base_where = filters.where_sql()
    if scan_by_date:
        # A unary + keeps SQLite from driving the query by the link table: it walks the date
        # index instead and stops at the page's last row, which wins when matches are common.
        for clause in filters.through_clauses:
            base_where = base_where.replace(f"({clause})", f"(+{clause})")
    columns = selected_columns(tl, key_column)
    names = ["__key" if c == "rowid" else c for c in columns]
    select = ", ".join(f"rowid as {q('__key')}" if c == "rowid" else q(c) for c in columns)
    select += f", {dsql.start} as {q('__start')}, {dsql.last} as {q('__last')}"
    rows: list[dict[str, Any]] = []
    first_segment = after.segment if after else 0
    for number in range(first_segment, len(segments)):
        segment = segments[number]
        params = dict(filters.params)
        where = f"{base_where} and ({segment.condition})"
        if after is not None and number == after.segment:
            where += " and " + keyset_clause(segment.terms, after.values, params)
        order = ", ".join(f"{t.sql}{' desc' if t.descending else ''}" for t in segment.terms)
        wanted = size + 1 - len(rows)
        terms = ", ".join(f"{t.sql} as {q(f'__order{i}')}" for i, t in enumerate(segment.terms))
        sql = (
            f"select {select}, {terms} from {q(table)} where {where} "
            f"order by {order} limit {wanted}"
        )
        result = await db.execute(sql, params)
        for row in result.rows:
            found = dict(zip([*names, "__start", "__last"], row[: len(names) + 2], strict=True))
            found["__order"] = tuple(row[len(names) + 2 :])
            found["__segment"] = number
            rows.append(found)
        if len(rows) > size:
            break
    offset = after.shown if after else 0
    next_token = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_token = encode_next(last["__segment"], last["__order"], offset + size)
    return Page(rows, next_token, offset)


async def count_rows(db: Any, table: str, filters: FilterSet, time_limit_ms: int) -> int | None:
    """How many rows match, or None if counting takes longer than the limit."""
    sql = f"select count(*) from {q(table)} where {filters.where_sql()}"
    rows = await aggregate_rows(db, sql, filters.params, time_limit_ms)
    return None if rows is None else int(rows[0][0])


def year_column_for_overview(tl: TimelineColumns, dsql: DateSql) -> str | None:
    """Our schema keeps an indexed integer year beside `start`: grouping on the bare column
    lets the index cover the overview (an expression would visit every row)."""
    year = tl.get("year")
    return year if year and dsql.plain and tl.events_schema else None


async def base_counts(
    db: Any,
    table: str,
    tl: TimelineColumns,
    dsql: DateSql,
    filters: FilterSet,
    base: str,
    time_limit_ms: int,
) -> list[tuple[Any, int]] | None:
    """Rows per year, month or day (by each row's first day), or None on timeout."""
    # Over every row the year column's index covers the query; with filters the date index
    # serves them and also covers the year of the date, while the year column would be
    # looked up row by row.
    unfiltered = filters.where_sql() == "1"
    year_column = year_column_for_overview(tl, dsql) if unfiltered else None
    if base == "year" and year_column:
        bucket = q(year_column)
    elif base == "day" and dsql.plain:
        # Days of a bare ISO column: grouped in the order of its index, with no sorting
        # (date-times of one day are counted apart and added up by the caller).
        bucket = q(dsql.column)
    else:
        bucket = base_key_sql(dsql.start, base)
    sql = (
        f"select {bucket} as bucket, count(*) from {q(table)} "
        f"where {filters.where_sql()} group by {bucket}"
    )
    rows = await aggregate_rows(db, sql, filters.params, time_limit_ms)
    return None if rows is None else [(row[0], int(row[1])) for row in rows]


# Precisions coarser than each base unit: only their rows can cover more than one unit.
COARSER_THAN = {
    "year": ("decade", "century", "millennium"),
    "month": ("quarter", "half", "season", "year", "decade", "century", "millennium"),
    "day": (
        "week",
        "month",
        "quarter",
        "half",
        "season",
        "year",
        "decade",
        "century",
        "millennium",
    ),
}


def spans_sql(
    table: str, dsql: DateSql, filters: FilterSet, base: str, precision: str | None
) -> str:
    """Rows whose last day falls in a later year, month or day than their first, by both.
    With a precision column only the coarser precisions are read (an index finds them)."""
    first, last = base_key_sql(dsql.start, base), base_key_sql(dsql.last, base)
    coarse = ""
    if precision:
        names = ", ".join(f"'{name}'" for name in COARSER_THAN[base])
        coarse = f" and {q(precision)} in ({names})"
    return (
        f"select {first} as first_bucket, {last} as last_bucket, count(*) from {q(table)} "
        f"where {filters.where_sql()}{coarse} and {last} != {first} group by 1, 2"
    )


def has_spans(tl: TimelineColumns, dsql: DateSql) -> bool:
    """Whether rows of this table can cover more than a day: an end column or vague values."""
    return bool(tl.end) or not dsql.plain


async def span_counts(
    db: Any,
    table: str,
    tl: TimelineColumns,
    dsql: DateSql,
    filters: FilterSet,
    base: str,
    time_limit_ms: int,
    now: bool,
) -> list[tuple[Any, Any, int]] | None:
    """The spans, counted now within the limit, or (not `now`) only if already counted on
    this data, else after the response. None when not known yet."""
    sql = spans_sql(table, dsql, filters, base, tl.precision)
    if now:
        rows = await aggregate_rows(db, sql, filters.params, time_limit_ms)
    else:
        rows = remembered_rows(db, sql, filters.params)
        if rows is None:
            aggregate_later(db, sql, filters.params, time_limit_ms)
    return None if rows is None else [(row[0], row[1], int(row[2])) for row in rows]


@dataclass(frozen=True)
class FacetSpec:
    """One facet: its heading, the filter key its values set, and how to count them."""

    title: str
    key: str  # query-string key that selects a value
    column: str
    kind: str  # "column", "array", "through" or "foreign"
    chronological: bool = False
    other_table: str | None = None
    other_key: str | None = None
    other_label: str | None = None


@dataclass
class FacetValue:
    value: Any
    label: str
    count: int
    selected: bool
    toggle_query: str


@dataclass
class FacetResult:
    spec: FacetSpec
    values: list[FacetValue]
    timed_out: bool = False
    truncated: bool = False
    # Not counted yet: too many matching rows to count before the page; counted right after.
    deferred: bool = False


def facet_title(role: str, default: str) -> str:
    """The heading schema.py gives the facet of a role's column."""
    column = EVENT_ROLES.get(role)
    return next((facet.label for facet in FACETS if facet.column == column), default)


async def facet_specs(
    db: Any, tl: TimelineColumns, document: ForeignTable | None
) -> list[FacetSpec]:
    """The page's facets; the Source facet names documents only from a table the actor may
    read (``document``), else it lists the bare values of the column."""
    specs: list[FacetSpec] = []
    if tl.group:
        kind = "through" if tl.through else "array"
        # One entry per actor: the link table joins events to actor ids, so every spelling
        # linked to the same id is counted and filtered as that actor.
        title = facet_title("group", "Actor")
        specs.append(FacetSpec(title, f"{tl.group}__arraycontains", tl.group, kind))
    year = tl.get("year")
    if year:
        specs.append(
            FacetSpec(facet_title("year", "Year"), year, year, "column", chronological=True)
        )
    event_type = tl.get("event_type")
    if event_type:
        specs.append(FacetSpec(facet_title("event_type", "Type"), event_type, event_type, "column"))
    places = tl.get("places")
    if places:
        title = facet_title("places", "Place")
        specs.append(FacetSpec(title, f"{places}__arraycontains", places, "array"))
    column = tl.get("document")
    if column and document is not None and document.column == column:
        specs.append(
            FacetSpec(
                facet_title("document", "Source"),
                column,
                column,
                "foreign",
                other_table=document.table,
                other_key=document.key,
                other_label=await row_label_column(db, document.table),
            )
        )
    elif column:
        specs.append(FacetSpec(facet_title("document", "Source"), column, column, "column"))
    dated_by = tl.get("dated_by")
    if dated_by:
        specs.append(FacetSpec("Dated by", dated_by, dated_by, "column"))
    language = tl.get("language")
    if language:
        specs.append(FacetSpec(facet_title("language", "Language"), language, language, "column"))
    return specs


# A column is offered as a facet of a table of one's own when it has this many distinct
# values at most (and at least two), as Datasette suggests facets on its table page.
SUGGESTED_FACET_VALUES = 30


def configured_facet_specs(table_config: dict[str, Any], columns: Sequence[str]) -> list[FacetSpec]:
    """The facets the table's metadata asks the table page for (`"facets": [...]`)."""
    specs = []
    for entry in table_config.get("facets") or []:
        if isinstance(entry, str) and entry in columns:
            specs.append(FacetSpec(entry.replace("_", " ").capitalize(), entry, entry, "column"))
        elif isinstance(entry, dict) and isinstance(entry.get("array"), str):
            name = entry["array"]
            if name in columns:
                title = name.replace("_", " ").capitalize()
                specs.append(FacetSpec(title, f"{name}__arraycontains", name, "array"))
    return specs


async def suggested_facet_specs(
    db: Any,
    table: str,
    tl: TimelineColumns,
    columns: Sequence[str],
    pks: Sequence[str],
    time_limit_ms: int,
) -> list[FacetSpec]:
    """Columns of a table of one's own with a few repeated values (category, place)."""
    used = {tl.date, tl.end, tl.precision, tl.value, tl.label, tl.link, *pks}
    candidates = [c for c in columns if c not in used]
    if not candidates:
        return []
    counts = ", ".join(f"count(distinct {q(c)})" for c in candidates)
    rows = await aggregate_rows(db, f"select count(*), {counts} from {q(table)}", {}, time_limit_ms)
    if not rows:
        return []
    total, *distinct = rows[0]
    return [
        FacetSpec(column.replace("_", " ").capitalize(), column, column, "column")
        for column, number in zip(candidates, distinct, strict=True)
        if 2 <= number <= SUGGESTED_FACET_VALUES and number < total
    ]


def facet_sql(spec: FacetSpec, table: str, tl: TimelineColumns, where: str, limit: int) -> str:
    order = "value" if spec.chronological else "n desc, value"
    if spec.kind == "through":
        through = tl.through
        assert through is not None
        if where == "1":
            # Every row counts: group the link table on its own index, then name the top ones.
            return (
                f"select e.{q(through.entity_label)} as value, f.n as n from "
                f"(select {q(through.entity_column)} as entity, count(*) as n "
                f"from {q(through.table)} group by {q(through.entity_column)}) f "
                f"join {q(through.entity_table)} e on e.{q(through.entity_key)} = f.entity "
                f"order by {order} limit {limit}"
            )
        return (
            f"select e.{q(through.entity_label)} as value, count(*) as n "
            f"from {q(through.table)} l join {q(through.entity_table)} e "
            f"on e.{q(through.entity_key)} = l.{q(through.entity_column)} "
            f"where l.{q(through.row_column)} in "
            f"(select {q(through.row_key)} from {q(table)} where {where}) "
            f"group by value order by {order} limit {limit}"
        )
    if spec.kind == "array":
        # A value listed twice in one row still counts that row once.
        return (
            f"select j.value as value, count(distinct s.row_id) as n from "
            f"(select rowid as row_id, {q(spec.column)} as arr from {q(table)} where {where} "
            f"and json_valid({q(spec.column)})) s join json_each(s.arr) j "
            f"group by j.value order by {order} limit {limit}"
        )
    inner = (
        f"select {q(spec.column)} as value, count(*) as n from {q(table)} where {where} "
        f"group by {q(spec.column)} order by {order} limit {limit}"
    )
    if spec.kind == "foreign" and spec.other_table and spec.other_key and spec.other_label:
        return (
            f"select f.value as value, f.n as n, o.{q(spec.other_label)} as label "
            f"from ({inner}) f left join {q(spec.other_table)} o "
            f"on o.{q(spec.other_key)} = f.value order by {order.replace('value', 'f.value')}"
        )
    return inner


def _facet_query(
    spec: FacetSpec, table: str, tl: TimelineColumns, filters: FilterSet, size: int
) -> tuple[int, str]:
    """How many values the facet shows, and its SQL (one row more, to know there are more)."""
    size = facet_size(spec, size)
    return size, facet_sql(spec, table, tl, filters.where_sql(), size + 1)


async def facet_counts(
    db: Any,
    table: str,
    tl: TimelineColumns,
    filters: FilterSet,
    spec: FacetSpec,
    pairs: Pairs,
    time_limit_ms: int,
    size: int = FACET_SIZE,
    background_limit_ms: int = 0,
) -> FacetResult:
    """Count a facet now, within the time limit; on timeout, finish it after the response."""
    size, sql = _facet_query(spec, table, tl, filters, size)
    rows = await aggregate_rows(db, sql, filters.params, time_limit_ms)
    if rows is None:
        if background_limit_ms > time_limit_ms:
            aggregate_later(db, sql, filters.params, background_limit_ms)
        return FacetResult(spec, [], timed_out=True)
    return facet_result(spec, rows, size, filters, pairs)


def facet_counts_later(
    db: Any,
    table: str,
    tl: TimelineColumns,
    filters: FilterSet,
    spec: FacetSpec,
    pairs: Pairs,
    background_limit_ms: int,
    size: int = FACET_SIZE,
) -> FacetResult:
    """The facet if already counted on this data; else count it after the response (deferred)."""
    size, sql = _facet_query(spec, table, tl, filters, size)
    rows = remembered_rows(db, sql, filters.params)
    if rows is not None:
        return facet_result(spec, rows, size, filters, pairs)
    aggregate_later(db, sql, filters.params, background_limit_ms)
    return FacetResult(spec, [], deferred=True)


def facet_size(spec: FacetSpec, size: int) -> int:
    return max(size, FACET_SIZE_CHRONOLOGICAL) if spec.chronological else size


def facet_result(
    spec: FacetSpec, rows: Rows, size: int, filters: FilterSet, pairs: Pairs
) -> FacetResult:
    values: list[FacetValue] = []
    for row in rows[:size]:
        value = row[0]
        if value is None:
            continue
        label = row[2] if len(row) > 2 and row[2] is not None else value
        pair = (spec.key, str(value))
        selected = pair in filters.selected
        toggle = without(pairs, pair=pair) if selected else [*without(pairs), pair]
        values.append(FacetValue(value, str(label), int(row[1]), selected, query_string(toggle)))
    return FacetResult(spec, values, truncated=len(rows) > size)


LANE_COUNT = 6


async def lane_counts(
    db: Any,
    table: str,
    tl: TimelineColumns,
    dsql: DateSql,
    filters: FilterSet,
    base: str,
    names: Sequence[str],
    time_limit_ms: int,
) -> dict[str, list[tuple[Any, int]]] | None:
    """Rows per year, month or day for each of a few group values (actors): the lanes."""
    if not names or not tl.group:
        return {}
    bucket = base_key_sql(dsql.start, base)
    params = dict(filters.params)
    placeholders = []
    for position, name in enumerate(names):
        params[f"tl_lane{position}"] = name
        placeholders.append(f":tl_lane{position}")
    wanted = ", ".join(placeholders)
    through = tl.through
    if through is not None:
        sql = (
            f"select e.{q(through.entity_label)}, s.bucket, count(distinct s.row_key) from "
            f"(select {q(through.row_key)} as row_key, {bucket} as bucket from {q(table)} "
            f"where {filters.where_sql()}) s "
            f"join {q(through.table)} l on l.{q(through.row_column)} = s.row_key "
            f"join {q(through.entity_table)} e on e.{q(through.entity_key)} = l.{q(through.entity_column)} "
            f"where e.{q(through.entity_label)} in ({wanted}) group by 1, 2"
        )
    else:
        sql = (
            f"select j.value, s.bucket, count(distinct s.row_id) from "
            f"(select rowid as row_id, {q(tl.group)} as arr, {bucket} as bucket from {q(table)} "
            f"where {filters.where_sql()} and json_valid({q(tl.group)})) s "
            f"join json_each(s.arr) j where j.value in ({wanted}) group by 1, 2"
        )
    rows = await aggregate_rows(db, sql, params, time_limit_ms)
    if rows is None:
        return None
    lanes: dict[str, list[tuple[Any, int]]] = {name: [] for name in names}
    for name, bucket_key, count in rows:
        if name in lanes:
            lanes[name].append((bucket_key, int(count)))
    return lanes


# Above this share of the table's rows, walking the date index finds a page sooner than
# collecting every matching row and sorting them.
DENSE_SHARE = 0.01


async def dense_through_filter(
    db: Any, table: str, tl: TimelineColumns, filters: FilterSet
) -> bool:
    """Whether the only filters are actor filters matching a large share of the rows."""
    through = tl.through
    if through is None or not filters.through_values:
        return False
    total_rows = await aggregate_rows(db, f"select count(*) from {q(table)}", {})
    if not total_rows or not total_rows[0][0]:
        return False
    sql = (
        f"select count(*) from {q(through.table)} where {q(through.entity_column)} in "
        f"(select {q(through.entity_key)} from {q(through.entity_table)} "
        f"where {q(through.entity_label)} = :name)"
    )
    links = []
    for value in filters.through_values:
        rows = await aggregate_rows(db, sql, {"name": value})
        links.append(rows[0][0] if rows else 0)
    return min(links) / total_rows[0][0] > DENSE_SHARE
