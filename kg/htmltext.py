"""The readable text of an HTML page, one line per block, via a real HTML parser.

Scripts, styles and other non-content elements are dropped; each block
element (paragraph, heading, list item, table row, ``<br>``…) becomes its own
line, so sentence splitting sees the page's structure. White space inside a
block collapses as a browser collapses it, except that a line break between
two Chinese characters disappears (CSS Text 3's rule for East Asian text), so
a name wrapped across source lines stays one word.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["html_text"]

_DROP = ("script", "style", "noscript", "template", "svg", "math", "iframe", "object", "canvas", "select")
_BLOCKS = (
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "dialog", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "title", "tr", "ul",
)
_CELLS = ("td", "th")
_SPACE = re.compile(r"[ \t\n\r\f]+")
_LINES = re.compile(r"[ \t]*\n[ \t\n]*")


@functools.lru_cache(maxsize=1)
def _parser() -> str:
    """lxml when installed (fast, forgiving), else Python's own parser."""
    try:
        import lxml  # noqa: F401
    except ImportError:
        return "html.parser"
    return "lxml"


def html_text(markup: str) -> str:
    """Text of ``markup`` with block structure kept as line breaks.

    >>> html_text("<html><head><style>p{}</style></head><body><p>泉山区\\n科技局</p><p>a &amp; b</p></body></html>")
    '泉山区科技局\\na & b'
    """
    from bs4 import BeautifulSoup
    from bs4.element import NavigableString, PreformattedString

    soup = BeautifulSoup(markup, _parser())
    for tag in soup.find_all(_DROP):
        tag.decompose()
    for node in list(soup.find_all(string=True)):
        if isinstance(node, PreformattedString):  # comments, CDATA, doctype, processing instructions
            node.extract()
        elif node.find_parent("pre") is None:
            node.replace_with(NavigableString(_collapse(str(node))))
    for tag in soup.find_all("br"):
        tag.replace_with(NavigableString("\n"))
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before(NavigableString("\n"))
        tag.insert_after(NavigableString("\n"))
    for tag in soup.find_all(_CELLS):
        tag.insert_after(NavigableString("\t"))
    text = soup.get_text()
    return _LINES.sub("\n", text).strip(" \t\n")


def _collapse(text: str) -> str:
    def space(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if "\n" in match.group() and _wide(before) and _wide(after):
            return ""
        return " "

    return _SPACE.sub(space, text)


def _wide(ch: str) -> bool:
    return bool(ch) and unicodedata.east_asian_width(ch) in ("W", "F")
