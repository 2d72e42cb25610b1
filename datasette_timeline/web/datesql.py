"""Dates in SQL: which rows have a usable date, their first and last day, and time order.

A date column is read one of two ways. `iso`: the column holds ISO 8601 days or date-times
(our `start`), so the bare column sorts and range-filters with its index. `mixed`: a table of
one's own whose column mixes ISO days, bare years, year-months, "July 20, 1969", "20 July
1969" and signed years; one SQL expression turns each into an ISO day, and the same formats
are read in Python (`normalise`) to detect such columns.

Years before 1 AD are ISO 8601 expanded years ('-0043-03-15'). Their text does not sort in
time order among themselves, so ordering and ranges compare `sort_key`, which maps a signed
day to text that does ('-0043' becomes '-9956', before '-9957' for -0042).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlite_utils.db import quote_identifier

from .dates import MONTHS

_MONTH_LETTERS = "".join(month[:3].lower() for month in MONTHS)


def q(identifier: str) -> str:
    """An identifier quoted for SQL: the one quoting of the package (``storage`` uses the
    same sqlite-utils function). It always quotes: Datasette's ``escape_sqlite`` leaves
    names it does not know as keywords bare, and SQLite's newer ``returning`` and
    ``nothing`` are among them."""
    return quote_identifier(identifier)


def sort_key_sql(expression: str) -> str:
    """SQL text that sorts signed ISO days in time order."""
    return (
        f"(case when substr({expression}, 1, 1) = '-' then '-' || "
        f"printf('%04d', 9999 - cast(substr({expression}, 2, 4) as integer)) || "
        f"substr({expression}, 6) else {expression} end)"
    )


def sort_key(value: str) -> str:
    """`sort_key_sql` in Python, for parameters compared with it."""
    if value.startswith("-") and value[1:5].isdigit():
        return f"-{9999 - int(value[1:5]):04d}{value[5:]}"
    return value


_DIGITS4 = "[0-9][0-9][0-9][0-9]"
_DAY_GLOB = f"{_DIGITS4}-[0-1][0-9]-[0-3][0-9]*"
_MONTH_GLOB = f"{_DIGITS4}-[0-1][0-9]"


def _month_number(three_letters: str) -> str:
    return f"((instr('{_MONTH_LETTERS}', lower({three_letters})) + 2) / 3)"


def _iso_from_parts(year: str, month: str, day: str) -> str:
    return f"({year} || '-' || printf('%02d', {month}) || '-' || printf('%02d', {day}))"


def mixed_start_sql(column: str) -> str:
    """The first day, as signed ISO text, of each format `normalise` reads; NULL for others."""
    c = q(column)
    after_space = f"substr({c}, instr({c}, ' ') + 1)"
    month_first = _iso_from_parts(
        f"substr({c}, -4)",
        _month_number(f"substr({c}, 1, 3)"),
        f"cast({after_space} as integer)",
    )
    day_first = _iso_from_parts(
        f"substr({c}, -4)",
        _month_number(f"substr({after_space}, 1, 3)"),
        f"cast({c} as integer)",
    )
    return (
        f"(case when typeof({c}) = 'integer' then (case when {c} between 0 and 9999 then "
        f"printf('%04d', {c}) || '-01-01' when {c} between -9999 and -1 then "
        f"'-' || printf('%04d', -{c}) || '-01-01' end) "
        f"when {c} glob '{_DAY_GLOB}' then substr({c}, 1, 10) "
        f"when {c} glob '-{_DAY_GLOB}' then substr({c}, 1, 11) "
        f"when {c} glob '{_MONTH_GLOB}' or {c} glob '-{_MONTH_GLOB}' then {c} || '-01' "
        f"when {c} glob '{_DIGITS4}' or {c} glob '-{_DIGITS4}' then {c} || '-01-01' "
        f"when {c} glob '[A-Za-z][a-z]* [0-9]*, {_DIGITS4}' "
        f"and instr('{_MONTH_LETTERS}', lower(substr({c}, 1, 3))) > 0 then {month_first} "
        f"when {c} glob '[0-9]* [A-Za-z][a-z]* {_DIGITS4}' "
        f"and instr('{_MONTH_LETTERS}', lower(substr({after_space}, 1, 3))) > 0 "
        f"then {day_first} end)"
    )


def mixed_last_sql(column: str, start: str) -> str:
    """The last day a mixed value covers: a bare year its 31 December, a month its last day."""
    c = q(column)
    return (
        f"(case when typeof({c}) = 'integer' then substr({start}, 1, length({start}) - 6) "
        f"|| '-12-31' "
        f"when {c} glob '{_DIGITS4}' or {c} glob '-{_DIGITS4}' then {c} || '-12-31' "
        f"when {c} glob '{_MONTH_GLOB}' then coalesce(date({c} || '-01', '+1 month', '-1 day'), "
        f"{start}) else {start} end)"
    )


@dataclass(frozen=True)
class DateSql:
    """SQL for a timeline's dates: first day, last day, and rows that have one."""

    column: str
    start: str  # signed ISO day (or date-time) of each row
    last: str  # signed ISO last day of each row
    plain: bool  # start is the bare column (its index serves order and ranges)
    usable: str  # rows with a date the timeline can place

    def key(self) -> str:
        return sort_key_sql(self.start)


def iso_usable(column: str) -> str:
    """Rows whose value starts like an ISO year, signed or not: two index ranges."""
    c = q(column)
    return f"(({c} >= '0' and {c} < ':') or ({c} >= '-0' and {c} < '-:'))"


def date_sql(column: str, end: str | None, date_format: str) -> DateSql:
    if date_format == "mixed":
        start = mixed_start_sql(column)
        return DateSql(column, start, mixed_last_sql(column, start), False, f"{start} is not null")
    c = q(column)
    last = f"coalesce(nullif({q(end)}, ''), {c})" if end else c
    return DateSql(column, c, last, True, iso_usable(column))


def base_key_sql(expression: str, base: str) -> str:
    """The year, month or day a signed ISO value falls in, as text ('-0043', '2020-10')."""
    year_length = f"instr(substr({expression}, 2), '-')"
    extra = {"year": 0, "month": 3, "day": 6}[base]
    return f"substr({expression}, 1, {year_length} + {extra})"


# -- the same formats in Python, for detecting date columns --------------------------------

_ISO_DAY = re.compile(r"^-?\d{4}-[01]\d-[0-3]\d([T ].*)?$")
_ISO_MONTH = re.compile(r"^-?\d{4}-[01]\d$")
_ISO_YEAR = re.compile(r"^-?\d{4}$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z][a-z]*) (\d{1,2}), (\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2}) ([A-Za-z][a-z]*) (\d{4})$")


def _month_of(word: str) -> int | None:
    position = _MONTH_LETTERS.find(word[:3].lower())
    return position // 3 + 1 if position >= 0 and position % 3 == 0 else None


def normalise(value: object) -> tuple[str, str] | None:
    """(first day as signed ISO, kind) for a value the mixed reading accepts, else None.

    The kind is 'iso' for ISO days and date-times, signed years included (a bare column of
    them sorts with its index, years before 0 apart), 'other' for everything else it reads."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if -9999 <= value <= 9999:
            sign = "-" if value < 0 else ""
            return f"{sign}{abs(value):04d}-01-01", "other"
        return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _ISO_DAY.match(text):
        return text[:11] if text.startswith("-") else text[:10], "iso"
    if _ISO_MONTH.match(text):
        return text + "-01", "other"
    if _ISO_YEAR.match(text):
        return text + "-01-01", "other"
    for pattern, month_group, day_group in ((_MONTH_DAY_YEAR, 1, 2), (_DAY_MONTH_YEAR, 2, 1)):
        match = pattern.match(text)
        if match:
            month = _month_of(match.group(month_group))
            if month is None:
                return None
            day = int(match.group(day_group))
            return f"{match.group(3)}-{month:02d}-{day:02d}", "other"
    return None


def precision_of(value: object) -> str | None:
    """How precise a value of a mixed column is: a bare year, a year-month, or a day."""
    found = normalise(value)
    if found is None:
        return None
    if isinstance(value, int) or _ISO_YEAR.match(str(value).strip()):
        return "year"
    if _ISO_MONTH.match(str(value).strip()):
        return "month"
    return "day"
