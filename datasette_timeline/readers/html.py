"""Saved web pages: the article's main text, headline, canonical URL, publication date
and the language the page declares.

trafilatura finds the main text (it drops navigation, adverts, comments and related
links) and htmldate the publication date, from the page's own metadata only
(``article:published_time``, JSON-LD ``datePublished``, ``<time>``...), never from
dates guessed in the text, which are what we are here to extract.
"""

from __future__ import annotations

import logging
from configparser import ConfigParser
from functools import cache

from .decode import NotText, decode_bytes
from .document import Document, InputError
from .language import page_language
from .published import InvalidDate, parse_published

# htmldate refuses dates before this by default (1995); archives go further back.
_EARLIEST_DATE = "1800-01-01"
# Fewer words than this is a menu or a form that trafilatura fell back to, not an article.
MIN_ARTICLE_WORDS = 12


def read_html_bytes(
    data: bytes, source: str, published: str | None = None, url: str | None = None
) -> Document:
    """One Document from a page's bytes; ``url`` is where it was fetched from, if known."""
    try:
        markup, _encoding = decode_bytes(data)
    except NotText as error:
        raise InputError(f"{source}: {error}") from None
    if not markup.strip():
        raise InputError(f"{source}: empty file, nothing to extract")
    return read_html(markup, source, published, url)


@cache
def _trafilatura_config() -> ConfigParser:
    from trafilatura.settings import use_config

    # trafilatura and htmldate log their doubts about odd pages; our own message suffices.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    config = use_config()
    # Its timeout uses signals, which fail off the main thread (Datasette's enrichments).
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return config


def read_html(
    markup: str, source: str, published: str | None = None, url: str | None = None
) -> Document:
    import trafilatura  # heavy: only when a page is read

    config = _trafilatura_config()
    tree = trafilatura.load_html(markup)
    if tree is None:
        raise InputError(f"{source}: not an HTML page (no markup could be parsed)")
    body = trafilatura.extract(
        tree,
        url=url,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        config=config,
    )
    if not body or len(body.split()) < MIN_ARTICLE_WORDS:
        raise InputError(
            f"{source}: no article text found in this page (an index, a login or an empty page?)"
        )
    metadata = trafilatura.extract_metadata(tree, default_url=url, extensive=False)
    title = (metadata.title or "").strip() or None
    body = body.strip()
    if title and body.startswith(title + "\n"):
        body = body[len(title) + 1 :]  # the headline was inside the article element
    text = f"{title}\n\n{body}\n" if title else f"{body}\n"
    skip_spans = [(0, len(title))] if title else []
    return Document(
        text=text,
        source=source,
        title=title,
        published=published or page_date(tree, source),
        skip_spans=skip_spans,
        url=metadata.url or url,
        language=page_language(tree),
    )


def page_date(tree: object, source: str) -> str | None:
    """The publication date in a page's metadata, as ``YYYY-MM-DD[THH:MM]``, or None."""
    from htmldate import find_date

    found = find_date(
        tree,
        extensive_search=False,
        original_date=True,
        outputformat="%Y-%m-%dT%H:%M",
        min_date=_EARLIEST_DATE,
    )
    if not found:
        return None
    try:
        return parse_published(found)
    except InvalidDate as error:
        raise InputError(
            f"{source}: invalid publication date {found!r} in the page ({error})"
        ) from None
