"""Read and write TimeML documents (the TempEval-3 format).

The text of a document is the content of ``<TEXT>`` with every tag removed and XML
entities decoded; gold TIMEX3 offsets are Python string offsets into that text.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .model import Timex

_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)((?:\s+[^<>]*?)?)\s*(/?)>", re.S)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TEXT_BLOCK = re.compile(r"<TEXT(?:\s[^>]*)?>(.*?)</TEXT>", re.S)
_DOCID = re.compile(r"<DOCID(?:\s[^>]*)?>(.*?)</DOCID>", re.S)
_DCT_BLOCK = re.compile(r"<DCT(?:\s[^>]*)?>(.*?)</DCT>", re.S)
_CREATION_TIMEX = re.compile(r"<TIMEX3\b[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", re.S)


@dataclass
class TimeMLDocument:
    """A TimeML document: its id, DCT value, plain text and gold TIMEX3 (DCT excluded)."""

    docid: str
    dct: str | None
    text: str
    timexes: list[Timex] = field(default_factory=list)


def _attributes(raw: str) -> dict[str, str]:
    attributes = {}
    for match in _ATTR.finditer(raw):
        value = match.group(2) if match.group(2) is not None else match.group(3)
        attributes[match.group(1)] = html.unescape(value)
    return attributes


def _looks_like_markup(source: str) -> bool:
    return source.lstrip().startswith("<")


def _dct_value(source: str) -> str | None:
    block = _DCT_BLOCK.search(source)
    candidates = [block.group(1)] if block else []
    candidates.append(source)
    for chunk in candidates:
        tag = _CREATION_TIMEX.search(chunk) or (
            re.search(r"<TIMEX3\b[^>]*>", chunk) if chunk is not source else None
        )
        if tag:
            value = _attributes(tag.group(0)).get("value")
            if value:
                return value
    return None


def _strip_tags(body: str) -> tuple[str, list[Timex]]:
    """Remove the tags of ``body``, returning its text and the TIMEX3 spans within it."""
    parts: list[str] = []
    length = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    timexes: list[Timex] = []
    position = 0
    for match in _TAG.finditer(body):
        chunk = html.unescape(body[position : match.start()])
        parts.append(chunk)
        length += len(chunk)
        position = match.end()
        closing, name, raw_attrs, self_closing = match.groups()
        if name != "TIMEX3" or self_closing:
            continue
        if not closing:
            open_timexes.append((length, _attributes(raw_attrs)))
        elif open_timexes:
            start, attrs = open_timexes.pop()
            if attrs.get("functionInDocument") == "CREATION_TIME" or length == start:
                continue
            timexes.append(
                Timex(
                    start=start,
                    end=length,
                    text="",
                    type=attrs.get("type", "DATE"),
                    value=attrs.get("value", ""),
                    mod=attrs.get("mod") or None,
                )
            )
    tail = html.unescape(body[position:])
    parts.append(tail)
    text = "".join(parts)
    for timex in timexes:
        timex.text = text[timex.start : timex.end]
    timexes.sort(key=lambda t: (t.start, t.end))
    return text, timexes


def read_timeml(path_or_string: str | Path) -> TimeMLDocument:
    """Parse a TimeML file (a path) or TimeML markup (a string starting with ``<``)."""
    if isinstance(path_or_string, Path) or not _looks_like_markup(path_or_string):
        path = Path(path_or_string)
        source = path.read_text(encoding="utf-8")
        fallback_id = path.name
    else:
        source = path_or_string
        fallback_id = ""
    docid_match = _DOCID.search(source)
    docid = html.unescape(docid_match.group(1).strip()) if docid_match else fallback_id
    block = _TEXT_BLOCK.search(source)
    text, timexes = _strip_tags(block.group(1) if block else "")
    return TimeMLDocument(docid=docid, dct=_dct_value(source), text=text, timexes=timexes)


def _timex_tag(tid: int, timex: Timex) -> str:
    attrs = [("tid", f"t{tid}"), ("type", timex.type), ("value", timex.value)]
    if timex.mod:
        attrs.append(("mod", timex.mod))
    rendered = " ".join(f"{name}={quoteattr(value)}" for name, value in attrs)
    return f"<TIMEX3 {rendered}>"


def _tagged_text(text: str, timexes: Iterable[Timex]) -> str:
    pieces: list[str] = []
    position = 0
    for tid, timex in enumerate(sorted(timexes, key=lambda t: (t.start, t.end)), start=1):
        if timex.start < position or timex.end > len(text) or timex.end <= timex.start:
            continue  # overlapping or out-of-range spans cannot be written inline
        pieces.append(escape(text[position : timex.start]))
        pieces.append(_timex_tag(tid, timex))
        pieces.append(escape(text[timex.start : timex.end]))
        pieces.append("</TIMEX3>")
        position = timex.end
    pieces.append(escape(text[position:]))
    return "".join(pieces)


def write_timeml(doc_id: str, dct: str | None, text: str, timexes: Iterable[Timex]) -> str:
    """Render a TimeML document whose ``<TEXT>`` reads back as ``text`` with ``timexes``."""
    dct_xml = ""
    if dct:
        value = quoteattr(dct)
        kind = "TIME" if "T" in dct else "DATE"
        dct_xml = (
            f'<DCT><TIMEX3 tid="t0" type="{kind}" value={value} temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3></DCT>\n'
        )
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{escape(doc_id)}</DOCID>\n{dct_xml}"
        f"<TEXT>{_tagged_text(text, timexes)}</TEXT>\n</TimeML>\n"
    )
