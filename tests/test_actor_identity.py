"""One actor across articles: one id however a person is written, spellings as aliases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from datasette_timeline.actors.identity import absorbed, is_full_name, same_person
from datasette_timeline.events import extract_events
from datasette_timeline.readers.text import parse_text_article
from datasette_timeline.storage import open_database, save_document

from .test_web import facet_counts, get, make_datasette

ARTICLES = {
    "full.txt": (
        "Obama presents a plan\n- Published Date: 2009-06-01\n"
        "US President Barack Obama presented a rescue plan on Monday."
    ),
    "titled.txt": (
        "President speaks\n- Published Date: 2009-06-03\n"
        "President Obama spoke to workers in Detroit on Wednesday."
    ),
    "surname.txt": (
        "Plan debated\n- Published Date: 2009-06-05\n"
        "Senator John McCain criticised the plan on Friday. Mr Obama answered him on Thursday."
    ),
}


def test_a_short_name_is_the_one_full_name_stored_with_its_surname() -> None:
    stored = [("person:barack-obama", "Barack Obama")]
    assert same_person("Obama", stored) == stored[0]
    assert same_person("President Obama", stored) == stored[0]
    assert same_person("Michelle Obama", stored) is None  # another full name, another person
    two = [*stored, ("person:michelle-obama", "Michelle Obama")]
    assert same_person("Obama", two) is None  # which one? neither
    royal = [("person:king-hussein", "King Hussein"), ("person:saddam-hussein", "Saddam Hussein")]
    assert same_person("Hussein", royal) is None
    assert same_person("Hussein", royal[:1]) is None  # a royal title is the name itself


def test_a_full_name_takes_the_short_names_stored_before_it() -> None:
    shorts = [("person:obama", "Obama"), ("person:president-obama", "President Obama")]
    assert absorbed("Barack Obama", shorts) == shorts
    assert absorbed("Barack Obama", [*shorts, ("person:michelle-obama", "Michelle Obama")]) == []
    assert absorbed("King Hussein", [("person:hussein", "Hussein")]) == []
    assert is_full_name("King Hussein") and not is_full_name("President Obama")


def store(db_file: Path, names: list[str]) -> None:
    db = open_database(db_file)
    for name in names:
        document = parse_text_article(ARTICLES[name], name)
        save_document(db, document, extract_events(document.text, document.published))
    db.conn.close()


@pytest.mark.parametrize(
    "order",
    [
        ["full.txt", "titled.txt", "surname.txt"],
        ["surname.txt", "titled.txt", "full.txt"],  # the full name comes last
    ],
)
def test_one_person_across_articles_in_any_order(tmp_path: Path, order: list[str]) -> None:
    db_file = tmp_path / "news.db"
    store(db_file, order)
    db = open_database(db_file)
    people = {row["name"]: row["id"] for row in db["actors"].rows if row["kind"] == "person"}
    assert people == {"Barack Obama": "person:barack-obama", "John McCain": "person:john-mccain"}
    aliases = {
        row["alias"] for row in db["actor_aliases"].rows if row["actor_id"] == "person:barack-obama"
    }
    assert {"Barack Obama", "President Obama", "Mr Obama"} <= aliases
    linked = db.execute(
        "select count(*) from event_actors where actor_id = 'person:barack-obama'"
    ).fetchone()[0]
    assert linked == 3
    names = [json.loads(row["actors"]) for row in db["events"].rows]
    assert sum("Barack Obama" in n for n in names) == 3
    assert not any("Mr Obama" in n or "President Obama" in n for n in names)


@pytest.mark.asyncio
async def test_the_actor_facet_lists_a_person_once_and_finds_every_spelling(
    tmp_path: Path,
) -> None:
    db_file = tmp_path / "news.db"
    store(db_file, ["surname.txt", "titled.txt", "full.txt"])
    ds = make_datasette(db_file)
    html = (await get(ds, "/news/events/-/timeline")).text
    counts = facet_counts(html, "Actor")
    assert counts["Barack Obama"] == 3
    assert not any("Obama" in label and label != "Barack Obama" for label in counts)
    filtered = (await get(ds, "/news/events/-/timeline?actors__arraycontains=Barack+Obama")).text
    assert facet_counts(filtered, "Actor")["Barack Obama"] == 3
    for text in ("presented a rescue plan", "spoke to workers", "answered him"):
        assert text in filtered
