"""The English verb group that governs a temporal expression, and its tense and modality.

"The two governments agreed to a ceasefire on Tuesday": the verb of "on Tuesday" is
"agreed" (past); "to a ceasefire" is a preposition and its object, not "to" and a verb.
"The conference called by the UN will be held in Geneva on Thursday": "called by the UN"
is a participle describing the conference; "will be held" governs Thursday (future).

The reader works on the words of the sentence: it takes the nearest verb group before
the expression in its clause (or the first one after it when the expression opens the
clause: "On Tuesday, the two governments agreed"), assembles the group's auxiliaries and
modals, and reads tense and modality from them. An infinitive takes its time from the
verb it depends on ("plans to hold talks on Tuesday": ahead); a verb joined by "and" to a
modal one shares its modal ("will close at 1 p.m. and remain shut on Monday").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ...reading import Reading
from . import verbs as v

_TOKEN = re.compile(
    r"[A-Za-z]+(?:[-'’][A-Za-z]+)*"
    r"|\d{1,2}(?:[.:]\d\d)?\s?(?:[ap]m|[ap]\.m\.)(?!\w)"  # "2.30am", "9 p.m.": one word
    r"|\d[\d,.:]*\d|\d|--|[^\sA-Za-z\d]"
)
_SENTENCE_MARKS = frozenset([".", "!", "?"])
_CLAUSE_MARKS = frozenset([";", ":", "--", "—", "–", "(", ")", '"', "“", "”", "``", "''"])
# Conjunctions after which the verb before belongs to another clause.
_CONTRASTS = frozenset(["while", "whereas", "although", "though", "but"])
# Word sets the reader asks about at every word, built once.
_NOUN_STARTERS = v.DETERMINERS | v.PREPOSITIONS - {"that"}
_SUBJECTS = v.SUBJECT_PRONOUNS - {"there"}
_LOOKING_AHEAD = v.INTENTION_LEMMAS | v.EXPECTATION_LEMMAS
_MARKS = _SENTENCE_MARKS | _CLAUSE_MARKS
_ADJECTIVE_AFTER = (v.DETERMINERS - {"that"}) | {"'s"}
_LINKING = v.LINKING_LEMMAS - {"be"}
_DETERMINERS_AND_POSSESSIVE = v.DETERMINERS | {"'s"}
_GROUP_TAIL = v.GROUP_ADVERBS | v.NEGATIONS | {"to"}
_GROUP_INNER = v.AUXILIARIES | v.GROUP_ADVERBS | v.NEGATIONS | v.PLAN_PREDICATES | {"to"}
_GROUP_JOINS = v.AUXILIARIES | set(v.MODALS) | {"to"}
# How many words may stand between a verb and the expression it governs: beyond that
# the expression more likely belongs to a noun ("a cutback in its oil supply in September").
_REACH = 20


def _tokens(text: str, start: int, end: int) -> tuple[list[str], list[int], list[int]]:
    """The words of ``text[start:end]``: their text, starts and ends ("won't" is "wo" and
    "n't", "it'll" is "it" and "'ll"; a curly apostrophe is written straight)."""
    matches = list(_TOKEN.finditer(text, start, end))
    if "'" not in text[start:end] and "’" not in text[start:end]:
        return (
            [m.group() for m in matches],
            [m.start() for m in matches],
            [m.end() for m in matches],
        )
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for match in matches:
        (a, b), word = match.span(), match.group()
        if "'" not in word and "’" not in word:
            words.append(word)
            starts.append(a)
            ends.append(b)
            continue
        word = word.replace("’", "'")
        lower = word.lower()
        if lower.endswith("n't") and len(lower) > 3:  # "won't", "didn't": the auxiliary
            words += [word[:-3], "n't"]
            starts += [a, b - 3]
            ends += [b - 3, b]
        elif "'" in lower[1:] and lower.rsplit("'", 1)[1] in {"ll", "re", "ve", "d", "m"}:
            head = lower.rsplit("'", 1)[0]  # "it'll", "they're": pronoun and auxiliary
            cut = a + len(head)
            words += [word[: len(head)], word[len(head) :]]
            starts += [a, cut]
            ends += [cut, b]
        else:
            words.append(word)
            starts.append(a)
            ends.append(b)
    return words, starts, ends


@dataclass
class _Group:
    """A verb group: its words from the first auxiliary to the main verb."""

    first: int  # token index of the first word
    last: int  # token index of the main verb
    tense: str | None
    modality: str | None
    lemma: str
    infinitive: bool = False  # "to hold": the time is that of the verb it depends on


class Sentence:
    """The words of one sentence and the verb groups read in it: read once, shared by
    the expressions of the sentence."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.texts, self.starts, self.ends = _tokens(text, start, end)
        self.lowers = [word.lower() for word in self.texts]
        self.size = len(self.texts)
        self._groups: dict[int, _Group | None] = {}

    def word(self, index: int) -> str:
        return self.lowers[index] if 0 <= index < self.size else ""

    def capitalised_name(self, index: int) -> bool:
        """A capitalised word that is not the first of its sentence: part of a name."""
        return index > 0 and self.texts[index][:1].isupper()

    def starts_an_object(self, index: int) -> bool:
        """Whether the word at ``index`` can begin what a verb acts on ("his match")."""
        if index >= self.size:
            return False
        lower, first = self.lowers[index], self.texts[index][:1]
        return (
            lower in v.DETERMINERS
            or first.isupper()
            or first.isdigit()
            or lower in {"him", "them", "us", "me", "it", "her"}
        )

    def skip_adverbs(self, index: int) -> int:
        """The nearest index at or before ``index`` that is no adverb of a verb group."""
        while index >= 0 and (
            self.word(index) in v.GROUP_ADVERBS or self.word(index) in v.NEGATIONS
        ):
            index -= 1
        return index

    def finite_present(self, index: int, forms: frozenset[str]) -> bool:
        """Whether a present-tense (or base) form is a finite verb here, not a noun ("the
        vote on Tuesday", "sales figures for March")."""
        previous = self.word(index - 1)
        if not previous or previous in _NOUN_STARTERS:
            return False
        if not self.texts[index].islower():
            return False
        lower = self.lowers[index]
        if previous in _SUBJECTS and forms & {"VBP", "VBZ"}:
            return True
        if (
            self.word(index + 1) == "to"
            and v.verb_forms(lower)[1] in _LOOKING_AHEAD
            and "VB" in v.verb_forms(self.word(index + 2))[0]
        ):
            return True  # "the company hopes to finish", "lawmakers plan to vote"
        if v.word_classes(lower) <= {"VERB", "AUX"}:
            return previous not in {"'s", "to"}
        if previous == ",":
            return self.starts_an_object(
                index + 1
            )  # "Liverpool, 13 points clear, host Southampton"
        if not self.capitalised_name(index - 1):
            return False
        if self.starts_an_object(index + 1):
            return True  # "The United States plays Switzerland"
        # "Tom Brady returns to Foxborough", "The Rio Games open on Friday": a name that
        # opens the sentence, a verb that agrees with it, a preposition.
        plural = self.texts[index - 1].endswith("s")
        agrees = "VBZ" in forms or (plural and "VBP" in forms)
        return agrees and self.word(index + 1) in v.PREPOSITIONS and self.subject_name(index - 1)

    def subject_name(self, index: int) -> bool:
        """Whether the capitalised name ending at ``index`` opens its sentence ("Tom
        Brady", "The Rio Games"), not one inside a phrase ("off the Florida coast")."""
        while index >= 0 and (self.texts[index][:1].isupper() or self.word(index) == "'s"):
            if self.word(index) == "the":
                break
            index -= 1
        if index >= 0 and self.word(index) == "the":
            index -= 1
        return index < 0 or self.word(index) in _MARKS

    def past_form_is_verb(self, index: int) -> bool:
        """A past form that is no adjective ("the injured", "preferred shares", "United")."""
        previous = self.word(index - 1)
        if previous in _ADJECTIVE_AFTER or (previous in v.PREPOSITIONS and previous != "to"):
            return False  # "with extended holiday hours"
        return not self.capitalised_name(index)

    def group(self, index: int) -> _Group | None:
        """The verb group whose main verb is ``tokens[index]`` (None when it is no verb)."""
        if index not in self._groups:
            self._groups[index] = self._read(index)
        return self._groups[index]

    def _read(self, index: int) -> _Group | None:
        text, word = self.texts[index], self.lowers[index]
        if word in v.MODALS and (word != "may" or text == "may"):
            return self._classify(index, "", frozenset(["MD"]))
        if word in v.AUXILIARIES:
            lemma = "be" if word in v.BE_FORMS else "have"
            if word in v.DO_FORMS:
                lemma = "do"
            return self._classify(index, lemma, frozenset(["AUX"]))
        if not text[0].isalpha() or (text[0].isupper() and index > 0):
            return None  # numbers, marks and names inside a sentence are no verbs
        if word in v.PREPOSITIONS or word in v.DETERMINERS or word in v.SUBJECT_PRONOUNS:
            return None  # "over", "that": the lexicon also knows rare verbs of that spelling
        forms, lemma = v.verb_forms(word)
        if not forms:
            return None
        if forms & {"VBD", "VBN"}:
            if not self.past_form_is_verb(index):
                return None
            linking = self.skip_adverbs(index - 1)
            if "VBN" in forms and linking >= 0 and v.verb_forms(self.word(linking))[1] in _LINKING:
                linked = self.group(linking)  # "will stay closed": the linking verb's time
                if linked is not None:
                    return _Group(linked.first, index, linked.tense, linked.modality, lemma)
            group = self._classify(index, lemma, forms)
            if group.first == index and "VBN" in forms:
                # "will observe the galaxy for 40 hours spread over six weeks": a clause
                # has one finite verb; a bare participle after a modal one describes a noun.
                return self._modal_before(index) or group
            return group
        if "VBG" in forms:
            return self._classify(index, lemma, forms)
        if forms & {"VB", "VBP", "VBZ"} and (
            self.after_to_or_modal(index) or self.finite_present(index, forms)
        ):
            return self._classify(index, lemma, forms)
        return None

    def _modal_before(self, index: int) -> _Group | None:
        """A verb group with a modal earlier in the clause of ``tokens[index]``."""
        for position in range(index - 1, max(-1, index - _REACH), -1):
            word = self.word(position)
            if word in _CLAUSE_MARKS or word in {",", "and", "or", "that", "which", "who"}:
                return None
            if word in _CONTRASTS:
                return None
            if word in v.MODALS and (word != "may" or self.texts[position] == "may"):
                for verb in range(position + 1, index):
                    group = self.group(verb)
                    if group is not None and group.first == position:
                        return group
                return None
        return None

    def after_to_or_modal(self, index: int) -> bool:
        """A base form right after "to", a modal or "do" (adverbs between allowed)."""
        before = self.word(self.skip_adverbs(index - 1))
        return before == "to" or before in v.MODALS or before in v.DO_FORMS

    def _auxiliaries(self, index: int) -> tuple[list[str], int]:
        """The auxiliaries, modals and "to" before ``tokens[index]`` (nearest first),
        adverbs and negations skipped, and the index of the group's first word."""
        found: list[str] = []
        first = index
        position = index - 1
        while position >= 0:
            word = self.word(position)
            if word in v.GROUP_ADVERBS or word in v.NEGATIONS:
                position -= 1
                continue
            if word == "may" and self.texts[position] != "may":
                break  # "May" is the month
            if word in v.AUXILIARIES or word in v.MODALS or word == "to":
                found.append(word)
                first = position
                position -= 1
                if word == "to" and not self._plan_predicate(position):
                    break
                continue
            if word in v.PLAN_PREDICATES and found and found[-1] == "to":
                found.append(word)  # "is due to", "is expected to"
                first = position
                position -= 1
                continue
            break
        return found, first

    def _plan_predicate(self, index: int) -> bool:
        """ "due" in "is due to", "had been set to": a predicate of plans after "be"."""
        return self.word(index) in v.PLAN_PREDICATES and (
            self.word(self.skip_adverbs(index - 1)) in v.AUXILIARIES
        )

    def _classify(self, index: int, lemma: str, forms: frozenset[str]) -> _Group:
        auxiliaries, first = self._auxiliaries(index)
        chain = [*reversed(auxiliaries), self.word(index)]
        negated = any(self.word(i) in v.NEGATIONS for i in range(first, index))
        group = _Group(first, index, None, None, lemma)
        if chain[0] == "to":
            group.infinitive = True
            return group
        modal = next((word for word in chain if word in v.MODALS), None)
        if modal is not None:
            after_modal = chain[chain.index(modal) + 1 :]
            group.modality = v.MODALS[modal]
            if after_modal[:1] == ["have"]:  # "could have happened": a past possibility
                group.tense = "past"
            elif modal in {"could", "ca"}:
                # "could be deployed from Tuesday" looks ahead, "could not be reached
                # Wednesday" back: "could" says neither.
                group.tense = "past" if negated else None
            else:
                group.tense = "future"
            return group
        head = chain[0]
        if head in v.BE_PRESENT and "going" in chain and "to" in chain:
            group.tense, group.modality = "future", "will"
        elif len(chain) > 2 and chain[1] in v.PLAN_PREDICATES and head in v.AUXILIARIES:
            # "is due to", "is expected to": ahead; "was set to", "had been due to": a plan
            # of the past, which says nothing of today.
            group.tense = "future" if head in v.BE_PRESENT else None
            group.modality = "expectation" if chain[1] in {"expected", "likely"} else "intention"
        elif head in v.BE_PRESENT and len(chain) > 1 and chain[1] == "to":
            group.tense, group.modality = "future", "intention"  # "is to meet"
        elif head in v.HAVE_PRESENT and len(chain) > 1:
            group.tense = "perfect"
        elif head in v.HAVE_PAST and len(chain) > 1:
            group.tense, group.modality = "past", "pluperfect"
            return group  # "had been planned for", "had expected": a plan of the past
        elif head in v.PAST_AUXILIARIES:
            group.tense = "past"
        elif head in v.PRESENT_AUXILIARIES:
            group.tense = "present"
            if len(chain) > 1 and chain[-1].endswith("ing") and lemma not in v.ONGOING_LEMMAS:
                group.modality = "schedule"  # "is meeting the board on Friday"
            elif len(chain) == 2 and "VBN" in forms and lemma not in v.STATIVE_LEMMAS:
                group.modality = "schedule"  # "is broadcast on Friday", "are held on Sunday"
        elif head in v.BE_OTHER:
            group.tense = None
        elif "VBD" in forms or ("VBN" in forms and not forms & {"VB", "VBP"}):
            group.tense = "past"
        elif forms & {"VBZ", "VBP", "VB"}:
            group.tense = "present"
            if len(chain) == 1 and lemma not in v.STATIVE_LEMMAS:
                group.modality = "schedule"  # "the trial starts Monday", "they play Malta"
            self._share_coordinated_modal(group)
        if lemma in v.EXPECTATION_LEMMAS and group.tense in {"present", None}:
            group.tense, group.modality = "future", "expectation"  # "snow is forecast"
        elif lemma == "set" and self.word(index + 1) == "for":
            group.tense, group.modality = "future", "intention"  # "a summit set for April"
        return group

    def _share_coordinated_modal(self, group: _Group) -> None:
        """ "will close at 1 p.m. and remain shut on Monday": the modal is shared."""
        if group.first == 0 or self.word(group.first - 1) not in {"and", "or"}:
            return
        for index in range(group.first - 2, max(-1, group.first - 12), -1):
            other = self.group(index)
            if other is not None and (other.modality or other.infinitive):
                group.tense, group.modality = other.tense, other.modality
                group.infinitive = other.infinitive
                group.first = other.first
                return
            if self.word(index) in _CLAUSE_MARKS:
                return

    def controller(self, group: _Group) -> tuple[str | None, str | None]:
        """The time of an infinitive, from the verb (or "is due", "ready") it depends on;
        after a noun ("48 hours to leave Iraq", "efforts to reach"), from the clause's verb."""
        position = self.skip_adverbs(group.first - 1)
        if position < 0:
            return None, None
        word = self.word(position)
        if word in v.BE_PRESENT:
            return "future", "intention"  # "is to meet"
        if word in v.PLAN_PREDICATES:
            auxiliary = self.word(self.skip_adverbs(position - 1))
            if auxiliary in v.BE_PRESENT:
                return "future", "intention"
            return (None, None) if auxiliary in v.AUXILIARIES else ("future", "intention")
        if self.group(position) is None:
            # After a noun: "guidelines to be published in November" (a plan), "48 hours
            # to leave Iraq", "orders to start the November trading" (no time of its own).
            if self.word(group.first + 1) == "be" and self.word(group.first + 2) != "":
                return "future", "intention"
            return self._object_controller(position)
        for index in range(position, max(-1, position - _REACH), -1):
            if self.word(index) in _CONTRASTS or self.word(index) in _CLAUSE_MARKS:
                break
            controller = self.group(index)
            if controller is None:
                continue
            if controller.infinitive:
                return self.controller(controller)
            if index == position and (
                controller.lemma in v.INTENTION_LEMMAS or controller.lemma in v.EXPECTATION_LEMMAS
            ):
                return "future", "intention"  # "plans to", "agreed to hold"
            return controller.tense, controller.modality
        return None, None

    def _object_controller(self, position: int) -> tuple[str | None, str | None]:
        """ "subpoenaed Elian to testify on Feb. 10": a verb that directs someone to act
        puts the act ahead; after any other noun the infinitive has no time of its own."""
        for index in range(position - 1, max(-1, position - 6), -1):
            if self.word(index) in _CLAUSE_MARKS or self.word(index) == ",":
                break
            group = self.group(index)
            if group is not None:
                if group.lemma in v.DIRECTIVE_LEMMAS:
                    return "future", "intention"
                break
        return None, None

    def _date_of_the_act(self, verb: int, expression: int) -> bool:
        """Whether the expression dates the verb's own act: only a preposition (or
        nothing) stands between them ("predicted Wednesday", "was planned for March")."""
        between = [self.word(i) for i in range(verb + 1, expression)]
        return "for" not in between and all(
            word in v.PREPOSITIONS or word in {"early", "late", "mid"} for word in between
        )

    def time_clause(self, first: int) -> bool:
        """Whether the clause of a verb group is one of time or condition ("when he is
        sentenced"): before its subject, a word such as when, once or until."""
        for position in range(first - 1, max(-1, first - 7), -1):
            word = self.word(position)
            if word in v.TIME_CLAUSE_WORDS:
                return True
            if word in _CLAUSE_MARKS or word in _SENTENCE_MARKS or word == ",":
                return False
            group = self.group(position)
            if group is not None and word not in v.AUXILIARIES:
                return False
        return False

    def reading(self, group: _Group, expression: int) -> Reading:
        tense, modality = group.tense, group.modality
        if group.infinitive:
            tense, modality = self.controller(group)
        elif tense == "present" and self.time_clause(group.first):
            modality = "time-clause"
        if modality == "pluperfect":
            modality = None
        elif (
            group.lemma in v.ARRANGING_LEMMAS
            and tense in {"past", "perfect", "present"}
            and not self._date_of_the_act(group.last, expression)
        ):
            # "planned a rally on Saturday", "has scheduled a news conference Thursday":
            # the date of what was arranged ("Cuba predicted Wednesday" dates the act).
            tense = "future"
            modality = "expectation" if group.lemma in v.EXPECTATION_LEMMAS else "intention"
        verb = (self.starts[group.first], self.ends[group.last])
        return Reading(tense, modality, verb)

    def opening(self, index: int, sentence_start: int) -> bool:
        """Whether the expression at ``tokens[index]`` opens its clause, after its
        preposition and modifiers ("On Tuesday, the two governments agreed")."""
        position = index
        while position > sentence_start and (
            self.word(position - 1) in v.PREPOSITIONS
            or self.word(position - 1) in {"early", "late", "the", "last", "next", "this"}
        ):
            position -= 1
        if position <= sentence_start:
            return True
        before = self.word(position - 1)
        if before == "(":
            return False  # "will leave at 4 in the morning (4 a.m. EDT Thursday)": an aside
        # ("today and Friday": "and" joins two expressions more often than two clauses.)
        return before in _CLAUSE_MARKS or before in v.SUBORDINATORS or before in {"that", ","}

    def left(self, first: int, sentence_start: int) -> _Group | Reading | None:
        """The nearest verb group before the expression in its clause, or a reading from a
        word of its noun phrase ("the upcoming vote on Tuesday", "payable Dec. 7")."""
        for index in range(first - 1, max(sentence_start, first - _REACH) - 1, -1):
            word = self.word(index)
            if word == ";" or word in _CONTRASTS:
                return None  # another clause's tense ("rose in March, while it forecast")
            if (word in v.AHEAD_WORDS and self.word(index - 1) not in v.AUXILIARIES) or (
                word in v.AHEAD_PARTICIPLES and self.word(index - 1) in _DETERMINERS_AND_POSSESSIVE
            ):
                return Reading("future", "cue")
            if word == "since":
                return Reading("past", "cue")  # "had expected the cut since the referendum in June"
            group = self.group(index)
            if group is None:
                continue
            no_time = group.tense is None and not group.infinitive and group.modality is None
            if no_time and word.endswith("ing"):
                continue  # "since leaving the Patriots": the tense is elsewhere
            return group
        return None

    def right(self, last: int, sentence_end: int) -> _Group | None:
        """The first verb group after the expression in its clause (asides in dashes or
        brackets skipped)."""
        index = last + 1
        while index < sentence_end:
            word = self.word(index)
            if word in {"--", "(", "—"}:
                closing = {"--": "--", "(": ")", "—": "—"}[word]
                ahead = [i for i in range(index + 1, sentence_end) if self.word(i) == closing]
                index = (ahead[0] if ahead else index) + 1
                continue
            if word == ";" or word in _CONTRASTS:
                return None
            if word in v.AUXILIARIES or word in v.MODALS or v.verb_forms(word)[0]:
                end = index  # the main verb is the last verb word of the run
                while end + 1 < sentence_end and self._continues_group(end + 1):
                    end += 1
                while end > index and self.word(end) in _GROUP_TAIL:
                    end -= 1
                group = self.group(end)
                if group is None or group.infinitive:
                    # "League plans to hold a news conference": the finite verb of the run.
                    group = self.group(index)
                if group is not None and not group.infinitive and (group.tense or group.modality):
                    return group
            index += 1
        return None

    def _continues_group(self, index: int) -> bool:
        word, previous = self.word(index), self.word(index - 1)
        if word in _GROUP_INNER:
            return True
        joins = previous in v.AUXILIARIES or previous in v.MODALS or previous == "to"
        return joins and bool(v.verb_forms(word)[0])


_LEFT_WINDOW = 150
_RIGHT_WINDOW = 110


def read_clause(words: Sentence, start: int, end: int) -> Reading | None:
    """The tense and modality of the verb that governs ``text[start:end]`` in the
    sentence ``words``, or None when no verb group can be read around it."""
    first = bisect.bisect_left(words.starts, start)
    last = bisect.bisect_left(words.starts, end) - 1
    if first > last:
        return None
    # As far as a verb may stand from the expression it governs.
    window_start = bisect.bisect_left(words.starts, start - _LEFT_WINDOW)
    window_end = bisect.bisect_right(words.ends, end + _RIGHT_WINDOW)
    if words.opening(first, window_start):
        found = words.right(last, window_end) or words.left(first, window_start)
    else:
        found = words.left(first, window_start) or words.right(last, window_end)
    if found is None or isinstance(found, Reading):
        return found
    return words.reading(found, first)
