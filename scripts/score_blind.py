"""Score the extractor on blind article sets (tests/fixtures/blind/*/ expected files).

    python scripts/score_blind.py                      # the development set
    python scripts/score_blind.py tests/fixtures/blind/final --by-outlet
    python scripts/score_blind.py --failures           # every failing item by name
    python scripts/score_blind.py --json > scores.json
    python scripts/score_blind.py --half a             # develop on one half of a set ...
    python scripts/score_blind.py --half b             # ... and check on the other

Prints event precision (rows that are a reader's event, paired one to one, over all
rows), core recall, the share of found events with the right value at the right
precision, event types, actors (precision, recall, F1, by kind; junk actors per 100
rows) and places. Corpus articles are read from ../shared/corpora.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from datasette_timeline.event_scoring import (  # noqa: E402
    ArticleResult,
    Scores,
    score_expected_file,
    summary,
)

CORPORA = ROOT.parent / "shared" / "corpora"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="*", type=Path, default=[ROOT / "tests/fixtures/blind/dev"])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--by-outlet", action="store_true", help="a line of figures per outlet")
    parser.add_argument("--failures", action="store_true", help="list every failing item")
    parser.add_argument("--json", action="store_true", help="figures as JSON")
    parser.add_argument(
        "--half",
        choices=("a", "b"),
        help="only one half of each set (a: the 1st, 3rd, ... article by name; b: the others), "
        "to develop rules on one half and check them on the other",
    )
    parser.add_argument(
        "--update-known",
        action="store_true",
        help="rewrite each set's known_failures.{events,actors}.json: add new failures "
        "(with the scorer's message as a first reason), drop items that now pass",
    )
    args = parser.parse_args()
    results: list[tuple[str, ArticleResult]] = []
    for folder in args.sets:
        paths = sorted(folder.glob("*.expected.json"))
        if args.half:
            paths = paths[args.half == "b" :: 2]
        for path in paths:
            outlet = json.loads(path.read_text(encoding="utf-8")).get("outlet", "")
            results.append((outlet, score_expected_file(path, args.corpora)))
    total = summary(result for _, result in results)
    if args.update_known:
        if args.half:
            parser.error("--update-known needs the whole set, not --half")
        for folder in args.sets:
            _update_known(
                folder, [r for _, r in results if (folder / f"{r.stem}.expected.json").exists()]
            )
    if args.json:
        json.dump(_as_json(total), sys.stdout, indent=1)
        print()
        return 0
    label = " + ".join(
        str(folder.relative_to(ROOT)) if folder.is_relative_to(ROOT) else str(folder)
        for folder in args.sets
    ) + (f" (half {args.half})" if args.half else "")
    print("\n".join(total.lines(label)))
    if args.by_outlet:
        outlets = sorted({outlet for outlet, _ in results})
        for outlet in outlets:
            scores = summary(result for o, result in results if o == outlet)
            print(
                f"  {outlet:10} rows {scores.rows:4}  precision {scores.precision:.3f}  "
                f"core recall {scores.core_recall:.3f}  value {scores.value_accuracy:.3f}  "
                f"actor F1 {scores.actors.f1:.3f}"
            )
    if args.failures:
        for _, result in results:
            for name, why in sorted(result.failures.items()):
                print(f"{name}: {why}")
    return 0


def _update_known(folder: Path, results: list[ArticleResult]) -> None:
    for part, is_actors in (("events", False), ("actors", True)):
        path = folder / f"known_failures.{part}.json"
        old: dict[str, str] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        new: dict[str, str] = {}
        for result in results:
            for name, why in result.failures.items():
                if name.endswith(":actors") == is_actors:
                    new[name] = old.get(name, why)
        added = sorted(set(new) - set(old))
        dropped = sorted(set(old) - set(new))
        path.write_text(json.dumps(dict(sorted(new.items())), indent=1) + "\n", encoding="utf-8")
        print(f"{path.name}: {len(new)} known failures (+{len(added)} new, -{len(dropped)} fixed)")


def _as_json(scores: Scores) -> dict[str, object]:
    return {
        "articles": scores.articles,
        "rows": scores.rows,
        "event_precision": round(scores.precision, 4),
        "core_recall": round(scores.core_recall, 4),
        "value_accuracy": round(scores.value_accuracy, 4),
        "type_accuracy": round(scores.type_right / scores.typed, 4) if scores.typed else None,
        "actor_precision": round(scores.actors.precision, 4),
        "actor_recall": round(scores.actors.recall, 4),
        "actor_f1": round(scores.actors.f1, 4),
        "actor_f1_by_kind": {k: round(c.f1, 4) for k, c in scores.actors_by_kind.items()},
        "junk_actors_per_100_rows": round(100 * scores.junk_actors / scores.rows, 2)
        if scores.rows
        else 0.0,
        "noise": {"duplicates": scores.duplicates, **scores.noise_by_reason},
    }


if __name__ == "__main__":
    raise SystemExit(main())
