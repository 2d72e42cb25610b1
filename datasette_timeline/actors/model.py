"""The record every entity finder returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

KINDS = ("person", "country", "organization", "place")
ACTOR_KINDS = ("person", "country", "organization")


@dataclass(frozen=True)
class Entity:
    """A named person, country, organisation or place found in a text.

    ``start``/``end`` are Python offsets of the words as written (``text``); ``name``
    is the canonical name shared by every mention of the same entity in the document
    ("Khamenei" and "Iran's Supreme Leader Ali Khamenei" are both "Ali Khamenei").
    ``code`` is the ISO 3166-1 alpha-2 code of a country. ``via`` says which rule found
    it ("name", "demonym", "capital", "short-name", "pronoun", "title", "spacy", ...).
    """

    start: int
    end: int
    text: str
    name: str
    kind: str
    code: str | None = None
    via: str = "name"

    @property
    def is_actor(self) -> bool:
        return self.kind in ACTOR_KINDS

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
