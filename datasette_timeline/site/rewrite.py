"""Find and rewrite the URLs an HTML page or a stylesheet refers to.

The pages come from Datasette's templates, so the markup is well formed; Python's
own HTML parser locates each start tag (never inside scripts or styles) and only
the URL-valued attributes of that tag are rewritten, re-escaped, in place.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

# Attributes whose value is one URL.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "poster", "data", "formaction"})
# Attributes that make the browser load something (as opposed to a link to follow).
_LOADING = frozenset(
    {
        ("script", "src"),
        ("img", "src"),
        ("iframe", "src"),
        ("audio", "src"),
        ("video", "src"),
        ("video", "poster"),
        ("source", "src"),
        ("embed", "src"),
        ("object", "data"),
        ("input", "src"),
        ("track", "src"),
    }
)
_ATTRIBUTE = re.compile(
    r"""(?P<lead>\s+)(?P<name>[^\s"'>/=]+)(?:(?P<eq>\s*=\s*)"""
    r"""(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'=<>`]+)))?"""
)
_CSS_URL = re.compile(r"""url\(\s*(?P<quote>['"]?)(?P<url>[^'")]*?)(?P=quote)\s*\)""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+(?P<quote>['"])(?P<url>[^'"]*)(?P=quote)""", re.I)

# <link rel=...> values that make the browser fetch the linked file.
_LOADING_RELS = frozenset(
    {"stylesheet", "icon", "shortcut", "apple-touch-icon", "manifest", "preload", "modulepreload"}
)


@dataclass(frozen=True)
class Reference:
    """A URL in a page: the tag and attribute holding it (and a link's rel)."""

    tag: str
    attribute: str
    url: str
    rel: str = ""

    @property
    def loads_resource(self) -> bool:
        """True when a browser fetches the URL while showing the page (a script, an
        image, a stylesheet), rather than when someone follows it."""
        if self.tag == "link":
            return self.attribute == "href" and bool(_LOADING_RELS & set(self.rel.lower().split()))
        return (self.tag, self.attribute) in _LOADING or self.attribute == "style"


# A reference -> its new url, or None to remove the attribute.
UrlRewriter = Callable[[Reference], "str | None"]


def _is_url_attribute(name: str) -> bool:
    return name in URL_ATTRIBUTES or (
        name.startswith("data-") and name.endswith(("url", "href", "src"))
    )


class _StartTags(HTMLParser):
    """Collects the position and raw text of every start tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[tuple[int, int], str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text()
        if raw is not None:
            self.tags.append((self.getpos(), tag, raw))

    handle_startendtag = handle_starttag


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for line in text.splitlines(keepends=True):
        offsets.append(offsets[-1] + len(line))
    return offsets


def _value(match: re.Match[str]) -> str:
    return html.unescape(next(v for v in match.group("dq", "sq", "bare") if v is not None))


def _rewrite_tag(tag: str, raw: str, rewrite: UrlRewriter, hide_forms: bool) -> str:
    removed_action = False
    # The tag name itself is not an attribute: look only at what follows it.
    name_end = len(tag) + 1
    rel = next(
        (
            _value(m)
            for m in _ATTRIBUTE.finditer(raw[name_end:])
            if m.group("name").lower() == "rel" and m.group("eq") is not None
        ),
        "",
    )

    def replace(match: re.Match[str]) -> str:
        nonlocal removed_action
        name = match.group("name").lower()
        if match.group("eq") is None:
            return match.group(0)
        url = _value(match)
        if name == "style":
            new_css = rewrite_css(url, lambda u: rewrite(Reference(tag, "style", u)))
            return f'{match.group("lead")}style="{html.escape(new_css, quote=True)}"'
        if not _is_url_attribute(name):
            return match.group(0)
        new_url = rewrite(Reference(tag, name, url, rel))
        if new_url is None:
            removed_action = removed_action or (tag == "form" and name == "action")
            return ""
        return f'{match.group("lead")}{match.group("name")}="{html.escape(new_url, quote=True)}"'

    body = _ATTRIBUTE.sub(replace, raw[name_end:])
    rewritten = raw[:name_end] + body
    if (removed_action or hide_forms) and tag == "form":
        rewritten = _hide(tag, rewritten)
    return rewritten


def _hide(tag: str, raw: str) -> str:
    """A form whose target is not part of the site cannot work there: hide it. The
    inline style wins over a stylesheet's ``display`` (which ``hidden`` alone does not)."""
    name_end = len(tag) + 1
    kept = _ATTRIBUTE.sub(
        lambda m: "" if m.group("name").lower() in {"hidden", "style"} else m.group(0),
        raw[name_end:],
    )
    tag_text = raw[:name_end] + kept
    closing = len(tag_text) - (2 if tag_text.endswith("/>") else 1)
    return tag_text[:closing] + ' hidden style="display:none"' + tag_text[closing:]


def rewrite_html(text: str, rewrite: UrlRewriter, hide_forms: bool = False) -> str:
    """Return ``text`` with each URL-valued attribute passed through ``rewrite``; with
    ``hide_forms`` every form is hidden (a static site cannot answer one)."""
    parser = _StartTags()
    parser.feed(text)
    parser.close()
    offsets = _line_offsets(text)
    pieces: list[str] = []
    position = 0
    for (line, column), tag, raw in parser.tags:
        start = offsets[line - 1] + column
        if text[start : start + len(raw)] != raw:  # the parser lost its place: leave as is
            continue
        pieces.append(text[position:start])
        pieces.append(_rewrite_tag(tag, raw, rewrite, hide_forms))
        position = start + len(raw)
    pieces.append(text[position:])
    return "".join(pieces)


def html_references(text: str) -> list[Reference]:
    """Every URL the page refers to through an attribute (style attributes included)."""
    found: list[Reference] = []

    def note(reference: Reference) -> str:
        found.append(reference)
        return reference.url

    rewrite_html(text, note)
    return found


def rewrite_css(text: str, rewrite: Callable[[str], str | None]) -> str:
    """Rewrite ``url(...)`` and ``@import "..."`` references of a stylesheet; a
    reference that ``rewrite`` drops becomes an empty ``url()``."""

    def replace_url(match: re.Match[str]) -> str:
        new_url = rewrite(match.group("url"))
        return f'url("{new_url or ""}")'

    def replace_import(match: re.Match[str]) -> str:
        new_url = rewrite(match.group("url"))
        return f'@import "{new_url or ""}"'

    return _CSS_IMPORT.sub(replace_import, _CSS_URL.sub(replace_url, text))


def css_references(text: str) -> list[str]:
    found: list[str] = []

    def note(url: str) -> str:
        found.append(url)
        return url

    rewrite_css(text, note)
    return found
