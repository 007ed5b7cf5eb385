"""kg.serve: the SPARQL 1.1 Protocol endpoint, driven by a real SPARQL client (SPARQLWrapper)."""

from __future__ import annotations

import http.client
import json
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg.namespace import KG, RESOURCE
from kg.queries import example, examples
from kg.query import run_query
from kg.serve import make_server

# A query that never ends on any graph of more than a few triples: a three-way cross product.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
PARAMS = {"name": "泉山区", "subject": "华为", "object": "徐州软件园"}


def _start(folder, **options):
    server = make_server(folder, host="127.0.0.1", port=0, **options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


@pytest.fixture(scope="module")
def endpoint(seed_build):
    server, thread = _start(seed_build.out, timeout=10, workers=2)
    yield server.url + "sparql"
    server.shutdown()
    server.server_close()
    thread.join(5)


def client(url: str, query: str, fmt=JSON, method=None) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    if method == POST:
        sparql.setMethod(POST)
    elif method == POSTDIRECTLY:
        sparql.setMethod(POST)
        sparql.setRequestMethod(POSTDIRECTLY)
    return sparql


def request(url: str, data: bytes | None = None, headers: dict | None = None) -> tuple[int, str, bytes]:
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers["Content-Type"], err.read()


def _bindings(data: dict) -> list[tuple]:
    names = data["head"]["vars"]
    return [tuple(row.get(name, {}).get("value") for name in names) for row in data["results"]["bindings"]]


# ---------------------------------------------------------------- answers


@pytest.mark.parametrize("name", sorted(examples()))
def test_every_example_answers_through_the_endpoint_as_in_the_library(endpoint, seed_build, name):
    text = example(name).bind({p: PARAMS[p] for p in example(name).params})
    expected = run_query(seed_build.out, text)
    if expected.kind == "graph":
        body = client(endpoint, text, TURTLE).query().convert()
        got = Graph().parse(data=body, format="turtle")
        assert len(got) == len(expected.triples) > 0
    else:
        assert _bindings(client(endpoint, text).query().convert()) == expected.values()


def test_companies_per_park_over_get(endpoint):
    rows = _bindings(client(endpoint, example("companies-per-park").text).query().convert())
    assert ("徐州软件园", "华为") in rows and ("徐州软件园", "甲骨文") in rows


def test_post_form_and_xml(endpoint):
    result = client(endpoint, example("persons-and-posts").text, XML, method=POST).query().convert()
    texts = {node.firstChild.data for node in result.getElementsByTagName("literal")}
    assert {"魏宁", "记者", "徐州日报"} <= texts


def test_post_sparql_query_and_csv_tsv(endpoint):
    query = "SELECT ?label WHERE { kgr:王陵街道 rdfs:label ?label }"
    assert client(endpoint, query, CSV, method=POSTDIRECTLY).query().convert().decode() == "label\r\n王陵街道\r\n"
    assert client(endpoint, query, TSV).query().convert().decode() == '?label\n"王陵街道"@zh\n'


def test_ask(endpoint):
    assert client(endpoint, "ASK { kgr:泉山区 kg:divisionCode \"320311\" }").query().convert()["boolean"] is True


def test_graphs_in_turtle_n_triples_and_json_ld(endpoint):
    query = "CONSTRUCT WHERE { kgr:王陵街道 kg:partOf ?region }"
    expected = (RESOURCE["王陵街道"], KG.partOf, RESOURCE["泉山区"])
    assert expected in Graph().parse(data=client(endpoint, query, TURTLE).query().convert(), format="turtle")
    status, media, body = request(endpoint + "?" + urllib.parse.urlencode({"query": query}),
                                  headers={"Accept": "application/n-triples"})
    assert status == 200 and media.startswith("application/n-triples")
    assert expected in Graph().parse(data=body.decode(), format="nt")
    assert expected in client(endpoint, query, JSONLD).query().convert()  # SPARQLWrapper parses JSON-LD itself


def test_describe(endpoint):
    body = client(endpoint, "DESCRIBE kgr:泉山区", TURTLE).query().convert()
    assert (RESOURCE["泉山区"], KG.divisionCode, None) in Graph().parse(data=body, format="turtle")


def test_content_negotiation_falls_back_and_refuses(endpoint):
    url = endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    status, media, body = request(url, headers={"Accept": "*/*"})
    assert status == 200 and media == "application/sparql-results+json" and json.loads(body)["boolean"] is True
    status, _, body = request(url, headers={"Accept": "image/png"})
    assert status == 406 and b"application/sparql-results+json" in body


# ---------------------------------------------------------------- refusals


def test_update_is_refused(endpoint):
    sparql = client(endpoint, "INSERT DATA { kgr:a kg:locatedIn kgr:b }", method=POST)
    with pytest.raises(urllib.error.HTTPError) as caught:
        sparql.query()
    assert caught.value.code == 403
    status, _, body = request(endpoint, b"INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
                              {"Content-Type": "application/sparql-update"})
    assert status == 403 and b"read-only" in body
    status, _, _ = request(endpoint, b"query=" + urllib.parse.quote("DELETE WHERE { ?s ?p ?o }").encode(),
                           {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 403
    assert client(endpoint, "ASK { kgr:a kg:locatedIn kgr:b }").query().convert()["boolean"] is False


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
])
def test_service_load_and_remote_from_are_refused(endpoint, query):
    status, media, body = request(endpoint + "?" + urllib.parse.urlencode({"query": query}))
    assert status == 403 and media.startswith("text/plain")
    assert b"not allowed" in body


def test_dataset_parameters_are_refused(endpoint):
    url = endpoint + "?" + urllib.parse.urlencode({"query": "ASK {}", "default-graph-uri": "http://127.0.0.1:9/g"})
    assert request(url)[0] == 403


def test_malformed_query_is_a_400_with_line_and_column(endpoint):
    with pytest.raises(QueryBadFormed, match="line 2, column"):
        client(endpoint, "SELECT ?x WHERE {\n ?x ?y }").query()


def test_a_query_over_the_time_limit_is_stopped(seed_build):
    server, thread = _start(seed_build.out, timeout=0.5, workers=1)
    try:
        url = server.url + "sparql?" + urllib.parse.urlencode({"query": ENDLESS})
        started = time.monotonic()
        status, _, body = request(url)
        assert status == 503 and b"time limit of 0.5 s" in body
        assert time.monotonic() - started < 5
        # The stopped worker was replaced: the next query is answered.
        ask = server.url + "sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
        assert request(ask)[0] == 200
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_bodies_over_the_limit_are_refused(endpoint):
    url = urllib.parse.urlsplit(endpoint)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
    try:  # announce a body over 1 MB: the server answers without reading it
        connection.putrequest("POST", url.path)
        connection.putheader("Content-Type", "application/sparql-query")
        connection.putheader("Content-Length", str((1 << 20) + 1))
        connection.endheaders()
        assert connection.getresponse().status == 413
    finally:
        connection.close()


def test_other_hosts_are_refused(endpoint):
    assert request(endpoint + "?query=ASK%7B%7D", headers={"Host": "attacker.example"})[0] == 403


def test_missing_query_and_unknown_paths(endpoint):
    assert request(endpoint)[0] == 400
    assert request(endpoint.replace("/sparql", "/nothing"))[0] == 404
    assert request(endpoint, b"x", {"Content-Type": "text/plain"})[0] == 415


# ---------------------------------------------------------------- the viewer


def test_viewer_is_served_at_the_root(endpoint, seed_build):
    status, media, body = request(endpoint.replace("/sparql", "/"))
    assert status == 200 and media == "text/html; charset=utf-8"
    assert body == (seed_build.out / "graph.html").read_bytes()


def test_viewer_is_rendered_when_the_folder_has_none(tmp_path, seed_build):
    (tmp_path / "graph.ttl").write_bytes((seed_build.out / "graph.ttl").read_bytes())
    server, thread = _start(tmp_path / "graph.ttl", workers=1)
    try:
        status, media, body = request(server.url)
        assert status == 200 and media.startswith("text/html") and "王陵街道".encode() in body
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_serve_without_a_graph_is_a_clear_error(tmp_path, capsys):
    from kg.cli import main

    assert main(["serve", str(tmp_path / "nothing"), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert "nothing" in err and "kg build" in err
