"""kg.graphs: the entity graph as networkx, its ranking and layout, GraphML/GEXF export."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
import time

import networkx as nx
import pytest
from rdflib import RDF, Graph

from kg.build import build_to_folder
from kg.graphs import importance, layout, to_networkx, top_type, write_network
from kg.namespace import KG
from kg.ontology import PREDICATES, class_ancestors
from tests.conftest import ROOT, SEEDS

_KG = str(KG._NS)


def rdf_entities(graph: Graph) -> set[str]:
    """Entities counted straight from the RDF: subjects typed with a subclass of kg:Entity."""
    return {
        str(s)
        for s, o in graph.subject_objects(RDF.type)
        if str(o).startswith(_KG) and "Entity" in class_ancestors(str(o)[len(_KG):]) and str(o) != str(KG.Entity)
    }


def rdf_relations(graph: Graph) -> set[tuple[str, str, str]]:
    entities = rdf_entities(graph)
    return {
        (str(s), name, str(o))
        for name in PREDICATES
        for s, o in graph.subject_objects(KG[name])
        if str(s) in entities and str(o) in entities
    }


def by_label(network: nx.MultiDiGraph, label: str) -> str:
    found = [n for n, data in network.nodes(data=True) if data["label"] == label]
    assert len(found) == 1, (label, found)
    return found[0]


@pytest.fixture(scope="module")
def seed_network(seed_graph):
    return to_networkx(seed_graph)


def test_one_node_per_entity_and_one_edge_per_relation(seed_graph, seed_network):
    assert set(seed_network) == rdf_entities(seed_graph)
    edges = {(u, key, v) for u, v, key in seed_network.edges(keys=True)}
    assert edges == rdf_relations(seed_graph)
    assert seed_network.number_of_edges() == len(edges)  # no duplicates


def test_nodes_carry_label_type_aliases_and_division_code(seed_network):
    district = seed_network.nodes[by_label(seed_network, "泉山区")]
    assert district["type"] == "District" and district["top_type"] == "Region"
    assert district["division_code"] == "320311"
    assert district["mention_count"] > 1
    assert seed_network.nodes[by_label(seed_network, "泉山经济开发区")]["top_type"] == "Park"
    for person in ("孟庆礼", "魏宁"):
        assert seed_network.nodes[by_label(seed_network, person)]["top_type"] == "Person"
    assert all(isinstance(d["aliases"], tuple) for _, d in seed_network.nodes(data=True))


def test_edges_carry_predicate_label_evidence_and_position(seed_network):
    huawei, park = by_label(seed_network, "华为"), by_label(seed_network, "徐州软件园")
    edge = seed_network.edges[huawei, park, "locatedIn"]
    assert edge["predicate"] == "locatedIn" and edge["label"] == "位于"
    assert edge["evidence"] and all("华为" in text for text in edge["evidence"])
    works = seed_network.edges[by_label(seed_network, "魏宁"), by_label(seed_network, "徐州日报"), "worksFor"]
    assert works["label"] == "任职于" and "记者" in works["position"]
    assert seed_network.has_edge(by_label(seed_network, "王陵街道"), by_label(seed_network, "泉山区"), "partOf")
    assert seed_network.has_edge(by_label(seed_network, "泉山区"), by_label(seed_network, "小巨人培育计划"), "implements")


def test_top_type_maps_subclasses():
    assert [top_type(c) for c in ("Subdistrict", "EducationalOrganization", "Alliance", "Person")] == [
        "Region", "Organization", "Organization", "Person"]
    assert top_type("RelationStatement") is None


def test_importance_favours_what_many_things_belong_to(seed_network):
    rank = importance(seed_network)
    assert max(rank.values()) == 1.0 and min(rank.values()) > 0
    assert rank[by_label(seed_network, "泉山区")] > rank[by_label(seed_network, "华为")]


def test_layout_is_deterministic_and_separates_nodes(seed_network):
    pos = layout(seed_network)
    assert pos == layout(seed_network)
    assert set(pos) == set(seed_network)
    assert len(set(pos.values())) == len(pos), "two nodes share a position"
    # neighbours are drawn nearer each other than nodes in general
    points = list(pos.values())
    mean = sum(math.dist(a, b) for a in points for b in points) / len(points) ** 2
    edge = sum(math.dist(pos[u], pos[v]) for u, v in seed_network.edges()) / seed_network.number_of_edges()
    assert edge < mean / 2


def test_layout_of_a_big_component_is_fast_and_keeps_edges_short():
    tree = nx.random_labeled_tree(1500, seed=3)
    graph = nx.relabel_nodes(tree, {n: f"n{n:04d}" for n in tree})
    started = time.perf_counter()
    pos = layout(graph, edge_length=1.0)
    seconds = time.perf_counter() - started
    lengths = sorted(math.dist(pos[u], pos[v]) for u, v in graph.edges())
    assert seconds < 10
    assert 0.3 < lengths[len(lengths) // 2] < 4, lengths[len(lengths) // 2]


def test_write_network_graphml_and_gexf_read_back(seed_graph, seed_network, tmp_path):
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = write_network(seed_graph, tmp_path / fmt / f"graph.{fmt}", fmt)
        assert path.exists()
        back = read(path)
        assert back.number_of_nodes() == seed_network.number_of_nodes()
        assert back.number_of_edges() == seed_network.number_of_edges()
        labels = {data.get("label") for _, data in back.nodes(data=True)}
        assert {"泉山区", "华为", "徐州软件园"} <= labels
        predicates = {data.get("predicate") for *_, data in back.edges(data=True)}
        assert {"locatedIn", "implements"} <= predicates
        first = path.read_bytes()
        write_network(seed_graph, path, fmt)
        assert path.read_bytes() == first, f"{fmt} is not byte-stable"
        assert b"lastmodifieddate" not in first
        assert [p.name for p in path.parent.iterdir()] == [path.name], "temporary file left behind"


def test_graphml_edge_ids_are_unique(seed_graph, tmp_path):
    text = write_network(seed_graph, tmp_path / "g.graphml", "graphml").read_text(encoding="utf-8")
    ids = re.findall(r'<edge [^>]*id="([^"]+)"', text)
    assert len(ids) == len(set(ids)) > 0


def test_write_network_refuses_unknown_formats(seed_graph, tmp_path):
    with pytest.raises(ValueError, match="graphml"):
        write_network(seed_graph, tmp_path / "g.dot", "dot")


def test_build_writes_graphml_and_gexf(tmp_path):
    result = build_to_folder([SEEDS], tmp_path, formats=["graphml", "gexf"])
    names = {p.name for p in result.written}
    assert {"graph.graphml", "graph.gexf"} <= names
    assert nx.read_gexf(tmp_path / "graph.gexf").number_of_nodes() == len(rdf_entities(result.graph))


def test_empty_graph():
    assert to_networkx(Graph()).number_of_nodes() == 0
    assert importance(nx.MultiDiGraph()) == {} and layout(nx.MultiDiGraph()) == {}


_LAYOUT_IN_A_FRESH_PROCESS = """
import json, sys
import networkx as nx, numpy as np
from scipy.sparse.linalg import eigsh
from kg.graphs import layout
if sys.argv[1] == "after-arpack":  # ARPACK's random start would carry over from this call
    eigsh(nx.to_scipy_sparse_array(nx.path_graph(40), dtype=float), k=2, which="SM")
graph = nx.Graph()
for name, tree in (("big", nx.random_labeled_tree(520, seed=1)), ("mid", nx.random_labeled_tree(60, seed=2))):
    graph.add_edges_from((f"{name}{u}", f"{name}{v}") for u, v in tree.edges())
for k in range(300):  # many small components: each one is less than half the graph
    graph.add_edge(f"pair{k}a", f"pair{k}b")
print(json.dumps(sorted(layout(graph).items())))
"""


def test_layout_is_the_same_whatever_the_hash_seed_and_the_process_computed_before():
    runs = {
        subprocess.run([sys.executable, "-c", _LAYOUT_IN_A_FRESH_PROCESS, mode], capture_output=True, text=True, check=True,
                       cwd=ROOT, env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}).stdout
        for seed, mode in (("1", "fresh"), ("2", "fresh"), ("3", "after-arpack"))
    }
    assert len(runs) == 1 and len(json.loads(runs.pop())) == 520 + 60 + 600
