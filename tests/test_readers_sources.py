"""Inputs that are not files: rows of an SQLite table (with back-links) and http(s) URLs."""

from __future__ import annotations

import http.server
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from click.testing import CliRunner

from datasette_timeline.cli import cli

from .conftest import FIXTURES, KARABAKH
from .conftest import query_rows as rows

ARTICLES = [
    (
        "Flood defences finished",
        "Engineers finished the flood wall on Thursday, two years after the 2019 floods.",
        "2021-04-09",
    ),
    (
        "Airport expansion paused",
        "The airport paused its expansion last month, citing costs first raised in 2018.",
        "2021-05-20",
    ),
    ("Rail strike called off", "", "2021-06-01"),  # no text: reported, the others still stored
]


def extract(db: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["extract", str(db), *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def news_db(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    conn = sqlite3.connect(path)
    conn.execute(
        'create table [press "cuttings"] (slug text primary key, heading text, [full text] text, day text)'
    )
    conn.executemany(
        'insert into [press "cuttings"] values (?, ?, ?, ?)',
        [(f"story-{n}", title, text, day) for n, (title, text, day) in enumerate(ARTICLES)],
    )
    conn.commit()
    conn.close()
    return path


TABLE_OPTIONS = ("--text-column", "full text", "--date-column", "day", "--title-column", "heading")


def test_rows_of_a_table_become_documents_linked_to_their_row(
    tmp_path: Path, news_db: Path
) -> None:
    db = tmp_path / "events.db"
    code, _out, err = extract(db, "--from-table", f'{news_db}:press "cuttings"', *TABLE_OPTIONS)
    assert code == 1  # the row without text failed
    assert f"{news_db}:press \"cuttings\": rowid 3: empty text in column 'full text'" in err
    documents = rows(db, "select * from documents order by source_rowid")
    assert [d["title"] for d in documents] == [a[0] for a in ARTICLES[:2]]
    source = rows(news_db, 'select rowid, * from [press "cuttings"]')
    for document in documents:
        assert document["source_table"] == 'press "cuttings"'
        (row,) = [r for r in source if r["rowid"] == document["source_rowid"]]
        assert document["text"] == row["full text"]
        assert document["published"] == row["day"]
        assert document["source_id"] == row["slug"]  # the primary key, used in row URLs
    assert rows(db, "select count(*) as n from events")[0]["n"] >= 4


@pytest.mark.asyncio
async def test_back_links_lead_to_the_source_row_in_datasette(
    tmp_path: Path, news_db: Path
) -> None:
    from datasette.app import Datasette

    db = tmp_path / "events.db"
    extract(db, "--from-table", f'{news_db}:press "cuttings"', *TABLE_OPTIONS)
    datasette = Datasette([str(db), str(news_db)])
    for document in rows(db, "select * from documents"):
        row_path = datasette.urls.row("news", document["source_table"], document["source_id"])
        response = await datasette.client.get(f"{row_path}.json?_shape=array")
        assert response.status_code == 200, row_path
        (row,) = response.json()
        assert row["full text"] == document["text"]


def test_a_table_in_the_database_being_written_is_enriched_in_place(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    conn = sqlite3.connect(db)
    conn.execute("create table articles (id integer primary key, body text, published text)")
    conn.execute("insert into articles values (7, ?, '2021-04-09')", (ARTICLES[0][1],))
    conn.commit()
    conn.close()
    code, _out, err = extract(db, "--from-table", f"{db}:articles")
    assert code == 0, err
    (document,) = rows(db, "select * from documents")
    assert (document["source_table"], document["source_rowid"]) == ("articles", 7)
    assert rows(db, "select body from articles")[0]["body"] == document["text"]


def test_table_errors_say_what_exists(tmp_path: Path, news_db: Path) -> None:
    code, _out, err = extract(tmp_path / "e.db", "--from-table", f"{news_db}:nope")
    assert code == 1
    assert "no table 'nope'; the tables are: press \"cuttings\"" in err
    code, _out, err = extract(tmp_path / "e.db", "--from-table", f'{news_db}:press "cuttings"')
    assert code == 1
    assert "no text column" in err and "full text" in err and "--text-column" in err
    code, _out, err = extract(tmp_path / "e.db", "--from-table", f"{tmp_path / 'missing.db'}:t")
    assert "missing.db: no such database file" in err
    code, _out, err = extract(tmp_path / "e.db", "--from-table", "no-colon")
    assert "write it as DATABASE:TABLE" in err


# --- URLs, served by a server this test starts on 127.0.0.1 -------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        pages = {
            "/story": (
                "text/html; charset=utf-8",
                (FIXTURES / "html" / "harbour-meta.html").read_bytes(),
            ),
            "/plain": ("text/plain", KARABAKH.read_bytes()),
            "/huge": ("text/html", b"<p>" + b"word " * 400_000 + b"</p>"),
        }
        if self.path == "/slow":
            time.sleep(3)
        if self.path not in pages:
            self.send_error(404, "Not Found")
            return
        content_type, body = pages[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_urls_are_fetched_with_a_clear_user_agent(tmp_path: Path, server: str) -> None:
    db = tmp_path / "events.db"
    _Handler.agents.clear()
    code, _out, err = extract(db, f"{server}/story", f"{server}/plain")
    assert code == 0, err
    documents = rows(db, "select * from documents order by rowid")
    assert [d["source"] for d in documents] == [f"{server}/story", f"{server}/plain"]
    assert documents[0]["published"] == "2021-03-18T09:30"
    assert documents[0]["url"].startswith("https://courier.example/")  # the canonical URL
    assert documents[1]["text"] == KARABAKH.read_text()
    assert all(agent.startswith("datasette-timeline/") for agent in _Handler.agents)


def test_url_failures_are_named_and_the_rest_is_processed(tmp_path: Path, server: str) -> None:
    db = tmp_path / "events.db"
    code, _out, err = extract(
        db,
        f"{server}/missing",
        f"{server}/huge",
        f"{server}/slow",
        f"{server}/plain",
        "--max-page-mb",
        "1",
        "--timeout",
        "0.5",
    )
    assert code == 1
    assert f"{server}/missing: the server answered 404" in err
    assert f"{server}/huge: larger than 1 MB" in err
    assert f"{server}/slow: no answer within 0.5s" in err
    assert len(rows(db, "select * from documents")) == 1
