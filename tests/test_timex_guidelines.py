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
from pathlib import Path

from datasette_timeline.timex import Timex, tag
from datasette_timeline.timex.evaluate import Counts, match_timexes, summarise

CASES = Path(__file__).parent / "fixtures" / "timex_guideline_cases.jsonl"
# Reached when the set was added (relaxed F1 0.995, value F1 0.988), minus 0.02.
MINIMUM_RELAXED_F1 = 0.975
MINIMUM_VALUE_F1 = 0.968


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


def score_case(case: dict[str, object], counts: Counts) -> None:
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
    counts.gold += len(required)
    counts.system += len(pairs) + len(unpaired)
    counts.relaxed += len(pairs)
    for gold, system in pairs:
        item = answers[id(gold)]
        accepted = [[gold.type, gold.value], *item.get("alts", [])]  # type: ignore[misc]
        counts.value_correct += [system.type, system.value] in accepted


def test_guideline_cases_stay_above_their_floor() -> None:
    cases = [json.loads(line) for line in CASES.read_text().splitlines() if line.strip()]
    assert len(cases) >= 400
    counts = Counts()
    for case in cases:
        score_case(case, counts)
    scores = summarise(counts, len(cases))
    print(f"relaxed F1 {scores.relaxed_f1:.3f}, value F1 {scores.value_f1:.3f}")
    assert scores.relaxed_f1 >= MINIMUM_RELAXED_F1
    assert scores.value_f1 >= MINIMUM_VALUE_F1
