"""The regular grammar that proposes Spanish temporal expressions.

Each rule is one compiled pattern with named groups; ``normalise.py`` turns a match of
rule ``name`` into a TIMEX3 type and value. When matches overlap the longest wins.
Extents follow TimeML as MEANTIME Spanish applies it: the article and its contractions
("el 12 de octubre", "del lunes", "al mediodía") and hedges ("casi dos años") are inside,
prepositions ("en", "a", "desde", "hasta", "durante") outside.
"""

from __future__ import annotations

from ...pack import Rule, alternation, build_triggers, compile_rule
from .lexicon import (
    APPROXIMATION_MODS,
    DECADE_WORDS,
    HOLIDAYS,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    POSITION_MODS,
    SEASONS,
    SET_ADVERBS,
    UNITS,
    VAGUE_QUANTITIES,
    VAGUE_REFERENCES,
    WEEKDAYS,
)

_FULL_MONTHS = [name for name in MONTHS if len(name) > 3 or name == "may"]
_SHORT_MONTHS = [name for name in MONTHS if name not in _FULL_MONTHS]
# "mayo", "sept.": an abbreviation needs its full stop.
MONTH = rf"(?:{alternation([m for m in _FULL_MONTHS if m != 'may'])}|{alternation([*_SHORT_MONTHS, 'may'])}\.)"
# An agency dateline writes the abbreviation without its full stop: "Madrid, 10 may
# (EFE).-".
DATELINE_MONTH = rf"{alternation([*_SHORT_MONTHS, 'may'])}(?=\s*\((?-i:[A-Z]))"
WEEKDAY = alternation(WEEKDAYS)
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:\s?[ºo°])?(?!\d)"
FIRST_DAY = r"(?:primero|1\s?[ºo°])"
YEAR = r"(?:1\d{3}|20\d{2})(?!\d)"
ARTICLE = r"(?:el|la|los|las|del|al)"
POSITION = rf"(?:{alternation(POSITION_MODS)})"
_NUMBER_WORD = alternation([w for w in NUMBER_WORDS if w != "cero"])
# "treinta y dos", "ciento veinte", "dos mil".
NUMBER = (
    rf"(?:\d{{1,3}}(?:\.\d{{3}})+|\d+(?:,\d+)?"
    rf"|{_NUMBER_WORD}(?:\s+(?:y\s+)?{_NUMBER_WORD}(?![^\W\d_]))?)"
)
VAGUE = alternation(VAGUE_QUANTITIES)
APPROXIMATION = alternation(APPROXIMATION_MODS)
UNIT = alternation([u for u in UNITS if u not in {"ejercicio", "ejercicios"}])
PLURAL_UNIT = alternation(
    [u for u in UNITS if u.endswith("s") and u not in {"ejercicios", "fines de semana"}]
)
SEASON = alternation(SEASONS)
PART = r"(?:mañana|tarde|noche|madrugada|mediodía|mediodia)"
TIMEZONE = (
    r"(?:UTC|GMT|CET|CEST|EST|EDT|PST|PDT|CST|CDT|MST|MDT|ART|COT|PET|CLT|VET|ECT|BOT|"
    r"UYT|PYT)(?:\s?[+-−]\s?\d{1,2})?"
)
ORDINAL = alternation(ORDINALS)
HOLIDAY = alternation(HOLIDAYS)
DECADE_WORD = alternation(DECADE_WORDS)
# Relation words after a noun ("el mes pasado", "el año que viene").
AFTER = (
    r"(?:pasad[oa]s?|próxim[oa]|proxim[oa]|que\s+viene|entrante|anterior|siguiente|"
    r"posterior|previ[oa]|en\s+curso|actual|presente)"
)
# Determiners before a noun of time ("este año", "el próximo mes", "aquella semana").
BEFORE = (
    r"(?:(?:el|la|del|al)\s+(?:pasad[oa]|próxim[oa]|proxim[oa]|mism[oa]|últim[oa]|ultim[oa]|"
    r"present[e]|actual)|est[ea]|es[ea]|aquel(?:la)?|(?:este|esta|ese|esa|aquel|aquella)\s+mism[oa]|"
    r"el|la|del|al)"
)
# The year a month, a quarter or a season belongs to when it is said in words.
YEAR_WORDS = (
    r"(?P<year_words>(?:este|ese|aquel|dicho)\s+año|(?:el\s+)?año\s+(?:pasado|anterior|"
    r"siguiente|próximo|proximo|que\s+viene|en\s+curso)|(?:el\s+)?(?:próximo|proximo|pasado)\s+año|"
    r"(?:el\s+)?mismo\s+año|año)"
)
_rule = compile_rule

RULES: tuple[Rule, ...] = (
    _rule(
        "iso",
        r"(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)"
        r"(?:(?:T|\s)(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?(?P<zone>Z)?)?",
    ),
    _rule(
        # "3/5/2021", "03-05-21": day first.
        "numeric",
        r"(?:(?:el|del|al)\s+)?(?P<day>[0-3]?\d)(?P<separator>[/.-])(?P<month>[01]?\d)(?P=separator)(?P<year>\d{4}|\d{2})(?![/.-]?\d)",
    ),
    _rule(
        "date",
        rf"""(?:(?P<article>el|del|al)\s+)?(?:(?P<relation>pasado|próximo|proximo)\s+)?
        (?:(?P<weekday>{WEEKDAY})\s+)?(?:día\s+)?(?P<day>{DAY}|{FIRST_DAY})\s+(?:de\s+(?P<month>{MONTH})|(?P<dateline_month>{DATELINE_MONTH}))
        (?:\s*,?\s*(?:de|del)\s+(?:(?:año|ejercicio)\s+)?(?P<year>{YEAR})
        |\s+(?:de|del)\s+(?:año\s+)?(?P<bc_year>\d{{1,4}})\s*(?:a\.\s?[cC]\.|a\.?[cC]\.?|antes\s+de\s+Cristo)
        |\s+(?:de|del)\s+{YEAR_WORDS})?""",
    ),
    _rule(
        # "el día 15", "el próximo día 20", "el 15 de este mes": a day of a month the
        # text does not name.
        "day_alone",
        rf"""(?:(?P<article>el|del|al)\s+)?(?:(?P<relation>pasado|próximo|proximo)\s+)?
        (?:día\s+(?P<day>3[01]|[12]\d|0?[1-9])(?!\s*(?:de\s+{MONTH}|[:.,/-]?\d|%|h\b|horas))
        |(?P<day2>3[01]|[12]\d|0?[1-9])\s+de\s+(?P<this_month>este|ese|el\s+próximo|el\s+pasado)\s+mes)""",
    ),
    _rule(
        # "del 1 al 15 de marzo", "entre el 10 y el 12 de junio": the first day of a range
        # takes the month of the second.
        "day_range_start",
        rf"""(?:(?:del|el)\s+)?(?P<day>3[01]|[12]\d|0?[1-9])(?=\s+(?:al|y\s+el|a|-|–)\s+(?:3[01]|[12]\d|0?[1-9])\s+de\s+(?P<month>{MONTH})
        (?:\s+(?:de|del)\s+(?P<year>{YEAR}))?)""",
    ),
    _rule(
        # "el lunes 3", "el martes 22": a day of a month the text does not name.
        "weekday_day",
        rf"""(?:(?:el|del|al)\s+)?(?P<weekday>{WEEKDAY})\s+(?P<day>3[01]|[12]\d|0?[1-9])
        (?!\s*(?:de\s+{MONTH}|[:.,/-]?\d|%|h\b|horas))""",
    ),
    _rule(
        "month",
        rf"""(?:(?P<article>el|del|al)\s+)?(?:(?P<position>{POSITION})\s+(?:de|del)\s+)?
        (?:(?P<relation>(?:el\s+|del\s+|al\s+)?(?:pasado|próximo|proximo)|este|ese|aquel)\s+(?:mes\s+de\s+)?)?
        (?:mes\s+de\s+)?(?P<month>{MONTH})(?:\s+(?P<relation_after>pasado|próximo|proximo|que\s+viene))?
        (?:\s*,?\s*(?:de|del)\s+(?:año\s+)?(?P<year>{YEAR})|\s+(?:de|del)\s+(?P<this_year>este\s+año)
        |(?=\s+(?:de|del)\s+(?P<later_year>(?:el\s+)?año\s+(?:pasado|anterior|siguiente|próximo|proximo|que\s+viene)
        |(?:el\s+)?(?:próximo|proximo|pasado)\s+año)))?""",
    ),
    _rule(
        "year",
        rf"""(?:(?P<article>el|del|al)\s+)?(?:(?P<position>{POSITION})\s+(?:de|del)\s+)?
        (?:(?P<fiscal>(?:el\s+|del\s+)?(?:año|ejercicio)(?:\s+fiscal)?)\s+)?
        (?P<year>{YEAR})(?:\s*(?P<era>a\.\s?[cC]\.|a\.?[cC]\.?|d\.\s?[cC]\.|d\.?[cC]\.?)(?!\w))?""",
    ),
    _rule(
        "era",
        r"""(?:(?:el\s+)?año\s+)?(?P<number>\d{1,4})\s*(?P<era>a\.\s?[cC]\.|a\.?[cC]\.?|antes\s+de\s+Cristo)(?!\w)
        |(?:el\s+|del\s+)?año\s+(?P<ad>\d{1,3})(?!\d|\s*(?:%|a\.))""",
    ),
    _rule(
        "decade",
        rf"""(?:(?P<position>{POSITION})\s+de\s+)?(?:(?:la\s+)?década\s+de\s+(?:(?:los|las)\s+)?(?:años\s+)?|(?:los|las)\s+(?:años\s+)?|años\s+)
        (?:(?P<full>1\d{{2}}0|20\d0)|(?P<short>[1-9]0)(?!\s*(?:%|por|años\b))|(?P<word>{DECADE_WORD}))
        (?:\s+del\s+(?P<century>siglo\s+(?:pasado|XX|XIX|XXI|anterior)))?""",
    ),
    _rule(
        # "y 80" after "los 70": the second decade of a pair.
        "decade_pair",
        r"(?<=\d0\sy\s)(?P<short>[1-9]0)(?!\s*(?:%|por|años|\d|[.,]\d))",
        boundary="",
    ),
    _rule(
        "century",
        rf"""(?:(?:el|del|al)\s+)?(?:(?P<position>{POSITION})\s+(?:de|del)\s+)?siglo\s+(?P<number>(?-i:[IVXL]{{1,6}})|\d{{1,2}})
        (?:\s*(?P<era>a\.\s?[cC]\.|a\.?[cC]\.?|antes\s+de\s+Cristo)(?!\w))?""",
    ),
    _rule(
        "quarter",
        rf"""(?:(?:el|del|al|este|ese)\s+)?(?P<ordinal>{ORDINAL}|[1-4](?:er|º|o|°))\s+(?P<unit>trimestre|semestre|cuatrimestre)
        (?:\s+(?:fiscal\s+)?(?:de|del)\s+(?:(?:año\s+)?(?P<year>{YEAR})|{YEAR_WORDS}))?""",
    ),
    _rule(
        "season",
        rf"""(?:(?P<before>{BEFORE})\s+)?(?:(?P<position>{POSITION})\s+(?:de|del)\s+)?(?:(?:el|la)\s+)?(?P<season>{SEASON})
        (?:\s+(?P<after>{AFTER}))?(?:\s+(?:de|del)\s+(?:(?P<year>{YEAR})|{YEAR_WORDS}))?""",
    ),
    _rule(
        "weekday",
        rf"""(?:(?P<before>el\s+pasado|el\s+próximo|el\s+proximo|este|ese|aquel|el|del|al)\s+)?(?P<weekday>{WEEKDAY})
        (?:\s+(?P<after>pasado|próximo|proximo|que\s+viene|siguiente|anterior))?
        (?:\s+(?:por|en|a|de)\s+la\s+(?P<part>{PART}))?""",
    ),
    _rule(
        # "la noche del lunes", "la jornada del jueves"
        "part_of_weekday",
        rf"""(?:la|esa|aquella)\s+(?P<part>mañana|tarde|noche|madrugada|jornada)\s+del\s+(?P<weekday>{WEEKDAY})""",
    ),
    _rule(
        # "la noche del 12 de agosto de 2014"
        "part_of_date",
        rf"""(?:la|esa|aquella)\s+(?P<part>mañana|tarde|noche|madrugada)\s+del\s+(?P<day>{DAY})\s+de\s+(?P<month>{MONTH})
        (?:\s+(?:de|del)\s+(?P<year>{YEAR}))?""",
    ),
    _rule(
        # "la última semana de marzo": the week most of whose days are in that month.
        "week_of_month",
        rf"""(?:(?:la|del|en\s+la)\s+)?(?P<ordinal>primera|segunda|tercera|cuarta|última|ultima)\s+semana\s+(?:de|del\s+mes\s+de)\s+(?P<month>{MONTH})
        (?:\s+(?:de|del)\s+(?P<year>{YEAR}))?""",
    ),
    _rule(
        # "por segundo día consecutivo", "la cuarta semana consecutiva": the current one.
        "running",
        rf"""(?:(?:el|la)\s+)?(?P<ordinal>{ORDINAL})\s+(?P<unit>día|dia|jornada|semana|mes|año|trimestre)\s+(?:consecutiv[oa]|seguid[oa])""",
    ),
    _rule(
        "relative",
        rf"""(?:(?P<position>{POSITION})\s+(?:de|del)\s+)?(?:(?P<before>{BEFORE}|tod[oa]\s+(?:el|la))\s+)?
        (?P<unit>semana|mes|año|trimestre|semestre|década|decenio|siglo|fin\s+de\s+semana|día|jornada|ejercicio)
        (?:\s+(?P<after>{AFTER}))?""",
    ),
    _rule(
        # "el mismo periodo del año anterior": the period in discussion a year before.
        "same_period",
        rf"""(?:(?:el|del|al|la)\s+)?mism[oa]\s+(?P<what>periodo|período|trimestre|mes|semana|día|dia|fecha)
        \s+(?:del|de)\s+(?:(?:el\s+)?año\s+(?:anterior|pasado)|ejercicio\s+anterior|(?P<year>{YEAR}))""",
    ),
    _rule(
        # "al final del día", "al principio de la jornada": the day in discussion.
        "day_part",
        rf"""(?:(?:al|el)\s+)?(?P<position>{POSITION})\s+(?:del|de\s+la)\s+(?:día|dia|jornada)""",
    ),
    _rule(
        # "en lo que va de año": the current one so far.
        "so_far",
        r"""lo\s+que\s+va\s+de(?:l)?\s+(?P<unit>año|mes|semana|siglo|trimestre)""",
    ),
    _rule(
        # "la víspera": the day before the one in discussion.
        "eve",
        r"""(?:la\s+)?(?P<word>víspera|vispera)""",
    ),
    _rule(
        "deixis",
        rf"""(?P<word>(?:el\s+día\s+de\s+)?(?:hoy|ayer|mañana)|anteayer|antier|pasado\s+mañana|anoche)
        (?:\s+(?P<weekday>{WEEKDAY}))?(?:\s+(?:por|en|a)\s+la\s+(?P<part>mañana|tarde|noche|madrugada))?""",
    ),
    _rule(
        # "esta mañana", "esta tarde", "esta noche"
        "this_part",
        r"""(?P<word>esta|esa|aquella)\s+(?P<part>mañana|tarde|noche|madrugada)""",
    ),
    _rule(
        # "por la mañana", "por la tarde" alone: a part of the day in discussion ("por"
        # left outside); "por la mañana del lunes" is the rule above's.
        "part_alone",
        r"""(?<=\bpor\s)la\s+(?P<part>mañana|tarde|noche)(?!\s+(?:del?|siguiente|anterior|previa)\b)""",
        boundary="",
    ),
    _rule(
        "vague",
        rf"""(?P<word>{alternation([w for w, v in VAGUE_REFERENCES.items() if v])})""",
    ),
    _rule(
        "ago",
        rf"""(?<!desde\s)(?P<direction>hace|dentro\s+de)\s+(?:(?P<approx>{APPROXIMATION})\s+)?(?:(?P<number>{NUMBER})\s+|(?P<vague>{VAGUE})\s+)?
        (?P<unit>{UNIT})(?:\s+y\s+medi[oa])?""",
    ),
    _rule(
        # "dos días después", "un año más tarde", "tres semanas antes": from the date in
        # discussion (with "de ..." after, it counts from an event: a duration).
        "later",
        rf"""(?:(?P<approx>{APPROXIMATION})\s+)?(?P<number>{NUMBER})\s+(?P<unit>{UNIT})\s+
        (?P<direction>después|despues|más\s+tarde|mas\s+tarde|antes|atrás|atras)(?!\s+(?:de|del|que)\b)""",
    ),
    _rule(
        "duration",
        rf"""(?:(?P<approx>{APPROXIMATION})\s+)?
        (?:(?P<lead>(?:los|las)\s+(?:últim[oa]s|ultim[oa]s|próxim[oa]s|proxim[oa]s|primer[oa]s|pasad[oa]s|siguientes)|otr[oa]s|(?:los|las))\s+)?
        (?:(?P<number>{NUMBER})\s+|(?P<half>medi[oa])\s+)(?P<unit>{UNIT})
        (?:\s+(?P<modifier>consecutiv[oa]s|seguid[oa]s|completos|enteros|hábiles|habiles|laborables|bursátiles|bursatiles|naturales))?
        (?P<and_half>\s+y\s+medi[oa])?
        (?P<more>(?:,?\s+(?:y\s+)?(?:\d+|{_NUMBER_WORD})\s+{UNIT}(?!\w)){{1,2}})?""",
    ),
    _rule(
        # "entre 60 y 90 días": the first bound has the second's unit.
        "duration_range_start",
        rf"""(?P<number>{NUMBER})(?=\s*(?:y|o|a|-|–)\s*{NUMBER}\s+(?P<unit>{PLURAL_UNIT})(?!\w))""",
    ),
    _rule(
        "vague_duration",
        rf"""(?:(?P<approx>{APPROXIMATION})\s+)?(?:(?P<lead>(?:los|las)\s+(?:últim[oa]s|ultim[oa]s|próxim[oa]s|proxim[oa]s|pasad[oa]s)|(?:los|las))\s+)?
        (?:(?P<vague>{VAGUE})\s+)?(?P<unit>{PLURAL_UNIT})""",
    ),
    _rule(
        "clock",
        rf"""(?:(?:las|la)\s+|(?=\d{{1,2}}[:.][0-5]\d\s*(?:{TIMEZONE}|horas|h\b))|(?=\d{{1,2}}\s+de\s+la\s+{PART})|(?P<aside>(?<=\()|(?<=\(\s))(?=\d{{1,2}}[:.][0-5]\d(?!\d)))(?P<hour>[01]?\d|2[0-3]|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)
        (?:(?:[:.]|\sy\s)(?P<minute>[0-5]\d)|\s+y\s+(?P<fraction>media|cuarto)|\s+menos\s+(?P<less>cuarto))?
        (?P<hours>\s+(?:horas|h|hrs?)\.?)?(?:\s+(?P<zone>{TIMEZONE}))?
        (?:\s+(?:de\s+la|del|en\s+la|por\s+la)\s+(?P<part>{PART}))?(?P<sharp>\s+en\s+punto)?
        (?:\s+(?:del|de\s+este|de\s+ese)\s+(?P<weekday>{WEEKDAY})
        |\s+(?:del|de)\s+(?:día\s+)?(?P<date_day>{DAY})\s+de\s+(?P<date_month>{MONTH})(?:\s+de(?:l)?\s+(?P<date_year>{YEAR}))?)?""",
    ),
    _rule(
        "noon",
        rf"""(?P<article>al|el|a)?\s*(?P<word>mediodía|mediodia|medianoche)(?:\s+del\s+(?P<weekday>{WEEKDAY}))?""",
    ),
    _rule(
        "set",
        rf"""(?P<every>cada|tod[oa]s\s+(?:los|las))\s+(?:(?P<count>{NUMBER})\s+|(?P<half>medi[oa])\s+)?(?P<unit>{UNIT}|{WEEKDAY}|{SEASON}|{MONTH}|mañana|tarde|noche|(?P<day>{DAY})\s+de\s+(?P<month>{MONTH}))
        |(?P<adverb>{alternation(SET_ADVERBS)})
        |(?:(?P<frequency>(?:una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\d+)\s+(?:vez|veces))\s+)?
        (?P<per>al|por|a\s+la|cada)\s+(?P<per_unit>día|semana|mes|año|hora|minuto|trimestre)(?!\s+(?:de|del|que|pasad|próxim|siguiente|anterior))
        |(?P<plural>(?:los|las)\s+(?:lunes|martes|miércoles|miercoles|jueves|viernes|sábados|sabados|domingos|mañanas|tardes|noches))(?!\s*(?-i:[A-ZÁÉÍÓÚÑ\d]))""",
    ),
    _rule(
        "holiday",
        rf"""(?:(?:el|la|las|los|del|al|esta|estas)\s+)?(?P<name>{HOLIDAY})(?:\s+(?:de|del)\s+(?P<year>{YEAR}))?""",
    ),
)

# --- triggers ----------------------------------------------------------------------------

REACH: dict[str, tuple[int, int]] = {
    "iso": (2, 26), "numeric": (8, 10), "date": (40, 40), "weekday_day": (8, 6),
    "month": (50, 50), "year": (50, 12), "era": (14, 16), "decade": (40, 12),
    "decade_pair": (6, 4), "century": (36, 24), "same_period": (30, 40), "day_part": (30, 12), "week_of_month": (30, 30), "part_of_date": (30, 50), "running": (24, 20), "day_alone": (30, 30),
    "day_range_start": (10, 50), "so_far": (16, 12), "eve": (6, 10), "quarter": (30, 50), "season": (50, 40),
    "weekday": (30, 40), "part_of_weekday": (30, 6), "relative": (50, 30), "deixis": (20, 30),
    "this_part": (10, 4), "part_alone": (4, 4), "vague": (16, 16), "ago": (60, 20), "later": (60, 20),
    "duration": (80, 60), "duration_range_start": (30, 4), "vague_duration": (60, 4),
    "clock": (40, 80), "noon": (6, 20), "set": (40, 40), "holiday": (12, 40),
}  # fmt: skip
_UNIT_RULES = "ago later duration duration_range_start vague_duration relative set"
_TRIGGER_GROUPS: list[tuple[str, str]] = [
    (" ".join(MONTHS), "date month set clock"),
    (" ".join(WEEKDAYS), "date weekday_day weekday part_of_weekday set clock noon"),
    ("sábados sabados domingos", "set"),
    # The last word of a unit ("semana" of "fin de semana") is in every match.
    (" ".join(unit.split()[-1] for unit in UNITS), _UNIT_RULES),
    ("semana mes año trimestre semestre década decenio siglo día jornada ejercicio", "relative"),
    ("mismo misma", "same_period"),
    ("día dia mes", "day_alone"),
    ("va", "so_far"),
    ("víspera vispera", "eve"),
    ("semana", "week_of_month"),
    ("consecutivo consecutiva seguido seguida", "running"),
    ("día dia jornada", "day_part"),
    ("trimestre semestre cuatrimestre", "quarter"),
    ("siglo", "century"),
    (" ".join(DECADE_WORDS), "decade"),
    (" ".join(SEASONS), "season set"),
    ("hoy ayer mañana anteayer antier anoche", "deixis clock"),
    ("mañana tarde noche madrugada", "this_part part_of_weekday part_of_date"),
    ("mañana tarde noche", "part_alone"),
    ("mañanas tardes noches", "set"),
    (
        " ".join(ref.split()[-1] for ref in VAGUE_REFERENCES),
        "vague",
    ),
    ("hace dentro", "ago"),
    ("año", "era"),
    ("después despues tarde antes atrás atras", "later"),
    ("una dos tres cuatro cinco seis siete ocho nueve diez once doce", "clock"),
    ("mediodía mediodia medianoche", "noon clock weekday deixis"),
    ("cada todos todas", "set"),
    (" ".join(adverb.split()[-1] for adverb in SET_ADVERBS), "set"),
    (" ".join({w for name in HOLIDAYS for w in name.split() if len(w) > 3}), "holiday"),
    ("primavera verano otoño invierno", "season"),
]
_DIGIT_GROUPS = {
    1: "numeric weekday_day date era clock duration duration_range_start set later ago day_range_start",
    2: "numeric weekday_day date era clock decade decade_pair century duration duration_range_start set later ago day_range_start",
    3: "era duration duration_range_start later ago",
    4: "iso numeric year era decade duration later ago",
}
_PLURAL_UNITS = "|".join(u for u in UNITS if u.endswith("s"))
_REQUIRED = {
    "ago": r"hace|dentro",
    "duration": (
        r"segund|minut|hora|día|dia|jornada|noche|semana|quincena|mes|trimestre|semestre|año|"
        r"ejercicio|década|decada|decenio|siglo|milenio"
    ),
    "duration_range_start": _PLURAL_UNITS,
    "weekday_day": WEEKDAY,
    "era": r"[aA]\.?\s?[cC]|[cC]risto|año",
    "century": r"siglo",
    "decade": r"años|década|decada|los|las|ochenta|noventa|setenta|sesenta|cincuenta|cuarenta|treinta|veinte",
    "decade_pair": r"\d0\sy\s",
    "day_range_start": MONTH,
    "set": r"cada|tod[oa]s|vez|veces|al\s|por\s|a\s+la\s|los|las|mañanas|tardes|noches|anual|semanal|mensual|diari|trimestral|semestral|quincenal|bienal|bianual",
    "later": r"despu|tarde|antes|atr",
    "vague_duration": _PLURAL_UNITS,
    "date": r"\d|primero",
    "clock": r"las?\s+(?:\d|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)|\d\s+de\s+la\s",
    "numeric": r"\d[/.-]\d",
    "iso": r"\d-",
}
# Tokens are words of any alphabet (accents included) and runs of digits.
TRIGGERS = build_triggers(
    RULES, REACH, _TRIGGER_GROUPS, _DIGIT_GROUPS, token=r"[^\W\d_]+|\d+", required=_REQUIRED
)
