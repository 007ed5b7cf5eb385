"""Writers: serialise a graph to a file, atomically and deterministically.

Each format is chosen by name; the bytes for the same graph are the same on
every run (rdflib's Turtle serialiser sorts subjects and predicates; N-Triples
lines are sorted here).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph

__all__ = ["FORMATS", "EXTENSIONS", "serialize", "write_graph", "atomic_write"]

EXTENSIONS = {"ttl": "ttl", "nt": "nt", "jsonld": "jsonld", "trig": "trig", "xml": "rdf"}


def _turtle(graph: Graph) -> bytes:
    return graph.serialize(format="turtle", encoding="utf-8")


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
    return graph.serialize(format="trig", encoding="utf-8")


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


def atomic_write(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place,
    so a failed or interrupted build leaves the previous file intact."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_graph(graph: Graph, path: str | os.PathLike[str], fmt: str = "ttl") -> Path:
    atomic_write(path, serialize(graph, fmt))
    return Path(path)
