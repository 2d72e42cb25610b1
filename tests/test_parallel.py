"""--jobs N gives the same database as one process, in bounded memory; the pure per-document
function gives the same events through dask.bag as through the CLI."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from datasette_timeline.cli import cli
from datasette_timeline.pipeline import ExtractSettings, _extracted_in_workers
from datasette_timeline.readers import Document, InputError, iter_documents

from .conftest import EXAMPLES, FIXTURES

INPUTS = [
    str(EXAMPLES),
    *sorted(str(p) for p in (FIXTURES / "articles").glob("*.txt")),
    str(FIXTURES / "html"),
    str(FIXTURES / "inputs"),
]


def extract(db: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["extract", str(db), *args])
    assert result.exit_code == 0, result.output


def dump(db: Path) -> dict[str, list[tuple]]:
    """Every row of every data table, in rowid order (so the write order counts too)."""
    conn = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in conn.execute("select name from sqlite_master where type = 'table'")
            if not r[0].startswith("sqlite_") and "_fts_" not in r[0]  # FTS internals
        ]
        return {
            t: conn.execute(f"select rowid, * from [{t}] order by rowid").fetchall() for t in tables
        }
    finally:
        conn.close()


def test_two_jobs_write_exactly_the_database_one_job_writes(tmp_path: Path) -> None:
    extract(tmp_path / "one.db", *INPUTS, "--jobs", "1")
    extract(tmp_path / "two.db", *INPUTS, "--jobs", "2")
    one, two = dump(tmp_path / "one.db"), dump(tmp_path / "two.db")
    assert len(one["documents"]) >= 20 and len(one["events"]) >= 40
    assert one == two


def test_workers_read_ahead_only_a_few_documents(tmp_path: Path) -> None:
    pulled = 0

    def endless() -> Iterator[Document]:
        nonlocal pulled
        while True:
            pulled += 1
            yield Document(
                f"Talks resumed on {pulled % 28 + 1} May 2020 in Vienna.", "gen", None, "2020-06-01"
            )

    results = _extracted_in_workers(endless(), ExtractSettings(), jobs=2)
    for _ in range(20):
        _document, events = next(results)
        assert not isinstance(events, Exception)
        assert pulled <= 20 + 4 * 2  # never more than the window ahead of the writer
    results.close()


def test_an_exception_in_a_worker_fails_that_document_only() -> None:
    documents = [
        Document("The vote took place on 3 May 2020.", "a", None, "2020-05-04"),
        Document("Talks ended on 4 May 2020.", "b", None, "2020-05-05"),
    ]
    results = list(
        _extracted_in_workers(iter(documents), ExtractSettings(ner="no-such-finder"), jobs=2)
    )
    assert [d.source for d, _ in results] == ["a", "b"]
    assert all(isinstance(outcome, Exception) for _d, outcome in results)


def event_keys(events: list) -> list[tuple]:
    return [
        (
            e.date,
            e.start,
            e.end,
            e.char_start,
            e.char_end,
            e.expression,
            tuple(a.name for a in e.actors),
        )
        for e in events
    ]


def test_dask_bag_over_the_pure_function_gives_the_events_of_the_cli(tmp_path: Path) -> None:
    bag = pytest.importorskip("dask.bag", reason="dask is not installed (pip install 'dask[bag]')")
    from datasette_timeline.pipeline import extract_document, store

    documents = [d for d in iter_documents(INPUTS) if not isinstance(d, InputError)]
    extracted = (
        bag.from_sequence(documents, npartitions=4)
        .map(lambda d: (d, extract_document(d)))
        .compute(scheduler="synchronous")
    )
    cli_db = tmp_path / "cli.db"
    extract(cli_db, *INPUTS)
    conn = sqlite3.connect(cli_db)
    for document, events in extracted:
        stored = conn.execute(
            "select e.date, e.start, e.[end], e.char_start, e.char_end, e.expression, e.actors "
            "from events e where e.document_id = ? order by e.char_start",
            [document.id],
        ).fetchall()

        assert [(*row[:6], tuple(json.loads(row[6]))) for row in stored] == event_keys(events)
    conn.close()
    # Merging the results with the one writer gives the CLI's database.
    merged = tmp_path / "merged.db"
    summary = store(merged, extracted)
    assert summary.stored + summary.skipped == len(documents) and not summary.failed
    assert dump(merged) == dump(cli_db)
