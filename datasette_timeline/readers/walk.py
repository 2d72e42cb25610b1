"""Expand the command line's inputs (files and folders) into documents, one at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .document import Document, InputError
from .text import read_text_file

TEXT_SUFFIXES = {".txt", ".text"}


def iter_input_paths(inputs: Iterable[str]) -> Iterator[Path | InputError]:
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
            )
            if not found:
                yield InputError(
                    f"{path}: folder holds no article files ({', '.join(sorted(TEXT_SUFFIXES))})"
                )
            yield from found
        elif path.is_file():
            yield path
        else:
            yield InputError(f"{path}: no such file or folder")


def iter_documents(
    inputs: Iterable[str], published: str | None = None
) -> Iterator[Document | InputError]:
    """Yield a Document per readable input and an InputError per unreadable one, in order."""
    for item in iter_input_paths(inputs):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield read_text_file(item, published)
        except InputError as error:
            yield error
