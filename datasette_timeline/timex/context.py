"""What the normalisers know about the document while reading it left to right."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .pack import AnalysedSentence
from .reading import Direction, Reading

if TYPE_CHECKING:
    from .pack import LanguagePack

# How far before the creation date a story must lie for its passage to be told in its own
# time rather than the reader's: "In 1999 ... on 17 August" is 1999, "in March ... on 5 April"
# of last year's news is not.
_STORY_DISTANCE_DAYS = 400


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
    reference_start: int = -1
    reference_end: int = -1  # where the last date mentioned ends in the text
    # The last date mentioned to the day (or a time of it), which a later coarser date
    # ("in March", "since 1983") does not replace: "the day", "that day" and a weekday
    # told of it still mean that day.
    day_reference: Reference | None = None
    day_reference_end: int = -1
    # Whether the reference time is chosen passage by passage ("auto" anchoring) rather
    # than fixed for the whole text.
    per_passage: bool = False
    # The expression being resolved.
    span: tuple[int, int] = (0, 0)
    # Month-days already resolved in this text: "The 12 April game" later in a story keeps
    # the year its first mention had.
    named_days: dict[tuple[int, int], int] = field(default_factory=dict)
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
    # The language's words and grammar (None: a reader of no language, which reads no
    # tense; the resolver's tests use it).
    pack: LanguagePack | None = None
    # The sentences of the text (start, end), in order: the one splitter's
    # (``datasette_timeline.sentences``); the whole text when none are given.
    sentences: list[tuple[int, int]] = field(default_factory=list)
    _sentence_starts: list[int] = field(default_factory=list, init=False, repr=False)
    # The paragraph of each sentence: a blank line between two sentences starts one.
    _paragraphs: list[int] = field(default_factory=list, init=False, repr=False)
    # Each sentence's analysis by the pack (by index), made when first asked for; shared,
    # like ``tenses``, by the contexts of one text.
    analyses: dict[int, AnalysedSentence] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = [(0, len(self.text))]
        self._sentence_starts = [start for start, _ in self.sentences]
        paragraph, previous_end = 0, 0
        for start, end in self.sentences:
            if self.text.count("\n", previous_end, start) > 1:
                paragraph += 1
            self._paragraphs.append(paragraph)
            previous_end = end

    def sentence_index(self, position: int) -> int:
        """The index of the sentence that ``position`` lies in (or, between two sentences,
        of the one before)."""
        return max(0, bisect_right(self._sentence_starts, position) - 1)

    def sentence_around(self, position: int) -> tuple[int, int]:
        """The (start, end) of the sentence ``position`` lies in."""
        return self.sentences[self.sentence_index(position)]

    def sentence_text(self, start: int, end: int) -> str:
        """The text of the sentence(s) ``text[start:end]`` lies in."""
        return self.text[self.sentence_around(start)[0] : self.sentence_around(end - 1)[1]]

    def reading(self, start: int, end: int) -> Reading:
        """The tense and modality of the clause around ``text[start:end]``, read once."""
        if (start, end) not in self.tenses:
            self.tenses[start, end] = self.analysis(start).reading(start, end)
        return self.tenses[start, end]

    def analysis(self, position: int) -> AnalysedSentence:
        """The pack's analysis of the sentence ``position`` lies in, made once."""
        index = self.sentence_index(position)
        if index not in self.analyses:
            if self.pack is None:
                self.analyses[index] = AnalysedSentence()
            else:
                start, end = self.sentences[index]
                self.analyses[index] = self.pack.analyse_sentence(self.text, start, end)
        return self.analyses[index]

    def tense(self, start: int, end: int) -> Direction:
        """Which side of the reference time the clause around ``text[start:end]`` is on."""
        return self.reading(start, end).direction

    def reference_in_sentence(self, position: int) -> Reference | None:
        """The last date mentioned, if it lies in the sentence that reaches ``position``."""
        if self.reference is None or self.reference_end < 0:
            return None
        if self.sentence_index(self.reference_end - 1) != self.sentence_index(position):
            return None
        return self.reference

    def recent_quarter(self, position: int, reach: int = 1500) -> Reference | None:
        if self.quarter is not None and 0 <= position - self.quarter_end <= reach:
            return self.quarter
        return None

    def deictic_anchor(self) -> date | None:
        """Where "today", "last week" or "Tuesday" point from: the creation date in news,
        the date in discussion in a story; with per-passage anchoring a clause about the
        present or the future of a story-like text still counts from the creation date."""
        if (self.mode == "news" and self.dct is not None) or not self.deixis_from_text:
            return self.dct
        if self.leaves_the_story(*self.span):
            return self.dct
        return self.reference.day if self.reference else self.dct

    def about_the_present(self, start: int, end: int) -> bool:
        """Whether the clause around ``text[start:end]`` speaks of the present or future."""
        reading = self.reading(start, end)
        return reading.direction == "future" or reading.tense in {"present", "future"}

    def leaves_the_story(self, start: int, end: int) -> bool:
        """Whether, with per-passage anchoring, a clause of a story-like text with a
        creation date speaks of today: of the present or future, or up to a limit
        counted from today ("as of February")."""
        if not self.per_passage or self.dct is None:
            return False
        return self._limit_before(start) or self.about_the_present(start, end)

    def story_passage(self, start: int, end: int) -> Reference | None:
        """The date a passage of news is told in, when it is a story of a time well before
        the creation date (a background paragraph): the date in discussion, named in this
        sentence or the one before in its paragraph, not as a starting point or a limit
        ("since 2009"), and the clause not about the present or the future. None
        otherwise."""
        if not self.per_passage or self.dct is None or self.reference is None:
            return None
        if (self.dct - self.reference.day).days < _STORY_DISTANCE_DAYS:
            return None
        here, there = self.sentence_index(start), self.sentence_index(self.reference_end - 1)
        if here - there > 1 or self._paragraphs[here] != self._paragraphs[there]:
            return None
        before = self.text[max(0, self.reference_start - 12) : self.reference_start]
        limit = self.pack is not None and self.pack.limit_before.search(before) is not None
        if limit and not self._sets_what_follows():
            return None
        if self.leaves_the_story(start, end):
            return None  # "as of February", "through Sept. 29", "will play on 9 October"
        return self.reference

    def _limit_before(self, start: int) -> bool:
        """Whether words right before ``start`` make the date there a starting point or
        a limit ("since 2009", "as of February"), not the time a story is told in."""
        if self.pack is None:
            return False
        return self.pack.limit_before.search(self.text, max(0, start - 12), start) is not None

    def _sets_what_follows(self) -> bool:
        """Whether the clause after the date in discussion is set in it ("... since 1966,
        when they beat West Germany")."""
        if self.pack is None:
            return False
        return self.pack.setting_after.match(self.text, self.reference_end) is not None

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
    # What the pattern said before the resolver anchored it ("UNDEF-tense-weekday-2").
    underspecified: str | None = None
