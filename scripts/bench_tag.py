"""Benchmark: throughput and accuracy of ``tag`` against dateparser's ``search_dates``.

Runs both tools on the same texts (the TempEval-3 silver corpus, 2,452 articles) on one
core, alternating, ``--repeat`` times (default 3), and prints documents per second and
MB/s of each run, the medians and their ratio, then both tools' TempEval-3 value F1 on
TBAQ. Not a test: run it by hand.

With ``--language es`` it tags MEANTIME Spanish with the Spanish pack and the same
Wikinews articles in English (MEANTIME) with the English one, alternating, and prints
the MB/s of each and their ratio (the Spanish pack's cost per MB against English), then
``search_dates(languages=["es"])`` on the Spanish texts and both tools' value F1 there.

    python scripts/bench_tag.py [--corpora ../shared/corpora] [--limit N] [--repeat N]
    python scripts/bench_tag.py --language es --repeat 7
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from datasette_timeline.timex import Timex, tag
from datasette_timeline.timex.evaluate import evaluate, gold_files
from datasette_timeline.timex.tagger import parse_dct
from datasette_timeline.timex.timeml import read_timeml

DEFAULT_CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"


def _dct_datetime(dct: str | None) -> datetime | None:
    day = parse_dct(dct)
    return datetime(day.year, day.month, day.day) if day else None


def search_dates_tagger(text: str, dct: str | None, language: str = "en") -> list[Timex]:
    """dateparser's search_dates as a TIMEX3 tagger: every hit is a DATE at day precision.

    ``scripts/compare_heideltime.py --dateparser`` uses it too, in other languages.
    """
    from dateparser.search import search_dates

    settings: dict[str, object] = {}
    base = _dct_datetime(dct)
    if base is not None:
        settings["RELATIVE_BASE"] = base
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        found = search_dates(text, languages=[language], settings=settings) or []
    timexes: list[Timex] = []
    position = 0
    for phrase, moment in found:
        start = text.find(phrase, position)
        if start < 0:
            continue
        position = start + len(phrase)
        timexes.append(Timex(start, position, phrase, "DATE", moment.date().isoformat()))
    return timexes


def _measure(
    name: str, documents: list[tuple[str, str | None]], run: Callable[[str, str | None], object]
) -> float:
    """Documents per second of ``run`` (MB/s is printed too)."""
    rate, _ = _measure_both(name, documents, run)
    return rate


def _measure_both(
    name: str, documents: list[tuple[str, str | None]], run: Callable[[str, str | None], object]
) -> tuple[float, float]:
    started = time.perf_counter()
    for text, dct in documents:
        run(text, dct)
    elapsed = time.perf_counter() - started
    size = sum(len(text.encode("utf-8")) for text, _ in documents) / 1e6
    rate = len(documents) / elapsed
    print(
        f"{name:<14} {len(documents):>6} docs {elapsed:>9.2f} s {rate:>10.1f} docs/s {size / elapsed:>8.3f} MB/s"
    )
    return rate, size / elapsed


def _read(folder: Path, limit: int | None) -> list[tuple[str, str | None]]:
    return [(doc.text, doc.dct) for doc in map(read_timeml, gold_files([folder])[:limit])]


def _spanish(args: argparse.Namespace) -> None:
    spanish, english = (
        _read(args.corpora / "meantime-es", None),
        _read(args.corpora / "meantime", None),
    )
    for name, documents in (("MEANTIME-es", spanish), ("MEANTIME (en)", english)):
        size = sum(len(text.encode("utf-8")) for text, _ in documents) / 1e6
        print(f"{name}: {len(documents)} documents, {size:.2f} MB")
    tag("calentamiento el 5 de mayo de 2020", "2020-05-06", language="es")
    tag("warm up on 5 May 2020", "2020-05-06")
    search_dates_tagger("el 5 de mayo de 2020", "2020-05-06", "es")
    es_rates, en_rates, dateparser_rates = [], [], []
    for _ in range(args.repeat):
        es_rates.append(
            _measure_both("tag es", spanish, lambda text, dct: tag(text, dct, language="es"))[1]
        )
        en_rates.append(_measure_both("tag en", english, lambda text, dct: tag(text, dct))[1])
        dateparser_rates.append(
            _measure_both(
                "search_dates es", spanish, lambda text, dct: search_dates_tagger(text, dct, "es")
            )[1]
        )
    es_median, en_median = statistics.median(es_rates), statistics.median(en_rates)
    print(
        f"medians of {args.repeat}: tag es {es_median:.3f} MB/s, tag en {en_median:.3f} MB/s "
        f"(English {en_median / es_median:.2f}x the Spanish throughput per MB), "
        f"search_dates es {statistics.median(dateparser_rates):.3f} MB/s"
    )
    gold = [args.corpora / "meantime-es"]
    ours = evaluate(gold, lambda text, dct: tag(text, dct, language="es")).value_f1
    theirs = evaluate(gold, lambda text, dct: search_dates_tagger(text, dct, "es")).value_f1
    print(f"value F1 on MEANTIME-es: tag {ours:.3f}, search_dates {theirs:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument(
        "--limit", type=int, default=None, help="Use only the first N silver articles."
    )
    parser.add_argument(
        "--skip-dateparser-f1", action="store_true", help="Skip dateparser's F1 on TBAQ."
    )
    parser.add_argument("--repeat", type=int, default=3, help="Runs of each tool (median).")
    parser.add_argument(
        "--language",
        choices=["en", "es"],
        default="en",
        help="es: the Spanish pack on MEANTIME-es against English on MEANTIME.",
    )
    args = parser.parse_args()
    if args.language == "es":
        _spanish(args)
        return
    silver = gold_files([args.corpora / "te3-silver"])[: args.limit]
    documents = [(doc.text, doc.dct) for doc in map(read_timeml, silver)]
    size = sum(len(text.encode("utf-8")) for text, _ in documents) / 1e6
    print(f"te3-silver: {len(documents)} documents, {size:.2f} MB")
    search_dates_tagger("warm up on 5 May 2020", "2020-05-06")  # load dateparser's data first
    tag("warm up on 5 May 2020", "2020-05-06")
    ours, theirs = [], []
    for _ in range(args.repeat):  # alternating, so that a busy moment hits both
        ours.append(_measure("tag", documents, lambda text, dct: tag(text, dct)))
        theirs.append(_measure("search_dates", documents, search_dates_tagger))
    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    print(
        f"medians of {args.repeat}: tag {ours_median:.1f} docs/s, search_dates "
        f"{theirs_median:.1f} docs/s; throughput ratio {ours_median / theirs_median:.1f}x"
    )
    tbaq = [args.corpora / "tbaq-cleaned"]
    print(
        f"value F1 on TBAQ: tag {evaluate(tbaq, lambda text, dct: tag(text, dct)).value_f1:.3f}",
        end="",
    )
    if args.skip_dateparser_f1:
        print()
    else:
        print(f", search_dates {evaluate(tbaq, search_dates_tagger).value_f1:.3f}")


if __name__ == "__main__":
    main()
