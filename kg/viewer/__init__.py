"""The graph viewer: one self-contained HTML page to explore a graph offline.

:func:`render_html` fills ``page.html`` with the page's style, its script,
vis-network (read from the installed pyvis package, so no copy is kept here)
and the graph's data (:mod:`kg.viewer.data`) as a JSON block. The page
loads nothing from the network, and its Content-Security-Policy only lets
those two scripts run, by hash. Document text reaches the page only as JSON
and is shown with ``textContent``, so names such as ``<script>`` stay text.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import re
from importlib import resources
from pathlib import Path

from rdflib import Graph

from kg.viewer.data import page_data, script_json
from kg.write import atomic_write

__all__ = ["render_html", "write_html"]

#: vis-network as pyvis ships it (pyvis is a dependency; its version pins this file).
VIS_NETWORK = ("pyvis", "lib/vis-9.1.2/vis-network.min.js")


@functools.lru_cache(maxsize=None)
def _asset(package: str, name: str) -> str:
    return resources.files(package).joinpath(name).read_text(encoding="utf-8")


def _script(package: str, name: str) -> str:
    text = _asset(package, name)
    if re.search(r"</script|<!--", text, re.IGNORECASE):
        # Inside <script> these would end the element or change how it is parsed.
        raise ValueError(f"{package}/{name} cannot be inlined in a <script> element")
    return text


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def render_html(graph: Graph) -> str:
    """The viewer page for ``graph``; the same graph gives the same text."""
    vis = _script(*VIS_NETWORK)
    app = _script("kg.viewer", "viewer.js")
    csp = (
        "default-src 'none'; "
        f"script-src {_hash(vis)} {_hash(app)}; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
    parts = {
        "csp": csp,
        "css": _asset("kg.viewer", "viewer.css"),
        "data": script_json(page_data(graph)),
        "vis": vis,
        "app": app,
    }
    # One pass over the template only, so nothing inside a filled part is ever substituted again.
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], _asset("kg.viewer", "page.html"))


def write_html(graph: Graph, path: str | os.PathLike[str]) -> Path:
    """Write :func:`render_html` of ``graph`` to ``path`` atomically."""
    atomic_write(path, render_html(graph).encode("utf-8"))
    return Path(path)
