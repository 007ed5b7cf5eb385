"""Build a folder of outputs: ``graph.ttl``, ``graph.html`` and any other format asked for."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from kg.lexicon import default_lexicon, read_user_lexicon
from kg.pipeline import BuildResult, build
from kg.write import EXTENSIONS, write_graph

__all__ = ["build_to_folder", "FolderBuild"]


@dataclass
class FolderBuild(BuildResult):
    written: list[Path] = field(default_factory=list)


def build_to_folder(
    paths: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    formats: Sequence[str] = (),
    lexicons: Sequence[str | os.PathLike[str]] = (),
) -> FolderBuild:
    """Build the graph of ``paths`` and write it under ``out``.

    Always writes ``graph.ttl`` and ``graph.html``; ``formats`` adds
    ``graph.nt``, ``graph.jsonld``, ``graph.trig``, ``graph.rdf``,
    ``graph.graphml`` or ``graph.gexf``. Each file is replaced atomically.
    """
    lexicon = default_lexicon()
    if lexicons:
        lexicon = lexicon.with_user_names(read_user_lexicon(lexicons))
    result = build(paths, lexicon)
    out = Path(out)
    written = [write_graph(result.graph, out / "graph.ttl", "ttl")]
    for fmt in dict.fromkeys(formats):
        if fmt in EXTENSIONS:
            written.append(write_graph(result.graph, out / f"graph.{EXTENSIONS[fmt]}", fmt))
        else:
            from kg.graphs import write_network

            written.append(write_network(result.graph, out / f"graph.{fmt}", fmt))
    from kg.viewer import write_html

    written.append(write_html(result.graph, out / "graph.html"))
    return FolderBuild(result.graph, result.corpus, result.errors, written)
