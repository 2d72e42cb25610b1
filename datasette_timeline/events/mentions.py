"""One event, many mentions within an article.

A story tells its main event in the lede and again below ("issued a summons Tuesday ...
The summons was issued by mail Tuesday"), or first coarsely and then exactly ("the
killings last year ... a killing spree on November 19, 2005"). Such dates are mentions of
one event: the event keeps the finest date, and the other dates become its ``mentions``.

Within one sentence, two dates with nothing but "ended", "and" or a noun phrase between
them date one happening ("the quarter ended Sept. 29", "on Tuesday and Wednesday", "in
1994, a goalless draw on 28 June"), and a bare "the quarter" points back at the quarter
named before it; these are folded before the comparison below. A bare time of day ("at
noon") with no day of its own details the happening the story told on the day the tagger
gave it, and becomes its mention (the day stays the event's date).

Two dated mentions are one event when

- their dates are compatible: the same value, or one inside the other with the outer one
  at most a month wide (two clock times never);
- they are told in two sentences, the later one not announcing "a separate" happening;
- the same happening is told: the same trigger word (stems: "meeting" and "met"), with
  another common word shared by the sentences; or the same noun of a happening qualified
  by both dates ("last month's floods", "the floods on the 29th of October"); or the
  same specific type (not a
  statement, not "other") with ``MIN_SHARED_WORDS`` common words shared ("issued a court
  summons Tuesday" and "The summons was issued by mail Tuesday"). Common words are stems of
  words written in lower case, without the dates, numbers and stopwords: names alone never
  suffice, since the people and places of a story take part in many events of the same
  day. Statements need the same reporting verb: two statements of one day are usually two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import islice
from typing import Protocol, TypeVar

from .grammar import is_past_form, word_data

MIN_SHARED_WORDS = 2
MAX_COARSE_DAYS = 31  # the coarser date of a pair: a month at most
_PRECISION_RANK = {
    "century": 0,
    "decade": 1,
    "year": 2,
    "season": 3,
    "quarter": 3,
    "month": 4,
    "week": 5,
    "day": 6,
}


@dataclass(frozen=True)
class Mention:
    """Another place in the same document where an event is told."""

    char_start: int
    char_end: int
    expression: str | None
    sentence: str
    sentence_start: int
    sentence_end: int


class Dated(Protocol):
    date: str
    precision: str | None
    start: str | None
    end: str | None
    expression: str | None
    char_start: int
    char_end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    event_type: str
    trigger: str | None
    mentions: list[Mention]


_STOPWORDS = frozenset(
    """that this with from have has had were was will would been their there which what when
    where into about after before over also than they them then some such other more most
    said says say could should while being these those only very just its it's his her our
    your does did done here upon under against between because today yesterday tomorrow
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december week weeks month months year years
    last next this told tell according among million billion thousand hundred percent per
    one two three four five six seven eight nine ten dozen dozens
    said mr mrs ms dr the and for but not are who whom whose how why all any each both
    earlier later first second third day days time times new
    quarter quarters quarterly fiscal period periods""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")


def stem(word: str) -> str:
    """A crude stem, enough to match "killings" with "killing", "met" with "meeting",
    "extended" with "extend"."""
    lowered = word.lower().replace("’", "'")
    irregular: dict[str, str] = word_data()["irregular_forms"]
    if lowered in irregular:
        return irregular[lowered]
    for suffix in ("ings", "ing", "ied", "ies", "ed", "es", "s"):
        if lowered.endswith(suffix) and len(lowered) - len(suffix) >= 4:
            base = lowered[: -len(suffix)]
            if suffix in ("ied", "ies"):
                return base + "y"
            if len(base) > 3 and base[-1] == base[-2]:
                base = base[:-1]
            return base.rstrip("e")
    return lowered.rstrip("e") if len(lowered) > 4 else lowered


@lru_cache(maxsize=2048)
def sentence_stems(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """(all content stems, stems of words written in lower case somewhere) of a sentence."""
    every: set[str] = set()
    common: set[str] = set()
    for match in _WORD.finditer(sentence):
        word = match.group()
        if word.lower() in _STOPWORDS or (word.lower().endswith("'s") and len(word) < 5):
            continue
        stemmed = stem(word.removesuffix("'s").removesuffix("’s"))
        if stemmed in _STOPWORDS:
            continue
        every.add(stemmed)
        if word[:1].islower():
            common.add(stemmed)
    return frozenset(every), frozenset(common)


def _span_days(start: str | None, end: str | None) -> int | None:
    if not (start and end):
        return None
    try:
        return (date.fromisoformat(end) - date.fromisoformat(start)).days
    except ValueError:
        return None


def compatible_dates(a: Dated, b: Dated) -> bool:
    """The same value, or one inside the other with the outer one at most a month wide."""
    if a.date == b.date:
        return True
    if "T" in a.date and "T" in b.date:
        return False  # two clock times are two moments
    if not (a.start and a.end and b.start and b.end):
        return False
    if a.start <= b.start and b.end <= a.end:
        outer = a
    elif b.start <= a.start and a.end <= b.end:
        outer = b
    else:
        return False
    days = _span_days(outer.start, outer.end)
    return days is not None and days <= MAX_COARSE_DAYS


_ANOTHER = re.compile(r"\bseparate\b", re.IGNORECASE)


def _own_words(event: Dated) -> str:
    """The sentence without the date's own words ("nineteen ninety-seven"); an event dated
    by the publication has none (its offsets are its verb's)."""
    if event.expression is None:
        return event.sentence
    start = event.char_start - event.sentence_start
    end = event.char_end - event.sentence_start
    if 0 <= start <= end <= len(event.sentence):
        return event.sentence[:start] + " " + event.sentence[end:]
    return event.sentence


def same_happening(a: Dated, b: Dated) -> bool:
    """The two mentions tell one happening (see the module's docstring)."""
    if a.sentence_start == b.sentence_start:
        return False  # two dates of one sentence are two events
    later = a if a.char_start > b.char_start else b
    if _ANOTHER.search(later.sentence):
        return False
    every_a, common_a = sentence_stems(_own_words(a))
    every_b, common_b = sentence_stems(_own_words(b))
    common = every_a & every_b & common_a & common_b
    if a.trigger and b.trigger and stem(a.trigger.split()[0]) == stem(b.trigger.split()[0]):
        return len(common - {stem(a.trigger.split()[0])}) >= 1
    noun_a, noun_b = _dated_noun(a), _dated_noun(b)
    if noun_a is not None and noun_a == noun_b:
        return True  # "last month's floods" ... "The floods on the 29th of October"
    specific = a.event_type == b.event_type and a.event_type not in ("other", "statement")
    return specific and len(common) >= MIN_SHARED_WORDS


_NOUN_AFTER = re.compile(r"(?:'s|’s)?\s+([a-z]{4,})\b")
_NOUN_BEFORE = re.compile(
    r"\b(?i:the|a|an|its|their|his|her)\s+([a-z]{4,})\s+(?:on|in|of|during)\s+(?:the\s+)?$"
)


def _dated_noun(event: Dated) -> str | None:
    """The stem of the noun of a happening the date qualifies: "last month's floods", "the
    Oct. 23 slaying", "the floods on the 29th of October"; None when the date dates a
    verb. The same noun with compatible dates in two sentences is one happening told
    again."""
    if not event.expression:
        return None
    start = event.char_start - event.sentence_start
    end = event.char_end - event.sentence_start
    if not 0 <= start <= end <= len(event.sentence):
        return None
    expression = event.expression
    after = event.sentence[end : end + 40]
    noun = None
    possessive = expression.endswith(("'s", "’s")) or after.startswith(("'s", "’s"))
    if possessive or event.sentence[max(0, start - 4) : start].lower().endswith("the "):
        found = _NOUN_AFTER.match(after)
        noun = found.group(1) if found else None
    if noun is None:
        found = _NOUN_BEFORE.search(event.sentence[max(0, start - 40) : start])
        noun = found.group(1) if found else None
    if noun is None or noun in _STOPWORDS or is_past_form(noun):
        return None
    return stem(noun)


# Between two dates of one happening in one sentence: "the quarter ended Sept. 29" (a
# period and the day it ends), "on Tuesday and Wednesday" (the days of one happening).
_PERIOD_END = re.compile(r"\s+(?:ended|ending)\s+(?:on\s+)?", re.IGNORECASE)
_PERIOD_WORD = re.compile(r"\b(?:quarter|half|year|month|period|week)$", re.IGNORECASE)
# Coordinated days: "and" or "or" alone (", and on Tuesday they signed" joins two clauses,
# and a comma alone may join two different days: "on Wednesday, a day after the vote").
_COORDINATED = re.compile(r"\s+(?:and|or)\s+(?:on\s+)?", re.IGNORECASE)
# "last seen Nov. 3, the day before the warrant": one day named twice in apposition.
_APPOSITION = re.compile(r"\s*,\s*")
# A clause boundary or a verb between two dates: the second may date another happening.
_VERB_BETWEEN = re.compile(
    r"[;:]|\b(?:and|but|while|when|after|before|because|which|who|that)\b"
    r"|\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|did|does)\b"
    r"|\b[a-z]{3,}ed\b",
    re.IGNORECASE,
)


def _between(a: Dated, b: Dated) -> str | None:
    """The words between two dates of one sentence (``a`` first), or None."""
    start = a.char_end - a.sentence_start
    end = b.char_start - a.sentence_start
    if a.sentence_start != b.sentence_start or not 0 <= start <= end <= len(a.sentence):
        return None
    return a.sentence[start:end]


def _within(inner: Dated, outer: Dated) -> bool:
    if not (inner.start and inner.end and outer.start and outer.end):
        return False
    return outer.start <= inner.start and inner.end <= outer.end and inner.date != outer.date


def one_happening_in_sentence(a: Dated, b: Dated) -> bool:
    """Two dates of one sentence (``a`` first) that date one happening: a period and the
    day it ends ("for the quarter ended Sept. 29": a fiscal quarter need not be the
    calendar's, so the values are not compared), one day named twice in apposition ("Nov.
    3, the day before the warrant"), coordinated days of one precision ("will
    investigate on Tuesday and Wednesday"), or a coarse date made finer in the same clause
    with no verb between ("in 1994, a goalless draw on 28 June"; "This year's fair will take
    place on Saturday 17 October", where the year qualifies the noun). Two dates with a
    verb or a clause boundary between date two happenings ("voted on Monday and voted
    again on Tuesday")."""
    between = _between(a, b)
    if between is None:
        return False
    if a.expression and _PERIOD_WORD.search(a.expression) and _PERIOD_END.fullmatch(between):
        return True
    if _APPOSITION.fullmatch(between) and a.date == b.date:
        return True
    if _COORDINATED.fullmatch(between):
        return a.precision == b.precision and "T" not in a.date and "T" not in b.date
    if not _within(b, a):
        return False
    if between.startswith(("'s ", "’s ")):
        return True  # "This year's fair will take place on Saturday 17 October"
    return _VERB_BETWEEN.search(between) is None


def _fineness(event: Dated) -> tuple[int, int]:
    rank = _PRECISION_RANK.get(event.precision or "", 7 if "T" in event.date else 0)
    return rank, -event.char_start


DatedT = TypeVar("DatedT", bound=Dated)


_LOOK_BACK = 32


def _date_keys(event: Dated) -> set[str]:
    """Keys two compatible dates always share: the value itself, and for a date at most
    ``MAX_COARSE_DAYS`` wide the months it touches (a date nested in one that short starts
    in one of its months)."""
    keys = {f"value:{event.date}"}
    if event.start and event.end:
        days = _span_days(event.start, event.end)
        if days is not None and days <= MAX_COARSE_DAYS:
            keys |= {f"month:{event.start[:7]}", f"month:{event.end[:7]}"}
    return keys


_BARE_CLOCK = re.compile(
    r"(?:at\s+)?(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|noon|midday|midnight)",
    re.IGNORECASE,
)


_NOT_A_MOMENT = re.compile(r"\b(?:by|until|till|before|after|from|to|since)\s+$", re.IGNORECASE)


def _is_bare_clock(event: Dated) -> bool:
    """A time of day with no day of its own ("at noon", "at 6.30pm"): the tagger gave it
    the day the story was telling, and it details the happening told on that day ("The
    delegation arrived on Wednesday. ... It disembarked at noon.")."""
    expression = (event.expression or "").strip()
    if "T" not in event.date or _BARE_CLOCK.fullmatch(expression) is None:
        return False
    # "rose 6% by midday", "until 4pm": a time reached or a bound, not a moment told
    offset = max(0, event.char_start - event.sentence_start)
    return _NOT_A_MOMENT.search(event.sentence[max(0, offset - 12) : offset]) is None


def merge_mentions(events: Sequence[DatedT]) -> list[DatedT]:
    """The events of one document with repeated mentions merged (text order kept by each
    event's own mention). The event that stays is the finest-dated mention; the others
    become its ``mentions``."""
    events = _fold_clusters(events)
    groups: list[list[DatedT]] = []
    # Groups by the keys of their members (_date_keys): only a group sharing a key with an
    # event can hold a compatible date, so an article of many dates is not compared pairwise.
    by_key: dict[str, list[int]] = {}
    details: dict[int, list[DatedT]] = {}  # bare clock times told on a group's day
    group_dates: list[set[str]] = []  # the values of each group's members
    for event in sorted(events, key=lambda e: e.char_start):
        keys = _date_keys(event)
        # The latest few groups only: a list of hundreds of same-day items is not one event
        # told many times, and looking further back would cost each item the whole list.
        candidates = sorted({index for key in keys for index in by_key.get(key, [])[-_LOOK_BACK:]})[
            -_LOOK_BACK:
        ]
        home = next(
            (
                index
                for index in candidates
                if all(compatible_dates(event, member) for member in groups[index])
                and any(same_happening(event, member) for member in groups[index])
            ),
            None,
        )
        if home is None and _is_bare_clock(event):
            home = next(
                (index for index in reversed(candidates) if event.date[:10] in group_dates[index]),
                None,
            )
            if home is not None:
                # kept aside: a detail neither dates the event nor joins others to it
                details.setdefault(home, []).append(event)
                continue
        if home is None:
            groups.append([event])
            group_dates.append({event.date})
            home = len(groups) - 1
        else:
            groups[home].append(event)
            group_dates[home].add(event.date)
        for key in keys:
            if home not in by_key.setdefault(key, [])[-1:]:
                by_key[key].append(home)
    merged: list[DatedT] = []
    for index, members in enumerate(groups):
        keeper = max(members, key=_fineness)
        # the day's event stays the event; its clock details do not date it
        group = sorted([*members, *details.get(index, [])], key=lambda e: e.char_start)
        _absorb(keeper, group)
        merged.append(keeper)
    return sorted(merged, key=lambda e: e.char_start)


# A bare definite reporting period: "the quarter", "the latest quarter", "the period".
_PERIOD_ANAPHOR = re.compile(
    r"(?:the|that)\s+(?:(?:latest|same|current|recent|fiscal)\s+)?(?:quarter|half|period)",
    re.IGNORECASE,
)


def _clusters(events: Sequence[DatedT]) -> list[list[DatedT]]:
    """The events in text order, grouped where one happening is certain without comparing
    words: dates of one sentence that date one happening (``one_happening_in_sentence``),
    and a bare definite reporting period ("the quarter") with the period of the same value
    named before it. A results story gives many figures of one quarter, and "the quarter"
    points back at the quarter it named, whatever the figure."""
    clusters: list[list[DatedT]] = []
    for event in sorted(events, key=lambda e: e.char_start):
        if clusters and one_happening_in_sentence(clusters[-1][-1], event):
            clusters[-1].append(event)
        else:
            clusters.append([event])
    joined: list[list[DatedT]] = []
    named: list[set[str]] = []  # the values each joined cluster names with an expression
    for cluster in clusters:
        anaphors = {
            member.date
            for member in cluster
            if member.expression and _PERIOD_ANAPHOR.fullmatch(member.expression.strip())
        }
        # the latest few clusters only, as in merge_mentions
        recent = islice(reversed(range(len(joined))), _LOOK_BACK)
        home = next((i for i in recent if anaphors & named[i]), None) if anaphors else None
        values = {member.date for member in cluster if member.expression}
        if home is None:
            joined.append(list(cluster))
            named.append(values)
        else:
            joined[home].extend(cluster)
            named[home] |= values
    return joined


def _fold_clusters(events: Sequence[DatedT]) -> list[DatedT]:
    """Each cluster of ``_clusters`` as one event: its finest date, the others its mentions."""
    folded: list[DatedT] = []
    for cluster in _clusters(events):
        keeper = max(cluster, key=_fineness)
        _absorb(keeper, cluster)
        folded.append(keeper)
    return sorted(folded, key=lambda e: e.char_start)


def _absorb(keeper: DatedT, group: Sequence[DatedT]) -> None:
    """Make every other event of ``group``, and its own mentions, mentions of ``keeper``."""
    others = [other for other in group if other is not keeper]
    keeper.mentions = [
        *keeper.mentions,
        *(
            Mention(
                other.char_start,
                other.char_end,
                other.expression,
                other.sentence,
                other.sentence_start,
                other.sentence_end,
            )
            for other in others
        ),
        *(m for other in others for m in other.mentions),
    ]
