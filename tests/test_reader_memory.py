"""Readers hold one record (or one part of a text) at a time, whatever the input's size.

Measured on the readers alone, with tracemalloc, on 24 MB inputs generated as they are
read (nothing written to disk, no extraction): the peak of Python allocations while
reading the whole input stays far below its size.
"""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Iterator

import pytest

from datasette_timeline.readers import Document, InputError, ReadOptions
from datasette_timeline.readers.walk import SUFFIX_FORMATS, read_stream

MEGABYTES = 24
# Generous against the largest record (about 13 KB here) and the readers' 64 KB buffers;
# holding the input would take more than its 24 MB.
PEAK_LIMIT_MB = 8

WORDS = "the council said its members would meet again after the harbour was cleared".split()


class GeneratedStream(io.RawIOBase):
    """A read-only binary stream whose bytes come from a generator, produced on demand."""

    def __init__(self, pieces: Iterator[bytes]) -> None:
        self._pieces = pieces
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            piece = next(self._pieces, None)
            if piece is None:
                return 0
            self._pending = piece
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count


def paragraphs() -> Iterator[str]:
    """Varied paragraphs of about 600 characters (a date now and then)."""
    number = 0
    while True:
        number += 1
        rotated = WORDS[number % len(WORDS) :] + WORDS[: number % len(WORDS)]
        paragraph = " ".join(rotated * 7) + "."
        if number % 500 == 0:
            paragraph += f" The council met on {number % 28 + 1} May 2001."
        yield paragraph


def big_text() -> Iterator[bytes]:
    yield b"Proceedings of the harbour council\n- Published Date: 2001-06-30\n\n"
    written = 0
    for paragraph in paragraphs():
        if written >= MEGABYTES * 1024 * 1024:
            return
        piece = (paragraph + "\n\n").encode()
        written += len(piece)
        yield piece


def big_records(kind: str) -> Iterator[bytes]:
    """Article rows of about 13 KB each: JSON Lines, a JSON array, or CSV."""
    texts = paragraphs()
    if kind == "csv":
        yield b"id,text,date\n"
    if kind == "json":
        yield b"["
    written = 0
    row = 0
    while written < MEGABYTES * 1024 * 1024:
        row += 1
        text = "\n\n".join(next(texts) for _ in range(20)) + f" Report {row}."
        if kind == "csv":
            piece = f'{row},"{text}",2001-06-01\n'
        else:
            record = json.dumps({"id": row, "text": text, "date": "2001-06-01"})
            piece = record + "\n" if kind == "jsonl" else ("," if row > 1 else "") + record
        encoded = piece.encode()
        written += len(encoded)
        yield encoded
    if kind == "json":
        yield b"]"


def read_with_peak(stream: GeneratedStream, source: str) -> tuple[list[Document], float, int]:
    """Read every item of a stream, keeping only each document's size; (sizes, peak MB, errors)."""
    kept: list[Document] = []
    errors = 0
    tracemalloc.start()
    try:
        suffix_format = SUFFIX_FORMATS["." + source.rpartition(".")[2]]
        for item in read_stream(io.BufferedReader(stream), source, ReadOptions(), suffix_format):
            if isinstance(item, InputError):
                errors += 1
            else:
                # Keep a small stand-in, not the text: what is measured is the reader.
                kept.append(Document(text=str(len(item.text)), source=item.source))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return kept, peak / (1024 * 1024), errors


def test_a_big_text_is_read_in_parts_in_bounded_memory() -> None:
    parts, peak_mb, errors = read_with_peak(GeneratedStream(big_text()), "big.txt")
    assert errors == 0
    assert peak_mb < PEAK_LIMIT_MB, peak_mb
    assert len(parts) > MEGABYTES * 1024 * 1024 // (128 * 1024)
    assert [part.source for part in parts[:2]] == ["big.txt#part1", "big.txt#part2"]
    # Every character of the input is in exactly one part.
    total = sum(len(piece) for piece in big_text())
    assert sum(int(part.text) for part in parts) == total


@pytest.mark.parametrize("kind", ["jsonl", "json", "csv"])
def test_big_files_of_records_are_read_record_by_record_in_bounded_memory(kind: str) -> None:
    rows = sum(1 for piece in big_records(kind) if piece not in (b"[", b"]", b"id,text,date\n"))
    documents, peak_mb, errors = read_with_peak(GeneratedStream(big_records(kind)), f"big.{kind}")
    assert errors == 0
    assert len(documents) == rows
    assert peak_mb < PEAK_LIMIT_MB, peak_mb
