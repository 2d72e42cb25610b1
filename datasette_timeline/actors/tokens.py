"""Words of a document with their offsets, sentences and header lines."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import InitVar, dataclass, field
from functools import cached_property, lru_cache
from typing import NamedTuple

from ..sentences import sentence_spans

# Dotted acronyms ("U.S."), then words joined by hyphens (also a hyphen left before a line
# break, "Bar- On"); "'s" stays outside.
_TOKEN = re.compile(
    r"(?:St|Mt|Ft)\.(?= [A-Z])|(?:[A-Z]\.){2,}|[^\W_]+(?:-[ ]?[^\W_]+)*(?:['’](?!s\b)[^\W_]+)*"
)
_HEADER_LINE = re.compile(r"^[ \t]*[-*•][ \t]*[A-Z][\w ]{0,40}?(?:[ \t]*:.*)?$")
_HEADER_LINES = 15
_INITIAL = re.compile(r"[A-Z]")
# "&" written "amp" between two words of a name ("Kohlberg Kravis Roberts amp Co.").
_AMPERSAND = re.compile(r"\w amp [A-Z]")
# Lower-case prefixes joined to a name by a hyphen ("al-Bolani", "el-Baradei").
_NAME_PREFIXES = frozenset({"al", "el", "ad", "as", "ash", "at", "az", "bin", "ibn", "abu"})


class Token(NamedTuple):
    """A word and its offsets (a named tuple: documents make hundreds of them, fast)."""

    start: int
    end: int
    text: str
    sentence: int  # index into Document.sentences

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_acronym(self) -> bool:
        # most words start in lower case: the cheap test first
        return self.text[:1].isupper() and _is_acronym(self.text)


@lru_cache(maxsize=8192)
def _is_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


@dataclass
class Document:
    """A text split into tokens, with sentence spans and the header lines to ignore."""

    text: str
    # The text's ``sentence_spans`` when the caller has them already (not computed twice).
    known_sentences: InitVar[list[tuple[int, int]] | None] = None
    tokens: list[Token] = field(init=False)
    sentences: list[tuple[int, int]] = field(init=False)
    header_spans: list[tuple[int, int]] = field(init=False)

    def __post_init__(self, known_sentences: list[tuple[int, int]] | None) -> None:
        if known_sentences is None:
            known_sentences = sentence_spans(self.text)
        self.sentences = known_sentences
        self.header_spans = _header_spans(self.text)
        self.tokens = list(_tokens(self.text, self.sentences))

    def gap(self, left: int, right: int) -> str:
        """Text between token ``left`` and token ``right`` (indices)."""
        return self.text[self.tokens[left].end : self.tokens[right].start]

    def joined(self, first: int, last: int) -> bool:
        """True when tokens first..last sit in one sentence separated by spaces only."""
        tokens, text = self.tokens, self.text
        sentence = tokens[first].sentence
        for i in range(first + 1, last + 1):
            before, token = tokens[i - 1], tokens[i]
            if token.sentence != sentence:
                return False
            gap = text[before.end : token.start]
            # a middle initial: "John F. Kennedy"
            if gap not in (" ", " & ", " amp ") and not (
                gap == ". " and _INITIAL.fullmatch(before.text)
            ):
                return False
        return True

    def phrase(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last].end]

    def in_header(self, token: Token) -> bool:
        return token.start in self._header_starts

    @cached_property
    def _header_starts(self) -> frozenset[int]:
        starts = [token.start for token in self.tokens]
        found: set[int] = set()
        for start, end in self.header_spans:
            found.update(starts[bisect_left(starts, start) : bisect_left(starts, end)])
        return frozenset(found)

    def sentence_initial(self, index: int) -> bool:
        """First word of its sentence, ignoring opening quotes and brackets."""
        token = self.tokens[index]
        sentence_start = self.sentences[token.sentence][0]
        return not self.text[sentence_start : token.start].strip("\"'“‘(«[ -")

    def possessive(self, index: int) -> bool:
        after = self.text[self.tokens[index].end : self.tokens[index].end + 2]
        return after in ("'s", "’s")

    def next_word(self, index: int) -> str:
        """The next token if only spaces separate it, else ''."""
        following = index + 1
        if (
            following < len(self.tokens)
            and self.gap(index, following).strip() == ""
            and self.tokens[following].sentence == self.tokens[index].sentence
        ):
            return self.tokens[following].text
        return ""

    def previous_word(self, index: int) -> str:
        previous = index - 1
        if (
            previous >= 0
            and self.gap(previous, index).strip() == ""
            and self.tokens[previous].sentence == self.tokens[index].sentence
        ):
            return self.tokens[previous].text
        return ""

    @cached_property
    def capitalised_inside(self) -> frozenset[str]:
        """Words written capitalised somewhere other than at a sentence start or header.

        A capital at a sentence start says nothing; elsewhere it marks a name.
        """
        return frozenset(
            token.text
            for index, token in enumerate(self.tokens)
            if token.is_capitalised
            and token.sentence > 0
            and not self.in_header(token)
            and not self.sentence_initial(index)
        )

    @cached_property
    def lower_words(self) -> frozenset[str]:
        return frozenset(token.text for token in self.tokens if token.text.islower())


def _tokens(text: str, sentences: list[tuple[int, int]]) -> list[Token]:
    tokens: list[Token] = []
    sentence = 0
    next_start = sentences[1][0] if len(sentences) > 1 else len(text) + 1
    for match in _TOKEN.finditer(text):
        word_start, word_end = match.span()
        word = text[word_start:word_end]
        if word == "s" and word_start and text[word_start - 1] in ("'", "’"):
            continue  # the possessive of the word before
        if word == "amp" and _AMPERSAND.match(text, word_start - 2) and tokens:
            continue  # "Dow Jones amp Co.": "&" as some corpora spell it
        while word_start >= next_start:
            sentence += 1
            following = sentence + 1
            next_start = sentences[following][0] if following < len(sentences) else len(text) + 1
        if "-" not in word:
            tokens.append(Token(word_start, word_end, word, sentence))
            continue
        for start, end in _split_mixed_hyphens(word_start, word):
            # Pieces of one word lie in one sentence (sentences start after a space).
            tokens.append(Token(start, end, text[start:end], sentence))
    return tokens


def _split_mixed_hyphens(start: int, word: str) -> list[tuple[int, int]]:
    """Split "countries-Azerbaijan" and "EADS-led" but keep "Nagorno-Karabakh", "cease-fire"."""
    parts = word.split("-")
    if any(part.startswith(" ") for part in parts):
        return [(start, start + len(word))]  # "Ki- moon": one word broken at a line end
    if len(parts) == 1 or len({part[:1].isupper() for part in parts if part}) == 1:
        return [(start, start + len(word))]
    if len(parts) == 2 and parts[0] in _NAME_PREFIXES and parts[1][:1].isupper():
        return [(start, start + len(word))]  # "al-Bolani": one name
    spans = []
    offset = start
    for part in parts:
        if part:
            spans.append((offset, offset + len(part)))
        offset += len(part) + 1
    return spans


def _header_spans(text: str) -> list[tuple[int, int]]:
    """``- Key: value`` and ``- Label`` lines near the top (bylines, sections, dates)."""
    spans = []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True)):
        if number >= _HEADER_LINES:
            break
        content = line.rstrip("\r\n")
        if number > 0 and len(content.strip()) <= 120 and _HEADER_LINE.match(content):
            spans.append((offset, offset + len(content)))
        offset += len(line)
    return spans
