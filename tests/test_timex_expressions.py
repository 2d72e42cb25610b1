"""What is and is not a temporal expression, and what the tagger gives event assembly:
numbers that are no years, names with years, listings' clock times, "in two weeks'
time", durations counted from another event."""

from __future__ import annotations

import pytest

from datasette_timeline.timex import Timex, tag

DCT = "2021-03-04"


def tagged(text: str) -> list[Timex]:
    return tag(text, DCT)


@pytest.mark.parametrize(
    "text",
    [
        "The floods killed 2100 people.",
        "The firm employs 1500.",
        "Under the Data Protection Act 1998 the firm must reply.",
        "Microsoft's Windows 2000 operating system will ship.",
        "The Russell 2000 index of smaller companies fell.",
    ],
)
def test_numbers_and_names_with_years_are_no_dates(text: str) -> None:
    assert [t.text for t in tagged(text)] == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Wales hosted the Worldwide Developers Conference 2010 in June.", "2010"),
        ("He said 1998 was a good year.", "1998"),
        ("NASA's 1986 Challenger inquiry was reopened.", "1986"),
        ("In 1998 Congress passed it.", "1998"),
    ],
)
def test_years_beside_names_or_verbs_that_are_still_years(text: str, year: str) -> None:
    assert year in [t.value for t in tagged(text)]


def test_a_broadcast_listing_gives_clock_times_not_years() -> None:
    found = tagged("The show is broadcast from 1930 to 2015 GMT on Friday.")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("1930", "TIME", "2021-03-05T19:30Z"),
        ("2015 GMT", "TIME", "2021-03-05T20:15Z"),
        ("Friday", "DATE", "2021-03-05"),
    ]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The results will be known in two weeks' time.", "two weeks' time", "2021-W11"),
        ("It opens in a month's time.", "a month's time", "2021-04"),
        ("The ban will be reviewed in six months' time.", "six months' time", "2021-09"),
    ],
)
def test_in_a_span_of_time_is_a_date_at_that_precision(
    text: str, expression: str, value: str
) -> None:
    assert [(t.text, t.type, t.value) for t in tagged(text)] == [(expression, "DATE", value)]


@pytest.mark.parametrize(
    ("text", "offset", "anchor"),
    [
        ("The election was held three days after the vote.", "+P3D", "the vote"),
        ("She resigned nine days after her husband died.", "+P9D", "her husband died"),
        ("Two weeks before the election, he quit.", "-P2W", "the election"),
    ],
)
def test_a_duration_counted_from_an_event_gives_its_offset_and_anchor(
    text: str, offset: str, anchor: str
) -> None:
    [timex] = tagged(text)
    assert timex.type == "DURATION"
    assert (timex.offset, timex.relative_to) == (offset, anchor)
    assert text[timex.relative_to_start : timex.relative_to_end] == anchor  # type: ignore[index]


def test_a_duration_before_a_date_names_no_event() -> None:
    found = tagged("He left three days after March 5.")
    assert [t.offset for t in found] == [None, None]
    assert found[1].value == "2021-03-05"
