"""The plain data that flows between pipeline stages.

Offsets are half-open character offsets into ``Document.text`` (the text as
stored in the graph's document record), so ``doc.text[m.start:m.end] == m.text``
holds for every span.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Document", "Sentence", "Mention", "Entity", "Relation", "Doc", "Corpus"]


@dataclass(frozen=True)
class Document:
    """A loaded, normalised document."""

    id: str  # stable, IRI-safe identifier derived from the file name
    path: str  # where it was read from, as the user gave it
    text: str
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A span of text naming an entity.

    ``text`` is the exact slice of the document; ``name`` is the name it gives,
    with quotation and book-title marks removed (“十百千万”文明创建工程 gives
    十百千万文明创建工程).
    """

    start: int
    end: int
    text: str
    name: str
    type: str  # local name of the most specific ontology class, e.g. "District"
    rule: str = ""  # which finder produced it, for debugging and evaluation


@dataclass(frozen=True)
class Entity:
    """One real-world thing within a document (or, after merging, a corpus)."""

    key: str  # the local part of its IRI
    type: str
    name: str  # canonical (fullest) name
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    division_code: str | None = None  # GB/T 2260, for administrative divisions
    province: str | None = None
    city: str | None = None


@dataclass(frozen=True)
class Relation:
    """``subject predicate object`` between entity keys, with its evidence.

    ``sentence`` is the index of the sentence the relation was read from, or
    ``None`` when it comes from authority data (``authority`` then names it).
    """

    subject: str
    predicate: str
    object: str
    sentence: int | None = None
    position: str | None = None  # worksFor: the post held, e.g. 局长
    authority: str | None = None
    rule: str = ""


@dataclass(frozen=True)
class Doc:
    """A document and everything the stages have found in it so far."""

    document: Document
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    relations: tuple[Relation, ...] = ()

    @property
    def text(self) -> str:
        return self.document.text


@dataclass(frozen=True)
class Corpus:
    """Processed documents whose entities have been merged across documents.

    ``entities`` maps an entity key to the merged entity; each document's
    ``Doc.entities`` keep their per-document view (mentions in that document).
    """

    docs: tuple[Doc, ...]
    entities: dict[str, Entity] = field(default_factory=dict)
