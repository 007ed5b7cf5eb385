"""Readable, valid and stable IRIs for entities, documents and statements."""

from __future__ import annotations

import hashlib
import unicodedata

from rdflib import URIRef

from kg.namespace import DOC, RESOURCE, STATEMENT

__all__ = ["slug", "entity_iri", "document_iri", "span_iri", "statement_iri"]

# Kept as they are in an IRI path segment: RFC 3987 iunreserved (letters and
# digits of any script, - . _ ~). Everything else is percent-encoded, so no user
# text can break an IRI or the Turtle written from it.
_UNRESERVED_MARKS = frozenset("-._~")


def slug(text: str) -> str:
    """IRI path segment for ``text``: letters kept, everything else %-encoded.

    >>> slug("泉山区")
    '泉山区'
    >>> slug("5+10幸福工程")
    '5%2B10幸福工程'
    """
    text = unicodedata.normalize("NFC", text)
    out = []
    for ch in text:
        if ch in _UNRESERVED_MARKS or unicodedata.category(ch)[0] in "LN" and ch.isprintable():
            out.append(ch)
            continue
        out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out) or "_"


def entity_iri(key: str) -> URIRef:
    """The entity's IRI: its key made IRI-safe, since keys are names read from the text
    (a quoted 「<公司>」 would otherwise break the Turtle written from it)."""
    return RESOURCE[slug(key)]


def document_iri(doc_id: str) -> URIRef:
    return DOC[doc_id]


def span_iri(doc_id: str, start: int, end: int) -> URIRef:
    """RFC 5147 fragment, as NIF 2.0 names strings: ``doc#char=start,end``."""
    return URIRef(f"{DOC[doc_id]}#char={start},{end}")


def statement_iri(*parts: object) -> URIRef:
    digest = hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:16]
    return STATEMENT[digest]
