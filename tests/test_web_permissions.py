"""Every route and export of the timeline, for each actor, with each linked table private in
turn: nothing of a table the actor may not view appears (titles, URLs, table names, names in
facets, counts), and the page still works without it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import sqlite_utils

from .test_web import build_events_db, get, make_datasette

ANONYMOUS: dict[str, Any] | None = None
ALICE = {"id": "alice"}
ROOT = {"id": "root"}

# Bytes that only a linked table holds: each must stay out of every response to an actor who
# may not view that table.
DOCUMENT_TITLE = "Memo of the secret negotiation"
DOCUMENT_SOURCE = "https://leaks.example.org/secret-memo"
SECRET_ACTOR = "Zedmund Hiddenactor"
SECRET_PLACE = "Hiddenplace Valley"
MENTION_SENTENCE = "A sentence only the mentions table keeps"
# event_actors links Armenia to every event (the events' own JSON lists it for three): a
# count of 5 can only come from the link table.
THROUGH_ONLY_COUNT = 5

SECRETS: dict[str, list[str]] = {
    "documents": [DOCUMENT_TITLE, DOCUMENT_SOURCE, "/news/documents"],
    "mentions": [MENTION_SENTENCE, "/news/mentions"],
    "actors": [SECRET_ACTOR, "/news/actors"],
    "event_actors": [SECRET_ACTOR, "/news/event_actors"],
    "places": [SECRET_PLACE, "/news/places"],
    "event_places": [SECRET_PLACE, "/news/event_places"],
}
# Secrets of the linked tables that the HTML page shows to someone who may view them: proof
# that the test looks where the bytes would be.
SHOWN_ON_THE_PAGE = {
    "documents": [DOCUMENT_TITLE, DOCUMENT_SOURCE, "/news/documents/d1"],
    "mentions": ["/news/mentions?event_id="],
}

THROUGH = ("actors", "event_actors")

ROUTES = [
    "/news/events/-/timeline",
    "/news/events/-/timeline?_counts=all",  # the deferred facet counts
    "/news/events/-/timeline?_lanes=1",
    "/news/events/-/timeline?_counts=all&document_id=d1",
    "/news/events/-/timeline.json",
    "/news/events/-/timeline.json?actors__arraycontains=Armenia",
    "/news/events/-/timeline.timelinejs.json",
    "/news/events/-/timeline.ics",
]


def build_linked_db(path: Path) -> Path:
    build_events_db(path)
    db = sqlite_utils.Database(path)
    db["documents"].update("d1", {"title": DOCUMENT_TITLE, "source": DOCUMENT_SOURCE})
    secret = db["actors"].insert({"name": SECRET_ACTOR, "kind": "person"}).last_pk
    armenia = next(db["actors"].rows_where("name = ?", ["Armenia"]))["id"]
    events = [row["id"] for row in db["events"].rows]
    db["event_actors"].insert_all(
        [{"event_id": e, "actor_id": armenia} for e in events]
        + [{"event_id": "e1", "actor_id": secret}],
        ignore=True,
    )
    db["mentions"].insert_all(
        [
            {"event_id": e, "document_id": "d1", "sentence": MENTION_SENTENCE, "char_start": 0}
            for e in events
        ],
        foreign_keys=[("event_id", "events", "id"), ("document_id", "documents", "id")],
    )
    db["places"].insert({"id": 1, "name": SECRET_PLACE}, pk="id")
    db["event_places"].insert(
        {"event_id": "e1", "place_id": 1},
        foreign_keys=[("event_id", "events", "id"), ("place_id", "places", "id")],
    )
    return path


def config_for(private: str | None, events_public: bool) -> dict[str, Any]:
    tables: dict[str, Any] = {}
    if private:
        tables[private] = {"allow": {"id": "root"}}
    if not events_public:
        tables["events"] = {"allow": {"id": ["alice", "root"]}}
    return {"databases": {"news": {"tables": tables}}}


def may_view(actor: dict[str, Any] | None, table: str, private: str | None, public: bool) -> bool:
    if table == private:
        return actor == ROOT
    if table == "events":
        return public or actor is not None
    return True


def actor_facet(html: str) -> dict[str, int]:
    block = re.search(r'<h3 id="facet-\d+">Actor</h3>(.*?)</section>', html, re.S)
    if block is None:
        return {}
    return {
        label: int(count.replace(",", ""))
        for label, count in re.findall(
            r'<span class="facet-label">(.*?)</span>\s*<span class="facet-count">([\d,]+)',
            block.group(1),
        )
    }


@pytest.fixture(scope="module")
def linked_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_linked_db(tmp_path_factory.mktemp("perm") / "news.db")


@pytest.mark.asyncio
@pytest.mark.parametrize("events_public", [True, False], ids=["events-public", "events-private"])
@pytest.mark.parametrize("private", [None, *SECRETS], ids=lambda p: f"private-{p}")
async def test_no_byte_of_a_private_table_reaches_any_route(
    linked_db: Path, private: str | None, events_public: bool
) -> None:
    ds = make_datasette(linked_db, config_for(private, events_public))
    for actor in (ANONYMOUS, ALICE, ROOT):
        # The table pages themselves are the reference for who may view what.
        for table in ("events", *SECRETS):
            page = await get(ds, f"/news/{table}", actor=actor)
            expected = 200 if may_view(actor, table, private, events_public) else 403
            assert page.status_code == expected, (table, actor)
        for route in ROUTES:
            response = await get(ds, route, actor=actor)
            if not may_view(actor, "events", private, events_public):
                assert response.status_code == 403, (route, actor)
            else:
                assert response.status_code == 200, (route, actor, response.text[:300])
            body = response.text
            for table, secrets in SECRETS.items():
                if may_view(actor, table, private, events_public):
                    continue
                for secret in secrets:
                    assert secret not in body, (route, actor, table, secret)
            if not may_view(actor, "event_actors", private, events_public):
                assert actor_facet(body).get("Armenia") != THROUGH_ONLY_COUNT, (route, actor)
        # The plugin's own assets hold no data at all.
        for asset in ("timeline.js", "timeline.css", "table-link.js"):
            response = await get(ds, f"/-/timeline-static/{asset}", actor=actor)
            assert response.status_code == 200
            assert not any(s in response.text for secrets in SECRETS.values() for s in secrets)
        # A filter naming what only the link tables know finds nothing (no count to guess by).
        guess = "/news/events/-/timeline.json?actors__arraycontains=" + quote(SECRET_ACTOR)
        response = await get(ds, guess, actor=actor)
        if response.status_code == 200:
            through = all(may_view(actor, t, private, events_public) for t in THROUGH)
            assert response.json()["count"] == (1 if through else 0), actor
        # Whoever may view everything sees the linked tables' contributions on the page.
        if may_view(actor, "events", private, events_public):
            html = (await get(ds, "/news/events/-/timeline", actor=actor)).text
            for table, shown in SHOWN_ON_THE_PAGE.items():
                if may_view(actor, table, private, events_public):
                    for text in shown:
                        assert text in html, (table, actor, text)
            if all(may_view(actor, t, private, events_public) for t in THROUGH):
                assert actor_facet(html)["Armenia"] == THROUGH_ONLY_COUNT
                assert SECRET_ACTOR in html


@pytest.mark.asyncio
async def test_private_document_table_leaves_the_rest_of_the_event(linked_db: Path) -> None:
    """Left out silently: the event, its actors and its record link stay; the JSON export
    carries no document and no source URL for it."""
    ds = make_datasette(linked_db, config_for("documents", True))
    data = json.loads((await get(ds, "/news/events/-/timeline.json")).text)
    assert len(data["rows"]) == 5
    assert all(event["document"] is None and event["source_url"] is None for event in data["rows"])
    assert all(event["url"].startswith("http://localhost/news/events/") for event in data["rows"])
    root = json.loads((await get(ds, "/news/events/-/timeline.json", actor=ROOT)).text)
    assert {e["document"]["title"] for e in root["rows"] if e["document"]} >= {DOCUMENT_TITLE}


def test_readable_only_drops_each_link_whose_tables_are_not_all_readable() -> None:
    from datasette_timeline.web.config import Through
    from datasette_timeline.web.permissions import ForeignTable, LinkedTables, readable_only

    through = Through("event_actors", "event_id", "id", "actor_id", "actors", "id", "name")
    linked = LinkedTables(
        document=ForeignTable("document_id", "documents", "id"),
        mentions=("mentions", "event_id"),
        through=through,
    )
    assert readable_only(linked, linked.names()) == linked
    assert readable_only(linked, []) == LinkedTables()
    only_link_table = readable_only(linked, ["event_actors", "documents"])
    assert only_link_table == LinkedTables(document=linked.document)
    assert readable_only(linked, ["actors", "event_actors", "mentions"]) == LinkedTables(
        mentions=("mentions", "event_id"), through=through
    )
