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
) -> list[Entity]:
    """Return the entities of ``text``, sorted by start offset, covering the whole text.

    ``ner`` is ``"rules"`` (default) or ``"spacy"``; the latter loads ``spacy_model``
    (a package name or a path to a saved pipeline) once and reuses it. ``sentences``,
    the text's ``sentence_spans`` if the caller has them, saves splitting it again.
    """
    if ner == "rules":
        from .rules import find_rule_entities

        return find_rule_entities(text, sentences)
    if ner == "spacy":
        if not spacy_model:
            raise ValueError("ner='spacy' needs spacy_model (a spaCy package name or path)")
        from .spacy_backend import find_spacy_entities

        return find_spacy_entities(text, spacy_model)
    raise ValueError(f"unknown ner backend {ner!r}; use 'rules' or 'spacy'")
