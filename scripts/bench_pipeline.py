"""Throughput of the whole per-document pipeline against plain jieba.posseg.

Prints characters per second for both on the same text, in one run, after
jieba's dictionary and kg's lexicon are loaded, and the ratio between them.

    .venv/bin/python scripts/bench_pipeline.py [FILE ...]   (default: seeds/*.txt)
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import jieba
import jieba.posseg

from kg.lexicon import default_lexicon
from kg.load import read_document
from kg.pipeline import process
from kg.resolve import merge
from kg.to_rdf import to_graph

ROOT = Path(__file__).resolve().parent.parent


def _best_of(function, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times)


def main(paths: list[str]) -> None:
    files = [Path(p) for p in paths] or sorted((ROOT / "seeds").glob("*.txt"))
    documents = [read_document(f) for f in files]
    chars = sum(len(d.text) for d in documents)

    started = time.perf_counter()
    lexicon = default_lexicon()
    _ = lexicon.tokenizer
    jieba.setLogLevel(60)
    jieba.initialize()
    print(f"loading kg lexicon and jieba dictionaries: {time.perf_counter() - started:.2f} s (once per process)")

    def plain():
        for d in documents:
            list(jieba.posseg.cut(d.text))

    def stages():
        return [process(d, lexicon) for d in documents]

    def whole():
        to_graph(merge(stages()))

    plain(), stages()  # warm caches
    rows = [("jieba.posseg.cut", _best_of(plain)), ("kg stages (Doc -> Doc)", _best_of(stages)), ("kg stages + RDF graph", _best_of(whole))]
    baseline = rows[0][1][0]
    print(f"{chars} characters in {len(documents)} document(s); best and median of 5 runs")
    print(f"{'':26}{'best s':>9}{'median s':>10}{'chars/s':>11}{'x jieba':>9}")
    for name, (best, median) in rows:
        print(f"{name:26}{best:9.3f}{median:10.3f}{chars / best:11.0f}{best / baseline:9.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
