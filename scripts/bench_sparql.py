"""Benchmark: the example queries on kg's default store (Oxigraph on disk) and on rdflib's in-memory store.

Generates synthetic graphs of the ontology's shape (regions in a partOf
hierarchy, parks, companies, organizations, programs, persons; relation
statements with their sentences; documents, sentences and mentions in NIF) at
the sizes asked for, deterministically from a seed, and for each size prints:

* load time: building the on-disk store from graph.ttl, and rdflib parsing it;
* each example query's time on both (best of two or three runs, see ``best_of``),
  the ratio, and the rows each returned;
* at the smallest size, what the endpoint's worker processes add to a query.

rdflib queries run in a forked child with a time cap (``--cap``); one that
runs longer is stopped and shown as "> cap".

    .venv/bin/python scripts/bench_sparql.py                      # 10k, 100k, 1M triples
    .venv/bin/python scripts/bench_sparql.py --sizes 10000 --cap 10
"""

from __future__ import annotations

import argparse
import json
import os
import random
import select
import shutil
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.iri import span_iri, statement_iri
from kg.namespace import DOC, ITSRDF, KG, NIF, RESOURCE
from kg.queries import examples
from kg.query import DEFAULT_PREFIXES, run_query
from kg.store import ensure_store, open_version

# Queries whose answer needs several joins (besides a scan and a count); the 10x target is about these.
JOIN_HEAVY = {"companies-per-park", "parks-per-district", "programs", "persons-and-posts", "relation-evidence",
              "mentions", "where-is", "entity-facts", "neighbourhood"}

_CHARS = "安宝北成川东丰福广海和河华江金锦景康乐丽林龙美明南宁平齐庆瑞山盛泰天通万文西祥新信兴阳永裕远云长正中"
_SUFFIX = {
    "Province": "省", "City": "市", "District": "区", "Subdistrict": "街道", "Park": "产业园",
    "Company": "科技有限公司", "GovernmentBody": "局", "Organization": "研究院", "Program": "行动计划",
    "Project": "建设项目", "Facility": "广场", "Person": "",
}
_POSTS = ("局长", "主任", "总经理", "记者", "院长", "书记")
SENTENCES_PER_DOC = 30
SENTENCE_LENGTH = 60


# ---------------------------------------------------------------- the synthetic graph


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng, self.used = rng, set()

    def __call__(self, type_: str) -> str:
        length = 2
        while True:  # a longer name after each clash, so a large graph never runs out of names
            name = "".join(self.rng.choice(_CHARS) for _ in range(length)) + _SUFFIX[type_]
            if name not in self.used:
                self.used.add(name)
                return name
            length += 1


def generate(target: int, path: Path, seed: int = 7) -> dict:
    """Write about ``target`` triples to ``path`` (N-Triples lines, which are also Turtle).

    Returns parameters for the example queries that name entities present in the graph.
    """
    rng = random.Random(seed)
    name = _Names(rng)
    n = max(60, target // 40)  # entities; the rest of the triples are relations, text and mentions
    counts = {"Province": max(1, n // 400), "City": max(2, n // 80), "District": max(4, n // 25),
              "Park": max(4, n // 25), "Company": n * 30 // 100, "GovernmentBody": n * 5 // 100,
              "Organization": n * 5 // 100, "Program": n * 15 // 100, "Project": n * 5 // 100,
              "Facility": n * 5 // 100, "Person": n * 15 // 100}
    entities: dict[str, list[str]] = {t: [name(t) for _ in range(c)] for t, c in counts.items()}
    # Subdistricts fill the regions out to about a tenth of the entities.
    entities["Subdistrict"] = [name("Subdistrict") for _ in range(max(4, n // 10))]

    relations = []  # (subject, predicate, object, position, from_authority)
    pick = rng.choice
    for city in entities["City"]:
        relations.append((city, "partOf", pick(entities["Province"]), None, True))
    for district in entities["District"]:
        relations.append((district, "partOf", pick(entities["City"]), None, True))
    for sub in entities["Subdistrict"]:
        relations.append((sub, "partOf", pick(entities["District"]), None, True))
    for park in entities["Park"]:
        relations.append((park, "locatedIn", pick(entities["District"]), None, False))
    for company in entities["Company"]:
        where = pick(entities["Park"]) if rng.random() < 0.7 else pick(entities["District"] + entities["Facility"])
        relations.append((company, "locatedIn", where, None, False))
        if rng.random() < 0.1:
            relations.append((company, "subOrganizationOf", pick(entities["Company"]), None, False))
    for facility in entities["Facility"]:
        relations.append((facility, "locatedIn", pick(entities["Subdistrict"]), None, False))
    organizations = entities["GovernmentBody"] + entities["Organization"]
    for org in organizations:
        relations.append((org, "locatedIn", pick(entities["District"]), None, False))
        if rng.random() < 0.2:
            relations.append((org, "memberOf", pick(entities["Organization"]), None, False))
    for program in entities["Program"] + entities["Project"]:
        relations.append((pick(entities["District"] + organizations), "implements", program, None, False))
    for person in entities["Person"]:
        relations.append((person, "worksFor", pick(organizations + entities["Company"]), pick(_POSTS), False))

    docs = max(1, len(relations) // 20)
    sentences = docs * SENTENCES_PER_DOC
    fixed = (sum(len(v) for v in entities.values()) * 3 + sum(counts[t] for t in ("Province", "City", "District"))
             + len(entities["Subdistrict"]) + sum(7 if r[3] else 6 for r in relations)
             + sum(1 for r in relations if r[4]) + docs * 7 + sentences * 6 + 2)
    everyone = [(t, e) for t, names in entities.items() for e in names]
    mentions = {e: 1 for _, e in everyone}
    extra = max(0, (target - fixed) // 9 - len(everyone))
    weights = [1.0 / (i + 1) ** 0.6 for i in range(len(everyone))]  # some entities are named far more often
    for _, e in rng.choices(everyone, weights=weights, k=extra):
        mentions[e] += 1

    lines = []
    add = lines.append
    lit = _literal
    for type_, e in everyone:
        node = f"<{RESOURCE[e]}>"
        add(f"{node} <{RDF.type}> <{KG[type_]}> .")
        add(f"{node} <{RDFS.label}> {lit(e, lang='zh')} .")
        add(f"{node} <{KG.mentionCount}> {lit(str(mentions[e]), XSD.integer)} .")
        if type_ in ("Province", "City", "District", "Subdistrict"):
            add(f"{node} <{KG.divisionCode}> {lit(str(rng.randrange(110000, 660000)))} .")
    doc_ids = [f"bench-{i:05d}" for i in range(docs)]
    for doc in doc_ids:
        context = f"<{DOC[doc]}>"
        add(f"{context} <{RDF.type}> <{KG.Document}> .")
        add(f"{context} <{RDF.type}> <{NIF.Context}> .")
        add(f"{context} <{NIF.isString}> {lit('文' * 20)} .")
        add(f"{context} <{NIF.beginIndex}> {lit('0', XSD.nonNegativeInteger)} .")
        add(f"{context} <{NIF.endIndex}> {lit(str(SENTENCES_PER_DOC * SENTENCE_LENGTH), XSD.nonNegativeInteger)} .")
        add(f"{context} <{NIF.predLang}> {lit('zh')} .")
        add(f"{context} <{DCTERMS.source}> {lit(f'corpus/{doc}.txt')} .")
        for i in range(SENTENCES_PER_DOC):
            start = i * SENTENCE_LENGTH
            _string(add, doc, start, start + SENTENCE_LENGTH, "".join(rng.choice(_CHARS) for _ in range(40)))
            add(f"<{span_iri(doc, start, start + SENTENCE_LENGTH)}> <{RDF.type}> <{NIF.Sentence}> .")
    add(f"<{KG.GBT2260}> <{RDF.type}> <{KG.Authority}> .")
    add(f"<{KG.GBT2260}> <{RDFS.label}> {lit('中华人民共和国行政区划代码 (GB/T 2260)', lang='zh')} .")
    for subject, predicate, obj, position, authority in relations:
        s, o = f"<{RESOURCE[subject]}>", f"<{RESOURCE[obj]}>"
        add(f"{s} <{KG[predicate]}> {o} .")
        doc, index = pick(doc_ids), rng.randrange(SENTENCES_PER_DOC)
        source = KG.GBT2260 if authority else span_iri(doc, index * SENTENCE_LENGTH, (index + 1) * SENTENCE_LENGTH)
        st = f"<{statement_iri(subject, predicate, obj, source)}>"
        add(f"{st} <{RDF.type}> <{KG.RelationStatement}> .")
        add(f"{st} <{RDF.subject}> {s} .")
        add(f"{st} <{RDF.predicate}> <{KG[predicate]}> .")
        add(f"{st} <{RDF.object}> {o} .")
        add(f"{st} <{KG.fromAuthority if authority else PROV.wasDerivedFrom}> <{source}> .")
        if position:
            add(f"{st} <{KG.position}> {lit(position, lang='zh')} .")
    for type_, e in everyone:
        for _ in range(mentions[e]):
            doc, index = pick(doc_ids), rng.randrange(SENTENCES_PER_DOC)
            start = index * SENTENCE_LENGTH + rng.randrange(SENTENCE_LENGTH - len(e))
            node = _string(add, doc, start, start + len(e), e)
            add(f"{node} <{RDF.type}> <{NIF.Phrase}> .")
            add(f"{node} <{ITSRDF.taIdentRef}> <{RESOURCE[e]}> .")
            add(f"{node} <{ITSRDF.taClassRef}> <{KG[type_]}> .")
            add(f"{node} <{NIF.sentence}> <{span_iri(doc, index * SENTENCE_LENGTH, (index + 1) * SENTENCE_LENGTH)}> .")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(dict.fromkeys(lines)) + "\n", encoding="utf-8")

    parks = set(entities["Park"])
    located = next(r for r in relations if r[1] == "locatedIn" and r[2] in parks)
    district = max(entities["District"], key=lambda d: sum(1 for r in relations if r[2] == d))
    return {"name": district, "subject": located[0], "object": located[2]}


def _literal(value: str, datatype=None, lang: str | None = None) -> str:
    text = value.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{text}"@{lang}'
    return f'"{text}"^^<{datatype}>' if datatype else f'"{text}"'


def _string(add, doc: str, start: int, end: int, text: str) -> str:
    node = f"<{span_iri(doc, start, end)}>"
    add(f"{node} <{RDF.type}> <{NIF.OffsetBasedString}> .")
    add(f"{node} <{NIF.referenceContext}> <{DOC[doc]}> .")
    add(f"{node} <{NIF.beginIndex}> {_literal(str(start), XSD.nonNegativeInteger)} .")
    add(f"{node} <{NIF.endIndex}> {_literal(str(end), XSD.nonNegativeInteger)} .")
    add(f"{node} <{NIF.anchorOf}> {_literal(text)} .")
    return node


# ---------------------------------------------------------------- timing


def best_of(run) -> tuple[float, int]:
    """Best time of two runs (three when each takes under a second; one when the first takes over 10 s), and rows.

    The same rule for both engines, so a one-off stall (the machine is shared) does not make a figure.
    """
    times, rows = [], 0
    for attempt in range(3):
        started = time.perf_counter()
        rows = run()
        times.append(time.perf_counter() - started)
        if times[-1] >= 10.0 or (attempt >= 1 and times[-1] >= 1.0):
            break
    return min(times), rows


def _rows(result) -> int:
    return {"select": len(result.rows), "graph": len(result.triples)}.get(result.kind, 1)


def rdflib_capped(graph: Graph, text: str, cap: float) -> tuple[float | None, int]:
    """``best_of`` on rdflib in a forked child, stopped after ``cap`` seconds (rdflib cannot be interrupted)."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: run, report, exit without cleanup
        os.close(read)
        try:
            seconds, rows = best_of(lambda: len(list(graph.query(text, initNs=DEFAULT_PREFIXES))))
            os.write(write, json.dumps([seconds, rows]).encode())
        finally:
            os._exit(0)
    os.close(write)
    ready, _, _ = select.select([read], [], [], cap)
    if not ready:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        os.close(read)
        return None, 0
    data = b""
    while chunk := os.read(read, 65536):
        data += chunk
    os.close(read)
    os.waitpid(pid, 0)
    seconds, rows = json.loads(data)
    return seconds, rows


def endpoint_overhead(folder: Path, runs: int = 50) -> tuple[float, float]:
    """Milliseconds per trivial query: in-process, and through kg serve (HTTP and a worker process)."""
    from kg.serve import make_server
    from kg.store import open_store

    store = open_store(folder)
    query = "ASK { ?s ?p ?o }"
    started = time.perf_counter()
    for _ in range(runs):
        run_query(store, query)
    local = (time.perf_counter() - started) / runs * 1000
    server = make_server(folder, port=0, workers=1)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = server.url + "sparql?" + urllib.parse.urlencode({"query": query})
    try:
        urllib.request.urlopen(url).read()
        started = time.perf_counter()
        for _ in range(runs):
            urllib.request.urlopen(url).read()
        remote = (time.perf_counter() - started) / runs * 1000
    finally:
        server.shutdown()
        server.server_close()
    return local, remote


def bench(size: int, folder: Path, cap: float, seed: int) -> list[dict]:
    source = folder / "graph.ttl"
    started = time.perf_counter()
    params = generate(size, source, seed)
    generated = time.perf_counter() - started
    triples = sum(1 for _ in source.open(encoding="utf-8"))
    print(f"\n## {triples:,} triples ({source.stat().st_size / 1e6:.0f} MB N-Triples, generated in {generated:.1f} s)")

    queries = {}
    for name, item in examples().items():
        queries[name] = item.bind({p: params[p] for p in item.params})

    started = time.perf_counter()
    graph = Graph().parse(source, format="nt")
    rdflib_load = time.perf_counter() - started
    rdflib_times = {name: rdflib_capped(graph, text, cap) for name, text in queries.items()}
    del graph

    started = time.perf_counter()
    version = ensure_store(folder)
    oxigraph_load = time.perf_counter() - started
    store = open_version(version)
    ox_times = {name: best_of(lambda t=text: _rows(run_query(store, t))) for name, text in queries.items()}
    del store

    print(f"load: default store {oxigraph_load:.2f} s (bulk load into {version.path.parent.name}/), "
          f"rdflib {rdflib_load:.2f} s (N-Triples parser)")
    print(f"{'query':<24} {'join':<4} {'default store':>13} {'rdflib':>10} {'ratio':>7} {'rows':>13}")
    out = []
    for name in queries:
        ox_seconds, ox_rows = ox_times[name]
        rd_seconds, rd_rows = rdflib_times[name]
        ratio = f"{rd_seconds / ox_seconds:.0f}x" if rd_seconds is not None else f">{cap / ox_seconds:.0f}x"
        rd = f"{rd_seconds:.3f} s" if rd_seconds is not None else f"> {cap:g} s"
        rows = f"{ox_rows}" if rd_seconds is None or rd_rows == ox_rows else f"{ox_rows} vs {rd_rows}"
        print(f"{name:<24} {'yes' if name in JOIN_HEAVY else '':<4} {ox_seconds:>11.3f} s {rd:>10} {ratio:>7} "
              f"{rows:>13}")
        out.append({"size": triples, "query": name, "oxigraph": ox_seconds, "rdflib": rd_seconds,
                    "rows": ox_rows, "rdflib_rows": rd_rows})
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="triples per graph, comma-separated")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds an rdflib query may run (default 60)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", metavar="DIR", help="write the graphs and stores here and keep them")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kg-bench-sparql-"))
    figures = []
    try:
        for size in sizes:
            figures += bench(size, base / f"graph-{size}", args.cap, args.seed)
        local, remote = endpoint_overhead(base / f"graph-{sizes[0]}")
        print(f"\nendpoint overhead (ASK, {sizes[0]:,}-triple graph): {local:.2f} ms in-process, "
              f"{remote:.2f} ms through kg serve (HTTP + worker process)")
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
