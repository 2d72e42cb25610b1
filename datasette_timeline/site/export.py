"""Export the timeline of one table as a static site, by driving the real plugin.

A ``Datasette`` instance is built in-process over the database (immutable); the
timeline page of the filtered view, one page per facet value it links to (each
actor, each year...), the exports it links to and every asset they load are
fetched through ``datasette.client`` exactly as a browser would get them. Each is
saved under a deterministic file name and every internal URL is rewritten to a
relative file path; links to pages that are not part of the site are removed.
"""

from __future__ import annotations

import errno
import html
import json
import re
import sqlite3
import tempfile
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from .outdir import (
    MARKER,
    OutdirError,
    check_outdir,
    discard,
    replace_site,
    staging_folder,
)
from .paths import asset_file, canonical_query, export_file, page_file, relative_link
from .rewrite import Reference, css_references, html_references, rewrite_css, rewrite_html

if TYPE_CHECKING:  # datasette.app takes ~0.7 s to import: only when a site is exported
    from datasette.app import Datasette

Kind = Literal["page", "export", "asset"]

# The host name ``datasette.client`` answers as: absolute URLs to it are internal.
_INTERNAL_HOSTS = frozenset({"", "localhost"})
_ASSET_PREFIXES = ("/-/static/", "/-/static-plugins/")
DEFAULT_MAX_PAGES = 2000


class ExportError(Exception):
    """The site cannot be exported; the message says why."""


@dataclass(frozen=True)
class Target:
    """One URL of the site: what it is and where it is saved."""

    kind: Kind
    path: str
    query: str

    @property
    def url(self) -> str:
        return f"{self.path}?{self.query}" if self.query else self.path

    @property
    def file(self) -> str:
        if self.kind == "asset":
            return asset_file(self.path)
        if self.kind == "page":
            return page_file(self.path, self.query)
        return export_file(self.path, self.query)


@dataclass
class ExportReport:
    outdir: Path
    pages: list[str] = field(default_factory=list)
    exports: list[str] = field(default_factory=list)
    assets: list[str] = field(default_factory=list)
    # Internal links that lead outside the site (row pages, SQL...) and were removed.
    unlinked: set[str] = field(default_factory=set)
    # Hyperlinks to other sites (not loaded by the page, only followed by a reader).
    outbound_links: set[str] = field(default_factory=set)
    # Pages linked but not exported because --max-pages was reached.
    skipped_pages: set[str] = field(default_factory=set)
    # Linked URLs that answered an error (their links were removed too), with status.
    failed: dict[str, int] = field(default_factory=dict)


# Query arguments that page through a view rather than choose what it shows.
_PAGING_KEYS = frozenset({"_next", "_size"})
_RANGE_SUFFIXES = ("__gte", "__gt", "__lte", "__lt")
# How many facet hops from the front page are exported: its facet pages, not the
# facets of those (their combinations grow without bound).
_MAX_DEPTH = 1


def view_pairs(query: str) -> list[tuple[str, str]]:
    """The arguments of a query string that choose which rows a view shows."""
    return sorted(
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=True)
        if key not in _PAGING_KEYS
    )


def _facet(key: str, value: str) -> tuple[str, str]:
    """What a filter narrows by: both ends of a date range are one facet."""
    for suffix in _RANGE_SUFFIXES:
        if key.endswith(suffix):
            return (key[: -len(suffix)], "range")
    return (key, value)


def added_facets(base: list[tuple[str, str]], query: str) -> int | None:
    """How many facets ``query`` adds to ``base`` (a date range counts as one), or None
    if it drops one of ``base``'s arguments."""
    remaining = list(dict.fromkeys(view_pairs(query)))
    for pair in base:
        if pair not in remaining:
            return None
        remaining.remove(pair)
    return len({_facet(key, value) for key, value in remaining})


class SiteBuilder:
    """Crawls the site from the filtered timeline page, then writes it out."""

    def __init__(
        self,
        datasette: Datasette,
        database: str,
        table: str,
        filters: Iterable[tuple[str, str]],
        max_pages: int = DEFAULT_MAX_PAGES,
    ) -> None:
        self.datasette = datasette
        self.table_path = datasette.urls.table(database, table)
        self.timeline_path = self.table_path + "/-/timeline"
        self.base_filters = view_pairs(urlencode(list(filters)))
        self.root = Target(
            "page", self.timeline_path, canonical_query(urlencode(self.base_filters))
        )
        self.max_pages = max_pages
        # Everything goes to disk as it comes (memory stays bounded); pages and
        # stylesheets are rewritten there once every link target is known.
        self.to_rewrite: list[Target] = []
        self.fetched: set[Target] = set()
        self.classic_scripts: set[Target] = set()
        self.failed: dict[Target, int] = {}

    # -- deciding what belongs to the site ---------------------------------------

    def classify(self, reference: str, context: str, loads: bool = False) -> Target | None:
        """The site URL ``reference`` (as found on the page at ``context``) points to,
        or None when it is no part of the static site. ``loads`` tells a resource the
        page loads (a script, a stylesheet) from a link."""
        parts = urlsplit(urljoin("http://localhost" + context, reference))
        if parts.scheme not in {"http", "https"} or parts.netloc not in _INTERNAL_HOSTS:
            return None
        query = canonical_query(parts.query)
        is_view = parts.path == self.timeline_path or parts.path.startswith(
            self.timeline_path + "."
        )
        if not is_view:
            if parts.path.startswith(_ASSET_PREFIXES) or (loads and not parts.query):
                return Target("asset", parts.path, "")
            return Target("export", parts.path, query) if loads else None
        # The site is the filtered view and its facets, one added facet at most.
        added = added_facets(self.base_filters, query)
        if added is None or added > _MAX_DEPTH:
            return None
        return Target("page" if parts.path == self.timeline_path else "export", parts.path, query)

    def _is_internal(self, reference: str, context: str) -> bool:
        parts = urlsplit(urljoin("http://localhost" + context, reference))
        return parts.scheme in {"http", "https"} and parts.netloc in _INTERNAL_HOSTS

    # -- crawling -----------------------------------------------------------------

    def fetch_url(self, target: Target) -> str:
        """Exports are fetched whole (every event of the view), not a page of them."""
        if target.kind == "export" and target.path.startswith(self.timeline_path + "."):
            return f"{target.path}?{urlencode([*parse_qsl(target.query), ('_size', 'max')])}"
        return target.url

    async def _fetch(self, target: Target) -> bytes | None:
        response = await self.datasette.client.get(self.fetch_url(target), follow_redirects=True)
        if response.status_code != 200:
            if target == self.root:
                raise ExportError(
                    f"{target.url} answered {response.status_code}: is the table right, "
                    "and is the datasette-timeline plugin installed?"
                )
            self.failed[target] = response.status_code
            return None
        return bytes(response.content)

    def _references(self, target: Target, body: bytes) -> list[tuple[str, bool]]:
        text = body.decode("utf-8", errors="replace")
        if target.kind == "page":
            return [(ref.url, ref.loads_resource) for ref in html_references(text)]
        if target.file.endswith(".css"):
            return [(url, True) for url in css_references(text)]
        return []

    def _hops(self, source: Target, linked: Target, source_hops: int) -> int:
        """Facet hops from the front page: paging on (``_next``) is no hop."""
        if view_pairs(source.query) == view_pairs(linked.query):
            return source_hops
        return source_hops + 1

    def _needs_rewriting(self, target: Target) -> bool:
        return target.kind == "page" or target.file.endswith(".css")

    def _keep(self, target: Target, body: bytes, outdir: Path, report: ExportReport) -> None:
        self.fetched.add(target)
        if self._needs_rewriting(target):
            self.to_rewrite.append(target)
        elif target.file.endswith(".js") and not _JS_MODULE_SYNTAX.search(
            body.decode("utf-8", "replace")
        ):
            self.classic_scripts.add(target)
        destination = outdir / self.file_of(target)
        try:
            destination.parent.mkdir(parents=True, exist_ok=True)
            destination.write_bytes(body)
        except OSError as error:
            raise ExportError(_unwritable(self.file_of(target), error)) from None
        {"page": report.pages, "export": report.exports, "asset": report.assets}[
            target.kind
        ].append(self.file_of(target))

    async def crawl(self, outdir: Path, report: ExportReport) -> None:
        queue: deque[tuple[Target, int]] = deque([(self.root, 0)])
        seen: set[Target] = {self.root}
        pages = 1
        while queue:
            target, hops = queue.popleft()
            body = await self._fetch(target)
            if body is None:
                continue
            self._keep(target, body, outdir, report)
            for reference, loads in self._references(target, body):
                linked = self.classify(reference, target.url, loads)
                if linked is None or linked in seen:
                    continue
                linked_hops = self._hops(target, linked, hops)
                if linked.kind == "page":
                    # Only the front page's facets: zooming a range from a range page
                    # would go on without end.
                    if linked_hops > _MAX_DEPTH:
                        continue
                    if pages >= self.max_pages:
                        report.skipped_pages.add(linked.url)
                        continue
                    pages += 1
                seen.add(linked)
                queue.append((linked, linked_hops))

    # -- writing ------------------------------------------------------------------

    def _link(
        self, source: Target, reference: str, report: ExportReport, loads: bool = False
    ) -> str | None:
        """The rewritten form of ``reference`` found in ``source``."""
        if reference.startswith("#") or not reference.strip():
            return reference
        linked = self.classify(reference, source.url, loads)
        if linked is not None and linked in self.fetched:
            fragment = urlsplit(reference).fragment
            return relative_link(self.file_of(source), self.file_of(linked), fragment)
        if self._is_internal(reference, source.url):
            report.unlinked.add(urljoin(source.url, reference))
            return None
        if urlsplit(reference).scheme in {"http", "https", ""}:
            report.outbound_links.add(reference)
        return reference

    def file_of(self, target: Target) -> str:
        # The filtered timeline is the site's front page.
        return "index.html" if target == self.root else target.file

    def rewritten(self, target: Target, body: bytes, report: ExportReport) -> bytes:
        if target.kind == "page":
            text = self._classic_scripts(target, body.decode("utf-8"))
            return mark_static(
                rewrite_html(
                    text,
                    lambda reference: self._html_link(target, reference, report),
                    hide_forms=True,
                )
            ).encode("utf-8")
        if target.file.endswith(".css"):
            text = body.decode("utf-8")
            return rewrite_css(text, lambda url: self._css_link(target, url, report)).encode(
                "utf-8"
            )
        return body

    def _classic_scripts(self, page: Target, text: str) -> str:
        """Browsers refuse module scripts from ``file://``; a module that imports and
        exports nothing runs the same as a deferred classic script, so load it as one."""

        def replace(match: re.Match[str]) -> str:
            script = self.classify(html.unescape(match.group("src")), page.url, loads=True)
            if script not in self.classic_scripts:
                return match.group(0)
            return match.group(0).replace(match.group("type"), " defer", 1)

        return _MODULE_SCRIPT.sub(replace, text)

    def _html_link(self, source: Target, reference: Reference, report: ExportReport) -> str | None:
        if reference.attribute == "style":
            return self._css_link(source, reference.url, report)
        return self._link(source, reference.url, report, reference.loads_resource)

    def _css_link(self, source: Target, reference: str, report: ExportReport) -> str | None:
        if reference.startswith("data:"):
            return reference
        return self._link(source, reference, report, loads=True)

    def write(self, outdir: Path, report: ExportReport) -> None:
        """Rewrite the links of the saved pages and stylesheets, now that every file of
        the site is known."""
        for target in self.to_rewrite:
            path = outdir / self.file_of(target)
            path.write_bytes(self.rewritten(target, path.read_bytes(), report))
        for listed in (report.pages, report.exports, report.assets):
            listed.sort()
        report.unlinked.update(t.url for t in self.failed)
        report.failed.update((t.url, status) for t, status in self.failed.items())


_BODY_TAG = re.compile(r"<body\b", re.I)
_MODULE_SCRIPT = re.compile(
    r"""<script\b(?=[^>]*?(?P<type>\s+type\s*=\s*["']?module["']?))"""
    r"""(?=[^>]*?\ssrc\s*=\s*["'](?P<src>[^"']+)["'])[^>]*>""",
    re.I,
)
_JS_MODULE_SYNTAX = re.compile(r"^\s*(?:import|export)\b|\bimport\s*\(|\bimport\.meta\b", re.M)


def mark_static(page: str) -> str:
    """Tell the page's scripts they run in a static copy, where controls that need the
    server (range selection by dragging, searching) must stay off."""
    return _BODY_TAG.sub("<body data-timeline-static", page, count=1)


def external_references(outdir: Path) -> list[str]:
    """Resources (scripts, styles, images, fonts) the exported site would load from
    another host; an exported site must have none."""
    found: list[str] = []
    for path in sorted(outdir.rglob("*")):
        if path.suffix == ".html":
            text = path.read_text("utf-8")
            urls = [r.url for r in html_references(text) if r.loads_resource]
        elif path.suffix == ".css":
            urls = css_references(path.read_text("utf-8"))
        else:
            continue
        found.extend(f"{path.relative_to(outdir)}: {url}" for url in urls if _is_external(url))
    return found


def _is_external(url: str) -> bool:
    parts = urlsplit(url.strip())
    return bool(parts.netloc) or parts.scheme not in {"", "data"}


def _unwritable(name: str, error: OSError) -> str:
    if error.errno == errno.ENAMETOOLONG:
        longest = max(name.split("/"), key=len)
        return (
            f"cannot write {longest[:60]}...: a file name of {len(longest.encode())} bytes, "
            "longer than the file system allows; the table or database name makes it, "
            "so rename that (or export a view of it under a shorter name)"
        )
    return f"cannot write {name} ({error.strerror or error})"


def _offline_settings(snapshot: Path) -> dict[str, int]:
    """An export runs once, offline: allow slow counts, and exports of every row."""
    from ..storage import largest_table_rows

    return {
        "max_returned_rows": max(1000, largest_table_rows(snapshot)),
        "sql_time_limit_ms": 60_000,
        "facet_time_limit_ms": 60_000,
    }


def take_snapshot(source: Path, destination: Path) -> None:
    """Copy one consistent state of ``source`` into a standalone file.

    Served immutable, a database is read without its write-ahead log, so rows not yet
    checkpointed would be missing; and an extraction may be writing right now.
    """
    from ..storage import snapshot

    try:
        snapshot(source, destination)
    except sqlite3.DatabaseError as error:
        raise ExportError(f"{source}: cannot read it as SQLite ({error})") from None


def database_name(datasette: Datasette, path: Path) -> str:
    for name, database in datasette.databases.items():
        if database.path and Path(database.path).resolve() == path.resolve():
            return str(name)
    raise ExportError(f"{path}: Datasette did not open it")


async def export_site(
    database_path: Path,
    outdir: Path,
    table: str = "events",
    filters: Iterable[tuple[str, str]] = (),
    metadata: dict[str, Any] | None = None,
    max_pages: int = DEFAULT_MAX_PAGES,
) -> ExportReport:
    """Write the static site of ``table``'s timeline, filtered by ``filters``, to ``outdir``."""
    if not database_path.is_file():
        raise ExportError(f"{database_path}: no such database file")
    try:
        earlier = check_outdir(outdir)
    except OutdirError as error:
        raise ExportError(str(error)) from None
    with tempfile.TemporaryDirectory(prefix="export-site-") as scratch:
        snapshot = Path(scratch) / database_path.name
        take_snapshot(database_path, snapshot)
        from datasette.app import Datasette

        datasette = Datasette(
            immutables=[str(snapshot)],
            metadata=metadata or {},
            settings=_offline_settings(snapshot),
        )
        await datasette.invoke_startup()
        name = database_name(datasette, snapshot)
        tables = await datasette.get_database(name).table_names()
        if table not in tables:
            raise ExportError(f"{database_path}: no table {table!r} (tables: {', '.join(tables)})")
        builder = SiteBuilder(datasette, name, table, filters, max_pages=max_pages)
        try:
            staging = staging_folder(outdir)
        except OutdirError as error:
            raise ExportError(str(error)) from None
        try:
            report = ExportReport(outdir=outdir)
            await builder.crawl(staging, report)
            builder.write(staging, report)
            written = _write_manifest(staging, database_path, table, builder, report)
            replace_site(staging, outdir, written, earlier)
        except OutdirError as error:
            raise ExportError(str(error)) from None
        finally:
            discard(staging)
    return report


def _write_manifest(
    staging: Path, database_path: Path, table: str, builder: SiteBuilder, report: ExportReport
) -> list[str]:
    """Check the staged site, then list every file it has (the next export replaces only
    these). Returns them, the manifest included."""
    external = external_references(staging)
    if external:
        raise ExportError(
            "the exported pages load resources from other hosts: " + "; ".join(external[:10])
        )
    files = sorted({*report.pages, *report.exports, *report.assets})
    manifest = {
        "database": database_path.name,
        "table": table,
        "filters": [list(pair) for pair in builder.base_filters],
        "pages": report.pages,
        "exports": report.exports,
        "files": files,
    }
    (staging / MARKER).write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    return [*files, MARKER]
