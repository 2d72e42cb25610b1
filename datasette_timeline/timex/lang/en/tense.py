"""The English reading of the time of the clause around an expression."""

from __future__ import annotations

from ....sentences import sentence_spans
from ...pack import AnalysedSentence
from ...reading import NO_READING, Reading
from .clause import read_clause
from .cues import phrase_points_ahead, tense_at


def read_tense(text: str, start: int, end: int, sentence: tuple[int, int] | None = None) -> Reading:
    """The governing verb's tense and modality; a phrase right before the expression ("as
    soon as", "until", "postponed ... to") first, cue words when no verb says it.
    ``sentence`` is the (start, end) of the expression's sentence (found when not given)."""
    if sentence is None:
        sentence = next(((s, e) for s, e in sentence_spans(text) if s <= start < e), (0, len(text)))
    if phrase_points_ahead(text, start, sentence[0]):
        return Reading("future", "cue")
    reading = read_clause(text, start, end, sentence)
    if reading is not None:
        return reading
    cue = tense_at(text, start, end, sentence)
    return Reading(cue, "cue") if cue is not None else NO_READING


class _Clauses(AnalysedSentence):
    """The clauses of a sentence, read expression by expression."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.span = text, (start, end)

    def reading(self, start: int, end: int) -> Reading:
        return read_tense(self.text, start, end, self.span)


def analyse_sentence(text: str, start: int, end: int) -> AnalysedSentence:
    return _Clauses(text, start, end)
