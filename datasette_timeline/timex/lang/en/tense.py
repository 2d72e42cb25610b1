"""The English reading of the time of the clause around an expression."""

from __future__ import annotations

from ...pack import AnalysedSentence
from ...reading import NO_READING, Reading
from .clause import read_clause
from .cues import phrase_points_ahead, tense_at


def read_tense(text: str, start: int, end: int) -> Reading:
    """The governing verb's tense and modality; a phrase right before the expression ("as
    soon as", "until", "postponed ... to") first, cue words when no verb says it."""
    if phrase_points_ahead(text, start):
        return Reading("future", "cue")
    reading = read_clause(text, start, end)
    if reading is not None:
        return reading
    cue = tense_at(text, start, end)
    return Reading(cue, "cue") if cue is not None else NO_READING


class _Clauses(AnalysedSentence):
    """The clauses of a sentence, read expression by expression."""

    def __init__(self, text: str) -> None:
        self.text = text

    def reading(self, start: int, end: int) -> Reading:
        return read_tense(self.text, start, end)


def analyse_sentence(text: str, start: int, end: int) -> AnalysedSentence:
    return _Clauses(text)
