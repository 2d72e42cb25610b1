"""What a run costs besides extracting: starting the command line, and the cycle
collector during a run (docs/scaling.md)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from datasette_timeline.pipeline import (
    RUN_COLLECTOR_THRESHOLDS,
    ExtractSettings,
    QuietReporter,
    Summary,
    run_extract,
)
from datasette_timeline.readers import ReadOptions

from .conftest import EXAMPLES, ROOT


def test_the_command_line_starts_without_importing_datasette() -> None:
    """`tag` and `extract` need no web server; importing Datasette cost them 85 ms."""
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from datasette_timeline.cli import cli; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'datasette'))",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        cwd=ROOT,
    )
    assert loaded.stdout.strip() == "[]"


class ThresholdsDuringRun(QuietReporter):
    def __init__(self) -> None:
        self.seen: list[tuple[int, int, int]] = []

    def progress(self, summary: Summary) -> None:
        self.seen.append(gc.get_threshold())

    def would_store(self, document: object, events: Sequence[object]) -> None:
        pass


def test_a_run_collects_cycles_less_often_and_restores_the_collector(tmp_path: Path) -> None:
    before = gc.get_threshold()
    reporter = ThresholdsDuringRun()
    summary = Summary()
    run_extract(
        str(tmp_path / "events.db"),
        [str(EXAMPLES)],
        [],
        ReadOptions(),
        ExtractSettings(),
        summary,
        reporter,
    )
    assert summary.stored > 0
    assert reporter.seen and set(reporter.seen) == {RUN_COLLECTOR_THRESHOLDS}
    assert gc.get_threshold() == before
