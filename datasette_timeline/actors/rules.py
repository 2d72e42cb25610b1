"""The default entity finder: gazetteers plus rules a reader would state.

Passes, in order (each only claims words no earlier pass claimed):

1. people named with a title ("Supreme Leader Ali Khamenei", "President of the United
   States Barack Obama"), in apposition ("Kaoru Yosano, the Japanese minister"), after or
   before a reporting verb ("said Dana Perino");
2. capitalised phrases: a phrase ending in a thing word ("Dow Jones Industrial Average",
   "Congressional Record") names no actor; "X Flight 447" names the airline X; a phrase
   with an organisation word ("Office", "Council", "Inc.") is an organisation; otherwise
   the gazetteer names countries, demonyms (not when they only give a company's
   nationality: "the Italian company Fiat"), capitals, regions and well-known bodies,
   cities and provinces (only as a whole phrase, never at a sentence start), and what is
   left is a person when it starts with a known first name;
3. acronyms: defined in brackets ("General Motors (GM)"), matching the initials of a
   known organisation ("GAO"), or acting as a subject ("the USAF has announced");
4. names no list knows, by their context: after an organisation noun ("automaker
   Chrysler"), before an action verb ("Fiat announced"), in apposition with one
   ("Lockheed Martin, Boeing's rival"), but not a maker's name before a product code
   ("Airbus A330"); places after "in" or before "region", and the objects of
   "occupied"/"liberate";
5. every other mention of a name found so far, then short mentions and pronouns
   (see ``resolve``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .canonical import organisation_name
from .gazetteer import (
    ACTION_VERBS,
    CALENDAR_WORDS,
    LEGAL_SUFFIXES,
    NATIONALITY_ONLY_NOUNS,
    ORGANISATION_CUES,
    ORGANISATION_WORDS,
    THING_WORDS,
    Lexeme,
    country_by_code,
    first_names,
    lexicon,
    words,
)
from .model import Entity
from .resolve import initials, resolve_mentions, surname
from .tokens import Document

_MAX_LEXEME_WORDS = 6

# Titles before a name, longest first so "Deputy Foreign Minister" wins over "Minister".
_TITLES = sorted(
    words(
        """president vice-president minister secretary secretary-general leader senator sen
        congressman congresswoman representative rep governor gov mayor chancellor king queen
        prince princess pope ayatollah sheikh emir general gen colonel col lieutenant lt captain
        capt admiral adm commander chief ceo coo cfo chairman chairwoman director
        director-general spokesman spokeswoman spokesperson founder co-founder judge justice mr
        mrs ms dr prof professor analyst economist official ambassador envoy head coach manager
        premier president-elect lawyer boss officer executive representative counterpart
        correspondent reporter sir dame lord lady rabbi imam archbishop bishop cardinal"""
    ),
    key=len,
    reverse=True,
)
_MULTIWORD_TITLES = (
    "vice president",
    "prime minister",
    "deputy prime minister",
    "foreign minister",
    "deputy foreign minister",
    "defence minister",
    "defense minister",
    "finance minister",
    "interior minister",
    "secretary of state",
    "press secretary",
    "secretary general",
    "supreme leader",
    "chief executive",
    "chief executive officer",
    "chief operating officer",
    "chief financial officer",
    "attorney general",
    "crown prince",
)


def _trie_pattern(phrases: Iterable[str]) -> str:
    """One regular expression for many phrases, shared prefixes factored out (fast)."""
    trie: dict[str, dict] = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        ends = "" in node
        branches = [
            re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return pattern(trie)


_TITLE_PATTERN = re.compile(r"\b(?i:" + _trie_pattern({*_TITLES, *_MULTIWORD_TITLES}) + r")\b\.?")
TITLE_WORDS = frozenset(word for title in (*_TITLES, *_MULTIWORD_TITLES) for word in title.split())
_ABBREVIATED_TITLES = frozenset(
    {"sen", "gen", "gov", "rep", "col", "lt", "capt", "adm", "mr", "mrs", "ms", "dr", "prof"}
)
_LINK_WORDS = frozenset({"of", "in", "for", "at", "to", "the"})
# A short quoted phrase: the title of a work when its words are capitalised.
_QUOTED_TITLE = re.compile(r"[\"“]([A-Z][^\"“”.,;:!?\n]{2,60})[\"”]")
# A regnal number inside a name ("Carl XVI Gustaf").
_ROMAN = re.compile(r"[IVX]{1,5}")
_NAME_PARTICLES = frozenset({"bin", "ibn", "al", "van", "von", "der", "de", "da", "du", "la", "le"})
_REPORTING_BEFORE = frozenset({"said", "says", "told", "stated", "added", "quoted", "according"})
_REPORTING_AFTER = frozenset({"said", "says", "told", "stated", "added", "announced", "wrote"})
_PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "across", "outside", "inside", "into", "throughout", "around"}
)
_PLACE_NOUNS = words(
    """region province city state district territory county island islands peninsula valley
    enclave oblast governorate prefecture"""
)
_TERRITORIAL_VERBS = words(
    """occupied occupy occupies liberate liberated liberating invaded invade invades annexed
    annex captured seized shelled bombed"""
)
_ACRONYM_STOPLIST = words(
    """CEO COO CFO CTO UTC GMT TV OS SDK AM PM USD GDP IPO ID HQ PC DVD CD SUV UFO DNA AIDS HIV
    MP OK NV AG SA LLC PLC IT AI US UK EU UN RSS PDF FAQ USB CPU GPS SMS GI GIs II III IV VI VII
    VIII IX XI XII AP"""
)
# Capitalised words that start sentences or headings but never name anything.
_FUNCTION_WORDS = words(
    """The A An In On At For But And Or After Before Earlier Later According However
    Meanwhile While When If As It Its This That These Those There Their His Her Our We They
    He She I You With From By To Of Since During Despite Although Some Many Most All Both
    Each One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fifteen
    Twenty Thirty Forty Fifty Hundreds Thousands Millions Dozens Several About Over Under
    Within Also
    Additionally Initially Finally Still Yet So Such What Who Why How Where Just Not No
    Only Even Another Other Further Last Next First Former Mr Mrs Ms Dr Here Now Then
    Thus Hence Instead Perhaps Please Yes"""
)


def find_rule_entities(text: str, sentences: list[tuple[int, int]] | None = None) -> list[Entity]:
    """Entities of ``text``; ``sentences`` are its ``sentence_spans`` if known already."""
    document = Document(text, sentences)
    finder = _Finder(document)
    finder.run()
    return resolve_mentions(document, finder.entities)


def find_gazetteer_names(text: str, sentences: list[tuple[int, int]] | None = None) -> list[Entity]:
    """Only the gazetteer's names in ``text``, for a language the rules are not written
        for: countries, capitals, regions and well-known bodies, capitalised as the gazetteer
        writes them, with no English context rule (titles, reporting verbs, organisation
        words, first names, pronouns). Cities, provinces and demonyms are left out: many are
        ordinary words somewhere ("Store", "Mayo") and only English context tells them. A name counts
    only as a whole capitalised run: inside a longer one it is part of another name."""
    finder = _Finder(Document(text, sentences))
    finder.run_gazetteer_names()
    return finder.entities


class _Finder:
    def __init__(self, document: Document) -> None:
        self.doc = document
        self.lexicon = lexicon()
        self.first_names = first_names()
        self.claimed: set[int] = set()  # token indices already part of an entity
        self.found: dict[int, Entity] = {}  # first token index -> entity
        self.unknown: list[tuple[int, int]] = []  # token ranges no rule could place yet
        self.skip = {i for i, token in enumerate(document.tokens) if document.in_header(token)}

    @property
    def entities(self) -> list[Entity]:
        return sorted(self.found.values(), key=lambda entity: entity.start)

    def run(self) -> None:
        self._titles_of_works()
        self._names_with_apostrophes()
        self._people_with_titles()
        self._people_in_apposition()
        self._people_by_reporting_verbs()
        for first, last in self._capitalised_runs():
            self._classify_run(first, last)
        self._acronyms()
        self._names_by_context()
        self._other_mentions()

    def run_gazetteer_names(self) -> None:
        self._names_with_apostrophes()
        for first, last in self._capitalised_runs():
            while first <= last and self._uninformative_start(first, last):
                first += 1  # a word capitalised only because it starts the sentence
            if first > last:
                continue
            # The whole run only: a name inside a longer one ("Bank of America", "Air
            # France", "McDonnell Douglas") is part of another name.
            lexeme = self.lexicon.get(self.doc.phrase(first, last))
            if lexeme is not None and lexeme.role not in ("city", "province", "demonym"):
                self._add_lexeme(first, last, lexeme)

    # --- bookkeeping -------------------------------------------------------------------

    def _add(
        self, first: int, last: int, name: str, kind: str, via: str, code: str | None = None
    ) -> None:
        indices = range(first, last + 1)
        if any(i in self.claimed or i in self.skip for i in indices):
            return
        tokens = self.doc.tokens
        start, end = tokens[first].start, tokens[last].end
        if kind == "person" and name.endswith((" Jr", " Sr")):
            name += "."  # "Louis Gerstner Jr."
        name = name.replace("- ", "-")  # "Ban Ki- moon": a hyphenated name broken at a line end
        self.found[first] = Entity(start, end, self.doc.text[start:end], name, kind, code, via)
        self.claimed.update(indices)

    def _person_name(self, first: int, last: int) -> str:
        name = self.doc.phrase(first, last)
        end = self.doc.tokens[last].end
        if self.doc.tokens[last].text in ("Jr", "Sr") and self.doc.text[end : end + 1] == ".":
            name += "."
        return name

    def _free(self, index: int) -> bool:
        return index not in self.claimed and index not in self.skip

    def _name_like(self, index: int) -> bool:
        """A word that can be part of a person's name."""
        word = self.doc.tokens[index].text.replace("- ", "-")
        if "-" in word and word.split("-", 1)[0] in _NAME_PARTICLES | {"el", "abu"}:
            word = word.split("-", 1)[1]  # "al-Bolani"
        return (
            word[:1].isupper()
            and not word.isupper()
            and word.replace("-", "").replace("'", "").replace("’", "").isalpha()
            and self._lexeme_role(word) in (None, "city", "province")
            and word not in ORGANISATION_WORDS
            and word not in LEGAL_SUFFIXES
            and word.lower() not in TITLE_WORDS
            and (word not in CALENDAR_WORDS or word in self.first_names)
            and word not in _FUNCTION_WORDS
        )

    def _name_run_before(self, last: int) -> int | None:
        """First index of the name (1-4 words) ending at ``last``, or None."""
        first = last
        while first > 0 and last - first < 3:
            previous = first - 1
            if not self.doc.joined(previous, first):
                break
            # a middle initial ("John F. Kennedy"), never the first word
            initial = previous > 0 and self.doc.gap(previous, first) == ". "
            if (
                self._name_like(previous)
                or (initial and self.doc.tokens[previous].text.isupper())
                or (
                    _ROMAN.fullmatch(self.doc.tokens[previous].text)
                    and previous > 0
                    and self._name_like(previous - 1)
                )
                or (
                    self.doc.tokens[previous].text in _NAME_PARTICLES
                    and previous > 0
                    and self._name_like(previous - 1)
                )
            ):
                first = previous
            else:
                break
        if not self._name_like(last) or self._ends_lexeme(last):
            return None
        # Stop at a gazetteer phrase ("of the United States Barack Obama").
        for i in range(first, last):
            if self._ends_lexeme(i):
                first = i + 1
        return first if self._name_like(first) else None

    def _lexeme_role(self, word: str) -> str | None:
        lexeme = self.lexicon.get(word)
        return lexeme.role if lexeme is not None else None

    def _ends_lexeme(self, index: int) -> bool:
        """Is the word at ``index`` the last word of a gazetteer phrase (of 2+ words)?"""
        for size in range(2, _MAX_LEXEME_WORDS + 1):
            first = index - size + 1
            if (
                first >= 0
                and self.doc.joined(first, index)
                and self.doc.phrase(first, index) in self.lexicon
            ):
                return True
        return False

    def _titles_of_works(self) -> None:
        """ "Midnight in Paris", "Escape to Victory": a quoted title names a work, and
        its words name no place or actor."""
        starts = {token.start: i for i, token in enumerate(self.doc.tokens)}
        for match in _QUOTED_TITLE.finditer(self.doc.text):
            words = match.group(1).split()
            if len(words) < 2 or not all(w[:1].isupper() for w in words if len(w) > 3):
                continue
            index = starts.get(match.start(1))
            while index is not None and index < len(self.doc.tokens):
                if self.doc.tokens[index].start >= match.end(1):
                    break
                self.claimed.add(index)
                index += 1

    def _names_with_apostrophes(self) -> None:
        """Gazetteer names the tokens split ("Democratic People's Republic of Korea")."""
        text = self.doc.text
        starts = {token.start: i for i, token in enumerate(self.doc.tokens)}
        ends = {token.end: i for i, token in enumerate(self.doc.tokens)}
        for name in _apostrophe_names():
            position = text.find(name)
            while position >= 0:
                first, last = starts.get(position), ends.get(position + len(name))
                if first is not None and last is not None:
                    self._add_lexeme(first, last, self.lexicon[name])
                position = text.find(name, position + 1)

    # --- people --------------------------------------------------------------------------

    def _people_with_titles(self) -> None:
        tokens = self.doc.tokens
        starts = {token.start: i for i, token in enumerate(tokens)}
        for match in _TITLE_PATTERN.finditer(self.doc.text):
            if (
                match.group().endswith(".")
                and match.group()[:-1].lower() not in _ABBREVIATED_TITLES
            ):
                continue  # "... the boss. Here's": a sentence ends, no name follows
            after = match.end()
            rest = self.doc.text[after : after + 2]
            if rest.startswith(","):
                after += 1
            while after < len(self.doc.text) and self.doc.text[after] == " ":
                after += 1
            index = starts.get(after)
            if index is None:
                continue
            run_end = self._run_after_title(index)
            if run_end is None:
                continue
            first = self._name_run_before(run_end)
            if first is None or first < index:
                continue
            if tokens[index].text in _LINK_WORDS and first == self._first_capitalised(index):
                # "commander of the Space Shuttle Columbia": after "of", a name needs a
                # body or country before it ("of the United States Barack Obama").
                continue
            if tokens[first].sentence != tokens[index].sentence:
                continue
            if (
                tokens[index].text in _LINK_WORDS
                and run_end + 2 < len(tokens)
                and tokens[run_end + 1].text in ("and", "&")
                and tokens[run_end + 2].is_capitalised
            ):
                continue  # "head of Beijing Municipal Population and Family Planning ..."
            if run_end > first:
                self._add(first, run_end, self._person_name(first, run_end), "person", "title")
            elif all(self._free(i) for i in range(first, run_end + 1)):
                # A title with a surname alone ("Senator McCain"): resolved to the full
                # name later when the article gives it, else known by title and name.
                title = match.group().rstrip(",")
                name = tokens[first].text
                if title[:1].isupper() and match.end() + 1 == tokens[first].start:
                    name = f"{title} {name}"
                self._add(first, run_end, name, "person", "title-surname")

    def _first_capitalised(self, index: int) -> int:
        while index < len(self.doc.tokens) and not self.doc.tokens[index].is_capitalised:
            index += 1
        return index

    def _run_after_title(self, index: int) -> int | None:
        """Last index of the capitalised run after a title (links like "of the" allowed)."""
        tokens = self.doc.tokens
        last = None
        i = index
        while i < len(tokens):
            word = tokens[i].text
            if i > index and not self.doc.joined(i - 1, i):
                break
            if word in _LINK_WORDS and last is None and i - index < 2:
                i += 1
                continue
            if word in CALENDAR_WORDS and word not in self.first_names:
                break  # "Prime Minister Chaowalit Yongchaiyudh Thursday"
            if (
                word[:1].isupper()
                or (word in _NAME_PARTICLES and last is not None)
                or (last is not None and self._name_like(i))  # "Jawad al-Bolani"
            ):
                last = i
                i += 1
                continue
            break
        while last is not None and tokens[last].text in _NAME_PARTICLES:
            last -= 1
        return last

    def _people_in_apposition(self) -> None:
        """ "Kaoru Yosano, the Japanese minister ..." and "Japan's prime minister, Taro Aso"."""
        tokens = self.doc.tokens
        for last in range(len(tokens) - 1):
            if not self._free(last) or self.doc.gap(last, last + 1) != ", ":
                continue
            first = self._name_run_before(last)
            if (
                first is None
                or first == last
                or not all(self._free(i) for i in range(first, last + 1))
            ):
                continue
            following = self._words_until_punctuation(last + 1, 6)
            if any(word.lower() in _APPOSITION_TITLES for word in following):
                self._add(first, last, self._person_name(first, last), "person", "title")

    def _words_until_punctuation(self, index: int, limit: int) -> list[str]:
        words = []
        for i in range(index, min(index + limit, len(self.doc.tokens))):
            if i > index and self.doc.gap(i - 1, i).strip() not in ("", "&", "'s", "’s"):
                break
            words.append(self.doc.tokens[i].text)
        return words

    def _people_by_reporting_verbs(self) -> None:
        tokens = self.doc.tokens
        for i, token in enumerate(tokens):
            word = token.text.lower()
            if word in _REPORTING_BEFORE and i + 2 < len(tokens):
                start = i + 2 if word == "according" and tokens[i + 1].text == "to" else i + 1
                last = start
                while (
                    last + 1 < len(tokens)
                    and self.doc.joined(last, last + 1)
                    and self._name_like(last + 1)
                ):
                    last += 1
                if last > start and self._name_like(start) and self._plausible_person(start, last):
                    self._add(start, last, self.doc.phrase(start, last), "person", "reporting")
            if word in _REPORTING_AFTER and i > 1 and self.doc.joined(i - 1, i):
                first = self._name_run_before(i - 1)
                if first is not None and first < i - 1 and self._plausible_person(first, i - 1):
                    self._add(first, i - 1, self.doc.phrase(first, i - 1), "person", "reporting")

    def _plausible_person(self, first: int, last: int) -> bool:
        # Sentence-initial function words ("The", "After") are not first names.
        return self.doc.tokens[first].text not in _FUNCTION_WORDS and last - first <= 3

    # --- capitalised runs ----------------------------------------------------------------

    def _capitalised_runs(self) -> Iterable[tuple[int, int]]:
        """Maximal runs of capitalised words (with "of"/"&" inside organisation names)."""
        tokens = self.doc.tokens
        i = 0
        while i < len(tokens):
            if not tokens[i].is_capitalised or not self._free(i):
                i += 1
                continue
            last = i
            while last + 1 < len(tokens) and self.doc.joined(last, last + 1):
                following = tokens[last + 1]
                if following.text in CALENDAR_WORDS and following.text not in self.first_names:
                    break  # "Mohamed ElBaradei Saturday received"
                if (following.is_capitalised and self._free(last + 1)) or (
                    following.text.isdigit() and tokens[last].text == "Flight"
                ):
                    last += 1
                elif (
                    following.text in ("of", "for")
                    and tokens[last].text in ORGANISATION_WORDS
                    and last + 2 < len(tokens)
                    and self.doc.joined(last + 1, last + 2)
                    and tokens[last + 2].is_capitalised
                ):
                    last += 2
                elif following.text == "and" and (tail := self._and_in_organisation(i, last + 2)):
                    # "Securities and Exchange Commission", "Ministry of Industry and Trade"
                    last = tail
                    if tokens[last].text in ORGANISATION_WORDS:
                        break  # a name after the body's ("... Committee Li Yunli") is apart
                else:
                    break
            yield i, last
            i = last + 1

    def _and_in_organisation(self, first: int, index: int) -> int | None:
        """Last index of the capitalised words from ``index`` when "and" joins them into
        one organisation's name with the run ``first``..``index - 2``."""
        tokens = self.doc.tokens
        last = index
        while last < len(tokens) and tokens[last].is_capitalised and self._free(last):
            if last > index and not self.doc.joined(last - 1, last):
                break
            last += 1
        last -= 1
        if last < index or not self.doc.joined(index - 2, index):
            return None
        # "... Family Planning Committee Li Yunli": the name ends at its last body word
        ends = [i for i in range(index, last + 1) if tokens[i].text in ORGANISATION_WORDS]
        if ends and tokens[last].text not in ORGANISATION_WORDS:
            last = ends[-1]
        before = [tokens[i].text for i in range(first, index - 1)]
        after = [tokens[i].text for i in range(index, last + 1)]
        if " ".join(before) in self.lexicon or " ".join(after) in self.lexicon:
            return None  # "the United States and Soviet Union": two names
        if any(word in LEGAL_SUFFIXES for word in after):
            return None  # "Innopac and Mobil Corp.": two companies
        if tokens[last].text in ORGANISATION_WORDS:
            return last
        if "of" in before and before[before.index("of") - 1] in ORGANISATION_WORDS:
            return last
        return None

    def _classify_run(self, first: int, last: int) -> None:
        tokens = self.doc.tokens
        # Words that are capitalised only because they start the sentence.
        while first <= last and self._uninformative_start(first, last):
            first += 1
        # "Apple Computer CEO": a trailing title is not part of the name.
        while last > first and (
            tokens[last].text.lower() in TITLE_WORDS or tokens[last].text in _ACRONYM_STOPLIST
        ):
            last -= 1
        if first > last:
            return
        words = [tokens[i].text for i in range(first, last + 1)]
        if words[-1] in THING_WORDS or self._after_product_word(first):
            # "Congressional Record", "iTunes Music Store": things named, not actors.
            self.claimed.update(range(first, last + 1))
            return
        if "Flight" in words[1:]:
            flight = first + words.index("Flight", 1)
            self._add(
                first,
                flight - 1,
                self._organisation_name(first, flight - 1),
                "organization",
                "flight",
            )
            return
        whole = self.lexicon.get(self.doc.phrase(first, last))
        if whole is not None and not (
            whole.role in ("city", "province") and self.doc.sentence_initial(first)
        ):
            self._add_lexeme(first, last, whole)
            return
        if self._government_of_country(first, last):
            return
        if self._has_organisation_word(first, last) or (
            words[0] == "Air" and len(words) > 1  # "Air France": an airline, not a country
        ):
            self._add(first, last, self._organisation_name(first, last), "organization", "org-word")
            return
        if self._person_named_like_a_place(first, last):
            # "Jack London": a first name and a place name make a person
            self._add(first, last, self._person_name(first, last), "person", "first-name")
            return
        self._segment(first, last)

    def _person_named_like_a_place(self, first: int, last: int) -> bool:
        tokens = self.doc.tokens
        if not 1 <= last - first <= 2 or tokens[first].text not in self.first_names:
            return False
        place = self.lexicon.get(tokens[last].text)
        return (
            place is not None
            and place.kind == "place"
            and all(self._name_like(i) for i in range(first + 1, last))
        )

    def _after_product_word(self, index: int) -> bool:
        """Right after a word like "iTunes" or "eBay" (lower-case start, capital inside)."""
        word = self.doc.previous_word(index)
        return bool(word) and word[0].islower() and any(ch.isupper() for ch in word)

    def _uninformative_start(self, index: int, last: int) -> bool:
        word = self.doc.tokens[index].text
        if word in _FUNCTION_WORDS or word in CALENDAR_WORDS:
            return True
        if not self.doc.sentence_initial(index):
            return False
        if word.lower() in self.doc.lower_words or (
            word.endswith(("ing", "ly")) and word not in self.first_names
        ):
            # "Chanting Helmut Kohl", "Officials": an ordinary word the sentence starts with.
            return word not in self.doc.capitalised_inside
        if index < last:
            # A capitalised word followed by more ("General Motors") is part of a name.
            return False
        return not (
            word in self.lexicon
            or word in self.doc.capitalised_inside
            or word in self.first_names
            or self.doc.tokens[index].is_acronym
        )

    def _government_of_country(self, first: int, last: int) -> bool:
        """ "United States Government", "Canadian Government": the country acting."""
        if last == first or self.doc.tokens[last].text not in ("Government", "Administration"):
            return False
        lexeme = self.lexicon.get(self.doc.phrase(first, last - 1))
        if lexeme is None or lexeme.kind != "country":
            return False
        self._add(first, last, lexeme.name, "country", "government", lexeme.code)
        return True

    def _has_organisation_word(self, first: int, last: int) -> bool:
        words = [self.doc.tokens[i].text for i in range(first, last + 1)]
        if len(words) < 2:
            return False
        if words[-1] in ORGANISATION_WORDS or (words[-1] in LEGAL_SUFFIXES and len(words) > 1):
            return True
        return any(word in ORGANISATION_WORDS for word in words[1:-1]) and "of" in words

    def _organisation_name(self, first: int, last: int) -> str:
        # the words as written, "&" included ("Census & Statistics Department")
        words = self.doc.phrase(first, last).split()
        return organisation_name(words, self.lexicon)

    def _segment(self, first: int, last: int) -> None:
        """Split a run into gazetteer names and the unknown words between them."""
        i = first
        pending = first
        while i <= last:
            match = self._longest_lexeme(i, last)
            if match is None:
                i += 1
                continue
            end, lexeme = match
            if pending < i:
                self._unknown_run(pending, i - 1)
            self._add_lexeme(i, end, lexeme)
            i = end + 1
            pending = i
        if pending <= last:
            self._unknown_run(pending, last)

    def _longest_lexeme(self, first: int, last: int) -> tuple[int, Lexeme] | None:
        for end in range(min(last, first + _MAX_LEXEME_WORDS - 1), first - 1, -1):
            lexeme = self.lexicon.get(self.doc.phrase(first, end))
            # Provinces count only as a whole run ("in Ontario"), never inside one.
            if lexeme is not None and lexeme.role not in ("province", "city"):
                return end, lexeme
        return None

    def _add_lexeme(self, first: int, last: int, lexeme: Lexeme) -> None:
        if lexeme.kind == "country":
            if self._currency(last) or self._nationality_only(last):
                self.claimed.update(range(first, last + 1))
                return
            via = "demonym" if lexeme.role == "demonym" else "name"
            if via == "name" and self.doc.phrase(first, last) != lexeme.name:
                via = "short-name"
            self._add(first, last, lexeme.name, "country", via, lexeme.code)
        elif lexeme.role == "capital":
            if self._acts(last) and lexeme.code:
                country = country_by_code(lexeme.code)
                if country is not None:
                    self._add(first, last, country.name, "country", "capital", lexeme.code)
                    return
            self._add(first, last, lexeme.name, "place", "capital")
        else:
            self._add(first, last, lexeme.name, lexeme.kind, "name")

    def _currency(self, index: int) -> bool:
        end = self.doc.tokens[index].end
        return self.doc.text[end : end + 1] == "$" or self.doc.tokens[index].text == "USD"

    def _nationality_only(self, index: int) -> bool:
        """ "the Italian company Fiat", "the United States's largest car manufacturer"."""
        for offset in range(1, 4):
            here = index + offset
            if (
                here >= len(self.doc.tokens)
                or self.doc.tokens[here].sentence != self.doc.tokens[index].sentence
            ):
                return False
            if self.doc.gap(here - 1, here) not in (" ", "'s ", "’s "):
                return False
            word = self.doc.tokens[index + offset].text
            if not word.islower():
                return False
            if word in NATIONALITY_ONLY_NOUNS:
                return True
        return False

    def _acts(self, index: int) -> bool:
        """Followed by 's or by an action verb: a capital standing for its government."""
        if self.doc.possessive(index):
            return True
        return self.doc.next_word(index) in ACTION_VERBS

    def _unknown_run(self, first: int, last: int) -> None:
        tokens = self.doc.tokens
        while first <= last and self._uninformative_start(first, last):
            first += 1
        if first > last:
            return
        for start in range(first, last):
            # "Yesterday Steve Jobs": a first name followed by 1-3 name words.
            if (
                tokens[start].text in self.first_names
                and 1 <= last - start <= 3
                and all(self._name_like(i) for i in range(start + 1, last + 1))
                and (start == first or self.doc.sentence_initial(first))
            ):
                self._add(start, last, self.doc.phrase(start, last), "person", "first-name")
                return
        self.unknown.append((first, last))

    # --- acronyms ------------------------------------------------------------------------

    def _acronyms(self) -> None:
        tokens = self.doc.tokens
        definitions: dict[str, tuple[str, str]] = {}
        # "General Motors (GM )": the bracket defines the acronym.
        for entity in list(self.found.values()) + [
            Entity(
                tokens[a].start,
                tokens[b].end,
                self.doc.phrase(a, b),
                self.doc.phrase(a, b),
                "unknown",
            )
            for a, b in self.unknown
        ]:
            bracket = re.match(
                r"\s*\(\s*([A-Z][A-Z.&]{1,7})\s*\)", self.doc.text[entity.end : entity.end + 14]
            )
            if (
                bracket
                and entity.kind in ("organization", "unknown", "country")
                and _abbreviates(bracket.group(1), entity.name)
            ):
                kind = "organization" if entity.kind == "unknown" else entity.kind
                definitions[bracket.group(1)] = (entity.name, kind)
        organisations = {e.name for e in self.found.values() if e.kind == "organization"}
        for index, token in enumerate(tokens):
            if not token.is_acronym or not self._free(index) or token.text in self.lexicon:
                continue
            acronym = token.text.replace(".", "")
            if token.text in definitions:
                name, kind = definitions[token.text]
                self._add(index, index, name, kind, "acronym")
                continue
            expansion = next((o for o in sorted(organisations) if initials(o) == acronym), None)
            if expansion is not None:
                self._add(index, index, expansion, "organization", "acronym")
            elif acronym not in _ACRONYM_STOPLIST and self._acronym_acts(index):
                self._add(index, index, token.text, "organization", "acronym")
        self.unknown = [
            (a, b) for a, b in self.unknown if all(self._free(i) for i in range(a, b + 1))
        ]

    def _acronym_acts(self, index: int) -> bool:
        if self.doc.next_word(index) in ACTION_VERBS or self.doc.possessive(index):
            return True
        # "the MICEX and RTS exchanges"
        words = self._words_until_punctuation(index + 1, 4)
        for word in words:
            if word.lower().rstrip("s") in ORGANISATION_CUES or word.lower() in ORGANISATION_CUES:
                return True
            if not (word in ("and", "&") or word.isupper()):
                return False
        return False

    # --- names by context ----------------------------------------------------------------

    def _names_by_context(self) -> None:
        # Twice: a fuller name found in the first pass ("Iraq's Saddam Hussein") lets the
        # second map its short mentions ("Saddam") before their context makes them bodies.
        for _ in range(2):
            self._people_by_known_names()
        self._bodies_and_places_by_context()

    def _people_by_known_names(self) -> None:
        """A surname of someone named in full is that person, whatever its context."""
        people = {e.name: e for e in self.found.values() if e.kind == "person"}
        by_surname: dict[str, set[str]] = {}
        for name in people:
            by_surname.setdefault(surname(name), set()).add(name)
        # one person per surname only: "Hussein" after Saddam Hussein and King Hussein is
        # neither
        surnames = {key: next(iter(names)) for key, names in by_surname.items() if len(names) == 1}
        given = {
            name.split()[0]: name
            for name, entity in people.items()
            if " " in name
            and entity.via != "title-surname"
            and name.split()[0].lower().rstrip(".") not in TITLE_WORDS
        }
        for first, last in self.unknown:
            if not all(self._free(i) for i in range(first, last + 1)):
                continue
            phrase = self.doc.phrase(first, last)
            words = phrase.split()
            if phrase in surnames or (first == last and phrase in given):
                # "Khamenei", "President Bush" ... "Bush said", "Saddam Hussein" ... "Saddam"
                name = surnames.get(phrase) or given[phrase]
                self._add(first, last, name, "person", "short-name")
            elif phrase in by_surname:
                self.claimed.update(range(first, last + 1))
            elif (
                len(words) > 1
                and all(
                    people[name].via == "title-surname" for name in by_surname.get(words[-1], ())
                )
                and words[-1] in by_surname
            ):
                # "President Hussein" earlier, "Saddam Hussein" now: the fuller name.
                self._add(first, last, phrase, "person", "context")

    def _bodies_and_places_by_context(self) -> None:
        organisations: set[str] = set()
        places: set[str] = set()
        for first, last in self.unknown:
            phrase = self.doc.phrase(first, last)
            if any(ch.isdigit() for ch in self.doc.tokens[last].text):
                continue  # "A380": a product code
            if first == last and self.doc.tokens[first].text.rstrip("s") in _ACRONYM_STOPLIST:
                continue  # "TV", "GIs"
            if self._organisation_context(first, last):
                organisations.add(phrase)
            elif self._place_context(first, last):
                places.add(phrase)
        for first, last in self.unknown:
            phrase = self.doc.phrase(first, last)
            if phrase in organisations and not self._product(last):
                self._add(
                    first, last, self._organisation_name(first, last), "organization", "context"
                )
            elif phrase in places:
                self._add(first, last, phrase, "place", "context")

    def _organisation_context(self, first: int, last: int) -> bool:
        previous = self.doc.previous_word(first)
        if previous.lower() in ORGANISATION_CUES:
            return True
        if self.doc.next_word(last) in _ORGANISATION_CUES_AFTER:
            return True  # "Time magazine", "Xinhua reporter", "Telerate shares"
        if first == last and self.doc.tokens[first].text in self.first_names:
            return False
        if self._word_after_date(last) in ACTION_VERBS:
            return (
                not self.doc.sentence_initial(first)
                or self.doc.tokens[first].text in self.doc.capitalised_inside
            )
        # "Lockheed Martin, Boeing's rival", "AirTanker Ltd., an EADS-led consortium"
        if self.doc.text[self.doc.tokens[last].end : self.doc.tokens[last].end + 2] == ", ":
            following = [w.lower() for w in self._words_until_punctuation(last + 1, 5)]
            return any(word in ORGANISATION_CUES for word in following)
        return False

    def _word_after_date(self, index: int) -> str:
        """The next word, past a day or month ("Boeing on Tuesday delivered")."""
        word = self.doc.next_word(index)
        if word in ("on", "in") and self.doc.next_word(index + 1) in CALENDAR_WORDS:
            return self.doc.next_word(index + 2)
        if word in CALENDAR_WORDS:
            return self.doc.next_word(index + 1)
        return word

    def _place_context(self, first: int, last: int) -> bool:
        if self.doc.tokens[first].is_acronym and first == last:
            return False
        previous = self.doc.previous_word(first)
        if previous in _PLACE_PREPOSITIONS or previous in _TERRITORIAL_VERBS:
            return True
        return self.doc.next_word(last) in _PLACE_NOUNS

    def _product(self, index: int) -> bool:
        """ "Airbus A330", "Boeing 787": a maker's name used for its product."""
        following = self.doc.next_word(index)
        return bool(following) and any(ch.isdigit() for ch in following)

    def _other_mentions(self) -> None:
        """Tag the remaining mentions of every organisation and place found by context."""
        known: dict[str, Entity] = {}
        for entity in self.found.values():
            if (
                entity.via in ("context", "acronym", "org-word", "flight")
                and " " not in entity.text
            ) or (entity.kind == "place" and entity.via == "context"):
                known.setdefault(entity.text, entity)
        multi = {e.text: e for e in self.found.values() if e.via in ("context",) and " " in e.text}
        text_of_document = self.doc.text
        for index, token in enumerate(self.doc.tokens):
            if not self._free(index):
                continue
            single = known.get(token.text)
            if single is not None and not self._product(index):
                self._add(index, index, single.name, single.kind, "name", single.code)
                continue
            for text, entity in multi.items():
                if not text_of_document.startswith(text, token.start):
                    continue  # cheap test first: the name is written here
                count = text.count(" ")
                if (
                    index + count < len(self.doc.tokens)
                    and self.doc.phrase(index, index + count) == text
                ):
                    self._add(index, index + count, entity.name, entity.kind, "name", entity.code)
                    break


# Lower-case nouns that, right after an unknown name, say it names a body or company.
_ORGANISATION_CUES_AFTER = words(
    """magazine newspaper daily weekly reporter reporters correspondent correspondents
    spokesman spokeswoman spokesperson shares shareholders executives employees"""
)
_APPOSITION_TITLES = words(
    """president minister secretary senator governor mayor chancellor chairman chairwoman
    director spokesman spokeswoman spokesperson founder co-founder ceo officer executive
    leader head analyst economist ambassador envoy judge justice premier representative
    coach manager king queen prince general commander"""
)


@lru_cache(maxsize=1)
def _apostrophe_names() -> tuple[str, ...]:
    return tuple(
        name
        for name, lexeme in lexicon().items()
        if ("'s " in name or "’s " in name) and lexeme.kind == "country"
    )


def _abbreviates(acronym: str, name: str) -> bool:
    """Can ``acronym`` stand for ``name``: its letters, in order, among the name's capitals
    ("CMAB" for "Civic and Municipal Affairs Bureau"; not "AP" for "Australia")?"""
    letters = acronym.replace(".", "").replace("&", "")
    capitals = iter(ch for ch in name if ch.isupper())
    return letters[:1] == name[:1] and all(letter in capitals for letter in letters)
