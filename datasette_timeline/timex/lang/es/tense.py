"""The Spanish reading of the time of the clause around an expression.

The verb that governs an expression decides which side of the reference time a bare
weekday, month or day falls on. Spanish marks tense in the verb's ending, so the reader
needs no lexicon of verbs: the pretérito ("anunció", "cayeron"), the imperfecto
("estaba", "tenía"), "ha/han + participio" and "había + participio" point back; the
futuro ("celebrará", "será"), the condicional ("sería"), "va a + infinitivo" and verbs
of plans ("tiene previsto", "prevé", "planea") ahead; a present-tense timetable ("el
juicio comienza el lunes") and a clause of time ("cuando llegue el lunes") ahead too.
The words and endings are data in ``verbs.json``.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from pathlib import Path
from typing import Any

from ...pack import AnalysedSentence
from ...reading import NO_READING, Reading

_DATA: dict[str, Any] = json.loads(
    (Path(__file__).with_name("verbs.json")).read_text(encoding="utf-8")
)
_PAST_IRREGULAR = frozenset(_DATA["past_irregular"])
_IMPERFECT = frozenset(_DATA["imperfect"])
_FUTURE_IRREGULAR = frozenset(_DATA["future_irregular"])
_PRESENT_PERFECT_AUX = frozenset(_DATA["have_present"])
_PLUPERFECT_AUX = frozenset(_DATA["have_past"])
_GO = frozenset(_DATA["go_present"])
_GO_PAST = frozenset(_DATA["go_past"])
_PLANS = frozenset(_DATA["plans"])
_SCHEDULE = frozenset(_DATA["schedule_present"])
_PARTICIPLES = frozenset(_DATA["irregular_participles"])
_NOT_VERBS = frozenset(_DATA["not_verbs"])
_TIME_CLAUSE = frozenset(_DATA["time_clause_words"])
_CLAUSE_BREAKS = frozenset(_DATA["clause_breaks"])
_AHEAD_BEFORE = re.compile(_DATA["ahead_before"] + r"\s*$", re.IGNORECASE)
_BACK_BEFORE = re.compile(_DATA["back_before"] + r"\s*$", re.IGNORECASE)
# "tras ganar el sábado": an act done before the one told.
_BACK_INFINITIVE = re.compile(_DATA["back_infinitive_before"], re.IGNORECASE)

_WORD = re.compile(r"[^\W\d_]+|\d+|[^\w\s]", re.UNICODE)
_MARKS = frozenset(';:()"«»“”—–')
# Words that may stand before an expression in its clause, and after which a clause opens.
_BEFORE_AN_EXPRESSION = frozenset(
    "el la los las en a de desde hasta del al este esta pasado próximo".split()
)
_CLAUSE_OPENERS = frozenset([",", ";", ":", "y", "que", "cuando", "("])
# Words before a participle that make it part of a verb group or a noun phrase of its own.
_AUXILIARY_BEFORE = frozenset(
    "ha han he hemos has había habían ser sido será serán es son fue fueron está están "
    "estaba estaban estar haber el la los las un una "
    # The subjunctive and the future of "estar" and "ser": "que esté inmunizada".
    "esté estén sea sean estará estarán fuera fueran estuviera estuvieran".split()
)
# Determiners and prepositions: a word after them that a verb ending made look like a
# verb is a noun ("sus empleados", "en picado", "de ingeniería", "a mediados"). Clitic
# pronouns ("la vendería", "lo anunció") are left out: verbs follow them.
_NOUN_BEFORE = frozenset(
    "de del un una unos unas su sus mi mis tu tus nuestro nuestra nuestros nuestras este "
    "esta estos estas ese esa esos esas aquel aquella aquellos aquellas cada otro otra "
    "otros otras nuevo nueva nuevos nuevas muchos muchas pocos pocas varios varias al en "
    "con por para sin sobre entre".split()
)
# Marks after which a word may open a quotation with a capital.
_QUOTE_OPENERS = frozenset(":\"«“‘'(—–-.¿¡")
# How many words a verb may stand from the expression it governs.
_REACH = 12


# A written accent before the ending marks a noun or adjective ("pérdida", "válida"),
# never a participle ("caída" keeps its accent in the ending).
_ACCENT_BEFORE_ENDING = re.compile(r"[áéóú]|í(?!d[oa]s?$)")


def _participle(word: str) -> bool:
    if word in _PARTICIPLES:
        return True
    endings = ("ado", "ada", "ido", "ida", "ados", "adas", "idos", "idas", "ído", "ída", "ídos")
    return word.endswith((*endings, "ídas")) and not _ACCENT_BEFORE_ENDING.search(word)


def _form(words: list[str], index: int) -> tuple[str | None, str | None] | None:
    """(tense, modality) of the verb form at ``words[index]`` with what stands before and
    after it, or None when it is no finite verb."""
    word = words[index]
    following = words[index + 1] if index + 1 < len(words) else ""
    after_next = words[index + 2] if index + 2 < len(words) else ""
    if word in _NOT_VERBS or len(word) < 2 or not word.isalpha():
        return None
    if word in _PRESENT_PERFECT_AUX and _participle(following):
        return "perfect", None
    if word in _PLUPERFECT_AUX and _participle(following):
        return "past", None
    if word in _GO and following == "a" and after_next.endswith(("ar", "er", "ir")):
        return "future", "will"  # "va a anunciar"
    if word in _GO_PAST and following == "a":
        return None, "intention"  # "iba a": a plan of the past
    if word in _PLANS:
        return "future", "intention"
    if word in _FUTURE_IRREGULAR:
        return "future", "will"
    if word in _PAST_IRREGULAR or word in _IMPERFECT:
        return "past", None
    if index > 0 and words[index - 1] in _NOUN_BEFORE:
        return None  # the endings below after a determiner or preposition: a noun
    if len(word) > 3 and word.endswith(("rá", "rán", "ré", "remos", "réis", "rás")):
        return "future", "will"
    if len(word) > 4 and word.endswith(("ría", "rían", "ríamos", "rías")):
        return "future", "conditional"
    if (len(word) > 3 and word.endswith("ó")) or (
        len(word) > 5 and word.endswith(("aron", "ieron", "yeron"))
    ):
        return "past", None  # pretérito: "anunció", "cayeron"
    if len(word) > 4 and word.endswith(("aba", "aban", "ábamos")):
        return "past", None  # imperfecto: "estaba", "trabajaban"
    if word in _SCHEDULE:
        return "present", "schedule"
    if (
        _participle(word)
        and len(word) > 5
        and index > 0
        and words[index - 1] not in _AUXILIARY_BEFORE
    ):
        return "past", None  # "los planes anunciados en enero": a done act
    return None


class _Clauses(AnalysedSentence):
    """The words of one sentence, read on the first expression asked for."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.span = (start, end)
        self.words: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        for match in _WORD.finditer(text, start, end):
            self.words.append(match.group().lower())
            self.starts.append(match.start())
            self.ends.append(match.end())
        # A word written with a capital inside the sentence (not after a mark that opens
        # a quotation) is part of a name: "Estados Unidos", "Naciones Unidas", "gripe A".
        self.names = [
            index > 0
            and self.words[index - 1] not in _QUOTE_OPENERS
            and self.text[self.starts[index]].isupper()
            for index in range(len(self.words))
        ]

    def reading(self, start: int, end: int) -> Reading:
        before = self.text[max(self.span[0], start - 40) : start]
        if _AHEAD_BEFORE.search(before):
            return Reading("future", "cue")
        if _BACK_INFINITIVE.search(before):
            return Reading("past", "cue")
        first = bisect_left(self.starts, start)
        last = bisect_left(self.starts, end) - 1
        found = self._left(first)
        if found is None or self._opens(first):
            found = self._right(last) or found
        if found is None:
            if _BACK_BEFORE.search(before):
                return Reading("past", "cue")
            return NO_READING
        index, (tense, modality) = found
        if tense == "present" and self._time_clause(index):
            modality = "time-clause"
        return Reading(tense, modality, (self.starts[index], self.ends[index]))

    def _opens(self, first: int) -> bool:
        """Whether the expression opens its clause ("El lunes , las bolsas cayeron")."""
        position = first
        while position > 0 and self.words[position - 1] in _BEFORE_AN_EXPRESSION:
            position -= 1
        return position == 0 or self.words[position - 1] in _CLAUSE_OPENERS

    def _left(self, first: int) -> tuple[int, tuple[str | None, str | None]] | None:
        for index in range(first - 1, max(-1, first - _REACH - 1), -1):
            word = self.words[index]
            if word in _MARKS or word in _CLAUSE_BREAKS:
                return None
            form = None if self.names[index] else _form(self.words, index)
            if form is not None and (form[0] or form[1]):
                if (
                    index > 0
                    and self.words[index - 1] in _PRESENT_PERFECT_AUX
                    and form[0] == "past"
                ):
                    continue
                return index, form
        return None

    def _right(self, last: int) -> tuple[int, tuple[str | None, str | None]] | None:
        for index in range(last + 1, min(len(self.words), last + _REACH + 1)):
            word = self.words[index]
            if word in _MARKS or word in _CLAUSE_BREAKS:
                return None
            form = None if self.names[index] else _form(self.words, index)
            if form is not None and (form[0] or form[1]):
                return index, form
        return None

    def _time_clause(self, index: int) -> bool:
        return any(word in _TIME_CLAUSE for word in self.words[max(0, index - 4) : index])


def analyse_sentence(text: str, start: int, end: int) -> AnalysedSentence:
    return _Clauses(text, start, end)
