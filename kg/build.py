"""Build a folder of outputs: ``graph.ttl``, ``graph.html`` and any other format asked for."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.lexicon import default_lexicon, read_user_lexicon
from kg.pipeline import BuildResult, build
from kg.write import EXTENSIONS, OutputFolder, write_to

__all__ = ["FolderBuild", "build_to_folder"]

log = logging.getLogger(__name__)


@dataclass
class FolderBuild(BuildResult):
    written: list[Path] = field(default_factory=list)


def build_to_folder(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    formats: Sequence[str] = (),
    lexicons: Sequence[str | os.PathLike[str]] = (),
    *,
    jobs: int | None = 1,
    progress: bool = False,
) -> FolderBuild:
    """Build the graph of ``paths`` and write it under ``out``.

    Always writes ``graph.ttl`` and ``graph.html``; ``formats`` adds
    ``graph.nt``, ``graph.jsonld``, ``graph.trig``, ``graph.rdf``,
    ``graph.graphml`` or ``graph.gexf``. Every file is first written to a
    temporary file beside it, and all are renamed into place together once all
    are complete, so an interrupted or failed build leaves the previous outputs
    as they were. When no document could be built nothing is written (``written``
    is empty), for an empty graph would only replace a good one. ``jobs`` and
    ``progress`` are passed to ``kg.pipeline.build``.
    """
    lexicon = default_lexicon()
    if lexicons:
        lexicon = lexicon.with_user_names(read_user_lexicon(lexicons))
    result = build(paths, lexicon, jobs=jobs, progress=progress)
    if not result.corpus.docs:
        return FolderBuild(result.graph, result.corpus, result.errors, [])
    started = time.perf_counter()
    with OutputFolder(out) as staged:
        with staged.open("graph.ttl") as handle:
            write_to(result.graph, handle, "ttl")
        for fmt in dict.fromkeys(formats):
            if fmt in EXTENSIONS:
                with staged.open(f"graph.{EXTENSIONS[fmt]}") as handle:
                    write_to(result.graph, handle, fmt)
            else:
                from kg.graphs import write_network

                write_network(result.graph, staged.temp(f"graph.{fmt}"), fmt)
        from kg.viewer import write_html

        write_html(result.graph, staged.temp("graph.html"))
        written = staged.commit()
    log.info("wrote %s in %.1f s", ", ".join(p.name for p in written), time.perf_counter() - started)
    return FolderBuild(result.graph, result.corpus, result.errors, written)
