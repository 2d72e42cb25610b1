"""Which of an article's names are the actors of one dated event.

The article's entities are found once (``find_entities``: names, short mentions,
acronyms, "the agency", safe pronouns); an event then takes, as a reader would:

1. the mentions inside its clause (``clause``). In a clause that lists several dated
   items ("Greece and Turkey in 1952, Germany in 1955 and Spain in 1982") each date
   takes only the names of its own item;
2. of these, the people and organisations, and the countries the text makes act or be
   acted on. A country is not an actor where it only places or qualifies something:
   after a preposition of place ("in Kuwait", "between Australia and India", also
   across a list: "in Kenya and Tanzania"), in the dateline ("CANBERRA, Australia
   (AP)"), as a plural demonym ("Americans": people of the country), before a place
   word ("Tanzania's commercial capital", "the Saudi border"), or as an adjective
   ("Iraqi civilians", "U.S. dollars", "Thai Prime Minister Chaowalit": that person is
   the actor) unless the noun it qualifies is one of the state's agents ("Iraqi
   troops", "the British government", "US air strikes");
3. each actor once, under its canonical name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .gazetteer import lexicon, words
from .model import ACTOR_KINDS, Entity

Span = tuple[int, int]

# Prepositions after which a country is where something happens, not who acts.
_LOCATIVE = words("in at near inside outside throughout within across around between among")
# Nouns of a state acting: after a demonym or adjective the country is the actor.
_STATE_AGENTS = words(
    """government governments administration authorities authority officials official
    leadership leader leaders regime state cabinet parliament ministry military army navy
    troops forces force soldiers police diplomats diplomat envoy envoys ambassador
    delegation negotiators president premier minister spokesman spokeswoman prosecutor
    prosecutors intelligence warplanes jets strikes airstrikes bombers"""
)
# Two-word agents ("foreign minister", "security forces", "air strikes").
_STATE_AGENT_PAIRS = words(
    """air foreign prime deputy defence defense interior finance trade security armed
    state special naval air"""
)
# Words that make a possessive or an adjective name a place of the country.
_PLACE_WORDS = words(
    """capital border borders territory territories soil airspace waters coast port ports
    city cities town towns province provinces region regions island islands heartland
    countryside mainland"""
)
# Words after a short form ("the US must", "U.S. said") that show it acts.
_VERB_AFTER = words(
    """must may might will would could should can has have had is was are were did does
    said says told announced warned agreed signed denied rejected accused"""
)
_WORD = re.compile(r"[\w’'.-]+|[,;:()\"“”]")
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]*)?,\s*$")


def event_actors(
    text: str,
    entities: Sequence[Entity],
    clause: Span,
    date: Span,
    dates: Sequence[Span],
) -> list[Entity]:
    """The actor mentions of the event dated at ``date`` (offsets in ``text``), one per
    canonical name, in text order. ``clause`` bounds the date's clause and ``dates``
    are every event date of the sentence."""
    low, high = _item_bounds(text, clause, date, dates)
    chosen: dict[str, Entity] = {}
    for entity in entities:
        if not (low <= entity.start and entity.end <= high) or entity.kind not in ACTOR_KINDS:
            continue
        if entity.kind == "country" and not country_acts(text, entity, clause[0]):
            continue
        chosen.setdefault(entity.name, entity)
    return list(chosen.values())


def _item_bounds(text: str, clause: Span, date: Span, dates: Sequence[Span]) -> Span:
    """The part of the clause that belongs to ``date`` when the clause lists dated items
    ("X in 1952, Y in 1955 and Z in 1982"): each item ends at its date."""
    inside = sorted(d for d in dates if clause[0] <= d[0] and d[1] <= clause[1])
    if len(inside) < 2:
        return clause
    position = inside.index(date)
    low, high = clause
    if position > 0:
        previous_end = inside[position - 1][1]
        if _LIST_GAP.match(text, previous_end, date[0]):
            low = previous_end
    if position + 1 < len(inside):
        following = inside[position + 1]
        if _LIST_GAP.match(text, date[1], following[0]):
            high = date[1]
    return low, high


# Between two dated items of a list: a comma or "and", then a short item without a verb.
_LIST_GAP = re.compile(r"(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?[A-Z][^,;.]{0,60}?\s+$")


def country_acts(text: str, mention: Entity, sentence_start: int) -> bool:
    """Does this mention of a country make it an actor (see the module's rule 2)?"""
    before = text[max(sentence_start, mention.start - 120) : mention.start]
    if _DATELINE.fullmatch(text, sentence_start, mention.start):
        return False
    if _after_locative(before):
        return False
    following = [m.group() for m in _WORD.finditer(text, mention.end, mention.end + 80)][:6]
    if (
        following[:1] == ["'s"]
        or following[:1] == ["’s"]
        or text[mention.end : mention.end + 2]
        in (
            "'s",
            "’s",
        )
    ):
        rest = [w.lower() for w in following[1:4] if w not in ("'s", "’s")]
        return not any(word in _PLACE_WORDS for word in rest)
    entry = lexicon().get(mention.text)
    role = entry.role if entry is not None else None
    if role == "demonym" and mention.text.endswith("s") and mention.text[:-1] in lexicon():
        return False  # "Americans", "Iraqis": people of the country
    letters = mention.text.replace(".", "")
    adjective = role == "demonym" or (letters.isupper() and len(letters) <= 3)
    if not adjective:
        return True
    return _qualifies_an_agent(following, short_form=role != "demonym")


def _after_locative(before: str) -> bool:
    """Does ``before`` end with a preposition of place, possibly across a list of names
    ("in Kenya and", "between Australia, Indonesia,")?"""
    tokens = [m.group() for m in _WORD.finditer(before)]
    index = len(tokens) - 1
    for _ in range(8):
        if index >= 0 and tokens[index] in ("the", "The"):
            index -= 1
        if index < 0:
            return False
        word = tokens[index]
        if word.lower() in _LOCATIVE:
            return True
        if word not in ("and", "or", ","):
            return False
        index -= 1
        while index >= 0 and tokens[index] == ",":
            index -= 1
        # skip the previous conjunct: capitalised words
        start = index
        while index >= 0 and tokens[index][:1].isupper():
            index -= 1
        if index == start:
            return False
    return False


def _qualifies_an_agent(following: list[str], short_form: bool) -> bool:
    """After a demonym or a short form ("Iraqi", "U.S."): is the country acting?"""
    if not following:
        return False
    first = following[0]
    if short_form and (first.lower() in _VERB_AFTER or first.endswith("ed")):
        return True
    index = 0
    # "U.S. and Arab troops": a coordinated adjective before the noun
    if first in ("and", "or") and len(following) > 2 and following[1][:1].isupper():
        index = 2
    if index < len(following) and following[index].lower() in _STATE_AGENT_PAIRS:
        index += 1
    if index >= len(following) or following[index].lower() not in _STATE_AGENTS:
        return False
    # "Thai Prime Minister Chaowalit Yongchaiyudh": a title before a name is the person.
    after = following[index + 1 : index + 2]
    return not (after and after[0][:1].isupper() and after[0].isalpha())
