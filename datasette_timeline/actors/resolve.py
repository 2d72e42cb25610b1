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
    entities = sorted(entities + _nominals(document, entities), key=lambda entity: entity.start)
    return sorted(entities + _pronouns(document, entities), key=lambda entity: entity.start)


# "the agency", "the company": the noun, and what an organisation's name or the words
# that introduced it must show to be what the noun stands for.
_NOMINAL = re.compile(
    r"\b[Tt]he\s+(?:(?:space|aviation|news|nuclear|federal|state|carmaker|auto|oil|"
    r"investment|French|British|American|Japanese|German|Italian|Chinese)\s+)?"
    r"(?P<noun>agency|company|firm|airline|carrier|automaker|carmaker|ministry|bank|bureau|"
    r"commission|committee|council|court|alliance|organi[sz]ation|group)\b(?!\s+[A-Z])"
)
_NOMINAL_FITS: dict[str, tuple[str, ...]] = {
    "agency": ("Agency", "Administration", "Service", "Bureau", "Office", "NASA", "Agence"),
    "airline": ("Airlines", "Airways", "Air", "airline", "carrier"),
    "carrier": ("Airlines", "Airways", "Air", "airline", "carrier"),
    "automaker": ("Motors", "automaker", "carmaker"),
    "carmaker": ("Motors", "automaker", "carmaker"),
    "ministry": ("Ministry", "Department"),
    "bank": ("Bank",),
    "bureau": ("Bureau",),
    "commission": ("Commission",),
    "committee": ("Committee",),
    "council": ("Council",),
    "court": ("Court",),
    "alliance": ("Alliance", "NATO"),
    "organization": ("Organization", "Organisation"),
    "organisation": ("Organization", "Organisation"),
    "group": ("Group", "group"),
}
# Bodies that are not companies ("the company" never stands for them).
_PUBLIC_BODY_WORDS = frozenset(
    """Agency Administration Service Bureau Office Ministry Department Court Commission
    Committee Council Assembly Senate Congress Parliament Police Army Navy Force Forces
    Government Authority Union Nations Party University College Institute Foundation
    League Church Corps Guard""".split()
)
_COMPANY_CUES = (
    "company",
    "firm",
    "maker",
    "automaker",
    "carmaker",
    "airline",
    "carrier",
    "group",
    "giant",
    "retailer",
    "manufacturer",
    "bank",
    "lender",
    "insurer",
)


def _nominals(document: Document, entities: list[Entity]) -> list[Entity]:
    """ "The agency said": the one organisation of that sort named before in the text."""
    text = document.text
    organisations = [e for e in entities if e.kind == "organization"]
    taken = [(e.start, e.end) for e in entities]
    added = []
    for match in _NOMINAL.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        if any(start <= match.start() < end for start, end in document.header_spans):
            continue
        if text[match.end() : match.end() + 2] in ("'s", "’s"):
            continue  # "the company's vice president": a description, not a mention
        noun = match.group("noun")
        earlier = [e for e in organisations if e.end <= match.start()]
        fitting = {e.name: e for e in earlier if _fits(text, e, noun)}
        if len(fitting) != 1:
            continue
        referent = next(iter(fitting.values()))
        added.append(
            Entity(
                match.start(),
                match.end(),
                match.group(),
                referent.name,
                referent.kind,
                referent.code,
                "nominal",
            )
        )
    return added


def _fits(text: str, organisation: Entity, noun: str) -> bool:
    """Can ``noun`` ("the agency", "the company") stand for this organisation?"""
    introduced = text[max(0, organisation.start - 30) : organisation.start].lower().split()
    words_of_name = organisation.text.replace(".", "").split()
    if noun in ("company", "firm"):
        if any(word in _PUBLIC_BODY_WORDS for word in words_of_name):
            return False
        return organisation.via in ("context", "org-word", "acronym", "name", "flight") and not (
            organisation.text.isupper() and not any(cue in introduced for cue in _COMPANY_CUES)
        )
    cues = _NOMINAL_FITS.get(noun, ())
    return any(word in cues for word in words_of_name) or any(
        cue in introduced[-2:] for cue in cues
    )


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


_PRONOUN_SUBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t)\b")
_PRONOUN_KINDS = {"he": ("person",), "she": ("person",), "it": ("organization",)}
# "It is expected that", "it was a ...", "it seems": "it" that stands for nothing.
_EXPLETIVE_IT = re.compile(
    r"(?:['’]s\b|\s+(?:is|was|will\s+be|would\s+be|seems|seemed|appears|"
    r"appeared|remains|takes|took|has\s+been|had\s+been|may|might|could)\b)"
)
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
    genders = first_name_genders()
    added: list[Entity] = []
    text = document.text
    for number, (start, end) in enumerate(document.sentences):
        if number == 0:
            continue
        for match in _PRONOUN_SUBJECT.finditer(text, start, end):
            word = match.group().lower()
            kinds = _PRONOUN_KINDS[word]
            if not _subject_position(text, start, match.start()):
                continue
            if word == "it" and _EXPLETIVE_IT.match(text, match.end()):
                continue  # "it is expected that ...": no referent
            if any(start <= e.start < match.start() and e.kind in kinds for e in entities):
                break  # the sentence names a candidate before the pronoun
            referent = _sentence_subject(document, number - 1, [*entities, *added], kinds)
            if referent is None:
                break
            if referent.kind == "person":
                wanted = "male" if word == "he" else "female"
                if genders.get(referent.name.split()[0], wanted) != wanted:
                    break
            added.append(
                Entity(
                    match.start(),
                    match.end(),
                    match.group(),
                    referent.name,
                    referent.kind,
                    referent.code,
                    "pronoun",
                )
            )
            break
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


def _sentence_subject(
    document: Document, number: int, entities: list[Entity], kinds: tuple[str, ...]
) -> Entity | None:
    """The entity of one of ``kinds`` named as the subject of sentence ``number``."""
    people = [entity for entity in entities if entity.kind in kinds]
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
