"""Input readers: each turns one kind of input into :class:`Document` records."""

from __future__ import annotations

from .document import Document, InputError, content_id
from .text import parse_text_article, read_text_file
from .walk import iter_documents

__all__ = [
    "Document",
    "InputError",
    "content_id",
    "iter_documents",
    "parse_text_article",
    "read_text_file",
]
