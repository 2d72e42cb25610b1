"""Which dated expressions are not events, although the tagger rightly tags them.

Each rule is a pure function of the text, the sentence and the expression, and names
its reason (the categories of the blind sets' ``not_events``):

- ``dateline``: the agency dateline ("WASHINGTON, March 12 (Xinhua) --") or a line that
  holds nothing but a date (the article's date under its headline);
- ``rhetorical``: the general present ("Today, eight countries possess nuclear weapons",
  "the people of tomorrow"), a relative century ("the disasters of this century") and a
  round approximation ("a decade ago, the planning was built around ...");
- ``hypothetical``: a date inside "whatever happens today";
- ``comparison``: the base of a change or a comparison ("up from $252 million in 1988",
  "compared with net income of $48.7 million a year earlier", "in line with 125.73 yen late
  Monday"), the same period a year before set against a figure ("had net of $1.1 million
  a year ago", "in the same quarter of 2022", "In the 1988 period, it earned ..."), or the
  base of a record or of a change ("the worst case since the invasion of Iraq in 2003",
  "has not topped 40 percent since 2005", "the dollar's advance since last Friday").
  Reports of results set each figure against the one of a year before; the earlier date
  dates the base figure, not a happening;
- ``measurement``: a level read at a date ("its ratio as of Sept. 30 was 3.6%") or a price
  quoted at a time of day; a figure dated in passing ("trade in 1996 was worth ...") stays
  an event;
- ``duration``: "since 1990" as the start of a state ("had been arrested in several
  states since 1990"), unless a happening is dated by it ("since 1991 when troops
  occupied", "has started monitoring since Thursday");
- ``duration`` too: the extent of a state ("throughout the fiscal year", "well into the
  summer");
- ``name``: a year that is part of a name ("the 2005 Nobel Peace Prize", "the Data
  Protection Act 1998", "this year's literature prizes");
- ``listing``: a schedule ("leave on Monday and Tuesday nights from March 30", "broadcast
  from 1930 to 2015 GMT", the two ends of "open from 10am to 4pm": hours, not moments);
- ``negated``: an existential negative ("there was no word on Tuesday of any leads").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..timex import Timex
from .grammar import (
    candidate_lemmas,
    clause_bounds,
    governing_verb,
    is_past_form,
    word_data,
)

_DATELINE_BEFORE = re.compile(
    r"^[ \t\r]*[A-Z][A-Za-z.'’-]*(?:[ \t]+[A-Za-z.'’-]+){0,3}"
    r"(?:,[ \t]*[A-Z][A-Za-z.'’-]*(?:[ \t]+[A-Z][A-Za-z.'’-]*){0,2})?,[ \t]*$"
)
_DATELINE_AFTER = re.compile(r"^[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|—|–|_|:)")
_LINE_ALONE = re.compile(r"^[\s,.;:()\[\]-]*$")


def is_dateline(text: str, timex: Timex) -> bool:
    line_start = text.rfind("\n", 0, timex.start) + 1
    line_end = text.find("\n", timex.end)
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start : timex.start], text[timex.end : line_end]
    if _LINE_ALONE.match(before) and _LINE_ALONE.match(after):
        return True
    if _DATELINE_BEFORE.match(before) is None:
        return False
    return bool(_DATELINE_AFTER.match(after))


_DEICTIC = re.compile(r"^(?:today|tonight|tomorrow|now|nowadays|these days)$", re.IGNORECASE)
_OF_DEICTIC = re.compile(r"\b(?:of|for)\s+$", re.IGNORECASE)
_RELATIVE_CENTURY = re.compile(
    r"^(?:this|the\s+(?:last|past|previous|next|coming|present|current))\s+century$",
    re.IGNORECASE,
)
_ROUND_AGO = re.compile(
    r"^(?:just\s+|only\s+|some\s+|about\s+)?(?:a|one)\s+(?:decade|generation|century)\s+ago$",
    re.IGNORECASE,
)
_DAY_IDENTITY = re.compile(
    r"^\s*(?:is|was|marks|marked)\s+(?:the\s+)?(?:\w+\s+){0,2}"
    r"(?:day|anniversary|deadline|birthday)\b",
    re.IGNORECASE,
)


def is_rhetorical(text: str, sentence: tuple[int, int], timex: Timex) -> bool:
    expression = timex.text.strip()
    if _RELATIVE_CENTURY.match(expression) or _ROUND_AGO.match(expression):
        return True
    if not _DEICTIC.match(expression):
        return False
    if _OF_DEICTIC.search(text[max(sentence[0], timex.start - 6) : timex.start]):
        return True  # "the people of tomorrow", "the world of today"
    if _DAY_IDENTITY.match(text[timex.end : sentence[1]]):
        return False  # "today is the eighth day of the operation"
    words = text[sentence[0] : sentence[1]]
    start, end = timex.start - sentence[0], timex.end - sentence[0]
    group = governing_verb(words, start, end)
    if group is None or group.tense != "present" or group.perfect or group.progressive:
        return False
    return group.lemma in word_data()["stative_verbs"]


_WHATEVER = re.compile(r"\b(?:whatever|whenever|however)\b[^,;.]{0,40}$", re.IGNORECASE)


def is_hypothetical(text: str, sentence: tuple[int, int], timex: Timex) -> bool:
    return bool(_WHATEVER.search(text[max(sentence[0], timex.start - 45) : timex.start]))


_NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|"
    r"fifty|sixty|seventy|eighty|ninety|(?:a|one)\s+hundred|(?:a|one)\s+thousand|"
    r"a\s+million|a\s+billion|half)\b"
)
_AMOUNT = r"(?:[$€£]?\s?(?:[A-Z]{1,3}\$\s?)?\d[\d.,]*|" + _NUMBER_WORDS + ")"
# The second term of a comparison: "up from $252 million", "compared with net income of
# $48.7 million", "in line with 125.73 yen", "more than twice the $13.5 million", "from a
# price of $8 a share". A date after it dates the base figure, not a happening.
_BASE_MARKER = (
    r"\b(?:from|compared\s+(?:with|to)|against|versus|in\s+line\s+with|than|twice)\s+"
    r"(?:about\s+|nearly\s+|some\s+|fewer\s+than\s+|more\s+than\s+|less\s+than\s+|almost\s+|"
    r"roughly\s+|just\s+)?"
    r"(?:(?:the|a|an)\s+)?(?:(?:[a-z-]+\s+){0,3}of\s+)?"
)
_FROM_BASE = re.compile(
    r"(?P<marker>" + _BASE_MARKER + r")" + _AMOUNT + r"()(?:[^.;]|\.\d){0,60}$",
    re.IGNORECASE,
)
_RECORD_SINCE = re.compile(
    r"\b(?:lowest|highest|worst|best|biggest|largest|smallest|strongest|weakest|first|"
    r"deepest|sharpest|steepest|most|least|not\s+seen|unseen|never|record)\b"
    r"[^.;:]{0,80}?\bsince\b[^.;:,]{0,45}$",
    re.IGNORECASE,
)
# "has not topped 40 percent since 2005", "who have not appeared at a World Cup since
# 1998": a negated perfect counts back to the last time; the date is that baseline.
_NEGATED_PERFECT_SINCE = re.compile(
    r"\b(?:has|have|had)(?:\s+not|n[’']t)\b[^.;:]{0,80}?\bsince\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# The same period a year before, against which a figure is set: "net of $1.1 million a year
# ago", "the year-earlier quarter", "In the 1988 period, the company earned ...".
_EARLIER_PERIOD = re.compile(
    r"^(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|the\s+(?:year|quarter)\s+before|"
    r"the\s+previous\s+year|the\s+prior\s+year|the\s+year-(?:earlier|ago)\s+\w+|"
    r"(?:the\s+)?\d{4}\s+(?:period|quarter|half|first\s+half|second\s+half))$",
    re.IGNORECASE,
)
_SAME_PERIOD_BEFORE = re.compile(
    r"\bthe\s+same\s+(?:quarter|period|month|week|half|season|time)\s*(?:of|in|last|a)?\s*$",
    re.IGNORECASE,
)
_SAME_PERIOD = re.compile(
    r"^the\s+same\s+(?:quarter|period|month|week|half|season|time)$", re.IGNORECASE
)
_FIGURE = re.compile(
    r"[$€£]\s?\d|\d\s?%|(?<![\w.,])\d[\d.,]*\s*(?:percent|per\s+cent|cents|pence|yen|euros?|"
    r"dollars|pounds|points|[mb]n?\b|million|billion)|\ba\s+share\b",
    re.IGNORECASE,
)
_EARLIER_AFTER = re.compile(
    r"\s*,?\s*(?:(?:a|one)\s+year\s+(?:ago|earlier|before)|the\s+year\s+before)\b",
    re.IGNORECASE,
)


@cache
def _figure_or_reporting_verbs() -> frozenset[str]:
    return frozenset(word_data()["figure_verbs"]) | {"say", "tell"}


def _states_figures_only(clause: str) -> bool:
    """No verb of the clause tells a happening: each past form is a verb that states a
    figure ("earned", "had", "reported") or a verb of speech ("said")."""
    allowed = _figure_or_reporting_verbs()
    # "92%-owned" is an adjective, not a verb of the clause
    for word in re.findall(r"(?<![\w-])[a-z]+(?![\w-])", clause):
        if is_past_form(word) and not allowed.intersection(candidate_lemmas(word)):
            return False
    return True


def _is_base_figure(before: str) -> bool:
    bases = list(_FROM_BASE.finditer(before))
    base = bases[-1] if bases else None  # the last comparison base before the date
    if base is None:
        return False
    tail = before[base.end(1) :]
    if base.group("marker").lower().startswith("from") and re.search(
        r"\bto\b", before[base.start() :]
    ):
        return False  # "from 100,000 in 1980 to 200,000": a range, not a base
    return not any(is_past_form(word) for word in re.findall(r"[a-z]+", tail))


@cache
def _change_words() -> frozenset[str]:
    return frozenset(word_data()["change_words"])


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)


def _is_change_since(text: str, sentence: tuple[int, int], timex: Timex) -> bool:
    """A change measured from a date: "the dollar's advance since last Friday", "shares
    have been cut nearly in half since August". The date is the base of the change; "since"
    after a happening that starts a state ("suspended since July") is left to the rules
    of duration."""
    if timex.text.lower().startswith("since "):
        before_since = text[max(sentence[0], timex.start - 60) : timex.start]
    else:
        window = text[max(sentence[0], timex.start - 70) : timex.start]
        found = _SINCE_BEFORE.search(window)
        if found is None:
            return False
        before_since = window[: found.start()]
    words = re.findall(r"[a-z]+", before_since.lower())[-6:]
    changes = _change_words()
    return any(changes.intersection(candidate_lemmas(word)) for word in words)


def is_comparison(text: str, sentence: tuple[int, int], timex: Timex) -> bool:
    before = text[max(sentence[0], timex.start - 120) : timex.start]
    if _is_base_figure(before):
        return True  # "up from $252 million in 1988" (not "from 100,000 in 1980 to ...")
    if _RECORD_SINCE.search(before) or _NEGATED_PERFECT_SINCE.search(before):
        return True
    if _is_change_since(text, sentence, timex):
        return True
    # Both need a figure in the sentence, looked for last: it reads the whole sentence.
    expression = timex.text.strip()
    if _SAME_PERIOD.match(expression) or _SAME_PERIOD_BEFORE.search(
        text, max(sentence[0], timex.start - 30), timex.start
    ):
        # "compared with £13.1m in the same quarter of 2022"
        return _FIGURE.search(text, sentence[0], sentence[1]) is not None
    # "had net of $1.1 million a year ago", "For the quarter a year ago, it reported ..."
    # (not "the firm was sold for $2 billion a year ago")
    earlier = _EARLIER_PERIOD.match(expression) or _EARLIER_AFTER.match(
        text, timex.end, sentence[1]
    )
    if not earlier or not _FIGURE.search(text, sentence[0], sentence[1]):
        return False
    words = text[sentence[0] : sentence[1]]
    low, high = clause_bounds(words, timex.start - sentence[0], timex.end - sentence[0])
    return _states_figures_only(words[low:high])


_AS_OF = re.compile(r"\bas\s+of\s+$", re.IGNORECASE)
# A price read off at a time of day: "the dollar was quoted at 125.74 yen at 10 a.m.".
_QUOTE = re.compile(
    r"\b(?:quoted|traded|trading|stood|changed\s+hands)\s+at\s+(?:about\s+|around\s+)?"
    r"(?:[$€£]\s?)?\d",
    re.IGNORECASE,
)


def is_measurement(text: str, sentence: tuple[int, int], timex: Timex) -> bool:
    """A figure read at a date, not a happening: a balance "as of Sept. 30" ("its ratio
    as of Sept. 30 was 3.6%", but not "added $227 million to reserves as of Sept. 30"),
    and a price quoted at a time of day ("the dollar was quoted at 125.74 yen at 10
    a.m."). A figure dated in passing ("trade in 1996 was worth $369 million") is a
    reader's event, so a plain date before a figure is not one of these."""
    words = text[sentence[0] : sentence[1]]
    start, end = timex.start - sentence[0], timex.end - sentence[0]
    as_of = _AS_OF.search(words, max(0, start - 8), start) or timex.text.lower().startswith(
        "as of "
    )
    if not as_of and timex.type != "TIME":
        return False
    low, high = clause_bounds(words, start, end)
    rest = words[low:start] + " " + words[end:high]
    if as_of:
        # the state the date is read at: the clause after it ("as of February, the store
        # accounts for 70%"), or before it when nothing follows ("..., as of Sept. 30.")
        following = words[end:high]
        state = following if _FIGURE.search(following) else rest
        return bool(_FIGURE.search(state)) and _states_figures_only(state)
    return _QUOTE.search(rest) is not None


_SINCE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
_WHEN_AFTER = re.compile(r"^\s*,?\s*(?:when|as|after)\b", re.IGNORECASE)


_REPEATED = re.compile(
    r"\b(?:several|many|numerous|repeatedly|dozens|hundreds|scores|times)\b"
    r"|\b\d[\d,]*\s+(?:[a-z]+\s+)?[a-z]+s\b",
)


def is_since_duration(text: str, sentence: tuple[int, int], timex: Timex) -> bool:
    """ "Since 1990" as the span of repeated happenings ("had been arrested in several
    states since 1990", "14 killings since 1993"): no event of its own. The start of a
    state is one ("suspended since July 24, 2003", "tense since 1991 when ...")."""
    starts_with_since = timex.text.lower().startswith("since ")
    window = text[max(sentence[0], timex.start - 12) : timex.start]
    if not (starts_with_since or _SINCE.search(window)):
        return False
    if _WHEN_AFTER.match(text[timex.end : timex.end + 12]):
        return False
    words = text[sentence[0] : sentence[1]]
    low, high = clause_bounds(words, timex.start - sentence[0], timex.end - sentence[0])
    clause = words[low : timex.start - sentence[0]] + " " + words[timex.end - sentence[0] : high]
    return bool(_REPEATED.search(clause))


# "throughout the fiscal year", "well into the summer": how far a state lasts, no
# happening of its own.
_SPAN_BEFORE = re.compile(
    r"\b(?:throughout|all\s+through|(?:well|far|deep)\s+into)\s+$", re.IGNORECASE
)
_SPAN_START = re.compile(r"^(?:throughout|all\s+through|(?:well|far|deep)\s+into)\s", re.IGNORECASE)


def is_span(text: str, sentence: tuple[int, int], timex: Timex) -> bool:
    if text.startswith(("'s", "’s"), timex.end) or timex.text.endswith(("'s", "’s")):
        return False  # "throughout last year's strike": the date of a noun's happening
    if _SPAN_START.match(timex.text):
        return True
    return bool(_SPAN_BEFORE.search(text, max(sentence[0], timex.start - 20), timex.start))


_NAME_HEADS = (
    r"(?:Prize|Prizes|Award|Awards|Medal|Act|Law|Bill|Code|Edition|Model|Census|Budget|"
    r"Report|Index|Survey|Plan|Programme|Program|Strategy|Treaty|Convention|Regulations?)"
)
_YEAR_BEFORE_NAME = re.compile(r"^\s+(?:[A-Z][A-Za-z'’.-]*\s+){0,4}" + _NAME_HEADS + r"\b")
_NAME_BEFORE_YEAR = re.compile(
    r"(?:^|\s)(?:[A-Z][A-Za-z'’.-]*\s+){0,4}(?:Act|Regulations|Order|Convention|Directive)"
    r"\s*,?\s*$"
)
_POSSESSIVE_NAME = re.compile(
    r"^(?:'s|’s)\s+(?:[a-z]+,?\s+){0,6}(?:prizes?|awards?|medals?|edition|budget|census|"
    r"models?|winners?|laureates?)\b"
)
_YEAR = re.compile(r"^(?:the\s+)?\d{4}$|^this\s+year(?:'s|’s)?$|^\d{4}(?:'s|’s)$", re.IGNORECASE)


def is_name(text: str, timex: Timex) -> bool:
    expression = timex.text
    if not _YEAR.match(expression):
        return False
    after = text[timex.end : timex.end + 80]
    if _YEAR_BEFORE_NAME.match(after) or _POSSESSIVE_NAME.match(after):
        return True
    if expression.lower().endswith(("'s", "’s")) and _POSSESSIVE_NAME.match(
        expression[-2:] + after
    ):
        return True
    return bool(_NAME_BEFORE_YEAR.search(text, max(0, timex.start - 60), timex.start))


_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WEEKLY = re.compile(
    r"^\s+and\s+" + _WEEKDAY + r"\s+(?:nights|mornings|evenings|afternoons)\b"
    r"|^s\b",
    re.IGNORECASE,
)
_SCHEDULE_START = re.compile(
    r"^[^.;]{0,40}?\b(?:from|starting|beginning|as\s+of)\s+(?:[A-Z][a-z]+\s+\d|\d)",
)
_CLOCK_RANGE = re.compile(r"^\s*(?:to|-|–)\s*\d{4}\s*(?:GMT|UTC|BST|CET|EST|hrs|hours)\b")
_CLOCK_AFTER = re.compile(r"^\s*(?:GMT|UTC|BST|CET|hrs)\b")


_CLOCK = (
    r"(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{4}(?:\s*(?:GMT|UTC|hrs))?"
    r"|noon|midnight)"
)
# The two ends of a span of hours ("open from 10am to 4pm", "broadcast from 1930 to 2015
# GMT"): the hours of a schedule, not two moments at which something happened.
_RANGE_END_BEFORE = re.compile(
    r"\bfrom\s+" + _CLOCK + r"\s*(?:to|until|till|-|–)\s*$", re.IGNORECASE
)
_RANGE_START_AFTER = re.compile(r"\s*(?:to|until|till|-|–)\s*" + _CLOCK, re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)


def is_listing(text: str, sentence: tuple[int, int], timex: Timex) -> bool:
    after = text[timex.end : sentence[1]]
    if re.fullmatch(r"\d{4}", timex.text) and (
        _CLOCK_RANGE.match(after) or _CLOCK_AFTER.match(after)
    ):
        return True  # "from 1930 to 2015 GMT": clock times of a listing, not years
    if timex.type == "TIME" and (
        _RANGE_END_BEFORE.search(text, max(sentence[0], timex.start - 30), timex.start)
        or (
            _FROM_BEFORE.search(text, max(sentence[0], timex.start - 6), timex.start)
            and _RANGE_START_AFTER.match(text, timex.end, sentence[1])
        )
    ):
        return True
    if not re.search(_WEEKDAY + r"$", timex.text, re.IGNORECASE):
        return False
    return bool(_WEEKLY.match(after)) or (
        bool(re.match(r"^\s+and\s+" + _WEEKDAY, after, re.IGNORECASE))
        and bool(_SCHEDULE_START.match(after))
    )


_THERE_WAS_NO = re.compile(
    r"\bthere\s+(?:was|were|has\s+been|had\s+been|is)\s+no\b[^.;,]{0,60}$", re.IGNORECASE
)


def is_negated(text: str, sentence: tuple[int, int], timex: Timex) -> bool:
    return bool(_THERE_WAS_NO.search(text[max(sentence[0], timex.start - 70) : timex.start]))


_RULES: tuple[tuple[str, Callable[[str, tuple[int, int], Timex], bool]], ...] = (
    ("dateline", lambda text, sentence, timex: is_dateline(text, timex)),
    ("name", lambda text, sentence, timex: is_name(text, timex)),
    ("listing", is_listing),
    ("comparison", is_comparison),
    ("measurement", is_measurement),
    ("duration", is_since_duration),
    ("duration", is_span),
    ("rhetorical", is_rhetorical),
    ("hypothetical", is_hypothetical),
    ("negated", is_negated),
)


# Rules that read the text's layout, not its English words: they hold in any language.
_LANGUAGE_NEUTRAL = frozenset({"dateline"})


def not_event_reason(
    text: str, sentence: tuple[int, int], timex: Timex, *, english: bool = True
) -> str | None:
    """Why the dated expression ``timex`` of ``text`` is no event, or None for an event.

    ``sentence`` is the span of the sentence that holds it. Without ``english`` (a
    document in another language) only the language-neutral rules are asked."""
    for reason, rule in _RULES:
        if (english or reason in _LANGUAGE_NEUTRAL) and rule(text, sentence, timex):
            return reason
    return None
