"""English verb forms: which words can be which form of a verb.

Closed classes (auxiliaries, modals, determiners, pronouns, prepositions) are listed
here; open-class words are looked up in lemminflect's English lexicon (its lemma and
inflection tables, shipped in its wheel), so any verb of the language is known by its
forms, not only the ones a list of ours names.
"""

from __future__ import annotations

import functools

MODALS = {
    "will": "will", "shall": "will", "'ll": "will", "wo": "will", "would": "conditional",
    "'d": "conditional", "may": "possibility", "might": "possibility", "can": "possibility",
    "could": "possibility", "must": "possibility", "should": "possibility",
    "ought": "possibility", "ca": "possibility",
}  # fmt: skip
BE_PRESENT = frozenset(["is", "are", "am", "'s", "'re", "'m"])
BE_PAST = frozenset(["was", "were"])
BE_OTHER = frozenset(["be", "been", "being"])
HAVE_PRESENT = frozenset(["has", "have", "'ve"])
HAVE_PAST = frozenset(["had"])
DO_PRESENT = frozenset(["do", "does"])
DO_PAST = frozenset(["did"])
AUXILIARIES = BE_PRESENT | BE_PAST | BE_OTHER | HAVE_PRESENT | HAVE_PAST | DO_PRESENT | DO_PAST
BE_FORMS = BE_PRESENT | BE_PAST | BE_OTHER
DO_FORMS = DO_PRESENT | DO_PAST
PAST_AUXILIARIES = HAVE_PAST | BE_PAST | DO_PAST
PRESENT_AUXILIARIES = BE_PRESENT | DO_PRESENT | HAVE_PRESENT
NEGATIONS = frozenset(["not", "n't", "never"])

DETERMINERS = frozenset(
    "the a an this that these those its their his her our my your some any every each no "
    "another both either neither all several many much more most few such".split()
)
SUBJECT_PRONOUNS = frozenset("i you he she it we they who which there".split())
PREPOSITIONS = frozenset(
    "on in at by for from to with of after before until till since during through over under "
    "about into onto between against across within without near around via per amid among "
    "ahead toward towards upon beyond despite inside outside throughout up down off out "
    "than like".split()
)
# Words after which a new clause begins.
SUBORDINATORS = frozenset(
    "while whereas although though because when once if unless whether until till after "
    "before as since where".split()
)
# Subordinators whose clause puts a present tense in the future ("when he is sentenced
# on May 4", "once the vote is counted on Friday").
TIME_CLAUSE_WORDS = frozenset("when once if unless until till after before".split())
# Adverbs that stand inside a verb group ("has already agreed", "last won").
GROUP_ADVERBS = frozenset(
    "also still already just now then again only even yet soon last first never ever "
    "not n't finally recently previously later earlier officially formally jointly".split()
)

# Verbs whose infinitive or object looks ahead: "plans to hold talks on Tuesday", "expect
# an election on 7 June".
INTENTION_LEMMAS = frozenset(
    "plan hope aim agree decide promise vow pledge prepare want intend seek threaten offer "
    "propose vote schedule arrange wish mean undertake resolve choose opt plot push "
    "move need".split()
)
# Verbs that direct someone to act: the act lies ahead ("subpoenaed Elian to testify on
# Feb. 10", "urged them to vote on Sunday").
DIRECTIVE_LEMMAS = frozenset(
    "ask order urge invite summon subpoena require force tell instruct direct allow permit "
    "authorize authorise encourage persuade press call want expect schedule".split()
)
EXPECTATION_LEMMAS = frozenset("expect predict forecast anticipate project foresee".split())
# "is due to", "is set to", "is expected to": an adjective or participle after "be" that,
# with "to", says the event lies ahead.
PLAN_PREDICATES = frozenset(
    "due set scheduled slated expected poised likely supposed planned going about bound "
    "ready unlikely certain sure tipped billed".split()
)
# Present progressives that describe an ongoing effort, not an arrangement ("is trying
# to", unlike "is meeting the board on Friday").
ONGOING_LEMMAS = frozenset(
    "continue try seek work wait look hope struggle battle fight face rise fall grow "
    "remain stay live".split()
)
# Verbs whose present tense states a condition, an opinion or a report rather than a
# timetable ("she estimates her properties were worth ... in October").
STATIVE_LEMMAS = frozenset(
    "be have remain seem appear belong own contain include mean know believe think want "
    "need like cost owe stand lie sit say tell report show suggest note estimate argue "
    "claim insist explain add warn admit acknowledge deny recall feel hold consider "
    "see hear understand remember agree disagree doubt fear worry hope wish reckon "
    "maintain contend concede accept list put describe call cite quote count".split()
)
# Verbs after which a participle or adjective is a complement ("will stay closed",
# "remain shut"): the time is that of the linking verb.
LINKING_LEMMAS = frozenset("stay remain keep get become seem appear be".split())
# Verbs that arrange or foresee something: their object's date lies ahead of them
# ("planned a rally on Saturday", "scheduled a hearing for Thursday", "the summit
# planned for April"), unless the plan itself is put in the past ("had been planned").
ARRANGING_LEMMAS = frozenset(
    "plan schedule slate arrange book expect forecast predict propose reschedule postpone".split()
)
# Words of a noun phrase that put its date ahead: "the upcoming vote on Tuesday",
# "payable Dec. 7", "effective Feb. 1", "due on Friday".
AHEAD_WORDS = frozenset("upcoming forthcoming payable effective impending due".split())
# The same, as participles: only after a determiner ("the planned rally on Saturday";
# "protesters planned a rally" is a verb).
AHEAD_PARTICIPLES = frozenset("planned scheduled proposed slated expected".split())


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[object, object]:
    import lemminflect  # loaded on first use: its tables take a fraction of a second

    return lemminflect.getAllLemmas, lemminflect.getAllInflections


@functools.lru_cache(maxsize=1 << 16)
def word_classes(word: str) -> frozenset[str]:
    """The universal parts of speech ``word`` (lower case) can have: VERB, NOUN, ADJ..."""
    get_lemmas, _ = _lexicon()
    return frozenset(get_lemmas(word))  # type: ignore[operator]


@functools.lru_cache(maxsize=1 << 16)
def verb_forms(word: str) -> tuple[frozenset[str], str]:
    """The Penn tags ``word`` (lower case) has as a verb (VBD, VBN, VBZ, VBP, VB, VBG) and
    its lemma; empty when it is no verb."""
    get_lemmas, get_inflections = _lexicon()
    lemmas = get_lemmas(word, upos="VERB")  # type: ignore[operator]
    for lemma in lemmas.get("VERB", ()):
        inflections = get_inflections(lemma, upos="VERB")  # type: ignore[operator]
        tags = {tag for tag, forms in inflections.items() if word in forms}
        if "VBD" in tags and "VBN" not in inflections:
            tags.add("VBN")  # the tables write a participle only where it differs
        if tags:
            return frozenset(tags), lemma
    return frozenset(), ""
