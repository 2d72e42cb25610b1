"""Issue 5 through Datasette's test client: detection, overrides, facets, paging, exports,
hostile text in every field, and the real extract pipeline feeding the page."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import sqlite_utils
from datasette.app import Datasette

from .test_web import EVENTS, build_events_db, event_texts, facet_counts, get, make_datasette

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = '<b id="x">"&\'</b>'


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return build_events_db(tmp_path / "news.db")


def add_generic_tables(path: Path) -> None:
    db = sqlite_utils.Database(path)
    db["posts"].insert_all(
        [
            {"id": 1, "title": "Later post", "created_at": "2021-03-04T10:15:00"},
            {"id": 2, "title": "Earlier post", "created_at": "2019-12-31T23:30:00"},
        ],
        pk="id",
    )
    # A bare four-digit code is not a date unless the column's name says so.
    db["codes"].insert_all([{"id": 1, "code": "1991"}, {"id": 2, "code": "2020"}], pk="id")
    db["misnamed"].insert_all([{"id": 1, "published": "yesterday"}], pk="id")
    db["happenings"].insert_all(
        [
            {
                "id": "a",
                "happened": "2001-05-06",
                "finished": "2001-05-09",
                "headline_text": "Festival",
                "who": json.dumps(["Ann", "Bo"]),
                "url": "https://example.org/a",
                "started": "1900-01-01",
            },
            {
                "id": "b",
                "happened": "1999-01-01",
                "finished": "1999-01-01",
                "headline_text": "Launch",
                "who": json.dumps(["Bo"]),
                "url": "javascript:alert(1)",
                "started": "1800-01-01",
            },
        ],
        pk="id",
    )


HAPPENINGS_CONFIG = {
    "databases": {
        "news": {
            "tables": {
                "happenings": {
                    "plugins": {
                        "datasette-timeline": {
                            "date_column": "happened",
                            "end_column": "finished",
                            "label_column": "headline_text",
                            "group_column": "who",
                            "link_column": "url",
                        }
                    }
                },
                "codes": {"plugins": {"datasette-timeline": {"date_column": "nosuchcolumn"}}},
            }
        }
    }
}


@pytest.mark.asyncio
async def test_detects_iso_datetimes_in_any_table(db_path: Path) -> None:
    add_generic_tables(db_path)
    ds = make_datasette(db_path)
    html = (await get(ds, "/news/posts/-/timeline")).text
    assert event_texts(html) == ["Earlier post", "Later post"]
    assert '<time datetime="2019-12-31T23:30:00">31 December 2019, 23:30</time>' in html
    assert 'type="search"' not in html  # no full-text index on posts
    for table in ("codes", "misnamed"):
        assert (await get(ds, f"/news/{table}/-/timeline")).status_code == 404, table


@pytest.mark.asyncio
async def test_columns_named_like_newer_sql_keywords_are_quoted(db_path: Path) -> None:
    """`returning` and `nothing` became SQLite keywords after Datasette's list of them: a
    table with such columns has a timeline, its exports and its facets all the same."""
    sqlite_utils.Database(db_path)["replies"].insert_all(
        [
            {"id": 1, "returning": "2021-03-04", "nothing": "Later reply"},
            {"id": 2, "returning": "2019-12-31", "nothing": "Earlier reply"},
        ],
        pk="id",
    )
    config = {
        "databases": {
            "news": {
                "tables": {
                    "replies": {
                        "plugins": {
                            "datasette-timeline": {
                                "date_column": "returning",
                                "label_column": "nothing",
                                "group_column": "nothing",
                            }
                        }
                    }
                }
            }
        }
    }
    ds = make_datasette(db_path, config)
    page = await get(ds, "/news/replies/-/timeline")
    assert page.status_code == 200, page.text
    assert event_texts(page.text) == ["Earlier reply", "Later reply"]
    exported = await get(ds, "/news/replies/-/timeline.json")
    assert exported.status_code == 200, exported.text
    assert "Later reply" in exported.text
    chosen = await get(ds, "/news/replies/-/timeline?_sort_desc=returning")
    assert event_texts(chosen.text) == ["Later reply", "Earlier reply"]


@pytest.mark.asyncio
async def test_configured_columns_override_detection(db_path: Path) -> None:
    add_generic_tables(db_path)
    ds = make_datasette(db_path, HAPPENINGS_CONFIG)
    html = (await get(ds, "/news/happenings/-/timeline")).text
    # `started` would be detected first by name; the configuration says `happened`.
    assert event_texts(html) == ["Launch", "Festival"]
    assert facet_counts(html, "Actor") == {"Bo": 2, "Ann": 1}
    assert 'href="?who__arraycontains=Ann"' in html
    assert 'href="https://example.org/a"' in html
    assert "javascript:" not in html
    narrowed = (await get(ds, "/news/happenings/-/timeline?who__arraycontains=Ann")).text
    assert event_texts(narrowed) == ["Festival"]
    exported = (await get(ds, "/news/happenings/-/timeline.json")).json()
    assert [e["end"] for e in exported["rows"]] == ["1999-01-01", "2001-05-09"]


@pytest.mark.asyncio
async def test_configuration_naming_a_missing_column_is_refused(db_path: Path) -> None:
    add_generic_tables(db_path)
    ds = make_datasette(db_path, HAPPENINGS_CONFIG)
    assert (await get(ds, "/news/codes/-/timeline")).status_code == 400
    from datasette.utils.asgi import Request

    from datasette_timeline.web import hooks

    await ds.invoke_startup()
    assert await hooks.table_actions(ds, "news", "codes", Request.fake("/news/codes")) == []


@pytest.mark.asyncio
async def test_type_place_and_source_facets(tmp_path: Path) -> None:
    path = build_events_db(tmp_path / "news.db")
    db = sqlite_utils.Database(path)
    db["events"].add_column("event_type", str)
    db["events"].add_column("places", str)
    for event_id, kind, places in [
        ("e1", "conflict", ["Karabakh"]),
        ("e2", "agreement", []),
        ("e3", "statement", ["Baku"]),
        ("e4", "visit", ["Baku", "Moscow"]),
        ("e5", "statement", ["Tehran"]),
    ]:
        db["events"].update(event_id, {"event_type": kind, "places": json.dumps(places)})
    ds = make_datasette(path)
    html = (await get(ds, "/news/events/-/timeline")).text
    assert facet_counts(html, "Type") == {"statement": 2, "agreement": 1, "conflict": 1, "visit": 1}
    assert facet_counts(html, "Place") == {"Baku": 2, "Karabakh": 1, "Moscow": 1, "Tehran": 1}
    assert facet_counts(html, "Source") == {
        "First article": 3,
        "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;": 2,
    }
    baku = (await get(ds, "/news/events/-/timeline?places__arraycontains=Baku")).text
    assert len(event_texts(baku)) == 2
    statements = (await get(ds, "/news/events/-/timeline?event_type=statement&document_id=d1")).text
    assert len(event_texts(statements)) == 2


@pytest.mark.asyncio
async def test_pages_cover_every_event_once_in_order(db_path: Path) -> None:
    ds = make_datasette(db_path)
    path = "/news/events/-/timeline?_size=2"
    seen: list[str] = []
    shown: list[str] = []
    while path:
        html = (await get(ds, path)).text
        seen.extend(event_texts(html))
        shown.append(re.search(r"Showing ([\d,]+&ndash;[\d,]+) of 5", html).group(1))  # type: ignore[union-attr]
        match = re.search(r'<a href="([^"]+)" rel="next">', html)
        path = "/news/events/-/timeline" + match.group(1).replace("&amp;", "&") if match else ""
    assert shown == ["1&ndash;2", "3&ndash;4", "5&ndash;5"]
    expected = [e[6] for e in sorted(EVENTS, key=lambda e: (e[4], e[0]))]
    assert [t.replace("&lt;", "<").replace("&gt;", ">") for t in seen] == expected
    assert (await get(ds, "/news/events/-/timeline?_next=notatoken")).status_code == 400


@pytest.mark.asyncio
async def test_rows_without_dates_are_left_out(db_path: Path) -> None:
    db = sqlite_utils.Database(db_path)
    db["events"].insert(
        {
            "id": "e9",
            "document_id": "d1",
            "text": "Unresolved last week",
            "actors": "[]",
            "start": None,
        }
    )
    ds = make_datasette(db_path)
    html = (await get(ds, "/news/events/-/timeline")).text
    assert "Unresolved last week" not in html
    assert "of 5 events" in html
    assert facet_counts(html, "Actor")["Armenia"] == 3


@pytest.mark.asyncio
async def test_json_export_follows_filters(db_path: Path) -> None:
    ds = make_datasette(db_path)
    data = (await get(ds, "/news/events/-/timeline.json?actors__arraycontains=Armenia")).json()
    assert data["count"] == 3
    assert [e["date"] for e in data["rows"]] == ["1991", "2020-W44", "2020-11-03"]
    assert data["rows"][1]["display_date"] == "week of 26 October 2020"
    assert data["rows"][1]["start"] == "2020-10-26"
    assert data["rows"][1]["end"] == "2020-11-01"
    assert data["filters"] == 'where actors contains "Armenia"'
    paged = (await get(ds, "/news/events/-/timeline.json?_size=2")).json()
    assert len(paged["rows"]) == 2 and paged["next_url"].startswith(
        "http://localhost/news/events/-/timeline.json?"
    )


@pytest.mark.asyncio
async def test_timelinejs_export_escapes_and_keeps_precision(db_path: Path) -> None:
    ds = make_datasette(db_path)
    data = (await get(ds, "/news/events/-/timeline.timelinejs.json")).json()
    slides = data["events"]
    assert data["title"]["text"]["headline"] == "events timeline"
    assert slides[0]["start_date"] == {"year": 1991, "display_date": "1991"}
    # Headlines say who and what, not only when.
    assert slides[0]["text"]["headline"] == "Armenia, Azerbaijan: The occupation began"
    assert slides[0]["end_date"]["year"] == 1991
    week = next(s for s in slides if s["start_date"]["display_date"].startswith("week"))
    assert week["start_date"] == {
        "year": 2020,
        "month": 10,
        "day": 26,
        "display_date": "week of 26 October 2020",
    }
    hostile = slides[1]["text"]["text"]
    assert "<script>" not in hostile and "&lt;script&gt;" in hostile


@pytest.mark.asyncio
async def test_icalendar_export_has_all_day_events(db_path: Path) -> None:
    ds = make_datasette(db_path)
    response = await get(ds, "/news/events/-/timeline.ics?year=2020")
    assert response.headers["content-type"].startswith("text/calendar")
    body = response.text
    assert body.count("BEGIN:VEVENT") == 3
    assert "DTSTART;VALUE=DATE:20201026\r\nDTEND;VALUE=DATE:20201102" in body
    assert "DTSTART;VALUE=DATE:20201103\r\nDTEND;VALUE=DATE:20201104" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


@pytest.mark.asyncio
async def test_hostile_values_escaped_in_every_field(tmp_path: Path) -> None:
    events = [("h1", "d1", "2020-01-02", "day", "2020-01-02", "2020-01-02", HOSTILE, [HOSTILE])]
    path = build_events_db(tmp_path / "news.db", events)
    db = sqlite_utils.Database(path)
    db["events"].add_column("event_type", str)
    db["events"].add_column("places", str)
    db["events"].update("h1", {"event_type": HOSTILE, "places": json.dumps([HOSTILE])})
    ds = make_datasette(path)
    search = "</title><script>alert(1)</script>"
    html = (await get(ds, "/news/events/-/timeline?_search=" + quote(search))).text
    assert "<script>alert" not in html
    html = (await get(ds, "/news/events/-/timeline?actors__arraycontains=" + quote(HOSTILE))).text
    assert '<b id="x">' not in html
    assert html.count("&lt;b id=&#34;x&#34;&gt;") >= 6  # text, actor, place, type, facets, chip
    assert "<script" not in html.split("</head>")[1]


@pytest.mark.asyncio
async def test_metadata_json_configures_the_demo_on_this_line(tmp_path: Path) -> None:
    metadata = json.loads((ROOT / "metadata.json").read_text())
    path = build_events_db(tmp_path / "demo.db")
    ds = Datasette([str(path)], metadata=metadata)
    await ds.invoke_startup()
    config = ds.plugin_config("datasette-timeline", database="demo", table="events")
    assert config and config["date_column"] == "start"
    response = await ds.client.get("/demo/events/-/timeline")
    assert response.status_code == 200
    assert "datasette-timeline demo" in (await ds.client.get("/")).text
    # the default facets it sets work on the table page of this Datasette line
    table_page = await ds.client.get(
        "/demo/events.json?_shape=objects&_size=0&_extra=facet_results"
    )
    assert table_page.status_code == 200
    facet_results = table_page.json()["facet_results"]
    facet_results = facet_results.get("results", facet_results)  # 1.0 nests them
    assert {"year", "precision", "actors"} <= set(facet_results)


@pytest.mark.asyncio
async def test_timeline_of_an_extracted_article(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from datasette_timeline.cli import cli

    db_path = tmp_path / "demo.db"
    result = CliRunner().invoke(
        cli, ["extract", str(db_path), str(ROOT / "examples" / "karabakh-2020-11-03.txt")]
    )
    assert result.exit_code == 0, result.output
    ds = Datasette([str(db_path)])
    html = (await get(ds, "/demo/events/-/timeline")).text
    dates = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', html)
    assert dates == [
        ("1991", "1991"),
        ("1994", "1994"),
        ("2020-10", "October 2020"),
        ("2020-W44", "week of 26 October 2020"),
        ("2020-11-03", "3 November 2020"),
    ]
    # every event links to its mentions (source sentences) when the table has them
    assert html.count('href="/demo/mentions?event_id=') == len(dates)
    armenia = (await get(ds, "/demo/events/-/timeline?actors__arraycontains=Armenia")).text
    assert 0 < len(event_texts(armenia)) < 5
    assert facet_counts(html, "Actor")["Armenia"] == len(event_texts(armenia))


@pytest.mark.asyncio
async def test_remembered_counts_follow_writes_to_the_database(db_path: Path) -> None:
    ds = make_datasette(db_path)
    before = (await get(ds, "/news/events/-/timeline")).text
    assert "of 5 events" in before
    sqlite_utils.Database(db_path)["events"].insert(
        {
            "id": "e6",
            "document_id": "d1",
            "date": "2021",
            "precision": "year",
            "start": "2021-01-01",
            "end": "2021-12-31",
            "year": 2021,
            "text": "A later event",
            "actors": "[]",
        }
    )
    after = (await get(ds, "/news/events/-/timeline")).text
    assert "of 6 events" in after
    assert facet_counts(after, "Year")["2021"] == 1


@pytest.mark.asyncio
async def test_timed_out_aggregates_finish_in_the_background(db_path: Path) -> None:
    from datasette_timeline.web import cache

    ds = make_datasette(db_path)
    db = ds.get_database("news")
    calls: list[int] = []

    async def compute() -> int:
        calls.append(1)
        return 42

    async def unexpected() -> int:
        raise AssertionError("should have been remembered")

    cache.finish_later(db, ("background-test",), compute, keep=lambda value: True)
    cache.finish_later(db, ("background-test",), compute, keep=lambda value: True)
    await cache.settled()
    assert calls == [1]  # scheduled once
    assert await cache.remembered(db, ("background-test",), unexpected, lambda v: True) == 42


@pytest.mark.asyncio
async def test_merged_duplicates_show_once(db_path: Path) -> None:
    db = sqlite_utils.Database(db_path)
    db["events"].add_column("merged_into", str)
    db["events"].insert(
        {
            "id": "e3b",
            "document_id": "d2",
            "date": "2020-10",
            "precision": "month",
            "start": "2020-10-01",
            "end": "2020-10-31",
            "year": 2020,
            "text": "The same statement, reported again",
            "actors": '["Azerbaijan"]',
            "merged_into": "e3",
        }
    )
    ds = make_datasette(db_path)
    html = (await get(ds, "/news/events/-/timeline")).text
    assert "reported again" not in html and "of 5 events" in html
    assert facet_counts(html, "Year")["2020"] == 3
    shown = (await get(ds, "/news/events/-/timeline?merged_into=e3")).text
    assert event_texts(shown) == ["The same statement, reported again"]


def lane_counts_in(html: str) -> dict[str, int]:
    """Events per lane in the wide drawing (the narrow one repeats them at a coarser scale)."""
    wide = html.split('class="axis axis-wide"', 1)[1].split('class="axis axis-narrow"', 1)[0]
    lanes_html = wide.split('class="lanes"', 1)[1] if 'class="lanes"' in wide else ""
    lanes = re.findall(r'aria-label="([^",]+), [^:]+: (\d+) events?"', lanes_html)
    totals: dict[str, int] = {}
    for name, count in lanes:
        totals[name] = totals.get(name, 0) + int(count)
    return totals


@pytest.mark.asyncio
@pytest.mark.parametrize("through", [True, False], ids=["link-table", "json-array"])
async def test_lanes_by_actor_count_like_the_facet(tmp_path: Path, through: bool) -> None:
    path = build_events_db(tmp_path / "news.db")
    if not through:
        sqlite_utils.Database(path)["event_actors"].drop()
    ds = make_datasette(path)
    plain = (await get(ds, "/news/events/-/timeline")).text
    assert "Lanes by actor" in plain and 'class="lanes"' not in plain
    html = (await get(ds, "/news/events/-/timeline?_lanes=1")).text
    assert lane_counts_in(html) == facet_counts(html, "Actor")
    assert "Hide lanes" in html
    narrowed = (await get(ds, "/news/events/-/timeline?_lanes=1&year=2020")).text
    assert lane_counts_in(narrowed) == facet_counts(narrowed, "Actor")


@pytest.mark.asyncio
async def test_exports_carry_the_whole_filtered_view(tmp_path: Path) -> None:
    days = [f"2020-01-{d:02d}" for d in range(1, 29)] * 3
    events = [
        (f"x{i:03d}", "d1", day, "day", day, day, f"Event {i}", ["Armenia"])
        for i, day in enumerate(days)
    ]
    ds = make_datasette(build_events_db(tmp_path / "news.db", events))
    page = (await get(ds, "/news/events/-/timeline")).text
    assert len(event_texts(page)) == 50 and "of 84 events" in page
    calendar = (await get(ds, "/news/events/-/timeline.ics")).text
    assert calendar.count("BEGIN:VEVENT") == 84
    timelinejs = (await get(ds, "/news/events/-/timeline.timelinejs.json")).json()
    assert len(timelinejs["events"]) == 84
    # JSON comes in pages, as on the page, each with the absolute URL of the next.
    data = (await get(ds, "/news/events/-/timeline.json")).json()
    assert len(data["rows"]) == 50 and data["next_url"].startswith("http")
    rest = (await get(ds, data["next_url"].split("localhost", 1)[1])).json()
    assert len(rest["rows"]) == 34 and rest["next_url"] is None
    assert len({row["id"] for row in data["rows"] + rest["rows"]}) == 84


@pytest.mark.asyncio
async def test_actor_filter_pages_in_date_order(db_path: Path) -> None:
    # Armenia is linked to most rows here, so the page walks the date index.
    ds = make_datasette(db_path)
    path = "/news/events/-/timeline?actors__arraycontains=Armenia&_size=1"
    seen: list[str] = []
    while path:
        html = (await get(ds, path)).text
        seen.extend(event_texts(html))
        match = re.search(r'<a href="([^"]+)" rel="next">', html)
        path = "/news/events/-/timeline" + match.group(1).replace("&amp;", "&") if match else ""
    expected = [e[6] for e in sorted(EVENTS, key=lambda e: (e[4], e[0])) if "Armenia" in e[7]]
    assert seen == expected


@pytest.mark.asyncio
async def test_year_filter_lists_and_counts_that_year(db_path: Path) -> None:
    ds = make_datasette(db_path)
    html = (await get(ds, "/news/events/-/timeline?year=2020")).text
    assert facet_counts(html, "Year") == {"2020": 3}
    assert "year = 2020" in html  # described as the table page describes it
    assert len(event_texts(html)) == 3
    assert event_texts((await get(ds, "/news/events/-/timeline?year=1990")).text) == []


@pytest.mark.asyncio
async def test_datasette_where_and_through_filters_compose(db_path: Path) -> None:
    ds = make_datasette(db_path)
    html = (await get(ds, "/news/events/-/timeline?" + "_where=" + quote("year > 2000"))).text
    assert len(event_texts(html)) == 3
    through = quote(json.dumps({"table": "event_actors", "column": "actor_id", "value": "4"}))
    html = (await get(ds, f"/news/events/-/timeline?_through={through}&year=2020")).text
    names = sorted({e[7][i] for e in EVENTS for i in range(len(e[7]))})
    fourth = names[3]
    expected = [e for e in EVENTS if fourth in e[7] and e[4].startswith("2020")]
    assert len(event_texts(html)) == len(expected) > 0


@pytest.mark.asyncio
def counting_config(value: object) -> dict[str, Any]:
    plugin = {"datasette-timeline": {"count_facets_up_to": value}}
    return {"databases": {"news": {"tables": {"events": {"plugins": plugin}}}}}


@pytest.mark.asyncio
async def test_large_selections_count_facets_after_the_page(db_path: Path) -> None:
    from datasette_timeline.web import cache

    cache.clear()
    # Every selection over one event counts as large: the page comes before the actor counts.
    ds = make_datasette(db_path, counting_config(1))
    first = (await get(ds, "/news/events/-/timeline?year=2020")).text
    assert facet_counts(first, "Actor") == {}
    assert "Show actor counts" in first
    assert 'data-counts-url="?year=2020&amp;_counts=all"' in first
    # The year facet is the overview's own counts: never deferred.
    assert facet_counts(first, "Year") == {"2020": 3}
    # Without JavaScript the link waits for the counts; they match a page counted inline.
    counted = (await get(ds, "/news/events/-/timeline?year=2020&_counts=all")).text
    in_2020 = [e for e in EVENTS if e[4].startswith("2020")]
    assert facet_counts(counted, "Actor") == {
        name: sum(name in e[7] for e in in_2020) for e in in_2020 for name in e[7]
    }
    assert "_counts=all" not in counted.split('class="timeline-facets"')[1].split("</section>")[0]
    # Counted after the first response: the next visit has them without asking.
    await cache.settled()
    again = (await get(ds, "/news/events/-/timeline?year=2020")).text
    assert facet_counts(again, "Actor") == facet_counts(counted, "Actor")
    assert "data-counts-url" not in again


@pytest.mark.asyncio
async def test_facet_counting_setting_is_checked(db_path: Path) -> None:
    ds = make_datasette(db_path, counting_config("many"))
    response = await get(ds, "/news/events/-/timeline")
    assert response.status_code == 400
    assert "count_facets_up_to" in response.text


@pytest.mark.asyncio
async def test_a_request_waits_for_the_same_aggregate_running_in_the_background(
    db_path: Path,
) -> None:
    import asyncio

    from datasette_timeline.web import cache

    ds = make_datasette(db_path)
    db = ds.get_database("news")
    calls: list[int] = []
    release = asyncio.Event()

    async def slow() -> int:
        calls.append(1)
        await release.wait()
        return 7

    cache.finish_later(db, ("shared-work",), slow, keep=lambda value: True)
    cache.start_queued()
    await asyncio.sleep(0)
    waiting = asyncio.ensure_future(cache.remembered(db, ("shared-work",), slow, lambda v: True))
    await asyncio.sleep(0)
    release.set()
    assert await waiting == 7
    assert calls == [1]


@pytest.mark.asyncio
async def test_events_of_one_day_follow_their_times_across_pages(tmp_path: Path) -> None:
    same_day = [
        ("a", "d1", "2020-11-03T16:00", "minute", "2020-11-03", "2020-11-03", "At four", []),
        ("b", "d1", "2020-11-03T09:30", "minute", "2020-11-03", "2020-11-03", "At half nine", []),
        ("c", "d1", "2020-11-03", "day", "2020-11-03", "2020-11-03", "That day", []),
        ("d", "d1", "2020-11-03T12:00", "minute", "2020-11-03", "2020-11-03", "At noon", []),
        ("e", "d1", "2020-11-02", "day", "2020-11-02", "2020-11-02", "The day before", ["Ann"]),
    ]
    ds = make_datasette(build_events_db(tmp_path / "news.db", same_day))
    expected = [e[6] for e in sorted(same_day, key=lambda e: (e[4], e[2], e[0]))]
    assert event_texts((await get(ds, "/news/events/-/timeline")).text) == expected
    seen: list[str] = []
    path = "/news/events/-/timeline?_size=1"
    while path:
        html = (await get(ds, path)).text
        seen.extend(event_texts(html))
        match = re.search(r'<a href="([^"]+)" rel="next">', html)
        path = "/news/events/-/timeline" + match.group(1).replace("&amp;", "&") if match else ""
    assert seen == expected
