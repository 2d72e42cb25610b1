"""Storage: the only module that writes SQL.

Each document is written atomically (its own transaction, or its own savepoint inside
a ``DocumentBatch``), after checking by content hash that it is not stored yet, so an
interrupted run leaves a consistent database and running the same command again
completes the work without duplicating anything.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import sqlite_utils
from sqlite_utils.db import quote_identifier

from . import schema
from .actors.identity import absorbed as absorbed_by
from .actors.identity import is_full_name, same_person, surname_key
from .events import (
    ACTOR_KINDS,
    MERGE_MAX_DAYS,
    ActorRef,
    Event,
    MergeKey,
    content_words,
    merge_key,
    merge_score,
)
from .readers import Document


def _table(db: sqlite_utils.Database, name: str) -> sqlite_utils.db.Table:
    """``db[name]`` typed as a table (sqlite-utils types it as table-or-view)."""
    table = db[name]
    assert isinstance(table, sqlite_utils.db.Table), name
    return table


def _insert(
    db: sqlite_utils.Database, table: schema.Table, record: dict[str, Any], *, ignore: bool = False
) -> None:
    """``INSERT [OR IGNORE]`` of one row into one of our own tables, inside the
    document's transaction.

    sqlite-utils' ``Table.insert`` reads the schema on every call; on the writer's hot
    path that made storing the slowest stage of extraction (measured on 1,200 TimeML
    articles: 12.6 s with it, 7.4 s with this, identical rows).
    """
    sql = _insert_sql(table, tuple(record), ignore)
    db.conn.execute(sql, tuple(record.values()))


def _insert_many(
    db: sqlite_utils.Database, table: schema.Table, records: list[dict[str, Any]]
) -> None:
    """``INSERT OR IGNORE`` of rows that all have the same columns, in their order."""
    if records:
        sql = _insert_sql(table, tuple(records[0]), True)
        db.conn.executemany(sql, [tuple(record.values()) for record in records])


@lru_cache(maxsize=64)
def _insert_sql(table: schema.Table, columns: tuple[str, ...], ignore: bool) -> str:
    unknown = set(columns) - set(table.column_names)
    if unknown:  # a record out of step with the schema: fail loudly, never write it
        raise ValueError(f"no columns {sorted(unknown)} in the schema of {table.name}")
    names = ", ".join(quote_identifier(name) for name in columns)
    placeholders = ", ".join("?" for _ in columns)
    verb = "insert or ignore" if ignore else "insert"
    return f"{verb} into {quote_identifier(table.name)} ({names}) values ({placeholders})"


def open_database(path: str | Path) -> sqlite_utils.Database:
    """Open (creating if needed) an events database, in WAL mode so Datasette can read
    while extraction writes."""
    db = sqlite_utils.Database(path)
    if db.journal_mode != "wal":
        db.enable_wal()
    # In WAL mode NORMAL keeps the database consistent after any crash; only a power cut
    # can lose the last documents, and running the command again stores them. Saves the
    # sync at every document's commit.
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute("PRAGMA foreign_keys = ON")
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create the tables of ``schema`` that are missing, and bring older databases up to
    it: columns added since they were made, their indexes, and the rows those columns
    need (mentions of events stored before mentions existed, their counts, which events
    were dated by the publication)."""
    with db.atomic():
        existing = set(db.table_names())
        added: dict[str, list[str]] = {}
        for table in schema.TABLES:
            if table.name in existing:
                added[table.name] = _add_missing_columns(db, table)
            else:
                _table(db, table.name).create(
                    table.column_types(),
                    pk=table.pk,
                    foreign_keys=[
                        (fk.column, fk.other_table, fk.other_column) for fk in table.foreign_keys
                    ],
                )
            for index in table.indexes:
                _table(db, table.name).create_index(list(index), if_not_exists=True)
        if schema.MENTIONS.name not in existing and schema.EVENTS.name in existing:
            # Events stored before mentions existed: each is its own single mention.
            db.execute(
                """insert into mentions (id, event_id, document_id, char_start, char_end,
                       expression, sentence)
                   select id, coalesce(merged_into, id), document_id, char_start, char_end,
                       expression, sentence from events"""
            )
        if "dated_by" in added.get(schema.EVENTS.name, []):
            # Events dated by the publication were stored with an empty expression before
            # the column existed; no other event has one.
            db.execute(
                """update events set dated_by = 'publication', expression = null
                   where expression = ''"""
            )
            db.execute("update mentions set expression = null where expression = ''")
        if "surname" in added.get(schema.ACTORS.name, []):
            # People stored before surnames were: found again across articles from now on.
            for actor, name in db.execute(
                "select id, name from actors where kind = 'person'"
            ).fetchall():
                db.execute("update actors set surname = ? where id = ?", [surname_key(name), actor])
        if "mention_count" in added.get(schema.EVENTS.name, []):
            db.execute(
                """update events set mention_count =
                       (select count(*) from mentions where mentions.event_id = events.id)
                   where mention_count is null"""
            )
        _drop_merge_indexes(db)
    events = _table(db, schema.EVENTS.name)
    if not events.detect_fts():
        # Triggers keep the index current as events are written.
        events.enable_fts([schema.FULL_TEXT_COLUMN], create_triggers=True)
    _ensure_full_text_triggers(db)


def _add_missing_columns(db: sqlite_utils.Database, table: schema.Table) -> list[str]:
    """Columns of ``table`` that an older database lacks, added at the end (as SQLite
    adds columns); their names."""
    present = _table(db, table.name).columns_dict
    missing = [(name, kind) for name, kind in table.columns if name not in present]
    for name, kind in missing:
        _table(db, table.name).add_column(name, kind)
    return [name for name, _kind in missing]


def _drop_merge_indexes(db: sqlite_utils.Database) -> None:
    """Indexes earlier versions kept in the file for merge lookups; the writer's merge
    index (``_update_merge_index``) replaces them, and every insert paid for them."""
    for name in ("events_merge_candidates", "events_merge_by_start", "events_merge_by_date"):
        db.execute(f"drop index if exists {name}")


def _ensure_full_text_triggers(db: sqlite_utils.Database) -> None:
    """The full-text index follows inserts, deletes and changes of the indexed text.

    sqlite-utils' update trigger fires on any change of a row; the writer changes
    ``mention_count`` of an event each time another document reports it, and each such
    update re-indexed the unchanged text (an FTS5 delete and insert).
    """
    column = quote_identifier(schema.FULL_TEXT_COLUMN)
    events, fts = (
        quote_identifier(schema.EVENTS.name),
        quote_identifier(f"{schema.EVENTS.name}_fts"),
    )
    trigger = quote_identifier(f"{schema.EVENTS.name}_au")
    wanted = (
        f"CREATE TRIGGER {trigger} AFTER UPDATE OF {column} ON {events} BEGIN\n"
        f"  INSERT INTO {fts} ({fts}, rowid, {column}) VALUES('delete', old.rowid, old.{column});\n"
        f"  INSERT INTO {fts} (rowid, {column}) VALUES (new.rowid, new.{column});\n"
        "END"
    )
    found = db.execute(
        "select sql from sqlite_master where type = 'trigger' and name = ?",
        [f"{schema.EVENTS.name}_au"],
    ).fetchone()
    if found and found[0] != wanted:
        with db.atomic():
            db.execute(f"drop trigger {trigger}")
            db.execute(wanted)


@lru_cache(maxsize=1024)
def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or hashlib.sha256(name.encode()).hexdigest()[:12]


def place_id(name: str) -> str:
    """Readable, stable id: ``place:nagorno-karabakh``."""
    return f"place:{_slug(name)}"


def actor_id(actor: ActorRef) -> str:
    """Readable, stable id: ``country:armenia``, ``person:ali-khamenei``."""
    return f"{actor.kind}:{_slug(actor.name)}"


def span_id(document_id: str, char_start: int, char_end: int) -> str:
    """Stable id of what a document tells at these offsets (an event's or a mention's)."""
    key = f"{document_id}:{char_start}:{char_end}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def event_id(document_id: str, event: Event) -> str:
    return span_id(document_id, event.char_start, event.char_end)


def has_document(db: sqlite_utils.Database, document_id: str) -> bool:
    return bool(db.execute("select 1 from documents where id = ?", [document_id]).fetchone())


class ReadOnlyIndex:
    """Which documents a database already holds, read without writing to it (a dry run).

    ``has`` raises ``sqlite3.DatabaseError`` with a message naming the file when it
    cannot be read; a missing file or one without documents holds nothing.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = path
        self.connection: sqlite3.Connection | None = None
        if Path(path).is_file():
            self.connection = connect_read_only(path)

    def has(self, document_id: str) -> bool:
        if self.connection is None:
            return False
        try:
            row = self.connection.execute(
                "select 1 from documents where id = ?", [document_id]
            ).fetchone()
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):  # nothing extracted into it yet
                return False
            raise sqlite3.DatabaseError(f"cannot read {self.path} ({error})") from None
        except sqlite3.DatabaseError as error:
            raise sqlite3.DatabaseError(
                f"cannot read {self.path} ({error}); is it an SQLite file?"
            ) from None
        return row is not None

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    """A connection that cannot write to the database at ``path``."""
    return sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True)


# --- reading other databases: tables given with --from-table, snapshots to export ------


class SourceTable:
    """A table of an SQLite database, read row by row and never written (--from-table).

    Raises ``LookupError`` when the database has no such table (the message lists the
    tables it has) and ``sqlite3.DatabaseError`` when it cannot be read.
    """

    def __init__(self, database: str | Path, table: str) -> None:
        self.connection = connect_read_only(database)
        try:
            self.tables = [
                row[0]
                for row in self.connection.execute(
                    "select name from sqlite_master where type = 'table'"
                )
            ]
            if table not in self.tables:
                raise LookupError(
                    f"no table {table!r}; the tables are: {', '.join(self.tables) or '(none)'}"
                )
            info = self.connection.execute(
                "select name, pk from pragma_table_info(?)", [table]
            ).fetchall()
        except BaseException:
            self.connection.close()
            raise
        self.table = table
        self.columns: list[str] = [row[0] for row in info]
        self.primary_keys: list[str] = [row[0] for row in info if row[1]]

    def rows(self, columns: list[str]) -> Iterator[tuple[int, dict[str, Any]]]:
        """(rowid, values of ``columns``) of every row, in rowid order; ``columns`` must be
        among ``self.columns``."""
        unknown = [column for column in columns if column not in self.columns]
        if unknown:
            raise ValueError(f"no columns {unknown} in {self.table!r}")
        sql = (
            f"select rowid, {', '.join(quote_identifier(c) for c in columns)} "
            f"from {quote_identifier(self.table)} order by rowid"
        )
        for row in self.connection.execute(sql):
            yield row[0], dict(zip(columns, row[1:], strict=True))

    def close(self) -> None:
        self.connection.close()


def row_rowid_sql(table: str, primary_keys: list[str]) -> str:
    """The query (parameters: the key values) that finds a row's rowid by its primary key;
    ``table`` and ``primary_keys`` must be names the table really has."""
    where = " and ".join(f"{quote_identifier(pk)} = ?" for pk in primary_keys)
    return f"select rowid from {quote_identifier(table)} where {where}"


def largest_table_rows(path: str | Path) -> int:
    """The number of rows of the database's largest table (0 without tables)."""
    connection = connect_read_only(path)
    try:
        tables = [
            row[0]
            for row in connection.execute("select name from sqlite_master where type = 'table'")
        ]
        counts = [
            connection.execute(f"select count(*) from {quote_identifier(name)}").fetchone()[0]
            for name in tables
        ]
    finally:
        connection.close()
    return max(counts or [0])


def snapshot(source: str | Path, destination: str | Path) -> None:
    """Copy one consistent state of ``source`` into a standalone file (its write-ahead log
    included); raises ``sqlite3.DatabaseError`` when ``source`` cannot be read."""
    connection = connect_read_only(source)
    try:
        connection.execute("VACUUM INTO ?", [str(destination)])
    finally:
        connection.close()


def save_document(db: sqlite_utils.Database, document: Document, events: Iterable[Event]) -> bool:
    """Store a document and its events atomically; False if it was stored already.

    Outside a transaction this is one transaction; inside one (a ``DocumentBatch``),
    ``atomic`` makes it a savepoint, so a failing document is rolled back alone.
    """
    with db.atomic():
        if has_document(db, document.id):
            return False
        _insert(
            db,
            schema.DOCUMENTS,
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
                "language": document.language,
            },
        )
        _insert_events(db, document.id, events, document.language)
    return True


class DocumentBatch:
    """Documents written in one transaction, each inside its own savepoint.

    A document that fails is rolled back alone (``save_document``'s savepoint) and the
    batch goes on. Queries on ``db`` see the uncommitted documents (same connection), so
    content-hash skips and merges across documents decide as with a commit per
    document; other connections see whole batches. The transaction, and with it the
    database's write lock, begins at the first ``save`` and ends at ``commit``: the
    caller has the documents ready before it begins (``pipeline.BatchWriter``). On a
    connection already inside a transaction (Datasette's write connection) the batch
    joins it, and its owner commits.
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.saved = 0  # documents stored since the transaction began
        self.began = False
        self.owns_transaction = False

    def save(self, document: Document, events: Iterable[Event]) -> bool:
        """``save_document`` inside the batch; False if the document was stored already."""
        if not self.began:
            self.owns_transaction = not self.db.conn.in_transaction
            if self.owns_transaction:
                # IMMEDIATE takes the write lock now (waiting for another writer if needed)
                # rather than at the first insert, where it could fail without waiting.
                self.db.conn.execute("BEGIN IMMEDIATE")
            self.began = True
        elif not self.db.conn.in_transaction:
            raise _rolled_back()
        stored = save_document(self.db, document, events)
        self.saved += stored
        return stored

    def commit(self) -> int:
        """Commit the open batch (if any); how many documents it stored.

        Raises ``sqlite3.DatabaseError`` when the batch cannot be committed, or when
        SQLite already rolled it back (after a full disk or an I/O error): its documents
        are then not stored.
        """
        saved, self.saved, self.began = self.saved, 0, False
        if not self.owns_transaction:
            return saved
        if not self.db.conn.in_transaction:
            if saved:
                raise _rolled_back()
            return 0
        try:
            self.db.conn.commit()
        except sqlite3.Error:
            self.db.conn.rollback()  # no half-open transaction left behind
            raise
        return saved


def _rolled_back() -> sqlite3.OperationalError:
    return sqlite3.OperationalError("SQLite rolled the batch's transaction back after an error")


def _insert_events(
    db: sqlite_utils.Database,
    document_id: str,
    events: Iterable[Event],
    language: str | None = None,
) -> None:
    """Rows of a document's events, their mentions, actors and places.

    Merge candidates never come from the document itself, so every decision can be taken
    before any row is written; then each table gets one ``executemany``, rows in the order
    of the events (the same rowids as writing event by event).
    """
    rows: dict[str, list[dict[str, Any]]] = {table.name: [] for table in schema.DOCUMENT_ROWS}
    canonicals: dict[str, None] = {}  # events gaining a mention, in order
    _update_merge_index(db)
    events = list(events)
    stored, absorbed = _stored_people(db, events)
    events = [_with_stored_names(event, stored) for event in events]
    for event in events:
        identifier = event_id(document_id, event)
        canonical = _same_event(db, document_id, event)
        if canonical:
            canonicals[canonical] = None
        rows["events"].append(_event_record(document_id, identifier, event, canonical, language))
        rows["mentions"] += _mention_records(document_id, event, canonical or identifier)
        for actor in event.actors:
            actor_key = actor_id(actor)
            rows["actors"].append(
                {
                    "id": actor_key,
                    "name": actor.name,
                    "kind": actor.kind,
                    "code": actor.code,
                    "surname": surname_key(actor.name) if actor.kind == "person" else None,
                }
            )
            for alias in (actor.name, *actor.aliases):
                rows["actor_aliases"].append({"actor_id": actor_key, "alias": alias})
            rows["event_actors"].append({"event_id": identifier, "actor_id": actor_key})
        for place in event.places:
            key = place_id(place)
            rows["places"].append({"id": key, "name": place})
            rows["event_places"].append({"event_id": identifier, "place_id": key})
    for table in schema.DOCUMENT_ROWS:
        _insert_many(db, table, rows[table.name])
    for old_id, new_id, new_name in absorbed:
        _merge_actor(db, old_id, new_id, new_name)
    for canonical in canonicals:
        db.conn.execute(
            """update events set mention_count =
                   (select count(*) from mentions where event_id = :id) where id = :id""",
            {"id": canonical},
        )


def _mention_records(document_id: str, event: Event, into: str) -> list[dict[str, Any]]:
    """The event's own mention (with the event's id) and its other mentions in the
    document, all pointing to ``into`` (the event, or the one it is merged into)."""
    own = (event.char_start, event.char_end, event.expression, event.sentence)
    others = [(m.char_start, m.char_end, m.expression, m.sentence) for m in event.mentions]
    return [
        {
            "id": span_id(document_id, start, end),
            "event_id": into,
            "document_id": document_id,
            "char_start": start,
            "char_end": end,
            "expression": expression,
            "sentence": sentence,
        }
        for start, end, expression, sentence in (own, *others)
    ]


def _stored_people(
    db: sqlite_utils.Database, events: list[Event]
) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """One person across articles (``actors.identity``): the stored name each person of
    these events takes ("Obama" -> "Barack Obama" when that is the one stored with the
    surname), and the stored short names a new full name takes over (old id, new id,
    new name)."""
    names = {a.name for e in events for a in e.actors if a.kind == "person"}
    full_names_by_surname: dict[str, int] = {}
    for name in names:
        if is_full_name(name):
            key = surname_key(name)
            full_names_by_surname[key] = full_names_by_surname.get(key, 0) + 1
    stored: dict[str, str] = {}
    absorbed: list[tuple[str, str, str]] = []
    for name in sorted(names):
        candidates = [
            (str(row[0]), str(row[1]))
            for row in db.execute(
                "select id, name from actors where kind = 'person' and surname = ?",
                [surname_key(name)],
            ).fetchall()
        ]
        person = same_person(name, candidates)
        if person is not None:
            stored[name] = person[1]
            continue
        if full_names_by_surname.get(surname_key(name), 0) > 1:
            continue  # two people of that surname in this article: neither takes others
        new_id = actor_id(ActorRef(name, "person"))
        absorbed += [(old, new_id, name) for old, _ in absorbed_by(name, candidates)]
    return stored, absorbed


def _with_stored_names(event: Event, stored: dict[str, str]) -> Event:
    if not any(a.kind == "person" and a.name in stored for a in event.actors):
        return event
    actors = []
    for actor in event.actors:
        if actor.kind == "person" and stored.get(actor.name, actor.name) != actor.name:
            name = stored[actor.name]
            actor = ActorRef(name, actor.kind, actor.code, (actor.name, *actor.aliases))
        actors.append(actor)
    unique = list({actor.name: actor for actor in reversed(actors)}.values())[::-1]
    return dataclasses.replace(event, actors=unique)


def _merge_actor(db: sqlite_utils.Database, old_id: str, new_id: str, new_name: str) -> None:
    """Make the actor ``old_id`` (a short name stored earlier) the actor ``new_id``: its
    events, its spellings and the names in those events' ``actors`` column."""
    old = db.execute("select name from actors where id = ?", [old_id]).fetchone()
    if old is None or old_id == new_id:
        return
    old_name = old[0]
    for (event,) in db.execute(
        "select event_id from event_actors where actor_id = ?", [old_id]
    ).fetchall():
        row = db.execute("select actors from events where id = ?", [event]).fetchone()
        names = json.loads(row[0] or "[]") if row else []
        names = list(dict.fromkeys(new_name if n == old_name else n for n in names))
        db.execute(
            "update events set actors = ? where id = ?",
            [json.dumps(names, ensure_ascii=False), event],
        )
    db.execute(
        "update or ignore event_actors set actor_id = ? where actor_id = ?", [new_id, old_id]
    )
    db.execute("delete from event_actors where actor_id = ?", [old_id])
    db.execute(
        "update or ignore actor_aliases set actor_id = ? where actor_id = ?", [new_id, old_id]
    )
    db.execute("delete from actor_aliases where actor_id = ?", [old_id])
    db.execute("delete from actors where id = ?", [old_id])


def _event_record(
    document_id: str,
    identifier: str,
    event: Event,
    canonical: str | None,
    language: str | None = None,
) -> dict[str, Any]:
    return {
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
        "event_type": event.event_type,
        "trigger": event.trigger,
        "mention_count": 0 if canonical else event.mention_count,
        "merged_into": canonical,
        "dated_by": event.dated_by,
        "language": language,
    }


def find_same_event(db: sqlite_utils.Database, document_id: str, event: Event) -> str | None:
    """Id of a stored event from another document that reports the same event, if any.

    The decision is ``events.merge_score`` (a pure function); among several events it
    accepts, the most similar wins, then the oldest id (stable across runs). SQL only
    narrows the candidates to what ``merge_score`` could accept (see
    ``_merge_candidates``), so the decisions are those of scoring every stored event.
    """
    _update_merge_index(db)
    return _same_event(db, document_id, event)


def _same_event(db: sqlite_utils.Database, document_id: str, event: Event) -> str | None:
    """``find_same_event`` with the merge index known to be current."""
    if not (event.start and event.end):
        return None
    new = merge_key(event)
    if not content_words(new.sentence):
        return None  # merge_score needs content words on both sides
    best: tuple[float, str] | None = None
    for identifier, *columns in _merge_candidates(db, document_id, event):
        score = merge_score(new, _stored_merge_key(*columns))
        if score is not None and (best is None or score > best[0]):
            best = (score, identifier)
    return best[1] if best else None


@lru_cache(maxsize=1024)
def _stored_merge_key(
    value: str, start: str, end: str, event_type: str, actors: str | None, sentence: str | None
) -> MergeKey:
    """The merge key of a stored event (cached: a stored event is a candidate for many)."""
    return MergeKey(
        start=start,
        end=end,
        date=value,
        event_type=event_type,
        actors=frozenset(json.loads(actors or "[]")),
        sentence=sentence or "",
    )


def _merge_candidates(
    db: sqlite_utils.Database, document_id: str, event: Event
) -> list[tuple[Any, ...]]:
    """Unmerged events of other documents that pass the cheap tests of ``merge_score``.

    Type: the same. Dates (``dates_compatible``): equal values, or one span within the
    other with the outer one shorter than MERGE_MAX_DAYS. So a candidate overlaps this
    event and starts at most MERGE_MAX_DAYS before it; if this event spans that long or
    more, only its own value can match; otherwise a candidate ends at most
    MERGE_MAX_DAYS - 1 days after it or has its value. Actors: with actors, a candidate
    must share one (``actor_id`` of every kind for each name, since the rule compares
    names); without, it must have none. All of these are one index range of the
    connection's merge index (``_merge_index``), keyed by actor, type and day, so a
    lookup reads about as many rows as it returns however large the database grows.
    Each candidate's row is checked against the events table as it is now. Rows come
    in id order, which ``find_same_event`` relies on.
    """
    assert event.start and event.end
    earliest = days_before(event.start, MERGE_MAX_DAYS)
    span = days_between(event.start, event.end)
    if earliest is None or span is None:
        return []  # not calendar days: nothing to compare them with
    keys = _actor_keys(
        frozenset(actor.name for actor in event.actors),
        frozenset(actor.kind for actor in event.actors),
    )
    sql = f"""select distinct e.id, e.date, e.start, e."end", e.event_type, e.actors, e.sentence
        from temp.merge_keys k cross join events e on e.id = k.event_id
        where k.actor_id in ({", ".join("?" for _ in keys)}) and k.event_type = ?
          and k.start between ? and ? and k."end" >= ?"""
    parameters: list[Any] = [*keys, event.event_type, earliest, event.end, event.start]
    if span >= MERGE_MAX_DAYS:
        sql += " and k.date = ?"
        parameters.append(event.date)
    else:
        sql += """ and (k."end" <= ? or k.date = ?)"""
        parameters += [days_after(event.end, MERGE_MAX_DAYS - 1), event.date]
    # The row as it is now (the index keeps what was there when it was indexed).
    sql += """ and e.merged_into is null and e.document_id != ? and e.event_type = k.event_type
          and e.start = k.start and e."end" = k."end" and e.date = k.date"""
    parameters.append(document_id)
    return db.execute(sql + " order by e.id", parameters).fetchall()


# Events without actors are indexed under this key (no actor id is empty).
_NO_ACTORS = ""


@lru_cache(maxsize=1024)
def _actor_keys(names: frozenset[str], kinds: frozenset[str]) -> tuple[str, ...]:
    """The merge index keys a candidate must have one of: each name's ``actor_id`` in
    every kind (the rule compares names), or ``_NO_ACTORS`` for an event without actors."""
    if not names:
        return (_NO_ACTORS,)
    every_kind = {*ACTOR_KINDS, *kinds}
    return tuple(sorted({actor_id(ActorRef(name, kind)) for name in names for kind in every_kind}))


def _update_merge_index(db: sqlite_utils.Database) -> None:
    """Bring the connection's merge index up to date with the events table.

    ``temp.merge_keys`` holds, for every unmerged event with calendar days, a row per
    actor (or one under ``_NO_ACTORS``) with its type, days and value, indexed by actor,
    type and start day: merge candidates are one range of it. It is a TEMP table, in
    this connection only and never in the database file, filled from the events table
    once and then with the events added since (rowid order): by this writer or by any
    other. Writes to it belong to the current transaction, so a document rolled back
    leaves no keys behind.
    """
    try:
        indexed = db.conn.execute("select upto from temp.merge_keys_upto").fetchone()[0]
    except sqlite3.OperationalError:  # the connection's first lookup
        db.conn.execute(
            """create temp table merge_keys (actor_id text, event_type text, start text,
                   "end" text, date text, event_id text)"""
        )
        db.conn.execute(
            "create index temp.merge_keys_by_start on merge_keys(actor_id, event_type, start)"
        )
        db.conn.execute(
            "create index temp.merge_keys_by_date on merge_keys(actor_id, event_type, date)"
        )
        db.conn.execute("create temp table merge_keys_upto (upto integer)")
        db.conn.execute("insert into temp.merge_keys_upto values (0)")
        indexed = 0
    latest = db.conn.execute("select max(rowid) from events").fetchone()[0] or 0
    if latest <= indexed:
        return
    db.conn.execute(
        """insert into temp.merge_keys
           select coalesce(ea.actor_id, ?), e.event_type, e.start, e."end", e.date, e.id
           from events e left join event_actors ea on ea.event_id = e.id
           where e.rowid > ? and e.rowid <= ? and e.merged_into is null
             and e.start is not null and e."end" is not null
             and (ea.actor_id is not null or coalesce(e.actors, '') in ('', '[]'))""",
        [_NO_ACTORS, indexed, latest],
    )
    db.conn.execute("update temp.merge_keys_upto set upto = ?", [latest])


# The calendar's bounds clamp the date window: "4,000 years ago" may be dated year 1.


def days_before(day: str, days: int) -> str | None:
    """The ISO day ``days`` before ``day``, or 0001-01-01; None when ``day`` is no ISO day."""
    try:
        parsed = date.fromisoformat(day)
    except ValueError:
        return None
    if (parsed - date.min).days < days:
        return date.min.isoformat()
    return (parsed - timedelta(days=days)).isoformat()


def days_after(day: str, days: int) -> str | None:
    """The ISO day ``days`` after ``day``, or 9999-12-31; None when ``day`` is no ISO day."""
    try:
        parsed = date.fromisoformat(day)
    except ValueError:
        return None
    if (date.max - parsed).days < days:
        return date.max.isoformat()
    return (parsed + timedelta(days=days)).isoformat()


def days_between(start: str, end: str) -> int | None:
    """Days from ``start`` to ``end`` (ISO days), or None when either is no ISO day."""
    try:
        return (date.fromisoformat(end) - date.fromisoformat(start)).days
    except ValueError:
        return None
