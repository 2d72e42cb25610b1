"""The events database, named once: its tables and columns, which columns are facets, and
how documents, events, mentions, actors and places link.

Events and mentions dated by their own expression have ``expression`` = that expression
as written and ``char_start``/``char_end`` = its offsets in the document's ``text``. An
event the article dates only by its publication (``events.dated_by = 'publication'``: "The
former prime minister has died aged 92.") has no expression: ``expression`` is null, its
``date`` is the publication day, and ``char_start``/``char_end`` are the offsets of the
verb group that tells it ("has died"); its mention rows are alike. ``mention_count`` counts
every mention row of an event, its own included (0 for an event merged into another).

``storage`` creates and writes the tables through these definitions; the web layer and
the exports should ask this module (and the plugin configuration) for a name instead of
typing it, so that renaming a column is one edit here. Plain data, no SQL, no imports
of the rest of the package.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ForeignKey:
    column: str
    other_table: str
    other_column: str


@dataclass(frozen=True)
class Table:
    """A table: its columns in order with their Python types, primary key, links, indexes."""

    name: str
    columns: tuple[tuple[str, type], ...]
    pk: str | tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    # Plain indexes, each a tuple of columns (in index order).
    indexes: tuple[tuple[str, ...], ...] = ()

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(name for name, _type in self.columns)

    def column_types(self) -> dict[str, type]:
        return dict(self.columns)

    def link_to(self, other: Table) -> ForeignKey:
        """The foreign key of this table that points to ``other``."""
        return next(fk for fk in self.foreign_keys if fk.other_table == other.name)


DOCUMENTS = Table(
    "documents",
    (
        ("id", str),  # content hash: the same text is the same document
        ("title", str),
        ("published", str),
        ("source", str),  # path or URL the document was read from (with #row for records)
        ("text", str),
        # Where a document came from beyond ``source``: a page's canonical URL, the row's
        # own id, and for rows of an SQLite table the table and rowid (back-links).
        ("url", str),
        ("source_id", str),
        ("source_table", str),
        ("source_rowid", int),
        # ISO 639 code ("es"): declared by the input or detected; null when no language
        # could be told (and for documents stored before languages were).
        ("language", str),
    ),
    pk="id",
)

EVENTS = Table(
    "events",
    (
        ("id", str),
        ("document_id", str),
        ("date", str),  # TIMEX3 value at its true precision
        ("precision", str),
        ("start", str),  # first and last ISO day covered (inclusive)
        ("end", str),
        ("year", int),
        ("expression", str),  # the temporal expression as written
        ("text", str),  # the clause: the event's label, full-text indexed
        ("sentence", str),
        ("actors", str),  # JSON array of actor names
        ("places", str),  # JSON array of place names
        ("resolved", int),
        ("mod", str),
        ("char_start", int),
        ("char_end", int),
        ("event_type", str),
        ("trigger", str),
        ("mention_count", int),
        ("merged_into", str),  # the event this one reports again, or null
        ("dated_by", str),  # null: its own expression; "publication": the publication day
        # The language of its document (documents.language), here so that the timeline,
        # the table page and Datasette's filters (?language=es) need no join.
        ("language", str),
    ),
    pk="id",
    foreign_keys=(ForeignKey("document_id", "documents", "id"),),
    # (precision, start): the timeline finds the events known only to a span (a year in a
    # month view, a decade in a year view) without reading every row.
    indexes=(
        ("start",),
        ("year",),
        ("document_id",),
        ("event_type",),
        ("merged_into",),
        ("precision", "start"),
        ("language",),
    ),
)

# Every place a document tells an event is a mention (document, offsets, sentence): an
# event's own expression, the other mentions of it in the same document, and the mentions
# of an event merged into it from another document, all pointing to the one event row.
MENTIONS = Table(
    "mentions",
    (
        ("id", str),
        ("event_id", str),
        ("document_id", str),
        ("char_start", int),
        ("char_end", int),
        ("expression", str),
        ("sentence", str),
    ),
    pk="id",
    foreign_keys=(
        ForeignKey("event_id", "events", "id"),
        ForeignKey("document_id", "documents", "id"),
    ),
    indexes=(("event_id",), ("document_id",)),
)

ACTORS = Table(
    "actors",
    # ``surname``: a person's, lower-cased, to find the same person across articles
    (("id", str), ("name", str), ("kind", str), ("code", str), ("surname", str)),
    pk="id",
    indexes=(("name",), ("kind", "surname")),
)

# Every way articles write an actor ("President Obama", "Obama" for "Barack Obama").
ACTOR_ALIASES = Table(
    "actor_aliases",
    (("actor_id", str), ("alias", str)),
    pk=("actor_id", "alias"),
    foreign_keys=(ForeignKey("actor_id", "actors", "id"),),
    indexes=(("alias",),),
)

EVENT_ACTORS = Table(
    "event_actors",
    (("event_id", str), ("actor_id", str)),
    pk=("event_id", "actor_id"),
    foreign_keys=(ForeignKey("event_id", "events", "id"), ForeignKey("actor_id", "actors", "id")),
    # (actor_id, event_id) covers the actor filter: no lookup of the table rows.
    indexes=(("actor_id", "event_id"),),
)

PLACES = Table("places", (("id", str), ("name", str)), pk="id", indexes=(("name",),))

EVENT_PLACES = Table(
    "event_places",
    (("event_id", str), ("place_id", str)),
    pk=("event_id", "place_id"),
    foreign_keys=(ForeignKey("event_id", "events", "id"), ForeignKey("place_id", "places", "id")),
    indexes=(("place_id",),),
)

# In the order they are created (a table after those it points to).
TABLES = (
    DOCUMENTS,
    ACTORS,
    ACTOR_ALIASES,
    EVENTS,
    EVENT_ACTORS,
    MENTIONS,
    PLACES,
    EVENT_PLACES,
)
# The rows one document brings, in the order they are written.
DOCUMENT_ROWS = (EVENTS, MENTIONS, ACTORS, ACTOR_ALIASES, EVENT_ACTORS, PLACES, EVENT_PLACES)

# The column of events with full-text search.
FULL_TEXT_COLUMN = "text"


@dataclass(frozen=True)
class Link:
    """A many-to-many link from events to named things (actors, places) through a table."""

    link_table: Table  # event_actors
    event_column: str  # event_id
    key_column: str  # actor_id
    named_table: Table  # actors
    name_column: str  # name
    array_column: str  # the events column holding the same names as a JSON array


ACTOR_LINK = Link(EVENT_ACTORS, "event_id", "actor_id", ACTORS, "name", "actors")
PLACE_LINK = Link(EVENT_PLACES, "event_id", "place_id", PLACES, "name", "places")


@dataclass(frozen=True)
class Facet:
    """A facet of the timeline over our own events table.

    ``kind``: "array" counts the names of a JSON array column (or of its ``link``
    table), "column" the values of a column, "foreign" the rows of the table a foreign
    key points to, labelled by that table's label column.
    """

    label: str
    column: str
    kind: str
    chronological: bool = False  # ordered by value, not by count
    link: Link | None = None


FACETS = (
    Facet("Actor", "actors", "array", link=ACTOR_LINK),
    Facet("Year", "year", "column", chronological=True),
    Facet("Type", "event_type", "column"),
    Facet("Place", "places", "array", link=PLACE_LINK),
    Facet("Source", "document_id", "foreign"),
    Facet("Language", "language", "column"),
)

# What each column of events is for, by the name the timeline uses for that role: the
# columns the timeline shows when a table has them.
EVENT_ROLES = {
    "date": "start",  # sorted and range-filtered
    "end": "end",
    "precision": "precision",
    "value": "date",
    "label": "text",
    "group": "actors",
    "year": "year",
    "event_type": "event_type",
    "places": "places",
    "mention_count": "mention_count",
    "sentence": "sentence",
    "mod": "mod",
    "document": "document_id",
    "merged_into": "merged_into",
    "language": "language",
}

# How a document links back to the row it was read from (--from-table, the enrichment).
SOURCE_ROW_COLUMNS = ("source_table", "source_rowid", "source_id")
