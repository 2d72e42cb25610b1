"""Event assembly rules: which dates make events, clause text, event types."""

from __future__ import annotations

import pytest

from datasette_timeline.events import (
    EVENT_TYPES,
    TRIGGERS,
    classify_event,
    clause_text,
    extract_events,
)


def events_of(text: str, published: str = "2020-11-03") -> dict[str, object]:
    return {event.expression: event for event in extract_events(text, published)}


def test_comparison_baselines_and_periods_make_no_events() -> None:
    text = (
        "Facing its worst financial crisis since 1989, the government acted on Monday.\n"
        "The index fell to lows not seen since October 1982.\n"
        "It was the third time in the past decade.\n"
        "Relations have been tense since 1991 when troops occupied the town.\n"
        "It arrives on November 11, three days later than originally planned."
    )
    found = events_of(text)
    assert "1989" not in found and "October 1982" not in found
    assert not any("decade" in expression for expression in found)
    assert "1991" in found and "Monday" in found and "November 11" in found
    assert not any("three days" in expression for expression in found)


def test_every_trigger_belongs_to_a_documented_type() -> None:
    assert set(TRIGGERS) <= set(EVENT_TYPES) and "other" in EVENT_TYPES


@pytest.mark.parametrize(
    "sentence, date, kind, trigger",
    [
        (
            "Iran's Supreme Leader Ali Khamenei on Tuesday backed Azerbaijan's right.",
            "Tuesday",
            "statement",
            "backed",
        ),
        (
            "Abbas Araghchi toured four countries last week to discuss the plan.",
            "last week",
            "meeting",
            "toured",
        ),
        ("A cease-fire, however, was agreed to in 1994.", "1994", "agreement", "agreed"),
        (
            "Relations were tense since 1991 when the Armenian military occupied the region.",
            "1991",
            "military",
            "occupied",
        ),
        ("Chrysler filed for bankruptcy Thursday.", "Thursday", "legal", "filed for"),
        ("Thousands of protesters marched on Sunday.", "Sunday", "protest", "protesters"),
        ("Voters re-elected the mayor in 2019.", "2019", "election", "re-elected"),
        ("He was born in San Francisco on February 24, 1955.", "February 24, 1955", "other", None),
        # A statement reporting a done thing is that thing; one reporting an intention stays.
        (
            "The 12:00 UTC announcement by GM that it had filed for bankruptcy came first.",
            "12:00 UTC",
            "legal",
            "filed for",
        ),
        (
            "Fiat announced on Friday that it intends to purchase the stake.",
            "Friday",
            "statement",
            "announced",
        ),
        # Words of another clause, or of a name, are no triggers.
        (
            "Lawmakers rejected it in October, although experts say it was dead.",
            "October",
            "legal",
            "Lawmakers",
        ),
        (
            "Jobs gave the keynote at the World Wide Developers Conference on Monday.",
            "Monday",
            "statement",
            "keynote",
        ),
        # The verb that governs the date decides, not the nearest word.
        (
            "Police said on Tuesday they had arrested 14 men in the port.",
            "Tuesday",
            "legal",
            "arrested",
        ),
        (
            "A spokesman said the envoy left Tuesday for consultations in Cairo.",
            "Tuesday",
            "meeting",
            "consultations",
        ),
        ("The bill was signed into law on Wednesday.", "Wednesday", "legal", "into law"),
        ("The company reported a loss in the third quarter.", "the third quarter", "other", None),
        ("The plane crashed in June, killing 90 people.", "June", "other", None),
        ("He is expected to meet the minister later this afternoon.", "later", "meeting", "meet"),
        # A date that qualifies a noun dates that noun.
        ("Shares rose after Friday's purchases.", "Friday", "agreement", "purchases"),
        ("Talks followed the Aug. 7 embassy bombings.", "Aug. 7", "military", "bombings"),
        ("Investigators studied the Oct. 23 slaying.", "Oct. 23", "other", None),
    ],
)
def test_event_type_and_trigger(sentence: str, date: str, kind: str, trigger: str | None) -> None:
    start = sentence.index(date)
    assert classify_event(sentence, start, start + len(date)) == (kind, trigger)


def spans(sentence: str, *dates: str) -> list[tuple[int, int]]:
    return [(sentence.index(d), sentence.index(d) + len(d)) for d in dates]


def test_a_sentence_with_one_date_is_its_own_text() -> None:
    sentence = "Khamenei said on Tuesday that borders must be respected, and others agreed."
    dates = spans(sentence, "Tuesday")
    assert clause_text(sentence, dates[0], dates) == sentence


def test_each_dated_clause_gets_its_own_text_with_the_shared_subject() -> None:
    sentence = (
        "He fought pancreatic cancer in 2004 and took six months off in early 2009, "
        "later revealing he had undergone a liver transplant."
    )
    first, second = spans(sentence, "2004", "early 2009")
    assert clause_text(sentence, first, [first, second]) == "He fought pancreatic cancer in 2004."
    assert clause_text(sentence, second, [first, second]).startswith(
        "He took six months off in early 2009"
    )


def test_clauses_after_a_subordinator_read_on_their_own() -> None:
    sentence = (
        "The index fell another 1.4% Thursday, over financial turmoil after the massive "
        "earthquake hit the country a week ago."
    )
    first, second = spans(sentence, "Thursday", "a week ago")
    assert clause_text(sentence, first, [first, second]) == (
        "The index fell another 1.4% Thursday, over financial turmoil."
    )
    assert clause_text(sentence, second, [first, second]) == (
        "The massive earthquake hit the country a week ago."
    )


def test_no_clause_split_without_a_boundary_or_with_dangling_quotes() -> None:
    sentence = "At 16:15 UTC, June 1st, Henderson, whose firm filed earlier today, outlined a plan."
    first, second = spans(sentence, "16:15 UTC", "earlier today")
    assert clause_text(sentence, first, [first, second]) == sentence
    # Cutting inside a quotation would leave a dangling quote: keep the sentence.
    quoted = 'He said "we left in 2004; we came back in 2009" to reporters.'
    one, two = spans(quoted, "2004", "2009")
    assert clause_text(quoted, one, [one, two]) == quoted
    assert clause_text(quoted, two, [one, two]) == quoted


def test_events_keep_the_full_sentence_and_offsets() -> None:
    text = "Headline\nHe fought cancer in 2004 and took time off in early 2009, aides said."
    for event in extract_events(text, "2011-01-17"):
        assert text[event.char_start : event.char_end] == event.expression
        assert text[event.sentence_start : event.sentence_end] == event.sentence
        assert event.expression in event.text


def test_fragments_are_not_shown_alone() -> None:
    sentence = (
        "Since they began their offensive in mid October, they have seized a quarter of "
        "Zaire, and pledged to march into Kinshasa by June."
    )
    first, second = spans(sentence, "mid October", "June")
    assert clause_text(sentence, first, [first, second]) == (
        "Since they began their offensive in mid October, they have seized a quarter of Zaire."
    )
    # The shared subject comes back after a leading adverbial clause.
    assert clause_text(sentence, second, [first, second]) == (
        "They pledged to march into Kinshasa by June."
    )
    other = "He was forced in 1983 to repay money, and in 1982 repaid travel expenses."
    one, two = spans(other, "1983", "1982")
    assert clause_text(other, two, [one, two]) == other  # "In 1982 repaid ...": no subject
