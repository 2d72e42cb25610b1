"""Words of Spanish temporal expressions and the numbers they stand for.

The words and their values are data (``lexicon.json``, beside this file); this module
reads them once and holds what data cannot say: numbers written in words ("treinta y
dos", "ciento veinte") and Roman numerals of centuries ("siglo XIX").
"""

from __future__ import annotations

import json
import re
import unicodedata
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
TENS: list[str] = _DATA["tens"]
VAGUE_QUANTITIES = frozenset(_DATA["vague_quantities"])
ORDINALS: dict[str, int] = _DATA["ordinals"]
# Unit words and the resolver's unit each names ("jornada" is a day, "quincena" a
# fortnight, "semestre" a half year).
UNITS: dict[str, str] = _DATA["units"]
PARTS_OF_DAY: dict[str, str] = _DATA["parts_of_day"]
DECADE_WORDS: dict[str, int] = _DATA["decade_words"]
HOLIDAYS: dict[str, Holiday] = {name: Holiday(**when) for name, when in _DATA["holidays"].items()}
POSITION_MODS: dict[str, str] = _DATA["position_mods"]
# Hedges and their TIMEX3 mod (null: a hedge inside the extent with no mod: "casi").
APPROXIMATION_MODS: dict[str, str | None] = _DATA["approximation_mods"]
SET_ADVERBS: dict[str, str] = _DATA["set_adverbs"]
DAY_OFFSETS: dict[str, int] = _DATA["day_offsets"]
VAGUE_REFERENCES: dict[str, str | None] = _DATA["vague_references"]
# Relation words before or after a unit, a weekday, a month, in the resolver's terms.
RELATIONS: dict[str, str] = _DATA["relations"]

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def plain(word: str) -> str:
    """``word`` in lower case without accents ("Miércoles" -> "miercoles")."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c) or c == "\u0303")


def lookup(table: dict[str, Any], words: str) -> Any:
    """The value of ``words`` in a table of this lexicon, spaces and case aside, accents
    optional (the table lists the accented form)."""
    key = re.sub(r"\s+", " ", words.strip().lower())
    if key in table:
        return table[key]
    bare = plain(key)
    for name, value in table.items():
        if plain(name) == bare:
            return value
    return None


def roman_value(numeral: str) -> int | None:
    """The value of a Roman numeral ("XIX" 19), or None."""
    total, previous = 0, 0
    for letter in reversed(numeral.upper()):
        value = _ROMAN.get(letter)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total or None


def number_value(words: str) -> int | float | None:
    """The number written in ``words`` ("veintitrés", "treinta y dos", "ciento veinte",
    "2,5", "1.000", "dos y medio"), or None."""
    text = re.sub(r"\s+", " ", words.strip().lower())
    half = 0.0
    for suffix in (" y medio", " y media"):
        if text.endswith(suffix):
            text, half = text[: -len(suffix)].strip(), 0.5
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        text = text.replace(".", "")  # "1.000": a thousands separator
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        number = float(text.replace(",", ".")) if re.search(r"[.,]", text) else int(text)
        return number + half if half else number
    total = 0
    for part in text.split(" y ") if " y " in text else [text]:
        value = _words_value(part)
        if value is None:
            return None
        total += value
    return total + half if half else total


def _words_value(text: str) -> int | None:
    value = lookup(NUMBER_WORDS, text)
    if value is not None:
        return int(value)
    parts = text.split()
    if len(parts) == 2:  # "ciento veinte", "dos mil"
        first, second = lookup(NUMBER_WORDS, parts[0]), lookup(NUMBER_WORDS, parts[1])
        if first is not None and second == 1000:
            return int(first) * 1000
        if first is not None and second is not None and first >= 100 > second:
            return int(first) + int(second)
    return None
