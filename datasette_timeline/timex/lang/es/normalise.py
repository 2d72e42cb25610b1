"""Turn a match of the Spanish grammar into a TIMEX3 type and value.

The normalisers say what the words mean; relative values go to the language-neutral
resolver as ``Underspecified`` values ("el pasado martes" is the weekday 2 before the
reference time, "hace tres años" three years back from it).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ... import calendar_math as cal
from ...context import Context, Resolution
from ...durations import TIME_UNITS, duration_value, unit_letter
from ...pack import Normaliser
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
)
from .lexicon import (
    APPROXIMATION_MODS,
    DAY_OFFSETS,
    DECADE_WORDS,
    HOLIDAYS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    POSITION_MODS,
    RELATIONS,
    SEASONS,
    SET_ADVERBS,
    UNITS,
    VAGUE_REFERENCES,
    WEEKDAYS,
    lookup,
    number_value,
    roman_value,
)


def _words(text: str | None) -> str:
    return re.sub(r"\s+", " ", text.strip().lower()) if text else ""


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name)


def _position(match: re.Match[str]) -> str | None:
    word = _words(_group(match, "position"))
    return lookup(POSITION_MODS, word) if word else None


def _approximation(match: re.Match[str]) -> str | None:
    word = _words(_group(match, "approx"))
    return lookup(APPROXIMATION_MODS, word) if word else None


def _month(word: str) -> int:
    return int(lookup(MONTHS, word.rstrip(".")))


def _weekday(word: str) -> int:
    return int(lookup(WEEKDAYS, word))


def _day(text: str) -> int:
    return 1 if _words(text).startswith("primero") else int(re.sub(r"\D", "", text))


def _relation(*words: str | None) -> str:
    """The resolver's relation for the words before and after a noun of time ("el pasado
    martes", "el mes que viene", "ese año"); "" when they only name it ("el lunes")."""
    for word in words:
        text = _words(word)
        for prefix in ("el ", "la ", "del ", "al "):
            if text.startswith(prefix):
                text = text[len(prefix) :]
        if not text or text in {"el", "la", "del", "al"}:
            continue
        last = text.split()[-1] if text not in RELATIONS else text
        relation = RELATIONS.get(text) or RELATIONS.get(last)
        if relation:
            return relation
    return ""


_SENTENCE_OPENERS = "¿¡\"'“‘«(-–—"


def _opens_a_sentence(ctx: Context, position: int) -> bool:
    """Whether only opening marks stand between the start of the sentence and
    ``position``."""
    start = ctx.sentence_around(position)[0]
    return not ctx.text[start:position].strip(_SENTENCE_OPENERS + " \t")


_CAPITALISED_AFTER = re.compile(r"\s+(?-i:[A-ZÁÉÍÓÚÑ])[\wáéíóúñü]+")


def _named(ctx: Context, match: re.Match[str], group: str) -> bool:
    """A month or weekday written with a capital inside a sentence, or before another
    capitalised word: a name ("Plaza de Mayo", "Carmen Mayo", "Julio César", "Sábado
    Gigante"); Spanish writes them in lower case."""
    word = match[group]
    if not word[:1].isupper():
        return False
    if not _opens_a_sentence(ctx, match.start(group)):
        return True
    following = _CAPITALISED_AFTER.match(ctx.text, match.end(group))
    return following is not None and lookup(MONTHS, following.group().strip()) is None


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


def _two_digit_year(text: str, anchor: date | None) -> int:
    if len(text) == 4:
        return int(text)
    pivot = (anchor.year if anchor else 2000) + 10
    year = (pivot // 100) * 100 + int(text)
    return year - 100 if year > pivot else year


def numeric(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "3/5/2021": day first, as Spanish writes it."""
    year = _two_digit_year(match["year"], ctx.dct)
    day = safe_date(year, int(match["month"]), int(match["day"]))
    return Resolution("DATE", day.isoformat()) if day else None


def _year_of_words(words: str | None, ctx: Context) -> tuple[str, int] | None:
    """The relation and step a year said in words gives ("este año" this 0, "el año
    pasado" this -1, "el año siguiente" following +1, "ese año" same 0)."""
    text = _words(words)
    if not text:
        return None
    if text == "año":
        return "", 0  # "del año": the year in discussion
    # The words around "año" as a whole first: "que viene" is one relation.
    around = " ".join(text.replace("año", " ").split())
    relation = _relation(around, *around.split())
    step = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(relation, 0)
    if relation in {"last", "next", "this"}:
        return "this", step
    return relation or "same", step


def _story_year(ctx: Context, step: int) -> int | None:
    reference = ctx.anaphoric_anchor()
    return reference.day.year + step if reference else None


def date_(match: re.Match[str], ctx: Context) -> Resolution | None:
    if match["dateline_month"]:
        month = _month(match["dateline_month"])
    elif _named(ctx, match, "month"):
        return None
    else:
        month = _month(match["month"])
    day_of_month = _day(match["day"])
    if match["year"]:
        return calendar_date(ctx, int(match["year"]), month, day_of_month)
    if match["bc_year"]:
        return Resolution("DATE", f"BC{int(match['bc_year']):04d}-{month:02d}-{day_of_month:02d}")
    weekday = _weekday(match["weekday"]) if match["weekday"] else 0
    said = _year_of_words(match["year_words"], ctx)
    if said is not None and said != ("", 0):
        relation, step = said
        if relation == "this":
            deictic = ctx.deictic_anchor()
            if deictic is None:
                return Resolution("DATE", f"XXXX-{month:02d}-{day_of_month:02d}", anchored=False)
            return calendar_date(ctx, deictic.year + step, month, day_of_month)
        year = _story_year(ctx, step)
        if year is None:
            return Resolution("DATE", f"XXXX-{month:02d}-{day_of_month:02d}", anchored=False)
        return calendar_date(ctx, year, month, day_of_month)
    value = Underspecified(
        "month_day",
        month=month,
        day=day_of_month,
        weekday=weekday,
        relation=_relation(match["relation"]),
    )
    return resolve(value, ctx, match.start(), match.end())


def day_alone(match: re.Match[str], ctx: Context) -> Resolution | None:
    if match["this_month"]:
        step = {"este": 0, "ese": 0}.get(_words(match["this_month"]))
        relation = _relation(match["this_month"].split()[-1]) if step is None else "this"
        anchor = ctx.deictic_anchor()
        if anchor is None:
            return Resolution("DATE", f"XXXX-XX-{int(match['day2']):02d}", anchored=False)
        first = cal.add_months(anchor.replace(day=1), {"last": -1, "next": 1}.get(relation, 0))
        return calendar_date(ctx, first.year, first.month, int(match["day2"]))
    value = Underspecified(
        "day_of_month", day=int(match["day"]), relation=_relation(match["relation"])
    )
    return resolve(value, ctx, match.start(), match.end())


def day_range_start(match: re.Match[str], ctx: Context) -> Resolution | None:
    month_number, day_of_month = _month(match["month"]), int(match["day"])
    if match["year"]:
        return calendar_date(ctx, int(match["year"]), month_number, day_of_month)
    value = Underspecified("month_day", month=month_number, day=day_of_month)
    return resolve(value, ctx, match.start(), match.end())


def so_far(match: re.Match[str], ctx: Context) -> Resolution | None:
    unit = _UNIT_OF.get(_words(match["unit"]))
    if unit is None:
        return None
    return resolve(
        Underspecified("unit", unit=unit, relation="this"), ctx, match.start(), match.end()
    )


def eve(match: re.Match[str], ctx: Context) -> Resolution | None:
    value = Underspecified("unit", unit="day", offset=-1, relation="previous")
    return resolve(value, ctx, match.start(), match.end())


def weekday_day(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "el lunes 3": the 3rd that is a Monday, near the reference time."""
    if _named(ctx, match, "weekday"):
        return None
    value = Underspecified(
        "day_of_month", day=int(match["day"]), weekday=_weekday(match["weekday"])
    )
    return resolve(value, ctx, match.start(), match.end())


# "entre mayo y junio de 1937": the year of the other end of the range.
_RANGE_YEAR = re.compile(
    r"\s+(?:y|a|al|hasta|-|–)\s+(?:(?:principios|mediados|finales|fines)\s+de\s+)?"
    + "(?:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + ")"
    + r"\.?\s+(?:de|del)\s+(?P<year>\d{4})(?!\d)",
    re.IGNORECASE,
)


def month(match: re.Match[str], ctx: Context) -> Resolution | None:
    number = _month(match["month"])
    if _named(ctx, match, "month"):
        return None
    mod = _position(match)
    if match["year"]:
        return Resolution("DATE", f"{int(match['year']):04d}-{number:02d}", mod)
    range_year = _RANGE_YEAR.match(ctx.text, match.end())
    if range_year is not None and not (match["relation"] or match["relation_after"]):
        return Resolution("DATE", f"{int(range_year['year']):04d}-{number:02d}", mod)
    relation = _relation(match["relation"], match["relation_after"])
    said = _year_of_words(match["later_year"], ctx)
    if match["this_year"] or (said is not None and said[0] == "this"):
        # "marzo de este año", "octubre del año que viene" (the year is an expression of
        # its own): the month of the year said.
        step = said[1] if said is not None else 0
        relation = {-1: "last", 0: "this", 1: "next"}[step]
        value = Underspecified("month", month=number, relation=relation, by_year=True, mod=mod)
    else:
        value = Underspecified("month", month=number, relation=relation, mod=mod)
    return resolve(value, ctx, match.start(), match.end())


# Words after a number that make it a count, not a year.
_COUNTED_AFTER = re.compile(
    r"\s*(?:%|por\s*ciento|personas|habitantes|millones|mil\b|euros|dólares|dolares|pesos|"
    r"libras|yenes|empleos|puestos|trabajadores|empleados|votos|kilómetros|kilometros|km|"
    r"metros|toneladas|barriles|acciones|puntos|unidades|vehículos|vehiculos|coches|aviones|"
    r"pasajeros|muertos|heridos|víctimas|victimas|soldados|casas|viviendas|[.,]\d)",
    re.IGNORECASE,
)
_NUMBER_BEFORE = re.compile(
    r"(?:[$€£#]|\bn[º°o]\.?|\bnúmero|\bnumero|\bdorsal|\bmodelo|\bvuelo|\bley|\bartículo|"
    r"\barticulo|\bpágina|\bpagina|\bhabitación|\bruta|\bversión|\bversion|\bcalle|"
    r"\bavenida|\bkm|\bcódigo|\bcodigo|\d[.,]?\s*|\bde\s+los|\bunos|\bunas|\bmás\s+de|"
    r"\bmenos\s+de)\s*$",
    re.IGNORECASE,
)


def year(match: re.Match[str], ctx: Context) -> Resolution | None:
    number = int(match["year"])
    era = _words(match["era"]).replace(" ", "")
    if era.startswith("a"):
        return Resolution("DATE", f"BC{number:04d}")
    if not (match["article"] or match["position"] or match["fiscal"] or era):
        if _NUMBER_BEFORE.search(ctx.text, max(0, match.start() - 14), match.start()):
            return None
        if _COUNTED_AFTER.match(ctx.text, match.end()):
            return None
    return Resolution("DATE", f"{number:04d}", _position(match))


def era(match: re.Match[str], ctx: Context) -> Resolution | None:
    if match["ad"]:
        return Resolution("DATE", f"{int(match['ad']):04d}")  # "el año 476"
    return Resolution("DATE", f"BC{int(match['number']):04d}")


def decade(match: re.Match[str], ctx: Context) -> Resolution | None:
    mod = _position(match)
    if match["full"]:
        return Resolution("DATE", match["full"][:3], mod)
    if match["word"]:
        digit = int(lookup(DECADE_WORDS, match["word"]))
    else:
        digit = int(match["short"][0])
        said = match.group(0).lower()
        if "año" not in said and "década" not in said and not match["position"]:
            # "los 70" names a decade only as one of a pair or at the end of a phrase.
            following = ctx.text[match.end() : match.end() + 8]
            if not re.match(r"\s*(?:y\s+\d0\b|[,.;)]|$)", following):
                return None
    said_century = _words(match["century"])
    if said_century:
        number = roman_value(said_century.split()[-1].upper())
        if number is not None:
            return Resolution("DATE", f"{number - 1:02d}{digit}", mod)
    anchor = ctx.dct or (ctx.reference.day if ctx.reference else None)
    if said_century or anchor is None:
        if anchor is None and not said_century and match["word"]:
            return Resolution("DATE", f"19{digit}", mod)  # "los años veinte": the 1920s
        if anchor is None:
            return Resolution("DATE", f"XX{digit}", mod, anchored=False)
        # "del siglo pasado": the century before the anchor's.
        return Resolution("DATE", f"{anchor.year // 100 - 1:02d}{digit}", mod)
    century = anchor.year // 100 if digit * 10 <= anchor.year % 100 else anchor.year // 100 - 1
    return Resolution("DATE", f"{century:02d}{digit}", mod)


def decade_pair(match: re.Match[str], ctx: Context) -> Resolution | None:
    digit = int(match["short"][0])
    anchor = ctx.dct or (ctx.reference.day if ctx.reference else None)
    if anchor is None:
        return Resolution("DATE", f"XX{digit}", anchored=False)
    century = anchor.year // 100 if digit * 10 <= anchor.year % 100 else anchor.year // 100 - 1
    return Resolution("DATE", f"{century:02d}{digit}")


def century(match: re.Match[str], ctx: Context) -> Resolution | None:
    text = match["number"]
    number = int(text) if text.isdigit() else roman_value(text)
    if not number or number > 30:
        return None
    if match["era"]:
        return Resolution("DATE", f"BC{number - 1:02d}", _position(match))
    return Resolution("DATE", f"{number - 1:02d}", _position(match))


def quarter(match: re.Match[str], ctx: Context) -> Resolution | None:
    unit = _words(match["unit"])
    if unit == "cuatrimestre":
        return None  # four months: no TIMEX3 period of its own
    half = unit == "semestre"
    ordinal = _words(match["ordinal"])
    number = ORDINALS.get(ordinal) or lookup(ORDINALS, ordinal)
    if number is None:
        number = int(re.sub(r"\D", "", ordinal) or 0)
    letter = "H" if half else "Q"
    said = _year_of_words(match["year_words"], ctx)
    if number == -1 and not match["year"] and said is None:
        # "el último trimestre": the latest that has ended.
        value = Underspecified(
            "unit", unit="half" if half else "quarter", offset=-1, relation="last"
        )
        if half:
            return None
        return resolve(value, ctx, match.start(), match.end())
    if number == -1:
        number = 2 if half else 4
    if not 1 <= number <= (2 if half else 4):
        return None
    if match["year"]:
        return Resolution("DATE", f"{int(match['year']):04d}-{letter}{number}")
    if said is not None and said[0] not in {"", "this"}:
        year = _story_year(ctx, said[1])
        if year is None:
            return Resolution("DATE", f"XXXX-{letter}{number}", anchored=False)
        return Resolution("DATE", f"{year:04d}-{letter}{number}")
    chosen = said is not None and said[0] == "this"
    value = Underspecified(
        "quarter",
        unit="half" if half else "quarter",
        number=number,
        offset=said[1] if chosen and said else 0,
        relation="this" if chosen or match.group(0).lower().startswith("este") else "",
        definite=True,
    )
    return resolve(value, ctx, match.start(), match.end())


def season(match: re.Match[str], ctx: Context) -> Resolution | None:
    code = SEASONS[_words(match["season"])]
    mod = _position(match)
    if match["season"][:1].isupper() and not _opens_a_sentence(ctx, match.start("season")):
        return None  # "la Primavera Árabe"
    if match["year"]:
        return Resolution("DATE", f"{int(match['year']):04d}-{code}", mod)
    said = _year_of_words(match["year_words"], ctx)
    if said is not None and said[0] == "this":
        relation = {-1: "last", 0: "this", 1: "next"}[said[1]]
        value = Underspecified("season", season=code, relation=relation, by_year=True, mod=mod)
    else:
        relation = _relation(match["before"], match["after"])
        value = Underspecified("season", season=code, relation=relation, mod=mod)
    return resolve(value, ctx, match.start(), match.end())


# --- weekdays, days and parts of days -----------------------------------------------------


def _with_part(
    resolution: Resolution | None, part: str | None, noon: str | None
) -> Resolution | None:
    """A day resolved, with the part of the day or the noon said after it."""
    if resolution is None or resolution.type != "DATE":
        return resolution
    if noon:
        clock = "24:00" if _words(noon) == "medianoche" else "12:00"
        resolution.type, resolution.value = "TIME", f"{resolution.value}T{clock}"
    elif part:
        resolution.type, resolution.value = (
            "TIME",
            f"{resolution.value}T{PARTS_OF_DAY[_words(part)]}",
        )
    return resolution


# Between a date and a weekday in apposition: "el 20 de mayo, lunes", "3 de junio (martes)".
_APPOSITION = re.compile(r"\s*[,(]?\s*(?:el\s+)?$", re.IGNORECASE)


def _after_a_day_ahead(ctx: Context, start: int, end: int, weekday_number: int) -> str:
    """ "following" for a bare weekday said after a day ahead of the reference time named
    in the same sentence, in a clause not told in the past: the sentence has moved on to
    that day ("se entregarán el próximo domingo ... (la 1 de la madrugada del lunes)" is
    the Monday after that Sunday). "same" for the weekday of the day just named ("el 20
    de mayo, lunes"); "" otherwise."""
    named = ctx.reference_in_sentence(start)
    if named is None or named.granularity != "day":
        return ""
    if named.day.isoweekday() == weekday_number:
        between = ctx.text[ctx.reference_end : start]
        return "same" if _APPOSITION.fullmatch(between) else ""
    anchor = ctx.deictic_anchor()
    if anchor is None or named.day <= anchor or ctx.tense(start, end) == "past":
        return ""
    return "following"


def weekday(match: re.Match[str], ctx: Context) -> Resolution | None:
    if _named(ctx, match, "weekday"):
        return None
    before = _words(match["before"])
    relation = _relation(before, match["after"])
    if before in {"ese", "aquel"}:
        relation = ""
    number = _weekday(match["weekday"])
    if not relation:
        relation = _after_a_day_ahead(ctx, match.start(), match.end(), number)
    part = _words(match["part"]) or None
    noon = None
    if part in {"mediodía", "mediodia"}:
        part, noon = None, "mediodía"
    value = Underspecified("weekday", weekday=number, relation=relation)
    resolution = resolve(value, ctx, match.start(), match.end())
    return _with_part(resolution, part, noon)


def part_of_weekday(match: re.Match[str], ctx: Context) -> Resolution | None:
    value = Underspecified("weekday", weekday=_weekday(match["weekday"]))
    part = None if _words(match["part"]) == "jornada" else match["part"]
    return _with_part(resolve(value, ctx, match.start(), match.end()), part, None)


def part_of_date(match: re.Match[str], ctx: Context) -> Resolution | None:
    month_number, day_of_month = _month(match["month"]), _day(match["day"])
    if match["year"]:
        resolution = calendar_date(ctx, int(match["year"]), month_number, day_of_month)
    else:
        value = Underspecified("month_day", month=month_number, day=day_of_month)
        resolution = resolve(value, ctx, match.start(), match.end())
    return _with_part(resolution, match["part"], None)


def week_of_month(match: re.Match[str], ctx: Context) -> Resolution | None:
    number = _month(match["month"])
    if match["year"]:
        year_number: int | None = int(match["year"])
    else:
        found = resolve(Underspecified("month", month=number), ctx, match.start(), match.end())
        year_number = int(found.value[:4]) if found is not None and found.anchored else None
    if year_number is None:
        return Resolution("DATE", "XXXX-WXX", anchored=False)
    if _words(match["ordinal"]) in {"última", "ultima"}:
        last = (
            safe_date(year_number, number % 12 + 1, 1)
            if number < 12
            else date(year_number + 1, 1, 1)
        )
        day = (last or date(year_number, number, 28)) - timedelta(days=4)
    else:
        nth = {"primera": 1, "segunda": 2, "tercera": 3, "cuarta": 4}[_words(match["ordinal"])]
        day = date(year_number, number, 1) + timedelta(days=3 + 7 * (nth - 1))
    iso_year, week, _ = day.isocalendar()
    return Resolution("DATE", f"{iso_year:04d}-W{week:02d}")


def running(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "por segundo día consecutivo": the reference day (week, month) itself."""
    unit = _UNIT_OF.get(_words(match["unit"]).replace("dia", "día"))
    if unit is None or unit == "half":
        return None
    value = Underspecified("unit", unit=unit, offset=0, relation="this")
    return resolve(value, ctx, match.start(), match.end())


_NOT_TOMORROW_BEFORE = re.compile(
    r"(?:\b(?:la|esta|esa|una|cada|toda|por|buena|buenas|media|aquella|misma)\s+)$",
    re.IGNORECASE,
)


def deixis(match: re.Match[str], ctx: Context) -> Resolution | None:
    word = _words(match["word"])
    if word == "mañana" and _NOT_TOMORROW_BEFORE.search(
        ctx.text, max(0, match.start() - 12), match.start()
    ):
        return None  # "por la mañana", "esta mañana": the morning
    key = word.replace("el día de ", "")
    offset = DAY_OFFSETS.get(word, DAY_OFFSETS.get(key))
    if offset is None:
        return None
    part = PARTS_OF_DAY.get(_words(match["part"])) if match["part"] else None
    if word == "anoche":
        part = part or "NI"
    if (
        offset == 0
        and not part
        and ctx.dct is None
        and (ctx.day_reference is None or ctx.about_the_present(match.start(), match.end()))
    ):
        # "hoy" in a text without a date, unless a story told day by day has a day in
        # discussion: today ("inaugurado en 1819, alberga hoy").
        return Resolution("DATE", "PRESENT_REF")
    value = Underspecified("day", offset=offset, part=part)
    return resolve(value, ctx, match.start(), match.end())


def this_part(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "esta mañana", "esta noche": a part of the reference day; "esa noche" of the day
    in discussion."""
    part = PARTS_OF_DAY[_words(match["part"])]
    relation = "this" if _words(match["word"]) == "esta" else "same"
    value = Underspecified("day", offset=0, part=part, relation=relation)
    return resolve(value, ctx, match.start(), match.end())


def part_alone(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "visitó por la mañana la zona": that part of the day in discussion (the last
    day named, else the reference day)."""
    part = PARTS_OF_DAY.get(_words(match["part"]))
    if part is None:
        return None
    day = ctx.day_reference.day if ctx.day_reference is not None else ctx.deictic_anchor()
    if day is None:
        return Resolution("TIME", f"XXXX-XX-XXT{part}", anchored=False)
    return Resolution("TIME", f"{day.isoformat()}T{part}", is_reference=False)


# "el modelo más reciente": the superlative says "latest", no time.
_SUPERLATIVE_BEFORE = re.compile(r"\b(?:más|mas|menos)\s+$", re.IGNORECASE)
# "es demasiado pronto para", "tan pronto como": a judgement of earliness or a
# conjunction, not the near future.
_DEGREE_BEFORE = re.compile(r"\b(?:demasiado|tan)\s+$", re.IGNORECASE)


def vague(match: re.Match[str], ctx: Context) -> Resolution | None:
    if _words(match["word"]) in {"reciente", "recientes"} and _SUPERLATIVE_BEFORE.search(
        ctx.text, max(0, match.start() - 8), match.start()
    ):
        return None
    if _words(match["word"]) == "pronto" and _DEGREE_BEFORE.search(
        ctx.text, max(0, match.start() - 12), match.start()
    ):
        return None
    value = lookup(VAGUE_REFERENCES, match["word"])
    return Resolution("DATE", value) if value else None


# --- units of time ---------------------------------------------------------------------------

_UNIT_OF = {
    "semana": "week", "mes": "month", "año": "year", "ejercicio": "year", "trimestre": "quarter",
    "semestre": "half", "década": "decade", "decenio": "decade", "siglo": "century",
    "fin de semana": "weekend", "día": "day", "jornada": "day",
}  # fmt: skip
_STEPS = {"last": -1, "previous": -1, "next": 1, "following": 1}


def relative(match: re.Match[str], ctx: Context) -> Resolution | None:
    unit = _UNIT_OF.get(_words(match["unit"]))
    if unit is None or unit == "half":
        return None
    before = _words(match["before"])
    relation = _relation(before, match["after"])
    mod = _position(match)
    said_alone = not relation and not mod and not before.startswith("tod")
    if said_alone and before == "la" and _words(match["unit"]) == "jornada":
        if _DAY_OF_TRADING_AFTER.match(ctx.text, match.end()):
            return _the_day(ctx)  # "terminó la jornada en 8.017": the day in discussion
        return None  # "la jornada laboral", "la jornada de huelga"
    if (
        said_alone
        and before == "el"
        and unit == "day"
        and _DAY_CLOSED_BEFORE.search(ctx.text, max(0, match.start() - 24), match.start())
        and _DAY_OF_TRADING_AFTER.match(ctx.text, match.end())
    ):
        return _the_day(ctx)  # "ha cerrado el día con 31 puntos menos"
    if said_alone and (unit != "weekend" or not before):
        return None  # "el año", "la semana" alone say no time ("el fin de semana" does)
    if before.startswith("tod") and unit == "year":
        return _the_year(ctx, match.start())
    if unit == "day" and relation in {"this", ""}:
        return None  # "este día", "todo el día": no date of their own
    if unit == "day" and relation == "same" and ctx.day_reference is not None:
        return _the_day(ctx, mod)  # "ese día", "el mismo día": the last day named
    if before.startswith("tod"):
        relation = ""  # "todo el año": the one in discussion
    if (
        before.startswith(("el último", "la última", "el ultimo", "la ultima"))
        and not match["after"]
    ):
        # "el último año", "la última semana": the stretch of time up to now.
        return Resolution("DURATION", duration_value(1, unit), mod)
    value = Underspecified(
        "unit",
        unit=unit,
        offset=_STEPS.get(relation, 0),
        relation=relation,
        mod=mod,
    )
    return resolve(value, ctx, match.start(), match.end())


# Verbs that open or close a day told of ("cerró el día", "ha acabado el día").
_DAY_CLOSED_BEFORE = re.compile(
    r"\b(?:acab|termin|cerr|cierr|conclu|finaliz|empez|empiez|comenz|comienz|inici|abri|abre)"
    r"[a-záéíóúñ]*\s+$",
    re.IGNORECASE,
)
# After "la jornada" as the day told of, a preposition or the end of the clause ("terminó
# la jornada en 8.017"), not a word that says which kind of day it is.
_DAY_OF_TRADING_AFTER = re.compile(
    r"\s*(?:[,.;:)]|$|(?:en|con|a|al|y|sin|por|para|tras)\b)", re.IGNORECASE
)


def _the_year(ctx: Context, start: int) -> Resolution:
    """ "todo el año": the year of a date named earlier in the sentence ("en el cuarto
    trimestre del 2005 y en todo el año"), else the reference year."""
    anchor = ctx.deictic_anchor()
    reference = ctx.reference_in_sentence(start)
    if (
        reference is not None
        and reference.granularity in {"quarter", "half", "month", "year"}
        and (anchor is None or reference.day.year <= anchor.year)
    ):
        return Resolution("DATE", f"{reference.day.year:04d}")
    if anchor is None:
        return unanchored("year")
    return Resolution("DATE", f"{anchor.year:04d}")


def _the_day(ctx: Context, mod: str | None = None) -> Resolution:
    """ "la jornada", "ese día": the last day named, though a month or a year named since
    ("el viernes ... el desempleo de marzo, el más alto desde 1983 ... terminó la
    jornada")."""
    if ctx.day_reference is not None:
        return Resolution("DATE", ctx.day_reference.day.isoformat(), mod)
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return unanchored("day", mod)
    return Resolution("DATE", anchor.isoformat(), mod)


def same_period(match: re.Match[str], ctx: Context) -> Resolution | None:
    what = {"periodo": "period", "período": "period", "trimestre": "quarter", "mes": "month",
            "semana": "week", "día": "day", "dia": "day", "fecha": "day"}[_words(match["what"])]  # fmt: skip
    if match["year"]:
        # "el mismo periodo de 2017": the period in discussion, in that year.
        reference = ctx.recent_quarter(match.start()) or ctx.reference
        if reference is None or reference.granularity in {"year", "decade", "century"}:
            return Resolution("DATE", f"{int(match['year']):04d}")
        day = safe_date(int(match["year"]), reference.day.month, 1)
        granularity = reference.granularity if what == "period" else what
        return Resolution("DATE", cal.format_value(day, granularity)) if day else None
    return period_a_year_before(ctx, match.start(), what)


def day_part(match: re.Match[str], ctx: Context) -> Resolution | None:
    return _the_day(ctx, _position(match))


def _unit(word: str) -> str | None:
    found = lookup(UNITS, word)
    return str(found) if found else None


def ago(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "hace tres años": that far back from the reference time; "dentro de dos semanas"
    that far ahead."""
    forward = _words(match["direction"]).startswith("dentro")
    unit = _unit(match["unit"])
    if unit is None:
        return None
    if match["vague"] or not match["number"]:
        return Resolution("DATE", "FUTURE_REF" if forward else "PAST_REF", _approximation(match))
    amount = number_value(match["number"])
    if amount is None or amount <= 0:
        return None
    whole = int(amount) * (2 if unit == "fortnight" else 1)
    neutral = "week" if unit == "fortnight" else unit
    if neutral == "half":
        whole, neutral = whole * 6, "month"
    value = Underspecified(
        "offset",
        unit=neutral,
        offset=whole if forward else -whole,
        relation="this",
        mod=_approximation(match),
    )
    resolution = resolve(value, ctx, match.start(), match.end())
    if resolution is not None and resolution.type == "TIME" and resolution.value.endswith("TXX:XX"):
        # "hace unas horas": the day is known, the hour is not.
        resolution.type, resolution.value = "DATE", resolution.value[:-6]
    return resolution


def later(match: re.Match[str], ctx: Context) -> Resolution | None:
    """ "dos días después", "un año más tarde": from the date in discussion; "tres años
    atrás" from the reference time."""
    direction = _words(match["direction"])
    unit = _unit(match["unit"])
    amount = number_value(match["number"])
    if unit is None or amount is None or amount <= 0 or unit == "half":
        return None
    whole = int(amount) * (2 if unit == "fortnight" else 1)
    neutral = "week" if unit == "fortnight" else unit
    forward = direction.startswith(("des", "más", "mas"))
    # "tres años atrás" counts from the reference time, like "hace tres años".
    relation = "this" if direction.startswith("atr") else "following" if forward else "previous"
    value = Underspecified(
        "offset",
        unit=neutral,
        offset=whole if forward else -whole,
        relation=relation,
        mod=_approximation(match),
    )
    resolution = resolve(value, ctx, match.start(), match.end())
    if resolution is not None and not resolution.anchored:
        # Nothing to count from ("El martes ... dos días más tarde" in an undated text):
        # the stretch of time is what the words still say.
        return Resolution("DURATION", duration_value(whole, neutral), resolution.mod)
    return resolution


# --- durations and sets ----------------------------------------------------------------------

_PERSON_BEFORE = re.compile(
    r"(?:(?-i:[A-ZÁÉÍÓÚÑ][\wáéíóúñü]+)|hombre|mujer|joven|jóvenes|niño|niña|niños|niñas|"
    r"chico|chica|anciano|anciana|varón|persona|conductor|conductora|ciudadano|ciudadana|"
    r"vecino|vecina|menor|estudiante|jugador|jugadora|futbolista|padre|madre|hijo|hija|"
    r"esposa|esposo|abuelo|abuela|hermano|hermana|víctima|victima|detenido|detenida|"
    r"acusado|acusada|autor|autora|actor|actriz|cantante|escritor|escritora|piloto)"
    r"\s*,?\s+de\s+$",
    re.IGNORECASE,
)
_AGE_BEFORE = re.compile(
    r"\b(?:(?<!se\s)(?:tiene|tenía|tenia|tenían|tienen|tendrá|tendria|tendría|cumple|cumplió|"
    r"cumplio|cumplirá|cumplira|cumplir|cumplido)|edad\s+de|a\s+los|a\s+sus|mayores\s+de|"
    r"menores\s+de)\s+$|(?:,|\()\s*de\s+$"
    # The last of a list of ages: "dos hombres, de 34 y 41 años".
    r"|(?:,|\()\s*de\s+\d[\d\s,ye]*(?:,|\by|\be)\s+$",
    re.IGNORECASE,
)
_AGE_AFTER = re.compile(r"\s+(?:de\s+edad|cumplidos)\b|\s*\)", re.IGNORECASE)


def _is_age(match: re.Match[str], ctx: Context) -> bool:
    if _unit(match["unit"]) != "year" or not _group(match, "number"):
        return False
    number = match.start("number")
    before = ctx.text[max(0, number - 40) : number]
    if _PERSON_BEFORE.search(before) or _AGE_BEFORE.search(before):
        return True
    if before.rstrip().endswith("(") and _AGE_AFTER.match(ctx.text, match.end()):
        return True  # "Juan Pérez (45 años)"
    return bool(re.match(r"\s+de\s+edad\b", ctx.text[match.end() : match.end() + 10]))


# A lower-case word after "un día" that is no preposition, conjunction or quantity
# describes the day.
_QUALIFIED_AFTER = re.compile(
    r"\s+(?!(?:de|del|y|o|e|u|en|a|al|para|por|con|sin|más|mas|menos|después|despues|antes|"
    r"tras|entero|entera|completo|completa|que|como|hasta|desde|seguido|seguida|atrás|atras|"
    r"exacto|exacta|justo|escaso|escasa|aproximadamente)\b)(?-i:[a-záéíóúñ]{3,})",
    re.IGNORECASE,
)
_DESIGNATORS = ("Y", "M", "W", "D", "TH", "TM", "TS")


def _parts(value: str) -> list[tuple[str, str]]:
    date_part, _, time_part = value[1:].partition("T")
    found = re.findall(r"(\d+(?:\.\d+)?)([YMWD])", date_part)
    found += [(n, "T" + u) for n, u in re.findall(r"(\d+(?:\.\d+)?)([HMS])", time_part)]
    return found


def _sum(values: list[str]) -> str | None:
    """One duration of several amounts in falling units ("tres años y seis meses")."""
    parts = [part for value in values for part in _parts(value)]
    order = [_DESIGNATORS.index(unit) for _, unit in parts]
    if order != sorted(set(order)):
        return None
    dates = "".join(n + u for n, u in parts if not u.startswith("T"))
    times = "".join(n + u[1:] for n, u in parts if u.startswith("T"))
    return "P" + dates + ("T" + times if times else "")


_MORE = re.compile(
    r"(?P<number>\d+|(?!y\s)[^\W\d_]+)\s+(?P<unit>[^\W\d_]+(?:\s+de\s+semana)?)", re.IGNORECASE
)


def duration(match: re.Match[str], ctx: Context) -> Resolution | None:
    unit = _unit(match["unit"])
    if unit is None:
        return None
    if match["half"]:
        amount: float | None = 0.5
    else:
        amount = number_value(match["number"])
    if amount is None or amount <= 0:
        return None
    number = _words(match["number"])
    if unit == "second" and number in {"un", "una", "uno"}:
        return None  # "un segundo intento": the ordinal
    if _is_age(match, ctx):
        return None
    if number in {"un", "una"} and _QUALIFIED_AFTER.match(ctx.text, match.end()):
        return None  # "un día maravilloso", "un año difícil": a day, not a length of time
    if match["and_half"]:
        amount += 0.5
    if unit in {"decade", "century"} and amount != int(amount):
        value: str | None = duration_value(amount * (10 if unit == "decade" else 100), "year")
    elif amount != int(amount) and not match["half"] and unit not in TIME_UNITS:
        # "dos años y medio": P2.5Y, as MEANTIME and TimeML write it in Spanish.
        letter = unit_letter(unit)
        value = f"P{amount:g}{letter}"
    else:
        value = duration_value(amount, unit)
    if match["more"]:
        values = [value or ""]
        for more in _MORE.finditer(match["more"]):
            more_amount, more_unit = number_value(more["number"]), _unit(more["unit"])
            if more_amount is None or more_unit is None:
                return None
            values.append(duration_value(more_amount, more_unit))
        value = _sum(values)
    if value is None:
        return None
    return Resolution("DURATION", value, _approximation(match))


def duration_range_start(match: re.Match[str], ctx: Context) -> Resolution | None:
    amount, unit = number_value(match["number"]), _unit(match["unit"])
    if amount is None or amount <= 0 or unit is None or _is_age(match, ctx):
        return None  # "dos hombres, de 34 y 41 años"
    return Resolution("DURATION", duration_value(amount, unit))


_VAGUE_ALONE_BEFORE = re.compile(
    r"\b(?:en|durante|hace|tras|lleva|llevan|llevaba|llevaban|por|desde\s+hace)\s+[\"“«]?\s*$",
    re.IGNORECASE,
)


def vague_duration(match: re.Match[str], ctx: Context) -> Resolution | None:
    unit = _unit(match["unit"])
    if unit is None or unit == "half":
        return None
    alone = not (match["vague"] or match["lead"] or match["approx"])
    if alone and not _VAGUE_ALONE_BEFORE.search(
        ctx.text, max(0, match.start() - 14), match.start()
    ):
        return None  # "años" alone names no stretch of time but after "en", "hace"...
    if unit in TIME_UNITS:
        return Resolution("DURATION", f"PTX{unit_letter(unit)}", _approximation(match))
    letter = unit_letter("week" if unit == "fortnight" else unit)
    if letter in {"DE", "CE"}:
        letter = "Y"  # "décadas": some number of years
    return Resolution("DURATION", f"PX{letter}", _approximation(match))


def _is_rate(match: re.Match[str], ctx: Context) -> bool:
    """ "15 al año", "dos veces al mes": a frequency, not a date."""
    before = ctx.text[max(0, match.start() - 25) : match.start()].lower()
    return bool(re.search(r"(?:\d|vez|veces|%|[a-záéíóúñ]+s)\s*$", before))


# Nouns of amounts: "beneficio anual" is a profit over a year, not a yearly event.
_AMOUNT_BEFORE = re.compile(
    r"\b(?:beneficios?|pérdidas?|perdidas?|ganancias?|ingresos?|ventas?|facturación|"
    r"facturacion|producción|produccion|crecimiento|caída|caida|subida|aumento|descenso|"
    r"salarios?|sueldos?|presupuestos?|déficit|deficit|superávit|superavit|inflación|"
    r"inflacion|tasa|rentabilidad|resultados?|cifras?|media|promedio|récord|record)\s+$",
    re.IGNORECASE,
)


def set_(match: re.Match[str], ctx: Context) -> Resolution | None:
    if match["adverb"]:
        value = lookup(SET_ADVERBS, match["adverb"])
        adjective = not _words(match["adverb"]).endswith(("mente", "cada")) and " " not in _words(
            match["adverb"]
        )
        if adjective and _AMOUNT_BEFORE.search(ctx.text, max(0, match.start() - 20), match.start()):
            return Resolution("DURATION", value)  # "pérdidas anuales": over a year
        return Resolution("SET", value)
    if match["plural"]:
        day = _words(match["plural"]).split()[-1]
        part = PARTS_OF_DAY.get(day[:-1]) if day.endswith(("ñanas", "rdes", "ches")) else None
        if part:
            return Resolution("SET", f"XXXX-XX-XXT{part}")  # "las mañanas"
        number = lookup(WEEKDAYS, day.rstrip("s") if day.endswith("os") else day)
        return Resolution("SET", f"XXXX-WXX-{number}") if number else None
    if match["per"]:
        if not match["frequency"] and not _is_rate(match, ctx):
            return None
        unit = _unit(match["per_unit"])
        return Resolution("SET", duration_value(1, unit)) if unit else None
    if match["month"] and match["day"]:
        return Resolution("SET", f"XXXX-{_month(match['month']):02d}-{_day(match['day']):02d}")
    word = match["unit"]
    weekday_number = lookup(WEEKDAYS, word)
    if weekday_number:
        return Resolution("SET", f"XXXX-WXX-{weekday_number}")
    part = PARTS_OF_DAY.get(_words(word)) if _words(word) in {"mañana", "tarde", "noche"} else None
    if part:
        return Resolution("SET", f"XXXX-XX-XXT{part}")  # "cada mañana"
    season_code = lookup(SEASONS, word)
    if season_code:
        return Resolution("SET", f"XXXX-{season_code}")
    month_number = lookup(MONTHS, word.rstrip("."))
    if month_number:
        return Resolution("SET", f"XXXX-{int(month_number):02d}")
    unit = _unit(word)
    if unit is None:
        return None
    amount = 0.5 if match["half"] else number_value(match["count"]) if match["count"] else 1
    if amount is None or amount <= 0:
        return None
    return Resolution("SET", duration_value(amount, unit))


# --- clock times -------------------------------------------------------------------------

_HOUR_WORDS = {
    "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8,
    "nueve": 9, "diez": 10, "once": 11, "doce": 12,
}  # fmt: skip
_APPROX_BEFORE = re.compile(r"\b(?:hacia|sobre|alrededor\s+de|cerca\s+de)\s+$", re.IGNORECASE)


def _clock_day(match: re.Match[str], ctx: Context) -> date | None:
    """The day a clock time is on: the one written with it, else the day in discussion,
    else the reference day."""
    groups = match.groupdict()
    if groups.get("date_month"):
        month_number, day_of_month = _month(groups["date_month"]), _day(groups["date_day"])
        if groups.get("date_year"):
            return safe_date(int(groups["date_year"]), month_number, day_of_month)
        around, direction = story_anchor(
            ctx, match.start(), match.end(), ctx.deictic_anchor(), month_number, day_of_month
        )
        if around is None:
            return None
        return safe_date(
            year_for_day(around, month_number, day_of_month, direction), month_number, day_of_month
        )
    anchor = ctx.deictic_anchor()
    if groups.get("weekday"):
        number = _weekday(groups["weekday"])
        relation = _after_a_day_ahead(ctx, match.start(), match.end(), number)
        return weekday_date(ctx, match.start(), match.end(), number, relation)
    if ctx.reference is not None and ctx.reference.granularity == "day":
        return ctx.reference.day
    return anchor


# "a las 18.00 hora local (17.00 en Madrid)": the time in brackets restates the one before.
_CLOCK_BEFORE_ASIDE = re.compile(
    r"\blas?\s+\d{1,2}(?:[:.][0-5]\d)?(?:\s+horas)?\s+[^()\d]{0,24}\(\s?$", re.IGNORECASE
)


def clock(match: re.Match[str], ctx: Context) -> Resolution | None:
    hour_text = _words(match["hour"])
    hour = int(hour_text) if hour_text.isdigit() else _HOUR_WORDS[hour_text]
    minute = int(match["minute"]) if match["minute"] else 0
    if match["fraction"]:
        minute = 30 if _words(match["fraction"]) == "media" else 15
    if match["less"]:
        hour, minute = hour - 1, 45
    said = (
        match["minute"]
        or match["fraction"]
        or match["less"]
        or match["hours"]
        or match["zone"]
        or match["part"]
        or match["sharp"]
    )
    if not said or hour > 24 or hour < 0:
        return None  # "las dos" alone: two of something
    if match["aside"] is not None and not _CLOCK_BEFORE_ASIDE.search(
        ctx.text, max(0, match.start() - 40), match.start()
    ):
        return None  # "(3.50 dólares)": a time in brackets only after another one
    part = _words(match["part"])
    if part in {"tarde", "noche"} and hour < 12 and not (part == "noche" and hour <= 4):
        hour += 12
    if part in {"mediodía", "mediodia"} and hour < 6:
        hour += 12
    day = _clock_day(match, ctx)
    zone = (
        "Z"
        if match["zone"]
        and match["zone"][:3].upper() in {"UTC", "GMT"}
        and not re.search(r"\d", match["zone"])
        else ""
    )
    text = f"{hour:02d}:{minute:02d}{zone}"
    mod = (
        "APPROX"
        if _APPROX_BEFORE.search(ctx.text, max(0, match.start() - 16), match.start())
        else None
    )
    if day is None:
        return Resolution("TIME", f"XXXX-XX-XXT{text}", mod, anchored=False)
    return Resolution("TIME", f"{day.isoformat()}T{text}", mod)


def noon(match: re.Match[str], ctx: Context) -> Resolution | None:
    text = "24:00" if _words(match["word"]) == "medianoche" else "12:00"
    day = _clock_day(match, ctx)
    if day is None:
        return Resolution("TIME", f"XXXX-XX-XXT{text}", anchored=False)
    return Resolution("TIME", f"{day.isoformat()}T{text}")


def holiday(match: re.Match[str], ctx: Context) -> Resolution | None:
    name = _words(match["name"])
    found = lookup(HOLIDAYS, name)
    if found is None or not any(word[:1].isupper() for word in match["name"].split()):
        return None
    if match["year"]:
        return holiday_value(found, int(match["year"]))
    return resolve(Underspecified("holiday", holiday=found), ctx, match.start(), match.end())


NORMALISERS: dict[str, Normaliser] = {
    "iso": iso, "numeric": numeric, "date": date_, "weekday_day": weekday_day, "month": month,
    "year": year, "era": era, "decade": decade, "decade_pair": decade_pair, "century": century,
    "quarter": quarter, "season": season, "weekday": weekday, "part_of_weekday": part_of_weekday,
    "week_of_month": week_of_month, "part_of_date": part_of_date, "running": running, "day_alone": day_alone,
    "day_range_start": day_range_start, "so_far": so_far, "eve": eve,
    "relative": relative, "same_period": same_period, "day_part": day_part, "deixis": deixis, "this_part": this_part, "part_alone": part_alone, "vague": vague, "ago": ago,
    "later": later, "duration": duration, "duration_range_start": duration_range_start,
    "vague_duration": vague_duration, "clock": clock, "noon": noon, "set": set_,
    "holiday": holiday,
}  # fmt: skip
