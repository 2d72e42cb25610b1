"""Pure parts of the web view: dates at their precision, overview periods, links, exports."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from datasette_timeline.timex.values import SEASON_MONTHS, bounds, is_valid_value
from datasette_timeline.web.config import (
    TimelineConfigError,
    columns_from_names,
    configured_columns,
    date_column_candidates,
    looks_like_dates,
)
from datasette_timeline.web.dates import SEASONS, display_date, html_datetime, infer_precision
from datasette_timeline.web.exports import ics_escape, ics_fold
from datasette_timeline.web.present import json_list, safe_url
from datasette_timeline.web.query import After, decode_next, encode_next


@pytest.mark.parametrize(
    ("value", "precision", "words"),
    [
        ("1991", "year", "1991"),
        ("2020-10", "month", "October 2020"),
        ("2020-W44", "week", "week of 26 October 2020"),
        ("2020-11-03", "day", "3 November 2020"),
        ("2020-W01", "week", "week of 30 December 2019"),
        ("199", "decade", "1990s"),
        ("2020-Q3", "quarter", "Q3 2020"),
        ("2020-SU", "season", "summer 2020"),
        ("2020-H1", "half", "first half of 2020"),
        ("2020-11-03T02:00", "minute", "3 November 2020, 02:00"),
        ("2020-11-03T23:30:00Z", "second", "3 November 2020, 23:30 UTC"),
        ("2020-11-03", "month", "November 2020"),
    ],
)
def test_display_at_true_precision(value: str, precision: str, words: str) -> None:
    assert display_date(value, precision) == words


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("1991", "year"),
        ("2020-10", "month"),
        ("2020-W44", "week"),
        ("2020-11-03", "day"),
        ("2020-11-03T02:00", "minute"),
        ("19", "century"),
        ("soon", None),
    ],
)
def test_infer_precision(value: str, precision: str | None) -> None:
    assert infer_precision(value) == precision


@pytest.mark.parametrize(
    ("value", "precision", "words"),
    [
        ("2020-AU", None, "2020-AU"),  # no TIMEX3 season code (autumn is FA)
        ("2020-FA", "season", "autumn 2020"),
        ("BC0044", "year", "44 BC"),
        ("2020-11-03TMO", "day", "3 November 2020"),
        ("2020-W44-WE", "week", "weekend of 31 October 2020"),
        ("2020-W44-3", "day", "28 October 2020"),
        ("2020-11-03T10:30+05:30", "minute", "3 November 2020, 10:30"),
    ],
)
def test_timex_values_read_as_the_tagger_reads_them(
    value: str, precision: str | None, words: str
) -> None:
    """The web layer reads TIMEX3 values with the tagger's grammar and bounds: the same
    codes are valid, at the same precision."""
    assert infer_precision(value) == precision
    assert display_date(value) == words
    found = bounds(value) if is_valid_value(value) else None
    assert (found[0] if found else None) == precision


def test_the_season_words_are_the_tagger_s_codes() -> None:
    assert set(SEASONS) == set(SEASON_MONTHS)


def test_html_datetime_only_for_forms_html_accepts() -> None:
    assert html_datetime("1991") == "1991"
    assert html_datetime("2020-W44") == "2020-W44"
    assert html_datetime("2020-11-03 02:00") == "2020-11-03T02:00"
    for impossible in ("2020-13", "2020-W60", "2021-02-30", "199", "2020-Q1", "soon"):
        assert html_datetime(impossible) is None, impossible


HTML_DATETIME = re.compile(
    r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?|-W\d{2})?$"
)


@given(st.text(max_size=30))
def test_any_text_displays_and_never_yields_an_invalid_datetime(value: str) -> None:
    assert isinstance(display_date(value), str)
    result = html_datetime(value)
    assert result is None or HTML_DATETIME.match(result)


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9998, 12, 31)))
def test_days_display_as_written(day: dt.date) -> None:
    iso = day.isoformat()
    assert display_date(iso) == f"{day.day} {day.strftime('%B')} {day.year}"
    assert html_datetime(iso) == iso


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.org/a", True),
        ("http://x.test", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,x", False),
        ("//evil.test", False),
        ("/relative", False),
        (None, False),
        ("https://", False),
    ],
)
def test_only_absolute_http_links(url: str | None, safe: bool) -> None:
    assert (safe_url(url) is not None) == safe


def test_json_list_tolerates_anything() -> None:
    assert json_list('["a", 1, null, ["x"]]') == ["a", "1"]
    assert json_list("not json") == []
    assert json_list('{"a": 1}') == []
    assert json_list(None) == []


@given(st.text(max_size=300))
def test_ics_lines_fold_within_75_octets_and_unfold_back(text: str) -> None:
    line = "SUMMARY:" + ics_escape(text)
    folded = ics_fold(line)
    assert all(len(part.encode("utf-8")) <= 75 for part in folded)
    assert folded[0] + "".join(part[1:] for part in folded[1:]) == line
    assert "\n" not in "".join(folded)


@given(
    st.integers(0, 5),
    st.lists(st.one_of(st.text(max_size=20), st.integers(), st.none()), max_size=4),
    st.integers(0, 10**6),
)
def test_next_tokens_round_trip(segment: int, values: list[str | int | None], shown: int) -> None:
    token = encode_next(segment, values, shown)
    assert decode_next(token) == After(segment, tuple(values), shown)


def test_date_detection_by_name_and_content() -> None:
    assert date_column_candidates(["id", "title", "created_at", "start"]) == ["start", "created_at"]
    assert looks_like_dates(["2020-01-02", "2020-01-03T10:00:00Z"], allow_timex=False)
    assert not looks_like_dates(["1991"], allow_timex=False)
    assert looks_like_dates(["1991", "-0044", "1969-07"], allow_timex=True)
    # Most values, not all: one value of another kind does not hide a column of dates.
    mostly = ["2020-01-02"] * 8 + ["July 20, 1969", "-0044-03-15", "sometime"]
    assert looks_like_dates(mostly, allow_timex=False)
    assert not looks_like_dates(["2020-01-02", "soon", "later"], allow_timex=True)
    assert not looks_like_dates([], allow_timex=True)
    assert not looks_like_dates([20200102], allow_timex=True)
    # Small numbers are years only in a column named like dates.
    assert not looks_like_dates([3, 5, 1200], allow_timex=False)


def test_configured_columns_are_checked() -> None:
    columns = ["id", "when_it_happened", "label"]
    assert configured_columns({"date_column": "when_it_happened"}, columns) == {
        "date": "when_it_happened"
    }
    with pytest.raises(TimelineConfigError):
        configured_columns({"date_column": "nope"}, columns)
    with pytest.raises(TimelineConfigError):
        configured_columns({"label_column": ["label"]}, columns)


def test_our_schema_is_read_by_name() -> None:
    columns = [
        "id",
        "document_id",
        "date",
        "precision",
        "start",
        "end",
        "year",
        "text",
        "actors",
        "places",
        "sentence",
        "mod",
    ]
    found = columns_from_names(columns, "start", {})
    assert (found.value, found.end, found.precision, found.label, found.group) == (
        "date",
        "end",
        "precision",
        "text",
        "actors",
    )
    assert found.get("places") == "places" and found.get("document") == "document_id"


def test_long_texts_are_shortened_at_a_word() -> None:
    from datasette_timeline.web.present import shortened

    assert shortened("short") == "short"
    long = "word " * 200
    cut = shortened(long, 50)
    assert cut.endswith(" …") and len(cut) <= 52 and "wor …" not in cut
