"""Property tests: the tagger never raises, keeps offsets honest and emits valid values."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from datasette_timeline.timex import tag
from datasette_timeline.timex.timeml import read_timeml, write_timeml
from datasette_timeline.timex.values import bounds, is_valid_value

# Words that steer the text into the grammar, mixed with arbitrary characters.
TEMPORAL_WORDS = [
    "last", "next", "this", "week", "month", "year", "years", "ago", "later", "earlier",
    "Monday", "Friday", "May", "March", "Sept.", "1991", "1990s", "'90s", "the", "of", "in",
    "19th", "century", "third", "quarter", "spring", "fall", "every", "day", "two", "three",
    "a", "few", "hours", "p.m.", "10", "31", "2020-02-30", "12/31/99", "noon", "today",
    "yesterday", "now", "mid-", "early", "late", "about", "nearly", "BC", "AD", "0", "-", ",",
    "2000", "nineteen", "ninety-six", "Christmas", "Thanksgiving", "UTC", "14:48", "\n", "%",
]  # fmt: skip
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(TEMPORAL_WORDS), st.text(max_size=3)), max_size=30).map(
        " ".join
    ),
)
dcts = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2020-11-03T02:00", "0001-01-01", "9999-12-31", "garbage", ""]),
)
anchorings = st.sampled_from(["auto", "news", "narrative"])


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(texts, dcts, anchorings)
def test_tag_never_raises_and_spans_are_exact(text: str, dct: str | None, anchoring: str) -> None:
    found = tag(text, dct, anchoring=anchoring)
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end
        previous_end = timex.end
        assert timex.type in {"DATE", "TIME", "DURATION", "SET"}
        assert is_valid_value(timex.value), timex
        if timex.range_start is not None:
            assert (timex.precision, timex.range_start, timex.range_end) == bounds(timex.value)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_bounds_never_raises(value: str) -> None:
    result = bounds(value)
    if result is not None:
        assert result[1] <= result[2]


@settings(max_examples=100, deadline=None)
@given(texts, st.sampled_from(["2020-11-03", None]))
def test_timeml_round_trip(text: str, dct: str | None) -> None:
    text = text.replace("\r", "")  # XML parsers normalise line ends; ours keeps them
    found = tag(text, dct)
    document = read_timeml(write_timeml("doc-1", dct, text, found))
    assert document.text == text
    assert document.dct == dct
    assert [(t.start, t.end, t.type, t.value) for t in document.timexes] == [
        (t.start, t.end, t.type, t.value) for t in found
    ]
