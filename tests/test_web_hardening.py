"""Exports that HTML-interpreting clients read, and the cost of tables without dates."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlite_utils

from .test_web import build_events_db, get, make_datasette

HOSTILE_DATE = '<img src=x onerror="alert(1)">'


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return build_events_db(tmp_path / "news.db")


@pytest.mark.asyncio
async def test_timelinejs_escapes_stored_date_values(db_path: Path) -> None:
    """A stored value that is no date is shown as it is: escaped, like every other field."""
    sqlite_utils.Database(db_path)["events"].update("e1", {"date": HOSTILE_DATE})
    ds = make_datasette(db_path)
    body = (await get(ds, "/news/events/-/timeline.timelinejs.json")).text
    assert "<img" not in body
    slide = next(
        s
        for s in (await get(ds, "/news/events/-/timeline.timelinejs.json")).json()["events"]
        if s["start_date"]["year"] == 1991
    )
    assert slide["start_date"]["display_date"] == "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;"
    assert slide["end_date"]["display_date"] == slide["start_date"]["display_date"]
    assert slide["text"]["headline"] == slide["start_date"]["display_date"]
