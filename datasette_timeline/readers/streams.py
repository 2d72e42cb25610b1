"""Streams of bytes read piece by piece, so inputs of any size use bounded memory."""

from __future__ import annotations

import io
from typing import BinaryIO

from .decode import SAMPLE_BYTES, NotText, detect_encoding
from .document import InputError


class PrefixedStream(io.RawIOBase):
    """Bytes already read, followed by the rest of a stream, as one readable stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._position = 0
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        remaining = len(self._head) - self._position
        if remaining > 0:
            count = min(len(buffer), remaining)
            buffer[:count] = self._head[self._position : self._position + count]
            self._position += count
            if self._position == len(self._head):
                self._head = b""  # let the prefix go once it is consumed
                self._position = 0
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def text_stream(stream: BinaryIO, source: str) -> tuple[io.TextIOWrapper, str]:
    """Wrap a binary stream as text, its encoding detected from the first bytes.

    Returns the wrapper and the encoding; raises InputError for binary data. Line
    endings are kept as they are (``newline=""``), as the csv module requires.
    """
    head = stream.read(SAMPLE_BYTES)
    try:
        encoding = detect_encoding(head, complete=len(head) < SAMPLE_BYTES)
    except NotText as error:
        raise InputError(f"{source}: {error}") from None
    buffered = io.BufferedReader(PrefixedStream(head, stream))
    return io.TextIOWrapper(buffered, encoding=encoding, newline=""), encoding
