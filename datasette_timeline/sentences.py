"""Sentence splitting shared by the tagger's context rules, actors and event assembly."""

from __future__ import annotations

import re

# Abbreviations that end with a full stop but rarely end a sentence in news text.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen col lt sgt capt maj sen rep gov pres st jr sr inc corp co ltd
    jan feb mar apr jun jul aug sep sept oct nov dec no vs etc u.s u.k u.n e.g i.e a.m
    p.m mt ft rev hon adm cmdr cpl pvt supt insp det""".split()
)

# The word before a full stop. Searched in a short window and only from the start of a run
# of word characters, so a long run of dots or letters costs one pass.
_WORD_BEFORE_STOP = re.compile(r"(?<![\w.])([\w.]+)\.$")
# Longer than any abbreviation: a longer word is no abbreviation, wherever the window cuts it.
_WORD_WINDOW = 32
# The leading lookahead names the characters every boundary starts with, so that the
# regex engine skips to them instead of trying each alternative at every character.
_BOUNDARY = re.compile(
    r"(?=[.!?…\n])(?:(?<![.!?…])[.!?…]+[\"'”’)\]]*(?=\s+|$)|\n\s*\n|\n(?=\s*[-*•]\s)|\n)"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences of ``text``, whitespace trimmed.

    Line breaks always end a sentence: news files put headlines, bylines and
    paragraphs on lines of their own.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        if "\n" not in match.group():
            following = text[end : end + 40].lstrip()
            # "… occupiers (Armenia) are": a lower-case word continues the sentence.
            if following[:1].islower():
                continue
            window = max(start, match.start() + 1 - _WORD_WINDOW)
            word = _WORD_BEFORE_STOP.search(text[window : match.start() + 1])
            if (
                word
                and match.group().startswith(".")
                and (
                    word.group(1).lower() in _ABBREVIATIONS
                    or (len(word.group(1)) == 1 and word.group(1).isalpha())
                )
            ):
                continue
        _append_trimmed(text, start, end, spans)
        start = end
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
