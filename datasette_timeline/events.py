"""Event assembly: from an article's text and publication date to dated events.

``extract_events`` is a pure function (no I/O, no database), so it can run in worker
processes or on a distributed engine and its results be written by one writer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .actors import Entity, find_entities
from .sentences import sentence_spans
from .timex import Timex, tag

ACTOR_KINDS = ("person", "country", "organization")
# TIMEX3 values that place nothing on a timeline.
VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})


@dataclass(frozen=True)
class ActorRef:
    name: str
    kind: str
    code: str | None = None


@dataclass
class Event:
    date: str  # TIMEX3 value
    precision: str | None
    start: str | None  # inclusive ISO day bounds; None when the date is unresolved
    end: str | None
    expression: str
    char_start: int  # offsets of the expression in the document text
    char_end: int
    text: str
    sentence: str
    actors: list[ActorRef] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    resolved: bool = True
    mod: str | None = None

    @property
    def year(self) -> int | None:
        return int(self.start[:4]) if self.start and self.start[:4].isdigit() else None


def is_event_date(timex: Timex) -> bool:
    """Dates that place something on a timeline: not durations, sets or vague references."""
    if timex.type not in ("DATE", "TIME"):
        return False
    if timex.value in VAGUE_VALUES:
        return False
    return timex.type == "DATE" or timex.range_start is not None


def extract_events(
    text: str,
    published: str | None,
    *,
    skip_spans: Sequence[tuple[int, int]] = (),
    anchoring: str = "auto",
    ner: str = "rules",
    spacy_model: str | None = None,
) -> list[Event]:
    """Return the events of one article, in text order."""
    timexes = [
        timex
        for timex in tag(text, published, anchoring=anchoring)
        if is_event_date(timex) and not _inside_any(timex.start, timex.end, skip_spans)
    ]
    if not timexes:
        return []
    entities = find_entities(text, ner=ner, spacy_model=spacy_model)
    sentences = sentence_spans(text)
    events = []
    for timex in timexes:
        sentence_start, sentence_end = _enclosing(sentences, timex.start, timex.end)
        sentence = text[sentence_start:sentence_end]
        inside = [e for e in entities if sentence_start <= e.start and e.end <= sentence_end]
        events.append(
            Event(
                date=timex.value,
                precision=timex.precision,
                start=timex.range_start,
                end=timex.range_end,
                expression=timex.text,
                char_start=timex.start,
                char_end=timex.end,
                text=sentence,
                sentence=sentence,
                actors=_unique_actors(inside),
                places=_unique(e.name for e in inside if e.kind == "place"),
                resolved=timex.anchored,
                mod=timex.mod,
            )
        )
    return events


def _inside_any(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(span_start <= start and end <= span_end for span_start, span_end in spans)


def _enclosing(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    for span_start, span_end in spans:
        if span_start <= start and end <= span_end:
            return span_start, span_end
    # An expression across a sentence boundary: take the sentences it touches.
    touched = [span for span in spans if span[0] < end and start < span[1]] or [(start, end)]
    return touched[0][0], touched[-1][1]


def _unique_actors(entities: list[Entity]) -> list[ActorRef]:
    seen: dict[str, ActorRef] = {}
    for entity in entities:
        if entity.kind in ACTOR_KINDS and entity.name not in seen:
            seen[entity.name] = ActorRef(entity.name, entity.kind, entity.code)
    return list(seen.values())


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))
