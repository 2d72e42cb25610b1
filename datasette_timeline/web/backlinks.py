"""Links from a stored document back to the table row it was extracted from.

``extract --from-table DB:TABLE`` records the row in ``documents.source``
(``DB:TABLE#rowid=N``), ``source_table``, ``source_rowid`` and, for tables keyed by
something else, ``source_id``. Datasette names a database after its file, so the row
can be linked when that database is served by the same instance.
"""

from __future__ import annotations

from collections.abc import Container
from pathlib import PurePath
from typing import Any

BACKLINK_COLUMNS = ("source_rowid", "source_id")


def source_row(row: dict[str, Any], served: Container[str]) -> tuple[str, str, str] | None:
    """(database, table, primary key) of a document's source row, if Datasette serves it."""
    source, table = row.get("source"), row.get("source_table")
    if not isinstance(source, str) or not isinstance(table, str) or ":" not in source:
        return None
    path = source.rsplit(f":{table}#", 1)[0] if f":{table}#" in source else None
    if not path:
        return None
    database = PurePath(path).stem
    key = row.get("source_id")
    if key is None:
        key = row.get("source_rowid")
    if key is None or database not in served:
        return None
    return database, table, str(key)
