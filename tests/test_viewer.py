"""The graph viewer page, driven in headless Chromium with every non-file request refused.

Chromium is Debian's /usr/bin/chromium (``apt-get install chromium``; ``.ci/run``
installs it). These tests fail, not skip, when it is missing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph

from kg.build import build_to_folder
from kg.cli import main
from kg.graphio import read_graph
from kg.graphs import top_type
from kg.to_rdf import to_graph
from kg.types import Corpus, Doc, Document, Entity, Mention, Relation, Sentence
from kg.viewer import render_html, write_html
from kg.viewer.data import script_json
from tests.test_graphs import rdf_entities, rdf_relations

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
VIEWER_JS = Path(__file__).resolve().parent.parent / "kg" / "viewer" / "viewer.js"


# ---------------------------------------------------------------- browser harness


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@dataclass
class Opened:
    page: object
    errors: list[str] = field(default_factory=list)
    attempted: list[str] = field(default_factory=list)

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def check_clean(self):
        assert self.errors == [], self.errors
        assert self.attempted == [], f"the page tried the network: {self.attempted}"


@pytest.fixture
def open_page(browser):
    contexts = []

    def opener(path: Path) -> Opened:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        opened = Opened(page)

        def route(request_route):
            url = request_route.request.url
            if url.startswith("file:"):
                request_route.continue_()
            else:
                opened.attempted.append(url)
                request_route.abort()

        page.route("**/*", route)
        page.on("request", lambda r: None if r.url.startswith(("file:", "data:")) else opened.attempted.append(r.url))
        page.on("pageerror", lambda e: opened.errors.append(f"pageerror: {e}"))
        page.on("console", lambda m: opened.errors.append(f"console: {m.text}") if m.type == "error" else None)
        page.goto(Path(path).resolve().as_uri())
        page.wait_for_function("() => window.kgReady === true", timeout=20_000)
        return opened

    yield opener
    for context in contexts:
        context.close()


def node_id(opened: Opened, label: str) -> int:
    found = opened.js("(label) => kg.data.nodes.filter((n) => n.label === label).map((n) => n.id)", label)
    assert len(found) == 1, (label, found)
    return found[0]


def panel_text(opened: Opened) -> str:
    opened.page.wait_for_selector("#detail:not([hidden])")
    return opened.page.inner_text("#detail")


def click_canvas_at(opened: Opened, point: dict) -> None:
    """Click the canvas where vis-network draws the canvas-space ``point``."""
    dom = opened.js("(p) => network.canvasToDOM(p)", point)
    box = opened.page.locator("#graph canvas").bounding_box()
    opened.page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])


# ---------------------------------------------------------------- the seed page


def test_seed_page_shows_one_node_per_entity_and_one_edge_per_relation(seed_build, seed_graph, open_page):
    opened = open_page(seed_build.out / "graph.html")
    entities, relations = rdf_entities(seed_graph), rdf_relations(seed_graph)
    assert opened.js("() => network.body.data.nodes.getIds().length") == len(entities)
    assert opened.js("() => network.body.data.edges.getIds().length") == len(relations)
    assert set(opened.js("() => kg.data.nodes.map((n) => n.iri)")) == entities
    drawn = opened.js("() => kg.data.edges.map((e) => [kg.data.nodes[e.from].iri, e.predicate, kg.data.nodes[e.to].iri])")
    assert {tuple(edge) for edge in drawn} == relations
    # the legend counts each top type
    legend = opened.js("""() => [...document.querySelectorAll('#types li')].map((li) =>
        [li.querySelector('input').dataset.id, Number(li.querySelector('.count').textContent)])""")
    expected = Counter(top_type(str(o).rsplit("#", 1)[1]) for s, o in seed_graph.subject_objects(RDF.type) if str(s) in entities)
    assert dict(legend) == dict(expected)
    # edge labels are the predicates' Chinese labels
    labels = opened.js("() => Object.fromEntries(kg.edges.get().map((e) => [e.kgPredicate, e.label]))")
    assert labels["locatedIn"] == "位于" and labels["implements"] == "实施"
    opened.check_clean()


def test_search_by_typing_lists_matches_and_enter_opens_the_entity(seed_build, open_page):
    opened = open_page(seed_build.out / "graph.html")
    page = opened.page
    page.click("#search")
    page.keyboard.type("徐州软")
    page.wait_for_selector("#results button")
    assert "徐州软件园" in page.inner_text("#results")
    page.click("#results button:has-text('徐州软件园')")
    text = panel_text(opened)
    assert "徐州软件园" in text and "园区" in text
    park = node_id(opened, "徐州软件园")
    assert opened.js("() => network.getSelectedNodes()") == [park]
    # its neighbourhood is highlighted: the park and the things located in it
    neighbours = opened.js("(id) => network.getConnectedNodes(id)", park)
    assert opened.js("() => kg.highlighted()") == sorted({park, *neighbours})
    assert node_id(opened, "华为") in neighbours
    page.fill("#search", "")
    page.keyboard.type("泉山区")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#detail h2').textContent === '泉山区'")
    assert "320311" in panel_text(opened)
    page.fill("#search", "没有这个名字")
    assert "没有匹配的实体" in page.inner_text("#results")
    opened.check_clean()


def test_type_and_predicate_filters_hide_and_restore(seed_build, seed_graph, open_page):
    opened = open_page(seed_build.out / "graph.html")
    total = opened.js("() => kg.visibleNodeIds().length")
    persons = opened.js("() => kg.data.nodes.filter((n) => n.type === 'Person').length")
    assert persons >= 2
    opened.page.click("#types label:has-text('人物')")
    assert opened.js("() => kg.visibleNodeIds().length") == total - persons
    assert opened.js("() => kg.visibleNodeIds().filter((id) => kg.data.nodes[id].type === 'Person').length") == 0
    # edges to hidden people go too (worksFor 魏宁 → 徐州日报)
    assert opened.js("() => kg.visibleEdgeIds().filter((id) => kg.data.edges[id].predicate === 'worksFor').length") == 0
    opened.page.click("#types label:has-text('人物')")
    assert opened.js("() => kg.visibleNodeIds().length") == total

    edges = opened.js("() => kg.visibleEdgeIds().length")
    located = sum(1 for _, p, _ in rdf_relations(seed_graph) if p == "locatedIn")
    opened.page.click("#predicates label:has-text('位于')")
    assert opened.js("() => kg.visibleEdgeIds().length") == edges - located
    opened.page.click("#show-all")
    assert opened.js("() => kg.visibleEdgeIds().length") == edges
    assert opened.js("() => [...document.querySelectorAll('.filters input')].every((box) => box.checked)")
    opened.check_clean()


def test_clicking_a_node_opens_its_detail_panel(seed_build, open_page):
    opened = open_page(seed_build.out / "graph.html")
    district = node_id(opened, "泉山区")
    click_canvas_at(opened, opened.js("(id) => network.getPositions([id])[id]", district))
    text = panel_text(opened)
    assert "泉山区" in text and "县级行政区" in text and "320311" in text
    quotes = opened.page.locator("#detail blockquote")
    assert quotes.count() >= 1
    assert "泉山" in quotes.first.locator("mark").first.inner_text()
    assert opened.js("() => kg.highlighted()").count(district) == 1
    # the close button clears the panel and the highlight
    opened.page.click("#detail-close")
    assert opened.page.is_hidden("#detail") and opened.js("() => kg.highlighted()") == []
    opened.check_clean()


def test_clicking_an_edge_shows_the_sentence_it_came_from(seed_build, open_page):
    opened = open_page(seed_build.out / "graph.html")
    huawei, park = node_id(opened, "华为"), node_id(opened, "徐州软件园")
    edge = opened.js(
        "([a, b]) => kg.data.edges.find((e) => e.from === a && e.to === b && e.predicate === 'locatedIn').id",
        [huawei, park],
    )
    opened.js("([a, b]) => network.fit({ nodes: [a, b], animation: false })", [huawei, park])
    ends = opened.js("([a, b]) => network.getPositions([a, b])", [huawei, park])
    a, b = ends[str(huawei)], ends[str(park)]
    # a point on the edge, a third of the way from the park, clear of both nodes' shapes
    click_canvas_at(opened, {"x": b["x"] + (a["x"] - b["x"]) / 3, "y": b["y"] + (a["y"] - b["y"]) / 3})
    assert opened.js("() => network.getSelectedEdges()") == [edge]
    text = panel_text(opened)
    assert "位于" in text and "出处" in text
    sentence = opened.page.locator("#detail blockquote").first
    marked = sentence.locator("mark").all_inner_texts()
    assert "华为" in marked and "徐州软件园" in marked
    opened.check_clean()


# ---------------------------------------------------------------- a hand-made graph: aliases, authority, position


def _mention(text: str, name: str, cls: str) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, name, cls)


@pytest.fixture(scope="module")
def small_graph() -> Graph:
    text = "青禾区实施青禾行动计划。李明任青禾区管委会主任。"
    sentences = (Sentence(0, 0, 12, text[:12]), Sentence(1, 12, len(text), text[12:]))
    region = Entity("青禾区", "District", "青禾区", aliases=("青禾",), mentions=(_mention(text, "青禾区", "District"),),
                    division_code="990101")
    town = Entity("青禾镇", "Subdistrict", "青禾镇")
    plan = Entity("青禾行动计划", "Program", "青禾行动计划", mentions=(_mention(text, "青禾行动计划", "Program"),))
    person = Entity("李明", "Person", "李明", mentions=(_mention(text, "李明", "Person"),))
    body = Entity("青禾区管委会", "GovernmentBody", "青禾区管委会", mentions=(_mention(text, "青禾区管委会", "GovernmentBody"),))
    relations = (
        Relation("青禾区", "implements", "青禾行动计划", sentence=0),
        Relation("李明", "worksFor", "青禾区管委会", sentence=1, position="主任"),
        Relation("青禾镇", "partOf", "青禾区", authority="GBT2260"),
    )
    entities = (region, town, plan, person, body)
    doc = Doc(Document("small", "small.txt", text), sentences, (), entities, relations)
    return to_graph(Corpus((doc,), {e.key: e for e in entities}))


def test_alias_search_authority_edges_and_positions(small_graph, tmp_path, open_page):
    opened = open_page(write_html(small_graph, tmp_path / "small.html"))
    page = opened.page
    page.click("#search")
    page.keyboard.type("青禾")  # the alias, exactly: the district comes first
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#detail h2').textContent === '青禾区'")
    text = panel_text(opened)
    assert "别名" in text and "青禾" in text and "990101" in text
    authority = opened.js("() => kg.data.edges.find((e) => e.predicate === 'partOf').id")
    opened.js("(id) => kg.selectEdge(id)", authority)
    assert "GB/T 2260" in panel_text(opened)
    works = opened.js("() => kg.data.edges.find((e) => e.predicate === 'worksFor').id")
    opened.js("(id) => kg.selectEdge(id)", works)
    text = panel_text(opened)
    assert "职务" in text and "主任" in text and "李明任青禾区管委会主任" in text
    # small graphs offer vis-network's physics as a toggle
    page.check("#physics")
    assert opened.js("() => network.physics.options.enabled") is True
    page.uncheck("#physics")
    opened.check_clean()


def test_empty_graph_page(tmp_path, open_page):
    opened = open_page(write_html(Graph(), tmp_path / "empty.html"))
    assert opened.page.is_visible("#empty")
    assert opened.js("() => network.body.data.nodes.getIds().length") == 0
    opened.check_clean()


# ---------------------------------------------------------------- safety


EVIL_PARK = "<script>window.pwned=1</script>产业园"
EVIL_COMPANY = '<img src=x onerror="window.pwned=1">有限公司'


@pytest.fixture(scope="module")
def evil_build(tmp_path_factory):
    folder = tmp_path_factory.mktemp("evil")
    (folder / "evil.txt").write_text(
        f"本报讯 {EVIL_PARK}位于泉山区。{EVIL_COMPANY}入驻{EVIL_PARK}，\"</script><b>\"也在泉山区。\n", encoding="utf-8"
    )
    # a user lexicon makes sure the hostile strings become entity names
    (folder / "lexicon.tsv").write_text(f"{EVIL_PARK}\tPark\n{EVIL_COMPANY}\tCompany\n", encoding="utf-8")
    result = build_to_folder([folder / "evil.txt"], folder / "out", lexicons=[folder / "lexicon.tsv"])
    names = {str(label) for label in result.graph.objects(None, RDFS.label)}
    assert EVIL_PARK in names, "the fixture must give an entity named with <script>"
    return folder / "out"


def _check_inert(opened: Opened) -> None:
    page = opened.page
    assert opened.js("() => window.pwned") is None
    assert opened.js("() => document.querySelectorAll('img').length") == 0
    assert opened.js("() => document.scripts.length") == 3  # data, vis-network, the viewer
    page.click("#search")
    page.keyboard.type("script")
    page.wait_for_selector("#results button")
    assert EVIL_PARK in page.inner_text("#results")
    page.keyboard.press("Enter")
    page.wait_for_function("(name) => document.querySelector('#detail h2').textContent === name", arg=EVIL_PARK)
    text = panel_text(opened)
    assert "<img src=x onerror=" in text  # the sentence, shown as text
    assert opened.js("() => window.pwned") is None
    assert opened.js("() => document.querySelectorAll('#detail img, #detail script, #detail b').length") == 0
    opened.check_clean()


def test_names_with_script_are_shown_as_text_and_never_run(evil_build, open_page):
    html = (evil_build / "graph.html").read_text(encoding="utf-8")
    assert "<script>window.pwned" not in html and "<img src=x" not in html and "</script><b>" not in html
    _check_inert(open_page(evil_build / "graph.html"))


def test_escaping_alone_keeps_them_inert_without_the_content_security_policy(evil_build, tmp_path, open_page):
    html = (evil_build / "graph.html").read_text(encoding="utf-8")
    bare, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html)
    assert n == 1
    (tmp_path / "bare.html").write_text(bare, encoding="utf-8")
    _check_inert(open_page(tmp_path / "bare.html"))


def test_script_json_escapes_everything_that_could_end_the_element():
    text = script_json({"a": "</script><!--&\u2028\u2029"})
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert json.loads(text) == {"a": "</script><!--&\u2028\u2029"}


def test_viewer_script_never_assigns_html():
    source = VIEWER_JS.read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in source, sink


def test_page_is_self_contained_and_its_policy_allows_only_its_own_scripts(seed_build):
    html = (seed_build.out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"\s(src|href)\s*=", html), "the page links to a file"
    assert "<link" not in html and "@import" not in html and "url(http" not in html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    scripts = re.findall(r"<script>(.*?)</script>", html, re.DOTALL)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


# ---------------------------------------------------------------- determinism and the command


def test_same_graph_same_bytes(seed_build, seed_graph):
    written = (seed_build.out / "graph.html").read_text(encoding="utf-8")
    assert render_html(seed_graph) == written
    assert render_html(read_graph(seed_build.out)) == written  # read back from graph.ttl


def test_kg_view_writes_the_page(seed_build, tmp_path, capsys):
    out = tmp_path / "page" / "v.html"
    assert main(["view", str(seed_build.out), "--out", str(out)]) == 0
    assert out.read_bytes() == (seed_build.out / "graph.html").read_bytes()
    assert str(out) in capsys.readouterr().out
    assert main(["view", str(tmp_path / "missing.ttl")]) == 2
    assert "missing.ttl" in capsys.readouterr().err


def test_kg_view_defaults_to_beside_the_graph(seed_build, tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_bytes((seed_build.out / "graph.ttl").read_bytes())
    assert main(["view", str(graph)]) == 0
    assert (tmp_path / "g.html").read_bytes() == (seed_build.out / "graph.html").read_bytes()


def test_kg_class_labels_reach_the_page(seed_graph):
    html = render_html(seed_graph)
    for label in ("地区", "园区", "企业", "机构", "计划", "人物", "位于", "实施"):
        assert f'"{label}"' in html
