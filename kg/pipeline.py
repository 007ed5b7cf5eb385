"""The whole flow, in order: the one place that lists every stage.

    load → sentences → mentions → resolve → link → relations   (per document)
    merge                                                      (across documents)
    to_rdf → write                                             (the graph)

Each per-document stage is a plain ``Doc -> Doc`` function.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from rdflib import Graph

from kg import link, mentions, relations, resolve, sentences
from kg.errors import DocumentError
from kg.lexicon import Lexicon, default_lexicon
from kg.load import Source, find_sources, read_document
from kg.parallel import cpu_count, forks, ordered_map
from kg.to_rdf import to_graph
from kg.types import Corpus, Doc, Document

__all__ = ["STAGES", "BuildResult", "build", "process", "stages"]

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


def build(
    paths: Iterable[str | os.PathLike[str]],
    lexicon: Lexicon | None = None,
    *,
    jobs: int | None = 1,
    progress: bool = False,
) -> BuildResult:
    """Read every document under ``paths`` and return the graph of all of them.

    A document that cannot be read is recorded in ``errors`` and skipped; the
    others are still built. ``jobs`` worker processes read and process the
    documents (``None``: one per core; 1: in this process); results are merged
    in input order, so the graph is the same whatever ``jobs`` is. Documents
    are read one at a time by the workers, never all at once. ``progress``
    shows a progress bar on stderr when it is a terminal.
    """
    lexicon = lexicon or default_lexicon()
    sources, errors = find_sources(paths)
    for error in errors:
        log.info("skipped %s", error)
    jobs = min(cpu_count() if jobs is None else jobs, len(sources))
    if jobs > 1:
        _warm_up(lexicon)
        task, initargs = _process_source, (lexicon if forks() else dataclasses.replace(lexicon),)
    else:
        task, initargs = functools.partial(_process_source, lexicon=lexicon), (None,)
    docs: list[Doc] = []
    started = time.perf_counter()
    with ordered_map(task, sources, jobs, _start_worker, initargs) as results, \
            _progress(len(sources), progress) as advance:
        for source, outcome in zip(sources, results):
            if isinstance(outcome, Doc):
                log.info("%s: %s", source.path, outcome.document.encoding)
                docs.append(outcome)
            else:
                error = DocumentError(*outcome)
                log.info("skipped %s", error)
                errors.append(error)
            advance()
    log.info("read and processed %d documents in %.1f s (%d jobs)", len(sources), time.perf_counter() - started, jobs)
    started = time.perf_counter()
    corpus = resolve.merge(docs)
    graph = to_graph(corpus)
    log.info("merged and made a graph of %d triples in %.1f s", len(graph), time.perf_counter() - started)
    return BuildResult(graph, corpus, errors)


# The lexicon of a worker process, set once when it starts.
_worker_lexicon: Lexicon | None = None


def _start_worker(lexicon: Lexicon | None) -> None:
    global _worker_lexicon
    _worker_lexicon = lexicon


def _warm_up(lexicon: Lexicon) -> None:
    """Load everything the stages load lazily (tokenizer, models) once, before workers fork."""
    process(Document(id="warm-up", path="<warm-up>", text="北京市科技局局长说。"), lexicon)


def _process_source(source: Source, lexicon: Lexicon | None = None) -> Doc | tuple[str, str]:
    """Read and process one document; a failure comes back as ``(path, reason)``.

    An error in a stage is caught too, so one odd document cannot end a
    build; its reason asks for a report, since that is a bug.
    """
    try:
        document = read_document(source.path, source.id)
    except DocumentError as err:
        return err.path, err.reason
    try:
        return process(document, lexicon or _worker_lexicon)
    except Exception as exc:
        log.debug("%s: extraction failed", source.path, exc_info=True)
        return str(source.path), f"extraction failed ({type(exc).__name__}: {exc}); please report this as a bug"


@contextlib.contextmanager
def _progress(total: int, enabled: bool) -> Iterator[Callable[[], object]]:
    """A progress bar on stderr for many documents, only when stderr is a terminal."""
    if not enabled or total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    with tqdm(total=total, unit="doc", file=sys.stderr, delay=0.5, dynamic_ncols=True) as bar, \
            logging_redirect_tqdm():
        yield bar.update
