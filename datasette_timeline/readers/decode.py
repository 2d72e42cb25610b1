"""Bytes to text: UTF-8 first, other encodings detected, binary data refused.

Articles come from many tools: Windows editors (cp1252), old archives (Latin-1),
Word exports (UTF-16 with a byte order mark). UTF-8 is tried first because it is by
far the most common and cannot be mistaken for anything else; only when it fails is
charset-normalizer asked, which is slower but well kept and measured.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Enough bytes for charset-normalizer to decide, small enough to hold in memory.
SAMPLE_BYTES = 64 * 1024
# Text with more control characters than this is binary data that happened to decode.
MAX_CONTROL_RATIO = 0.01
# C0/C1 controls other than whitespace, surrogates and private-use characters.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff]")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(ValueError):
    """The bytes are not text in any encoding we can recognise; the message says why."""


def detect_encoding(sample: bytes, *, complete: bool) -> str:
    """Name the encoding of ``sample`` (the whole input when ``complete``).

    Raises NotText for binary data. A sample cut from a longer input may end inside
    a multi-byte character, which is not held against UTF-8.
    """
    for bom, name in _BOMS:
        if sample.startswith(bom):
            return name
    if b"\x00" in sample:
        raise NotText("binary data (NUL bytes), not text")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
        return "utf-8"
    except UnicodeDecodeError as error:
        utf8_problem = f"{error.reason} at byte {error.start}"
    from charset_normalizer import from_bytes  # only needed off the UTF-8 path

    best = from_bytes(sample).best()
    if best is None or best.encoding is None:
        raise NotText(f"not valid UTF-8 ({utf8_problem}) and no other text encoding fits")
    return _prefer_windows_1252(sample, str(best.encoding))


def _prefer_windows_1252(data: bytes, detected: str) -> str:
    """Windows-1252 for Latin-script text, whichever Latin code page was detected.

    On a short article the single-byte Latin code pages are nearly indistinguishable
    by statistics (charset-normalizer may say cp1257 for French), while Windows-1252
    is by far the most common of them in saved news; other scripts are left alone.
    """
    try:
        data.decode("cp1252")
        decoded = data.decode(detected, errors="replace")
    except (LookupError, UnicodeDecodeError):  # bytes Windows-1252 leaves undefined
        return detected
    letters = (char for char in decoded if ord(char) > 127 and char.isalpha())
    if all(unicodedata.name(char, "").startswith("LATIN") for char in letters):
        return "cp1252"
    return detected


def check_is_text(text: str) -> None:
    """Raise NotText when decoded ``text`` is mostly control characters (binary data)."""
    sample = text[:SAMPLE_BYTES]
    if len(_CONTROL.findall(sample)) > MAX_CONTROL_RATIO * len(sample):
        raise NotText("binary data (control characters), not text")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a whole input, returning its text and the encoding used."""
    encoding = detect_encoding(data, complete=True)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise NotText(f"cannot be decoded as {encoding} ({error})") from None
    check_is_text(text)
    return text, encoding
