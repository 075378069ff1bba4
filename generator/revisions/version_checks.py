"""The checks of a history's plan versions, shared out among worker processes while the walk
goes on (walk.py): checking a version costs twice as much as everything else the walk does
with it, and no step of the walk needs its result.

A check is asked for by its key: the file, its blob, and what the cross-file rules see around it
at that commit (whether the plan its `previous` names exists, or failing that every plan id,
which the message lists; the files sharing its id). The same key has the same errors wherever
it comes up. Only errors are kept: a history shows no warnings.

A short history is checked here, in this process; a long one (from BATCH checks on, with
several cores on Linux) by worker processes forked then, each with its own piece loader.
The results are the same either way.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from pathlib import Path
from typing import Any

from ..check import check_file
from ..diagnostic import Diagnostic
from ..load import LoadedFile, parse_plan_text
from ..words import Words
from .sections import SectionLoader

# (path, blob, previous context, files sharing its id): see walk._previous_context
Key = tuple[str, str, Any, tuple[str, ...]]
Errors = tuple[Diagnostic, ...]

BATCH = 64  # checks sent to a worker at a time; a history with fewer is checked here

_loader: SectionLoader | None = None  # each process's own (the pieces it has loaded)


class VersionChecks:
    """Checks plan versions by key, here or in `workers` processes; `results()` at the end.
    `inherited`: file descriptors a forked worker must close (the git reader's pipes: git
    must see its input end when this process closes it)."""

    def __init__(self, words: Words, workers: int, inherited: Sequence[int] = ()) -> None:
        self.words = words
        self.workers = workers if sys.platform.startswith("linux") else 1
        self.inherited = tuple(inherited)
        self.batch = BATCH
        self._asked: set[Key] = set()
        self._waiting: list[tuple[Key, bytes]] = []
        self._sent: list[tuple[list[tuple[Key, bytes]], Future]] = []
        self._found: dict[Key, Errors] = {}
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> VersionChecks:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def asked(self, key: Key) -> bool:
        return key in self._asked

    def ask(self, key: Key, raw: bytes) -> None:
        """Check the version of this key (its file's content: `raw`), once."""
        if key in self._asked:
            return
        self._asked.add(key)
        self._waiting.append((key, raw))
        if len(self._waiting) >= self.batch:
            self._send()

    def results(self) -> dict[Key, Errors]:
        """The errors of every version asked for."""
        if self._waiting:
            self._send()
        for batch, future in self._sent:
            self._collect(batch, future)
        self._sent = []
        return self._found

    def _send(self) -> None:
        """The waiting checks sent to a worker (started with the first), or done here."""
        batch, self._waiting = self._waiting, []
        if self.workers <= 1 or (self._pool is None and len(batch) < self.batch):
            self._found.update(check_batch(self.words, batch))
            return
        if self._pool is None:
            context = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_started, initargs=(self.inherited,)
            )
        try:
            self._sent.append((batch, self._pool.submit(check_batch, self.words, batch)))
        except BrokenProcessPool:  # a worker was killed (out of memory): go on here
            self.workers = 1
            self._found.update(check_batch(self.words, batch))
            return
        while self._sent and self._sent[0][1].done():  # their contents need not stay here
            self._collect(*self._sent.pop(0))

    def _collect(self, batch: list[tuple[Key, bytes]], future: Future) -> None:
        try:
            self._found.update(future.result())
        except BrokenProcessPool:  # a worker was killed (out of memory): check them here
            self._found.update(check_batch(self.words, batch))


def _started(inherited: Sequence[int]) -> None:
    for fd in inherited:
        with suppress(OSError):
            os.close(fd)
    gc.enable()  # the walk's process may run without it


def check_batch(words: Words, batch: Sequence[tuple[Key, bytes]]) -> list[tuple[Key, Errors]]:
    global _loader
    if _loader is None or _loader.words != words:
        _loader = SectionLoader(words)
    return [(key, check_version(key, raw, words, _loader)) for key, raw in batch]


def check_version(key: Key, raw: bytes, words: Words, loader: SectionLoader) -> Errors:
    """The errors of one version in its context; a version loaded in pieces is loaded whole
    again when it has one, so that every error points at its line."""
    path = key[0]
    item = loader.load_any(raw, path)
    found = _errors(item, key, words)
    if found and not item.positions:
        found = _errors(parse_plan_text(raw, LoadedFile(path), words=words), key, words)
    return tuple(found)


def _errors(item: LoadedFile, key: Key, words: Words) -> list[Diagnostic]:
    path, _, context, sharing = key
    data = item.data if isinstance(item.data, dict) else {}
    if context is True:  # the plan `previous` names exists: it is all the check asks
        ids = frozenset((data.get("previous"),))
    else:  # the ids there (none asked: no previous, or itself)
        ids = context if isinstance(context, frozenset) else frozenset()
    own = data.get("id")
    owners = {}
    if isinstance(own, str) and sharing:
        owners[own] = [item if p == path else LoadedFile(p) for p in sharing]
    found, _ = check_file(item, Path(path), plan_ids=ids, owners=owners, words=words, typed=False)
    return [d for d in found if d.severity == "error"]
