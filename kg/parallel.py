"""Map a function over items in worker processes: results in input order, few items in flight.

Results come back in the order of the items whatever the number of workers,
so a build's output does not depend on ``--jobs``. Only ``4 × jobs`` items
are submitted ahead of the one being collected (enough that a long document
at the head does not leave workers idle), so a long stream of inputs is
never all in memory at once (``Executor.map`` would submit every item first).

On Linux the workers are forked, so state the parent has already built (a
loaded tokenizer) is shared instead of rebuilt in each worker; elsewhere they
are spawned and ``initializer(*initargs)`` must build it.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

from kg.errors import KgError

__all__ = ["cpu_count", "forks", "ordered_map"]

T = TypeVar("T")
R = TypeVar("R")


def cpu_count() -> int:
    """The cores this process may run on (its affinity mask where the platform has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def forks() -> bool:
    """Whether workers are forked (sharing the parent's memory) rather than spawned."""
    return sys.platform.startswith("linux")


@contextlib.contextmanager
def ordered_map(
    function: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[Iterator[R]]:
    """``map(function, items)`` run by ``jobs`` worker processes (in this process when 1).

    Used as a context manager, so the workers are gone when the block ends,
    even when it ends early::

        with ordered_map(len, ["a", "bb"], jobs=2) as results:
            list(results)  # [1, 2]

    The workers are started before the block begins.
    """
    if jobs <= 1:
        yield map(function, items)
        return
    context = multiprocessing.get_context("fork" if forks() else "spawn")
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=initializer, initargs=initargs)
    try:
        pending: deque[Future[R]] = deque()
        rest = iter(items)
        for item in itertools.islice(rest, 4 * jobs):
            pending.append(pool.submit(function, item))
        yield _collect(pool, pending, rest, function)
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _collect(pool: ProcessPoolExecutor, pending: deque[Future[R]], rest: Iterator[T],
             function: Callable[[T], R]) -> Iterator[R]:
    while pending:
        try:
            result = pending.popleft().result()
        except BrokenProcessPool as exc:
            raise KgError("a worker process died (out of memory?); try again with fewer --jobs") from exc
        for item in itertools.islice(rest, 1):
            pending.append(pool.submit(function, item))
        yield result
