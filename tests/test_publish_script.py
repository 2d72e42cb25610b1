"""scripts/publish: the commands it runs, and the snapshot it publishes.

There is no cloud here, so ``datasette publish`` is replaced by a stand-in that
records its arguments and keeps a copy of the file it was given; ``datasette
inspect`` is the real one.
"""

from __future__ import annotations

import json
import os
import shlex
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

SCRIPT = ROOT / "scripts" / "publish"
NAME_OPTIONS = {"cloudrun": "--service", "fly": "--app", "vercel": "--project"}

STAND_IN = """#!{python}
import json, shutil, subprocess, sys
from pathlib import Path
if sys.argv[1] == "inspect":
    sys.exit(subprocess.call([{python!r}, "-m", "datasette", *sys.argv[1:]]))
log = Path({log!r})
log.write_text(json.dumps(sys.argv[1:]))
shutil.copy(sys.argv[3], log.with_suffix(".published.db"))
"""


def run_publish(
    *arguments: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(SCRIPT), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


def test_help_names_every_target():
    result = run_publish("--help")
    assert result.returncode == 0
    for target in ("cloudrun", "fly", "vercel", "--dry-run", "--name"):
        assert target in result.stdout


@pytest.mark.parametrize("target", sorted(NAME_OPTIONS))
def test_dry_run_prints_the_commands_without_running_them(target: str, tmp_path: Path):
    log = tmp_path / "calls.json"
    stand_in = tmp_path / "datasette"
    stand_in.write_text(STAND_IN.format(python=sys.executable, log=str(log)))
    stand_in.chmod(0o755)
    result = run_publish(
        target,
        "my events.db",
        "--name",
        "tl",
        "--dry-run",
        "--",
        "--extra",
        "x y",
        env={"DATASETTE": str(stand_in)},
    )
    assert result.returncode == 0, result.stderr
    lines = [shlex.split(line) for line in result.stdout.strip().splitlines()]
    assert len(lines) == 3
    snapshot, inspect, publish = lines
    assert "VACUUM INTO ?" in snapshot[2] and snapshot[3] == "my events.db"
    assert inspect[1:3] == ["inspect", snapshot[4]]
    assert inspect[-2:] == ["--inspect-file", "my events.inspect.json"]
    assert publish[1:4] == ["publish", target, snapshot[4]]
    assert Path(snapshot[4]).name == "my events.db"  # the database keeps its name
    assert publish[publish.index("-m") + 1] == str(ROOT / "metadata.json")
    assert publish[publish.index("--install") + 1] == "datasette-timeline"
    assert publish[publish.index(NAME_OPTIONS[target]) + 1] == "tl"
    assert publish[-2:] == ["--extra", "x y"]
    assert not log.exists(), "a dry run ran datasette"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("heroku", "a.db", "--name", "x"), "cloudrun, fly or vercel"),
        (("cloudrun", "a.db"), "--name is required"),
        (("cloudrun",), "need TARGET and DATABASE"),
        (("cloudrun", "missing.db", "--name", "x"), "no such database"),
        (("cloudrun", "a.db", "--nme", "x"), "unknown option"),
    ],
)
def test_bad_usage_says_what_is_wrong(arguments: tuple[str, ...], message: str, tmp_path: Path):
    result = subprocess.run(
        ["bash", str(SCRIPT), *arguments], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 2
    assert message in result.stderr


def test_publishes_a_snapshot_holding_rows_still_in_the_write_ahead_log(tmp_path: Path):
    database = tmp_path / "demo.db"
    writer = sqlite3.connect(database)
    writer.execute("pragma journal_mode = wal")
    writer.execute("pragma wal_autocheckpoint = 0")  # keep the rows in the WAL only
    writer.execute("create table events (id integer primary key, text text)")
    writer.executemany("insert into events (text) values (?)", [(f"e{i}",) for i in range(37)])
    writer.commit()
    try:
        plain = sqlite3.connect(f"file:{database}?immutable=1", uri=True)
        with pytest.raises(sqlite3.OperationalError):  # what an immutable copy would see
            plain.execute("select count(*) from events").fetchone()
        plain.close()

        log = tmp_path / "calls.json"
        stand_in = tmp_path / "datasette"
        stand_in.write_text(STAND_IN.format(python=sys.executable, log=str(log)))
        stand_in.chmod(0o755)
        result = run_publish("fly", str(database), "--name", "tl", env={"DATASETTE": str(stand_in)})
    finally:
        writer.close()
    assert result.returncode == 0, result.stderr
    assert "events: 37 rows" in result.stdout
    counts = json.loads((tmp_path / "demo.inspect.json").read_text())
    assert counts["demo"]["tables"]["events"]["count"] == 37
    published = log.with_suffix(".published.db")
    immutable = sqlite3.connect(f"file:{published}?immutable=1", uri=True)
    try:
        assert immutable.execute("select count(*) from events").fetchone()[0] == 37
    finally:
        immutable.close()
    call = json.loads(log.read_text())
    assert call[:2] == ["publish", "fly"] and Path(call[2]).name == "demo.db"
    assert not Path(call[2]).exists(), "the snapshot was left behind"
