"""Work shared out among the cores of the machine: reading the plan files (check) and
rendering each plan's pages and downloads (render).

Each item is independent of the others, so the items are shared out among worker processes
forked from this one: they inherit what the work needs (nothing is sent to them) and send back
their results, which are put together in the order a single process would give. Where
processes cannot be forked safely (Windows, macOS), or when there are few items, one process
does it all; the results are the same either way.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many items, starting the workers costs more than it saves.
MIN_ITEMS = 40
# Each worker takes several parts in turn, so that one slow part does not keep the others idle.
PARTS_PER_WORKER = 4

# What the forked workers run: set just before the workers start, which is when they copy it.
_job: tuple[Callable, Sequence] | None = None


def available_workers() -> int:
    """The cores this process may run on, where forking is safe (Linux); else 1."""
    if not sys.platform.startswith("linux"):
        return 1
    return max(1, len(os.sched_getaffinity(0)))


def map_in_workers(
    fn: Callable[[Item], Result], items: Sequence[Item], workers: int
) -> list[Result]:
    """[fn(item) for item in items], shared out among `workers` forked processes."""
    global _job
    if workers <= 1 or len(items) < MIN_ITEMS or not sys.platform.startswith("linux"):
        return [fn(item) for item in items]
    size = max(1, -(-len(items) // (workers * PARTS_PER_WORKER)))
    parts = [(start, min(start + size, len(items))) for start in range(0, len(items), size)]
    _job = (fn, items)
    try:
        context = multiprocessing.get_context("fork")
        with (
            without_collection(),  # here, while the results arrive; the workers collect
            ProcessPoolExecutor(workers, mp_context=context, initializer=gc.enable) as pool,
        ):
            done = list(pool.map(_run_part, parts))
    except BrokenProcessPool:  # a worker was killed (out of memory): do it here instead
        return [fn(item) for item in items]
    finally:
        _job = None
    return [result for part in done for result in part]


def apart(
    fn: Callable[[], Result], workers: int, meanwhile: Callable[[], object] | None = None
) -> Result:
    """fn(), run in a forked process of its own when `workers` > 1 (on Linux): what it
    allocates on the way to its result is given back to the system when it ends, instead of
    staying in this process's memory for the rest of its life. `meanwhile` is run here while
    fn runs there (only then)."""
    if workers <= 1 or not sys.platform.startswith("linux"):
        return fn()
    global _job
    _job = (fn, ())
    try:
        context = multiprocessing.get_context("fork")
        with without_collection(), ProcessPoolExecutor(1, mp_context=context) as pool:
            future = pool.submit(_run_apart)
            if meanwhile is not None:
                meanwhile()
            return future.result()
    except BrokenProcessPool:  # the process was killed (out of memory): do it here instead
        return fn()
    finally:
        _job = None


@contextmanager
def without_collection() -> Iterator[None]:
    """No cyclic garbage collection meanwhile, for work that builds a whole new tree of
    objects, which the collector would walk again and again as it grows: results received
    from another process, the figures of every plan. Objects are still freed as usual when
    no longer used. A process forked meanwhile starts without it too: `apart`'s lives only
    for the check; `map_in_workers`' turn it back on (rendering leaves cycles behind)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _run_apart():
    assert _job is not None, "runs only inside apart"
    return _job[0]()


def _run_part(bounds: tuple[int, int]) -> list:
    assert _job is not None, "workers run only inside map_in_workers"
    fn, items = _job
    start, stop = bounds
    return [fn(item) for item in items[start:stop]]
