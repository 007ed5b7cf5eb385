"""Property tests: arbitrary Unicode through the whole pipeline gives a graph that writes and reads back.

Texts mix random characters (everything but lone surrogates, which no file
can hold) with what breaks naive writers: quotes, angle brackets, backslashes,
emoji, control characters, CRLF, full-width forms, very long lines, and
fragments of Chinese that the extractors do find names in.
"""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import DocumentError
from kg.htmltext import html_text
from kg.iri import slug
from kg.lexicon import default_lexicon
from kg.load import _unique_id, normalise, read_document
from kg.pipeline import process
from kg.resolve import merge
from kg.to_rdf import to_graph
from kg.types import Document
from kg.write import serialize

PROPERTY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_TRICKY = [
    '"', "'", "“", "”", "「", "」", "<", ">", "&", "\\", "\\u0041", '"""', "'''", "\\n", "{", "}", "|", "^", "`",
    "#", "%", "%20", "@en", "^^", " .", ";", "😀", "👩‍💻", "🇨🇳", "\u200b", "\ufeff", "\x00", "\x07", "\x1b",
    "\x7f", "\x85", "\r\n", "\r", "\n", "\t", "\u2028", "\u3000", "２０２４", "ＡＢＣ", "，", "①", "m²",
    "泉山区", "徐州软件园", "华为公司", "科技局局长张三说", "泉山经济开发区位于泉山区。", "<script>alert(1)</script>",
    "长" * 3000, "a" * 2000 + "\n",
    # name endings and cues, so random characters before them become names (and IRIs)
    "有限公司", "公司", "科技局", "开发区", "产业园", "街道", "计划", "工程", "位于", "局长", "说", "。",
]
# A quoted name of random characters with a real ending: what makes odd names into entity IRIs.
_NAMES = st.builds(
    "“{}{}”位于泉山区。".format,
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), min_size=1, max_size=6),
    st.sampled_from(["有限公司", "科技局", "开发区", "计划"]),
)
_PIECES = st.one_of(
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), max_size=40),
    st.sampled_from(_TRICKY),
    _NAMES,
)
TEXTS = st.lists(_PIECES, min_size=1, max_size=12).map("".join)
_FORBIDDEN_IN_IRI = set(' <>"{}|^`\\')


def _graph_of(text: str) -> Graph:
    document = Document(id=slug("文档 <1> \"x\""), path='C:\\路径 "x"\n.txt', text=text)
    doc = process(document, default_lexicon())
    for span in (*doc.sentences, *doc.mentions):
        assert text[span.start:span.end] == span.text
    return to_graph(merge([doc]))


def _assert_valid_iri(node: URIRef) -> None:
    iri = str(node)
    assert iri.startswith(("https://", "http://")), iri
    bad = [ch for ch in iri if ch in _FORBIDDEN_IN_IRI or unicodedata.category(ch)[0] in "CZ"]
    assert not bad, (iri, bad)
    assert iri.count("#") <= 1, iri


@PROPERTY
@given(TEXTS)
def test_any_text_becomes_a_graph_that_reads_back(text):
    text = normalise(text)
    if not text.strip():
        return
    graph = _graph_of(text)
    turtle = serialize(graph, "ttl")
    assert turtle == graph.serialize(format="turtle", encoding="utf-8")  # kg.write's fast names change no byte
    parsed = Graph().parse(data=turtle, format="turtle")
    assert len(parsed) == len(graph)
    assert set(parsed) == set(graph)
    ntriples = serialize(graph, "nt")
    assert set(Graph().parse(data=ntriples, format="nt")) == set(graph)
    for triple in graph:
        for node in triple:
            assert not isinstance(node, BNode)
            if isinstance(node, URIRef):
                _assert_valid_iri(node)
    stored = [o for o in parsed.objects(None, None) if isinstance(o, Literal) and str(o) == text]
    assert stored, "the document text is stored whole"


@PROPERTY
@given(TEXTS)
def test_normalise_is_stable_and_leaves_no_stray_controls(text):
    once = normalise(text)
    assert normalise(once) == once
    assert "\r" not in once
    assert all(ch in "\t\n" or unicodedata.category(ch) != "Cc" for ch in once)


@PROPERTY
@given(TEXTS)
def test_any_file_is_read_or_refused_with_a_reason(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.txt"
        path.write_bytes(text.encode("utf-8"))
        try:
            document = read_document(path)
        except DocumentError as err:
            assert err.path == str(path)
            assert err.reason.startswith(("empty file", "binary file", "no text")), err.reason
            return
    assert document.text == normalise(text.removeprefix("\ufeff"))


@PROPERTY
@given(st.lists(st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"),
                        min_size=1, max_size=20).filter(lambda part: part not in {".", ".."}),  # no file has these names
                min_size=1, max_size=3))
def test_document_ids_are_valid_iri_paths(parts):
    doc_id = _unique_id(Path(*parts), set())
    _assert_valid_iri(URIRef(f"https://w3id.org/kg-cn/doc/{doc_id}#char=0,1"))
    assert doc_id.count("/") == len(Path(*parts).parts) - 1


@PROPERTY
@given(TEXTS)
def test_html_text_never_fails(markup):
    assert isinstance(html_text(markup), str)
