#!/usr/bin/env python3
"""Benchmark the actor step: CPU time of the entity step (``find_entities``) and of the
whole extraction (``extract_events``, whose actor choice runs per sentence) on every 5th
te3-silver article (491), for this checkout and a baseline checkout measured in the same
run, alternating, each figure the median of ``--repeat`` runs:

    git worktree add /tmp/baseline main
    python scripts/bench_actors.py --baseline /tmp/baseline

Prints both checkouts' seconds and this checkout's ratio to the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "te3-silver"

# One run in a process of its own, with the checkout's code first on the path.
_RUN = """
import json, sys, time
from pathlib import Path
from datasette_timeline.actors import find_entities
from datasette_timeline.events import extract_events
from datasette_timeline.readers.timeml import read_timeml_bytes
from datasette_timeline.sentences import sentence_spans

paths = sorted(Path(sys.argv[1]).glob("*.tml"))[:: int(sys.argv[2])]
documents = [read_timeml_bytes(path.read_bytes(), path.name) for path in paths]
for document in documents[:20]:  # warm the word lists and caches
    extract_events(document.text, document.published, skip_spans=document.skip_spans)
began = time.process_time()
entities = sum(len(find_entities(d.text, sentences=sentence_spans(d.text))) for d in documents)
middle = time.process_time()
events = sum(
    len(extract_events(d.text, d.published, skip_spans=d.skip_spans)) for d in documents
)
ended = time.process_time()
print(json.dumps({"articles": len(documents), "entities": entities, "events": events,
                  "entity_step": middle - began, "extraction": ended - middle}))
"""


def run(checkout: Path, corpus: Path, step: int) -> dict[str, float]:
    environment = {**os.environ, "PYTHONPATH": str(checkout)}
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [sys.executable, "-c", _RUN, str(corpus), str(step)],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
            cwd=folder,
        )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--baseline", type=Path, required=True, help="another checkout")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--every", type=int, default=5, help="every Nth article (default 5)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not (args.baseline / "datasette_timeline").is_dir():
        parser.error(f"{args.baseline}: not a checkout of this project")
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus}: no such corpus folder")
    runs: dict[str, list[dict[str, float]]] = {"baseline": [], "this": []}
    for _ in range(args.repeat):
        runs["baseline"].append(run(args.baseline, args.corpus, args.every))
        runs["this"].append(run(ROOT, args.corpus, args.every))
    medians = {
        label: {key: statistics.median(r[key] for r in found) for key in found[0]}
        for label, found in runs.items()
    }
    articles = int(medians["this"]["articles"])
    print(f"{articles} articles of {args.corpus.name}, median of {args.repeat} runs (CPU s)")
    for key in ("entity_step", "extraction"):
        base, this = medians["baseline"][key], medians["this"][key]
        print(f"  {key:12} baseline {base:6.2f}  this {this:6.2f}  ratio {this / base:5.2f}x")
    for key in ("entities", "events"):
        print(
            f"  {key:12} baseline {medians['baseline'][key]:6.0f}  this {medians['this'][key]:6.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
