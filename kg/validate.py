"""Validate a graph against ``ontology/shapes.ttl`` with pySHACL."""

from __future__ import annotations

import os

from rdflib import Graph

from kg.graphio import read_graph
from kg.ontology import ontology_graph, shapes_path

__all__ = ["validate", "validate_graph"]


def validate_graph(graph: Graph) -> tuple[bool, str]:
    """``(conforms, readable report)``; the ontology supplies the class tree."""
    import pyshacl

    conforms, _, text = pyshacl.validate(
        graph,
        shacl_graph=Graph().parse(shapes_path(), format="turtle"),
        ont_graph=ontology_graph(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    return bool(conforms), str(text)


def validate(path: str | os.PathLike[str]) -> tuple[bool, str]:
    return validate_graph(read_graph(path))
