"""What the normalisers know about the document while reading it left to right."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .reading import Reading
from .tense import Tense, read_tense

_SENTENCE_BREAK = re.compile(r"[.!?]\s|\n")


@dataclass
class Reference:
    """The last date mentioned: a day inside it and its granularity."""

    day: date
    granularity: str


@dataclass
class Context:
    text: str
    dct: date | None
    mode: str  # "news" or "narrative"
    reference: Reference | None = None
    reference_end: int = -1  # where the last date mentioned ends in the text
    # Whether "last month" or "Tuesday" may count from a date of the text (chosen
    # narrative) or only from the creation time (no creation time: they stay unresolved).
    deixis_from_text: bool = True
    # The last quarter mentioned and where: "a year earlier" in a quarterly report means
    # that quarter a year before.
    quarter: Reference | None = None
    quarter_end: int = -1
    # The last quarter named, which may be an earlier one looked back on.
    named_quarter: Reference | None = None
    # The reading of the clause around each span, shared by the contexts of one text: the
    # tagger asks for it when checking a candidate and again when resolving it.
    tenses: dict[tuple[int, int], Reading] = field(default_factory=dict)

    def reading(self, start: int, end: int) -> Reading:
        """The tense and modality of the clause around ``text[start:end]``, read once."""
        if (start, end) not in self.tenses:
            self.tenses[start, end] = read_tense(self.text, start, end)
        return self.tenses[start, end]

    def tense(self, start: int, end: int) -> Tense:
        """Which side of the reference time the clause around ``text[start:end]`` is on."""
        return self.reading(start, end).direction

    def reference_in_sentence(self, position: int) -> Reference | None:
        """The last date mentioned, if it lies in the sentence that reaches ``position``."""
        if self.reference is None or self.reference_end < 0:
            return None
        between = self.text[self.reference_end : position]
        return None if _SENTENCE_BREAK.search(between) else self.reference

    def recent_quarter(self, position: int, reach: int = 1500) -> Reference | None:
        if self.quarter is not None and 0 <= position - self.quarter_end <= reach:
            return self.quarter
        return None

    def deictic_anchor(self) -> date | None:
        """Where "today", "last week" or "Tuesday" point from."""
        if (self.mode == "news" and self.dct is not None) or not self.deixis_from_text:
            return self.dct
        return self.reference.day if self.reference else self.dct

    def anaphoric_anchor(self) -> Reference | None:
        """Where "the next day" or "two years later" point from."""
        if self.reference is not None:
            return self.reference
        return Reference(self.dct, "day") if self.dct else None


@dataclass
class Resolution:
    type: str
    value: str
    mod: str | None = None
    anchored: bool = True
    # Whether later anaphoric expressions may anchor to this one.
    is_reference: bool = True
