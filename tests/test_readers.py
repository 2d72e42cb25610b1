"""Every input kind the extract command reads, through the readers and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from datasette_timeline.cli import cli
from datasette_timeline.readers import Columns, Document, InputError, ReadOptions, iter_documents

from .conftest import FIXTURES, KARABAKH
from .conftest import query_rows as table

HTML = FIXTURES / "html"
INPUTS = FIXTURES / "inputs"


def read_all(*inputs: str | Path, **options: object) -> list[Document | InputError]:
    return list(iter_documents([str(i) for i in inputs], options=ReadOptions(**options)))  # type: ignore[arg-type]


def documents(*inputs: str | Path, **options: object) -> list[Document]:
    items = read_all(*inputs, **options)
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert not errors, errors
    return [i for i in items if isinstance(i, Document)]


def extract(db: Path, *args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["extract", str(db), *args], input=input)
    return result.exit_code, result.stdout, result.stderr


# --- saved web pages ---------------------------------------------------------

PAGES = {
    # file: (published, canonical URL, words of the article, words of the clutter around it)
    "harbour-meta.html": (
        "2021-03-18T09:30",
        "https://courier.example/business/2021/03/port-workers-end-strike",
        ["voted on Wednesday to end a three-week strike", "by the end of April"],
        [
            "ADVERTISEMENT",
            "Most read",
            "harbourwatcher",
            "About time",
            "Weather for",
            "cookies",
            "All rights reserved",
            "Sponsored",
            "Lighthouse festival",
        ],
    ),
    "observatory-jsonld.html": (
        "2019-07-02T14:05",
        "https://valleypost.example/science/observatory-confirms-comet-return-4471",
        ["a comet last seen in 1951", "Funding for the observatory was cut in 2012"],
        [
            "Sign in",
            "morning briefing",
            "Related stories",
            "Telescope sale",
            "from my garden",
            "Registered office",
            "Archive 2018",
        ],
    ),
    "library-time.html": (
        "2023-11-06",
        None,
        ["reopened its doors on Saturday", "parish records going back to 1740"],
        ["Events calendar", "Archives", "Advert", "Wonderful news", "2 responses"],
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_saved_news_page_yields_only_the_article_and_its_date(name: str) -> None:
    published, url, article_words, clutter = PAGES[name]
    (document,) = documents(HTML / name)
    assert document.published == published
    assert document.url == url
    assert document.title and document.text.startswith(document.title)
    assert document.skip_spans == [(0, len(document.title))]
    for words in article_words:
        assert words in document.text
    for words in clutter:
        assert words not in document.text, f"{words!r} from around the article was kept"
    assert document.text.count(document.title) == 1  # the <h1> is not repeated in the body


def test_events_of_a_web_page_come_from_the_article_only(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    code, _out, err = extract(db, str(HTML / "harbour-meta.html"))
    assert code == 0, err
    (stored,) = table(db, "select * from documents")
    events = table(db, "select * from events")
    assert events, "the article's dates were not found"
    body_start = stored["text"].index("\n\n")
    for event in events:
        assert event["char_start"] > body_start  # not from the headline
        assert event["sentence"] in stored["text"]
    # Dates that only the comments, adverts and menus carry never become events.
    assert not {e["year"] for e in events} & {1987, 2024, 2025, 2026}
    assert stored["url"] == PAGES["harbour-meta.html"][1]


def test_a_page_with_no_article_text_is_an_error_naming_it(tmp_path: Path) -> None:
    page = tmp_path / "login.html"
    page.write_text(
        "<html><body><nav><a href='/'>Home</a></nav><form>Password</form></body></html>"
    )
    (error,) = read_all(page)
    assert isinstance(error, InputError)
    assert str(error).startswith(f"{page}: no article text found")


# --- text files in other encodings --------------------------------------------

ARTICLE = (
    "Café owners protest rent rises\n"
    "- Published Date: 12 May 2021\n\n"
    "Owners of the café «Le Nôtre» in Zürich said on Tuesday that rents had risen since 2019.\n"
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_text_files_in_common_encodings_are_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(ARTICLE.encode(encoding))
    (document,) = documents(path)
    assert document.text == ARTICLE
    assert document.title == "Café owners protest rent rises"
    assert document.published == "2021-05-12"


# --- records: CSV, TSV, JSON Lines, JSON arrays -----------------------------------


def test_csv_with_quoted_multi_line_text_and_named_columns() -> None:
    first, second = documents(
        INPUTS / "articles.csv",
        columns=Columns(text="body", date="day", title="headline", url="link", id="story_id"),
    )
    assert first.text.startswith("The island ferry resumed sailings on Monday")
    assert "\n\nOperators said" in first.text  # the quoted field spans lines
    assert first.published == "2021-01-13"
    assert first.url == "https://news.example/ferry"
    assert first.source_id == "a-101"
    assert first.source == f"{INPUTS / 'articles.csv'}#id=a-101"
    assert second.title == 'Museum buys "lost" painting'
    assert second.published == "2022-02-04"


def test_csv_columns_with_the_usual_names_are_found_without_options() -> None:
    first, _second = documents(INPUTS / "articles.csv")
    assert first.text.startswith("The island ferry")  # "body" is a usual name for the text
    assert first.title == "Ferry service resumes"  # and "headline" for the title
    assert first.published is None  # "day" is not a usual name for a date


def test_csv_through_the_cli_resolves_dates_against_the_date_column(tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    code, _out, err = extract(db, str(INPUTS / "articles.csv"), "--date-column", "day")
    assert code == 0, err
    published = {r["published"] for r in table(db, "select published from documents")}
    assert published == {"2021-01-13", "2022-02-04"}
    dates = {r["date"] for r in table(db, "select date from events")}
    assert "2021-01-11" in dates  # "on Monday" before 13 January 2021
    assert "1944" in dates


def test_an_unknown_column_option_lists_the_columns(tmp_path: Path) -> None:
    code, _out, err = extract(
        tmp_path / "e.db", str(INPUTS / "articles.csv"), "--text-column", "txt"
    )
    assert code == 1
    assert "no column 'txt' (--text-column)" in err
    assert "story_id, headline, body, day, link" in err


def test_tsv(tmp_path: Path) -> None:
    path = tmp_path / "news.tsv"
    path.write_text(
        "title\ttext\tdate\nDrought\tRain fell on 2 June for the first time.\t2022-06-03\n"
    )
    (document,) = documents(path)
    assert (document.title, document.published) == ("Drought", "2022-06-03")


def test_json_lines() -> None:
    first, second = documents(INPUTS / "articles.jsonl")
    assert first.title == "Dam project approved"
    assert first.published == "2021-06-02"
    assert first.url == "https://news.example/dam"
    assert first.source_id == "j1"
    assert second.text.startswith("The national orchestra")


def test_json_array_with_other_usual_names() -> None:
    first, second = documents(INPUTS / "articles.json")
    assert (first.title, first.published) == ("Bridge reopens", "2020-08-10")
    assert second.text == "Officials set the election for 4 October 2020, the first since 2016."


def test_a_json_array_is_read_item_by_item_across_read_boundaries(tmp_path: Path) -> None:
    items = [
        {"text": f"Report {n}: the vote on {n % 28 + 1} May 2020." + " x" * 20000}
        for n in range(30)
    ]
    path = tmp_path / "many.json"
    path.write_text(json.dumps(items, indent=2))
    read = documents(path)
    assert [d.text for d in read] == [item["text"] for item in items]


# --- TimeML ------------------------------------------------------------------------


def test_timeml_gives_the_dct_and_the_text_without_tags() -> None:
    (document,) = documents(INPUTS / "wire-story.tml")
    assert document.published == "1998-03-04"
    assert document.title == "Mill town & its river"
    assert document.source_id == "TEST_WIRE_0001"
    assert "<" not in document.text
    assert (
        "The mill closed on Monday, the company said, ending work that began in 1921."
        in document.text
    )
    assert "Workers & their families" in document.text


# --- standard input, folders ---------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "extra"),
    [
        (KARABAKH, []),
        (HTML / "library-time.html", []),
        (INPUTS / "articles.jsonl", []),
        (HTML / "library-time.html", ["--format", "html"]),
    ],
    ids=["text", "html", "jsonl", "html-format"],
)
def test_standard_input_is_read_and_its_kind_recognised(
    tmp_path: Path, path: Path, extra: list[str]
) -> None:
    db = tmp_path / "events.db"
    code, _out, err = extract(db, "-", *extra, input=path.read_bytes())
    assert code == 0, err
    expected = documents(path)
    stored = table(db, "select id, published, source from documents order by rowid")
    assert [(d.id, d.published) for d in expected] == [(s["id"], s["published"]) for s in stored]
    assert all(s["source"].startswith("<stdin>") for s in stored)


def test_folders_are_searched_recursively_and_glob_selects_files(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a" / "one.txt").write_text("One\n\nOn 3 May 2020 it rained.\n")
    (tmp_path / "a" / "b" / "two.html").write_bytes((HTML / "library-time.html").read_bytes())
    (tmp_path / "a" / "b" / "notes.md").write_text("not an article kind")
    (tmp_path / ".git" / "hidden.txt").write_text("Hidden\n\nOn 4 May 2020.\n")
    every_kind = documents(tmp_path)
    assert sorted(Path(d.source).name for d in every_kind) == ["one.txt", "two.html"]
    only_html = documents(tmp_path, glob="*.html")
    assert [Path(d.source).name for d in only_html] == ["two.html"]


def test_a_folder_without_articles_says_so(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (error,) = read_all(tmp_path)
    assert isinstance(error, InputError) and "folder holds no article files" in str(error)


def test_a_json_object_wrapping_an_array_of_articles(tmp_path: Path) -> None:
    path = tmp_path / "scrape.json"
    items = json.loads((INPUTS / "articles.json").read_text())
    path.write_text(json.dumps({"status": "ok", "count": len(items), "results": items}, indent=1))
    read = documents(path)
    assert [d.text for d in read] == [item["content"] for item in items]
    assert [d.source for d in read] == [f"{path}#item=1", f"{path}#item=2"]
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": "Rain fell on 2 May 2020.", "tags": [{"x": 1}]}))
    (document,) = documents(single)
    assert document.text == "Rain fell on 2 May 2020."
