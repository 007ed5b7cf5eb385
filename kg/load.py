"""Stage: find the documents under the paths given and read them into ``Document`` records.

A document is a ``.txt``, ``.md`` or ``.html``/``.htm`` file, named directly
or found in a folder (recursively, hidden files and folders skipped, in
sorted order). Its bytes are decoded whatever their encoding (``kg.encoding``),
HTML is reduced to its text (``kg.htmltext``), and the text is normalised
(``normalise``). Offsets everywhere else index this normalised text, which is
also what the graph stores as the document's ``nif:isString``, so provenance
stays exact.

A file that cannot be read, is empty or is not text raises ``DocumentError``
naming the file and the reason; ``read_documents`` hands such errors back in
place of the document, so one bad file never stops a build.
"""

from __future__ import annotations

import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.encoding import NotText, decode
from kg.errors import DocumentError
from kg.iri import slug
from kg.types import Document

__all__ = [
    "HTML_SUFFIXES",
    "SUFFIXES",
    "Source",
    "find_files",
    "find_sources",
    "normalise",
    "read_document",
    "read_documents",
]

log = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (".txt", ".md", *HTML_SUFFIXES)


@dataclass(frozen=True)
class Source:
    """A file to read, and the document id it gets (unique within one build)."""

    path: Path
    id: str


def find_sources(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[Source], list[DocumentError]]:
    """The documents named by ``paths``, each with its id; and the paths that name none.

    A document's id is its path relative to the argument that named it, without
    the suffix, each part made IRI-safe by ``kg.iri.slug`` and joined by ``/``:
    ``corpus/2024/report.txt`` given as ``corpus`` is ``2024/report``, so files
    sharing a stem in different folders keep apart, and an id does not change
    when other files come and go. Should two files still meet on one id (``a.txt``
    beside ``a.html``, or one relative path under two arguments), the later in
    order keeps its suffix, then gets a number.
    """
    sources: list[Source] = []
    errors: list[DocumentError] = []
    ids: set[str] = set()
    seen: set[Path] = set()
    for arg in map(Path, paths):
        if arg.is_dir():
            found = [(path, path.relative_to(arg)) for path in _walk(arg)]
            if not found:
                errors.append(DocumentError(str(arg), f"no {', '.join(SUFFIXES)} files in this folder"))
        elif arg.exists():
            found = [(arg, Path(arg.name))]
        else:
            errors.append(DocumentError(str(arg), "no such file or folder"))
            continue
        for path, relative in found:
            real = path.resolve()
            if real in seen:
                log.info("%s: named twice, read once", path)
                continue
            seen.add(real)
            doc_id = _unique_id(relative, ids)
            ids.add(doc_id)
            sources.append(Source(path, doc_id))
    return sources, errors


# A folder's notes about itself, not documents (a corpus' SOURCES.md, a README);
# named on the command line they are read like any file.
FOLDER_NOTES = frozenset({"README", "SOURCES", "LICENSE", "CHANGELOG", "NOTICE", "AUTHORS", "CONTRIBUTING"})


def _walk(folder: Path) -> list[Path]:
    """Document files under ``folder``, recursively, in sorted order, skipping
    hidden names and the folder's notes about itself (``FOLDER_NOTES``)."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root, name)
            if name.startswith(".") or path.suffix.lower() not in SUFFIXES:
                continue
            if path.stem.upper() in FOLDER_NOTES:
                log.info("%s: a note about the folder, not a document; skipped", path)
                continue
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _unique_id(relative: Path, taken: set[str]) -> str:
    parts = [*relative.parent.parts, relative.stem if relative.suffix else relative.name]
    candidate = "/".join(slug(part) for part in parts)
    if candidate in taken:
        candidate = "/".join(slug(part) for part in relative.parts)
    base, number = candidate, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def find_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named by ``paths``, folders searched recursively, in sorted order."""
    return [source.path for source in find_sources(paths)[0]]


def read_document(path: str | os.PathLike[str], doc_id: str | None = None) -> Document:
    """Read, decode and normalise one file; raises ``DocumentError`` naming the file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(str(path), f"cannot read it ({exc.strerror or exc})") from exc
    is_html = path.suffix.lower() in HTML_SUFFIXES
    try:
        decoded = decode(raw, html=is_html)
    except NotText as exc:
        raise DocumentError(str(path), str(exc)) from exc
    del raw
    log.debug("%s: %s", path, decoded.describe())
    text = decoded.text
    if is_html:
        from kg.htmltext import html_text

        text = html_text(text)
    text = normalise(text)
    if not text.strip():
        raise DocumentError(str(path), "no text in it" + (" (an HTML page without visible text)" if is_html else ""))
    return Document(id=doc_id or slug(path.stem), path=str(path), text=text, encoding=decoded.name)


def read_documents(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document | DocumentError]:
    """Every document under ``paths``, read one at a time; an unreadable one is its error."""
    sources, errors = find_sources(paths)
    yield from errors
    for source in sources:
        try:
            yield read_document(source.path, source.id)
        except DocumentError as err:
            yield err


# ---------------------------------------------------------------- normalise

# Line separators other than \n, and control characters (other than \t and \n)
# or invisible format characters that only get in the way of matching names.
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_STRAY = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u00ad\u200b\u200e\u200f\u202a-\u202e"
                    "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb\ufffe\uffff]")
# Compatibility characters whose NFKC form changes what they say (² → 2, ½ → 1⁄2,
# ① → 1, ㎡ → m2): kept as they are.
_KEEP = re.compile("[\u00b2\u00b3\u00b9\u00bc-\u00be\u2070-\u209f\u2150-\u215f\u2189\u2460-\u24ff\u3200-\u33ff]+")


def normalise(text: str) -> str:
    """One spelling for rules to match: line ends, full-width forms, no stray controls.

    ``\\r\\n``, ``\\r`` and other line separators become ``\\n``; control and
    invisible format characters are removed (``\\t`` and ``\\n`` stay); NFKC
    turns full-width digits, letters and punctuation into ASCII
    (``２０２４年``→``2024年``, ``，``→``,``), ideographic spaces into spaces
    and compatibility ideographs into unified ones, except where it would
    change the meaning (superscripts, fractions, circled and squared forms).
    The result is stable: ``normalise(normalise(t)) == normalise(t)``.

    >>> normalise("泉山区\\r\\n２０２４年，ＡＩ\\x07产业①")
    '泉山区\\n2024年,AI产业①'
    """
    text = _LINE_BREAKS.sub("\n", text)
    text = _STRAY.sub("", text)
    if unicodedata.is_normalized("NFKC", text):
        return text
    out: list[str] = []
    last = 0
    for match in _KEEP.finditer(text):
        out.append(unicodedata.normalize("NFKC", text[last:match.start()]))
        out.append(match.group())
        last = match.end()
    out.append(unicodedata.normalize("NFKC", text[last:]))
    return "".join(out)
