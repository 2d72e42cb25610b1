"""Which columns of a table make a timeline: detected like datasette-cluster-map finds lat/lng,
overridden per table by the plugin configuration (metadata.json).

Every configured name is checked against the table's real columns before any SQL uses it.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .cache import database_state

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

# Optional columns of our own schema (issue 4) that the page shows when present.
OPTIONAL_NAMES = {
    "year": "year",
    "event_type": "event_type",
    "places": "places",
    "mention_count": "mention_count",
    "sentence": "sentence",
    "mod": "mod",
    "document": "document_id",
    "merged_into": "merged_into",
}

# A value counts as a date when it is an ISO date or date-time, or a TIMEX3 calendar value.
ISO_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)
TIMEX_DATE = re.compile(r"^\d{4}(-(\d{2}|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|AU|WI)(-\d{2})?)?$")

# How many values of a candidate column are sampled, and how many columns at most.
SAMPLE_ROWS = 20
MAX_SAMPLED_COLUMNS = 8


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


def looks_like_dates(values: Iterable[Any], *, allow_timex: bool) -> bool:
    """True when there is at least one value and every value is an ISO (or TIMEX3) date."""
    seen = False
    for value in values:
        if not isinstance(value, str):
            return False
        value = value.strip()
        if not (ISO_DATE.match(value) or (allow_timex and TIMEX_DATE.match(value))):
            return False
        seen = True
    return seen


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


def columns_from_names(columns: list[str], date: str, chosen: Mapping[str, str]) -> TimelineColumns:
    """Fill in everything the configuration left open, by column name."""
    has_start = date.lower() == "start"
    by_lower = _lower_map(columns)
    value = chosen.get("value")
    if value is None and has_start and "date" in by_lower:
        # Our own schema: `start` sorts, `date` holds the TIMEX3 value at its precision.
        value = by_lower["date"]
    optional = {key: by_lower[name] for key, name in OPTIONAL_NAMES.items() if name in by_lower}
    label = chosen.get("label") or _first_named(
        [c for c in columns if c not in (date, value)], LABEL_NAMES
    )
    return TimelineColumns(
        date=date,
        end=chosen.get("end") or _first_named(columns, END_NAMES),
        precision=chosen.get("precision") or _first_named(columns, ("precision",)),
        value=value,
        label=label,
        group=chosen.get("group") or _first_named(columns, ("actors",)),
        link=chosen.get("link") or _first_named(columns, LINK_NAMES),
        optional=optional,
    )


async def sample_values(db: Any, table: str, column: str) -> list[Any]:
    from datasette.utils import escape_sqlite

    sql = (
        f"select {escape_sqlite(column)} from {escape_sqlite(table)} "
        f"where {escape_sqlite(column)} is not null and {escape_sqlite(column)} != '' "
        f"limit {SAMPLE_ROWS}"
    )
    result = await db.execute(sql, custom_time_limit=200)
    return [row[0] for row in result.rows]


async def detect_date_column(db: Any, table: str, columns: list[str]) -> str | None:
    """The first column, by name preference, whose sampled values are all dates."""
    named = date_column_candidates(columns)
    others = [c for c in columns if c not in named]
    for position, column in enumerate((named + others)[:MAX_SAMPLED_COLUMNS]):
        # Bare years are dates only in a column whose name says so.
        allow_timex = position < len(named)
        if looks_like_dates(await sample_values(db, table, column), allow_timex=allow_timex):
            return column
    return None


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
_WITHOUT_DATES: weakref.WeakKeyDictionary[Any, set[tuple[Any, ...]]]
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
    without_dates = _WITHOUT_DATES.setdefault(datasette, set())
    if state is not None and (*key, state) in without_dates:
        return None
    found = await _detect(db, table, columns, config)
    if found is not None:
        if len(cache) >= _DETECTED_MAX:
            cache.clear()
        cache[key] = found
    elif state is not None:
        if len(without_dates) >= _DETECTED_MAX:
            without_dates.clear()
        without_dates.add((*key, state))
    return found


async def _detect(
    db: Any, table: str, columns: list[str], config: Mapping[str, Any]
) -> TimelineColumns | None:
    chosen = configured_columns(config, columns)
    date = chosen.get("date") or await detect_date_column(db, table, columns)
    if date is None:
        return None
    found = columns_from_names(columns, date, chosen)
    if found.group and found.group in columns:
        through = await detect_through(db, table, found.group)
        if through is not None:
            found = TimelineColumns(**{**found.__dict__, "through": through})
    return found
