"""extract holds the database's write lock only while it writes a batch: another writer
(a second extract, the enrichment) gets the database while documents are extracted."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from datasette_timeline import events
from datasette_timeline.cli import cli

from .conftest import EXAMPLES


def test_another_writer_gets_the_database_while_extract_extracts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "events.db"
    extract_events = events.extract_events
    attempts: list[str] = []

    def try_writing_then_extract(text: str, published: str | None, **options: Any) -> Any:
        if database.exists():
            other = sqlite3.connect(database, timeout=0)  # no waiting: locked is locked
            try:
                other.execute("begin immediate")
                other.rollback()
                attempts.append("free")
            except sqlite3.OperationalError as error:
                attempts.append(str(error))
            finally:
                other.close()
        return extract_events(text, published, **options)

    monkeypatch.setattr(events, "extract_events", try_writing_then_extract)
    result = CliRunner().invoke(cli, ["extract", str(database), str(EXAMPLES / "wikinews"), "-q"])
    assert result.exit_code == 0, result.output
    assert len(attempts) == 8
    assert set(attempts) == {"free"}
