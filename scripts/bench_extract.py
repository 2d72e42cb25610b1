#!/usr/bin/env python3
"""Benchmark ``datasette-timeline extract``: articles per second, peak memory, and the
time of extraction against the tagger's alone.

Runs the real commands (a fresh database each time) on the TempEval-3 silver corpus
(2,452 TimeML articles in ../shared/corpora/te3-silver), ``--repeat`` times (default
3), the runs of each round alternating so that a change of load on a shared machine
falls on all of them; every figure is the median of its runs:

- ``extract --jobs 1`` and ``--jobs 2`` on the whole corpus: the speed-up of a second
  worker;
- ``extract`` on a tenth of it: peak memory (the largest resident set of the run's
  processes, the writer or one worker, from ``os.wait4``) for a tenth against all of it;
- ``tag`` and ``extract`` on the same first 1,000 articles (``--paired N``): how many
  times the tagger's time the whole extraction takes.

``--stages`` also times reading, extraction and storing apart, in one process, and the
share of storing in their total; ``--profile N`` profiles the extraction of N articles.

    python scripts/bench_extract.py --stages
    python scripts/bench_extract.py --stages --profile 300 --repeat 1
    python scripts/bench_extract.py --stages --batch-documents 1   # a commit per document
    python scripts/bench_extract.py --corpus ../shared/corpora/meantime
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "te3-silver"
TARGET_PER_CORE = 100.0


@dataclass
class Run:
    label: str
    articles: int
    jobs: int
    seconds: float
    peak_mb: float
    events: int
    cpu_seconds: float  # user + system time of the run's processes (workers included)

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


CLI = [sys.executable, "-c", "from datasette_timeline.cli import cli; cli()"]
# The commands run the code on PYTHONPATH (this checkout when unset), from a folder of
# their own: "-c" would put the current folder first on the path.
ENVIRONMENT = {**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH") or str(ROOT)}


def run_tag(paths: list[str]) -> tuple[float, float]:
    """Seconds of ``datasette-timeline tag`` over ``paths`` (its JSON lines discarded),
    wall and CPU."""
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        process = subprocess.Popen(
            [*CLI, "tag", *paths], stdout=subprocess.DEVNULL, env=ENVIRONMENT, cwd=folder
        )
        _pid, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"tag failed ({process.returncode})")
    return time.perf_counter() - began, usage.ru_utime + usage.ru_stime


def run_extract(inputs: list[str], jobs: int, label: str) -> Run:
    with tempfile.TemporaryDirectory() as folder:
        database = str(Path(folder) / "bench.db")
        command = [
            *CLI,
            "extract",
            database,
            *inputs,
            "--jobs",
            str(jobs),
            "--json",
            "--quiet",
        ]
        began = time.perf_counter()
        with tempfile.TemporaryFile() as errors:
            process = subprocess.Popen(
                command, stdout=subprocess.PIPE, stderr=errors, env=ENVIRONMENT, cwd=folder
            )
            assert process.stdout is not None
            stdout = process.stdout.read()
            # wait4 gives this run's peak resident set: the largest of the writer and
            # its workers (reaped by it), in KB on Linux.
            _pid, status, usage = os.wait4(process.pid, 0)
            seconds = time.perf_counter() - began
            code = os.waitstatus_to_exitcode(status)
            process.returncode = code
            if code not in (0, 1):
                errors.seek(0)
                raise SystemExit(f"extract failed ({code}):\n{errors.read().decode()}")
        summary = json.loads(stdout)
    peak_mb = usage.ru_maxrss / 1024
    cpu = usage.ru_utime + usage.ru_stime
    return Run(label, summary["documents_read"], jobs, seconds, peak_mb, summary["events"], cpu)


def median_run(runs: tuple[Run, ...]) -> Run:
    """The run of median time among runs of the same command; its peak memory and CPU
    time are the medians of theirs."""
    ordered = sorted(runs, key=lambda run: run.seconds)
    middle = ordered[len(ordered) // 2]
    peak = statistics.median(run.peak_mb for run in runs)
    cpu = statistics.median(run.cpu_seconds for run in runs)
    return Run(middle.label, middle.articles, middle.jobs, middle.seconds, peak, middle.events, cpu)


def profile(paths: list[Path], limit: int) -> str:
    """Extract ``limit`` articles in this process under cProfile; the top functions."""
    from datasette_timeline.events import extract_events
    from datasette_timeline.readers import Document, iter_documents

    documents = [
        d for d in iter_documents([str(p) for p in paths[:limit]]) if isinstance(d, Document)
    ]
    extract_events(documents[0].text, documents[0].published)  # load tables outside the profile
    profiler = cProfile.Profile()
    began = time.perf_counter()
    profiler.enable()
    for document in documents:
        extract_events(document.text, document.published, skip_spans=document.skip_spans)
    profiler.disable()
    seconds = time.perf_counter() - began
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(r"datasette_timeline", 25)
    header = (
        f"extract_events alone: {len(documents)} articles in {seconds:.2f}s "
        f"({len(documents) / seconds:.0f}/s, profiler overhead included)\n"
    )
    return header + out.getvalue()


def stage_times(paths: list[Path], batch_documents: int | None) -> str:
    """Read, extract and store every article in this process, timing each stage apart.

    Storing writes as ``extract`` does (``pipeline.BatchWriter``), or in batches of
    ``batch_documents`` documents (1: a commit per document). The cycle collector runs
    as in a run (``pipeline.fewer_collections``)."""
    from datasette_timeline.pipeline import fewer_collections

    with fewer_collections():
        return _stage_times(paths, batch_documents)


def _stage_times(paths: list[Path], batch_documents: int | None) -> str:
    from datasette_timeline.pipeline import BATCH_DOCUMENTS, BatchWriter, Summary, extract_document
    from datasette_timeline.readers import Document, iter_documents
    from datasette_timeline.storage import open_database

    began, cpu = time.perf_counter(), time.process_time()
    documents = [d for d in iter_documents([str(p) for p in paths]) if isinstance(d, Document)]
    reading, reading_cpu = time.perf_counter() - began, time.process_time() - cpu
    extract_document(documents[0])  # load tables first
    began, cpu = time.perf_counter(), time.process_time()
    results = [extract_document(d) for d in documents]
    extracting, extracting_cpu = time.perf_counter() - began, time.process_time() - cpu
    summary = Summary()
    with tempfile.TemporaryDirectory() as folder:
        database = open_database(Path(folder) / "stages.db")
        writer = BatchWriter(
            database, summary, max_documents=batch_documents or BATCH_DOCUMENTS, max_seconds=1e9
        )
        began, cpu = time.perf_counter(), time.process_time()
        for document, events in zip(documents, results, strict=True):
            writer.add(document, events)
        writer.flush()
        storing, storing_cpu = time.perf_counter() - began, time.process_time() - cpu
        database.close()
    count = len(documents)
    total = reading + extracting + storing
    total_cpu = reading_cpu + extracting_cpu + storing_cpu
    lines = [
        f"stages, in one process ({count} articles, {summary.failed} not stored; batches of "
        f"{writer.max_documents} documents, the longest written in {writer.longest_write:.3f}s;"
        " CPU time is this process's, less sensitive to other work on the machine):"
    ]
    for name, seconds, cpu_seconds in (
        ("read", reading, reading_cpu),
        ("extract_events", extracting, extracting_cpu),
        ("store", storing, storing_cpu),
    ):
        lines.append(
            f"  {name:<15} {seconds:7.1f}s {count / seconds:8.0f} articles/s "
            f"{seconds / total:6.0%} of the total; CPU {cpu_seconds:6.1f}s "
            f"{cpu_seconds / total_cpu:6.0%}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--profile", type=int, metavar="N", default=0, help="profile N articles")
    parser.add_argument(
        "--stages", action="store_true", help="also time reading, extraction and storage apart"
    )
    parser.add_argument(
        "--batch-documents",
        type=int,
        metavar="N",
        help="with --stages: commit every N stored documents (1: one transaction per "
        "document) instead of extract's batches",
    )
    parser.add_argument(
        "--repeat", type=int, default=3, metavar="R", help="rounds of runs (medians are kept)"
    )
    parser.add_argument(
        "--paired",
        type=int,
        default=1000,
        metavar="N",
        help="articles for the paired tag/extract measure",
    )
    args = parser.parse_args()
    load_before = ", ".join(f"{load:.2f}" for load in os.getloadavg())
    if not args.corpus.is_dir():
        raise SystemExit(f"{args.corpus}: corpus not found (it lives in ../shared beside the repo)")
    paths = sorted(p for p in args.corpus.rglob("*") if p.suffix in (".tml", ".txt"))
    tenth = [str(p) for p in paths[: max(1, len(paths) // 10)]]
    paired = [str(p) for p in paths[: args.paired]]
    rounds: list[list[Run]] = []
    tag_seconds: list[float] = []
    tag_cpu: list[float] = []
    for _round in range(args.repeat):
        rounds.append(
            [
                run_extract(tenth, 1, "1/10 corpus"),
                run_extract([str(args.corpus)], 1, "whole corpus"),
                run_extract([str(args.corpus)], 2, "whole corpus"),
                run_extract(paired, 1, f"first {len(paired)}"),
            ]
        )
        seconds, cpu = run_tag(paired)
        tag_seconds.append(seconds)
        tag_cpu.append(cpu)
    runs = [median_run(column) for column in zip(*rounds, strict=True)]
    print(
        f"corpus: {args.corpus} ({len(paths)} files); {os.cpu_count()} CPUs; "
        f"medians of {args.repeat} rounds; load average before: {load_before}"
    )
    print(
        f"{'run':<14} {'jobs':>4} {'articles':>8} {'events':>7} {'seconds':>8} {'art/s':>7} "
        f"{'art/s/core':>10} {'peak MB':>8} {'CPU s':>7}"
    )
    for run in runs:
        print(
            f"{run.label:<14} {run.jobs:>4} {run.articles:>8} {run.events:>7} {run.seconds:>8.1f} "
            f"{run.rate:>7.1f} {run.rate / run.jobs:>10.1f} {run.peak_mb:>8.0f} "
            f"{run.cpu_seconds:>7.1f}"
        )
    small, one, two, extract_paired = runs
    print(
        f"speed-up with 2 jobs: {two.rate / one.rate:.2f}x "
        f"(efficiency {two.rate / one.rate / 2:.0%} of 2 cores; target 1.7x)"
    )
    print(
        f"peak memory, whole corpus / tenth: {one.peak_mb / small.peak_mb:.2f}x "
        f"for {one.articles / small.articles:.0f}x the articles"
    )
    tag_median = statistics.median(tag_seconds)
    tag_cpu_median = statistics.median(tag_cpu)
    print(
        f"same {len(paired)} articles: tag {tag_median:.2f}s, extract "
        f"{extract_paired.seconds:.2f}s: extract takes {extract_paired.seconds / tag_median:.2f}x "
        "the time of tag (target at most 2.5x); in CPU time tag "
        f"{tag_cpu_median:.2f}s, extract {extract_paired.cpu_seconds:.2f}s: "
        f"{extract_paired.cpu_seconds / tag_cpu_median:.2f}x"
    )
    print(
        f"each round (s): tag {', '.join(f'{t:.2f}' for t in tag_seconds)}; extract "
        + "; ".join(
            ", ".join(f"{run.seconds:.2f}" for run in column)
            for column in zip(*rounds, strict=True)
        )
    )
    verdict = "meets" if one.rate >= TARGET_PER_CORE else "misses"
    print(
        f"target {TARGET_PER_CORE:.0f} articles/s per core: {verdict} it with --jobs 1 "
        f"({one.rate:.0f}/s)"
    )
    if args.stages:
        print()
        print(stage_times(paths, args.batch_documents))
    if args.profile:
        print()
        print(profile(paths, args.profile))


if __name__ == "__main__":
    main()
