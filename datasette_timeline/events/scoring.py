"""Score extracted events against what a careful reader lists (the blind article sets).

An expected file (format in ``tests/fixtures/blind/README.md``) lists every dated event
of an article (``core`` or ``minor``), each with the other mentions of the same event
(``also``), and the dated phrases that are not events (``not_events``). Extracted rows are
paired one to one with expected events:

- a row whose expression overlaps a mention of an expected event is that event's row
  (the first such row; a second one is a duplicate);
- a row dated by the publication (``dated_by == "publication"``) is the row of an
  expected publication-dated event whose sentence it shares;
- any other row is noise: it hits a ``not_event`` (with its reason) or nothing listed.

Each expected event, not-event and noise row is an *item* with a stable name
(``STEM#e3``, ``STEM#n1``, ``STEM#row@1234``), so tests can check items by name against a
documented list of known failures. Pure functions: the caller runs the extractor.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..sentences import sentence_spans

Span = tuple[int, int]
# How far (characters) the phrases of an item may lie from its expression, within a paragraph.
_REACH = 400


@dataclass
class ExpectedEvent:
    name: str
    expression: str | None
    spans: list[Span]  # the expression and every other mention ("also")
    sentence: Span  # where a publication-dated event is told
    values: list[str]  # the value and the accepted alternatives
    precision: str
    weight: str
    type: str | None
    actors: list[str]
    dated_by: str | None


@dataclass
class NotEvent:
    name: str
    expression: str
    spans: list[Span]
    why: str


@dataclass
class Entity:
    key: str
    kind: str
    names: frozenset[str]  # the key and its aliases, lower-cased


@dataclass
class ArticleExpectation:
    stem: str
    outlet: str
    kind: str
    events: list[ExpectedEvent]
    not_events: list[NotEvent]
    entities: dict[str, Entity]
    places: set[str]
    not_places: set[str]
    not_actors: set[str]


@dataclass
class Counts:
    found: int = 0
    expected: int = 0
    correct: int = 0

    def add(self, found: int, expected: int, correct: int) -> None:
        self.found += found
        self.expected += expected
        self.correct += correct

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def line(self) -> str:
        return (
            f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} "
            f"({self.correct} right of {self.found} found, {self.expected} expected)"
        )


@dataclass
class Scores:
    """Totals over one or more articles."""

    articles: int = 0
    rows: int = 0
    right_rows: int = 0  # rows paired with a reader's event
    duplicates: int = 0
    noise_by_reason: dict[str, int] = field(default_factory=dict)
    core: int = 0
    core_found: int = 0
    minor: int = 0
    minor_found: int = 0
    value_right: int = 0
    typed: int = 0
    type_right: int = 0
    actors: Counts = field(default_factory=Counts)
    actors_by_kind: dict[str, Counts] = field(default_factory=dict)
    junk_actors: int = 0
    junk_by_reason: dict[str, int] = field(default_factory=dict)
    places: Counts = field(default_factory=Counts)

    @property
    def found(self) -> int:
        return self.core_found + self.minor_found

    @property
    def precision(self) -> float:
        return self.right_rows / self.rows if self.rows else 1.0

    @property
    def core_recall(self) -> float:
        return self.core_found / self.core if self.core else 1.0

    @property
    def value_accuracy(self) -> float:
        return self.value_right / self.found if self.found else 1.0

    def merge(self, other: Scores) -> None:
        for name in (
            "articles rows right_rows duplicates core core_found minor minor_found "
            "value_right typed type_right junk_actors"
        ).split():
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for reason, count in other.noise_by_reason.items():
            self.noise_by_reason[reason] = self.noise_by_reason.get(reason, 0) + count
        for reason, count in other.junk_by_reason.items():
            self.junk_by_reason[reason] = self.junk_by_reason.get(reason, 0) + count
        for counts, theirs in ((self.actors, other.actors), (self.places, other.places)):
            counts.add(theirs.found, theirs.expected, theirs.correct)
        for kind, theirs in other.actors_by_kind.items():
            self.actors_by_kind.setdefault(kind, Counts()).add(
                theirs.found, theirs.expected, theirs.correct
            )

    def lines(self, label: str) -> list[str]:
        def share(part: int, whole: int) -> str:
            return f"{part / whole:.3f} ({part}/{whole})" if whole else "n/a"

        noise = ", ".join(f"{k} {v}" for k, v in sorted(self.noise_by_reason.items()))
        junk = ", ".join(f"{k} {v}" for k, v in sorted(self.junk_by_reason.items()))
        per_kind = "; ".join(
            f"{kind} {counts.line()}" for kind, counts in sorted(self.actors_by_kind.items())
        )
        per_100 = 100 * self.junk_actors / self.rows if self.rows else 0.0
        return [
            f"{label}: {self.articles} articles, {self.rows} rows",
            f"  event precision {share(self.right_rows, self.rows)}; "
            f"core recall {share(self.core_found, self.core)}; "
            f"minor recall {share(self.minor_found, self.minor)}",
            f"  right value at the right precision {share(self.value_right, self.found)}; "
            f"type {share(self.type_right, self.typed)}",
            f"  noise rows: duplicates {self.duplicates}" + (f", {noise}" if noise else ""),
            f"  actors (events found) {self.actors.line()}",
            f"    by kind: {per_kind}",
            f"  junk actors {self.junk_actors} ({per_100:.1f} per 100 rows)"
            + (f": {junk}" if junk else ""),
            f"  places {self.places.line()}",
        ]


@dataclass
class ArticleResult:
    stem: str
    scores: Scores
    # Item name -> failure description; items that pass are in ``passed``.
    failures: dict[str, str] = field(default_factory=dict)
    passed: set[str] = field(default_factory=set)


# --- reading expected files -------------------------------------------------------------


def _paragraph_bounds(text: str, position: int) -> Span:
    start = text.rfind("\n\n", 0, position)
    end = text.find("\n\n", position)
    return (0 if start < 0 else start, len(text) if end < 0 else end)


def _occurrences(text: str, phrase: str, begin: int = 0) -> list[int]:
    found = []
    position = text.find(phrase, begin)
    while position >= 0 and phrase:
        found.append(position)
        position = text.find(phrase, position + 1)
    return found


def locate(
    text: str, expression: str | None, phrases: Sequence[str], begin: int = 0
) -> tuple[Span, Span] | None:
    """The span of ``expression`` whose neighbourhood holds every phrase, and the span
    covering the expression and the phrases (for an item without an expression: the
    phrases' span). None when the text has no such place."""
    anchors: list[int | None] = (
        list(_occurrences(text, expression, begin)) if expression else [None]
    )
    best: tuple[int, Span, Span] | None = None
    for anchor in anchors:
        points = [] if anchor is None else [anchor]
        ok = True
        distance = 0
        for phrase in phrases:
            hits = _occurrences(text, phrase, begin)
            if anchor is not None:
                low, high = _paragraph_bounds(text, anchor)
                hits = [h for h in hits if low <= h < high and abs(h - anchor) < _REACH]
            if not hits:
                ok = False
                break
            hit = min(hits, key=lambda h: abs(h - anchor) if anchor is not None else h)
            distance += abs(hit - anchor) if anchor is not None else 0
            points.append(hit)
        if not ok or not points:
            continue
        expr_span = (
            (anchor, anchor + len(expression)) if anchor is not None and expression else (0, 0)
        )
        cover = (min(points), max(points) + 1)
        if best is None or distance < best[0]:
            best = (distance, expr_span, cover)
    if best is None:
        return None
    return best[1], best[2]


def _sentence_cover(sentences: Sequence[Span], cover: Span) -> Span:
    inside = [s for s in sentences if s[0] < cover[1] and cover[0] < s[1]]
    if not inside:
        return cover
    return (inside[0][0], inside[-1][1])


def read_expectation(
    text: str, data: dict[str, Any], stem: str, begin: int = 0
) -> ArticleExpectation:
    """Resolve an expected file's phrases to spans of ``text`` (raises ValueError if one is
    missing: the file and the text disagree)."""
    sentences = sentence_spans(text)
    events: list[ExpectedEvent] = []
    for number, item in enumerate(data["events"], 1):
        name = f"{stem}#e{number}"
        found = locate(text, item.get("expression"), item.get("text_contains", []), begin)
        if found is None:
            raise ValueError(
                f"{name}: {item.get('expression')!r} with {item.get('text_contains')} not found"
            )
        expr_span, cover = found
        spans = [expr_span] if item.get("expression") else []
        for other in item.get("also", []):
            also = locate(text, other["expression"], other.get("text_contains", []), begin)
            if also is None:
                raise ValueError(f"{name}: also {other} not found")
            spans.append(also[0])
        events.append(
            ExpectedEvent(
                name=name,
                expression=item.get("expression"),
                spans=spans,
                sentence=_sentence_cover(sentences, cover),
                values=[item["value"], *item.get("accept", [])],
                precision=item["precision"],
                weight=item.get("weight", "core"),
                type=item.get("type"),
                actors=list(item.get("actors", [])),
                dated_by=item.get("dated_by"),
            )
        )
    not_events: list[NotEvent] = []
    for number, item in enumerate(data.get("not_events", []), 1):
        name = f"{stem}#n{number}"
        phrases = item.get("text_contains", [])
        if phrases:
            # A not-event may sit in the headline, which lies before ``begin``.
            found = locate(text, item["expression"], phrases, begin) or locate(
                text, item["expression"], phrases
            )
            if found is None:
                raise ValueError(f"{name}: {item['expression']!r} not found")
            spans = [found[0]]
        else:
            # Without context phrases a not-event stands for every occurrence.
            positions = _occurrences(text, item["expression"], begin) or _occurrences(
                text, item["expression"]
            )
            spans = [(p, p + len(item["expression"])) for p in positions]
            if not spans:
                raise ValueError(f"{name}: {item['expression']!r} not found")
        not_events.append(NotEvent(name, item["expression"], spans, item.get("why", "other")))
    entities = {
        key: Entity(
            key,
            value.get("kind", "organization"),
            frozenset(n.lower() for n in [key, *value.get("aliases", [])]),
        )
        for key, value in data.get("entities", {}).items()
    }
    return ArticleExpectation(
        stem=stem,
        outlet=data.get("outlet", ""),
        kind=data.get("kind", ""),
        events=events,
        not_events=not_events,
        entities=entities,
        places=set(data.get("places", [])),
        not_places=set(data.get("not_places", [])),
        not_actors=set(data.get("not_actors", [])),
    )


# --- pairing and scoring ------------------------------------------------------------------


def _reason_word(why: str) -> str:
    """The reason's category ("name: the 2005 prizes" -> "name"), for counting."""
    return why.split(":")[0].split(" (")[0].split(",")[0].strip() or "other"


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def row_spans(row: Any) -> list[Span]:
    """The expression of a row and of its other mentions in the same article."""
    spans = [(row.char_start, row.char_end)]
    for mention in getattr(row, "mentions", None) or []:
        if isinstance(mention, tuple):
            spans.append((int(mention[0]), int(mention[1])))
        else:
            spans.append((int(mention.char_start), int(mention.char_end)))
    return spans


def _value_right(row: Any, wanted: ExpectedEvent) -> bool:
    value = str(row.date)
    return value in wanted.values or value.split("T")[0] in wanted.values


def _entity_of(name: str, entities: dict[str, Entity]) -> Entity | None:
    lowered = name.lower()
    for entity in entities.values():
        if lowered in entity.names:
            return entity
    return None


def _junk_reason(name: str, kind: str, expectation: ArticleExpectation) -> str | None:
    """Why an extracted actor is junk: not an entity of the article, a fragment of a longer
    name, or the wrong kind. None when it is a real actor of the article."""
    entity = _entity_of(name, expectation.entities)
    if entity is not None:
        return None if entity.kind == kind else "wrong kind"
    lowered = name.lower()
    if any(
        lowered in other and lowered != other
        for e in expectation.entities.values()
        for other in e.names
    ):
        return "fragment"
    return "not an actor"


def score_article(text: str, rows: Sequence[Any], expectation: ArticleExpectation) -> ArticleResult:
    scores = Scores(articles=1, rows=len(rows))
    result = ArticleResult(expectation.stem, scores)
    pairs: dict[str, Any] = {}
    paired_rows: set[int] = set()
    # Rows whose own expression is a mention of the event come first, then rows that
    # carry it among their other mentions, then publication-dated rows by sentence.
    for strength in ("primary", "mention", "publication"):
        for index, row in enumerate(rows):
            if index in paired_rows:
                continue
            spans = row_spans(row)
            for wanted in expectation.events:
                if wanted.name in pairs:
                    continue
                if strength == "publication":
                    hit = (
                        wanted.dated_by == "publication"
                        and getattr(row, "dated_by", None) == "publication"
                        and _overlaps((row.sentence_start, row.sentence_end), wanted.sentence)
                    )
                else:
                    chosen = spans[:1] if strength == "primary" else spans[1:]
                    hit = any(_overlaps(s, w) for s in chosen for w in wanted.spans)
                if hit:
                    pairs[wanted.name] = row
                    paired_rows.add(index)
                    break
    scores.right_rows = len(paired_rows)
    for index, row in enumerate(rows):
        if index in paired_rows:
            continue
        spans = row_spans(row)
        label = f"{row.expression!r} -> {row.date}"
        if any(_overlaps(s, w) for s in spans for e in expectation.events for w in e.spans):
            reason = "duplicate"
            scores.duplicates += 1
        else:
            hit = next(
                (
                    n
                    for n in expectation.not_events
                    if any(_overlaps(s, w) for s in spans for w in n.spans)
                ),
                None,
            )
            reason = f"not-event ({_reason_word(hit.why)})" if hit else "unlisted"
            scores.noise_by_reason[reason] = scores.noise_by_reason.get(reason, 0) + 1
        result.failures[f"{expectation.stem}#row@{row.char_start}"] = f"{reason}: {label}"
    for not_event in expectation.not_events:
        offending = [
            row
            for row in rows
            if any(_overlaps(s, w) for s in row_spans(row) for w in not_event.spans)
        ]
        if any(rows.index(r) not in paired_rows for r in offending):
            result.failures[not_event.name] = (
                f"extracted: {not_event.expression!r} ({not_event.why})"
            )
        else:
            result.passed.add(not_event.name)
    for wanted in expectation.events:
        if wanted.weight == "core":
            scores.core += 1
        else:
            scores.minor += 1
        row = pairs.get(wanted.name)
        label = f"{wanted.expression!r} ({wanted.weight})"
        if row is None:
            result.failures[wanted.name] = f"missed: {label}, want {wanted.values[0]}"
            continue
        if wanted.weight == "core":
            scores.core_found += 1
        else:
            scores.minor_found += 1
        if _value_right(row, wanted):
            scores.value_right += 1
            result.passed.add(wanted.name)
        else:
            result.failures[wanted.name] = (
                f"value: {label} got {row.date} ({row.precision}), want {' or '.join(wanted.values)}"
            )
        if wanted.type:
            scores.typed += 1
            scores.type_right += row.event_type == wanted.type
        _score_actors(row, wanted, expectation, scores, result)
    _score_junk(rows, expectation, scores)
    _score_places(rows, paired_rows, expectation, scores)
    return result


def _score_actors(
    row: Any,
    wanted: ExpectedEvent,
    expectation: ArticleExpectation,
    scores: Scores,
    result: ArticleResult,
) -> None:
    found: dict[str, str] = {}  # entity key (or raw name) -> kind
    for actor in row.actors:
        entity = _entity_of(actor.name, expectation.entities)
        found[entity.key if entity else actor.name] = actor.kind
    want = set(wanted.actors)
    right = set(found) & want
    scores.actors.add(len(found), len(want), len(right))
    for key in want | set(found):
        entity = expectation.entities.get(key)
        kind = entity.kind if entity else found.get(key, "organization")
        counts = scores.actors_by_kind.setdefault(kind, Counts())
        counts.add(int(key in found), int(key in want), int(key in right))
    name = f"{wanted.name}:actors"
    if right == want and set(found) == want:
        result.passed.add(name)
    else:
        result.failures[name] = (
            f"actors of {wanted.expression!r}: missing {sorted(want - right)}, "
            f"extra {sorted(set(found) - want)}"
        )


def _score_junk(rows: Sequence[Any], expectation: ArticleExpectation, scores: Scores) -> None:
    for row in rows:
        for actor in row.actors:
            reason = _junk_reason(actor.name, actor.kind, expectation)
            if actor.name in expectation.not_actors:
                reason = "not an actor"
            if reason:
                scores.junk_actors += 1
                scores.junk_by_reason[reason] = scores.junk_by_reason.get(reason, 0) + 1


def _score_places(
    rows: Sequence[Any], paired: set[int], expectation: ArticleExpectation, scores: Scores
) -> None:
    found = {place for index in paired for place in rows[index].places}
    if not expectation.places and not (found & expectation.not_places):
        # Files that list no places are not scored on them.
        return
    wrong = found & expectation.not_places
    right = found & expectation.places
    scores.places.add(len(right) + len(wrong), len(expectation.places), len(right))


def load_json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def read_article(expected_path: Path, corpora: Path) -> tuple[Any, dict[str, Any]]:
    """The document an expected file describes (a corpus TimeML file, or a text beside it)."""
    from ..readers.text import parse_text_article
    from ..readers.timeml import read_timeml_bytes

    data = load_json(expected_path)
    name = data["document"]
    if name.endswith(".tml"):
        path = corpora / name
        return read_timeml_bytes(path.read_bytes(), name), data
    path = expected_path.parent / name
    return parse_text_article(path.read_text(encoding="utf-8"), path.name), data


def score_expected_file(expected_path: Path, corpora: Path, extract: Any = None) -> ArticleResult:
    """Run the extractor (``extract(text, published, skip_spans)``, by default
    ``events.extract_events``) on the article of ``expected_path`` and score it."""
    if extract is None:
        from . import extract_events

        def extract(text: str, published: str | None, skip_spans: Any) -> list[Any]:
            return extract_events(text, published, skip_spans=skip_spans)

    document, data = read_article(expected_path, corpora)
    begin = max((end for _, end in document.skip_spans), default=0)
    stem = expected_path.name.removesuffix(".expected.json")
    expectation = read_expectation(document.text, data, stem, begin)
    rows = extract(document.text, document.published, document.skip_spans)
    return score_article(document.text, rows, expectation)


def summary(results: Iterable[ArticleResult]) -> Scores:
    total = Scores()
    for result in results:
        total.merge(result.scores)
    return total
