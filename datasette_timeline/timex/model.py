"""The tagger's output record, shared by the CLI, event assembly and TimeML writing."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class Timex:
    """One TIMEX3 temporal expression found in a text.

    ``start``/``end`` are Python string offsets into the text exactly as given.
    ``precision``, ``range_start`` and ``range_end`` (inclusive ISO days) are set for
    DATE and anchored TIME values, so events can be sorted and filtered at any precision.
    ``anchored`` is False for a relative expression that could not be resolved (no
    document date): its ``value`` then keeps unknown parts as ``X`` and must not be
    shown as a real date.

    ``tense`` (past, perfect, present, future) and ``modality`` (will, intention,
    expectation, possibility, conditional, schedule, time-clause, cue) are those of the
    clause that governs a DATE or TIME, and ``verb`` (at ``verb_start``-``verb_end``) its
    verb group ("will be held"), when one was read: event assembly can tell a plan from a
    report with them.

    ``underspecified`` is what the words said before the reference time and the tense
    anchored them, as HeidelTime writes it ("UNDEF-tense-weekday-2": the Tuesday the
    clause's tense points to; "UNDEF-last-month-05": last May).

    A duration counted from another event ("three days after the vote") keeps its TimeML
    value (P3D) and gives ``offset`` ("+P3D", "-P2W") and the anchor phrase
    (``relative_to``, at ``relative_to_start``-``relative_to_end``): the date is the
    anchor event's date moved by the offset, once that event is dated.
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION or SET
    value: str
    mod: str | None = None
    precision: str | None = None
    range_start: str | None = None
    range_end: str | None = None
    anchored: bool = True
    tense: str | None = None
    modality: str | None = None
    verb: str | None = None
    verb_start: int | None = None
    verb_end: int | None = None
    underspecified: str | None = None
    offset: str | None = None
    relative_to: str | None = None
    relative_to_start: int | None = None
    relative_to_end: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The record as written by ``datasette-timeline tag`` (optional keys left out when empty)."""
        data = asdict(self)
        return {key: value for key, value in data.items() if value is not None}
