"""Storage: merge candidates narrowed in SQL decide as scoring every stored event would,
and dates at the edges of the calendar are stored and merged without overflow."""

from __future__ import annotations

import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from datasette_timeline.events import ActorRef, Event, MergeKey, merge_key, merge_score
from datasette_timeline.readers import Document
from datasette_timeline.storage import days_before, event_id, open_database, save_document


def document(name: str) -> Document:
    """A document whose id (a hash of its text) differs with ``name``."""
    return Document(text=f"Article {name}.", source=f"{name}.txt", published="2020-01-01")


def event(
    date: str,
    start: str,
    end: str,
    *,
    offset: int = 0,
    kind: str = "military",
    actors: tuple[ActorRef, ...] = (ActorRef("Rome", "country"),),
    sentence: str = "The legions of Rome crossed the river and burned the bridge",
) -> Event:
    return Event(
        date=date,
        precision=None,
        start=start,
        end=end,
        expression=date,
        char_start=offset,
        char_end=offset + len(date),
        text=sentence,
        sentence=sentence,
        actors=list(actors),
        event_type=kind,
    )


def merges(db_path: Path) -> dict[str, str | None]:
    with sqlite3.connect(db_path) as connection:
        return dict(connection.execute("select id, merged_into from events"))


def test_days_before_clamps_at_the_first_day_of_the_calendar() -> None:
    assert days_before("2020-03-01", 1) == "2020-02-29"
    assert days_before("0001-01-20", 31) == "0001-01-01"
    assert days_before("0001-01-01", 31) == "0001-01-01"
    assert days_before("9999-12-31", 31) == "9999-11-30"
    assert days_before("1998-XX-XX", 31) is None


def test_events_dated_year_1_and_year_9999_are_stored_and_merged(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    db = open_database(path)
    year_one = ("0001", "0001-01-01", "0001-12-31")
    first_day = ("0001-01-01", "0001-01-01", "0001-01-01")
    last_day = ("9999-12-31", "9999-12-31", "9999-12-31")
    earlier = [event(*year_one), event(*first_day, offset=10), event(*last_day, offset=20)]
    later = [event(*year_one), event(*first_day, offset=10), event(*last_day, offset=20)]
    first, second = document("a"), document("b")
    assert save_document(db, first, earlier)
    assert save_document(db, second, later)
    db.close()
    stored = merges(path)
    assert len(stored) == 6
    # Each date of the second document is the same event as the first's.
    for a, b in zip(earlier, later, strict=True):
        assert stored[event_id(second.id, b)] == event_id(first.id, a)
        assert stored[event_id(first.id, a)] is None


@pytest.mark.parametrize(
    "stored, new",
    [
        (("1998-02", "1998-02-01", "1998-02-28"), ("1998-02-01", "1998-02-01", "1998-02-01")),
        (("1998-02", "1998-02-01", "1998-02-28"), ("1998-02-28", "1998-02-28", "1998-02-28")),
        (("1998-02-01", "1998-02-01", "1998-02-01"), ("1998-02", "1998-02-01", "1998-02-28")),
        (("1998-02-28", "1998-02-28", "1998-02-28"), ("1998-02", "1998-02-01", "1998-02-28")),
        (("1998-01", "1998-01-01", "1998-01-31"), ("1998-01-31", "1998-01-31", "1998-01-31")),
        (("1998", "1998-01-01", "1998-12-31"), ("1998", "1998-01-01", "1998-12-31")),
        (("9999-12", "9999-12-01", "9999-12-31"), ("9999-12-01", "9999-12-01", "9999-12-01")),
    ],
)
def test_a_date_merges_with_a_stored_one_that_holds_it_or_lies_in_it(
    tmp_path: Path, stored: tuple[str, str, str], new: tuple[str, str, str]
) -> None:
    """Containment at the edges of a month (its first and last day), both ways; a
    31-day month starts 30 days before its last day."""
    path = tmp_path / "events.db"
    db = open_database(path)
    first, second = document("a"), document("b")
    save_document(db, first, [event(*stored)])
    save_document(db, second, [event(*new)])
    db.close()
    assert merges(path)[event_id(second.id, event(*new))] == event_id(first.id, event(*stored))


# --- narrowed candidates against scoring every stored event ----------------------------

DATES = [
    ("0001", "0001-01-01", "0001-12-31"),
    ("0001-01-03", "0001-01-03", "0001-01-03"),
    ("0001-01", "0001-01-01", "0001-01-31"),
    ("1998-02", "1998-02-01", "1998-02-28"),
    ("1998-02-01", "1998-02-01", "1998-02-01"),
    ("1998-02-10", "1998-02-10", "1998-02-10"),
    ("1998-02-10T09:00", "1998-02-10", "1998-02-10"),
    ("1998-02-27", "1998-02-27", "1998-02-27"),
    ("1998-03-02", "1998-03-02", "1998-03-02"),
    ("1998-W09", "1998-02-23", "1998-03-01"),
    ("1998", "1998-01-01", "1998-12-31"),
    ("9999-12", "9999-12-01", "9999-12-31"),
    ("9999-12-31", "9999-12-31", "9999-12-31"),
]
# One name under two kinds: the merge rule compares names only.
ACTORS = [
    ActorRef("Jordan", "country"),
    ActorRef("Jordan", "person"),
    ActorRef("Ali Hassan", "person"),
]
# Few sentences, so that pairs often agree (and tie) on their words.
SENTENCES = [
    "Troops crossed the border and shelled the village",
    "Troops crossed the border and shelled the village again",
    "The ministers signed a treaty in the capital",
    "",
]


@dataclass(frozen=True)
class Spec:
    date: int
    kind: str
    actors: frozenset[int]
    sentence: int


specs = st.builds(
    Spec,
    date=st.integers(0, len(DATES) - 1),
    kind=st.sampled_from(["military", "agreement"]),
    actors=st.frozensets(st.integers(0, len(ACTORS) - 1), max_size=2),
    sentence=st.integers(0, len(SENTENCES) - 1),
)


def build(spec: Spec, offset: int) -> Event:
    date, start, end = DATES[spec.date]
    return event(
        date,
        start,
        end,
        offset=offset,
        kind=spec.kind,
        actors=tuple(ACTORS[i] for i in sorted(spec.actors)),
        sentence=SENTENCES[spec.sentence],
    )


def expected_merges(documents: list[list[Event]]) -> dict[str, str | None]:
    """The merge rule applied to every earlier unmerged event of another document."""
    stored: list[tuple[str, str, MergeKey, str | None]] = []  # id, document, key, merged
    for number, events in enumerate(documents):
        document_id = document(f"d{number}").id
        for new in events:
            key = merge_key(new)
            best: tuple[float, str] | None = None
            for identifier, other_document, other, merged in sorted(stored):
                if merged is not None or other_document == document_id:
                    continue
                score = merge_score(key, other)
                if score is not None and (best is None or score > best[0]):
                    best = (score, identifier)
            stored.append((event_id(document_id, new), document_id, key, best and best[1]))
    return {identifier: merged for identifier, _, _, merged in stored}


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(specs, min_size=1, max_size=4), min_size=2, max_size=6))
def test_merges_are_those_of_scoring_every_stored_event(documents: list[list[Spec]]) -> None:
    built = [[build(spec, 10 * i) for i, spec in enumerate(specs_)] for specs_ in documents]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.db"
        db = open_database(path)
        for number, events in enumerate(built):
            save_document(db, document(f"d{number}"), events)
        db.close()
        assert merges(path) == expected_merges(built)
