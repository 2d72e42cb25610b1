"""``datasette-timeline tag`` and ``datasette-timeline evaluate``."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click

from ..readers.language import detect_language
from ..timex.evaluate import SystemFileError, evaluate, format_table, gold_files, system_files
from ..timex.lang import LANGUAGES
from ..timex.model import Timex
from ..timex.tagger import ANCHORINGS, parse_dct, tag
from ..timex.timeml import read_timeml, write_timeml

_HEADER_LINES = 12
_HEADER_DATE_LINE = re.compile(r"\b(?:published|date|updated|posted|modified)\b", re.IGNORECASE)


@dataclass
class _Input:
    id: str
    text: str
    dct: str | None
    is_timeml: bool = False


def header_date(text: str) -> str | None:
    """The creation date named in a text's header ("Published Date: 03 November 2020").

    Lines labelled published/date/posted are preferred; otherwise the first full date in
    the first lines is taken. Modified/updated dates come last.
    """
    lines = text.splitlines()[:_HEADER_LINES]
    labelled = [line for line in lines if _HEADER_DATE_LINE.search(line)]
    labelled.sort(key=lambda line: bool(re.search(r"modified|updated", line, re.IGNORECASE)))
    for line in [*labelled, *lines]:
        for timex in tag(line, None, anchoring="news"):
            if (
                timex.type in {"DATE", "TIME"}
                and timex.anchored
                and timex.precision in {"day", "hour", "minute", "second"}
            ):
                return timex.value[:10]
    return None


def _read_inputs(paths: tuple[str, ...], jsonl: str | None, dct: str | None) -> Iterator[_Input]:
    if jsonl:
        stream = sys.stdin if jsonl == "-" else open(jsonl, encoding="utf-8")  # noqa: SIM115
        with stream:
            for number, line in enumerate(stream, start=1):
                if not line.strip():
                    continue
                record = json.loads(line)
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise click.ClickException(f"{jsonl}:{number}: expected an object with a text")
                yield _Input(
                    str(record.get("id", number)), record["text"], record.get("dct") or dct
                )
    for name in paths:
        if name == "-":
            text = sys.stdin.read()
            yield _Input("-", text, dct or header_date(text))
            continue
        for path in _files(Path(name)):
            yield _read_file(path, dct)


def _files(path: Path) -> list[Path]:
    """The file itself, or the .txt and .tml files under a folder (sorted)."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix.lower() in {".txt", ".tml"})
    return [path]


def _read_file(path: Path, dct: str | None) -> _Input:
    try:
        if path.suffix.lower() == ".tml":
            document = read_timeml(path)
            return _Input(document.docid or path.stem, document.text, dct or document.dct, True)
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise click.ClickException(f"cannot read {path}: {error}") from error
    return _Input(path.name, text, dct or header_date(text))


def pack_language(language: str, text: str) -> str:
    """The language pack to read ``text`` with: the one named, or for "auto" the one of
    the language detected (the detector of the readers), English when it has none."""
    if language != "auto":
        return language
    detected = detect_language(text)
    return detected if detected in LANGUAGES else "en"


def _check_dct(value: str | None) -> str | None:
    if value is not None and parse_dct(value) is None:
        raise click.BadParameter(f"not an ISO date: {value!r}", param_hint="--dct")
    return value


@click.command(name="tag")
@click.argument("inputs", nargs=-1, type=click.Path(allow_dash=True, exists=True))
@click.option("--dct", help="Document creation time (ISO date) for every input text.")
@click.option(
    "--jsonl", type=click.Path(allow_dash=True), help='JSON lines of {"id", "text", "dct"}.'
)
@click.option(
    "--anchoring",
    type=click.Choice(ANCHORINGS),
    default="auto",
    show_default=True,
    help="news: relative dates from the DCT; narrative: from the last date mentioned.",
)
@click.option(
    "--language",
    type=click.Choice([*LANGUAGES, "auto"]),
    default="en",
    show_default=True,
    help="The language of the texts (auto: detected in each text).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["jsonl", "timeml"]),
    default="jsonl",
    show_default=True,
)
@click.option(
    "--output-dir",
    type=click.Path(file_okay=False),
    help="Folder for --format timeml (one .tml file per input).",
)
def tag_command(
    inputs: tuple[str, ...],
    dct: str | None,
    jsonl: str | None,
    anchoring: str,
    language: str,
    output_format: str,
    output_dir: str | None,
) -> None:
    """Print the temporal expressions (TIMEX3) of text, JSON-lines or TimeML inputs.

    One JSON line per document: {"id", "timexes": [{"start", "end", "text", "type",
    "value", ...}]}, offsets being Python string indices into the text as read.

    \b
    Example:
        datasette-timeline tag article.txt --dct 2020-11-03
        datasette-timeline tag corpus/*.tml --format timeml --output-dir tagged/
    """
    _check_dct(dct)
    if not inputs and not jsonl:
        raise click.UsageError("give input files (or -) or --jsonl FILE")
    if output_format == "timeml" and not output_dir:
        raise click.UsageError("--format timeml needs --output-dir")
    for item in _read_inputs(inputs, jsonl, dct):
        timexes = tag(
            item.text, item.dct, anchoring=anchoring, language=pack_language(language, item.text)
        )
        if output_format == "timeml" and output_dir:
            _write_timeml_file(Path(output_dir), item, timexes)
        else:
            record = {"id": item.id, "timexes": [timex.to_json() for timex in timexes]}
            click.echo(json.dumps(record, ensure_ascii=False))


def _write_timeml_file(folder: Path, item: _Input, timexes: list[Timex]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", item.id).strip("._") or "document"
    if not name.endswith(".tml"):
        name += ".tml"
    (folder / name).write_text(
        write_timeml(item.id, item.dct, item.text, timexes), encoding="utf-8"
    )


def _parse_fold(value: str | None) -> tuple[frozenset[int], int] | None:
    """ "4/5" or "0,1,2,3/5": the remainders kept and the modulus."""
    if value is None:
        return None
    match = re.fullmatch(r"(\d+(?:,\d+)*)/(\d+)", value.strip())
    remainders = frozenset(int(part) for part in match[1].split(",")) if match else frozenset()
    if not match or not all(0 <= part < int(match[2]) for part in remainders):
        raise click.BadParameter(
            "expected K/N (or K1,K2/N) with 0 <= K < N, e.g. 4/5", param_hint="--fold"
        )
    return remainders, int(match[2])


def _fold_files(name: str, fold: tuple[frozenset[int], int] | None) -> list[Path]:
    files = gold_files([name])
    if fold is None:
        return files
    remainders, modulus = fold
    return [path for index, path in enumerate(files) if index % modulus in remainders]


@click.command(name="evaluate")
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--anchoring", type=click.Choice(ANCHORINGS), default="auto", show_default=True)
@click.option(
    "--language",
    type=click.Choice([*LANGUAGES, "auto"]),
    default="en",
    show_default=True,
    help="The language of the gold texts (auto: detected in each text).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--errors", is_flag=True, help="Also list misses, spurious tags and wrong values.")
@click.option(
    "--fold",
    callback=lambda _context, _parameter, value: _parse_fold(value),
    help="K/N: score only the files whose index (sorted, per GOLD) is K modulo N; "
    "e.g. 4/5 is a held-out fifth and 0,1,2,3/5 the development part.",
)
@click.option(
    "--system",
    "system_folder",
    type=click.Path(exists=True, file_okay=False),
    help="Score the TimeML files in this folder (same file names as the gold, e.g. "
    "written by 'tag --format timeml' or by another tagger) instead of running the tagger.",
)
def evaluate_command(
    gold: tuple[str, ...],
    anchoring: str,
    language: str,
    as_json: bool,
    errors: bool,
    fold: tuple[frozenset[int], int] | None,
    system_folder: str | None,
) -> None:
    """Score the tagger against TimeML GOLD files or folders (TempEval-3 Task A).

    Strict and relaxed span P/R/F1, type and value accuracy and value F1, micro-averaged
    over documents; the document creation time is not scored.

    \b
    Example:
        datasette-timeline evaluate gold/TimeBank gold/AQUAINT
        datasette-timeline evaluate meantime-es/ --language es
        datasette-timeline evaluate gold/ --json
        datasette-timeline tag gold/*.tml --format timeml --output-dir out/
        datasette-timeline evaluate gold/ --system out/
    """

    def tagger(text: str, dct: str | None) -> list[Timex]:
        return tag(text, dct, anchoring=anchoring, language=pack_language(language, text))

    system = system_files(system_folder) if system_folder else None
    files = {name: _fold_files(name, fold) for name in gold}
    try:
        rows = [
            (name, evaluate(files[name], tagger, collect_errors=errors, system=system))
            for name in gold
        ]
        if len(gold) > 1:
            every_file = [f for name in gold for f in files[name]]
            rows.append(("all", evaluate(every_file, tagger, system=system)))
    except SystemFileError as error:
        raise click.ClickException(str(error)) from error
    if as_json:
        data = {name: scores.to_json(with_errors=errors) for name, scores in rows}
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(format_table(rows))
    if errors:
        for _, scores in rows[: len(gold)]:
            for row in scores.errors:
                click.echo(json.dumps(row, ensure_ascii=False))
