#!/usr/bin/env python3
"""Compare two events databases table by table, row by row: a restructuring of the
pipeline must not change what ``extract`` writes.

Compared: the tables (the full-text index's shadow tables aside), each table's columns
(name, type, not-null, default, key) and rows with their rowids in rowid order, the
full-text index's content (every term of every row, through an fts5vocab table).
Indexes (name, table, columns, uniqueness, partial or not) and triggers that differ are
listed as notes: they change how rows are reached, not the rows. Exit 0 when the data
is the same, 1 when it differs.

    python scripts/compare_databases.py a.db b.db
    # build both with `extract` (a fresh database each), one with another checkout's
    # code (e.g. `git worktree add /tmp/base COMMIT`), then compare:
    python scripts/compare_databases.py --base-checkout /tmp/base \\
        --inputs ../shared/corpora/te3-silver examples
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils.db import quote_identifier as quote

ROOT = Path(__file__).resolve().parents[1]
FTS_SHADOW_SUFFIXES = ("_data", "_idx", "_docsize", "_config", "_content")
SHOWN_DIFFERENCES = 5


def tables(connection: sqlite3.Connection) -> list[str]:
    names = [
        row[0]
        for row in connection.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
            "order by name"
        )
    ]
    fts = {
        row[0]
        for row in connection.execute(
            "select name from sqlite_master where type = 'table' and sql like '%using fts%'"
        )
    }
    shadows = {f"{name}{suffix}" for name in fts for suffix in FTS_SHADOW_SUFFIXES}
    return [name for name in names if name not in shadows]


def fts_tables(connection: sqlite3.Connection) -> list[str]:
    return sorted(
        row[0]
        for row in connection.execute(
            "select name from sqlite_master where type = 'table' and lower(sql) like '%using fts5%'"
        )
    )


def rows(connection: sqlite3.Connection, table: str) -> Iterator[tuple[Any, ...]]:
    yield from connection.execute(f"select rowid, * from {quote(table)} order by rowid")


def fts_terms(connection: sqlite3.Connection, table: str) -> list[tuple[Any, ...]]:
    """Every (term, row, column, offset) of an FTS5 index, sorted."""
    vocabulary = f"temp.{quote('compare_vocab_' + table)}"
    connection.execute(
        f"create virtual table if not exists {vocabulary} using fts5vocab(main, {quote(table)}, "
        "'instance')"
    )
    return sorted(connection.execute(f"select term, doc, col, offset from {vocabulary}"))


def indexes(connection: sqlite3.Connection) -> set[tuple[Any, ...]]:
    found = set()
    for table in tables(connection):
        for _seq, name, unique, origin, partial in connection.execute(
            f"pragma index_list({quote(table)})"
        ):
            columns = tuple(
                row[2] for row in connection.execute(f"pragma index_info({quote(name)})")
            )
            found.add((name, table, columns, unique, origin, partial))
    return found


def triggers(connection: sqlite3.Connection) -> dict[str, str]:
    return dict(
        connection.execute("select name, sql from sqlite_master where type = 'trigger'").fetchall()
    )


def compare(first: Path, second: Path) -> list[str]:
    """The differences between two databases, as lines to print (none: the same)."""
    a = sqlite3.connect(f"file:{first}?mode=ro", uri=True)
    b = sqlite3.connect(f"file:{second}?mode=ro", uri=True)
    problems: list[str] = []
    try:
        a_tables, b_tables = tables(a), tables(b)
        if a_tables != b_tables:
            problems.append(f"tables differ: {a_tables} / {b_tables}")
        for table in [t for t in a_tables if t in b_tables]:
            columns_a = a.execute(f"pragma table_info({quote(table)})").fetchall()
            columns_b = b.execute(f"pragma table_info({quote(table)})").fetchall()
            if columns_a != columns_b:
                problems.append(f"{table}: columns differ: {columns_a} / {columns_b}")
                continue
            if table in fts_tables(a):
                continue  # compared by its terms below
            shown = 0
            count_a = count_b = 0
            for row_a, row_b in _zip_longest(rows(a, table), rows(b, table)):
                count_a += row_a is not None
                count_b += row_b is not None
                if row_a != row_b and shown < SHOWN_DIFFERENCES:
                    problems.append(f"{table}: row differs:\n  {row_a}\n  {row_b}")
                    shown += 1
                elif row_a != row_b:
                    shown += 1
            if shown:
                problems.append(f"{table}: {shown} rows differ ({count_a} / {count_b} rows)")
        for table in [t for t in fts_tables(a) if t in fts_tables(b)]:
            if fts_terms(a, table) != fts_terms(b, table):
                problems.append(f"{table}: the full-text index content differs")
    finally:
        a.close()
        b.close()
    return problems


def schema_notes(first: Path, second: Path) -> list[str]:
    """Indexes and triggers that differ: how the data is reached and kept, not the data."""
    a, b = sqlite3.connect(first), sqlite3.connect(second)
    try:
        trig_a, trig_b = triggers(a), triggers(b)
        index_a, index_b = indexes(a), indexes(b)
    finally:
        a.close()
        b.close()
    notes = [f"index only in the first: {index}" for index in sorted(index_a - index_b)]
    notes += [f"index only in the second: {index}" for index in sorted(index_b - index_a)]
    notes += [
        f"trigger {name}: {trig_a.get(name)!r} / {trig_b.get(name)!r}"
        for name in sorted(set(trig_a) | set(trig_b))
        if trig_a.get(name) != trig_b.get(name)
    ]
    return notes


def _zip_longest(
    first: Iterator[tuple[Any, ...]], second: Iterator[tuple[Any, ...]]
) -> Iterator[tuple[tuple[Any, ...] | None, tuple[Any, ...] | None]]:
    while True:
        a, b = next(first, None), next(second, None)
        if a is None and b is None:
            return
        yield a, b


def build(checkout: Path, database: Path, inputs: list[str], jobs: int) -> None:
    """``extract`` the inputs into a fresh database with the code of ``checkout``."""
    environment = {**os.environ, "PYTHONPATH": str(checkout)}
    command = [
        sys.executable,
        "-c",
        "from datasette_timeline.cli import cli; cli()",
        "extract",
        str(database),
        *inputs,
        "--jobs",
        str(jobs),
        "-q",
    ]
    result = subprocess.run(command, env=environment, cwd=checkout, capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit(f"extract with {checkout} failed ({result.returncode}):\n{result.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("databases", nargs="*", type=Path, help="two databases to compare")
    parser.add_argument(
        "--base-checkout", type=Path, help="build the first database with this checkout's code"
    )
    parser.add_argument(
        "--inputs", nargs="+", default=[], help="what to extract (with --base-checkout)"
    )
    parser.add_argument("--jobs", type=int, default=1, help="--jobs of this checkout's run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.base_checkout:
            if not args.inputs:
                parser.error("--base-checkout needs --inputs")
            inputs = [str(Path(name).resolve()) for name in args.inputs]
            first, second = Path(folder) / "base.db", Path(folder) / "this.db"
            build(args.base_checkout.resolve(), first, inputs, 1)
            build(ROOT, second, inputs, args.jobs)
        elif len(args.databases) == 2:
            first, second = args.databases
        else:
            parser.error("give two databases, or --base-checkout and --inputs")
        problems = compare(first, second)
        notes = schema_notes(first, second)
        connection = sqlite3.connect(second)
        counts = {
            t: connection.execute(f"select count(*) from {quote(t)}").fetchone()[0]
            for t in tables(connection)
        }
        connection.close()
    for line in notes:
        print(f"note: {line}")
    if problems:
        print("\n".join(problems))
        raise SystemExit(1)
    print(
        "identical: "
        + ", ".join(f"{table} {count} rows" for table, count in counts.items())
        + "; full-text index content equal"
    )


if __name__ == "__main__":
    main()
