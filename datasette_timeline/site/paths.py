"""Where each exported URL lives on disk, and how one exported file links to another.

Every URL of the static site maps to one deterministic relative file path, so two
exports of the same database give the same tree and links work from ``file://``
(where ``?query`` and directory indexes mean nothing) and from any static host.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from urllib.parse import parse_qsl, urlencode

# Characters kept as they are in file names; every other character is tilde-encoded
# (as Datasette does for table names), which keeps the mapping one-to-one.
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_SLUG_UNSAFE = re.compile(r"[^A-Za-z0-9]+")
_SLUG_LENGTH = 60
_HASH_LENGTH = 10


def canonical_query(query: str) -> str:
    """The query string with its pairs sorted by key (stable for repeated keys) and
    repeated pairs once, so the same filters written another way name the same file."""
    pairs = list(dict.fromkeys(parse_qsl(query, keep_blank_values=True)))
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def safe_segment(segment: str) -> str:
    """A URL path segment as a file name that needs no quoting in a relative link."""
    if segment in {".", ".."}:
        return "~2E" * len(segment)
    return _UNSAFE.sub(lambda match: "".join(f"~{b:02X}" for b in match.group().encode()), segment)


def query_slug(query: str) -> str:
    """A readable, collision-free name for a query string: its words and a short hash."""
    canonical = canonical_query(query)
    words = _SLUG_UNSAFE.sub("-", canonical).strip("-")[:_SLUG_LENGTH].strip("-")
    digest = hashlib.sha1(canonical.encode()).hexdigest()[:_HASH_LENGTH]
    return f"{words}-{digest}" if words else digest


def _segments(path: str) -> list[str]:
    return [safe_segment(part) for part in path.strip("/").split("/") if part]


def asset_file(path: str) -> str:
    """A static asset keeps its URL path; its cache-busting query is dropped."""
    return "/".join(_segments(path))


def page_file(path: str, query: str) -> str:
    """An HTML page: the URL path becomes a folder, the query the file name."""
    name = query_slug(query) if canonical_query(query) else "index"
    return "/".join([*_segments(path), f"{name}.html"])


def export_file(path: str, query: str) -> str:
    """A data export (``events.json?year=1991``): the query goes into the file name
    before the extension, so static hosts still serve it with the right type."""
    segments = _segments(path)
    stem, dot, extension = segments[-1].rpartition(".")
    if not dot or not stem:
        stem, extension = segments[-1], "txt"
    if canonical_query(query):
        stem = f"{stem}--{query_slug(query)}"
    return "/".join([*segments[:-1], f"{stem}.{extension}"])


def relative_link(from_file: str, to_file: str, fragment: str = "") -> str:
    """The href that leads from one exported file to another."""
    link = posixpath.relpath(to_file, posixpath.dirname(from_file) or ".")
    return f"{link}#{fragment}" if fragment else link
