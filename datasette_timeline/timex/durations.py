"""TIMEX3 duration values from an amount and a unit, in no language: the packs read the
amount and name the unit ("second" ... "millennium", "weekend", "fortnight", "half")."""

from __future__ import annotations

TIME_UNITS = frozenset(["hour", "minute", "second"])
_LETTERS = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
    "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
    "millennium": "ML",
}  # fmt: skip
# Units written in another: a fortnight is two weeks, a half (year) six months.
_MULTIPLES = {"fortnight": (2, "week"), "half": (6, "month")}
# TimeBank writes "two decades" as P20Y and "a century" as P100Y.
_YEARS_PER_UNIT = {"DE": 10, "CE": 100}


def unit_letter(unit: str) -> str:
    """The TIMEX3 letter of a unit ("month" -> "M", "minute" -> "M" after the "T")."""
    return _LETTERS[_MULTIPLES.get(unit, (1, unit))[1]]


def _calendar_value(amount: float, letter: str) -> str:
    """ "P3Y", "P2Y6M" (two and a half years), "P1WE": whole amounts without a decimal
    point where the next unit can say the fraction."""
    if letter == "WE":
        return f"P{int(amount)}WE"
    months = (amount - int(amount)) * 12
    if letter == "Y" and amount != int(amount) and months == int(months):
        return f"P{int(amount)}Y{int(months)}M" if int(amount) else f"P{int(months)}M"
    text = str(int(amount)) if amount == int(amount) else f"{amount:g}"
    return f"P{text}{letter}"


def duration_value(amount: float, unit: str) -> str:
    """The value of ``amount`` ``unit``s: "P3D", "PT1H30M" (an hour and a half), "P20Y"
    (two decades)."""
    factor, unit = _MULTIPLES.get(unit, (1, unit))
    amount *= factor
    letter = _LETTERS[unit]
    if unit in TIME_UNITS:
        whole = int(amount)
        if amount - whole == 0.5 and letter in {"H", "M"}:
            half = f"30{'M' if letter == 'H' else 'S'}"
            return f"PT{whole}{letter}{half}" if whole else f"PT{half}"
        text = str(whole) if amount == whole else f"{amount:g}"
        return f"PT{text}{letter}"
    if letter in _YEARS_PER_UNIT:
        return _calendar_value(amount * _YEARS_PER_UNIT[letter], "Y")
    return _calendar_value(amount, letter)
