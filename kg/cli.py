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


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r} (give 1 or more)")
    return jobs


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
