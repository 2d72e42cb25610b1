"""The resolver anchors underspecified values without knowing the language that said
them: a pack for another language builds the same values from its own words."""

from __future__ import annotations

from datetime import date

import pytest

from datasette_timeline.timex import tag
from datasette_timeline.timex.calendar_math import Holiday, holiday_date
from datasette_timeline.timex.context import Context, Reference
from datasette_timeline.timex.resolve import Underspecified, resolve


def context(text: str, dct: date | None, mode: str = "news") -> Context:
    return Context(text=text, dct=dct, mode=mode, per_passage=True)


def test_values_are_written_as_heideltime_writes_them() -> None:
    assert str(Underspecified("weekday", weekday=2)) == "UNDEF-tense-weekday-2"
    assert str(Underspecified("month", month=5, relation="last")) == "UNDEF-last-month-05"
    assert str(Underspecified("month", month=4, relation="following")) == (
        "UNDEF-REF-following-month-04"
    )
    assert str(Underspecified("month_day", month=6, day=7)) == "UNDEF-tense-XXXX-06-07"
    assert str(Underspecified("day", offset=-1, part="EV")) == "UNDEF-this-day-MINUS-1TEV"
    assert str(Underspecified("unit", unit="month", offset=-1, relation="last")) == (
        "UNDEF-this-month-MINUS-1"
    )
    assert str(Underspecified("unit", unit="year", offset=1, relation="following")) == (
        "UNDEF-REF-year-PLUS-1"
    )
    with pytest.raises(ValueError, match="relation"):
        Underspecified("weekday", weekday=2, relation="ultimo")


def test_a_weekday_takes_the_side_the_clause_points_to() -> None:
    # Words of no language the resolver knows: only the verb's reading matters, and a
    # sentence without one gives no direction (a weekday then is the last one).
    text = "xx yy zz"
    found = resolve(Underspecified("weekday", weekday=2), context(text, date(2021, 3, 4)), 3, 5)
    assert found is not None and found.value == "2021-03-02"
    assert found.underspecified == "UNDEF-tense-weekday-2"


def test_a_weekday_counted_from_the_day_in_discussion() -> None:
    ctx = context("xx", date(2021, 3, 4))
    ctx.reference = Reference(date(2021, 5, 20), "day")  # a Thursday
    same = Underspecified("weekday", weekday=4, relation="same")
    following = Underspecified("weekday", weekday=1, relation="following")
    assert (_value(same, ctx), _value(following, ctx)) == ("2021-05-20", "2021-05-24")


def test_relations_and_the_date_in_discussion() -> None:
    ctx = context("xx", date(2021, 3, 4), mode="narrative")
    ctx.reference = Reference(date(1860, 1, 1), "year")
    following = resolve(Underspecified("month", month=4, relation="following"), ctx, 0, 2)
    assert following is not None and following.value == "1861-04"
    last = resolve(
        Underspecified("month", month=5, relation="last"), context("xx", date(2021, 3, 4)), 0, 2
    )
    assert last is not None and last.value == "2020-05"


def test_units_count_from_the_creation_date_or_the_date_in_discussion() -> None:
    ctx = context("xx", date(2021, 3, 4))
    last_month = Underspecified("unit", unit="month", offset=-1, relation="last")
    assert getattr(resolve(last_month, ctx, 0, 2), "value", None) == "2021-02"
    ctx.reference = Reference(date(1990, 3, 1), "month")
    next_day = Underspecified("unit", unit="day", offset=1, relation="following")
    # Counted from a month, the next day is known to the month only.
    assert getattr(resolve(next_day, ctx, 0, 2), "value", None) == "1990-03"


def test_without_a_reference_time_values_stay_unresolved() -> None:
    found = resolve(Underspecified("day", offset=-1), context("xx", None), 0, 2)
    assert found is not None and (found.value, found.anchored) == ("XXXX-XX-XX", False)


def test_the_tagger_reports_the_underspecified_value() -> None:
    [timex] = tag("The board will meet on Tuesday.", "2021-03-04")
    assert (timex.underspecified, timex.value) == ("UNDEF-tense-weekday-2", "2021-03-09")
    [absolute] = tag("The board met on 2 March 2021.", "2021-03-04")
    assert absolute.underspecified is None


def _value(value: Underspecified, ctx: Context) -> str | None:
    found = resolve(value, ctx, 0, 2)
    return found.value if found is not None else None


def test_seasons_from_the_creation_date_or_the_date_in_discussion() -> None:
    news = context("xx", date(2021, 2, 10))  # the winter of 2020/21
    assert _value(Underspecified("season", season="SU", relation="last"), news) == "2020-SU"
    assert _value(Underspecified("season", season="SU", relation="next"), news) == "2021-SU"
    assert _value(Underspecified("season", season="WI", relation="this"), news) == "2020-WI"
    by_year = Underspecified("season", season="FA", relation="last", by_year=True)
    assert _value(by_year, news) == "2020-FA"
    story = context("xx", date(2021, 3, 4), mode="narrative")
    story.reference = Reference(date(1958, 1, 31), "day")
    assert _value(Underspecified("season", season="SU", relation="same"), story) == "1958-SU"
    following = Underspecified("season", season="SP", relation="following")
    assert _value(following, story) == "1958-SP"
    # Without a creation date a bare season is the one of the year in discussion.
    undated = context("xx", None)
    undated.reference = Reference(date(1706, 7, 1), "month")
    assert _value(Underspecified("season", season="FA"), undated) == "1706-FA"
    assert str(by_year) == "UNDEF-last-year-season-FA"


def test_quarters_not_begun_are_last_years_unless_named_as_the_known_one() -> None:
    ctx = context("xx", date(2021, 3, 4))  # no verb: no tense
    fourth = Underspecified("quarter", unit="quarter", number=4)
    assert _value(fourth, ctx) == "2020-Q4"
    definite = Underspecified("quarter", unit="quarter", number=4, definite=True)
    assert _value(definite, ctx) == "2021-Q4"
    next_year = Underspecified("quarter", unit="half", number=1, offset=1, relation="this")
    assert _value(next_year, ctx) == "2022-H1"
    ending = Underspecified("quarter", unit="quarter", number=4, month=12)
    assert _value(ending, ctx) == "2020-Q4"  # the December quarter nearest March


def test_weekends_and_parts_of_the_day() -> None:
    ctx = context("xx", date(2021, 3, 4))  # a Thursday of week 9
    assert _value(Underspecified("unit", unit="weekend", relation="this"), ctx) == "2021-W09-WE"
    last = Underspecified("unit", unit="weekend", offset=-1, relation="last")
    assert _value(last, ctx) == "2021-W08-WE"
    # "the weekend" without a tense: the one just past.
    assert _value(Underspecified("unit", unit="weekend"), ctx) == "2021-W08-WE"
    last_night = Underspecified("day", offset=-1, part="NI", relation="last")
    assert _value(last_night, ctx) == "2021-03-03TNI"
    ctx.reference = Reference(date(2020, 6, 1), "day")
    next_morning = Underspecified("day", offset=1, part="MO", relation="following")
    assert _value(next_morning, ctx) == "2020-06-02TMO"
    assert str(next_morning) == "UNDEF-REF-day-PLUS-1TMO"


def test_offsets_ago_and_later() -> None:
    ctx = context("xx", date(2021, 3, 4))
    three_years_ago = Underspecified("offset", unit="year", offset=-3, relation="this")
    assert _value(three_years_ago, ctx) == "2018"
    assert _value(Underspecified("offset", unit="week", offset=-1, relation="this"), ctx) == (
        "2021-02-25"  # a week ago names a day
    )
    in_two_weeks = Underspecified("offset", unit="week", offset=2, relation="this", keep_unit=True)
    assert _value(in_two_weeks, ctx) == "2021-W11"
    ctx.reference = Reference(date(1990, 5, 1), "day")
    later = Underspecified("offset", unit="day", offset=4, relation="following")
    found = resolve(later, ctx, 0, 2)
    assert found is not None and (found.value, found.is_reference) == ("1990-05-05", True)
    hours = Underspecified("offset", unit="hour", offset=2, relation="following")
    assert _value(hours, ctx) == "1990-05-01TXX:XX"


def test_holidays_on_the_side_the_tense_points_to() -> None:
    easter = Holiday(easter=True, days_after=-2)
    ctx = context("xx", date(2021, 3, 4))
    assert _value(Underspecified("holiday", holiday=easter), ctx) == "2021-04-02"  # nearest
    assert _value(Underspecified("holiday", holiday=easter, relation="last"), ctx) == ("2020-04-10")
    christmas = Holiday(month=12, day=25)
    assert _value(Underspecified("holiday", holiday=christmas, week=True), ctx) == "2020-W52"
    undated = resolve(Underspecified("holiday", holiday=christmas), context("xx", None), 0, 2)
    assert undated is not None and (undated.value, undated.anchored) == ("XXXX-12-25", False)
    election = Holiday(month=11, weekday=1, nth=1, days_after=1)
    assert holiday_date(election, 2020) == date(2020, 11, 3)
