"""The regular grammar that proposes English temporal expressions.

Each rule is one compiled pattern with named groups; ``normalise.py`` turns a match of
rule ``name`` into a TIMEX3 type and value. When matches overlap the longest wins, so
patterns may be generous about what they include ("the", "early", "about").
"""

from __future__ import annotations

import re

from ...pack import Rule, alternation, build_triggers, compile_rule
from .lexicon import (
    DECADE_WORDS,
    HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    VAGUE_QUANTITIES,
    WEEKDAYS,
)


def _capitalised(words: list[str]) -> str:
    """Case-sensitive alternation of Title-case and UPPER-case forms of ``words``."""
    forms = sorted({form for word in words for form in (word.title(), word.upper())}, key=len)
    return "(?-i:" + "|".join(re.escape(form) for form in reversed(forms)) + ")"


_FULL_MONTHS = [name for name in MONTHS if len(name) > 4 or name in {"may", "june", "july"}]
_ABBREVIATED_MONTHS = [name for name in MONTHS if name not in _FULL_MONTHS]
# "Jan." or "Jan 5": abbreviations need a period or a following number.
# "June's figure" is a month; "May's" and "March's" are more often a name or a noun.
_NAME_LIKE_MONTHS = ["may", "march"]
MONTH = (
    rf"(?:{_capitalised([m for m in _FULL_MONTHS if m not in _NAME_LIKE_MONTHS])}(?![\w])"
    rf"|{_capitalised(_NAME_LIKE_MONTHS)}(?![\w'])|{_capitalised(_ABBREVIATED_MONTHS)}"
    rf"(?:\.|(?=\s+\d)))"
)
_FULL_WEEKDAYS = [name for name in WEEKDAYS if name.endswith("day")]
_ABBREVIATED_WEEKDAYS = [name for name in WEEKDAYS if not name.endswith("day")]
WEEKDAY = rf"(?:{_capitalised(_FULL_WEEKDAYS)}(?!\w)|{_capitalised(_ABBREVIATED_WEEKDAYS)}\.)"
DAY_OF_MONTH = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?:1\d{3}|20\d{2})(?!\d)"
SHORT_YEAR = r"'\d{2}(?!\d)"
_NUMBER_WORD = alternation(
    [word for word in NUMBER_WORDS if word not in {"a", "an", "zero"}] + ["a", "an"]
)
# Number words that can count a second unit ("1 hour 20 minutes"): not "a", which starts
# a rate ("six hours a night").
_AMOUNT_WORD = alternation([word for word in NUMBER_WORDS if word not in {"a", "an", "zero"}])
_COMPOUND = (
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-]"
    r"(?:one|two|three|four|five|six|seven|eight|nine)"
)
# "six hundred", "two thousand": a small number of hundreds or thousands.
_MULTIPLE = r"(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d)[\s-]+(?:hundred|thousand))"
NUMBER = (
    rf"(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?(?:\s+1/2|½)?|{_MULTIPLE}|{_COMPOUND}|"
    rf"{_NUMBER_WORD})"
    r"(?:\s+and\s+(?:a|one)\s+half)?"
)
VAGUE = alternation(VAGUE_QUANTITIES)
SPOKEN_TEENS_AND_TENS = (
    r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|oh[\s-]+(?:one|two|three|"
    r"four|five|six|seven|eight|nine))"
)
SPOKEN_YEAR = (
    rf"(?:nineteen[\s-]+(?:{_COMPOUND}|{SPOKEN_TEENS_AND_TENS})|two[\s-]+thousand"
    rf"(?:[\s-]+(?:and[\s-]+)?(?:{_COMPOUND}|{SPOKEN_TEENS_AND_TENS}|one|two|three|four|five|"
    rf"six|seven|eight|nine))?)"
)
UNIT = (
    r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|years?|"
    r"decades?|century|centuries|millennium|millennia|weekends?)"
)
PLURAL_UNIT = (
    r"(?:seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries|millennia)"
)
APPROXIMATION = (
    r"(?:about|around|approximately|roughly|nearly|almost|some|more\s+than|over|less\s+than|"
    r"under|at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|upwards\s+of|"
    r"close\s+to|just\s+over|just\s+under|well\s+over|barely|a\s+minimum\s+of|a\s+maximum\s+of)"
    r"(?!\s+the\b)"
)
POSITION = (
    r"(?:early|earlier|mid|middle|late|later|the\s+(?:end|beginning|start|middle|close|turn)"
    r"\s+of|the\s+(?:early|late)\s+part\s+of|the\s+rest\s+of)"
)
DEICTIC = r"(?:last|this|next|past|coming|previous|current|following|prior|upcoming|preceding|latest|same|that|this\s+past|this\s+coming|recent|most\s+recent|full|fiscal|entire|whole|calendar)"
TIMEZONE = (
    r"(?:EDT|EST|CDT|CST|MDT|MST|PDT|PST|GMT|UTC|BST|CET|CEST|IST|JST|ET|PT|AEDT|AEST|ACDT|"
    r"ACST|AWST|NZDT|NZST|HKT|SGT|MSK|EET|EEST|"
    r"local\s+time|(?:Eastern|Central|Pacific|Mountain)\s+(?:Standard|Daylight)?\s*[Tt]ime)"
)
DAY_WORD = (
    rf"(?:{WEEKDAY}|(?:yesterday|tomorrow|this)\s+(?:morning|afternoon|evening)|last\s+night|"
    r"today|yesterday|tomorrow|tonight)"
)
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
ORDINAL = alternation([word for word in ORDINALS if word not in {"last", "final"}])
_HOLIDAY_NAMES = [name.title().replace("'S", "'s").replace(" Of ", " of ") for name in HOLIDAYS]
HOLIDAY = "(?-i:" + alternation(_HOLIDAY_NAMES) + ")"
DECADE_WORD = alternation(list(DECADE_WORDS))
# "5 p.m. EST, Nov. 6" and "16:15 UTC, June 1st, 2009": a clock time on a calendar day.
CLOCK_DATE = (
    rf"(?P<date_month>{MONTH})\s*(?P<date_day>{DAY_OF_MONTH})(?:,?\s+(?P<date_year>{YEAR}))?"
)
# "last" the adjective, not the verb of "is expected to last a week".
LAST = (
    r"(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bcould\s)(?<!\bmay\s)(?<!\bmight\s)"
    r"(?<!\bcan\s)(?<!\bshould\s)(?<!\bmust\s)last"
)
# "November that year", "1 February the following year": the year counted from the one
# in discussion.
STORY_YEAR = (
    r"(?:,?\s+(?:of\s+)?(?P<story_year>the\s+following|the\s+next|the\s+previous|"
    r"the\s+preceding|that|the\s+same)\s+year(?![\w'’]))"
)
_rule = compile_rule


_MONTH_DAY_YEAR = rf"""
    (?P<week_of>the\s+week\s+of\s+)?
    (?:(?P<weekday>{WEEKDAY}),?\s+|(?:last|this|next|this\s+past|this\s+coming)\s+)?(?P<month>{MONTH})\s*(?P<day>{DAY_OF_MONTH})
    (?:(?:,\s*|\s+)(?P<year>{YEAR}|{SHORT_YEAR})|,?\s+(?P<year_relation>last|this|next)\s+year|{STORY_YEAR})?
"""
_DAY_MONTH_YEAR = rf"""
    (?P<week_of>the\s+week\s+of\s+)?(?:(?P<weekday>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY_OF_MONTH})\s+(?:of\s+)?(?P<month>{MONTH})
    (?:,?\s+(?P<year>{YEAR})|,?\s+(?P<year_relation>last|this|next)\s+year|{STORY_YEAR})?
"""

RULES: tuple[Rule, ...] = (
    _rule(
        "iso",
        r"(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)"
        r"(?:(?:T|\s)(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?P<zone>Z)?)?",
    ),
    _rule(
        "numeric",
        r"""(?P<first>[0-3]?\d)(?P<separator>[/.])[0-3]?\d(?P=separator)(?:\d{4}|\d{2})
        |\d{4}(?P<year_first>[/.])[01]?\d(?P=year_first)[0-3]?\d
        |(?:(?<=\bon\s)|(?<=\bbefore\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s)|(?<=\bafter\s)|(?<=\bfrom\s))
        (?P<md_month>1[0-2]|0?[1-9])/(?P<md_day>3[01]|[12]\d|0?[1-9])(?![/\d.,]\d)""",
    ),
    _rule("month_day", _MONTH_DAY_YEAR),
    _rule("day_month", _DAY_MONTH_YEAR),
    _rule(
        "month",
        rf"""(?:(?P<position>{POSITION})[\s-]+)?
        (?:(?P<relation>last|this|next|this\s+past|this\s+coming|past|coming|the\s+next|
        the\s+following|the\s+previous|the\s+preceding|that|the\s+same)\s+)?
        (?P<month>{MONTH})
        (?:(?:\s+of)?\s+(?P<year_relation>last|this|next)\s+year|,?\s+(?:of\s+)?(?P<year>{YEAR}|{SHORT_YEAR}|{SPOKEN_YEAR})
        |\s+in\s+(?P<year_in>{YEAR})|{STORY_YEAR})?""",
    ),
    _rule(
        # "from 1930 to 2015 GMT": a listing's first time, written like a year.
        "clock24_range_start",
        rf"""(?P<military>[01]\d|2[0-3])(?P<minute>[0-5]\d)
        (?=\s*(?:to|until|till|and|-|–)\s*(?:[01]\d|2[0-3])[0-5]\d\s*(?P<zone>{TIMEZONE}|Z)(?!\w))""",
    ),
    _rule(
        "year",
        rf"""(?:(?P<position>{POSITION})[\s-]+)?(?:(?P<fiscal>fiscal\s+year|calendar\s+year|fiscal|calendar|FY|the\s+year)\s*)?
        (?P<year>{YEAR})(?:\s*(?P<era>BC|B\.C\.|BCE|AD|A\.D\.|CE)(?!\w))?""",
    ),
    _rule(
        "spoken_year",
        rf"""(?:the\s+year\s+)?(?P<spoken>nineteen[\s-]+(?:{_COMPOUND}|{SPOKEN_TEENS_AND_TENS})
        |two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:{_COMPOUND}|{SPOKEN_TEENS_AND_TENS}|one|two|three|four|five|six|seven|eight|nine))?)""",
    ),
    _rule(
        "year_range_end",
        r"(?<=\b\d{4}[-–])(?P<short>\d{2}|(?:1\d|20)\d\d)(?![-–/.]?\d)",
        boundary="",
    ),
    _rule("fiscal_short_year", r"(?-i:FY)\s?(?P<short>\d{2})(?!\d)"),
    _rule("short_year", r"(?<![\w'])'(?P<short>\d{2})(?!\d|s\b)", boundary=""),
    _rule(
        "era",
        r"(?P<number>\d{1,4})\s*(?P<era>BC|B\.C\.|BCE)(?!\w)|(?:AD|A\.D\.)\s*(?P<ad>\d{1,4})",
    ),
    _rule(
        "decade",
        rf"""(?:(?P<position>early|mid|middle|late)[\s-]+)?
        (?:(?P<full>1\d{{2}}0|20\d0)'?s|'(?P<short>\d0)s|(?P<bare>\d0s)
        |(?P<word>(?:nineteen[\s-]+)?{DECADE_WORD}))""",
    ),
    _rule(
        "century",
        rf"""(?:(?P<the>the)\s+)?(?:(?P<position>early|mid|middle|late|turn\s+of\s+the)[\s-]+)?
        (?P<ordinal>{ORDINAL}|\d{{1,2}}(?:st|nd|rd|th))[\s-]+century(?:\s+(?P<era>BC|BCE|AD|CE)(?!\w))?""",
    ),
    _rule(
        "quarter",
        rf"""(?:(?P<determiner>the|this\s+year's|last\s+year's|next\s+year's|this)\s+
        (?!(?:fiscal\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)-))?
        (?:(?P<year_before>{YEAR})\s+)?
        (?:(?:fiscal|calendar)[\s-]+)?(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|final|last)
        [\s-]+(?:(?:fiscal|calendar)[\s-]+)?(?P<unit>quarter|half)
        (?:\s+of\s+(?:(?P<year_relation>this|last|next)\s+year|(?:fiscal\s+)?(?P<year>{YEAR})|the\s+(?:fiscal\s+)?year)|,?\s+(?P<year2>{YEAR}))?
        |(?-i:(?P<qletter>[QH]))(?P<qnumber>[1-4])(?:\s*(?P<qyear>{YEAR}))?
        |the\s+(?P<qmonth>(?-i:March|June|September|Sept\.|December))\s+quarter(?:\s+of\s+(?P<qmyear>{YEAR}))?
        |(?:the\s+)?(?P<bare_year>{YEAR})\s+(?:fiscal\s+)?(?:quarter|period)""",
    ),
    _rule(
        "season",
        rf"""(?:(?P<position>{POSITION})[\s-]+)?(?:(?P<relation>last|this|next|past|coming|the\s+following|the\s+next|
        the\s+previous|the\s+preceding|the\s+same|that|the|this\s+past|this\s+coming)\s+)?
        (?P<season>{SEASON})(?:(?:\s+of)?\s+(?P<year>{YEAR}|{SPOKEN_YEAR})|\s+(?P<year_relation>last|this|next)\s+year
        |(?P<followed>\s+that\s+followed))?""",
    ),
    _rule(
        "weekday",
        rf"""(?:(?P<relation>last|this|next|this\s+past|this\s+coming|coming|past|early|late|
        the\s+(?:previous|preceding|following|next))\s+)?
        (?P<weekday>{WEEKDAY})(?:(?:\s+|-)(?P<part>{PART_OF_DAY}))?""",
    ),
    _rule(
        "nth_weekday",
        rf"""(?:the\s+)?(?P<nth>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+(?P<weekday>{WEEKDAY})
        \s+(?:in|of)\s+(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?""",
    ),
    _rule(
        "weekday_plural",
        r"""(?-i:(?P<weekday>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?))
        (?:\s+(?P<parts>mornings|afternoons|evenings|nights))?""",
    ),
    _rule(
        "relative",
        rf"""(?:(?P<position>{POSITION})[\s-]+)?
        (?P<relation>(?:the\s+)?{DEICTIC}|the)\s+(?:fiscal\s+(?=year|quarter))?
        (?P<unit>week|weekend|month|year|quarter|decade|century|day|morning|afternoon|evening|night|period|time)""",
    ),
    _rule(
        "year_end",
        r"""(?:(?P<relation>last|this|next)\s+)?(?:(?:fiscal|calendar)[\s-]+)?year(?:[\s-]+|'s\s+)end""",
    ),
    _rule(
        "anaphoric",
        r"""(?P<unit>the\s+(?:day|week|month|year)|that\s+(?:day|week|month|year))
        \s+(?P<direction>before|after|earlier|later|prior|previous)(?=\s*(?:[.,;:!?)]|$|and\b))""",
    ),
    _rule(
        "deixis",
        r"""(?:earlier\s+(?=today|tonight)|(?P<position>early|late|mid-?(?P<part_before>morning|afternoon|evening))
        \s+(?=today|yesterday|tomorrow))?(?P<word>today|tonight|yesterday|tomorrow|now|nowadays|currently|current|recently|
        recent(?=\s+[a-z])(?!\s+(?:years|months|weeks|days|quarters|decades|past|times)\b)|
        lately|the\s+past|the\s+future|the\s+present|at\s+present|presently|these\s+days|
        right\s+now|just\s+now|the\s+time\s+being|the\s+recent\s+past|the\s+near\s+future|
        the\s+(?:long|short|near|medium)\s+term|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)
        (?:\s+(?P<part>morning|afternoon|evening|night))?""",
    ),
    _rule(
        "vague_period",
        r"""(?P<word>(?:the\s+)?(?:coming|recent|past|next\s+few|last\s+few|past\s+few|coming\s+few)\s+
        (?:days|weeks|months|years|decades))""",
    ),
    _rule(
        "ago",
        rf"""(?:(?P<approx>{APPROXIMATION})\s+)?(?:(?P<number>{NUMBER})|(?P<vague>{VAGUE}))?[\s-]*
        (?P<unit>{UNIT})(?:\s+or\s+so)?\s+(?P<direction>ago|earlier(?!\s+th(?:at|is)\s)|later(?!\s+th(?:at|is)\s)|from\s+now|hence|before(?=\s*(?:[.,;:!?)]|$))|
        after(?=\s*(?:[.,;:!?)]|$))|back(?=\s*(?:[.,;:!?)]|$)))""",
    ),
    _rule(
        # "in two weeks' time": a date that far ahead.
        "in_time",
        rf"""(?<=\bin\s)(?:(?P<approx>{APPROXIMATION})\s+)?(?P<number>{NUMBER})[\s-]+(?P<unit>{UNIT})['’]s?\s+time""",
        boundary="",
    ),
    _rule(
        "year_ago_period",
        r"""(?:the\s+)?(?:comparable\s+|same\s+)?(?:year[\s-](?:ago|earlier)|prior[\s-]year|year[\s-]before)
        (?:\s+(?P<what>(?:(?:first|second|third|fourth|fiscal)[\s-]+)*quarter|period|month|week|year))?
        |the\s+(?:same|corresponding|comparable)\s+(?P<what2>period|quarter|month|week|day|time)\s+
        (?:of\s+)?(?:the\s+)?(?:(?:last|previous|prior)\s+year|a\s+year\s+(?:ago|earlier))
        |last\s+year's\s+(?P<what3>quarter|period)""",
    ),
    _rule(
        "duration",
        rf"""(?:(?P<approx>{APPROXIMATION})\s+)?
        (?:(?P<lead>(?:the\s+)?(?:past|{LAST}|next|first|coming|previous|following|final|initial|remaining|
        entire|full|whole|latest|same|better\s+part\s+of\s+the|another|additional|further|other|those|these)|the)\s+)?
        (?:(?P<half>half)[\s-]+(?=an?\s))?(?P<number>{NUMBER})(?:[\s-]+(?P<modifier>more|additional|straight|consecutive|full|long|trading|business|
        working|calendar|successive|further|extra))?[\s-]+(?P<unit>{UNIT})
        (?:-(?P<suffix>long|old)|(?P<unit_half>\s+and\s+(?:a|one)\s+half)
        |(?P<more>(?:(?:,?\s+and\s+|,?\s+)(?:\d+|{_AMOUNT_WORD})[\s-]+{UNIT}(?![\w-])){{1,2}}))?""",
    ),
    _rule("unit_long", r"(?P<unit>day|week|month|year|decade|hour|minute|night)-long"),
    _rule(
        "duration_range_start",
        # Only the first number: the second is a duration of its own ("90 days").
        rf"""(?P<number>{NUMBER})(?=\s*(?:to|and|or|-|–)\s*{NUMBER}[\s-]+(?P<unit>{PLURAL_UNIT})(?![\w-]))""",
    ),
    _rule(
        "vague_duration",
        rf"""(?:(?P<approx>{APPROXIMATION})\s+)?(?:(?P<lead>(?:the\s+)?(?:past|{LAST}|next|first|coming|previous|following))\s+)?
        (?:(?P<vague>{VAGUE})\s+)?(?P<unit>{PLURAL_UNIT})(?P<suffix>-long|-old)?""",
    ),
    _rule(
        "clock",
        rf"""(?P<hour>1[0-2]|0?\d)(?:[:.](?P<minute>[0-5]\d))?\s*(?P<meridiem>a\.m\.?|p\.m\.?|am|pm|o'clock
        |(?:o'clock\s+)?in\s+the\s+(?:morning|afternoon|evening)|(?:o'clock\s+)?at\s+night)
        (?:\s+(?P<zone>{TIMEZONE}))?(?:,?\s+(?:(?P<day>{DAY_WORD})|{CLOCK_DATE}))?""",
    ),
    _rule(
        "clock24",
        rf"""(?:(?P<hour>[01]?\d|2[0-3])[:.]|(?P<military>[01]\d|2[0-3]))(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?
        (?:\s*(?P<zone>{TIMEZONE}|Z))
        (?:,?\s+(?:(?P<day>{DAY_WORD})|{CLOCK_DATE}))?""",
    ),
    _rule(
        # A 24-hour time without a zone where only a time can stand: "at 14:10",
        # "until 17:30", "(15:00)" in a list of fixtures.
        "clock24_bare",
        r"""(?:(?<=\bat\s)|(?<=\buntil\s)|(?<=\bfrom\s)|(?<=\bby\s)|(?<=\())
        (?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?![\d:.,]\d)""",
        boundary="",
    ),
    _rule(
        "noon",
        rf"(?P<word>noon|midnight|midday)(?:,?\s+(?P<day>{DAY_WORD}))?",
    ),
    _rule(
        "set",
        rf"""(?P<every>every|each)\s+(?:(?P<other>other|single)\s+)?
        (?:(?P<count>{NUMBER})\s+(?P<units>{PLURAL_UNIT})|
        (?P<unit>day|week|month|year|quarter|morning|afternoon|evening|night|weekend|hour|minute|decade|
        summer|winter|spring|fall|autumn|{WEEKDAY}|{MONTH}))
        |(?P<per_annum>per\s+annum)
        |(?P<adverb>daily|weekly|monthly|yearly|hourly|nightly|biweekly|annually|semi-?annually|bi-?annually
        |quarterly(?=\s*(?:[.,;:!?)]|$|and\b|or\b|in\b|to\b|on\b|at\b|for\b|until\b|through\b)))
        |(?:(?P<frequency>once|twice|thrice|(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+times)\s+)?
        (?P<per>per|a|an)\s+(?P<per_unit>day|week|month|year|hour|minute|night)(?=\s*(?:[.,;:!?)]|$|and\b|or\b|for\b|in\b|to\b|at\b|on\b))""",
    ),
    _rule(
        "holiday",
        rf"""(?:(?P<relation>last|this|next)\s+)?(?P<name>{HOLIDAY})(?:\s+(?P<week>week))?
        (?:,?\s+(?P<year>{YEAR}))?""",
    ),
)


# --- triggers ----------------------------------------------------------------------------
# Every match of a rule contains one of its trigger tokens, so a rule only needs to run
# near those tokens: one cheap tokenising pass replaces 28 scans of the whole text.

# How far (characters before, after) a rule's match may extend around its trigger.
REACH: dict[str, tuple[int, int]] = {
    "iso": (2, 26), "numeric": (8, 10), "short_year": (2, 2), "fiscal_short_year": (1, 4), "month_day": (30, 40), "day_month": (30, 40),
    "month": (40, 50), "year": (36, 12), "spoken_year": (14, 34), "year_range_end": (8, 4),
    "era": (8, 10), "decade": (24, 10), "century": (36, 34), "quarter": (44, 40),
    "season": (44, 44), "weekday": (30, 24), "nth_weekday": (24, 30), "weekday_plural": (2, 2), "relative": (48, 14),
    "year_end": (18, 10), "anaphoric": (16, 20), "deixis": (40, 30), "vague_period": (30, 12), "ago": (72, 34),
    "year_ago_period": (34, 50), "duration": (80, 30), "unit_long": (2, 6), "duration_range_start": (26, 2), "vague_duration": (64, 10),
    "clock": (12, 48), "clock24": (6, 40), "clock24_bare": (1, 8), "clock24_range_start": (2, 30), "in_time": (40, 12), "noon": (2, 30), "set": (30, 30), "holiday": (10, 34),
}  # fmt: skip
_UNIT_RULES = (
    "ago duration duration_range_start unit_long vague_duration relative anaphoric set "
    "vague_period in_time"
)
_TRIGGER_GROUPS: list[tuple[str, str]] = [
    (" ".join(MONTHS), "month_day day_month month set holiday"),
    (
        " ".join(WEEKDAYS),
        "weekday nth_weekday weekday_plural month_day day_month set clock noon",
    ),
    (
        "mondays tuesdays wednesdays thursdays fridays saturdays sundays",
        "weekday_plural",
    ),
    (
        "second seconds sec minute minutes hour hours hr day days night nights week weeks "
        "fortnight fortnights month months year years yr decade decades millennium millennia "
        "weekend weekends",
        _UNIT_RULES,
    ),
    ("year years", "year_ago_period"),
    ("year end", "year_end"),
    ("quarter quarters", _UNIT_RULES + " quarter year_ago_period"),
    ("century centuries", _UNIT_RULES + " century"),
    ("half q h", "quarter"),
    ("morning afternoon evening night", "relative set deixis"),
    ("period", "relative year_ago_period quarter"),
    (
        "today tonight yesterday tomorrow now nowadays currently current recent recently lately past "
        "future present presently these moment term time",
        "deixis vague_period",
    ),
    ("spring summer fall autumn winter", "season set"),
    (" ".join(DECADE_WORDS), "decade"),
    ("nineteen thousand", "spoken_year"),
    (
        "christmas new halloween valentine independence veterans boxing bastille armistice st "
        "saint guy thanksgiving labor memorial mother father martin presidents columbus "
        "easter good election fourth",
        "holiday",
    ),
    (
        "daily weekly monthly yearly hourly nightly biweekly annually semiannually biannually "
        "quarterly every each per annum semi bi",
        "set",
    ),
    ("noon midnight midday", "noon"),
    ("fy", "fiscal_short_year"),
]
# Rules a number of each length can start or end (longer numbers trigger nothing).
_DIGIT_GROUPS = {
    1: "numeric era clock clock24 clock24_bare",
    2: "numeric era clock clock24 clock24_bare decade year_range_end short_year",
    3: "era",
    4: "iso numeric year year_range_end era decade clock24 clock24_range_start",
}
# Text every match of a rule holds besides its trigger, so that a window without it
# need not be searched (written loosely: a window holding a match must hold one).
_PLURAL_UNITS = "seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries|millennia"
_REQUIRED = {
    "ago": r"ago|earlier|later|now|hence|before|after|back",
    "in_time": r"time",
    "vague_duration": _PLURAL_UNITS,
    "unit_long": r"-long",
    "year_end": r"end",
    "month_day": r"\d",
    "day_month": r"\d",
    "decade": r"0'?s|ties",
    "clock24_bare": r":",
    "numeric": r"[/.]",
    "iso": r"\d-",
    "year_range_end": r"[-–]",
    "short_year": r"'",
}
TRIGGERS = build_triggers(RULES, REACH, _TRIGGER_GROUPS, _DIGIT_GROUPS, required=_REQUIRED)
