"""Check that a change to the tagger leaves its output as it was.

``dump`` tags every document of the English development material and writes every
TIMEX3 (offsets, type, value, mod; and, apart, the clause reading: tense, modality, verb
offsets) to a JSON file; ``check`` tags the same documents again and lists every
expression that differs from such a file. Run ``dump`` before a refactoring and
``check`` after each step:

    python scripts/compare_tags.py dump /tmp/tags-before.json
    python scripts/compare_tags.py check /tmp/tags-before.json

The documents: all of TBAQ-cleaned and MEANTIME (English), every 5th te3-silver file,
and the four sentence sets of tests/test_timex_guidelines.py (three guideline sets and
the narrative set). ``--language es`` dumps MEANTIME Spanish instead. The exit status of
``check`` is 1 when an expression differs (the reading differing alone is reported but
counts only with ``--strict-reading``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from datasette_timeline.timex import Timex, tag  # noqa: E402
from datasette_timeline.timex.evaluate import gold_files  # noqa: E402
from datasette_timeline.timex.timeml import read_timeml  # noqa: E402

DEFAULT_CORPORA = ROOT.parent / "shared" / "corpora"
SENTENCE_SETS = {
    "set1": "timex_guideline_cases.jsonl",
    "set2": "timex_guideline_cases_2.jsonl",
    "set3": "timex_guideline_cases_3.jsonl",
    "narrative": "blind/narrative/timex_narrative.jsonl",
}

Document = tuple[str, str, str | None]  # name, text, dct


def documents(corpora: Path, language: str) -> Iterator[Document]:
    if language == "es":
        for path in gold_files([corpora / "meantime-es"]):
            document = read_timeml(path)
            yield f"meantime-es/{path.name}", document.text, document.dct
        return
    for folder in ("tbaq-cleaned", "meantime"):
        for path in gold_files([corpora / folder]):
            document = read_timeml(path)
            yield f"{path.relative_to(corpora)}", document.text, document.dct
    for path in gold_files([corpora / "te3-silver"])[::5]:
        document = read_timeml(path)
        yield f"{path.relative_to(corpora)}", document.text, document.dct
    fixtures = ROOT / "tests" / "fixtures"
    for set_name, file_name in SENTENCE_SETS.items():
        for line in (fixtures / file_name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                dct = case.get("dct")
                yield f"{set_name}:{case['id']}", str(case["text"]), str(dct) if dct else None


def _expression(timex: Timex) -> list[object]:
    return [timex.start, timex.end, timex.type, timex.value, timex.mod]


def _reading(timex: Timex) -> list[object]:
    return [timex.start, timex.tense, timex.modality, timex.verb_start, timex.verb_end]


def tag_all(corpora: Path, language: str) -> tuple[dict[str, dict[str, list[object]]], float]:
    found: dict[str, dict[str, list[object]]] = {}
    elapsed = 0.0
    for name, text, dct in documents(corpora, language):
        started = time.process_time()
        # English is the default: the same call works on taggers older than the packs.
        timexes = tag(text, dct) if language == "en" else tag(text, dct, language=language)
        elapsed += time.process_time() - started
        found[name] = {
            "timexes": [_expression(t) for t in timexes],
            "readings": [_reading(t) for t in timexes],
        }
    return found, elapsed


def _differences(before: list[list[object]], after: list[list[object]]) -> list[str]:
    old, new = {tuple(x) for x in before}, {tuple(x) for x in after}
    lines = [f"  - {list(x)}" for x in sorted(old - new, key=str)]
    lines += [f"  + {list(x)}" for x in sorted(new - old, key=str)]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["dump", "check"])
    parser.add_argument("file", type=Path, help="The JSON file to write (dump) or compare with.")
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--language", choices=["en", "es"], default="en")
    parser.add_argument(
        "--strict-reading", action="store_true", help="Count a changed reading as a difference."
    )
    args = parser.parse_args()
    found, elapsed = tag_all(args.corpora, args.language)
    count = sum(len(entry["timexes"]) for entry in found.values())
    print(f"{len(found)} documents, {count} expressions, {elapsed:.2f} s of CPU in tag()")
    if args.command == "dump":
        args.file.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
        print(f"written to {args.file}")
        return 0
    saved = json.loads(args.file.read_text(encoding="utf-8"))
    changed = readings_changed = 0
    for name in sorted(set(saved) | set(found)):
        before = saved.get(name, {"timexes": [], "readings": []})
        after = found.get(name, {"timexes": [], "readings": []})
        lines = _differences(before["timexes"], after["timexes"])
        if lines:
            changed += 1
            print(f"{name}: expressions differ")
            print("\n".join(lines))
            continue
        lines = _differences(before["readings"], after["readings"])
        if lines:
            readings_changed += 1
            print(f"{name}: readings differ")
            print("\n".join(lines))
    print(
        f"{changed} documents with different expressions, {readings_changed} with only "
        "different readings"
    )
    return 1 if changed or (args.strict_reading and readings_changed) else 0


if __name__ == "__main__":
    sys.exit(main())
