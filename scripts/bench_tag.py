"""Benchmark: throughput and accuracy of ``tag`` against dateparser's ``search_dates``.

Runs both tools on the same texts (the TempEval-3 silver corpus, 2,452 articles) on one
core, alternating, ``--repeat`` times (default 3), and prints documents per second and
MB/s of each run, the medians and their ratio, then both tools' TempEval-3 value F1 on
TBAQ. Not a test: run it by hand.

    python scripts/bench_tag.py [--corpora ../shared/corpora] [--limit N] [--repeat N]
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
    started = time.perf_counter()
    for text, dct in documents:
        run(text, dct)
    elapsed = time.perf_counter() - started
    size = sum(len(text.encode("utf-8")) for text, _ in documents) / 1e6
    rate = len(documents) / elapsed
    print(
        f"{name:<14} {len(documents):>6} docs {elapsed:>9.2f} s {rate:>10.1f} docs/s {size / elapsed:>8.3f} MB/s"
    )
    return rate


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
    args = parser.parse_args()
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
