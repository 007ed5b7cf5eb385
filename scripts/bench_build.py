"""Benchmark ``kg build`` on a generated corpus: documents per second and peak memory for 1, 2 and N jobs.

The corpus is the seed and ``../shared/corpus`` texts replicated with
variations (paragraphs shuffled, digits changed, every fourth copy in
GB18030) up to the size asked for. Each build runs as its own ``kg build``
process; its peak memory is the largest total resident memory of that process
and all its workers, sampled every 50 ms (psutil; without it, the largest
single process from ``getrusage``). Speed-ups are ratios against ``--jobs 1``
measured in the same run.

    .venv/bin/python scripts/bench_build.py --mb 50
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT.parent / "shared" / "corpus"]


def source_texts() -> list[str]:
    texts = []
    for folder in SOURCES:
        texts.extend(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt")))
    if not texts:
        sys.exit(f"no texts found in {', '.join(map(str, SOURCES))}")
    return texts


def make_corpus(folder: Path, megabytes: float, seed: int = 0) -> tuple[int, int]:
    """Write variations of the source texts into ``folder`` (nested 100 to a folder)
    until they total ``megabytes``; return (documents, bytes)."""
    rng = random.Random(seed)
    texts = source_texts()
    target = int(megabytes * 1_000_000)
    total = count = 0
    while total < target:
        text = texts[count % len(texts)]
        paragraphs = [p for p in text.split("\n") if p.strip()]
        rng.shuffle(paragraphs)
        digits = list("0123456789")
        rng.shuffle(digits)
        varied = "\n".join(paragraphs).translate(str.maketrans("0123456789", "".join(digits)))
        data = varied.encode("gb18030" if count % 4 == 3 else "utf-8")
        path = folder / f"{count // 100:04d}" / f"doc-{count:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        total += len(data)
        count += 1
    return count, total


def tree_rss(pid: int) -> int:
    import psutil

    try:
        parent = psutil.Process(pid)
        processes = [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    rss = 0
    for process in processes:
        try:
            rss += process.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return rss


def run_build(corpus: Path, out: Path, jobs: int) -> tuple[float, int]:
    """Seconds and peak memory (bytes) of ``kg build corpus --jobs N``."""
    command = [sys.executable, "-m", "kg.cli", "-q", "build", str(corpus), "--out", str(out), "--jobs", str(jobs)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=env)
    peak = 0
    try:
        import psutil  # noqa: F401

        while process.poll() is None:
            peak = max(peak, tree_rss(process.pid))
            time.sleep(0.05)
    except ImportError:
        process.wait()
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        sys.exit(f"kg build --jobs {jobs} failed with status {process.returncode}")
    return seconds, peak


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=5.0, help="corpus size in megabytes (default 5; the target is 50)")
    parser.add_argument("--jobs", type=int, action="append", help="job counts to try (default 1, 2 and all cores)")
    parser.add_argument("--keep", metavar="DIR", help="write the corpus and outputs here and keep them")
    args = parser.parse_args(argv)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    job_counts = sorted(set(args.jobs or [1, 2, cores]))
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        corpus = work / "corpus"
        if corpus.exists():
            shutil.rmtree(corpus)
        documents, size = make_corpus(corpus, args.mb)
        print(f"corpus     {documents} documents, {size / 1e6:.1f} MB ({cores} cores)")
        print(f"{'jobs':>4} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} {'speed-up':>8} {'peak MB':>8} {'ttl MB':>7}")
        baseline = None
        for jobs in job_counts:
            out = work / f"out-{jobs}"
            seconds, peak = run_build(corpus, out, jobs)
            baseline = baseline or seconds
            ttl = (out / "graph.ttl").stat().st_size
            print(f"{jobs:>4} {seconds:>8.1f} {documents / seconds:>8.1f} {size / 1e6 / seconds:>6.2f} "
                  f"{baseline / seconds:>7.2f}x {peak / 1e6:>8.0f} {ttl / 1e6:>7.1f}", flush=True)
        outputs = [(work / f"out-{jobs}" / "graph.ttl").read_bytes() for jobs in job_counts]
        print(f"identical  {'yes' if all(o == outputs[0] for o in outputs) else 'NO'} (graph.ttl for every job count)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
