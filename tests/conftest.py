"""Shared test helpers: paths to the bundled examples and the development corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "corpora"
KARABAKH = EXAMPLES / "karabakh-2020-11-03.txt"


def corpus(name: str) -> Path:
    """Path of a development corpus, skipping the test when ../shared is absent."""
    path = CORPORA / name
    if not path.exists():
        pytest.skip(f"development corpus {path} is absent (it lives in ../shared, beside the repo)")
    return path
