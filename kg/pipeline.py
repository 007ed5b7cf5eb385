"""The whole flow, in order: the one place that lists every stage.

    load → sentences → mentions → resolve → link → relations   (per document)
    merge                                                      (across documents)
    to_rdf → write                                             (the graph)

Each per-document stage is a plain ``Doc -> Doc`` function.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from rdflib import Graph

from kg import link, mentions, relations, resolve, sentences
from kg.errors import DocumentError
from kg.lexicon import Lexicon, default_lexicon
from kg.load import read_documents
from kg.to_rdf import to_graph
from kg.types import Corpus, Doc, Document

__all__ = ["STAGES", "stages", "process", "build", "BuildResult"]

log = logging.getLogger(__name__)

Stage = Callable[[Doc], Doc]

STAGES: tuple[Callable[..., Doc], ...] = (
    sentences.split,
    mentions.find,
    resolve.resolve,
    link.link,
    relations.find,
)


def stages(lexicon: Lexicon | None = None) -> tuple[Stage, ...]:
    """The per-document stages, those that read rules given ``lexicon``."""
    lexicon = lexicon or default_lexicon()
    return tuple(
        stage if stage is sentences.split else functools.partial(stage, lexicon=lexicon) for stage in STAGES
    )


def process(document: Document, lexicon: Lexicon | None = None) -> Doc:
    """Run one document through every per-document stage."""
    doc = Doc(document)
    for stage in stages(lexicon):
        doc = stage(doc)
    return doc


@dataclass
class BuildResult:
    graph: Graph
    corpus: Corpus
    errors: list[DocumentError] = field(default_factory=list)


def build(paths: Iterable[str | os.PathLike[str]], lexicon: Lexicon | None = None) -> BuildResult:
    """Read every document under ``paths`` and return the graph of all of them.

    A document that cannot be read is recorded in ``errors`` and skipped; the
    others are still built.
    """
    lexicon = lexicon or default_lexicon()
    docs: list[Doc] = []
    errors: list[DocumentError] = []
    for item in read_documents(paths):
        if isinstance(item, DocumentError):
            log.error("%s", item)
            errors.append(item)
        else:
            docs.append(process(item, lexicon))
    corpus = resolve.merge(docs)
    return BuildResult(to_graph(corpus), corpus, errors)
