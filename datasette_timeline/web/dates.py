"""Dates at their true precision: how a TIMEX3 value or ISO date reads and how HTML marks it up.

Pure functions, no Datasette. Nothing here builds a datetime with a timezone: a day stays a day.
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}
HALVES = {"H1": "first half of", "H2": "second half of"}
# TIMEX3 `mod` values as words a reader expects before the date.
MODIFIERS = {
    "APPROX": "about",
    "BEFORE": "before",
    "AFTER": "after",
    "ON_OR_BEFORE": "on or before",
    "ON_OR_AFTER": "on or after",
    "START": "early",
    "MID": "mid",
    "END": "late",
    "LESS_THAN": "less than",
    "MORE_THAN": "more than",
}

# Coarse to fine. Anything coarser than a day is shown as approximate.
PRECISION_ORDER = ("century", "decade", "year", "half", "quarter", "season", "month", "week", "day")
FINE_PRECISIONS = frozenset({"day", "hour", "minute", "second", "time"})

_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
)
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_HALF = re.compile(r"^(\d{4})-(H[12])$")


def infer_precision(value: str) -> str | None:
    """The precision a TIMEX3 value or ISO date/datetime is written at, or None if unknown."""
    value = value.strip()
    checks: tuple[tuple[re.Pattern[str], str], ...] = (
        (_DAY, "day"),
        (_YEAR, "year"),
        (_MONTH, "month"),
        (_WEEK, "week"),
        (_QUARTER, "quarter"),
        (_SEASON, "season"),
        (_HALF, "half"),
        (_DECADE, "decade"),
        (_CENTURY, "century"),
    )
    for pattern, precision in checks:
        if pattern.match(value):
            return precision
    match = _DATETIME.match(value)
    if match:
        return "second" if match.group(6) else "minute"
    return None


def _day_words(year: int, month: int, day: int) -> str:
    return f"{day} {MONTHS[month - 1]} {year}"


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def display_date(value: str, precision: str | None = None) -> str:
    """Words for a date at its true precision: '1991', 'October 2020', 'week of 26 October 2020'."""
    value = value.strip()
    if value.startswith(("-", "BC")):
        return _before_year_one(value) or value
    precision = precision or infer_precision(value)
    match = _DATETIME.match(value)
    if match:
        year, month, day, hour, minute = (int(g) for g in match.groups()[:5])
        if 1 <= month <= 12 and _valid_day(year, month, day):
            if precision in FINE_PRECISIONS - {"day"}:
                zone = " UTC" if match.group(7) == "Z" else ""
                return f"{_day_words(year, month, day)}, {hour:02d}:{minute:02d}{zone}"
            return _day_words(year, month, day)
    match = _DAY.match(value)
    if match:
        year, month, day = (int(g) for g in match.groups())
        if _valid_day(year, month, day):
            if precision == "month":
                return f"{MONTHS[month - 1]} {year}"
            if precision == "year":
                return str(year)
            return _day_words(year, month, day)
    match = _MONTH.match(value)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{MONTHS[int(match.group(2)) - 1]} {match.group(1)}"
    match = _WEEK.match(value)
    if match:
        monday = week_monday(int(match.group(1)), int(match.group(2)))
        if monday is not None:
            return f"week of {_day_words(monday.year, monday.month, monday.day)}"
    if _YEAR.match(value):
        return value
    match = _QUARTER.match(value)
    if match:
        return f"Q{match.group(2)} {match.group(1)}"
    match = _SEASON.match(value)
    if match:
        return f"{SEASONS[match.group(2)]} {match.group(1)}"
    match = _HALF.match(value)
    if match:
        return f"{HALVES[match.group(2)]} {match.group(1)}"
    match = _DECADE.match(value)
    if match:
        return f"{match.group(1)}0s"
    match = _CENTURY.match(value)
    if match:
        return f"{match.group(1)}00s"
    return value


_SIGNED = re.compile(r"^-(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_BC = re.compile(r"^BC(\d{1,4})$")


def _before_year_one(value: str) -> str | None:
    """'-0043-03-15' (ISO 8601, astronomical) as '15 March 44 BC'; TIMEX3 'BC0044' as '44 BC',
    'BC004' as '40s BC', 'BC04' as '400s BC'."""
    match = _SIGNED.match(value)
    if match:
        bc = int(match.group(1)) + 1
        month, day = match.group(2), match.group(3)
        if month and not 1 <= int(month) <= 12:
            return None
        words = f"{bc} BC"
        if month:
            words = f"{MONTHS[int(month) - 1]} {words}"
        if day:
            words = f"{int(day)} {words}"
        return words
    match = _BC.match(value)
    if match:
        digits = match.group(1)
        number = int(digits) * {4: 1, 3: 10, 2: 100, 1: 1000}[len(digits)]
        return f"{number} BC" if len(digits) == 4 else f"{number}s BC"
    return None


def week_monday(year: int, week: int) -> dt.date | None:
    try:
        return dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


def html_datetime(value: str) -> str | None:
    """A valid HTML `datetime` attribute for the value, or None when HTML has no such form.

    HTML accepts year, month, week, day and local or zoned date-times: exactly the TIMEX3
    forms that matter here. Decades, quarters and seasons have no HTML form.
    """
    value = value.strip()
    if _YEAR.match(value):
        return value
    if _MONTH.match(value) or _WEEK.match(value) or _DAY.match(value):
        # display_date echoes values it cannot read (month 13, week 60, 31 February).
        return value if display_date(value) != value else None
    if _DATETIME.match(value):
        return value.replace(" ", "T", 1)
    return None


def is_approximate(precision: str | None) -> bool:
    """A date coarser than a day covers a span: the event happened somewhere inside it."""
    return precision is not None and precision not in FINE_PRECISIONS


def modifier_words(mod: str | None) -> str | None:
    if not mod:
        return None
    return MODIFIERS.get(mod.strip().upper())
