"""Remembered results of the page's aggregate queries (counts, overview, facets).

On a million rows those aggregates cost far more than the page of rows, and people return to
the same views. A result is reused only while the database file is unchanged: immutable
databases never change, mutable ones are keyed on the modification time and size of the file
and of its write-ahead log, so any committed write makes every remembered result stale.
In-memory databases are never cached.
"""

from __future__ import annotations

import asyncio
import os
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

T = TypeVar("T")

MAX_ENTRIES = 512

_results: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
# Aggregates still being computed after their request gave up waiting, by key.
_background: dict[tuple[Any, ...], asyncio.Task[Any]] = {}


def _file_state(path: str) -> tuple[int, int]:
    try:
        stat = os.stat(path)
    except OSError:
        return (0, 0)
    return (stat.st_mtime_ns, stat.st_size)


def database_state(db: Any) -> tuple[Any, ...] | None:
    """What identifies this version of the database's data, or None if it cannot be known."""
    path = getattr(db, "path", None)
    if getattr(db, "is_memory", False) or not path:
        return None
    if not getattr(db, "is_mutable", True):
        return ("immutable", path)
    return (path, _file_state(path), _file_state(path + "-wal"))


async def remembered(
    db: Any, key: tuple[Any, ...], compute: Callable[[], Awaitable[T]], keep: Callable[[T], bool]
) -> T:
    """The cached result for key on this version of the data, else compute (and keep if asked)."""
    state = database_state(db)
    if state is None:
        return await compute()
    full_key = (state, *key)
    if full_key in _results:
        _results.move_to_end(full_key)
        cached: T = _results[full_key]
        return cached
    running = _background.get(full_key)
    if running is not None:
        # Already being computed after an earlier response: wait for it, do not start again.
        finished: T = await asyncio.shield(running)
        return finished
    _queued.pop(full_key, None)
    return await _compute_and_keep(full_key, compute, keep)


async def _compute_and_keep(
    full_key: tuple[Any, ...], compute: Callable[[], Awaitable[T]], keep: Callable[[T], bool]
) -> T:
    result = await compute()
    if keep(result):
        _results[full_key] = result
        while len(_results) > MAX_ENTRIES:
            _results.popitem(last=False)
    return result


def peek(db: Any, key: tuple[Any, ...]) -> tuple[bool, Any]:
    """(True, result) when a result for key on this version of the data is remembered."""
    state = database_state(db)
    full_key = (state, *key)
    if state is None or full_key not in _results:
        return False, None
    _results.move_to_end(full_key)
    return True, _results[full_key]


# Queued by a request, started once its response is ready so they never delay it.
_queued: dict[tuple[Any, ...], Callable[[], Awaitable[Any]]] = {}


def finish_later(
    db: Any, key: tuple[Any, ...], compute: Callable[[], Awaitable[T]], keep: Callable[[T], bool]
) -> None:
    """Queue an aggregate that timed out, once, to be finished so the next visit has it."""
    state = database_state(db)
    if state is None:
        return
    full_key = (state, *key)
    if full_key in _background or full_key in _queued:
        return
    _queued[full_key] = lambda: _compute_and_keep(full_key, compute, keep)


def start_queued() -> None:
    """Start the queued aggregates: called when the page is rendered."""
    while _queued:
        full_key, job = _queued.popitem()
        task = asyncio.ensure_future(job())
        _background[full_key] = task
        task.add_done_callback(_forget_when_done(full_key))


def _forget_when_done(key: tuple[Any, ...]) -> Callable[[asyncio.Task[Any]], None]:
    def forget(_task: asyncio.Task[Any]) -> None:
        _background.pop(key, None)

    return forget


async def settled() -> None:
    """Wait for background aggregates (tests and the benchmark use this)."""
    start_queued()
    while _background:
        await asyncio.gather(*list(_background.values()), return_exceptions=True)


def clear() -> None:
    """Forget everything (the benchmark uses this to measure cold requests)."""
    _results.clear()
