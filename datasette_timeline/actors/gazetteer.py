"""Word lists the rule-based finder looks names up in, built once on first use.

Countries, their alternative names, demonyms, capitals and provinces come from the
countryinfo package (MIT). We add only what it lacks and news uses all the time
(short forms like "U.S.", demonyms like "Azeri", historical names like "Soviet"), a few
international organisations and seats of government, and the regions of the world.
Cities of 250,000 people or more come from GeoNames (see ``cities``). First names come
from the US Census lists shipped by the ``names`` package, when it is installed; without
it people are still found through titles, appositions and reporting verbs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (word lists stay readable in source)."""
    return frozenset(text.split())


@dataclass(frozen=True)
class Lexeme:
    """What a word sequence stands for: ``role`` is how it names its entity."""

    name: str
    kind: str  # person, country, organization, place
    role: str  # country, demonym, capital, org, place
    code: str | None = None


# Forms countryinfo lacks, as (alias, ISO code, role).
_COUNTRY_EXTRAS = (
    ("U.S.", "US", "country"),
    ("U.S.A.", "US", "country"),
    ("US", "US", "country"),
    ("USA", "US", "country"),
    ("America", "US", "country"),
    ("UK", "GB", "country"),
    ("U.K.", "GB", "country"),
    ("Britain", "GB", "country"),
    ("Holland", "NL", "country"),
    ("Burma", "MM", "country"),
    ("Ivory Coast", "CI", "country"),
    ("Czechia", "CZ", "country"),
    ("UAE", "AE", "country"),
    ("DPRK", "KP", "country"),
    ("ROK", "KR", "country"),
    ("PRC", "CN", "country"),
    ("Macau", "MO", "country"),
    ("Azeri", "AZ", "demonym"),
    ("Azerbaijani", "AZ", "demonym"),
    ("Persian", "IR", "demonym"),
    ("Dutch", "NL", "demonym"),
    ("Saudi", "SA", "demonym"),
    ("Emirati", "AE", "demonym"),
    ("Palestinian", "PS", "demonym"),
    ("Filipino", "PH", "demonym"),
    ("Kurdish", None, "skip"),
    ("English", None, "skip"),
)
# Canonical names by ISO 3166 where countryinfo spells them otherwise (its spelling stays
# an alias).
_ISO_NAMES = {"MO": "Macao"}
# Countries that no longer exist but fill news archives.
_HISTORICAL = (
    ("Soviet Union", "SU", "country"),
    ("USSR", "SU", "country"),
    ("Soviet", "SU", "demonym"),
)
# The four nations of the United Kingdom act as countries of their own in news (their
# governments, their teams): countries here, with their ISO 3166-2 codes. "British" and
# "UK" stay the United Kingdom; "English" stays out (the language).
_UK_NATIONS = (
    ("England", "England", "GB-ENG", "country"),
    ("Scotland", "Scotland", "GB-SCT", "country"),
    ("Scottish", "Scotland", "GB-SCT", "demonym"),
    ("Scots", "Scotland", "GB-SCT", "demonym"),
    ("Wales", "Wales", "GB-WLS", "country"),
    ("Welsh", "Wales", "GB-WLS", "demonym"),
    ("Northern Ireland", "Northern Ireland", "GB-NIR", "country"),
    ("Northern Irish", "Northern Ireland", "GB-NIR", "demonym"),
)
# Upper-case alternative spellings that are worth matching (the others are ISO codes).
_CODE_ALIASES = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"})

# Bodies that news names without any organisation word a rule could see.
_ORGANISATIONS = (
    ("United Nations", "United Nations"),
    ("UN", "United Nations"),
    ("U.N.", "United Nations"),
    ("UN Security Council", "United Nations Security Council"),
    ("U.N. Security Council", "United Nations Security Council"),
    ("United Nations Security Council", "United Nations Security Council"),
    ("Security Council", "United Nations Security Council"),
    ("UN General Assembly", "United Nations General Assembly"),
    ("U.N. General Assembly", "United Nations General Assembly"),
    ("United Nations General Assembly", "United Nations General Assembly"),
    ("General Assembly", "United Nations General Assembly"),
    ("European Union", "European Union"),
    ("EU", "European Union"),
    ("NATO", "NATO"),
    ("OPEC", "OPEC"),
    ("IMF", "International Monetary Fund"),
    ("WTO", "World Trade Organization"),
    ("OSCE", "OSCE"),
    ("African Union", "African Union"),
    ("Arab League", "Arab League"),
    ("Red Cross", "Red Cross"),
    ("White House", "White House"),
    ("Pentagon", "Pentagon"),
    ("Kremlin", "Kremlin"),
    ("Downing Street", "Downing Street"),
    ("Congress", "Congress"),
    ("Congressional", "Congress"),
    ("Senate", "Senate"),
    ("Parliament", "Parliament"),
    ("Federal Reserve", "Federal Reserve"),
    ("Taliban", "Taliban"),
    ("Hamas", "Hamas"),
    ("Hezbollah", "Hezbollah"),
)

# Regions a country list does not name.
_REGIONS = (
    "Africa",
    "Asia",
    "Europe",
    "North America",
    "South America",
    "Latin America",
    "Central America",
    "Middle East",
    "Caucasus",
    "South Caucasus",
    "Balkans",
    "Scandinavia",
    "Caribbean",
    "Gulf",
    "Persian Gulf",
    "Mediterranean",
    "Arctic",
    "Antarctica",
    "Atlantic",
    "Atlantic Ocean",
    "Pacific",
    "Pacific Ocean",
    "Indian Ocean",
    "Siberia",
    "Sahara",
    "Sahel",
    "West Bank",
    "Gaza",
    "Gaza Strip",
    "Crimea",
    "Kashmir",
)

# First names that are also ordinary capitalised words in news (months, titles, places...).
_AMBIGUOUS_FIRST_NAMES = words(
    """April August June May Will Hope Rich Young Long Major Royal King Grant Page Christian
    Frank Bill Mark Rose Sterling General Guy Faith Joy Grace Chance Golden Summer Winter
    Autumn Earl Early Joy Lincoln Washington Virginia Georgia Carolina China India Jordan Chad
    Israel Paris London Sydney Florence Victoria Austin Houston Dallas Aurora Memory Star
    Sunday Monday Friday Chase Cash Price Wall Street Bank Ford Chrysler Dodge Mercedes Iran
    Asia Africa America Europe Justice Judge Court Will Prince Princess Queen Pope Bishop
    Deputy Chief Senior Junior Sir Lady Lord Dean Mercy Love Ocean River Sky Dale Glen
    Don Son Sun Tan Ray Gay Ma Man Lee Van Le La De Al Su Ha Do Lu So Ma Mo Ok Wan"""
)

# Month and day names: never part of a name after it ("Smith Tuesday").
CALENDAR_WORDS = words(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday Christmas Easter Ramadan Today Yesterday Tomorrow Tonight"""
)
# Head nouns and legal forms that make a capitalised phrase an organisation.
ORGANISATION_WORDS = words(
    """Council Assembly Union Nations Agency Agencies Army Navy Force Forces Guard Guards Party
    Ministry Department Office Bank Banks Fund Inc Corp Corporation Company Companies Co Ltd
    LLC Group Airlines Airways Motors Association Senate Congress Parliament Court Commission
    Committee Organization Organisation Institute University College Exchange Administration
    Authority Service Services Systems Management Holdings Capital Industries Partners
    Foundation Federation League Club Society Church Police Treasury Reserve Cabinet
    Government Workers Corps Computer Electronics Technologies Technology Software Media
    Networks Communications Energy Pharmaceuticals Airline Railways Railway Bureau Board
    Coalition Alliance Movement Front Brigade Brigades Command Secretariat Tribunal Ministry
    Enterprises Associates Consortium Network Times Post Journal News Agency NV AG SpA Academy
    plc PLC GmbH SA"""
)
# Legal forms dropped from canonical names ("General Motors Corporation" -> "General Motors").
LEGAL_SUFFIXES = frozenset(
    [
        "Inc",
        "Inc.",
        "Corp",
        "Corp.",
        "Corporation",
        "Co",
        "Co.",
        "Ltd",
        "Ltd.",
        "LLC",
        "N.V.",
        "NV",
        "S.A.",
        "SA",
        "SpA",
        "AG",
        "plc",
        "PLC",
        "GmbH",
    ]
)
# Lower-case nouns that, right before a name, say it names a company or body.
ORGANISATION_CUES = words(
    """manufacturer automaker carmaker maker airframer carrier airline company firm rival
    giant group bank retailer insurer lender operator conglomerate subsidiary division unit
    partner consortium agency party broadcaster newspaper network exchange regulator
    supplier contractor producer developer publisher chain label based"""
)
# Lower-case nouns that, right after an unknown name, say it names a body or company.
ORGANISATION_CUES_AFTER = words(
    """magazine newspaper daily weekly reporter reporters correspondent correspondents
    spokesman spokeswoman spokesperson shares shareholders executives employees"""
)
# Nouns after a demonym that only give a company's nationality ("the Italian company Fiat").
NATIONALITY_ONLY_NOUNS = ORGANISATION_CUES | words(
    """companies firms automakers carmakers manufacturers makers carriers airlines banks
    auto car aircraft"""
)
# Head words of names that are things, not actors ("Dow Jones Industrial Average").
THING_WORDS = words(
    """Index Average Composite Store Award Awards Prize Cup Games Olympics Program Programme
    Act Bill Treaty Plan Day War Crisis Summit Festival Record Street Center Centre
    Conference Stadium Airport Bridge Tower Square Station Embassy Consulate"""
)
# Speech and action verbs after a name that acts ("Tehran said", "Boeing challenged").
ACTION_VERBS = words(
    """said says told added stated announced announces warned accused denied rejected insisted
    demanded called calls urged backed backs supported supports condemned agreed agrees
    signed signs threatened responded claimed claims stands stood wants wanted has have had
    will plans planned filed files reported reports posted posts sued sues
    offered offers bought buys sold sells won wins lost loses launched launches unveiled
    unveils released releases cut cuts challenged upheld refused decided approved
    confirmed expects expected intends asked seeks sought made makes
    hired fired named appointed delivered received"""
)

# A lower-case word that starts a predicate: the subject of a sentence ends before it.
PREDICATE_VERB = re.compile(
    r"\b(?:[a-z]+ed|said|says|say|is|are|was|were|has|have|had|will|would|can|could|may|"
    r"might|must|should|shall|did|does|do|took|made|went|gave|got|began|won|lost|left|became|"
    r"saw|met|told|came|sold|bought|fell|rose|fought|hit|put|set|cut|led|ran|held|kept|paid|"
    r"sent|spent|brought|thought|struck|shot|drove|flew|grew|knew|threw|wrote|broke|chose|"
    r"spoke|stood|sat|felt|found|built|meant|heard|laid|let|sought|taught|wants|plans|"
    r"expects|faces|remains|seems|appears|leads|tells|makes|takes|gets|sees|wins|puts)\b"
)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Lexeme]:
    """Every word sequence the finder can look up, as written (case matters)."""
    from countryinfo import all_countries

    entries: dict[str, Lexeme] = {}
    countries: dict[str, str] = {}
    population: dict[str, int] = {}
    for country in all_countries():
        code = country.iso(2)
        name = country.name()
        if not code or not name:
            continue
        # Several records share a code (the United Kingdom and Wales): keep the largest.
        size = country.population() or 0
        if size >= population.get(code, -1):
            countries[code], population[code] = name, size
    # Names ISO 3166 spells otherwise than countryinfo ("Macao", where it has "Macau").
    countries.update(_ISO_NAMES)
    from .cities import CITIES

    for city in CITIES:
        entries[city] = Lexeme(city, "place", "city")
    for region in _REGIONS:
        entries[region] = Lexeme(region, "place", "place")
    for country in all_countries():
        code = country.iso(2)
        if code not in countries:
            continue
        name = countries[code]
        for province in country.provinces() or []:
            if re.fullmatch(r"[A-Z][A-Za-z' -]{3,}", province) and entries.get(province) is None:
                entries[province] = Lexeme(province, "place", "province")
        capitals = country.capital()
        for capital in capitals if isinstance(capitals, list) else [capitals]:
            if not capital:
                continue
            for form in {capital, re.sub(r"\s+D\.?C\.?$", "", capital)}:
                entries[form] = Lexeme(form, "place", "capital", code)
        demonym = country.demonym()
        if demonym:
            for form in (demonym, demonym + "s"):
                # "Chinese" is China's, not Macau's: the most populous country keeps it.
                holder = entries.get(form)
                if holder is None or population.get(holder.code or "", 0) < population[code]:
                    entries[form] = Lexeme(name, "country", "demonym", code)
        for alias in [name, *(country.alt_spellings() or [])]:
            if not re.fullmatch(r"[A-Z][\w .'’-]+", alias):
                continue
            if alias.isupper() and alias not in _CODE_ALIASES:
                continue
            # One-word alternatives are mostly native names ("Nippon", "Mann") that are
            # ordinary words or surnames in English text; the common ones are added below.
            if alias != name and " " not in alias and not alias.isupper():
                continue
            entries[alias] = Lexeme(name, "country", "country", code)
    for alias, extra_code, role in (*_COUNTRY_EXTRAS, *_HISTORICAL):
        if role == "skip" or extra_code is None:
            entries.pop(alias, None)
            continue
        entries[alias] = Lexeme(
            countries.get(extra_code, "Soviet Union"), "country", role, extra_code
        )
    for alias, name, nation_code, role in _UK_NATIONS:
        entries[alias] = Lexeme(name, "country", role, nation_code)
    for alias, name in _ORGANISATIONS:
        entries[alias] = Lexeme(name, "organization", "org")
    return entries


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names (US Census lists from the ``names`` package), minus ambiguous words."""
    try:
        import names
    except ImportError:
        return frozenset()
    found: set[str] = set()
    for key in ("first:male", "first:female"):
        path = Path(names.FILES[key])
        with path.open(encoding="ascii", errors="ignore") as handle:
            for line in handle:
                word = line.split(" ", 1)[0].strip().title()
                if len(word) > 2:
                    found.add(word)
    blocked = _AMBIGUOUS_FIRST_NAMES | {
        word
        for word, lexeme in lexicon().items()
        if " " not in word and lexeme.role not in ("city", "province")
    }
    return frozenset(found - blocked)


@lru_cache(maxsize=1)
def first_name_genders() -> dict[str, str]:
    """First names of the Census lists given at least ten times as often to one sex as to
    the other: name -> "male" or "female" (for agreement with "he" and "she")."""
    try:
        import names
    except ImportError:
        return {}
    share: dict[str, dict[str, float]] = {"male": {}, "female": {}}
    for gender, found in share.items():
        path = Path(names.FILES[f"first:{gender}"])
        with path.open(encoding="ascii", errors="ignore") as handle:
            for line in handle:
                fields = line.split()
                if len(fields) >= 2 and len(fields[0]) > 1:
                    found[fields[0].title()] = float(fields[1]) or 0.0001
    genders = {}
    for gender, other in (("male", "female"), ("female", "male")):
        for name, frequency in share[gender].items():
            if frequency >= 10 * share[other].get(name, 0.0):
                genders[name] = gender
    return genders


@lru_cache(maxsize=1)
def _countries_by_code() -> dict[str, Lexeme]:
    found: dict[str, Lexeme] = {}
    for word, lexeme in lexicon().items():
        if lexeme.code and lexeme.role == "country" and word == lexeme.name:
            found.setdefault(lexeme.code, lexeme)
    return found


def country_by_code(code: str | None) -> Lexeme | None:
    """The gazetteer entry of the country with ISO alpha-2 ``code``."""
    return _countries_by_code().get(code or "")
