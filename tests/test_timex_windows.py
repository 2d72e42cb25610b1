"""The tagger runs each rule only in windows around its trigger words, and skips windows
without the text a rule's matches hold (``Triggers`` in timex/pack.py). Those reaches,
triggers and required texts are tuned by hand: a windowed search must find exactly what
running every rule over the whole text finds, in every language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from datasette_timeline.timex import tagger
from datasette_timeline.timex.evaluate import gold_files
from datasette_timeline.timex.lang import LANGUAGES
from datasette_timeline.timex.pack import LanguagePack
from datasette_timeline.timex.timeml import read_timeml

FIXTURES = Path(__file__).parent / "fixtures"
CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
SENTENCE_SETS = {
    "en": [
        "timex_guideline_cases.jsonl",
        "timex_guideline_cases_2.jsonl",
        "timex_guideline_cases_3.jsonl",
        "blind/narrative/timex_narrative.jsonl",
    ],
    "es": ["timex_es_cases.jsonl"],
}
CORPUS_SAMPLES = {"en": ["tbaq-cleaned", "meantime"], "es": ["meantime-es"]}

Document = tuple[str, "str | None"]


def _every_rule_everywhere(
    text: str, pack: LanguagePack
) -> list[tuple[int, int, int, re.Match[str]]]:
    found = []
    for index, rule in enumerate(pack.rules):
        for match in rule.pattern.finditer(text):
            start, end = tagger._trim(text, match.start(), match.end())
            if end > start:
                found.append((start, end, index, match))
    return found


def _tags(documents: list[Document], language: str) -> list[list[tuple[int, int, str, str]]]:
    return [
        [(t.start, t.end, t.type, t.value) for t in tagger.tag(text, dct, language=language)]
        for text, dct in documents
    ]


def _sentences(language: str) -> list[Document]:
    documents: list[Document] = []
    for name in SENTENCE_SETS[language]:
        for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                case = json.loads(line)
                documents.append((case["text"], case.get("dct")))
    return documents


def _check(documents: list[Document], language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    windowed = _tags(documents, language)
    monkeypatch.setattr(tagger, "_candidates", _every_rule_everywhere)
    everywhere = _tags(documents, language)
    different = [
        (documents[i][0][:80], sorted(set(a) ^ set(b)))
        for i, (a, b) in enumerate(zip(windowed, everywhere, strict=True))
        if a != b
    ]
    assert not different


@pytest.mark.parametrize("language", LANGUAGES)
def test_windows_find_what_every_rule_finds_on_the_sentence_sets(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _check(_sentences(language), language, monkeypatch)


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_windows_find_what_every_rule_finds_on_the_corpora(
    language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folders = [CORPORA / name for name in CORPUS_SAMPLES[language]]
    if not all(folder.is_dir() for folder in folders):
        pytest.skip("needs ../shared/corpora")
    documents = [(d.text, d.dct) for d in map(read_timeml, gold_files(folders)[::3])]
    _check(documents, language, monkeypatch)
