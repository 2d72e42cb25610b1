"""What the engine asks of a language: its patterns, their normalisers, its clause
reading and its vetoes, bundled as one ``LanguagePack``.

The engine (``tagger.py``) finds candidates near trigger words, chooses among
overlapping ones and keeps the reference time; the resolver (``resolve.py``) anchors
underspecified values. Neither knows a word of any language: everything they need to
know about one comes through the pack. ``timex/lang/<code>/`` builds the pack of a
language; docs/languages.md says how to add one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .reading import NO_READING, Reading

if TYPE_CHECKING:
    from .context import Context, Resolution

Normaliser = Callable[[re.Match[str], "Context"], "Resolution | None"]


@dataclass(frozen=True)
class Rule:
    """One pattern of a language's grammar; its normaliser has the same name."""

    name: str
    pattern: re.Pattern[str]


# An expression starts at a word (not inside a number, an amount or a path) and ends
# before a word character or a percent sign.
BOUNDARY = r"(?<![\w$£€#@/.])(?<!\d-)"
END = r"(?![\w%])"


def single_line(body: str) -> str:
    """Whitespace inside an expression never spans a line break (headers, lists)."""
    return body.replace(r"[\s-]", r"[ \t\u00a0-]").replace(r"\s", r"[ \t\u00a0]")


def compile_rule(name: str, body: str, boundary: str = BOUNDARY) -> Rule:
    """A rule from a verbose, case-insensitive pattern body."""
    pattern = boundary + "(?:" + single_line(body) + ")" + END
    return Rule(name, re.compile(pattern, re.IGNORECASE | re.VERBOSE))


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace."""
    escaped = [
        re.escape(word).replace(r"\ ", r"\s+") for word in sorted(words, key=len, reverse=True)
    ]
    return "(?:" + "|".join(escaped) + ")"


class AnalysedSentence:
    """A language's analysis of one sentence, shared by the expressions in it: the
    reading of the clause that governs each of them."""

    def reading(self, start: int, end: int) -> Reading:
        return NO_READING


# A pack's sentence analyser: (text, sentence start, sentence end) -> its analysis.
SentenceAnalyser = Callable[[str, int, int], AnalysedSentence]


def no_analysis(text: str, start: int, end: int) -> AnalysedSentence:
    """The analysis of a language without a clause reader: no tense anywhere."""
    return AnalysedSentence()


@dataclass(frozen=True)
class Triggers:
    """Which rules may match near a token: every match of a rule contains one of its
    trigger tokens, so a rule only runs in windows around them (``reach``: characters
    before and after the token) instead of over the whole text. A rule may also name
    text that every match of it contains besides its trigger (``required``: "ago",
    "later" or "before" in "three years ago"): a window without it is not searched."""

    token: re.Pattern[str]  # the tokens looked at: words and runs of digits
    words: Mapping[str, tuple[int, ...]]  # lower-case word -> rule indices
    digits: Mapping[int, tuple[int, ...]]  # length of a run of digits -> rule indices
    reach: tuple[tuple[int, int], ...]  # per rule: characters before, after
    required: tuple[re.Pattern[str] | None, ...] = ()  # per rule
    # The same, ready for the scan: (rule index, before, after) of a word or digit run.
    word_reach: Mapping[str, tuple[tuple[int, int, int], ...]] = field(default_factory=dict)
    digit_reach: Mapping[int, tuple[tuple[int, int, int], ...]] = field(default_factory=dict)


def build_triggers(
    rules: tuple[Rule, ...],
    reach: Mapping[str, tuple[int, int]],
    word_groups: Iterable[tuple[str, str]],
    digit_groups: Mapping[int, str],
    token: str = r"[A-Za-z]+|\d+",
    required: Mapping[str, str] | None = None,
) -> Triggers:
    """Triggers from groups of (words, rule names), both written space-separated, and
    the patterns ``required`` of some rules (searched case-insensitively)."""
    index = {rule.name: position for position, rule in enumerate(rules)}

    def indices(names: str) -> tuple[int, ...]:
        return tuple(index[name] for name in names.split())

    words: dict[str, tuple[int, ...]] = {}
    for group, names in word_groups:
        for word in group.split():
            words[word] = tuple(sorted(set(words.get(word, ())) | set(indices(names))))
    digits = {length: indices(names) for length, names in digit_groups.items()}
    reaches = tuple(reach[rule.name] for rule in rules)

    def with_reach(found: tuple[int, ...]) -> tuple[tuple[int, int, int], ...]:
        return tuple((rule, *reaches[rule]) for rule in found)

    return Triggers(
        token=re.compile(token),
        words=words,
        digits=digits,
        reach=reaches,
        word_reach={word: with_reach(found) for word, found in words.items()},
        digit_reach={length: with_reach(found) for length, found in digits.items()},
        required=tuple(
            re.compile(required[rule.name], re.IGNORECASE)
            if required and rule.name in required
            else None
            for rule in rules
        ),
    )


def _never(ctx: Context, start: int, end: int) -> bool:
    return False


def _no_anchor(text: str, end: int) -> tuple[int, int, int] | None:
    return None


@dataclass(frozen=True)
class LanguagePack:
    """Everything the engine needs to know about one language.

    - ``rules``, ``triggers`` and ``normalisers``: the grammar; a normaliser turns a
      match of the rule of its name into a ``Resolution`` (often by building an
      ``Underspecified`` value for ``resolve``), or None to reject the match.
    - ``analyse_sentence``: the clause reading (tense and modality) of a sentence.
    - ``names_a_title``: a veto on time words that are part of a name ("This Week",
      "Winter Olympics"); ``titled_rules`` are rules it never vetoes (holidays).
    - ``deictic_words``: words that say a text speaks relative to its own date ("auto"
      anchoring reads it as news); ``year_rule``: the rule whose ``year`` group gives
      the years of a text (the other test of news).
    - ``limit_before``/``setting_after``: words before a date that make it a starting
      point or a limit ("since 2009"), and after one that set a clause in it (", when").
    - ``fiscal``: words that make a quarter a company's own.
    - ``event_anchor``: for a duration, the event it is counted from ("three days after
      the vote").
    """

    code: str
    rules: tuple[Rule, ...]
    triggers: Triggers
    normalisers: Mapping[str, Normaliser]
    analyse_sentence: SentenceAnalyser = no_analysis
    names_a_title: Callable[[Context, int, int], bool] = _never
    titled_rules: frozenset[str] = frozenset()
    deictic_words: re.Pattern[str] = re.compile(r"(?!)")
    year_rule: str = "year"
    limit_before: re.Pattern[str] = re.compile(r"(?!)")
    setting_after: re.Pattern[str] = re.compile(r"(?!)")
    fiscal: re.Pattern[str] = re.compile(r"(?!)")
    event_anchor: Callable[[str, int], tuple[int, int, int] | None] = _no_anchor
