"""Documents committed in batches: each document whole or not at all (a savepoint each),
the rows of a commit per document, and a summary that counts only what was committed."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from datasette_timeline import schema, storage
from datasette_timeline.cli import cli
from datasette_timeline.events import extract_events
from datasette_timeline.pipeline import BatchWriter, Summary
from datasette_timeline.readers import Document, iter_documents
from datasette_timeline.storage import DocumentBatch, has_document, open_database, save_document

from .conftest import EXAMPLES

WIKINEWS = EXAMPLES / "wikinews"  # eight articles on GM and Chrysler: events merge across them


def articles() -> list[tuple[Document, list[Any]]]:
    documents = [d for d in iter_documents([str(WIKINEWS)]) if isinstance(d, Document)]
    assert len(documents) == 8
    return [(d, extract_events(d.text, d.published, skip_spans=d.skip_spans)) for d in documents]


def rows(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table with its rowids, full-text index content included."""
    connection = sqlite3.connect(db)
    try:
        tables = [
            name
            for (name,) in connection.execute("select name from sqlite_master where type = 'table'")
            if not name.startswith(("sqlite_", "events_fts_"))
        ]
        return {t: connection.execute(f"select rowid, * from [{t}]").fetchall() for t in tables}
    finally:
        connection.close()


def count(db: Path, table: str) -> int:
    connection = sqlite3.connect(db)
    try:
        return int(connection.execute(f"select count(*) from [{table}]").fetchone()[0])
    finally:
        connection.close()


def extract(db: Path, *args: str) -> tuple[int, dict[str, Any], str]:
    result = CliRunner().invoke(cli, ["extract", str(db), *args, "--json"])
    return result.exit_code, json.loads(result.stdout), result.stderr


def test_a_batch_gives_the_rows_of_a_commit_per_document(tmp_path: Path) -> None:
    extracted = articles()
    one_by_one = open_database(tmp_path / "one.db")
    for document, events in extracted:
        assert save_document(one_by_one, document, events)
    one_by_one.close()
    batched = open_database(tmp_path / "batch.db")
    batch = DocumentBatch(batched)
    for document, events in extracted:
        assert batch.save(document, events)
        # The batch's own connection sees its uncommitted documents: skips and merges
        # decide as after a commit.
        assert has_document(batched, document.id)
        assert not batch.save(document, events)
    assert count(tmp_path / "batch.db", "documents") == 0  # other connections: nothing yet
    assert batch.commit() == 8
    batched.close()
    merged = rows(tmp_path / "one.db")
    merged_into = 1 + schema.EVENTS.column_names.index("merged_into")  # after the rowid
    assert any(row[merged_into] for row in merged["events"]), "no merge across documents"
    assert rows(tmp_path / "batch.db") == merged


def test_a_document_failing_inside_a_batch_is_rolled_back_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extracted = articles()[:3]
    failing = extracted[1][0]
    insert_events = storage._insert_events

    def fail_after_writing(db: Any, document_id: str, *rest: Any) -> None:
        insert_events(db, document_id, *rest)
        if document_id == failing.id:
            raise OverflowError("after its rows were written")

    monkeypatch.setattr(storage, "_insert_events", fail_after_writing)
    db = open_database(tmp_path / "events.db")
    batch = DocumentBatch(db)
    for document, events in extracted:
        if document is failing:
            with pytest.raises(OverflowError):
                batch.save(document, events)
        else:
            assert batch.save(document, events)
    assert batch.commit() == 2
    db.close()
    connection = sqlite3.connect(tmp_path / "events.db")
    stored = {row[0] for row in connection.execute("select id from documents")}
    orphans = connection.execute(
        "select count(*) from events where document_id = ?", [failing.id]
    ).fetchone()[0]
    connection.close()
    assert stored == {extracted[0][0].id, extracted[2][0].id}
    assert orphans == 0


def test_a_batch_is_written_after_its_documents_or_its_seconds(tmp_path: Path) -> None:
    (first, first_events), (second, second_events), (third, third_events) = articles()[:3]
    db = open_database(tmp_path / "events.db")
    summary = Summary()
    by_count = BatchWriter(db, summary, max_documents=2, max_seconds=100)
    assert not by_count.due()  # nothing waits
    by_count.add(first, first_events)
    assert not by_count.due()
    assert count(tmp_path / "events.db", "documents") == 0  # extracted, not written yet
    by_count.add(second, second_events)  # due: written and committed at once
    assert count(tmp_path / "events.db", "documents") == 2 == summary.stored
    assert not by_count.due()
    by_time = BatchWriter(db, summary, max_documents=100, max_seconds=0)
    by_time.add(first, first_events)  # stored already: skipped when its batch is written
    assert summary.skipped == 1 and not by_time.pending
    by_time.add(third, third_events)
    assert count(tmp_path / "events.db", "documents") == 3 == summary.stored
    db.close()


def test_the_write_lock_is_free_while_documents_are_extracted(tmp_path: Path) -> None:
    """Between batches another writer gets the database at once: the batch's transaction
    begins only when its documents are all extracted."""
    path = tmp_path / "events.db"
    db = open_database(path)
    writer = BatchWriter(db, Summary(), max_documents=3, max_seconds=100)
    other = sqlite3.connect(path, timeout=0)  # fails at once if the lock is taken
    for document, events in articles()[:5]:
        writer.add(document, events)
        other.execute("begin immediate")
        other.execute("create table if not exists other_writer (x)")
        other.commit()
    writer.flush()
    other.close()
    db.close()
    assert count(path, "documents") == 5


def test_ctrl_c_inside_a_batch_commits_the_documents_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    interrupted = articles()[2][0]
    insert_events = storage._insert_events

    def interrupt_midway(db: Any, document_id: str, *rest: Any) -> None:
        insert_events(db, document_id, *rest)
        if document_id == interrupted.id:
            raise KeyboardInterrupt

    monkeypatch.setattr(storage, "_insert_events", interrupt_midway)
    db = tmp_path / "events.db"
    code, summary, err = extract(db, str(WIKINEWS))
    assert code == 130, err
    assert summary["stored"] == 2 == count(db, "documents")
    assert summary["events"] == count(db, "events")


def test_a_database_error_inside_a_batch_keeps_the_documents_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    full = articles()[2][0]
    insert_events = storage._insert_events

    def disk_full(db: Any, document_id: str, *rest: Any) -> None:
        if document_id == full.id:
            raise sqlite3.OperationalError("database or disk is full")
        insert_events(db, document_id, *rest)

    monkeypatch.setattr(storage, "_insert_events", disk_full)
    db = tmp_path / "events.db"
    code, summary, err = extract(db, str(WIKINEWS))
    assert code == 3
    assert f"cannot write {full.source} to the database (database or disk is full)" in err
    assert summary["stored"] == 2 == count(db, "documents")


def test_a_batch_that_cannot_be_committed_is_not_counted_as_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def commit_fails(self: DocumentBatch) -> int:
        self.db.conn.rollback()
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(DocumentBatch, "commit", commit_fails)
    db = tmp_path / "events.db"
    code, summary, err = extract(db, str(WIKINEWS))
    assert code == 3
    # The first batch due (after some seconds, or at the end) is lost, and the run stops.
    assert re.search(r"cannot commit the last \d+ documents? to the database \(disk I/O", err)
    assert summary["stored"] == 0 == count(db, "documents")
