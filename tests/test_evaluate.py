"""The TempEval-3 Task A scorer, and the tagger's score on a sample of the corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from datasette_timeline.timex import Timex, tag
from datasette_timeline.timex.evaluate import (
    evaluate,
    gold_files,
    match_timexes,
    score_document,
    summarise,
)
from datasette_timeline.timex.timeml import read_timeml, write_timeml

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = SHARED / "corpora"
# Value F1 reached on every 4th document (the sample below), minus 0.02.
MINIMUM_VALUE_F1 = {"tbaq-cleaned": 0.770, "meantime": 0.919}


def timex(start: int, end: int, value: str = "2020", kind: str = "DATE") -> Timex:
    return Timex(start=start, end=end, text="x" * (end - start), type=kind, value=value)


def test_exact_pairs_are_taken_before_left_to_right_overlaps() -> None:
    gold = [timex(0, 10), timex(12, 20)]
    system = [timex(5, 14), timex(12, 20)]
    pairs = match_timexes(gold, system)
    assert {(g.start, s.start) for g, s in pairs} == {(12, 12), (0, 5)}


def test_matching_is_one_to_one() -> None:
    gold = [timex(0, 10)]
    system = [timex(0, 4), timex(5, 10)]
    assert len(match_timexes(gold, system)) == 1
    counts, _ = score_document(gold, system)
    scores = summarise(counts, 1)
    assert scores.relaxed_precision == pytest.approx(0.5)
    assert scores.relaxed_recall == pytest.approx(1.0)
    assert scores.strict_f1 == 0.0


def test_value_f1_is_value_accuracy_times_relaxed_f1() -> None:
    gold = [timex(0, 4, "2020"), timex(10, 14, "2021"), timex(20, 24, "P1Y", "DURATION")]
    system = [timex(0, 4, "2020"), timex(10, 16, "2022"), timex(30, 34, "2020")]
    counts, _ = score_document(gold, system)
    scores = summarise(counts, 1)
    assert (counts.strict, counts.relaxed, counts.value_correct) == (1, 2, 1)
    assert scores.relaxed_f1 == pytest.approx(2 / 3)
    assert scores.value_accuracy == pytest.approx(0.5)
    assert scores.value_f1 == pytest.approx(1 / 3)
    assert scores.type_f1 == pytest.approx(2 / 3)


def test_counts_are_micro_averaged_and_the_dct_is_not_scored(tmp_path: Path) -> None:
    first = write_timeml("a", "2020-11-03", "It rained yesterday.", [timex(10, 19, "2020-11-02")])
    second = write_timeml("b", "2020-11-03", "Nothing here at all.", [])
    (tmp_path / "a.tml").write_text(first)
    (tmp_path / "b.tml").write_text(second)
    assert read_timeml(tmp_path / "a.tml").timexes[0].text == "yesterday"
    scores = evaluate([tmp_path], lambda text, dct: tag(text, dct))
    assert scores.documents == 2
    assert (scores.counts.gold, scores.counts.system, scores.counts.value_correct) == (1, 1, 1)
    assert scores.value_f1 == 1.0


def test_reads_gold_with_entities_and_nested_tags() -> None:
    source = (
        '<TimeML><DOCID>d</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" '
        'functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT><TEXT>AT&amp;T <EVENT eid="e1">'
        'said</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT></TimeML>'
    )
    document = read_timeml(source)
    assert document.dct == "1998-01-08"
    assert document.text == "AT&T said yesterday."
    assert [(t.text, t.value) for t in document.timexes] == [("yesterday", "1998-01-07")]


@pytest.mark.corpus
@pytest.mark.parametrize("corpus", sorted(MINIMUM_VALUE_F1))
def test_value_f1_on_a_corpus_sample_does_not_drop(corpus: str) -> None:
    if not (CORPORA / corpus).is_dir():
        pytest.skip(f"{CORPORA / corpus} is absent: the shared corpora are needed for this test")
    sample = gold_files([CORPORA / corpus])[::4]
    scores = evaluate(sample, lambda text, dct: tag(text, dct))
    assert scores.value_f1 >= MINIMUM_VALUE_F1[corpus], scores.to_json()


@pytest.mark.corpus
def test_spanish_value_f1_on_meantime_es_stays_above_the_target() -> None:
    corpus = CORPORA / "meantime-es"
    if not corpus.is_dir():
        pytest.skip(f"{corpus} is absent: the shared corpora are needed for this test")
    scores = evaluate([corpus], lambda text, dct: tag(text, dct, language="es"))
    # 0.810 when written; the target for the Spanish pack is 0.80.
    assert scores.value_f1 >= 0.80, scores.to_json()
