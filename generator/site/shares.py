"""A big site's team pages shared out among processes: rendering and MkDocs' page loop on
every core.

MkDocs reads, converts and templates the pages one after the other, on one core: at a thousand
teams (five thousand pages) that was two thirds of a build. So once the plans are checked and
computed, and MkDocs has emptied the site folder (`on_files`), the plugin deals the plans out
among shares and forks a helper process per share but its own (forks.py). Each process, the
parent and every helper, goes on through MkDocs' own build: it renders its share's team files
(a plan's folder teams/<id>/: its pages and downloads; a team's history page goes with the
team's first plan) as MkDocs reads or writes them, and MkDocs' page loops leave out the other
shares' team pages (`restrict`). The parent alone
builds every other page and writes the site's other files; a helper reads the nav's pages
only, for the titles and icons the nav shows.

Each helper writes its files into the site folder and, when MkDocs reaches `on_post_build`,
sends the parent what only the parent can finish: the search-index entries of its pages,
which the parent puts in the order one process would give, and what it logged (warnings still
fail a strict build). The site comes out byte-identical to a build in one process, and no
process holds the team pages' text of more than one plan at a time.

Not shared: under `serve`, where fork is unsafe, with few plans, when team pages are in the
nav (their titles would be needed everywhere), with plugins other than salesplan and
Material's search (their per-page state would be split), or while other threads run. One
thing is lost: MkDocs does not check `#anchor` links into a page another process built (those
are the plugin's own links, each tested).
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..compute import SiteData
from ..render import PageContext, plan_file_paths, team_downloads, team_history_page, team_pages
from ..render.paths import plan_of_path
from ..words import Words
from .forks import Helpers
from .locks import SEALED_SUFFIX, Protection
from .nav_cache import cache_nav

# Below this many plans to share, forking costs more than it saves.
MIN_SHARED_PLANS = 16
# The parent's part of the team pages against a helper's (measured at 1,000 teams: the parent
# also builds the home, region, alert and guide pages, and writes the search index).
PARENT_WEIGHT = 0.97
# The plugins whose page events are known to be safe to split (by module of their class).
SAFE_PLUGINS = ("generator.site.plugin", "material.plugins.search.plugin")


def shareable(plugins: Iterable[object], workers: int, plans: int) -> bool:
    """Whether a build may share its team pages out: several cores, enough plans, known
    plugins, and no other thread running (forking one would copy it stopped, mid-work)."""
    known = all(type(plugin).__module__ in SAFE_PLUGINS for plugin in plugins)
    return workers > 1 and plans >= MIN_SHARED_PLANS and known and threading.active_count() == 1


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


class PageShares:
    """Which process builds which page, the helpers forked, and what they report.

    `owners`: plan id → the share rendering and building its folder's files and its team's
    history page (0 is the parent); every other file is the parent's. `start` forks one
    helper per other share, each carrying on from the caller.
    """

    def __init__(self, owners: Mapping[str, int], processes: int) -> None:
        self.owners = dict(owners)
        self.processes = processes
        self.me = 0
        self._forks = Helpers()  # the helper processes (forks.py)
        self._order: list[tuple[str, int]] = []  # (page, index entries after it), in order
        self._every_page: Callable[[], list[str]] = list  # every page of the site, in order
        self._reading = True  # MkDocs reads the pages (until on_env), then builds them
        self._team_paths: frozenset[str] = frozenset()  # every plan's own files (render_later)
        self._histories: dict[str, tuple[str, str]] = {}  # history page → (team, its plan)
        self._files: Callable[[str, str], dict[str, str | bytes]] | None = None  # render_later
        self._rendered: dict[tuple[str, str], dict[str, str | bytes]] = {}  # not yet asked for

    @classmethod
    def of(cls, plans: Sequence[str], processes: int) -> PageShares:
        """The plans (by id) dealt out among `processes` shares, in turn but for the parent's
        (share 0), which gets a little fewer: it also builds the site's other pages."""
        weights = [PARENT_WEIGHT] + [1.0] * (processes - 1)
        dealt = [0] * processes
        owners = {}
        for plan in sorted(plans):
            share = min(range(processes), key=lambda s: ((dealt[s] + 1) / weights[s], s))
            owners[plan] = share
            dealt[share] += 1
        return cls(owners, processes)

    @classmethod
    def started(
        cls,
        plugins: Iterable[object],
        workers: int,
        data: SiteData,
        ctx: PageContext,
        protection: Callable[[], Protection | None],
    ) -> PageShares | None:
        """When `shareable`: the plans of `data` shared out, the helpers forked, and each
        process's own plans to be rendered as MkDocs reads them (`render_later`); else None."""
        plans = [pm.plan.id for pm in data.metrics]
        if not shareable(list(plugins), workers, len(plans)):
            return None
        shares = cls.of(plans, workers)
        try:
            shares.start()
        except OSError:  # the system could not fork (too many processes): one process does it
            return None
        shares.render_later(data, ctx, protection)
        return shares

    @property
    def helper(self) -> bool:
        """Whether this process is a helper (it ends where MkDocs' build does; see forks.py)."""
        return self._forks.helper

    def mine(self, path: str) -> bool:
        """Whether this process builds (or writes) the file at `path` of the site."""
        if not self.shared(path):
            return self.me == 0
        return self.owners.get(self._plan_of(path), 0) == self.me

    def shared(self, path: str) -> bool:
        """Whether `path` is one of the shared files (those salesplan makes in a plan's own
        folder, and the teams' history pages: a page written in docs/ is the parent's,
        wherever it is)."""
        return _unsealed(path) in self._team_paths

    def _plan_of(self, path: str) -> str:
        """The plan whose share builds the shared file at `path`."""
        return self._histories[path][1] if path in self._histories else str(plan_of_path(path))

    def render_later(
        self, data: SiteData, ctx: PageContext, protection: Callable[[], Protection | None]
    ) -> None:
        """Render this share's team files when MkDocs asks for them (`content`), with `ctx`,
        each plan's pages at its first page and its downloads at its first download, so that
        no process ever holds every page of its share at once; sealed for their readers when
        `protection` gives the `access` option's."""
        plans = {pm.plan.id: pm for pm in data.metrics}
        first_plans: dict[str, str] = {}  # team → its first plan
        for pm in data.metrics:
            first_plans.setdefault(pm.plan.team, pm.plan.id)
        self._histories = {
            path: (team, first_plans[team])
            for team, path in ctx.history_paths.items()
            if team in first_plans
        }
        self._team_paths = frozenset(
            [p for pm in data.metrics for p in plan_file_paths(pm, ctx)] + list(self._histories)
        )

        def files(plan: str, kind: str) -> dict[str, str | bytes]:
            if kind in self._histories:  # a history page, by its path
                made = team_history_page(self._histories[kind][0], ctx)
            else:
                made = (team_pages if kind == "pages" else team_downloads)(plans[plan], ctx)
            asked = set(made)
            sealing = protection()
            if sealing is not None:  # its downloads renamed, sealed; the lock's assets left out
                made = sealing.sealed_files(made)
                made = {path: data for path, data in made.items() if _unsealed(path) in asked}
            return made

        self._files = files

    def page_source(self, path: str) -> str | None:
        """`on_page_read_source`: a page of this share's plans, rendered now."""
        made = self.content(path) if path.endswith(".md") else None
        return made.decode("utf-8") if isinstance(made, bytes) else made

    def content(self, path: str) -> str | bytes | None:
        """A file of this share's plans, rendered now (None: not one of them)."""
        if self._files is None or not (self.shared(path) and self.mine(path)):
            return None
        kind = path if path in self._histories else "pages" if path.endswith(".md") else "files"
        key = (self._plan_of(path), kind)
        if key not in self._rendered:
            self._rendered[key] = self._files(*key)
        made = self._rendered[key]
        found = made.pop(path, None)
        if not made:
            del self._rendered[key]
        return found

    def copy_static_files(
        self, files: Files, dirty: bool = False, *, inclusion=InclusionLevel.is_included
    ) -> None:
        """MkDocs' `Files.copy_static_files`, for this process's own files only (its plans'
        downloads rendered as they are written)."""
        for file in files:
            own = self.mine(file.src_uri) and inclusion(file.inclusion)
            if not own or file.is_documentation_page():
                continue
            made = self.content(file.src_uri)
            if made is not None:
                file.content_bytes = made.encode("utf-8") if isinstance(made, str) else made
            file.copy_file(dirty)
            if made is not None:
                file.content_bytes = b""  # written: not kept for the rest of the build

    def start(self) -> None:
        """Fork a helper per share but this one's; each carries on as its share (forks.py).
        OSError when the system cannot fork."""
        self.me = self._forks.fork(self.processes - 1)

    def restrict(self, files: Files) -> None:
        """MkDocs' page loops (which ask for the pages to include) go through what `_loops`
        says: the loop that reads the pages (until `on_env`) reads the nav's pages in every
        process (a nav title may come from a page's own heading, its icon from its front
        matter); the loop that builds them builds this process's own only. Every other
        question about the pages (the nav, the sitemap) still gets them all, and links to any
        of them resolve. The templates' `pages` is this process's own pages."""
        every = files.documentation_pages

        def documentation_pages(*, inclusion: Callable[[InclusionLevel], bool] | None = None):
            if inclusion is None:
                return every()
            return [file for file in every(inclusion=inclusion) if self._loops(file)]

        files.documentation_pages = documentation_pages  # type: ignore[method-assign]
        self._every_page = lambda: [file.src_uri for file in every()]

    def _loops(self, file: File) -> bool:
        """Whether MkDocs' page loops go through `file` in this process: to build it, its own
        pages; to read it, also (a helper) the nav's pages, whose titles and icons it shows, or
        (the parent) every page but a helper's."""
        if self.mine(file.src_uri):
            return True
        if not self._reading or self.shared(file.src_uri):
            return False
        return not self.helper or file.inclusion.is_in_nav()

    def environment(
        self, env: jinja2.Environment, config: MkDocsConfig, files: Files, update_date: str | None
    ) -> jinja2.Environment:
        """`on_env`: the nav drawn once for the team pages (none is in it: nav_cache.py), each
        process writing only its own files, and in the parent the others' pages dated
        `update_date` as on_pre_page dates its own (the sitemap lists every page)."""
        self._reading = False  # from here on, MkDocs builds the pages
        cache_nav(env, lambda page: self.shared(page.file.src_uri))
        if self.helper:  # the parent alone writes the site's other files
            config.theme.static_templates = set()
            config["extra_templates"] = []
        elif update_date is not None:  # the pages this process does not build, dated too
            for file in files.documentation_pages():
                if file.page is not None and not self.mine(file.src_uri):
                    file.page.update_date = update_date
        # each process writes its own plans' downloads (and the parent every other file)
        files.copy_static_files = functools.partial(self.copy_static_files, files)  # type: ignore[method-assign]
        return env

    def indexed(self, page: Page, plugins: Iterable[object]) -> None:
        """`on_page_context`, after the search's: how many entries the index holds now."""
        entries = search_entries(plugins)
        self._order.append((page.file.src_uri, len(entries) if entries is not None else 0))

    def finish(self, plugins: Iterable[object], words: Words) -> None:
        """`on_post_build`, before the search index is written: a helper sends its report
        and ends; the parent takes the reports in (PluginError if a helper failed)."""
        entries = search_entries(plugins)
        if self.helper:
            self.finish_helper(entries)
        problems = self.collect(entries)
        if problems:
            detail = "; ".join(problems)
            raise PluginError(words.say("build.helper-failed", detail=detail))

    def fail(self, error: Exception) -> None:
        """`on_build_error`: a helper reports the error and ends; the parent stops them."""
        if self.helper:
            self.finish_helper(None, error=str(error) or type(error).__name__)
        self.stop()

    def _slices(self, entries: list[dict]) -> dict[str, list[dict]]:
        """Each page's own search entries, as noted by `indexed`."""
        slices, start = {}, 0
        for page, end in self._order:
            slices[page] = entries[start:end]
            start = end
        return slices

    def finish_helper(self, entries: list[dict] | None, error: str | None = None) -> None:
        """In a helper: send the parent its pages' entries and its log, then end the process."""
        mine = {p: e for p, e in self._slices(entries or []).items() if self.mine(p)}
        self._forks.send(Report(mine, self._forks.log.records, error), failed=error is not None)

    def collect(self, entries: list[dict] | None) -> list[str]:
        """In the parent: the helpers' reports taken in, their log logged again here, and the
        search entries put in page order. Returns what went wrong in them (empty: nothing)."""
        reports: list[Report] = []
        problems: list[str] = []
        for report, ended in self._forks.receive():
            if not isinstance(report, Report):
                problems.append(ended or "?")
                continue
            reports.append(report)
            for name, level, message in report.records:
                logging.getLogger(name).log(level, "%s", message)
            if report.error is not None:
                problems.append(report.error)
        if entries is not None and not problems:
            self._merge(entries, [report.entries for report in reports])
        return problems

    def _merge(self, entries: list[dict], theirs: Sequence[Mapping[str, list[dict]]]) -> None:
        ours = self._slices(entries)
        merged: list[dict] = []
        for page in self._every_page():
            if self.mine(page):
                merged += ours.get(page, [])
            else:
                merged += theirs[self.owners[self._plan_of(page)] - 1].get(page, [])
        entries[:] = merged

    def stop(self) -> None:
        """In the parent: end the helpers still running (the build failed, or is ending)."""
        self._forks.stop()


def _unsealed(path: str) -> str:
    return path.removesuffix(SEALED_SUFFIX)
