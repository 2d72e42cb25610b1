"""Dates counted from another event: "three days after the vote", "nine days after her
husband died", "two weeks before the election". The tagger keeps the duration (as TimeML
does) and adds the offset and the anchor phrase, so event assembly can date them once
the anchor event is dated in the same article."""

from __future__ import annotations

import re

from .grammar import MONTH, WEEKDAY

# The anchor phrase: up to eight words after "after"/"before", to the end of the clause.
_ANCHOR = re.compile(
    r"[ \t]+(?P<relation>after|before)[ \t]+(?P<phrase>(?:(?!(?:and|but|while|when|which|"
    r"who|as|because)\b)[\w'’-]+[ \t]*){1,8})",
    re.IGNORECASE,
)
_DATE_START = re.compile(
    rf"\d|(?:the\s+)?(?:next|last|this|that)\b|{MONTH}|{WEEKDAY}|noon|midnight|today|"
    r"yesterday|tomorrow",
    re.IGNORECASE,
)


def event_anchor(text: str, end: int) -> tuple[int, int, int] | None:
    """For a duration ending at ``end``: +1 (after) or -1 (before) and the offsets of the
    anchor phrase that follows, or None when no event is named there."""
    found = _ANCHOR.match(text, end)
    if found is None:
        return None
    phrase_start, phrase_end = found.start("phrase"), found.end("phrase")
    while phrase_end > phrase_start and text[phrase_end - 1].isspace():
        phrase_end -= 1
    if _DATE_START.match(text, phrase_start):
        return None  # "three days after March 5": a date, which the tagger reads itself
    sign = 1 if found["relation"].lower() == "after" else -1
    return sign, phrase_start, phrase_end
