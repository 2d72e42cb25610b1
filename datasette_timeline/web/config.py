"""Which columns of a table make a timeline: detected like datasette-cluster-map finds lat/lng,
overridden per table by the plugin configuration (metadata.json).

Every configured name is checked against the table's real columns before any SQL uses it.
"""

from __future__ import annotations

import dataclasses
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..schema import EVENT_ROLES
from .cache import database_state
from .datesql import normalise, q

PLUGIN_NAME = "datasette-timeline"

# Configuration keys a table may set, and the TimelineColumns field each one fills.
CONFIG_KEYS = {
    "date_column": "date",
    "end_column": "end",
    "precision_column": "precision",
    "value_column": "value",
    "label_column": "label",
    "group_column": "group",
    "link_column": "link",
}

# Names that usually hold a date, best first; columns ending in these suffixes come next.
DATE_NAMES = (
    "start",
    "date",
    "start_date",
    "event_date",
    "published",
    "published_at",
    "created",
    "created_at",
    "timestamp",
    "datetime",
    "when",
    "day",
)
DATE_SUFFIXES = ("_date", "_at", "_on", "_day", "_datetime", "_time")
END_NAMES = ("end", "end_date", "ends", "ended", "finished", "until")
# Short names first: a title beats an article's full text.
LABEL_NAMES = ("title", "headline", "label", "name", "text", "summary", "description", "sentence")
LINK_NAMES = ("url", "link", "source_url", "href")

# The columns of our own events table (schema.py), by the role the timeline gives them. The
# optional ones are shown when a table has them. `dated_by` (how an event was dated, e.g.
# "publication") is read wherever a table has the column.
CORE_ROLES = ("date", "end", "precision", "value", "label", "group")
OPTIONAL_NAMES = {
    **{role: name for role, name in EVENT_ROLES.items() if role not in CORE_ROLES},
    "dated_by": "dated_by",
}

# How many values of a candidate column are sampled, and how many columns at most; a column
# is a date column when at least this share of its sampled values reads as a date.
SAMPLE_ROWS = 50
MAX_SAMPLED_COLUMNS = 8
SAMPLE_TIME_LIMIT_MS = 200
MOST_VALUES_SHARE = 0.8


class TimelineConfigError(ValueError):
    """The plugin configuration names a column the table does not have."""


@dataclass(frozen=True)
class Through:
    """A many-to-many link from the timeline table to named entities (events -> actors)."""

    table: str  # link table, e.g. event_actors
    row_column: str  # its column pointing at the timeline table, e.g. event_id
    row_key: str  # the timeline table's column it points at, e.g. id
    entity_column: str  # its column pointing at the entity, e.g. actor_id
    entity_table: str  # e.g. actors
    entity_key: str  # e.g. id
    entity_label: str  # e.g. name


@dataclass(frozen=True)
class TimelineColumns:
    """The columns of one table that the timeline reads. Only `date` is required."""

    date: str
    end: str | None = None
    precision: str | None = None
    value: str | None = None
    label: str | None = None
    group: str | None = None
    link: str | None = None
    optional: Mapping[str, str] = field(default_factory=dict)
    through: Through | None = None
    # "iso": the column holds ISO days (its index sorts them); "mixed": see datesql.
    date_format: str = "iso"
    # Our own events table (schema.py): its integer year and indexes can serve the queries.
    events_schema: bool = False

    def get(self, name: str) -> str | None:
        return self.optional.get(name)


def _lower_map(columns: Iterable[str]) -> dict[str, str]:
    return {column.lower(): column for column in columns}


def _first_named(columns: Iterable[str], names: Iterable[str]) -> str | None:
    by_lower = _lower_map(columns)
    for name in names:
        if name in by_lower:
            return by_lower[name]
    return None


def date_column_candidates(columns: Iterable[str]) -> list[str]:
    """Columns whose names suggest dates, best first (like cluster-map's lat/lng patterns)."""
    columns = list(columns)
    named = [c for name in DATE_NAMES for c in columns if c.lower() == name]
    suffixed = [
        c for c in columns if c not in named and any(c.lower().endswith(s) for s in DATE_SUFFIXES)
    ]
    return named + suffixed


@dataclass(frozen=True)
class Sampled:
    """How a column's sampled values read as dates."""

    column: str
    parsed: int
    failed: list[str]
    all_iso: bool
    full_days: int

    @property
    def total(self) -> int:
        return self.parsed + len(self.failed)

    def is_dates(self, named: bool) -> bool:
        """Most values read as dates; a column not named like one must hold whole days too
        (a column of small numbers is no column of years)."""
        if not self.parsed or self.parsed < MOST_VALUES_SHARE * self.total:
            return False
        return named or self.full_days * 2 >= self.parsed

    @property
    def date_format(self) -> str:
        return "iso" if self.all_iso and not self.failed else "mixed"


def read_sample(column: str, values: Iterable[Any]) -> Sampled:
    parsed, full_days, failed, all_iso = 0, 0, [], True
    for value in values:
        found = normalise(value)
        if found is None:
            failed.append(str(value))
            continue
        parsed += 1
        if found[1] == "iso":
            full_days += 1
        else:
            all_iso = False
            if isinstance(value, str) and not value.strip().lstrip("-").isdigit():
                full_days += len(value.strip()) > 7
    return Sampled(column, parsed, failed, all_iso, full_days)


def looks_like_dates(values: Iterable[Any], *, allow_timex: bool) -> bool:
    """True when most values read as dates (bare years only in a column named like dates)."""
    return read_sample("", values).is_dates(named=allow_timex)


def configured_columns(config: Mapping[str, Any] | None, columns: Iterable[str]) -> dict[str, str]:
    """The columns named in the plugin configuration, each checked against the table."""
    chosen: dict[str, str] = {}
    if not config:
        return chosen
    known = set(columns)
    for key, field_name in CONFIG_KEYS.items():
        name = config.get(key)
        if name is None:
            continue
        if not isinstance(name, str) or name not in known:
            raise TimelineConfigError(f"{key} {name!r} is not a column of this table")
        chosen[field_name] = name
    return chosen


def is_events_schema(columns: Iterable[str], date: str) -> bool:
    """Whether a table is our events table (schema.py): dated by its own date column, with
    the integer year beside it."""
    names = set(columns)
    return date == EVENT_ROLES["date"] and {EVENT_ROLES["year"], EVENT_ROLES["value"]} <= names


def columns_from_names(columns: list[str], date: str, chosen: Mapping[str, str]) -> TimelineColumns:
    """Fill in everything the configuration left open: our events table's roles first, then
    names that usually hold each role."""
    ours = is_events_schema(columns, date)
    by_lower = _lower_map(columns)

    def role(name: str) -> str | None:
        column = EVENT_ROLES[name]
        return column if ours and column in columns else None

    value = chosen.get("value") or role("value")
    optional = {key: by_lower[name] for key, name in OPTIONAL_NAMES.items() if name in by_lower}
    label = (
        chosen.get("label")
        or role("label")
        or _first_named([c for c in columns if c not in (date, value)], LABEL_NAMES)
    )
    return TimelineColumns(
        date=date,
        end=chosen.get("end") or role("end") or _first_named(columns, END_NAMES),
        precision=chosen.get("precision")
        or role("precision")
        or _first_named(columns, ("precision",)),
        value=value,
        label=label,
        group=chosen.get("group") or role("group") or _first_named(columns, ("actors",)),
        link=chosen.get("link") or _first_named(columns, LINK_NAMES),
        optional=optional,
        events_schema=ours,
    )


async def sample_values(db: Any, table: str, column: str) -> list[Any]:
    """Up to SAMPLE_ROWS non-empty values of the column; none when finding them takes longer
    than a moment (a big table where the column is mostly empty: it holds no dates to show)."""
    from datasette.database import QueryInterrupted

    sql = (
        f"select {q(column)} from {q(table)} where {q(column)} is not null and {q(column)} != '' "
        f"order by rowid limit {SAMPLE_ROWS}"
    )
    try:
        result = await db.execute(sql, custom_time_limit=SAMPLE_TIME_LIMIT_MS)
    except QueryInterrupted:
        return []
    return [row[0] for row in result.rows]


async def sample_columns(db: Any, table: str, columns: list[str]) -> list[tuple[Sampled, bool]]:
    """The sampled candidate columns, by name preference, each with whether its name says
    it holds dates."""
    named = date_column_candidates(columns)
    others = [c for c in columns if c not in named]
    sampled = []
    for position, column in enumerate((named + others)[:MAX_SAMPLED_COLUMNS]):
        values = await sample_values(db, table, column)
        sampled.append((read_sample(column, values), position < len(named)))
    return sampled


async def detect_through(db: Any, table: str, group: str | None) -> Through | None:
    """A link table joining `table` to a table named like the group column (events -> actors)."""
    if not group:
        return None
    table_names = await db.table_names()
    if group not in table_names:
        return None
    entity_columns = await db.table_columns(group)
    entity_label = _first_named(entity_columns, ("name", "label", "title"))
    if entity_label is None:
        return None
    for link_table in table_names:
        if link_table in (table, group):
            continue
        foreign_keys = await db.foreign_keys_for_table(link_table)
        to_row = [fk for fk in foreign_keys if fk["other_table"] == table]
        to_entity = [fk for fk in foreign_keys if fk["other_table"] == group]
        if len(to_row) == 1 and len(to_entity) == 1:
            return Through(
                table=link_table,
                row_column=to_row[0]["column"],
                row_key=to_row[0]["other_column"],
                entity_column=to_entity[0]["column"],
                entity_table=group,
                entity_key=to_entity[0]["other_column"],
                entity_label=entity_label,
            )
    return None


async def row_label_column(db: Any, table: str) -> str | None:
    """The column that names a row of a linked table (documents.title), like Datasette's."""
    columns = await db.table_columns(table)
    named = _first_named(columns, ("title", "name", "label", "headline"))
    return named or await db.label_column_for_table(table)


def plugin_config_for(datasette: Any, database: str, table: str) -> dict[str, Any]:
    config = datasette.plugin_config(PLUGIN_NAME, database=database, table=table)
    return dict(config) if isinstance(config, Mapping) else {}


# Detection samples rows, so each Datasette instance remembers what it found per schema and
# configuration. That a table has no dates is remembered too (on a big table without dates the
# samples scan it all, on every table page), but only for this version of the data: rows with
# dates may arrive later, and any committed write changes the database file.
_DETECTED: weakref.WeakKeyDictionary[
    Any, dict[tuple[str, str, tuple[str, ...], str], TimelineColumns]
]
_DETECTED = weakref.WeakKeyDictionary()
# Tables without dates, with the samples that showed it (the page explains it with them).
_WITHOUT_DATES: weakref.WeakKeyDictionary[Any, dict[tuple[Any, ...], list[tuple[Sampled, bool]]]]
_WITHOUT_DATES = weakref.WeakKeyDictionary()
_DETECTED_MAX = 512


async def timeline_columns(
    datasette: Any, database: str, table: str, *, columns: list[str] | None = None
) -> TimelineColumns | None:
    """The timeline columns of a table, or None if it has no dates (or is switched off)."""
    config = plugin_config_for(datasette, database, table)
    if config.get("enabled") is False:
        return None
    db = datasette.get_database(database)
    if columns is None:
        columns = await db.table_columns(table)
    cache = _DETECTED.setdefault(datasette, {})
    key = (database, table, tuple(columns), repr(sorted(config.items())))
    if key in cache:
        return cache[key]
    state = database_state(db)
    without_dates = _WITHOUT_DATES.setdefault(datasette, {})
    entry = (*key, state)
    if state is not None and entry in without_dates:
        return None
    found, samples = await _detect(db, table, columns, config)
    if found is not None:
        if len(cache) >= _DETECTED_MAX:
            cache.clear()
        cache[key] = found
    elif state is not None:
        if len(without_dates) >= _DETECTED_MAX:
            without_dates.clear()
        without_dates[entry] = samples
    return found


async def samples_without_dates(
    datasette: Any, database: str, table: str, columns: list[str]
) -> list[tuple[Sampled, bool]]:
    """The samples that showed a table has no date column (sampled again if not kept)."""
    config = plugin_config_for(datasette, database, table)
    db = datasette.get_database(database)
    key = (database, table, tuple(columns), repr(sorted(config.items())))
    entry = (*key, database_state(db))
    kept = _WITHOUT_DATES.get(datasette, {}).get(entry)
    return kept if kept is not None else await sample_columns(db, table, columns)


async def _detect(
    db: Any, table: str, columns: list[str], config: Mapping[str, Any]
) -> tuple[TimelineColumns | None, list[tuple[Sampled, bool]]]:
    chosen = configured_columns(config, columns)
    if chosen.get("date"):
        sample = read_sample(chosen["date"], await sample_values(db, table, chosen["date"]))
    else:
        samples = await sample_columns(db, table, columns)
        detected = next((s for s, named in samples if s.is_dates(named)), None)
        if detected is None:
            return None, samples
        sample = detected
    found = columns_from_names(columns, sample.column, chosen)
    found = dataclasses.replace(found, date_format=sample.date_format)
    if found.group and found.group in columns:
        through = await detect_through(db, table, found.group)
        if through is not None:
            found = TimelineColumns(**{**found.__dict__, "through": through})
    return found, []
