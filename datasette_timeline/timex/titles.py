"""Capitalised time words that name something: a show ("This Week"), a film ("High Noon"),
a campaign (``Spring of Life''). TimeML tags times, not titles that contain time words."""

from __future__ import annotations

import re

from .lexicon import MONTHS, WEEKDAYS

_OPENING_QUOTES = "`'\"“‘("
_SENTENCE_END = ".!?:;"
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_LETTERS = re.compile(r"[A-Za-z]+")


def at_sentence_start(text: str, position: int) -> bool:
    """Whether ``position`` begins a sentence (opening quotes and spaces skipped)."""
    index = position
    while index > 0 and (text[index - 1].isspace() or text[index - 1] in _OPENING_QUOTES):
        if text[index - 1] == "\n":
            return True
        index -= 1
    if index == 0:
        return True
    before = text[max(0, index - 3) : index].rstrip("'\"”’)")
    return not before or before[-1] in _SENTENCE_END


def _opens_with_quote(text: str, position: int) -> bool:
    return position > 0 and text[position - 1] in _OPENING_QUOTES


def _previous_word(text: str, position: int) -> str:
    words = _WORD.findall(text[max(0, position - 40) : position])
    return words[-1] if words and text[position - 1 : position].isspace() else ""


def _line_is_title_case(text: str, position: int) -> bool:
    """A headline ("Stocks Fall for a Fourth Week") capitalises most of its words."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    words = [word for word in _WORD.findall(text[start : end if end >= 0 else len(text)])]
    long_words = [word for word in words if len(word) > 3]
    return (
        bool(long_words) and sum(word[0].isupper() for word in long_words) * 3 > len(long_words) * 2
    )


def names_a_title(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a name rather than a time.

    Its first word is one that is written in lower case inside a sentence (not a month or a
    weekday), yet it is capitalised there: right after an opening quote, or after another
    capitalised word ("VOA Today", "High Noon"), outside a headline.
    """
    first = _LETTERS.match(text, start)
    if first is None or not first.group()[0].isupper() or first.group().isupper():
        return False
    if first.group().lower() in MONTHS or first.group().lower() in WEEKDAYS:
        return False
    if at_sentence_start(text, start):
        return False
    if _opens_with_quote(text, start):
        return True
    previous = _previous_word(text, start)
    return bool(previous) and previous[0].isupper() and not _line_is_title_case(text, start)
