"""A small grammar of English news clauses for event assembly: the clause of a date and
the verb that governs it, with its tense, aspect and modality.

No parser and no model: words are told apart by closed classes (auxiliaries, modals,
pronouns, determiners) and verb morphology, with the word lists in
``data/event_words.json``. What event assembly needs is modest: which verb a date
attaches to ("X said Tuesday", "Tuesday's vote", "Y, who resigned in May"), whether that
verb is past, present, perfect, progressive, future or negated, and which word is the
head noun of a phrase the date qualifies.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=1)
def word_data() -> dict[str, Any]:
    """The word lists (``data/event_words.json``), read once."""
    source = resources.files("datasette_timeline") / "data" / "event_words.json"
    data: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    return data


@cache
def _set(name: str) -> frozenset[str]:
    return frozenset(word_data()[name])


@dataclass(frozen=True)
class Word:
    text: str
    start: int  # offsets in the sentence
    end: int

    @property
    def lower(self) -> str:
        return self.text.lower()


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d.,:/-]*")


@lru_cache(maxsize=4)
def _words_and_starts(text: str) -> tuple[list[Word], list[int]]:
    words = [Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    return words, [word.start for word in words]


def words_of(text: str, low: int = 0, high: int | None = None) -> list[Word]:
    """The whole words of text[low:high]. The words of a text are found once: each date of
    a sentence then takes its stretch by bisection, not by a pass over the sentence."""
    words, starts = _words_and_starts(text)
    high = len(text) if high is None else high
    first, last = bisect_left(starts, low), bisect_left(starts, high)
    while last > first and words[last - 1].end > high:
        last -= 1
    return words[first:last]


def word_index(text: str, offset: int) -> int:
    """The index, among the words of ``text``, of the word starting at ``offset``."""
    return bisect_left(_words_and_starts(text)[1], offset)


# Clause boundaries, strongest first (as in events.clause_span): a date's clause is cut
# at these.
_CUTS = (
    re.compile(r";\s+|:\s+(?=[A-Z\"“`])"),
    re.compile(r"\s+[-–—_]{1,2}\s+"),
    re.compile(r",\s+(?:and|but|while|although|though|whereas|yet)\s+"),
    re.compile(r",\s+(?:which|who|whom|whose|where|when)\s+"),
)
_QUOTE_CUT = re.compile(r"[\"“”]|``|''")


# A date's clause, verb and type are read within this many characters of it: no clause
# a reader takes a date's meaning from is longer, and a sentence of any length (a list of
# hundreds of dates) then costs each of its dates the same.
WINDOW = 300


def window(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of ``sentence`` within ``WINDOW`` characters of [start, end), cut at
    spaces so that no word is broken."""
    low, high = max(0, start - WINDOW), min(len(sentence), end + WINDOW)
    if low:
        space = sentence.find(" ", low, start)
        low = space + 1 if space >= 0 else start
    if high < len(sentence):
        space = sentence.rfind(" ", end, high)
        high = space if space >= 0 else end
    return low, high


@lru_cache(maxsize=64)  # a date's type and its governing verb both ask for its clause
def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the clause of sentence[start:end] (at most up to the boundaries in
    ``_CUTS`` and quotation marks on either side, and never beyond its ``window``)."""
    low, high = window(sentence, start, end)
    for pattern in (*_CUTS, _QUOTE_CUT):
        for match in pattern.finditer(sentence, low, start):
            low = max(low, match.end())
        following = pattern.search(sentence, end, high)
        if following:
            high = min(high, following.start())
    return low, high


@dataclass(frozen=True)
class VerbGroup:
    """A finite verb with its auxiliaries ("had not been told", "will meet")."""

    head: Word  # the main verb ("told", "meet"), or the copula
    words: tuple[Word, ...]  # auxiliaries and head, in order
    tense: str  # past, present, future (modals and "will"), or none (infinitive, -ing)
    perfect: bool
    progressive: bool
    negated: bool
    modal: str | None
    passive: bool = False

    @property
    def lemma(self) -> str:
        return lemma_of(self.head.lower)


def candidate_lemmas(word: str) -> list[str]:
    """Possible dictionary forms of a word ("announced": announced, announce, announc),
    the word itself first; a caller keeps the first it knows."""
    return list(_candidate_lemmas(word.lower()))


@lru_cache(maxsize=4096)
def _candidate_lemmas(word: str) -> tuple[str, ...]:
    lowered = word.lower()
    irregular: dict[str, str] = word_data()["irregular_forms"]
    found = [lowered]
    if lowered in irregular:
        found.append(irregular[lowered])
    for suffix, replacements in (
        ("ies", ("y",)),
        ("ied", ("y",)),
        ("ing", ("", "e")),
        ("ed", ("", "e")),
        ("es", ("", "e")),
        ("s", ("",)),
        ("d", ("",)),
    ):
        if lowered.endswith(suffix) and len(lowered) > len(suffix) + 2:
            stem = lowered[: -len(suffix)]
            for replacement in replacements:
                found.append(stem + replacement)
            if len(stem) > 3 and stem[-1] == stem[-2] and suffix in ("ing", "ed"):
                found.append(stem[:-1])  # "banned", "planning"
    return tuple(dict.fromkeys(found))


@lru_cache(maxsize=1)
def _known_verbs() -> frozenset[str]:
    data = word_data()
    known = set(data["reporting_verbs"]) | set(data["stative_verbs"]) | set(data["start_verbs"])
    for words in data["event_types"].values():
        known |= set(words["verbs"])
    return frozenset(known)


def lemma_of(word: str) -> str:
    """The dictionary form of a verb form: irregular ones from the word lists, regular ones
    when the word lists know the verb ("says": say), else the word itself."""
    irregular: dict[str, str] = word_data()["irregular_forms"]
    lowered = word.lower()
    if lowered in irregular:
        return irregular[lowered]
    known = _known_verbs()
    return next((lemma for lemma in candidate_lemmas(lowered) if lemma in known), lowered)


def is_past_form(word: str) -> bool:
    lowered = word.lower()
    if lowered in _set("past_forms"):
        return True
    return lowered.endswith("ed") and len(lowered) > 3 and lowered not in _set("not_verbs")


def is_verb_form(word: Word, previous: Word | None) -> bool:
    """A finite or participial verb form, judged from the word and the one before it."""
    lowered = word.lower
    if lowered in _set("auxiliaries") or lowered in _set("modals"):
        return True
    if not word.text[:1].islower():
        return False
    if lowered in _set("not_verbs"):
        return False
    before = previous.lower if previous else ""
    if before in _set("determiners"):
        return False  # "the attack", "a deal", "their talks"
    if is_past_form(lowered) or lowered in _set("present_forms"):
        return True
    if lowered.endswith("ing") and len(lowered) > 4:
        return before in _set("auxiliaries") or before in _set("pronouns")
    return False


def verb_groups(sentence: str, low: int, high: int) -> list[VerbGroup]:
    """The verb groups of sentence[low:high], in order."""
    words = words_of(sentence, low, high)
    groups: list[VerbGroup] = []
    index = 0
    auxiliaries = _set("auxiliaries")
    modals = _set("modals")
    while index < len(words):
        previous = words[index - 1] if index else None
        if not is_verb_form(words[index], previous):
            index += 1
            continue
        members = [words[index]]
        negated = False
        nxt = index + 1
        # Auxiliaries take a verb after them, perhaps past an adverb or "not".
        while members[-1].lower in auxiliaries | modals and nxt < len(words):
            candidate = words[nxt]
            lowered = candidate.lower
            if lowered in ("not", "n't", "never", "no"):
                negated = True
                nxt += 1
                continue
            if lowered.endswith("ly") or lowered in _set("adverbs"):
                nxt += 1
                continue
            if lowered in auxiliaries or is_past_form(lowered) or lowered.endswith("ing"):
                members.append(candidate)
                nxt += 1
                continue
            if lowered == "to" and members[-1].lower in ("going", "has", "have", "had", "used"):
                break
            if (
                members[-1].lower in modals
                and candidate.text[:1].islower()
                and lowered not in _set("determiners")
            ):
                members.append(candidate)  # "will meet", "could face"
                nxt += 1
                continue
            break
        if any(w.lower.endswith("n't") for w in members):
            negated = True
        if nxt < len(words) and words[nxt].lower in ("not", "never"):
            negated = True
        groups.append(_group(members, negated))
        index = nxt
    return groups


def _group(members: list[Word], negated: bool) -> VerbGroup:
    lowered = [w.lower for w in members]
    modal = next((w for w in lowered if w in _set("modals")), None)
    perfect = any(w in ("has", "have", "had", "'ve", "’ve") for w in lowered[:-1])
    progressive = lowered[-1].endswith("ing") and len(lowered) > 1
    passive = (
        len(lowered) > 1
        and lowered[-2] in ("be", "is", "are", "am", "was", "were", "been", "being")
        and not lowered[-1].endswith("ing")
    )
    first = lowered[0]
    if modal in ("will", "shall", "'ll", "wo"):
        tense = "future"
    elif modal is not None:
        tense = "modal"
    elif first in _set("past_auxiliaries") or is_past_form(first):
        tense = "past"
    elif first.endswith("ing") and len(lowered) == 1:
        tense = "none"
    else:
        tense = "present"
    return VerbGroup(
        head=members[-1],
        words=tuple(members),
        tense=tense,
        perfect=perfect,
        progressive=progressive,
        negated=negated,
        modal=modal,
        passive=passive,
    )


_REACH = 10  # words between a date and the verb that governs it
_OPENERS = frozenset(
    "that which who whom whose when where because if as while whether after before since until "
    "unless although though".split()
)


def governing_verb(sentence: str, start: int, end: int) -> VerbGroup | None:
    """The verb group a date at sentence[start:end] attaches to: the nearest in its clause,
    a verb before it winning a tie ("X said Tuesday he had ..." is the saying), never a
    verb across a word that opens another clause ("Tuesday that they would ...", "insisted
    that the union agree to cuts by next year"), nor one more than ``_REACH`` words away."""
    low, high = clause_bounds(sentence, start, end)
    # Only verbs within reach count; a few words more let a group's auxiliaries in.
    clause = words_of(sentence, low, high)
    before = bisect_left([w.end for w in clause], start + 1)
    after = bisect_left([w.start for w in clause], end)
    nearby = clause[max(0, before - _REACH - 4) : after + _REACH + 4]
    if not nearby:
        return None
    groups = [
        g
        for g in verb_groups(sentence, nearby[0].start, nearby[-1].end)
        if not (start <= g.head.start < end)
    ]
    best: tuple[int, VerbGroup] | None = None
    for group in groups:
        if group.head.end <= start:
            between = words_of(sentence, group.head.end, start)
            if len(between) > _REACH or any(w.lower in _OPENERS for w in between):
                continue
            distance = len(between)
        else:
            between = words_of(sentence, end, group.words[0].start)
            if any(w.lower in _OPENERS for w in between):
                continue
            if len(between) > _REACH:
                continue
            distance = len(between) + 1
            if "," in sentence[end : group.words[0].start]:
                # "issued the summons on Tuesday, its president said": a verb after a
                # comma governs only when none comes before ("On Tuesday, X met Y").
                distance += _REACH + 1
        if best is None or distance < best[0]:
            best = (distance, group)
    return None if best is None else best[1]
