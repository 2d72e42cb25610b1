"""Calendar arithmetic on anchors, and TIMEX3 values at a chosen granularity."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

_UNIT_GRANULARITY = {
    "D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade",
    "CE": "century", "WE": "week",
}  # fmt: skip


def unit_granularity(unit: str) -> str:
    """The calendar granularity a duration unit letter names ("M" -> "month")."""
    return _UNIT_GRANULARITY.get(unit, "day")


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def shift(day: date, unit: str, amount: int) -> date:
    """``day`` moved by ``amount`` units ("D", "W", "M", "Q", "Y", "DE", "CE")."""
    try:
        if unit == "D":
            return day + timedelta(days=amount)
        if unit in {"W", "WE"}:
            return day + timedelta(weeks=amount)
        months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit, 0) * amount
        return add_months(day, months)
    except (OverflowError, ValueError):
        return day


def format_value(day: date, granularity: str) -> str:
    """The TIMEX3 value of the ``granularity``-sized period containing ``day``."""
    if granularity == "day":
        return day.isoformat()
    if granularity == "week":
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{day.year:04d}-H{1 if day.month <= 6 else 2}"
    if granularity == "decade":
        return f"{day.year // 10:03d}"
    if granularity == "century":
        return f"{day.year // 100:02d}"
    return f"{day.year:04d}"


def unknown_value(granularity: str) -> str:
    """A value whose calendar parts are unknown, at ``granularity``."""
    return {
        "day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
        "half": "XXXX-HX", "decade": "XXX", "century": "XX",
    }.get(granularity, "XXXX")  # fmt: skip


def nearest_weekday(anchor: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (1=Monday) on or before ``anchor`` (direction -1), or after it (+1)."""
    delta = weekday - anchor.isoweekday()
    if direction < 0:
        return anchor + timedelta(days=delta if delta <= 0 else delta - 7)
    return anchor + timedelta(days=delta if delta > 0 else delta + 7)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` ``weekday`` of a month (negative ``nth`` counts from the end)."""
    if nth > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (nth - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    offset = (last.isoweekday() - weekday) % 7
    return last - timedelta(days=offset + 7 * (-nth - 1))


def season_of(day: date) -> tuple[int, str]:
    """The season containing ``day`` (winter belongs to the year it starts in)."""
    if day.month in (3, 4, 5):
        return day.year, "SP"
    if day.month in (6, 7, 8):
        return day.year, "SU"
    if day.month in (9, 10, 11):
        return day.year, "FA"
    return (day.year if day.month == 12 else day.year - 1), "WI"


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


@dataclass(frozen=True)
class Holiday:
    """A holiday as the calendar computes it: a fixed ``month`` and ``day``; the ``nth``
    ``weekday`` (1 Monday - 7) of ``month``, negative counting from its end; or Western
    Easter Sunday (``easter``). ``days_after`` moves the day so found: Good Friday is
    Easter and -2, US election day the first Monday of November and 1."""

    month: int = 0
    day: int = 0
    weekday: int = 0
    nth: int = 0
    easter: bool = False
    days_after: int = 0

    def __str__(self) -> str:
        if self.easter:
            found = "easter"
        elif self.day:
            found = f"{self.month:02d}-{self.day:02d}"
        else:
            found = f"{self.month:02d}-nth-{self.nth}-weekday-{self.weekday}"
        if self.days_after:
            found += f"-{'PLUS' if self.days_after > 0 else 'MINUS'}-{abs(self.days_after)}"
        return found


def holiday_date(holiday: Holiday, year: int) -> date | None:
    """The day of ``holiday`` in ``year`` (None when there is none: 29 February)."""
    try:
        if holiday.easter:
            found = easter_sunday(year)
        elif holiday.day:
            found = date(year, holiday.month, holiday.day)
        else:
            found = nth_weekday(year, holiday.month, holiday.weekday, holiday.nth)
        return found + timedelta(days=holiday.days_after)
    except (ValueError, OverflowError):
        return None
