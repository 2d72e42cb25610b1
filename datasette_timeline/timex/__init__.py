"""TIMEX3 temporal tagging: ``tag(text, dct)`` returns the expressions of a text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .model import Timex

if TYPE_CHECKING:
    from .tagger import tag

__all__ = ["Timex", "tag"]


def __getattr__(name: str) -> Any:
    # The tagger (and its tables) load when first asked for, so that the web layer can
    # read TIMEX3 values with ``timex.values`` without them.
    if name == "tag":
        from .tagger import tag

        return tag
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
