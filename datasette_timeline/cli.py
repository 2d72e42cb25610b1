"""The ``datasette-timeline`` entry point; the commands live in ``datasette_timeline.commands``."""

from __future__ import annotations

from .commands import cli

__all__ = ["cli"]

if __name__ == "__main__":
    cli()
