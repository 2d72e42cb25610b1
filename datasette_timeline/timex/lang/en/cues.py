"""Cue words around an expression: what says past or future when no verb group can be
read (``clause.py`` reads the verb first), and the phrases right before an expression that
decide whatever the verb ("as soon as Tuesday", "postponed the vote to Monday")."""

from __future__ import annotations

import re
from typing import Literal

Tense = Literal["past", "future"] | None

_FUTURE_CUES = frozenset(
    [
        "will",
        "'ll",
        "shall",
        "won't",
        "wo",
        "scheduled",
        "slated",
        "upcoming",
        "tomorrow",
        "expected",
        "supposed",
    ]
)
# Cues that point ahead only when they come before the expression: "planned a rally on
# Saturday", "would travel Thursday" (after it, "Friday, the government planned..." is
# a report of the past).
_FUTURE_CUES_BEFORE = frozenset(
    [
        "planned",
        "planning",
        "intend",
        "intends",
        "intended",
        "would",
        "might",
        "should",
        "payable",
        "effective",
        # Modals of what may come ("might be interrupted on Wednesday"); "may" only in
        # lower case (the month is "May"); "could" is as often a past ("could not be
        # reached Wednesday"), and "might have" is a past.
        "can",
        "might",
        "may",
        # Present tense of scheduled events: "the offer expires Nov. 21", "Congress
        # reconvenes Jan. 24", "holders of record Nov. 15".
        "expire",
        "expires",
        "convenes",
        "reconvenes",
        "resumes",
        "expect",
        "expects",
        "predict",
        "predicts",
        "forecast",
        "forecasts",
    ]
)
# Phrases right before the expression that point ahead whatever the verb of the clause:
# "as soon as Tuesday", "until Friday", "has postponed the vote to Monday".
_POINTING_AHEAD = (
    r"\bas\s+(?:soon|early)\s+as\s+(?:[^\s.!?;,]+\s+){0,8}$|"
    r"(?<=\w\s)(?<!up\s)(?<!not\s)until\s+(?:at\s+least\s+|about\s+|around\s+)?$|"
    r"\b(?:is|are)\s+in\s+effect\s+(?:[^\s.!?;]+\s+){0,6}$|\bof\s+record\s+(?:on\s+)?$|"
    # A date something was put off to lies ahead: "has postponed the vote to Monday".
    r"\b(?:postpon|reschedul|mov)(?:e|es|ed|ing)\s+(?:[^\s.!?;]+\s+){0,6}(?:to|until|till)\s+$|"
    r"\b(?:delay|adjourn|defer|push|extend)(?:s|es|ed|red|ing|ring)?\s+"
    r"(?:[^\s.!?;]+\s+){0,6}(?:to|until|till)\s+$"
)
_PHRASE_AHEAD = re.compile(_POINTING_AHEAD, re.IGNORECASE)
# The same, and phrases of intention, for text where no verb group was read.
_FUTURE_PHRASES = re.compile(
    r"\b(?:as\s+(?:soon|early)\s+as|(?:is|are|am)\s+(?:to|due\s+to|expected\s+to|"
    r"scheduled\s+to|set\s+to|going\s+to)|set\s+to|"
    # A verb of intention and an infinitive: "decided to admit them in March".
    r"(?:expects?|expected|plans?|planned|planning|intends?|intended|hopes?|hoped|aims?|"
    r"aimed|agreed|agrees|decided|decides|promised|promises|vowed|vows|pledged|pledges|"
    r"prepares?|prepared|preparing|wants?|wanted)\s+to)\s+(?:[^\s.!?;,]+\s+){0,8}$|"
    r"(?<=\w\s)(?<!up\s)(?<!not\s)until\s+(?:at\s+least\s+|about\s+|around\s+)?$|"
    r"\b(?:is|are)\s+in\s+effect\s+(?:[^\s.!?;]+\s+){0,6}$|\bof\s+record\s+(?:on\s+)?$|"
    # A date something was put off to lies ahead: "has postponed the vote to Monday".
    r"\b(?:postpon|reschedul|mov)(?:e|es|ed|ing)\s+(?:[^\s.!?;]+\s+){0,6}(?:to|until|till)\s+$|"
    r"\b(?:delay|adjourn|defer|push|extend)(?:s|es|ed|red|ing|ring)?\s+"
    r"(?:[^\s.!?;]+\s+){0,6}(?:to|until|till)\s+$",
    re.IGNORECASE,
)
_PAST_CUES = frozenset(
    [
        "was",
        "were",
        "had",
        "did",
        "said",
        "told",
        "ago",
        "last",
        "been",
        "since",
        "went",
        "came",
        "made",
        "took",
        "gave",
        "met",
        "began",
        "saw",
        "found",
        "left",
        "sent",
        "held",
        "won",
        "lost",
        "fell",
        "rose",
        # Irregular past forms common in news.
        "brought",
        "bought",
        "sold",
        "paid",
        "thought",
        "fought",
        "caught",
        "taught",
        "became",
        "broke",
        "chose",
        "drove",
        "flew",
        "forgot",
        "got",
        "grew",
        "hit",
        "kept",
        "knew",
        "led",
        "meant",
        "ran",
        "rang",
        "sank",
        "shot",
        "spoke",
        "spent",
        "stood",
        "struck",
        "swore",
        "threw",
        "wrote",
        "wore",
        "withdrew",
        "arose",
        "fled",
        "heard",
        "hung",
        "slid",
        "sought",
        "sprang",
        "stole",
        "stuck",
        "tore",
        "woke",
        "overtook",
        "undertook",
    ]
)
# Words ending in -ed that are not verbs in the past.
_NOT_PAST = frozenset(
    [
        "need",
        "speed",
        "red",
        "bed",
        "feed",
        "seed",
        "hundred",
        "indeed",
        "shed",
        "weed",
        "breed",
        "united",
        "succeed",
        "proceed",
        "exceed",
        "heed",
        "bleed",
        "preferred",  # "preferred shares"
    ]
)
_WORD = re.compile(r"[A-Za-z']+")


def _is_past(word: str) -> bool:
    return word in _PAST_CUES or (len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST)


# Words a participle follows in a passive or an infinitive, or as an adjective ("a still
# unspecified date"), where it carries no tense.
_TENSELESS_BEFORE = frozenset(
    [
        *("be", "being", "is", "are", "am", "to", "a", "an", "the", "still", "very", "its"),
        *("their", "stay", "stays", "remain", "remains", "get", "gets"),  # "stay closed"
    ]
)
# Verbs whose present tense announces a timetable in news ("the trial starts Monday",
# "the law comes into force in October", "leaders meet in Brussels on Friday").
_SCHEDULE_VERBS = frozenset(
    # Verbs rarely used as nouns; "the vote in June", "tax returns", "a strong start" are.
    # (expire/expires, convenes, reconvenes, resumes are _FUTURE_CUES_BEFORE already.)
    "begin begins opens reopen reopens meet meets resume kicks arrive arrives "
    "depart departs travels testify testifies appear appears come comes take takes "
    "enter enters convene reconvene go goes holds "
    "deliver delivers celebrate celebrates unveil unveils starts ends".split()
)
# Words before which such a verb is no timetable: a noun ("the start"), a perfect ("has
# come down"), an infinitive ("to meet demand": the tense is elsewhere).
_NOT_A_TIMETABLE_AFTER = frozenset("the a an its their his her our this have has had to".split())
# Ongoing efforts in the present progressive, unlike "is calling the bonds on Dec. 7".
_ONGOING = frozenset("continuing trying seeking working waiting looking hoping".split())
_MODALS = frozenset(["will", "would", "shall", "should", "can", "could", "may", "might", "to"])
_FINITE_PAST = frozenset(["was", "were", "had", "did", "said", "been"])


def _word_before(words: list[str], index: int) -> str:
    """The word before ``words[index]`` (running backwards), skipping -ly adverbs."""
    for word in words[index + 1 :]:
        if not word.endswith("ly"):
            return word
    return ""


# Words that may stand between "had" and the plan it puts in the past: "had been due to
# expire", "had been scheduled to".
_PLAN_WORDS = frozenset(["been", "due", "to", "scheduled", "set", "expected", "supposed", "going"])


def _after_had(words: list[str], index: int) -> bool:
    """Whether ``words[index]`` (running backwards) follows "had", "had been", "had been
    due to" and the like."""
    before = [word for word in words[index + 1 : index + 6] if not word.endswith("ly")]
    if "had" not in before:
        return False
    return set(before[: before.index("had")]) <= _PLAN_WORDS


# Words that begin a clause of its own: a tense beyond them is another clause's.
_CLAUSE_BREAKS = frozenset(["while", "whereas", "but", "although", "though"])


def _cue(words: list[str], backwards: bool) -> Tense:
    """The tense of the nearest cue word; ``words`` run away from the expression."""
    for index, word in enumerate(words):
        if word in _CLAUSE_BREAKS:
            return None  # "sales rose in March, while it forecast growth for June"
        is_plan = word in _FUTURE_CUES or word in _FUTURE_CUES_BEFORE
        if is_plan and backwards and _after_had(words, index):
            return "past"  # "had been scheduled to expire Friday": a plan of the past
        if backwards and word in _MODALS and index > 0 and words[index - 1] == "have":
            return "past"  # "could have happened on Friday"
        if word in _FUTURE_CUES or word.endswith("'ll"):
            return "future"
        if backwards and word in _FUTURE_CUES_BEFORE:
            return "future"
        earlier = _word_before(words, index) if backwards else ""
        if backwards and word in _SCHEDULE_VERBS and earlier not in _NOT_A_TIMETABLE_AFTER:
            return "future"  # "the trial starts on Monday": a timetable
        if (
            backwards
            and index < 5
            and word.endswith("ing")
            and word not in _ONGOING
            and earlier in {"is", "are", "am"}
        ):
            return "future"  # "it is calling the bonds on Dec. 7"
        if word == "last" and earlier in _MODALS:
            continue  # "will last 72 hours": the verb, the modal says the tense
        if word in {"be", "being"}:
            if earlier in {"to", "will", "shall"}:
                return "future"  # "is to be published in November"
            continue
        if _is_past(word):
            if word not in _FINITE_PAST and earlier in _TENSELESS_BEFORE:
                continue  # a passive or an infinitive does not carry the tense
            return "past"
    return None


def _lower(word: str) -> str:
    """The word in lower case, but the month "May" kept apart from the modal."""
    return word if word == "May" else word.lower()


# Every phrase of _FUTURE_PHRASES holds one of these: a cheap test first.
_PHRASE_HINTS = ("to ", "as ", "until", "till", "effect", "record")


def _may_hold_a_phrase(text: str) -> bool:
    lowered = text.lower()
    return any(hint in lowered for hint in _PHRASE_HINTS)


def _clause_before(text: str, sentence_start: int, start: int, reach: int) -> str:
    """The words of the sentence before ``start`` (``reach`` characters at most), from
    the last semicolon."""
    before = text[max(sentence_start, start - reach) : start]
    semicolon = before.rfind("; ")
    return before[semicolon + 2 :] if semicolon >= 0 else before


def tense_at(text: str, start: int, end: int, sentence: tuple[int, int]) -> Tense:
    """ "past", "future" or None from the words of the clause around ``text[start:end]``."""
    before = _clause_before(text, sentence[0], start, 120)
    if _may_hold_a_phrase(before) and _FUTURE_PHRASES.search(before):
        return "future"
    before_words = [_lower(word) for word in _WORD.findall(before)][-12:]
    after = text[end : min(sentence[1], end + 50)]
    semicolon = after.find("; ")
    after = after[:semicolon] if semicolon >= 0 else after
    after_words = [word.lower() for word in _WORD.findall(after)][:5]
    return _cue(before_words[::-1], backwards=True) or _cue(after_words, backwards=False)


# Every phrase of _PHRASE_AHEAD holds one of these.
_AHEAD_HINTS = (
    "soon", "early", "until", "effect", "record", "postpon", "reschedul", "mov", "delay",
    "adjourn", "defer", "push", "extend",
)  # fmt: skip


def phrase_points_ahead(text: str, start: int, sentence_start: int) -> bool:
    """Whether a phrase right before ``text[start:]`` says the date lies ahead ("as soon
    as", "until", "of record", "postponed ... to")."""
    before = text[max(sentence_start, start - 100) : start].lower()
    if not any(hint in before for hint in _AHEAD_HINTS):
        return False
    return bool(_PHRASE_AHEAD.search(_clause_before(text, sentence_start, start, 100)))
