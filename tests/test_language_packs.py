"""The engine reads any language a pack describes: the German pack below is built here in
a few lines (the worked example of docs/languages.md), and the tagger finds, anchors
and resolves its expressions without a word of German of its own."""

from __future__ import annotations

import re

import pytest

from datasette_timeline.timex import tagger
from datasette_timeline.timex.context import Context, Resolution
from datasette_timeline.timex.pack import (
    AnalysedSentence,
    LanguagePack,
    alternation,
    build_triggers,
    compile_rule,
)
from datasette_timeline.timex.reading import Reading
from datasette_timeline.timex.resolve import Underspecified, calendar_date, resolve

MONTHS = {"januar": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6}
WEEKDAYS = {"montag": 1, "dienstag": 2, "mittwoch": 3, "donnerstag": 4, "freitag": 5}

RULES = (
    compile_rule(
        "date",
        rf"(?:am\s+)?(?P<day>\d{{1,2}})\.\s+(?P<month>{alternation(MONTHS)})(?:\s+(?P<year>\d{{4}}))?",
    ),
    compile_rule("weekday", rf"(?:am\s+)?(?P<weekday>{alternation(WEEKDAYS)})"),
)


def date(match: re.Match[str], ctx: Context) -> Resolution | None:
    month, day = MONTHS[match["month"].lower()], int(match["day"])
    if match["year"]:
        return calendar_date(ctx, int(match["year"]), month, day)
    return resolve(
        Underspecified("month_day", month=month, day=day), ctx, match.start(), match.end()
    )


def weekday(match: re.Match[str], ctx: Context) -> Resolution | None:
    value = Underspecified("weekday", weekday=WEEKDAYS[match["weekday"].lower()])
    return resolve(value, ctx, match.start(), match.end())


class Clause(AnalysedSentence):
    """A reader of one word: "wird" (will) puts the sentence ahead."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.ahead = " wird " in f" {text[start:end].lower()} "

    def reading(self, start: int, end: int) -> Reading:
        return Reading("future", "will") if self.ahead else Reading("past")


GERMAN = LanguagePack(
    code="de",
    rules=RULES,
    triggers=build_triggers(
        RULES,
        {"date": (8, 20), "weekday": (4, 2)},
        [(" ".join(MONTHS), "date"), (" ".join(WEEKDAYS), "weekday")],
        {1: "date", 2: "date"},
        token=r"[^\W\d_]+|\d+",
    ),
    normalisers={"date": date, "weekday": weekday},
    analyse_sentence=Clause,
)


@pytest.fixture
def german(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tagger, "pack_for", lambda code: GERMAN)


@pytest.mark.usefixtures("german")
def test_a_pack_of_a_few_lines_tags_its_language() -> None:
    text = "Am 3. Mai 2021 begann es. Am Dienstag kam sie. Sie wird am Freitag gehen."
    found = [(t.text, t.value) for t in tagger.tag(text, "2021-05-06", language="de")]
    # Thursday 6 May 2021: Tuesday told in the past is the 4th, Friday ahead the 7th.
    assert found == [
        ("Am 3. Mai 2021", "2021-05-03"),
        ("Am Dienstag", "2021-05-04"),
        ("am Freitag", "2021-05-07"),
    ]


@pytest.mark.usefixtures("german")
def test_the_engine_anchors_a_story_for_any_language() -> None:
    text = "Am 3. Mai 1921 begann es. Am 5. Juni kam sie."
    values = [t.value for t in tagger.tag(text, None, language="de")]
    assert values == ["1921-05-03", "1921-06-05"]


ENGINE = (
    "tagger.py", "context.py", "resolve.py", "pack.py", "reading.py", "calendar_math.py",
    "values.py", "durations.py",
)  # fmt: skip


@pytest.mark.parametrize("module", ENGINE)
def test_the_engine_imports_no_language(module: str) -> None:
    """The engine and the resolver know no language: they import no pack (only the
    registry that loads one by its code)."""
    import ast
    from pathlib import Path

    source = Path(tagger.__file__).with_name(module).read_text(encoding="utf-8")
    imported = [
        node.module or ""
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom)
    ]
    assert not [name for name in imported if name.startswith("lang.")], imported
