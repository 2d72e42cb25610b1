"""The extractor on the blind article sets, item by item.

Every expected event, not-event, event's actor list and noise row of an article is an
item with a name (``datasette_timeline.event_scoring``). An item that fails must be in
the set's known-failure list with the reason; an item on that list that now passes must
leave it, so the list stays true. ``python scripts/score_blind.py SET --update-known``
rewrites the lists after a change (review the diff: every new entry needs a reason).
Figures: ``python scripts/score_blind.py SET --by-outlet``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from datasette_timeline.event_scoring import ArticleResult, score_expected_file

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
DEV = ROOT / "tests" / "fixtures" / "blind" / "dev"
KNOWN_EVENTS = DEV / "known_failures.events.json"
KNOWN_ACTORS = DEV / "known_failures.actors.json"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not CORPORA.is_dir(), reason="needs ../shared/corpora"),
]


def is_actor_item(name: str) -> bool:
    return name.endswith(":actors")


def known(path: Path, stem: str) -> dict[str, str]:
    entries: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return {name: why for name, why in entries.items() if name.startswith(f"{stem}#")}


def check(result: ArticleResult, expected_failures: dict[str, str], actors: bool) -> None:
    failing = {n: w for n, w in result.failures.items() if is_actor_item(n) == actors}
    new = {n: w for n, w in failing.items() if n not in expected_failures}
    fixed = sorted(set(expected_failures) - set(failing))
    message = []
    if new:
        message.append(
            "new failures:\n  " + "\n  ".join(f"{n}: {w}" for n, w in sorted(new.items()))
        )
    if fixed:
        message.append("now passing, remove from the known-failure list:\n  " + "\n  ".join(fixed))
    assert not message, "\n".join(message)


ARTICLES = sorted(DEV.glob("*.expected.json"))
IDS = [path.name.removesuffix(".expected.json") for path in ARTICLES]


@pytest.mark.parametrize("expected_path", ARTICLES, ids=IDS)
def test_dev_article_events(expected_path: Path) -> None:
    result = score_expected_file(expected_path, CORPORA)
    check(result, known(KNOWN_EVENTS, result.stem), actors=False)


@pytest.mark.parametrize("expected_path", ARTICLES, ids=IDS)
def test_dev_article_actors(expected_path: Path) -> None:
    result = score_expected_file(expected_path, CORPORA)
    check(result, known(KNOWN_ACTORS, result.stem), actors=True)
