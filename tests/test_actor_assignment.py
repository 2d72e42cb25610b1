"""The actors of each event: entities per article first, then the event's own clause."""

from __future__ import annotations

import pytest

from datasette_timeline.actors import find_entities
from datasette_timeline.events import extract_events


def actors(text: str, expression: str, published: str = "2024-03-08") -> list[str]:
    """The actor names of the event dated by ``expression`` ("on Tuesday" finds the event
    whose date is written "Tuesday") in ``text``."""
    events = [
        e
        for e in extract_events(text, published)
        if e.expression is not None
        and (e.expression == expression or expression.endswith(" " + e.expression))
    ]
    assert len(events) == 1, [e.expression for e in extract_events(text, published)]
    return [actor.name for actor in events[0].actors]


@pytest.mark.parametrize(
    "text, expression, expected",
    [
        ("Germany protested on Tuesday.", "on Tuesday", ["Germany"]),
        ("Thousands of people in Germany protested on Tuesday.", "on Tuesday", []),
        (
            "The airline Qantas added flights between Australia and India on Tuesday.",
            "on Tuesday",
            ["Qantas"],
        ),
        ("Iraqi troops crossed the border on Tuesday.", "on Tuesday", ["Iraq"]),
        ("Iraqi civilians were killed on Tuesday.", "on Tuesday", []),
        ("The British government resigned on Tuesday.", "on Tuesday", ["United Kingdom"]),
        ("Americans voted on Tuesday.", "on Tuesday", []),
        ("The ship left Tanzania's commercial capital on Tuesday.", "on Tuesday", []),
        (
            "Iran condemned Iraq's invasion of Kuwait on Tuesday.",
            "on Tuesday",
            ["Iran", "Iraq", "Kuwait"],
        ),
        (
            "Thai Prime Minister Chaowalit Yongchaiyudh resigned on Thursday.",
            "on Thursday",
            ["Chaowalit Yongchaiyudh"],
        ),
        ("They backed an anti-Iraq blockade on Tuesday.", "on Tuesday", []),
        # people of a country are not the country acting
        ("All Macao residents were scanned on Tuesday.", "on Tuesday", []),
        # nor is a country that makes a topic, a product or a player's team
        (
            "Germany will not change its Iraq policy, Steinmeier said on Wednesday.",
            "on Wednesday",
            ["Germany", "Steinmeier"],
        ),
        ("A ship of China-made presents arrived on Saturday.", "on Saturday", []),
        (
            "England midfielder Steven Gerrard scored on Saturday.",
            "on Saturday",
            ["Steven Gerrard"],
        ),
        # ISO 3166's spelling is the country's name, and a body keeps its name as written
        ("Macao resumed border checks on Tuesday.", "on Tuesday", ["Macao"]),
        (
            "The Macau Health Bureau resumed checks on Tuesday.",
            "on Tuesday",
            ["Macau Health Bureau"],
        ),
    ],
)
def test_a_country_is_an_actor_where_it_acts_not_where_it_places(
    text: str, expression: str, expected: list[str]
) -> None:
    assert actors(text, expression) == expected


def test_the_dateline_names_no_actor() -> None:
    text = "CANBERRA, Australia (AP)_ Qantas will almost double its flights by August."
    assert actors(text, "by August") == ["Qantas"]


def test_who_reported_is_not_an_actor_of_what_was_reported_about_others() -> None:
    text = (
        "Sgt. Derek Glenn, a spokesman for the Newark Police Department, said that of nine "
        "women who had been killed last year, suspects were arrested in four cases."
    )
    assert actors(text, "last year") == []
    text = (
        "Iraqi President Saddam Hussein spoke on Monday. "
        "Saddam said he will begin withdrawing troops on Friday."
    )
    assert actors(text, "on Friday") == ["Saddam Hussein"]


def test_a_date_in_a_subordinate_clause_takes_that_clause_only() -> None:
    text = (
        "They received their prize from Ole Mjoes 60 years after the United States dropped "
        "an atomic bomb on Hiroshima on August 6, 1945."
    )
    assert actors(text, "August 6, 1945") == ["United States"]


def test_each_dated_item_of_a_list_takes_its_own_names_and_the_shared_subject() -> None:
    text = (
        "NATO was founded by twelve countries. "
        "Since then NATO has been expanded to include Greece and Turkey in 1952, Germany "
        "in 1955 and Spain in 1982."
    )
    assert actors(text, "in 1952") == ["NATO", "Greece", "Turkey"]
    assert actors(text, "in 1955") == ["NATO", "Germany"]
    assert actors(text, "in 1982") == ["NATO", "Spain"]


def test_an_employer_named_beside_a_person_is_not_an_actor() -> None:
    assert actors("Air Force pilot Michael Blassie died in May 1972.", "in May 1972") == [
        "Michael Blassie"
    ]


def test_a_phrase_describing_the_date_names_no_actor() -> None:
    text = (
        "At a separate ceremony on Saturday, the anniversary of the death of Alfred Nobel, "
        "the winners received their awards from King Carl XVI Gustaf."
    )
    assert actors(text, "on Saturday") == ["Carl XVI Gustaf"]


# --- the entity step: pronouns, "the agency", titles ---------------------------------------


def test_a_pronoun_needs_a_named_subject_in_the_sentence_before() -> None:
    # The subject of the first sentence is not a name: "He" stays unresolved.
    text = (
        "The former minister joined the navy in 1942, said the party leader John Smith. "
        "He entered parliament in 1945."
    )
    assert actors(text, "in 1945") == []
    text = (
        "Secretary-General Kofi Annan met President Saddam Hussein in Baghdad on Sunday. "
        "He flew to Paris on Monday."
    )
    assert actors(text, "on Monday") == ["Kofi Annan"]


def test_a_pronoun_agrees_in_gender_with_a_known_first_name() -> None:
    pytest.importorskip("names")
    text = "Mary Robinson met John Major on Sunday. He flew home on Monday."
    assert actors(text, "on Monday") == []
    text = "Mary Robinson met John Major on Sunday. She flew home on Monday."
    assert actors(text, "on Monday") == ["Mary Robinson"]


def test_it_stands_for_the_organisation_that_was_the_subject_before() -> None:
    text = (
        "The airline Qantas announced new flights on Friday. "
        "It said the first would leave on March 30."
    )
    assert actors(text, "on March 30") == ["Qantas"]
    text = (
        "The airline Qantas announced new flights on Friday. "
        "It is expected that many will fly in May."
    )
    assert actors(text, "in May") == []


def test_the_agency_stands_for_the_one_agency_named_before() -> None:
    text = (
        "The National Aeronautics and Space Administration chose a commander. "
        "The agency said on Tuesday that the mission would fly."
    )
    assert actors(text, "on Tuesday") == ["National Aeronautics and Space Administration"]
    text = (
        "The Food and Drug Administration and the Environmental Protection Agency met. "
        "The agency said on Tuesday that the rule would change."
    )
    assert actors(text, "on Tuesday") == []


def test_the_company_stands_for_the_one_company_named_before() -> None:
    text = (
        "American carmaker Chrysler LLC has said that it wants to cut dealers. In a filing "
        "on Thursday, the firm stated its network is antiquated."
    )
    assert actors(text, "on Thursday") == ["Chrysler"]


def test_an_acronym_is_its_expansion() -> None:
    text = (
        "The Nigerian Civil Aviation Authority (NCAA) suspended five carriers. "
        "The NCAA revoked a certificate on October 30."
    )
    assert actors(text, "on October 30") == ["Nigerian Civil Aviation Authority"]


def test_a_title_with_a_surname_is_a_name_until_the_full_name_is_given() -> None:
    assert actors("President Clinton spoke on Monday.", "on Monday") == ["President Clinton"]
    text = "Bill Clinton was elected in 1992. President Clinton spoke on Monday."
    assert actors(text, "on Monday") == ["Bill Clinton"]


def test_royal_titles_are_part_of_the_name_and_shared_surnames_resolve_to_neither() -> None:
    text = (
        "King Hussein met Saddam Hussein on Monday. "
        "The monarch will meet Bush on Thursday. Hussein said nothing on Friday."
    )
    assert actors(text, "on Monday") == ["King Hussein", "Saddam Hussein"]
    assert actors(text, "on Thursday")[0] == "King Hussein"
    assert actors(text, "on Friday") == []


def test_a_role_in_the_lede_is_the_person_the_next_sentences_name() -> None:
    text = (
        "Poland is seeking to boost exports to Thailand, the Polish foreign minister said "
        "here Friday.\n\nDariusz Rosati told reporters Poland had a strong industry.\n\n"
        "Trade was discussed. The foreign minister said he was satisfied with talks with "
        "Thai Prime Minister Chaowalit Yongchaiyudh Thursday.\n\nHe was holding talks at "
        "the ministry on Saturday."
    )
    assert actors(text, "Friday", "1997-04-18") == ["Poland", "Thailand", "Dariusz Rosati"]
    assert actors(text, "Thursday", "1997-04-18") == ["Dariusz Rosati", "Chaowalit Yongchaiyudh"]
    assert actors(text, "on Saturday", "1997-04-18") == ["Dariusz Rosati"]
    text = (
        "U.S. Ambassador Prudence Bushnell met Kenya's trade minister on Wednesday.\n\n"
        "On Aug. 7, Bushnell, Trade Minister Joseph Kimotho and others had just ended a "
        "news conference."
    )
    assert actors(text, "on Wednesday", "1998-08-26") == [
        "Prudence Bushnell",
        "Kenya",
        "Joseph Kimotho",
    ]


def test_a_role_of_one_country_is_no_person_titled_for_another() -> None:
    text = (
        "Soviet Foreign Ministry spokesman Yuri Gremitskikh said special ambassador Mikhail "
        "Sytenko left Tuesday for Syria. Oil prices rose. The Iraqi ambassador to Venezuela "
        "said on Wednesday that Iraq would retaliate."
    )
    assert "Mikhail Sytenko" not in actors(text, "on Wednesday", "1990-08-15")


@pytest.mark.parametrize(
    "text, names",
    [
        ("The Securities and Exchange Commission sued.", ["Securities and Exchange Commission"]),
        ("The United States and Soviet Union met.", ["United States", "Soviet Union"]),
        ("Prime Minister Chaowalit Yongchaiyudh Thursday met him.", ["Chaowalit Yongchaiyudh"]),
        ("Mohamed ElBaradei Saturday received the prize.", ["Mohamed ElBaradei"]),
        ("Iraqi Interior Minister Jawad al-Bolani said so.", ["Iraq", "Jawad al-Bolani"]),
        ("Twelve Arab League nations voted.", ["Arab League"]),
        ("Talks with the Democratic People's Republic of Korea resumed.", ["North Korea"]),
        ("An investigation published by Time magazine contradicted it.", ["Time"]),
    ],
)
def test_names_are_whole(text: str, names: list[str]) -> None:
    found = [e.name for e in find_entities(text) if e.is_actor]
    assert found == names


def test_two_companies_joined_by_and_stay_two() -> None:
    text = "A joint venture of the company Innopac and Mobil Corp. opened a plant."
    found = [e.name for e in find_entities(text) if e.is_actor]
    assert "Mobil" in found
    assert not any(" and " in name for name in found)


def test_the_four_nations_of_the_united_kingdom_and_national_teams_are_countries() -> None:
    text = (
        "England beat Scotland 26-5 on Saturday. Wales and Northern Ireland drew on Sunday. "
        "Japan beat Samoa 26-5 on Monday. The Welsh government resigned on Tuesday."
    )
    events = {e.expression: e.actors for e in extract_events(text, "2024-03-08")}
    assert [(a.name, a.kind, a.code) for a in events["Saturday"]] == [
        ("England", "country", "GB-ENG"),
        ("Scotland", "country", "GB-SCT"),
    ]
    assert [a.name for a in events["Sunday"]] == ["Wales", "Northern Ireland"]
    assert [a.name for a in events["Monday"]] == ["Japan", "Samoa"]
    assert [a.name for a in events["Tuesday"]] == ["Wales"]


@pytest.mark.parametrize(
    "text, found",
    [
        ("The novelist Jack London wrote it.", [("Jack London", "person")]),
        ("Air France flew to Paris.", [("Air France", "organization"), ("Paris", "place")]),
        ('The film "Midnight in Paris" opened.', []),
        ('The film "Escape to Victory" opened in London.', [("London", "place")]),
    ],
)
def test_places_only_where_a_place_is_meant(text: str, found: list[tuple[str, str]]) -> None:
    assert [(e.name, e.kind) for e in find_entities(text)] == found


@pytest.mark.parametrize(
    "text, names",
    [
        (
            "The Australian Broadcasting Corporation reported it.",
            ["Australian Broadcasting Corporation"],
        ),
        ("The General Motors Corporation reported it.", ["General Motors"]),
        ("Sir Keir Starmer spoke.", ["Keir Starmer"]),
        ("He met John Paul Jones.", ["John Paul Jones"]),
        ("Microsoft sold the Xbox Series X/S.", []),
        # an ordinal opens a court's name; a day named after someone names no actor
        (
            "The case is heard in the 11th Circuit U.S. Court of Appeals.",
            ["11th Circuit U.S. Court of Appeals"],
        ),
        ("International Women's Day is on Sunday.", []),
        ("On New Year's Eve the fireworks start.", []),
        # a broadcaster's news service; "&" as some corpora write it ("amp")
        ("CBS News first reported it.", ["CBS News"]),
        ("Kohlberg Kravis Roberts amp Co. sold it.", ["Kohlberg Kravis Roberts"]),
        ("Dow Jones & Co. sold it.", ["Dow Jones"]),
    ],
)
def test_names_from_the_issue_are_whole(text: str, names: list[str]) -> None:
    assert [e.name for e in find_entities(text) if e.is_actor] == names


@pytest.mark.parametrize(
    "text, expression, expected",
    [
        # a date qualifying a noun in a prepositional phrase: that noun's participants and
        # the subject of its clause, not the other names of the sentence
        (
            "Albright said she was heartened by cooperation from Kenya and Tanzania in "
            "probing into last Friday's bombings of U.S. embassies.",
            "last Friday",
            [],
        ),
        (
            "Tour operators in Kenya say there have been no mass cancellations after the "
            "Aug. 7 Embassy bombings in Nairobi and Dar es Salaam, Tanzania.",
            "Aug. 7",
            [],
        ),
        (
            "Hamas scored a victory in Nablus ahead of January's parliamentary election.",
            "January",
            ["Hamas"],
        ),
        (
            "On the FBI list, Bin Laden and Kopp replace two agents charged in the Dec. 21, "
            "1988, bombing of the airliner.",
            "Dec. 21, 1988",
            [],
        ),
        (
            "Eric Rudolph is also charged in three Atlanta attacks, including the 1996 "
            "Olympic bombing.",
            "1996",
            ["Eric Rudolph"],
        ),
        # a phrase that is the clause's subject or a verb's object, or an opening phrase,
        # leaves the clause's names to it
        (
            "A June 3 hearing has been scheduled in the US Bankruptcy Court.",
            "June 3",
            ["United States Bankruptcy Court"],
        ),
        (
            "In the 1916 Rising, Irish rebels led by Patrick Pearse took over the post office.",
            "1916",
            ["Patrick Pearse"],
        ),
        # a description of a person is no happening
        (
            "The figure was first calculated by a 17th century bishop, James Ussher.",
            "17th century",
            ["James Ussher"],
        ),
    ],
)
def test_a_date_of_a_noun_takes_that_nouns_participants(
    text: str, expression: str, expected: list[str]
) -> None:
    assert actors(text, expression, "1998-09-07") == expected


@pytest.mark.parametrize(
    "text, expression, expected",
    [
        # an organisation's name that only qualifies the noun after it is no actor
        (
            "The head of the UN nuclear watchdog agency Mohamed ElBaradei spoke on Saturday.",
            "on Saturday",
            ["Mohamed ElBaradei"],
        ),
        (
            "Goods rolled into Iraq from Jordan on Tuesday despite the U.N.-ordered sanctions.",
            "on Tuesday",
            ["Iraq", "Jordan"],
        ),
        ("The NCAA autonomy bill was signed into law on Wednesday.", "on Wednesday", []),
        # but its people, forces, shares and acts are the body acting
        ("A UN official resigned on Tuesday.", "on Tuesday", ["United Nations"]),
        ("NATO warplanes struck on Tuesday.", "on Tuesday", ["NATO"]),
        ("A NATO-led airstrike killed ten people on Tuesday.", "on Tuesday", ["NATO"]),
        (
            "Travellers were checked. A Xinhua reporter Friday witnessed the scanning.",
            "Friday",
            ["Xinhua"],
        ),
        (
            "Poland applied to the Asian Development Bank (ADB) in May. Poland hopes to join "
            "the ADB next year.",
            "next year",
            ["Poland", "Asian Development Bank"],
        ),
    ],
)
def test_an_organisation_that_only_qualifies_a_noun_is_no_actor(
    text: str, expression: str, expected: list[str]
) -> None:
    assert actors(text, expression, "2005-12-10") == expected


@pytest.mark.parametrize(
    "text, expression, expected",
    [
        # who says so after the date is no actor of it
        (
            "The council issued a summons Tuesday for Edgar Bronfman, according to the "
            "president of the council, Rabbi Chaim Stauber.",
            "Tuesday",
            ["Edgar Bronfman"],
        ),
        # the speaker after a quotation about others
        (
            'Negotiators said the law was clear. "Campaigns should have ended on Saturday," '
            "said Roads Minister Raila Odinga.",
            "on Saturday",
            [],
        ),
        # but not after a quotation about the speaker
        (
            'Negotiators said the law was clear. "By 2009, we will have built a bank," said '
            "Liu Dan.",
            "By 2009",
            ["Liu Dan"],
        ),
        # a reported clause with a verb of its own, without "that"
        (
            "Spokesman Yuri Gremitskikh said special ambassador Mikhail Sytenko left Tuesday "
            "for talks with the government of Syria.",
            "Tuesday",
            ["Mikhail Sytenko", "Syria"],
        ),
    ],
)
def test_sources_and_speakers_of_what_others_did_are_no_actors(
    text: str, expression: str, expected: list[str]
) -> None:
    assert actors(text, expression, "2005-11-20") == expected


def test_a_body_acts_through_its_head_not_through_its_other_staff() -> None:
    text = "And this week, FBI director Louie Freeh assigned more agents to the search."
    assert actors(text, "this week", "1998-02-27") == ["FBI", "Louie Freeh"]
    text = "The remains of Air Force pilot Michael Blassie were found last night."
    assert actors(text, "last night", "1998-01-20") == ["Michael Blassie"]


def test_a_date_opening_a_list_of_dated_items_takes_none_of_their_names() -> None:
    text = (
        "There were 12 original members of NATO. Since 1949, the alliance has been "
        "expanded to include Greece and Turkey in 1952, Germany in 1955 and Spain in 1982."
    )
    assert actors(text, "Since 1949", "1999-03-12") == ["NATO"]
    assert "Greece" in actors(text, "in 1952", "1999-03-12")


@pytest.mark.parametrize(
    "text, expression, expected",
    [
        # a government body named after its country acts for it: both are actors
        (
            "The British Foreign Office said today conditions in Kuwait are deteriorating.",
            "today",
            ["British Foreign Office", "United Kingdom"],
        ),
        (
            "The US State Department advised its embassies on Saturday to review security.",
            "on Saturday",
            ["United States State Department", "United States"],
        ),
        # a militia or an agency named after a country is no state's
        (
            "The Irish Republican Army declared a ceasefire on Friday.",
            "on Friday",
            ["Irish Republican Army"],
        ),
    ],
)
def test_a_government_body_named_after_its_country_keeps_the_country_filter(
    text: str, expression: str, expected: list[str]
) -> None:
    assert actors(text, expression, "1990-08-15") == expected


def test_without_english_no_english_word_decides_the_actors() -> None:
    from datasette_timeline.actors import Entity
    from datasette_timeline.actors.assign import sentence_actors

    text = "MADRID, 3 nov (EFE) -- La OTAN dijo que Irán y Francia hablan el martes."
    entities = [
        Entity(0, 6, "MADRID", "Madrid", "place"),
        Entity(text.index("OTAN"), text.index("OTAN") + 4, "OTAN", "NATO", "organization"),
        Entity(text.index("Irán"), text.index("Irán") + 4, "Irán", "Iran", "country"),
        Entity(text.index("Francia"), text.index("Francia") + 7, "Francia", "France", "country"),
    ]
    date = (text.index("martes"), text.index("martes") + 6)
    english = sentence_actors(text, entities, [(0, len(text))], [date])[0]
    assert "NATO" not in [e.name for e in english]  # "OTAN dijo" read as an English modifier
    found = sentence_actors(text, entities, [(0, len(text))], [date], english=False)[0]
    assert [e.name for e in found] == ["NATO", "Iran", "France"]


@pytest.mark.parametrize(
    "text, expression, expected",
    [
        # a condition after the date takes no part in the dated happening
        (
            "Miami officials warned U.S. immigration officials Wednesday that the city could "
            "erupt if federal agents tried to send the boy back to Cuba.",
            "Wednesday",
            [],
        ),
        # nor does a relative clause right after the date
        (
            "Rosati held talks with Thai Prime Minister Chaowalit Yongchaiyudh Thursday, "
            "which included the prospects for Poland's entry into NATO.",
            "Thursday",
            ["Chaowalit Yongchaiyudh"],
        ),
        # but a relative clause elsewhere may name a participant
        (
            "The council issued a summons Tuesday for the World Jewish Restitution "
            "Organization, which Edgar Bronfman chairs.",
            "Tuesday",
            ["World Jewish Restitution Organization", "Edgar Bronfman"],
        ),
    ],
)
def test_a_condition_or_a_relative_clause_after_the_date_names_no_actor(
    text: str, expression: str, expected: list[str]
) -> None:
    assert actors(text, expression, "2000-03-29") == expected


def test_a_name_sharing_a_familys_surname_is_a_person_of_it() -> None:
    text = (
        "Lazaro Gonzalez refused to hand over the boy. Officials came for 6-year-old Elian "
        "Gonzalez. Officials said they did not plan to remove Elian on Thursday morning."
    )
    assert actors(text, "on Thursday morning", "2000-03-29") == ["Elian Gonzalez"]


def test_a_name_the_article_gives_a_company_is_no_person_before_said() -> None:
    text = "Dow Jones & Co. extended its offer. The offer was fair, Dow Jones said on Friday."
    events = {e.expression: e for e in extract_events(text, "1989-10-26")}
    assert [(a.name, a.kind) for a in events["Friday"].actors] == [("Dow Jones", "organization")]


def test_with_and_a_phrase_doing_something_at_the_date_is_a_clause_of_its_own() -> None:
    text = (
        "Twelve Arab League nations voted for an Arab force to protect Saudi Arabia, with "
        "the vanguard of Syria's contingent arriving Tuesday."
    )
    assert actors(text, "Tuesday", "1990-08-15") == ["Syria"]


def test_who_and_whom_describe_the_names_right_before_them() -> None:
    text = (
        "King Hussein was reportedly carrying a message to Bush from Iraq's Saddam Hussein, "
        "with whom the king met Monday."
    )
    assert sorted(actors(text, "Monday", "1990-08-15")) == ["King Hussein", "Saddam Hussein"]
    text = (
        '"I have not seen a pattern," said Patricia Hurt, the Essex County prosecutor, who '
        "created the task force on Tuesday."
    )
    assert actors(text, "on Tuesday", "1998-04-02") == ["Patricia Hurt"]


@pytest.mark.parametrize(
    "text, expression, expected",
    [
        # a college after "at" is where it happened; a person's home after "in" is whose
        (
            "Winston Churchill gave a speech on March 5, 1946, at Westminster College.",
            "March 5, 1946",
            ["Winston Churchill"],
        ),
        (
            "Barnett Slepian was shot. The car was spotted in Slepian's suburban neighborhood "
            "and found at the airport in December.",
            "in December",
            [],
        ),
        # but "in X's place" is instead of X
        (
            "Roni Bar-On resigned. Robert Rubinstein was named in Bar-On's place in February.",
            "in February",
            ["Robert Rubinstein", "Roni Bar-On"],
        ),
    ],
)
def test_a_venue_or_someones_home_after_in_or_at_is_a_place(
    text: str, expression: str, expected: list[str]
) -> None:
    assert actors(text, expression, "1999-05-06") == expected


def test_his_or_her_opening_a_sentence_is_the_previous_subject() -> None:
    text = (
        "James Kopp was charged with murder on Thursday. His car was found abandoned at the "
        "airport in December."
    )
    assert actors(text, "in December", "1999-05-06") == ["James Kopp"]
    text = "Mary Smith resigned on Monday. His car was found on Tuesday."
    assert actors(text, "on Tuesday", "1999-05-06") == []


def test_an_acronym_one_tells_is_a_body() -> None:
    text = "Valery Levonevsky was allowed to phone home, his son told AFP late Thursday."
    assert "AFP" in actors(text, "late Thursday", "2005-12-15")


def test_a_document_in_another_language_reads_no_english_word_for_its_actors() -> None:
    # read as English, "NATO y Iran" would be NATO's noun "y": words of 1 or 2 letters are
    # no nouns, and a document in Spanish reads no English word at all
    text = "Madrid\n\nLa OTAN dijo que Irak y Francia hablaron en 2009 con NATO sobre Iran."
    english = extract_events(text, "2010-06-03", skip_spans=[(0, 6)])
    assert [a.name for e in english for a in e.actors] == ["Iran"]  # "NATO sobre"
    spanish = extract_events(text, "2010-06-03", skip_spans=[(0, 6)], language="es")
    assert [a.name for e in spanish for a in e.actors] == ["NATO", "Iran"]


def test_a_relative_clause_between_commas_before_the_date_names_no_actor() -> None:
    text = (
        "The offer, which the directors of Telerate Inc. have rejected, had been scheduled "
        "to expire at midnight Friday."
    )
    assert actors(text, "midnight Friday", "1989-10-26") == []
    text = (
        "Labor leader Amir Peretz, who had promised to leave a coalition headed by Ariel "
        "Sharon, pledged to restart talks in March."
    )
    assert actors(text, "in March", "2005-11-28") == ["Amir Peretz"]
