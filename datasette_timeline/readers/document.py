"""The record every reader produces."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


class InputError(Exception):
    """An input that cannot be read; the message names the file and the problem."""


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

    @property
    def id(self) -> str:
        return content_id(self.text)
