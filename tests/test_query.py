"""kg.query, kg.store, kg.queries and ``kg query``: the example queries answered on the seed build."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import threading
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from wcwidth import wcswidth

import kg.store
from kg.cli import main
from kg.errors import GraphError, QueryError
from kg.graphio import read_graph
from kg.namespace import KG, RESOURCE
from kg.queries import example, examples
from kg.query import (
    DEFAULT_PREFIXES, QueryRefused, Result, bind, check_query, format_table, run_query, serialize,
)


@pytest.fixture(scope="module")
def build(seed_build) -> Path:
    return seed_build.out


@pytest.fixture(scope="module")
def graph(build) -> Graph:
    """The graph as written to graph.ttl: what the store holds."""
    return read_graph(build)


@pytest.fixture(scope="module")
def store(build):
    return kg.store.open_store(build)


def rows(store, example_name: str, **params) -> list[tuple]:
    return run_query(store, example(example_name).bind(params)).values()


def kgr(name: str) -> str:
    return str(RESOURCE[name])


# ---------------------------------------------------------------- the example queries, on the seed


def test_at_least_eight_examples_each_with_a_title_and_description():
    assert len(examples()) >= 8
    for item in examples().values():
        assert item.title and len(item.description) > 40, item.name
        assert re.search(r"^(SELECT|CONSTRUCT|ASK|DESCRIBE)", item.text, re.M), item.name


def test_example_prefixes_are_the_namespaces_of_kg():
    for item in examples().values():
        for prefix, iri in re.findall(r"^PREFIX (\w+): <([^>]*)>", item.text, re.M):
            assert DEFAULT_PREFIXES[prefix] == iri, (item.name, prefix)


def test_select_examples_are_ordered_so_answers_are_stable():
    for item in examples().values():
        if "SELECT" in item.text.split("WHERE")[0]:
            assert "ORDER BY" in item.text, item.name


def test_companies_per_park(store):
    found = rows(store, "companies-per-park")
    assert ("徐州软件园", "华为") in found
    assert ("徐州软件园", "甲骨文") in found
    assert ("泉山经济开发区", "中信重工") in found


def _inside(graph: Graph, place: URIRef) -> set[URIRef]:
    """Everything located in or part of ``place`` at any depth, computed without SPARQL."""
    found, frontier = set(), [place]
    while frontier:
        node = frontier.pop()
        for predicate in (KG.locatedIn, KG.partOf):
            for child in graph.subjects(predicate, node):
                if child not in found:
                    found.add(child)
                    frontier.append(child)
    return found


def test_parks_and_companies_per_district(store, graph):
    district = RESOURCE["泉山区"]
    inside = _inside(graph, district)
    parks = sum(1 for node in inside if (node, RDF.type, KG.Park) in graph)
    companies = sum(1 for node in inside if (node, RDF.type, KG.Company) in graph)
    assert parks >= 2 and companies >= 3  # 徐州软件园, 泉山经济开发区; 华为, 甲骨文, 中信重工
    assert ("泉山区", str(parks), str(companies)) in rows(store, "parks-per-district")


def test_programs_and_who_implements_them(store):
    found = rows(store, "programs")
    assert ("小巨人培育计划", "program", "泉山区") in found
    assert all(kind in ("program", "project") for _, kind, _ in found)


def test_persons_and_posts(store, graph):
    found = rows(store, "persons-and-posts")
    assert ("魏宁", "记者", "徐州日报") in found
    persons = {str(graph.value(p, RDFS.label)) for p in graph.subjects(RDF.type, KG.Person)}
    assert {"魏宁", "孟庆礼"} <= persons
    assert {person for person, _, _ in found} == persons


def test_all_facts_about_one_entity(store):
    found = rows(store, "entity-facts", name="泉山区")
    assert (kgr("泉山区"), "→", str(RDF.type), str(KG.District)) in found
    assert (kgr("泉山区"), "→", str(KG.divisionCode), "320311") in found
    assert (kgr("泉山区"), "←", str(KG.partOf), "王陵街道") in found
    assert (kgr("泉山区"), "→", str(KG.implements), "小巨人培育计划") in found


def test_an_entity_is_found_by_its_other_names_too(store, graph):
    other = next(str(o) for o in graph.objects(RESOURCE["泉山区"], SKOS.altLabel))
    assert rows(store, "entity-facts", name=other) == rows(store, "entity-facts", name="泉山区")


def test_an_unknown_name_has_no_facts(store):
    assert rows(store, "entity-facts", name="没有这个地方") == []


def test_the_sentence_behind_a_relation(store, build):
    found = rows(store, "relation-evidence", subject="华为", object="徐州软件园")
    assert found, "华为 locatedIn 徐州软件园 should have evidence"
    predicate, post, document, authority, sentence = found[0]
    assert predicate == str(KG.locatedIn) and post is None and authority is None
    assert "华为" in sentence and "徐州软件园" in sentence
    assert document.endswith("quanshan-innovation.txt")
    assert rows(store, "relation-evidence", subject="魏宁", object="徐州日报")[0][:2] == (str(KG.worksFor), "记者")


def test_every_relation_has_a_sentence_or_an_authority(store):
    found = rows(store, "relation-evidence", subject="王陵街道", object="泉山区")
    assert found and all(sentence or authority for _, _, _, authority, sentence in found)


def test_region_hierarchy(store):
    found = rows(store, "region-hierarchy")
    assert ("王陵街道", None, "泉山区", "true") in found
    assert any(region == "泉山区" and code == "320311" for region, code, _, _ in found) or all(
        region != "泉山区" for region, *_ in found)


def test_where_is_follows_every_level(store):
    places = {place for place, _, _ in rows(store, "where-is", name="第一证券公司")}
    assert {"王陵街道", "泉山区"} <= places
    direct = {place: flag for place, _, flag in rows(store, "where-is", name="王陵街道")}
    assert direct["泉山区"] == "true"


def test_counts_per_type(store, graph):
    expected = Counter(graph.value(s, RDF.type) for s in graph.subjects(KG.mentionCount, None))
    found = {type_: int(count) for type_, count, _ in rows(store, "counts-per-type")}
    assert found == {str(t): n for t, n in expected.items()}
    assert found[str(KG.Person)] >= 2


def test_relations_per_predicate(store, graph):
    expected = Counter(graph.value(s, RDF.predicate) for s in graph.subjects(RDF.type, KG.RelationStatement))
    found = rows(store, "relations-per-predicate")
    assert {p: int(n) for p, n, _, _ in found} == {str(p): n for p, n in expected.items()}
    assert all(int(text) + int(data) == int(n) for _, n, text, data in found)


def test_mentions_point_at_the_words_in_the_document(store, seed_doc):
    found = rows(store, "mentions", name="魏宁")
    assert found
    for document, offset, words, sentence in found:
        assert document.endswith("quanshan-innovation.txt")
        assert seed_doc.text[int(offset): int(offset) + len(words)] == words
        assert words in sentence


def test_neighbourhood_is_a_graph(store):
    result = run_query(store, example("neighbourhood").bind({"name": "泉山区"}))
    assert result.kind == "graph"
    got = Graph().parse(data=serialize(result, "nt").decode(), format="nt")
    assert (RESOURCE["王陵街道"], KG.partOf, RESOURCE["泉山区"]) in got
    assert (RESOURCE["泉山区"], KG.divisionCode, Literal("320311")) in got
    assert (RESOURCE["王陵街道"], RDFS.label, Literal("王陵街道", lang="zh")) in got


# Oxigraph stores integers of derived types (NIF offsets are xsd:nonNegativeInteger) as xsd:integer;
# the value is kept, the datatype is not. Compare them as xsd:integer.
_INTEGERS = {DEFAULT_PREFIXES["xsd"] + name for name in ("nonNegativeInteger", "positiveInteger", "int", "long")}


def _normal(term) -> tuple | None:
    """A term from either engine as (kind, lexical form, language, datatype)."""
    if term is None:
        return None
    if isinstance(term, (ox.NamedNode, URIRef)):
        return ("iri", term.value if isinstance(term, ox.NamedNode) else str(term))
    if isinstance(term, ox.Literal):
        value, language, datatype = term.value, term.language, term.datatype.value
    else:
        value, language, datatype = str(term), term.language, str(term.datatype or DEFAULT_PREFIXES["xsd"] + "string")
    if language:
        datatype = None
    elif datatype in _INTEGERS:
        datatype = DEFAULT_PREFIXES["xsd"] + "integer"
    return ("literal", value, language, datatype)


@pytest.mark.parametrize("name", sorted(examples()))
def test_oxigraph_and_rdflib_agree_on_every_example(name, store, graph):
    params = {"name": "泉山区", "subject": "华为", "object": "徐州软件园"}
    text = example(name).bind({p: params[p] for p in example(name).params})
    ours = run_query(store, text)
    theirs = graph.query(text, initNs=DEFAULT_PREFIXES)
    if ours.kind == "graph":
        got = Graph().parse(data=serialize(ours, "nt").decode(), format="nt")
        assert set(got) == set(theirs.graph)
    else:
        assert ours.rows, f"{name} found nothing on the seed"
        assert [tuple(map(_normal, row)) for row in ours.rows] == [tuple(map(_normal, row)) for row in theirs]


# ---------------------------------------------------------------- result formats


@pytest.fixture(scope="module")
def sample(store) -> Result:
    return run_query(store, """SELECT ?e ?label ?n ?missing WHERE {
        ?e a kg:Park ; rdfs:label ?label ; kg:mentionCount ?n . OPTIONAL { ?e kg:nothing ?missing }
    } ORDER BY ?label""")


@pytest.mark.parametrize("fmt", ["json", "xml", "tsv"])
def test_standard_formats_read_back_to_the_same_rows(sample, fmt):
    parsed = ox.parse_query_results(serialize(sample, fmt), format=getattr(ox.QueryResultsFormat, fmt.upper()))
    assert [v.value for v in parsed.variables] == list(sample.variables)
    assert [tuple(s[i] for i in range(4)) for s in parsed] == list(sample.rows)


def test_csv_has_plain_values_and_crlf(sample):
    data = serialize(sample, "csv").decode()
    assert data.startswith("e,label,n,missing\r\n")
    parsed = list(csv.reader(io.StringIO(data, newline="")))
    assert parsed[1:] == [["" if v is None else v for v in row] for row in sample.values()]


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_ask_in_standard_formats(store, fmt):
    for query, expected in (("ASK { ?p a kg:Park }", True), ("ASK { ?p a kg:Nothing }", False)):
        data = serialize(run_query(store, query), fmt)
        assert bool(ox.parse_query_results(data, format=getattr(ox.QueryResultsFormat, fmt.upper()))) is expected


def test_json_keeps_language_and_datatype(sample):
    binding = json.loads(serialize(sample, "json"))["results"]["bindings"][0]
    assert binding["label"]["xml:lang"] == "zh"
    assert binding["n"]["datatype"].endswith("#integer")
    assert "missing" not in binding


def test_table_aligns_chinese_by_display_width(sample):
    lines = format_table(sample).splitlines()
    assert lines[-1] == f"({len(sample.rows)} rows)" and len(sample.rows) >= 2
    column = wcswidth(lines[0][: lines[0].index("label")])
    for line, (iri, label, _, _) in zip(lines[2:-1], sample.values()):
        first = "kgr:" + iri.removeprefix(str(RESOURCE))
        assert line.startswith(first)
        assert wcswidth(line[: line.index(label, len(first))]) == column


def test_table_cuts_long_cells_but_not_the_last(store):
    text = "长" * 200
    result = run_query(store, f'SELECT ?a ?b WHERE {{ BIND("{text}" AS ?a) BIND("{text}" AS ?b) }}')
    line = format_table(result).splitlines()[2]
    assert "…" in line and line.endswith(text)


def test_graph_formats(store):
    result = run_query(store, "CONSTRUCT WHERE { ?p a kg:Park }")
    turtle = serialize(result).decode()
    assert "@prefix kg:" in turtle and "kg:Park" in turtle
    assert len(Graph().parse(data=serialize(result, "jsonld"), format="json-ld")) == len(result.triples)
    assert serialize(result, "nt") == serialize(result, "nt")  # same input, same bytes


def test_describe(store):
    result = run_query(store, "DESCRIBE kgr:泉山区")
    assert result.kind == "graph"
    assert any(t.predicate.value == str(KG.divisionCode) for t in result.triples)


def test_a_format_must_fit_the_kind_of_answer(store, sample):
    with pytest.raises(QueryError, match="gives a graph"):
        serialize(run_query(store, "CONSTRUCT WHERE { ?p a kg:Park }"), "csv")
    with pytest.raises(QueryError, match="gives results"):
        serialize(sample, "ttl")


# ---------------------------------------------------------------- errors, refusals, parameters


def test_malformed_query_names_line_and_column(store):
    with pytest.raises(QueryError, match=r"line 3, column \d+"):
        run_query(store, "SELECT ?x WHERE {\n  ?x a kg:Park .\n  FILTER( }")


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * where { ?s ?p ?o . service silent <http://example.org/> { ?s ?p ?o } }",
    "SELECT * WHERE { ?s ?p ?o.SERVICE <http://example.org/> { ?s ?p ?o } }",
    "SELECT * FROM <http://example.org/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "LOAD <http://example.org/data.ttl>",
    "INSERT DATA { <http://a/> <http://a/> <http://a/> }",
    "DELETE WHERE { ?s ?p ?o }",
    "PREFIX ex: <http://e/> CLEAR ALL",
    "DROP GRAPH <http://a/>",
])
def test_updates_and_remote_access_are_refused(store, query):
    with pytest.raises(QueryRefused):
        run_query(store, query)


@pytest.mark.parametrize("query", [
    'SELECT * WHERE { ?s ?p "SERVICE FROM INSERT" }',
    "SELECT * WHERE { ?s ?p ?o } # SERVICE <http://example.org/>",
    "SELECT ?service ?from WHERE { ?service <http://e/SERVICE#FROM> ?from }",
    "PREFIX service: <http://e/> SELECT * WHERE { ?s service:load ?o . ?s ?p service:Delete }",
    "SELECT * WHERE { ?s ?p '''a\nSERVICE <http://x/> { }''' }",
    'SELECT * WHERE { ?s ?p "x"@load , "y"@de-from }',
])
def test_words_in_strings_iris_names_and_comments_are_not_keywords(query):
    check_query(query)


def test_no_network_request_is_attempted_for_service(monkeypatch, store):
    monkeypatch.setattr(ox.Store, "query", lambda *a, **k: pytest.fail("SERVICE reached the engine"))
    with pytest.raises(QueryRefused):
        run_query(store, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/x> { ?s ?p ?o } }")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_a_parameter_is_always_exactly_one_literal(value):
    store = ox.Store()
    result = run_query(store, "SELECT ?v ?w WHERE { BIND($v AS ?v) BIND(1 AS ?w) }", {"v": value})
    assert result.values() == [(value, "1")]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20))
def test_a_tagged_parameter_matches_the_tagged_label(value):
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://e/x"), ox.NamedNode(str(RDFS.label)), ox.Literal(value, language="zh")))
    result = run_query(store, "SELECT ?e WHERE { ?e rdfs:label $name }", {"name": Literal(value, lang="zh")})
    assert result.values() == [("http://e/x",)]


def test_parameters_are_not_replaced_in_strings_iris_or_comments():
    text = 'SELECT * WHERE { ?s ?p "$name" . ?s <http://e/$name> $name } # $name'
    assert bind(text, {"name": "x"}) == 'SELECT * WHERE { ?s ?p "$name" . ?s <http://e/$name> "x" } # $name'


def test_unknown_and_missing_parameters_are_errors():
    with pytest.raises(QueryError, match=r"has no \$city.*takes \$name"):
        bind("SELECT * WHERE { ?s ?p $name }", {"city": "x"})
    with pytest.raises(QueryError, match="needs --param name=VALUE"):
        example("where-is").bind({})
    with pytest.raises(QueryError, match="no example query named"):
        example("nothing-like-this")


def test_an_rdflib_graph_can_be_queried_directly(graph):
    result = run_query(graph, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert result.values() == [(str(len(graph)),)]


# ---------------------------------------------------------------- the store


def _copy(build: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    shutil.copy(build / "graph.ttl", folder / "graph.ttl")
    return folder


def _count_builds(monkeypatch) -> list:
    builds = []
    real = kg.store._build

    def counting(source, target):
        builds.append(target)
        return real(source, target)

    monkeypatch.setattr(kg.store, "_build", counting)
    return builds


def test_store_is_built_once_and_reused(build, tmp_path, monkeypatch, graph):
    folder = _copy(build, tmp_path)
    builds = _count_builds(monkeypatch)
    first = kg.store.ensure_store(folder)
    again = kg.store.ensure_store(folder / "graph.ttl")
    assert builds == [first.path] and again == first
    assert first.path.parent == folder / ".store" / "graph.ttl"
    assert first.triples == len(graph)
    assert len(kg.store.open_store(folder)) == len(graph)


def test_touching_the_graph_does_not_rebuild_but_changing_it_does(build, tmp_path, monkeypatch):
    folder = _copy(build, tmp_path)
    builds = _count_builds(monkeypatch)
    first = kg.store.ensure_store(folder)
    source = folder / "graph.ttl"
    source.write_bytes(source.read_bytes())  # same bytes, new modification time
    assert kg.store.ensure_store(folder).path == first.path and len(builds) == 1
    with source.open("a", encoding="utf-8") as handle:
        handle.write('\nkgr:新的 a kg:Park ; rdfs:label "新的"@zh ; kg:mentionCount 1 .\n')
    second = kg.store.ensure_store(folder)
    assert second.path != first.path and len(builds) == 2
    assert first.path.is_dir(), "the previous version is kept for readers that still have it open"
    assert ("新的", ) in run_query(folder, "SELECT ?l WHERE { kgr:新的 rdfs:label ?l }").values()
    source.write_bytes(source.read_bytes() + b"\n")
    third = kg.store.ensure_store(folder)
    assert not first.path.exists() and second.path.is_dir() and third.path.is_dir()


def test_concurrent_opens_build_once(build, tmp_path, monkeypatch):
    folder = _copy(build, tmp_path)
    builds = _count_builds(monkeypatch)
    versions, errors = [], []

    def open_one():
        try:
            versions.append(kg.store.ensure_store(folder))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(builds) == 1 and len({v.path for v in versions}) == 1
    stores = [kg.store.open_store(folder) for _ in range(3)]  # several read-only readers at once
    assert len({len(s) for s in stores}) == 1


def test_the_store_is_read_only(store):
    with pytest.raises(Exception, match="read-write"):
        store.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/b"), ox.NamedNode("http://e/c")))


def test_an_unwritable_folder_falls_back_to_memory(build, tmp_path, monkeypatch, graph):
    folder = _copy(build, tmp_path)

    def refuse(*args):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(kg.store, "_refresh", refuse)
    assert kg.store.ensure_store(folder).path is None
    assert len(kg.store.open_store(folder)) == len(graph)


def test_a_broken_graph_file_is_named(tmp_path):
    bad = tmp_path / "graph.ttl"
    bad.write_text("kgr:x a .\n", encoding="utf-8")
    with pytest.raises(GraphError, match=re.escape(str(bad))):
        kg.store.open_store(tmp_path)
    with pytest.raises(GraphError, match="no such graph file"):
        kg.store.open_store(tmp_path / "missing")


# ---------------------------------------------------------------- kg query


def test_cli_query_argument_file_and_stdin(build, tmp_path, capsys, monkeypatch):
    query = "SELECT ?label WHERE { kgr:泉山区 rdfs:label ?label }"
    assert main(["query", "--graph", str(build), query, "--format", "csv"]) == 0
    assert capsys.readouterr().out == "label\r\n泉山区\r\n"
    path = tmp_path / "q.rq"
    path.write_text(query, encoding="utf-8")
    assert main(["query", "-g", str(build), "--file", str(path), "--format", "tsv"]) == 0
    assert capsys.readouterr().out == '?label\n"泉山区"@zh\n'
    monkeypatch.setattr("sys.stdin", io.StringIO(query))
    assert main(["query", "-g", str(build), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["results"]["bindings"][0]["label"]["value"] == "泉山区"


def test_cli_examples(build, capsys):
    assert main(["query", "--list"]) == 0
    listing = capsys.readouterr().out
    assert all(name in listing for name in examples()) and "--param name=" in listing
    assert main(["query", "-g", str(build), "--example", "where-is", "--param", "name=第一证券公司"]) == 0
    table = capsys.readouterr().out
    assert "王陵街道" in table and "泉山区" in table and re.search(r"\(\d+ rows\)", table)
    assert main(["query", "--example", "entity-facts", "--param", "name=x", "--show"]) == 0
    assert 'rdfs:label|skos:altLabel "x"@zh .' in capsys.readouterr().out
    assert main(["query", "-g", str(build), "-e", "neighbourhood", "-p", "name=王陵街道", "--format", "nt"]) == 0
    assert f"<{kgr('王陵街道')}> <{KG.partOf}> <{kgr('泉山区')}> ." in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["SELECT ?x WHERE {\n ?x ?y \n}"], "query: malformed query: line 3, column 2"),
    (["--example", "where-is"], "needs --param name=VALUE"),
    (["--example", "nope"], "no example query named 'nope'"),
    (["ASK {}", "--file", "x.rq"], "give the query one way"),
    (["--file", "no-such.rq"], "no-such.rq: cannot read the query"),
    (["ASK {}", "--param", "novalue"], "write it as NAME=VALUE"),
    (["ASK {}", "--format", "ttl"], "use table, csv"),
    (["DELETE WHERE { ?s ?p ?o }"], "read-only"),
])
def test_cli_errors_exit_non_zero_with_a_message(build, capsys, argv, message):
    assert main(["query", "-g", str(build), *argv]) == 2
    assert message in capsys.readouterr().err
