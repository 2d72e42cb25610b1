"""The "Extract dated events" enrichment, for Datasette with datasette-enrichments.

A user selects rows of a table in Datasette's UI, picks the text column (and a
publication date column or a fixed date), and each row's events land in the same
schema as ``datasette-timeline extract --from-table`` writes: documents linked back
to their row by ``source_table``/``source_rowid``, events, actors. Rows already
extracted (same text) are skipped, so running it again completes an interrupted job.

This module imports datasette-enrichments; the plugin hook imports it only when that
package is installed.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from typing import Any

from datasette_enrichments import Enrichment  # type: ignore[import-not-found,unused-ignore]
from wtforms import Form, SelectField, StringField  # type: ignore[import-not-found,unused-ignore]
from wtforms.validators import ValidationError  # type: ignore[import-not-found,unused-ignore]

from .pipeline import ExtractSettings, extract_document, write_results
from .readers import Document, InputError
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

    async def get_config_form(self, db: Any, table: str) -> type:
        columns = await db.table_columns(table)
        optional = [(_NONE, "(none)"), *[(c, c) for c in columns]]

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

        return ConfigForm

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
    return [(document, extract_document(document, settings)) for document in documents]


def _write(connection: Any, results: list[tuple[Document, list[Any]]]) -> None:
    summary = write_results(connection, results)
    if summary.errors:  # datasette-enrichments records the job's error
        raise RuntimeError("; ".join(summary.errors))


def enrichments() -> list[Enrichment]:
    return [ExtractDatedEvents()]
