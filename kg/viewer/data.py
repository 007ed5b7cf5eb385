"""The data the viewer page shows, as plain JSON-ready values.

Everything the page needs is computed here, ahead of time: the entity graph
(:func:`kg.graphs.to_networkx`), node sizes from PageRank, positions from a
seeded layout, and for each entity and relation the sentences behind it with
the character spans to highlight. The page only draws and filters.

Lists are in a fixed order (entities by IRI, relations by triple, sentences by
document and offset), so the same graph gives the same JSON.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict

import networkx as nx
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS

from kg.graphs import importance, layout, property_map, to_networkx, zh_label
from kg.namespace import ITSRDF, NIF
from kg.ontology import ENTITY_TYPES, PREDICATES
from kg.viewer.style import PREDICATE_COLOUR, TYPE_STYLE

__all__ = ["PHYSICS_MAX_NODES", "MAX_SENTENCES", "page_data", "script_json"]

#: Above this many nodes the page keeps physics off and shows the precomputed layout as is.
PHYSICS_MAX_NODES = 300
#: Sentences listed per entity in its detail panel (the panel says how many there are in all).
MAX_SENTENCES = 25

Span = tuple[int, int]


def page_data(graph: Graph) -> dict:
    """The viewer's data for ``graph``: types, predicates, nodes, edges, sentences, documents."""
    network = to_networkx(graph)
    rank = importance(network)
    pos = layout(network)
    begin, end = property_map(graph, NIF.beginIndex), property_map(graph, NIF.endIndex)
    spans = _mention_spans(graph, network, begin, end)
    node_ids = {iri: i for i, iri in enumerate(network)}

    by_entity: dict[str, list[str]] = defaultdict(list)
    for entity, sentence in spans:
        by_entity[entity].append(sentence)
    order = _sentence_order(graph, begin)
    wanted: set[str] = set()
    node_sentences: dict[str, list[str]] = {}
    for iri in network:
        node_sentences[iri] = found = sorted(by_entity[iri], key=order)
        wanted.update(found[:MAX_SENTENCES])
    for _, _, data in network.edges(data=True):
        wanted.update(data["sources"])
    sentences, documents, sentence_ids = _sentence_table(graph, wanted, order)

    nodes = []
    for iri, data in network.nodes(data=True):
        found = node_sentences[iri]
        x, y = pos[iri]
        nodes.append({
            "id": node_ids[iri],
            "iri": iri,
            "label": data["label"],
            "type": data["top_type"],
            "class": data["type"],
            "classLabel": zh_label(data["type"]),
            "aliases": list(data["aliases"]),
            "code": data["division_code"],
            "province": data["province"],
            "city": data["city"],
            "mentions": data["mention_count"],
            "rank": round(rank[iri], 4),
            "size": round(8 + 28 * math.sqrt(rank[iri]), 1),
            "x": x,
            "y": y,
            "sentenceCount": len(found),
            "sentences": [[sentence_ids[s], spans[(iri, s)]] for s in found[:MAX_SENTENCES]],
        })

    edges = []
    for i, (s, o, data) in enumerate(network.edges(data=True)):
        edges.append({
            "id": i,
            "from": node_ids[s],
            "to": node_ids[o],
            "predicate": data["predicate"],
            "position": data["position"],
            "authority": data["authority"],
            "curve": 0,
            "sources": [
                [sentence_ids[src], sorted(spans.get((s, src), []) + spans.get((o, src), []))]
                for src in data["sources"]
            ],
        })
    _curve_parallel_edges(edges)

    types = [
        {"id": t, "label": zh_label(t), "count": n, **TYPE_STYLE[t]}
        for t in ENTITY_TYPES
        if (n := sum(1 for node in nodes if node["type"] == t))
    ]
    predicates = [
        {"id": p, "label": zh_label(p), "count": n, "color": PREDICATE_COLOUR[p]}
        for p in PREDICATES
        if (n := sum(1 for edge in edges if edge["predicate"] == p))
    ]
    return {
        "types": types,
        "predicates": predicates,
        "physics": 0 < len(nodes) <= PHYSICS_MAX_NODES,
        "nodes": nodes,
        "edges": edges,
        "sentences": sentences,
        "documents": documents,
    }


def _mention_spans(graph: Graph, network: nx.MultiDiGraph, begin: dict, end: dict) -> dict[tuple[str, str], list[Span]]:
    """(entity IRI, sentence IRI) → the entity's mention spans, as offsets into the sentence."""
    sentence_of = property_map(graph, NIF.sentence)
    spans: dict[tuple[str, str], set[Span]] = defaultdict(set)
    for mention, entity in graph.subject_objects(ITSRDF.taIdentRef):
        sentence = sentence_of.get(mention)
        if str(entity) not in network or sentence is None or mention not in begin or mention not in end:
            continue
        offset = int(begin.get(sentence, 0))
        spans[(str(entity), str(sentence))].add((int(begin[mention]) - offset, int(end[mention]) - offset))
    return {key: sorted(found) for key, found in spans.items()}


def _sentence_order(graph: Graph, begin: dict):
    """Sort key for sentence IRIs: document source, then offset."""
    context_of = property_map(graph, NIF.referenceContext)
    source_of = property_map(graph, DCTERMS.source)
    cache: dict[str, tuple[str, int, str]] = {}

    def key(iri: str) -> tuple[str, int, str]:
        if iri not in cache:
            node = URIRef(iri)
            context = context_of.get(node)
            source = str(source_of.get(context) or context or "")
            cache[iri] = (source, int(begin.get(node, 0)), iri)
        return cache[iri]

    return key


def _sentence_table(graph: Graph, iris: set[str], order) -> tuple[list[list], list[str], dict[str, int]]:
    """[[text, document index]] and [document source] for ``iris``, in reading order."""
    ordered = sorted(iris, key=order)
    documents = sorted({order(iri)[0] for iri in ordered})
    doc_ids = {source: i for i, source in enumerate(documents)}
    text = property_map(graph, NIF.anchorOf)
    table = [[str(text.get(URIRef(iri)) or ""), doc_ids[order(iri)[0]]] for iri in ordered]
    return table, documents, {iri: i for i, iri in enumerate(ordered)}


def _curve_parallel_edges(edges: list[dict]) -> None:
    """Number the edges between the same two nodes so the page can bend them apart."""
    seen: dict[tuple[int, int], int] = defaultdict(int)
    for edge in edges:
        pair = (min(edge["from"], edge["to"]), max(edge["from"], edge["to"]))
        edge["curve"] = seen[pair]
        seen[pair] += 1


def script_json(data: object) -> str:
    """JSON safe to put inside ``<script type="application/json">``: no ``<``, ``>``,
    ``&`` or line separators left raw, so no text can close the element.

    >>> script_json({"name": "</script><b>&"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text
