"""The "Extract dated events" enrichment: offered in Datasette's UI, and a job's rows land
in the same schema, with the same events, as ``extract --from-table``."""

from __future__ import annotations

import json
import sqlite3
from importlib.metadata import version
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

# Load Datasette's plugins before importing datasette_enrichments: importing it first makes
# Datasette's entry-point loading re-enter the half-imported module and register it with
# no hooks at all (its routes then answer 404).
from datasette.app import Datasette

from datasette_timeline.cli import cli

pytest.importorskip(
    "datasette_enrichments",
    reason="datasette-enrichments is not installed (pip install datasette-enrichments)",
)

from datasette.version import __version__ as datasette_version
from datasette_enrichments import get_enrichments
from datasette_enrichments.utils import wait_for_job

from datasette_timeline.enrichments import SLUG

from .conftest import refresh_schemas

ROWS = [
    (
        "Flood wall finished",
        "Engineers finished the flood wall on Thursday, after the 2019 floods in France.",
        "2021-04-09",
    ),
    (
        "Airport pauses work",
        "The airport paused its expansion last month, citing costs first raised in 2018.",
        "2021-05-20",
    ),
    ("Empty", "", "2021-06-01"),
    ("Bad date", "The mayor of Lyon resigned on Monday.", "31 February 2021"),
    ("Rail deal", "Unions and Germany's rail operator agreed a deal on 2 June 2021.", "2021-06-03"),
]
CONFIG = {
    "text_column": "body",
    "date_column": "published",
    "title_column": "headline",
    "published": "",
    "anchoring": "auto",
}
PERMISSIONS = {"permissions": {"enrichments": {"id": "root"}}}


def make_news_db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute(
        "create table articles (id integer primary key, headline text, body text, published text)"
    )
    conn.executemany("insert into articles (headline, body, published) values (?, ?, ?)", ROWS)
    conn.commit()
    conn.close()
    return path


def datasette_for(path: Path) -> Datasette:
    if datasette_version.startswith("0."):
        return Datasette([str(path)], metadata=PERMISSIONS)
    return Datasette([str(path)], config=PERMISSIONS)  # type: ignore[call-arg,unused-ignore]


def rows(path: Path, sql: str) -> list[dict[str, Any]]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql)]
    finally:
        conn.close()


async def run_job(datasette: Datasette, filter_querystring: str = "") -> int:
    db = datasette.get_database("news")
    enrichment = (await get_enrichments(datasette))[SLUG]
    job_id = await enrichment.enqueue(datasette, db, "articles", filter_querystring, CONFIG)
    await wait_for_job(datasette, job_id, "news", timeout=60)
    return int(job_id)


@pytest.mark.asyncio
async def test_the_enrichment_writes_what_extract_from_table_writes(tmp_path: Path) -> None:
    enriched = make_news_db(tmp_path / "news.db")
    datasette = datasette_for(enriched)
    await datasette.invoke_startup()
    await refresh_schemas(datasette)
    job_id = await run_job(datasette)

    reference = make_news_db(tmp_path / "reference.db")
    result = CliRunner().invoke(
        cli,
        [
            "extract",
            str(reference),
            "--from-table",
            f"{reference}:articles",
            "--text-column",
            "body",
            "--date-column",
            "published",
            "--title-column",
            "headline",
        ],
    )
    assert result.exit_code == 1  # the empty and the misdated rows

    def comparable(path: Path) -> tuple[list, list]:
        documents = rows(
            path,
            "select id, title, published, text, source_table, source_rowid from documents order by source_rowid",
        )
        events = rows(
            path,
            "select document_id, date, start, [end], char_start, char_end, actors from events order by document_id, char_start",
        )
        return [tuple(d.values()) for d in documents], [tuple(e.values()) for e in events]

    assert comparable(enriched) == comparable(reference)
    documents, events = comparable(enriched)
    assert [d[5] for d in documents] == [1, 2, 5]
    assert events, "no events extracted"
    errors = rows(
        enriched, f"select row_pks, error from _enrichment_errors where job_id = {job_id}"
    )
    messages = sorted(e["error"] for e in errors)
    assert "empty text in column 'body'" in messages[0] + messages[1]
    assert any("February 2021 has no day 31" in m for m in messages)


@pytest.mark.asyncio
async def test_selected_rows_only_and_a_second_run_adds_nothing(tmp_path: Path) -> None:
    path = make_news_db(tmp_path / "news.db")
    datasette = datasette_for(path)
    await datasette.invoke_startup()
    await refresh_schemas(datasette)
    await run_job(datasette, "id__in=1,2")
    assert [
        d["source_rowid"] for d in rows(path, "select source_rowid from documents order by 1")
    ] == [1, 2]
    before = rows(path, "select * from events order by id")
    await run_job(datasette, "id__in=1,2")
    assert rows(path, "select * from events order by id") == before


@pytest.mark.asyncio
async def test_the_enrichment_is_offered_with_the_columns_of_the_table(tmp_path: Path) -> None:
    datasette = datasette_for(make_news_db(tmp_path / "news.db"))
    if not hasattr(datasette, "permission_allowed") and version("datasette-enrichments") < "0.6":
        pytest.skip(
            "datasette-enrichments before 0.6a0 checks permissions with an API Datasette 1.0 "
            "no longer has; install datasette-enrichments>=0.6a0 with the 1.0 alphas"
        )
    await datasette.invoke_startup()
    await refresh_schemas(datasette)
    cookies = {"ds_actor": datasette.sign({"a": {"id": "root"}}, "actor")}
    picker = await datasette.client.get("/-/enrich/news/articles", cookies=cookies)
    assert picker.status_code == 200
    assert "Extract dated events" in picker.text
    form = await datasette.client.get(f"/-/enrich/news/articles/{SLUG}", cookies=cookies)
    assert form.status_code == 200
    assert "Text column" in form.text and "Publication date column" in form.text
    assert '<option selected value="body">' in form.text or 'value="body" selected' in form.text


# The source table is root's only; the timeline tables get the default (everyone).
PRIVATE_SOURCE = {
    "permissions": {"enrichments": {"id": "root"}},
    "databases": {"news": {"tables": {"articles": {"allow": {"id": "root"}}}}},
}
TIMELINE_TABLES = ("documents", "events", "mentions", "actors", "event_actors", "places")


def datasette_with(path: Path, config: dict[str, Any]) -> Datasette:
    if datasette_version.startswith("0."):
        return Datasette([str(path)], metadata=config)
    return Datasette([str(path)], config=config)  # type: ignore[call-arg,unused-ignore]


def all_private(config: dict[str, Any]) -> dict[str, Any]:
    tables = {name: {"allow": {"id": "root"}} for name in (*TIMELINE_TABLES, "event_places")}
    tables["articles"] = {"allow": {"id": "root"}}
    return {**config, "databases": {"news": {"tables": tables}}}


async def config_form(datasette: Datasette, data: dict[str, str]) -> Any:
    from datasette.utils import MultiParams

    enrichment = (await get_enrichments(datasette))[SLUG]
    form_class = await enrichment._get_config_form(
        datasette, datasette.get_database("news"), "articles"
    )
    return form_class(MultiParams({key: [value] for key, value in data.items()}))


@pytest.mark.asyncio
async def test_private_rows_are_not_copied_into_public_tables_unconfirmed(tmp_path: Path) -> None:
    path = make_news_db(tmp_path / "news.db")
    datasette = datasette_with(path, PRIVATE_SOURCE)
    await datasette.invoke_startup()
    await refresh_schemas(datasette)
    form = await config_form(datasette, {k: str(v) for k, v in CONFIG.items()})
    assert not form.validate()
    notice = str(form.copy_private_rows.label.text)
    assert "not visible to everyone" in notice and "events" in notice and "documents" in notice
    # The configuration to paste gives every timeline table the source's allow block.
    pasted = json.loads(form.copy_private_rows.description.split(": ", 1)[1])
    tables = pasted["databases"]["news"]["tables"]
    assert set(TIMELINE_TABLES) <= set(tables)
    assert all(t["allow"] == {"id": "root"} for t in tables.values())
    confirmed = await config_form(
        datasette, {**{k: str(v) for k, v in CONFIG.items()}, "copy_private_rows": "y"}
    )
    assert confirmed.validate(), confirmed.errors

    # A job queued without the form is refused the same way: nothing is written.
    job_id = await run_job(datasette)
    assert "events" not in sqlite_utils_tables(path)
    errors = rows(path, f"select error from _enrichment_errors where job_id = {job_id}")
    assert errors and all("private" in e["error"] for e in errors)
    # Confirmed, it runs.
    enrichment = (await get_enrichments(datasette))[SLUG]
    db = datasette.get_database("news")
    job = await enrichment.enqueue(
        datasette, db, "articles", "", {**CONFIG, "copy_private_rows": True}
    )
    await wait_for_job(datasette, job, "news", timeout=60)
    assert rows(path, "select count(*) as n from events")[0]["n"] > 0


@pytest.mark.asyncio
async def test_no_notice_when_the_timeline_tables_are_as_private(tmp_path: Path) -> None:
    path = make_news_db(tmp_path / "news.db")
    datasette = datasette_with(path, all_private(PRIVATE_SOURCE))
    await datasette.invoke_startup()
    await refresh_schemas(datasette)
    form = await config_form(datasette, {k: str(v) for k, v in CONFIG.items()})
    assert not hasattr(form, "copy_private_rows")
    assert form.validate(), form.errors
    await run_job(datasette)
    assert rows(path, "select count(*) as n from events")[0]["n"] > 0


def sqlite_utils_tables(path: Path) -> set[str]:
    return {r["name"] for r in rows(path, "select name from sqlite_master where type = 'table'")}
