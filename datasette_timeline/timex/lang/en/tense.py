"""The English reading of the time of the clause around an expression."""

from __future__ import annotations

from ....sentences import sentence_spans
from ...pack import AnalysedSentence
from ...reading import NO_READING, Reading
from .clause import Sentence, read_clause
from .cues import phrase_points_ahead, tense_at


def read_tense(text: str, start: int, end: int, sentence: tuple[int, int] | None = None) -> Reading:
    """The governing verb's tense and modality; a phrase right before the expression ("as
    soon as", "until", "postponed ... to") first, cue words when no verb says it.
    ``sentence`` is the (start, end) of the expression's sentence (found when not given)."""
    if sentence is None:
        sentence = next(((s, e) for s, e in sentence_spans(text) if s <= start < e), (0, len(text)))
    return _read(Sentence(text, *sentence), start, end)


def _read(words: Sentence, start: int, end: int) -> Reading:
    text, sentence = words.text, (words.start, words.end)
    if phrase_points_ahead(text, start, sentence[0]):
        return Reading("future", "cue")
    reading = read_clause(words, start, end)
    if reading is not None:
        return reading
    cue = tense_at(text, start, end, sentence)
    return Reading(cue, "cue") if cue is not None else NO_READING


class _Clauses(AnalysedSentence):
    """The clauses of a sentence: its words are read on the first expression asked for,
    and its verb groups kept for the others."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.span = text, (start, end)
        self.words: Sentence | None = None

    def reading(self, start: int, end: int) -> Reading:
        if self.words is None:
            self.words = Sentence(self.text, *self.span)
        return _read(self.words, start, end)


def analyse_sentence(text: str, start: int, end: int) -> AnalysedSentence:
    return _Clauses(text, start, end)
