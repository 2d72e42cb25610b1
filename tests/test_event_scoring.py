"""The blind-set scorer on a small article and hand-made rows (no extractor involved)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from datasette_timeline.events.scoring import read_expectation, score_article

TEXT = (
    "The former minister has died aged 92, his family said.\n\n"
    "Jane Roe joined the navy in 1942. Roe entered parliament in 1945, and in 1945 she "
    "also married. The 1998 Data Protection Act was her work. Sales were up on 2019.\n\n"
    "Acme Corp said on Tuesday it would close the plant."
)
EXPECTED = {
    "events": [
        {
            "expression": None,
            "dated_by": "publication",
            "text_contains": ["has died aged 92"],
            "value": "2021-03-04",
            "precision": "day",
            "weight": "core",
            "type": "other",
            "actors": [],
        },
        {
            "expression": "in 1942",
            "text_contains": ["joined the navy"],
            "value": "1942",
            "precision": "year",
            "weight": "core",
            "type": "military",
            "actors": ["Jane Roe"],
        },
        {
            "expression": "in 1945",
            "text_contains": ["entered parliament"],
            "value": "1945",
            "precision": "year",
            "weight": "minor",
            "type": "election",
            "actors": ["Jane Roe"],
        },
        {
            "expression": "on Tuesday",
            "text_contains": ["close the plant"],
            "value": "2021-03-02",
            "accept": ["2021-03-09"],
            "precision": "day",
            "weight": "core",
            "type": "statement",
            "actors": ["Acme Corp"],
        },
    ],
    "not_events": [
        {"expression": "1998", "text_contains": ["Data Protection Act"], "why": "name"},
        {"expression": "2019", "why": "comparison"},
    ],
    "entities": {
        "Jane Roe": {"kind": "person", "aliases": ["Roe"]},
        "Acme Corp": {"kind": "organization", "aliases": ["Acme"]},
    },
}


@dataclass
class Actor:
    name: str
    kind: str


@dataclass
class Row:
    expression: str
    date: str
    char_start: int
    precision: str = "year"
    event_type: str = "other"
    actors: list[Actor] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    dated_by: str | None = None
    sentence_start: int = 0
    sentence_end: int = 0

    @property
    def char_end(self) -> int:
        return self.char_start + len(self.expression)


def row(expression: str, date: str, nth: int = 0, **kwargs: object) -> Row:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(expression, start + 1)
    return Row(expression, date, start, **kwargs)  # type: ignore[arg-type]


def score(rows: list[Row]):  # type: ignore[no-untyped-def]
    return score_article(TEXT, rows, read_expectation(TEXT, EXPECTED, "art"))


def test_a_perfect_extraction_passes_every_item() -> None:
    died = TEXT.index("The former")
    rows = [
        Row(
            "",
            "2021-03-04",
            died,
            "day",
            dated_by="publication",
            sentence_start=died,
            sentence_end=died + 50,
        ),
        row("in 1942", "1942", event_type="military", actors=[Actor("Jane Roe", "person")]),
        row("in 1945", "1945", event_type="election", actors=[Actor("Roe", "person")]),
        row(
            "on Tuesday",
            "2021-03-09",
            event_type="statement",
            actors=[Actor("Acme", "organization")],
        ),
    ]
    result = score(rows)
    assert result.failures == {}
    scores = result.scores
    assert (scores.precision, scores.core_recall, scores.value_accuracy) == (1.0, 1.0, 1.0)
    assert scores.actors.f1 == 1.0 and scores.junk_actors == 0
    assert {"art#n1", "art#n2", "art#e2:actors"} <= result.passed


def test_noise_duplicates_and_wrong_values_are_named() -> None:
    rows = [
        row("in 1942", "1943", actors=[Actor("Jane", "person")]),
        row("in 1945", "1945"),
        row("in 1945", "1945", nth=1),  # a happening the reader did not list
        row("1998", "1998"),
        row("2019", "2019"),
        row("on Tuesday", "2021-03-02", actors=[Actor("Acme Corp", "person")]),
    ]
    result = score(rows)
    failures = result.failures
    assert failures["art#e1"].startswith("missed")
    assert failures["art#e2"].startswith("value")
    assert "art#e4" not in failures  # an accepted alternative is not needed when the value is right
    assert failures["art#n1"].startswith("extracted") and failures["art#n2"].startswith("extracted")
    assert sum(name.startswith("art#row@") for name in failures) == 3
    scores = result.scores
    assert scores.rows == 6 and scores.right_rows == 3
    assert scores.precision == pytest.approx(0.5)
    assert scores.core_recall == pytest.approx(2 / 3)
    assert scores.noise_by_reason == {
        "unlisted": 1,
        "not-event (name)": 1,
        "not-event (comparison)": 1,
    }
    assert scores.junk_by_reason == {"fragment": 1, "wrong kind": 1}


def test_a_missing_phrase_is_an_error_of_the_file() -> None:
    broken = {
        **EXPECTED,
        "events": [{**EXPECTED["events"][1], "text_contains": ["joined the army"]}],
    }
    with pytest.raises(ValueError, match="not found"):
        read_expectation(TEXT, broken, "art")
