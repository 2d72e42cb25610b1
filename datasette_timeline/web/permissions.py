"""View permission for a table, asked the way each Datasette line asks it.

Custom routes get no permission check for free; this runs before anything reveals whether
the database or table exists, so a private table and a missing one look the same to outsiders.
"""

from __future__ import annotations

from typing import Any


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
