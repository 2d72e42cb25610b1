"""Words of English temporal expressions and the numbers they stand for."""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thur": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6,
    "sat": 6, "sunday": 7, "sun": 7,
}  # fmt: skip

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}  # fmt: skip

_UNITS_UNDER_TWENTY = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

NUMBER_WORDS: dict[str, int] = {word: value for value, word in enumerate(_UNITS_UNDER_TWENTY)}
NUMBER_WORDS.update({word: 20 + 10 * index for index, word in enumerate(_TENS)})
NUMBER_WORDS.update({"a": 1, "an": 1, "a single": 1, "single": 1, "a couple of": 2,
                     "couple of": 2, "a dozen": 12, "dozen": 12, "a hundred": 100,
                     "one hundred": 100, "hundred": 100, "a thousand": 1000})  # fmt: skip

# Quantities that leave the number unknown ("several years" is PXY).
VAGUE_QUANTITIES = frozenset(
    ["several", "a few", "few", "some", "many", "numerous", "a number of", "the next few",
     "a couple", "dozens of", "hundreds of", "thousands of", "the past few", "the last few",
     "countless", "multiple"]
)  # fmt: skip

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
    "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7,
    "eighth": 8, "8th": 8, "ninth": 9, "9th": 9, "tenth": 10, "10th": 10, "eleventh": 11,
    "11th": 11, "twelfth": 12, "12th": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21,
    "last": -1, "final": -1,
}  # fmt: skip

# TIMEX3 duration unit letters and the calendar granularity of each unit word.
UNITS: dict[str, str] = {
    "second": "S", "sec": "S", "minute": "M", "min": "M", "hour": "H", "hr": "H",
    "day": "D", "night": "D", "week": "W", "fortnight": "W", "month": "M", "quarter": "Q",
    "year": "Y", "yr": "Y", "decade": "DE", "century": "CE", "millennium": "ML",
    "weekend": "WE", "season": "M",
}  # fmt: skip
TIME_UNITS = frozenset(["second", "sec", "minute", "min", "hour", "hr"])

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}  # fmt: skip

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "midday": "MI", "daytime": "DT",
}  # fmt: skip

HOLIDAYS_FIXED: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25), "christmas": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new years day": (1, 1),
    "new year's": (1, 1), "halloween": (10, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "veterans day": (11, 11), "boxing day": (12, 26),
    "bastille day": (7, 14), "may day": (5, 1), "armistice day": (11, 11),
    "st. patrick's day": (3, 17), "saint patrick's day": (3, 17), "guy fawkes night": (11, 5),
    "st patrick's day": (3, 17), "fourth of july": (7, 4),
}  # fmt: skip

# (month, weekday 1-7, n-th occurrence, negative counts from the month's end)
HOLIDAYS_FLOATING: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
    "memorial day": (5, 1, -1), "mother's day": (5, 7, 2), "father's day": (6, 7, 3),
    "martin luther king day": (1, 1, 3), "presidents' day": (2, 1, 3),
    "columbus day": (10, 1, 2),
}  # fmt: skip


# Days counted from Western Easter Sunday.
HOLIDAYS_EASTER: dict[str, int] = {
    "easter": 0, "easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2,
    "palm sunday": -7, "ash wednesday": -46, "pentecost": 49, "ascension day": 39,
}  # fmt: skip


def number_value(words: str) -> int | float | None:
    """The number written in ``words`` ("twenty-four", "5 1/2", "1,000"), or None."""
    text = re.sub(r"\s+", " ", words.strip().lower()).replace(",", "")
    if not text:
        return None
    half = 0.0
    for suffix in (" and a half", " and one half", " 1/2", "-and-a-half", "½"):
        if text.endswith(suffix):
            text, half = text[: -len(suffix)].strip(), 0.5
            break
    if text.replace(".", "", 1).isdigit():
        number = float(text) if "." in text else int(text)
        return number + half if half else number
    if text in NUMBER_WORDS:
        return NUMBER_WORDS[text] + half if half else NUMBER_WORDS[text]
    parts = re.split(r"[\s-]+", text)
    multiple = {"hundred": 100, "thousand": 1000}.get(parts[-1])
    if len(parts) == 2 and multiple:  # "six hundred", "2 thousand"
        count = int(parts[0]) if parts[0].isdigit() else NUMBER_WORDS.get(parts[0])
        if count is not None:
            return count * multiple + half if half else count * multiple
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in NUMBER_WORDS:
        total = NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
        return total + half if half else total
    return None


def alternation(words: list[str] | dict[str, object] | frozenset[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    escaped = [
        re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True)
    ]
    return "(?:" + "|".join(escaped) + ")"
