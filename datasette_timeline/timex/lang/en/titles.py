"""Capitalised time words that name something: a show ("This Week"), a film ("High Noon"),
a campaign (``Spring of Life''). TimeML tags times, not titles that contain time words."""

from __future__ import annotations

import re

from ...context import Context
from .lexicon import MONTHS, WEEKDAYS

_OPENING_QUOTES = "`'\"“‘("
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
# A leading number and the word after it ("60 Minutes"): the word is what may be a name.
_FIRST_WORD = re.compile(r"(?:\d+[ -])?([A-Za-z]+)")


def opens_a_clause(ctx: Context, position: int) -> bool:
    """Whether ``position`` is the first word of its sentence (opening quotes skipped), or
    comes right after a full stop, a colon, a semicolon or a dateline's double dash
    ("GAZA, Nov. 10 (Xinhua) -- Two years after"): where a capital says nothing of a
    name. (A full stop after an abbreviation may end a sentence the splitter goes on with:
    "... and Hewlett-Packard Co. Recently, analysts have said".)"""
    sentence_start = ctx.sentence_around(position)[0]
    text = ctx.text
    index = position
    while index > sentence_start and (
        text[index - 1].isspace() or text[index - 1] in _OPENING_QUOTES
    ):
        index -= 1
    if index <= sentence_start:
        return True
    before = text[max(sentence_start, index - 3) : index].rstrip("'\"”’)")
    return not before or before[-1] in ".!?:;" or before.endswith("--")


_CLOSING_QUOTE = re.compile(r"[^.!?\n]{0,40}?[.,!?]?(?:''|\"|”|’|')(?!\w)")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """An opening quote right before and a closing one a few words after: ``"This Week"``,
    not quoted speech (``"Today Lin Dan is out of order," Chen said``)."""
    number = _NUMBER_BEFORE.search(text, max(0, start - 12), start)
    opening = number.start() if number else start  # ''60 Minutes'': the quote opens the number
    if opening == 0 or text[opening - 1] not in _OPENING_QUOTES:
        return False
    closing = _CLOSING_QUOTE.match(text, end)
    return closing is not None and len(text[end : closing.end()].split()) <= 4


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][\w'’.-]*)")
_NUMBER_BEFORE = re.compile(r"\d+[ -]$")
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w'’.-]*)[ \t]+$")


def _previous_word(ctx: Context, position: int) -> str:
    """The word just before ``position`` (spaces only between), unless it opens a sentence."""
    found = _PREVIOUS_WORD.search(ctx.text, max(0, position - 40), position)
    if found is None or opens_a_clause(ctx, found.start(1)):
        return ""
    return found.group(1)


def _line_is_title_case(text: str, position: int) -> bool:
    """A headline ("Stocks Fall for a Fourth Week") capitalises most of its words."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    words = [word for word in _WORD.findall(text[start : end if end >= 0 else len(text)])]
    long_words = [word for word in words if len(word) > 3]
    return (
        bool(long_words) and sum(word[0].isupper() for word in long_words) * 3 > len(long_words) * 2
    )


def names_a_title(ctx: Context, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a name rather than a time.

    Its first word is one that is written in lower case inside a sentence (not a month or a
    weekday), yet it is capitalised there: inside quotes of its own, or beside another
    capitalised word ("VOA Today", "High Noon", "Winter Olympics"), outside a headline.
    """
    text = ctx.text
    if text[start : start + 4].lower() == "the ":
        start += 4  # "the Winter Olympics": the name begins after the article
    found = _FIRST_WORD.match(text, start, end)
    first = found.group(1) if found else ""
    if not first or not first[0].isupper() or first.isupper():
        return False
    if first.lower() in MONTHS or first.lower() in WEEKDAYS:
        return False
    if opens_a_clause(ctx, start):
        return False
    if _quoted_title(text, start, end):
        return True
    previous = _previous_word(ctx, start)
    next_word = _NEXT_WORD.match(text, end)
    beside_a_name = (bool(previous) and previous[0].isupper()) or (
        next_word is not None and next_word.group(1)[0].isupper()
    )
    return beside_a_name and not _line_is_title_case(text, start)
