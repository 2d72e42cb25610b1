"""The current filtered timeline as JSON, TimelineJS JSON and iCalendar.

TimelineJS renders its text fields (dates' display_date included) as HTML, so every value is
escaped for it; iCalendar gets
all-day events (VALUE=DATE), so no timezone can move a date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from markupsafe import escape

from .dates import add_days, parse_day
from .present import EventView

ICS_LINE_OCTETS = 75


def event_json(event: EventView, start: str | None, end: str | None, value: str) -> dict[str, Any]:
    return {
        "date": value,
        "display_date": event.display,
        "precision": event.precision,
        "approximate": event.approximate,
        "modifier": event.modifier,
        "start": start,
        "end": end,
        "text": event.text,
        "actors": [a.label for a in event.actors],
        "places": [p.label for p in event.places],
        "event_type": event.event_type.label if event.event_type else None,
        "mention_count": event.mention_count,
        "url": event.record_url,
        "document": {"title": event.document.label, "url": event.document.href}
        if event.document
        else None,
        "source_url": event.source_url,
        "link": event.link_url,
    }


def _timelinejs_date(day: str | None, precision: str | None, display: str) -> dict[str, Any] | None:
    parsed = parse_day(day)
    if parsed is None:
        return None
    # TimelineJS puts display_date into innerHTML too: a stored date value may carry markup.
    date: dict[str, Any] = {"year": parsed.year, "display_date": str(escape(display))}
    if precision in ("month", "week", "day", "hour", "minute", "second"):
        date["month"] = parsed.month
    if precision in ("week", "day", "hour", "minute", "second"):
        date["day"] = parsed.day
    return date


def timelinejs(title: str, description: str, items: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A TimelineJS story: https://timeline.knightlab.com/docs/json-format.html"""
    events = []
    for item in items:
        start = _timelinejs_date(item["start"], item["precision"], item["display_date"])
        if start is None:
            continue
        slide: dict[str, Any] = {
            "start_date": start,
            "text": {
                "headline": str(escape(item["display_date"])),
                "text": str(escape(item["text"])),
            },
            "unique_id": str(escape(item["url"])),
        }
        if item["end"] and item["end"] != item["start"]:
            end = _timelinejs_date(item["end"], item["precision"], item["display_date"])
            if end is not None:
                slide["end_date"] = end
        if item["actors"]:
            slide["group"] = str(escape(item["actors"][0]))
        events.append(slide)
    return {
        "title": {"text": {"headline": str(escape(title)), "text": str(escape(description))}},
        "events": events,
    }


# RFC 5545 TEXT admits no control character but HTAB: the C0 controls, DEL and the C1
# controls are dropped; the Unicode line and paragraph separators become escaped newlines.
_ICS_DROPPED = dict.fromkeys(
    [*range(0x00, 0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20), *range(0x7F, 0xA0)]
)
_ICS_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029]")


def ics_escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and line breaks escaped, controls dropped."""
    escaped = text.translate(_ICS_DROPPED)
    escaped = escaped.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return _ICS_LINE_BREAKS.sub("\\\\n", escaped)


def ics_fold(line: str) -> list[str]:
    """Lines of at most 75 octets, continuation lines starting with a space (RFC 5545 3.1)."""
    folded: list[str] = []
    current = ""
    limit = ICS_LINE_OCTETS
    for char in line:
        if len((current + char).encode("utf-8")) > limit:
            folded.append(current)
            current = " "
            limit = ICS_LINE_OCTETS
        current += char
    folded.append(current)
    return folded


def icalendar(name: str, items: Sequence[dict[str, Any]], host: str, stamp: dt.datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//datasette-timeline//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{ics_escape(name)}",
    ]
    stamp_text = stamp.astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    for item in items:
        first = parse_day(item["start"])
        if first is None:
            continue
        last = parse_day(item["end"]) or first
        # All-day events: DTEND is exclusive, the day after the last day.
        stop = add_days(max(last, first), 1)
        summary = item["text"] or item["display_date"]
        description = item["display_date"]
        if item["actors"]:
            description += " - " + ", ".join(item["actors"])
        lines += [
            "BEGIN:VEVENT",
            f"UID:{ics_escape(item['url'])}@{ics_escape(host)}",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{first.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{stop.strftime('%Y%m%d')}",
            f"SUMMARY:{ics_escape(summary)}",
            f"DESCRIPTION:{ics_escape(description)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(folded for line in lines for folded in ics_fold(line)) + "\r\n"
