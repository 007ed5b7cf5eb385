"""The ontology as data: where its files are, and what the class tree says."""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from rdflib import RDFS, Graph, URIRef

from kg.namespace import KG

__all__ = ["ontology_path", "shapes_path", "ontology_graph", "class_ancestors", "ENTITY_TYPES", "PREDICATES"]

ENTITY_TYPES = ("Region", "Park", "Company", "Organization", "Program", "Project", "Facility", "Person")
PREDICATES = ("locatedIn", "partOf", "subOrganizationOf", "implements", "worksFor", "memberOf")


def _file(name: str) -> Path:
    return Path(str(resources.files("kg").joinpath("ontology", name)))


def ontology_path() -> Path:
    return _file("kg.ttl")


def shapes_path() -> Path:
    return _file("shapes.ttl")


@functools.lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    return Graph().parse(ontology_path(), format="turtle")


@functools.lru_cache(maxsize=None)
def class_ancestors(local_name: str) -> frozenset[str]:
    """``local_name`` and every kg class above it (District → Region, Entity)."""
    graph = ontology_graph()
    prefix = str(KG._NS)
    found = {local_name}
    frontier = [URIRef(prefix + local_name)]
    while frontier:
        node = frontier.pop()
        for parent in graph.objects(node, RDFS.subClassOf):
            if isinstance(parent, URIRef) and str(parent).startswith(prefix):
                name = str(parent)[len(prefix) :]
                if name not in found:
                    found.add(name)
                    frontier.append(parent)
    return frozenset(found)
