"""Language packs: the words, patterns and grammar of each language the tagger reads.

A pack is a folder ``lang/<code>/`` whose ``__init__.py`` defines ``PACK``, a
``LanguagePack`` (see ``timex/pack.py`` and docs/languages.md). Packs are imported on
first use, so a program that tags English never loads the others.
"""

from __future__ import annotations

import functools
import importlib

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
