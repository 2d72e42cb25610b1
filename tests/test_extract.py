"""The extract command on the bundled example: dates, storage schema, idempotence."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from datasette_timeline.cli import cli

from .conftest import EXAMPLES, FIXTURES, KARABAKH

EXPECTED = json.loads((FIXTURES / "karabakh-2020-11-03.expected.json").read_text())


def run_extract(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["extract", str(db), *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("extract") / "events.db"
    code, output = run_extract(db, str(KARABAKH))
    assert code == 0, output
    return db


def rows(db: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_document_metadata_comes_from_the_header(example_db: Path) -> None:
    (document,) = rows(example_db, "select * from documents")
    assert document["title"] == EXPECTED["title"]
    assert document["published"] == EXPECTED["published"]
    assert document["source"] == str(KARABAKH)
    assert document["text"] == KARABAKH.read_text()


@pytest.mark.parametrize("expected", EXPECTED["events"], ids=lambda e: e["expression"])
def test_each_expected_event_has_its_date_precision_and_expression(
    example_db: Path, expected: dict
) -> None:
    matches = rows(example_db, "select * from events where date = ?", (expected["value"],))
    assert matches, f"no event dated {expected['value']}"
    event = matches[0]
    assert event["precision"] == expected["precision"]
    # The stored expression is the words that carried the date, inside the expected phrase.
    assert event["expression"] in expected["expression"]
    assert event["start"] <= event["end"]
    text = KARABAKH.read_text()
    assert text[event["char_start"] : event["char_end"]] == event["expression"]
    for phrase in expected["text_contains"]:
        assert phrase in event["text"]


def test_bounds_of_each_precision(example_db: Path) -> None:
    bounds = {
        r["date"]: (r["start"], r["end"], r["year"])
        for r in rows(example_db, "select * from events")
    }
    assert bounds["1991"] == ("1991-01-01", "1991-12-31", 1991)
    assert bounds["2020-10"] == ("2020-10-01", "2020-10-31", 2020)
    assert bounds["2020-W44"] == ("2020-10-26", "2020-11-01", 2020)
    assert bounds["2020-11-03"] == ("2020-11-03", "2020-11-03", 2020)


def test_header_dates_durations_and_percentages_are_not_events(example_db: Path) -> None:
    events = rows(example_db, "select * from events")
    assert len(events) == len(EXPECTED["events"])
    text = KARABAKH.read_text()
    for not_event in EXPECTED["not_events"]:
        start = text.index(not_event["expression"])
        end = start + len(not_event["expression"])
        overlapping = [e for e in events if e["char_start"] < end and start < e["char_end"]]
        assert not overlapping, f"{not_event['expression']!r} became an event"


def test_actors_are_linked_through_the_many_to_many_table(example_db: Path) -> None:
    linked = rows(
        example_db,
        "select e.date, a.name, a.kind from events e join event_actors ea on ea.event_id = e.id "
        "join actors a on a.id = ea.actor_id",
    )
    assert ("2020-11-03", "Azerbaijan", "country") in [tuple(r) for r in linked]
    for event in rows(example_db, "select id, actors from events"):
        names = json.loads(event["actors"])
        joined = rows(
            example_db,
            "select a.name from event_actors ea join actors a on a.id = ea.actor_id where ea.event_id = ?",
            (event["id"],),
        )
        assert sorted(names) == sorted(r["name"] for r in joined)


def test_schema_declares_foreign_keys_indexes_and_search(example_db: Path) -> None:
    conn = sqlite3.connect(example_db)
    try:
        fks = conn.execute(
            "select `table`, `from` from pragma_foreign_key_list('events')"
        ).fetchall()
        assert ("documents", "document_id") in fks
        indexed = {
            row[0]
            for index in conn.execute("select name from pragma_index_list('events')")
            for row in conn.execute("select name from pragma_index_info(?)", (index[0],))
        }
        assert {"start", "year"} <= indexed
        hits = conn.execute(
            "select events.date from events join events_fts on events_fts.rowid = events.rowid "
            "where events_fts match 'cease'"
        ).fetchall()
        assert ("1994",) in hits
    finally:
        conn.close()


def dump(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type='table'")]
        return {
            t: sorted(conn.execute(f"select * from [{t}]").fetchall(), key=repr) for t in tables
        }
    finally:
        conn.close()


def test_running_the_same_extract_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "twice.db"
    assert run_extract(db, str(EXAMPLES))[0] == 0
    first = dump(db)
    code, output = run_extract(db, str(EXAMPLES))
    assert code == 0, output
    assert "0 stored" in output
    assert dump(db) == first


def test_a_renamed_copy_is_recognised_by_its_content(tmp_path: Path) -> None:
    copy = tmp_path / "renamed.txt"
    copy.write_text(KARABAKH.read_text())
    db = tmp_path / "events.db"
    run_extract(db, str(KARABAKH))
    code, output = run_extract(db, str(copy))
    assert code == 0
    assert "1 already present" in output
    assert len(rows(db, "select * from documents")) == 1


def test_published_option_overrides_the_header(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    code, output = run_extract(db, str(KARABAKH), "--published", "2021-03-10")
    assert code == 0, output
    dates = {r["date"] for r in rows(db, "select date from events")}
    assert "2021-02" in dates  # "last month" now means February 2021
    assert {"1991", "1994"} <= dates


def test_without_a_date_relative_expressions_stay_unresolved(tmp_path: Path) -> None:
    undated = tmp_path / "undated.txt"
    body = "\n".join(line for line in KARABAKH.read_text().splitlines() if "Date:" not in line)
    undated.write_text(body)
    db = tmp_path / "events.db"
    code, output = run_extract(db, str(undated))
    assert code == 0, output
    assert "no publication date" in output
    events = rows(db, "select * from events")
    resolved = {e["date"] for e in events if e["resolved"]}
    assert {"1991", "1994"} <= resolved
    unresolved = [e for e in events if not e["resolved"]]
    assert {e["expression"] for e in unresolved} >= {"last month", "last week"}
    for event in unresolved:
        assert event["start"] is None and event["year"] is None
        assert "2020" not in event["date"]  # never resolved against today or a guess


def test_bad_inputs_are_reported_and_the_rest_is_processed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xd8\x00\x10")
    db = tmp_path / "events.db"
    code, output = run_extract(
        db, str(empty), str(KARABAKH), str(binary), str(tmp_path / "missing.txt")
    )
    assert code == 1
    assert f"{empty}: empty file" in output
    assert f"{tmp_path / 'missing.txt'}: no such file" in output
    assert str(binary) in output
    assert len(rows(db, "select * from documents")) == 1


def test_bad_published_option_names_the_problem(tmp_path: Path) -> None:
    code, output = run_extract(tmp_path / "x.db", str(KARABAKH), "--published", "someday")
    assert code == 2
    assert "someday" in output
