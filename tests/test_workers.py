"""generator/workers.py: work shared among forked processes gives what one process gives, and
leaves the garbage collector as it found it."""

from __future__ import annotations

import gc
import os

from generator import workers


def _square(n: int) -> tuple[int, int, bool]:
    return n * n, os.getpid(), gc.isenabled()


def test_work_shared_out_gives_the_results_in_order_and_the_collector_back_on():
    items = list(range(200))
    done = workers.map_in_workers(_square, items, 2)
    assert [square for square, _, _ in done] == [n * n for n in items]
    assert {pid for _, pid, _ in done} != {os.getpid()}  # done in other processes
    assert all(collecting for _, _, collecting in done)  # rendering leaves cycles: collected
    assert gc.isenabled()


def test_work_apart_runs_meanwhile_here_and_gives_its_result():
    seen = []
    result = workers.apart(lambda: (os.getpid(), gc.isenabled()), 2, lambda: seen.append(1))
    pid, collecting = result
    assert pid != os.getpid() and not collecting  # a process of its own, short-lived
    assert seen == [1] and gc.isenabled()


def test_without_collection_puts_the_collector_back_as_it_was():
    with workers.without_collection():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with workers.without_collection():
            pass
        assert not gc.isenabled()  # it was off: left off
    finally:
        gc.enable()
