"""export-site: a static copy of the timeline that works from disk.

The site is exported from a database built by the real ``extract`` over the bundled
articles, then read back from disk the way a browser on ``file://`` would: every
link must lead to a file that exists, nothing may be loaded from another host, and
every event of the filtered view must be on its pages.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import sqlite_utils
from click.testing import CliRunner

from datasette_timeline.commands.export_site import export_site_command
from datasette_timeline.site.export import MARKER, added_facets, external_references
from datasette_timeline.site.paths import (
    canonical_query,
    export_file,
    page_file,
    query_slug,
    relative_link,
    safe_segment,
)
from datasette_timeline.site.rewrite import Reference, html_references, rewrite_css, rewrite_html

from .conftest import EXAMPLES

# -- helpers that read an exported site the way a browser does ------------------------


_LOADING = frozenset({("script", "src"), ("img", "src"), ("link", "href"), ("iframe", "src")})
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]*)['"]?\s*\)""")


class _Page(HTMLParser):
    """The URLs a page refers to, and the text of each event item on it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, url)
        self.event_texts: list[str] = []
        self.next_page: str | None = None
        # href of each facet value, actor or place chip and overview bar ("" if none)
        self.facet_links: list[str] = []
        self._facet_list: str | None = None
        self._in_event_text = False
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("href", "src", "action"):
            if name in values:
                self.links.append((tag, name, values[name]))
        classes = values.get("class", "").split()
        if tag in {"ul", "ol"} and {"facet-values", "overview-bars"} & set(classes):
            self._facet_list = tag
        is_facet = "chip" in classes or self._facet_list is not None
        if tag == "a" and is_facet and "chip-remove" not in classes:
            self.facet_links.append(values.get("href", ""))
        if tag == "a" and values.get("rel") == "next" and "href" in values:
            self.next_page = values["href"]
        if tag == "p" and "event-text" in values.get("class", "").split():
            self._in_event_text, self._text = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._facet_list:
            self._facet_list = None
        if tag == "p" and self._in_event_text:
            self._in_event_text = False
            self.event_texts.append("".join(self._text))

    def handle_data(self, data: str) -> None:
        if self._in_event_text:
            self._text.append(data)


def read_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text("utf-8"))
    page.close()
    return page


def local_target(page: Path, url: str) -> Path:
    return (page.parent / unquote(urlsplit(url).path)).resolve()


def events_on_view(front: Path) -> list[str]:
    """Event texts on a page and on the pages its "Next page" links lead to."""
    texts: list[str] = []
    page_path: Path | None = front
    visited: set[Path] = set()
    while page_path is not None and page_path not in visited:
        visited.add(page_path)
        page = read_page(page_path)
        texts.extend(page.event_texts)
        page_path = local_target(page_path, page.next_page) if page.next_page else None
    return texts


def assert_self_contained(site: Path) -> int:
    """Every relative link resolves to a file of the site; nothing loads from a host.
    Returns how many links were followed."""
    followed = 0
    pages = sorted(site.rglob("*.html"))
    assert pages, "no pages written"
    for page_path in pages:
        for tag, attribute, url in read_page(page_path).links:
            parts = urlsplit(url)
            if url.startswith("#") or parts.scheme in {"mailto", "data"}:
                continue
            if parts.scheme or parts.netloc:
                assert (tag, attribute) not in _LOADING, (
                    f"{page_path.relative_to(site)} loads {url} from another host"
                )
                assert tag == "a", f"{page_path.relative_to(site)}: <{tag} {attribute}={url}>"
                continue
            assert not url.startswith("/"), f"{page_path.relative_to(site)}: root-relative {url}"
            assert not parts.query, f"{page_path.relative_to(site)}: query string in {url}"
            target = local_target(page_path, url)
            assert target.is_file(), f"{page_path.relative_to(site)} links to missing {url}"
            assert site.resolve() in target.parents, f"{url} leaves the site"
            followed += 1
    for stylesheet in site.rglob("*.css"):
        for url in _CSS_URL.findall(stylesheet.read_text("utf-8")):
            if url.startswith("data:") or not url:
                continue
            assert not urlsplit(url).netloc and not urlsplit(url).scheme, (
                f"{stylesheet.relative_to(site)} loads {url} from another host"
            )
            assert (stylesheet.parent / urlsplit(url).path).is_file(), url
    return followed


# -- the database the site is exported from ------------------------------------------


@pytest.fixture(scope="module")
def events_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from datasette_timeline.cli import cli

    path = tmp_path_factory.mktemp("site-db") / "events.db"
    result = CliRunner().invoke(cli, ["extract", str(path), str(EXAMPLES), "-q"])
    assert result.exit_code == 0, result.output
    return path


def dated_texts(db: Path, where: str = "1", params: tuple[object, ...] = ()) -> Counter[str]:
    """The event texts a timeline of ``where`` must show: events with a date, except
    those merged into another event (the timeline shows the one they merged into)."""
    connection = sqlite3.connect(db)
    try:
        columns = {row[1] for row in connection.execute("pragma table_info(events)")}
        unmerged = "merged_into is null" if "merged_into" in columns else "1"
        rows = connection.execute(
            f"select text from events where start is not null and {unmerged} and ({where})",
            params,
        ).fetchall()
    finally:
        connection.close()
    return Counter(row[0] for row in rows)


def most_common(db: Path, sql: str) -> str:
    connection = sqlite3.connect(db)
    try:
        row = connection.execute(sql).fetchone()
    finally:
        connection.close()
    assert row is not None and row[0] is not None, f"no value from {sql}"
    return str(row[0])


def export(db: Path, outdir: Path, *filters: str) -> None:
    result = CliRunner().invoke(export_site_command, [str(db), str(outdir), *filters])
    assert result.exit_code == 0, result.output


# -- the exported site ---------------------------------------------------------------


@pytest.mark.slow
def test_whole_timeline_links_up_and_shows_every_dated_event(events_db: Path, tmp_path: Path):
    site = tmp_path / "site"
    export(events_db, site)
    assert (site / "index.html").is_file()
    followed = assert_self_contained(site)
    assert followed > 10
    expected = dated_texts(events_db)
    assert expected, "the bundled articles gave no dated events"
    shown = Counter(events_on_view(site / "index.html"))
    assert not expected - shown, f"events missing from the site: {list(expected - shown)[:5]}"


@pytest.mark.slow
def test_filtered_by_actor_shows_exactly_that_actors_events(events_db: Path, tmp_path: Path):
    actor = most_common(
        events_db,
        "select j.value from events, json_each(events.actors) j where events.start is not null "
        "group by j.value order by count(*) desc, j.value limit 1",
    )
    site = tmp_path / "actor"
    export(events_db, site, f"actors__arraycontains={actor}")
    assert_self_contained(site)
    expected = dated_texts(
        events_db, "exists (select 1 from json_each(events.actors) where value = ?)", (actor,)
    )
    shown = Counter(events_on_view(site / "index.html"))
    assert not expected - shown, f"missing: {list(expected - shown)[:5]}"
    everything = dated_texts(events_db)
    others = everything - dated_texts(
        events_db, "exists (select 1 from json_each(events.actors) where value = ?)", (actor,)
    )
    assert others, "every event has this actor: the filter test would prove nothing"
    # Events without the actor are not on the filtered front page (texts may repeat
    # across events, so compare only texts that never occur with the actor).
    assert not (set(shown) & (set(others) - set(expected)))


def test_year_facet_pages_and_whole_exports(events_db: Path, tmp_path: Path):
    year = most_common(
        events_db,
        "select year from events where start is not null group by year "
        "order by count(*) desc, year limit 1",
    )
    site = tmp_path / "year"
    export(events_db, site, f"year={year}")
    assert_self_contained(site)
    expected = dated_texts(events_db, "year = ?", (int(year),))
    front = site / "index.html"
    shown = Counter(events_on_view(front))
    assert not expected - shown
    # One page per facet value: the front page links to pages of other actors.
    page = read_page(front)
    facet_pages = {
        local_target(front, url)
        for tag, _attribute, url in page.links
        if tag == "a" and url.endswith(".html") and not url.startswith("#")
    } - {front.resolve()}
    assert facet_pages, "the front page links to no facet page"
    # The JSON export carries every event of the view, not one page of them.
    json_exports = [
        local_target(front, url)
        for tag, _attribute, url in page.links
        if tag == "a" and url.endswith(".json") and "timelinejs" not in url
    ]
    assert json_exports, "no JSON export linked"
    data = json.loads(json_exports[0].read_text("utf-8"))
    assert Counter(event["text"] for event in data["events"]) == shown
    assert data.get("next_url") is None


@pytest.mark.slow
def test_every_facet_value_chip_and_bar_of_the_view_has_its_page(events_db: Path, tmp_path: Path):
    site = tmp_path / "site"
    export(events_db, site)
    page_path: Path | None = site / "index.html"
    facet_links: list[str] = []
    while page_path is not None:
        page = read_page(page_path)
        facet_links += page.facet_links
        page_path = local_target(page_path, page.next_page) if page.next_page else None
    assert len(facet_links) > 10
    # A link the exporter could not serve from a file would have lost its href.
    assert all(facet_links), "a facet value, chip or overview bar lost its link"
    assert all(link.endswith(".html") for link in facet_links)


def test_max_pages_bounds_the_site_and_leaves_no_dead_link(events_db: Path, tmp_path: Path):
    site = tmp_path / "site"
    result = CliRunner().invoke(
        export_site_command, [str(events_db), str(site), "--max-pages", "3"]
    )
    assert result.exit_code == 0, result.output
    assert "left out (--max-pages 3)" in result.output
    assert len(list(site.rglob("*.html"))) == 3
    assert_self_contained(site)


@pytest.mark.slow
def test_second_export_replaces_the_first_but_never_a_foreign_folder(
    events_db: Path, tmp_path: Path
):
    site = tmp_path / "site"
    export(events_db, site)
    first = sorted(p.relative_to(site) for p in site.rglob("*"))
    export(events_db, site)
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == first
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "keep.txt").write_text("mine")
    result = CliRunner().invoke(export_site_command, [str(events_db), str(foreign)])
    assert result.exit_code != 0
    assert "not empty" in result.output
    assert (foreign / "keep.txt").read_text() == "mine"


def test_unknown_table_and_bad_filter_are_clear_errors(events_db: Path, tmp_path: Path):
    result = CliRunner().invoke(
        export_site_command, [str(events_db), str(tmp_path / "x"), "--table", "nope"]
    )
    assert result.exit_code != 0 and "no table 'nope'" in result.output
    result = CliRunner().invoke(export_site_command, [str(events_db), str(tmp_path / "y"), "1991"])
    assert result.exit_code != 0 and "year=1991" in result.output


def test_command_is_registered_on_the_cli():
    from datasette_timeline.cli import cli

    result = CliRunner().invoke(cli, ["export-site", "--help"])
    assert result.exit_code == 0 and "static site" in result.output


# -- the pure parts ------------------------------------------------------------------


def test_added_facets_counts_a_date_range_as_one():
    base = [("year", "1991")]
    assert added_facets(base, "year=1991") == 0
    assert added_facets(base, "year=1991&actors__arraycontains=Iran&_next=abc") == 1
    assert added_facets(base, "year=1991&start__gte=1991-01-01&start__lt=1991-02-01") == 1
    assert added_facets(base, "year=1991&start__gte=1991-01-01&actors__arraycontains=Iran") == 2
    assert added_facets(base, "actors__arraycontains=Iran") is None


def test_query_order_does_not_change_the_file():
    a = page_file("/db/events/-/timeline", "year=1991&actors__arraycontains=Armenia")
    b = page_file("/db/events/-/timeline", "actors__arraycontains=Armenia&year=1991")
    assert a == b
    assert a != page_file("/db/events/-/timeline", "year=1992&actors__arraycontains=Armenia")
    assert canonical_query("b=1&a=2&a=1") == "a=2&a=1&b=1"


def test_file_names_are_safe_and_distinct():
    assert safe_segment("my db") != safe_segment("my_db")
    assert safe_segment("..") != ".." and "/" not in safe_segment("a/b")
    assert query_slug("q=" + "x" * 500).count("x") < 100
    assert export_file("/db/events/-/timeline.ics", "year=1991").endswith(".ics")
    assert export_file("/db/events/-/timeline.json", "") == "db/events/-/timeline.json"
    assert page_file("/db/events/-/timeline", "") == "db/events/-/timeline/index.html"


def test_relative_links_between_files():
    assert relative_link("index.html", "db/t/-/timeline/a.html") == "db/t/-/timeline/a.html"
    assert relative_link("db/t/-/timeline/a.html", "index.html", "x") == "../../../../index.html#x"
    assert relative_link("db/t/-/timeline/a.html", "-/static/app.css") == (
        "../../../../-/static/app.css"
    )


def test_rewrite_touches_only_url_attributes_and_escapes_them():
    page = (
        '<a href="/x?a=1&amp;b=2" title="/x">t</a>'
        "<script>var s = '<a href=\"/x\">';</script>"
        '<img src="/i.png" alt="/i.png"><form action="/search"><input name=q></form>'
    )
    seen: list[str] = []

    def rewrite(reference: Reference) -> str | None:
        seen.append(reference.url)
        return None if reference.tag == "form" else 'new"<&'

    out = rewrite_html(page, rewrite)
    assert seen == ["/x?a=1&b=2", "/i.png", "/search"]  # unescaped; script text untouched
    assert 'href="new&#34;&lt;&amp;"' in out or 'href="new&quot;&lt;&amp;"' in out
    assert 'title="/x"' in out and 'alt="/i.png"' in out
    assert "var s = '<a href=\"/x\">';" in out
    assert '<form hidden style="display:none">' in out
    styled = rewrite_html('<form class="f" style="display:flex" hidden>', lambda r: r.url, True)
    assert styled == '<form class="f" hidden style="display:none">'
    refs = html_references(
        '<link rel="stylesheet" href="/a.css"><a href="/b">b</a>'
        '<link rel="canonical" href="https://example.org/"><script src="/s.js"></script>'
    )
    assert [(r.url, r.loads_resource) for r in refs] == [
        ("/a.css", True),
        ("/b", False),
        ("https://example.org/", False),
        ("/s.js", True),
    ]


def test_external_resources_are_found_but_outbound_links_are_not(tmp_path: Path):
    (tmp_path / "a.html").write_text(
        '<link rel="stylesheet" href="https://cdn.example/x.css">'
        '<a href="https://example.org/story">source</a><img src="//cdn.example/i.png">'
        '<script src="local.js"></script>'
    )
    (tmp_path / "b.css").write_text("a{background:url(https://fonts.example/f.woff)}")
    found = external_references(tmp_path)
    assert found == [
        "a.html: https://cdn.example/x.css",
        "a.html: //cdn.example/i.png",
        "b.css: https://fonts.example/f.woff",
    ]


def test_css_references_are_rewritten():
    css = "a{background:url(/img/a.png)} @import \"/b.css\"; b{background:url('data:x')}"
    out = rewrite_css(css, lambda url: url if url.startswith("data:") else "x" + url)
    assert 'url("x/img/a.png")' in out and '@import "x/b.css"' in out and "data:x" in out


# -- the export's folder: only the exporter's own files are replaced -----------------------

USER_FILES = {
    "CNAME": "timeline.example.org\n",
    ".nojekyll": "",
    "README.md": "# My timeline\n",
    ".git/config": "[core]\n",
    "-/notes.txt": "kept beside the exported assets\n",
}


def tree(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def test_exporting_again_keeps_the_users_files_and_drops_only_stale_ones(
    events_db: Path, tmp_path: Path
):
    site = tmp_path / "site"
    export(events_db, site)
    first = tree(site)
    for name, text in USER_FILES.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text(text)
    year = most_common(events_db, "select year from events group by year order by count(*) desc")
    export(events_db, site, f"year={year}")
    for name, text in USER_FILES.items():
        assert (site / name).read_text() == text, name
    manifest = json.loads((site / MARKER).read_text())
    assert tree(site) == {*manifest["files"], MARKER, *USER_FILES}
    assert first - tree(site), "the narrower export should have fewer files"
    # No folder emptied by the second export is left behind.
    assert all(any(d.iterdir()) for d in site.rglob("*") if d.is_dir())
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".export-site-")]


def test_a_users_file_where_the_site_writes_stops_the_export_untouched(
    events_db: Path, tmp_path: Path
):
    site = tmp_path / "site"
    export(events_db, site)
    (site / MARKER).write_text(json.dumps({"files": ["index.html"]}))  # an older export
    (site / "-").rename(tmp_path / "moved")
    (site / "-").write_text("mine")  # a file where the assets' folder goes
    before = {name: (site / name).read_bytes() for name in tree(site)}
    result = CliRunner().invoke(export_site_command, [str(events_db), str(site)])
    assert result.exit_code != 0 and "a file of yours where the site needs a folder" in (
        result.output
    )
    assert {name: (site / name).read_bytes() for name in tree(site)} == before


def test_a_symlinked_outdir_is_a_clear_error(events_db: Path, tmp_path: Path):
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    result = CliRunner().invoke(export_site_command, [str(events_db), str(link)])
    assert result.exit_code != 0
    assert "is a symbolic link" in result.output and str(real) in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert list(real.iterdir()) == []


def test_a_table_name_too_long_for_a_file_is_a_clear_error(tmp_path: Path):
    long_name = "t" * 300
    db = tmp_path / "long.db"
    sqlite_utils.Database(db)[long_name].insert_all(
        [{"id": 1, "start": "2020-05-03", "text": "A dated row"}], pk="id"
    )
    site = tmp_path / "site"
    result = CliRunner().invoke(export_site_command, [str(db), str(site), "--table", long_name])
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit), result.exception
    assert "longer than the file system allows" in result.output
    assert not site.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["long.db"]
