"""The timeline page through Datasette's test client, on whichever Datasette line is installed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from datasette.app import Datasette
from datasette.utils.asgi import Request
from datasette.version import __version__ as datasette_version

IS_065 = datasette_version.startswith("0.")

HOSTILE_TEXT = "<script>alert(1)</script>"
HOSTILE_TITLE = '"><img src=x onerror=alert(1)>'

# (id, document, TIMEX3 value, precision, start, end, text, actors)
EVENTS: list[tuple[str, str, str, str, str, str, str, list[str]]] = [
    (
        "e5",
        "d1",
        "2020-11-03",
        "day",
        "2020-11-03",
        "2020-11-03",
        "The speech backing a ceasefire",
        ["Iran", "Azerbaijan", "Armenia"],
    ),
    (
        "e1",
        "d1",
        "1991",
        "year",
        "1991-01-01",
        "1991-12-31",
        "The occupation began",
        ["Armenia", "Azerbaijan"],
    ),
    (
        "e3",
        "d1",
        "2020-10",
        "month",
        "2020-10-01",
        "2020-10-31",
        "A statement in Baku",
        ["Azerbaijan"],
    ),
    ("e2", "d2", "1994", "year", "1994-01-01", "1994-12-31", f"A cease-fire {HOSTILE_TEXT}", []),
    (
        "e4",
        "d2",
        "2020-W44",
        "week",
        "2020-10-26",
        "2020-11-01",
        "A tour of four countries",
        ["Armenia", "Turkey"],
    ),
]


def iso_year_of(day: str | None) -> int | None:
    """The year of an ISO day, signed: '-0043-03-15' is -43 (44 BC)."""
    if not day:
        return None
    return -int(day[1:5]) if day.startswith("-") else int(day[:4])


def build_events_db(path: Path, events: list[Any] = EVENTS) -> Path:
    """A database in the shape storage.py writes: documents, events, actors, event_actors."""
    db = sqlite_utils.Database(path)
    db["documents"].insert_all(
        [
            {
                "id": "d1",
                "title": "First article",
                "published": "2020-11-03",
                "source": "https://example.org/first",
                "text": "...",
            },
            {
                "id": "d2",
                "title": HOSTILE_TITLE,
                "published": "2020-11-04",
                "source": "javascript:alert(1)",
                "text": "...",
            },
        ],
        pk="id",
    )
    names = sorted({name for event in events for name in event[7]})
    db["actors"].insert_all(
        [{"id": i, "name": name, "kind": "country"} for i, name in enumerate(names, 1)], pk="id"
    )
    db["events"].insert_all(
        [
            {
                "id": e[0],
                "document_id": e[1],
                "date": e[2],
                "precision": e[3],
                "start": e[4],
                "end": e[5],
                "year": iso_year_of(e[4]),
                "expression": "x",
                "text": e[6],
                "actors": json.dumps(e[7]),
                "char_start": 0,
                "char_end": 1,
            }
            for e in events
        ],
        pk="id",
        foreign_keys=[("document_id", "documents", "id")],
    )
    ids = {row["name"]: row["id"] for row in db["actors"].rows}
    db["event_actors"].insert_all(
        [{"event_id": e[0], "actor_id": ids[name]} for e in events for name in e[7]],
        pk=("event_id", "actor_id"),
        foreign_keys=[("event_id", "events", "id"), ("actor_id", "actors", "id")],
    )
    db["events"].create_index(["start"])
    db["events"].create_index(["year"])
    db["event_actors"].create_index(["actor_id"])
    db["events"].enable_fts(["text"])
    db["plain"].insert({"id": 1, "name": "no dates here", "size": 3}, pk="id")
    return path


def make_datasette(path: Path, config: dict[str, Any] | None = None) -> Datasette:
    """Permissions and plugin settings: metadata on 0.65, config on 1.0."""
    if IS_065:
        return Datasette([str(path)], metadata=config or {})
    return Datasette([str(path)], config=config or {})


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return build_events_db(tmp_path / "news.db")


async def get(ds: Datasette, path: str, actor: dict[str, Any] | None = None) -> Any:
    cookies = {"ds_actor": ds.sign({"a": actor}, "actor")} if actor else None
    return await ds.client.get(path, cookies=cookies)


def event_texts(html: str) -> list[str]:
    return re.findall(r'<p class="event-text">(.*?)</p>', html, re.S)


def facet_counts(html: str, title: str) -> dict[str, int]:
    block = re.search(rf"<h3 id=\"facet-\d+\">{title}</h3>(.*?)</section>", html, re.S)
    assert block, f"no {title} facet"
    pairs = re.findall(
        r'<span class="facet-label">(.*?)</span>\s*<span class="facet-count">([\d,]+)[ <]',
        block.group(1),
        re.S,
    )
    return {label: int(count.replace(",", "")) for label, count in pairs}


@pytest.mark.asyncio
async def test_events_listed_in_date_order_with_true_precision(db_path: Path) -> None:
    ds = make_datasette(db_path)
    response = await get(ds, "/news/events/-/timeline")
    assert response.status_code == 200
    html = response.text
    texts = event_texts(html)
    assert texts[0] == "The occupation began"
    assert texts[1].startswith("A cease-fire")
    assert texts[2:] == [
        "A statement in Baku",
        "A tour of four countries",
        "The speech backing a ceasefire",
    ]
    assert '<time datetime="1991">1991</time>' in html
    assert '<time datetime="2020-10">October 2020</time>' in html
    assert '<time datetime="2020-W44">week of 26 October 2020</time>' in html
    assert '<time datetime="2020-11-03">3 November 2020</time>' in html
    # grouped by year, then month
    assert html.index('id="y1991"') < html.index('id="y1994"') < html.index('id="y2020"')
    assert html.index('id="m2020-10"') < html.index('id="m2020-11"')
    assert "Showing 1&ndash;5 of 5 events" in html
    assert 'type="search" name="_search"' in html


@pytest.mark.asyncio
async def test_actor_and_year_facets_count(db_path: Path) -> None:
    ds = make_datasette(db_path)
    html = (await get(ds, "/news/events/-/timeline")).text
    assert facet_counts(html, "Actor") == {
        "Armenia": 3,
        "Azerbaijan": 3,
        "Iran": 1,
        "Turkey": 1,
    }
    assert facet_counts(html, "Year") == {"1991": 1, "1994": 1, "2020": 3}


@pytest.mark.asyncio
async def test_filter_by_actor_year_search_and_range(db_path: Path) -> None:
    ds = make_datasette(db_path)
    cases = {
        "actors__arraycontains=Armenia": 3,
        "actors__arraycontains=Armenia&actors__arraycontains=Turkey": 1,
        "year=1991": 1,
        "year=2020&actors__arraycontains=Azerbaijan": 2,
        "_search=ceasefire": 1,
        "start__gte=2020-10-01&start__lt=2020-11-01": 2,
        "precision=year": 2,
    }
    for query, expected in cases.items():
        html = (await get(ds, f"/news/events/-/timeline?{query}")).text
        assert len(event_texts(html)) == expected, query
        assert f"of {expected} event" in html, query
    narrowed = (await get(ds, "/news/events/-/timeline?actors__arraycontains=Turkey")).text
    assert facet_counts(narrowed, "Actor") == {"Armenia": 1, "Turkey": 1}


@pytest.mark.asyncio
async def test_actor_chip_links_filter(db_path: Path) -> None:
    ds = make_datasette(db_path)
    html = (await get(ds, "/news/events/-/timeline?year=2020")).text
    assert 'href="?year=2020&amp;actors__arraycontains=Turkey"' in html
    # the chosen filter shows as a chip that removes it
    assert 'class="chip chip-remove" href="?"' in html


@pytest.mark.asyncio
async def test_unknown_filter_column_is_a_bad_request(db_path: Path) -> None:
    ds = make_datasette(db_path)
    response = await get(ds, "/news/events/-/timeline?nosuchcolumn=1")
    assert response.status_code == 400
    response = await get(ds, "/news/events/-/timeline?year__nosuchlookup=1")
    assert response.status_code == 400


@pytest.mark.asyncio
async def test_hostile_text_is_escaped(db_path: Path) -> None:
    ds = make_datasette(db_path)
    html = (await get(ds, "/news/events/-/timeline")).text
    assert HOSTILE_TEXT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    # a javascript: source never becomes a link
    assert "javascript:" not in html
    assert 'href="https://example.org/first"' in html


@pytest.mark.asyncio
async def test_table_without_dates_has_no_timeline(db_path: Path) -> None:
    ds = make_datasette(db_path)
    assert (await get(ds, "/news/plain/-/timeline")).status_code == 404
    assert (await get(ds, "/news/missing/-/timeline")).status_code == 404
    table_page = (await get(ds, "/news/plain")).text
    assert "/-/timeline" not in table_page


@pytest.mark.asyncio
async def test_timeline_link_hooks_only_where_dates(db_path: Path) -> None:
    from datasette_timeline.web import hooks

    ds = make_datasette(db_path)
    await ds.invoke_startup()
    request = Request.fake("/news/events?year=1991&_sort=text&_next=5")
    actions = await hooks.table_actions(ds, "news", "events", request)
    assert [a["href"] for a in actions] == ["/news/events/-/timeline?year=1991"]
    assert "/news/events/-/timeline?year=1991" in await hooks.top_table(
        ds, "news", "events", request
    )
    assert await hooks.table_actions(ds, "news", "plain", request) == []
    assert await hooks.top_table(ds, "news", "plain", request) == ""


@pytest.mark.asyncio
async def test_table_page_links_to_timeline_with_its_filters(db_path: Path) -> None:
    ds = make_datasette(db_path)
    response = await get(ds, "/news/events?year=1991&_sort=text")
    if response.status_code == 500 and (await get(ds, "/news/documents")).status_code == 500:
        pytest.skip("every table page fails here: another installed plugin breaks its hooks")
    assert response.status_code == 200
    assert 'href="/news/events/-/timeline?year=1991"' in response.text


PRIVATE_TABLE = {"databases": {"news": {"tables": {"events": {"allow": {"id": "root"}}}}}}
PRIVATE_DATABASE = {"databases": {"news": {"allow": {"id": "root"}}}}


@pytest.mark.asyncio
@pytest.mark.parametrize("config", [PRIVATE_TABLE, PRIVATE_DATABASE], ids=["table", "database"])
async def test_private_table_is_forbidden_like_the_table_page(db_path: Path, config: Any) -> None:
    ds = make_datasette(db_path, config)
    assert (await get(ds, "/news/events")).status_code == 403
    for path in (
        "/news/events/-/timeline",
        "/news/events/-/timeline.json",
        "/news/events/-/timeline.ics",
        "/news/events/-/timeline.timelinejs.json",
    ):
        assert (await get(ds, path)).status_code == 403, path
        assert (await get(ds, path, actor={"id": "root"})).status_code == 200, path
    # a missing table in a private database does not reveal that it is missing
    if config is PRIVATE_DATABASE:
        assert (await get(ds, "/news/missing/-/timeline")).status_code == 403


def test_javascript_stays_small_and_never_uses_inner_html() -> None:
    import gzip

    static = Path(__file__).resolve().parents[1] / "datasette_timeline" / "web" / "static"
    scripts = list(static.glob("*.js"))
    assert scripts
    assert sum(len(gzip.compress(p.read_bytes())) for p in scripts) <= 100 * 1024
    for script in scripts:
        source = script.read_text()
        assert "innerHTML" not in source
        assert "new Date(" not in source
