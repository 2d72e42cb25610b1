"""Input readers: each turns one kind of input into :class:`Document` records."""

from __future__ import annotations

from .document import Columns, Document, InputError, ReadOptions, content_id
from .text import parse_text_article
from .walk import FORMATS, count_articles, iter_documents

__all__ = [
    "FORMATS",
    "Columns",
    "Document",
    "InputError",
    "ReadOptions",
    "content_id",
    "count_articles",
    "iter_documents",
    "parse_text_article",
]
