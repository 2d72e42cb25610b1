"""Rows to what the page shows: dates at their precision, groups by year and month, overview bars.

Pure functions over plain values; the view module runs the queries and the template renders.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from .config import TimelineColumns
from .dates import (
    display_date,
    html_datetime,
    infer_precision,
    is_approximate,
    modifier_words,
)
from .datesql import precision_of
from .timeaxis import year_words

# Precisions grouped under a month heading; coarser ones sit directly under their year.
MONTH_LEVEL = frozenset({"month", "week", "day", "hour", "minute", "second", "time"})
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
    # How the date was found, when not from the event's own words ("publication").
    dated_by: str | None = None
    dated_by_link: str | None = None
    # The language tag of the event's words; when it is not the page's, a link to the
    # events of that language (and the lang attribute of its text).
    language: str | None = None
    language_link: Link | None = None
    # Where the list moves on to events known only to a decade or coarser.
    segment_heading: str | None = None


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
    heading: str | None = None  # a part of the list starting here

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
        precision = infer_precision(value) or precision_of(value)
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
    start = str(row.get("__start") or row.get(tl.date) or "")
    year_text, _, rest = start[1:].partition("-")
    year_text = start[0] + year_text if start else ""
    month = rest[:2] if precision in MONTH_LEVEL and len(rest) >= 2 else None
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
    dated_column = tl.get("dated_by")
    dated_value = row.get(dated_column) if dated_column else None
    dated_by = str(dated_value) if dated_value not in (None, "", "text") else None
    language_column = tl.get("language")
    language = language_tag(row.get(language_column)) if language_column else None
    foreign = language is not None and language.split("-")[0].lower() != PAGE_LANGUAGE
    return EventView(
        anchor=anchor,
        display=display_date(value, precision),
        datetime=html_datetime(value),
        precision=precision,
        approximate=is_approximate(precision),
        modifier=modifier_words(row.get(mod_column) if mod_column else None),
        text=shortened("" if text is None else str(text)),
        year=year_text,
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
        dated_by=dated_by,
        dated_by_link=filter_query(dated_column, dated_by) if dated_column and dated_by else None,
        language=language,
        language_link=Link(language, filter_query(language_column, language))
        if language_column and language and foreign
        else None,
    )


# The language of the page's own words (its <html lang>).
PAGE_LANGUAGE = "en"
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}")


def language_tag(value: Any) -> str | None:
    """``value`` when it is a language tag fit for a lang attribute ("es", "es-MX"), else
    None: a table's column may hold anything."""
    return value if isinstance(value, str) and _LANGUAGE_TAG.fullmatch(value) else None


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
        if not years or years[-1].year != event.year or event.segment_heading:
            anchor = f"y{event.year}" + ("-vague" if event.segment_heading else "")
            years.append(
                YearGroup(anchor, year_label(event.year), [], [], heading=event.segment_heading)
            )
        year = years[-1]
        if event.month is None:
            year.events.append(event)
            continue
        if not year.months or year.months[-1].anchor != f"m{event.year}-{event.month}":
            label = display_date(f"{event.year}-{event.month}")
            year.months.append(MonthGroup(f"m{event.year}-{event.month}", label, []))
        year.months[-1].events.append(event)
    return years


def year_label(year_text: str) -> str:
    """A year heading: '1991', '44 BC' for the ISO year -0043."""
    try:
        return year_words(int(year_text))
    except ValueError:
        return year_text
