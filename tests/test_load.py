"""kg.load (with kg.encoding and kg.htmltext): files of any encoding in, normalised documents out."""

from __future__ import annotations

import codecs
import logging
import random

import pytest

from kg.encoding import NotText, decode
from kg.errors import DocumentError
from kg.htmltext import html_text
from kg.lexicon import default_lexicon
from kg.load import find_sources, normalise, read_document, read_documents
from kg.pipeline import build, process
from tests.conftest import SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
SNIPPET = "泉山区科技局局长孟庆礼介绍,王陵街道位于泉山区。"
# A traditional-Chinese passage of our own (Big5 is the encoding GB18030 must not swallow).
TRADITIONAL = "臺灣位於東亞，首都為臺北市。經濟以出口為主，半導體與資訊產業發達，國民重視教育。" * 4


# ---------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("data", "encoding", "name"),
    [
        (SEED_TEXT.encode("utf-8"), "utf-8", "utf-8"),
        (codecs.BOM_UTF8 + SEED_TEXT.encode("utf-8"), "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SEED_TEXT.encode("utf-16-le"), "utf-16-le", "utf-16"),
        (codecs.BOM_UTF16_BE + SEED_TEXT.encode("utf-16-be"), "utf-16-be", "utf-16"),
        (codecs.BOM_UTF32_LE + SEED_TEXT.encode("utf-32-le"), "utf-32-le", "utf-32"),
        (SEED_TEXT.encode("gb18030"), "gb18030", "gb18030"),
        (SNIPPET.encode("gb18030"), "gb18030", "gb18030"),
        ("泉山区".encode("gb18030"), "gb18030", "gb18030"),
        (SEED_TEXT[:400].encode("gbk"), "gb18030", "gb18030"),
        (TRADITIONAL.encode("big5"), "big5", "big5"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "utf-32", "gb18030", "gb-sentence", "gb-3-chars",
         "gbk", "big5"],
)
def test_decode_finds_the_encoding(data, encoding, name):
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.name == name
    assert decoded.text in (SEED_TEXT, SNIPPET, "泉山区", SEED_TEXT[:400], TRADITIONAL)


def test_short_gb_text_is_read_as_gb18030_not_korean_or_japanese():
    """Statistics alone misread a few Chinese characters as cp949; every sentence of the seed
    comes back exactly."""
    sentences = [s for s in SEED_TEXT.replace("\n", "。").split("。") if len(s.strip()) >= 4]
    assert len(sentences) > 20
    wrong = [s for s in sentences if decode(s.encode("gb18030")).text != s]
    assert wrong == []


def test_html_meta_charset_is_honoured():
    page = '<html><head><meta charset="gb2312"></head><body><p>泉山区</p></body></html>'.encode("gb18030")
    decoded = decode(page, html=True)
    assert (decoded.encoding, decoded.how) == ("gb18030", "meta charset")


@pytest.mark.parametrize("label", ["base64", "no-such-codec", "utf-8"])
def test_a_wrong_meta_charset_falls_back_to_detection(label):
    page = f'<html><meta charset="{label}"><body><p>{SNIPPET}</p></body></html>'.encode("gb18030")
    decoded = decode(page, html=True)
    assert (decoded.encoding, decoded.how) == ("gb18030", "detected")
    assert SNIPPET in decoded.text


def _random_bytes(size: int, low: int, high: int) -> bytes:
    rng = random.Random(size * 1000 + low)
    return bytes(rng.randrange(low, high) for _ in range(size))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n", "empty file"),
        (_random_bytes(4096, 0, 256), "binary file"),
        (_random_bytes(4096, 1, 256), "not text"),  # no NUL byte, still no encoding reads it
        (_random_bytes(4096, 0x80, 256), "not text"),
        (_random_bytes(500, 1, 0x20), "control characters"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "not utf-16-le text"),
    ],
    ids=["empty", "white-space", "random-bytes", "random-bytes-no-nul", "random-high-bytes", "controls", "broken-utf-16"],
)
def test_decode_refuses_what_is_not_text(data, reason):
    with pytest.raises(NotText, match=reason):
        decode(data)


def test_read_document_names_the_file_and_reason(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert err.value.path == str(path)
    assert "binary" in err.value.reason
    assert str(err.value).startswith(f"{path}: ")
    with pytest.raises(DocumentError, match="cannot read it"):
        read_document(tmp_path / "missing.txt")


def test_a_page_without_text_is_an_error(tmp_path):
    path = tmp_path / "blank.html"
    path.write_text("<html><head><script>var a = 1;</script></head><body> </body></html>", encoding="utf-8")
    with pytest.raises(DocumentError, match="no text"):
        read_document(path)


# ---------------------------------------------------------------- HTML


def test_html_text_keeps_blocks_as_lines_and_drops_code():
    page = """<!doctype html><html><head><title>标题</title><style>p { color: red }</style>
    <script>document.write("泉山区")</script></head>
    <body><!-- 注释 --><h1>徐州软件园</h1>
    <div><p>华为 &amp; 甲骨文<br>入驻</p><ul><li>一</li><li>二</li></ul>
    <table><tr><td>甲</td><td>乙</td></tr></table><p>泉山
    经济开发区 is   here</p><noscript>请启用</noscript></div></body></html>"""
    assert html_text(page).split("\n") == [
        "标题", "徐州软件园", "华为 & 甲骨文", "入驻", "一", "二", "甲\t乙", "泉山经济开发区 is here",
    ]


def test_html_pre_keeps_its_line_breaks():
    assert html_text("<pre>第一行\n  第二行</pre><p>a\nb</p>") == "第一行\n第二行\na b"


def test_html_document_is_read_as_its_text(tmp_path):
    path = tmp_path / "page.htm"
    body = "".join(f"<p>{line}</p>" for line in SNIPPET.split(","))
    path.write_bytes(f'<html><meta charset="gbk"><body>{body}</body></html>'.encode("gb18030"))
    document = read_document(path)
    assert document.text == SNIPPET.replace(",", "\n")
    assert document.encoding == "gb18030"


# ---------------------------------------------------------------- normalise


def test_normalise_unifies_forms_and_removes_stray_controls():
    assert normalise("泉山区\r\n２０２４年\rＡＩ，\u3000产业") == "泉山区\n2024年\nAI, 产业"
    assert normalise("a\x00b\x07c\x1bd\x7fe\u200bf\ufeffg\u00adh") == "abcdefgh"
    assert normalise("a\u2028b\x0cc\x85d") == "a\nb\nc\nd"
    assert normalise("\t缩进") == "\t缩进"


def test_normalise_keeps_forms_whose_meaning_nfkc_would_change():
    for kept in ("①", "面积100㎡", "m²", "½", "H₂O", "㈠"):
        assert normalise(kept) == kept
    assert normalise("⼀\uf900") == "一豈"  # Kangxi radical and compatibility ideograph → unified


def test_normalise_is_stable():
    text = "２０２４①ＡＢ\r\n\u3000m²\x00…"
    assert normalise(normalise(text)) == normalise(text)


def test_offsets_index_the_stored_text_for_every_encoding(tmp_path):
    """Mentions found in a GB18030 file with CRLF and full-width digits point into the stored text."""
    path = tmp_path / "crlf.txt"
    path.write_bytes(SEED_TEXT.replace("\n", "\r\n").replace("2", "２").encode("gb18030"))
    document = read_document(path)
    doc = process(document, default_lexicon())
    assert doc.mentions and doc.sentences
    for span in (*doc.mentions, *doc.sentences):
        assert document.text[span.start:span.end] == span.text
    assert "\r" not in document.text and "２" not in document.text


# ---------------------------------------------------------------- finding files and ids


def _tree(root, files):
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return root


def test_folders_are_searched_recursively_with_unique_stable_ids(tmp_path):
    corpus = _tree(tmp_path / "corpus", {
        "a.txt": b"x", "b.md": b"x", "c.html": b"x", "d.htm": b"x", "e.pdf": b"x", "f.TXT": b"x",
        "2024/a.txt": b"x", "2025/a.txt": b"x", "2025/a.html": b"x", "名单 (1).txt": b"x",
        ".hidden.txt": b"x", ".git/x.txt": b"x",
    })
    sources, errors = find_sources([corpus])
    assert errors == []
    assert [(s.path.relative_to(corpus).as_posix(), s.id) for s in sources] == [
        ("2024/a.txt", "2024/a"),
        ("2025/a.html", "2025/a"),
        ("2025/a.txt", "2025/a.txt"),
        ("a.txt", "a"),
        ("b.md", "b"),
        ("c.html", "c"),
        ("d.htm", "d"),
        ("f.TXT", "f"),
        ("名单 (1).txt", "名单%20%281%29"),
    ]
    # an id does not depend on what else is in the folder
    (corpus / "2024" / "z.txt").write_bytes(b"x")
    again = {s.path: s.id for s in find_sources([corpus])[0]}
    assert all(again[s.path] == s.id for s in sources)


def test_a_folders_notes_about_itself_are_not_documents_unless_named(tmp_path):
    corpus = _tree(tmp_path / "corpus", {"SOURCES.md": b"x", "readme.txt": b"x", "report.txt": b"x", "sub/README.md": b"x"})
    assert [s.id for s in find_sources([corpus])[0]] == ["report"]
    assert [s.id for s in find_sources([corpus / "SOURCES.md"])[0]] == ["SOURCES"]


def test_same_name_under_two_arguments_and_a_file_named_twice(tmp_path):
    one = _tree(tmp_path / "one", {"a.txt": b"x"})
    two = _tree(tmp_path / "two", {"a.txt": b"x"})
    sources, errors = find_sources([one, two, one / "a.txt", tmp_path / "nowhere", tmp_path / "one" / ".."])
    assert [s.id for s in sources] == ["a", "a.txt"]
    assert [(e.path, e.reason) for e in errors] == [(str(tmp_path / "nowhere"), "no such file or folder")]


def test_an_empty_folder_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    sources, errors = find_sources([tmp_path / "empty"])
    assert sources == []
    assert "no .txt, .md, .html, .htm files" in errors[0].reason


def test_read_documents_hands_back_errors_in_place(tmp_path):
    folder = _tree(tmp_path / "docs", {"a.txt": SNIPPET.encode(), "b.txt": b"", "c.txt": b"\x00\x01"})
    items = list(read_documents([folder]))
    assert [type(item).__name__ for item in items] == ["Document", "DocumentError", "DocumentError"]


def test_encoding_of_each_file_is_logged_at_info(tmp_path, caplog):
    folder = _tree(tmp_path / "docs", {"a.txt": SNIPPET.encode("gb18030"), "b.txt": SNIPPET.encode("utf-8-sig")})
    with caplog.at_level(logging.INFO, logger="kg"):
        build([folder])
    assert f"{folder / 'a.txt'}: gb18030" in caplog.text
    assert f"{folder / 'b.txt'}: utf-8-sig" in caplog.text
