"""Answer SPARQL queries over a built graph, and write the answers in standard formats.

    run_query(source, query, params)  →  Result  →  serialize(result, fmt)  →  bytes

``source`` is a graph file or build folder (queried through its on-disk
Oxigraph store, see ``kg.store``), an open ``pyoxigraph.Store`` or an
``rdflib.Graph``. SELECT, ASK, CONSTRUCT and DESCRIBE are answered; the
prefixes of ``kg.namespace`` (``kg:``, ``kgr:``, ``nif:``, ...) and the usual
``rdf:``, ``rdfs:``, ``skos:``, ``prov:``, ``dcterms:``, ``xsd:``, ``owl:`` may
be used without declaring them.

Queries are read-only and local: SPARQL Update, ``SERVICE``, ``LOAD`` and
``FROM``/``FROM NAMED`` are refused with ``QueryRefused`` before anything runs,
so a query never changes the store or makes a network request.

>>> from rdflib import Graph, Literal
>>> result = run_query(Graph(), "ASK { ?s ?p ?o }")
>>> result.kind, result.boolean
('ask', False)
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal as Kind
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox
from rdflib import Graph, Literal
from rdflib import namespace as rdfns
from rdflib.plugins.sparql.results.xmlresults import SPARQL_XML_NAMESPACE

from kg.errors import QueryError
from kg.namespace import PREFIXES

__all__ = [
    "Result", "QueryRefused", "run_query", "bind", "check_query", "serialize", "format_table",
    "RESULT_FORMATS", "GRAPH_FORMATS", "MEDIA_TYPES", "DEFAULT_PREFIXES", "sparql_literal",
]

RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("ttl", "nt", "jsonld")

MEDIA_TYPES = {
    "json": ox.QueryResultsFormat.JSON.media_type,
    "xml": ox.QueryResultsFormat.XML.media_type,
    "csv": ox.QueryResultsFormat.CSV.media_type,
    "tsv": ox.QueryResultsFormat.TSV.media_type,
    "table": "text/plain; charset=utf-8",
    "ttl": ox.RdfFormat.TURTLE.media_type + "; charset=utf-8",
    "nt": ox.RdfFormat.N_TRIPLES.media_type + "; charset=utf-8",
    "jsonld": ox.RdfFormat.JSON_LD.media_type,
}

DEFAULT_PREFIXES: dict[str, str] = {
    **{prefix: str(ns) for prefix, ns in PREFIXES.items()},
    **{prefix: str(getattr(rdfns, prefix.upper())) for prefix in ("rdf", "rdfs", "xsd", "owl", "skos", "prov", "dcterms")},
}

_XSD_STRING = str(rdfns.XSD.string)

Term = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


class QueryRefused(QueryError):
    """A well-formed query that kg will not run: an update, or one that would reach out to the network."""


@dataclass(frozen=True)
class Result:
    """A materialised answer: rows for SELECT, a boolean for ASK, triples for CONSTRUCT/DESCRIBE."""

    kind: Kind["select", "ask", "graph"]
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = field(default=())

    def values(self) -> list[tuple[str | None, ...]]:
        """The rows as plain strings (IRIs and lexical forms), handy in code and tests."""
        return [tuple(None if t is None else _plain(t) for t in row) for row in self.rows]


# ---------------------------------------------------------------- reading query text

# One token of SPARQL text, enough to tell code from strings, IRIs and comments.
_TOKEN = re.compile(
    r'''(?P<string>"""(?:[^"\\]|\\.|"(?!""))*"""|'\'\'(?:[^'\\]|\\.|'(?!''))*'\'\'|"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*')'''
    r"""|(?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)"""
    r"|(?P<comment>\#[^\r\n]*)"
    r"|(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)"
    r"|(?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)"
    r"|(?P<word>[\w:.\-%\\\u00B7]+)"
    r"|(?P<other>.)",
    re.S,
)

_UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
_REMOTE_WORDS = frozenset({"SERVICE", "FROM"})


def _tokens(text: str):
    for match in _TOKEN.finditer(text):
        yield match.lastgroup, match.start(), match.end()


def _keywords(text: str):
    """Bare words of the query's code (not in strings, IRIs, comments, or prefixed names), upper-cased."""
    for kind, start, end in _tokens(text):
        if kind == "word":
            for piece in re.split(r"[.\-]", text[start:end]):
                if piece and ":" not in piece:
                    yield piece.upper()


def check_query(text: str) -> None:
    """Refuse an update, ``SERVICE``, ``LOAD`` and ``FROM``/``FROM NAMED``.

    A lexical check, done before the engine sees the query: it errs towards
    refusing (``ex:a.SERVICE`` is refused too), never towards running.

    >>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    kg.query.QueryRefused: SERVICE is not allowed: kg answers from the local graph only and never fetches remote data
    """
    words = set(_keywords(text))
    update = sorted(words & _UPDATE_WORDS)
    if update:
        raise QueryRefused(f"{update[0]} is not allowed: the graph is read-only (SPARQL Update is not accepted)")
    remote = sorted(words & _REMOTE_WORDS)
    if remote:
        raise QueryRefused(f"{remote[-1]} is not allowed: kg answers from the local graph only and never fetches "
                           "remote data")


def query_params(text: str) -> list[str]:
    """The ``$name`` parameters a query uses, in order of first use."""
    return list(dict.fromkeys(text[s + 1 : e] for kind, s, e in _tokens(text) if kind == "var" and text[s] == "$"))


def bind(text: str, params: Mapping[str, str | Literal]) -> str:
    """Replace each ``$name`` in the query's code by the value of ``params[name]`` as one literal.

    A ``str`` becomes a plain string literal; an ``rdflib.Literal`` keeps its
    language tag or datatype. The value is escaped, so it can only ever be one
    literal: quotes, backslashes and line breaks in it cannot end the string
    or add to the query.

    >>> bind('SELECT ?e WHERE { ?e rdfs:label ?l FILTER(STR(?l) = $name) }', {"name": 'a"b'})
    'SELECT ?e WHERE { ?e rdfs:label ?l FILTER(STR(?l) = "a\\\\"b") }'
    >>> bind('SELECT ?e WHERE { ?e rdfs:label $name }', {"name": Literal("泉山", lang="zh")})
    'SELECT ?e WHERE { ?e rdfs:label "泉山"@zh }'
    """
    used = query_params(text)
    unknown = [name for name in params if name not in used]
    if unknown:
        takes = ", ".join(f"${name}" for name in used) or "no parameters"
        raise QueryError(f"the query has no ${unknown[0]} (it takes {takes}); write a parameter as $name in the query")
    out, last = [], 0
    for kind, start, end in _tokens(text):
        if kind == "var" and text[start] == "$" and text[start + 1 : end] in params:
            out.append(text[last:start])
            out.append(sparql_literal(params[text[start + 1 : end]]))
            last = end
    out.append(text[last:])
    return "".join(out)


_LANGUAGE = re.compile(r"[A-Za-z]+(-[A-Za-z0-9]+)*")


def sparql_literal(value: str | Literal) -> str:
    """``value`` written as a SPARQL literal, with its language tag or datatype if it has one."""
    if not isinstance(value, Literal):
        return sparql_string(value)
    if value.language:
        if not _LANGUAGE.fullmatch(value.language):
            raise QueryError(f"not a language tag: {value.language!r}")
        return f"{sparql_string(str(value))}@{value.language}"
    if value.datatype:
        return f"{sparql_string(str(value))}^^<{_iri(str(value.datatype))}>"
    return sparql_string(str(value))


def _iri(iri: str) -> str:
    if re.search(r'[<>"{}|^`\\\x00-\x20]', iri):
        raise QueryError(f"not an IRI that can be written in a query: {iri!r}")
    return iri


def sparql_string(value: str) -> str:
    r"""``value`` as a SPARQL string literal.

    >>> print(sparql_string('泉"\\'))
    "泉\"\\"
    """
    escaped = (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
               .replace("\t", "\\t").replace("\b", "\\b").replace("\f", "\\f"))
    return f'"{escaped}"'


# ---------------------------------------------------------------- running


def run_query(source: str | os.PathLike[str] | ox.Store | Graph, query: str,
              params: Mapping[str, str | Literal] | None = None) -> Result:
    """Answer ``query`` over ``source`` (a graph file, a build folder, an Oxigraph store or an rdflib graph).

    ``params`` fills the query's ``$name`` parameters (see ``bind``). Raises
    ``QueryRefused`` for updates and remote access, ``QueryError`` for a
    malformed query (with the line and column the parser stopped at).
    """
    text = bind(query, params) if params else query
    check_query(text)
    store = _as_store(source)
    try:
        raw = store.query(text, prefixes=DEFAULT_PREFIXES)
    except SyntaxError as exc:
        raise QueryError(f"malformed query: {_where(exc)}") from None
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"query failed: {exc}") from None
    return _materialise(raw)


def _as_store(source) -> ox.Store:
    if isinstance(source, ox.Store):
        return source
    if isinstance(source, Graph):
        from kg.store import memory_store

        return memory_store(source)
    from kg.store import open_store

    return open_store(source)


def _where(exc: SyntaxError) -> str:
    """Oxigraph says 'error at 3:12: expected ...'; say 'line 3, column 12: expected ...'."""
    message = str(exc)
    match = re.match(r"error at (\d+):(\d+): (.*)", message, re.S)
    if match:
        return f"line {match.group(1)}, column {match.group(2)}: {match.group(3)}"
    return message


def _materialise(raw) -> Result:
    if isinstance(raw, ox.QueryBoolean):
        return Result("ask", boolean=bool(raw))
    if isinstance(raw, ox.QuerySolutions):
        variables = tuple(v.value for v in raw.variables)
        width = len(variables)
        rows = tuple(tuple(solution[i] for i in range(width)) for solution in raw)
        return Result("select", variables=variables, rows=rows)
    return Result("graph", triples=tuple(raw))


# ---------------------------------------------------------------- writing answers


def serialize(result: Result, fmt: str | None = None) -> bytes:
    """``result`` in ``fmt``: table, csv, tsv, json, xml (SELECT, ASK) or ttl, nt, jsonld (CONSTRUCT, DESCRIBE).

    ``None`` chooses table for results and ttl for graphs. json and xml are
    the W3C SPARQL 1.1 result formats; csv and tsv follow the W3C CSV/TSV note.
    """
    fmt = fmt or ("ttl" if result.kind == "graph" else "table")
    if result.kind == "graph":
        if fmt not in GRAPH_FORMATS:
            raise QueryError(f"--format {fmt} is for SELECT and ASK results; this query gives a graph: "
                             f"use {', '.join(GRAPH_FORMATS)}")
        return _graph_bytes(result, fmt)
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"--format {fmt} is for graphs (CONSTRUCT, DESCRIBE); this query gives results: "
                         f"use {', '.join(RESULT_FORMATS)}")
    return _RESULT_WRITERS[fmt](result)


def _plain(term: Term) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Triple):
        return str(term)
    return term.value


def _json_term(term: Term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {"type": "triple", "value": {k: _json_term(getattr(term, k)) for k in ("subject", "predicate", "object")}}


def _json(result: Result) -> bytes:
    if result.kind == "ask":
        data: dict = {"head": {}, "boolean": result.boolean}
    else:
        bindings = [
            {name: _json_term(term) for name, term in zip(result.variables, row) if term is not None}
            for row in result.rows
        ]
        data = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _xml_term(term: Term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{_xml_text(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{_xml_text(term.value)}</literal>"
        return f"<literal>{_xml_text(term.value)}</literal>"
    return f"<literal>{_xml_text(str(term))}</literal>"


def _xml_text(text: str) -> str:
    """Escaped for XML 1.0, which cannot hold most control characters even escaped: those become U+FFFD."""
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "\ufffd", text)
    return escape(text, {"\r": "&#13;"})


def _xml(result: Result) -> bytes:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<sparql xmlns={quoteattr(SPARQL_XML_NAMESPACE)}>"]
    if result.kind == "ask":
        lines += ["<head/>", f"<boolean>{'true' if result.boolean else 'false'}</boolean>"]
    else:
        lines.append("<head>")
        lines += [f"  <variable name={quoteattr(name)}/>" for name in result.variables]
        lines += ["</head>", "<results>"]
        for row in result.rows:
            lines.append("  <result>")
            for name, term in zip(result.variables, row):
                if term is not None:
                    lines.append(f"    <binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
            lines.append("  </result>")
        lines.append("</results>")
    lines.append("</sparql>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _csv(result: Result) -> bytes:
    if result.kind == "ask":
        return b"true" if result.boolean else b"false"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(result.variables)
    writer.writerows(["" if t is None else _plain(t) for t in row] for row in result.rows)
    return out.getvalue().encode("utf-8")


def _tsv(result: Result) -> bytes:
    if result.kind == "ask":
        return b"true" if result.boolean else b"false"
    lines = ["\t".join(f"?{name}" for name in result.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _table(result: Result) -> bytes:
    return format_table(result).encode("utf-8")


_RESULT_WRITERS = {"json": _json, "xml": _xml, "csv": _csv, "tsv": _tsv, "table": _table}


def _graph_bytes(result: Result, fmt: str) -> bytes:
    from kg.to_rdf import new_graph
    from kg.write import serialize as write_graph

    graph = new_graph()
    if result.triples:
        graph.parse(data=ox.serialize(result.triples, format=ox.RdfFormat.N_TRIPLES), format="nt")
    return write_graph(graph, fmt)


# ---------------------------------------------------------------- the table


MAX_CELL = 80  # display columns; longer cells but the last are cut with … (the other formats keep everything)


def format_table(result: Result) -> str:
    """Results as an aligned text table; Chinese characters count as two columns.

    >>> import pyoxigraph as ox
    >>> print(format_table(Result("select", ("park", "n"), ((ox.Literal("软件园", language="zh"), ox.Literal("2")),))))
    park    n
    ------  -
    软件园  2
    (1 row)
    """
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "graph":
        raise QueryError("a graph has no table form; use --format ttl, nt or jsonld")
    header = list(result.variables)
    last = len(header) - 1  # the last column is never padded, so it is never cut either
    body = [[_cell(term, clip=i < last) for i, term in enumerate(row)] for row in result.rows]
    widths = [max([_width(h)] + [_width(row[i]) for row in body]) for i, h in enumerate(header)]
    lines = [_line(header, widths), _line(["-" * w for w in widths], widths)]
    lines += [_line(row, widths) for row in body]
    count = len(body)
    lines.append(f"({count} row{'' if count == 1 else 's'})")
    return "\n".join(lines) + "\n"


def _line(cells: list[str], widths: list[int]) -> str:
    padded = [cell + " " * (width - _width(cell)) for cell, width in zip(cells, widths)]
    return "  ".join(padded).rstrip()


def _cell(term: Term | None, clip: bool = True) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        text = _prefixed(term.value)
    else:
        text = _plain(term)
    text = re.sub(r"[\x00-\x1f\x7f\u2028\u2029]+", " ", text)
    return _clip(text) if clip else text


def _clip(text: str) -> str:
    if _width(text) <= MAX_CELL:
        return text
    from wcwidth import wcwidth

    kept, used = [], 0
    for ch in text:
        used += max(wcwidth(ch), 0)
        if used > MAX_CELL - 1:
            break
        kept.append(ch)
    return "".join(kept) + "…"


_BY_LENGTH = sorted(DEFAULT_PREFIXES.items(), key=lambda item: -len(item[1]))


def _prefixed(iri: str) -> str:
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace):]}"
    return f"<{iri}>"


def _width(text: str) -> int:
    from wcwidth import wcswidth

    width = wcswidth(text)
    return width if width >= 0 else len(text)
