"""Dated expressions that are not events (events.filters), on invented sentences."""

from __future__ import annotations

import pytest

from datasette_timeline.events import extract_events


def expressions(text: str, published: str = "2021-03-04") -> list[str]:
    events = extract_events(text, published)
    return [event.expression for event in events if event.expression is not None]


@pytest.mark.parametrize(
    "text, event",
    [
        # a figure dated in passing, a happening dated "as of", a rise with no base
        ("Headline\nTrade between the two countries in 2019 was worth $3 billion.", "2019"),
        (
            "Headline\nThe bank added $20 million to reserves, raising them to $300 million, "
            "as of June 30.",
            "June 30",
        ),
        ("Headline\nNet income jumped to $6.6 million in the third quarter.", "third quarter"),
        ("Headline\nThe firm was sold for $2 billion a year ago.", "a year ago"),
        ("Headline\nThe strike that began in 2019 has not ended.", "2019"),
        ("Headline\nThe minister has been suspended since July 24.", "July 24"),
        ("Headline\nPolice are probing into last Friday's bombing of the embassy.", "Friday"),
        ("Headline\nThe bomb went off at 10am on Monday.", "10am"),
    ],
)
def test_dated_figures_and_happenings_stay_events(text: str, event: str) -> None:
    found = expressions(text)
    assert any(event in expression for expression in found), found


@pytest.mark.parametrize(
    "text, not_event, event",
    [
        (
            "Headline\nLISBON, March 3 (Reuters) -- The minister resigned on Tuesday.",
            "March 3",
            "Tuesday",
        ),
        (
            "Headline\n\nMarch 04, 2021\n\nThe minister resigned on Tuesday.",
            "March 04, 2021",
            "Tuesday",
        ),
        (
            'Headline\n"Today, ten countries possess such weapons," she said on Monday.',
            "Today",
            "Monday",
        ),
        (
            "Headline\nThe rally was held today. He spoke of the leaders of tomorrow.",
            "tomorrow",
            "today",
        ),
        ("Headline\nToday is the third day of the strike, which began on Tuesday.", None, "Today"),
        (
            "Headline\nProfit rose to $5 million, up from $3 million in 2019, it said on Monday.",
            "2019",
            "Monday",
        ),
        (
            "Headline\nIt is the worst crash since the collapse of the bank in 2008, he said Monday.",
            "2008",
            "Monday",
        ),
        (
            "Headline\nShe has been arrested several times since 2015, police said on Monday.",
            "2015",
            "Monday",
        ),
        ("Headline\nThe mine has been closed since 2015 when a tunnel collapsed.", None, "2015"),
        ("Headline\nShe received the 2020 Nobel Peace Prize on Monday.", "2020", "Monday"),
        (
            "Headline\nFlights leave on Monday and Tuesday nights from March 30.",
            "Monday",
            "March 30",
        ),
        (
            "Headline\nThere was no word on Tuesday of any arrests, police said on Monday.",
            "Tuesday",
            "Monday",
        ),
        (
            "Headline\nA decade ago, the town was a farming village, he said on Monday.",
            "A decade ago",
            "Monday",
        ),
        (
            "Headline\nThe bakery said on Monday that it earned $4.1 million, compared with "
            "net income of $2.3 million in 2019.",
            "2019",
            "Monday",
        ),
        (
            "Headline\nThe peso closed at 20.1 to the dollar on Monday, in line with 20.2 pesos "
            "late Friday.",
            "Friday",
            "Monday",
        ),
        (
            "Headline\nThe ferry line said on Monday it runs 12 boats, up from nine a year ago.",
            "a year ago",
            "Monday",
        ),
        (
            "Headline\nThe mill reported a profit of $3 million for the second quarter on Monday. "
            "It had a loss of $1.2 million, or eight cents a share, a year earlier.",
            "a year earlier",
            "Monday",
        ),
        (
            "Headline\nThe brewer said on Monday that it sold 3% more beer than in the same "
            "month of 2019.",
            "2019",
            "Monday",
        ),
        (
            "Headline\nIn the 2019 period, the brewer earned $8 million, it said on Monday.",
            "2019",
            "Monday",
        ),
        (
            "Headline\nThe club, which has not won a title since 1987, sacked its coach on Monday.",
            "1987",
            "Monday",
        ),
        (
            "Headline\nIts debt as of June 30 was $12 million, the bank said on Monday.",
            "June 30",
            "Monday",
        ),
        (
            "Headline\nAs of March, the chain accounts for 12% of sales, the firm said on Monday.",
            "March",
            "Monday",
        ),
        (
            "Headline\nThe pound's rise since last Tuesday is too fast, the governor said on "
            "Monday.",
            "Tuesday",
            "Monday",
        ),
        (
            "Headline\nShares have been cut nearly in half since August, a trader said on Monday.",
            "August",
            "Monday",
        ),
        (
            "Headline\nProfits should grow throughout the fiscal year, the chief said on Monday.",
            "fiscal year",
            "Monday",
        ),
        (
            "Headline\nThe plant ran short of parts well into the summer, it said on Monday.",
            "summer",
            "Monday",
        ),
        (
            "Headline\nThe museum will be open from 10am to 4pm, its director said on Monday.",
            "10am",
            "Monday",
        ),
        (
            "Headline\nThe museum will be open from 10am to 4pm, its director said on Monday.",
            "4pm",
            "Monday",
        ),
        (
            "Headline\nThe euro was quoted at 1.18 dollars at 10 a.m. on Monday, after the bank "
            "cut rates on Friday.",
            "10 a.m.",
            "Friday",
        ),
    ],
)
def test_not_events_are_left_out(text: str, not_event: str | None, event: str) -> None:
    found = expressions(text)
    assert any(event in expression for expression in found), found
    if not_event is not None:
        assert not any(not_event in expression for expression in found), found


def test_an_undated_lede_is_an_event_on_the_publication_day() -> None:
    text = "Minister dies\nThe former prime minister has died aged 92, his family said.\n"
    (event,) = extract_events(text, "2021-03-04T10:00")
    assert (event.date, event.precision, event.dated_by) == ("2021-03-04", "day", "publication")
    assert event.sentence.startswith("The former prime minister")
    # A lede with its own date, a future or a state gives no publication event.
    for lede in (
        "The minister resigned on Tuesday, his office said.",
        "The minister will resign next month, his office said.",
        "The city is on high alert over the floods in the north.",
        # the lede says its happening was before the publication day, without a date
        "The ministry recently announced new rules for hospitals.",
    ):
        assert all(e.dated_by is None for e in extract_events(f"Head\n{lede}\n", "2021-03-04"))
    # Without a publication date there is nothing to date it by.
    assert extract_events(text, None) == []


def test_a_report_of_dated_news_is_itself_dated_by_the_publication() -> None:
    # The date lies in what "said" reports, or names the period a result is for.
    for lede in (
        "The mill said net income jumped to $6.6 million in the third quarter.",
        "The mill announced a loss for the third quarter of $2 million.",
    ):
        events = extract_events(f"Results\n{lede}\n", "2021-10-26")
        published = [e for e in events if e.dated_by == "publication"]
        assert [(e.date, e.trigger) for e in published] == [("2021-10-26", lede.split()[2])], events
        assert any(e.date == "2021-Q3" for e in events)
    # "said on Tuesday": the report has its own date.
    events = extract_events("Results\nThe mill said on Tuesday that it had closed.\n", "2021-10-27")
    assert all(e.dated_by is None for e in events)


def test_a_period_word_alone_does_not_make_two_statements_one() -> None:
    text = (
        "Results\nThe mill said it earned $5 million in the fiscal first quarter.\n"
        "Earlier this month, the firm said it expected to break even for the quarter.\n"
    )
    events = extract_events(text, "2021-10-26")
    assert [e.dated_by for e in events].count("publication") == 1


def test_a_lede_telling_a_dated_event_of_the_body_becomes_its_mention() -> None:
    text = (
        "Summons\nThe fund's chairman has been issued a court summons, officials said.\n"
        "The group issued the court summons on Tuesday, its president said.\n"
    )
    (event,) = extract_events(text, "1997-04-09")
    assert event.date == "1997-04-08" and event.dated_by is None
    assert [m.expression for m in event.mentions] == [None]
