"""Publication dates as they appear in article headers, normalised to ISO 8601."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?")
_ISO_LIKE = re.compile(r"^\s*(-?\d+)-(\d{1,2})-(\d{1,2})\b")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T(\d{2}):?(\d{2}))?")
_MONTH_NUMBERS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTH_WORD = re.compile(
    r"\b(" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\b\.?", re.I
)
# Clock times are not day or year numbers.
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\b")


class InvalidDate(ValueError):
    """A date that names a day that does not exist ("31 February", year 0, year 99999)."""


def parse_published(value: str) -> str | None:
    """Return ``value`` as ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``, or None if it is no date.

    Header dates come in many shapes ("02:00 | 03 November 2020", "2020-11-03",
    "Nov 3, 2020 2:00 PM"); dateparser reads them, with day-first resolution left to
    its language rules. Only the wall-clock time is kept: the calendar day the
    publisher printed is the day relative expressions refer to.

    Raises InvalidDate, with the reason, for a date that cannot exist: silently
    treating "31 February" as undated would resolve nothing and hide the typo.
    """
    cleaned = " ".join(part.strip() for part in value.replace("|", " ").split())
    if not cleaned:
        return None
    problem = impossible_date_reason(cleaned)
    if problem:
        raise InvalidDate(problem)
    try:
        iso = _ISO.match(cleaned)
        if iso:
            return _format(_parse_iso(iso.group()))
        compact = _COMPACT.match(cleaned)
        if compact and len(cleaned) in (8, 13, 14):  # 19980227, 19980227T0800 (TimeML DCTs)
            year, month, day, hour, minute = (int(part or 0) for part in compact.groups())
            return _format(datetime(year, month, day, hour, minute))
    except ValueError as error:  # a clock time such as 25:00
        raise InvalidDate(str(error)) from None
    import dateparser  # slow to import: only when a header needs it

    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return _format(parsed) if parsed else None


def impossible_date_reason(text: str) -> str | None:
    """Why ``text`` names a day that cannot exist, or None if it may be a real date."""
    iso = _ISO_LIKE.match(text) or _COMPACT.match(text)
    if iso:
        return _day_problem(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    month_word = _MONTH_WORD.search(text)
    if not month_word:
        return None
    numbers = [int(n) for n in re.findall(r"\d+", _CLOCK.sub(" ", text))]
    if len(numbers) != 2:
        return None
    # "31 February 2020" or "February 31, 2020": the day is written before the year.
    day, year = numbers
    return _day_problem(year, _MONTH_NUMBERS[month_word.group(1).lower()], day)


def _day_problem(year: int, month: int, day: int) -> str | None:
    if year < 1 or year > 9999:
        return f"year {year} is out of range (1 to 9999)"
    if not 1 <= month <= 12:
        return f"month {month} does not exist"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"{calendar.month_name[month]} {year} has no day {day} (it has {days} days)"
    return None


def _parse_iso(text: str) -> datetime:
    text = text.replace(" ", "T")
    if "T" in text:
        return datetime.fromisoformat(text)
    return datetime.combine(date.fromisoformat(text), datetime.min.time())


def _format(moment: datetime) -> str:
    if moment.hour == 0 and moment.minute == 0:
        return moment.strftime("%Y-%m-%d")
    return moment.strftime("%Y-%m-%dT%H:%M")


def normalise_published_option(value: str) -> str:
    """Validate a user-given ``--published`` date; raise ValueError with a helpful message."""
    try:
        parsed = parse_published(value)
    except InvalidDate as error:
        raise ValueError(f"{value!r} is not a real date: {error}") from None
    if parsed is None:
        raise ValueError(f"cannot read {value!r} as a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    return parsed
