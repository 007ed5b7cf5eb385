"""Read a built graph back: a graph file in any RDF format, or a build folder."""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Graph
from rdflib.util import guess_format

from kg.errors import GraphError

__all__ = ["graph_file", "read_graph"]


def graph_file(path: str | os.PathLike[str]) -> Path:
    """``path`` itself, or ``path/graph.ttl`` for a build folder."""
    path = Path(path)
    if path.is_dir():
        path = path / "graph.ttl"
    if not path.is_file():
        raise GraphError(f"{path}: no such graph file; run 'kg build' first or give a .ttl file")
    return path


def read_graph(path: str | os.PathLike[str]) -> Graph:
    path = graph_file(path)
    fmt = guess_format(str(path)) or "turtle"
    try:
        return Graph().parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise GraphError(f"{path}: cannot parse as {fmt}: {exc}") from exc
