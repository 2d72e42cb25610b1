"""What the clause around an expression says about its time, in terms no language owns.

A language pack reads the verb that governs an expression (its tense, aspect and
modality) into a ``Reading``; the resolver only asks for its ``direction``: which side of
the reference time a bare weekday, month or day falls on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Direction = Literal["past", "future"] | None

# Tenses and aspects a pack may report.
TENSES = ("past", "perfect", "present", "future")
# Modalities a pack may report: how the clause looks at its event.
MODALITIES = (
    "will",  # will, shall, 'll, be going to: the event lies ahead
    "intention",  # plans to, agreed to, is to, is due to: an arrangement ahead
    "expectation",  # expect, is expected to, forecast: a prediction
    "possibility",  # may, might, could, can, must, should: a possible event ahead
    "conditional",  # would: ahead of the time of the report
    "schedule",  # a present-tense timetable: "the trial starts Monday"
    "time-clause",  # a present tense after when, once, until...: ahead
    "cue",  # no verb read: a nearby cue word decided
)


@dataclass(frozen=True)
class Reading:
    """The tense and modality of the clause that governs an expression, and its verb.

    ``verb`` is the offsets of the governing verb group in the text ("will be held",
    "agreed"), or None when the direction came from a cue word or from nothing.
    """

    tense: str | None = None
    modality: str | None = None
    verb: tuple[int, int] | None = None

    @property
    def direction(self) -> Direction:
        """Past or future of the reference time, or None when the clause does not say."""
        if self.modality == "cue":
            return "future" if self.tense == "future" else "past" if self.tense else None
        if self.tense in {"past", "perfect"}:
            return "past"
        if self.tense == "future" or self.modality in {"schedule", "time-clause"}:
            return "future"
        return None


NO_READING = Reading()
