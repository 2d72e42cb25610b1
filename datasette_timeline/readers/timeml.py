"""TimeML ``.tml`` files (TempEval-3 and similar corpora): the DCT and the plain text.

The text is the content of ``<TEXT>`` with every tag removed and entities decoded,
as the temporal tagger's TimeML reader gives it; gold TIMEX3 tags are ignored here.
"""

from __future__ import annotations

import html
import re

from .decode import NotText, decode_bytes
from .document import Document, InputError
from .published import InvalidDate, parse_published

_TITLE = re.compile(r"<TITLE(?:\s[^<>]*)?>")
_TAGS = re.compile(r"<[^<>]*>")


def read_timeml_bytes(data: bytes, source: str, published: str | None = None) -> Document:
    from ..timex.timeml import read_timeml

    try:
        markup, _encoding = decode_bytes(data)
    except NotText as error:
        raise InputError(f"{source}: {error}") from None
    markup = markup.lstrip()
    if "<TEXT" not in markup or not markup.startswith("<"):
        raise InputError(f"{source}: not a TimeML document (no <TEXT> element)")
    parsed = read_timeml(markup)  # a string starting with "<" is read as markup, not a path
    if not parsed.text.strip():
        raise InputError(f"{source}: the <TEXT> element is empty, nothing to extract")
    if published is None and parsed.dct:
        try:
            published = parse_published(parsed.dct)
        except InvalidDate as error:
            raise InputError(f"{source}: invalid DCT value {parsed.dct!r} ({error})") from None
    return Document(
        text=parsed.text,
        source=source,
        title=_title(markup) or parsed.docid or None,
        published=published,
        source_id=parsed.docid or None,
    )


def _title(markup: str) -> str | None:
    from ..timex.timeml import element_content

    content = element_content(markup, "TITLE", _TITLE)
    if content is None:
        return None
    title = " ".join(html.unescape(_TAGS.sub("", content)).split())
    return title or None
