"""One event, many mentions within an article (events.mentions.merge_mentions)."""

from __future__ import annotations

from datasette_timeline.events import extract_events


def test_a_second_mention_of_the_same_happening_becomes_a_mention() -> None:
    text = (
        "Court summons for the fund\n"
        "A rabbinical group issued a court summons Tuesday against the fund, its lawyer said.\n"
        "The fund's director said he had not seen it. The summons was issued by mail Tuesday.\n"
    )
    events = extract_events(text, "1997-04-09")
    tuesdays = [e for e in events if e.date == "1997-04-08"]
    assert len(tuesdays) == 1
    (event,) = tuesdays
    assert event.mention_count == 2
    (mention,) = event.mentions
    assert text[mention.char_start : mention.char_end] == "Tuesday"
    assert "by mail" in mention.sentence and "by mail" not in event.sentence


def test_the_finer_date_of_a_coarse_and_fine_pair_is_kept() -> None:
    text = (
        "Bombings linked\n"
        "Police said on Thursday that last month's bomb explosion at a clinic was linked.\n"
        "The clinic bomb explosion on 29 January killed a guard.\n"
    )
    events = extract_events(text, "1998-02-27")
    assert [(e.date, e.mention_count) for e in events] == [("1998-02-26", 1), ("1998-01-29", 2)]
    assert events[1].mentions[0].expression == "last month"


def test_events_of_one_day_with_different_happenings_stay_apart() -> None:
    text = (
        "Talks and a vote\n"
        "The ministers met on Tuesday in Geneva to discuss the border.\n"
        "Parliament voted on Tuesday to ratify the border treaty.\n"
        "At a separate meeting on Tuesday, the ministers met the press in Geneva.\n"
    )
    events = extract_events(text, "2021-03-04")
    assert len(events) == 3
    assert all(e.mention_count == 1 for e in events)


def test_two_dates_of_one_sentence_are_two_events() -> None:
    text = "Votes\nThe council voted on Monday and voted again on Tuesday on the budget.\n"
    events = extract_events(text, "2021-03-04")
    assert len(events) == 2


def test_a_period_and_the_day_it_ends_are_one_event_dated_by_the_day() -> None:
    text = "Results\nThe mill reported a profit of $3 million for the quarter ended Sept. 29.\n"
    # (the report itself is dated by the publication: its own row)
    events = [e for e in extract_events(text, "1989-10-20") if e.dated_by is None]
    assert [(e.expression, e.date) for e in events] == [("Sept. 29", "1989-09-29")]
    assert [m.expression for m in events[0].mentions] == ["the quarter"]


def test_coordinated_days_of_one_happening_are_one_event() -> None:
    text = "Inquiry\nThe experts will inspect the two mills on Tuesday and Wednesday.\n"
    events = extract_events(text, "2021-03-01")
    assert len(events) == 1
    assert events[0].mention_count == 2


def test_a_coarse_date_made_finer_in_the_same_clause_is_one_event() -> None:
    text = (
        "Derby\nThe sides last met in 1994, a goalless draw at the old ground on 28 June.\n"
        "This year's fair will take place on Saturday 17 October.\n"
    )
    events = extract_events(text, "2026-09-01")
    assert [e.date for e in events] == ["1994-06-28", "2026-10-17"]
    assert all(e.mention_count == 2 for e in events)


def test_a_bare_reporting_period_points_back_at_the_period_named_before() -> None:
    text = (
        "Results\nThe mill said it earned $5 million in the third quarter.\n"
        "It shipped 2,000 tonnes of paper in the quarter, and sales rose in the latest "
        "quarter to $40 million.\n"
    )
    events = [e for e in extract_events(text, "2021-10-20") if e.dated_by is None]
    assert [(e.expression, e.mention_count) for e in events] == [("the third quarter", 3)]


def test_dates_with_a_verb_between_stay_two_events() -> None:
    text = (
        "Votes\nThe council met in 2019 and voted on 3 May to close the mill.\n"
        "The ministers met on Monday, and on Tuesday they signed the treaty.\n"
    )
    events = extract_events(text, "2021-03-04")
    assert len(events) == 4


def test_a_bare_time_of_day_details_the_happening_told_on_its_day() -> None:
    text = (
        "Visit\nThe delegation arrived in the port on Wednesday for a three-day visit.\n"
        "Its members left the ferry at noon.\n"
        "Shares in the ferry company rose 6% by midday.\n"
    )
    events = extract_events(text, "2021-03-03")
    assert [(e.date, e.mention_count) for e in events] == [
        ("2021-03-03", 2),
        ("2021-03-03T12:00", 1),
    ]
    assert events[0].mentions[0].expression == "noon"


def test_the_same_dated_noun_in_two_sentences_is_one_happening() -> None:
    text = (
        "Floods\nSchools in the towns worst hit by last month's floods will reopen, "
        "officials said.\n"
        "The floods on the 29th of October drowned the valley.\n"
        "The storms of last month cut power to the coast.\n"
    )
    events = extract_events(text, "2024-11-22")
    floods = [e for e in events if "floods" in e.sentence and e.dated_by is None]
    assert [(e.date, e.mention_count) for e in floods] == [("2024-10-29", 2)]
    # another noun of the same month stays its own event
    assert any(e.date == "2024-10" and "storms" in e.sentence for e in events)
