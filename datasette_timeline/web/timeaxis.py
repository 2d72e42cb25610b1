"""The overview's time axis: days of any year, buckets that fit, and where each bar goes.

Pure functions, no SQL and no Datasette. Days are proleptic Gregorian with astronomical year
numbering (year 0 is 1 BC, -43 is 44 BC), as ISO 8601 writes years before 1 AD, so a day of
Caesar's Rome and a day of 2020 sit on one linear axis. Positions are shares of the axis in
days: a bar's left edge and width are proportional to the time it covers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..timex.values import iso_year
from .dates import MONTHS


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date, for any year (H. Hinnant's method)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146097 + day_of_era - 719468


def civil_from_days(days: int) -> tuple[int, int, int]:
    days += 719468
    era = days // 146097
    day_of_era = days - era * 146097
    year_of_era = (
        day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096
    ) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    mp = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    return year_of_era + era * 400 + (month <= 2), month, day


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


@dataclass(frozen=True, order=True)
class Day:
    """A calendar day of any year; compares in time order."""

    number: int  # days since 1970-01-01

    @classmethod
    def of(cls, year: int, month: int = 1, day: int = 1) -> Day:
        return cls(days_from_civil(year, month, day))

    @property
    def ymd(self) -> tuple[int, int, int]:
        return civil_from_days(self.number)

    @property
    def year(self) -> int:
        return self.ymd[0]

    def plus(self, days: int) -> Day:
        return Day(self.number + days)

    def iso(self) -> str:
        year, month, day = self.ymd
        return f"{iso_year(year)}-{month:02d}-{day:02d}"


# The calendar the axis draws: ten thousand years either side of year 0.
FIRST_YEAR, LAST_YEAR = -9999, 9999

_ISO = re.compile(r"^(-?)(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$")


def parse_day(text: object) -> Day | None:
    """The first day of an ISO 8601 year, month or day, signed years included; else None."""
    if not isinstance(text, str):
        return None
    match = _ISO.match(text.strip())
    if not match:
        return None
    sign, year_text, month_text, day_text = match.groups()
    year = -int(year_text) if sign else int(year_text)
    month = int(month_text) if month_text else 1
    day = int(day_text) if day_text else 1
    if not 1 <= month <= 12 or not 1 <= day <= month_length(year, month):
        return None
    return Day.of(year, month, day)


def year_words(year: int) -> str:
    """A year as people write it: 1991, 44 BC (astronomical -43), 1 BC (year 0)."""
    return str(year) if year > 0 else f"{1 - year} BC"


def day_words(day: Day) -> str:
    year, month, number = day.ymd
    return f"{number} {MONTHS[month - 1]} {year_words(year)}"


def month_words(day: Day, short: bool = False) -> str:
    year, month, _ = day.ymd
    name = MONTHS[month - 1][:3] if short else MONTHS[month - 1]
    return f"{name} {year_words(year)}"


@dataclass(frozen=True)
class Scale:
    """A bucket size: `step` days, weeks, months or years."""

    unit: str  # day, week, month or year
    step: int
    name: str

    @property
    def base(self) -> str:
        """The finest unit SQL counts in for this scale: day, month or year."""
        return "day" if self.unit in ("day", "week") else self.unit

    def index(self, day: Day) -> int:
        """Which bucket of this scale a day falls in (buckets are aligned to year 0)."""
        if self.unit == "day":
            return day.number // self.step
        if self.unit == "week":
            # 1970-01-05 was a Monday: weeks run Monday to Sunday.
            return (day.number - 4) // (7 * self.step)
        year, month, _ = day.ymd
        if self.unit == "month":
            return (year * 12 + month - 1) // self.step
        return year // self.step

    def first(self, index: int) -> Day:
        if self.unit == "day":
            return Day(index * self.step)
        if self.unit == "week":
            return Day(index * 7 * self.step + 4)
        if self.unit == "month":
            months = index * self.step
            return Day.of(months // 12, months % 12 + 1)
        return Day.of(index * self.step)

    def words(self, index: int) -> str:
        """What a bucket is called, in full: 'October 2020', '1990s', '500 BC to 401 BC'."""
        first, last = self.first(index), self.first(index + 1).plus(-1)
        if self.unit == "day" and self.step == 1:
            return day_words(first)
        if self.unit == "week" and self.step == 1:
            return f"week of {day_words(first)}"
        if self.unit == "month" and self.step == 1:
            return month_words(first)
        if self.unit == "month" and self.step == 3:
            return f"Q{first.ymd[1] // 3 + 1} {year_words(first.year)}"
        if self.unit == "month" and self.step == 6:
            half = "first" if first.ymd[1] == 1 else "second"
            return f"{half} half of {year_words(first.year)}"
        if self.unit == "year" and self.step == 1:
            return year_words(first.year)
        if self.unit == "year" and self.step == 10 and first.year > 0:
            return f"{first.year}s"
        # A bucket of several units reads as one span ("1990–1994"), so that a selection of
        # buckets can say "1990–1994 to 2000–2004".
        if self.unit == "year":
            return f"{year_words(first.year)}–{year_words(last.year)}"
        return f"{day_words(first)}–{day_words(last)}"

    def tick_words(self, index: int) -> str:
        """A short label for the boundary where bucket `index` starts."""
        first = self.first(index)
        if self.unit == "year":
            return year_words(first.year)
        if self.unit == "month":
            return month_words(first, short=True)
        year, month, number = first.ymd
        return f"{number} {MONTHS[month - 1][:3]} {year_words(year)}"


SCALES: tuple[Scale, ...] = (
    Scale("day", 1, "day"),
    Scale("week", 1, "week"),
    Scale("month", 1, "month"),
    Scale("month", 3, "quarter"),
    Scale("month", 6, "half-year"),
    Scale("year", 1, "year"),
    Scale("year", 2, "2 years"),
    Scale("year", 5, "5 years"),
    Scale("year", 10, "decade"),
    Scale("year", 20, "20 years"),
    Scale("year", 50, "50 years"),
    Scale("year", 100, "century"),
    Scale("year", 200, "2 centuries"),
    Scale("year", 500, "5 centuries"),
    Scale("year", 1000, "millennium"),
    Scale("year", 2000, "2 millennia"),
    Scale("year", 5000, "5 millennia"),
    Scale("year", 10000, "10 millennia"),
)

# Most bars on a wide screen, and on a phone (where each stays at least ~16 px wide).
WIDE_BARS = 60
NARROW_BARS = 16
# The narrowest the overview is drawn at, wide and narrow, for spacing the axis labels.
WIDE_PIXELS = 600
NARROW_PIXELS = 280
LABEL_CHAR_PIXELS = 7


def bucket_count(scale: Scale, first: Day, stop: Day) -> int:
    return scale.index(stop.plus(-1)) - scale.index(first) + 1


def choose_scale(first: Day, stop: Day, most: int) -> Scale:
    """The finest scale that draws the span [first, stop) in at most `most` buckets."""
    for scale in SCALES:
        if bucket_count(scale, first, stop) <= most:
            return scale
    return SCALES[-1]


@dataclass
class Bar:
    index: int
    first: Day
    stop: Day
    count: int
    left: float  # percent of the axis
    width: float
    height: float  # percent of the tallest bar
    label: str  # the bucket in words
    query: str


@dataclass
class Band:
    """Events known only to a span wider than a bucket (a year in a month view, the 1990s in
    a year view), drawn over their whole range."""

    first: Day
    stop: Day
    count: int
    left: float
    width: float
    row: int
    label: str
    query: str


@dataclass
class Tick:
    left: float
    label: str
    align: str  # start, middle or end: labels near the edges stay inside the axis


@dataclass
class AxisView:
    scale: Scale
    first: Day
    stop: Day
    bars: list[Bar]
    bands: list[Band]
    ticks: list[Tick]
    band_rows: int = 0

    @property
    def total(self) -> int:
        return sum(bar.count for bar in self.bars) + sum(band.count for band in self.bands)


def _percent(day: Day, first: Day, length: int) -> float:
    return round(100 * (day.number - first.number) / length, 4)


def aggregate(base_counts: Sequence[tuple[Day, int]], scale: Scale) -> dict[int, int]:
    """Counts per bucket of the scale from counts per base unit (day, month or year)."""
    counts: dict[int, int] = {}
    for day, count in base_counts:
        index = scale.index(day)
        counts[index] = counts.get(index, 0) + count
    return counts


MAX_BAND_ROWS = 3


def layout_axis(
    base_counts: Sequence[tuple[Day, int]],
    base_spans: Sequence[tuple[Day, Day, int]],
    first: Day,
    stop: Day,
    scale: Scale,
    range_query: Callable[[Day, Day], str],
    precision_words: Callable[[Scale, Day, Day], str] | None = None,
    pixels: int = WIDE_PIXELS,
) -> AxisView:
    """Bars and bands of the span [first, stop) at a scale.

    `base_counts` count every row by the base unit of its first day; `base_spans` count the
    rows whose last day falls in a later base unit, by (first unit, last unit). A row whose
    first and last day fall in different buckets of this scale is drawn as a band over its
    range instead of in the bar of its first bucket."""
    length = max(stop.number - first.number, 1)
    counts = aggregate(base_counts, scale)
    # (first bucket, last bucket) -> [events, first day, day after the last]
    grouped: dict[tuple[int, int], list[Any]] = {}
    for start_day, last_day, count in base_spans:
        low, high = scale.index(start_day), scale.index(last_day)
        if high > low:
            found = grouped.setdefault((low, high), [0, start_day, last_day.plus(1)])
            found[0] += count
            found[1], found[2] = min(found[1], start_day), max(found[2], last_day.plus(1))
            counts[low] = counts.get(low, 0) - count
    tallest = max(counts.values(), default=0) or 1
    bars = []
    for index in sorted(counts):
        count = counts[index]
        if count <= 0:
            continue
        bucket_first = max(scale.first(index), first)
        bucket_stop = min(scale.first(index + 1), stop)
        if bucket_stop <= bucket_first:
            continue
        bars.append(
            Bar(
                index=index,
                first=bucket_first,
                stop=bucket_stop,
                count=count,
                left=_percent(bucket_first, first, length),
                width=_percent(bucket_stop, bucket_first, length),
                height=round(100 * count / tallest, 1),
                label=scale.words(index),
                query=range_query(bucket_first, bucket_stop),
            )
        )
    bands = _bands(grouped, scale, first, stop, length, range_query, precision_words)
    rows = max((band.row for band in bands), default=-1) + 1
    return AxisView(scale, first, stop, bars, bands, ticks(scale, first, stop, pixels), rows)


def _bands(
    grouped: dict[tuple[int, int], list[Any]],
    scale: Scale,
    first: Day,
    stop: Day,
    length: int,
    range_query: Callable[[Day, Day], str],
    precision_words: Callable[[Scale, Day, Day], str] | None,
) -> list[Band]:
    bands: list[Band] = []
    row_ends: list[int] = []
    for (low, high), (count, span_first, span_stop) in sorted(grouped.items()):
        # Over the days the events may fall on (to the base unit counted), within the axis.
        band_first = max(span_first, first)
        band_stop = min(span_stop, stop)
        if band_stop <= band_first:
            continue
        # Rows of bands, packed greedily; past the last row they overlap (drawn lighter).
        row = next((r for r, end in enumerate(row_ends) if end <= low), None)
        if row is None:
            row = len(row_ends) if len(row_ends) < MAX_BAND_ROWS else MAX_BAND_ROWS - 1
            if row == len(row_ends):
                row_ends.append(high + 1)
        row_ends[row] = max(row_ends[row], high + 1)
        words = (
            precision_words(scale, span_first, span_stop)
            if precision_words
            else f"{scale.words(low)} to {scale.words(high)}"
        )
        bands.append(
            Band(
                first=band_first,
                stop=band_stop,
                count=count,
                left=_percent(band_first, first, length),
                width=_percent(band_stop, band_first, length),
                row=row,
                label=words,
                query=range_query(band_first, band_stop),
            )
        )
    return bands


LABEL_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)


def ticks(scale: Scale, first: Day, stop: Day, pixels: int) -> list[Tick]:
    """Labelled boundaries, every k-th bucket with k a round number, spaced so that labels
    of the longest kind fit at `pixels` wide with room between them."""
    low, high = scale.index(first), scale.index(stop.plus(-1)) + 1
    longest = max(len(scale.tick_words(low)), len(scale.tick_words(high)), 4)
    room = longest * LABEL_CHAR_PIXELS * 1.6
    most = max(2, int(pixels // room))
    length = max(stop.number - first.number, 1)
    for every in LABEL_STEPS:
        chosen = [
            i for i in range(low, high + 1) if i % every == 0 and first <= scale.first(i) < stop
        ]
        if len(chosen) <= most:
            break
    result = []
    for index in chosen:
        left = _percent(scale.first(index), first, length)
        align = "start" if left < 8 else "end" if left > 92 else "middle"
        result.append(Tick(left, scale.tick_words(index), align))
    return result


# -- moving about: zoom to where the events are, earlier and later by calendar units ----


def densest_window(bars: Sequence[Bar], scale: Scale, first: Day, stop: Day) -> tuple[Day, Day]:
    """The third of the span (in whole buckets) that holds the most events: Zoom in."""
    low, high = scale.index(first), scale.index(stop.plus(-1))
    buckets = high - low + 1
    if buckets < 2:
        return _halve_day_span(first, stop)
    size = max(1, -(-buckets // 3))
    counts = {bar.index: bar.count for bar in bars}
    best_start, best_total = low, -1
    window = sum(counts.get(i, 0) for i in range(low, low + size))
    for start in range(low, high - size + 2):
        if start > low:
            window += counts.get(start + size - 1, 0) - counts.get(start - 1, 0)
        if window > best_total:
            best_start, best_total = start, window
    return max(scale.first(best_start), first), min(scale.first(best_start + size), stop)


def _halve_day_span(first: Day, stop: Day) -> tuple[Day, Day]:
    days = stop.number - first.number
    if days <= 1:
        return first, stop
    return first, first.plus(max(1, days // 3))


def calendar_step(first: Day, stop: Day) -> tuple[str, int]:
    """The span's length in the largest calendar unit both ends are aligned to."""
    (y0, m0, d0), (y1, m1, d1) = first.ymd, stop.ymd
    if (m0, d0) == (1, 1) and (m1, d1) == (1, 1):
        return "year", y1 - y0
    if d0 == 1 and d1 == 1:
        return "month", (y1 * 12 + m1) - (y0 * 12 + m0)
    return "day", stop.number - first.number


def shift_by(day: Day, unit: str, amount: int) -> Day:
    if unit == "day":
        return day.plus(amount)
    year, month, number = day.ymd
    if unit == "year":
        return Day.of(year + amount, month, min(number, month_length(year + amount, month)))
    months = year * 12 + month - 1 + amount
    new_year, new_month = months // 12, months % 12 + 1
    return Day.of(new_year, new_month, min(number, month_length(new_year, new_month)))


def shifted(first: Day, stop: Day, direction: int) -> tuple[Day, Day] | None:
    """The span before (-1) or after (1) this one, of the same calendar length: from
    February 2013, January 2013; from 1944, 1943. None past the axis' calendar."""
    unit, amount = calendar_step(first, stop)
    moved = shift_by(first, unit, direction * amount), shift_by(stop, unit, direction * amount)
    if moved[0].year < FIRST_YEAR or moved[1].year > LAST_YEAR + 1:
        return None
    return moved


def widened(first: Day, stop: Day) -> tuple[Day, Day]:
    """Three times the span around the same middle, in its calendar unit (Zoom out)."""
    unit, amount = calendar_step(first, stop)
    low = shift_by(first, unit, -amount)
    high = shift_by(stop, unit, amount)
    floor, ceiling = Day.of(FIRST_YEAR), Day.of(LAST_YEAR + 1)
    return max(low, floor), min(high, ceiling)


def span_words(first: Day, stop: Day) -> str:
    """A range in calendar words: '1943', 'February 2013', '1940 to 1949', '4 to 31 January 2013'."""
    last = stop.plus(-1)
    unit, amount = calendar_step(first, stop)
    if unit == "year":
        if amount == 1:
            return year_words(first.year)
        return f"{year_words(first.year)} to {year_words(last.year)}"
    if unit == "month":
        if amount == 1:
            return month_words(first)
        return f"{month_words(first)} to {month_words(last)}"
    if last == first:
        return day_words(first)
    return f"{day_words(first)} to {day_words(last)}"


@dataclass
class Overview:
    """The overview of a selection: a wide and a narrow drawing of one axis, and its moves."""

    first: Day
    stop: Day
    wide: AxisView
    narrow: AxisView
    range_label: str
    zoom_in: str | None = None
    zoom_out: str | None = None
    earlier: str | None = None
    later: str | None = None
    show_all: str | None = None
    gte_key: str = ""
    lt_key: str = ""
    lanes: list[Lane] = field(default_factory=list)
    narrow_lanes: list[Lane] = field(default_factory=list)
    lanes_toggle: str | None = None
    lanes_on: bool = False
    notes: list[str] = field(default_factory=list)
    total: int = 0
    # The spans are counted after the response: the page's script fetches them.
    pending: bool = False
    # Rows per year when the overview counted years: the Year facet reuses them.
    year_counts: list[tuple[int, int]] | None = None

    @property
    def unit(self) -> str:
        return self.wide.scale.name


@dataclass
class LaneBar:
    left: float
    width: float
    height: float
    count: int
    label: str
    query: str


@dataclass
class Lane:
    name: str
    query: str
    bars: list[LaneBar]


def lane_view(
    name: str,
    base_counts: Sequence[tuple[Day, int]],
    axis: AxisView,
    filter_query: str,
    range_query: Callable[[str, Day, Day], str],
) -> Lane:
    """One lane: the same axis and buckets as the overview, counting one value's rows."""
    counts = aggregate(base_counts, axis.scale)
    tallest = max(counts.values(), default=0) or 1
    length = max(axis.stop.number - axis.first.number, 1)
    bars = []
    for index in sorted(counts):
        bucket_first = max(axis.scale.first(index), axis.first)
        bucket_stop = min(axis.scale.first(index + 1), axis.stop)
        if counts[index] <= 0 or bucket_stop <= bucket_first:
            continue
        bars.append(
            LaneBar(
                left=_percent(bucket_first, axis.first, length),
                width=_percent(bucket_stop, bucket_first, length),
                height=round(100 * counts[index] / tallest, 1),
                count=counts[index],
                label=axis.scale.words(index),
                query=range_query(name, bucket_first, bucket_stop),
            )
        )
    return Lane(name, filter_query, bars)
