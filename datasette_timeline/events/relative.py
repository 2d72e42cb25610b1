"""Dates counted from another event: "three days after the vote", "nine days after her
husband died", "a month after the attack", and from the time of writing: "in two weeks'
time".

The tagger gives "three days" as a duration and nothing for the event it is counted
from, so the phrase is recognised here by a linear pattern over the text: an offset (a
number or "a", a unit from hours to years, perhaps "about", "nearly", "barely" ...) then
"after", "before", "later than" or "earlier than", then the anchor, up to the end of its
clause. Where the tagger already dates the words ("two days later than planned"), its
value stands and nothing is recognised here.

The anchor is an event the article dates: a date inside the anchor phrase ("two years
after his election in 2004"), or the dated event (after merging its mentions) told by the
anchor's word, its head noun or verb, matched by dictionary form and nominalisation ("the
vote" and "voted", "her husband died" and "his death on 3 May"; ``nominalisations`` in
``data/event_words.json``). Then

- the phrase's own clause happened at the anchor's date plus or minus the offset, when
  that clause has no date of its own;
- the other way round, when the anchor is not dated but the clause is ("Kibaki
  dissolved his cabinet on Wednesday, a day after the draft was rejected"; "This move
  comes a month after Qantas suspended services": the present "comes" is the time of
  writing), the anchor's happening is dated by the clause's date minus the offset.

Conservative: no dated anchor and no dated clause, no event; anchors with two different
dates, no event; a vague offset ("less than a decade", "a few days"), no event. The value
is no finer than the offset's unit (a month after a day is that month; an exact number of
days or weeks keeps the day, an approximate number of weeks gives the week) nor than the
anchor, and a shift that moves a coarse anchor across its own boundary ("three days after
the March attack") gives nothing. A year that covers the time of writing ("60 years after
the bombings of 1945" in 2005) is an anniversary said in passing, not the date of the
clause: no event.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from ..timex import Timex
from ..timex.calendar_math import add_months, format_value
from ..timex.values import bounds
from .grammar import candidate_lemmas, governing_verb, verb_groups, word_data, words_of
from .mentions import Mention, sentence_stems, stem
from .types import classify_event, noun_type

_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_NUMBER = r"(?P<number>" + "|".join(_NUMBERS) + r"|\d{1,3})"
_UNIT = r"(?P<unit>hour|day|week|month|year)s?"
_APPROXIMATE = frozenset(
    {"about", "around", "roughly", "some", "nearly", "almost", "approximately"}
)
_EXACT = frozenset({"barely", "just", "only", "exactly", "precisely"})
_QUALIFIER = r"(?:(?P<qualifier>" + "|".join(sorted(_APPROXIMATE | _EXACT)) + r")\s+)?"
# All alternations of fixed words, no nested repetition: linear on any text.
_OFFSET = re.compile(
    r"\b" + _QUALIFIER + _NUMBER + r"\s+" + _UNIT + r"\s+"
    r"(?P<relation>after|before|later\s+than|earlier\s+than)\s+",
    re.IGNORECASE,
)
# The unit and the relation alone: found cheaply, before the whole pattern is tried
# around them (most articles have none).
_RELATION = re.compile(
    r"(?:hour|day|week|month|year)s?\s+(?:after|before|later\s+than|earlier\s+than)\s",
    re.IGNORECASE,
)
_LONGEST_AMOUNT = 40  # characters of "approximately seventeen " before a unit
_AHEAD = re.compile(
    r"\bin\s+" + _QUALIFIER + _NUMBER + r"\s+" + _UNIT + r"(?:'s|’s|'|’)?\s+time\b",
    re.IGNORECASE,
)
# Before the offset, a bound rather than an amount ("less than a decade after", "half a
# day"), a duration ("prime minister for 22 years before he retired"), or the end of a
# longer number ("twenty-one days", "1,000 days").
_VAGUE_BEFORE = re.compile(
    r"\b(?:(?:less|more|fewer)\s+than|over|under|within|least|most|up\s+to|half|for)\s+$"
    r"|(?:-|\d[,.]?)$",
    re.IGNORECASE,
)
# Where an anchor phrase ends: punctuation, a dash, or a word opening another clause.
_ANCHOR_END = re.compile(
    r"[,;:()\[\]\"“”]|\s[-–—]{1,2}\s|\s(?:that|which|who|when|where|while|but)\b",
    re.IGNORECASE,
)
_PREPOSITIONS = frozenset(
    "in of on at by for from with to against between over into during near under about "
    "across through since".split()
)
_FINER = ("day", "week", "month", "quarter", "season", "year", "decade", "century")
_UNIT_PRECISION = {"hour": "day", "day": "day", "week": "day", "month": "month", "year": "year"}
# Words before the offset that govern it as the time of writing: "This move comes a
# month after ..." (journalistic present).
_NOW_VERBS = frozenset({"come", "comes"})


class DatedEvent(Protocol):
    """What the resolution reads of an event of the article (``events.Event``)."""

    date: str
    precision: str | None
    start: str | None
    end: str | None
    expression: str | None
    char_start: int
    char_end: int
    sentence: str
    sentence_start: int
    trigger: str | None
    mentions: list[Mention]
    dated_by: str | None


@dataclass(frozen=True)
class RelativeDate:
    """A date counted from an event or from the time of writing.

    ``timex`` is a DATE spanning the phrase ("three days after the vote"), at the resolved
    value. ``happening`` is the offset in the text where the dated happening is told:
    the phrase itself when its clause is dated (it is the clause's date), the anchor's
    word when the anchor is (``dates_anchor``).
    """

    timex: Timex
    happening: int
    dates_anchor: bool = False


@dataclass(frozen=True)
class _Offset:
    start: int  # the phrase: from the offset ...
    relation_end: int  # ... through "after"
    amount: int
    unit: str
    sign: int
    approximate: bool


# --- recognition --------------------------------------------------------------------------


def _offset_at(match: re.Match[str], text: str, sentence_start: int) -> _Offset | None:
    if _VAGUE_BEFORE.search(text[max(sentence_start, match.start() - 12) : match.start()]):
        return None
    number = match.group("number").lower()
    amount = int(number) if number.isdigit() else _NUMBERS[number]
    qualifier = (match.group("qualifier") or "").lower()
    relation = match.groupdict().get("relation") or "after"
    sign = -1 if relation.lower().startswith(("before", "earlier")) else 1
    return _Offset(
        start=match.start(),
        relation_end=match.end(),
        amount=amount,
        unit=match.group("unit").lower().rstrip("s"),
        sign=sign,
        approximate=qualifier in _APPROXIMATE,
    )


def _anchor_span(text: str, start: int, sentence_end: int) -> tuple[int, int]:
    found = _ANCHOR_END.search(text, start, sentence_end)
    end = found.start() if found else sentence_end
    return start, len(text[start:end].rstrip(" .!?")) + start


@dataclass(frozen=True)
class _Head:
    start: int
    end: int
    verbal: bool  # a verb or a gerund: a happening by its grammar

    def word(self, text: str) -> str:
        return text[self.start : self.end]


def _anchor_head(text: str, start: int, end: int) -> _Head | None:
    """The word that tells the anchor's happening: the verb of a clause ("her husband
    died", "the draft was rejected"), a gerund ("exchanging"), else the head of the noun
    phrase ("the deadly embassy bombings in East Africa"). None for a name or a pronoun."""
    words = words_of(text, start, end)
    if not words:
        return None
    groups = verb_groups(text, start, end)
    verbal = bool(groups) or (words[0].lower.endswith("ing") and words[0].text.islower())
    if groups:
        head = groups[0].head
    elif verbal:
        head = words[0]
    else:
        phrase = []
        for word in words:
            if word.lower in _PREPOSITIONS:
                break
            phrase.append(word)
        if not phrase:
            return None
        head = phrase[-1]
    lowered = head.lower
    data = word_data()
    if not head.text.islower() or len(lowered) < 3:
        return None
    if (
        lowered in data["pronouns"]
        or lowered in data["determiners"]
        or lowered in data["auxiliaries"]
    ):
        return None
    return _Head(head.start, head.end, verbal)


# --- matching an anchor with the article's dated events ----------------------------------


def happening_keys(word: str) -> frozenset[str]:
    """Dictionary forms a word of a happening may stand for, verbs and their nouns alike:
    "voted" and "vote", "election" and "elected", "death" and "died" share one."""
    lowered = word.lower().replace("’", "'")
    keys = {lemma for lemma in candidate_lemmas(lowered) if len(lemma) >= 3}
    nominal: dict[str, str] = word_data()["nominalisations"]
    if lowered in nominal:
        keys.add(nominal[lowered])
    for suffix in ("ation", "ition", "ion", "ment", "al"):
        base = lowered.removesuffix(suffix)
        if base != lowered and len(base) >= 3:
            keys.update({base, base + "e"})
    return frozenset(keys)


def _told_words(sentence: str, start: int, end: int, trigger: str | None) -> set[str]:
    """Words that tell the happening dated at sentence[start:end]: its type's trigger
    and the verb that governs the date (a verb at the offsets, for an event dated by
    the publication)."""
    told = set((trigger or "").split())
    verb = governing_verb(sentence, start, end)
    if verb is not None:
        told.add(verb.head.text)
    return told


def _event_keys(event: DatedEvent) -> frozenset[str]:
    keys: set[str] = set()
    start = event.char_start - event.sentence_start
    end = event.char_end - event.sentence_start
    if event.dated_by == "publication":
        words = {w.text for w in words_of(event.sentence, start, end)} | {event.trigger or ""}
    else:
        words = _told_words(event.sentence, start, end, event.trigger)
    for mention in event.mentions:
        low, high = (
            mention.char_start - mention.sentence_start,
            mention.char_end - mention.sentence_start,
        )
        if mention.expression is None:
            words |= {w.text for w in words_of(mention.sentence, low, high)}
            continue
        _kind, trigger = classify_event(mention.sentence, low, high)
        words |= _told_words(mention.sentence, low, high, trigger)
    for word in words:
        keys |= happening_keys(word)
    return frozenset(keys)


def _spans(event: DatedEvent) -> list[tuple[int, int]]:
    own = [(event.char_start, event.char_end)] if event.dated_by is None else []
    return own + [(m.char_start, m.char_end) for m in event.mentions if m.expression is not None]


def _dated(events: Iterable[DatedEvent]) -> list[DatedEvent]:
    return [e for e in events if e.start and e.end and e.precision in _FINER]


# --- arithmetic ---------------------------------------------------------------------------


def _shift(day: date, amount: int, unit: str) -> date | None:
    try:
        if unit == "hour":
            return day + timedelta(days=amount // 24 if amount >= 0 else -((-amount) // 24))
        if unit == "day":
            return day + timedelta(days=amount)
        if unit == "week":
            return day + timedelta(weeks=amount)
        return add_months(day, amount * (12 if unit == "year" else 1))
    except OverflowError:
        return None


def shifted_value(
    value_bounds: tuple[str, str, str], offset_amount: int, unit: str, approximate: bool
) -> str | None:
    """The TIMEX3 value of a period (precision, first day, last day) moved by a signed
    offset: at the coarser of the period's precision and the offset unit's, and None when
    the moved period does not fall in one such period."""
    precision, first, last = value_bounds
    if precision not in _FINER:
        return None
    unit_precision = _UNIT_PRECISION[unit]
    if unit == "week" and approximate:
        unit_precision = "week"
    result = max(precision, unit_precision, key=_FINER.index)
    moved = [_shift(date.fromisoformat(day), offset_amount, unit) for day in (first, last)]
    values = {format_value(day, result) for day in moved if day is not None}
    if None in moved or len(values) != 1 or result in ("quarter", "season"):
        return None
    return values.pop()


def _date_timex(start: int, end: int, text: str, value: str, approximate: bool) -> Timex | None:
    found = bounds(value)
    if found is None:
        return None
    precision, first, last = found
    return Timex(
        start=start,
        end=end,
        text=text[start:end],
        type="DATE",
        value=value,
        mod="APPROX" if approximate else None,
        precision=precision,
        range_start=first,
        range_end=last,
    )


# --- the two resolutions ------------------------------------------------------------------


def ahead_dates(text: str, tagged: Sequence[Timex], published: str | None) -> list[Timex]:
    """ "in two weeks' time": the time of writing plus the offset, at the unit's precision
    (a week for weeks); the tagger's duration ("two weeks") inside it gives way."""
    if not published:
        return []
    try:
        now = date.fromisoformat(published[:10])
    except ValueError:
        return []
    found: list[Timex] = []
    for match in _AHEAD.finditer(text):
        if _overlaps_date(tagged, match.start(), match.end()):
            continue
        number = match.group("number").lower()
        amount = int(number) if number.isdigit() else _NUMBERS[number]
        unit = match.group("unit").lower().rstrip("s")
        moved = _shift(now, amount, unit)
        if moved is None:
            continue
        precision = "day" if unit == "hour" else unit
        approximate = (match.group("qualifier") or "").lower() in _APPROXIMATE
        timex = _date_timex(
            match.start(), match.end(), text, format_value(moved, precision), approximate
        )
        if timex is not None:
            found.append(timex)
    return found


def _overlaps_date(tagged: Sequence[Timex], start: int, end: int) -> bool:
    return any(t.type in ("DATE", "TIME") and t.start < end and start < t.end for t in tagged)


def _offset_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_OFFSET`` in the text, each tried only around a unit and relation."""
    last_end = 0
    for relation in _RELATION.finditer(text):
        low = max(last_end, relation.start() - _LONGEST_AMOUNT)
        match = _OFFSET.search(text, low, relation.end() + 40)
        if match is not None and match.start() <= relation.start() < match.end():
            last_end = match.end()
            yield match


def has_offset_phrase(text: str) -> bool:
    """Whether the text may hold a date counted from an event ("a day after")."""
    return next(_offset_matches(text), None) is not None


def relative_dates(
    text: str,
    sentences: Sequence[tuple[int, int]],
    tagged: Sequence[Timex],
    events: Sequence[DatedEvent],
    published: str | None,
) -> list[RelativeDate]:
    """The dates counted from events of the article (see the module's docstring)."""
    dated = _dated(events)
    found: list[RelativeDate] = []
    starts = [start for start, _end in sentences]
    # One pass over the text (most articles have no such phrase), then each match's sentence.
    for match in _offset_matches(text):
        index = bisect_right(starts, match.start()) - 1
        if index < 0 or match.end() > sentences[index][1]:
            continue  # outside the sentences, or across a boundary
        sentence = sentences[index]
        offset = _offset_at(match, text, sentence[0])
        if offset is None or _overlaps_date(tagged, match.start(), match.end()):
            continue
        resolved = _resolve(text, sentence, offset, dated, events, published)
        if resolved is not None:
            found.append(resolved)
    return found


def _resolve(
    text: str,
    sentence: tuple[int, int],
    offset: _Offset,
    dated: list[DatedEvent],
    events: Sequence[DatedEvent],
    published: str | None,
) -> RelativeDate | None:
    anchor_start, anchor_end = _anchor_span(text, offset.relation_end, sentence[1])
    inside = [
        (span, e) for e in dated for span in _spans(e) if anchor_start <= span[0] < anchor_end
    ]
    # A date that begins in the anchor ends it ("on August 6 and 9, 1945").
    anchor_end = max([anchor_end, *(span[1] for span, _e in inside)])
    if inside:
        # The anchor's own date: the phrase ends before it ("two years after his election").
        (date_start, date_end), anchor = min(inside, key=lambda item: item[0])
        head = _anchor_head(text, anchor_start, date_start)
        if not _dates_head(text, sentence, anchor_start, head, (date_start, date_end)):
            return None  # "after Chirac called the ballot scheduled for May 25"
        phrase_end = _phrase_end(text, offset, date_start, head)
        anchors = [anchor]
    else:
        head = _anchor_head(text, anchor_start, anchor_end)
        if head is None:
            return None
        phrase_end = head.end
        anchor_text = text[anchor_start:anchor_end]
        anchors = [
            e
            for e in dated
            if _tells_anchor(anchor_text, head.word(text), e)
            and not _told_in_own_clause(e, text, sentence, offset.start, anchor_end)
        ]
    if len({e.date for e in anchors}) > 1:
        return None  # the anchor's word tells two events of different dates
    others = _sentence_dates(
        sentence, offset.start, anchor_end, [e for e in dated if e not in anchors]
    )
    if anchors:
        if others:
            return None  # the clause is dated already (or may be: conservative)
        counted = _counted(text, offset, phrase_end, anchors[0], published)
        return counted if counted and _tense_agrees(text, sentence, counted, published) else None
    if head is None or not _tells_happening(text, head):
        return None
    clause = _clause_date(text, sentence, offset, others) or _time_of_writing(
        text, sentence, offset, events, published
    )
    if clause is None:
        return None
    value = _value(clause, -offset.sign * offset.amount, offset, published)
    timex = value and _date_timex(offset.start, phrase_end, text, value, offset.approximate)
    return RelativeDate(timex, head.start, dates_anchor=True) if timex else None


_NEAR_WORDS = 5  # between an anchor's noun and its date ("the discovery of her body on")
_DEFINITE = frozenset("the his her its their our this that these those".split())


def _tells_anchor(anchor_text: str, head: str, event: DatedEvent) -> bool:
    """The dated event is the anchor: it is told by the anchor's word, and, unless the
    anchor is a definite noun phrase ("the vote", "his election", "Olmert's remark": an
    event already spoken of), by another word of the anchor too ("her husband died" and
    "Her husband died on 3 May": a verb alone, "said" or "sent", tells too many events)."""
    if not happening_keys(head) & _event_keys(event):
        return False
    first = anchor_text.split(maxsplit=1)[0] if anchor_text.strip() else ""
    definite = first.lower() in _DEFINITE or first.endswith(("'s", "’s"))
    if definite and head == _noun_phrase_head(anchor_text):
        return True
    others = sentence_stems(anchor_text)[0] - {stem(head)}
    told = set(sentence_stems(event.sentence)[0])
    for mention in event.mentions:
        told |= sentence_stems(mention.sentence)[0]
    return bool(others & told)


def _told_in_own_clause(
    event: DatedEvent, text: str, sentence: tuple[int, int], phrase_start: int, anchor_end: int
) -> bool:
    """The event is told in the phrase's own clause: it is the happening the phrase
    dates, not its anchor. Told after the phrase in its sentence ("Just one year after
    launching the iPhone, we're launching the iPhone 3G"), or before it with no other verb
    between ("Wei was called back in late March, only one month after his yearly visit";
    but "He was elected in 2004 and resigned two years after his election" has one)."""
    spans = [(event.char_start, event.char_end)]
    spans += [(m.char_start, m.char_end) for m in event.mentions]
    for start, end in spans:
        if not sentence[0] <= start < sentence[1]:
            continue
        if start >= anchor_end:
            return True
        if end <= phrase_start and not verb_groups(text, end, phrase_start):
            return True
    return False


def _dates_head(
    text: str,
    sentence: tuple[int, int],
    anchor_start: int,
    head: _Head | None,
    date: tuple[int, int],
) -> bool:
    """A date inside the anchor phrase dates the anchor's happening: the anchor is the
    date alone ("one week before next Tuesday's elections"), the date's verb is the
    anchor's ("after the United States dropped two bombs on August 6"), or the date
    follows the anchor's noun closely ("two years after his election in 2004"); not a
    date of something the anchor names ("after Chirac called the ballot scheduled for
    May 25", where the date is the participle's: "scheduled for May 25")."""
    if head is None:
        return True
    words = text[sentence[0] : sentence[1]]
    verb = governing_verb(words, date[0] - sentence[0], date[1] - sentence[0])
    verb_at = None if verb is None else verb.head.start + sentence[0]
    if verb_at is not None and anchor_start <= verb_at < date[0] and verb_at != head.start:
        return False  # a verb of the anchor phrase, not its head
    between = words_of(text, head.end, date[0])
    determiners = word_data()["determiners"]
    if any(
        word.lower.endswith("ed") and word.text.islower() and before.lower not in determiners
        for before, word in itertools.pairwise(between)
    ):
        return False  # a participle after a noun: "the ballot scheduled for May 25"
    if head.verbal and verb_at == head.start:
        return True
    return len(between) <= _NEAR_WORDS and not verb_groups(text, head.end, date[0])


def _noun_phrase_head(phrase: str) -> str:
    words = []
    for word in words_of(phrase):
        if word.lower in _PREPOSITIONS:
            break
        words.append(word.text)
    return words[-1] if words else ""


def _tense_agrees(
    text: str, sentence: tuple[int, int], counted: RelativeDate, published: str | None
) -> bool:
    """A date counted forward agrees with the tense of its clause: after the time of
    writing only with a future or a modal ("will take effect three months after its
    passage"; not "attended a service one year after he was killed", nor "we're launching
    it one year after launching the first" counted from this year's launch), and not
    before it with a future."""
    first, last = counted.timex.range_start, counted.timex.range_end
    if not published or first is None or last is None:
        return True
    words = text[sentence[0] : sentence[1]]
    verb = governing_verb(words, counted.timex.start - sentence[0], counted.timex.end - sentence[0])
    now = published[:10]
    if first > now:
        return verb is not None and verb.tense in ("future", "modal")
    return not (verb is not None and verb.tense == "future" and last < now)


def _tells_happening(text: str, head: _Head) -> bool:
    """An anchor that is a happening ("Qantas suspended", "the vote", "his resignation"),
    not a person or a thing ("nine days after his wife")."""
    if head.verbal:
        return True
    lowered = head.word(text).lower()
    if lowered.endswith(("ion", "ment")) or lowered in word_data()["nominalisations"]:
        return True
    return any(noun_type(key) for key in happening_keys(lowered) | {lowered})


def _phrase_end(text: str, offset: _Offset, end: int, head: _Head | None) -> int:
    """Where the phrase ends: at the anchor's word, else at the last word before the
    anchor's date ("one week before next Tuesday's elections": "one week before")."""
    if head is not None:
        return head.end
    words = words_of(text, offset.start, end)
    while words and words[-1].lower in _PREPOSITIONS | {"the"}:
        words.pop()
    return words[-1].end if words else offset.relation_end


def _counted(
    text: str, offset: _Offset, phrase_end: int, anchor: DatedEvent, published: str | None
) -> RelativeDate | None:
    assert anchor.start and anchor.end and anchor.precision
    period = (anchor.precision, anchor.start, anchor.end)
    value = _value(period, offset.sign * offset.amount, offset, published)
    if value is None:
        return None
    timex = _date_timex(offset.start, phrase_end, text, value, offset.approximate)
    return None if timex is None else RelativeDate(timex, offset.start)


def _value(
    period: tuple[str, str, str], amount: int, offset: _Offset, published: str | None
) -> str | None:
    value = shifted_value(period, amount, offset.unit, offset.approximate)
    found = bounds(value) if value else None
    if value is None or found is None:
        return None
    precision, first, last = found
    now = (published or "")[:10]
    if now and _FINER.index(precision) >= _FINER.index("year") and first <= now <= last:
        return None  # "60 years after the bombings of 1945", written in 2005
    return value


def _sentence_dates(
    sentence: tuple[int, int], phrase_start: int, anchor_end: int, dated: Sequence[DatedEvent]
) -> list[tuple[int, int, DatedEvent]]:
    """The dates of the sentence outside the phrase and its anchor."""
    return [
        (start, end, event)
        for event in dated
        for start, end in _spans(event)
        if sentence[0] <= start and end <= sentence[1] and not phrase_start <= start < anchor_end
    ]


def _clause_date(
    text: str,
    sentence: tuple[int, int],
    offset: _Offset,
    dates: list[tuple[int, int, DatedEvent]],
) -> tuple[str, str, str] | None:
    """The date of the phrase's own clause among the sentence's other ``dates``: the
    nearest before the phrase, with no word opening another clause between them ("said on
    Monday that he was arrested two days after the attack": the arrest has none); a date
    after the phrase only when the phrase opens the sentence ("Three days after the vote,
    on Friday, he resigned"), since one after it in the middle of a sentence more often
    goes on telling the anchor."""
    earlier = [d for d in dates if d[1] <= offset.start]
    if earlier:
        _start, end, event = max(earlier, key=lambda d: d[0])
        if any(w.lower in _CLAUSE_OPENERS for w in words_of(text, end, offset.start)):
            return None
    elif dates and not words_of(text, sentence[0], offset.start):
        _start, end, event = min(dates, key=lambda d: d[0])
    else:
        return None
    if _infinitive_between(text, end, offset.start):
        return None  # "the March talks were China's undertaking to grant ... after joining"
    assert event.precision and event.start and event.end
    return event.precision, event.start, event.end


def _infinitive_between(text: str, start: int, end: int) -> bool:
    """An infinitive between a date and the phrase: the phrase tells when that verb's
    happening is to be, not when the dated clause was ("undertook in March to grant rights
    three years after joining")."""
    words = words_of(text, start, end)
    determiners = word_data()["determiners"]
    return any(
        word.lower == "to" and after.text.islower() and after.lower not in determiners
        for word, after in itertools.pairwise(words)
    )


def _time_of_writing(
    text: str,
    sentence: tuple[int, int],
    offset: _Offset,
    events: Sequence[DatedEvent],
    published: str | None,
) -> tuple[str, str, str] | None:
    """The publication day, for a clause told as happening now: "This move comes a month
    after ..." (the journalistic present), or the lede dated by the publication."""
    if not published:
        return None
    day = published[:10]
    try:
        date.fromisoformat(day)
    except ValueError:
        return None
    before = words_of(text, max(sentence[0], offset.start - 30), offset.start)
    if before and before[-1].lower in _NOW_VERBS:
        return "day", day, day
    for event in events:
        if event.dated_by == "publication" and sentence[0] <= event.char_start < sentence[1]:
            return "day", day, day
    return None


_CLAUSE_OPENERS = frozenset(
    "that which who whom whose when where because if whether although though while".split()
)
