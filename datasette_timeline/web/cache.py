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


# The one task that works through the queue, one aggregate at a time, and only while no
# timeline request is being answered: background counting is speculative (it saves the next
# visit a wait), so it never takes SQL threads or CPU from requests. Under load (counting
# every deferred facet at once took 2.4x the table page's median at 200k rows) the counts are
# made when asked for (`_counts=all`, which the page's script fetches).
_runner: asyncio.Task[None] | None = None
_answering = 0
# How often the runner looks whether the requests in progress have all been answered.
IDLE_POLL_SECONDS = 0.02


class answering:
    """Marks a timeline request in progress (``async with cache.answering():``)."""

    async def __aenter__(self) -> None:
        global _answering
        _answering += 1

    async def __aexit__(self, *_exc: object) -> None:
        global _answering
        _answering -= 1


def start_queued() -> None:
    """Start working through the queued aggregates: called when the page is rendered."""
    global _runner
    if not _queued:
        return
    loop = asyncio.get_running_loop()
    if _runner is not None and not _runner.done() and _runner.get_loop() is loop:
        return
    _runner = loop.create_task(_run_queue())


async def _run_queue() -> None:
    while _queued:
        while _answering > 0 and _queued:
            await asyncio.sleep(IDLE_POLL_SECONDS)
        if not _queued:
            return
        full_key = next(iter(_queued))
        job = _queued.pop(full_key)
        task = asyncio.ensure_future(job())
        _background[full_key] = task
        task.add_done_callback(_forget_when_done(full_key))
        await asyncio.wait([task])


def _forget_when_done(key: tuple[Any, ...]) -> Callable[[asyncio.Task[Any]], None]:
    def forget(_task: asyncio.Task[Any]) -> None:
        _background.pop(key, None)

    return forget


async def settled() -> None:
    """Wait for background aggregates (tests and the benchmark use this)."""
    start_queued()
    while _queued or _background or (_runner is not None and not _runner.done()):
        if _answering > 0 and _queued and not _background:
            # A request still counts as in progress (an abandoned one): finish the queue here.
            full_key = next(iter(_queued))
            await _queued.pop(full_key)()
            continue
        pending = [*_background.values(), *([_runner] if _runner and not _runner.done() else [])]
        await asyncio.gather(*pending, return_exceptions=True)


def clear() -> None:
    """Forget everything (the benchmark uses this to measure cold requests)."""
    _results.clear()
