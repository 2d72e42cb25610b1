"""Words of English temporal expressions and the numbers they stand for.

The words and their values are data (``lexicon.json``, beside this file); this module
reads them once and holds the functions data cannot say (numbers written in words).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from ...calendar_math import Holiday

_DATA: dict[str, Any] = json.loads(
    (Path(__file__).with_name("lexicon.json")).read_text(encoding="utf-8")
)

MONTHS: dict[str, int] = _DATA["months"]
WEEKDAYS: dict[str, int] = _DATA["weekdays"]
SEASONS: dict[str, str] = _DATA["seasons"]
NUMBER_WORDS: dict[str, int] = _DATA["number_words"]
_TENS: list[str] = _DATA["tens"]
# Quantities that leave the number unknown ("several years" is PXY).
VAGUE_QUANTITIES = frozenset(_DATA["vague_quantities"])
ORDINALS: dict[str, int] = _DATA["ordinals"]
# TIMEX3 duration unit letters and the calendar granularity of each unit word.
UNITS: dict[str, str] = _DATA["units"]
TIME_UNITS = frozenset(_DATA["time_units"])
DECADE_WORDS: dict[str, int] = _DATA["decade_words"]
PARTS_OF_DAY: dict[str, str] = _DATA["parts_of_day"]
HOLIDAYS: dict[str, Holiday] = {name: Holiday(**when) for name, when in _DATA["holidays"].items()}
# Words before an expression and the TIMEX3 mod they give.
POSITION_MODS: dict[str, str] = _DATA["position_mods"]
APPROXIMATION_MODS: dict[str, str] = _DATA["approximation_mods"]
SET_ADVERBS: dict[str, str] = _DATA["set_adverbs"]
# Days named from the anchor ("yesterday" -1) and words for the present, past, future.
DAY_OFFSETS: dict[str, int] = _DATA["day_offsets"]
VAGUE_REFERENCES: dict[str, str] = _DATA["vague_references"]
# Relation words before a month or a weekday, in the resolver's terms.
MONTH_RELATIONS: dict[str, str] = _DATA["month_relations"]
WEEKDAY_RELATIONS: dict[str, str] = _DATA["weekday_relations"]
# Steps of "last week", "the following year"; of "November that year"; of "May 3 next
# year".
RELATION_STEPS: dict[str, int] = _DATA["relation_steps"]
STORY_YEAR_STEPS: dict[str, int] = _DATA["story_year_steps"]
YEAR_STEPS: dict[str, int] = _DATA["year_steps"]


def number_value(words: str) -> int | float | None:
    """The number written in ``words`` ("twenty-four", "5 1/2", "1,000"), or None."""
    text = re.sub(r"\s+", " ", words.strip().lower()).replace(",", "")
    if not text:
        return None
    half = 0.0
    for suffix in (" and a half", " and one half", " 1/2", "-and-a-half", "½"):
        if text.endswith(suffix):
            text, half = text[: -len(suffix)].strip(), 0.5
            break
    if text.replace(".", "", 1).isdigit():
        number = float(text) if "." in text else int(text)
        return number + half if half else number
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text] + half if half else NUMBER_WORDS[text]
    parts = re.split(r"[\s-]+", text)
    multiple = {"hundred": 100, "thousand": 1000}.get(parts[-1])
    if len(parts) == 2 and multiple:  # "six hundred", "2 thousand"
        count = int(parts[0]) if parts[0].isdigit() else NUMBER_WORDS.get(parts[0])
        if count is not None:
            return count * multiple + half if half else count * multiple
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in NUMBER_WORDS:
        total = NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
        return total + half if half else total
    return None
