"""Storage: the only module that writes SQL.

Each document is written in one transaction, after checking by content hash that it
is not stored yet, so an interrupted run leaves a consistent database and running
the same command again completes the work without duplicating anything.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import sqlite_utils

from .events import ActorRef, Event
from .readers import Document

SCHEMA_VERSION = 1
DOCUMENT_ORIGIN_COLUMNS: dict[str, type] = {
    "url": str,
    "source_id": str,
    "source_table": str,
    "source_rowid": int,
}


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) an events database, in WAL mode so Datasette can read
    while extraction writes."""
    db = sqlite_utils.Database(path)
    if db.journal_mode != "wal":
        db.enable_wal()
    db.execute("PRAGMA foreign_keys = ON")
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    with db.atomic():
        if "documents" not in db.table_names():
            db["documents"].create(
                {"id": str, "title": str, "published": str, "source": str, "text": str},
                pk="id",
            )
        # Where a document came from beyond its ``source``: a page's canonical URL, the
        # row's own id, and for rows of an SQLite table the table and rowid (back-links).
        documents = db["documents"]
        assert isinstance(documents, sqlite_utils.db.Table)
        for name, kind in DOCUMENT_ORIGIN_COLUMNS.items():
            if name not in documents.columns_dict:
                documents.add_column(name, kind)
        if "actors" not in db.table_names():
            db["actors"].create({"id": str, "name": str, "kind": str, "code": str}, pk="id")
            db["actors"].create_index(["name"])
        if "events" not in db.table_names():
            db["events"].create(
                {
                    "id": str,
                    "document_id": str,
                    "date": str,
                    "precision": str,
                    "start": str,
                    "end": str,
                    "year": int,
                    "expression": str,
                    "text": str,
                    "sentence": str,
                    "actors": str,
                    "places": str,
                    "resolved": int,
                    "mod": str,
                    "char_start": int,
                    "char_end": int,
                },
                pk="id",
                foreign_keys=[("document_id", "documents", "id")],
            )
            events = db["events"]
            events.create_index(["start"])
            events.create_index(["year"])
            events.create_index(["document_id"])
        if "event_actors" not in db.table_names():
            db["event_actors"].create(
                {"event_id": str, "actor_id": str},
                pk=("event_id", "actor_id"),
                foreign_keys=[("event_id", "events", "id"), ("actor_id", "actors", "id")],
            )
            db["event_actors"].create_index(["actor_id"])
    if not db["events"].detect_fts():
        # Triggers keep the index current as events are written.
        db["events"].enable_fts(["text"], create_triggers=True)


def actor_id(actor: ActorRef) -> str:
    """Readable, stable id: ``country:armenia``, ``person:ali-khamenei``."""
    ascii_name = unicodedata.normalize("NFKD", actor.name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if not slug:
        slug = hashlib.sha256(actor.name.encode()).hexdigest()[:12]
    return f"{actor.kind}:{slug}"


def event_id(document_id: str, event: Event) -> str:
    key = f"{document_id}:{event.char_start}:{event.char_end}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def has_document(db: sqlite_utils.Database, document_id: str) -> bool:
    return bool(db.execute("select 1 from documents where id = ?", [document_id]).fetchone())


def save_document(db: sqlite_utils.Database, document: Document, events: Iterable[Event]) -> bool:
    """Store a document and its events atomically; False if it was stored already."""
    with db.atomic():
        if has_document(db, document.id):
            return False
        db["documents"].insert(
            {
                "id": document.id,
                "title": document.title,
                "published": document.published,
                "source": document.source,
                "text": document.text,
                "url": document.url,
                "source_id": document.source_id,
                "source_table": document.source_table,
                "source_rowid": document.source_rowid,
            }
        )
        for event in events:
            _insert_event(db, document.id, event)
    return True


def _insert_event(db: sqlite_utils.Database, document_id: str, event: Event) -> None:
    identifier = event_id(document_id, event)
    record: dict[str, Any] = {
        "id": identifier,
        "document_id": document_id,
        "date": event.date,
        "precision": event.precision,
        "start": event.start,
        "end": event.end,
        "year": event.year,
        "expression": event.expression,
        "text": event.text,
        "sentence": event.sentence,
        "actors": json.dumps([actor.name for actor in event.actors], ensure_ascii=False),
        "places": json.dumps(event.places, ensure_ascii=False),
        "resolved": int(event.resolved),
        "mod": event.mod,
        "char_start": event.char_start,
        "char_end": event.char_end,
    }
    db["events"].insert(record, pk="id", ignore=True)
    for actor in event.actors:
        actor_key = actor_id(actor)
        db["actors"].insert(
            {"id": actor_key, "name": actor.name, "kind": actor.kind, "code": actor.code},
            pk="id",
            ignore=True,
        )
        db["event_actors"].insert(
            {"event_id": identifier, "actor_id": actor_key},
            pk=("event_id", "actor_id"),
            ignore=True,
        )
