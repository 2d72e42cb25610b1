"""English: the words, patterns, clause grammar and vetoes of English temporal
expressions, as one ``LanguagePack``."""

from __future__ import annotations

import re

from ...pack import LanguagePack
from .anchors import event_anchor
from .grammar import RULES, TRIGGERS
from .normalise import NORMALISERS
from .tense import analyse_sentence
from .titles import names_a_title

# Words whose presence says the text is reported relative to its own date.
_DEICTIC_WORDS = re.compile(
    r"\b(?:today|yesterday|tomorrow|tonight|(?<!the\s)(?:this|last|next)\s+(?:week|month|year|"
    r"morning|afternoon|evening|night|weekend|"
    r"(?-i:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|[Ss]pring|[Ss]ummer|[Ff]all|[Aa]utumn|[Ww]inter))|ago|"
    r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b",
    re.IGNORECASE,
)
# Words before a date that make it a starting point or a limit, not the time a story is
# told in ("has coached the team since 2009 and signed ... in January").
_LIMIT_BEFORE = re.compile(
    r"\b(?:since|until|till|by|as\s+of|before|through|to)\s+(?:the\s+)?$", re.IGNORECASE
)
# "... since 1966, when they beat West Germany": the clause after it is set in that time.
_SETTING_AFTER = re.compile(r",?\s+when\b", re.IGNORECASE)

PACK = LanguagePack(
    code="en",
    rules=RULES,
    triggers=TRIGGERS,
    normalisers=NORMALISERS,
    analyse_sentence=analyse_sentence,
    names_a_title=names_a_title,
    titled_rules=frozenset(["holiday"]),
    deictic_words=_DEICTIC_WORDS,
    year_rule="year",
    limit_before=_LIMIT_BEFORE,
    setting_after=_SETTING_AFTER,
    fiscal=re.compile("fiscal", re.IGNORECASE),
    event_anchor=event_anchor,
)
