"""The reference time is chosen passage by passage: news anchors to the publication date,
a background story to the date in discussion, and a year in discussion never leaks into
a sentence about the present or the future."""

from __future__ import annotations

import pytest

from datasette_timeline.timex import tag


def values(text: str, dct: str | None, anchoring: str = "auto") -> dict[str, str]:
    return {timex.text: timex.value for timex in tag(text, dct, anchoring=anchoring)}


def test_a_background_passage_in_news_is_told_in_its_own_year() -> None:
    text = (
        "Rescuers worked through the night after an earthquake struck on Monday. It was "
        "the deadliest disaster since August 1999, when a quake near Izmit killed 17,000 "
        "people. That tremor struck shortly after 3am on 17 August."
    )
    found = values(text, "2023-02-07")
    assert found["Monday"] == "2023-02-06"
    assert found["17 August"] == "1999-08-17"


def test_a_story_year_never_leaks_into_the_present_or_future() -> None:
    text = (
        "Norway last reached a final in June 1994. Fans still talk about it. This autumn "
        "they play Malta on 9 October. The 12 April game is sold out."
    )
    found = values(text, "2021-03-04")
    assert found["9 October"] == "2021-10-09"
    assert found["The 12 April"] == "2021-04-12"


def test_deixis_in_a_history_heavy_story_counts_from_the_publication_date() -> None:
    text = (
        "England had not reached a final since 1966, when they beat West Germany at "
        "Wembley on 30 July. The players will be received in Rome this afternoon."
    )
    found = values(text, "2021-07-12")
    assert found["30 July"] == "1966-07-30"
    assert found["this afternoon"] == "2021-07-12TAF"


def test_a_limit_counted_from_today_is_no_story() -> None:
    text = (
        "More than 4 billion songs were downloaded since its launch in 2003, and as of "
        "February the store accounts for 70% of sales."
    )
    assert values(text, "2008-04-09")["February"] == "2008-02"


def test_a_month_day_keeps_the_year_of_its_first_mention() -> None:
    text = "The final will be played on 12 April 2022. Tickets for the 12 April game sold out."
    assert [t.value for t in tag(text, "2021-03-04")] == ["2022-04-12", "2022-04-12"]


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("In 1804 the party set out. It reached the Pacific in November that year.", "November that year", "1804-11"),
        ("The tower was finished in 1810 and first lit on 1 February the following year.", "1 February the following year", "1811-02-01"),
        ("It sailed in 1519 and entered the strait in October of the following year.", "October of the following year", "1520-10"),
        ("The tournament was last held in October in 1964.", "October in 1964", "1964-10"),
        ("Prices peaked in February in 1974.", "February in 1974", "1974-02"),
    ],
)  # fmt: skip
def test_a_month_and_its_year_are_one_expression(text: str, expression: str, value: str) -> None:
    assert values(text, "2021-03-04")[expression] == value


def test_fixed_anchorings_still_apply_to_the_whole_text() -> None:
    text = "In 1912 the expedition left port. The ship will reach the ice on 14 March."
    assert values(text, "2021-03-04", anchoring="news")["14 March"] == "2021-03-14"
    assert values(text, "2021-03-04", anchoring="narrative")["14 March"] == "1912-03-14"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("William was crowned in 1066, in Westminster Abbey on Christmas Day.", "Christmas Day", "1066-12-25"),
        ("The treaty was agreed in July 1706. Parliament debated it through the autumn.", "the autumn", "1706-FA"),
        ("Explorer 1 flew on 31 January 1958, and that summer Congress created Nasa.", "that summer", "1958-SU"),
        ("The harvest failed in 1846, and the winter that followed was the worst.", "the winter that followed", "1846-WI"),
        ("He flew on 17 December 1903. His brother flew for 59 seconds later that day.", "later that day", "1903-12-17"),
    ],
)  # fmt: skip
def test_holidays_and_seasons_of_a_story_take_its_year(
    text: str, expression: str, value: str
) -> None:
    assert values(text, None)[expression] == value
