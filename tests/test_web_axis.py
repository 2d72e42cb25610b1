"""The timeline shows time honestly and loses nothing: the axis, rows without a usable date,
dates before year 1, vague dates, tables of one's own, and exports that hold every event and
parse in their real clients (the icalendar package here; TimelineJS in the browser tests)."""

from __future__ import annotations

import html as html_lib
import json
import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import sqlite_utils

from .test_web import build_events_db, event_texts, facet_counts, get, make_datasette

# (id, document, value, precision, start, end, text, actors): news, long histories, years
# before 1 AD and vague dates, as a database of real articles has them.
HISTORY: list[Any] = [
    ("h01", "d1", "BC0753", "year", "-0752-01-01", "-0752-12-31", "Rome founded", ["Rome"]),
    ("h02", "d1", "BC0044-03-15", "day", "-0043-03-15", "-0043-03-15", "Caesar killed", ["Rome"]),
    ("h03", "d1", "1453-05-29", "day", "1453-05-29", "1453-05-29", "City taken", ["Rome"]),
    ("h04", "d1", "19", "century", "1900-01-01", "1999-12-31", "A century of wars", ["Rome"]),
    ("h05", "d2", "1918", "year", "1918-01-01", "1918-12-31", "Both claim it", ["Armenia"]),
    ("h06", "d2", "1918-05-28", "day", "1918-05-28", "1918-05-28", "Republic", ["Armenia"]),
    ("h07", "d2", "1918-11", "month", "1918-11-01", "1918-11-30", "Armistice", ["Armenia"]),
    ("h08", "d2", "2013-02-14", "day", "2013-02-14", "2013-02-14", "Talks", ["Armenia"]),
    ("h09", "d2", "2020-11-03", "day", "2020-11-03", "2020-11-03", "Ceasefire", ["Armenia"]),
]


@pytest.fixture
def history_db(tmp_path: Path) -> Path:
    return build_events_db(tmp_path / "news.db", HISTORY)


def bars(html: str, which: str = "wide") -> list[dict[str, Any]]:
    """The overview's bars of one drawing: position, width, days and count."""
    part = html.split(f'class="axis axis-{which}"', 1)[1].split('class="overview-bands"', 1)[0]
    part = part.split('class="overview-ticks"', 1)[0]
    found = re.findall(
        r'style="left: ([\d.]+)%; width: ([\d.]+)%">\s*<a href="[^"]*" data-first="([^"]+)" '
        r'data-stop="([^"]+)" data-count="(\d+)"',
        part,
    )
    return [
        {"left": float(a), "width": float(b), "first": c, "stop": d, "count": int(e)}
        for a, b, c, d, e in found
    ]


def bands(html: str, which: str = "wide") -> list[str]:
    part = html.split(f'class="axis axis-{which}"', 1)[1].split('class="overview-ticks"', 1)[0]
    if 'class="overview-bands"' not in part:
        return []
    listed = part.split('class="overview-bands"', 1)[1]
    return [
        html_lib.unescape(label)
        for label in re.findall(r'<a href="[^"]*" aria-label="([^"]+)"', listed)
    ]


def day_number(iso: str) -> int:
    from datasette_timeline.web.timeaxis import parse_day

    day = parse_day(iso)
    assert day is not None
    return day.number


@pytest.mark.asyncio
async def test_bars_are_placed_in_proportion_to_time_with_bc_on_the_axis(history_db: Path) -> None:
    ds = make_datasette(history_db)
    page = (await get(ds, "/news/events/-/timeline")).text
    drawn = bars(page)
    # Every event is on the axis: 9 events, none before year 1 left out.
    assert sum(bar["count"] for bar in drawn) + len(bands(page)) >= 8
    assert "753 BC" in page and "Rome founded" in page
    axis_first = day_number(drawn[0]["first"])
    axis_stop = max(day_number(bar["stop"]) for bar in drawn)
    span = axis_stop - axis_first
    for bar in drawn:
        expected_left = 100 * (day_number(bar["first"]) - axis_first) / span
        assert abs(bar["left"] - expected_left) < 0.5
    # Years before 1 AD come first, in time order (753 BC before 44 BC).
    assert drawn[0]["first"].startswith("-")
    lefts = [bar["left"] for bar in drawn]
    assert lefts == sorted(lefts) and lefts[-1] > 90


@pytest.mark.asyncio
async def test_vague_dates_are_bands_over_their_span_not_the_first_bar(history_db: Path) -> None:
    ds = make_datasette(history_db)
    page = (
        await get(ds, "/news/events/-/timeline?start__gte=1918-01-01&start__lt=1919-01-01")
    ).text
    drawn = bars(page)
    # The year-only event is drawn across the whole year, not in January's bar.
    january = [bar for bar in drawn if bar["first"].startswith("1918-01")]
    assert all(bar["count"] == 0 for bar in january) or not january
    labels = bands(page)
    # A year and a month in a view of weeks: each a band over its own span.
    assert [label.split(",")[0] for label in labels] == ["1918", "November 1918"]
    assert all(label.endswith(": 1 event") for label in labels)
    assert [bar["count"] for bar in drawn] == [1] and drawn[0]["first"] == "1918-05-27"


@pytest.mark.asyncio
async def test_earlier_and_later_move_by_calendar_units(history_db: Path) -> None:
    ds = make_datasette(history_db)
    page = (
        await get(ds, "/news/events/-/timeline?start__gte=2013-02-01&start__lt=2013-03-01")
    ).text
    assert 'href="?start__gte=2013-01-01&amp;start__lt=2013-02-01" data-zoom="earlier"' in page
    assert 'href="?start__gte=2013-03-01&amp;start__lt=2013-04-01" data-zoom="later"' in page
    assert "February 2013" in page
    year = (
        await get(ds, "/news/events/-/timeline?start__gte=1944-01-01&start__lt=1945-01-01")
    ).text
    assert 'href="?start__gte=1943-01-01&amp;start__lt=1944-01-01" data-zoom="earlier"' in year


@pytest.mark.asyncio
async def test_zoom_in_goes_to_where_the_events_are(tmp_path: Path) -> None:
    # One event in 1400, twenty in 2000-2020: the middle third (1600s-1800s) is empty.
    events: list[Any] = [("old", "d1", "1400", "year", "1400-01-01", "1400-12-31", "Old", ["X"])]
    events += [
        (
            f"n{i}",
            "d1",
            f"{2000 + i}",
            "year",
            f"{2000 + i}-01-01",
            f"{2000 + i}-12-31",
            "New",
            ["X"],
        )
        for i in range(20)
    ]
    ds = make_datasette(build_events_db(tmp_path / "news.db", events))
    page = (await get(ds, "/news/events/-/timeline")).text
    zoom = re.search(r'href="\?start__gte=([^&]+)&amp;start__lt=([^"]+)" data-zoom="in"', page)
    assert zoom is not None
    assert zoom.group(1) <= "2000-01-01" and zoom.group(2) >= "2020-01-01"


async def every_page(ds: Any, path: str) -> list[dict[str, Any]]:
    """All rows of a JSON export, following next_url to the end."""
    rows: list[dict[str, Any]] = []
    url: str | None = path
    while url:
        data = (await get(ds, url)).json()
        rows += data["rows"]
        next_url = data["next_url"]
        url = urlsplit(next_url).path + "?" + urlsplit(next_url).query if next_url else None
    return rows


@pytest.mark.asyncio
async def test_every_row_is_counted_on_the_pages_or_as_without_a_usable_date(
    history_db: Path,
) -> None:
    db = sqlite_utils.Database(history_db)
    db["events"].insert_all(
        [
            {"id": "u1", "document_id": "d1", "date": "PRESENT_REF", "start": None, "text": "Now"},
            {"id": "u2", "document_id": "d1", "date": "XXXX", "start": "", "text": "Someday"},
        ]
    )
    ds = make_datasette(history_db)
    with sqlite3.connect(history_db) as conn:
        all_rows = conn.execute("select count(*) from events").fetchone()[0]
        dated = conn.execute("select count(*) from events where start != ''").fetchone()[0]
    listed = await every_page(ds, "/news/events/-/timeline.json?_size=2")
    assert len(listed) == dated == len({row["id"] for row in listed})
    page = (await get(ds, "/news/events/-/timeline")).text
    match = re.search(
        r'<a href="([^"]+)" class="undated-link">(\d+) rows without a usable date', page
    )
    assert match is not None
    assert len(listed) + int(match.group(2)) == all_rows
    undated = (await get(ds, "/news/events/-/timeline" + html_lib.unescape(match.group(1)))).text
    assert sorted(event_texts(undated)) == ["Now", "Someday"]
    undated_rows = await every_page(ds, "/news/events/-/timeline.json?_undated=1")
    assert {row["id"] for row in undated_rows} == {"u1", "u2"}


@pytest.mark.asyncio
async def test_exports_of_1500_events_hold_1500_and_parse_as_a_calendar(tmp_path: Path) -> None:
    icalendar = pytest.importorskip("icalendar")
    days = [f"{2000 + i // 365}-{(i % 12) + 1:02d}-{(i % 28) + 1:02d}" for i in range(1500)]
    events = [
        (f"e{i:04d}", "d1", day, "day", day, day, f"Event {i}, a long clause " * 8, ["Armenia"])
        for i, day in enumerate(days)
    ]
    events.append(("y1", "d1", "1991", "year", "1991-01-01", "1991-12-31", "A year", ["Armenia"]))
    ds = make_datasette(build_events_db(tmp_path / "news.db", events))
    view = "?actors__arraycontains=Armenia&start__gte=2000-01-01"
    body = (await get(ds, "/news/events/-/timeline.ics" + view)).text
    calendar = icalendar.Calendar.from_ical(body)
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == 1500
    uids = {str(event["UID"]) for event in vevents}
    assert len(uids) == 1500 and "e0000@events.news.datasette-timeline" in uids
    first = next(e for e in vevents if str(e["UID"]).startswith("e0000@"))
    assert len(str(first["SUMMARY"])) <= 80
    assert str(first["URL"]).startswith("http://localhost/news/events/e0000")
    assert "Event 0" in str(first["DESCRIPTION"]) and "Source: First article" in str(
        first["DESCRIPTION"]
    )
    timelinejs = (await get(ds, "/news/events/-/timeline.timelinejs.json" + view)).json()
    assert len(timelinejs["events"]) == 1500
    assert "actors contains" in timelinejs["title"]["text"]["headline"]
    # A year-long event is one day in a calendar, with its date in the title.
    whole = icalendar.Calendar.from_ical((await get(ds, "/news/events/-/timeline.ics")).text)
    year = next(e for e in whole.walk("VEVENT") if str(e["UID"]).startswith("y1@"))
    assert (year["DTEND"].dt - year["DTSTART"].dt).days == 1
    assert str(year["SUMMARY"]).startswith("1991: ")


@pytest.mark.asyncio
async def test_timelinejs_has_at_most_eight_groups(tmp_path: Path) -> None:
    events = [
        (
            f"e{i:02d}",
            "d1",
            f"2020-01-{i % 28 + 1:02d}",
            "day",
            f"2020-01-{i % 28 + 1:02d}",
            f"2020-01-{i % 28 + 1:02d}",
            f"Event {i}",
            [f"Actor {i % 20}"],
        )
        for i in range(60)
    ]
    ds = make_datasette(build_events_db(tmp_path / "news.db", events))
    slides = (await get(ds, "/news/events/-/timeline.timelinejs.json")).json()["events"]
    assert len(slides) == 60
    assert len({slide.get("group") for slide in slides}) <= 8
    none = (await get(ds, "/news/events/-/timeline.timelinejs.json?_group=none")).json()
    assert all("group" not in slide for slide in none["events"])


@pytest.mark.asyncio
async def test_json_export_in_datasette_shapes(history_db: Path) -> None:
    ds = make_datasette(history_db)
    path = "/news/events/-/timeline.json"
    objects = (await get(ds, path)).json()
    assert objects["rows"][0]["id"] == "h01" and objects["rows"][0]["start"] == "-0752-01-01"
    assert objects["rows"][0]["url"] == "http://localhost/news/events/h01"
    array = (await get(ds, path + "?_shape=array&_col=text&_col=start")).json()
    assert array[0] == {"id": "h01", "text": "Rome founded", "start": "-0752-01-01"}
    lines = (await get(ds, path + "?_shape=array&_nl=on&_col=text")).text.splitlines()
    assert len(lines) == len(HISTORY) and json.loads(lines[1]) == {
        "id": "h02",
        "text": "Caesar killed",
    }
    keyed = (await get(ds, path + "?_shape=object&_col=text")).json()
    assert keyed["h09"] == {"id": "h09", "text": "Ceasefire"}
    arrays = (await get(ds, path + "?_shape=arrays&_col=text")).json()
    assert arrays["columns"] == ["id", "text"] and arrays["rows"][0] == ["h01", "Rome founded"]
    assert (await get(ds, path + "?_shape=nonsense")).status_code == 400
    assert (await get(ds, path + "?_col=nonsense")).status_code == 400


@pytest.mark.asyncio
async def test_array_facets_count_rows_and_the_actor_filter_is_described(tmp_path: Path) -> None:
    events = [
        ("a1", "d1", "2020-01-01", "day", "2020-01-01", "2020-01-01", "Twice", ["A"]),
        ("a2", "d1", "2020-01-02", "day", "2020-01-02", "2020-01-02", "Once", ["A"]),
    ]
    path = build_events_db(tmp_path / "news.db", events)
    db = sqlite_utils.Database(path)
    db["event_actors"].drop()
    db["events"].update("a1", {"actors": '["A", "A"]'})
    ds = make_datasette(path)
    page = (await get(ds, "/news/events/-/timeline")).text
    assert facet_counts(page, "Actor") == {"A": 2}
    (tmp_path / "linked").mkdir()
    with_link_table = make_datasette(build_events_db(tmp_path / "linked" / "news.db"))
    filtered = (
        await get(with_link_table, "/news/events/-/timeline?actors__arraycontains=Armenia")
    ).text
    assert (
        '<span class="timeline-description">where actors contains &#34;Armenia&#34;</span>'
        in filtered
        or ("where actors contains &quot;Armenia&quot;" in filtered)
    )
    title = re.search(r"<title>(.*?)</title>", filtered, re.S)
    assert title is not None and "Armenia" in title.group(1)


@pytest.mark.asyncio
async def test_year_facet_keeps_the_latest_years_and_says_so(tmp_path: Path) -> None:
    events = [
        (f"y{year}", "d1", str(year), "year", f"{year}-01-01", f"{year}-12-31", f"Y{year}", ["X"])
        for year in range(1900, 1980)
    ]
    ds = make_datasette(build_events_db(tmp_path / "news.db", events))
    page = (await get(ds, "/news/events/-/timeline")).text
    years = facet_counts(page, "Year")
    assert len(years) == 60 and "1979" in years and "1900" not in years
    assert "Showing the latest 60, in order." in page


@pytest.mark.asyncio
async def test_dated_by_publication_is_shown_and_filters(history_db: Path) -> None:
    db = sqlite_utils.Database(history_db)
    db["events"].add_column("dated_by", str)
    db["events"].update("h09", {"dated_by": "publication"})
    ds = make_datasette(history_db)
    page = (await get(ds, "/news/events/-/timeline")).text
    assert 'dated by <a href="?dated_by=publication">publication</a>' in page
    assert facet_counts(page, "Dated by") == {"publication": 1}
    only = (await get(ds, "/news/events/-/timeline?dated_by=publication")).text
    assert event_texts(only) == ["Ceasefire"]


def own_table(path: Path, dates: list[Any], column: str = "happened") -> Path:
    db = sqlite_utils.Database(path)
    db["mine"].insert_all(
        [
            {
                "id": i,
                column: value,
                "title": f"Row {i}",
                "category": ["war", "law"][i % 2],
                "place": ["Rome", "Paris", "Baku"][i % 3],
            }
            for i, value in enumerate(dates)
        ],
        pk="id",
    )
    return path


@pytest.mark.asyncio
async def test_a_table_of_ones_own_with_mixed_dates_and_its_own_facets(tmp_path: Path) -> None:
    dates = ["1969-07-20", "July 20, 1969", "-0043-03-15", "1918", "1991-12", "2001-09-11", ""]
    ds = make_datasette(own_table(tmp_path / "own.db", dates))
    page = (await get(ds, "/own/mine/-/timeline")).text
    assert event_texts(page) == ["Row 2", "Row 3", "Row 0", "Row 1", "Row 4", "Row 5"]
    assert "15 March 44 BC" in page and "1 row without a usable date" in page
    assert facet_counts(page, "Category") == {"war": 3, "law": 3}
    assert facet_counts(page, "Place") == {"Rome": 2, "Paris": 2, "Baku": 2}
    data = (await get(ds, "/own/mine/-/timeline.json")).json()
    assert [row["start"] for row in data["rows"]][:4] == [
        "-0043-03-15",
        "1918-01-01",
        "1969-07-20",
        "1969-07-20",
    ]
    year = next(row for row in data["rows"] if row["date"] == "1918")
    assert year["end"] == "1918-12-31"
    ranged = (
        await get(ds, "/own/mine/-/timeline?happened__gte=-0100-01-01&happened__lt=1950-01-01")
    ).text
    assert event_texts(ranged) == ["Row 2", "Row 3"]


@pytest.mark.asyncio
async def test_when_no_column_reads_as_dates_the_page_says_why_and_how(tmp_path: Path) -> None:
    dates = ["around 1969", "the sixties", "sometime", "1969-07-20"]
    ds = make_datasette(own_table(tmp_path / "own.db", dates, column="when_it_was"))
    response = await get(ds, "/own/mine/-/timeline")
    assert response.status_code == 404
    assert "'around 1969'" in response.text and "1 of 4 sampled values" in response.text
    assert '"date_column": "when_it_was"' in response.text and '"mine"' in response.text
