"""Write the graph viewer page (first version: an escaped list; the full viewer replaces it)."""

from __future__ import annotations

import html
import os
from pathlib import Path

from rdflib import RDF, RDFS, Graph

from kg.write import atomic_write

__all__ = ["render_html", "write_html"]


def render_html(graph: Graph) -> str:
    rows = sorted(
        (str(graph.value(s, RDFS.label) or s), str(o).rsplit("#", 1)[-1])
        for s, o in graph.subject_objects(RDF.type)
        if graph.value(s, RDFS.label) is not None
    )
    items = "\n".join(f"<li>{html.escape(label)} <small>{html.escape(cls)}</small></li>" for label, cls in rows)
    return f"<!doctype html><meta charset=utf-8><title>kg</title><ul>\n{items}\n</ul>\n"


def write_html(graph: Graph, path: str | os.PathLike[str]) -> Path:
    atomic_write(path, render_html(graph).encode("utf-8"))
    return Path(path)
