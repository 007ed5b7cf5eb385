"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint and the graph viewer, over HTTP.

    GET  /sparql?query=...                        the SPARQL 1.1 Protocol, query operation
    POST /sparql  (form: query=...)
    POST /sparql  (Content-Type: application/sparql-query)
    GET  /                                        the graph viewer (graph.html of the build folder)

Answers are chosen by the ``Accept`` header: SPARQL JSON, XML, CSV or TSV
results; Turtle, N-Triples or JSON-LD graphs.

What the endpoint refuses, and why:

* SPARQL Update (``update=``, ``application/sparql-update``, or update words in
  a query): 403, the graph is read-only;
* ``SERVICE``, ``LOAD``, ``FROM``/``FROM NAMED`` and the ``default-graph-uri`` /
  ``named-graph-uri`` parameters: 403, so the endpoint never makes a request on
  a user's behalf (Oxigraph would fetch a ``SERVICE`` over HTTP);
* a query still running after ``timeout`` seconds: 503. Oxigraph cannot stop a
  query from another thread, so queries run in a small pool of worker
  processes, and a worker that overruns is killed and replaced;
* bodies over 1 MB (413), and, when bound to a loopback address, requests
  whose ``Host`` is not a loopback name (403: a DNS-rebinding guard).

It binds 127.0.0.1 unless told otherwise. The standard library's
``ThreadingHTTPServer`` is enough here: each request thread only waits on a
worker process.
"""

from __future__ import annotations

import ipaddress
import logging
import multiprocessing
import os
import queue
import signal
import threading
import time
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from kg.errors import GraphError, KgError, QueryError
from kg.graphio import graph_file
from kg.query import MEDIA_TYPES, QueryRefused, check_query, run_query, serialize
from kg.store import StoreVersion, ensure_store, open_version

__all__ = ["SparqlServer", "make_server", "serve", "negotiate", "WorkerPool", "DEFAULT_TIMEOUT", "DEFAULT_PORT"]

log = logging.getLogger(__name__)

DEFAULT_PORT = 7878
DEFAULT_TIMEOUT = 10.0  # seconds a query may run
MAX_BODY = 1 << 20  # bytes of a POST body (the query)
_READY_WAIT = 60.0  # seconds a new worker may take to start before it is given up
_START_WAIT = 30.0  # seconds a query may wait for a free worker, beyond the time limit

Reply = tuple[int, str, bytes]  # status, content type, body

# What each kind of answer can be written as, in order of preference.
_OFFERS = {
    "results": [
        ("json", MEDIA_TYPES["json"]), ("xml", MEDIA_TYPES["xml"]),
        ("csv", "text/csv"), ("tsv", "text/tab-separated-values"),
        ("json", "application/json"), ("xml", "application/xml"), ("xml", "text/xml"), ("table", "text/plain"),
    ],
    "graph": [
        ("ttl", "text/turtle"), ("nt", "application/n-triples"), ("jsonld", MEDIA_TYPES["jsonld"]),
        ("ttl", "application/x-turtle"), ("ttl", "application/turtle"), ("nt", "text/plain"),
        ("jsonld", "application/json"),
    ],
}


def negotiate(kind: str, accept: str | None) -> str | None:
    """The format to answer a ``kind`` ("select", "ask", "graph") result in, given an Accept header.

    >>> negotiate("select", "text/csv;q=0.5, application/sparql-results+xml")
    'xml'
    >>> negotiate("graph", "*/*"), negotiate("ask", None), negotiate("graph", "text/csv")
    ('ttl', 'json', None)
    """
    offers = _OFFERS["graph" if kind == "graph" else "results"]
    if not accept or not accept.strip():
        return offers[0][0]
    ranges = []
    for position, item in enumerate(accept.split(",")):
        media, *options = (part.strip() for part in item.split(";"))
        quality = 1.0
        for option in options:
            name, _, value = option.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media and quality > 0:
            ranges.append((-quality, position, media.lower()))
    for _, _, media in sorted(ranges):
        for fmt, offered in offers:
            if media in ("*/*", offered) or (media.endswith("/*") and offered.startswith(media[:-1])):
                return fmt
    return None


# ---------------------------------------------------------------- worker processes


def _worker_main(conn) -> None:
    """A worker: answer (store version, query, accept) messages until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    opened: StoreVersion | None = None
    store = None
    conn.send("ready")
    while True:
        try:
            version, text, accept = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if version != opened:
                store = opened = None  # close the old store before opening the new one
                store, opened = open_version(version), version
            reply = answer(store, text, accept)
        except Exception as exc:  # noqa: BLE001 - a worker must answer, whatever happened
            reply = _text(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {exc}")
        conn.send(reply)


def answer(store, text: str, accept: str | None) -> Reply:
    """Run one query and write its answer in the best accepted format; errors become HTTP replies."""
    try:
        result = run_query(store, text)
    except QueryRefused as exc:
        return _text(HTTPStatus.FORBIDDEN, str(exc))
    except QueryError as exc:
        return _text(HTTPStatus.BAD_REQUEST, str(exc))
    except Exception as exc:  # noqa: BLE001 - a worker must answer, whatever happened
        log.exception("query failed")
        return _text(HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {exc}")
    fmt = negotiate(result.kind, accept)
    if fmt is None:
        offered = ", ".join(dict.fromkeys(m for _, m in _OFFERS["graph" if result.kind == "graph" else "results"]))
        return _text(HTTPStatus.NOT_ACCEPTABLE, f"cannot answer in any type of Accept: {accept}; this query "
                     f"can be answered as {offered}")
    return HTTPStatus.OK, MEDIA_TYPES[fmt], serialize(result, fmt)


def _text(status: int, message: str) -> Reply:
    return int(status), "text/plain; charset=utf-8", (message + "\n").encode("utf-8")


class _Worker:
    def __init__(self, context) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child,), daemon=True, name="kg-sparql-worker")
        self.process.start()
        child.close()

    def wait_ready(self) -> bool:
        try:
            return self.conn.poll(_READY_WAIT) and self.conn.recv() == "ready"
        except (EOFError, OSError):
            return False

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """Worker processes that run queries and can be killed when a query overruns its time."""

    def __init__(self, size: int = 2) -> None:
        self._context = multiprocessing.get_context("spawn")  # never fork a threaded server
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._closed = False
        started = [self._start() for _ in range(max(1, size))]
        for worker in started:
            self._ready(worker)

    def _start(self) -> _Worker:
        worker = _Worker(self._context)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _ready(self, worker: _Worker) -> None:
        if worker.wait_ready() and not self._closed:
            self._idle.put(worker)
        else:
            self._discard(worker)

    def _discard(self, worker: _Worker) -> None:
        with self._lock:
            self._workers.discard(worker)
        worker.stop()

    def _replace(self, worker: _Worker) -> None:
        self._discard(worker)
        if not self._closed:
            fresh = self._start()
            threading.Thread(target=self._ready, args=(fresh,), daemon=True).start()

    def run(self, version: StoreVersion, text: str, accept: str | None, timeout: float) -> Reply:
        """Answer a query in a worker; after ``timeout`` seconds stop it and say so."""
        # A busy worker is free within ``timeout`` (stopped at the limit), plus the time a replacement takes to start.
        wait = timeout + _START_WAIT
        try:
            worker = self._idle.get(timeout=wait)
        except queue.Empty:
            return _text(HTTPStatus.SERVICE_UNAVAILABLE, f"all query workers stayed busy for {wait:g} s; "
                         "try again later")
        try:
            worker.conn.send((version, text, accept))
            if worker.conn.poll(timeout):
                reply = worker.conn.recv()
                self._idle.put(worker)
                return reply
        except (EOFError, OSError):
            self._replace(worker)
            return _text(HTTPStatus.INTERNAL_SERVER_ERROR, "the query worker stopped unexpectedly")
        self._replace(worker)
        log.warning("query stopped after %g s", timeout)
        return _text(HTTPStatus.SERVICE_UNAVAILABLE, f"query stopped: it ran longer than the time limit of "
                     f"{timeout:g} s")

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.stop()


# ---------------------------------------------------------------- HTTP


@dataclass
class _Viewer:
    stamp: tuple | None = None
    page: bytes = b""


class SparqlServer(ThreadingHTTPServer):
    """The endpoint: ``graph`` is a graph file or build folder; ``url`` says where it listens."""

    daemon_threads = True

    def __init__(self, graph: str | os.PathLike[str], host: str = "127.0.0.1", port: int = DEFAULT_PORT,
                 timeout: float = DEFAULT_TIMEOUT, workers: int = 2) -> None:
        self.graph = graph_file(graph)
        self.query_timeout = timeout
        ensure_store(self.graph)  # build the store now, not in the first request
        self.pool = WorkerPool(workers)
        self._viewer = _Viewer()
        self._viewer_lock = threading.Lock()
        try:
            super().__init__((host, port), _Handler)
        except OSError:
            self.pool.close()
            raise
        self.loopback = _is_loopback(host)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host if ':' not in host else f'[{host}]'}:{port}/"

    def viewer_page(self) -> bytes:
        """The build folder's graph.html, or a page rendered from the graph when there is none."""
        page = self.graph.with_suffix(".html")
        if page.is_file():
            return page.read_bytes()
        stat = self.graph.stat()
        stamp = (stat.st_size, stat.st_mtime_ns)
        with self._viewer_lock:
            if self._viewer.stamp != stamp:
                from kg.graphio import read_graph
                from kg.viewer import render_html

                self._viewer = _Viewer(stamp, render_html(read_graph(self.graph)).encode("utf-8"))
            return self._viewer.page

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


_LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
        log.info("%s %s", self.address_string(), format % args)

    # -- routing

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        if not self._host_allowed():
            return
        url = urlsplit(self.path)
        if url.path == "/sparql":
            self._sparql(parse_qs(url.query, keep_blank_values=True))
        elif url.path in ("/", "/graph.html", "/index.html"):
            self._viewer()
        else:
            self._send(*_text(HTTPStatus.NOT_FOUND, f"not found: {url.path}; the SPARQL endpoint is /sparql"))

    def do_POST(self) -> None:  # noqa: N802 - the base class's name
        if not self._host_allowed():
            return
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._send(*_text(HTTPStatus.NOT_FOUND, f"not found: {url.path}; the SPARQL endpoint is /sparql"))
            return
        body = self._body()
        if body is None:
            return
        params = parse_qs(url.query, keep_blank_values=True)
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if media == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
            except UnicodeDecodeError:
                self._send(*_text(HTTPStatus.BAD_REQUEST, "the form is not UTF-8"))
                return
            for name, values in form.items():
                params.setdefault(name, []).extend(values)
        elif media == "application/sparql-query":
            try:
                params.setdefault("query", []).append(body.decode("utf-8"))
            except UnicodeDecodeError:
                self._send(*_text(HTTPStatus.BAD_REQUEST, "the query is not UTF-8"))
                return
        elif media == "application/sparql-update":
            self._send(*_text(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is not accepted"))
            return
        else:
            self._send(*_text(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send the query as application/sparql-query "
                              "or as a form (application/x-www-form-urlencoded) with query=..."))
            return
        self._sparql(params)

    # -- the endpoint

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._send(*_text(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL Update is not accepted"))
            return
        dataset = [name for name in ("default-graph-uri", "named-graph-uri") if name in params]
        if dataset:
            self._send(*_text(HTTPStatus.FORBIDDEN, f"{dataset[0]} is not allowed: the endpoint answers from its "
                              "own graph only and never fetches remote data"))
            return
        queries = params.get("query", [])
        if len(queries) != 1:
            self._send(*_text(HTTPStatus.BAD_REQUEST, "give exactly one query parameter: /sparql?query=..."))
            return
        text = queries[0]
        try:
            check_query(text)
            version = ensure_store(self.server.graph)
        except QueryRefused as exc:
            self._send(*_text(HTTPStatus.FORBIDDEN, str(exc)))
            return
        except GraphError as exc:
            self._send(*_text(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc)))
            return
        started = time.perf_counter()
        reply = self.server.pool.run(version, text, self.headers.get("Accept"), self.server.query_timeout)
        log.info("query answered %d in %.3f s", reply[0], time.perf_counter() - started)
        self._send(*reply)

    def _viewer(self) -> None:
        try:
            page = self.server.viewer_page()
        except KgError as exc:
            self._send(*_text(HTTPStatus.INTERNAL_SERVER_ERROR, str(exc)))
            return
        self._send(HTTPStatus.OK, "text/html; charset=utf-8", page)

    # -- plumbing

    def _host_allowed(self) -> bool:
        """Bound to loopback, answer only requests addressed to a loopback name (DNS-rebinding guard)."""
        host = self.headers.get("Host")
        if not self.server.loopback or host is None:
            return True
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if _is_loopback(name.strip("[]")) or name in _LOOPBACK_NAMES:
            return True
        self._send(*_text(HTTPStatus.FORBIDDEN, f"Host {host!r} is not this server's address"))
        return False

    def _body(self) -> bytes | None:
        length = self.headers.get("Content-Length")
        if length is None:
            self._send(*_text(HTTPStatus.LENGTH_REQUIRED, "send a Content-Length header"))
            return None
        try:
            size = int(length)
        except ValueError:
            size = -1
        if size < 0:
            self._send(*_text(HTTPStatus.BAD_REQUEST, "bad Content-Length"))
            return None
        if size > MAX_BODY:
            self.close_connection = True
            self._send(*_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the query is longer than {MAX_BODY} bytes"))
            return None
        return self.rfile.read(size)

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def make_server(graph: str | os.PathLike[str], host: str = "127.0.0.1", port: int = DEFAULT_PORT,
                timeout: float = DEFAULT_TIMEOUT, workers: int = 2) -> SparqlServer:
    """A server ready to ``serve_forever()``; ``port=0`` picks a free port (see ``.url``)."""
    if timeout <= 0:
        raise QueryError(f"the time limit must be positive, not {timeout:g} s")
    return SparqlServer(graph, host, port, timeout, workers)


def serve(graph: str | os.PathLike[str], host: str = "127.0.0.1", port: int = DEFAULT_PORT,
          timeout: float = DEFAULT_TIMEOUT, workers: int = 2, ready=None) -> None:
    """Serve until interrupted; ``ready(server)`` is called once it listens."""
    try:
        server = make_server(graph, host, port, timeout, workers)
    except OSError as exc:
        raise KgError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    if not server.loopback:
        log.warning("listening on %s: anyone who can reach this address can query the graph", host)
    if ready:
        ready(server)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
