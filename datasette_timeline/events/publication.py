"""The lede's event when the article dates it only by its publication.

"The former prime minister has died aged 92." has no time expression, yet it is the
most important event of the story. The lede (the first sentence of the body with a
finite verb) gives an event on the publication day when

- it does not place its happening before the publication day without a date
  ("recently announced new regulations", "earlier this week");
- its main verb (the first finite verb group) tells a happening: past, present perfect,
  present progressive, or a present reporting verb ("President Clinton says ..."); not
  a future, a modal, a negation or a plain state ("is on high alert", "appears");
- it has no date of its own: no event date in the sentence except a deadline or a span
  ("extended its offer until Nov. 6", "eliminate 789 dealers by early June"), the period
  a thing is for ("announced a loss for the third quarter"), a date inside a noun phrase
  ("last month's explosion might be related") or a date of what a reporting verb reports
  ("said net income jumped in the third quarter": the report itself is undated).

Such an event is flagged ``dated_by = "publication"``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..timex import Timex
from .grammar import VerbGroup, verb_groups, word_data, words_of

_LEDE_SENTENCES = 3  # body sentences looked at for the lede (bylines, greetings first)
_MIN_WORDS = 6
_NOT_OWN_DATE = re.compile(
    r"\b(?:until|till|by|through|from|since|after|before|ahead\s+of|for)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# Adverbs that place the lede's happening before the publication day, without a date.
_NOT_TODAY = re.compile(
    r"\b(?:recently|lately|previously|earlier\s+this\s+(?:week|month|year)|"
    r"in\s+recent\s+(?:days|weeks|months))\b",
    re.IGNORECASE,
)


def _is_happening(group: VerbGroup) -> bool:
    if group.negated or group.tense in ("future", "modal", "none"):
        return False
    if group.perfect or group.tense == "past":
        return True
    lemma = group.lemma
    if group.progressive:
        return True
    return lemma in word_data()["reporting_verbs"] and not group.passive


def _own_date(text: str, sentence: tuple[int, int], timex: Timex) -> bool:
    """A date of the sentence's own happening, not a deadline or a noun's date."""
    before = text[max(sentence[0], timex.start - 15) : timex.start]
    if _NOT_OWN_DATE.search(before) or _NOT_OWN_DATE.search(before + timex.text.split()[0] + " "):
        return False
    return text[timex.end : timex.end + 2] not in ("'s", "’s") and not timex.text.endswith(
        ("'s", "’s")
    )


def _reported(sentence: str, main: VerbGroup, offset: int) -> bool:
    """The date at ``offset`` lies in what a reporting verb reports, with a verb of its
    own between them ("Ogden said net income jumped to $6.6 million in the third
    quarter"): it dates the news reported, not the report, which the publication dates."""
    if main.lemma not in word_data()["reporting_verbs"] or offset <= main.head.end:
        return False
    return bool(verb_groups(sentence, main.head.end, offset))


_SUBORDINATORS = frozenset(
    "after before when while since although though because if as once until unless".split()
)


def _main_group(sentence: str, groups: Sequence[VerbGroup]) -> VerbGroup:
    """The main clause's verb group: the first, unless it belongs to a clause put before
    the main one ("Just two weeks after China sent markets into a tumble, worries are
    sending jitters"): a subordinator before it and a comma after it."""
    first = groups[0]
    before = {w.lower for w in words_of(sentence, 0, first.words[0].start)}
    comma = sentence.find(",", first.head.end)
    if not before & _SUBORDINATORS or comma < 0:
        return first
    return next((g for g in groups if g.words[0].start > comma), first)


def lede_verb(
    text: str,
    sentences: Sequence[tuple[int, int]],
    skip_spans: Sequence[tuple[int, int]],
    dates: Sequence[Timex],
) -> tuple[tuple[int, int], VerbGroup] | None:
    """(the lede's sentence, its main verb group) when the lede's event is dated only by
    the publication; None otherwise."""
    body_start = max((end for _, end in skip_spans), default=0)
    looked = 0
    for start, end in sentences:
        if start < body_start:
            continue
        sentence = text[start:end]
        if len(re.findall(r"[A-Za-z]+", sentence)) < _MIN_WORDS:
            continue  # a dateline, byline or headline fragment
        groups = verb_groups(sentence, 0, len(sentence))
        looked += 1
        if not groups:
            if looked >= _LEDE_SENTENCES:
                return None
            continue
        main = _main_group(sentence, groups)
        if main.head.lower in word_data()["auxiliaries"] and not main.perfect:
            return None  # "Macao is on high alert", "this is Pamela McCall"
        if not _is_happening(main):
            return None
        if _NOT_TODAY.search(sentence):
            return None  # "recently announced": the text itself says it was not today
        inside = [t for t in dates if start <= t.start and t.end <= end]
        if any(
            _own_date(text, (start, end), t) and not _reported(sentence, main, t.start - start)
            for t in inside
        ):
            return None
        return (start, end), main
    return None
