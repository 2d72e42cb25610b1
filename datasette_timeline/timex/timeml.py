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

# Every pattern here runs on untrusted markup, so each one is linear: a name is taken whole
# (the lookahead after it stops backtracking into it), attributes run to the next "<" or ">", and the
# elements holding the text are found with str.find instead of a lazy ".*?".
_TAG = re.compile(r"<(/?)([A-Za-z][\w:.-]*)(?=[\s/>])([^<>]*)>")
_ATTR = re.compile(r"""(?<![\w:.-])([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_TIMEX_TAG = re.compile(r"<TIMEX3\b[^<>]*>")
_CREATION_TIMEX = re.compile(r"<TIMEX3\b[^<>]*functionInDocument=\"CREATION_TIME\"[^<>]*>")
_OPENING = {name: re.compile(rf"<{name}(?:\s[^<>]*)?>") for name in ("TEXT", "DOCID", "DCT")}


def element_content(markup: str, name: str, opening: re.Pattern[str] | None = None) -> str | None:
    """The content of the first ``<name ...>...</name>`` element, found in linear time."""
    opening = opening or _OPENING.get(name) or re.compile(rf"<{re.escape(name)}(?:\s[^<>]*)?>")
    start = opening.search(markup)
    if start is None:
        return None
    end = markup.find(f"</{name}>", start.end())
    return markup[start.end() : end] if end >= 0 else None


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
    block = element_content(source, "DCT")
    candidates = [block] if block is not None else []
    candidates.append(source)
    for chunk in candidates:
        tag = _CREATION_TIMEX.search(chunk) or (
            _TIMEX_TAG.search(chunk) if chunk is not source else None
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
        closing, name, raw_attrs = match.groups()
        self_closing = raw_attrs.rstrip().endswith("/")
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
    docid_text = element_content(source, "DOCID")
    docid = html.unescape(docid_text.strip()) if docid_text is not None else fallback_id
    text, timexes = _strip_tags(element_content(source, "TEXT") or "")
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
