"""Dates counted from another event or from the time of writing (events.relative), on
invented sentences."""

from __future__ import annotations

import pytest

from datasette_timeline.events import Event, extract_events
from datasette_timeline.events.relative import happening_keys, shifted_value


def events(body: str, published: str = "2021-06-10") -> list[Event]:
    return extract_events(f"Headline of the story\n{body}\n", published)


def counted(body: str, published: str = "2021-06-10") -> list[tuple[str, str | None, str]]:
    """(value, precision, expression) of the events dated by a relative phrase."""
    return [
        (e.date, e.precision, e.expression or "")
        for e in events(body, published)
        if e.expression and (" after " in e.expression or " before " in e.expression)
    ]


def test_the_anchor_dated_elsewhere_dates_the_clause() -> None:
    body = (
        "The parliament voted on 1 June to dissolve itself after a long debate. "
        "Three days after the vote, the president resigned from office."
    )
    found = events(body)
    assert [(e.date, e.expression) for e in found] == [
        ("2021-06-01", "1 June"),
        ("2021-06-04", "Three days after the vote"),
    ]
    assert found[1].text.startswith("Three days after the vote, the president resigned")


def test_a_clause_anchor_matches_its_verb_and_another_word() -> None:
    body = (
        "Her husband died on 3 May 2020 in a hospital in the capital city. "
        "Nine days after her husband died, she left the country with her children."
    )
    assert counted(body) == [("2020-05-12", "day", "Nine days after her husband died")]
    # The noun of the happening finds its verb: "his death" and "died".
    body = (
        "The old king died on 3 May 2020 in his palace in the capital city. "
        "Nine days after his death, the queen left the country with her children."
    )
    assert counted(body) == [("2020-05-12", "day", "Nine days after his death")]


def test_the_value_is_no_finer_than_the_offset_nor_the_anchor() -> None:
    body = (
        "The attack on the town happened on 2 March, officials said. "
        "A month after the attack, troops withdrew from the town."
    )
    assert counted(body) == [("2021-04", "month", "A month after the attack")]
    body = "He was elected president of the republic in 2004 and resigned two years after his election."
    assert counted(body) == [("2006", "year", "two years after his election")]
    # A date inside the anchor phrase is the anchor's.
    body = "He resigned from his post as president two years after his election in 2004."
    assert counted(body) == [("2006", "year", "two years after his election")]


def test_an_undated_anchor_is_dated_by_the_clause() -> None:
    body = (
        "Kibaki dissolved his entire cabinet on Wednesday, a day after the proposed "
        "draft constitution was rejected in a referendum."
    )
    found = [e for e in events(body) if e.expression and "after" in e.expression]
    (rejection,) = found
    assert (rejection.date, rejection.precision) == ("2021-06-08", "day")
    assert rejection.event_type == "election"  # the referendum, not the dissolving
    # "comes ... after": the clause is the time of writing.
    body = (
        "Qantas will double its flights to India by August, the airline said. This move "
        "comes barely a month after Qantas suspended a number of services to Indonesia."
    )
    assert counted(body) == [("2021-05", "month", "barely a month after Qantas suspended")]


def test_in_so_many_weeks_time_is_a_week_ahead() -> None:
    found = events(
        "The minister said on Monday that the report will be published in two weeks' time."
    )
    # The tagger's span ("two weeks' time") or the event stage's ("in two weeks' time").
    ahead = [e for e in found if "two weeks' time" in e.expression]
    assert [(e.date, e.precision) for e in ahead] == [("2021-W25", "week")]
    found = events("In five years time, annual growth will reach ten billion dollars, he said.")
    assert [e.date for e in found if "five years time" in e.expression] == ["2026"]


@pytest.mark.parametrize(
    "body",
    [
        # No dated anchor and no dated clause.
        "Fifteen years after the Cold War came to an end, the chief lamented the state of the world.",
        "It wasn't until twenty years after the first astronauts were chosen that NASA included women.",
        # A bound, a duration or a vague amount, not an offset.
        "They became members of the alliance today, less than a decade after exchanging communist rule.",
        "He had been prime minister for 22 years before he retired on Oct. 31, 2003.",
        "Campaigning went on for hours after the deadline, critics said on Sunday.",
        # The anchor is a person, not a happening.
        "The former prime minister has died at the age of 92, his family said, nine days after his wife.",
        # The clause's date belongs to the saying, not to the arrest.
        "Police said on Monday that the suspect was arrested two days after the attack in the city.",
        # The anchor's word tells two events of different dates.
        "The first vote was held on 2 March and a second vote on 9 March. "
        "Three days after the vote, the minister resigned from the government.",
        # The date in the anchor phrase is the ballot's, not the calling's.
        "Barely 10 days after Chirac called the ballot scheduled for May 25, polls are forecasting a victory.",
    ],
)
def test_no_anchor_no_event(body: str) -> None:
    # After a lede with a date of its own, so that no sentence is dated by the publication.
    assert counted(f"The envoys met in Vienna on Tuesday to discuss the crisis. {body}") == []


def test_a_year_that_covers_the_time_of_writing_is_an_anniversary() -> None:
    body = (
        "The prize was awarded to the agency on Saturday in Oslo. They received it "
        "60 years after the United States dropped bombs on Hiroshima on August 6, 1945."
    )
    assert counted(body, "2005-12-10") == []
    assert counted(body, "2021-06-10") == [
        ("2005", "year", "60 years after the United States dropped")
    ]


def test_a_counted_date_agrees_with_the_tense_of_its_clause() -> None:
    body = (
        "The parliament voted on 8 June to dissolve itself after a long debate. "
        "Three days after the vote, the president resigned from office."
    )
    assert counted(body) == []  # a past resignation after the time of writing
    future = body.replace("the president resigned", "the president will resign")
    assert counted(future) == [("2021-06-11", "day", "Three days after the vote")]


def test_a_phrase_put_first_does_not_take_its_own_clause_as_anchor() -> None:
    body = (
        "Just two weeks after China sent global markets into a tumble, growing worries "
        "about mortgage lenders are sending jitters through stock exchanges."
    )
    assert counted(body, "2007-03-13") == [("2007-02-27", "day", "Just two weeks after China sent")]


@pytest.mark.parametrize(
    "period, amount, unit, approximate, value",
    [
        (("day", "2021-03-02", "2021-03-02"), 3, "day", False, "2021-03-05"),
        (("day", "2021-03-02", "2021-03-02"), -2, "week", False, "2021-02-16"),
        (("day", "2021-03-02", "2021-03-02"), 2, "week", True, "2021-W11"),
        (("day", "2021-03-31", "2021-03-31"), 1, "month", False, "2021-04"),
        (("month", "2021-03-01", "2021-03-31"), 1, "month", False, "2021-04"),
        (("year", "2004-01-01", "2004-12-31"), 2, "year", False, "2006"),
        # A shift that takes a coarse date across its own bounds says nothing.
        (("month", "2021-03-01", "2021-03-31"), 3, "day", False, None),
        (("year", "2004-01-01", "2004-12-31"), 6, "month", False, None),
    ],
)
def test_shifted_values(
    period: tuple[str, str, str], amount: int, unit: str, approximate: bool, value: str | None
) -> None:
    assert shifted_value(period, amount, unit, approximate) == value


@pytest.mark.parametrize(
    "noun, verb",
    [("vote", "voted"), ("election", "elected"), ("death", "died"), ("resignation", "resigned")],
)
def test_happenings_are_found_by_noun_or_verb(noun: str, verb: str) -> None:
    assert happening_keys(noun) & happening_keys(verb)


def test_the_lede_put_after_a_phrase_is_dated_by_the_publication() -> None:
    body = (
        "Just two weeks after China sent global markets into a tumble, growing worries "
        "about mortgage lenders are sending jitters through stock exchanges."
    )
    text = f"Headline of the story\n{body}\n"
    (lede,) = [e for e in extract_events(text, "2007-03-13") if e.dated_by == "publication"]
    assert text[lede.char_start : lede.char_end] == "are sending"  # not "sent"
    # Its publication day dates the anchor of a phrase in it.
    body = "Fifteen years after the Cold War came to an end, the agency's chief lamented the state of the world."
    assert counted(body, "2005-12-10") == [
        ("1990", "year", "Fifteen years after the Cold War came")
    ]
