"""The tense around an expression, read by the language's clause grammar."""

from __future__ import annotations

from .lang.en.tense import read_tense
from .reading import Direction, Reading

Tense = Direction

__all__ = ["Reading", "Tense", "read_tense"]
