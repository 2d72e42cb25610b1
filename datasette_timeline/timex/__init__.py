"""TIMEX3 temporal tagging: ``tag(text, dct)`` returns the expressions of a text."""

from __future__ import annotations

from .model import Timex
from .tagger import tag

__all__ = ["Timex", "tag"]
