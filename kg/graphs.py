"""The entity graph as a networkx graph: conversion, ranking, layout, GraphML/GEXF export.

The RDF graph holds entities, relations, their provenance and the documents;
graph tools (Gephi, Cytoscape, networkx itself) want only the entities and
the relations between them. :func:`to_networkx` makes that view, one node per
entity and one edge per relation triple; :func:`importance` and :func:`layout`
are free functions over it (the viewer sizes and places nodes with them);
:func:`write_network` writes it as GraphML or GEXF.

>>> from kg.graphs import to_networkx
>>> from rdflib import Graph
>>> to_networkx(Graph()).number_of_nodes()
0
"""

from __future__ import annotations

import logging
import math
import os
import re
from collections.abc import Iterable
from pathlib import Path

import networkx as nx
import numpy as np
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV, SKOS

from kg.namespace import KG, NIF
from kg.ontology import ENTITY_TYPES, PREDICATES, class_ancestors, ontology_graph
from kg.write import atomic_write

__all__ = [
    "NETWORK_FORMATS",
    "to_networkx",
    "property_map",
    "top_type",
    "zh_label",
    "importance",
    "layout",
    "write_network",
]

log = logging.getLogger(__name__)

NETWORK_FORMATS = ("graphml", "gexf")

_KG = str(KG._NS)


def _local(term: object) -> str | None:
    """Local name of a kg ontology term, or None for any other IRI."""
    text = str(term)
    return text[len(_KG) :] if isinstance(term, URIRef) and text.startswith(_KG) else None


def top_type(class_name: str) -> str | None:
    """The top entity class (one of ``ENTITY_TYPES``) above ``class_name``.

    >>> top_type("District"), top_type("GovernmentBody"), top_type("Document")
    ('Region', 'Organization', None)
    """
    ancestors = class_ancestors(class_name)
    return next((t for t in ENTITY_TYPES if t in ancestors), None)


def zh_label(term_name: str) -> str:
    """The Chinese ``rdfs:label`` of a kg ontology term (``locatedIn`` → 位于), else its name.

    >>> zh_label("locatedIn"), zh_label("District")
    ('位于', '县级行政区')
    """
    for label in ontology_graph().objects(KG[term_name], RDFS.label):
        if isinstance(label, Literal) and label.language == "zh":
            return str(label)
    return term_name


def _text(graph: Graph, node, predicate) -> str:
    value = graph.value(node, predicate)
    return "" if value is None else str(value)


def property_map(graph: Graph, predicate: URIRef) -> dict:
    """subject → object of every ``predicate`` triple, in one pass over them.

    Much faster than one ``graph.value`` per subject on big graphs. Where a
    subject has several values the smallest (as text) wins, so the result
    does not depend on rdflib's set order.
    """
    found: dict = {}
    for s, o in graph.subject_objects(predicate):
        if s not in found or str(o) < str(found[s]):
            found[s] = o
    return found


def _entity_classes(graph: Graph) -> dict[URIRef, str]:
    """Entity IRI → its most specific kg entity class (the one with most ancestors)."""
    found: dict[URIRef, str] = {}
    for node, cls in graph.subject_objects(RDF.type):
        name = _local(cls)
        if not isinstance(node, URIRef) or name is None or top_type(name) is None:
            continue
        known = found.get(node)
        if known is None or (len(class_ancestors(name)), name) > (len(class_ancestors(known)), known):
            found[node] = name
    return found


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """One node per entity and one edge per relation triple, in a stable order.

    Node keys are entity IRIs; attributes: ``label``, ``type`` (most specific
    class), ``top_type`` (one of ``ENTITY_TYPES``), ``aliases`` (tuple),
    ``division_code``, ``province``, ``city``, ``mention_count``. Edge keys are
    predicate names; attributes: ``predicate``, ``label`` (Chinese), ``sources``
    (sentence IRIs the relation was read from), ``evidence`` (their text),
    ``authority`` (label of the authority data set, if any) and ``position``.
    """
    network = nx.MultiDiGraph()
    classes = _entity_classes(graph)
    labels = property_map(graph, RDFS.label)
    columns = {name: property_map(graph, term) for name, term in
               (("division_code", KG.divisionCode), ("province", KG.province), ("city", KG.city))}
    counts = property_map(graph, KG.mentionCount)
    aliases: dict = {}
    for node, alias in graph.subject_objects(SKOS.altLabel):
        aliases.setdefault(node, []).append(str(alias))
    for node in sorted(classes, key=str):
        cls = classes[node]
        network.add_node(
            str(node),
            label=str(labels.get(node) or str(node).rsplit("/", 1)[-1]),
            type=cls,
            top_type=top_type(cls),
            aliases=tuple(sorted(aliases.get(node, ()))),
            **{name: str(column.get(node) or "") for name, column in columns.items()},
            mention_count=int(counts.get(node) or 0),
        )
    statements = _statements(graph)
    triples = sorted(
        (str(s), name, str(o))
        for name in PREDICATES
        for s, o in graph.subject_objects(KG[name])
        if str(s) in network and str(o) in network
    )
    for s, name, o in triples:
        found = statements.get((s, name, o), [])
        sources = tuple(sorted({src for src, _, _ in found if src}))
        network.add_edge(
            s,
            o,
            key=name,
            predicate=name,
            label=zh_label(name),
            sources=sources,
            evidence=tuple(_text(graph, URIRef(src), NIF.anchorOf) for src in sources),
            authority="、".join(sorted({a for _, a, _ in found if a})),
            position="、".join(sorted({p for _, _, p in found if p})),
        )
    return network


def _statements(graph: Graph) -> dict[tuple[str, str, str], list[tuple[str, str, str]]]:
    """(subject, predicate, object) → [(sentence IRI, authority label, position)] from the statement nodes."""
    found: dict[tuple[str, str, str], list[tuple[str, str, str]]] = {}
    for statement in graph.subjects(RDF.type, KG.RelationStatement):
        predicate = _local(graph.value(statement, RDF.predicate))
        if predicate is None:
            continue
        key = (str(graph.value(statement, RDF.subject)), predicate, str(graph.value(statement, RDF.object)))
        position = _text(graph, statement, KG.position)
        for source in graph.objects(statement, PROV.wasDerivedFrom):
            found.setdefault(key, []).append((str(source), "", position))
        for authority in graph.objects(statement, KG.fromAuthority):
            label = _text(graph, authority, RDFS.label) or _text(ontology_graph(), authority, RDFS.label)
            found.setdefault(key, []).append(("", label or str(authority), position))
    return found


# ---------------------------------------------------------------- ranking


def importance(network: nx.MultiDiGraph) -> dict[str, float]:
    """PageRank of each node, scaled so the most important node has 1.0.

    Relations point from the smaller thing to the larger (company → park →
    district, person → employer), so PageRank favours the places and bodies
    many things belong to.

    >>> g = nx.MultiDiGraph([("a", "hub"), ("b", "hub")])
    >>> importance(g)["hub"]
    1.0
    """
    if network.number_of_nodes() == 0:
        return {}
    simple = nx.DiGraph()
    simple.add_nodes_from(network)
    simple.add_edges_from((u, v) for u, v in network.edges() if u != v)
    rank = nx.pagerank(simple)
    top = max(rank.values())
    return {node: rank[node] / top for node in network}


# ---------------------------------------------------------------- layout


def layout(
    network: nx.Graph, seed: int = 7, edge_length: float = 80.0, label_size: float = 13.0
) -> dict[str, tuple[float, float]]:
    """Deterministic 2-D positions, with edges about ``edge_length`` long.

    Each connected component is laid out on its own with a force-directed
    (Fruchterman–Reingold) method whose repulsion only acts between nearby
    nodes (found with a k-d tree), so a 5,000-node component takes about two
    seconds instead of networkx's ``spring_layout`` minute; components of
    more than 50 nodes start from a spectral layout, so the force
    pass only has to work locally. Components are then packed
    in rows, largest first, leaving room for node ``label`` attributes
    drawn ``label_size`` units high under each node.

    >>> pos = layout(nx.path_graph(["a", "b", "c"]))
    >>> sorted(pos) == ["a", "b", "c"] and pos == layout(nx.path_graph(["a", "b", "c"]))
    True
    """
    undirected = nx.Graph()
    undirected.add_nodes_from(network)
    undirected.add_edges_from((u, v) for u, v in network.edges() if u != v)
    order = {node: i for i, node in enumerate(undirected)}
    components = sorted(
        (sorted(c, key=order.__getitem__) for c in nx.connected_components(undirected)),
        key=lambda c: (-len(c), order[c[0]]),
    )
    rng = np.random.default_rng(seed)
    log.debug("layout: %d nodes in %d components", len(order), len(components))
    pieces = [(nodes, _component_layout(_component(undirected, nodes), nodes, rng)) for nodes in components]
    half_width = {
        node: len(str(network.nodes[node].get("label", ""))) * label_size / edge_length / 2 for node in network
    }
    return {
        node: (round(float(x) * edge_length, 1), round(float(y) * edge_length, 1))
        for node, (x, y) in _pack(pieces, half_width).items()
    }


def _component(network: nx.Graph, nodes: list) -> nx.Graph:
    """The component as a graph of its own, nodes and edges in ``nodes``' order.

    Not ``network.subgraph(nodes)``: a view of less than half the graph iterates
    its nodes in set order, which changes with the string hash seed, and the
    layout with it."""
    component = nx.Graph()
    component.add_nodes_from(nodes)
    component.add_edges_from(network.edges(nodes))
    return component


def _component_layout(component: nx.Graph, nodes: list, rng: np.random.Generator) -> np.ndarray:
    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in component.edges()], dtype=np.int64).reshape(-1, 2)
    if n <= 50:
        start = rng.uniform(-1, 1, size=(n, 2)) * math.sqrt(n)
        return _force_directed(start, edges, iterations=150, temperature=math.sqrt(n) / 4)
    start = _spectral_start(component, nodes)
    return _force_directed(start, edges, iterations=100, temperature=2.0)


def _spectral_start(component: nx.Graph, nodes: list) -> np.ndarray:
    """A spectral layout (the Laplacian's second and third eigenvectors), each
    axis replaced by its ranks so the nodes it piles on one spot are spread over
    a square of about one unit² per node.

    Not ``nx.spectral_layout``: on large graphs it asks ARPACK for eigenvectors
    from a random start that depends on what the process computed before."""
    pos = _laplacian_eigenvectors(component, nodes)
    n = len(nodes)
    # An eigenvector's sign is arbitrary (LAPACK builds differ): orient each axis
    # by node order, so the layout does not mirror from one machine to another.
    trend = np.arange(n) - (n - 1) / 2
    pos *= np.where(trend @ pos < 0, -1.0, 1.0)
    side = math.sqrt(n)
    ranks = np.argsort(np.argsort(pos, axis=0, kind="stable"), axis=0, kind="stable")
    return ranks / max(n - 1, 1) * side - side / 2


def _laplacian_eigenvectors(component: nx.Graph, nodes: list) -> np.ndarray:
    from scipy.sparse import diags
    from scipy.sparse.linalg import eigsh

    n = len(nodes)
    adjacency = nx.to_scipy_sparse_array(component, nodelist=nodes, weight=None, dtype=float, format="csr")
    laplacian = diags(np.asarray(adjacency.sum(axis=1)).ravel()) - adjacency
    if n < 500:
        _, vectors = np.linalg.eigh(laplacian.toarray())
        return vectors[:, 1:3]
    start = np.random.default_rng(0).uniform(size=n)
    values, vectors = eigsh(laplacian, k=3, which="SM", ncv=max(7, int(math.sqrt(n))), tol=1e-4, v0=start)
    return vectors[:, np.argsort(values)[1:3]]


def _force_directed(pos: np.ndarray, edges: np.ndarray, iterations: int, temperature: float) -> np.ndarray:
    """Fruchterman–Reingold with ideal edge length 1; above 200 nodes repulsion is
    cut off at 2 units, the grid variant of the original paper.

    As in ForceAtlas2, a node repels with a mass of 1 + √degree, so the many
    leaves of a hub spread out on a wider ring instead of piling up on it.
    """
    from scipy.spatial import cKDTree

    pos = pos.astype(np.float64).copy()
    n = len(pos)
    cutoff = 2.0 if n > 200 else math.inf
    u, v = (edges[:, 0], edges[:, 1]) if len(edges) else (np.zeros(0, int), np.zeros(0, int))
    mass = np.sqrt(1 + np.bincount(u, minlength=n) + np.bincount(v, minlength=n))
    for step in range(iterations):
        disp = np.zeros_like(pos)
        if cutoff == math.inf:
            i, j = np.triu_indices(n, 1)
        else:
            pairs = cKDTree(pos).query_pairs(cutoff, output_type="ndarray")
            i, j = pairs[:, 0], pairs[:, 1]
        delta = pos[i] - pos[j]
        dist2 = np.maximum((delta**2).sum(axis=1), 1e-4)
        push = delta * (mass[i] * mass[j] / dist2)[:, None]  # magnitude m·m/d along the unit vector
        disp += _scatter(i, push, n) - _scatter(j, push, n)
        delta = pos[u] - pos[v]
        pull = delta * np.sqrt((delta**2).sum(axis=1))[:, None]  # magnitude d²
        disp += _scatter(v, pull, n) - _scatter(u, pull, n)
        disp -= 0.05 * mass[:, None] * (pos - pos.mean(axis=0))  # weak gravity keeps loose parts near
        length = np.maximum(np.sqrt((disp**2).sum(axis=1)), 1e-9)
        limit = temperature * (1 - step / iterations) + 0.01
        pos += disp / length[:, None] * np.minimum(length, limit)[:, None]
    return pos - pos.mean(axis=0)


def _scatter(index: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    return np.stack([np.bincount(index, values[:, k], minlength=n) for k in range(2)], axis=1)


def _pack(pieces: Iterable[tuple[list, np.ndarray]], half_width: dict) -> dict:
    """Place laid-out components in rows (largest first), half a unit of margin
    around each box, a box being wide enough for its nodes' labels."""
    pieces = list(pieces)
    boxes = []
    for nodes, pos in pieces:
        w = np.array([half_width[node] for node in nodes])
        low, high = pos.min(axis=0), pos.max(axis=0)
        low[0], high[0] = min(low[0], float((pos[:, 0] - w).min())), max(high[0], float((pos[:, 0] + w).max()))
        boxes.append((low, high))
    area = sum(float(np.prod(high - low + 1)) for low, high in boxes)
    row_width = max(math.sqrt(area) * 1.3, max((float(h[0] - l[0]) + 1 for l, h in boxes), default=0))
    out: dict = {}
    x = y = row_height = 0.0
    for (nodes, pos), (low, high) in zip(pieces, boxes):
        width, height = high - low + 1
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        shifted = pos - low + (x + 0.5, y + 0.5)
        for node, point in zip(nodes, shifted):
            out[node] = (point[0], point[1])
        x += width
        row_height = max(row_height, height)
    return out


# ---------------------------------------------------------------- export


def write_network(graph: Graph, path: str | os.PathLike[str], fmt: str) -> Path:
    """Write the entity graph as GraphML or GEXF (for Gephi, Cytoscape, yEd), atomically.

    Tuple attributes become ``" | "``-joined strings, empty ones are left out,
    and GEXF nodes carry the viewer's colour, size and position so Gephi opens
    the graph looking the same. The bytes depend only on the graph.
    """
    if fmt not in NETWORK_FORMATS:
        raise ValueError(f"unknown network format {fmt!r}; choose one of {', '.join(NETWORK_FORMATS)}")
    network = _flat(to_networkx(graph))
    if fmt == "graphml":
        text = "\n".join(nx.generate_graphml(network, edge_id_from_attribute="id"))
    else:
        _add_viz(network)
        text = "\n".join(nx.generate_gexf(network))
        # networkx stamps today's date; drop it so the same graph gives the same bytes
        text = re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)
    atomic_write(path, (text + "\n").encode("utf-8"))
    return Path(path)


def _flat(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    flat = nx.MultiDiGraph()
    for node, data in network.nodes(data=True):
        flat.add_node(node, **_scalars(data))
    for i, (u, v, key, data) in enumerate(network.edges(keys=True, data=True)):
        flat.add_edge(u, v, key=key, id=f"e{i}", **_scalars(data))
    return flat


def _scalars(data: dict) -> dict:
    out = {}
    for name, value in data.items():
        if isinstance(value, tuple):
            value = " | ".join(value)
        if value == "" or value is None:
            continue
        out[name] = value
    return out


def _add_viz(network: nx.MultiDiGraph) -> None:
    from kg.viewer.style import TYPE_STYLE

    rank = importance(network)
    pos = layout(network)
    for node, data in network.nodes(data=True):
        colour = TYPE_STYLE.get(data.get("top_type", ""), TYPE_STYLE["Entity"])["color"].lstrip("#")
        r, g, b = (int(colour[k : k + 2], 16) for k in (0, 2, 4))
        x, y = pos[node]
        data["viz"] = {
            "color": {"r": r, "g": g, "b": b, "a": 1.0},
            "size": round(5 + 20 * math.sqrt(rank[node]), 2),
            "position": {"x": x, "y": -y, "z": 0.0},
        }

