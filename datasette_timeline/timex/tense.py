"""A rough reading of the tense around an expression, to choose between the past and
the coming occurrence of a named day or month ("will meet on Tuesday" is future)."""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "future"] | None

_FUTURE_CUES = frozenset(
    [
        "will",
        "'ll",
        "shall",
        "wo",
        "won't",
        "going",
        "plans",
        "plan",
        "planning",
        "expected",
        "expects",
        "scheduled",
        "due",
        "aims",
        "intends",
        "hopes",
        "would",
        "upcoming",
        "next",
        "set",
        "slated",
    ]
)
_PAST_CUES = frozenset(
    [
        "was",
        "were",
        "had",
        "did",
        "said",
        "told",
        "ago",
        "last",
        "been",
        "went",
        "came",
        "made",
        "took",
        "gave",
        "met",
        "began",
        "saw",
        "found",
        "left",
        "sent",
        "held",
        "won",
        "lost",
        "fell",
        "rose",
        "announced",
        "reported",
    ]
)
# Words ending in -ed that are not verbs in the past.
_NOT_PAST = frozenset(
    [
        "need",
        "speed",
        "red",
        "bed",
        "feed",
        "seed",
        "hundred",
        "indeed",
        "shed",
        "weed",
        "breed",
        "united",
    ]
)
_WORD = re.compile(r"[A-Za-z']+")
_SENTENCE_END = re.compile(r"[.!?\n;]\s")


def _is_past(word: str) -> bool:
    return word in _PAST_CUES or (len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST)


def _cue(words: list[str]) -> Tense:
    if any(word in _FUTURE_CUES or word.endswith("'ll") for word in words):
        return "future"
    if any(_is_past(word) for word in words):
        return "past"
    return None


def tense_at(text: str, start: int, end: int) -> Tense:
    """ "past", "future" or None from the words of the clause around ``text[start:end]``."""
    window_start = max(0, start - 80)
    before = text[window_start:start]
    last_break = None
    for last_break in _SENTENCE_END.finditer(before):
        pass
    if last_break is not None:
        before = before[last_break.end() :]
    before_words = [word.lower() for word in _WORD.findall(before)][-8:]
    after = text[end : end + 50]
    stop = _SENTENCE_END.search(after)
    if stop:
        after = after[: stop.start()]
    after_words = [word.lower() for word in _WORD.findall(after)][:5]
    return _cue(before_words) or _cue(after_words)
