"""A build's team pages shared out among processes: MkDocs' page loop on every core.

MkDocs reads, converts and templates the pages one after the other, on one core: at a thousand
teams (five thousand pages) that was two thirds of a build. Once MkDocs knows every file and
the nav (`on_nav`), the plugin forks helper processes. Each process, the parent and every
helper, goes on through MkDocs' own build, but builds fully only its share of the pages left
out of the nav (the teams' plan, dashboard, monthly and history pages); the parent alone
builds every other page and writes the site's other files. A page of another share passes
through as an empty one: no source, no template, nothing written, nothing indexed.

Each helper writes its pages into the site folder and, when MkDocs reaches `on_post_build`,
sends the parent what only the parent can finish: the search-index entries of its pages,
which the parent puts in the order one process would give, and what it logged (warnings still
fail a strict build). The site comes out byte-identical to a build in one process.

Not shared: under `serve`, where fork is unsafe, with too few pages, with plugins other than
salesplan and Material's search (their per-page state would be split), or while other threads
run. One thing is lost: MkDocs does not check `#anchor` links between pages built in different
processes (those are the plugin's own links, each tested).
"""

from __future__ import annotations

import logging
import os
import pickle
import re
import signal
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

# An empty template: a page of another share renders to nothing and is not written.
ELSEWHERE_TEMPLATE = "salesplan-elsewhere.html"
# Below this many pages to share, forking costs more than it saves.
MIN_SHARED_PAGES = 40
# The plugins whose page events are known to be safe to split (by module of their class).
SAFE_PLUGINS = ("generator.site.plugin", "material.plugins.search.plugin")
# MkDocs' note for a page whose template wrote nothing (those of the other shares)
_SKIPPED = re.compile(r"Page skipped: '(.*)'\. Generated empty output\.", re.S)


def shareable(plugins: Iterable[object], workers: int, pages: int) -> bool:
    """Whether a build may share its pages out: several cores, enough pages, known plugins,
    and no other thread running (forking one would copy it stopped, mid-work)."""
    known = all(type(plugin).__module__ in SAFE_PLUGINS for plugin in plugins)
    return workers > 1 and pages >= MIN_SHARED_PAGES and known and threading.active_count() == 1


def search_entries(plugins: Iterable[object]) -> list[dict] | None:
    """The entries of Material's search index (the list its pages are added to), if any."""
    for plugin in plugins:
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list):
            return index.entries
    return None


@dataclass
class Report:
    """What a helper sends the parent: its pages' search entries, its log, its failure."""

    entries: dict[str, list[dict]] = field(default_factory=dict)
    records: list[tuple[str, int, str]] = field(default_factory=list)
    error: str | None = None


class _Kept(logging.Handler):
    """Keeps a helper's log records for the parent, which logs them (and counts warnings)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


class _QuietSkips(logging.Filter):
    """Drops MkDocs' "Page skipped" note for the pages another process builds."""

    def __init__(self, shares: PageShares) -> None:
        super().__init__()
        self._shares = shares

    def filter(self, record: logging.LogRecord) -> bool:
        skipped = _SKIPPED.fullmatch(record.getMessage())
        return skipped is None or self._shares.mine(skipped.group(1))


class PageShares:
    """Which process builds which page, the helpers forked, and what they report.

    `owners`: page path → the share building it (0 is the parent); any other page is the
    parent's. `start` forks one helper per other share, each carrying on from the caller.
    """

    def __init__(self, owners: Mapping[str, int], processes: int) -> None:
        self.owners = dict(owners)
        self.processes = processes
        self.me = 0
        self._helpers: list[tuple[int, int]] = []  # (pid, read end of its pipe)
        self._pipe: int | None = None  # a helper's write end
        self._kept: _Kept | None = None
        self._quiet = _QuietSkips(self)
        self._order: list[tuple[str, int]] = []  # (page, index entries after it), in order

    @classmethod
    def of(cls, pages: Sequence[str], processes: int) -> PageShares:
        """`pages` dealt out in turn among `processes` shares (neighbours differ in kind, so
        each share gets as many of each kind)."""
        return cls({page: n % processes for n, page in enumerate(sorted(pages))}, processes)

    @property
    def helper(self) -> bool:
        """Whether this process is a helper (it ends at the build's end, never returns)."""
        return self._pipe is not None

    def mine(self, page: str) -> bool:
        """Whether this process builds `page` fully."""
        return self.owners.get(page, 0) == self.me

    def shared(self, page: str) -> bool:
        """Whether `page` is one of the shared ones (a team page left out of the nav)."""
        return page in self.owners

    def start(self) -> None:
        """Fork the helpers; in each, carry on as that share, logging kept for the parent."""
        build_log = logging.getLogger("mkdocs.commands.build")
        for share in range(1, self.processes):
            read, write = os.pipe()
            pid = os.fork()
            if pid == 0:  # the helper
                os.close(read)
                for _, other in self._helpers:
                    os.close(other)
                self._helpers, self._pipe, self.me = [], write, share
                self._keep_log()
                break
            os.close(write)
            self._helpers.append((pid, read))
        build_log.addFilter(self._quiet)

    def _keep_log(self) -> None:
        self._kept = _Kept()
        for name in ("", "mkdocs"):
            logger = logging.getLogger(name)
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
            logger.addHandler(self._kept)

    def indexed(self, page: str, entries: int) -> None:
        """Note that the search index holds `entries` entries once `page` is indexed."""
        self._order.append((page, entries))

    def _slices(self, entries: list[dict]) -> dict[str, list[dict]]:
        """Each page's own search entries, as noted by `indexed`."""
        slices, start = {}, 0
        for page, end in self._order:
            slices[page] = entries[start:end]
            start = end
        return slices

    def finish_helper(self, entries: list[dict] | None, error: str | None = None) -> None:
        """In a helper: send the parent its pages' entries and its log, then end the process."""
        assert self._pipe is not None
        code = 1 if error else 0
        try:
            mine = {p: e for p, e in self._slices(entries or []).items() if self.mine(p)}
            records = self._kept.records if self._kept else []
            data = pickle.dumps(Report(mine, records, error), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(self._pipe, "wb") as pipe:
                pipe.write(data)
        except BaseException:  # the parent sees a helper that said nothing: it fails the build
            code = 1
        finally:
            os._exit(code)

    def collect(self, entries: list[dict] | None) -> list[str]:
        """In the parent: the helpers' reports taken in, their log logged again here, and the
        search entries put in page order. Returns what went wrong in them (empty: nothing)."""
        logging.getLogger("mkdocs.commands.build").removeFilter(self._quiet)
        reports: list[Report | None] = []
        for pid, read in self._helpers:
            with os.fdopen(read, "rb") as pipe:
                data = pipe.read()
            os.waitpid(pid, 0)
            try:
                report = pickle.loads(data) if data else None
            except (pickle.UnpicklingError, EOFError, AttributeError, ValueError):
                report = None
            reports.append(report)
        self._helpers = []
        problems = []
        for report in reports:
            if report is None:
                problems.append("")
                continue
            for name, level, message in report.records:
                logging.getLogger(name).log(level, "%s", message)
            if report.error is not None:
                problems.append(report.error)
        if entries is not None and not problems:
            self._merge(entries, [r.entries for r in reports if r is not None])
        return problems

    def _merge(self, entries: list[dict], theirs: Sequence[Mapping[str, list[dict]]]) -> None:
        ours = self._slices(entries)
        merged: list[dict] = []
        for page, _ in self._order:
            if self.mine(page):
                merged += ours[page]
            else:
                merged += theirs[self.owners[page] - 1].get(page, [])
        entries[:] = merged

    def stop(self) -> None:
        """In the parent, when the build failed: end the helpers still running."""
        logging.getLogger("mkdocs.commands.build").removeFilter(self._quiet)
        for pid, read in self._helpers:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            os.close(read)
        self._helpers = []
