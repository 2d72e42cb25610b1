"""View permission for every table a timeline request reads, asked the way each Datasette line
asks it for the table page.

Custom routes get no permission check for free. The timeline's own table is checked before
anything reveals whether the database or table exists, so a private table and a missing one
look the same to outsiders. The tables it links to (the document a row comes from, the
mentions of an event, the actors it is linked to) are found once per request from the schema
and each one is checked for the same actor; a linked table the actor may not view is dropped
from the request, so nothing of it is read: no title, no link, no facet, no count.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..schema import MENTIONS
from .config import Through, TimelineColumns


async def can_view_table(
    datasette: Any, actor: dict[str, Any] | None, database: str, table: str
) -> bool:
    if hasattr(datasette, "allowed"):
        # Datasette 1.0a20+: resources cascade, so a private database hides its tables too.
        from datasette.resources import TableResource

        allowed = await datasette.allowed(
            action="view-table", resource=TableResource(database, table), actor=actor
        )
        return bool(allowed)
    # Datasette 0.65: the table page's own check, table then database then instance.
    visible, _private = await datasette.check_visibility(
        actor,
        permissions=[
            ("view-table", (database, table)),
            ("view-database", database),
            "view-instance",
        ],
    )
    return bool(visible)


@dataclass(frozen=True)
class ForeignTable:
    """The table a column of the timeline's table points at (events.document_id -> documents)."""

    column: str
    table: str
    key: str


@dataclass(frozen=True)
class LinkedTables:
    """The tables besides its own that the timeline reads for a request."""

    document: ForeignTable | None = None
    # A table with one row per report of an event, and its column pointing at the event.
    mentions: tuple[str, str] | None = None
    # The link table and entity table behind the actor facet and filter.
    through: Through | None = None

    def names(self) -> set[str]:
        names: set[str] = set()
        if self.document:
            names.add(self.document.table)
        if self.mentions:
            names.add(self.mentions[0])
        if self.through:
            names.update((self.through.table, self.through.entity_table))
        return names


def readable_only(linked: LinkedTables, readable: Iterable[str]) -> LinkedTables:
    """The links whose every table may be read; the others are left out, silently."""
    allowed = set(readable)
    document, mentions, through = linked.document, linked.mentions, linked.through
    return LinkedTables(
        document=document if document and document.table in allowed else None,
        mentions=mentions if mentions and mentions[0] in allowed else None,
        through=through if through and {through.table, through.entity_table} <= allowed else None,
    )


async def find_linked_tables(db: Any, table: str, tl: TimelineColumns) -> LinkedTables:
    """The linked tables the page would read, from the schema alone (no permission yet)."""
    document = None
    document_column = tl.get("document")
    if document_column:
        for fk in await db.foreign_keys_for_table(table):
            if fk["column"] == document_column and await db.table_exists(fk["other_table"]):
                document = ForeignTable(document_column, fk["other_table"], fk["other_column"])
                break
    return LinkedTables(
        document=document,
        mentions=await _mentions_table(db, table, tl),
        through=tl.through,
    )


async def _mentions_table(db: Any, table: str, tl: TimelineColumns) -> tuple[str, str] | None:
    """The mentions table of schema.py (one row per report of an event), when it points at
    this table."""
    for name in await db.table_names():
        if name == table or (tl.through and name == tl.through.table):
            continue
        if name != MENTIONS.name:
            continue
        for fk in await db.foreign_keys_for_table(name):
            if fk["other_table"] == table:
                return name, fk["column"]
    return None


async def readable_links(
    datasette: Any,
    actor: dict[str, Any] | None,
    database: str,
    db: Any,
    table: str,
    tl: TimelineColumns,
) -> tuple[TimelineColumns, LinkedTables]:
    """The columns and linked tables this actor's request may read: each linked table is
    checked once, with the same permission as its own table page."""
    linked = await find_linked_tables(db, table, tl)
    readable = [
        name
        for name in sorted(linked.names())
        if await can_view_table(datasette, actor, database, name)
    ]
    allowed = readable_only(linked, readable)
    if allowed.through != tl.through:
        tl = dataclasses.replace(tl, through=allowed.through)
    return tl, allowed
