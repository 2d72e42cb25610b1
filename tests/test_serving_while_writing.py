"""Datasette serves the database while an extraction writes to it (WAL mode).

A real ``datasette`` server on 127.0.0.1 reads the tables over HTTP, again and
again, while ``extract`` stores articles of te3-silver: no request may fail and no
count may go down; at the end it sees exactly what the extraction stored.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from .conftest import corpus, datasette_server

SAMPLE_EVERY = 12  # about 200 articles: a few seconds of writing
EXTRACT = [sys.executable, "-c", "from datasette_timeline.cli import cli; cli()", "extract"]
TABLES = ("documents", "events", "event_actors")


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    found = []
    for article in sorted(corpus("te3-silver").glob("*.tml"))[::SAMPLE_EVERY]:
        link = folder / article.name
        link.symlink_to(article)
        found.append(link)
    return found


def table_count(client: httpx.Client, base: str, database: str, table: str) -> int:
    """The row count of a table, from its JSON (0.65: filtered_table_rows_count;
    1.0: ``_extra=count``)."""
    response = client.get(
        f"{base}/{database}/{table}.json", params={"_size": "1", "_extra": "count"}
    )
    assert response.status_code == 200, f"{table}: {response.status_code} {response.text[:300]}"
    data = response.json()
    count = data.get("filtered_table_rows_count", data.get("count"))
    assert isinstance(count, int), f"{table}: no count in {sorted(data)}"
    assert not data.get("count_truncated"), "count truncated: use a smaller sample"
    return count


def database_counts(database: Path) -> dict[str, int]:
    connection = sqlite3.connect(database)
    try:
        return {t: connection.execute(f"select count(*) from {t}").fetchone()[0] for t in TABLES}
    finally:
        connection.close()


@pytest.mark.corpus
def test_datasette_reads_while_extract_writes(articles: list[Path], tmp_path: Path) -> None:
    database = tmp_path / "events.db"
    # The first article creates the database, so the server has a file to open.
    first = subprocess.run([*EXTRACT, str(database), str(articles[0]), "-q"], capture_output=True)
    assert first.returncode == 0, first.stderr
    name = database.stem
    with datasette_server(database) as base:
        writer = subprocess.Popen(
            [*EXTRACT, str(database), str(articles[0].parent), "-q"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        history: dict[str, list[int]] = {table: [] for table in TABLES}
        timeline_pages = 0
        try:
            with httpx.Client(timeout=30) as client:
                while writer.poll() is None:
                    for table in TABLES:
                        history[table].append(table_count(client, base, name, table))
                    page = client.get(f"{base}/{name}/events/-/timeline")
                    assert page.status_code == 200, page.text[:300]
                    timeline_pages += 1
                stderr = writer.stderr.read().decode() if writer.stderr else ""
                assert writer.returncode == 0, stderr
                final = {t: table_count(client, base, name, t) for t in TABLES}
        finally:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
            if writer.stderr:
                writer.stderr.close()
    for table, counts in history.items():
        assert counts == sorted(counts), f"{table} count went down: {counts}"
    seen = history["documents"]
    # The reads overlapped the writes: several states seen before the end.
    assert len(set(seen)) >= 3, f"too few states seen while writing: {seen}"
    assert final == database_counts(database)
    assert final["documents"] == len(articles)
    print(
        f"\n{len(seen)} reads of each table ({len(set(seen))} different document counts) "
        f"and {timeline_pages} timeline pages while writing"
    )
