"""Canonical names shared by both finders."""

from __future__ import annotations

import re

from .gazetteer import LEGAL_SUFFIXES, Lexeme

_POSSESSIVE = re.compile(r"['’]s?$")


def organisation_name(words: list[str], lexicon: dict[str, Lexeme]) -> str:
    """ "The General Motors Corporation" -> "General Motors" (but "Australian Broadcasting
    Corporation" keeps it: after a word like "Broadcasting" it names); "U.S. Air Force" ->
    "United States Air Force" (a country's short form leading a name is spelled out; a
    name written in full, "Macau Health Bureau", stays as written)."""
    words = [_POSSESSIVE.sub("", word) for word in words]
    if len(words) > 1 and words[0] in ("The", "the"):
        words = words[1:]
    while len(words) > 1 and (
        words[-1] in LEGAL_SUFFIXES or words[-1].rstrip(".") in LEGAL_SUFFIXES
    ):
        if words[-1] in ("Corporation", "Company") and words[-2].endswith("ing"):
            break  # "Australian Broadcasting Corporation": the word is part of the name
        words = words[:-1]
    while len(words) > 1 and words[-1] in ("&", "amp", "and"):
        words = words[:-1]  # "Dow Jones & Co." -> "Dow Jones"
    for size in range(min(3, len(words) - 1), 0, -1):
        written = " ".join(words[:size])
        lexeme = lexicon.get(written)
        if (
            lexeme is not None
            and lexeme.kind == "country"
            and lexeme.role == "country"
            and written.replace(".", "").isupper()  # a short form: "U.S.", "UK"
        ):
            words = [lexeme.name, *words[size:]]
            break
    return " ".join(words)


def person_name(words: list[str], title_words: frozenset[str]) -> str:
    """ "Supreme Leader Ali Khamenei's" -> "Ali Khamenei": titles and possessive dropped."""
    words = [_POSSESSIVE.sub("", word) for word in words]
    while len(words) > 1 and words[0].lower().rstrip(".") in title_words:
        words = words[1:]
    return " ".join(words)
