"""Rows to what the page shows: dates at their precision, groups by year and month, overview bars.

Pure functions over plain values; the view module runs the queries and the template renders.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .config import TimelineColumns
from .dates import (
    LAST_DAY,
    MONTHS,
    Period,
    add_days,
    display_date,
    html_datetime,
    infer_precision,
    is_approximate,
    modifier_words,
    period_for,
)

# Precisions grouped under a month heading; coarser ones sit directly under their year.
MONTH_LEVEL = frozenset({"month", "week", "day", "hour", "minute", "second", "time"})
# Overview: gaps between buckets are filled with empty bars only up to this many bars.
MAX_FILLED_BARS = 400
MAX_BAR_LABELS = 8
# Characters of an event's text shown in the list.
MAX_TEXT = 600


def safe_url(value: Any) -> str | None:
    """The value when it is an absolute http(s) URL, else None (no javascript:, data:, ...)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return value
    return None


def json_list(value: Any) -> list[str]:
    """A JSON array column as a list of strings; anything else as an empty list."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return []
    if not isinstance(value, list):
        return []
    return [str(item) for item in value if item is not None and not isinstance(item, (list, dict))]


@dataclass
class Link:
    label: str
    href: str


@dataclass
class EventView:
    anchor: str
    display: str
    datetime: str | None
    precision: str | None
    approximate: bool
    modifier: str | None
    text: str
    year: str
    month: str | None
    actors: list[Link] = field(default_factory=list)
    places: list[Link] = field(default_factory=list)
    event_type: Link | None = None
    mention_count: int | None = None
    mentions_url: str | None = None
    record_url: str = ""
    document: Link | None = None
    source_url: str | None = None
    link_url: str | None = None
    sentence: str | None = None


@dataclass
class MonthGroup:
    anchor: str
    label: str
    events: list[EventView]


@dataclass
class YearGroup:
    anchor: str
    year: str
    events: list[EventView]
    months: list[MonthGroup]

    @property
    def total(self) -> int:
        return len(self.events) + sum(len(m.events) for m in self.months)


def event_date(row: dict[str, Any], tl: TimelineColumns) -> tuple[str, str | None]:
    """The value shown (TIMEX3 value if the table has one, else the date) and its precision."""
    value = row.get(tl.value) if tl.value else None
    if not isinstance(value, str) or not value.strip():
        value = row.get(tl.date)
    value = str(value).strip()
    precision = row.get(tl.precision) if tl.precision else None
    if not isinstance(precision, str) or not precision:
        precision = infer_precision(value)
    return value, precision


def event_view(
    row: dict[str, Any],
    tl: TimelineColumns,
    anchor: str,
    filter_query: Callable[[str, str], str],
    record_url: str,
    document: Link | None,
    source_url: str | None,
) -> EventView:
    value, precision = event_date(row, tl)
    start = str(row.get(tl.date) or "")
    month = start[5:7] if precision in MONTH_LEVEL and len(start) >= 7 else None
    text = row.get(tl.label) if tl.label else None
    group_key = f"{tl.group}__arraycontains"
    actors = (
        [Link(name, filter_query(group_key, name)) for name in json_list(row.get(tl.group))]
        if tl.group
        else []
    )
    places_column = tl.get("places")
    places = (
        [
            Link(p, filter_query(f"{places_column}__arraycontains", p))
            for p in json_list(row.get(places_column))
        ]
        if places_column
        else []
    )
    type_column = tl.get("event_type")
    type_value = row.get(type_column) if type_column else None
    mentions = row.get(tl.get("mention_count") or "")
    mod_column = tl.get("mod")
    return EventView(
        anchor=anchor,
        display=display_date(value, precision),
        datetime=html_datetime(value),
        precision=precision,
        approximate=is_approximate(precision),
        modifier=modifier_words(row.get(mod_column) if mod_column else None),
        text=shortened("" if text is None else str(text)),
        year=start[:4],
        month=month,
        actors=actors,
        places=places,
        event_type=Link(str(type_value), filter_query(type_column, str(type_value)))
        if type_column and type_value not in (None, "")
        else None,
        mention_count=mentions if isinstance(mentions, int) else None,
        record_url=record_url,
        document=document,
        source_url=source_url,
        link_url=safe_url(row.get(tl.link)) if tl.link else None,
        sentence=_sentence(row, tl, text),
    )


def _sentence(row: dict[str, Any], tl: TimelineColumns, text: Any) -> str | None:
    """The source sentence, when the table keeps one that differs from the event's text."""
    column = tl.get("sentence")
    sentence = row.get(column) if column and column != tl.label else None
    if not isinstance(sentence, str) or not sentence.strip() or sentence == text:
        return None
    return sentence


def shortened(text: str, limit: int = MAX_TEXT) -> str:
    """Long texts cut at a word near the limit; the event record has all of it."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + " …"


def group_events(events: Sequence[EventView]) -> list[YearGroup]:
    """Events (already in date order) under year headings, then month headings."""
    years: list[YearGroup] = []
    for event in events:
        if not years or years[-1].year != event.year:
            years.append(YearGroup(f"y{event.year}", event.year, [], []))
        year = years[-1]
        if event.month is None:
            year.events.append(event)
            continue
        if not year.months or year.months[-1].anchor != f"m{event.year}-{event.month}":
            label = display_date(f"{event.year}-{event.month}")
            year.months.append(MonthGroup(f"m{event.year}-{event.month}", label, []))
        year.months[-1].events.append(event)
    return years


@dataclass
class Bar:
    key: str
    label: str
    short_label: str
    count: int
    height: float  # percent of the tallest bar
    first_day: str
    next_first_day: str
    query: str
    show_label: bool


def short_label(period: Period, unit: str) -> str:
    if unit == "year":
        return period.key
    if unit == "month":
        return MONTHS[period.first_day.month - 1][:3]
    return str(period.first_day.day)


def spoken_label(period: Period, unit: str) -> str:
    """The bar's accessible name starts with the words it shows (WCAG 2.5.3): 'Oct 2020'."""
    if unit == "month":
        return f"{short_label(period, unit)} {period.first_day.year}"
    return period.label


def next_key(key: str, unit: str) -> str | None:
    period = period_for(key)
    if period is None:
        return None
    following = period.next_first_day
    if unit == "year":
        return f"{following.year:04d}"
    if unit == "month":
        return f"{following.year:04d}-{following.month:02d}"
    return following.isoformat()


def key_for(day: dt.date, unit: str) -> str:
    """The overview key of the period containing a day."""
    if unit == "year":
        return f"{day.year:04d}"
    if unit == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def fill_gaps(
    counts: Sequence[tuple[str, int]], unit: str, span: tuple[dt.date, dt.date] | None = None
) -> list[tuple[str, int]]:
    """Every period from the first bucket (or the span's start) to the last (or the span's
    end, exclusive), empty ones included, when there are few enough of them."""
    if not counts and span is None:
        return []
    known = dict(counts)
    first = key_for(span[0], unit) if span else counts[0][0]
    last = key_for(add_days(span[1], -1), unit) if span else counts[-1][0]
    filled: list[tuple[str, int]] = []
    key: str | None = first
    while key is not None and key <= last:
        filled.append((key, known.get(key, 0)))
        if len(filled) > MAX_FILLED_BARS:
            return list(counts)
        key = next_key(key, unit)
    return filled


def overview_bars(
    counts: Sequence[tuple[str, int]],
    unit: str,
    range_query: Callable[[dt.date, dt.date], str],
    span: tuple[dt.date, dt.date] | None = None,
) -> list[Bar]:
    filled = fill_gaps(counts, unit, span)
    tallest = max((n for _, n in filled), default=0) or 1
    bars: list[Bar] = []
    # Label about eight bars so labels never overlap, even at 320 px.
    label_every = max(1, -(-len(filled) // MAX_BAR_LABELS))
    for position, (key, count) in enumerate(filled):
        period = period_for(key)
        if period is None:
            continue
        bars.append(
            Bar(
                key=key,
                label=spoken_label(period, unit),
                short_label=short_label(period, unit),
                count=count,
                height=round(100 * count / tallest, 1),
                first_day=period.first_day.isoformat(),
                next_first_day=period.next_first_day.isoformat(),
                query=range_query(period.first_day, period.next_first_day),
                show_label=position % label_every == 0,
            )
        )
    return bars


def shifted(start: dt.date, stop: dt.date, by: float) -> tuple[dt.date, dt.date] | None:
    """The same span moved by a share of itself, or None where the calendar has no room."""
    offset = round((stop - start).days * by)
    low, high = start.toordinal() + offset, stop.toordinal() + offset
    if low < 1 or high > LAST_DAY.toordinal():
        return None
    return add_days(start, offset), add_days(stop, offset)


def widened(start: dt.date, stop: dt.date) -> tuple[dt.date, dt.date]:
    """Three times the span around the same middle (zoom out), within the calendar."""
    span = max((stop - start).days, 1)
    return add_days(start, -span), add_days(stop, span)


def narrowed(start: dt.date, stop: dt.date) -> tuple[dt.date, dt.date]:
    """The middle third of the span, never under a day (zoom in)."""
    span = (stop - start).days
    if span < 3:
        return start, stop
    third = span // 3
    return add_days(start, third), add_days(stop, -third)


@dataclass
class LaneBar:
    label: str
    count: int
    height: float
    query: str


@dataclass
class Lane:
    name: str
    query: str  # the list filtered by this lane's value
    bars: list[LaneBar]


def lane_view(
    name: str,
    counts: dict[str, int],
    bars: Sequence[Bar],
    filter_query: str,
    range_query: Callable[[str, dt.date, dt.date], str],
) -> Lane:
    """One lane: the same periods as the overview's bars, counting only this value's rows."""
    tallest = max(counts.values(), default=0) or 1
    lane_bars = []
    for bar in bars:
        count = counts.get(bar.key, 0)
        first = dt.date.fromisoformat(bar.first_day)
        stop = dt.date.fromisoformat(bar.next_first_day)
        lane_bars.append(
            LaneBar(
                bar.label, count, round(100 * count / tallest, 1), range_query(name, first, stop)
            )
        )
    return Lane(name, filter_query, lane_bars)
