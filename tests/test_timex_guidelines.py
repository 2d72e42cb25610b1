"""The tagger on 455 news sentences written for this project with TIMEX3 values as the
TimeML 1.2.1 guidelines give them (tests/fixtures/timex_guideline_cases.jsonl).

No sentence comes from TimeBank, AQUAINT or MEANTIME. Items marked "ambiguous" (the
guidelines leave a real choice) are neither required nor counted as spurious; "alts"
lists equally right [type, value] pairs. The set was used to find gaps in the grammar,
so its score is a regression floor, not a measurement (the corpora and
scripts/compare_heideltime.py are that).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from datasette_timeline.timex import Timex, tag
from datasette_timeline.timex.evaluate import match_timexes

CASES = Path(__file__).parent / "fixtures" / "timex_guideline_cases.jsonl"
# Reached when the set was added (relaxed F1 0.995, value F1 0.988), minus 0.02.
MINIMUM_RELAXED_F1 = 0.975
MINIMUM_VALUE_F1 = 0.968


@dataclass
class Tally:
    expected: int = 0
    found: int = 0
    relaxed: int = 0
    values: int = 0


def expected_timexes(case: dict[str, object]) -> list[tuple[Timex, dict[str, object]]]:
    text = str(case["text"])
    items: list[tuple[Timex, dict[str, object]]] = []
    cursor = 0
    for item in case["expected"]:  # type: ignore[attr-defined]
        start = text.find(item["text"], cursor)
        start = start if start >= 0 else text.find(item["text"])
        assert start >= 0, (item, text)
        end = start + len(item["text"])
        kind, value = item.get("type", "DATE"), item.get("value", "")
        items.append((Timex(start, end, item["text"], kind, value), item))
        cursor = end
    return items


def score_case(case: dict[str, object], tally: Tally) -> None:
    items = expected_timexes(case)
    required = [timex for timex, item in items if not item.get("ambiguous")]
    ambiguous = [timex for timex, item in items if item.get("ambiguous")]
    found = tag(str(case["text"]), str(case["dct"]))
    pairs = match_timexes(required, found)
    paired = {id(system) for _, system in pairs}
    # A system timex on an ambiguous item is neither right nor spurious.
    unpaired = [
        t
        for t in found
        if id(t) not in paired and not any(t.start < a.end and a.start < t.end for a in ambiguous)
    ]
    answers = {id(timex): item for timex, item in items}
    tally.expected += len(required)
    tally.found += len(pairs) + len(unpaired)
    tally.relaxed += len(pairs)
    for gold, system in pairs:
        item = answers[id(gold)]
        accepted = [[gold.type, gold.value], *item.get("alts", [])]  # type: ignore[misc]
        tally.values += [system.type, system.value] in accepted


def test_guideline_cases_stay_above_their_floor() -> None:
    cases = [json.loads(line) for line in CASES.read_text().splitlines() if line.strip()]
    assert len(cases) >= 400
    tally = Tally()
    for case in cases:
        score_case(case, tally)
    precision = tally.relaxed / tally.found
    recall = tally.relaxed / tally.expected
    relaxed_f1 = 2 * precision * recall / (precision + recall)
    value_f1 = tally.values / tally.relaxed * relaxed_f1
    print(f"relaxed F1 {relaxed_f1:.3f}, value F1 {value_f1:.3f}")
    assert relaxed_f1 >= MINIMUM_RELAXED_F1
    assert value_f1 >= MINIMUM_VALUE_F1
