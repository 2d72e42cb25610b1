"""Plain-text news articles: a headline line, ``- Key: value`` metadata lines, the body."""

from __future__ import annotations

import re
from pathlib import Path

from .document import Document, InputError
from .published import parse_published

_METADATA_LINE = re.compile(
    r"^[ \t]*[-*•][ \t]*(?P<key>[A-Z][\w ]{0,40}?)(?:[ \t]*:[ \t]*(?P<value>.*))?$"
)
_HEADER_LINES = 15
_PUBLISHED_KEYS = ("published date", "published", "date published", "date", "publication date")


def parse_text_article(text: str, source: str, published: str | None = None) -> Document:
    """Split an article file into headline, metadata and body.

    Metadata are short ``- Key: value`` lines (or bare ``- World`` section labels)
    near the top; they are kept in the stored text so offsets stay true, but marked
    as spans that yield no events. ``published`` overrides the date found in them.
    """
    skip_spans: list[tuple[int, int]] = []
    title: str | None = None
    found_published: str | None = None
    offset = 0
    for line_number, line in enumerate(text.splitlines(keepends=True)):
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
            and line_number < _HEADER_LINES
            and len(stripped) <= 120
            and (match.group("value") is not None or len(match.group("key").split()) <= 4)
        ):
            skip_spans.append(span)
            key = match.group("key").strip().lower()
            if key in _PUBLISHED_KEYS and match.group("value") and found_published is None:
                found_published = parse_published(match.group("value"))
    return Document(
        text=text,
        source=source,
        title=title,
        published=published or found_published,
        skip_spans=skip_spans,
    )


def read_text_file(path: Path, published: str | None = None) -> Document:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{path}: not valid UTF-8 text ({error.reason} at byte {error.start})"
        ) from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror})") from None
    if not text.strip():
        raise InputError(f"{path}: empty file, nothing to extract")
    return parse_text_article(text, str(path), published)
