"""TempEval-3 Task A scoring of TIMEX3 tagging.

Metrics (UzZaman et al. 2013), micro-averaged over all documents, the DCT never scored:

- strict span P/R/F1: a system timex matches a gold one with exactly the same characters;
- relaxed span P/R/F1: system and gold timexes overlap; pairs are one-to-one, exact
  pairs first, then the remaining ones left to right;
- type and value accuracy: the share of relaxed pairs whose attribute is equal;
- type F1 and value F1: accuracy x relaxed F1 (value F1 ranked the TempEval-3 systems).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .model import Timex
from .timeml import TimeMLDocument, read_timeml

Tagger = Callable[[str, "str | None"], list[Timex]]


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type_correct", "value_correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Scores:
    documents: int
    counts: Counts
    strict_precision: float = 0.0
    strict_recall: float = 0.0
    strict_f1: float = 0.0
    relaxed_precision: float = 0.0
    relaxed_recall: float = 0.0
    relaxed_f1: float = 0.0
    type_accuracy: float = 0.0
    value_accuracy: float = 0.0
    type_f1: float = 0.0
    value_f1: float = 0.0
    errors: list[dict[str, str]] = field(default_factory=list)

    def to_json(self, with_errors: bool = False) -> dict[str, object]:
        data = asdict(self)
        if not with_errors:
            data.pop("errors")
        return data


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def match_timexes(gold: Sequence[Timex], system: Sequence[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping timexes: exact spans first, then left to right."""
    pairs: list[tuple[Timex, Timex]] = []
    used_gold: set[int] = set()
    used_system: set[int] = set()
    system_by_span = {(t.start, t.end): index for index, t in enumerate(system)}
    for gold_index, gold_timex in enumerate(gold):
        system_index = system_by_span.get((gold_timex.start, gold_timex.end))
        if system_index is not None and system_index not in used_system:
            pairs.append((gold_timex, system[system_index]))
            used_gold.add(gold_index)
            used_system.add(system_index)
    gold_order = sorted(range(len(gold)), key=lambda i: (gold[i].start, gold[i].end))
    system_order = sorted(range(len(system)), key=lambda i: (system[i].start, system[i].end))
    for gold_index in gold_order:
        if gold_index in used_gold:
            continue
        gold_timex = gold[gold_index]
        for system_index in system_order:
            candidate = system[system_index]
            if system_index in used_system:
                continue
            if candidate.start < gold_timex.end and gold_timex.start < candidate.end:
                pairs.append((gold_timex, candidate))
                used_gold.add(gold_index)
                used_system.add(system_index)
                break
    return pairs


def score_document(
    gold: Sequence[Timex], system: Sequence[Timex]
) -> tuple[Counts, list[tuple[Timex, Timex]]]:
    pairs = match_timexes(gold, system)
    counts = Counts(gold=len(gold), system=len(system), relaxed=len(pairs))
    for gold_timex, system_timex in pairs:
        counts.strict += (gold_timex.start, gold_timex.end) == (
            system_timex.start,
            system_timex.end,
        )
        counts.type_correct += gold_timex.type.strip().upper() == system_timex.type.strip().upper()
        counts.value_correct += gold_timex.value.strip() == system_timex.value.strip()
    return counts, pairs


def summarise(counts: Counts, documents: int) -> Scores:
    scores = Scores(documents=documents, counts=counts)
    scores.strict_precision = _ratio(counts.strict, counts.system)
    scores.strict_recall = _ratio(counts.strict, counts.gold)
    scores.strict_f1 = _f1(scores.strict_precision, scores.strict_recall)
    scores.relaxed_precision = _ratio(counts.relaxed, counts.system)
    scores.relaxed_recall = _ratio(counts.relaxed, counts.gold)
    scores.relaxed_f1 = _f1(scores.relaxed_precision, scores.relaxed_recall)
    scores.type_accuracy = _ratio(counts.type_correct, counts.relaxed)
    scores.value_accuracy = _ratio(counts.value_correct, counts.relaxed)
    scores.type_f1 = scores.type_accuracy * scores.relaxed_f1
    scores.value_f1 = scores.value_accuracy * scores.relaxed_f1
    return scores


def gold_files(paths: Iterable[str | Path]) -> list[Path]:
    """The ``.tml`` files named or found (recursively) in the given folders, sorted."""
    files: list[Path] = []
    for entry in paths:
        path = Path(entry)
        if path.is_dir():
            files.extend(sorted(path.rglob("*.tml")))
        else:
            files.append(path)
    return files


def _error_rows(
    document: TimeMLDocument,
    gold: Sequence[Timex],
    system: Sequence[Timex],
    pairs: list[tuple[Timex, Timex]],
) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    paired_gold = {id(g) for g, _ in pairs}
    paired_system = {id(s) for _, s in pairs}
    for gold_timex, system_timex in pairs:
        if gold_timex.value != system_timex.value or gold_timex.type != system_timex.type:
            rows.append(
                {
                    "doc": document.docid,
                    "kind": "value",
                    "gold": gold_timex.text,
                    "gold_value": f"{gold_timex.type} {gold_timex.value}",
                    "system": system_timex.text,
                    "system_value": f"{system_timex.type} {system_timex.value}",
                }
            )
    rows += [
        {
            "doc": document.docid,
            "kind": "missed",
            "gold": t.text,
            "gold_value": f"{t.type} {t.value}",
        }
        for t in gold
        if id(t) not in paired_gold
    ]
    rows += [
        {
            "doc": document.docid,
            "kind": "spurious",
            "system": t.text,
            "system_value": f"{t.type} {t.value}",
        }
        for t in system
        if id(t) not in paired_system
    ]
    return rows


class SystemFileError(ValueError):
    """A gold file has no system file, or one whose text is not the gold text."""


def system_files(folder: str | Path) -> dict[str, Path]:
    """The ``.tml`` files under ``folder`` by file name: TempEval-3 pairs gold and system
    files by name."""
    return {path.name: path for path in gold_files([folder])}


def _system_timexes(
    gold_path: Path, document: TimeMLDocument, system: Mapping[str, Path]
) -> list[Timex]:
    system_path = system.get(gold_path.name)
    if system_path is None:
        raise SystemFileError(f"{gold_path.name}: no system file of that name")
    system_document = read_timeml(system_path)
    if system_document.text != document.text:
        # Offsets are only comparable on the same characters.
        raise SystemFileError(f"{system_path}: its text differs from the gold text of {gold_path}")
    return system_document.timexes


def evaluate(
    paths: Iterable[str | Path],
    tagger: Tagger,
    collect_errors: bool = False,
    system: Mapping[str, Path] | None = None,
) -> Scores:
    """Score ``tagger(text, dct)`` against the TimeML gold files under ``paths``; with
    ``system`` (file name -> TimeML file), score those files' TIMEX3 tags instead."""
    total = Counts()
    errors: list[dict[str, str]] = []
    files = gold_files(paths)
    for path in files:
        document = read_timeml(path)
        if system is None:
            system_timexes = tagger(document.text, document.dct)
        else:
            system_timexes = _system_timexes(path, document, system)
        counts, pairs = score_document(document.timexes, system_timexes)
        total.add(counts)
        if collect_errors:
            errors += _error_rows(document, document.timexes, system_timexes, pairs)
    scores = summarise(total, len(files))
    scores.errors = errors
    return scores


def format_table(rows: Sequence[tuple[str, Scores]]) -> str:
    """A plain-text table, one line per corpus."""
    width = max([6, *(len(name) for name, _ in rows)])
    header = (
        f"{'corpus':<{width}} {'docs':>5} {'gold':>6} {'sys':>6}  {'strict P':>8} {'R':>6} "
        f"{'F1':>6}  {'relax P':>8} {'R':>6} {'F1':>6}  {'type':>6} {'value':>6}  {'value F1':>8}"
    )
    lines = [header, "-" * len(header)]
    for name, s in rows:
        c = s.counts
        lines.append(
            f"{name:<{width}} {s.documents:>5} {c.gold:>6} {c.system:>6}  "
            f"{s.strict_precision:>8.3f} {s.strict_recall:>6.3f} {s.strict_f1:>6.3f}  "
            f"{s.relaxed_precision:>8.3f} {s.relaxed_recall:>6.3f} {s.relaxed_f1:>6.3f}  "
            f"{s.type_accuracy:>6.3f} {s.value_accuracy:>6.3f}  {s.value_f1:>8.3f}"
        )
    return "\n".join(lines)
