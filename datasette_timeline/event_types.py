"""The type of a dated event: which happening the date belongs to, and of what kind.

The vocabulary (``EVENT_TYPES``) follows the top levels of CAMEO and ACLED. The words of
each type are data (``data/event_words.json``: verbs and nouns as dictionary forms,
multi-word phrases). The decision follows the grammar of the date's clause rather than
the nearest word:

1. a date that qualifies a noun ("Tuesday's vote", "the Aug. 7 bombings", "a June 3
   hearing") is the date of that noun;
2. a date followed by "when ..." dates the happening of that clause ("since 1991 when
   troops occupied the town");
3. otherwise the verb that governs the date decides ("X said Tuesday", "Y left Tuesday
   for consultations"); a light or untyped verb takes the type of the nouns of its phrase
   ("began negotiations", "held talks"); a statement that reports a completed act ("said
   they had arrested 14 people") is that act;
4. failing all that, the nearest typed noun of the clause ("Thousands of protesters
   marched"), then the nearest typed word.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from .event_grammar import (
    VerbGroup,
    Word,
    candidate_lemmas,
    clause_bounds,
    governing_verb,
    verb_groups,
    window,
    word_data,
    word_index,
    words_of,
)

EVENT_TYPES: dict[str, str] = {
    "statement": "statement",
    "meeting": "meeting or visit",
    "agreement": "agreement or ceasefire",
    "military": "military action or occupation",
    "protest": "protest",
    "legal": "legal or resolution",
    "election": "election",
    "other": "other",
}

_FUNCTION_WORDS = frozenset("and or but that which who to of in on at for".split())
_TRIGGER_WINDOW = 10  # words between the date and a trigger of the fallback
_PHRASE_WINDOW = 6  # words of a verb's phrase looked at for its nouns


@lru_cache(maxsize=1)
def _lexicon() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(verb lemma -> type, noun lemma -> type, phrase -> type) from the word lists."""
    verbs: dict[str, str] = {}
    nouns: dict[str, str] = {}
    phrases: dict[str, str] = {}
    for kind, words in word_data()["event_types"].items():
        for verb in words["verbs"]:
            verbs.setdefault(verb, kind)
        for noun in words["nouns"]:
            nouns.setdefault(noun, kind)
        phrases.update(words["phrases"])
    return verbs, nouns, phrases


def trigger_words() -> dict[str, frozenset[str]]:
    """Every type's verbs and nouns (dictionary forms)."""
    return {
        kind: frozenset(words["verbs"]) | frozenset(words["nouns"])
        for kind, words in word_data()["event_types"].items()
    }


def _lookup(table: dict[str, str], word: str) -> str | None:
    for lemma in candidate_lemmas(word):
        if lemma in table:
            return table[lemma]
    return None


def noun_type(word: str) -> str | None:
    return _lookup(_lexicon()[1], word)


def verb_type(word: str, clause_words: list[Word] | None = None) -> str | None:
    kind = _lookup(_lexicon()[0], word)
    # A vote of a legislature is a legal act; of the people, an election.
    legislature = any(w.lower in word_data()["legislatures"] for w in clause_words or [])
    if kind == "election" and "vote" in candidate_lemmas(word) and legislature:
        return "legal"
    return kind


def _phrase_at(words: list[Word], index: int) -> str | None:
    if index + 1 >= len(words):
        return None
    return _lexicon()[2].get(f"{words[index].lower} {words[index + 1].lower}")


def _phrase_text(words: list[Word], index: int) -> str:
    return f"{words[index].text} {words[index + 1].text}"


def classify_event(sentence: str, start: int, end: int) -> tuple[str, str | None]:
    """(type, trigger word) of the event dated at sentence[start:end], read within the
    date's clause (never more than ``event_grammar.WINDOW`` characters around it)."""
    low, high = clause_bounds(sentence, start, end)
    clause = words_of(sentence, low, high)
    found = _qualified_noun(sentence, start, end, clause)
    if found is not None:
        return found
    group = _when_clause(sentence, start, end, high) or governing_verb(sentence, start, end)
    if group is not None:
        found = _from_verb(sentence, group, clause, start, end, high)
        if found is not None:
            return found
    # The fallback looks only _TRIGGER_WINDOW words either side of the date.
    before = bisect_left([w.end for w in clause], start + 1)
    after = bisect_left([w.start for w in clause], end)
    nearby = clause[max(0, before - _TRIGGER_WINDOW - 2) : after + _TRIGGER_WINDOW + 2]
    if not nearby:
        return "other", None
    heads = frozenset(g.head.start for g in verb_groups(sentence, nearby[0].start, nearby[-1].end))
    return _nearest(nearby, start, end, nouns_only=True, verbs=heads) or ("other", None)


def _qualified_noun(
    sentence: str, start: int, end: int, clause: list[Word]
) -> tuple[str, str | None] | None:
    """The type of the noun a date qualifies ("Tuesday's vote", "the Aug. 7 bombings")."""
    expression = sentence[start:end]
    after = sentence[end : end + 3]
    possessive = expression.endswith(("'s", "’s")) or after.startswith(("'s", "’s"))
    before = [w for w in clause if w.end <= start]
    led = bool(before) and before[-1].lower in ("the", "a", "an")
    if not (possessive or led):
        return None
    following = [w for w in clause if w.start >= end and w.lower not in ("s",)][:4]
    nouns = []
    for word in following:
        if word.text[:1].isupper():
            continue  # "the Aug. 7 Embassy bombings"
        nouns.append(word)
        if len(nouns) == 2:
            break
    if not nouns:
        return None
    for word in nouns:
        kind = noun_type(word.lower)
        if kind == "statement":
            return _reported_act(sentence, word.end) or (kind, word.text)
        if kind:
            return kind, word.text
    if possessive or nouns[0].lower not in _FUNCTION_WORDS:
        # A date qualifying an untyped noun ("the Oct. 23 slaying") dates that noun.
        return ("other", None) if _is_plain_noun(nouns[0]) else None
    return None


def _is_plain_noun(word: Word) -> bool:
    lowered = word.lower
    data = word_data()
    return (
        lowered not in data["auxiliaries"]
        and lowered not in data["modals"]
        and lowered not in _FUNCTION_WORDS
    )


def _when_clause(sentence: str, start: int, end: int, high: int) -> VerbGroup | None:
    rest = words_of(sentence, end, high)
    if not rest or rest[0].lower != "when":
        return None
    groups = verb_groups(sentence, rest[0].end, high)
    return groups[0] if groups else None


def _from_verb(
    sentence: str,
    group: VerbGroup,
    clause: list[Word],
    start: int,
    end: int,
    high: int,
) -> tuple[str, str | None] | None:
    words = words_of(sentence)
    index = word_index(sentence, group.head.start)
    for spot in (index, index + 1):  # "filed for", "signed into law"
        phrase = _phrase_at(words, spot)
        if phrase:
            return phrase, _phrase_text(words, spot)
    kind = verb_type(group.head.lower, clause)
    if kind == "statement" and (group.passive or _has_object(words, index)):
        kind = None  # "is officially reported", "reported a loss": no statement
    if kind == "statement":
        reported = _reported_act(sentence, group.head.end)
        return reported or (kind, group.head.text)
    if kind and group.head.lower not in word_data()["light_verbs"]:
        return kind, group.head.text
    # An untyped or light verb: the nouns (and -ing verbs) of its phrase.
    following = [w for w in words[index + 1 : index + 1 + _PHRASE_WINDOW] if w.end <= high]
    following = [w for w in following if not (start <= w.start < end)]
    for position, word in enumerate(following):
        spot = word_index(sentence, word.start)
        if position == 0 and word.lower == "to" and len(following) > 1:
            # "is expected to meet", "plans to sign": the infinitive is the happening.
            kind = verb_type(following[1].lower, clause)
            if kind:
                return kind, following[1].text
        phrase = _phrase_at(words, spot)
        if phrase:
            return phrase, _phrase_text(words, spot)
        kind = None if _verbal_ing(words, spot) else noun_type(word.lower)
        if kind is None and word.lower.endswith("ing"):
            kind = verb_type(word.lower, clause)
        if kind:
            if kind == "statement":
                reported = _reported_act(sentence, word.end)
                if reported:
                    return reported
            return kind, word.text
    return None


def _verbal_ing(words: list[Word], index: int) -> bool:
    """An -ing form used as a verb, with an object after it ("crashed, killing 98 people"),
    rather than as a noun ("two killings", "the killing of")."""
    word = words[index]
    if not word.lower.endswith("ing") or index + 1 >= len(words):
        return False
    previous = words[index - 1].lower if index else ""
    following = words[index + 1]
    return previous not in word_data()["determiners"] and (
        following.lower in word_data()["object_starts"] or following.text[:1].isdigit()
    )


def _has_object(words: list[Word], index: int) -> bool:
    """A reporting verb with a noun object ("reported a loss") reports a result, not words."""
    lemmas = candidate_lemmas(words[index].lower)
    if not set(lemmas) & set(word_data()["object_reporting_verbs"]):
        return False
    following = words[index + 1 : index + 2]
    if not following:
        return False
    word = following[0]
    return (
        word.lower in word_data()["object_starts"]
        or word.text[:1].isdigit()
        or (word.lower.endswith("ing") and len(word.lower) > 5)
    )


def _reported_act(sentence: str, anchor: int) -> tuple[str, str | None] | None:
    """The completed act a statement reports ("said they had arrested 14 people", "the
    announcement that it had filed for bankruptcy"); None for an intention or opinion."""
    following = verb_groups(sentence, anchor, window(sentence, anchor, anchor)[1])
    if not following:
        return None
    reported = following[0]
    if reported.tense in ("future", "modal") or not (reported.perfect or reported.tense == "past"):
        return None
    if reported.head.lower in word_data()["auxiliaries"]:
        return None  # "said she was heartened": a state
    words = words_of(sentence)
    index = word_index(sentence, reported.head.start)
    phrase = _phrase_at(words, index)
    if phrase and phrase != "statement":
        return phrase, _phrase_text(words, index)
    kind = verb_type(reported.head.lower)
    if kind and kind != "statement":
        return kind, reported.head.text
    if reported.perfect:
        for word in words[index + 1 : index + 4]:
            kind = noun_type(word.lower)
            if kind and kind != "statement":
                return kind, word.text
    return None


def _nearest(
    clause: list[Word], start: int, end: int, nouns_only: bool, verbs: frozenset[int] = frozenset()
) -> tuple[str, str | None] | None:
    """The typed word nearest the date in its clause (nouns only, or nouns and verbs).

    With ``nouns_only``, words used as verbs do not count: heads of verb groups
    (``verbs``, their offsets) and an -ing form with an object ("crashed, killing 98").
    """
    before = [w for w in clause if w.end <= start]
    after = [w for w in clause if w.start >= end]
    phrases = _lexicon()[2]
    for position, word in enumerate(clause[:-1]):
        phrase = f"{word.lower} {clause[position + 1].lower}"
        near = abs(word.start - start) < 60 or abs(word.start - end) < 60
        if phrase in phrases and near:
            return phrases[phrase], f"{word.text} {clause[position + 1].text}"
    verbal = set(verbs) | {w.start for i, w in enumerate(clause) if _verbal_ing(clause, i)}
    candidates: list[tuple[int, int, str, str]] = []
    for distance, word in enumerate(reversed(before)):
        candidates.append((distance, 0, word.lower, word.text))
    for distance, word in enumerate(after):
        candidates.append((distance, 1, word.lower, word.text))
    for distance, _, lowered, text in sorted(candidates):
        if distance > _TRIGGER_WINDOW:
            break
        if lowered in word_data()["never_triggers"]:
            continue
        kind = noun_type(lowered)
        if (
            kind is not None
            and nouns_only
            and any(w.start in verbal for w in clause if w.text == text)
        ):
            kind = None
        if kind is None and not nouns_only:
            kind = verb_type(lowered)
        if kind is None:
            continue
        is_first = bool(clause) and text == clause[0].text
        if text[:1].isupper() and not is_first and lowered not in word_data()["legislatures"]:
            continue  # part of a name ("World Wide Developers Conference")
        return kind, text
    return None
