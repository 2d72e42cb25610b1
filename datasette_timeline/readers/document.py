"""The record every reader produces, and the options readers share."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property


class InputError(Exception):
    """An input that cannot be read; the message names the file (and row) and the problem."""


def content_id(text: str) -> str:
    """Stable id of a document: a hash of its content, so renamed copies are recognised."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    text: str
    source: str
    title: str | None = None
    published: str | None = None  # ISO date or datetime, as precise as the source gives
    # Spans of ``text`` that are not article body (headline, metadata lines): no events there.
    skip_spans: list[tuple[int, int]] = field(default_factory=list)
    url: str | None = None  # canonical URL of a web page, or a table's URL column
    source_id: str | None = None  # the row's own id (--id-column)
    # For rows of an SQLite table: the table and rowid, so the document links back.
    source_table: str | None = None
    source_rowid: int | None = None
    # ISO 639 code ("es"): what the input declares, until ``language.settle_language``
    # settles it (the --language option, else detection when the input said nothing).
    language: str | None = None

    @cached_property
    def id(self) -> str:
        # Cached: the writer asks for it several times per document; text is never changed.
        return content_id(self.text)


@dataclass(frozen=True)
class Columns:
    """Which fields of a table row or JSON object hold what; None means: look for the usual names."""

    text: str | None = None
    date: str | None = None
    title: str | None = None
    url: str | None = None
    id: str | None = None
    language: str | None = None


MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class ReadOptions:
    published: str | None = None  # overrides every date found in the inputs
    language: str | None = None  # overrides every language declared or detected; None: auto
    format: str | None = None  # None: from the file extension (or the content, for stdin/URLs)
    glob: str | None = None  # which files of a folder to read
    columns: Columns = field(default_factory=Columns)
    # A web page, TimeML file or fetched URL larger than this is not one article.
    max_page_bytes: int = 20 * MEGABYTE
    fetch_timeout: float = 30.0
