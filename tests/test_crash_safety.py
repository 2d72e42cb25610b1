"""Crash safety: extraction killed with SIGKILL, then run again, gives exactly the
database an uninterrupted run gives.

The corpus is TempEval-3's silver data (TimeML newswire). By default a sample of it
is used so the suite stays quick on a small machine; set TIMELINE_FULL_CORPUS=1 to
run the 2,452 articles (the ``slow`` test).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from datasette_timeline.pipeline import BATCH_DOCUMENTS

from .conftest import corpus

SAMPLE_EVERY = 12  # every 12th article: about 200 of the 2,452
# When to kill: early, midway and past half (share of the documents stored), each a
# different while after the last commit seen, so the kill lands at different points
# of the next batch's work (extracting, or writing its documents). Commits come in
# batches of up to BATCH_DOCUMENTS: the last kill must leave more than one batch to do.
KILL_AT = ((0.05, 0.0), (0.35, 0.013), (0.6, 0.031))
EXTRACT = [sys.executable, "-c", "from datasette_timeline.cli import cli; cli()", "extract"]
FULL_CORPUS = os.environ.get("TIMELINE_FULL_CORPUS") == "1"


def link_inputs(source: Path, destination: Path, every: int) -> int:
    """A folder of symbolic links to every ``every``-th article (the corpus is
    read-only and is never copied)."""
    destination.mkdir()
    articles = sorted(source.glob("*.tml"))[::every]
    for article in articles:
        (destination / article.name).symlink_to(article)
    return len(articles)


def run_extract(database: Path, inputs: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*EXTRACT, str(database), str(inputs), "-q", *options],
        capture_output=True,
        text=True,
        timeout=900,
    )


def failed_inputs(stderr: str) -> set[str]:
    """The per-input error lines of an extraction's output."""
    return {line for line in stderr.splitlines() if line.startswith("error:")}


def stored_documents(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1)
        try:
            return int(connection.execute("select count(*) from documents").fetchone()[0])
        finally:
            connection.close()
    except sqlite3.OperationalError:  # schema not written yet, or locked for a moment
        return 0


def kill_when_stored(
    database: Path, inputs: Path, threshold: int, delay: float, *options: str
) -> int:
    """Start an extraction, SIGKILL it ``delay`` seconds after ``threshold`` documents
    are stored, and return how many were stored at that moment."""
    process = subprocess.Popen(
        [*EXTRACT, str(database), str(inputs), "-q", *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # so the kill can reach worker processes too
    )
    try:
        deadline = time.monotonic() + 600
        while stored_documents(database) < threshold:
            if process.poll() is not None:
                stderr = process.stderr.read().decode() if process.stderr else ""
                pytest.fail(
                    f"extraction ended (code {process.returncode}) before the kill: {stderr}"
                )
            if time.monotonic() > deadline:
                pytest.fail(f"fewer than {threshold} documents stored after 10 minutes")
            time.sleep(0.01)
        time.sleep(delay)
        assert process.poll() is None, "the extraction ended before the kill"
        # The whole process group: a parallel run's workers die with their writer.
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if process.stderr:
            process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    return stored_documents(database)


def _tables(connection: sqlite3.Connection) -> Iterator[tuple[str, bool]]:
    """Tables to compare, as (name, is_virtual); a full-text index is compared by its
    content, not by its shadow tables, whose layout records write history."""
    rows = connection.execute(
        "select name, sql from sqlite_master where type = 'table' order by name"
    ).fetchall()
    virtual = [name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL")]
    for name, _sql in rows:
        if any(name.startswith(f"{v}_") for v in virtual) or name.startswith("sqlite_"):
            continue
        yield name, name in virtual


def snapshot(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table's rows (rowids included), and the schema."""
    connection = sqlite3.connect(database)
    try:
        contents: dict[str, list[tuple[object, ...]]] = {
            "sqlite_master": sorted(
                connection.execute(
                    "select type, name, tbl_name, sql from sqlite_master"
                ).fetchall(),
                key=repr,
            )
        }
        for name, _virtual in _tables(connection):
            quoted = '"' + name.replace('"', '""') + '"'
            try:
                rows = connection.execute(f"select rowid, * from {quoted}").fetchall()
            except sqlite3.OperationalError:  # WITHOUT ROWID
                rows = connection.execute(f"select * from {quoted}").fetchall()
            contents[name] = sorted(rows, key=repr)
        return contents
    finally:
        connection.close()


def events_by_document(database: Path) -> dict[str, set[str]]:
    connection = sqlite3.connect(database)
    try:
        found: dict[str, set[str]] = {
            row[0]: set() for row in connection.execute("select id from documents")
        }
        for document_id, event in connection.execute("select document_id, id from events"):
            found.setdefault(document_id, set()).add(event)
        return found
    finally:
        connection.close()


def assert_consistent(database: Path, reference: dict[str, set[str]]) -> None:
    """What a killed run leaves: a sound file, and only whole documents."""
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert connection.execute("pragma foreign_key_check").fetchall() == []
        connection.execute("insert into events_fts(events_fts) values ('integrity-check')")
    finally:
        connection.close()
    for document_id, events in events_by_document(database).items():
        assert document_id in reference, f"document {document_id} is no document of the corpus"
        assert events == reference[document_id], f"document {document_id} is half stored"


def kill_three_times_and_compare(inputs: Path, count: int, tmp_path: Path, *options: str) -> None:
    last_threshold = int(count * KILL_AT[-1][0])
    assert count - last_threshold > BATCH_DOCUMENTS, "too few articles to kill between batches"
    reference_db = tmp_path / "reference.db"
    began = time.perf_counter()
    result = run_extract(reference_db, inputs, *options)
    uninterrupted = time.perf_counter() - began
    # A document the extractor fails on is no crash-safety matter, but the rerun must
    # end exactly the same way: the same documents failed, the same exit code.
    failed = failed_inputs(result.stderr)
    assert result.returncode == (1 if failed else 0), result.stderr
    reference = snapshot(reference_db)
    reference_events = events_by_document(reference_db)
    assert len(reference_events) == count - len(failed), "the reference run lost articles"
    assert sum(len(events) for events in reference_events.values()) > count  # real work done

    crashed_db = tmp_path / "crashed.db"
    began = time.perf_counter()
    stored_at_kill = []
    for share, delay in KILL_AT:
        threshold = max(stored_documents(crashed_db) + 1, int(count * share))
        stored_at_kill.append(kill_when_stored(crashed_db, inputs, threshold, delay, *options))
        assert_consistent(crashed_db, reference_events)
    # Three different moments, each later than the one before.
    assert stored_at_kill == sorted(set(stored_at_kill)), stored_at_kill
    assert stored_at_kill[-1] < count, "the last kill came after the work was done"
    result = run_extract(crashed_db, inputs, *options)
    assert result.returncode == (1 if failed else 0), result.stderr
    assert failed_inputs(result.stderr) == failed
    interrupted = time.perf_counter() - began

    again = snapshot(crashed_db)
    assert again.keys() == reference.keys()
    for table in reference:
        assert again[table] == reference[table], (
            f"table {table} differs from the uninterrupted run (were the sources edited "
            "while the test ran? both runs must use the same code)"
        )
    print(
        f"\n{count} articles{' ' + ' '.join(options) if options else ''}: uninterrupted "
        f"{uninterrupted:.1f}s; killed at {stored_at_kill} documents and rerun: "
        f"{interrupted:.1f}s in all"
        + (f"; {len(failed)} articles failed in both: {sorted(failed)}" if failed else "")
    )


@pytest.mark.corpus
def test_sigkill_three_times_on_a_sample_of_te3_silver(tmp_path: Path) -> None:
    inputs = tmp_path / "articles"
    count = link_inputs(corpus("te3-silver"), inputs, SAMPLE_EVERY)
    kill_three_times_and_compare(inputs, count, tmp_path)


@pytest.mark.corpus
@pytest.mark.slow
def test_sigkill_three_times_on_a_sample_with_two_jobs(tmp_path: Path) -> None:
    inputs = tmp_path / "articles"
    count = link_inputs(corpus("te3-silver"), inputs, SAMPLE_EVERY)
    kill_three_times_and_compare(inputs, count, tmp_path, "--jobs", "2")


@pytest.mark.corpus
@pytest.mark.slow
def test_sigkill_three_times_on_all_of_te3_silver(tmp_path: Path) -> None:
    if not FULL_CORPUS:
        pytest.skip("the 2,452 articles take minutes: set TIMELINE_FULL_CORPUS=1 to run them")
    inputs = tmp_path / "articles"
    count = link_inputs(corpus("te3-silver"), inputs, 1)
    assert count == 2452
    kill_three_times_and_compare(inputs, count, tmp_path)


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = (task / "children").read_text().split()
        found.extend(int(child) for child in children)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in {"Z", "X"}


@pytest.mark.corpus
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_do_not_outlive_a_killed_writer(tmp_path: Path) -> None:
    """A user's ``kill -9`` reaches only the process they started: its workers must
    not stay behind."""
    inputs = tmp_path / "articles"
    link_inputs(corpus("te3-silver"), inputs, SAMPLE_EVERY)
    database = tmp_path / "events.db"
    process = subprocess.Popen(
        [*EXTRACT, str(database), str(inputs), "-q", "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while stored_documents(database) < 5 and time.monotonic() < deadline:
            workers = _children(process.pid) or workers
            time.sleep(0.01)
        workers = _children(process.pid) or workers
        assert workers, "no worker processes seen"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        deadline = time.monotonic() + 5
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [pid for pid in workers if _alive(pid)], "workers still running"
    finally:
        for pid in workers:  # only the workers this test started
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        if process.poll() is None:
            process.kill()
            process.wait()
