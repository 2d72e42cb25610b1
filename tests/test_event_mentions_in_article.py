"""One event, many mentions within an article (event_mentions.merge_mentions)."""

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
