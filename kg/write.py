"""Writers: serialise a graph to a file, atomically and deterministically.

Each format is chosen by name; the bytes for the same graph are the same on
every run (rdflib's Turtle serialiser sorts subjects and predicates; N-Triples
lines are sorted here).

Nothing is written in place: every file goes to a temporary file beside its
target and is renamed over it once complete (``atomic_file``), and a build's
several files are renamed together at the end (``OutputFolder``), so an
interrupted or failed build leaves the previous outputs whole and consistent.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, Self

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import NamespaceManager, split_uri
from rdflib.term import _is_valid_uri

__all__ = [
    "EXTENSIONS",
    "FORMATS",
    "OutputFolder",
    "atomic_file",
    "atomic_write",
    "serialize",
    "write_graph",
    "write_to",
]

EXTENSIONS = {"ttl": "ttl", "nt": "nt", "jsonld": "jsonld", "trig": "trig", "xml": "rdf"}


def _turtle(graph: Graph) -> bytes:
    handle = io.BytesIO()
    _serialize_to(graph, handle, "turtle")
    return handle.getvalue()


class _PrefixedNames(NamespaceManager):
    """rdflib's prefixed-name lookup without its namespace trie.

    rdflib files the namespace part of every IRI it writes in a trie, searched
    linearly; each NIF string IRI (``doc#char=0,28``) has a namespace of its
    own, so writing Turtle took time quadratic in the number of mentions (a
    minute for 1 MB of text). This keeps rdflib's rule (split the IRI where
    its local name starts, and use the prefix bound to that namespace) with a
    dictionary instead, which gives the same bytes.
    """

    def __init__(self, graph: Graph) -> None:
        super().__init__(graph, bind_namespaces="none")
        self._qnames: dict[str, tuple[str, URIRef, str]] = {}

    def compute_qname(self, uri: str, generate: bool = True) -> tuple[str, URIRef, str]:
        cached = self._qnames.get(uri)
        if cached is not None:
            return cached
        if not _is_valid_uri(uri):
            raise ValueError(f'"{uri}" does not look like a valid URI, cannot serialize this')
        try:
            namespace, name = split_uri(uri)
        except ValueError:
            namespace, name = uri, ""
            if not self.store.prefix(URIRef(uri)):
                raise
        namespace = URIRef(namespace)
        prefix = self.store.prefix(namespace)
        if prefix is None:
            if not generate:
                raise KeyError(f"No known prefix for {namespace} and generate=False")
            number = 1
            while self.store.namespace(f"ns{number}") is not None:
                number += 1
            prefix = f"ns{number}"
            self.bind(prefix, namespace)
        self._qnames[uri] = (prefix, namespace, name)
        return prefix, namespace, name


def _serialize_to(graph: Graph, handle: BinaryIO, rdflib_format: str) -> None:
    original = graph.namespace_manager
    graph.namespace_manager = _PrefixedNames(graph)
    try:
        graph.serialize(destination=handle, format=rdflib_format, encoding="utf-8")
    finally:
        graph.namespace_manager = original


def _ntriples(graph: Graph) -> bytes:
    lines = graph.serialize(format="nt", encoding="utf-8").splitlines(keepends=True)
    return b"".join(sorted(line for line in lines if line.strip()))


def _jsonld(graph: Graph) -> bytes:
    context = {prefix: str(ns) for prefix, ns in graph.namespaces() if prefix}
    data = json.loads(graph.serialize(format="json-ld", context=context, encoding="utf-8"))
    return (json.dumps(_canonical(data), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def _canonical(value):
    """JSON with every list sorted, since rdflib emits nodes in set order."""
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    return value


def _trig(graph: Graph) -> bytes:
    """The triples as the default graph of a dataset: a plain graph would be named by a
    random blank node, different on every run."""
    dataset = Dataset()
    for prefix, namespace in graph.namespaces():
        dataset.bind(prefix, namespace, override=True, replace=True)
    dataset.default_graph += graph
    with warnings.catch_warnings():  # rdflib's own TriG writer calls its deprecated API
        warnings.simplefilter("ignore", DeprecationWarning)
        return dataset.serialize(format="trig", encoding="utf-8")


def _xml(graph: Graph) -> bytes:
    return graph.serialize(format="pretty-xml", encoding="utf-8")


FORMATS: dict[str, Callable[[Graph], bytes]] = {
    "ttl": _turtle,
    "nt": _ntriples,
    "jsonld": _jsonld,
    "trig": _trig,
    "xml": _xml,
}


def serialize(graph: Graph, fmt: str = "ttl") -> bytes:
    try:
        writer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}") from None
    return writer(graph)


# rdflib formats it can write straight to a file, without the whole text in memory.
_STREAMED = {"ttl": "turtle", "xml": "pretty-xml"}


def write_to(graph: Graph, handle: BinaryIO, fmt: str = "ttl") -> None:
    """Write ``graph`` to an open binary file: the bytes of ``serialize(graph, fmt)``."""
    if fmt in _STREAMED:
        _serialize_to(graph, handle, _STREAMED[fmt])
    else:
        handle.write(serialize(graph, fmt))


def _temp_beside(path: Path) -> Path:
    """A new, empty, hidden file in ``path``'s folder, keeping its suffix for writers that read it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=f".tmp{path.suffix}", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes it private; outputs are ordinary files
    except (AttributeError, OSError):  # pragma: no cover - platforms without fchmod
        pass
    finally:
        os.close(fd)
    return Path(tmp)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make the renames durable too (where the platform lets a folder be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """An open binary file that replaces ``path`` only when the ``with`` block completes.

    If the block raises (or the process dies), ``path`` keeps its previous content.
    """
    path = Path(path)
    tmp = _temp_beside(path)
    try:
        with open(tmp, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place,
    so a failed or interrupted build leaves the previous file intact."""
    with atomic_file(path) as handle:
        handle.write(data)


def write_graph(graph: Graph, path: str | os.PathLike[str], fmt: str = "ttl") -> Path:
    with atomic_file(path) as handle:
        write_to(graph, handle, fmt)
    return Path(path)


class OutputFolder:
    """Several files written to temporaries in one folder, renamed into place together.

    ``temp(name)`` gives a path for a writer to fill; ``commit()`` renames
    every file over its target, in the order they were asked for, and returns
    the targets. Leaving the ``with`` block without committing (an exception,
    an interrupt) deletes the temporaries and leaves the folder as it was.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder, OutputFolder(folder) as out:
    ...     _ = out.temp("a.txt").write_text("new")
    ...     [p.name for p in out.commit()]
    ['a.txt']
    """

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self._staged: list[tuple[Path, Path]] = []  # (temporary, target)

    def temp(self, name: str) -> Path:
        target = self.folder / name
        tmp = _temp_beside(target)
        self._staged.append((tmp, target))
        return tmp

    @contextlib.contextmanager
    def open(self, name: str) -> Iterator[BinaryIO]:
        with open(self.temp(name), "wb") as handle:
            yield handle

    def commit(self) -> list[Path]:
        for tmp, _ in self._staged:
            _fsync(tmp)
        for tmp, target in self._staged:
            os.replace(tmp, target)
        _fsync_folder(self.folder)
        written = [target for _, target in self._staged]
        self._staged = []
        return written

    def discard(self) -> None:
        for tmp, _ in self._staged:
            tmp.unlink(missing_ok=True)
        self._staged = []

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.discard()
