"""Events vs mentions: one event reported by several articles, stable ids, no duplicates."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from datasette_timeline.cli import cli
from datasette_timeline.events import MergeKey, dates_compatible, merge_score
from datasette_timeline.storage import open_database

from .conftest import EXAMPLES, FIXTURES, KARABAKH

ARTICLES = FIXTURES / "articles"
GM_FILES = (
    EXAMPLES
    / "wikinews"
    / "2009-06-01-u-s-manufacturer-general-motors-seeks-bankruptcy-protection.txt"
)
OBAMA_SPEECH = ARTICLES / "2009-06-01-barack-obama-presents-rescue-plan-after-gm-declara.txt"
THREE = [
    KARABAKH,
    ARTICLES / "2011-05-29-fiat-plans-to-buy-majority-stake-in-chrysler.txt",
    ARTICLES / "2011-01-17-apple-inc-ceo-steve-jobs-on-medical-leave.txt",
]


def extract(db: Path, *paths: Path) -> None:
    result = CliRunner().invoke(cli, ["extract", str(db), *map(str, paths)])
    assert result.exit_code == 0, result.output


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql).fetchall()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    return {
        table: rows(db, f"select * from {table} order by 1, 2")
        for table in ("documents", "events", "mentions", "event_actors", "event_places", "places")
    }


def test_the_same_three_articles_under_other_names_change_nothing(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    extract(db, *THREE)
    before = snapshot(db)
    copies = tmp_path / "copies"
    copies.mkdir()
    renamed = [shutil.copy(path, copies / f"renamed-{i}.txt") for i, path in enumerate(THREE)]
    extract(db, *map(Path, renamed))
    extract(db, *THREE)
    assert snapshot(db) == before
    assert len(before["documents"]) == 3
    # Three unrelated articles: every event is its own, mentioned once.
    assert rows(db, "select count(*) from events where merged_into is not null") == [(0,)]
    assert rows(db, "select distinct mention_count from events") == [(1,)]
    assert rows(db, "select count(*) from mentions") == rows(db, "select count(*) from events")


def test_two_articles_reporting_one_event_give_one_event_with_two_mentions(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    extract(db, GM_FILES, OBAMA_SPEECH)
    filings = rows(
        db,
        """select id, document_id, date, event_type, mention_count, merged_into from events
           where date = '2009-06-01T12:00Z' order by merged_into is not null""",
    )
    assert len(filings) == 2
    (canonical, first_doc, _, kind, count, merged), (_, second_doc, _, _, other_count, into) = (
        filings
    )
    assert kind == "legal" and first_doc != second_doc
    assert (count, merged) == (2, None)
    assert (other_count, into) == (0, canonical)
    mentions = rows(
        db, f"select document_id, sentence from mentions where event_id = '{canonical}'"
    )
    assert {document for document, _ in mentions} == {first_doc, second_doc}
    assert all("bankruptcy" in sentence for _, sentence in mentions)
    # The speech the same day is another event: a different moment and type.
    speech = rows(
        db, "select mention_count, merged_into from events where date = '2009-06-01T16:00Z'"
    )
    assert speech == [(1, None)]
    # Running again, in any order, duplicates nothing.
    before = snapshot(db)
    extract(db, OBAMA_SPEECH, GM_FILES)
    assert snapshot(db) == before


def test_event_ids_do_not_depend_on_the_order_of_extraction(tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    extract(one, GM_FILES, OBAMA_SPEECH)
    extract(two, OBAMA_SPEECH, GM_FILES)
    ids = "select id from events order by id"
    assert rows(one, ids) == rows(two, ids)
    # The merge is recorded either way; which row is canonical follows the order.
    merged = "select count(*) from events where merged_into is not null"
    assert rows(one, merged) == rows(two, merged) == [(1,)]
    total = "select sum(mention_count) from events"
    assert rows(one, total) == rows(two, total) == rows(one, "select count(*) from mentions")


def test_places_are_stored_as_a_table_and_a_json_column(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    extract(db, KARABAKH)
    names = {name for (name,) in rows(db, "select name from places")}
    assert {"Nagorno-Karabakh", "Upper Karabakh", "Baku"} <= names
    linked = rows(
        db,
        """select places.name from event_places join places on places.id = place_id
           join events on events.id = event_id where events.expression = '1991'""",
    )
    assert {"Upper Karabakh", "Nagorno-Karabakh"} <= {name for (name,) in linked}
    types = dict(rows(db, "select expression, event_type from events"))
    assert types["1994"] == "agreement"
    assert types["last week"] == "meeting"


def test_an_older_database_gains_types_mentions_and_counts(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as connection:
        connection.executescript(
            """
            create table documents (id text primary key, title text, published text,
                source text, text text);
            create table events (id text primary key, document_id text references documents(id),
                date text, precision text, start text, "end" text, year integer,
                expression text, text text, sentence text, actors text, places text,
                resolved integer, mod text, char_start integer, char_end integer);
            create table actors (id text primary key, name text, kind text, code text);
            create table event_actors (event_id text, actor_id text,
                primary key (event_id, actor_id));
            insert into documents values ('d1', 't', '2020-01-01', 's', 'In 1994 it ended.');
            insert into events values ('e1', 'd1', '1994', 'year', '1994-01-01', '1994-12-31',
                1994, '1994', 'In 1994 it ended.', 'In 1994 it ended.', '[]', '[]', 1, null, 3, 7);
            """
        )
    open_database(db).close()
    assert rows(db, "select id, event_id, document_id from mentions") == [("e1", "e1", "d1")]
    assert rows(db, "select mention_count, merged_into from events") == [(1, None)]


def key(
    date: str,
    start: str,
    end: str,
    kind: str = "legal",
    actors: tuple[str, ...] = ("GM",),
    sentence: str = "",
) -> MergeKey:
    return MergeKey(
        start,
        end,
        date,
        kind,
        frozenset(actors),
        sentence or "General Motors filed for bankruptcy protection in court",
    )


@pytest.mark.parametrize(
    "a, b, compatible",
    [
        (
            key("2009-06-01T12:00Z", "2009-06-01", "2009-06-01"),
            key("2009-06-01", "2009-06-01", "2009-06-01"),
            True,
        ),
        (
            key("2009-06-01", "2009-06-01", "2009-06-01"),
            key("2009-06", "2009-06-01", "2009-06-30"),
            True,
        ),
        (
            key("2009-06-01", "2009-06-01", "2009-06-01"),
            key("2009", "2009-01-01", "2009-12-31"),
            False,
        ),
        (
            key("2009-06-01T12:00Z", "2009-06-01", "2009-06-01"),
            key("2009-06-01T16:00Z", "2009-06-01", "2009-06-01"),
            False,
        ),
        (
            key("2009-06-01", "2009-06-01", "2009-06-01"),
            key("2009-06-02", "2009-06-02", "2009-06-02"),
            False,
        ),
        (key("1991", "1991-01-01", "1991-12-31"), key("1991", "1991-01-01", "1991-12-31"), True),
        # Bounds that are no calendar days are compared as nothing, not an error.
        (
            key("1998-02", "1998-02-01", "1998-02-30"),
            key("1998-02-03", "1998-02-03", "1998-02-03"),
            False,
        ),
    ],
)
def test_dates_are_compatible_only_at_their_precision(
    a: MergeKey, b: MergeKey, compatible: bool
) -> None:
    assert dates_compatible(a, b) is compatible
    assert dates_compatible(b, a) is compatible


def test_merging_needs_type_actors_and_words_to_agree() -> None:
    day = ("2009-06-01", "2009-06-01", "2009-06-01")
    base = key(*day)
    assert merge_score(base, key(*day)) is not None
    assert merge_score(base, key(*day, kind="statement")) is None
    assert merge_score(base, key(*day, actors=("Chrysler",))) is None
    assert (
        merge_score(base, key(*day, sentence="Shares of a carmaker rose sharply on the news"))
        is None
    )
    assert merge_score(base, key(*day, actors=("GM", "Barack Obama", "White House"))) is not None
    # Without actors on either side the sentences must be much closer.
    # Same day, type and company, but another thing done: not merged.
    assert merge_score(base, key(*day, sentence="General Motors sold a factory")) is None
    retold = "On Monday General Motors filed for bankruptcy protection"
    assert merge_score(base, key(*day, sentence=retold)) is not None
    # Without actors on either side the sentences must be closer still.
    bare = key(*day, actors=())
    assert merge_score(bare, key(*day, actors=(), sentence="General Motors filed papers")) is None


# --- every mention stored: in-article mentions, publication-dated events ----------------

SUMMONS = (
    "Summons\n"
    "- Published Date: 9 April 1997\n"
    "The fund's chairman has been issued a court summons, officials said.\n"
    "The group issued the court summons on Tuesday, its president said.\n"
    "The summons was issued by mail Tuesday.\n"
)
DEATH = (
    "Minister dies\n"
    "- Published Date: 4 March 2021\n"
    "The former prime minister has died aged 92, his family said.\n"
    "The funeral will be held on Saturday in the capital.\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_mention_of_an_event_in_one_article_is_a_mentions_row(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    article = write(tmp_path / "in", "summons.txt", SUMMONS)
    extract(db, article)
    text = SUMMONS.split("\n", 2)[2]  # the body as stored (headline and header lines out)
    ((stored_text,),) = rows(db, "select text from documents")
    assert stored_text.endswith(text)
    offset = stored_text.index(text)
    events = rows(db, "select id, date, expression, mention_count, dated_by from events")
    assert [row[1:] for row in events] == [("1997-04-08", "Tuesday", 3, None)]
    ((event,),) = [row[:1] for row in events]
    mentions = rows(
        db,
        f"""select char_start, char_end, expression, sentence from mentions
            where event_id = '{event}' order by char_start""",
    )
    # The lede tells it without a date (its verb), then two sentences with 'Tuesday'.
    assert [(text[s - offset : e - offset], expression) for s, e, expression, _ in mentions] == [
        ("has been issued", None),
        ("Tuesday", "Tuesday"),
        ("Tuesday", "Tuesday"),
    ]
    assert [sentence.split()[1] for *_, sentence in mentions] == ["fund's", "group", "summons"]
    assert rows(db, "select sum(mention_count) from events") == rows(
        db, "select count(*) from mentions"
    )


def test_an_event_dated_by_the_publication_is_flagged_and_points_at_its_verb(
    tmp_path: Path,
) -> None:
    db = tmp_path / "events.db"
    extract(db, write(tmp_path / "in", "death.txt", DEATH))
    ((text,),) = rows(db, "select text from documents")
    events = rows(
        db,
        """select date, precision, expression, char_start, char_end, dated_by, mention_count
           from events order by char_start""",
    )
    (died, funeral) = events
    assert died[:3] == ("2021-03-04", "day", None)
    assert text[died[3] : died[4]] == "has died"
    assert died[5:] == ("publication", 1)
    assert funeral[0] == "2021-03-06" and funeral[2] == "Saturday" and funeral[5] is None
    assert rows(db, "select expression, char_start, char_end from mentions order by 2") == [
        (None, died[3], died[4]),
        ("Saturday", funeral[3], funeral[4]),
    ]


def test_an_event_merged_from_another_article_brings_all_its_mentions(tmp_path: Path) -> None:
    from datasette_timeline.events import ActorRef, Event
    from datasette_timeline.events.mentions import Mention
    from datasette_timeline.readers import Document
    from datasette_timeline.storage import event_id, save_document, span_id

    sentence = "The legions of Rome crossed the river and burned the bridge on Tuesday."

    def told(offset: int, mentions: list[Mention]) -> Event:
        return Event(
            date="2020-01-07",
            precision="day",
            start="2020-01-07",
            end="2020-01-07",
            expression="Tuesday",
            char_start=offset,
            char_end=offset + 7,
            text=sentence,
            sentence=sentence,
            actors=[ActorRef("Rome", "country")],
            event_type="military",
            mentions=mentions,
        )

    first = Document(text="First article.", source="a.txt", published="2020-01-08")
    second = Document(text="Second article.", source="b.txt", published="2020-01-08")
    again = Mention(200, 207, "Tuesday", sentence, 150, 230)
    lede = Mention(10, 18, None, sentence, 0, 40)
    path = tmp_path / "events.db"
    database = open_database(path)
    assert save_document(database, first, [told(60, [again])])
    assert save_document(database, second, [told(90, [lede, again])])
    database.close()
    canonical = event_id(first.id, told(60, []))
    merged = event_id(second.id, told(90, []))
    assert rows(path, "select id, mention_count, merged_into from events order by 2 desc") == [
        (canonical, 5, None),
        (merged, 0, canonical),
    ]
    assert sorted(rows(path, "select id, event_id, document_id, expression from mentions")) == (
        sorted(
            [
                (canonical, canonical, first.id, "Tuesday"),
                (span_id(first.id, 200, 207), canonical, first.id, "Tuesday"),
                (merged, canonical, second.id, "Tuesday"),
                (span_id(second.id, 10, 18), canonical, second.id, None),
                (span_id(second.id, 200, 207), canonical, second.id, "Tuesday"),
            ]
        )
    )


def test_articles_with_mentions_and_publication_events_extract_once(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    paths = [write(folder, "summons.txt", SUMMONS), write(folder, "death.txt", DEATH), KARABAKH]
    db = tmp_path / "events.db"
    extract(db, *paths)
    before = snapshot(db)
    extract(db, *paths)
    extract(db, *reversed(paths))
    assert snapshot(db) == before
    other = tmp_path / "other.db"
    extract(other, *reversed(paths))
    ids = "select id, mention_count, dated_by from events order by id"
    assert rows(other, ids) == rows(db, ids)
    mentions = "select id, event_id from mentions order by id"
    assert rows(other, mentions) == rows(db, mentions)


def test_an_older_database_learns_which_events_the_publication_dated(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    open_database(db).close()
    with sqlite3.connect(db) as connection:
        connection.executescript(
            """
            insert into documents (id, text) values ('d1', 'Lede. In 1994 it ended.');
            insert into events (id, document_id, date, expression, char_start, char_end,
                mention_count) values ('e1', 'd1', '2020-01-01', '', 0, 0, 1),
                ('e2', 'd1', '1994', '1994', 9, 13, 1);
            insert into mentions (id, event_id, document_id, expression)
                values ('e1', 'e1', 'd1', ''), ('e2', 'e2', 'd1', '1994');
            alter table events drop column dated_by;
            """
        )
    open_database(db).close()
    assert rows(db, "select id, expression, dated_by from events order by id") == [
        ("e1", None, "publication"),
        ("e2", "1994", None),
    ]
    assert rows(db, "select id, expression from mentions order by id") == [
        ("e1", None),
        ("e2", "1994"),
    ]
