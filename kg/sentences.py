"""Stage: split a document into sentences, keeping character offsets."""

from __future__ import annotations

import dataclasses
import re

from kg.types import Doc, Sentence

__all__ = ["split"]

# A sentence ends after 。！？!? or ；; (news text strings long clauses with
# semicolons), a line break, or a run of them, plus any closing quotes; or at a
# run of spaces, except one that only spreads out a short label (成　　员：).
_END = re.compile(r"[。！？!?；;\n]+[”’」』）)]*|(?<!\s)\s{2,}(?![\s\u4e00-\u9fff]{0,3}[:：])")


def split(doc: Doc) -> Doc:
    """Cut ``doc.text`` into sentences whose offsets point into the text.

    Leading and trailing white space is left out of each sentence; empty
    pieces are dropped.
    """
    text = doc.text
    sentences: list[Sentence] = []
    start = 0
    for match in _END.finditer(text):
        _append(sentences, text, start, match.end())
        start = match.end()
    _append(sentences, text, start, len(text))
    return dataclasses.replace(doc, sentences=tuple(sentences))


def _append(out: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(len(out), start, end, text[start:end]))
