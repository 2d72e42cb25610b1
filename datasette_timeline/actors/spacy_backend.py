"""Optional spaCy backend: a user's installed pipeline finds the names, we name them.

spaCy's labels map to our kinds: PERSON -> person; GPE and NORP -> country when the
gazetteer knows them as a country or demonym (with its ISO code), a capital or other
GPE -> place (a capital acting, "Tehran said", -> its country); ORG -> organization;
LOC and FAC -> place. Names are canonicalised as in the rule finder (titles, possessives
and legal forms dropped; a title with a surname alone kept: "President Clinton"), and the
same entity step runs afterwards (``resolve``: acronyms to their expansions, surnames to
full names, "the agency", safe pronouns); the events then choose their actors from these
entities as they do from the rule finder's (``assign``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from .canonical import organisation_name, person_name
from .gazetteer import ACTION_VERBS, country_by_code, lexicon
from .model import Entity
from .resolve import resolve_mentions
from .rules import TITLE_WORDS
from .tokens import Document

_PLACE_LABELS = frozenset({"LOC", "FAC"})


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Any:
    """Load a spaCy pipeline by package name or path, once per process."""
    try:
        import spacy
    except ImportError as error:
        raise RuntimeError(
            "ner='spacy' needs spaCy: pip install spacy, then a model (python -m spacy download NAME)"
        ) from error
    try:
        return spacy.load(model)
    except OSError as error:
        raise RuntimeError(f"cannot load spaCy model {model!r}: {error}") from error


def find_spacy_entities(text: str, model: str) -> list[Entity]:
    document = Document(text)
    parsed = load_pipeline(model)(text)
    entities = []
    for span in parsed.ents:
        if any(start <= span.start_char < end for start, end in document.header_spans):
            continue
        following = text[span.end_char : span.end_char + 40].split()
        entity = map_entity(span.label_, span.text, span.start_char, following[:1])
        if entity is not None:
            entities.append(entity)
    return resolve_mentions(document, sorted(entities, key=lambda entity: entity.start))


def map_entity(label: str, surface: str, start: int, following: list[str]) -> Entity | None:
    """One spaCy entity as ours, or None when its label names no actor or place."""
    words = surface.split()
    if not words:
        return None
    end = start + len(surface)
    table = lexicon()
    if label == "PERSON":
        name = person_name(words, TITLE_WORDS)
        if " " not in name and len(words) > 1 and words[0][:1].isupper():
            # "President Clinton": known by title and surname until the full name is given
            return Entity(start, end, surface, surface, "person", None, "title-surname")
        return Entity(start, end, surface, name, "person", None, "spacy")
    if label == "ORG":
        return Entity(
            start, end, surface, organisation_name(words, table), "organization", None, "spacy"
        )
    if label in ("GPE", "NORP"):
        known = table.get(surface.removeprefix("the ").removesuffix("'s").removesuffix("’s"))
        if known is not None and known.kind == "country":
            return Entity(start, end, surface, known.name, "country", known.code, "spacy")
        if known is not None and known.role == "capital":
            acts = surface.endswith(("'s", "’s")) or bool(
                following and following[0] in ACTION_VERBS
            )
            country = country_by_code(known.code)
            if acts and country is not None:
                return Entity(start, end, surface, country.name, "country", country.code, "capital")
        if label == "GPE":
            return Entity(start, end, surface, surface, "place", None, "spacy")
        return None
    if label in _PLACE_LABELS:
        return Entity(start, end, surface, surface, "place", None, "spacy")
    return None
