"""Language packs: the words, patterns and grammar of each language the tagger reads.

A pack is a folder ``lang/<code>/`` whose ``__init__.py`` defines ``PACK``, a
``LanguagePack`` (see ``timex/pack.py`` and docs/languages.md). Packs are imported on
first use, so a program that tags English never loads the others.
"""

from __future__ import annotations

import functools
import importlib
import re

from ..pack import LanguagePack

# The languages with a pack, by ISO 639-1 code.
LANGUAGES = ("en", "es")


@functools.cache
def pack_for(code: str) -> LanguagePack:
    """The pack of the language ``code`` ("en", "es"); ValueError for one without."""
    if code not in LANGUAGES:
        raise ValueError(f"no language pack for {code!r}: one of {', '.join(LANGUAGES)}")
    module = importlib.import_module(f"{__name__}.{code}")
    pack: LanguagePack = module.PACK
    return pack


_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, sample: int = 4000) -> str:
    """The language of ``text`` among those with a pack: the one whose frequent words
    (each pack's ``common_words``) are most of the words of its first ``sample``
    characters; English when none is found. A cheap guess for texts that say nothing of
    their language; a caller that knows it passes it."""
    words = [word.lower() for word in _WORD.findall(text[:sample])]
    best, best_count = LANGUAGES[0], 0
    for code in LANGUAGES:
        common = pack_for(code).common_words
        count = sum(1 for word in words if word in common)
        if count > best_count:
            best, best_count = code, count
    return best
