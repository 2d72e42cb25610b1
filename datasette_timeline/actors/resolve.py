"""Cross-sentence rules: short mentions and subject pronouns.

* Short mentions: once a person is named in full ("Ali Khamenei"), a later (or earlier,
  as in a headline) capitalised word equal to the last word of that name ("Khamenei",
  "Khamenei's") is the same person, unless two people found share that surname. A
  single-word person found through a title ("Senator McCain") takes the full name too,
  and so does a one-word place that is the surname of a person named in the document
  ("Henderson described ..." after "Fritz Henderson": the man, not the Nevada city).
* Pronouns: in a sentence where "he" or "she" occurs before any person is named, the
  pronoun stands for the person mentioned last in the two sentences before (pronoun
  mentions count, so a chain of "he said" keeps its referent). That is the centring rule
  of thumb: a pronoun subject continues the person the text was about.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .model import Entity
from .tokens import Document

_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_PRONOUN_LOOKBACK = 2  # sentences


def resolve_mentions(document: Document, entities: list[Entity]) -> list[Entity]:
    entities = _full_names_for_people(entities)
    entities = _full_names_for_organisations(entities)
    entities = _short_mentions(document, entities)
    entities = sorted(entities, key=lambda entity: entity.start)
    return sorted(entities + _pronouns(document, entities), key=lambda entity: entity.start)


def _people_by_surname(entities: list[Entity]) -> dict[str, str]:
    full_names: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity.kind == "person" and " " in entity.name:
            full_names[entity.name.split()[-1]].add(entity.name)
    return {surname: next(iter(names)) for surname, names in full_names.items() if len(names) == 1}


def _full_names_for_people(entities: list[Entity]) -> list[Entity]:
    surnames = _people_by_surname(entities)
    resolved = []
    for entity in entities:
        if (
            entity.kind in ("person", "place")
            and " " not in entity.name
            and entity.name in surnames
        ):
            entity = Entity(
                entity.start,
                entity.end,
                entity.text,
                surnames[entity.name],
                "person",
                None,
                "short-name",
            )
        resolved.append(entity)
    return resolved


def _full_names_for_organisations(entities: list[Entity]) -> list[Entity]:
    """ "the Air Force" after "the U.S. Air Force": a shorter tail names the same body."""
    names = {e.name for e in entities if e.kind == "organization" and " " in e.name}
    resolved = []
    for entity in entities:
        if entity.kind == "organization":
            longer = [n for n in names if n != entity.name and n.endswith(" " + entity.name)]
            if len(longer) == 1:
                entity = Entity(
                    entity.start,
                    entity.end,
                    entity.text,
                    longer[0],
                    entity.kind,
                    None,
                    "short-name",
                )
        resolved.append(entity)
    return resolved


def _short_mentions(document: Document, entities: list[Entity]) -> list[Entity]:
    surnames = _people_by_surname(entities)
    if not surnames:
        return entities
    taken = [(entity.start, entity.end) for entity in entities]
    added = []
    for token in document.tokens:
        name = surnames.get(token.text)
        if name is None or document.in_header(token):
            continue
        if any(start < token.end and token.start < end for start, end in taken):
            continue
        added.append(Entity(token.start, token.end, token.text, name, "person", None, "short-name"))
    return entities + added


def _pronouns(document: Document, entities: list[Entity]) -> list[Entity]:
    people = [entity for entity in entities if entity.kind == "person"]
    added: list[Entity] = []
    for number, (start, end) in enumerate(document.sentences):
        match = _PRONOUN.search(document.text, start, end)
        if match is None:
            continue
        if any(start <= person.start < match.start() for person in people):
            continue
        window_start = document.sentences[max(0, number - _PRONOUN_LOOKBACK)][0]
        earlier = [person for person in [*people, *added] if window_start <= person.start < start]
        if not earlier:
            continue
        referent = max(earlier, key=lambda person: person.start)
        added.append(
            Entity(
                match.start(), match.end(), match.group(), referent.name, "person", None, "pronoun"
            )
        )
    return added
