"""The query store: an Oxigraph database kept on disk beside the graph it was built from.

Parsing Turtle is the slow part of answering a query on a large graph, so
``open_store`` parses ``graph.ttl`` once into an Oxigraph (RocksDB) database
under ``.store/`` in the build folder and reuses it until the graph changes::

    output/graph.ttl
    output/.store/graph.ttl/current.json      which version is current, and the stat and
                                              SHA-256 of the graph file it was built from
    output/.store/graph.ttl/<sha256[:16]>/    the database, never written once complete
    output/.store/graph.ttl/lock              held while a version is being built

A version is built in a temporary folder and renamed into place, so readers
never see a half-built database, and is opened read-only, so any number of
processes (``kg query`` runs, ``kg serve`` workers) can read it at once. The
file's size and modification time are checked on every open; the SHA-256 is
computed only when they change, so touching the file does not rebuild it.
The previous version is kept (a running server may still be reading it); older
ones are removed.

rdflib stays the API for building graphs; this module only serves queries.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.errors import GraphError
from kg.graphio import graph_file
from kg.write import atomic_write

__all__ = ["StoreVersion", "store_folder", "ensure_store", "open_store", "open_version", "memory_store"]

log = logging.getLogger(__name__)

STORE_FOLDER = ".store"
_FORMAT_VERSION = 1  # bump when the layout or load options change, to force a rebuild


@dataclass(frozen=True)
class StoreVersion:
    """A complete, read-only database and the graph file it holds."""

    source: Path
    path: Path | None  # None: the folder is not writable and the store lives in memory
    sha256: str
    triples: int


def store_folder(graph: str | os.PathLike[str]) -> Path:
    """Where the store of ``graph`` (a graph file or a build folder) lives."""
    source = graph_file(graph)
    return source.parent / STORE_FOLDER / source.name


def ensure_store(graph: str | os.PathLike[str]) -> StoreVersion:
    """The current store of ``graph``, built first if the graph file changed.

    Cheap when nothing changed (one ``stat`` and one small JSON read), so a
    server calls it on every request and picks up a rebuilt graph by itself.
    """
    source = graph_file(graph)
    folder = source.parent / STORE_FOLDER / source.name
    stat = source.stat()
    record = _read_record(folder)
    if record and _same_stat(record, stat) and (folder / record["version"]).is_dir():
        return StoreVersion(source, folder / record["version"], record["sha256"], record["triples"])
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with _locked(folder / "lock"):
            return _refresh(source, folder)
    except PermissionError as exc:
        log.warning("%s: cannot write the query store (%s); keeping it in memory", folder, exc)
        # Identified by its stat, not its hash: this runs on every request of a server.
        return StoreVersion(source, None, f"stat:{stat.st_size}:{stat.st_mtime_ns}", 0)


def open_store(graph: str | os.PathLike[str]) -> ox.Store:
    """A read-only Oxigraph store holding ``graph`` (a graph file or a build folder)."""
    version = ensure_store(graph)
    if version.path is None:
        return _load_memory(version.source)
    return open_version(version)


def open_version(version: StoreVersion) -> ox.Store:
    """Open one version of a store read-only (in memory when the folder was not writable)."""
    if version.path is None:
        return _load_memory(version.source)
    try:
        return ox.Store.read_only(str(version.path))
    except OSError as exc:
        raise GraphError(f"{version.path}: cannot open the query store: {exc}; delete the folder to rebuild it") from exc


def memory_store(graph: Graph) -> ox.Store:
    """An in-memory Oxigraph store holding an rdflib graph (for library use and tests)."""
    store = ox.Store()
    data = graph.serialize(format="nt", encoding="utf-8")
    store.bulk_load(input=data, format=ox.RdfFormat.N_TRIPLES)
    return store


# ---------------------------------------------------------------- building


def _refresh(source: Path, folder: Path) -> StoreVersion:
    """Under the lock: reuse the version whose hash matches, or build it."""
    stat = source.stat()
    record = _read_record(folder)
    if record and _same_stat(record, stat) and (folder / record["version"]).is_dir():
        return StoreVersion(source, folder / record["version"], record["sha256"], record["triples"])
    digest = _sha256(source)
    version = f"{digest[:16]}-v{_FORMAT_VERSION}"
    target = folder / version
    if record and record.get("version") == version and target.is_dir():
        triples = record["triples"]  # same bytes, new mtime: only the stat changes
    else:
        triples = _build(source, target)
    previous = record.get("version") if record else None
    if previous == version:  # same bytes, new mtime: keep the version before it too
        previous = record.get("previous") if record else None
    _write_record(folder, stat, digest, version, triples, previous)
    _remove_old(folder, keep={version, previous})
    return StoreVersion(source, target, digest, triples)


def _build(source: Path, target: Path) -> int:
    log.info("building the query store of %s in %s", source, target)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        store = ox.Store(str(tmp / "db"))
        try:
            store.bulk_load(path=str(source), format=_rdf_format(source))
        except (SyntaxError, ValueError) as exc:
            raise GraphError(f"{source}: cannot parse: {exc}") from exc
        triples = len(store)
        store.flush()
        del store  # closes the database before it is moved
        if target.exists():
            shutil.rmtree(target)
        os.replace(tmp / "db", target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("query store of %s: %d triples", source, triples)
    return triples


def _load_memory(source: Path) -> ox.Store:
    store = ox.Store()
    try:
        store.bulk_load(path=str(source), format=_rdf_format(source))
    except (SyntaxError, ValueError) as exc:
        raise GraphError(f"{source}: cannot parse: {exc}") from exc
    return store


def _rdf_format(source: Path) -> ox.RdfFormat:
    if source.suffix.lower() in (".ttl", ".turtle", ""):
        return ox.RdfFormat.TURTLE
    fmt = ox.RdfFormat.from_extension(source.suffix.lstrip(".").lower())
    if fmt is None:
        raise GraphError(f"{source}: unknown graph format; give a .ttl, .nt, .jsonld, .trig or .rdf file")
    return fmt


def _remove_old(folder: Path, keep: set[str | None]) -> None:
    """Under the lock: drop versions older than the previous one, and leftovers of crashed builds."""
    for child in folder.iterdir():
        if child.is_dir() and child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)


# ---------------------------------------------------------------- bookkeeping


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _same_stat(record: dict, stat: os.stat_result) -> bool:
    return record.get("size") == stat.st_size and record.get("mtime_ns") == stat.st_mtime_ns


def _read_record(folder: Path) -> dict | None:
    try:
        record = json.loads((folder / "current.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    needed = {"version", "sha256", "triples", "size", "mtime_ns"}
    return record if isinstance(record, dict) and needed <= record.keys() else None


def _write_record(folder: Path, stat: os.stat_result, digest: str, version: str, triples: int,
                  previous: str | None) -> None:
    record = {"version": version, "sha256": digest, "triples": triples, "size": stat.st_size,
              "mtime_ns": stat.st_mtime_ns, "previous": previous}
    atomic_write(folder / "current.json", (json.dumps(record, indent=1, sort_keys=True) + "\n").encode("utf-8"))


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock between processes, so two of them never build the same store."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: builds write distinct temporary folders anyway
        yield
        return
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
