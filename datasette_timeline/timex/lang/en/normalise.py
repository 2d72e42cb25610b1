"""Turn a grammar match into a TIMEX3 type, value and mod.

News text anchors deictic expressions ("last week", "Tuesday") to the document
creation time; narrative text anchors them to the last date mentioned. Anaphoric
expressions ("the following year", "two days later") always use the last date
mentioned, falling back to the creation time.
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta
from typing import Any

from ... import calendar_math as cal
from ...context import Context, Reference, Resolution
from ...durations import duration_value
from ...pack import Normaliser
from ...reading import Direction
from ...resolve import (
    Underspecified,
    calendar_date,
    holiday_value,
    period_a_year_before,
    resolve,
    safe_date,
    story_anchor,
    unanchored,
    weekday_date,
    year_for_day,
    year_for_month,
)
from .grammar import CLOCK_DATE, DAY_OF_MONTH, DAY_WORD, MONTH, RULES, UNIT, WEEKDAY, YEAR
from .lexicon import (
    APPROXIMATION_MODS,
    DAY_OFFSETS,
    DECADE_WORDS,
    HOLIDAYS,
    MONTH_RELATIONS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    POSITION_MODS,
    RELATION_STEPS,
    SEASONS,
    SET_ADVERBS,
    STORY_YEAR_STEPS,
    TIME_UNITS,
    UNITS,
    VAGUE_REFERENCES,
    WEEKDAY_RELATIONS,
    WEEKDAYS,
    YEAR_STEPS,
    number_value,
)
from .titles import opens_a_clause
from .years import counted_by_a_verb, names_with_year


def _words(text: str | None) -> str:
    return re.sub(r"\s+", " ", text.strip().lower()) if text else ""


def _position_mod(match: re.Match[str]) -> str | None:
    return POSITION_MODS.get(_words(match.groupdict().get("position")))


def _approximation_mod(match: re.Match[str]) -> str | None:
    return APPROXIMATION_MODS.get(_words(match.groupdict().get("approx")))


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _weekday_number(word: str) -> int:
    """1 (Monday) to 7 for a weekday name, abbreviation or plural ("Fridays")."""
    lowered = word.lower().rstrip(".")
    return WEEKDAYS[lowered[:-1] if lowered.endswith("days") else lowered]


def _year_number(text: str, anchor: date | None) -> int:
    """A year written with four digits, as '98 (the century nearest the anchor) or in
    words ("nineteen ninety-four")."""
    if text[:1].isalpha():
        spoken = _spoken_year_number(text)
        if spoken is None:
            raise ValueError(f"not a year: {text!r}")
        return spoken
    if text.startswith("'"):
        short = int(text[1:])
        pivot = (anchor.year if anchor else 2000) + 10
        year = (pivot // 100) * 100 + short
        year = year - 100 if year > pivot else year
        if not 1 <= year <= 9999:
            raise ValueError(f"no year for {text!r} near {anchor}")
        return year
    return int(text)


def _tense(match: re.Match[str], ctx: Context) -> Direction:
    return ctx.tense(match.start(), match.end())


# --- absolute dates -------------------------------------------------------------------


def iso(match: re.Match[str], ctx: Context) -> Resolution | None:
    day = safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    if day is None:
        return None
    if match["hour"]:
        seconds = f":{match['second']}" if match["second"] else ""
        zone = "Z" if match["zone"] else ""
        return Resolution(
            "TIME", f"{day.isoformat()}T{match['hour']}:{match['minute']}{seconds}{zone}"
        )
    return Resolution("DATE", day.isoformat())


@functools.lru_cache(maxsize=2)
def _numeric_parser(order: str) -> Any:
    from dateparser.date import DateDataParser  # imported on first use: it loads slowly

    settings = {"DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month", "year"]}
    return DateDataParser(languages=["en"], settings=settings)


@functools.lru_cache(maxsize=1024)
def _parse_numeric(phrase: str, order: str) -> str | None:
    """dateparser reads all-number dates (order, two-digit years, validity) for us."""
    try:
        data = _numeric_parser(order).get_date_data(phrase)
    except Exception:  # a third-party parser on arbitrary text: never let it break tagging
        return None
    if data.date_obj is None or data.period != "day":
        return None
    return str(data.date_obj.date().isoformat())


_VERSION_BEFORE = re.compile(r"\b(?:version|v|release|build|ver\.)\s*$", re.IGNORECASE)


def numeric(match: re.Match[str], ctx: Context) -> Resolution | None:
    """All-number dates: month first with slashes (as in US news), day first with dots."""
    if _VERSION_BEFORE.search(ctx.text, max(0, match.start() - 12), match.start()):
        return None  # "version 2.3.14"
    if match["md_month"]:  # "on 3/17": a US month/day; its year as for "March 17"
        month, day_of_month = int(match["md_month"]), int(match["md_day"])
        return resolve(
            Underspecified("month_day", month=month, day=day_of_month),
            ctx,
            match.start(),
            match.end(),
        )
    order = "YMD" if match["year_first"] else ("MDY" if match["separator"] == "/" else "DMY")
    value = _parse_numeric(match.group(0), order)
    return Resolution("DATE", value) if value else None


def _day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


# The second half of a range that gives the year for both ends: "March 5 to May 7, 2020",
# "between March and May 2020", "from January through March 1991".
_MONTH_WORD = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_RANGE_PARTNER = re.compile(
    rf"\s*(?:-|–|—|to|and|until|till|through|thru)\s+(?:early\s+|late\s+|mid-?)?"
    rf"(?:{_MONTH_WORD}\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?)?(?:\s+{_MONTH_WORD})?,?\s*"
    rf"(?P<year>(?:1\d|20)\d\d)(?!\d)"
)


def _range_year(match: re.Match[str], ctx: Context) -> int | None:
    """The year written after the other end of a range this expression begins."""
    partner = _RANGE_PARTNER.match(ctx.text, match.end(), match.end() + 40)
    return int(partner["year"]) if partner else None


def _story_year(match: re.Match[str], ctx: Context) -> int | None:
    """The year of "November that year", "1 February the following year": counted from
    the date in discussion (None when there is none)."""
    reference = ctx.anaphoric_anchor()
    if reference is None:
        return None
    return reference.day.year + STORY_YEAR_STEPS[_words(match["story_year"])]


def calendar_day(match: re.Match[str], ctx: Context) -> Resolution | None:
    month = _month_number(match["month"])
    day_of_month = _day_number(match["day"])
    range_year = None if match["year"] else _range_year(match, ctx)
    if match["story_year"]:
        story_year = _story_year(match, ctx)
        if story_year is None:
            return Resolution("DATE", f"XXXX-{month:02d}-{day_of_month:02d}", anchored=False)
        return calendar_date(ctx, story_year, month, day_of_month, bool(match["week_of"]))
    if match["year"] or range_year is not None:
        year = _year_number(match["year"], ctx.dct) if match["year"] else range_year
        return calendar_date(ctx, year or 0, month, day_of_month, bool(match["week_of"]))
    relation = _words(match["year_relation"])
    weekday = _weekday_number(match["weekday"]) if match["weekday"] else 0
    value = Underspecified(
        "month_day",
        month=month,
        day=day_of_month,
        weekday=weekday,
        relation=relation,
        by_year=bool(relation),
        week=bool(match["week_of"]),
    )
    return resolve(value, ctx, match.start(), match.end())


def month(match: re.Match[str], ctx: Context) -> Resolution | None:
    word = match["month"]
    number = _month_number(word)
    mod = _position_mod(match)
    if word.lower() in {"may", "march"} and not _month_name_is_plausible(match, ctx):
        return None
    if _names_a_person(match, ctx):
        return None
    if match["year"] or match["year_in"]:  # "October 1964", "October in 1964"
        year_text = match["year"] or match["year_in"]
        return Resolution("DATE", f"{_year_number(year_text, ctx.dct):04d}-{number:02d}", mod)
    if match["story_year"]:
        story_year = _story_year(match, ctx)
        if story_year is None:
            return Resolution("DATE", f"XXXX-{number:02d}", mod, anchored=False)
        return Resolution("DATE", f"{story_year:04d}-{number:02d}", mod)
    range_year = None if match["relation"] or match["year_relation"] else _range_year(match, ctx)
    if range_year is not None:
        return Resolution("DATE", f"{range_year:04d}-{number:02d}", mod)
    by_year = bool(match["year_relation"])
    relation = MONTH_RELATIONS[_words(match["relation"] or match["year_relation"])]
    value = Underspecified("month", month=number, relation=relation, by_year=by_year, mod=mod)
    return resolve(value, ctx, match.start(), match.end())


_MONTH_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|during|from|through|early|late|mid|last|next|this|the|"
    r"before|after|between|and|to|or|throughout|around|on|last|past|coming)[\s-]*)$",
    re.IGNORECASE,
)


_TITLE_BEFORE = re.compile(r"\b(?-i:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Judge)\.?\s+$")
_SURNAME_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z]+)\b(?!\s*\d)")


def _names_a_person(match: re.Match[str], ctx: Context) -> bool:
    """ "Ms April Ryan", "June Carter said": a first name, not a month. Only a month
    alone (no day, year or modifier) and outside a date-like context ("in June Congress")."""
    if match["year"] or match["relation"] or match["position"] or match["year_relation"]:
        return False
    if match["year_in"] or match["story_year"]:
        return False
    before = ctx.text[max(0, match.start() - 20) : match.start()]
    if _TITLE_BEFORE.search(before):
        return True
    following = _SURNAME_AFTER.match(ctx.text, match.end())
    if following is None or _MONTH_CONTEXT_BEFORE.search(before):
        return False
    name = following.group().strip().lower()
    return name not in MONTHS and name not in WEEKDAYS and name not in {"and", "or", "to"}


_ARTICLE_BEFORE = re.compile(r"\b(?:the|a)\s+$", re.IGNORECASE)
_MARCH_NOUN_AFTER = re.compile(r"\s+(?:on|to|for|against|through|from|in)\s+\D", re.IGNORECASE)


def _month_name_is_plausible(match: re.Match[str], ctx: Context) -> bool:
    """ "May" and "March" are also a name, a verb and a noun: want a date-like context."""
    if match["year"] or match["relation"] or match["position"] or match["year_relation"]:
        return True
    if match["year_in"] or match["story_year"]:
        return True
    before = ctx.text[max(0, match.start() - 20) : match.start()]
    if not _MONTH_CONTEXT_BEFORE.search(before):
        return False
    if _ARTICLE_BEFORE.search(before) and _MARCH_NOUN_AFTER.match(ctx.text, match.end()):
        return False  # "the March on Washington", "a March for Our Lives"
    after = ctx.text[match.end() : match.end() + 2]
    return not (after[:1] == " " and after[1:2].isupper())


def _is_standalone_number(match: re.Match[str], ctx: Context) -> bool:
    """Whether a four-digit number reads as a quantity rather than a year."""
    before = ctx.text[max(0, match.start() - 12) : match.start()].lower()
    after = ctx.text[match.end() : match.end() + 14].lower()
    if re.search(
        r"(?:[$£€¥#]|\bno\.|\bnumber|\bnumbered|\bpage|\broom|\broute|\bflight|\bversion|"
        r"\brelease|\bbuild|\bv\.?|\bmodel|\bpopulation\s+of|\bh\.\s?r\.|(?<![\w.])s\.|\bbill|"
        r"\bsection|\barticle|\brule|\bchapter|\bparagraph|\bclause|\bform)\s*$",
        before,
    ):
        return True
    if re.match(
        r"\s*(?:%|percent|per\s|people|persons|men|women|children|troops|soldiers|"
        r"workers|members|residents|jobs|units|copies|cars|votes|dollars|euros|pounds|yen|"
        r"tons|tonnes|km|kilomet|miles|met(?:er|re)s|feet|barrels|shares|points|"
        r"employees|students|acres|hectares|square|[a-z]+ers\b|[.,]\d)",
        after,
    ):
        return True
    return bool(re.search(r"(?:\d[,.]?\s*|\bthan\s+)$", before))


def year(match: re.Match[str], ctx: Context) -> Resolution | None:
    number = int(match["year"])
    era = _words(match["era"]).replace(".", "")
    if era in {"bc", "bce"}:
        return Resolution("DATE", f"BC{number:04d}")
    if not match["fiscal"] and not match["position"] and not era:
        if _is_standalone_number(match, ctx):
            return None
        if names_with_year(ctx, match.start()) or counted_by_a_verb(ctx.text, match.start()):
            return None  # "the Data Protection Act 1998", "Windows 2000", "employs 1500"
        if not 1000 <= number <= 2099:
            return None
    return Resolution("DATE", f"{number:04d}", _position_mod(match))


def _spoken_year_number(words: str) -> int | None:
    parts = re.split(r"[\s-]+", words.lower())
    if parts[:2] == ["two", "thousand"]:
        rest = [part for part in parts[2:] if part != "and"]
        tail = number_value(" ".join(rest)) if rest else 0
        return 2000 + int(tail) if tail is not None and tail < 100 else None
    rest = [part for part in parts[1:] if part != "oh"]
    tail = 100 if rest == ["hundred"] else number_value(" ".join(rest))
    if tail is None or (tail >= 100 and rest != ["hundred"]):
        return None
    return 1900 + (0 if rest == ["hundred"] else int(tail))


def spoken_year(match: re.Match[str], ctx: Context) -> Resolution | None:
    number = _spoken_year_number(match["spoken"])
    if number is None or (
        not match.group(0).lower().startswith("the") and _is_standalone_number(match, ctx)
    ):
        return None
    return Resolution("DATE", f"{number:04d}")


def year_range_end(match: re.Match[str], ctx: Context) -> Resolution | None:
    """The end of "1992-94" or "1992-1994", when the start reads as a year."""
    start = match.start() - 5
    before = ctx.text[max(0, start - 1) : start]
    if before and (before.isdigit() or before in "-–/.$"):
        return None  # "555-1234-56" is a phone number
    start_year = int(ctx.text[start : start + 4])
    end_text = match["short"]
    if len(end_text) == 4:
        end_year = int(end_text)
    else:
        end_year = (start_year // 100) * 100 + int(end_text)
        if end_year <= start_year:
            end_year += 100
    if not (1000 <= start_year < end_year <= start_year + 100):
        return None
    return Resolution("DATE", f"{end_year:04d}")


def short_year(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "'82": a year in the century nearest the creation time."""
    return Resolution("DATE", f"{_year_number(match.group(0), ctx.dct):04d}")


def fiscal_short_year(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "FY14": a fiscal year, valued as its year like "fiscal 2014"."""
    year = _year_number("'" + match["short"], ctx.dct)
    return Resolution("DATE", f"{year:04d}")


def era(match: re.Match[str], ctx: Context) -> Resolution | None:
    if match["ad"]:
        return Resolution("DATE", f"{int(match['ad']):04d}")
    return Resolution("DATE", f"BC{int(match['number']):04d}")


# "the 70s and 80s": the second decade of a pair shares the first one's "the".
_DECADE_BEFORE = re.compile(r"\bthe\s+(?:'?\d0s|\d{3}0s)\s*(?:,|and|or|to|-|–)\s*$", re.IGNORECASE)


_TEMPERATURE = re.compile(
    r"\b(?:temperatures?|degrees|highs?|lows?|fahrenheit|celsius|heat|thermometers?)\b",
    re.IGNORECASE,
)


def decade(match: re.Match[str], ctx: Context) -> Resolution | None:
    mod = POSITION_MODS.get(_words(match["position"]))
    if match["full"]:
        return Resolution("DATE", match["full"][:3], mod)
    after_the = ctx.text[max(0, match.start() - 4) : match.start()].lower() == "the " or bool(
        _DECADE_BEFORE.search(ctx.text, max(0, match.start() - 30), match.start())
    )
    if match["bare"] and not after_the:
        return None  # "in her 80s" is an age
    if match["bare"] and _TEMPERATURE.search(ctx.sentence_text(match.start(), match.end())):
        return None  # "temperatures climbed into the 90s"
    if match["word"] and not after_the and "nineteen" not in match["word"].lower():
        return None
    if match["word"]:
        digit = DECADE_WORDS[match["word"].lower().split()[-1].split("-")[-1]]
        century = 19 if "nineteen" in match["word"].lower() else None
    else:
        digit = int((match["short"] or match["bare"])[0])
        century = None
    if century is None:
        anchor = ctx.dct or (ctx.reference.day if ctx.reference else None)
        if anchor is None:
            return Resolution("DATE", f"XX{digit}", mod, anchored=False)
        century = anchor.year // 100 if digit * 10 <= anchor.year % 100 else anchor.year // 100 - 1
    return Resolution("DATE", f"{century:02d}{digit}", mod)


def century(match: re.Match[str], ctx: Context) -> Resolution | None:
    ordinal = match["ordinal"].lower()
    number = ORDINALS.get(ordinal) or (
        int(re.sub(r"\D", "", ordinal)) if ordinal[0].isdigit() else 0
    )
    if number <= 0:
        return None
    mod = POSITION_MODS.get(_words(match["position"]))
    if _words(match["era"]) in {"bc", "bce"}:
        return Resolution("DATE", f"BC{number - 1:02d}", mod)
    return Resolution("DATE", f"{number - 1:02d}", mod)


# Words of a match report: its quarters and halves are periods of play.
_GAME_WORDS = re.compile(
    r"\b(?:scored?|scoring|trail(?:ed|ing)|points?|goals?|penalty|penalties|touchdowns?|"
    r"baskets?|innings?|game|match|half-?time|referee|striker|quarterback|kick(?:ed|off)?|"
    r"field\s+goal|free\s+throws?|rebounds?|lead\s+by|led\s+by)\b",
    re.IGNORECASE,
)
_NOT_A_GAME = re.compile(r"\b(?:percentage\s+points?|basis\s+points?|fiscal)\b", re.IGNORECASE)


def _in_a_game(match: re.Match[str], ctx: Context) -> bool:
    """Whether the sentence around a quarter or half is about a game."""
    sentence = ctx.sentence_text(match.start(), match.end())
    # Two different words of play: "the Dow fell 30 points in the fourth quarter" is not one.
    words = {found.lower() for found in _GAME_WORDS.findall(sentence)}
    return len(words) >= 2 and not _NOT_A_GAME.search(sentence)


def quarter(match: re.Match[str], ctx: Context) -> Resolution | None:
    if match["bare_year"]:
        # "the 1988 quarter": the quarter in discussion, in that year.
        in_discussion = ctx.recent_quarter(match.start(), reach=2000)
        if in_discussion is None:
            return Resolution("DATE", f"{int(match['bare_year']):04d}", is_reference=False)
        number = (in_discussion.day.month - 1) // 3 + 1
        return Resolution("DATE", f"{int(match['bare_year']):04d}-Q{number}", is_reference=False)
    if match["qmonth"]:  # "the December quarter": the quarter that ends that month
        last_month = _month_number(match["qmonth"])
        number = (last_month - 1) // 3 + 1
        if match["qmyear"]:
            return Resolution("DATE", f"{int(match['qmyear']):04d}-Q{number}")
        value = Underspecified("quarter", unit="quarter", number=number, month=last_month)
        return resolve(value, ctx, match.start(), match.end())
    if match["qnumber"]:
        number, unit = int(match["qnumber"]), match["qletter"]
        if unit == "H" and (number > 2 or not match["qyear"]):
            return None  # "H1" alone may be anything; "H1 2012" is a half-year
        year_text = match["qyear"]
    else:
        ordinal = match["ordinal"].lower()
        unit = "H" if match["unit"].lower() == "half" else "Q"
        if not (match["year"] or match["year2"] or match["year_before"]) and _in_a_game(match, ctx):
            return None  # "trailed by 12 points in the third quarter", "a second-half goal"
        if ordinal == "last" and unit == "Q":
            return None  # "last quarter" is the previous quarter (see ``relative``)
        number = (2 if unit == "H" else 4) if ordinal in {"final", "last"} else ORDINALS[ordinal]
        if unit == "H" and number > 2:
            return None
        year_text = match["year"] or match["year2"] or match["year_before"]
        said_of_a_year = " of " in _words(match.group(0)) or "-" in match.group(0)
        if unit == "H" and not (year_text or match["year_relation"] or said_of_a_year):
            return None  # "the second half" of a match, a film...
    number = number if unit == "H" or number <= 4 else 4
    if year_text:
        return Resolution("DATE", f"{int(year_text):04d}-{unit}{number}")
    determiner = _words(match.groupdict().get("determiner"))
    relation = _words(match["year_relation"]) if match.groupdict().get("year_relation") else ""
    offset = YEAR_STEPS.get(relation, 0)
    offset += {"last year's": -1, "next year's": 1}.get(determiner, 0)
    # "the fourth quarter" alone may be last year's or this year's (see the resolver);
    # "this quarter", "the fourth quarter of next year" are in the year they say.
    chosen = bool(offset or relation or determiner not in {"", "the"})
    value = Underspecified(
        "quarter",
        unit="half" if unit == "H" else "quarter",
        number=number,
        offset=offset,
        relation="this" if chosen else "",
        definite=determiner == "the",
    )
    return resolve(value, ctx, match.start(), match.end())


# Nouns a season word describes rather than dates, and street names.
_SEASON_AS_MODIFIER = re.compile(
    r"\s+(?:storms?|weather|coats?|clothes|clothing|tires|tyres|wheat|crops?|olympics|"
    r"olympic|games|solstice|equinox|squash|fashions?|collections?|(?-i:Street|Avenue|Road|"
    r"Lane|Boulevard|Drive|Place|Square|St\.|Ave\.|Rd\.))\b",
    re.IGNORECASE,
)


def season(match: re.Match[str], ctx: Context) -> Resolution | None:
    word = match["season"].lower()
    relation = _words(match["relation"])
    if word == "fall" and not (
        relation or match["year"] or match["year_relation"] or match["position"]
    ):
        return None
    if match["season"].isupper() and len(match.group(0)) == len(match["season"]):
        return None
    bare = not (relation or match["year"] or match["year_relation"] or match["position"])
    if bare and _SEASON_AS_MODIFIER.match(ctx.text, match.end()):
        return None  # "a winter storm watch", "Spring Street"
    code = SEASONS[word]
    mod = _position_mod(match)
    if match["year"]:
        return Resolution("DATE", f"{_year_number(match['year'], ctx.dct):04d}-{code}", mod)
    if match["year_relation"]:
        neutral = _SEASON_RELATIONS[_words(match["year_relation"])]
    else:
        neutral = _SEASON_RELATIONS["the following" if match["followed"] else relation]
    value = Underspecified(
        "season", season=code, relation=neutral, by_year=bool(match["year_relation"]), mod=mod
    )
    return resolve(value, ctx, match.start(), match.end())


# English relation words before a season, in the resolver's terms ("the winter that
# followed" is the following one).
_SEASON_RELATIONS = {
    "": "", "the": "", "last": "last", "past": "last", "this past": "last", "next": "next",
    "coming": "next", "this coming": "next", "this": "this", "the following": "following",
    "the next": "following", "the previous": "previous", "the preceding": "previous",
    "that": "same", "the same": "same",
}  # fmt: skip


# --- weekdays, parts of days, times -----------------------------------------------------


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# Days with a name of their own ("Black Monday" 1987, "Super Tuesday" of some primary year)
# are not the Monday of the week of writing.
_NAMED_DAY_BEFORE = re.compile(r"\b(?:Black|Bloody|Super|Cyber)\s+$")


# Newspapers named after a day: "the Sunday Times", "the Mail on Sunday".
_NEWSPAPER_AFTER = re.compile(
    r"\s+(?-i:Times|Telegraph|Mirror|Express|Herald|Post|Tribune|Independent|Mail|Star|"
    r"World|People|Sport|Observer|Age|Business\s+Post)\b"
)
_NEWSPAPER_ON = re.compile(r"(?-i:\b(?:Mail|Independent|Scotland|Express|Business))\s+on\s+$")


def _names_a_newspaper(match: re.Match[str], ctx: Context) -> bool:
    return bool(
        _NEWSPAPER_AFTER.match(ctx.text, match.end())
        or _NEWSPAPER_ON.search(ctx.text, max(0, match.start() - 16), match.start())
    )


def weekday(match: re.Match[str], ctx: Context) -> Resolution | None:
    if match["weekday"].endswith(".") and _THE_BEFORE.search(ctx.text, 0, match.start()):
        return None  # "the Sun." is the star, "the Wed." no day
    if not match["relation"] and _NAMED_DAY_BEFORE.search(
        ctx.text, max(0, match.start() - 8), match.start()
    ):
        return None
    if not match["relation"] and not match["part"] and _names_a_newspaper(match, ctx):
        return None
    relation = _words(match["relation"])
    value = Underspecified(
        "weekday",
        weekday=_weekday_number(match["weekday"]),
        relation=WEEKDAY_RELATIONS[relation],
        part=PARTS_OF_DAY.get(_words(match["part"])) if match["part"] else None,
        # "Wednesday's ruling" names something that has happened.
        possessive=ctx.text.startswith(("'s", "’s"), match.end()),
        mod={"early": "START", "late": "END"}.get(relation),
    )
    return resolve(value, ctx, match.start(), match.end())


def nth_weekday(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the first Monday in October": that day of the month's year (named, or chosen
    like the month's)."""
    month_number = _month_number(match["month"])
    nth = ORDINALS[match["nth"].lower()]
    if match["year"]:
        year = int(match["year"])
    else:
        anchor = ctx.deictic_anchor()
        if anchor is None:
            return None
        year = year_for_month(anchor, month_number, _tense(match, ctx))
    day = cal.nth_weekday(year, month_number, _weekday_number(match["weekday"]), nth)
    return Resolution("DATE", day.isoformat())


def weekday_plural(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "Fridays", "Tuesday nights": every such day (or part of it)."""
    value = f"XXXX-WXX-{_weekday_number(match['weekday'])}"
    if match["parts"]:
        return Resolution("SET", f"{value}T{PARTS_OF_DAY[match['parts'].lower()[:-1]]}")
    if not match["weekday"].endswith("s"):
        return None  # a single day is the weekday rule's
    return Resolution("SET", value)


def _is_discourse_now(match: re.Match[str], ctx: Context) -> bool:
    """A sentence opening "Now," moves the story on; it does not say when."""
    return ctx.text.startswith(",", match.end()) and opens_a_clause(ctx, match.start())


def deixis(match: re.Match[str], ctx: Context) -> Resolution | None:
    word = _words(match["word"])
    if word == "now" and _is_discourse_now(match, ctx):
        return None
    part_word = match["part"] or match["part_before"]
    part = PARTS_OF_DAY.get(_words(part_word)) if part_word else None
    mod = _position_mod(match)
    if word == "tonight":
        part = "NI"
    if word in VAGUE_REFERENCES:
        if part:
            return None
        return Resolution("DATE", VAGUE_REFERENCES[word])
    value = Underspecified("day", offset=DAY_OFFSETS[word], part=part, mod=mod)
    return resolve(value, ctx, match.start(), match.end())


def vague_period(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "recent months", "the coming weeks": a stretch of unknown length."""
    unit = _words(match["word"]).split()[-1]
    return Resolution("DURATION", f"PX{_unit_letter(unit)}")


_RELATIVE_GRANULARITY = {
    "week": "week", "weekend": "week", "month": "month", "year": "year", "quarter": "quarter",
    "decade": "decade", "century": "century", "day": "day", "morning": "day",
    "afternoon": "day", "evening": "day", "night": "day", "period": "period", "time": "time",
}  # fmt: skip
_ANAPHORIC_RELATIONS = {"following", "previous", "prior", "preceding", "same", "that", "next"}


def _relative_anchor(ctx: Context, relation: str, has_the: bool) -> Reference | None:
    """Anaphoric ("the following year", "that day") or deictic ("next year") anchor."""
    if relation in _ANAPHORIC_RELATIONS and (has_the or relation in {"that", "same"}):
        return ctx.anaphoric_anchor()
    anchor = ctx.deictic_anchor()
    if anchor is None and relation == "the" and ctx.reference is not None:
        return ctx.reference  # "for the year" in a story without a date
    return Reference(anchor, "day") if anchor else None


def relative(match: re.Match[str], ctx: Context) -> Resolution | None:
    unit = match["unit"].lower()
    raw_relation = _words(match["relation"])
    has_the = raw_relation.startswith("the")
    relation = raw_relation[4:] if raw_relation.startswith("the ") else raw_relation
    mod = _position_mod(match)
    granularity = _RELATIVE_GRANULARITY[unit]
    if relation == "the" and unit == "day":
        return _the_day(ctx, mod)
    if granularity in {"period", "time"} or (
        relation == "the"
        and unit in {"night", "morning", "afternoon", "evening", "decade", "century"}
        and not (mod and unit in {"decade", "century"})  # "by the end of the decade"
    ):
        if granularity == "period" and relation in {"latest", "same", "the"}:
            return _reference_period(ctx, match, relation, mod)
        return None
    if relation == "recent" and unit not in {"quarter"}:
        return None
    steps = RELATION_STEPS.get(relation, 0)
    if relation == "latest" and unit == "year":
        steps = -1  # "the latest fiscal year" has ended, like "the latest quarter"
    if unit == "quarter" and relation in {"the", "latest", "recent", "most recent", "same", "that"}:
        return _reference_quarter(ctx, match, relation, mod)
    if relation == "the" and unit in {"week", "month"} and not mod:
        return None  # "the week" alone is too vague; "the end of the month" is not
    if raw_relation in {"the", "the fiscal", "the entire", "the whole", "the full"} and (
        unit == "year" and not mod
    ):
        anchor = _relative_anchor(ctx, relation, has_the)
        return _the_year(match, ctx, anchor) if anchor else unanchored("year")
    anaphoric = relation in _ANAPHORIC_RELATIONS and (has_the or relation in {"that", "same"})
    if relation == "the" or (
        unit == "weekend" and steps == 0 and relation not in {"this", "same", "that"}
    ):
        neutral = ""  # "the end of the year", "the weekend": the one in discussion
    elif anaphoric:
        neutral = "previous" if steps < 0 else "following" if steps > 0 else "same"
    else:
        neutral = "last" if steps < 0 else "next" if steps > 0 else "this"
    part = PARTS_OF_DAY.get(unit)
    if part:  # "last night", "the next morning"
        value = Underspecified("day", offset=steps, part=part, relation=neutral, mod=mod)
    else:
        name = "weekend" if unit == "weekend" else granularity
        value = Underspecified("unit", unit=name, offset=steps, relation=neutral, mod=mod)
    return resolve(value, ctx, match.start(), match.end())


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)


def year_end(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "by year-end" is the end of this year; "since year-end" (and year-end in the past
    early in a year) the end of the last one."""
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return unanchored("year", "END")
    relation = _words(match["relation"])
    if relation:
        year = anchor.year + YEAR_STEPS[relation]
    elif _SINCE_BEFORE.search(ctx.text, max(0, match.start() - 12), match.start()) or (
        anchor.month <= 2 and _tense(match, ctx) == "past"
    ):
        year = anchor.year - 1
    else:
        year = anchor.year
    return Resolution("DATE", f"{year:04d}", "END")


_FISCAL_YEAR_END = re.compile(r"\s+(?:ended|ending|ends|to\s+end|through)\b", re.IGNORECASE)


def _the_year(match: re.Match[str], ctx: Context, anchor: Reference) -> Resolution:
    """ "The year ended June 30" is a fiscal year, a year-long span; "for the year" or "the
    first months of the year" is the year in discussion."""
    if _FISCAL_YEAR_END.match(ctx.text, match.end()):
        return Resolution("DURATION", "P1Y")
    reference = ctx.reference_in_sentence(match.start())
    if (
        reference is not None
        and reference.granularity in {"quarter", "half", "month", "year"}
        and reference.day.year <= anchor.day.year
    ):
        # "The fourth quarter of 2005 and $8.6 billion for the entire year", "in 2003, the
        # year the war ended": the year of the date named earlier in the sentence (a year
        # ahead is a forecast, not the year the report is about).
        return Resolution("DATE", f"{reference.day.year:04d}")
    return Resolution("DATE", f"{anchor.day.year:04d}")


def _the_day(ctx: Context, mod: str | None) -> Resolution:
    """ "The day" of a report: the day in discussion, else the anchor's day."""
    if ctx.reference is not None and ctx.reference.granularity == "day":
        return Resolution("DATE", ctx.reference.day.isoformat(), mod)
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return unanchored("day", mod)
    return Resolution("DATE", anchor.isoformat(), mod)


def _reference_quarter(
    ctx: Context, match: re.Match[str], relation: str, mod: str | None
) -> Resolution | None:
    """ "The quarter": the quarter in discussion; "the latest quarter": the last one ended."""
    quarter = ctx.recent_quarter(match.start(), reach=2000)
    if relation == "that" and ctx.named_quarter is not None and quarter is not None:
        quarter = ctx.named_quarter  # "that quarter": the one just named, looked back on or not
    if relation != "latest" and quarter is not None:
        return Resolution("DATE", cal.format_value(quarter.day, "quarter"), mod)
    base = ctx.deictic_anchor()
    if base is None:
        return unanchored("quarter", mod)
    return Resolution("DATE", cal.format_value(cal.shift(base, "Q", -1), "quarter"), mod)


def _reference_period(
    ctx: Context, match: re.Match[str], relation: str, mod: str | None
) -> Resolution | None:
    """ "The latest period" in a company report: the quarter in discussion or just ended."""
    if ctx.recent_quarter(match.start(), reach=2000) is not None or relation == "latest":
        return _reference_quarter(ctx, match, "the", mod)
    if ctx.reference and ctx.reference.granularity in {"month", "half", "year"}:
        return Resolution(
            "DATE", cal.format_value(ctx.reference.day, ctx.reference.granularity), mod
        )
    return None


def anaphoric(match: re.Match[str], ctx: Context) -> Resolution | None:
    unit_words = _words(match["unit"]).split()
    unit = unit_words[-1]
    direction = _words(match["direction"])
    forward = direction in {"after", "later"}
    value = Underspecified(
        "unit",
        unit=unit,
        offset=1 if forward else -1,
        relation="following" if forward else "previous",
    )
    return resolve(value, ctx, match.start(), match.end())


# --- "ago", durations and sets ------------------------------------------------------------


def _unit_letter(unit_word: str) -> str:
    word = unit_word.lower()
    if word in {"centuries", "century"}:
        return "CE"
    if word.startswith("millenni"):
        return "ML"
    return UNITS[word[:-1] if word.endswith("s") and word[:-1] in UNITS else word]


def _unit_word(unit_word: str) -> str:
    word = unit_word.lower()
    if word in {"centuries", "century"}:
        return "century"
    if word.startswith("millenni"):
        return "millennium"
    return word[:-1] if word.endswith("s") and word[:-1] in UNITS else word


# The resolver's unit names, by duration letter (hours, minutes and seconds by word).
_RESOLVER_UNITS = {
    "D": "day", "W": "week", "WE": "weekend", "M": "month", "Q": "quarter", "Y": "year",
    "DE": "decade", "CE": "century", "ML": "millennium", "hour": "hour", "hr": "hour",
    "minute": "minute", "min": "minute", "second": "second", "sec": "second",
}  # fmt: skip


def _resolver_unit(unit_word: str) -> str:
    word = _unit_word(unit_word)
    return _RESOLVER_UNITS[word if word in TIME_UNITS else _unit_letter(unit_word)]


def ago(match: re.Match[str], ctx: Context) -> Resolution | None:
    direction = _words(match["direction"])
    unit = _unit_word(match["unit"])
    if unit == "second" and (match["number"] or "").lower() in {"a", "an"}:
        return None
    forward = direction in {"later", "from now", "hence", "after"}
    if match["vague"] or not match["number"]:
        return Resolution(
            "DATE", "FUTURE_REF" if forward else "PAST_REF", _approximation_mod(match)
        )
    amount = number_value(match["number"])
    if amount is None:
        return None
    whole = int(amount) * (2 if unit == "fortnight" else 1)
    if direction in {"earlier", "later", "before", "after"}:  # from the date in discussion
        relation = "following" if forward else "previous"
    else:  # "ago", "from now": from the creation date
        relation = "this"
    value = Underspecified(
        "offset",
        unit=_resolver_unit(match["unit"]),
        offset=whole if forward else -whole,
        relation=relation,
        mod=_approximation_mod(match),
    )
    return resolve(value, ctx, match.start(), match.end())


def in_time(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "in two weeks' time": the date that far ahead, known to the unit counted."""
    amount = number_value(match["number"])
    unit = _unit_word(match["unit"])
    if amount is None or amount <= 0 or unit in TIME_UNITS or amount != int(amount):
        return None
    whole = int(amount) * (2 if unit == "fortnight" else 1)
    value = Underspecified(
        "offset",
        unit=_resolver_unit(match["unit"]),
        offset=whole,
        relation="this",
        keep_unit=True,
        mod=_approximation_mod(match),
    )
    return resolve(value, ctx, match.start(), match.end())


def year_ago_period(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "the year-earlier quarter", "the same period last year": the period in discussion,
    one year before."""
    what = _words(match["what"] or match["what2"] or match["what3"])
    return period_a_year_before(ctx, match.start(), "quarter" if what.endswith("quarter") else what)


def _format_duration(amount: float, unit_word: str) -> str:
    fortnights = _unit_word(unit_word) == "fortnight"
    return duration_value(amount * 2 if fortnights else amount, _resolver_unit(unit_word))


_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|shall|can)\s+$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"\s+(?:old|of\s+age)\b", re.IGNORECASE)
# "a quarter-final", "two-and-three-quarter percent": the unit word names something else.
_NOT_TIME_AFTER = re.compile(r"-?(?:semi-?)?finals?\b|\s*(?:%|percent|per\s+cent)", re.IGNORECASE)


def duration(match: re.Match[str], ctx: Context) -> Resolution | None:
    if (match["suffix"] and match["suffix"].lower() == "old") or _AGE_AFTER.match(
        ctx.text, match.end()
    ):
        return None  # ages ("a 6-year-old", "52 years old") are not temporal expressions
    if _NOT_TIME_AFTER.match(ctx.text, match.end()):
        return None
    number_text = match["number"]
    unit = _unit_word(match["unit"])
    if number_text.lower() in {"a", "an"} and (
        unit == "second" or match["unit"].lower().endswith("s")
    ):
        return None  # "a second" is an ordinal; "a decades-long feud" counts no decades
    amount = number_value(number_text)
    if amount is None or amount <= 0:
        return None
    if match["unit_half"]:  # "a minute and a half"
        amount += 0.5
    if match["half"]:  # "half an hour"
        amount /= 2
    if (
        number_text.lower() == "one"
        and unit == "day"
        and _MODAL_BEFORE.search(ctx.text, max(0, match.start() - 12), match.start())
    ):
        return Resolution("DATE", "FUTURE_REF")  # "Islam will one day be ..."
    if unit in {"quarter", "half"} and amount >= 1000:
        return None  # "the 1988 quarter" names a year
    if (
        unit in {"quarter", "half"}
        and not match["modifier"]
        and re.match(r"\s+of\b", ctx.text[match.end() : match.end() + 4])
    ):
        return None  # "three-quarters of the vote" is a fraction; "two straight quarters of" not
    if number_text.lower() in {"a", "an"} and _is_rate(match, ctx):
        return Resolution("SET", _format_duration(1, match["unit"]))
    value: str | None = _format_duration(amount, match["unit"])
    for more in _MORE_AMOUNTS.finditer(match["more"] or ""):  # "1 hour 20 minutes"
        value = _compound_duration(value or "", more["number"], more["unit"])
    if value is None:
        return None
    return Resolution("DURATION", value, _approximation_mod(match))


_MORE_AMOUNTS = re.compile(rf"(?P<number>\d+|[a-z]+)[\s-]+(?P<unit>{UNIT})", re.IGNORECASE)
# Duration designators from the largest; "M" is months before the "T", minutes after it.
_DESIGNATORS = ("Y", "M", "W", "D", "TH", "TM", "TS")
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")


def _duration_parts(value: str) -> list[tuple[str, str]] | None:
    """ "P1DT4H" -> [("1", "D"), ("4", "TH")]; None for values that are not plain."""
    date_part, _, time_part = value[1:].partition("T")
    parts = [(n, u) for n, u in _DURATION_PART.findall(date_part)]
    parts += [(n, "T" + u) for n, u in _DURATION_PART.findall(time_part)]
    return parts if parts and value.startswith("P") else None


def _compound_duration(first: str, number_text: str, unit_word: str) -> str | None:
    """The sum of two amounts written one after the other, the second in a smaller unit."""
    amount = number_value(number_text)
    if amount is None or amount <= 0:
        return None
    head, tail = _duration_parts(first), _duration_parts(_format_duration(amount, unit_word))
    if head is None or tail is None:
        return None
    order = [_DESIGNATORS.index(unit) for _, unit in head + tail]
    if order != sorted(set(order)):
        return None  # "2 minutes 3 hours" is no one duration
    dates = "".join(n + u for n, u in head + tail if not u.startswith("T"))
    times = "".join(n + u[1:] for n, u in head + tail if u.startswith("T"))
    return "P" + dates + ("T" + times if times else "")


def unit_long(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "a year-long investigation": a duration of one unit."""
    return Resolution("DURATION", _format_duration(1, match["unit"]))


def duration_range_start(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "60" in "between 60 and 90 days": the first bound of a range has the second's unit."""
    amount = number_value(match["number"])
    if amount is None or amount <= 0 or _NOT_TIME_AFTER.match(ctx.text, match.end("unit")):
        return None
    return Resolution("DURATION", _format_duration(amount, match["unit"]))


def _is_rate(match: re.Match[str], ctx: Context) -> bool:
    """ "twice a year", "$5 a day": a frequency, not a length of time."""
    before = ctx.text[max(0, match.start() - 25) : match.start()].lower()
    return bool(
        re.search(r"(?:once|twice|thrice|times|\d|percent|%|dollars|cents|[a-z]+s)\s*$", before)
    ) and not before.rstrip().endswith(("for", "in", "within"))


def vague_duration(match: re.Match[str], ctx: Context) -> Resolution | None:
    if match["suffix"] and match["suffix"].lower() == "-old":
        return None
    if ctx.text[match.start() - 1 : match.start()] == "-":
        return None  # "three-quarters of its food" is a fraction
    if _AGE_AFTER.match(ctx.text, match.end()) or _NOT_TIME_AFTER.match(ctx.text, match.end()):
        return None  # the unit of an age ("52 years old"), "quarter-finals"
    letter = _unit_letter(match["unit"])
    unit = _unit_word(match["unit"])
    vague = _words(match["vague"])
    if unit == "quarter" and (vague in {"", "some"} and not match["lead"]):
        return None  # "living quarters", "criticised in some quarters"
    if unit in TIME_UNITS:
        return Resolution("DURATION", f"PTX{letter}", _approximation_mod(match))
    if letter == "DE":
        letter = "Y"  # "decades" is some number of years (TimeBank: PXY)
    return Resolution("DURATION", f"PX{letter}", _approximation_mod(match))


def set_expression(match: re.Match[str], ctx: Context) -> Resolution | None:
    if match["per_annum"]:
        return Resolution("SET", "P1Y")
    if match["adverb"]:
        return Resolution("SET", SET_ADVERBS[match["adverb"].lower().replace("-", "")])
    if match["per"]:
        if (
            match["per"].lower() in {"a", "an"}
            and not match["frequency"]
            and not _is_rate(match, ctx)
        ):
            return None
        return Resolution("SET", _format_duration(1, match["per_unit"]))
    if match["count"]:  # "every four years"
        count = number_value(match["count"])
        if count is None or count <= 0:
            return None
        return Resolution("SET", _format_duration(count, match["units"]))
    unit = match["unit"]
    amount = 2 if (match["other"] or "").lower() == "other" else 1
    lowered = unit.lower().rstrip(".")
    if lowered in WEEKDAYS:
        return Resolution("SET", f"XXXX-WXX-{WEEKDAYS[lowered]}")
    if lowered in MONTHS and unit[0].isupper():
        return Resolution("SET", f"XXXX-{MONTHS[lowered]:02d}")
    if lowered in PARTS_OF_DAY:
        return Resolution("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[lowered]}")
    if lowered in SEASONS:
        return Resolution("SET", f"XXXX-{SEASONS[lowered]}")
    if lowered == "weekend":
        return Resolution("SET", "XXXX-WXX-WE")
    if lowered == "quarter":
        return Resolution("SET", f"P{3 * amount}M")
    return Resolution("SET", _format_duration(amount, lowered))


# --- clock times ------------------------------------------------------------------------


# The day a time is on, written after it as an expression of its own ("2:46 p.m. on
# Friday"), or the other end of a range that names it ("from noon to 8 p.m. Wednesday").
# "10am on 21 March": the same groups, day first.
_ON_DAY_MONTH_AFTER = re.compile(
    rf"\s+on\s+(?:{WEEKDAY},?\s+)?(?:the\s+)?(?P<date_day>{DAY_OF_MONTH})\s+(?:of\s+)?(?P<date_month>{MONTH})"
    rf"(?:,?\s+(?P<date_year>{YEAR}))?",
    re.IGNORECASE,
)
_ON_DAY_AFTER = re.compile(
    rf"(?:\s*\([^()\n]{{1,24}}\))?\s+on\s+(?:(?:{WEEKDAY},?\s+)?{CLOCK_DATE}"
    rf"|(?P<day>{DAY_WORD})(?!,?\s+(?:the\s+)?\d))",  # "on Sunday, July 30": the date
    re.IGNORECASE,
)
_RANGE_TO = re.compile(r"\s*(?:to|until|till|-|–)\s*", re.IGNORECASE)
_CLOCK_RULES = [rule.pattern for rule in RULES if rule.name in {"clock", "clock24", "noon"}]


def _day_written_after(match: re.Match[str], ctx: Context) -> re.Match[str] | None:
    following = _ON_DAY_AFTER.match(ctx.text, match.end()) or _ON_DAY_MONTH_AFTER.match(
        ctx.text, match.end()
    )
    if following is not None:
        return following
    to = _RANGE_TO.match(ctx.text, match.end())
    if to is None:
        return None
    for pattern in _CLOCK_RULES:
        other_end = pattern.match(ctx.text, to.end())
        if other_end is not None:
            groups = other_end.groupdict()
            if groups.get("day") or groups.get("date_month"):
                return other_end
            return _ON_DAY_AFTER.match(ctx.text, other_end.end())
    return None


def _clock_day(match: re.Match[str], ctx: Context) -> tuple[date | None, bool]:
    """The day a clock time falls on, and whether it had to be guessed from the anchor."""
    day_word = match.groupdict().get("day")
    if match.groupdict().get("date_month"):
        return _clock_calendar_day(match, ctx), False
    if not day_word:
        written_after = _day_written_after(match, ctx)
        if written_after is not None:
            return _clock_day(written_after, ctx)[0], False
        # "at 18:00 UTC" after "on Monday": the day in discussion, else the anchor.
        if ctx.reference is not None and ctx.reference.granularity == "day":
            return ctx.reference.day, True
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return None, True
    if not day_word:
        return anchor, True
    lowered = _words(day_word).rstrip(".")
    if lowered in WEEKDAYS:
        return weekday_date(ctx, match.start(), match.end(), WEEKDAYS[lowered], ""), False
    if lowered == "last night":
        return anchor - timedelta(days=1), False
    first_word = lowered.split()[0]  # "yesterday morning", "this evening"
    return anchor + timedelta(days=DAY_OFFSETS.get(first_word, 0)), False


def _clock_calendar_day(match: re.Match[str], ctx: Context) -> date | None:
    """The day of "5 p.m. EST, Nov. 6": written out, its year chosen as for a bare date."""
    month_number = _month_number(match["date_month"])
    day_of_month = _day_number(match["date_day"])
    if match["date_year"]:
        return safe_date(int(match["date_year"]), month_number, day_of_month)
    around, tense = story_anchor(
        ctx, match.start(), match.end(), ctx.deictic_anchor(), month_number, day_of_month
    )
    if around is None:
        return None
    year = year_for_day(around, month_number, day_of_month, tense)
    return safe_date(year, month_number, day_of_month)


def _time_value(day: date | None, clock: str, zone: str | None) -> tuple[str, bool]:
    suffix = "Z" if zone and zone.upper() in {"UTC", "GMT", "Z"} else ""
    if day is None:
        return f"XXXX-XX-XXT{clock}{suffix}", False
    return f"{day.isoformat()}T{clock}{suffix}", True


def clock(match: re.Match[str], ctx: Context) -> Resolution | None:
    hour = int(match["hour"])
    meridiem = _words(match["meridiem"]).replace(".", "")
    if meridiem.endswith(("afternoon", "evening", "night")) and hour < 12:
        meridiem = "pm"
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    minute = match["minute"] or "00"
    day, _ = _clock_day(match, ctx)
    value, anchored = _time_value(day, f"{hour:02d}:{minute}", match["zone"])
    return Resolution("TIME", value, anchored=anchored)


def clock24(match: re.Match[str], ctx: Context) -> Resolution | None:
    day, _ = _clock_day(match, ctx)
    groups = match.groupdict()
    hour = int(groups.get("hour") or groups.get("military") or 0)
    seconds = f":{groups['second']}" if groups.get("second") else ""
    clock_text = f"{hour:02d}:{groups['minute']}{seconds}"
    value, anchored = _time_value(day, clock_text, groups.get("zone"))
    return Resolution("TIME", value, anchored=anchored)


def noon(match: re.Match[str], ctx: Context) -> Resolution | None:
    clock_text = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[match["word"].lower()]
    day, _ = _clock_day(match, ctx)
    value, anchored = _time_value(day, clock_text, None)
    return Resolution("TIME", value, anchored=anchored)


# --- holidays ---------------------------------------------------------------------------


def holiday(match: re.Match[str], ctx: Context) -> Resolution | None:
    name = _words(match["name"])
    if name not in HOLIDAYS:
        return None
    if match["year"]:
        return holiday_value(HOLIDAYS[name], int(match["year"]), bool(match["week"]))
    relation = _words(match["relation"])
    value = Underspecified(
        "holiday", holiday=HOLIDAYS[name], relation=relation, week=bool(match["week"])
    )
    return resolve(value, ctx, match.start(), match.end())


NORMALISERS: dict[str, Normaliser] = {
    "iso": iso, "numeric": numeric, "month_day": calendar_day, "day_month": calendar_day,
    "month": month, "year": year, "spoken_year": spoken_year, "year_range_end": year_range_end, "short_year": short_year, "fiscal_short_year": fiscal_short_year, "era": era,
    "decade": decade, "century": century, "quarter": quarter, "season": season,
    "weekday": weekday, "nth_weekday": nth_weekday, "weekday_plural": weekday_plural, "relative": relative,
    "anaphoric": anaphoric, "deixis": deixis, "vague_period": vague_period, "ago": ago,
    "year_ago_period": year_ago_period, "year_end": year_end,
    "duration_range_start": duration_range_start, "duration": duration, "unit_long": unit_long,
    "vague_duration": vague_duration, "clock": clock, "clock24": clock24, "clock24_bare": clock24, "clock24_range_start": clock24, "noon": noon, "in_time": in_time,
    "set": set_expression, "holiday": holiday,
}  # fmt: skip
