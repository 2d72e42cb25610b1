"""The current filtered timeline as JSON (Datasette's shapes), TimelineJS JSON and iCalendar.

Each exported event is one record (`event_record`): its id, its dates as signed ISO days,
its words and absolute URLs. TimelineJS renders its text fields as HTML, so every value is
escaped for it; iCalendar gets all-day events (VALUE=DATE), so no timezone moves a date, and
UIDs made from the event's id, so the same event keeps its UID wherever it is exported from.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from markupsafe import escape

from .present import EventView
from .timeaxis import parse_day

ICS_LINE_OCTETS = 75
# Calendar titles stay short: clients show a line of about this many characters.
SUMMARY_CHARACTERS = 80
HEADLINE_CHARACTERS = 90
# TimelineJS draws one row of its navigation per group: more than this do not fit an embed.
MAX_GROUPS = 8
OTHER_GROUP = "Others"
# Dates coarser than these are put on their first day in a calendar (a year-long all-day
# event would show as a banner on every day of the year), with the date in the title.
CALENDAR_SPANS = frozenset({"day", "week", "hour", "minute", "second", "time"})


def event_record(
    event: EventView,
    key: Any,
    value: str,
    start: str | None,
    last: str | None,
    record_url: str,
    document_url: str | None,
) -> dict[str, Any]:
    """One exported event: its id, dates as signed ISO days, words and absolute links."""
    return {
        "id": key,
        "date": value,
        "display_date": event.display,
        "precision": event.precision,
        "approximate": event.approximate,
        "modifier": event.modifier,
        "dated_by": event.dated_by,
        "start": start,
        "end": last,
        "text": event.text,
        "sentence": event.sentence,
        "actors": [a.label for a in event.actors],
        "places": [p.label for p in event.places],
        "event_type": event.event_type.label if event.event_type else None,
        "mention_count": event.mention_count,
        "language": event.language,
        "url": record_url,
        "document": {"title": event.document.label, "url": document_url}
        if event.document and document_url
        else None,
        "source_url": event.source_url,
        "link": event.link_url,
    }


FIELDS = tuple(
    event_record(
        EventView("", "", None, None, False, None, "", "", None), None, "", None, None, "", None
    )
)


def choose_fields(columns: Sequence[str]) -> list[str]:
    """The fields `_col` asks for (id always first), like the table page's `_col`."""
    unknown = [c for c in columns if c not in FIELDS]
    if unknown:
        raise ValueError(f"Unknown _col: {', '.join(unknown)} (fields: {', '.join(FIELDS)})")
    return ["id", *[c for c in dict.fromkeys(columns) if c != "id"]] if columns else list(FIELDS)


def shaped(
    shape: str, fields: Sequence[str], records: Sequence[dict[str, Any]], meta: dict[str, Any]
) -> tuple[Any, bool]:
    """The body of a JSON page in one of Datasette's shapes; True when it is a bare list
    (`_nl=1` can write it one object a line)."""
    rows = [{name: record[name] for name in fields} for record in records]
    if shape == "array":
        return rows, True
    if shape == "arrays":
        return {**meta, "columns": list(fields), "rows": [list(r.values()) for r in rows]}, False
    if shape == "object":
        return {str(row["id"]): row for row in rows}, False
    if shape in ("objects", ""):
        return {**meta, "columns": list(fields), "rows": rows}, False
    raise ValueError(f"Unknown _shape: {shape} (objects, arrays, array, object)")


def json_text(body: Any, lines: bool) -> str:
    if lines:
        return "".join(json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in body)
    return json.dumps(body, ensure_ascii=False, default=str)


# -- TimelineJS ----------------------------------------------------------------------------


def headline(record: dict[str, Any], limit: int = HEADLINE_CHARACTERS) -> str:
    """Who and what: 'Armenia, Azerbaijan: ceasefire signed in Moscow'."""
    who = ", ".join(record["actors"][:2])
    what = record["text"] or record["display_date"]
    return clipped(f"{who}: {what}" if who else what, limit)


def clipped(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"


def group_names(records: Sequence[dict[str, Any]], by: str) -> dict[str, str]:
    """Each record's group, at most MAX_GROUPS of them: its type, or its best-known actor
    among the most frequent ones; the rest share one 'Others' group."""
    if by == "type":
        values = [r["event_type"] or "other" for r in records]
    else:
        frequency = Counter(name for r in records for name in dict.fromkeys(r["actors"]))
        top = [name for name, _ in frequency.most_common(MAX_GROUPS - 1)]
        rank = {name: position for position, name in enumerate(top)}
        values = [
            min((a for a in r["actors"] if a in rank), key=rank.__getitem__, default=OTHER_GROUP)
            for r in records
        ]
    common = {v for v, _ in Counter(values).most_common(MAX_GROUPS - 1)}
    if len(set(values)) <= MAX_GROUPS:
        common = set(values)
    return {
        str(r["id"]): v if v in common else OTHER_GROUP
        for r, v in zip(records, values, strict=True)
    }


def _timelinejs_date(day: str | None, precision: str | None, display: str) -> dict[str, Any] | None:
    parsed = parse_day(day)
    if parsed is None:
        return None
    year, month, number = parsed.ymd
    date: dict[str, Any] = {"year": year, "display_date": str(escape(display))}
    if precision in ("month", "week", "day", "hour", "minute", "second", "time"):
        date["month"] = month
    if precision in ("week", "day", "hour", "minute", "second", "time"):
        date["day"] = number
    return date


def timelinejs_slide(record: dict[str, Any], group: str | None) -> dict[str, Any] | None:
    start = _timelinejs_date(record["start"], record["precision"], record["display_date"])
    if start is None:
        return None
    body = escape(record["text"])
    if record["document"]:
        body += escape(" — ") + escape(record["document"]["title"])
    slide: dict[str, Any] = {
        "start_date": start,
        "text": {"headline": str(escape(headline(record))), "text": str(body)},
        "unique_id": f"event-{re.sub(r'[^A-Za-z0-9_-]', '-', str(record['id']))}",
    }
    if record["end"] and record["end"] != record["start"]:
        end = _timelinejs_date(record["end"], record["precision"], record["display_date"])
        if end is not None:
            slide["end_date"] = end
    if group:
        slide["group"] = str(escape(group))
    return slide


def timelinejs_title(title: str, description: str) -> dict[str, Any]:
    return {"text": {"headline": str(escape(title)), "text": str(escape(description))}}


# -- iCalendar -----------------------------------------------------------------------------

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


def ics_lines(lines: Sequence[str]) -> str:
    return "".join(folded + "\r\n" for line in lines for folded in ics_fold(line))


def ics_header(name: str) -> str:
    return ics_lines(
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//datasette-timeline//EN",
            "CALSCALE:GREGORIAN",
            f"X-WR-CALNAME:{ics_escape(name)}",
        ]
    )


ICS_FOOTER = "END:VCALENDAR\r\n"


def ics_uid(record: dict[str, Any], database: str, table: str) -> str:
    """The same event has the same UID on every server and static copy: made from its id."""
    safe = re.sub(r"[^A-Za-z0-9._-]", lambda m: f"~{ord(m.group()):02X}", str(record["id"]))
    return f"{safe}@{table}.{database}.datasette-timeline"


def _ics_day(iso: str) -> str | None:
    day = parse_day(iso)
    if day is None or not 1 <= day.year <= 9999:
        return None  # RFC 5545 dates are years 0001-9999
    year, month, number = day.ymd
    return f"{year:04d}{month:02d}{number:02d}"


def ics_event(record: dict[str, Any], stamp: dt.datetime, database: str, table: str) -> str | None:
    first = parse_day(record["start"])
    if first is None:
        return None
    last = parse_day(record["end"]) or first
    precise = record["precision"] in CALENDAR_SPANS or record["precision"] is None
    stop = (max(last, first) if precise else first).plus(1)
    start_text, stop_text = _ics_day(first.iso()), _ics_day(stop.iso())
    if start_text is None or stop_text is None:
        return None
    what = headline(record, SUMMARY_CHARACTERS)
    summary = what if precise else clipped(f"{record['display_date']}: {what}", SUMMARY_CHARACTERS)
    description = [record["display_date"]]
    if not precise:
        description[0] += f" (date known to the {record['precision']})"
    if record["sentence"] or record["text"]:
        description.append(record["sentence"] or record["text"])
    if record["actors"]:
        description.append("Actors: " + ", ".join(record["actors"]))
    if record["document"]:
        description.append(f"Source: {record['document']['title']} {record['document']['url']}")
    if record["source_url"]:
        description.append(f"Original: {record['source_url']}")
    description.append(f"Event: {record['url']}")
    lines = [
        "BEGIN:VEVENT",
        f"UID:{ics_escape(ics_uid(record, database, table))}",
        f"DTSTAMP:{stamp.astimezone(dt.timezone.utc).strftime('%Y%m%dT%H%M%SZ')}",
        f"DTSTART;VALUE=DATE:{start_text}",
        f"DTEND;VALUE=DATE:{stop_text}",
        f"SUMMARY:{ics_escape(summary)}",
        f"DESCRIPTION:{ics_escape(chr(10).join(description))}",
        f"URL:{record['url'].translate(_ICS_DROPPED)}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]
    return ics_lines(lines)
