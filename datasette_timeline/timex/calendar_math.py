"""Calendar arithmetic on anchors, and TIMEX3 values at a chosen granularity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta, weekday

_UNIT_GRANULARITY = {
    "D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year", "DE": "decade",
    "CE": "century", "WE": "week",
}  # fmt: skip


def unit_granularity(unit: str) -> str:
    """The calendar granularity a duration unit letter names ("M" -> "month")."""
    return _UNIT_GRANULARITY.get(unit, "day")


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months (the last day of a shorter month when it has no such
    day), within the years 1 to 9999."""
    year = day.year + (day.month - 1 + months) // 12
    if year < 1 or year > 9999:
        months += (min(max(year, 1), 9999) - year) * 12
    return day + relativedelta(months=months)


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


def nearest_weekday(anchor: date, weekday_number: int, direction: int) -> date:
    """The ``weekday_number`` (1=Monday) on or before ``anchor`` (direction -1), or after it
    (+1)."""
    if direction < 0:
        return anchor + relativedelta(weekday=weekday(weekday_number - 1, -1))
    return anchor + relativedelta(days=1, weekday=weekday(weekday_number - 1, 1))


def nth_weekday(year: int, month: int, weekday_number: int, nth: int) -> date:
    """The ``nth`` ``weekday_number`` of a month (negative ``nth`` counts from the end)."""
    last_day = 1 if nth > 0 else 31  # relativedelta's day=31 is the month's last day
    return date(year, month, 1) + relativedelta(
        day=last_day, weekday=weekday(weekday_number - 1, nth)
    )


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
    """Western (Gregorian) Easter Sunday."""
    return easter(year)


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
