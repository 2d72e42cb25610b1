"""The English reading of the time of the clause around an expression."""

from __future__ import annotations

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
