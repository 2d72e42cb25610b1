"""Hostile inputs of 10 KB take at most a second in every reader, the tagger and the event
assembly: no regular expression or scan on untrusted text may be worse than linear."""

from __future__ import annotations

import io
import json
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from datasette_timeline.events import extract_events
from datasette_timeline.readers.document import InputError, ReadOptions
from datasette_timeline.readers.walk import read_stream
from datasette_timeline.sentences import sentence_spans
from datasette_timeline.timex import tag

SIZE = 10_000
# CPU seconds (the machine is shared, so wall time would measure the neighbours too).
LIMIT = 1.0
# A run that is far past the limit is stopped here instead of hanging the suite.
ABORT_AFTER = 10


def fill(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


RUNS = {
    "spaces": "x" + " " * SIZE,
    "tabs": fill("\t"),
    "newlines": fill("\n"),
    "blank lines": fill("\n \n"),
    "unclosed tag and spaces": "<a" + " " * SIZE,
    "less-than signs": fill("<"),
    "unclosed tags": fill("<a "),
    "unclosed TIMEX3 tags": fill("<TIMEX3 "),
    "unclosed TEXT elements": fill("<TEXT>"),
    "endless attribute name": "<a " + fill("b"),
    "attributes without values": "<a " + fill("b= "),
    "unclosed attribute value": '<a b="' + fill("x"),
    "full stops": fill("."),
    "dots then a letter": fill(".") + "a",
    "dashes": fill("-"),
    "spaced dashes": fill(" - "),
    "commas": fill(","),
    "slashes": fill("/"),
    "colons": fill(":"),
    "quotes": fill('"'),
    "punctuation": fill("!?"),
    "ellipses": fill("... "),
    "nested brackets": "(" * (SIZE // 2) + ")" * (SIZE // 2),
    "mixed brackets": fill("([{"),
    "digits": fill("1"),
    "digits and dashes": fill("1-"),
    "digits and slashes": fill("1/"),
    "broken ISO dates": fill("2020-"),
    "clock colons": fill("12:"),
    "one long word": fill("a"),
    "capitals": fill("A"),
    "capitalised words": fill("John "),
    "titles": fill("Mr. "),
    "initials": fill("a."),
    "month names": fill("January "),
    "dates without sentences": fill("Jan. 1, "),
    "quarters": fill("Q1 "),
    "decades": fill("1990s "),
    "clock times": fill("10 a.m. "),
    "relative dates": fill("two days ago "),
    "ranges": fill("from 1990 to "),
    "office titles": fill("President "),
    "subordinate clauses": fill("after "),
    "coordinated clauses": fill(", and "),
    "header lines": fill("- Key: value\n"),
    "entities": fill("&amp;"),
    "unfinished entities": fill("&#"),
    "line separators": fill("\u2028"),
    "accented letters": fill("é"),
}
# Each run also sits between two dates, so the date-dependent steps (clauses, event types,
# baselines) see it too.
INPUTS = {
    **RUNS,
    **{
        f"{name}, dated": "On 3 May 2020, " + text[: SIZE - 40] + " and on 4 June 2021."
        for name, text in RUNS.items()
    },
}


@contextmanager
def cpu_seconds_at_most(limit: float, what: str) -> Iterator[None]:
    def abort(_signum: int, _frame: Any) -> None:
        raise TimeoutError(f"{what}: still running after {ABORT_AFTER} s")

    previous = signal.signal(signal.SIGALRM, abort)
    signal.setitimer(signal.ITIMER_REAL, ABORT_AFTER)
    started = time.process_time()
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    spent = time.process_time() - started
    assert spent <= limit, f"{what}: {spent:.2f} s of CPU for {SIZE // 1000} KB"


def timeml(text: str) -> bytes:
    return f"<TimeML><DOCID>x</DOCID><TEXT>On 3 May 2020 {text}</TEXT></TimeML>".encode()


ENCODERS: dict[str, tuple[str, Callable[[str], bytes]]] = {
    "text": ("text", lambda t: ("Headline\n\n" + t).encode()),
    "html": ("html", lambda t: f"<html><title>{t}</title><body><p>{t}</p></body></html>".encode()),
    "raw html": ("html", lambda t: ("<html>" + t).encode()),
    "timeml": ("timeml", timeml),
    "raw timeml": ("timeml", lambda t: ("<TimeML><TEXT>" + t).encode()),
    "jsonl": ("jsonl", lambda t: (json.dumps({"text": t, "title": t}) + "\n").encode()),
    "json": ("json", lambda t: json.dumps([{"text": t, "published": t}]).encode()),
    "csv": ("csv", lambda t: ('text,title\n"' + t.replace('"', '""') + '",x\n').encode()),
    "raw csv": ("csv", lambda t: ("text\n" + t).encode()),
}


def read_all(data: bytes, kind: str) -> list[Any]:
    options = ReadOptions(format=kind, published="2020-05-03")
    try:
        return list(read_stream(io.BytesIO(data), "adversarial", options))
    except InputError as error:
        return [error]


# CPU-time bounds mean something only on a machine that is not running other tests at
# the same time: slow, so the parallel quick tier leaves them to the full run.
@pytest.mark.slow
@pytest.mark.parametrize("name", list(INPUTS))
def test_every_reader_is_fast_on_hostile_input(name: str) -> None:
    for encoding, (kind, encode) in ENCODERS.items():
        data = encode(INPUTS[name])
        with cpu_seconds_at_most(LIMIT, f"{encoding} reader, {name}"):
            read_all(data, kind)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(INPUTS))
def test_tagger_and_event_assembly_are_fast_on_hostile_input(name: str) -> None:
    text = INPUTS[name]
    with cpu_seconds_at_most(LIMIT, f"sentences, {name}"):
        sentence_spans(text)
    for dct in ("2020-05-03", None):
        with cpu_seconds_at_most(LIMIT, f"tagger (DCT {dct}), {name}"):
            tag(text, dct)
    with cpu_seconds_at_most(LIMIT, f"events, {name}"):
        extract_events(text, "2020-05-03")


def test_the_reported_timeml_file_is_read_at_once() -> None:
    """The reproduction: an unclosed tag followed by spaces took 78 s at 3 KB."""
    data = ("<TimeML><TEXT>On 3 May 2020 <a" + " " * 3000 + "</TEXT></TimeML>").encode()
    with cpu_seconds_at_most(0.2, "timeml reader, 3 KB"):
        [document] = read_all(data, "timeml")
    assert document.text.startswith("On 3 May 2020")
