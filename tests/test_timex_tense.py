"""The verb that governs a temporal expression decides which side of the reference time
it falls on: its tense, aspect and modality, not the nearest cue word."""

from __future__ import annotations

import pytest

from datasette_timeline.timex import tag
from datasette_timeline.timex.lang.en.tense import read_tense
from datasette_timeline.timex.reading import Reading


def reading_of(sentence: str, expression: str) -> Reading:
    start = sentence.index(expression)
    return read_tense(sentence, start, start + len(expression))


def governing_verb(sentence: str, expression: str) -> str | None:
    reading = reading_of(sentence, expression)
    return sentence[reading.verb[0] : reading.verb[1]] if reading.verb else None


@pytest.mark.parametrize(
    ("sentence", "expression", "verb", "tense", "direction"),
    [
        # "to a ceasefire" is a preposition and its object, not "to" and a verb.
        (
            "The two governments agreed to a ceasefire on Tuesday, officials said.",
            "Tuesday",
            "agreed",
            "past",
            "past",
        ),
        # The participle "called by the UN" describes the conference.
        (
            "The conference called by the UN will be held in Geneva on Thursday.",
            "Thursday",
            "will be held",
            "future",
            "future",
        ),
        ("Most commentators expect an election on 7 June.", "7 June", "expect", "future", "future"),
        ("The company plans to hold talks on Monday.", "Monday", "to hold", "future", "future"),
        (
            "The minister is expected to visit on Friday.",
            "Friday",
            "is expected to visit",
            "future",
            "future",
        ),
        ("On Tuesday, the two governments agreed a truce.", "Tuesday", "agreed", "past", "past"),
        ("The board has approved the plan on Monday.", "Monday", "has approved", "perfect", "past"),
        ("They play Malta on 9 October.", "9 October", "play", "present", "future"),
        ("Markets will close at 1 p.m. and remain shut on Monday.", "Monday", None, "future", None),
        (
            "The exchange will stay closed through Friday.",
            "Friday",
            "will stay closed",
            "future",
            None,
        ),
        (
            "He faces prison when he is sentenced on May 4.",
            "May 4",
            "is sentenced",
            "present",
            None,
        ),
        ("Protesters planned a large rally on Saturday.", "Saturday", "planned", "future", None),
        ("Cuba predicted Wednesday that talks would fail.", "Wednesday", "predicted", "past", None),
        (
            "It had been due to expire Friday evening.",
            "Friday",
            "had been due to expire",
            "past",
            "past",
        ),
        ("Her lawyer could not be reached Wednesday.", "Wednesday", None, "past", None),
        ("The library will be closed today and Friday.", "Friday", None, "future", None),
        ("The 12 April game is sold out.", "12 April", "is sold", "present", None),
        # "Ill." followed by a comma ends no sentence: the infinitive governs.
        (
            "They agreed to buy the Peoria, Ill., bank in January.",
            "January",
            "to buy",
            "future",
            "future",
        ),
    ],
)
def test_the_governing_verb_and_its_tense(
    sentence: str, expression: str, verb: str | None, tense: str | None, direction: str | None
) -> None:
    reading = reading_of(sentence, expression)
    if verb is not None:
        assert governing_verb(sentence, expression) == verb
    assert reading.tense == tense
    if direction is not None:
        assert reading.direction == direction


@pytest.mark.parametrize(
    ("sentence", "dct", "value"),
    [
        ("The two governments agreed to a ceasefire on Tuesday, officials said.", "2021-03-04", "2021-03-02"),
        ("The conference called by the UN will be held in Geneva on Monday.", "2021-03-04", "2021-03-08"),
        ("Most commentators expect an election on 7 June.", "2021-11-04", "2022-06-07"),
        ("France, who last won the tournament in 1998, play Denmark on Tuesday.", "2018-06-21", "2018-06-26"),
        ("Tom Brady returns to Foxborough on Sunday night.", "2021-09-27", "2021-10-03TNI"),
        ("The Rio Games open on Friday evening.", "2016-08-04", "2016-08-05TEV"),
        ("Economists had expected the cut since the referendum in June.", "2016-08-04", "2016-06"),
        ("The restaurant served its last meal Sunday.", "2014-10-02", "2014-09-28"),
        ("Tornadoes tore through six Southern states on Sunday.", "2020-04-15", "2020-04-12"),
        ("The Brexit vote in June and Tuesday's result share a thread.", "2016-11-09", "2016-06"),
        ("On Tuesday, the Rights League plans to hold a news conference.", "1998-10-26", "1998-10-27"),
        ("He will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said.", "2000-04-05", "2000-04-06T04:00"),
    ],
)  # fmt: skip
def test_values_follow_the_governing_verb(sentence: str, dct: str, value: str) -> None:
    found = tag(sentence, dct)
    assert value in [timex.value for timex in found]


def test_every_timex_carries_the_reading_of_its_clause() -> None:
    text = "The conference called by the UN will be held in Geneva on Thursday."
    [timex] = tag(text, "2021-03-04")
    assert timex.tense == "future"
    assert timex.modality == "will"
    assert timex.verb == "will be held"
    assert text[timex.verb_start : timex.verb_end] == "will be held"  # type: ignore[index]
