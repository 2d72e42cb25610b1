"""The Spanish pack on a blind set of 325 Spanish news sentences and snippets
(tests/fixtures/timex_es_cases.jsonl, conventions in the README beside it), written and
frozen before the pack first ran on them, scored as the English sentence sets are
(tests/test_timex_guidelines.py): each item a test of its own, the ones the pack gets
wrong listed with what is wrong in tests/fixtures/timex_es_known_failures.txt and run as
strict expected failures. ``python -m tests.test_timex_spanish_blind`` prints the set's
relaxed and value F1.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from datasette_timeline.timex.evaluate import Counts, summarise

from .test_timex_guidelines import Case, check_case

FIXTURES = Path(__file__).parent / "fixtures"
CASES = FIXTURES / "timex_es_cases.jsonl"
KNOWN_FAILURES = FIXTURES / "timex_es_known_failures.txt"
_KNOWN_LINE = re.compile(r"(?P<name>es-\d+)\s+(?P<why>\S.*)")


def load_cases() -> list[Case]:
    lines = CASES.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def known_failures() -> dict[str, str]:
    failures: dict[str, str] = {}
    for number, line in enumerate(KNOWN_FAILURES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        found = _KNOWN_LINE.fullmatch(line.strip())
        assert found, f"{KNOWN_FAILURES.name}:{number}: want 'es-NNN  why', got {line!r}"
        assert found["name"] not in failures, f"{KNOWN_FAILURES.name}:{number}: listed twice"
        failures[found["name"]] = found["why"]
    return failures


def _params() -> list[Any]:
    failures = known_failures()
    return [
        pytest.param(
            case,
            id=case["id"],
            marks=[pytest.mark.xfail(strict=True, reason=failures[case["id"]])]
            if case["id"] in failures
            else [],
        )
        for case in load_cases()
    ]


@pytest.mark.parametrize("case", _params())
def test_spanish_sentence(case: Case) -> None:
    problems = check_case(case, language="es")
    assert not problems, f"{case['text']!r} (dct {case.get('dct')}): " + "; ".join(problems)


def test_every_known_failure_names_an_item() -> None:
    assert set(known_failures()) <= {case["id"] for case in load_cases()}


def scores() -> tuple[float, float]:
    """Relaxed F1 and value F1 of the whole set."""
    cases = load_cases()
    counts = Counts()
    for case in cases:
        check_case(case, counts, language="es")
    summary = summarise(counts, len(cases))
    return summary.relaxed_f1, summary.value_f1


if __name__ == "__main__":
    relaxed, value = scores()
    print(f"timex_es_cases.jsonl: relaxed F1 {relaxed:.3f}, value F1 {value:.3f}")
