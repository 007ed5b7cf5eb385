"""Stage: read files into normalised ``Document`` records."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import DocumentError
from kg.iri import slug
from kg.types import Document

__all__ = ["SUFFIXES", "find_files", "read_document", "normalise"]

SUFFIXES = (".txt", ".md", ".html", ".htm")


def find_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files named by ``paths``, folders searched recursively, in sorted order."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES))
        else:
            found.append(path)
    return found


def read_document(path: str | os.PathLike[str], doc_id: str | None = None) -> Document:
    """Read and normalise one file; raises ``DocumentError`` naming the file."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(str(path), exc.strerror or str(exc)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(str(path), f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return Document(id=doc_id or slug(path.stem), path=str(path), text=normalise(text))


def normalise(text: str) -> str:
    """Unify line ends and full-width forms so rules see one spelling."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFKC", text)


def read_documents(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document | DocumentError]:
    for path in find_files(paths):
        try:
            yield read_document(path)
        except DocumentError as err:
            yield err
