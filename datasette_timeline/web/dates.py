"""Dates at their true precision: how a TIMEX3 value or ISO date reads and how HTML marks it up.

Pure functions, no Datasette. Nothing here builds a datetime with a timezone: a day stays a day.
"""

from __future__ import annotations

import datetime as dt
import re

from ..timex.values import bounds, is_valid_value

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
# Words of the TIMEX3 season codes (``timex.values.SEASON_MONTHS``: SP, SU, FA, WI).
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
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
_SHOWN_PRECISIONS = frozenset(PRECISION_ORDER) | FINE_PRECISIONS

# The forms HTML's `datetime` attribute accepts, and ISO 8601 date-times with a "T" or a
# space (tables of one's own hold the latter; TIMEX3 values are read by ``timex.values``).
_YEAR = re.compile(r"^(\d{4})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$"
)


def timex_bounds(value: str) -> tuple[str, str, str] | None:
    """(precision, first day, last day) of a TIMEX3 DATE or TIME value, read as the tagger
    reads its own: its value grammar, then its bounds (None for a value outside them)."""
    return bounds(value) if is_valid_value(value) else None


def infer_precision(value: str) -> str | None:
    """The precision a TIMEX3 value or ISO date/datetime is written at, or None if unknown."""
    value = value.strip()
    match = _DATETIME.match(value)
    if match:
        return "second" if match.group(6) else "minute"
    found = timex_bounds(value)
    return found[0] if found is not None and found[0] in _SHOWN_PRECISIONS else None


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
    found = timex_bounds(value)
    if found is None:
        return value
    kind, first_day, _last_day = found
    year, month, day = (int(part) for part in first_day.split("-"))
    if kind in FINE_PRECISIONS:  # a day, or a time of it ("2020-11-03TMO")
        if precision == "month":
            return f"{MONTHS[month - 1]} {year}"
        if precision == "year":
            return str(year)
        return _day_words(year, month, day)
    words = {
        "month": lambda: f"{MONTHS[month - 1]} {year}",
        "week": lambda: (
            f"weekend of {_day_words(year, month, day)}"
            if value.endswith("-WE")
            else f"week of {_day_words(year, month, day)}"
        ),
        "year": lambda: str(year),
        "quarter": lambda: f"Q{(month - 1) // 3 + 1} {year}",
        "half": lambda: f"{HALVES['H1' if month == 1 else 'H2']} {year}",
        "season": lambda: f"{SEASONS[value.rsplit('-', 1)[1]]} {year}",
        "decade": lambda: f"{value[:3]}0s",
        "century": lambda: f"{value[:2]}00s",
    }
    return words[kind]() if kind in words else value


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


def html_datetime(value: str) -> str | None:
    """A valid HTML `datetime` attribute for the value, or None when HTML has no such form.

    HTML accepts year, month, week, day and local or zoned date-times: exactly the TIMEX3
    forms that matter here. Decades, quarters and seasons have no HTML form.
    """
    value = value.strip()
    if _YEAR.match(value) or _MONTH.match(value) or _WEEK.match(value) or _DAY.match(value):
        # Only real ones: not month 13, week 60, 31 February or the year 0.
        return value if timex_bounds(value) is not None else None
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
