"""The ``kg`` command: a thin layer over the library.

Each command parses its options, calls one library function and prints.
Every command's help ends with an example (``tests/test_cli.py`` checks it,
and that README documents every command).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from kg.errors import KgError

__all__ = ["main", "COMMANDS"]

log = logging.getLogger("kg")

COMMANDS: dict[str, Callable[[argparse._SubParsersAction], None]] = {}


def command(function: Callable[[argparse._SubParsersAction], None]) -> Callable[[argparse._SubParsersAction], None]:
    """Register a function that adds one sub-command to the parser."""
    COMMANDS[function.__name__.removeprefix("add_")] = function
    return function


def _parser(sub: argparse._SubParsersAction, name: str, help: str, example: str) -> argparse.ArgumentParser:
    return sub.add_parser(
        name,
        help=help,
        description=help,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


# ---------------------------------------------------------------- build


@command
def add_build(sub: argparse._SubParsersAction) -> None:
    p = _parser(sub, "build", "Build the knowledge graph of documents (files or folders).",
                "kg build seeds --out output --format nt --format jsonld")
    p.add_argument("paths", nargs="*", default=["seeds"], help="documents or folders (default: seeds)")
    p.add_argument("--out", default="output", help="output folder (default: output)")
    p.add_argument("--format", action="append", default=[], choices=["nt", "jsonld", "trig", "xml", "graphml", "gexf"],
                   help="also write graph.FORMAT; may be given several times")
    p.add_argument("--lexicon", action="append", default=[], metavar="FILE",
                   help="user lexicon: 'name<TAB>Class' lines, or jieba's 'name freq tag' form")
    p.add_argument("--jobs", "-j", type=_jobs, default=None, metavar="N",
                   help="worker processes (default: one per core; 1 works in this process)")
    p.set_defaults(run=run_build)


def _count_of(what: str) -> Callable[[str], int]:
    """An argparse type for a count of ``what`` that must be 1 or more."""

    def count(value: str) -> int:
        if not value.strip().isdigit() or int(value) < 1:
            raise argparse.ArgumentTypeError(f"not a number of {what}: {value!r} (give 1 or more)")
        return int(value)

    return count


_jobs = _count_of("processes")


def run_build(args: argparse.Namespace) -> int:
    from kg.build import build_to_folder

    started = time.perf_counter()
    result = build_to_folder(args.paths, args.out, formats=args.format, lexicons=args.lexicon,
                             jobs=args.jobs, progress=not args.quiet)
    seconds = time.perf_counter() - started
    for error in result.errors:
        print(f"kg: error: {error}", file=sys.stderr)
    corpus = result.corpus
    types = Counter(entity.type for entity in corpus.entities.values())
    predicates = Counter(
        (r.subject, r.predicate, r.object) for doc in corpus.docs for r in doc.relations
    )
    by_predicate = Counter(predicate for (_, predicate, _) in predicates)
    print(f"documents  {len(corpus.docs)} built, {len(result.errors)} failed")
    print(f"entities   {len(corpus.entities)}: " + ", ".join(f"{t} {n}" for t, n in sorted(types.items())))
    print(f"relations  {len(predicates)}: " + ", ".join(f"{p} {n}" for p, n in sorted(by_predicate.items())))
    print(f"triples    {len(result.graph)}")
    print(f"written    {', '.join(str(p) for p in result.written) or 'nothing: no document was built, previous outputs kept'}")
    print(f"seconds    {seconds:.2f}")
    return 1 if result.errors else 0


# ---------------------------------------------------------------- validate


@command
def add_validate(sub: argparse._SubParsersAction) -> None:
    p = _parser(sub, "validate", "Check a graph against the SHACL shapes of ontology/shapes.ttl.",
                "kg validate output/graph.ttl")
    p.add_argument("graph", help="a graph file (Turtle, N-Triples, JSON-LD, TriG) or a build folder")
    p.set_defaults(run=run_validate)


def run_validate(args: argparse.Namespace) -> int:
    from kg.validate import validate

    conforms, report = validate(args.graph)
    print(report)
    return 0 if conforms else 1


# ---------------------------------------------------------------- eval


@command
def add_eval(sub: argparse._SubParsersAction) -> None:
    p = _parser(sub, "eval", "Score a graph against gold annotations (P/R/F1 per type and per predicate).",
                "kg eval --gold ../shared/gold output/graph.ttl --misses")
    p.add_argument("graph", nargs="?", default="output", help="graph file or build folder (default: output)")
    p.add_argument("--gold", required=True, action="append",
                   help="a gold JSON file or a folder of *.gold.json; may be given several times")
    p.add_argument("--misses", action="store_true", help="list false positives and false negatives")
    p.set_defaults(run=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    from kg.evaluate import evaluate_folder
    from kg.graphio import read_graph

    gold_files: list[Path] = []
    for item in map(Path, args.gold):
        gold_files.extend(sorted(item.glob("*.gold.json")) if item.is_dir() else [item])
    if not gold_files:
        raise KgError(f"no gold files found in {', '.join(args.gold)}")
    reports, total = evaluate_folder(read_graph(args.graph), gold_files)
    for report in reports:
        print(report.format(misses=args.misses))
        print()
    if len(reports) > 1:
        print(total.format())
    return 0


# ---------------------------------------------------------------- query


@command
def add_query(sub: argparse._SubParsersAction) -> None:
    from kg.query import GRAPH_FORMATS, RESULT_FORMATS

    p = _parser(sub, "query", "Answer a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) over a built graph.",
                "kg query 'SELECT ?park WHERE { ?park a kg:Park }' --format csv\n"
                "  kg query --list && kg query --example where-is --param name=NAME")
    p.add_argument("query", nargs="?", help="the query; '-' or none reads it from standard input")
    p.add_argument("--graph", "-g", default="output", metavar="PATH",
                   help="a graph file or a build folder (default: output)")
    p.add_argument("--file", "-f", metavar="FILE", help="read the query from FILE")
    p.add_argument("--example", "-e", metavar="NAME", help="run one of the example queries (see --list)")
    p.add_argument("--list", action="store_true", help="list the example queries")
    p.add_argument("--show", action="store_true", help="print the query instead of running it")
    p.add_argument("--param", "-p", action="append", default=[], metavar="NAME=VALUE",
                   help="fill the query's $NAME with VALUE as a string; may be given several times")
    p.add_argument("--format", choices=RESULT_FORMATS + GRAPH_FORMATS,
                   help="table (default), csv, tsv, json, xml for results; ttl (default), nt, jsonld for graphs")
    p.set_defaults(run=run_query_command)


def run_query_command(args: argparse.Namespace) -> int:
    from kg.errors import QueryError
    from kg.queries import example, examples
    from kg.query import bind, run_query, serialize

    if args.list:
        for item in examples().values():
            params = " ".join(f"--param {name}=…" for name in item.params)
            print(f"{item.name:<24} {item.title}" + (f"   [{params}]" if params else ""))
        return 0
    params = {}
    for item in args.param:
        name, sep, value = item.partition("=")
        if not sep or not name.isidentifier():
            raise QueryError(f"--param {item!r}: write it as NAME=VALUE")
        params[name] = value
    given = [flag for flag, value in (("QUERY", args.query), ("--file", args.file), ("--example", args.example))
             if value is not None]
    if len(given) > 1:
        raise QueryError(f"give the query one way, not {' and '.join(given)}")
    if args.example:
        where, text = f"example {args.example}", example(args.example).bind(params)
    elif args.file:
        where = args.file
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"{args.file}: cannot read the query: {exc}") from exc
        text = bind(text, params) if params else text
    else:
        if (args.query in (None, "-")) and sys.stdin.isatty():
            raise QueryError("give a query, --file FILE, --example NAME, or pipe the query in; --list shows examples")
        where = "query" if args.query not in (None, "-") else "standard input"
        text = sys.stdin.read() if args.query in (None, "-") else args.query
        text = bind(text, params) if params else text
    if args.show:
        print(text, end="" if text.endswith("\n") else "\n")
        return 0
    try:
        result = run_query(args.graph, text)
    except QueryError as exc:
        raise type(exc)(f"{where}: {exc}") from None
    sys.stdout.buffer.write(serialize(result, args.format))
    sys.stdout.flush()
    return 0


# ---------------------------------------------------------------- serve


@command
def add_serve(sub: argparse._SubParsersAction) -> None:
    from kg.serve import DEFAULT_PORT, DEFAULT_TIMEOUT

    p = _parser(sub, "serve", "Serve a built graph: a read-only SPARQL 1.1 endpoint at /sparql, the viewer at /.",
                "kg serve output --port 7878   # then: curl 'http://127.0.0.1:7878/sparql?query=ASK{?s?p?o}'")
    p.add_argument("graph", nargs="?", default="output", metavar="PATH",
                   help="a graph file or a build folder (default: output)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default: {DEFAULT_PORT}; 0 picks a free one)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help=f"stop a query that runs longer (default: {DEFAULT_TIMEOUT:g})")
    p.add_argument("--workers", type=_jobs, default=2, metavar="N",
                   help="queries answered at once, each in its own process (default: 2)")
    p.set_defaults(run=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    from kg.serve import serve

    def ready(server) -> None:
        print(f"serving {server.graph} at {server.url} (SPARQL endpoint: {server.url}sparql); Ctrl-C stops",
              flush=True)

    serve(args.graph, host=args.host, port=args.port, timeout=args.timeout, workers=args.workers, ready=ready)
    return 0


# ---------------------------------------------------------------- bench


@command
def add_bench(sub: argparse._SubParsersAction) -> None:
    p = _parser(sub, "bench", "Score the entity extractors on a benchmark: span-level P/R/F1 on CLUENER2020 sentences.",
                "kg bench cluener ../shared/bench/cluener/dev.json --limit 200")
    p.add_argument("benchmark", choices=["cluener"], help="which benchmark (cluener: CLUENER2020, mapped types)")
    p.add_argument("file", nargs="?", default="../shared/bench/cluener/dev.json",
                   help="one JSON sentence per line (default: ../shared/bench/cluener/dev.json)")
    p.add_argument("--limit", type=_count_of("lines"), metavar="N", help="only the first N lines")
    p.add_argument("--extractor", choices=["pipeline", "crf"], default="pipeline",
                   help="pipeline: what kg build finds (default); crf: the statistical model alone")
    p.set_defaults(run=run_bench)


def run_bench(args: argparse.Namespace) -> int:
    from kg import bench

    examples = bench.read_examples(args.file, args.limit)
    predict = bench.crf_predictor() if args.extractor == "crf" else bench.pipeline_predictor()
    result = bench.score(examples, predict)
    print(bench.format_result(result, title=f"CLUENER2020 {args.file}, extractor {args.extractor}"))
    return 0


# ---------------------------------------------------------------- view


@command
def add_view(sub: argparse._SubParsersAction) -> None:
    p = _parser(sub, "view", "Write the offline HTML viewer of a graph: search, filters, sources of every fact.",
                "kg view output/graph.ttl --out graph.html")
    p.add_argument("graph", nargs="?", default="output", metavar="GRAPH",
                   help="a graph file (Turtle, N-Triples, JSON-LD, TriG) or a build folder (default: output)")
    p.add_argument("--out", "-o", metavar="FILE.html",
                   help="where to write the page (default: beside the graph file, with .html)")
    p.set_defaults(run=run_view)


def run_view(args: argparse.Namespace) -> int:
    from kg.graphio import graph_file, read_graph
    from kg.viewer import write_html

    out = Path(args.out) if args.out else graph_file(args.graph).with_suffix(".html")
    print(write_html(read_graph(args.graph), out))
    return 0


# ---------------------------------------------------------------- main


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kg",
        description="Knowledge graphs from Chinese regional news and policy text.",
        epilog="example:\n  kg build seeds --out output && kg query --example companies-per-park",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="say more (-vv for debugging)")
    parser.add_argument("-q", "--quiet", action="store_true", help="only errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in COMMANDS.values():
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    level = logging.ERROR if args.quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(args.verbose, 2)]
    logging.basicConfig(level=level, format="kg: %(levelname)s: %(message)s", stream=sys.stderr)
    try:
        return args.run(args)
    except KgError as err:
        print(f"kg: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
