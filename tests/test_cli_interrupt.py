"""Ctrl-C during extract: exit 130, a consistent database, and running the same command
again finishes the job with exactly the rows of an uninterrupted run."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

RUN_CLI = "from datasette_timeline.cli import cli; cli()"
COUNTRIES = ["France", "Kenya", "Chile", "Japan", "Canada", "Egypt", "Norway", "Peru"]


def write_articles(folder: Path, count: int) -> None:
    folder.mkdir()
    for number in range(count):
        country = COUNTRIES[number % len(COUNTRIES)]
        (folder / f"{number:04d}.txt").write_text(
            f"Report {number}\n- Published Date: 2021-0{number % 9 + 1}-15\n\n"
            f"{country} signed the agreement on Monday, {number % 27 + 1} years after the "
            f"first talks in {1950 + number % 60}. Officials met again last week.\n"
        )


def documents_in(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            return conn.execute("select count(*) from documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created yet
        return 0


def dump(db: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("pragma integrity_check").fetchone() == ("ok",)
        tables = [
            r[0]
            for r in conn.execute("select name from sqlite_master where type = 'table'")
            if not r[0].startswith("sqlite_") and "_fts" not in r[0]
        ]
        return {
            t: sorted(conn.execute(f"select * from [{t}]").fetchall(), key=repr) for t in tables
        }
    finally:
        conn.close()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUN_CLI, *args], capture_output=True, text=True, timeout=600
    )


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_keeps_what_was_stored_and_a_rerun_completes(tmp_path: Path, jobs: str) -> None:
    # Enough articles that the run is still going when the first batch is stored (the
    # writer stores 50 documents at a time and extracts several hundred a second).
    total = 2000
    folder = tmp_path / "articles"
    write_articles(folder, total)
    reference = tmp_path / "reference.db"
    assert run("extract", str(reference), str(folder), "-q").returncode == 0

    db = tmp_path / "events.db"
    command = [sys.executable, "-c", RUN_CLI, "extract", str(db), str(folder), "--jobs", jobs]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while documents_in(db) < 1 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: the whole process group
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 130, err
    assert "interrupted: the documents stored so far are kept; run the same command again" in err
    assert "Traceback" not in err
    stored = documents_in(db)
    assert 1 <= stored < total

    again = run("extract", str(db), str(folder), "--jobs", jobs)
    assert again.returncode == 0, again.stderr
    assert f"{stored} already present" in again.stderr
    assert dump(db) == dump(reference)
