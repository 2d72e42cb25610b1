"""Shared test helpers: paths to the bundled examples and the development corpora."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
KARABAKH = EXAMPLES / "karabakh-2020-11-03.txt"


def corpus(name: str) -> Path:
    """Path of a development corpus, skipping the test when ../shared is absent."""
    path = CORPORA / name
    if not path.exists():
        pytest.skip(f"development corpus {path} is absent (it lives in ../shared, beside the repo)")
    return path


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def datasette_server(
    *serve_args: str | Path,
    python: str | Path = sys.executable,
    startup_seconds: float = 30,
    env: dict[str, str] | None = None,
    cwd: str | Path | None = None,
) -> Iterator[str]:
    """Run ``python -m datasette serve ARGS`` on 127.0.0.1 and yield its base URL.

    Waits until ``/-/versions.json`` answers (failing the test with the server's
    stderr if it exits or takes too long) and stops the server afterwards.
    """
    port = free_port()
    command = [str(python), "-m", "datasette", "serve", *map(str, serve_args)]
    process = subprocess.Popen(
        [*command, "-h", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
        cwd=cwd,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_seconds
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                stderr = process.stderr.read().decode() if process.stderr else ""
                pytest.fail(f"datasette did not start: {stderr}")
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


async def refresh_schemas(datasette: Any) -> None:
    """Datasette 0.65 keeps one shared in-memory ``_internal`` database per process: an
    instance left by an earlier test may hold it for a moment, so the first schema
    refresh is retried instead of turning into a 500 of the page under test."""
    for attempt in range(50):
        try:
            await datasette.refresh_schemas()
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == 49:
                raise
            await asyncio.sleep(0.1)


def query_rows(db: Path, sql: str, params: tuple = ()) -> list[dict]:
    """Rows of a query on a database file, as dictionaries."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()
