"""Articles as records: JSON Lines, JSON arrays, CSV/TSV and rows of an SQLite table.

Every format is read as a stream, one record at a time, so a file of any size uses
memory bounded by its largest record. A bad record (malformed JSON, wrong number of
CSV fields, no text, an impossible date) becomes an InputError naming the file and
row; the records after it are still read.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
import sqlite3
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from .document import MEGABYTE, Columns, Document, InputError, ReadOptions
from .language import normalise_language
from .published import InvalidDate, parse_published
from .streams import text_stream

# The usual names of each field, tried in order (case-insensitively) when no option names it.
TEXT_NAMES = ("text", "body", "content", "article", "full_text", "story")
DATE_NAMES = (
    "published",
    "date",
    "published_at",
    "publication_date",
    "date_published",
    "datepublished",
    "pubdate",
)
TITLE_NAMES = ("title", "headline")
URL_NAMES = ("url", "link", "canonical_url")
ID_NAMES = ("id",)
LANGUAGE_NAMES = ("language", "lang", "language_code", "locale")
# A record larger than this is refused rather than held in memory.
MAX_RECORD_CHARS = 10 * MEGABYTE
_READ_CHARS = 64 * 1024

csv.field_size_limit(MAX_RECORD_CHARS)


@dataclass(frozen=True)
class ResolvedColumns:
    text: str
    date: str | None
    title: str | None
    url: str | None
    id: str | None
    language: str | None = None


def resolve_columns(available: Sequence[str], columns: Columns, where: str) -> ResolvedColumns:
    """Match the requested (or usual) field names to the ones a file or table has."""
    by_lower = {name.lower(): name for name in reversed(available)}

    def pick(option: str, given: str | None, usual: Sequence[str]) -> str | None:
        if given is not None:
            if given not in available:
                raise InputError(
                    f"{where}: no column {given!r} ({option}); the columns are: "
                    f"{', '.join(available) or '(none)'}"
                )
            return given
        return next((by_lower[name] for name in usual if name in by_lower), None)

    text = pick("--text-column", columns.text, TEXT_NAMES)
    if text is None:
        raise InputError(
            f"{where}: no text column ({', '.join(TEXT_NAMES)}); the columns are: "
            f"{', '.join(available) or '(none)'}; pass --text-column NAME"
        )
    return ResolvedColumns(
        text=text,
        date=pick("--date-column", columns.date, DATE_NAMES),
        title=pick("--title-column", columns.title, TITLE_NAMES),
        url=pick("--url-column", columns.url, URL_NAMES),
        id=pick("--id-column", columns.id, ID_NAMES),
        language=pick("--language-column", columns.language, LANGUAGE_NAMES),
    )


def record_document(
    record: Mapping[str, Any],
    columns: ResolvedColumns,
    source: str,
    where: str,
    published: str | None = None,
    language: str | None = None,
) -> Document:
    """A Document from one record; ``where`` names the file and row in messages.
    ``published`` and ``language`` (the command's options) override the record's fields."""
    text = record.get(columns.text)
    if text is None or (isinstance(text, str) and not text.strip()):
        raise InputError(f"{where}: empty text in column {columns.text!r}")
    if not isinstance(text, str):
        raise InputError(
            f"{where}: column {columns.text!r} holds {type(text).__name__} data, not text"
        )
    if published is None and columns.date is not None:
        published = _record_date(record.get(columns.date), columns.date, where)
    return Document(
        text=text,
        source=source,
        title=_optional_text(record, columns.title),
        published=published,
        url=_optional_text(record, columns.url),
        source_id=_optional_text(record, columns.id),
        language=language or _record_language(record, columns.language, where),
    )


def _optional_text(record: Mapping[str, Any], column: str | None) -> str | None:
    if column is None:
        return None
    value = record.get(column)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return str(value).strip()


def _record_language(record: Mapping[str, Any], column: str | None, where: str) -> str | None:
    """The record's language code; None (detect it) when the field is empty. A value that
    is no language code is an error naming the row: guessing would hide the mistake."""
    value = _optional_text(record, column)
    if value is None:
        return None
    try:
        return normalise_language(value)
    except ValueError as error:
        raise InputError(
            f"{where}: column {column!r}: {error}, or pass --language to set it for every row"
        ) from None


def _record_date(value: Any, column: str, where: str) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        parsed = parse_published(str(value))
    except InvalidDate as error:
        raise InputError(
            f"{where}: invalid date {value!r} in column {column!r} ({error})"
        ) from None
    if parsed is None:
        raise InputError(
            f"{where}: cannot read the date {value!r} in column {column!r}; "
            "write it as YYYY-MM-DD or pass --published"
        )
    return parsed


def _documents_from_objects(
    items: Iterator[tuple[str, Any] | InputError], path: str, options: ReadOptions
) -> Iterator[Document | InputError]:
    """Documents from (row label, decoded JSON value) pairs."""
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        label, value = item
        where = f"{path}: {label}"
        if not isinstance(value, dict):
            yield InputError(f"{where}: a JSON {_json_kind(value)}, not an object")
            continue
        try:
            columns = resolve_columns(list(value), options.columns, where)
            source = _row_source(path, label, value.get(columns.id) if columns.id else None)
            yield record_document(
                value, columns, source, where, options.published, options.language
            )
        except InputError as error:
            yield error


def _row_source(path: str, label: str, identifier: Any) -> str:
    if identifier is not None and str(identifier).strip():
        return f"{path}#id={str(identifier).strip()}"
    return f"{path}#{label.replace(' ', '=')}"


def _json_kind(value: Any) -> str:
    return {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number"
    )


def read_json_lines(
    stream: BinaryIO, path: str, options: ReadOptions
) -> Iterator[Document | InputError]:
    text, _encoding = text_stream(stream, path)
    yield from _documents_from_objects(_json_lines(text, path), path, options)


def _json_lines(text: TextIO, path: str) -> Iterator[tuple[str, Any] | InputError]:
    number = 0
    while True:
        line = text.readline(MAX_RECORD_CHARS + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_RECORD_CHARS:
            while line and not line.endswith("\n"):  # skip the rest of the oversized line
                line = text.readline(_READ_CHARS)
            yield InputError(
                f"{path}: line {number}: longer than {MAX_RECORD_CHARS // MEGABYTE} MB; skipped"
            )
            continue
        if not line.strip():
            continue
        try:
            yield f"line {number}", json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(
                f"{path}: line {number}: not valid JSON ({error.msg} at column {error.colno}); "
                "each line must hold one JSON object"
            )
        except (ValueError, RecursionError) as error:
            yield InputError(f"{path}: line {number}: {unreadable_json(error)}; skipped")


def read_json_array(
    stream: BinaryIO, path: str, options: ReadOptions
) -> Iterator[Document | InputError]:
    text, _encoding = text_stream(stream, path)
    yield from _documents_from_objects(_json_array_items(text, path), path, options)


def _json_array_items(text: TextIO, path: str) -> Iterator[tuple[str, Any] | InputError]:
    """The items of a JSON array (or a lone object), decoded one at a time from the stream."""
    decoder = json.JSONDecoder()
    buffer = ""
    position = 0
    finished_reading = False

    def more() -> bool:
        nonlocal buffer, position, finished_reading
        chunk = text.read(_READ_CHARS)
        if not chunk:
            finished_reading = True
            return False
        buffer = buffer[position:] + chunk
        position = 0
        return True

    def skip_space() -> str:
        nonlocal position
        while True:
            while position < len(buffer) and buffer[position] in " \t\r\n":
                position += 1
            if position < len(buffer) or not more():
                return buffer[position] if position < len(buffer) else ""

    first = skip_space()
    if first == "{":  # one object on its own, pretty-printed or not
        while more():
            if len(buffer) > MAX_RECORD_CHARS:
                yield InputError(
                    f"{path}: a JSON object longer than {MAX_RECORD_CHARS // MEGABYTE} MB; "
                    "give a JSON array or JSON Lines, which are read item by item"
                )
                return
        try:
            whole = json.loads(buffer[position:])
        except json.JSONDecodeError as error:
            yield InputError(f"{path}: not valid JSON ({error.msg} at line {error.lineno})")
            return
        except (ValueError, RecursionError) as error:
            yield InputError(f"{path}: {unreadable_json(error)}")
            return
        wrapped = _wrapped_articles(whole)
        if wrapped is None:
            yield "item 1", whole
        else:
            yield from ((f"item {n}", item) for n, item in enumerate(wrapped, start=1))
        return
    if first != "[":
        yield InputError(f"{path}: not a JSON array of objects (it starts with {first[:1]!r})")
        return
    position += 1
    number = 0
    while True:
        token = skip_space()
        if token == "]":
            return
        if number and token == ",":
            position += 1
            token = skip_space()
        elif number:
            yield InputError(f"{path}: item {number + 1}: expected ',' or ']' between items")
            return
        if not token:
            yield InputError(f"{path}: the array is not closed with ']' (the file is cut short?)")
            return
        number += 1
        unreadable: Exception | None = None
        while True:
            try:
                value, end = decoder.raw_decode(buffer, position)
            except json.JSONDecodeError as error:
                if len(buffer) - position <= MAX_RECORD_CHARS and more():
                    continue
                yield InputError(
                    f"{path}: item {number}: not valid JSON ({error.msg}); items after it "
                    "cannot be found"
                )
                return
            except (ValueError, RecursionError) as error:
                # Well-formed, but Python cannot hold it: find where it ends and go on.
                skipped = json_value_end(buffer, position)
                if skipped is None and len(buffer) - position <= MAX_RECORD_CHARS and more():
                    continue
                if skipped is None:
                    yield InputError(
                        f"{path}: item {number}: {unreadable_json(error)}; items after it "
                        "cannot be found"
                    )
                    return
                unreadable, end = error, skipped
                break
            if end == len(buffer) and not finished_reading and more():
                continue  # a number or literal may go on in the next chunk
            break
        position = end
        if unreadable is not None:
            yield InputError(f"{path}: item {number}: {unreadable_json(unreadable)}; skipped")
            continue
        yield f"item {number}", value


def unreadable_json(error: Exception) -> str:
    """Why well-formed JSON could not be decoded, for a message naming the record."""
    if isinstance(error, RecursionError):
        return "nested too deeply to read (arrays or objects within each other)"
    if "digits" in str(error):
        limit = getattr(sys, "get_int_max_str_digits", lambda: 4300)()
        return f"a number too long to read (more than {limit} digits)"
    return f"cannot be read ({error})"


_JSON_STRUCTURE = re.compile(r'["\\\[\]{},]')


def json_value_end(text: str, start: int) -> int | None:
    """Where the JSON value starting at ``start`` ends, found without decoding it (so a
    value too deep or too large to decode can be skipped); None when ``text`` ends first.

    A linear scan over the structural characters: brackets nest, strings (with their
    escapes) hide what they hold, and a value outside brackets ends at ',' or ']'.
    """
    depth = 0
    in_string = False
    escaped_until = -1
    for match in _JSON_STRUCTURE.finditer(text, start):
        character, at = match.group(), match.start()
        if at < escaped_until:
            continue
        if in_string:
            if character == "\\":
                escaped_until = at + 2
            elif character == '"':
                in_string = False
                if depth == 0:
                    return at + 1
        elif character == '"':
            in_string = True
        elif character in "[{":
            depth += 1
        elif character in "]}":
            if depth == 0:
                return at  # the end of the enclosing array: a scalar ended before it
            depth -= 1
            if depth == 0:
                return at + 1
        elif character == "," and depth == 0:
            return at
    return None


def _wrapped_articles(value: Any) -> list[Any] | None:
    """The articles of scraper output shaped ``{"articles": [{...}, ...], "count": 2}``.

    An object with no text of its own and exactly one array of objects is a wrapper
    around that array; anything else is one record.
    """
    if not isinstance(value, dict) or any(key.lower() in TEXT_NAMES for key in value):
        return None
    arrays = [
        item
        for item in value.values()
        if isinstance(item, list) and item and all(isinstance(entry, dict) for entry in item)
    ]
    return arrays[0] if len(arrays) == 1 else None


def read_csv(
    stream: BinaryIO, path: str, options: ReadOptions, delimiter: str = ","
) -> Iterator[Document | InputError]:
    text, _encoding = text_stream(stream, path)
    rows = csv.reader(text, delimiter=delimiter)
    try:
        header = next(rows)
    except StopIteration:
        yield InputError(f"{path}: empty file, nothing to extract")
        return
    except csv.Error as error:
        yield InputError(f"{path}: cannot read the header row ({error})")
        return
    columns = resolve_columns(header, options.columns, path)
    number = 0
    while True:
        number += 1
        where = f"{path}: row {number}"
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            yield InputError(f"{where} (line {rows.line_num}): {error}; check the quoting")
            continue
        if not any(field.strip() for field in row):
            number -= 1  # blank lines are not rows
            continue
        if len(row) != len(header):
            yield InputError(
                f"{where} (line {rows.line_num}): {len(row)} fields where the header has "
                f"{len(header)}; check the quoting"
            )
            continue
        record = dict(zip(header, row, strict=True))
        source = _row_source(path, f"row {number}", record.get(columns.id) if columns.id else None)
        try:
            yield record_document(
                record, columns, source, where, options.published, options.language
            )
        except InputError as error:
            yield error


def parse_table_spec(spec: str) -> tuple[Path, str]:
    """Split ``DATABASE:TABLE`` (the database path may itself contain colons)."""
    database, _, table = spec.rpartition(":")
    if not database or not table:
        raise InputError(
            f"--from-table {spec!r}: write it as DATABASE:TABLE, e.g. news.db:articles"
        )
    return Path(database), table


def read_sqlite_table(spec: str, options: ReadOptions) -> Iterator[Document | InputError]:
    """Documents from the rows of a table, each linked back by table name and rowid."""
    from ..storage import SourceTable  # the module that holds the SQL

    database, table = parse_table_spec(spec)
    if not database.is_file():
        raise InputError(f"{database}: no such database file (from --from-table {spec!r})")
    try:
        source = SourceTable(database, table)
    except LookupError as error:
        raise InputError(f"{database}: {error.args[0]}") from None
    try:
        wanted_columns = options.columns
        if wanted_columns.id is None and len(source.primary_keys) == 1:
            # The primary key is what Datasette's row URLs use: keep it as the row's id.
            wanted_columns = replace(wanted_columns, id=source.primary_keys[0])
        columns = resolve_columns(source.columns, wanted_columns, f"{database}:{table}")
        wanted = list(
            dict.fromkeys(
                c
                for c in (
                    columns.text,
                    columns.date,
                    columns.title,
                    columns.url,
                    columns.id,
                    columns.language,
                )
                if c is not None
            )
        )
        try:
            rows = source.rows(wanted)
            first = next(rows, None)
        except sqlite3.OperationalError as error:
            raise InputError(f"{database}:{table}: cannot read its rows ({error})") from None
        for rowid, values in itertools.chain([first] if first else [], rows):
            where = f"{database}:{table}: rowid {rowid}"
            try:
                document = record_document(
                    values,
                    columns,
                    f"{database}:{table}#rowid={rowid}",
                    where,
                    options.published,
                    options.language,
                )
            except InputError as error:
                yield error
                continue
            document.source_table = table
            document.source_rowid = rowid
            yield document
    finally:
        source.close()
