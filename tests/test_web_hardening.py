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


# RFC 5545: TEXT holds no control character but HTAB; CR LF only ends lines.
FORBIDDEN_IN_ICS = {chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F]} | {
    "\u2028",
    "\u2029",
    "\x85",
}


@pytest.mark.asyncio
async def test_icalendar_carries_no_control_characters(db_path: Path) -> None:
    text = "Talks\x00 began\x0b in\x0c Baku\u2028and ended\u2029in Yerevan\x7f\x85;\ttoday"
    sqlite_utils.Database(db_path)["events"].update("e1", {"text": text})
    ds = make_datasette(db_path)
    body = (await get(ds, "/news/events/-/timeline.ics")).text
    lines = body.split("\r\n")
    assert lines[-1] == ""
    assert not FORBIDDEN_IN_ICS & set("".join(lines)), [
        line for line in lines if FORBIDDEN_IN_ICS & set(line)
    ]
    unfolded = body.replace("\r\n ", "")
    assert "SUMMARY:Talks began in Baku\\nand ended\\nin Yerevan\\;\ttoday" in unfolded


@pytest.mark.asyncio
async def test_a_table_without_dates_is_sampled_once_per_version_of_the_data(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Detection samples every candidate column, which scans a big table without dates: the
    answer is remembered until the data changes (rows with dates may arrive later)."""
    from datasette_timeline.web import config

    sampled: list[tuple[str, str]] = []
    original = config.sample_values

    async def counting(db: object, table: str, column: str) -> list[object]:
        sampled.append((table, column))
        return await original(db, table, column)

    monkeypatch.setattr(config, "sample_values", counting)
    sqlite_utils.Database(db_path)["later"].insert({"id": 1, "happened": None}, pk="id")
    ds = make_datasette(db_path)
    for _ in range(3):
        assert (await get(ds, "/news/plain")).status_code == 200
        assert (await get(ds, "/news/later/-/timeline")).status_code == 404
    assert {table for table, _ in sampled} == {"plain", "later"}
    assert len([s for s in sampled if s[0] == "plain"]) == 3  # id, name, size: once each
    assert len([s for s in sampled if s[0] == "later"]) == 2
    # Rows with dates arrive: the next request looks again and finds them.
    sqlite_utils.Database(db_path)["later"].insert({"id": 2, "happened": "2020-05-03"})
    assert (await get(ds, "/news/later/-/timeline")).status_code == 200
