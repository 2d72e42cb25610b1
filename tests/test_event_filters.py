"""Dated expressions that are not events (event_filters), on invented sentences."""

from __future__ import annotations

import pytest

from datasette_timeline.events import extract_events


def expressions(text: str, published: str = "2021-03-04") -> list[str]:
    return [event.expression for event in extract_events(text, published)]


@pytest.mark.parametrize(
    "text, not_event, event",
    [
        (
            "Headline\nLISBON, March 3 (Reuters) -- The minister resigned on Tuesday.",
            "March 3",
            "Tuesday",
        ),
        (
            "Headline\n\nMarch 04, 2021\n\nThe minister resigned on Tuesday.",
            "March 04, 2021",
            "Tuesday",
        ),
        (
            'Headline\n"Today, ten countries possess such weapons," she said on Monday.',
            "Today",
            "Monday",
        ),
        (
            "Headline\nThe rally was held today. He spoke of the leaders of tomorrow.",
            "tomorrow",
            "today",
        ),
        ("Headline\nToday is the third day of the strike, which began on Tuesday.", None, "Today"),
        (
            "Headline\nProfit rose to $5 million, up from $3 million in 2019, it said on Monday.",
            "2019",
            "Monday",
        ),
        (
            "Headline\nIt is the worst crash since the collapse of the bank in 2008, he said Monday.",
            "2008",
            "Monday",
        ),
        (
            "Headline\nShe has been arrested several times since 2015, police said on Monday.",
            "2015",
            "Monday",
        ),
        ("Headline\nThe mine has been closed since 2015 when a tunnel collapsed.", None, "2015"),
        ("Headline\nShe received the 2020 Nobel Peace Prize on Monday.", "2020", "Monday"),
        (
            "Headline\nFlights leave on Monday and Tuesday nights from March 30.",
            "Monday",
            "March 30",
        ),
        (
            "Headline\nThere was no word on Tuesday of any arrests, police said on Monday.",
            "Tuesday",
            "Monday",
        ),
        (
            "Headline\nA decade ago, the town was a farming village, he said on Monday.",
            "A decade ago",
            "Monday",
        ),
    ],
)
def test_not_events_are_left_out(text: str, not_event: str | None, event: str) -> None:
    found = expressions(text)
    assert any(event in expression for expression in found), found
    if not_event is not None:
        assert not any(not_event in expression for expression in found), found
