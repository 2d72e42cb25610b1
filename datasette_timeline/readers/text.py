"""Plain-text news articles: a headline line, ``- Key: value`` metadata lines, the body.

A text file larger than ``LARGE_TEXT_BYTES`` is not one article (a book, a dump of
many articles): it is read as a stream and cut at paragraph boundaries into parts of
about ``PART_CHARS`` characters, each stored as its own document, so memory stays
bounded whatever the file's size. The parts share the first part's headline and
publication date; relative dates in each part are resolved against that date.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import BinaryIO

from .decode import NotText, check_is_text, decode_bytes
from .document import MEGABYTE, Document, InputError
from .published import InvalidDate, parse_published
from .streams import PrefixedStream, text_stream

_METADATA_LINE = re.compile(
    r"^[ \t]*[-*•][ \t]*(?P<key>[A-Z][\w ]{0,40}?)(?:[ \t]*:[ \t]*(?P<value>.*))?$"
)
_HEADER_LINES = 15
_PUBLISHED_KEYS = ("published date", "published", "date published", "date", "publication date")
LARGE_TEXT_BYTES = 2 * MEGABYTE
PART_CHARS = 64 * 1024


def parse_text_article(text: str, source: str, published: str | None = None) -> Document:
    """Split an article file into headline, metadata and body.

    Metadata are short ``- Key: value`` lines (or bare ``- World`` section labels)
    near the top; they are kept in the stored text so offsets stay true, but marked
    as spans that yield no events. ``published`` overrides the date found in them.
    Raises InputError when the header's date cannot be read or cannot exist.
    """
    skip_spans: list[tuple[int, int]] = []
    title: str | None = None
    found_published: str | None = None
    offset = 0
    for line_number, line in enumerate(text.splitlines(keepends=True)):
        if line_number >= _HEADER_LINES and title is not None:
            break  # metadata live in the header; the body is not scanned
        stripped = line.strip()
        span = (offset, offset + len(line.rstrip("\r\n")))
        offset += len(line)
        if not stripped:
            continue
        if title is None and line_number == 0:
            title = stripped
            skip_spans.append(span)
            continue
        match = _METADATA_LINE.match(line.rstrip("\r\n"))
        # Metadata sit in the header: near the top, short, and either "Key: value"
        # or a bare label of a few words ("- World"); later bullets are body.
        if (
            match
            and len(stripped) <= 120
            and (match.group("value") is not None or len(match.group("key").split()) <= 4)
        ):
            skip_spans.append(span)
            key = match.group("key").strip().lower()
            value = match.group("value")
            if key in _PUBLISHED_KEYS and value and found_published is None and not published:
                found_published = _header_date(value, source)
    return Document(
        text=text,
        source=source,
        title=title,
        published=published or found_published,
        skip_spans=skip_spans,
    )


def _header_date(value: str, source: str) -> str:
    try:
        parsed = parse_published(value)
    except InvalidDate as error:
        raise InputError(
            f"{source}: invalid publication date {value.strip()!r} in the header ({error}); "
            "correct it or pass --published YYYY-MM-DD"
        ) from None
    if parsed is None:
        raise InputError(
            f"{source}: cannot read the publication date {value.strip()!r} in the header; "
            "write it as YYYY-MM-DD or pass --published YYYY-MM-DD"
        )
    return parsed


def read_text_stream(
    stream: BinaryIO, source: str, published: str | None = None
) -> Iterator[Document]:
    """Read one text article from ``stream`` (or, when very large, its parts)."""
    head = stream.read(LARGE_TEXT_BYTES + 1)
    if len(head) <= LARGE_TEXT_BYTES:
        yield read_text_bytes(head, source, published)
        return
    yield from _read_large_text(head, stream, source, published)


def read_text_bytes(data: bytes, source: str, published: str | None = None) -> Document:
    try:
        text, _encoding = decode_bytes(data)
    except NotText as error:
        raise InputError(f"{source}: {error}") from None
    if not text.strip():
        raise InputError(f"{source}: empty file, nothing to extract")
    return parse_text_article(text, source, published)


def _read_large_text(
    head: bytes, rest: BinaryIO, source: str, published: str | None
) -> Iterator[Document]:
    lines, encoding = text_stream(io.BufferedReader(PrefixedStream(head, rest)), source)
    first: Document | None = None
    try:
        for number, part in enumerate(_paragraph_parts(lines), start=1):
            check_is_text(part)
            if first is None:
                first = parse_text_article(part, f"{source}#part1", published)
                yield first
                continue
            if not part.strip():
                continue
            title = f"{first.title} (part {number})" if first.title else None
            yield Document(part, f"{source}#part{number}", title, first.published)
    except UnicodeDecodeError as error:
        raise InputError(
            f"{source}: not valid {encoding} past byte {error.start} of a part; "
            "the parts before were read; convert the file to UTF-8"
        ) from None
    except NotText as error:
        raise InputError(f"{source}: {error}") from None


def _paragraph_parts(lines: io.TextIOWrapper) -> Iterator[str]:
    """Cut a stream of text into parts of about PART_CHARS, at blank lines where possible."""
    buffer: list[str] = []
    size = 0
    while True:
        line = lines.readline(PART_CHARS)  # a bounded read even for a file with no newlines
        if not line:
            break
        buffer.append(line)
        size += len(line)
        at_paragraph_end = not line.strip()
        if (size >= PART_CHARS and at_paragraph_end) or size >= 2 * PART_CHARS:
            yield "".join(buffer)
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer)
