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
    # The headline says who and what, escaped as well.
    assert slide["text"]["headline"] == "Armenia, Azerbaijan: The occupation began"


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
    # The title is one short line (who and what); the description keeps the text's breaks.
    # (e1 is dated to the year 1991: a one-day entry with its date in the title)
    assert "SUMMARY:1991: Armenia\\, Azerbaijan: Talks began in Baku and ended in Yerevan" in (
        unfolded
    )
    assert "Talks began in Baku\\nand ended\\nin Yerevan\\;\ttoday" in unfolded


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


@pytest.mark.asyncio
async def test_background_counts_take_one_sql_thread_at_a_time(tmp_path: Path) -> None:
    """Counts finished after the response run one after another: under load, counting
    every deferred facet at once crowded out other visitors' requests."""
    import asyncio

    from datasette_timeline.web import cache

    db = sqlite_utils.Database(tmp_path / "file.db")
    db["t"].insert({"id": 1})

    class FileDatabase:
        path = str(tmp_path / "file.db")
        is_mutable = False
        is_memory = False

    running, most = 0, 0

    def job(number: int):  # type: ignore[no-untyped-def]
        async def compute() -> int:
            nonlocal running, most
            running += 1
            most = max(most, running)
            await asyncio.sleep(0.01)
            running -= 1
            return number

        return compute

    for number in range(4):
        cache.finish_later(FileDatabase(), ("job", number), job(number), keep=lambda _: True)
    cache.start_queued()
    await cache.settled()
    assert most == 1
    assert [cache.peek(FileDatabase(), ("job", n)) for n in range(4)] == [
        (True, n) for n in range(4)
    ]


@pytest.mark.asyncio
async def test_a_filtered_overview_counts_years_on_the_date_index(db_path: Path) -> None:
    """With a filter, the year of `start` comes from the date index that serves the filter
    (a few groups to sort); the year column would be looked up row by row."""
    from datasette_timeline.web import cache

    ds = make_datasette(db_path)
    await ds.invoke_startup()
    statements: list[str] = []
    db = ds.get_database("news")
    original = db.execute

    async def recording(sql: str, *args: object, **kwargs: object) -> object:
        statements.append(sql)
        return await original(sql, *args, **kwargs)

    db.execute = recording  # type: ignore[method-assign]
    try:
        cache.clear()
        response = await get(ds, "/news/events/-/timeline?start__gte=1992-01-01")
    finally:
        db.execute = original  # type: ignore[method-assign]
    assert response.status_code == 200
    overview = [s for s in statements if "as bucket, count(*)" in s]
    assert overview and all("group by substr(" in s for s in overview), overview
    plan = sqlite_utils.Database(db_path).execute(
        "explain query plan " + overview[0].replace(":p0", "'1992-01-01'")
    )
    details = " ".join(str(row[-1]) for row in plan.fetchall())
    assert "COVERING INDEX idx_events_start" in details, details


@pytest.mark.asyncio
async def test_background_counts_wait_while_a_request_is_answered(tmp_path: Path) -> None:
    """Counting ahead is speculative: it starts only when no timeline request is running."""
    import asyncio

    from datasette_timeline.web import cache

    sqlite_utils.Database(tmp_path / "file.db")["t"].insert({"id": 1})

    class FileDatabase:
        path = str(tmp_path / "file.db")
        is_mutable = False
        is_memory = False

    started: list[str] = []

    async def compute() -> str:
        started.append("counted")
        return "counted"

    async with cache.answering():
        cache.finish_later(FileDatabase(), ("idle",), compute, keep=lambda _: True)
        cache.start_queued()
        await asyncio.sleep(0.2)
        assert started == []
    await asyncio.sleep(0.2)
    assert started == ["counted"]
    assert cache.peek(FileDatabase(), ("idle",)) == (True, "counted")


@pytest.mark.asyncio
async def test_a_table_too_big_to_sample_in_time_has_no_timeline_and_no_error(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a big table whose columns are mostly empty, sampling runs out of its time limit:
    that table shows no Timeline link, and its table page still answers."""
    from datasette.database import Database, QueryInterrupted

    original = Database.execute

    async def slow_samples(self: Database, sql: str, *args: object, **kwargs: object) -> object:
        if " from plain where " in sql and sql.endswith("limit 20"):  # detection's samples
            raise QueryInterrupted(Exception("interrupted"), sql, None)
        return await original(self, sql, *args, **kwargs)

    monkeypatch.setattr(Database, "execute", slow_samples)
    ds = make_datasette(db_path)
    page = await get(ds, "/news/plain")
    assert page.status_code == 200
    assert "/-/timeline" not in page.text
    assert (await get(ds, "/news/plain/-/timeline")).status_code == 404
    assert (await get(ds, "/news/events/-/timeline")).status_code == 200
