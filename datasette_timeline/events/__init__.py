"""Event assembly: from an article's text and publication date to dated events.

``extract_events`` is a pure function (no I/O, no database), so it can run in worker
processes or on a distributed engine and its results be written by one writer.

Which dates make events (issue 4, part 1): a DATE, or a TIME anchored to a day, in the
body. Not: header lines (``skip_spans``), durations and sets, vague references
("PAST_REF"), unresolved periods ("the past decade"), and comparison baselines ("the
worst crisis since 1989", "lows not seen since October 1982"), which date a record, not
something that happened.

Event text (part 2): the sentence; when it carries several dated clauses, each event
gets the clause of its own date ("He fought cancer in 2004 | and took six months off in
early 2009"), with the shared subject repeated, and the full sentence is kept beside it.

Event type (part 5): see ``types``.

Dates counted from another event ("three days after the vote") or from the time of
writing ("in two weeks' time"): see ``relative``. They need the article's other
events to find their anchor, so the events are assembled once without them and, when an
article has such dates, once more with them.

Languages: the tagger reads a document with its language's pack (English when it has
none yet). Everything else here reads English words (trigger words, clause cuts, the
lede's verb, dates counted from events, what is not an event, the actor rules), so a
document in another language gets dates only: an event per date, labelled by its
sentence, type "other", and as actors only the names the gazetteer knows as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.util import find_spec

from ..actors import Entity, find_entities
from ..actors.assign import actor_spellings, event_actors, sentence_actors
from ..sentences import sentence_spans
from ..timex import Timex, tag
from ..timex import lang as language_packs
from .filters import not_event_reason
from .grammar import VerbGroup
from .mentions import Mention, merge_mentions, same_happening
from .publication import lede_verb
from .relative import RelativeDate, ahead_dates, has_offset_phrase, relative_dates
from .types import EVENT_TYPES as EVENT_TYPES
from .types import classify_event, trigger_words

ACTOR_KINDS = ("person", "country", "organization")
# The language the event and actor rules are written for; the tagger's default pack.
RULES_LANGUAGE = "en"
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
# TIMEX3 values that place nothing on a timeline.
VAGUE_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The event-type vocabulary and the trigger words of each type (data/event_words.json).
TRIGGERS = trigger_words()

# A word that starts a predicate: a clause beginning with one lacks its subject.
_IRREGULAR_PAST = (
    "took made was were is are has have had said says went gave got began won lost left became "
    "saw met told came sold bought fell rose will would fought hit put set cut led ran held kept "
    "paid sent spent brought thought struck shot drove flew grew knew threw wrote broke chose "
    "spoke stood sat felt found built meant heard laid let read sought taught tore wore can may"
)
_VERBISH = r"(?:[a-z]+ed|" + "|".join(_IRREGULAR_PAST.split()) + r")\b"
# Clause boundaries, strongest first. The date's clause is cut at these. A run of spaces is
# entered only at its first character ((?<!\s)), so a long run costs one pass, not one per space.
_CUTS = (
    re.compile(r";\s+"),
    re.compile(r"(?<!\s)\s+[-–—]{1,2}\s+"),
    re.compile(r",\s+(?:and|but|while|although|though|whereas|yet)\s+"),
    re.compile(r"(?:,|(?<!\s))\s+(?:after|before|when|because|although)\s+"),
    # "fought cancer in 2004 and took six months off": "and" before a verb.
    re.compile(r"(?<!\s)\s+and\s+(?=" + _VERBISH + ")"),
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_SUBORDINATING = 3
_COORDINATING = frozenset({2, 4})  # cuts between predicates that share the subject
_LEADING_CONNECTOR = re.compile(
    r"^(?:and|but|while|although|though|whereas|yet|after|before|when|because|however)\b,?\s*",
    re.IGNORECASE,
)
_SUBJECT = re.compile(
    r"^(?:(?:In|On|At|By|Since|During|Earlier|Later|Meanwhile)\b[^,]{0,60},\s+)?"
    r"(?P<subject>(?i:he|she|they|it|we|i)|(?:The\s+)?(?:[A-Z][\w.&'’-]*)(?:\s+[A-Z][\w.&'’-]*){0,4})"
    r"\s+[a-z]"
)
_STARTS_WITH_VERB = re.compile(_VERBISH)
_EMBEDDED_END = re.compile(r",\s+" + _VERBISH)
_HAS_VERB = re.compile(r"\b" + _VERBISH + r"|\b[a-z]+s\b")
_SUBJECT_START = re.compile(r"(?:he|she|they|it|we|i|the|a|an|this|that|its|their|his|her)\b")
_ADVERBIAL_THEN_VERB = re.compile(
    r"^(?:In|On|At|By|During|Since|From|Until|Of|For|With)\b(?:[^,]*?\d[^,]*?,?\s+|\s+)"
    + _VERBISH
    + r"|^(?:Of|For|With|To|From)\s+[a-z]"
)
_NOT_SUBJECTS = _words(
    "Since When After Before While Although Though If As Because Once Until Unless"
)
# "the worst crisis since 1989", "lows not seen since October 1982": a record's baseline.
_BASELINE = re.compile(
    r"\b(?:lowest|highest|worst|best|biggest|largest|smallest|strongest|weakest|first|"
    r"deepest|sharpest|steepest|most|least|not\s+seen|unseen|never|record)\b"
    r"[^.;:]{0,60}?\bsince\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_COMPARISON = re.compile(r"\s+than\b")
# "the past decade", "the last few years": a stretch of time, not a point.
_PERIOD = re.compile(
    r"^(?:the\s+)?(?:past|last|next|coming|previous|recent)\s+(?:few\s+|several\s+|\w+\s+)?"
    r"(?:decades?|years|months|weeks|days|centur(?:y|ies))\b"
    r"|^(?:the\s+|an?\s+)?(?:entire|whole|full)\s+(?:year|month|week|day|quarter)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ActorRef:
    name: str
    kind: str
    code: str | None = None
    # How the article writes it ("President Obama", "Obama"): kept as the actor's aliases.
    aliases: tuple[str, ...] = ()


@dataclass
class Event:
    date: str  # TIMEX3 value
    precision: str | None
    start: str | None  # inclusive ISO day bounds; None when the date is unresolved
    end: str | None
    # The temporal expression as written; None for an event dated by the publication,
    # whose offsets are then those of its verb group ("has died").
    expression: str | None
    char_start: int  # offsets of the expression in the document text
    char_end: int
    text: str  # the clause of the date, readable on its own
    sentence: str  # the whole sentence
    actors: list[ActorRef] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    resolved: bool = True
    mod: str | None = None
    event_type: str = "other"
    trigger: str | None = None
    sentence_start: int = 0  # offsets of the sentence in the document text
    sentence_end: int = 0
    # Other mentions of the same event in this document (the lede and the body).
    mentions: list[Mention] = field(default_factory=list)
    # None: dated by its own expression; "publication": an undated headline event placed
    # on the publication day.
    dated_by: str | None = None

    @property
    def mention_count(self) -> int:
        return 1 + len(self.mentions)

    @property
    def year(self) -> int | None:
        # ISO 8601 years may carry a sign: 44 BC starts on -0043-01-01.
        head = self.start.split("-", 2)[1] if self.start and self.start.startswith("-") else None
        if head is not None:
            return -int(head) if head.isdigit() else None
        return int(self.start[:4]) if self.start and self.start[:4].isdigit() else None


def is_event_date(timex: Timex) -> bool:
    """Dates that place something on a timeline: not durations, sets or vague references."""
    if timex.type not in ("DATE", "TIME"):
        return False
    if timex.value in VAGUE_VALUES or _PERIOD.match(timex.text):
        return False
    return timex.type == "DATE" or timex.range_start is not None


def is_baseline(text: str, sentence_start: int, timex: Timex) -> bool:
    """True for the date a record is measured from ("worst since 1989"), and for a
    comparison with a plan ("three days later than originally planned")."""
    before = text[max(sentence_start, timex.start - 90) : timex.start]
    if timex.text.lower().startswith("since "):
        before += "since "
    if _COMPARISON.match(text, timex.end) and re.search(r"(?:later|earlier)$", timex.text):
        return True
    return bool(_BASELINE.search(before))


def tagger_language(language: str | None) -> str:
    """The pack the tagger reads ``language`` with: its own, when ``timex/lang/`` has a
    folder for it, else English (the pack the tagger always has)."""
    if not language or not _LANGUAGE_CODE.fullmatch(language):
        return RULES_LANGUAGE
    return language if _has_pack(language) else RULES_LANGUAGE


@lru_cache(maxsize=64)
def _has_pack(language: str) -> bool:
    return find_spec(f"{language_packs.__name__}.{language}") is not None


def extract_events(
    text: str,
    published: str | None,
    *,
    skip_spans: Sequence[tuple[int, int]] = (),
    anchoring: str = "auto",
    ner: str = "rules",
    spacy_model: str | None = None,
    language: str = RULES_LANGUAGE,
) -> list[Event]:
    """Return the events of one article, in text order. ``language`` (ISO 639 code) is
    the document's; for any but English the events are dates only (see above)."""
    sentences = sentence_spans(text)
    pack = tagger_language(language)
    # Only another language's pack is named: English is what every tagger reads by default.
    tagged = tag(
        text, published, anchoring=anchoring, **({"language": pack} if pack != "en" else {})
    )
    english = language == RULES_LANGUAGE

    def is_event(timex: Timex) -> bool:
        sentence = _enclosing(sentences, timex.start, timex.end)
        return (
            is_event_date(timex)
            and not _inside_any(timex.start, timex.end, skip_spans)
            and not (english and is_baseline(text, sentence[0], timex))
            and not_event_reason(text, sentence, timex, english=english) is None
        )

    ahead = ahead_dates(text, tagged, published) if english else []
    timexes = [t for t in [*tagged, *ahead] if is_event(t)]
    timexes.sort(key=lambda t: t.start)
    lede = lede_verb(text, sentences, skip_spans, timexes) if published and english else None
    if not timexes and lede is None and not (english and has_offset_phrase(text)):
        return []
    entities = find_entities(
        text, ner=ner, spacy_model=spacy_model, sentences=sentences, language=language
    )
    events = _assemble(text, published, sentences, timexes, {}, lede, entities, english)
    if not english:
        return events
    # Dates counted from the events just found ("three days after the vote"): a second
    # assembly with them, so that mentions merge and clauses split over all the dates.
    relative = {
        r.timex.start: r
        for r in relative_dates(text, sentences, tagged, events, published)
        if is_event(r.timex)
    }
    if not relative:
        return events
    timexes = sorted([*timexes, *(r.timex for r in relative.values())], key=lambda t: t.start)
    clause_dates = [
        t for t in timexes if not (t.start in relative and relative[t.start].dates_anchor)
    ]
    lede = lede_verb(text, sentences, skip_spans, clause_dates) if published else None
    return _assemble(text, published, sentences, timexes, relative, lede, entities, english)


def _assemble(
    text: str,
    published: str | None,
    sentences: list[tuple[int, int]],
    timexes: list[Timex],
    relative: dict[int, RelativeDate],
    lede: tuple[tuple[int, int], VerbGroup] | None,
    entities: list[Entity],
    english: bool = True,
) -> list[Event]:
    """The events of these dates (and of the lede, dated by the publication), their
    repeated mentions merged. A date counted from an anchor that dates the anchor's
    happening (``relative``) is classified at the anchor and labelled by its sentence.
    Without ``english`` rules, each date's clause is its sentence and its type "other"."""
    spellings = actor_spellings(entities)
    by_sentence: dict[tuple[int, int], list[Timex]] = {}
    for timex in timexes:
        by_sentence.setdefault(_enclosing(sentences, timex.start, timex.end), []).append(timex)
    events = []
    for (sentence_start, sentence_end), dated in by_sentence.items():
        sentence = text[sentence_start:sentence_end]
        inside = [e for e in entities if sentence_start <= e.start and e.end <= sentence_end]
        places = [e.name for e in inside if e.kind == "place"]
        places += _referent_places(entities, inside, sentences)
        offsets = [(t.start - sentence_start, t.end - sentence_start) for t in dated]
        clauses = [
            (sentence_start + clause[0], sentence_start + clause[1])
            for clause in (
                clause_span(sentence, offset, offsets) if english else (0, len(sentence))
                for offset in offsets
            )
        ]
        inside_sentence = [e for e in entities if sentence_start <= e.start < sentence_end]
        actors_of_dates = sentence_actors(
            text, inside_sentence, clauses, [(t.start, t.end) for t in dated]
        )
        for timex, (start, end), actors in zip(dated, offsets, actors_of_dates, strict=True):
            counted = relative.get(timex.start)
            if not english:
                event_type, trigger = "other", None
                label = sentence
            elif counted is not None and counted.dates_anchor:
                point = counted.happening - sentence_start
                event_type, trigger = classify_event(sentence, point, point)
                label = sentence
            else:
                event_type, trigger = classify_event(sentence, start, end)
                label = clause_text(sentence, (start, end), offsets)
            events.append(
                Event(
                    date=timex.value,
                    precision=timex.precision,
                    start=timex.range_start,
                    end=timex.range_end,
                    expression=timex.text,
                    char_start=timex.start,
                    char_end=timex.end,
                    text=label,
                    sentence=sentence,
                    actors=_actor_refs(actors, spellings),
                    places=_unique(places),
                    resolved=timex.anchored,
                    mod=timex.mod,
                    event_type=event_type,
                    trigger=trigger,
                    sentence_start=sentence_start,
                    sentence_end=sentence_end,
                )
            )
    merged = merge_mentions(events)
    if lede is not None and published:
        return _with_publication_event(merged, text, published[:10], lede, entities)
    return merged


def _with_publication_event(
    events: list[Event],
    text: str,
    day: str,
    lede: tuple[tuple[int, int], VerbGroup],
    entities: list[Entity],
) -> list[Event]:
    """The lede's event on the publication day (see ``publication``), or, when a
    dated event of the article tells the same happening, a mention of that event."""
    (sentence_start, sentence_end), verb = lede
    sentence = text[sentence_start:sentence_end]
    event_type, trigger = classify_event(sentence, verb.head.end, verb.head.end)
    # The row points at what it dates: the verb group ("has died"), not at an expression.
    verb_start = sentence_start + verb.words[0].start
    verb_end = sentence_start + verb.head.end
    inside = [e for e in entities if sentence_start <= e.start and e.end <= sentence_end]
    # the lede's verb stands for the date when choosing the actors of its clause
    verb_span = (sentence_start + verb.head.start, verb_end)
    actors = event_actors(text, entities, (sentence_start, sentence_end), verb_span, [verb_span])
    event = Event(
        date=day,
        precision="day",
        start=day,
        end=day,
        expression=None,
        char_start=verb_start,
        char_end=verb_end,
        text=sentence,
        sentence=sentence,
        actors=_actor_refs(actors, actor_spellings(entities)),
        places=_unique([e.name for e in inside if e.kind == "place"]),
        event_type=event_type,
        trigger=trigger,
        sentence_start=sentence_start,
        sentence_end=sentence_end,
        dated_by="publication",
    )
    for dated in events:
        if same_happening(event, dated):
            dated.mentions.append(
                Mention(verb_start, verb_end, None, sentence, sentence_start, sentence_end)
            )
            return events
    return sorted([*events, event], key=lambda e: e.char_start)


# --- clauses ---------------------------------------------------------------------------


def _cut_points(sentence: str, low: int, high: int) -> tuple[int, re.Match[str]] | None:
    """The strongest clause boundary between offsets ``low`` and ``high``.

    A subordinate clause ("after ...") that the main clause resumes after ("Protests over
    the bill, introduced Friday, after the vote, continued Sunday") is not a boundary.
    """
    for strength, pattern in enumerate(_CUTS):
        for match in pattern.finditer(sentence, low, high):
            if strength == _SUBORDINATING and _EMBEDDED_END.search(sentence, match.end()):
                continue
            return strength, match
    return None


def clause_span(
    sentence: str, date: tuple[int, int], dates: Sequence[tuple[int, int]]
) -> tuple[int, int, int | None]:
    """Bounds of the clause holding ``date`` among the sentence's ``dates`` (in text order).

    The third value is the strength of the cut before the clause (None at the start).
    Only a boundary between two dates splits: a sentence with one date is one clause.
    """
    ordered = dates
    position = bisect_left(ordered, date)
    start, end, strength_before = 0, len(sentence), None
    if position > 0:
        cut = _cut_points(sentence, ordered[position - 1][1], date[0])
        if cut is not None:
            strength_before, match = cut
            start = match.start()
    if position + 1 < len(ordered):
        cut = _cut_points(sentence, date[1], ordered[position + 1][0])
        if cut is not None:
            end = cut[1].start()
    return start, end, strength_before


def clause_text(sentence: str, date: tuple[int, int], dates: Sequence[tuple[int, int]]) -> str:
    """The date's clause, tidied so it reads on its own; the sentence when it cannot."""
    if len(dates) < 2:
        return sentence
    start, end, strength = clause_span(sentence, date, dates)
    if (start, end) == (0, len(sentence)):
        return sentence
    clause = sentence[start:end].strip(" ,;-–—")
    clause = _LEADING_CONNECTOR.sub("", clause)
    if strength in _COORDINATING and _STARTS_WITH_VERB.match(clause):
        subject = _SUBJECT.match(sentence)
        if subject and subject.group("subject").split()[0] not in _NOT_SUBJECTS:
            clause = f"{subject.group('subject')} {clause}"
    balanced = _balance_quotes(clause)
    if balanced is None or not _reads_alone(balanced):
        return sentence
    clause = balanced[0].upper() + balanced[1:]
    if clause[-1] not in ".!?\"'”)":
        clause += "."
    return clause


def _reads_alone(clause: str) -> bool:
    """A clause with a subject and a verb, not a fragment like "pledged to march by June",
    "In 1982 repaid ..." or "Of anxiety over ...": otherwise the sentence is shown."""
    if len(clause.split()) < 3 or not _HAS_VERB.search(clause):
        return False
    if clause[0].islower() and not _SUBJECT_START.match(clause):
        return False
    return not _ADVERBIAL_THEN_VERB.match(clause)


def _balance_quotes(clause: str) -> str | None:
    for quote in ('"', "“”"):
        opening, closing = quote[0], quote[-1]
        count = clause.count(opening) + (clause.count(closing) if closing != opening else 0)
        if count % 2:
            clause = clause.strip(opening + closing + " ")
            count = clause.count(opening) + (clause.count(closing) if closing != opening else 0)
            if count % 2:
                return None
    if clause.count("(") != clause.count(")"):
        return None
    return clause


# --- helpers ---------------------------------------------------------------------------


def _inside_any(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(span_start <= start and end <= span_end for span_start, span_end in spans)


def _enclosing(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    for span_start, span_end in spans:
        if span_start <= start and end <= span_end:
            return span_start, span_end
    # An expression across a sentence boundary: take the sentences it touches.
    touched = [span for span in spans if span[0] < end and start < span[1]] or [(start, end)]
    return touched[0][0], touched[-1][1]


def _referent_places(
    entities: list[Entity], inside: list[Entity], sentences: list[tuple[int, int]]
) -> list[str]:
    """Places of the sentence that named the person a subject pronoun stands for.

    "Khamenei's representative in Baku ... backed Azerbaijan. 'Karabakh belongs to
    Azerbaijan,' he said last month": the statement is placed in Baku too.
    """
    places: list[str] = []
    for pronoun in (e for e in inside if e.via == "pronoun"):
        named = [
            e
            for e in entities
            if e.name == pronoun.name and e.via != "pronoun" and e.end <= pronoun.start
        ]
        if not named:
            continue
        start, end = _enclosing(sentences, named[-1].start, named[-1].end)
        places += [
            e.name for e in entities if e.kind == "place" and start <= e.start and e.end <= end
        ]
    return places


def _actor_refs(actors: list[Entity], spellings: dict[str, tuple[str, ...]]) -> list[ActorRef]:
    return [ActorRef(e.name, e.kind, e.code, spellings.get(e.name, ())) for e in actors]


def _unique(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(names))


# --- one event, several mentions ------------------------------------------------------

# Merge only what a reader would call the same event (issue 4, part 6): dates compatible
# at their precision, the same type, shared actors, similar sentences.
MERGE_MAX_DAYS = 31  # the coarser date of a pair may span at most a month
MERGE_MIN_ACTOR_OVERLAP = 0.5  # shared actors / actors of the event that names fewer
MERGE_MIN_TEXT_SIMILARITY = 0.3  # Jaccard of the sentences' content words
_STOPWORDS = _words(
    "that this with from have has had were was will would been their there which what when "
    "where into about after before over also than they them then some such other more most "
    "said says could should while being these those only very just its it's his her our "
    "your does did done here upon under against between because today yesterday tomorrow "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december week month year last next"
)


@dataclass(frozen=True)
class MergeKey:
    """What the merge decision looks at, for a stored event or a new one."""

    start: str | None
    end: str | None
    date: str
    event_type: str
    actors: frozenset[str]
    sentence: str


@lru_cache(maxsize=4096)
def content_words(text: str) -> frozenset[str]:
    """Lower-case words of 4+ letters that are not stopwords (cached: the writer compares
    each stored sentence with many new ones)."""
    words = re.findall(r"[a-z][a-z'-]{3,}", text.lower())
    return frozenset(word for word in words if word not in _STOPWORDS)


def dates_compatible(a: MergeKey, b: MergeKey) -> bool:
    """One date lies within the other, and the coarser is no longer than a month.

    Two different clock times never match.

    "2009-06-01T12:00Z" and "2009-06-01" are compatible; "2009-06-01" and "2009" are not
    (a year says too little to identify an event), unless both say the same year.
    """
    if a.date == b.date:
        return True
    if not (a.start and a.end and b.start and b.end):
        return False
    if "T" in a.date and "T" in b.date:
        return False  # two different clock times are two moments
    if a.start <= b.start and b.end <= a.end:
        outer = a
    elif b.start <= a.start and a.end <= b.end:
        outer = b
    else:
        return False
    from datetime import date

    try:
        span = date.fromisoformat(outer.end or "") - date.fromisoformat(outer.start or "")
    except ValueError:
        return False  # bounds that are no calendar days (a database from elsewhere)
    return span.days < MERGE_MAX_DAYS


def merge_score(a: MergeKey, b: MergeKey) -> float | None:
    """How alike two events are (text similarity), or None when they must not merge."""
    if a.event_type != b.event_type or not dates_compatible(a, b):
        return None
    if a.actors or b.actors:
        shared = len(a.actors & b.actors)
        smaller = min(len(a.actors), len(b.actors))
        if not smaller or shared / smaller < MERGE_MIN_ACTOR_OVERLAP:
            return None
    words_a, words_b = content_words(a.sentence), content_words(b.sentence)
    if not words_a or not words_b:
        return None
    similarity = len(words_a & words_b) / len(words_a | words_b)
    # Without actors to agree on, the words must agree more.
    needed = MERGE_MIN_TEXT_SIMILARITY if a.actors else 0.5
    return similarity if similarity >= needed else None


def merge_key(event: Event) -> MergeKey:
    return MergeKey(
        start=event.start,
        end=event.end,
        date=event.date,
        event_type=event.event_type,
        actors=frozenset(actor.name for actor in event.actors),
        sentence=event.sentence,
    )
