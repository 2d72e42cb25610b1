"""The "Extract dated events" enrichment, for Datasette with datasette-enrichments.

A user selects rows of a table in Datasette's UI, picks the text column (and a
publication date column or a fixed date), and each row's events land in the same
schema as ``datasette-timeline extract --from-table`` writes: documents linked back
to their row by ``source_table``/``source_rowid``, events, actors. Rows already
extracted (same text) are skipped, so running it again completes an interrupted job.

Rows of a table not everyone may see must not land in tables anyone may read: when the
source table is hidden from anonymous users and one of the timeline tables is not, the form
says so, shows the configuration that gives those tables the source's permission, and
refuses to run until the user confirms (docs/security.md).

This module imports datasette-enrichments; the plugin hook imports it only when that
package is installed.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from typing import Any

from datasette_enrichments import Enrichment  # type: ignore[import-not-found,unused-ignore]
from wtforms import (  # type: ignore[import-not-found,unused-ignore]
    BooleanField,
    Form,
    SelectField,
    StringField,
)
from wtforms.validators import ValidationError  # type: ignore[import-not-found,unused-ignore]

from .pipeline import ExtractSettings, extract_document, write_results
from .readers import Document, InputError
from .readers.language import settle_language
from .readers.published import normalise_published_option
from .readers.records import (
    DATE_NAMES,
    TEXT_NAMES,
    TITLE_NAMES,
    ResolvedColumns,
    record_document,
)

SLUG = "datasette-timeline-extract"
_NONE = ""
# Every table the enrichment writes (storage.py's schema).
TIMELINE_TABLES = (
    "documents",
    "events",
    "mentions",
    "actors",
    "event_actors",
    "places",
    "event_places",
)
CONFIRM_FIELD = "copy_private_rows"


async def exposed_tables(datasette: Any, database: str, table: str) -> list[str]:
    """The timeline tables anonymous users may read, when they may not read ``table``:
    writing there would publish its rows. Empty when nothing would be exposed."""
    from .web.permissions import can_view_table

    if await can_view_table(datasette, None, database, table):
        return []
    return [
        name for name in TIMELINE_TABLES if await can_view_table(datasette, None, database, name)
    ]


def source_allow_block(datasette: Any, database: str, table: str) -> Any:
    """The source table's own ``allow`` block from the configuration, if it has one."""
    config = getattr(datasette, "config", None)
    if isinstance(config, dict):  # Datasette 1.0: datasette.yaml
        tables = config.get("databases", {}).get(database, {}).get("tables", {})
        allow = tables.get(table, {}).get("allow")
        if allow is not None:
            return allow
    try:  # Datasette 0.65: metadata.json
        metadata = datasette.metadata(database=database, table=table) or {}
    except (AttributeError, TypeError):
        metadata = {}
    return metadata.get("allow") if isinstance(metadata, dict) else None


def private_copy_notice(
    database: str, table: str, exposed: Sequence[str], allow: Any
) -> tuple[str, str]:
    """The form's warning and the configuration that gives the timeline tables the source
    table's permission (metadata.json on 0.65 and 1.0, or datasette.yaml on 1.0)."""
    warning = (
        f"The rows of {table} are not visible to everyone, but {', '.join(exposed)} "
        "can be read by anyone: the events, their sentences and the article texts written "
        "there would be public. Give those tables the permission of "
        f"{table} first, or tick this box to write them anyway."
    )
    block = {
        "databases": {
            database: {
                "tables": {
                    name: {"allow": allow if allow is not None else {"id": "..."}}
                    for name in TIMELINE_TABLES
                }
            }
        }
    }
    return warning, json.dumps(block)


def _must_confirm(_form: Any, field: Any) -> None:
    if not field.data:
        raise ValidationError(
            "Not started: the source rows are private and would be copied into tables "
            "anyone can read. Make those tables private first, or tick the box."
        )


def _first_usual(columns: Sequence[str], usual: Sequence[str]) -> str:
    by_lower = {column.lower(): column for column in columns}
    return next((by_lower[name] for name in usual if name in by_lower), _NONE)


def _valid_date(_form: Any, field: Any) -> None:
    if field.data:
        try:
            field.data = normalise_published_option(field.data)
        except ValueError as error:
            raise ValidationError(str(error)) from None


class ExtractDatedEvents(Enrichment):  # type: ignore[misc,unused-ignore]
    name = "Extract dated events"
    slug = SLUG
    description = (
        "Find the dated events (with their actors and places) in a text column and add "
        "them to this database's timeline tables: documents, events, actors."
    )
    batch_size = 25

    async def get_config_form(self, datasette: Any, db: Any, table: str) -> type:
        columns = await db.table_columns(table)
        optional = [(_NONE, "(none)"), *[(c, c) for c in columns]]
        exposed = await exposed_tables(datasette, db.name, table)

        class ConfigForm(Form):  # type: ignore[misc,unused-ignore]
            text_column = SelectField(
                "Text column",
                choices=[(c, c) for c in columns],
                default=_first_usual(columns, TEXT_NAMES) or (columns[0] if columns else None),
                description="The column holding each article's text.",
            )
            date_column = SelectField(
                "Publication date column",
                choices=optional,
                default=_first_usual(columns, DATE_NAMES),
                description="Relative dates ('last week') are resolved against it.",
            )
            published = StringField(
                "Or one publication date for every row",
                validators=[_valid_date],
                description="YYYY-MM-DD; used when there is no date column.",
            )
            title_column = SelectField(
                "Headline column", choices=optional, default=_first_usual(columns, TITLE_NAMES)
            )
            anchoring = SelectField(
                "Relative dates refer to",
                choices=[
                    ("auto", "auto"),
                    ("news", "the publication date (news)"),
                    ("narrative", "the last date mentioned (narrative)"),
                ],
                default="auto",
            )

        if not exposed:
            return ConfigForm
        warning, configuration = private_copy_notice(
            db.name, table, exposed, source_allow_block(datasette, db.name, table)
        )

        class ConfirmedForm(ConfigForm):  # type: ignore[misc,valid-type,unused-ignore]
            copy_private_rows = BooleanField(
                warning,
                validators=[_must_confirm],
                description="Configuration to paste (metadata.json, or datasette.yaml on "
                "Datasette 1.0), with the allow block of the source table: " + configuration,
            )

        return ConfirmedForm

    async def enrich_batch(
        self,
        datasette: Any,
        db: Any,
        table: str,
        rows: list[dict[str, Any]],
        pks: list[str],
        config: dict[str, Any],
        job_id: int,
    ) -> int:
        if not config.get(CONFIRM_FIELD) and await exposed_tables(datasette, db.name, table):
            # A job queued without the form (the API) gets the same refusal as the form.
            keys = [row_key(row, pks) for row in rows]
            await self.log_error(db, job_id, keys, f"{table}: {_REFUSED}")
            return 0
        columns = ResolvedColumns(
            text=config["text_column"],
            date=config.get("date_column") or None,
            title=config.get("title_column") or None,
            url=None,
            id=None,
        )
        documents: list[Document] = []
        for row in rows:
            key = row_key(row, pks)
            where = f"{db.name}:{table}: row {key}"
            try:
                document = record_document(
                    row,
                    columns,
                    f"{db.name}:{table}#{key}",
                    where,
                    config.get("published") or None,
                )
            except InputError as error:
                await self.log_error(db, job_id, [key], str(error))
                continue
            document.source_table = table
            document.source_rowid = await _rowid(db, table, row, pks)
            document.source_id = key if pks != ["rowid"] else None
            documents.append(document)
        settings = ExtractSettings(anchoring=config.get("anchoring") or "auto")
        loop = asyncio.get_running_loop()
        # Extraction is CPU work: off the event loop, so Datasette keeps answering; the
        # write comes after it, so the write lock is held only while the batch is written.
        results = await loop.run_in_executor(None, _extract_all, documents, settings)
        await db.execute_write_fn(lambda conn: _write(conn, results), block=True)
        return len(documents)


_REFUSED = (
    "not extracted: these rows are private and the timeline tables are readable by "
    f"everyone; make them private or confirm with {CONFIRM_FIELD}=true"
)


def row_key(row: dict[str, Any], pks: Sequence[str]) -> str:
    """The row's primary key as text (JSON for compound keys), as shown in messages."""
    values = [row.get(pk) for pk in pks]
    return str(values[0]) if len(values) == 1 else json.dumps(values)


async def _rowid(db: Any, table: str, row: dict[str, Any], pks: Sequence[str]) -> int | None:
    if "rowid" in row:
        return int(row["rowid"])
    from .storage import row_rowid_sql

    # The table's own name and keys, as Datasette gave them.
    result = await db.execute(row_rowid_sql(table, list(pks)), [row.get(pk) for pk in pks])
    first = result.first()
    return int(first[0]) if first else None


def _extract_all(
    documents: list[Document], settings: ExtractSettings
) -> list[tuple[Document, list[Any]]]:
    """Each row's events, its language detected first (as ``extract`` does for rows
    without a language field)."""
    return [
        (document, extract_document(settle_language(document), settings)) for document in documents
    ]


def _write(connection: Any, results: list[tuple[Document, list[Any]]]) -> None:
    summary = write_results(connection, results)
    if summary.errors:  # datasette-enrichments records the job's error
        raise RuntimeError("; ".join(summary.errors))


def enrichments() -> list[Enrichment]:
    return [ExtractDatedEvents()]
