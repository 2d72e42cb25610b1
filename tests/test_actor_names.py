"""Every actor of an event is a whole name of its article, never a fragment.

The property: an actor's name is written in the article as a name span (not inside a
longer capitalised name, not across a slash or a quotation mark), or it is the canonical
name of one (a country named by its demonym or short form, the expansion of an acronym
the article uses, a full name given elsewhere in the article). Checked on every bundled
article and on a sample of corpus articles the rules were not written from.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from datasette_timeline.actors.gazetteer import (
    CALENDAR_WORDS,
    LEGAL_SUFFIXES,
    ORGANISATION_WORDS,
    lexicon,
)
from datasette_timeline.actors.resolve import initials
from datasette_timeline.actors.rules import TITLE_WORDS
from datasette_timeline.events import extract_events
from datasette_timeline.readers.text import parse_text_article
from datasette_timeline.readers.timeml import read_timeml_bytes

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
BUNDLED = [
    ROOT / "examples" / "karabakh-2020-11-03.txt",
    *sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt")),
]
_CAPITALISED = re.compile(r"[A-Z][\w.'’&-]*")


def name_spans(text: str, name: str) -> list[tuple[int, int]]:
    """Occurrences of ``name`` in ``text`` that are whole names: no capitalised word
    joined to either side ("Exchange Commission" inside "Securities and Exchange
    Commission" is not one) other than a title, a country or demonym, a legal form or a
    day, and no slash or quotation mark inside."""
    if any(mark in name for mark in '/"“”'):
        return []
    found = []
    for match in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
        before = re.search(r"([A-Z][\w.'’-]*) (?:(?:and|of|&) )?$", text[: match.start()][-60:])
        if before and not _may_stand_before(before.group(0), text, match.start(), name):
            continue  # a capitalised word runs into it
        after = re.match(
            r" (?:(?:and|of|&) )?([A-Z][\w.'’-]*)", text[match.end() : match.end() + 60]
        )
        if after and not _may_stand_after(after.group(0), after.group(1), name, text, match.end()):
            continue  # it runs on into a longer name
        found.append(match.span())
    return found


def _may_stand_before(phrase: str, text: str, position: int, name: str) -> bool:
    """A capitalised word that may stand right before a name without being part of it."""
    word = phrase.split()[0]
    if phrase.endswith((" and ", " & ")):
        # "McGrath and Shane Warne"; but not "Securities and Exchange Commission"
        return name.split()[-1] not in ORGANISATION_WORDS
    if word.rstrip(".,") in ORGANISATION_WORDS:
        return True  # a person after the body they work for
    sentence_start = re.search(
        r"(?:^|[.!?\n]\s*[\"“'`]*)\s*" + re.escape(word) + r"[^.!?\n]*$", text[:position]
    )
    cleaned = word.rstrip(".,").lower()
    return (
        cleaned in TITLE_WORDS
        or word.rstrip(".,") in lexicon()
        or word.endswith(("'s", "’s"))
        or word.rstrip(".,") in CALENDAR_WORDS
        or (sentence_start is not None and word[0].isupper() and cleaned in _FUNCTION_WORDS_LOWER)
    )


def _may_stand_after(phrase: str, word: str, name: str, text: str, end: int) -> bool:
    cleaned = word.rstrip(".,")
    if name.split()[-1] in ORGANISATION_WORDS:
        return not phrase.startswith((" of ", " and ", " & "))  # "... Committee Li Yunli"
    if phrase.startswith((" and ", " & ")):
        # two names joined, unless they make a body's name ("Smith and Wesson Company")
        following = text[end : end + 60].split()[1:4]
        return not any(w.strip(".,") in ORGANISATION_WORDS for w in following)
    if phrase.startswith(" of "):
        return cleaned in lexicon()
    return (
        cleaned.lower() in TITLE_WORDS
        or cleaned in CALENDAR_WORDS
        or cleaned in LEGAL_SUFFIXES
        or cleaned in ("Flight", "Jr", "Sr")
        or cleaned in lexicon()
    )


_FUNCTION_WORDS_LOWER = frozenset("the a an in on at for but and or after before".split())


def canonical_names(text: str) -> set[str]:
    """Names that stand for a span of ``text`` without being written as such: gazetteer
    names, and organisations with a country's short form spelled out."""
    table = lexicon()
    names = {lexeme.name for form, lexeme in table.items() if form in text}
    for form, lexeme in table.items():
        if lexeme.kind == "country" and lexeme.role == "country" and form != lexeme.name:
            for match in re.finditer(r"(?<![\w.])" + re.escape(form) + r" ([A-Z][\w ]+)", text):
                names.update(_prefixes(f"{lexeme.name} {match.group(1)}"))
    return names


def _prefixes(phrase: str) -> list[str]:
    words = phrase.split()
    return [" ".join(words[:size]) for size in range(2, len(words) + 1)]


def fragments(text: str, actor_names: set[str]) -> list[str]:
    text = text.replace("- ", "-")  # a hyphenated name broken at a line end is one name
    canonical = canonical_names(text)
    bad = []
    for name in sorted(actor_names):
        if name_spans(text, name) or name in canonical:
            continue
        if re.search(r"(?<![\w.])" + re.escape(initials(name)) + r"(?![\w])", text):
            continue  # an acronym the article uses, spelled out
        if any(name_spans(text, part) for part in _partial_forms(name)):
            continue  # "Louis Gerstner Jr." written "Louis V. Gerstner Jr."
        bad.append(name)
    return bad


def _partial_forms(name: str) -> list[str]:
    """A person's name as the article may write it: with a middle initial or a title."""
    words = name.split()
    forms = [re.sub(r"\.$", "", name)]
    if len(words) >= 2:
        # a middle initial: "Louis V. Gerstner Jr."
        forms.append(words[0])
    return [form for form in forms if " " in form or form != words[0] or len(words) == 1]


def actors_of(text: str, published: str | None) -> set[str]:
    return {actor.name for event in extract_events(text, published) for actor in event.actors}


@pytest.mark.parametrize("path", BUNDLED, ids=[path.name for path in BUNDLED])
def test_every_actor_is_a_name_of_its_article(path: Path) -> None:
    document = parse_text_article(path.read_text(encoding="utf-8"), path.name)
    assert fragments(document.text, actors_of(document.text, document.published)) == []


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPORA / "te3-silver").is_dir(), reason="needs ../shared/corpora")
def test_every_actor_is_a_name_of_its_article_in_corpus_articles() -> None:
    # Every 25th te3-silver article: about a hundred articles of several outlets.
    paths = sorted((CORPORA / "te3-silver").glob("*.tml"))[::25]
    bad = {}
    for path in paths:
        document = read_timeml_bytes(path.read_bytes(), path.name)
        found = fragments(document.text, actors_of(document.text, document.published))
        if found:
            bad[path.name] = found
    assert bad == {}


def test_name_spans_reject_fragments() -> None:
    text = "The Securities and Exchange Commission said. Exchange rates rose. Hershey Foods Corp."
    assert name_spans(text, "Exchange Commission") == []
    assert name_spans(text, "Securities and Exchange Commission")
    assert name_spans("Sony sold Series X/S consoles.", "Series X/S") == []
    assert name_spans("He met John Paul Jones.", "John Paul") == []
    assert name_spans("He met John Paul Jones on Friday.", "John Paul Jones")
