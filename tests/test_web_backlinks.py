"""Documents extracted from a table link back to their source row in Datasette."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from datasette_timeline.cli import cli
from datasette_timeline.web.backlinks import source_row

from .conftest import KARABAKH, refresh_schemas


def test_source_row_reads_the_path_table_and_key() -> None:
    row = {
        "source": "/data/press cuttings.db:articles#rowid=7",
        "source_table": "articles",
        "source_rowid": 7,
        "source_id": None,
    }
    assert source_row(row, {"press cuttings"}) == ("press cuttings", "articles", "7")
    assert source_row({**row, "source_id": "a/b"}, {"press cuttings"}) == (
        "press cuttings",
        "articles",
        "a/b",
    )
    assert source_row(row, {"other"}) is None  # that database is not served here
    assert source_row({**row, "source_table": None}, {"press cuttings"}) is None
    assert source_row({**row, "source": "article.txt"}, {"press cuttings"}) is None


@pytest.mark.asyncio
async def test_documents_table_links_each_document_to_its_row(tmp_path: Path) -> None:
    news = tmp_path / "news.db"
    conn = sqlite3.connect(news)
    conn.execute("create table stories (slug text primary key, body text, published text)")
    conn.execute(
        "insert into stories values (?, ?, '2020-11-03')",
        ("karabakh/1 <b>", KARABAKH.read_text()),
    )
    conn.commit()
    conn.close()
    events = tmp_path / "events.db"
    result = CliRunner().invoke(cli, ["extract", str(events), "--from-table", f"{news}:stories"])
    assert result.exit_code == 0, result.output
    datasette = Datasette([str(events), str(news)])
    await refresh_schemas(datasette)
    page = await datasette.client.get("/events/documents")
    assert page.status_code == 200
    from datasette.utils import tilde_encode

    href = datasette.urls.row("news", "stories", tilde_encode("karabakh/1 <b>"))
    assert f'<a href="{href}">' in page.text
    target = await datasette.client.get(href + ".json?_shape=array")
    assert target.status_code == 200
    assert target.json()[0]["slug"] == "karabakh/1 <b>"
    # The key is escaped where it is shown.
    assert "karabakh/1 &lt;b&gt;" in page.text
