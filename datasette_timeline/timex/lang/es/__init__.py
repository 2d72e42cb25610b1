"""Spanish: the words, patterns, clause reading and vetoes of Spanish temporal
expressions, as one ``LanguagePack``."""

from __future__ import annotations

import re

from ...context import Context
from ...pack import LanguagePack
from .grammar import RULES, TRIGGERS
from .normalise import NORMALISERS
from .tense import analyse_sentence

# Words whose presence says the text is reported relative to its own date.
_DEICTIC_WORDS = re.compile(
    r"\b(?:hoy|ayer|mañana|anoche|anteayer|hace|(?:este|esta|el\s+pasado|la\s+pasada|el\s+próximo|"
    r"la\s+próxima)\s+(?:semana|mes|año|fin\s+de\s+semana|lunes|martes|miércoles|jueves|viernes|"
    r"sábado|domingo)|(?:semana|mes|año)\s+pasad[oa]|(?<![Ee]l\s)(?:lunes|martes|miércoles|"
    r"jueves|viernes|sábado|domingo)|el\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|"
    r"domingo))\b",
    re.IGNORECASE,
)
# Words before a date that make it a starting point or a limit ("desde 2009", "hasta
# marzo"), not the time a story is told in.
_LIMIT_BEFORE = re.compile(
    r"\b(?:desde|hasta|para|antes\s+de|a\s+partir\s+de|a\s+fecha\s+de)\s+(?:el\s+|la\s+|del\s+)?$",
    re.IGNORECASE,
)
_SETTING_AFTER = re.compile(r",?\s+cuando\b", re.IGNORECASE)
# The event a duration is counted from: "dos días antes del lanzamiento", "cinco años
# después de su lanzamiento".
_ANCHOR = re.compile(
    r"[ \t]+(?P<relation>después|despues|antes|más\s+tarde|mas\s+tarde)[ \t]+"
    r"(?:de(?:l)?|de\s+que|de\s+la|de\s+los|de\s+las)[ \t]+(?P<phrase>(?:(?!(?:y|pero|mientras|"
    r"cuando|que|porque)\b)[\w'’-]+[ \t]*){1,8})",
    re.IGNORECASE,
)


def event_anchor(text: str, end: int) -> tuple[int, int, int] | None:
    found = _ANCHOR.match(text, end)
    if found is None:
        return None
    phrase_start, phrase_end = found.start("phrase"), found.end("phrase")
    while phrase_end > phrase_start and text[phrase_end - 1].isspace():
        phrase_end -= 1
    if re.match(
        r"\d|(?:el\s+)?(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b",
        text[phrase_start:],
        re.IGNORECASE,
    ):
        return None  # "dos días antes del 5 de mayo": a date, which the tagger reads itself
    sign = -1 if found["relation"].lower().startswith("antes") else 1
    return sign, phrase_start, phrase_end


def names_a_title(ctx: Context, start: int, end: int) -> bool:
    """Capitalised time words inside a sentence and beside another capitalised word are
    part of a name ("Sábado Gigante", "la Primavera Árabe", "Cien Años"): Spanish writes
    them in lower case."""
    text = ctx.text
    word = re.match(r"(?:(?:el|la|los|las|del|al)\s+)?([^\W\d_]+)", text[start:end], re.IGNORECASE)
    if word is None or not word.group(1)[:1].isupper() or word.group(1).isupper():
        return False
    first = start + word.start(1)
    sentence_start = ctx.sentence_around(first)[0]
    if not text[sentence_start:first].strip("¿¡\"'“‘«(-–— \t"):
        return False
    following = re.match(r"\s+([^\W\d_]+)", text[end : end + 30])
    previous = re.search(r"([^\W\d_]+)\s+$", text[max(0, first - 30) : first])
    return bool(
        (following and following.group(1)[:1].isupper())
        or (previous and previous.group(1)[:1].isupper())
    )


PACK = LanguagePack(
    code="es",
    rules=RULES,
    triggers=TRIGGERS,
    normalisers=NORMALISERS,
    analyse_sentence=analyse_sentence,
    names_a_title=names_a_title,
    titled_rules=frozenset(["holiday", "clock", "date", "year", "iso", "numeric"]),
    deictic_words=_DEICTIC_WORDS,
    year_rule="year",
    limit_before=_LIMIT_BEFORE,
    setting_after=_SETTING_AFTER,
    fiscal=re.compile(r"fiscal|ejercicio", re.IGNORECASE),
    event_anchor=event_anchor,
)
