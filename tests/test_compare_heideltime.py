"""scripts/compare_heideltime.py: reading HeidelTime's output back onto the gold text
(no Java here: its output is written by hand in the form the standalone jar prints)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "compare_heideltime.py"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("compare_heideltime", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# One sentence a line, no full stop after the headline or the dateline, "2005" untagged
# on the first line: as in MEANTIME Spanish.
TEXT = (
    "\nApple planea otro evento especial de 2005\n4 de octubre de 2005\n"
    "Apple y AT&T han anunciado hoy otro evento .\n"
)


def heideltime_output(tagged_text: str) -> str:
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n'
        f"{tagged_text}\n</TimeML>\n"
    )


def tagged(text: str) -> str:
    """``text`` escaped as HeidelTime prints it, with the dateline and "hoy" tagged."""
    escaped = text.replace("&", "&amp;")
    escaped = escaped.replace(
        "4 de octubre de 2005",
        '<TIMEX3 tid="t1" type="DATE" value="2005-10-04">4 de octubre de 2005</TIMEX3>',
    )
    return escaped.replace("hoy", '<TIMEX3 tid="t2" type="DATE" value="2005-10-04">hoy</TIMEX3>')


def test_text_is_given_unchanged_unless_lines_are_sentences(script: ModuleType) -> None:
    assert script.heideltime_input(TEXT, lines_as_sentences=False) == TEXT
    given = script.heideltime_input(TEXT, lines_as_sentences=True)
    assert given.split("\n\n") == TEXT.split("\n")


@pytest.mark.parametrize("lines_as_sentences", [False, True])
def test_timexes_land_on_the_gold_text(script: ModuleType, lines_as_sentences: bool) -> None:
    given = script.heideltime_input(TEXT, lines_as_sentences)
    timexes = script.parse_output(heideltime_output(tagged(given)), given)
    if lines_as_sentences:
        timexes = script.offsets_in_text(timexes, given)
    found = [(t.start, t.end, t.text, t.value) for t in timexes]
    dateline = TEXT.index("4 de octubre")
    today = TEXT.index("hoy")
    assert found == [
        (dateline, dateline + 20, "4 de octubre de 2005", "2005-10-04"),
        (today, today + 3, "hoy", "2005-10-04"),
    ]
    assert all(TEXT[t.start : t.end] == t.text for t in timexes)


def test_offsets_in_the_given_text_are_not_the_gold_offsets(script: ModuleType) -> None:
    """Without mapping back, every tag after the first line break would be misplaced."""
    given = script.heideltime_input(TEXT, lines_as_sentences=True)
    timexes = script.parse_output(heideltime_output(tagged(given)), given)
    assert [t.start for t in timexes] != [TEXT.index("4 de octubre"), TEXT.index("hoy")]
