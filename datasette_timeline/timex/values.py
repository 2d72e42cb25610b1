"""TIMEX3 values: their grammar, precision and inclusive day bounds.

``bounds(value)`` is pure and shared with the event builder: it says how precise a
value is and which calendar days it covers, so events can be sorted and filtered.
"""

from __future__ import annotations

import calendar
import functools
import re
from datetime import date, timedelta

# Every value the tagger may emit must match this grammar (TIMEX3 1.2, with the
# X placeholders HeidelTime uses for unresolved parts).
_YEAR = r"(?:BC)?(?:\d{4}|[\dX]{4}|\d{3}X?|\d{2}(?:XX)?|[\dX]{1,3})"
_DATE_TAIL = (
    r"(?:-(?:[\dX]{2}(?:-[\dX]{2})?|W[\dX]{1,2}(?:-(?:[1-7X]|WE))?|Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
)
_TIME_TAIL = r"(?:T(?:MO|MI|AF|EV|NI|DT|[\dX]{2}(?::[\dX]{2}(?::[\dX]{2}(?:\.\d+)?)?)?)(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
_DURATION = (
    r"P(?:(?:[\dX]+(?:\.\d+)?(?:Y|M|W|D|DE|CE|ML|Q|H|WE|SP|SU|FA|WI))+"
    r"(?:T(?:[\dX]+(?:\.\d+)?[HMS])+)?|T(?:[\dX]+(?:\.\d+)?[HMS])+)"
)
VALUE_GRAMMAR = re.compile(
    rf"^(?:PAST_REF|PRESENT_REF|FUTURE_REF|{_DURATION}|{_YEAR}{_DATE_TAIL}{_TIME_TAIL}|"
    rf"XXXX-XX-XXT(?:MO|MI|AF|EV|NI))$"
)

# The season codes of the TIMEX3 guidelines (TimeML 1.2.1) and the months each covers in
# the northern hemisphere; "AU" is not one of them (autumn is FA).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_TIME_OF_DAY = re.compile(r"T(?:MO|MI|AF|EV|NI|DT|\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?)")


def is_valid_value(value: str) -> bool:
    """Whether ``value`` matches the TIMEX3 value grammar."""
    return bool(VALUE_GRAMMAR.match(value))


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _iso(day: date) -> str:
    return day.isoformat()


def _span(first: date, last: date) -> tuple[str, str]:
    return _iso(first), _iso(last)


def _iso_week_bounds(year: int, week: int) -> tuple[date, date] | None:
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return monday, monday + timedelta(days=6)


def _time_precision(tail: str) -> str:
    if tail[1:3] in {"MO", "MI", "AF", "EV", "NI", "DT"}:
        return "day"
    clock = re.split(r"[Z+-]", tail, maxsplit=1)[0]  # a zone's colon counts no unit
    colons = clock.count(":")
    return ("hour", "minute", "second", "second")[min(colons, 3)]


def _day_bounds(year: int, rest: str) -> tuple[str, str, str] | None:
    match = re.fullmatch(r"-(\d{2})-(\d{2})(T.*)?", rest)
    if not match:
        return None
    try:
        day = date(year, int(match.group(1)), int(match.group(2)))
    except ValueError:
        return None
    tail = match.group(3)
    if tail is not None:
        if not _TIME_OF_DAY.match(tail):
            return None
        return _time_precision(tail), _iso(day), _iso(day)
    return "day", _iso(day), _iso(day)


def _within_year_bounds(year: int, rest: str) -> tuple[str, str, str] | None:
    """Bounds of a value below year precision: month, week, quarter, half, season, day."""
    if match := re.fullmatch(r"-(\d{2})", rest):
        month = int(match.group(1))
        if not 1 <= month <= 12:
            return None
        return ("month", *_span(date(year, month, 1), _last_day(year, month)))
    if match := re.fullmatch(r"-W(\d{1,2})(-WE|-[1-7])?", rest):
        week = _iso_week_bounds(year, int(match.group(1)))
        if week is None:
            return None
        monday, sunday = week
        suffix = match.group(2)
        if suffix == "-WE":
            return ("week", *_span(monday + timedelta(days=5), sunday))
        if suffix:
            day = monday + timedelta(days=int(suffix[1]) - 1)
            return ("day", *_span(day, day))
        return ("week", *_span(monday, sunday))
    if match := re.fullmatch(r"-Q([1-4])", rest):
        first = (int(match.group(1)) - 1) * 3 + 1
        return ("quarter", *_span(date(year, first, 1), _last_day(year, first + 2)))
    if match := re.fullmatch(r"-H([12])", rest):
        first = 1 if match.group(1) == "1" else 7
        return ("half", *_span(date(year, first, 1), _last_day(year, first + 5)))
    if match := re.fullmatch(r"-(SP|SU|FA|WI)", rest):
        first_month, last_month = SEASON_MONTHS[match.group(1)]
        last_year = year + 1 if last_month < first_month else year
        return ("season", *_span(date(year, first_month, 1), _last_day(last_year, last_month)))
    return _day_bounds(year, rest)


@functools.lru_cache(maxsize=4096)
def bounds(value: str) -> tuple[str, str, str] | None:
    """``(precision, first_day, last_day)`` of a DATE/TIME value, or None when it has none.

    Days are inclusive ISO dates. Values with unknown parts (X), references such as
    PRESENT_REF and durations have no bounds. Years before 1 AD are ISO 8601 expanded years
    with astronomical numbering (44 BC is year -0043), see ``bc_bounds``.
    """
    day_part, _, time_part = value.partition("T")
    if "X" in time_part and "X" not in day_part and re.fullmatch(r"\d{4}-\d{2}-\d{2}", day_part):
        return bounds(day_part)  # "2020-11-03TXX:XX": the day is known, the hour is not
    if value.startswith("BC"):
        return bc_bounds(value[2:])
    if not value or "X" in value or value.startswith("P") or value.endswith("_REF"):
        return None
    if match := re.fullmatch(r"(\d)", value):
        millennium = int(match.group(1))
        first, last = max(1, millennium * 1000), millennium * 1000 + 999
        return ("millennium", *_span(date(first, 1, 1), date(last, 12, 31)))
    if match := re.fullmatch(r"(\d{2})", value):
        century = int(match.group(1))
        first, last = max(1, century * 100), century * 100 + 99
        return ("century", *_span(date(first, 1, 1), date(last, 12, 31)))
    if match := re.fullmatch(r"(\d{3})", value):
        decade = int(match.group(1))
        first, last = max(1, decade * 10), decade * 10 + 9
        return ("decade", *_span(date(first, 1, 1), date(last, 12, 31)))
    match = re.fullmatch(r"(\d{4})(.*)", value)
    if not match or int(match.group(1)) == 0:
        return None
    year, rest = int(match.group(1)), match.group(2)
    if not rest:
        return ("year", *_span(date(year, 1, 1), date(year, 12, 31)))
    if year == 9999 and rest.startswith(("-W", "-WI")):
        return None  # the week or winter would run past the last representable day
    try:
        return _within_year_bounds(year, rest)
    except (ValueError, OverflowError):
        return None


# The ISO 8601 form of years before 1 AD: astronomical numbering (1 BC is year 0, 44 BC is
# -0043), four digits after the sign, so they read as dates and sit on the same axis.
_BC_DIGITS = {4: ("year", 1), 3: ("decade", 10), 2: ("century", 100), 1: ("millennium", 1000)}


def iso_year(year: int) -> str:
    """A year as ISO 8601 writes it: ``1991``, ``0000`` (1 BC), ``-0043`` (44 BC)."""
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def bc_bounds(digits: str) -> tuple[str, str, str] | None:
    """Bounds of a TIMEX3 BC value (``BC0044``, ``BC004`` 40s BC, ``BC04`` 400s BC, with
    an optional ``-MM`` or ``-MM-DD`` after a year) as ISO 8601 expanded days."""
    head, _, rest = digits.partition("-")
    if not head.isdigit() or len(head) not in _BC_DIGITS or "X" in digits:
        return None
    precision, size = _BC_DIGITS[len(head)]
    # BC0044 is the year 44 BC; BC004 the decade 40-49 BC; BC04 the century 400-499 BC.
    newest_bc, oldest_bc = int(head) * size, int(head) * size + size - 1
    if size == 1:
        oldest_bc = newest_bc
    if newest_bc < 1:
        return None
    first_year, last_year = 1 - oldest_bc, 1 - newest_bc
    if not rest:
        return precision, f"{iso_year(first_year)}-01-01", f"{iso_year(last_year)}-12-31"
    if size != 1:
        return None
    # Months and days: the proleptic Gregorian calendar repeats every 400 years, so the
    # same month of a year 400k later has the same length (year 0 is a leap year like 2000).
    shifted = first_year + 400 * (1 + (-first_year) // 400)
    found = _within_year_bounds(shifted, "-" + rest)
    if found is None:
        return None
    kind, first, last = found
    if kind not in ("month", "day"):
        return None
    prefix = iso_year(first_year)
    return kind, prefix + first[4:], prefix + last[4:]
