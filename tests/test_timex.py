"""Behaviour of the TIMEX3 tagger on general English patterns (no corpus needed)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from datasette_timeline.timex import Timex, tag
from datasette_timeline.timex.values import bounds, is_valid_value

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "karabakh-2020-11-03.txt"
EXPECTED = ROOT / "tests" / "fixtures" / "karabakh-2020-11-03.expected.json"


def only(text: str, dct: str | None = "2020-11-03", **kwargs: str) -> Timex:
    found = tag(text, dct, **kwargs)
    assert len(found) == 1, found
    return found[0]


def test_example_article_gives_every_expected_event_date() -> None:
    expected = json.loads(EXPECTED.read_text())
    found = tag(EXAMPLE.read_text(), expected["published"])
    by_value = {(t.value, t.precision) for t in found}
    for event in expected["events"]:
        assert (event["value"], event["precision"]) in by_value, event["expression"]
    assert not any("20%" in t.text for t in found)


def test_example_article_durations_and_header_dates() -> None:
    found = tag(EXAMPLE.read_text(), "2020-11-03T02:00")
    decades = [t for t in found if "decades" in t.text]
    assert [(t.type, t.value, t.mod) for t in decades] == [("DURATION", "P30Y", "APPROX")]
    assert sum(t.value == "2020-11-03" and "November" in t.text for t in found) == 2


@pytest.mark.parametrize(
    ("sentence", "value", "precision"),
    [
        ("The talks ended last week.", "2020-W44", "week"),
        ("Prices rose last month.", "2020-10", "month"),
        ("It was agreed next year.", "2021", "year"),
        ("He spoke yesterday.", "2020-11-02", "day"),
        ("The deal closes tomorrow.", "2020-11-04", "day"),
        ("They met on Sunday.", "2020-11-01", "day"),
        ("They met on Tuesday.", "2020-11-03", "day"),
        # Written on a Tuesday: that Tuesday (TimeBank's NYT20000406.0002 reads it so too).
        ("They will meet on Tuesday.", "2020-11-03", "day"),
        ("They will meet next Tuesday.", "2020-11-10", "day"),
        ("They will meet on Friday.", "2020-11-06", "day"),
        ("Sales fell in the third quarter.", "2020-Q3", "quarter"),
        ("It happened three days ago.", "2020-10-31", "day"),
        ("It opened two years ago.", "2018", "year"),
        ("It rained in mid-October.", "2020-10", "month"),
    ],
)
def test_news_expressions_anchor_to_the_creation_time(
    sentence: str, value: str, precision: str
) -> None:
    timex = only(sentence)
    assert (timex.value, timex.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("on 5 March 2019", "2019-03-05"),
        ("on March 5, 2019", "2019-03-05"),
        ("on Aug. 7, 1998", "1998-08-07"),
        ("on 2019-03-05", "2019-03-05"),
        ("in July 1997", "1997-07"),
        ("in the 1990s", "199"),
        ("in the 19th century", "18"),
        ("in 44 BC", "BC0044"),
        ("in the spring of 2009", "2009-SP"),
        ("in the fourth quarter of 2005", "2005-Q4"),
        ("at 10 p.m. Thursday", "2020-10-29T22:00"),
        ("at 14:48 UTC", "2020-11-03T14:48Z"),
        ("in nineteen ninety-six", "1996"),
        ("the class of '82", "1982"),
        ("at 0800 UTC", "2020-11-03T08:00Z"),
        ("on 7/8/07", "2007-07-08"),
        ("on 03.11.2020", "2020-11-03"),
        ("on Easter Sunday 2024", "2024-03-31"),
        ("in the first half of 2020", "2020-H1"),
        ("by the end of the month", "2020-11"),
        ("at 4 in the morning", "2020-11-03T04:00"),
    ],
)
def test_absolute_forms(text: str, value: str) -> None:
    assert only(text).value == value


def test_modifiers_set_mod() -> None:
    assert only("in early 1990").mod == "START"
    assert only("by late November").mod == "END"
    assert only("for more than three years") == Timex(
        start=4, end=25, text="more than three years", type="DURATION", value="P3Y", mod="MORE_THAN"
    )


def test_durations_and_sets() -> None:
    assert (only("for 48 hours").type, only("for 48 hours").value) == ("DURATION", "PT48H")
    assert only("a five-year plan").value == "P5Y"
    assert (only("it is held every year").type, only("it is held every year").value) == (
        "SET",
        "P1Y",
    )
    assert only("for several years").value == "PXY"


@pytest.mark.parametrize(
    "text",
    [
        "About 20% of the territory.",
        "May said she would resign.",
        "He scored 2000 points.",
        "Windows version 3.1 shipped.",
        "The second man left.",
        "A 6-year-old boy.",
        "The bill costs $1990.",
        "Upgrade to version 2010 of the software.",
        "Call 555-1234-56 for tickets.",
        "Thousands joined the March on Washington.",
        "Mr Smith told the Sunday Times that he would not resign.",
        "The Mail on Sunday said the minister had misled Parliament.",
        "The Summer Olympics will be held in Rio de Janeiro.",
        "Ms April Ryan asked the first question.",
        "June Carter sang the song.",
        "The Lakers trailed by 12 points in the third quarter.",
        "He scored a second-half penalty to win the game.",
        "Temperatures climbed into the 90s.",
        "The legislation, known as H.R. 1776, passed the House.",
    ],
)
def test_false_positives_are_not_tagged(text: str) -> None:
    assert tag(text, "2020-11-03") == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("between March and May 2020", ["2020-03", "2020-05"]),
        ("from 1991 to 1994", ["1991", "1994"]),
        ("in 1992-94", ["1992", "1994"]),
        ("from March 5 to May 7, 2019", ["2019-03-05", "2019-05-07"]),
    ],
)
def test_ranges_tag_both_ends_and_share_the_year(text: str, values: list[str]) -> None:
    assert [t.value for t in tag(text, "2024-06-01")] == values


def test_without_creation_time_relative_values_stay_unanchored() -> None:
    found = tag("The minister resigned last month, and on Tuesday a new one was named.", None)
    assert [t.value for t in found] == ["XXXX-XX", "XXXX-WXX-2"]
    assert not any(t.anchored for t in found)
    assert all(t.range_start is None for t in found)
    assert only("in March 1991", None).anchored


def test_without_creation_time_anaphora_still_follow_the_text() -> None:
    text = "The war began in 1914. The following year, Italy joined. Last month a museum opened."
    found = tag(text, None)
    assert [(t.value, t.anchored) for t in found] == [
        ("1914", True),
        ("1915", True),
        ("XXXX-XX", False),
    ]
    assert tag(text, None, anchoring="narrative")[-1].value == "1914-12"


def test_narrative_anchors_to_the_last_date_mentioned() -> None:
    text = "The war began in 1914. The following year, Italy joined. Two years later it ended."
    found = tag(text, "2020-11-03", anchoring="narrative")
    assert [t.value for t in found] == ["1914", "1915", "1917"]
    assert tag("It ended last year.", "2020-11-03", anchoring="narrative")[0].value == "2019"


def test_narrative_months_follow_a_year_mentioned() -> None:
    text = "He was elected in 1860; the war began the next April. In 1862 he wrote that March."
    found = tag(text, "2021-05-01", anchoring="narrative")
    assert [t.value for t in found] == ["1860", "1861-04", "1862", "1862-03"]


def test_auto_anchoring_reads_a_history_as_narrative() -> None:
    text = (
        "Born in 1809, he moved in 1831. The next year he married. In 1837 he went to Springfield."
    )
    found = tag(text, "2020-11-03")
    assert [t.value for t in found] == ["1809", "1831", "1832", "1837"]


def test_offsets_and_order() -> None:
    text = "On Monday, 2 March 2020, and again last week, they met for two hours."
    found = tag(text, "2020-03-10")
    assert [t.start for t in found] == sorted(t.start for t in found)
    for timex in found:
        assert text[timex.start : timex.end] == timex.text
    for first, second in itertools.pairwise(found):
        assert first.end <= second.start


def test_bad_anchoring_is_refused() -> None:
    with pytest.raises(ValueError):
        tag("today", "2020-01-01", anchoring="sometimes")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-W44", ("week", "2020-10-26", "2020-11-01")),
        ("2020-02", ("month", "2020-02-01", "2020-02-29")),
        ("1991", ("year", "1991-01-01", "1991-12-31")),
        ("199", ("decade", "1990-01-01", "1999-12-31")),
        ("19", ("century", "1900-01-01", "1999-12-31")),
        ("2020-Q4", ("quarter", "2020-10-01", "2020-12-31")),
        ("2020-H1", ("half", "2020-01-01", "2020-06-30")),
        ("2020-WI", ("season", "2020-12-01", "2021-02-28")),
        ("2020-11-03T02:00", ("minute", "2020-11-03", "2020-11-03")),
        ("2020-11-03TMO", ("day", "2020-11-03", "2020-11-03")),
        ("2020-11-03TXX:XX", ("day", "2020-11-03", "2020-11-03")),
        ("PRESENT_REF", None),
        ("XXXX-10", None),
        ("P3Y", None),
        ("2020-13", None),
        ("2021-02-29", None),
    ],
)
def test_bounds(value: str, expected: tuple[str, str, str] | None) -> None:
    assert bounds(value) == expected


def test_value_grammar_rejects_nonsense() -> None:
    assert (
        is_valid_value("2020-W44-WE") and is_valid_value("P2.5Y") and is_valid_value("XXXX-WXX-2")
    )
    assert (
        not is_valid_value("2020/11/03")
        and not is_valid_value("last week")
        and not is_valid_value("")
    )


@pytest.mark.parametrize(
    ("sentence", "dct", "value"),
    [
        # Plans and conditionals before the expression point ahead.
        ("Protesters planned a large rally in the city on Saturday.", "2000-01-07", "2000-01-08"),
        ("The father would be traveling to Washington Thursday.", "2000-04-05", "2000-04-06"),
        # A passive with an adverb ("is officially reported") carries no tense of its own.
        ("It could rise before it is officially reported to the agency in March.",
         "2006-01-27", "2006-03"),
        # Irregular past forms are past ("brought"), a possessive weekday is a past event.
        ("In January, the company brought in a new chief.", "1989-10-27", "1989-01"),
        ("They would look for ways around Wednesday's ruling.", "2000-01-07", "2000-01-05"),
        # After the expression a plan word reports the past.
        ("On Friday, the government planned a new budget.", "1998-09-30", "1998-09-25"),
    ],
)  # fmt: skip
def test_tense_around_named_days_and_months(sentence: str, dct: str, value: str) -> None:
    assert only(sentence, dct).value == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Prices are at their lowest in over a decade.", "P10Y"),
        ("It was the lowest figure for almost two decades.", "P20Y"),
        ("A century of rule ended.", "P100Y"),
        ("They settled a decades-long dispute.", "PXY"),
    ],
)
def test_decades_and_centuries_are_written_in_years(sentence: str, value: str) -> None:
    found = only(sentence)
    assert (found.type, found.value) == ("DURATION", value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The earthquake hit the country a week ago.", "2011-03-11"),
        ("They were invited to rejoin two weeks ago.", "2011-03-04"),
        ("The law passed six weeks ago.", "2011-W05"),
        ("It began nearly two weeks ago.", "2011-W09"),
    ],
)
def test_a_week_or_two_ago_is_a_day_and_longer_is_a_week(sentence: str, value: str) -> None:
    assert only(sentence, "2011-03-18").value == value


@pytest.mark.parametrize(
    ("sentence", "dct", "text", "value"),
    [
        ("A press conference at 16:15 UTC, June 1st, opened it.", "2009-06-04",
         "16:15 UTC, June 1st", "2009-06-01T16:15Z"),
        ("The offer runs until 5 p.m. EST, Nov. 6.", "1989-10-30",
         "5 p.m. EST, Nov. 6", "1989-11-06T17:00"),
        ("The offer ran until 5 p.m. EST Nov. 9, 1990.", "1991-01-02",
         "5 p.m. EST Nov. 9, 1990", "1990-11-09T17:00"),
    ],
)  # fmt: skip
def test_clock_time_followed_by_a_date_is_one_time(
    sentence: str, dct: str, text: str, value: str
) -> None:
    found = only(sentence, dct)
    assert (found.text, found.type, found.value) == (text, "TIME", value)


@pytest.mark.parametrize(
    ("sentence", "dct", "text", "type_", "value"),
    [
        ("It filed for bankruptcy earlier today.", "2009-06-04", "earlier today", "DATE",
         "2009-06-04"),
        ("Revenue fell through the first nine months of the year.", "1989-10-30", "the year",
         "DATE", "1989"),
        ("Net income for the year ended June 30 rose.", "1989-10-30", "the year", "DURATION",
         "P1Y"),
    ],
)  # fmt: skip
def test_earlier_today_and_the_year(
    sentence: str, dct: str, text: str, type_: str, value: str
) -> None:
    found = [t for t in tag(sentence, dct) if t.text == text]
    assert [(t.type, t.value) for t in found] == [(type_, value)]


@pytest.mark.parametrize(
    ("sentence", "dct", "value"),
    [
        ("The company said it expects to release results in mid-November.", "1989-10-27",
         "1989-11"),
        ("NATO said it has decided to admit the three countries in March.", "1999-04-10",
         "2000-03"),
        ("He said he hoped to visit Tuesday.", "2000-04-05", "2000-04-11"),
    ],
)  # fmt: skip
def test_a_verb_of_intention_points_ahead(sentence: str, dct: str, value: str) -> None:
    assert only(sentence, dct).value == value


@pytest.mark.parametrize(
    "phrase", ["the corresponding period last year", "last year's quarter",
               "the comparable quarter of the previous year"],
)  # fmt: skip
def test_the_quarter_in_discussion_a_year_before(phrase: str) -> None:
    text = f"Profit rose in the third quarter. It compares with a loss for {phrase}."
    found = tag(text, "1989-11-01")
    assert [(t.text, t.value) for t in found][-1] == (phrase, "1988-Q3")


@pytest.mark.parametrize(
    ("sentence", "type_", "value"),
    [
        ("It expects higher sales in the current fiscal year.", "DATE", "1989"),
        ("In the fiscal year ended Jan. 31, sales rose.", "DURATION", "P1Y"),
        ("Sales were $7 billion in the latest fiscal year.", "DATE", "1988"),
    ],
)
def test_fiscal_years(sentence: str, type_: str, value: str) -> None:
    found = tag(sentence, "1989-10-31")
    assert (found[0].type, found[0].value) == (type_, value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Foreclosures rose in the fourth quarter to their highest level.", "2006-Q4"),
        ("Plants will close during the fourth quarter.", "2007-Q4"),
        ("Plants close during the fourth quarter.", "2007-Q4"),
        ("Sales fell in the fourth quarter.", "2006-Q4"),
    ],
)
def test_a_quarter_not_begun_is_last_years_when_told_in_the_past(sentence: str, value: str) -> None:
    assert only(sentence, "2007-03-13").value == value


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("Stocks fell on Friday. The index was down from the previous Friday.", "1989-10-30",
         [("Friday", "1989-10-27"), ("the previous Friday", "1989-10-20")]),
        ("They met on June 3, 2001. They met again the following Monday.", "1989-10-30",
         [("June 3, 2001", "2001-06-03"), ("the following Monday", "2001-06-04")]),
        ("Then, a week or so ago, he decided.", "1991-02-25",
         [("a week or so ago", "1991-02-18")]),
        ("Profit rose in the third quarter. In the 1989 period, rates were lower.", "1989-11-01",
         [("the third quarter", "1989-Q3"), ("the 1989 period", "1989-Q3")]),
        ("The offer had been scheduled to expire at midnight Friday.", "1989-10-30",
         [("midnight Friday", "1989-10-27T24:00")]),
        ("The offer is scheduled to expire at midnight Friday.", "1989-10-30",
         [("midnight Friday", "1989-11-03T24:00")]),
    ],
)  # fmt: skip
def test_days_and_periods_in_discussion(
    text: str, dct: str, expected: list[tuple[str, str]]
) -> None:
    assert [(t.text, t.value) for t in tag(text, dct)] == expected


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Directors declared a dividend, payable Feb. 1 to stock of record.", "1990-02-01"),
        ("The company signed a labor pact effective June 1.", "1990-06-01"),
    ],
)
def test_payable_and_effective_dates_lie_ahead(sentence: str, value: str) -> None:
    assert only(sentence, "1989-10-26").value == value


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr. Schwarz, 52 years old, will succeed him.",
        "The plan is open to employees 55 years old or older.",
        "Iraq imports about three-quarters of its food.",
    ],
)
def test_ages_and_fractions_are_not_durations(sentence: str) -> None:
    assert tag(sentence, "1989-10-26") == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Flights leave on Tuesday nights.", "XXXX-WXX-2TNI"),
        ("They meet on Fridays.", "XXXX-WXX-5"),
    ],
)
def test_plural_weekdays_are_sets(sentence: str, value: str) -> None:
    found = only(sentence, "1998-02-13")
    assert (found.type, found.value) == ("SET", value)


@pytest.mark.parametrize(
    "sentence",
    [
        "It may be resolved in a hearing the week of March 6.",
        "In the week of 6 March 2000, it rained.",
    ],
)
def test_the_week_of_a_date_is_that_week(sentence: str) -> None:
    assert only(sentence, "2000-02-24").value == "2000-W10"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It opened in March 1990. The next day it closed.", ("The next day", "DATE", "1990-03")),
        ("It opened in 1990. Three days later it closed.", ("Three days later", "DATE", "1990")),
        ("The tomb dates from 1354. Police came two hours later.",
         ("two hours later", "TIME", "XXXX-XX-XXTXX:XX")),
        ("It opened on March 3, 1990. Three days later it closed.",
         ("Three days later", "DATE", "1990-03-06")),
        ("It opened in 1990. Two years later it closed.", ("Two years later", "DATE", "1992")),
    ],
)  # fmt: skip
def test_counting_from_a_coarse_date_invents_no_day(
    text: str, expected: tuple[str, str, str]
) -> None:
    last = tag(text, "1997-04-22")[-1]
    assert (last.text, last.type, last.value) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Inflation should stand at two-and-three-quarter percent.",
        "He reached a quarter-final place.",
        "The president was criticized in some quarters.",
        "The soldiers returned to their quarters.",
    ],
)
def test_quarters_that_are_not_periods(sentence: str) -> None:
    assert tag(sentence, "2006-12-13") == []


def test_counted_quarters_stay_durations() -> None:
    assert [t.value for t in tag("Growth slowed for several quarters.", "2006-12-13")] == ["PXQ"]


def test_this_june_in_a_text_about_the_past_is_read_as_news() -> None:
    text = "The project, launched in 1993 by the foundation, expanded this June."
    assert [t.value for t in tag(text, "2005-11-27")] == ["1993", "2005-06"]


def test_the_sun_is_no_sunday() -> None:
    assert tag("It is one-hundredth the mass of the Sun. It is small.", "2005-11-27") == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Six hundred years ago, the fleet sailed.", "1406"),
        ("It was kept secret for more than two thousand years.", "P2000Y"),
    ],
)
def test_hundreds_and_thousands_in_words(sentence: str, value: str) -> None:
    assert only(sentence, "2006-11-03").value == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("It took a minute and a half.", "PT1M30S"),
        ("It took an hour and a half.", "PT1H30M"),
        ("He spoke for 2 1/2 minutes.", "PT2M30S"),
        ("It lasted two and a half years.", "P2Y6M"),
        ("It took half an hour.", "PT30M"),
        ("They waited half a year.", "P6M"),
    ],
)
def test_halves(sentence: str, value: str) -> None:
    assert only(sentence, "2006-11-03").value == value


def test_the_same_period_last_year_is_not_a_day() -> None:
    text = (
        "Exports for Christmas were 550 million dollars in the first nine months, "
        "just 1.7 percent up on the same period last year."
    )
    found = [t for t in tag(text, "2006-11-04") if t.text == "the same period last year"]
    assert [t.value for t in found] == ["2005"]


@pytest.mark.parametrize(
    ("sentence", "type_", "value"),
    [
        ("Islam will one day be the second largest religion.", "DATE", "FUTURE_REF"),
        ("He had been in the job one day.", "DURATION", "P1D"),
    ],
)
def test_one_day_after_a_modal_is_some_future_day(sentence: str, type_: str, value: str) -> None:
    found = only(sentence, "1998-03-03")
    assert (found.type, found.value) == (type_, value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The split would be paid on a still unspecified date in January.", "1990-01"),
        ("Thermo agreed to buy it for $22 million in February.", "1990-02"),
        ("The company reported a loss in January.", "1989-01"),
    ],
)
def test_adjective_participles_carry_no_tense(sentence: str, value: str) -> None:
    assert only(sentence, "1989-10-26").value == value


@pytest.mark.parametrize(
    "sentence",
    [
        'Baker said on ABC\'s "This Week With David Brinkley" that talks go on.',
        "The poster showed Gary Cooper in ``High Noon.''",
        "They began a series of ``Spring of Life'' rallies.",
        "That was the report from Nairobi. This is VOA Today.",
        "The story moved on. Now, officials said, the plan has changed.",
        "Gonzalez said on CBS's ''60 Minutes.'' He was angry.",
    ],
)
def test_titles_and_discourse_markers_are_not_times(sentence: str) -> None:
    assert tag(sentence, "1990-08-13") == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("He spoke this week about the plan.", "1990-W33"),
        ('"This week was hard," he said.', "1990-W33"),
        ("Police were called. Now officials are investigating.", "PRESENT_REF"),
        ("Exports Rose Sharply This Week In Asia", "1990-W33"),
        ("Elian was found Thanksgiving Day off the coast.", "1989-11-23"),
    ],
)
def test_capitalised_time_words_at_a_sentence_start_or_in_a_headline_are_times(
    sentence: str, value: str
) -> None:
    assert only(sentence, "1990-08-13").value == value


@pytest.mark.parametrize(
    ("sentence", "text", "type_", "value", "mod"),
    [
        ("Shares were up at mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME",
         "1989-11-01TAF", "MID"),
        ("Officials said late yesterday that it went well.", "late yesterday", "DATE",
         "1989-11-01", "END"),
        ("Japan is in recession after two consecutive quarters of decline.",
         "two consecutive quarters", "DURATION", "P2Q", None),
        ("It rid Detroit of the boxy cars of the 70s and 80s.", "80s", "DATE", "198", None),
    ],
)  # fmt: skip
def test_parts_of_deictic_days_coordinated_decades_and_counted_quarters(
    sentence: str, text: str, type_: str, value: str, mod: str | None
) -> None:
    found = [t for t in tag(sentence, "1989-11-02") if t.text == text]
    assert [(t.type, t.value, t.mod) for t in found] == [(type_, value, mod)]


def test_three_quarters_of_something_is_still_a_fraction() -> None:
    assert tag("Three-quarters of the vote went to him.", "1989-11-02") == []


def test_that_quarter_is_the_quarter_last_named_not_the_quarter_of_the_last_day() -> None:
    text = (
        "In the second quarter, which ended Oct. 31, it lost money. "
        "Results for that quarter included a write-down."
    )
    found = [t for t in tag(text, "1989-10-27") if t.text == "that quarter"]
    assert [t.value for t in found] == ["1989-Q2"]


def test_a_day_with_a_name_of_its_own_is_not_this_weeks_weekday() -> None:
    text = "Markets fell on the anniversary of Black Monday, the 1987 crash."
    assert [t.text for t in tag(text, "2007-10-20")] == ["1987"]
    assert only("Stocks fell on Monday.", "2007-10-20").value == "2007-10-15"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year.",
         "2005"),
        # In January, the third quarter is last year's, and so is the full year.
        ("Profit rose in the third quarter and for the full year.", "2005"),
        # Without a date earlier in the sentence, the year of writing.
        ("Profit rose in the third quarter. For the full year it expects a gain.", "2006"),
        ("Japan, voted team of the year, plays on.", "2006"),
        ("In the fourth quarter of 2008 sales will rise; for the full year they will fall.",
         "2006"),
    ],
)  # fmt: skip
def test_the_entire_year_is_the_year_in_discussion_unless_that_lies_ahead(
    text: str, value: str
) -> None:
    found = [t for t in tag(text, "2006-01-27") if "year" in t.text]
    assert [t.value for t in found] == [value]


def test_an_earlier_quarter_looked_back_on_does_not_become_the_quarter_reported() -> None:
    text = (
        "Kimberly-Clark posted a 20% gain in third-quarter net income. "
        "After a flat second quarter, it cited better results abroad. "
        "Charges were taken in the year-earlier period. Results for that quarter were weak."
    )
    found = {t.text: t.value for t in tag(text, "1989-11-01")}
    assert found["the year-earlier period"] == "1988-Q3"
    assert found["that quarter"] == "1989-Q2"


def test_a_fiscal_quarter_named_later_starts_a_new_report() -> None:
    text = (
        "Armco reported third-quarter profit. National Intergroup posted net income for the "
        "fiscal second-quarter of $8.6 million. The latest period includes gains."
    )
    found = {t.text: t.value for t in tag(text, "1989-10-26")}
    assert found["The latest period"] == "1989-Q2"


def test_a_running_quarter_named_in_a_forecast_is_not_the_quarter_reported() -> None:
    text = (
        "Bethlehem posted a 54% drop in third-quarter profit. Analysts expect the trend to "
        "continue into the fourth quarter. In the year-ago period, Bethlehem earned more."
    )
    found = {t.text: t.value for t in tag(text, "1989-10-26")}
    assert found["the fourth quarter"] == "1989-Q4"
    assert found["the year-ago period"] == "1988-Q3"


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Analysts expect the plant to reopen in March.", "1990-03"),
        ("The company reopened the plant in March.", "1989-03"),
    ],
)
def test_a_present_forecast_points_ahead(sentence: str, value: str) -> None:
    assert only(sentence, "1989-10-26").value == value


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Since Autumn this year, China has reported four cases.", ["Autumn this year"]),
        ('"Today Lin Dan is out of order," Chen said.', ["Today"]),
        ("GAZA, Nov. 10 (Xinhua) -- Two years after the death, crowds gathered.",
         ["Nov. 10", "Two years"]),
        ("He told the China Daily on Thursday that USA Today was wrong.", ["Thursday"]),
        ("She competed at the Winter Olympics in 2006.", ["2006"]),
    ],
)  # fmt: skip
def test_names_with_time_words_against_times_at_a_sentence_start(
    text: str, found: list[str]
) -> None:
    assert [t.text for t in tag(text, "2005-11-10")] == found


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("It expects to complete the sale by year-end.", "1989"),
        ("The index has fallen 5% since year-end.", "1988"),
        ("The bank plans to close the branch by the end of next year.", "1990"),
        ("The loan is due at year's end.", "1989"),
    ],
)
def test_year_end_is_the_end_of_a_year(sentence: str, value: str) -> None:
    found = only(sentence, "1989-10-30")
    assert (found.type, found.value, found.mod) == ("DATE", value, "END")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("It will take between 60 and 90 days.", [("60", "P60D"), ("90 days", "P90D")]),
        ("Shipments resume in two to three weeks.", [("two", "P2W"), ("three weeks", "P3W")]),
        ("Prices rose 5 to 10 percent in a year.", [("a year", "P1Y")]),
    ],
)
def test_each_bound_of_a_range_of_durations(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = [(t.text, t.value) for t in tag(sentence, "2009-06-04") if t.type == "DURATION"]
    assert found == expected


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("every four years", "P4Y"), ("every 10 minutes", "PT10M"), ("every other month", "P2M")],
)
def test_every_n_units_is_a_set(phrase: str, value: str) -> None:
    found = only(f"Elections are held {phrase}.")
    assert (found.text, found.type, found.value) == (phrase, "SET", value)


def test_half_years_are_written_with_months() -> None:
    assert only("They lived in the camps for 2 1/2 years.").value == "P2Y6M"


@pytest.mark.parametrize(
    ("sentence", "dct", "value"),
    [
        ("The rights, which expire Jan. 31, can be exercised for $100 each.", "1989-06-30",
         "1990-01-31"),
        ("The dividend is payable Jan. 2 to holders of record Dec. 15.", "1989-05-30",
         "1989-12-15"),
        ("Mr. Schwarz will succeed Daniel P. Davison Feb. 1.", "1989-07-15", "1990-02-01"),
        ("The offer had been due to expire Friday evening.", "1989-10-30", "1989-10-27TEV"),
    ],
)  # fmt: skip
def test_scheduled_dates_in_the_present_tense(sentence: str, dct: str, value: str) -> None:
    values = [t.value for t in tag(sentence, dct)]
    assert values[-1] == value


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The trial starts on Monday.", "2013-03-18"),
        ("Voters go to the polls on Sunday.", "2013-03-17"),
        ("The summit opens in Brussels on Thursday.", "2013-03-14"),
        ("Parliament has postponed the vote to Monday.", "2013-03-18"),
        ("The company is redeeming the notes on Friday.", "2013-03-15"),
        ("The concert is on Friday 13 September.", "2013-09-13"),
        ("The shop will stay closed through Friday.", "2013-03-15"),
        # Not timetables: a perfect, an ongoing effort, an infinitive in a past sentence.
        ("Prices have come down since Monday.", "2013-03-11"),
        ("It found it hard to meet demand on Monday.", "2013-03-11"),
    ],
)
def test_timetables_in_the_present_tense_point_ahead(sentence: str, value: str) -> None:
    assert only(sentence, "2013-03-14").value == value


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Police were called at 9.15pm last night.", "9.15pm last night", "2013-03-13T21:15"),
        ("It struck at 3 a.m. this morning.", "3 a.m. this morning", "2013-03-14T03:00"),
        ("He was convicted on the 3rd of May last year.", "the 3rd of May last year",
         "2012-05-03"),
        ("The law takes effect Jan. 1 next year.", "Jan. 1 next year", "2014-01-01"),
    ],
)  # fmt: skip
def test_a_time_or_day_with_a_deictic_day_or_year_is_one_expression(
    sentence: str, text: str, value: str
) -> None:
    found = only(sentence, "2013-03-14")
    assert (found.text, found.value) == (text, value)


def test_a_year_earlier_than_a_month_named_in_the_sentence_is_that_month() -> None:
    found = tag("Sales in November rose 1.8 percent from a year earlier.", "2010-01-05")
    assert [(t.text, t.value) for t in found] == [
        ("November", "2009-11"),
        ("a year earlier", "2008-11"),
    ]
    assert only("The company was sold a fortnight ago.", "2010-01-05").value == "2009-12-22"


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("They landed on June 6, 1944, and freed Paris later that summer.", "later that summer",
         "1944-SU"),
        ("The dam burst in August 1975; by the following spring it was rebuilt.",
         "the following spring", "1976-SP"),
        ("In March 2001 the fund closed; the previous autumn it had lost money.",
         "the previous autumn", "2000-FA"),
    ],
)  # fmt: skip
def test_seasons_counted_from_the_date_in_discussion(sentence: str, text: str, value: str) -> None:
    found = [t for t in tag(sentence, "2013-03-14") if t.text == text]
    assert [t.value for t in found] == [value]


@pytest.mark.parametrize(
    ("sentence", "text", "type_", "value"),
    [
        ("Pensions will rise annually.", "annually", "SET", "P1Y"),
        ("The index is published quarterly.", "quarterly", "SET", "P3M"),
        ("Sales will double by the end of the decade.", "the end of the decade", "DATE", "202"),
        ("The Fourth of July parade will go ahead.", "Fourth of July", "DATE", "2024-07-04"),
        ("Parades are planned for St Patrick's Day.", "St Patrick's Day", "DATE", "2024-03-17"),
        ("The term begins on the first Monday in October.", "the first Monday in October",
         "DATE", "2023-10-02"),
        ("H1 2012 profits doubled.", "H1 2012", "DATE", "2012-H1"),
    ],
)  # fmt: skip
def test_sets_holidays_and_named_days(sentence: str, text: str, type_: str, value: str) -> None:
    found = only(sentence, "2023-09-18")
    assert (found.text, found.type, found.value) == (text, type_, value)


def test_quarterly_as_an_adjective_is_no_set() -> None:
    assert tag("The quarterly dividend rose.", "2023-09-18") == []


@pytest.mark.parametrize(
    ("sentence", "text", "value", "mod"),
    [
        ("Talks lasted 1 hour 20 minutes.", "1 hour 20 minutes", "PT1H20M", None),
        ("They served two years and three months.", "two years and three months", "P2Y3M",
         None),
        ("The siege lasted 3 days, 4 hours.", "3 days, 4 hours", "P3DT4H", None),
        ("The year-long investigation ended.", "year-long", "P1Y", None),
        ("He must serve a minimum of 30 years.", "a minimum of 30 years", "P30Y",
         "EQUAL_OR_MORE"),
    ],
)  # fmt: skip
def test_compound_and_bounded_durations(
    sentence: str, text: str, value: str, mod: str | None
) -> None:
    found = only(sentence, "2023-09-18")
    assert (found.text, found.type, found.value, found.mod) == (text, "DURATION", value, mod)


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The board meets twice a month.", "twice a month", "P1M"),
        ("The drug is taken three times a day.", "three times a day", "P1D"),
    ],
)
def test_a_frequency_belongs_to_its_set(sentence: str, text: str, value: str) -> None:
    found = only(sentence, "2023-09-18")
    assert (found.text, found.type, found.value) == (text, "SET", value)


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("The strike is expected to last a week.", "a week"),
        ("The talks will last six weeks.", "six weeks"),
        ("Sales rose over the last six weeks.", "the last six weeks"),
    ],
)
def test_last_the_verb_is_not_part_of_a_duration(sentence: str, text: str) -> None:
    found = only(sentence, "2023-09-18")
    assert (found.text, found.type) == (text, "DURATION")


def test_recent_before_a_noun_is_a_past_reference() -> None:
    found = tag("A recent SEC filing showed it; in recent years it grew.", "2023-09-18")
    assert [(t.text, t.value) for t in found] == [("recent", "PAST_REF"), ("recent years", "PXY")]


def test_a_date_named_earlier_in_the_sentence_gives_the_year() -> None:
    text = (
        "On 27 September 2020 a war broke out; it lasted 44 days and ended on 10 November. "
        "The next year the talks resumed."
    )
    for dct in (None, "2023-05-01"):  # a narrative either way: "the next year" is no deixis
        values = {t.text: t.value for t in tag(text, dct)}
        assert values["10 November"] == "2020-11-10"
        assert values["The next year"] == "2021"
    future = tag("Invited in July 1997, they will join NATO on March 12.", "1999-02-27")
    assert [t.value for t in future] == ["1997-07", "1999-03-12"]


def test_a_time_and_the_day_after_on_are_two_expressions() -> None:
    found = tag("The quake struck at 2:46 p.m. on Friday.", "2011-03-12")
    assert [(t.text, t.type, t.value) for t in found] == [
        ("2:46 p.m.", "TIME", "2011-03-11T14:46"),
        ("Friday", "DATE", "2011-03-11"),
    ]
    ranged = tag("A heat advisory is in effect from noon to 8 p.m. Wednesday.", "2022-08-30")
    assert [t.value for t in ranged] == ["2022-08-31T12:00", "2022-08-31T20:00"]
    undated = tag("The moon landing took place on July 20, 1969, at 20:17 UTC.", None)
    assert [t.value for t in undated] == ["1969-07-20", "1969-07-20T20:17Z"]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Water service might be interrupted for six hours on Wednesday.", "2022-08-31"),
        ("The ban was suspended until at least June 1.", "2023-06-01"),
        ("The truce will last 72 hours, starting at 8 a.m. on Monday.", "2022-09-05"),
        ("His relatives could not be located Wednesday.", "2022-08-24"),
        ("It could have happened on Wednesday.", "2022-08-24"),
    ],
)
def test_modals_and_until(sentence: str, value: str) -> None:
    assert [t.value for t in tag(sentence, "2022-08-30") if t.type == "DATE"][-1] == value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bank was robbed on 3/17.", [("3/17", "DATE", "2015-03-17")]),
        ("Rates rose 3/4 of a point.", []),
        ("Version 2.3.14 of the software shipped.", []),
        ("Section 2015 of the tax code was cited.", []),
        ("A winter storm watch was issued.", []),
        ("Spring Street will be repaved.", []),
        ("Profits rose in fiscal year 2016.", [("fiscal year 2016", "DATE", "2016")]),
        ("She won in 2 hours 3 minutes 5 seconds.",
         [("2 hours 3 minutes 5 seconds", "DURATION", "PT2H3M5S")]),
        ("He slept less than six hours a night.",
         [("less than six hours", "DURATION", "PT6H"), ("a night", "SET", "P1D")]),
    ],
)  # fmt: skip
def test_numbers_names_and_chained_units(
    sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [(t.text, t.type, t.value) for t in tag(sentence, "2015-03-20")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 1755 the city grew. On 1 November an earthquake struck. In December it burned.",
         ["1755", "1755-11-01", "1755-12"]),
        ("The 1755 Lisbon earthquake struck on the morning of 1 November.",
         ["1755", "1755-11-01"]),
        ("In the spring of 1940, Germany attacked; by mid-June, France had fallen.",
         ["1940-SP", "1940-06"]),
        ("The ship left on 10 April 1912. Four days later it hit ice; it sank the next morning.",
         ["1912-04-10", "1912-04-14", "1912-04-15TMO"]),
    ],
)  # fmt: skip
def test_a_story_without_a_creation_date_keeps_its_year(text: str, expected: list[str]) -> None:
    assert [t.value for t in tag(text, None)] == expected


@pytest.mark.parametrize(
    ("sentence", "dct", "values"),
    [
        ("Ukraine struck back on Monday, six months after the invasion began on Feb. 24.",
         "2022-08-30", ["2022-08-29", "P6M", "2022-02-24"]),
        ("The Brexit vote in June and Tuesday's result share a thread.", "2016-11-09",
         ["2016-06", "2016-11-08"]),
        ("Europe lost the Ryder Cup by a record margin on Sunday.", "2021-09-27",
         ["2021-09-26"]),
        ("The server rebooted at 2013-03-14 03:12:09.", "2013-03-20", ["2013-03-14T03:12:09"]),
        ("The window opens at 8:33 a.m. EDT (1233 GMT) on Saturday.", "2022-08-30",
         ["2022-09-03T08:33", "2022-09-03T12:33Z", "2022-09-03"]),
    ],
)  # fmt: skip
def test_held_out_probe_regressions(sentence: str, dct: str, values: list[str]) -> None:
    assert [t.value for t in tag(sentence, dct)] == values


@pytest.mark.parametrize(
    ("sentence", "text", "type_", "value"),
    [
        ("Revenue rose in the December quarter.", "the December quarter", "DATE", "2013-Q4"),
        ("Dividends are paid semi-annually.", "semi-annually", "SET", "P6M"),
        ("The bonds pay 5 per cent per annum.", "per annum", "SET", "P1Y"),
        ("Sales in FY14 fell.", "FY14", "DATE", "2014"),
        ("June's figure was weak.", "June", "DATE", "2013-06"),
    ],
)
def test_business_periods(sentence: str, text: str, type_: str, value: str) -> None:
    found = only(sentence, "2014-02-10")
    assert (found.text, found.type, found.value) == (text, type_, value)


def test_a_time_takes_a_day_month_date_and_a_zone_stays_in_the_time() -> None:
    found = tag("The vote is at 10am on 21 March; it ends at 2pm AEDT on 22 March.", "2014-02-10")
    assert [(t.text, t.value) for t in found] == [
        ("10am", "2014-03-21T10:00"),
        ("21 March", "2014-03-21"),
        ("2pm AEDT", "2014-03-22T14:00"),
        ("22 March", "2014-03-22"),
    ]


def test_24_hour_times_where_only_a_time_can_stand() -> None:
    found = tag(
        "Saturday 2 February: Arsenal v City (17:30); the ferry leaves at 14:10.", "2019-01-31"
    )
    assert [(t.text, t.value) for t in found] == [
        ("Saturday 2 February", "2019-02-02"),
        ("17:30", "2019-02-02T17:30"),
        ("14:10", "2019-02-02T14:10"),
    ]
    assert tag("The score was 2:1 at half-time and the ratio 3:2.", "2019-01-31") == []
    seconds = tag("Detected on 14 September 2015 at 09:50:45 UTC.", None)
    assert [t.value for t in seconds] == ["2015-09-14", "2015-09-14T09:50:45Z"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The 1906 earthquake struck at 5:12 a.m. on Wednesday, April 18.",
         ["1906", "1906-04-18T05:12", "1906-04-18"]),
        ("Paris was freed on 25 August 1944. By the end of the year, France was free.",
         ["1944-08-25", "1944"]),
    ],
)  # fmt: skip
def test_times_and_periods_in_a_story_without_a_date(text: str, values: list[str]) -> None:
    assert [t.value for t in tag(text, None)] == values


def test_a_clause_of_its_own_keeps_its_tense() -> None:
    found = tag("Sales rose in March, while it forecast growth for June.", "2024-05-02")
    assert [t.value for t in found] == ["2024-03", "2024-06"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("BC0044", ("year", "-0043-01-01", "-0043-12-31")),
        ("BC0001", ("year", "0000-01-01", "0000-12-31")),
        ("BC004", ("decade", "-0048-01-01", "-0039-12-31")),
        ("BC04", ("century", "-0498-01-01", "-0399-12-31")),
        ("BC0044-03-15", ("day", "-0043-03-15", "-0043-03-15")),
        ("BC0001-02-29", ("day", "0000-02-29", "0000-02-29")),  # 1 BC is a leap year
        ("BC0002-02-29", None),
        ("BC0000", None),
    ],
)
def test_years_before_one_ad_have_iso_expanded_bounds(
    value: str, expected: tuple[str, str, str] | None
) -> None:
    assert bounds(value) == expected


def test_events_before_one_ad_are_dated_and_placed() -> None:
    from datasette_timeline.events import extract_events

    events = extract_events(
        "Rome was founded in 753 BC. In 1805 it passed to Russia.", "2020-11-03"
    )
    assert [(e.date, e.start, e.year) for e in events] == [
        ("BC0753", "-0752-01-01", -752),
        ("1805", "1805-01-01", 1805),
    ]
