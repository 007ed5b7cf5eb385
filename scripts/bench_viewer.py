"""Benchmark: how soon the viewer page of a 5,000-node graph is interactive.

Builds a synthetic corpus of the ontology's shape (a region tree, parks in
districts, companies in parks, bodies, programs, projects, facilities and
people; 5,000 entities and 10,000 relations, each relation read from its own
sentence with NIF mentions, as ``kg build`` writes them), renders it with
``kg.viewer.write_html`` and opens it in headless Chromium with every
non-file request refused.

"Interactive" means, measured from the start of navigation: the page has
parsed its data, ``window.network`` exists and has drawn its first frame
(``window.kgReady``), and a search typed into the search box has listed the
entity and Enter has opened its detail panel. The seed page is measured the
same way in the same run as the baseline.

Usage::

    .venv/bin/python scripts/bench_viewer.py [--nodes 5000] [--edges 10000] [--runs 3] [--compare-networkx]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.iri import slug  # noqa: E402
from kg.types import Corpus, Doc, Document, Entity, Mention, Relation, Sentence  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

# Share of entities per class, and the name suffix that makes a name of that class.
SHAPE = [
    ("City", 12, "市"), ("District", 100, "区"), ("Subdistrict", 500, "街道"), ("Community", 387, "社区"),
    ("Park", 400, "产业园"), ("Company", 1800, "科技有限公司"), ("GovernmentBody", 300, "管理委员会"),
    ("Alliance", 100, "产业联盟"), ("Program", 500, "行动计划"), ("Project", 200, "建设项目"),
    ("Facility", 200, "大厦"), ("Person", 500, ""),
]
SYLLABLES = "安宁和平康泰兴华嘉禾瑞丰永昌隆盛明德广源新望云山清河金石长乐锦绣东西南北中"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
# predicate: (subject classes, object classes, verb written between them)
RULES = {
    "partOf": (None, None, "隶属于"),
    "locatedIn": (["Park", "Company", "GovernmentBody", "Facility", "Project"], ["District", "Subdistrict", "Park"], "位于"),
    "subOrganizationOf": (["Company", "GovernmentBody"], ["Company", "GovernmentBody"], "下属于"),
    "implements": (["District", "City", "GovernmentBody", "Company"], ["Program", "Project"], "实施"),
    "worksFor": (["Person"], ["GovernmentBody", "Company"], "任职于"),
    "memberOf": (["Company"], ["Alliance"], "加入"),
}


def synthetic_corpus(n_nodes: int = 5000, n_edges: int = 10000, seed: int = 1) -> Corpus:
    """A corpus of ``n_nodes`` entities and ``n_edges`` relations, 100 relations per document.

    Like real news, most relations stay local: every non-region entity has a
    home district, and 85% of relations link things of the same district
    (10% the same city, 5% anywhere).
    """
    rng = random.Random(seed)
    scale = (n_nodes - 1) / sum(n for _, n, _ in SHAPE)
    by_class: dict[str, list[str]] = {"Province": ["云岭省"]}
    names: dict[str, str] = {"云岭省": "Province"}
    for cls, share, suffix in SHAPE:
        by_class[cls] = []
        for i in range(max(1, round(share * scale))):
            if cls == "Person":
                name = rng.choice(SURNAMES) + "".join(rng.choice(SYLLABLES) for _ in range(2)) + str(i)
            else:
                name = "".join(rng.choice(SYLLABLES) for _ in range(2)) + str(i) + suffix
            by_class[cls].append(name)
            names[name] = cls
    triples: set[tuple[str, str, str]] = set()
    # the region tree, and a home district (and its city) for everything else
    city_of: dict[str, str] = {}
    home: dict[str, str] = {}
    for name in by_class["City"]:
        triples.add((name, "partOf", "云岭省"))
    for name in by_class["District"]:
        city_of[name] = rng.choice(by_class["City"])
        triples.add((name, "partOf", city_of[name]))
        home[name] = name
    for child, up in (("Subdistrict", "District"), ("Community", "Subdistrict")):
        for name in by_class[child]:
            parent = rng.choice(by_class[up])
            triples.add((name, "partOf", parent))
            home[name] = home[parent]
    for cls, _, _ in SHAPE:
        for name in by_class[cls]:
            home.setdefault(name, rng.choice(by_class["District"]))
    local: dict[tuple[str, str], list[str]] = {}
    for name, district in home.items():
        local.setdefault((names[name], district), []).append(name)

    def near(cls: str, name: str) -> str:
        district = home[name]
        roll = rng.random()
        if roll < 0.85 and local.get((cls, district)):
            return rng.choice(local[(cls, district)])
        if roll < 0.95:
            same_city = [d for d in by_class["District"] if city_of[d] == city_of[district] and local.get((cls, d))]
            if same_city:
                return rng.choice(local[(cls, rng.choice(same_city))])
        return rng.choice(by_class[cls])

    anchor = {"Park": "locatedIn", "Company": "locatedIn", "GovernmentBody": "locatedIn", "Alliance": "locatedIn",
              "Facility": "locatedIn", "Project": "locatedIn", "Program": "implements", "Person": "worksFor"}
    for cls, predicate in anchor.items():  # everything hangs from something near it
        for name in by_class[cls]:
            if predicate == "implements":
                triples.add((near(rng.choice(["District", "GovernmentBody"]), name), predicate, name))
            else:
                targets = RULES[predicate][1] if cls not in ("Park", "Alliance") else ["District", "Subdistrict"]
                triples.add((name, predicate, near(rng.choice(targets), name)))
    extra = [p for p in RULES if p != "partOf"]
    while len(triples) < n_edges:
        predicate = rng.choice(extra)
        subjects, objects, _ = RULES[predicate]
        s = rng.choice(by_class[rng.choice(subjects)])
        o = near(rng.choice(objects), s)
        if s != o:
            triples.add((s, predicate, o))
    ordered = sorted(triples)
    rng.shuffle(ordered)
    docs, mentions_of = [], {name: [] for name in names}
    for d in range(0, len(ordered), 100):
        text, sentences, relations, doc_mentions = "", [], [], {}
        for s, predicate, o in ordered[d : d + 100]:
            verb = RULES[predicate][2]
            start = len(text)
            sentence = f"据报道，{s}{verb}{o}。"
            text += sentence
            index = len(sentences)
            sentences.append(Sentence(index, start, len(text), sentence))
            for name, offset in ((s, start + 4), (o, start + 4 + len(s) + len(verb))):
                mention = Mention(offset, offset + len(name), name, name, names[name])
                doc_mentions.setdefault(name, []).append(mention)
            relations.append(Relation(slug(s), predicate, slug(o), sentence=index))
        entities = tuple(Entity(slug(n), names[n], n, mentions=tuple(ms)) for n, ms in sorted(doc_mentions.items()))
        for n, ms in doc_mentions.items():
            mentions_of[n].extend(ms)
        doc_id = f"synthetic-{d // 100:03d}"
        document = Document(doc_id, f"synthetic/{doc_id}.txt", text)
        docs.append(Doc(document, tuple(sentences), (), entities, tuple(relations)))
    merged = {slug(n): Entity(slug(n), cls, n, mentions=tuple(mentions_of[n])) for n, cls in names.items()}
    return Corpus(tuple(docs), merged)


def time_page(browser, path: Path, query: str) -> dict[str, float]:
    """Seconds from navigation start until the page is interactive (see the module docstring)."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    attempted: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            attempted.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda e: errors.append(str(e)))
    started = time.perf_counter()
    page.goto(path.as_uri(), wait_until="commit")
    page.wait_for_function("() => window.network !== undefined && window.kgReady === true", timeout=60_000)
    ready = time.perf_counter() - started
    page.fill("#search", query)
    page.wait_for_selector("#results button")
    page.press("#search", "Enter")
    page.wait_for_selector("#detail:not([hidden])")
    interactive = time.perf_counter() - started
    nodes = page.evaluate("() => window.network.body.data.nodes.length")
    page.close()
    if errors or attempted:
        raise SystemExit(f"page errors {errors} or network requests {attempted}")
    return {"ready": ready, "interactive": interactive, "nodes": nodes}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--compare-networkx", action="store_true", help="also time networkx's spring_layout (slow)")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from kg.build import build_to_folder
    from kg.graphs import layout, to_networkx
    from kg.to_rdf import to_graph
    from kg.viewer import render_html

    tmp = Path(tempfile.mkdtemp(prefix="bench-viewer-"))
    t = time.perf_counter()
    corpus = synthetic_corpus(args.nodes, args.edges)
    graph = to_graph(corpus)
    print(f"synthetic graph   {len(corpus.entities)} entities, "
          f"{sum(len(d.relations) for d in corpus.docs)} relations, {len(graph)} triples "
          f"({time.perf_counter() - t:.1f} s)")
    t = time.perf_counter()
    html = render_html(graph)
    render_seconds = time.perf_counter() - t
    big = tmp / "big.html"
    big.write_text(html, encoding="utf-8")
    network = to_networkx(graph)
    t = time.perf_counter()
    layout(network)
    layout_seconds = time.perf_counter() - t
    print(f"render_html       {render_seconds:.2f} s (of which layout {layout_seconds:.2f} s), "
          f"{len(html.encode()) / 1e6:.1f} MB page")
    if args.compare_networkx:
        import networkx as nx

        t = time.perf_counter()
        nx.spring_layout(nx.Graph(network), seed=7)
        spring = time.perf_counter() - t
        print(f"nx.spring_layout  {spring:.2f} s ({spring / layout_seconds:.0f}x kg.graphs.layout)")

    seed = build_to_folder([ROOT / "seeds"], tmp / "seed").written[-1]
    query = corpus.docs[0].entities[0].name
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        time_page(browser, seed, "泉山")  # warm up the browser
        base = [time_page(browser, seed, "泉山") for _ in range(args.runs)]
        runs = [time_page(browser, big, query) for _ in range(args.runs)]
        browser.close()
    base_s = statistics.median(r["interactive"] for r in base)
    ready_s = statistics.median(r["ready"] for r in runs)
    big_s = statistics.median(r["interactive"] for r in runs)
    print(f"seed page         interactive in {base_s:.2f} s (median of {args.runs}; baseline)")
    print(f"{runs[0]['nodes']}-node page   drawn in {ready_s:.2f} s, interactive in {big_s:.2f} s "
          f"(median of {args.runs}; {big_s / base_s:.1f}x the seed page; target < 5 s)")
    return 0 if big_s < 5 else 1


if __name__ == "__main__":
    sys.exit(main())
