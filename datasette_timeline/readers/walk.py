"""Expand the command line's inputs into documents, one at a time, whatever their kind.

Inputs are files, folders (searched recursively), ``-`` for standard input, http(s)
URLs and ``DATABASE:TABLE`` table specs. The kind of a file comes from ``--format``,
else its extension, else (stdin, URLs, unknown extensions) a look at its first bytes.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from .document import MEGABYTE, Document, InputError, ReadOptions
from .fetch import fetch
from .html import read_html_bytes
from .language import settle_language
from .records import read_csv, read_json_array, read_json_lines, read_sqlite_table
from .streams import PrefixedStream
from .text import read_text_bytes, read_text_stream
from .timeml import read_timeml_bytes

FORMATS = ("text", "html", "jsonl", "json", "csv", "tsv", "timeml")
SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tml": "timeml",
}
# Formats holding one article per file; the others hold many records.
WHOLE_FILE_FORMATS = frozenset({"text", "html", "timeml"})
_SNIFF_BYTES = 4096


def iter_documents(
    inputs: Iterable[str],
    published: str | None = None,
    *,
    options: ReadOptions | None = None,
    tables: Iterable[str] = (),
) -> Iterator[Document | InputError]:
    """Yield a Document per readable article and an InputError per unreadable one, in order.

    Every Document comes with its language settled (``language.settle_language``).
    """
    if options is None:
        options = ReadOptions(published=published)
    language = options.language
    for name in inputs:
        if name == "-":
            yield from _guarded(
                read_stream(sys.stdin.buffer, "<stdin>", options), "<stdin>", language
            )
        elif is_url(name):
            yield from _guarded(read_url(name, options), name, language)
        else:
            for item in iter_input_paths([name], options.glob):
                if isinstance(item, InputError):
                    yield item
                else:
                    yield from _guarded(read_path(item, options), str(item), language)
    for spec in tables:
        yield from _guarded(read_sqlite_table(spec, options), spec, language)


def _guarded(
    documents: Iterator[Document | InputError], name: str, language: str | None
) -> Iterator[Document | InputError]:
    """Settle each document's language (``language``: the one chosen for every input, or
    None), and turn a reader's failure into an InputError item, so the other inputs go on."""
    try:
        for item in documents:
            yield item if isinstance(item, InputError) else settle_language(item, language)
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(f"{name}: cannot read ({error.strerror or error})")
    except Exception as error:  # a reader's bug must not end the run: name the input
        yield InputError(
            f"{name}: unexpected {type(error).__name__} while reading ({error}); "
            "please report this with the file"
        )


def is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def iter_input_paths(inputs: Iterable[str], glob: str | None = None) -> Iterator[Path | InputError]:
    """Files named and files found in folders (recursively, hidden ones left out), in order."""
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found = sorted(_folder_files(path, glob))
            if not found:
                wanted = glob or ", ".join(sorted(SUFFIX_FORMATS))
                yield InputError(f"{path}: folder holds no article files ({wanted})")
            yield from found
        elif path.exists():  # a file, or a pipe such as bash's <(command)
            yield path
        else:
            yield InputError(f"{path}: no such file or folder")


def _folder_files(folder: Path, glob: str | None) -> Iterator[Path]:
    for path in folder.rglob(glob or "*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        if glob or path.suffix.lower() in SUFFIX_FORMATS:
            yield path


def count_articles(inputs: Iterable[str], glob: str | None, format: str | None) -> int | None:
    """How many documents the inputs hold, when that is known without reading them.

    Only files of one-article formats can be counted; records and stdin cannot.
    """
    total = 0
    for name in inputs:
        if name == "-" or is_url(name):
            total += 1
            continue
        for item in iter_input_paths([name], glob):
            if isinstance(item, InputError):
                continue
            kind = format or SUFFIX_FORMATS.get(item.suffix.lower())
            if kind not in WHOLE_FILE_FORMATS:
                return None
            total += 1
    return total


def read_path(path: Path, options: ReadOptions) -> Iterator[Document | InputError]:
    with path.open("rb") as stream:
        yield from read_stream(stream, str(path), options, SUFFIX_FORMATS.get(path.suffix.lower()))


def read_stream(
    stream: BinaryIO, source: str, options: ReadOptions, suffix_format: str | None = None
) -> Iterator[Document | InputError]:
    """Read one input of any kind from a binary stream."""
    head = stream.read(_SNIFF_BYTES)
    if not head.strip() and len(head) < _SNIFF_BYTES:
        raise InputError(f"{source}: empty file, nothing to extract")
    kind = options.format or suffix_format or sniff_format(head)
    whole = io.BufferedReader(PrefixedStream(head, stream))
    yield from _READERS[kind](whole, source, options)


def sniff_format(head: bytes) -> str:
    """Guess the kind of an input from its first bytes."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    lowered = head[:_SNIFF_BYTES].lower()
    if start == b"<":
        return (
            "timeml"
            if b"<timeml" in lowered or (b"<text>" in lowered and b"<dct>" in lowered)
            else "html"
        )
    if start == b"[":
        return "json"
    if start == b"{":
        return "jsonl"
    return "text"


def _read_whole(stream: BinaryIO, source: str, options: ReadOptions) -> bytes:
    data = stream.read(options.max_page_bytes + 1)
    if len(data) > options.max_page_bytes:
        raise InputError(
            f"{source}: larger than {options.max_page_bytes / MEGABYTE:g} MB, too large for one "
            "page; save the article alone (or give plain text, which is read in parts)"
        )
    return data


def _text(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Document]:
    return read_text_stream(stream, source, options.published)


def _html(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Document]:
    yield read_html_bytes(_read_whole(stream, source, options), source, options.published)


def _timeml(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Document]:
    yield read_timeml_bytes(_read_whole(stream, source, options), source, options.published)


def _tsv(stream: BinaryIO, source: str, options: ReadOptions) -> Iterator[Document | InputError]:
    return read_csv(stream, source, options, delimiter="\t")


_READERS: dict[str, Callable[[BinaryIO, str, ReadOptions], Iterator[Document | InputError]]] = {
    "text": _text,
    "html": _html,
    "timeml": _timeml,
    "jsonl": read_json_lines,
    "json": read_json_array,
    "csv": read_csv,
    "tsv": _tsv,
}


def read_url(url: str, options: ReadOptions) -> Iterator[Document | InputError]:
    fetched = fetch(url, timeout=options.fetch_timeout, max_bytes=options.max_page_bytes)
    kind = options.format or _media_format(fetched.content_type) or sniff_format(fetched.data)
    if kind == "html":
        yield read_html_bytes(fetched.data, url, options.published, url=fetched.url)
    elif kind == "text":
        document = read_text_bytes(fetched.data, url, options.published)
        document.url = fetched.url
        yield document
    else:
        yield from _READERS[kind](io.BytesIO(fetched.data), url, options)


def _media_format(media_type: str) -> str | None:
    return {
        "text/html": "html",
        "application/xhtml+xml": "html",
        "text/plain": "text",
        "text/csv": "csv",
        "application/json": "json",
        "application/x-ndjson": "jsonl",
        "application/jsonl": "jsonl",
    }.get(media_type)
