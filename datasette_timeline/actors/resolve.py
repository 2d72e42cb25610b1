"""Cross-sentence rules: short mentions, "the agency", and subject pronouns.

* Short mentions: once a person is named in full ("Ali Khamenei"), a later (or earlier,
  as in a headline) capitalised word equal to the last word of that name ("Khamenei",
  "Khamenei's") is the same person, unless two people found share that surname. A
  single-word person found through a title ("Senator McCain") takes the full name too,
  and so does a one-word place that is the surname of a person named in the document
  ("Henderson described ..." after "Fritz Henderson": the man, not the Nevada city).
* "The agency", "the company", "the airline" ...: the organisation of that sort named
  earlier in the article, when there is exactly one (see ``_NOMINAL_FITS``).
* Pronouns, only where a reader could not hesitate: "he" or "she" as the subject of a
  sentence (its first word, or after a quotation, "and", "but", "that", ...), with no
  person named before it in that sentence, stands for the subject of the previous
  sentence: the last person named before that sentence's first verb (a possessive such
  as "Khamenei's representative" is not the subject; a quotation opening the sentence is
  skipped, so "'...,' Smith said." has Smith as subject), when that person agrees in
  gender (a first name the Census lists give to one sex only). Otherwise the pronoun
  stays unresolved: "The former minister joined the navy in 1942, said the party leader.
  He ..." names no referent, since the subject of the first sentence is not a name.
"""

from __future__ import annotations

import re
from collections import defaultdict

from .gazetteer import PREDICATE_VERB, first_name_genders
from .model import Entity
from .tokens import Document


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


_PRONOUN_SUBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_SUBJECT_BEFORE = frozenset(
    {
        "and",
        "but",
        "that",
        "when",
        "after",
        "before",
        "because",
        "as",
        "while",
        "if",
        "so",
        "then",
        "where",
        "although",
        "though",
        "since",
        "until",
        "once",
        "said",
        "says",
    }
)
_QUOTES = "\"“”‘’'`"


def _pronouns(document: Document, entities: list[Entity]) -> list[Entity]:
    people = [entity for entity in entities if entity.kind == "person"]
    genders = first_name_genders()
    added: list[Entity] = []
    text = document.text
    for number, (start, end) in enumerate(document.sentences):
        if number == 0:
            continue
        match = _PRONOUN_SUBJECT.search(text, start, end)
        if match is None or not _subject_position(text, start, match.start()):
            continue
        if any(start <= person.start < match.start() for person in people):
            continue
        referent = _sentence_subject(document, number - 1, [*people, *added])
        if referent is None:
            continue
        first_name = referent.name.split()[0]
        wanted = "male" if match.group().lower() == "he" else "female"
        if genders.get(first_name, wanted) != wanted:
            continue
        added.append(
            Entity(
                match.start(), match.end(), match.group(), referent.name, "person", None, "pronoun"
            )
        )
    return added


def _subject_position(text: str, sentence_start: int, position: int) -> bool:
    """Is the pronoun at ``position`` the subject of a clause of its sentence?"""
    before = text[sentence_start:position].rstrip()
    if not before.strip(_QUOTES + "([ -"):
        return True
    if before[-1] in "," + _QUOTES:
        return True
    last_word = before.rsplit(None, 1)[-1].lower()
    return last_word in _SUBJECT_BEFORE


def _sentence_subject(document: Document, number: int, people: list[Entity]) -> Entity | None:
    """The person named as the subject of sentence ``number``, or None."""
    text = document.text
    start, end = document.sentences[number]
    stripped = start
    while stripped < end and text[stripped] in " \n\t([":
        stripped += 1
    if stripped < end and text[stripped] in '"“‘`':
        # '"We will win," Smith said.': the quotation is not the subject.
        closing = re.compile(r"[\"”’']{1,2}(?=\s)").search(text, stripped + 1, end)
        if closing is None:
            return None
        stripped = closing.end()
    verb = PREDICATE_VERB.search(text, stripped, end)
    limit = verb.start() if verb else end
    candidates = [
        person
        for person in people
        if stripped <= person.start
        and person.end <= limit
        and text[person.end : person.end + 2] not in ("'s", "’s")
    ]
    return max(candidates, key=lambda person: person.start) if candidates else None
