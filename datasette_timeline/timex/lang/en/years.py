"""English contexts in which a four-digit number is no year: a count after a verb
("employs 1500"), part of the name of a thing ("the Data Protection Act 1998", "Windows
2000", "the Russell 2000 index"). The edition of a recurring event keeps its year ("Euro
2020", "Worldwide Developers Conference 2010"): that is when it happens."""

from __future__ import annotations

import re

from ...context import Context
from . import verbs as v
from .titles import opens_a_clause

_WORD_BEFORE = re.compile(r"([A-Za-z][\w'’-]*)[ \t]+$")
# Capitalised words that may stand before a year without naming anything: prepositions
# and articles opening a sentence, months, seasons, "Fiscal", "Calendar", "Christmas".
_NOT_A_NAME = frozenset(
    """in by since from until of on at the and for to fy fiscal calendar year class spring
    summer autumn fall winter christmas easter midsummer ad bc ce bce during after before
    early mid late end start january february march april may june july august september
    october november december jan feb mar apr jun jul aug sep sept oct nov dec circa
    ca""".split()
)
# Names of recurring events, whose year says when the edition takes place.
_EVENT_SERIES = frozenset(
    """conference cup games olympics olympiad summit expo euro championship championships
    festival open election elections census fair show tour convention congress forum week
    awards cop biennale marathon grand prix world""".split()
)
# Verbs after which a year is their object or the time they name ("marked 1998 as",
# "said 1998 was").
_VERBS_OF_YEARS = frozenset(
    """be become remain seem say tell think believe expect predict forecast mark celebrate
    commemorate recall remember see name declare proclaim designate end begin start close
    open enter call make consider target set choose pick cite""".split()
)


def names_with_year(ctx: Context, start: int) -> bool:
    """Whether the number at ``start`` completes a name: a capitalised word inside a
    sentence stands right before it ("the Data Protection Act 1998", "Euro 2016")."""
    found = _WORD_BEFORE.search(ctx.text, max(0, start - 30), start)
    if found is None:
        return False
    word = found.group(1)
    if not word[:1].isupper() or word.isupper() or word.endswith(("'s", "’s")):
        return False  # "NASA's 1986 inquiry": the year describes what follows
    if word.lower().rstrip(".") in _NOT_A_NAME | _EVENT_SERIES:
        return False
    return not opens_a_clause(ctx, found.start(1))


def counted_by_a_verb(text: str, start: int) -> bool:
    """Whether the number at ``start`` is what a verb counts: "employs 1500", "sold 1200"
    (not "said 1998 was", "marks 2020")."""
    found = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if found is None or not found.group(1).islower():
        return False
    forms, lemma = v.verb_forms(found.group(1))
    return bool(forms & {"VBD", "VBZ", "VBP"}) and lemma not in _VERBS_OF_YEARS
