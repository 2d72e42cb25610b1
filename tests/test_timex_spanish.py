"""The Spanish language pack: sentences written for these tests (none from MEANTIME or
the blind Spanish set), with values by the TimeML guidelines and the conventions of
tests/fixtures/timex_es_cases.README.md."""

from __future__ import annotations

import pytest

from datasette_timeline.commands.tag import pack_language
from datasette_timeline.timex import tag
from datasette_timeline.timex.lang import LANGUAGES, pack_for

# Friday 10 May 2019.
DCT = "2019-05-10"


def found(text: str, dct: str | None = DCT) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct, language="es")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Se firmó el 4 de octubre de 2005.", [("el 4 de octubre de 2005", "DATE", "2005-10-04")]),
        ("Nació el 8 de mayo del 2006.", [("el 8 de mayo del 2006", "DATE", "2006-05-08")]),
        ("El pasado martes llovió.", [("El pasado martes", "DATE", "2019-05-07")]),
        ("El martes pasado llovió.", [("El martes pasado", "DATE", "2019-05-07")]),
        ("Volverá el próximo mes.", [("el próximo mes", "DATE", "2019-06")]),
        ("Volverá el mes que viene.", [("el mes que viene", "DATE", "2019-06")]),
        ("Hace tres años cerró la fábrica.", [("Hace tres años", "DATE", "2016")]),
        ("Hace dos semanas dimitió.", [("Hace dos semanas", "DATE", "2019-04-26")]),
        ("Cerrará a finales de 2019.", [("finales de 2019", "DATE", "2019")]),
        ("El lunes 13 habrá huelga.", [("El lunes 13", "DATE", "2019-05-13")]),
        ("El pasado 3 de mayo murió.", [("El pasado 3 de mayo", "DATE", "2019-05-03")]),
        ("Ayer se reunieron.", [("Ayer", "DATE", "2019-05-09")]),
        ("El día de hoy es festivo.", [("El día de hoy", "DATE", "2019-05-10")]),
        ("Lo anunció la semana pasada.", [("la semana pasada", "DATE", "2019-W18")]),
        ("Este año ha crecido.", [("Este año", "DATE", "2019")]),
        ("El año pasado perdió dinero.", [("El año pasado", "DATE", "2018")]),
        ("En 1991 firmaron un acuerdo.", [("1991", "DATE", "1991")]),
        ("En los años ochenta creció.", [("los años ochenta", "DATE", "198")]),
        ("El siglo XIX fue largo.", [("El siglo XIX", "DATE", "18")]),
        (
            "Ganó en el primer trimestre de 2020.",
            [("el primer trimestre de 2020", "DATE", "2020-Q1")],
        ),
        ("Viajó en el verano de 2010.", [("el verano de 2010", "DATE", "2010-SU")]),
        ("Firmó el 3/5/2021.", [("el 3/5/2021", "DATE", "2021-05-03")]),
        ("En lo que va de año ha subido.", [("lo que va de año", "DATE", "2019")]),
    ],
)
def test_dates(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text) == expected


def test_the_tense_of_the_clause_chooses_the_weekday() -> None:
    # Pretérito, "ha + participio": back; futuro, "va a": ahead.
    assert found("El Gobierno aprobó el jueves el decreto.")[0][2] == "2019-05-09"
    assert found("El Gobierno ha aprobado el jueves el decreto.")[0][2] == "2019-05-09"
    assert found("El presidente viajará el jueves a Lima.")[0][2] == "2019-05-16"
    assert found("El presidente va a viajar el jueves a Lima.")[0][2] == "2019-05-16"
    # A present-tense timetable lies ahead.
    assert found("El partido se disputa el sábado.")[0][2] == "2019-05-11"


def test_months_and_days_take_the_side_the_tense_points_to() -> None:
    assert found("Las ventas cayeron en marzo.")[0][2] == "2019-03"
    assert found("Las ventas subirán en marzo.")[0][2] == "2020-03"
    assert found("La reunión será el 2 de marzo.")[0][2] == "2020-03-02"


def test_times() -> None:
    assert found("A las 14:58 UTC subió el índice.") == [
        ("las 14:58 UTC", "TIME", "2019-05-10T14:58Z")
    ]
    assert found("Llegó a las 10.30 horas del lunes.") == [
        ("las 10.30 horas del lunes", "TIME", "2019-05-06T10:30")
    ]
    assert found("Comió a las 9 de la noche.") == [
        ("las 9 de la noche", "TIME", "2019-05-10T21:00")
    ]
    assert found("Ayer por la tarde habló.") == [("Ayer por la tarde", "TIME", "2019-05-09TAF")]
    assert found("Esta mañana lo anunció.") == [("Esta mañana", "TIME", "2019-05-10TMO")]
    assert found("Lo dijo anoche.") == [("anoche", "TIME", "2019-05-09TNI")]
    # "las dos" alone is two of something.
    assert found("Las dos empresas se fusionan.") == []


def test_durations_and_quantities_in_words() -> None:
    assert found("Estuvo preso durante tres años.") == [("tres años", "DURATION", "P3Y")]
    assert found("Esperó más de una semana.") == [("más de una semana", "DURATION", "P1W")]
    assert found("Tardó media hora.") == [("media hora", "DURATION", "PT30M")]
    assert found("Vivió allí veintitrés años.") == [("veintitrés años", "DURATION", "P23Y")]
    assert found("Vivió allí tres años y seis meses.") == [
        ("tres años y seis meses", "DURATION", "P3Y6M")
    ]
    assert found("Lleva casi dos años y medio de retraso.") == [
        ("casi dos años y medio", "DURATION", "P2.5Y")
    ]
    assert found("Subió en los últimos doce meses.") == [
        ("los últimos doce meses", "DURATION", "P12M")
    ]
    assert found("Fue condenado a 13 años de prisión.") == [("13 años", "DURATION", "P13Y")]


def test_ages_and_counts_are_no_times() -> None:
    assert found("Un hombre de 52 años murió.") == []
    assert found("Falleció a los 56 años.") == []
    assert found("Juan Pérez, de 45 años, declaró.") == []
    assert found("Murieron 2100 personas.") == []
    assert found("Ha sido un día maravilloso.") == []


def test_sets() -> None:
    assert found("Se celebra cada año.") == [("cada año", "SET", "P1Y")]
    assert found("Pagan dos veces al mes.") == [("dos veces al mes", "SET", "P1M")]
    assert found("Se reúnen todos los lunes.") == [("todos los lunes", "SET", "XXXX-WXX-1")]
    assert found("Hay sorteo cada 22 de diciembre.") == [
        ("cada 22 de diciembre", "SET", "XXXX-12-22")
    ]
    assert found("Publica un informe anual.")[0][1:] == ("SET", "P1Y")
    # "pérdidas anuales": losses over a year, not a yearly event.
    assert found("Anunció pérdidas anuales.")[0][1:] == ("DURATION", "P1Y")


def test_names_are_no_months_or_weekdays() -> None:
    assert found("Habló con Carmen Mayo ayer.") == [("ayer", "DATE", "2019-05-09")]
    assert found("Marcharon a la Plaza de Mayo.") == []
    assert found("Vio Sábado Gigante en la televisión.") == []


def test_a_story_without_a_date_is_told_in_its_own_time() -> None:
    text = "El 14 de abril de 1931 se proclamó la República. Al día siguiente hubo fiesta."
    assert found(text, None) == [
        ("El 14 de abril de 1931", "DATE", "1931-04-14"),
        ("Al día siguiente", "DATE", "1931-04-15"),
    ]
    # Nothing to count from: the stretch of time, as the blind set's conventions give it.
    assert found("Dos días después dimitió.", None) == [("Dos días después", "DURATION", "P2D")]


def test_a_duration_counted_from_an_event_keeps_its_anchor() -> None:
    [timex] = tag("Dos días antes del lanzamiento, cayó.", DCT, language="es")
    assert (timex.type, timex.value, timex.offset, timex.relative_to) == (
        "DURATION",
        "P2D",
        "-P2D",
        "lanzamiento",
    )


def test_holidays() -> None:
    assert found("Viajaron en Navidad.") == [("Navidad", "DATE", "2018-12-25")]
    assert found("Cerró el Viernes Santo de 2020.") == [
        ("el Viernes Santo de 2020", "DATE", "2020-04-10")
    ]


def test_the_language_is_chosen() -> None:
    assert LANGUAGES == ("en", "es")
    assert pack_for("es").code == "es"
    with pytest.raises(ValueError, match="no language pack"):
        pack_for("xx")
    # English words are no Spanish expression, and the other way round.
    assert tag("Lo hizo last Tuesday.", DCT, language="es") == []
    assert tag("He left el martes.", DCT) == []


def test_auto_detects_the_language_on_the_command_line() -> None:
    spanish = "El Gobierno aprobó el jueves el decreto de la reforma laboral del país."
    assert pack_language("auto", spanish) == "es"
    assert pack_language("auto", "The government approved the decree on Thursday.") == "en"
    assert pack_language("auto", "Le gouvernement a approuvé le décret jeudi dernier.") == "en"
    assert pack_language("es", "whatever") == "es"


def test_the_day_in_discussion_outlasts_a_coarser_date_named_since() -> None:
    # "la jornada" and "ese día" are the last day named, though a month and a year
    # were named after it.
    text = (
        "El martes 7 las acciones subieron un 2 %. El paro de abril fue el más alto "
        "desde 2001. Los valores terminaron la jornada en 9.100 puntos."
    )
    assert ("la jornada", "DATE", "2019-05-07") in found(text)
    text = "El 2 de mayo llegó el ministro a Lima; en 1998 había estado allí. Ese día firmó."
    assert ("Ese día", "DATE", "2019-05-02") in found(text)


def test_a_year_said_in_words_after_a_month() -> None:
    # "del año que viene": the month of next year, whatever the tense.
    assert found("Abrirá en septiembre del año que viene.")[0] == ("septiembre", "DATE", "2020-09")
    assert found("Lo firmarán el 3 de marzo del año que viene.") == [
        ("el 3 de marzo del año que viene", "DATE", "2020-03-03")
    ]
    assert found("Lo vendió en marzo del año pasado.")[0] == ("marzo", "DATE", "2018-03")


def test_the_day_a_market_closes_is_the_day_in_discussion() -> None:
    text = "El martes 7 el índice se recuperó y ha acabado el día con 31 puntos menos."
    assert ("el día", "DATE", "2019-05-07") in found(text)
    # "el día en que", "el día de trabajo" name no day of their own.
    assert found("Esperan el día en que todo cambie.") == []
    assert found("Hay que terminar el día de trabajo.") == []


def test_nouns_that_look_like_participles_say_no_tense() -> None:
    # "vuelta", "puesto" are nouns here: the futuro governs the date.
    assert found("El equipo jugará la segunda vuelta el 2 de marzo.")[0][2] == "2020-03-02"
    assert found("Ocupará su nuevo puesto el 2 de marzo.")[0][2] == "2020-03-02"


def test_a_participle_after_a_subjunctive_of_estar_is_no_done_act() -> None:
    # "que en marzo esté terminada": the plan ("prevé") governs, not "terminada".
    text = "La empresa prevé que en marzo esté terminada la obra."
    assert found(text) == [("marzo", "DATE", "2020-03")]


def test_a_weekday_after_a_day_ahead_counts_on_from_it() -> None:
    # The sentence has moved on to Sunday 19 May: "del lunes" is the Monday after it.
    text = (
        "La final se jugará el domingo 19 a las 9 de la noche (3 de la madrugada del lunes "
        "en Tokio)."
    )
    assert found(text)[-1] == ("3 de la madrugada del lunes", "TIME", "2019-05-20T03:00")
    text = "El congreso se abrirá el 18 de junio y la votación será el jueves."
    assert found(text)[-1] == ("el jueves", "DATE", "2019-06-20")
    # The named day's own weekday is that day; a past clause keeps the reference time.
    text = "El congreso se abrirá el 20 de junio, jueves."
    assert found(text)[-1] == ("jueves", "DATE", "2019-06-20")
    text = "El 20 de junio se abrirá el congreso, y el jueves votaron la sede."
    assert found(text)[-1] == ("el jueves", "DATE", "2019-05-09")


def test_a_part_of_the_day_alone_is_of_the_day_in_discussion() -> None:
    text = "El 3 de mayo viajó a Lima y por la noche cenó con el presidente."
    assert found(text)[-1] == ("la noche", "TIME", "2019-05-03TNI")
    assert found("Los alcaldes se reunieron por la tarde.") == [
        ("la tarde", "TIME", "2019-05-10TAF")
    ]
    # "por la mañana del lunes" is one expression of the Monday.
    assert found("Por la mañana del lunes llovió.") == [
        ("la mañana del lunes", "TIME", "2019-05-06TMO")
    ]


def test_the_superlative_mas_reciente_names_no_time() -> None:
    assert found("Presentó su modelo más reciente, tras las recientes pérdidas.") == [
        ("recientes", "DATE", "PAST_REF")
    ]
    assert found("Más recientemente, cayó.") == [("Más recientemente", "DATE", "PAST_REF")]


def test_pronto_as_a_judgement_or_a_conjunction_names_no_time() -> None:
    text = "Es demasiado pronto para saberlo; tan pronto como llegue, hablará. Lo hará muy pronto."
    assert found(text) == [("muy pronto", "DATE", "FUTURE_REF")]


def test_an_agency_dateline_abbreviates_the_month_without_a_stop() -> None:
    assert found("Quito, 9 may (Reuters).- El volcán entró en erupción.") == [
        ("9 may", "DATE", "2019-05-09")
    ]
    # Elsewhere the abbreviation needs its full stop.
    assert found("Pidió el 9 may (sin más).") == []


def test_the_last_age_of_a_list_is_no_duration() -> None:
    assert found("Murieron tres mineros, de 28, 35 y 52 años, en el derrumbe.") == []


def test_weekdays_in_the_plural_are_sets() -> None:
    assert found("El mercado abre los jueves junto a la iglesia.") == [
        ("los jueves", "SET", "XXXX-WXX-4")
    ]


def test_hoy_in_an_undated_text_is_the_present() -> None:
    text = "El puente, terminado en 1883, soporta hoy el tráfico de la ciudad."
    assert found(text, None)[-1] == ("hoy", "DATE", "PRESENT_REF")


def test_a_time_in_brackets_restates_the_one_before() -> None:
    text = "El debate será el jueves a las 21.30 hora de Caracas (3.30 del viernes en Madrid)."
    assert found(text)[-1] == ("3.30 del viernes", "TIME", "2019-05-17T03:30")
    assert found("El billete cuesta 20 euros (3.50 dólares).") == []


def test_a_later_offset_with_nothing_to_count_from_is_a_duration() -> None:
    text = "El jueves, los rebeldes tomaron el puerto; tres días más tarde cayó la capital."
    assert found(text, None)[-1] == ("tres días más tarde", "DURATION", "P3D")
    # With a date to count from it is that date.
    text = "El 2 de marzo de 1810 tomaron el puerto; tres días más tarde cayó la capital."
    assert found(text, None)[-1] == ("tres días más tarde", "DATE", "1810-03-05")


def test_participles_with_an_accented_ending_and_nouns_that_look_like_participles() -> None:
    # "ha caído": the perfect, though the participle carries an accent.
    [timex] = tag("El índice, que ha caído el jueves, subirá.", DCT, language="es")
    assert (timex.value, timex.tense) == ("2019-05-09", "perfect")
    # "pérdidas" (an accent before the ending) and "Estados Unidos" are no participles:
    # the futuro governs the weekday.
    assert found("Presentará sus pérdidas el jueves.") == [("el jueves", "DATE", "2019-05-16")]
    assert found("Viajará a Estados Unidos el jueves.") == [("el jueves", "DATE", "2019-05-16")]


def test_a_verb_ending_after_a_determiner_or_a_preposition_is_a_noun() -> None:
    # "una cafetería" is no conditional, "para invitados" no done act: the verb governs.
    assert found("Abrió una cafetería el jueves.") == [("el jueves", "DATE", "2019-05-09")]
    assert found("Abrirá sus puertas para invitados el jueves.") == [
        ("el jueves", "DATE", "2019-05-16")
    ]
    # After a clitic pronoun the verb is a verb.
    assert found("La venderán el jueves.") == [("el jueves", "DATE", "2019-05-16")]


def test_a_capitalised_word_inside_a_sentence_is_a_name_not_a_verb() -> None:
    # "Colorado" looks like a participle; the futuro governs.
    assert found("Viajará a Colorado el jueves.") == [("el jueves", "DATE", "2019-05-16")]


def test_a_weekday_in_apposition_to_a_date_is_that_date() -> None:
    assert found("El 20 de mayo, lunes, se votará.")[-1] == ("lunes", "DATE", "2019-05-20")
    assert found("El 3 de abril (miércoles) llovió.")[-1] == ("miércoles", "DATE", "2019-04-03")
