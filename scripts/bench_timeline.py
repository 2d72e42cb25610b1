#!/usr/bin/env python3
"""Benchmark: the timeline page against Datasette's own table page on 1,000,000 events.

Builds (once, then reuses) a database in the shape storage.py writes, with a realistic spread:
dates over 1990-2024 weighted towards recent years, mixed precisions, actors drawn from a
Zipf-like distribution (1-4 per event), 50,000 documents, full-text search on the text.
Then measures, in one run, the median server time of the timeline page and of the table page
for the same filters (no filter, one actor, one year, a search) and prints the ratios. The
timeline is timed cold (its remembered counts, overview and facets forgotten before each
request) and warm (the same view again on unchanged data, once any facet that timed out on
the cold request has finished in the background).

Under load (--clients N, 3 by default; 0 skips it), N clients ask at once for views nobody
asked for before (each of the cases above narrowed by its own start date, so no remembered
result helps), first N on the table page, then N on the timeline, and the medians of every
answer are compared: the timeline's should stay within 2x of the table page's.

    python scripts/bench_timeline.py                 # /tmp/bench-timeline/bench.db
    python scripts/bench_timeline.py --rows 200000 --repeat 7 --db /tmp/b.db
    python scripts/bench_timeline.py --clients 3 --rounds 8 --repeat 0   # only under load

Server time is the time Datasette takes to answer the request in-process (ASGI, no network).
Only this plugin is loaded (DATASETTE_LOAD_PLUGINS on Datasette 1.0), so other installed
plugins do not skew the comparison.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("DATASETTE_LOAD_PLUGINS", "datasette-timeline")

ACTOR_COUNT = 2_000
DOCUMENT_COUNT = 50_000
WORDS = [
    "talks",
    "troops",
    "border",
    "minister",
    "said",
    "government",
    "army",
    "agreement",
    "protest",
    "election",
    "vote",
    "court",
    "ruling",
    "company",
    "shares",
    "market",
    "bank",
    "rescue",
    "plan",
    "bankruptcy",
    "president",
    "parliament",
    "summit",
    "sanctions",
    "oil",
    "prices",
    "strike",
    "workers",
    "union",
    "police",
    "city",
    "region",
    "capital",
    "deal",
]
# A few topical words, each in about 1% of events, for the search case.
TOPICS = ("ceasefire", "earthquake", "referendum", "merger")
PRECISIONS = (("day", 0.70), ("month", 0.15), ("week", 0.08), ("year", 0.07))


def actor_names() -> list[str]:
    return [f"Actor {i:04d}" for i in range(ACTOR_COUNT)]


def pick_year(rng: random.Random) -> int:
    # More news about recent years: triangular towards 2024.
    return int(rng.triangular(1990, 2025, 2024))


def event_rows(count: int, seed: int) -> Iterator[tuple[Any, ...]]:
    import datetime as dt

    rng = random.Random(seed)
    names = actor_names()
    weights = [1 / (rank + 1) for rank in range(ACTOR_COUNT)]
    precisions = [p for p, _ in PRECISIONS]
    precision_weights = [w for _, w in PRECISIONS]
    for number in range(count):
        year = min(pick_year(rng), 2024)
        precision = rng.choices(precisions, precision_weights)[0]
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
        if precision == "day":
            value, start, end = day.isoformat(), day, day
        elif precision == "month":
            start = day.replace(day=1)
            following = dt.date(year + start.month // 12, start.month % 12 + 1, 1)
            value, end = start.isoformat()[:7], following - dt.timedelta(days=1)
        elif precision == "week":
            iso_year, week, _ = day.isocalendar()
            start = dt.date.fromisocalendar(iso_year, week, 1)
            value, end = f"{iso_year}-W{week:02d}", start + dt.timedelta(days=6)
        else:
            value, start, end = str(year), dt.date(year, 1, 1), dt.date(year, 12, 31)
        actors = sorted(set(rng.choices(names, weights, k=rng.randint(1, 4))))
        words = rng.choices(WORDS, k=12)
        if rng.random() < 0.04:
            words[rng.randrange(12)] = rng.choice(TOPICS)
        text = " ".join(words).capitalize() + "."
        yield (
            f"e{number:07d}",
            f"d{rng.randrange(DOCUMENT_COUNT):05d}",
            value,
            precision,
            start.isoformat(),
            end.isoformat(),
            start.year,
            value,
            text,
            json.dumps(actors),
        )


def build(path: Path, rows: int, seed: int = 1) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    conn = sqlite3.connect(path)
    conn.executescript(
        """
        pragma journal_mode = off;
        pragma synchronous = off;
        create table documents (id text primary key, title text, published text, source text,
            text text);
        create table actors (id integer primary key, name text, kind text);
        create table events (id text primary key, document_id text references documents(id),
            date text, precision text, start text, "end" text, year integer, expression text,
            text text, actors text, char_start integer, char_end integer);
        create table event_actors (event_id text references events(id),
            actor_id integer references actors(id), primary key (event_id, actor_id));
        """
    )
    conn.executemany(
        "insert into documents values (?, ?, ?, ?, '')",
        (
            (f"d{i:05d}", f"Article {i}", "2020-01-01", f"https://example.org/{i}")
            for i in range(DOCUMENT_COUNT)
        ),
    )
    names = actor_names()
    conn.executemany("insert into actors values (?, ?, 'organization')", list(enumerate(names, 1)))
    ids = {name: i for i, name in enumerate(names, 1)}
    batch: list[tuple[Any, ...]] = []
    links: list[tuple[str, int]] = []
    for row in event_rows(rows, seed):
        batch.append((*row, 0, 1))
        links.extend((row[0], ids[name]) for name in json.loads(row[9]))
        if len(batch) >= 50_000:
            conn.executemany("insert into events values (" + ", ".join("?" * 12) + ")", batch)
            conn.executemany("insert into event_actors values (?, ?)", links)
            batch, links = [], []
    if batch:
        conn.executemany("insert into events values (" + ", ".join("?" * 12) + ")", batch)
        conn.executemany("insert into event_actors values (?, ?)", links)
    conn.executescript(
        """
        create index idx_events_start on events(start);
        create index idx_events_year on events(year);
        create index idx_events_document_id on events(document_id);
        create index idx_events_precision_start on events(precision, start);
        create index idx_actors_name on actors(name);
        create index idx_event_actors_actor_id_event_id on event_actors(actor_id, event_id);
        create virtual table events_fts using fts5(text, content="events");
        insert into events_fts(events_fts) values ('rebuild');
        analyze;
        """
    )
    conn.commit()
    conn.close()


# The covering index storage.py creates for the actor filter; databases built by an older
# version of this script lack it.
LINK_INDEX = (
    "create index if not exists idx_event_actors_actor_id_event_id "
    "on event_actors(actor_id, event_id)"
)


# The index storage.py creates (schema.py) for the events known only to a span.
PRECISION_INDEX = (
    "create index if not exists idx_events_precision_start on events(precision, start)"
)


def ensure_indexes(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        names = {row[0] for row in conn.execute("select name from sqlite_master")}
        if "idx_event_actors_actor_id_event_id" not in names:
            conn.execute(LINK_INDEX)
            conn.execute("drop index if exists idx_event_actors_actor_id")
            conn.execute("analyze")
        if "idx_events_precision_start" not in names:
            conn.execute(PRECISION_INDEX)
            conn.execute("analyze")


CASES = {
    "no filter": "",
    "one actor": "actors__arraycontains=Actor+0003",
    "one year": "year=2015",
    "a search": "_search=ceasefire",
}


async def timed_get(ds: Any, path: str, errors: list[str] | None = None) -> float:
    """Server time of one request; a non-200 answer ends the run, or is noted in `errors`."""
    started = time.perf_counter()
    response = await ds.client.get(path)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        if errors is None:
            raise SystemExit(f"{path} answered {response.status_code}")
        errors.append(f"{path} answered {response.status_code}")
    return elapsed


async def measure(db_path: Path, repeat: int) -> list[tuple[str, float, float, float, float]]:
    """(case, timeline cold ms, all counts ms, timeline warm ms, table ms), medians over
    `repeat` runs.

    Cold: the timeline's remembered aggregates are forgotten before each request, so counts,
    overview and facets are computed afresh. On large selections the page is sent before its
    facet counts, which are counted right after: "all counts" is the time from the cold
    request until those are ready too (what the page's script waits for before showing them).
    Warm: the same view asked again, unchanged data.
    """
    from datasette.app import Datasette

    from datasette_timeline.web import cache

    ds = Datasette([str(db_path)], settings={"sql_time_limit_ms": 5000})
    await ds.invoke_startup()
    name = db_path.stem
    results = []
    for label, query in CASES.items():
        suffix = f"?{query}" if query else ""
        timeline = f"/{name}/events/-/timeline{suffix}"
        table = f"/{name}/events{suffix}"
        await timed_get(ds, timeline)  # warm SQLite's page cache once
        await timed_get(ds, table)
        cold, counted, warm, table_ms = [], [], [], []
        for _ in range(repeat):
            cache.clear()
            started = time.perf_counter()
            cold.append(await timed_get(ds, timeline))
            await cache.settled()  # deferred facets finish in the background
            counted.append((time.perf_counter() - started) * 1000)
            warm.append(await timed_get(ds, timeline))
            table_ms.append(await timed_get(ds, table))
        results.append(
            (
                label,
                statistics.median(cold),
                statistics.median(counted),
                statistics.median(warm),
                statistics.median(table_ms),
            )
        )
    return results


def fresh_views(client: int, rounds: int) -> list[str]:
    """Query strings no other request of the run uses: each case from its own start date."""
    import datetime as dt

    views = []
    for number in range(rounds):
        label_query = list(CASES.values())[(client + number) % len(CASES)]
        day = dt.date(1995, 1, 1) + dt.timedelta(days=37 * (client * rounds + number))
        since = f"start__gte={day.isoformat()}"
        views.append(f"{label_query}&{since}" if label_query else since)
    return views


async def measure_under_load(db_path: Path, clients: int, rounds: int) -> tuple[float, float]:
    """(table page median ms, timeline median ms) with `clients` requests always in flight."""
    from datasette.app import Datasette

    ds = Datasette([str(db_path)], settings={"sql_time_limit_ms": 5000})
    await ds.invoke_startup()
    name = db_path.stem
    await timed_get(ds, f"/{name}/events/-/timeline")  # warm SQLite's page cache once
    await timed_get(ds, f"/{name}/events")

    errors: list[str] = []

    async def client(number: int, page: str) -> list[float]:
        return [
            await timed_get(ds, f"/{name}/events{page}?{view}", errors)
            for view in fresh_views(number, rounds)
        ]

    medians = []
    for page in ("", "/-/timeline"):
        answers = await asyncio.gather(*(client(number, page) for number in range(clients)))
        medians.append(statistics.median(ms for times in answers for ms in times))
    for error in errors:  # a view over the time limit answers 400, on either page
        print(f"under load, {error}")
    from datasette_timeline.web import cache

    await cache.settled()
    return medians[0], medians[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/bench-timeline/bench.db"))
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--clients", type=int, default=3, help="concurrent clients (0: none)")
    parser.add_argument("--rounds", type=int, default=8, help="requests per client under load")

    args = parser.parse_args()
    built_rows = 0
    if args.db.exists() and not args.rebuild:
        with sqlite3.connect(args.db) as conn:
            built_rows = conn.execute("select count(*) from events").fetchone()[0]
    if built_rows != args.rows:
        started = time.perf_counter()
        build(args.db, args.rows)
        print(f"built {args.rows:,} events in {time.perf_counter() - started:.0f} s: {args.db}")
    ensure_indexes(args.db)
    from datasette.version import __version__

    print(
        f"Datasette {__version__}, Python {sys.version.split()[0]}, {args.rows:,} events, "
        f"median of {args.repeat}"
    )
    if args.repeat > 0:
        print(
            f"{'case':<12} {'cold ms':>8} {'counts ms':>10} {'warm ms':>8} {'table ms':>9} "
            f"{'cold x':>7} {'warm x':>7}"
        )
        for label, cold, counted, warm, table in asyncio.run(measure(args.db, args.repeat)):
            print(
                f"{label:<12} {cold:>8.0f} {counted:>10.0f} {warm:>8.0f} {table:>9.0f} "
                f"{cold / table:>7.2f} {warm / table:>7.2f}"
            )
    if args.clients > 0:
        table, timeline = asyncio.run(measure_under_load(args.db, args.clients, args.rounds))
        print(
            f"under load: {args.clients} clients x {args.rounds} new views each, median of "
            f"{args.clients * args.rounds}: table page {table:.0f} ms, timeline {timeline:.0f} ms,"
            f" {timeline / table:.2f}x"
        )


if __name__ == "__main__":
    main()
