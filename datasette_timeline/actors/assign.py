"""Which of an article's names are the actors of one dated event.

The article's entities are found once (``find_entities``: names, short mentions,
acronyms, "the agency", safe pronouns); an event then takes, as a reader would:

1. the mentions of its own clause (``clause``): in a clause listing dated items
   ("Greece and Turkey in 1952, Germany in 1955") each date takes its item's names and
   the shared subject, and a date opening such a clause ("Since 1949, ...") none of the
   items' names; a date in what a person reported about others ("Glenn said that
   of nine women killed last year ...") leaves the reporter out (also without
   "that": "X said special ambassador Y left Tuesday"), and so does a quotation about
   others ('"Campaigns should have ended on Saturday," said Raila Odinga'); the source
   after the date ("..., according to Rabbi Chaim Stauber") is no actor; a date in a
   subordinate clause ("60 years after the United States dropped ... on August 6")
   takes that clause, a relative clause the words it describes; a condition after the
   date ("... if federal agents tried to send him back to Cuba") or a relative clause right
   after it ("talks Thursday, which included ... Poland's entry into NATO") names none,
   nor does one between commas before the date ("The offer, which Telerate's directors
   have rejected, had been scheduled to expire at midnight Friday"); a phrase describing
   the date ("on Saturday, the anniversary of ...") names no actor, nor does the
   dateline ("MACAO, Nov. 18 (Xinhua) --"); a date qualifying a noun inside a
   prepositional phrase ("cooperation in probing into last Friday's bombings of U.S.
   embassies") takes that noun's phrase, the subject of its clause and whoever "charged
   in" ties to it, not the sentence's other names (``noun_phrase_scope``);
2. of these, the people; the organisations, except one that only employs a named person
   ("Air Force pilot Michael Blassie"; but a body acts through its head: "FBI director
   Louie Freeh"); and the countries the text makes act or be
   acted on. A country is not an actor where it only places or qualifies something:
   after a preposition of place ("in Kuwait", "between Australia and India", also
   across a list: "in Kenya and Tanzania"), as a plural demonym ("Americans": people of
   the country), before a place word ("Tanzania's commercial capital", "the Saudi
   border"), before a topic or a player it names ("its Iraq policy", "England
   midfielder Gerrard", "China-made presents"), after "anti-", or as an adjective
   ("Iraqi civilians", "U.S. dollars",
   "Thai Prime Minister Chaowalit": that person is the actor) unless the noun it
   qualifies is one of the state's agents or its economy ("Iraqi troops", "the British
   government", "US air strikes", "US stock markets"). Nor is an organisation whose
   name only qualifies another noun ("the UN nuclear watchdog agency", "U.N.-ordered
   sanctions", "under IAEA control"), unless that noun is its people, forces, shares or
   acts ("a UN official", "NATO warplanes", "a NATO-led airstrike", "the OPEC meeting"),
   nor a college or stadium after a preposition of place ("at Westminster College"), nor
   a person whose home it names ("spotted in Slepian's suburban neighborhood");
3. each actor once, under its canonical name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .gazetteer import (
    CALENDAR_WORDS,
    ORGANISATION_CUES,
    ORGANISATION_CUES_AFTER,
    PREDICATE_VERB,
    lexicon,
    words,
)
from .model import ACTOR_KINDS, Entity
from .rules import TITLE_WORDS

Span = tuple[int, int]

# Prepositions after which a country is where something happens, not who acts.
_LOCATIVE = words("in at near inside outside throughout within across around between among")
# Nouns of a state acting (its government, forces, economy): after a demonym or adjective
# the country is the actor.
_STATE_AGENTS = words(
    """government governments administration authorities authority officials official
    leadership leader leaders regime state cabinet parliament ministry military army navy
    troops forces force soldiers police diplomats diplomat envoy envoys ambassador
    delegation negotiators president premier minister spokesman spokeswoman prosecutor
    prosecutors intelligence warplanes jets strikes airstrikes bombers economy markets
    market stocks exports imports"""
)
# Two-word agents ("foreign minister", "security forces", "air strikes").
_STATE_AGENT_PAIRS = words(
    """air foreign prime deputy defence defense interior finance trade security armed
    state special naval stock"""
)
# Words that make a possessive or an adjective name a place of the country.
_PLACE_WORDS = words(
    """capital border borders territory territories soil airspace waters coast port ports
    city cities town towns province provinces region regions island islands heartland
    countryside mainland"""
)
# What a country's name before it makes a topic or a player's team, not an actor.
_TOPICS = words(
    """war wars policy policies question issue crisis conflict problem situation
    independence file star midfielder striker defender forward goalkeeper international
    captain coach"""
)
# People of a country after its name: not the country acting.
_INHABITANTS = words("residents resident citizens citizen nationals people population voters")
# Words after a short form ("the US must", "U.S. said") that show it acts.
_VERB_AFTER = words(
    """must may might will would could should can has have had is was are were did does
    said says told announced warned agreed signed denied rejected accused"""
)
# How far before its date a reporting verb or a subordinator is looked for (characters).
_REACH = 300
_WORD = re.compile(r"[\w’'.-]+|[,;:()\"“”]")
_DATELINE = re.compile(r"\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Z][\w .'’-]*)?,\s*$")
# "MACAO, Nov. 18 (Xinhua) --", "CANBERRA, Australia (AP)_": where and by whom it was filed.
_DATELINE_HEAD = re.compile(
    r"\s*[A-Z][A-Z .'’-]{2,},[^()\n]{0,40}\([^()\n]{1,30}\)\s*(?:_|--|-|—)?"
)


def event_actors(
    text: str,
    entities: Sequence[Entity],
    clause: Span,
    date: Span,
    dates: Sequence[Span],
    *,
    english: bool = True,
) -> list[Entity]:
    """The actor mentions of the event dated at ``date`` (offsets in ``text``), one per
    canonical name, in text order. ``clause`` bounds the date's clause and ``dates``
    are every event date of the sentence."""
    clauses = [clause if d == date else (d[0], d[1]) for d in dates]
    found = sentence_actors(text, entities, clauses, dates, english=english)
    return found[list(dates).index(date)]


def sentence_actors(
    text: str,
    entities: Sequence[Entity],
    clauses: Sequence[Span],
    dates: Sequence[Span],
    *,
    english: bool = True,
) -> list[list[Entity]]:
    """The actors of each date of one sentence (``clauses[i]`` bounds the clause of
    ``dates[i]``), as ``event_actors``; the sentence's items, subjects and datelines are
    worked out once, so a sentence of a thousand dates costs a thousand small steps.
    Without ``english`` (a text in another language) no English word is read: each date
    takes the actors named in its clause, outside the dateline."""
    if not english:
        return [_named_in(text, entities, clause) for clause in clauses]
    ordered = sorted(entities, key=lambda e: e.start)
    starts = [e.start for e in ordered]
    per_clause: dict[Span, tuple[list[int], Span, int]] = {}
    for clause in set(clauses):
        inside = sorted(d for d in dates if clause[0] <= d[0] and d[1] <= clause[1])
        boundaries = _item_boundaries(text, clause[0], inside)
        shared = _subject_zone(text, clause) if boundaries else (clause[0], clause[0])
        dateline = _DATELINE_HEAD.match(text, clause[0], clause[1])
        per_clause[clause] = (boundaries, shared, dateline.end() if dateline else clause[0])
    acts: dict[int, bool] = {}  # entity start -> does it name an actor here
    low_end, high_end = min(c[0] for c in clauses), max(c[1] for c in clauses)
    cues = _Cues(
        list(_REPORTING.finditer(text, low_end, high_end)),
        list(_SUBORDINATOR.finditer(text, low_end, high_end)),
        _source_phrases(text, low_end, high_end),
        list(_QUOTE_SPEAKER.finditer(text, low_end, high_end)),
    )
    found = []
    for clause, date in zip(clauses, dates, strict=True):
        boundaries, shared, dateline_end = per_clause[clause]
        index = bisect_right(boundaries, date[0])
        item = (
            boundaries[index - 1] if index else clause[0],
            boundaries[index] if index < len(boundaries) else clause[1],
        )
        found.append(
            _date_actors(
                text, ordered, starts, clause, item, shared, dateline_end, date, acts, cues
            )
        )
    return found


# "with" and a noun phrase doing something at the date: a clause of its own ("voted for an
# Arab force to protect Saudi Arabia, with the vanguard of Syria's contingent arriving
# Tuesday").
_ABSOLUTE = re.compile(r",\s+(with)\s+[^,;]{1,100}?\s[a-z]{3,}ing\s+$")
_ASIDE = re.compile(r",\s+(?:which|who|whose)\s[^,;()]{1,120},")
# A clause of its own after the date, whose names take no part in the dated happening: a
# condition ("if federal agents tried ... to send him back to Cuba"), or a relative clause
# right after the date ("talks Thursday, which included ... Poland's entry into NATO").
_CONDITION = re.compile(r"\b(?:if|unless)\s+")
_RELATIVE_AFTER = re.compile(r",\s+(?:which|who|whose|whom)\b")


def _named_in(text: str, entities: Sequence[Entity], clause: Span) -> list[Entity]:
    """Every actor named in the clause, past a dateline, once per canonical name."""
    dateline = _DATELINE_HEAD.match(text, clause[0], clause[1])
    low = dateline.end() if dateline else clause[0]
    chosen: dict[str, Entity] = {}
    for entity in sorted(entities, key=lambda e: e.start):
        if entity.kind in ACTOR_KINDS and low <= entity.start and entity.end <= clause[1]:
            chosen.setdefault(entity.name, entity)
    return list(chosen.values())


def _date_actors(
    text: str,
    ordered: list[Entity],
    starts: list[int],
    clause: Span,
    item: Span,
    shared: Span,
    dateline_end: int,
    date: Span,
    acts: dict[int, bool],
    cues: _Cues,
) -> list[Entity]:
    speakers, verb = _reported_start(text, item[0], date, cues.before(cues.reporting, date))
    low = _subordinate_start(text, speakers, date, cues.before(cues.subordinators, date))
    absolute = _ABSOLUTE.search(text, max(low, date[0] - 120), date[0])
    if absolute is not None:
        low = absolute.start(1)  # "..., with the vanguard of Syria's contingent arriving Tuesday"
    high = item[1]
    reach = min(high, date[1] + _REACH)  # what follows the date is read this far
    later = _CONDITION.search(text, date[1], reach) or _RELATIVE_AFTER.match(text, date[1], high)
    if later is not None:
        # "... Thursday, which included ... Poland's entry into NATO", "warned officials
        # Wednesday that ... if federal agents tried to send him back to Cuba"
        high = later.start()
    # who says so after the date is no actor of it ("issued a summons Tuesday ...,
    # according to the president of the World Council, Rabbi Chaim Stauber")
    sources = [source for source in cues.sources_near(date) if source[0] >= date[1]]
    speaker = _speaker_after_quotation(text, item, date, cues.quote_ends_after(date))
    if speaker is not None:
        sources.append(speaker)
    # a relative clause between commas before the date describes a noun, it tells nothing
    # of the dated happening ("The offer, which Telerate's directors have rejected, had
    # been scheduled to expire at midnight Friday")
    for aside in _ASIDE.finditer(text, max(low, date[0] - _REACH), date[0]):
        sources.append(aside.span())
    description = _DATE_APPOSITION.match(text, date[1], high)
    antecedent = _relative_antecedent(text, clause[0], low)
    first = min(item[0], shared[0], antecedent[0] if antecedent else low)
    scope = noun_phrase_scope(text, clause, date)
    # "who" and "whom" describe the names right before them ("Iraq's Saddam, with whom":
    # Saddam, not the message's Bush nor the possessor Iraq)
    if antecedent is not None and re.match(r"who\b|whom\b", text[low : low + 5]):
        antecedent = _names_before(text, antecedent)
    chosen: dict[str, Entity] = {}
    for entity in ordered[bisect_left(starts, first) : bisect_right(starts, high)]:
        if entity.kind not in ACTOR_KINDS:
            continue
        if scope is not None:
            # a date of a noun ("into last Friday's bombings of U.S. embassies"): only the
            # names of that noun's phrase take part in its event
            if not any(low_ <= entity.start and entity.end <= high_ for low_, high_ in scope):
                continue
        else:
            inside = low <= entity.start and entity.end <= high
            if not inside and entity.kind != "person" and low == speakers:
                # a body or country reporting its own plans stays ("it said two new flights
                # would leave ..."); a person reporting others' deeds does not, nor whom
                # it was told ("told AFP that ...")
                inside = item[0] <= entity.start and entity.end <= verb
            in_subject = shared[0] <= entity.start and entity.end <= shared[1]
            in_antecedent = antecedent is not None and antecedent[0] < entity.end <= antecedent[1]
            if not (inside or in_subject or in_antecedent):
                continue
        if description is not None and description.start() <= entity.start < description.end():
            continue
        if any(start <= entity.start < end for start, end in sources):
            continue  # the source of what is told ("according to Rabbi Chaim Stauber")
        if entity.start < dateline_end:
            continue
        if entity.start not in acts:
            acts[entity.start] = not (
                (entity.kind == "country" and not country_acts(text, entity, clause[0]))
                or (
                    entity.kind == "organization"
                    and (
                        _affiliation(text, entity, clause[0])
                        or _qualifier(text, entity)
                        or _venue(text, entity, clause[0])
                    )
                )
                or (entity.kind == "person" and _owner_of_a_place(text, entity, clause[0]))
            )
        if acts[entity.start]:
            chosen.setdefault(entity.name, entity)
            state = state_of_body(entity) if entity.kind == "organization" else None
            if state is not None:
                chosen.setdefault(state.name, state)
    return list(chosen.values())


# Bodies of a state's government: named after their country ("the British Foreign
# Office"), they act for it, so the country is an actor beside them. (Armies and agencies
# are left out: "Irish Republican Army", "US Anti-Doping Agency" are no state's.)
_STATE_BODY_WORDS = words("Office Ministry Department Embassy Government Cabinet Parliament")


def state_of_body(mention: Entity) -> Entity | None:
    """The country a state body's name begins with ("British Foreign Office": the United
    Kingdom; "Japanese Defense Agency": Japan), as a mention at the body's span; None for
    other organisations."""
    words_of_name = mention.text.split()
    if len(words_of_name) < 2 or not any(w in _STATE_BODY_WORDS for w in words_of_name[1:]):
        return None
    for size in (3, 2, 1):
        entry = lexicon().get(" ".join(words_of_name[:size]).removeprefix("the "))
        if entry is not None and entry.kind == "country" and size < len(words_of_name):
            return Entity(
                mention.start,
                mention.end,
                mention.text,
                entry.name,
                "country",
                entry.code,
                "state-body",
            )
    return None


# Words before a phrase that make it the complement of a preposition or the subject of
# what was reported: a date qualifying the phrase's noun dates that noun's happening.
_PHRASE_OPENERS = words(
    """of in into to for from after before since following including during over about at
    by with without despite amid against behind said says told"""
)
_FUNCTION = words(
    """the a an and or but of in on at to for by with from as that which who whom whose
    this these those its his her their our s before after since until during"""
)
# Inside a noun phrase: the prepositions that introduce its participants ("the bombing of
# Pan Am Flight 103", "the war with Iran", "attacks by rebels").
_PHRASE_LINKS = words("of by against with between among")
_PHRASE_ENDS = words("that which who whom whose where when while as")
# Words that tie the subject or the noun before them to a happening named after them
# ("agents charged in the 1988 bombing", "he is charged in three attacks").
_CHARGED = words(
    """charged accused convicted indicted suspected blamed responsible sentenced arrested
    wanted jailed tried"""
)
_AUXILIARIES = words("is are was were be been being has have had also")


_DETERMINER_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+$")


def noun_phrase_scope(text: str, clause: Span, date: Span) -> list[Span] | None:
    """When the date qualifies a noun inside a prepositional phrase or a reported subject
    ("probing into last Friday's bombings of U.S. embassies", "said last month's
    discovery of a rifle ... represented"), the spans whose names take part in that
    noun's happening: the noun's phrase with its "of"/"by"/"with" complements, the
    subject of the clause the phrase sits in ("Hamas won ... ahead of January's
    election"), and the people a word like "charged" ties to it ("agents charged in the
    Dec. 21, 1988, bombing"). None when the date is no such qualifier: a phrase that is
    the clause's subject or a verb's object ("A June 3 hearing has been scheduled in the
    court", "Innopac reported a fourth-quarter loss"), an opening "In the 1916 Rising,"
    whose clause tells what happened in it, or a description of a person ("a 17th century
    bishop")."""
    expression = text[date[0] : date[1]]
    possessive = text[date[1] : date[1] + 2] in ("'s", "’s") or expression.endswith(("'s", "’s"))
    if not possessive and not _DETERMINER_BEFORE.search(text, max(0, date[0] - 5), date[0]):
        return None  # the common case, told without reading the words around
    before = list(_WORD.finditer(text, max(clause[0], date[0] - 80), date[0]))
    opener_index = len(before) - 1
    if not possessive:
        if not before or before[-1].group().lower() not in ("the", "a", "an"):
            return None
        opener_index -= 1
    if opener_index < 0:
        return None
    opener = before[opener_index].group().lower()
    if opener not in _PHRASE_OPENERS:
        return None
    following = list(_WORD.finditer(text, date[1], min(clause[1], date[1] + 200)))
    head = _head_noun(following, ends_with_year=expression[-4:].isdigit())
    if head is None:
        return None
    end = following[head].end()
    for match in following[head + 1 : head + 14]:
        word = match.group().rstrip(".")
        lowered = word.lower()
        if word in (",", ";", ":", "(", ")", '"', "“", "”") or lowered in _PHRASE_ENDS:
            break
        if word[:1].islower() and PREDICATE_VERB.fullmatch(word):
            break
        if (
            word[:1].islower()
            and lowered in _FUNCTION
            and lowered not in _PHRASE_LINKS
            and lowered not in ("the", "a", "an", "and", "its", "his", "her", "their", "s")
        ):
            break
        end = match.end()
    phrase_start = before[opener_index].start()
    if _opening_phrase(text, clause[0], phrase_start, end):
        # "In the 1916 Rising, Irish rebels took over ...", "After the Monday talks, Berri
        # said", "Having enjoyed the 2005 win, Flintoff": the clause tells what happened
        # in it or right after it
        return None
    relative = re.match(r",\s+(?:which|who)\s+[^,;]{1,80}", text[end : clause[1]])
    if relative is not None:
        end += relative.end()  # "the 2004 nomination, which was won by John Kerry"
    scope = [(before[opener_index].end(), end)]
    link = _charged_link(text, clause, before[: opener_index + 1])
    if link is not None:
        scope.append(link)
    else:
        scope.append(_local_subject(text, clause, phrase_start))
    return scope


_CONJUNCTIONS = words("but and yet so then")


def _opening_phrase(text: str, clause_start: int, phrase_start: int, phrase_end: int) -> bool:
    """Is the phrase ending at ``phrase_end`` part of the words that open the clause, before
    its subject ("In the 1916 Rising,", "But after Sunday's match,", "Having enjoyed the
    highs of the 2005 win,")?"""
    if text[phrase_end : phrase_end + 1] != ",":
        return False
    opening = [m.group() for m in _WORD.finditer(text, clause_start, phrase_start)]
    while opening and opening[0].lower().strip("\"“`'(") in _CONJUNCTIONS:
        opening = opening[1:]
    if "," in opening or ";" in opening:
        return False
    if not opening:
        return True
    first = opening[0].lower().strip("\"“`'(")
    return first in _PHRASE_OPENERS or (first.endswith("ing") and len(first) > 4)


def _head_noun(following: list[re.Match[str]], ends_with_year: bool) -> int | None:
    """The index of the noun a date qualifies among the words after it ("'s bombings",
    "Embassy bombings", "1988, bombing"), or None when no noun follows."""
    for index, match in enumerate(following[:5]):
        word = match.group().rstrip(".")
        if word in ("'s", "’s") or word[:1].isupper() or word[:1].isdigit():
            continue
        if word == "," and ends_with_year and index == 0:
            continue  # "the Dec. 21, 1988, bombing"
        lowered = word.lower()
        if (
            lowered in _FUNCTION
            or not word.isalpha()
            or PREDICATE_VERB.fullmatch(word)
            or lowered in TITLE_WORDS
        ):
            return None
        return index
    return None


def _local_subject(text: str, clause: Span, position: int) -> Span:
    """The subject of the (reported) clause that ``position`` is in: the words before its
    first verb ("she was heartened by ...", after "said that")."""
    start = max(clause[0], position - _REACH)
    for opening in _CLAUSE_OPENING.finditer(text, start, position):
        if opening.group() in ("which", "who", "whom", "whose"):
            return (position, position)  # a relative clause: its subject is named before it
        start = opening.end()
    subject_start = start
    chunk: list[re.Match[str]] = []
    # the words between commas, each an opening phrase, an apposition or the subject
    for match in [*_WORD.finditer(text, start, position), None]:
        if match is not None and match.group() not in (",", ";"):
            chunk.append(match)
            continue
        if chunk:
            first = chunk[0].group().lower().strip("\"“`'(")
            if first in _SUBORDINATE_OPENERS or first in _PHRASE_OPENERS or first.endswith("ing"):
                # an opening phrase or clause ("In a statement,", "as X reports,")
                subject_start = match.end() if match is not None else position
            else:
                for index, word in enumerate(chunk):
                    if _is_verb(word.group()):
                        return (subject_start if index == 0 else chunk[0].start()), word.start()
        chunk = []
    return subject_start, position


_SUBORDINATE_OPENERS = words("as when while if because although though since once until unless")


def _is_verb(word: str) -> bool:
    """A finite verb, as far as its form tells ("Top seed Roger Federer": "seed" is none)."""
    return word[:1].islower() and not word.endswith("eed") and bool(PREDICATE_VERB.fullmatch(word))


# Where a clause of its own starts: "that", a reporting verb ("said polling centres will
# open"), a relative pronoun.
_CLAUSE_OPENING = re.compile(
    r"\b(?:that|said|say|says|told|added|announced|stated|which|who|whom|whose)\b"
)


def _charged_link(text: str, clause: Span, before: list[re.Match[str]]) -> Span | None:
    """ "agents charged in": the words before the participle; "he is charged in": the
    clause's subject."""
    for position in range(len(before) - 1, max(-1, len(before) - 8), -1):
        word = before[position].group().lower()
        if word in (",", ";") and before[position + 1].group() != "including":
            return None
        if word not in _CHARGED:
            continue
        previous = before[position - 1].group().lower() if position else ""
        if previous in _AUXILIARIES:
            return _subject_zone(text, clause)
        start = before[max(0, position - 5)].start()
        for match in before[max(0, position - 5) : position]:
            if match.group() in (",", ";") or PREDICATE_VERB.fullmatch(match.group()):
                start = match.end()
        return max(start, clause[0]), before[position].start()
    return None


def actor_spellings(entities: Sequence[Entity]) -> dict[str, tuple[str, ...]]:
    """Canonical name -> the other ways the article writes it ("President Obama",
    "Obama"): names as written, without pronouns, "the agency" or a possessive."""
    found: dict[str, dict[str, None]] = {}
    for entity in entities:
        if entity.kind not in ACTOR_KINDS or entity.via in ("pronoun", "nominal"):
            continue
        written = re.sub(r"['’]s$", "", entity.text).removeprefix("the ").removeprefix("The ")
        if written != entity.name:
            found.setdefault(entity.name, {})[written] = None
    return {name: tuple(sorted(forms)) for name, forms in found.items()}


# "on Saturday, the anniversary of the death of Alfred Nobel,": words that describe the
# date, not who took part.
_DATE_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+[^,;]{1,120}?,")
# Words opening a clause of its own inside a sentence.
_SUBORDINATOR = re.compile(
    r"\b(?:after|before|when|because|while|until|although|though|whereas|once|since|"
    r"(?P<relative>which|who|whose|whom))\s+"
)
# "with whom", "to which": the preposition that opens a relative clause
_PREPOSITION_AT_END = re.compile(r"\s+(?:with|to|of|for|by|from|in|on|at|under)$")
_REPORTING = re.compile(
    r"\b(?:said|says|told|stated|added|announced|reported|confirmed|noted|warned|insisted|"
    r"claimed|acknowledged|explained|argued|revealed|disclosed)\b"
)
# What a reported clause starts with when it is not one: "warned about", "said on Friday".
_NOT_REPORTED = words(
    """about in on at for with to from by of here there late early earlier later yesterday
    today tonight last this after before during over into against"""
)
# An auxiliary: the reported words have a predicate of their own ("said Iraq would ...").
_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|shall|"
    r"did|does|do)\b"
)
# A reported clause about its own speaker ("Saddam said he will begin ...").
_SPEAKER_PRONOUNS = words("he she it they we i his her its their our my")


@dataclass
class _Cues:
    """Reporting verbs, subordinators and sources ("according to ...") of a sentence,
    found once."""

    reporting: list[re.Match[str]]
    subordinators: list[re.Match[str]]
    sources: list[Span]
    quote_ends: list[re.Match[str]]  # a closing quotation mark and its speaker

    def __post_init__(self) -> None:
        self._starts = {
            id(matches): [match.start() for match in matches]
            for matches in (self.reporting, self.subordinators)
        }
        self._source_starts = [start for start, _ in self.sources]
        self._quote_starts = [match.start() for match in self.quote_ends]

    def before(self, matches: list[re.Match[str]], date: Span) -> list[re.Match[str]]:
        """The matches within ``_REACH`` characters before the date."""
        starts = self._starts[id(matches)]
        return matches[bisect_left(starts, date[0] - _REACH) : bisect_left(starts, date[0])]

    def quote_ends_after(self, date: Span) -> re.Match[str] | None:
        """The first end of a quotation after the date."""
        index = bisect_left(self._quote_starts, date[1])
        return self.quote_ends[index] if index < len(self.quote_ends) else None

    def sources_near(self, date: Span) -> list[Span]:
        """The source phrases starting within ``_REACH`` characters of the date."""
        starts = self._source_starts
        return self.sources[
            bisect_left(starts, date[0] - _REACH) : bisect_left(starts, date[1] + _REACH)
        ]


# "according to the president of the World Council, Rabbi Chaim Stauber": who says so.
_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
# The end of a source phrase: a comma (unless a name in apposition follows), a semicolon,
# a colon or a quotation mark.
_SOURCE_END = re.compile(
    r",(?!\s+(?:[A-Z][\w.'’&-]*|&|amp)(?:\s+(?:[A-Z][\w.'’&-]*|&|amp))*[.!?]?\s*(?:$|,))"
    r"|[;:\"“”]"
)


# The end of a quotation and its speaker: '...," said Roads Minister Raila Odinga.',
# '...," the minister said.'
_QUOTE_SPEAKER = re.compile(
    r"[,.!?]?\s*(?:[\"”]|'')\s*(?:(?:said|says|added|told)\b|[A-Za-z][^,.;\"“”]{0,60}?"
    r"\b(?:said|says|added|told)\b)"
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|us|my|My)\b")


def _speaker_after_quotation(
    text: str, item: Span, date: Span, closing: re.Match[str] | None
) -> Span | None:
    """The span naming who spoke, when the date is inside a quotation about others
    ('The law says campaigns should have ended on Saturday ...," said Roads Minister Raila
    Odinga'): the speaker is no actor of what the quotation dates. None when the
    quotation speaks of the speaker ('"We will withdraw on Friday," Saddam said')."""
    if (
        closing is None
        or closing.start() >= min(item[1], date[1] + _REACH)
        or re.search(r"[\"“]|``", text[date[1] : closing.start()])
    ):
        return None
    # the quoted clause of the date: to a "but" or a semicolon after it
    turn = re.compile(r"\bbut\b|;").search(text, date[1], closing.start())
    quoted = text[max(item[0], date[0] - _REACH) : turn.start() if turn else closing.start()]
    if _FIRST_PERSON.search(quoted):
        return None
    # to the end of the speaker's words ('Kommersant said, adding that Indonesia ...')
    rest = _SPEAKER_END.search(text, closing.end(), min(item[1], closing.end() + _REACH))
    return closing.start(), rest.start() if rest else item[1]


_SPEAKER_END = re.compile(r",\s+(?:adding|saying|and|but|while|as|who|which|whose)\b|;")


def _source_phrases(text: str, low: int, high: int) -> list[Span]:
    """The spans of the "according to ..." phrases of text[low:high]."""
    found = []
    for match in _ACCORDING.finditer(text, low, high):
        stop = _SOURCE_END.search(text, match.end(), min(high, match.end() + _REACH))
        found.append((match.start(), stop.start() if stop else min(high, match.end() + _REACH)))
    return found


def _reported_start(
    text: str, low: int, date: Span, reporting: list[re.Match[str]]
) -> tuple[int, int]:
    """Where what was reported starts, when the date is in it and it is about someone
    else than the speaker ("Glenn said that of nine women killed last year ..."; but
    "Saddam said he will begin ... on Friday" keeps Saddam), and where its reporting verb
    starts; else ``low`` twice. After "that" the words before it are whom it was told
    ("told AFP that ...")."""
    start = verb = low
    for match in reporting:
        if match.start() < low or match.end() > date[0]:
            continue
        gap = text[match.end() : date[0]]
        words_after = gap.split()
        if not words_after or words_after[0].lower() in _NOT_REPORTED:
            continue
        has_that = re.search(r"\bthat\b", gap) is not None
        if (
            not has_that
            and _AUXILIARY.search(gap) is None
            and (match.group() == "told" or not _finite_verb_after(gap))
        ):
            continue  # "told the weekly Welt am Sonntag": whom, not what
        that = re.search(r"\bthat\b", gap)
        content = gap[that.end() :].split() if that else words_after
        if content and content[0].lower().strip("\"“”'") in _SPEAKER_PRONOUNS:
            continue
        start = match.end() + that.end() if that else match.end()
        verb = match.start()
    return start, verb


def _finite_verb_after(gap: str) -> bool:
    """Has the reported clause a verb of its own after its subject ("said special
    ambassador Mikhail Sytenko left", "says thousands of people began gathering")?"""
    found = _WORD.findall(gap)
    return any(
        _is_verb(word) and index > 0 and found[index - 1].lower() not in _FUNCTION
        for index, word in enumerate(found)
        if "," not in found[:index]
    )


def _subordinate_start(text: str, low: int, date: Span, subordinators: list[re.Match[str]]) -> int:
    """Where a subordinate clause holding the date starts ("60 years after the United
    States dropped two bombs on August 6"; a clause counts with a verb of its own before
    the date and no comma between), else ``low``."""
    for match in subordinators:
        if match.start() < low or match.end() > date[0]:
            continue
        gap = text[match.end() : date[0]]
        if "," in gap or ";" in gap:
            continue
        if match.group("relative") or PREDICATE_VERB.search(gap):
            return match.start()
    return low


def _relative_antecedent(text: str, clause_start: int, low: int) -> Span | None:
    """The words a relative clause at ``low`` describes ("the NCAA, which ...", "the FBI's
    most wanted list, which began in 1950", "Iraq's Saddam, with whom the king met"): the
    names there take part in its event."""
    if re.match(r"(?:which|who|whose|whom)\b", text[low : low + 6]) is None:
        return None
    window = max(clause_start, low - 100)
    stripped = _PREPOSITION_AT_END.sub("", text[window:low].rstrip())
    if not stripped.endswith(","):
        return None
    end = window + len(stripped) - 1
    words_before = list(_WORD.finditer(text, max(clause_start, end - 80), end))
    if not words_before:
        return None
    return words_before[max(0, len(words_before) - 8)].start(), end


def _names_before(text: str, span: Span) -> Span:
    """The names that end ``span``: its last capitalised words with "and" between them
    ("Singh and Japanese Prime Minister Shinzo Abe"), past a possessor ("Iraq's Saddam"),
    or those before an apposition that ends it ("Patricia Hurt, the Essex County
    prosecutor")."""
    end = span[1]
    for _ in range(2):
        start = end
        for match in reversed(list(_WORD.finditer(text, span[0], end))):
            word = match.group()
            if word.endswith(("'s", "’s")) or not (word[:1].isupper() or word in ("and", "&")):
                break
            start = match.start()
        if start < end:
            return start, end
        comma = text.rfind(",", span[0], end)
        if comma < 0:
            break
        end = comma
    return span[1], span[1]


# Titles that make an organisation just before or after them a person's employer.
_AFFILIATION_TITLES = words(
    """spokesman spokeswoman spokesperson president vice-president chairman chairwoman head
    chief director pilot officer lawyer attorney analyst economist secretary minister
    commander general colonel captain sergeant correspondent reporter editor professor"""
)


# Titles of the head of a body, who acts for it.
_HEAD_TITLES = words(
    """director director-general chief head chairman chairwoman president leader
    secretary-general commissioner governor commander ceo"""
)


def _affiliation(text: str, mention: Entity, sentence_start: int) -> bool:
    """Is the organisation only a named person's employer: "Air Force pilot Michael
    Blassie", "Derek Glenn, a spokesman for the Newark Police Department"?"""
    following = [m.group() for m in _WORD.finditer(text, mention.end, mention.end + 60)][:4]
    former = re.search(r"\b(?:former|ex-)\s*$", text[max(0, mention.start - 10) : mention.start])
    if following and following[0].lower() in _HEAD_TITLES and former is None:
        return False  # "FBI director Louie Freeh": the body acts through its head
    if following and (following[0].lower() in _AFFILIATION_TITLES or following[0] == "Lieutenant"):
        rest = following[1:]
        while rest and (rest[0].lower() in _AFFILIATION_TITLES or rest[0] == "Colonel"):
            rest = rest[1:]
        if rest and rest[0][:1].isupper() and rest[0].isalpha() and rest[0] not in CALENDAR_WORDS:
            return True
    window = text[max(sentence_start, mention.start - 60) : mention.start]
    before = [m.group() for m in _WORD.finditer(window)]
    while before and before[-1].lower() in ("the", "a", "an"):
        before.pop()
    if len(before) < 3 or before[-1] not in ("of", "for", "at"):
        return False
    if before[-2].lower() not in _AFFILIATION_TITLES:
        return False
    # an apposition to a name: "Name, a spokesman for", "Name, vice president of"
    head = before[:-2]
    while head and (head[-1].lower() in ("a", "an", "the", "vice") or head[-1].islower()):
        head.pop()
    return len(head) >= 2 and head[-1] == "," and head[-2][:1].isupper()


# Nouns after an organisation's name that make it act: its people, its forces, its
# shares, or a happening it holds ("NATO warplanes", "a UN official", "Telerate shares",
# "the OPEC meeting").
_BODY_AGENTS = words(
    """official officials spokesman spokeswoman spokesperson source sources chief head leader
    leaders director directors board member members executive executives employee employees
    staff worker workers officer officers agent agents investigator investigators inspector
    inspectors negotiator negotiators lawyer lawyers delegation delegate delegates envoy
    envoys troops forces soldier soldiers warplanes jets planes aircraft ships police shares
    shareholders stock stocks chairman president secretary-general summit meeting meetings
    session talks conference resolution decision report statement vote plan announcement
    proposal offer bid deal agreement strike airstrike patrol operation attack raid offensive
    probe inquiry investigation ban embargo move order ruling verdict victory win campaign"""
)
# "U.N.-ordered", "UN-run", "China-made": a name joined to a participle (not a dash
# before a word: "Turkey and Russia-last week").
_HYPHEN_PARTICIPLE = re.compile(r"-(?:[a-z]+ed|run|made|built|held|led)\b")
# "a NATO-led airstrike", "Arab League-mediated talks": the body acts.
_AGENT_PARTICIPLES = ("-led", "-brokered", "-mediated", "-sponsored", "-hosted", "-organi")
# Nouns saying what the body is ("the Hamas movement", "the UN mission").
_BODY_KINDS = words(
    """movement faction militia mission coalition alliance government regime administration
    body institution team side club league"""
)
# Prepositions: no noun follows the name ("talks with Gazprom over an increase").
_PREPOSITIONS = words(
    """over under about into onto against among between through across after before during
    without within toward towards upon amid despite near behind beyond per via off up down
    out"""
)
# Words after a name that are no noun it could qualify ("joining the ADB next year", "CBS
# News first reported").
_NOT_NOUNS = words(
    """next last this early late earlier later today yesterday tomorrow tonight here there
    now then again also still yet only even just already soon ago alone together instead
    first once twice never always often"""
)


def _qualifier(text: str, mention: Entity) -> bool:
    """Does the organisation's name only qualify the noun after it ("the UN nuclear
    watchdog agency", "under a United Nations umbrella", "U.N.-ordered sanctions", "the NCAA
    autonomy bill", "under IAEA control")? Not when the noun is its people, forces, shares
    or one of its acts ("a UN official", "NATO warplanes", "the OPEC meeting"), nor when
    the word may be a verb ("Qantas plans", "the UN says")."""
    after = text[mention.end : mention.end + 40]
    if _HYPHEN_PARTICIPLE.match(after):
        # "U.N.-ordered sanctions", "the UN-run province"; but "a NATO-led airstrike"
        return not after.startswith(_AGENT_PARTICIPLES)
    run = re.match(r"(?: [a-z][a-z-]*\b){1,3}", text[mention.end : mention.end + 60])
    if run is None:
        return False
    following = run.group().split()
    first = following[0]
    if first in ORGANISATION_CUES or first in ORGANISATION_CUES_AFTER or first in _BODY_KINDS:
        return False  # "Xinhua reporter", "Time magazine": what the body is
    if first in _PREPOSITIONS:
        return False
    for word in following:
        if word in _BODY_AGENTS or word in TITLE_WORDS:
            return False  # "OPEC oil cartel members", "UN weapons inspectors"
        if (
            len(word) < 3  # no noun: "y", "to"
            or word in _NOT_NOUNS
            or word in _FUNCTION
            or word in _PREPOSITIONS
            or word.endswith(("s", "ed", "ly", "ing"))
            or word in _VERB_AFTER
            or PREDICATE_VERB.fullmatch(word)
        ):
            # the run ends (or may be a verb: "Qantas plans", "the UN says")
            return word is not first and not word.endswith("s")
    return True


# Bodies that are also buildings or grounds: after a preposition of place, the place.
_VENUE_WORDS = words(
    """College University School Hospital Stadium Hotel Center Centre Hall Museum Church
    Cathedral Mosque Airport Park Square Palace Theatre Theater Arena"""
)


def _venue(text: str, mention: Entity, sentence_start: int) -> bool:
    """ "a speech ... at Westminster College in Fulton": a college, hospital or stadium
    after a preposition of place is where something happened."""
    if mention.text.split()[-1] not in _VENUE_WORDS:
        return False
    before = text[max(sentence_start, mention.start - 20) : mention.start]
    return re.search(r"\b(?:at|in|inside|outside|near)\s+(?:the\s+)?$", before) is not None


def _owner_of_a_place(text: str, mention: Entity, sentence_start: int) -> bool:
    """ "spotted in Slepian's suburban Amherst neighborhood": a person's possessive after
    a preposition of place only says whose place it is."""
    if text[mention.end : mention.end + 2] not in ("'s", "’s"):
        return False
    before = text[max(sentence_start, mention.start - 12) : mention.start]
    if re.search(r"\b(?:at|in|inside|outside|near|into|from)\s+$", before) is None:
        return False
    following = [m.group().lower() for m in _WORD.finditer(text, mention.end + 2, mention.end + 60)]
    return any(word in _HOMES for word in following[:4])  # not "named in Bar-On's place"


# What a person's possessive after "in" or "at" may name as a place.
_HOMES = words(
    """home house residence apartment flat neighborhood neighbourhood office farm village
    hometown compound estate garden street"""
)


def _item_boundaries(text: str, clause_start: int, inside: list[Span]) -> list[int]:
    """Where the dated items of one clause meet, in order: a list ("X in 1952, Y in 1955
    and Z in 1982": each item ends at its date) or predicates joined by "and" before a
    date ("held talks Friday ... and on Saturday was scheduled to meet ...")."""
    boundaries = []
    listed = [bool(_LIST_GAP.match(text, a[1], b[0])) for a, b in pairwise(inside)]
    for index, (previous, following) in enumerate(pairwise(inside)):
        opening = _COMMA.match(text, previous[1], following[0])
        if (
            index == 0
            and opening is not None
            and any(listed[1:])
            and _OPENING_WORDS.fullmatch(text, clause_start, previous[0])
        ):
            # a date opening a clause that lists dated items: "Since 1949, it has been
            # expanded to include Greece and Turkey in 1952, Germany in 1955 ..."
            boundaries.append(opening.end())
        elif listed[index]:
            boundaries.append(previous[1])
        else:
            low = max(previous[1], following[0] - _REACH)
            joined = _AND_BEFORE_DATE.search(text, low, following[0])
            if joined is not None:
                boundaries.append(joined.start())
    return boundaries


# A date opening its clause ("Since 1949, ...", "In 1990, ..."), before a list of others.
_OPENING_WORDS = re.compile(
    r"[\s\"“]*(?:(?:[Ss]ince|[Ii]n|[Oo]n|[Bb]y|[Ff]rom|[Uu]ntil|[Aa]fter|[Bb]efore|[Dd]uring)\s+)?"
)
_COMMA = re.compile(r",\s+")
# Between two dated items of a list: a comma or "and", then a short item without a verb.
_LIST_GAP = re.compile(r"(?:,\s*|\s+and\s+|,\s+and\s+)(?:the\s+)?[A-Z][^,;.]{0,60}?\s+$")
# "... and on Saturday": a second predicate starts with its date.
_AND_BEFORE_DATE = re.compile(r",?\s+(?:and|but|then)\s+(?:(?:on|in|at|by|from|since|until)\s+)?$")


def _subject_zone(text: str, clause: Span) -> Span:
    """The clause's words before its first verb, after an opening phrase ("In a joint
    statement with the minister, it said"): the subject its predicates share."""
    verb = PREDICATE_VERB.search(text, clause[0], clause[1])
    if verb is None:
        return clause[0], clause[0]
    comma = text.rfind(",", clause[0], verb.start())
    return (comma + 1 if comma >= 0 else clause[0]), verb.start()


def country_acts(text: str, mention: Entity, sentence_start: int) -> bool:
    """Does this mention of a country make it an actor (see the module's rule 2)?"""
    before = text[max(sentence_start, mention.start - 120) : mention.start]
    if _DATELINE.fullmatch(text, sentence_start, mention.start):
        return False
    if _after_locative(before):
        return False
    if before.endswith(("anti-", "pro-", "Anti-", "Pro-")):
        return False  # "an anti-Iraq blockade": what a thing is for or against
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
    if following[:1] and following[0].lower() in _INHABITANTS:
        return False  # "all Macao residents", "Hong Kong citizens"
    letters = mention.text.replace(".", "")
    adjective = role == "demonym" or (letters.isupper() and len(letters) <= 3)
    if not adjective:
        # a country's name that only qualifies what follows ("China-made presents", "the
        # Iraq war", "his one-China policy", "England midfielder Gerrard") is no actor
        after = text[mention.end : mention.end + 30]
        if _HYPHEN_PARTICIPLE.match(after):
            return after.startswith(_AGENT_PARTICIPLES)
        return not (following[:1] and following[0] in _TOPICS)
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
