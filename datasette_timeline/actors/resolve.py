"""Cross-sentence rules: short mentions, "the agency", and subject pronouns.

* Short mentions: once a person is named in full ("Ali Khamenei"), a later (or earlier,
  as in a headline) capitalised word equal to the last word of that name ("Khamenei",
  "Khamenei's") is the same person, unless two people found share that surname. A
  single-word person found through a title ("Senator McCain") takes the full name too,
  and so does a one-word place that is the surname of a person named in the document
  ("Henderson described ..." after "Fritz Henderson": the man, not the Nevada city).
* "The agency", "the company", "the airline" ...: the organisation of that sort named
  earlier in the article, when there is exactly one (see ``_NOMINAL_FITS``).
* "The king", "the foreign minister", "Kenya's trade minister": the one person named
  before with that title (of the same country, when the role names one), or that an
  earlier mention of the role stood for. A lede may name the role first: it is the one
  person the next two sentences name with that title ("Trade Minister Joseph Kimotho"),
  or, when the role reports ("the Polish foreign minister said here Friday"), the person
  whose full name opens the next sentence and reports too ("Dariusz Rosati told ...").
* Pronouns, only where a reader could not hesitate: "he" or "she" as the subject of a
  sentence (its first word, or after a quotation, "and", "but", "that", ...), with no
  person named before it in that sentence, stands for the subject of the previous
  sentence: the last person named before that sentence's first verb (a possessive such
  as "Khamenei's representative" is not the subject; a quotation opening the sentence is
  skipped, so "'...,' Smith said." has Smith as subject), when that person agrees in
  gender (a first name the Census lists give to one sex only); "His" or "Her" opening a
  sentence ("His car was found ...") stands for the same person. Otherwise the pronoun
  stays unresolved: "The former minister joined the navy in 1942, said the party leader.
  He ..." names no referent, since the subject of the first sentence is not a name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict

from .gazetteer import CALENDAR_WORDS, PREDICATE_VERB, first_name_genders
from .model import Entity
from .tokens import Document


def resolve_mentions(document: Document, entities: list[Entity]) -> list[Entity]:
    entities = _one_kind_per_name(entities)
    entities = _expanded_acronyms(entities)
    entities = _full_names_for_people(entities)
    entities = _full_names_for_organisations(entities)
    entities = _short_mentions(document, entities)
    nominals = _nominals(document, entities) + _person_nominals(document, entities)
    entities = sorted(entities + nominals, key=lambda entity: entity.start)
    return sorted(entities + _pronouns(document, entities), key=lambda entity: entity.start)


def _one_kind_per_name(entities: list[Entity]) -> list[Entity]:
    """A name the article gives an organisation elsewhere ("Dow Jones & Co.") is that
    organisation where only its place before a reporting verb made it a person ("Dow
    Jones said")."""
    bodies = {e.name: e for e in entities if e.kind == "organization"}
    return [
        Entity(e.start, e.end, e.text, e.name, "organization", None, "name")
        if e.kind == "person" and e.via == "reporting" and e.name in bodies
        else e
        for e in entities
    ]


# "the agency", "the company": the noun, and what an organisation's name or the words
# that introduced it must show to be what the noun stands for.
_NOMINAL = re.compile(
    r"\b[Tt]he\s+(?:(?:space|aviation|news|nuclear|federal|state|carmaker|auto|oil|"
    r"investment|French|British|American|Japanese|German|Italian|Chinese)\s+)?"
    r"(?P<noun>agency|company|firm|airline|carrier|automaker|carmaker|ministry|bank|bureau|"
    r"commission|committee|council|court|alliance|organi[sz]ation|group)\b(?!\s+[A-Z])"
)
_NOMINAL_FITS: dict[str, tuple[str, ...]] = {
    "agency": (
        "Agency",
        "Administration",
        "Authority",
        "Service",
        "Bureau",
        "Office",
        "NASA",
        "Agence",
    ),
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
    taken = _Spans(entities)
    added = []
    for match in _NOMINAL.finditer(text):
        if taken.overlaps(match.start(), match.end()):
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


# "the king", "the monarch", "the foreign minister", "Kenya's trade minister": a person
# named with that title.
_PERSON_NOMINAL = re.compile(
    r"(?:\b[Tt]he\s+(?:[A-Z][a-z]+\s+)?|\b[A-Z][a-z]+['’]s\s+)"
    r"(?P<title>(?:(?:foreign|prime|defen[cs]e|finance|interior|state|trade|justice|health|"
    r"commerce|industry|economy|energy|transport|agriculture|labou?r)\s+)?"
    r"(?:king|queen|monarch|president|minister|premier|senator|governor|mayor|chancellor|"
    r"pope|ambassador|envoy|prosecutor|general))\b(?!\s+(?:[A-Z]|of\b))"
)
_TITLE_FORMS = {"monarch": ("king", "queen")}
# A role or a name reporting: "the Polish foreign minister said", "Dariusz Rosati told".
_REPORTS_AFTER = re.compile(r"\s+(?:said|says|told|announced|added|stated)\b")


def _person_nominals(document: Document, entities: list[Entity]) -> list[Entity]:
    """ "The monarch will meet Bush": the one person named earlier with that title, or
    that an earlier mention of the same role stood for ("The foreign minister said he
    ..." after "the Polish foreign minister said"). A role before anyone is named with it
    (in a lede: "Kenya's trade minister") is the one person the next two sentences name
    with that title ("Trade Minister Joseph Kimotho"), or, when the role reports ("the
    Polish foreign minister said here Friday"), the person whose full name opens the
    next sentence and reports too ("Dariusz Rosati told reporters ...")."""
    text = document.text
    people = [e for e in entities if e.kind == "person" and e.via not in ("pronoun", "nominal")]
    # a country inside the role is part of it ("the Polish foreign minister")
    taken = _Spans([e for e in entities if e.kind != "country"])
    countries = sorted((e for e in entities if e.kind == "country"), key=lambda e: e.start)
    added: list[Entity] = []
    sentence_starts = [start for start, _ in document.sentences]
    for match in _PERSON_NOMINAL.finditer(text):
        if taken.overlaps(match.start(), match.end()):
            continue
        if text[match.end() : match.end() + 2] in ("'s", "’s"):
            continue
        title = match.group("title").lower()
        forms = _TITLE_FORMS.get(title, (title,))
        # "the Iraqi ambassador" is no Soviet ambassador named before
        country = {e.name for e in countries if match.start() <= e.start < match.end()}
        fitting = {
            e.name
            for e in people
            if e.end <= match.start()
            and _titled(text, e, forms)
            and (not country or country == _countries_before(text, countries, e))
        }
        fitting |= {e.name for e in added if e.end <= match.start() and title in e.text.lower()}
        if not fitting:
            later = _named_later(document, people, match, forms, sentence_starts)
            if later is not None and not (
                country and _countries_before(text, countries, later) - country
            ):
                fitting = {later.name}
        if len(fitting) == 1:
            name = next(iter(fitting))
            added.append(
                Entity(match.start(), match.end(), match.group(), name, "person", None, "nominal")
            )
    return added


# The sentences of an article's start (a headline, a dateline, the lede).
_LEDE_SENTENCES = 3


def _named_later(
    document: Document,
    people: list[Entity],
    match: re.Match[str],
    forms: tuple[str, ...],
    sentence_starts: list[int],
) -> Entity | None:
    """The mention of the person a role stands for before anyone is named with it (see
    ``_person_nominals``), or None."""
    text = document.text
    number = bisect_right(sentence_starts, match.start()) - 1
    if not 0 <= number < _LEDE_SENTENCES or number + 1 >= len(document.sentences):
        return None  # only a lede names a role before the person
    limit = document.sentences[min(number + 2, len(document.sentences) - 1)][1]
    later = [e for e in people if match.end() <= e.start < limit]
    titled = {e.name: e for e in later if _titled(text, e, forms)}
    if titled:
        return next(iter(titled.values())) if len(titled) == 1 else None
    if not _REPORTS_AFTER.match(text, match.end()):
        return None
    start, end = document.sentences[number + 1]
    while start < end and text[start] in ' \n\t"“':
        start += 1
    for person in later:
        if person.start == start and " " in person.name and _REPORTS_AFTER.match(text, person.end):
            return person
    return None


def _countries_before(text: str, countries: list[Entity], person: Entity) -> set[str]:
    """The countries named in the 60 characters before a person's name in its sentence
    ("Soviet Foreign Ministry spokesman ..."): the country of the title. ``countries``
    are in text order."""
    low = bisect_left(countries, person.start - 60, key=lambda e: e.start)
    high = bisect_left(countries, person.start, key=lambda e: e.start)
    return {
        e.name
        for e in countries[low:high]
        if not re.search(r"[.!?][\"”']?\s|\n", text[e.end : person.start])
    }


def _titled(text: str, person: Entity, titles: tuple[str, ...]) -> bool:
    """Was this mention of a person introduced with one of ``titles``?"""
    before = " ".join(text[max(0, person.start - 40) : person.start].lower().split())
    named = person.name.lower()
    return any(before.endswith(title) or named.startswith(title + " ") for title in titles)


def _fits(text: str, organisation: Entity, noun: str) -> bool:
    """Can ``noun`` ("the agency", "the company") stand for this organisation?"""
    introduced = text[max(0, organisation.start - 30) : organisation.start].lower().split()
    words_of_name = organisation.text.replace(".", "").split()
    if noun in ("company", "firm"):
        if any(word in _PUBLIC_BODY_WORDS for word in words_of_name):
            return False
        return organisation.via in (
            "context",
            "org-word",
            "acronym",
            "name",
            "flight",
            "spacy",
        ) and not (
            organisation.text.isupper() and not any(cue in introduced for cue in _COMPANY_CUES)
        )
    cues = _NOMINAL_FITS.get(noun, ())
    return any(word in cues for word in words_of_name) or any(
        cue in introduced[-2:] for cue in cues
    )


class _Spans:
    """The text spans of entities, asked whether a span overlaps one (in log time)."""

    def __init__(self, entities: list[Entity]) -> None:
        spans = sorted((e.start, e.end) for e in entities)
        self.starts = [start for start, _ in spans]
        # the furthest end reached by the spans up to each one (they may nest)
        self.reach: list[int] = []
        furthest = -1
        for _, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_left(self.starts, end)
        return index > 0 and self.reach[index - 1] > start


def initials(name: str) -> str:
    """ "Government Accountability Office" -> "GAO"; "United States Air Force" -> "USAF"."""
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w[0].isupper())


def _expanded_acronyms(entities: list[Entity]) -> list[Entity]:
    """ "the NCAA" after "the Nigerian Civil Aviation Authority": an organisation written
    as the initials of the one organisation of the article they spell is that one."""
    spelled: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity.kind == "organization" and " " in entity.name:
            spelled[initials(entity.name)].add(entity.name)
    resolved = []
    for entity in entities:
        letters = entity.name.replace(".", "")
        names = spelled.get(letters, set())
        if entity.kind == "organization" and letters.isupper() and len(names) == 1:
            name = next(iter(names))
            entity = Entity(
                entity.start, entity.end, entity.text, name, entity.kind, entity.code, "acronym"
            )
        resolved.append(entity)
    return resolved


# Titles that are part of how a person is known ("King Hussein" is not Saddam Hussein).
NAMING_TITLES = frozenset(
    "King Queen Prince Princess Pope Emperor Empress Sheikh Emir Sultan Crown".split()
)
_NAME_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})


def surname(name: str) -> str:
    """The last word of a person's name, past "Jr." and the like."""
    words = name.split()
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words[-1]


def _people_by_surname(entities: list[Entity]) -> dict[str, str]:
    """Surname -> the one full name (or, without one, the one titled name such as
    "President Clinton") of the article's people that ends in it."""
    full_names: dict[str, set[str]] = defaultdict(set)
    titled: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        if entity.kind != "person" or " " not in entity.name:
            continue
        if entity.via == "title-surname":
            titled[surname(entity.name)].add(entity.name)
            if entity.name.split()[0] in NAMING_TITLES:
                full_names[surname(entity.name)].add(entity.name)
        else:
            full_names[surname(entity.name)].add(entity.name)
    found = {key: next(iter(names)) for key, names in full_names.items() if len(names) == 1}
    for key, names in titled.items():
        if key not in full_names and len(names) == 1:
            found[key] = next(iter(names))
    return found


def _full_names_for_people(entities: list[Entity]) -> list[Entity]:
    surnames = _people_by_surname(entities)
    titled_names = {
        e.name
        for e in entities
        if e.via == "title-surname" and e.name.split()[0] not in NAMING_TITLES
    }
    resolved = []
    for entity in entities:
        short = entity.kind in ("person", "place") and " " not in entity.name
        titled = entity.kind == "person" and entity.name in titled_names
        key = surname(entity.name)
        if (short or titled) and key in surnames and surnames[key] != entity.name:
            entity = Entity(
                entity.start,
                entity.end,
                entity.text,
                surnames[key],
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
    taken = _Spans(entities)
    added = []
    for index, token in enumerate(document.tokens):
        name = surnames.get(token.text)
        if name is None or document.in_header(token):
            continue
        if taken.overlaps(token.start, token.end):
            continue
        following = document.next_word(index)
        if following[:1].isupper() and following not in CALENDAR_WORDS:
            continue  # "Nobel" in "the Nobel Peace Prize": part of another name
        added.append(Entity(token.start, token.end, token.text, name, "person", None, "short-name"))
    return entities + added


_PRONOUN_SUBJECT = re.compile(r"\b(?:[Hh]e|[Ss]he|[Ii]t|His|Her)\b")
_PRONOUN_KINDS = {
    "he": ("person",),
    "she": ("person",),
    "it": ("organization",),
    "his": ("person",),
    "her": ("person",),
}
_MALE = ("he", "his")
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
    # the entities of each sentence (the rule looks at one sentence and the one before)
    sentence_starts = [start for start, _ in document.sentences]
    by_sentence: list[list[Entity]] = [[] for _ in document.sentences]
    for entity in entities:
        by_sentence[max(0, bisect_right(sentence_starts, entity.start) - 1)].append(entity)
    for number, (start, end) in enumerate(document.sentences):
        if number == 0:
            continue
        for match in _PRONOUN_SUBJECT.finditer(text, start, end):
            word = match.group().lower()
            kinds = _PRONOUN_KINDS[word]
            if not _subject_position(text, start, match.start()):
                continue
            if word in ("his", "her") and text[start : match.start()].strip(_QUOTES + "([ -"):
                continue  # "His promise ... was abandoned": only opening the sentence
            if word == "it" and _EXPLETIVE_IT.match(text, match.end()):
                continue  # "it is expected that ...": no referent
            here = by_sentence[number]
            if any(start <= e.start < match.start() and e.kind in kinds for e in here):
                break  # the sentence names a candidate before the pronoun
            referent = _sentence_subject(document, number - 1, by_sentence[number - 1], kinds)
            if referent is None:
                break
            if referent.kind == "person":
                wanted = "male" if word in _MALE else "female"
                if genders.get(referent.name.split()[0], wanted) != wanted:
                    break
            pronoun = Entity(
                match.start(),
                match.end(),
                match.group(),
                referent.name,
                referent.kind,
                referent.code,
                "pronoun",
            )
            added.append(pronoun)
            by_sentence[number].append(pronoun)  # a chain: "He said ... He added ..."
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
