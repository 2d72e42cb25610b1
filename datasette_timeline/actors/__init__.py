"""People, countries, organisations and places named in news text.

``find_entities`` runs a rule-based finder by default (gazetteers compiled from the
countryinfo package plus rules for titles, organisation words and place phrases; no model
download), or a spaCy pipeline when ``ner="spacy"``. Both return the same ``Entity``
records with canonical names, and both go through the same cross-sentence resolution
(short mentions and subject pronouns, see ``resolve``).
"""

from __future__ import annotations

from .model import ACTOR_KINDS, KINDS, Entity

__all__ = ["ACTOR_KINDS", "KINDS", "Entity", "find_entities"]


def find_entities(
    text: str,
    *,
    ner: str = "rules",
    spacy_model: str | None = None,
    sentences: list[tuple[int, int]] | None = None,
    language: str = "en",
) -> list[Entity]:
    """Return the entities of ``text``, sorted by start offset, covering the whole text.

    ``ner`` is ``"rules"`` (default) or ``"spacy"``; the latter loads ``spacy_model``
    (a package name or a path to a saved pipeline) once and reuses it. ``sentences``,
    the text's ``sentence_spans`` if the caller has them, saves splitting it again.

    The rules and the spaCy mapping are written for English. A text in another
    ``language`` (ISO 639 code) gets only the gazetteer's names written as it writes
    them (countries, capitals, regions, well-known bodies, cities): no rule reads the
    words around a name, and no English model reads the text.
    """
    if language != "en":
        from .rules import find_gazetteer_names

        return find_gazetteer_names(text, sentences)
    if ner == "rules":
        from .rules import find_rule_entities

        return find_rule_entities(text, sentences)
    if ner == "spacy":
        if not spacy_model:
            raise ValueError("ner='spacy' needs spacy_model (a spaCy package name or path)")
        from .spacy_backend import find_spacy_entities

        return find_spacy_entities(text, spacy_model)
    raise ValueError(f"unknown ner backend {ner!r}; use 'rules' or 'spacy'")
