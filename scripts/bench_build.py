"""Benchmark ``kg build`` on a generated corpus: documents per second and peak memory for 1, 2 and N jobs.

The corpus is the seed and ``../shared/corpus`` texts replicated with
variations (paragraphs shuffled, digits changed, every fourth copy in
GB18030) up to the size asked for. Each build runs as its own ``kg build``
process, from a copy of ``kg/`` taken at the start (so edits made to the
checkout meanwhile cannot make the runs differ); its peak memory is the
largest total resident memory of that process and all its workers, sampled
every 0.2 s (psutil; without it, the largest single process from
``getrusage``), and its CPU time is that of the process and its workers.
Speed-ups are ratios against the first job count, measured in the same run;
CPU seconds show how much of a slow wall clock is other load on the machine.

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


def tree_memory(pid: int) -> tuple[int, int]:
    """Total RSS and PSS of a process and its descendants. RSS counts pages a forked
    worker shares with its parent once per process; PSS divides them among the sharers."""
    import psutil

    try:
        parent = psutil.Process(pid)
        processes = [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    rss = pss = 0
    for process in processes:
        try:
            info = process.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return rss, pss


# Runs ``kg`` from the snapshot, not from the editable install's finder (which would win over sys.path).
_RUN_SNAPSHOT = (
    "import sys; "
    "sys.meta_path[:] = [f for f in sys.meta_path if not getattr(f, '__module__', '').startswith('__editable__')]; "
    "sys.path.insert(0, sys.argv.pop(1)); "
    "from kg.cli import main; sys.exit(main(sys.argv[1:]))"
)


def snapshot(work: Path) -> Path:
    """A copy of the ``kg`` package to run every build from."""
    source = work / "src"
    shutil.copytree(ROOT / "kg", source / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    return source


def run_build(source: Path, corpus: Path, out: Path, jobs: int) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds and peak RSS and PSS (bytes) of ``kg build corpus --jobs N``."""
    command = [sys.executable, "-c", _RUN_SNAPSHOT, str(source),
               "-q", "build", str(corpus), "--out", str(out), "--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    peak_rss = peak_pss = 0
    try:
        import psutil  # noqa: F401

        while process.poll() is None:
            rss, pss = tree_memory(process.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            time.sleep(0.2)
    except ImportError:
        process.wait()
        peak_rss = peak_pss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    process.wait()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if process.returncode != 0:
        sys.exit(f"kg build --jobs {jobs} failed with status {process.returncode}")
    return seconds, cpu, peak_rss, peak_pss


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
        for old in (work / "corpus", work / "src"):
            if old.exists():
                shutil.rmtree(old)
        corpus = work / "corpus"
        documents, size = make_corpus(corpus, args.mb)
        source = snapshot(work)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"corpus     {documents} documents, {size / 1e6:.1f} MB ({cores} cores, load average {load:.1f})")
        print(f"{'jobs':>4} {'seconds':>8} {'cpu s':>7} {'docs/s':>7} {'MB/s':>6} {'speed-up':>8} {'peak RSS MB':>11} "
              f"{'peak PSS MB':>11} {'ttl MB':>7}")
        baseline = None
        for jobs in job_counts:
            out = work / f"out-{jobs}"
            if out.exists():
                shutil.rmtree(out)
            seconds, cpu, rss, pss = run_build(source, corpus, out, jobs)
            baseline = baseline or seconds
            ttl = (out / "graph.ttl").stat().st_size
            print(f"{jobs:>4} {seconds:>8.1f} {cpu:>7.1f} {documents / seconds:>7.2f} {size / 1e6 / seconds:>6.3f} "
                  f"{baseline / seconds:>7.2f}x {rss / 1e6:>11.0f} {pss / 1e6:>11.0f} {ttl / 1e6:>7.1f}", flush=True)
        outputs = [(work / f"out-{jobs}" / "graph.ttl").read_bytes() for jobs in job_counts]
        print(f"identical  {'yes' if all(o == outputs[0] for o in outputs) else 'NO'} (graph.ttl for every job count)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
