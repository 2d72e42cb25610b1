"""The resolver anchors underspecified values without knowing the language that said
them: a pack for another language builds the same values from its own words."""

from __future__ import annotations

from datetime import date

import pytest

from datasette_timeline.timex import tag
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
