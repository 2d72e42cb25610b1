"""Property tests: no query string makes the timeline fail with a server error.

Whatever a visitor types or a crawler invents, the page answers 200 (it can show that) or 400
(it says what is wrong), never 500. Dates at the edges of Python's calendar (years 1 and 9999)
and spans of thousands of years are where date arithmetic overflows, so both the data and the
generated ranges reach them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datasette_timeline.web.dates import LAST_DAY, add_days, period_for
from datasette_timeline.web.present import fill_gaps, narrowed, shifted, widened

from .test_web import EVENTS, build_events_db, make_datasette

# Events at both ends of the calendar, beside the ordinary ones.
EDGE_EVENTS: list[Any] = [
    *EVENTS,
    ("first", "d1", "0001-01-01", "day", "0001-01-01", "0001-01-01", "First day", ["Rome"]),
    ("ancient", "d1", "0678", "year", "0678-01-01", "0678-12-31", "An old year", []),
    ("last", "d2", "9999-12-31", "day", "9999-12-31", "9999-12-31", "Last day", ["Mars"]),
]

ALLOWED = {200, 400}
PROPERTY_SETTINGS = settings(
    max_examples=int(os.environ.get("TIMELINE_PROPERTY_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def loop() -> Iterator[asyncio.AbstractEventLoop]:
    event_loop = asyncio.new_event_loop()
    yield event_loop
    event_loop.close()


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory, loop: asyncio.AbstractEventLoop
) -> Iterator[Any]:
    path = build_events_db(tmp_path_factory.mktemp("edges") / "news.db", EDGE_EVENTS)
    datasette = make_datasette(path)
    loop.run_until_complete(datasette.invoke_startup())
    yield datasette


def status(client: Any, loop: asyncio.AbstractEventLoop, query: str) -> int:
    response = loop.run_until_complete(client.client.get("/news/events/-/timeline" + query))
    return int(response.status_code)


# ISO-like dates: right shape or nearly (year 0, month 13, day 32, five-digit years, a time).
iso_like = st.one_of(
    st.builds(
        lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}",
        st.integers(0, 10_000),
        st.integers(0, 13),
        st.integers(0, 32),
    ),
    st.builds(lambda y, m: f"{y:04d}-{m:02d}", st.integers(0, 10_000), st.integers(0, 13)),
    st.builds(lambda y: f"{y:04d}", st.integers(0, 99_999)),
    st.dates().map(dt.date.isoformat),
    st.dates().map(lambda d: d.isoformat() + "T12:00:00Z"),
    st.sampled_from(["", "0001-01-01", "9999-12-31", "0000-00-00", "20200101", "-001-01-01"]),
)


@PROPERTY_SETTINGS
@given(start=iso_like, stop=iso_like, lanes=st.booleans())
def test_any_date_range_answers_200_or_400(
    client: Any, loop: asyncio.AbstractEventLoop, start: str, stop: str, lanes: bool
) -> None:
    pairs = [("start__gte", start), ("start__lt", stop)]
    if lanes:
        pairs.append(("_lanes", "1"))
    assert status(client, loop, "?" + urlencode(pairs)) in ALLOWED


@pytest.mark.parametrize(
    "query",
    [
        "?start__gte=0001-01-01&start__lt=0002-01-01",
        "?start__gte=0678-09-01&start__lt=1356-05-03",
        "?start__gte=9999-12-31",
        "?start__gte=9999-01-01&start__lt=9999-12-31",
        "?start__lt=0001-01-02",
        "?start__gte=0001-01-01&start__lt=9999-12-31&_lanes=1",
    ],
)
def test_ranges_at_the_calendar_edges_show_their_events(
    client: Any, loop: asyncio.AbstractEventLoop, query: str
) -> None:
    assert status(client, loop, query) == 200


@pytest.mark.parametrize(
    "query",
    ["?start__gte=9223372036854775808", "?year__gt=99999999999999999999", "?_where=", "?_through="],
)
def test_impossible_filters_are_bad_requests(
    client: Any, loop: asyncio.AbstractEventLoop, query: str
) -> None:
    assert status(client, loop, query) == 400


def test_year_one_range_lists_its_event_and_links_no_earlier_range(
    client: Any, loop: asyncio.AbstractEventLoop
) -> None:
    query = "?start__gte=0001-01-01&start__lt=0002-01-01"
    response = loop.run_until_complete(client.client.get("/news/events/-/timeline" + query))
    assert response.status_code == 200
    assert "First day" in response.text
    assert "Last day" not in response.text
    # Nothing comes before year 1: no "earlier" link may point outside the calendar.
    assert "start__gte=0000" not in response.text


FILTER_KEYS = [
    "start__gte",
    "start__lt",
    "start__gt",
    "start__lte",
    "year",
    "actors__arraycontains",
    "document_id",
    "_search",
    "_next",
    "_size",
    "_lanes",
    "_sort",
    "_where",
    "_through",
    "_facet",
    "id__in",
    "text__contains",
    "nosuchcolumn",
    "start__nosuchlookup",
]
hostile_text = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "'",
            '"',
            "]",
            "\x00",
            "</script>",
            "-1",
            "99999999999999999999",
            "1e309",
            "NaN",
            '{"table":"x"}',
            "[]",
            "eyJhIjoxfQ",
            "WyIwMDAxLTAxLTAxIiwiZmlyc3QiLDUwXQ",
        ]
    ),
)


@pytest.mark.slow
@PROPERTY_SETTINGS
@given(
    pairs=st.lists(
        st.tuples(st.one_of(st.sampled_from(FILTER_KEYS), st.text(max_size=12)), hostile_text),
        max_size=5,
    )
)
def test_hostile_query_strings_answer_200_or_400(
    client: Any, loop: asyncio.AbstractEventLoop, pairs: list[tuple[str, str]]
) -> None:
    assert status(client, loop, "?" + urlencode(pairs)) in ALLOWED


@pytest.mark.slow
@PROPERTY_SETTINGS
@given(raw=st.text(max_size=60))
def test_raw_query_strings_answer_200_or_400(
    client: Any, loop: asyncio.AbstractEventLoop, raw: str
) -> None:
    assert status(client, loop, "?" + quote(raw, safe="=&%+")) in ALLOWED


# Pure date arithmetic: every helper stays inside the calendar for any span.

days = st.dates()


@given(day=days, offset=st.integers(-4_000_000, 4_000_000))
def test_add_days_stays_in_the_calendar(day: dt.date, offset: int) -> None:
    moved = add_days(day, offset)
    assert dt.date.min <= moved <= LAST_DAY
    if dt.date.min.toordinal() <= day.toordinal() + offset <= LAST_DAY.toordinal():
        assert moved == day + dt.timedelta(days=offset)


@given(start=days, stop=days)
def test_zoom_and_shift_stay_in_the_calendar(start: dt.date, stop: dt.date) -> None:
    start, stop = min(start, stop), max(start, stop)
    low, high = widened(start, stop)
    assert low <= start and stop <= high
    inner = narrowed(start, stop)
    assert start <= inner[0] <= inner[1] <= stop
    for by in (-1, 1):
        moved = shifted(start, stop, by)
        if moved is not None:
            assert (moved[1] - moved[0]) == (stop - start)


@given(start=days, stop=days, unit=st.sampled_from(["year", "month", "day"]))
def test_overview_periods_over_any_span(start: dt.date, stop: dt.date, unit: str) -> None:
    start, stop = min(start, stop), max(start, stop)
    filled = fill_gaps([], unit, (start, add_days(stop, 1)))
    for key, count in filled:
        period = period_for(key)
        assert period is not None and count == 0
        assert period.first_day <= period.next_first_day
