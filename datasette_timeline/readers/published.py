"""Publication dates as they appear in article headers, normalised to ISO 8601."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?")


def parse_published(value: str) -> str | None:
    """Return ``value`` as ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``, or None if it is no date.

    Header dates come in many shapes ("02:00 | 03 November 2020", "2020-11-03",
    "Nov 3, 2020 2:00 PM"); dateparser reads them, with day-first resolution left to
    its language rules. Only the wall-clock time is kept: the calendar day the
    publisher printed is the day relative expressions refer to.
    """
    cleaned = " ".join(part.strip() for part in value.replace("|", " ").split())
    if not cleaned:
        return None
    iso = _ISO.match(cleaned)
    if iso:
        return _format(_parse_iso(iso.group()))
    import dateparser  # slow to import: only when a header needs it

    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"STRICT_PARSING": True, "RETURN_AS_TIMEZONE_AWARE": False},
    )
    return _format(parsed) if parsed else None


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
    parsed = parse_published(value)
    if parsed is None:
        raise ValueError(f"cannot read {value!r} as a date; use YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    return parsed
