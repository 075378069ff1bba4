"""The site's pipeline: the plans of a folder → checked → computed → rendered page tree.

`PlanChecks` remembers the last check of a plans folder, so that `salesplan build` (which checks
the plans before MkDocs starts) and the plugin share one check, and `serve` re-checks only when
a plan file changed. `Histories` likewise reads git's history again only when the repository
moved on. The plugin owns one of each.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from ..check import CheckResult, check, find_plan_files
from ..check.schema import load_schema, schema_path
from ..compute import SiteData, site_data
from ..compute.calendar import DEFAULT_CALENDAR
from ..model import CalendarName, Plan
from ..render import EditLinks, PageContext, render_site, site_context
from ..revisions import GitError, History, Repository, Snapshot, read_history, read_snapshot
from ..revisions import site_history as team_histories
from ..words import Words
from ..workers import apart, without_collection


class PlansInvalid(Exception):
    """The plans have errors: the check result says which."""

    def __init__(self, result: CheckResult) -> None:
        super().__init__("\n".join(str(d) for d in result.diagnostics))
        self.result = result


def plugin_error(error: Exception, words: Words) -> Exception:
    """A setting, password, git or plan problem as the build's error (MkDocs' PluginError)."""
    from mkdocs.exceptions import PluginError

    if isinstance(error, GitError):
        message = words.say(error.reason, revision=error.detail, detail=error.detail)
        return PluginError(f"salesplan: {message}")
    if isinstance(error, PlansInvalid):
        return PluginError(f"the plans have errors:\n{error}")
    return PluginError(f"salesplan: {error}")


class PlanChecks:
    """The check of a plans folder, made again only when one of its files changed."""

    def __init__(self, workers: int = 1, meanwhile: Callable[[], object] | None = None) -> None:
        self._key: tuple | None = None
        self._result: CheckResult | None = None
        self.workers = workers  # how many processes read the files (generator/workers.py)
        self.meanwhile = meanwhile  # what this process does while the plans are read apart

    def result(self, plans_dir: Path, words: Words) -> CheckResult:
        """The check of every plan in `plans_dir`, with messages in the language of `words`."""
        files = find_plan_files([plans_dir]) if plans_dir.is_dir() else []
        try:
            state = tuple(
                (p.relative_to(plans_dir).as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
                for p, _ in files
            )
        except OSError:
            state = None  # a file vanished meanwhile: check afresh
        key = (str(plans_dir.resolve()), state, words.language)
        if state is None or key != self._key or self._result is None:
            # in a process of its own: the memory of every file read at once (their source
            # positions) goes back to the system, not into the rest of a big build
            self._result = apart(
                lambda: check([plans_dir], words=words, plans_dir=plans_dir, workers=self.workers),
                self.workers,
                self.meanwhile,
            )
            self._key = key
        return self._result

    def plans(self, plans_dir: Path, words: Words) -> tuple[CheckResult, tuple[Plan, ...]]:
        """(the check, its plans); PlansInvalid when a plan has an error."""
        result = self.result(plans_dir, words)
        if not result.ok:
            raise PlansInvalid(result)
        return result, result.plans


class Histories:
    """The git history of a plans folder, read again only when the revision it ends at moved
    (a new commit under `serve`), and the plans at a revision (`salesplan build --at`)."""

    def __init__(self) -> None:
        self._history: tuple[tuple, History] | None = None
        self._snapshot: tuple[tuple, Snapshot] | None = None

    def history(self, folder: Path, revision: str, words: Words, workers: int = 1) -> History:
        """The history of `folder` up to `revision`; unavailable (with why) rather than failing.
        `workers`: the processes that may check its versions."""
        try:
            sha = Repository.of(folder).commit(revision).sha
        except GitError as error:
            if error.reason == "rev.git.unknown-revision" and revision == "HEAD":
                return History()  # a repository without a commit yet: nothing to show
            return History.off(error.reason, error.detail)
        key = (str(folder.resolve()), sha, words.language)
        if self._history is None or self._history[0] != key:
            self._history = (key, read_history(folder, revision, words=words, workers=workers))
        return self._history[1]

    def snapshot(self, folder: Path, revision: str, words: Words) -> Snapshot:
        """The plans of `folder` at `revision`; GitError when git cannot give them."""
        sha = Repository.of(folder).commit(revision).sha
        key = (str(folder.resolve()), sha, revision, words.language)
        if self._snapshot is None or self._snapshot[0] != key:
            self._snapshot = (key, read_snapshot(folder, revision, words=words))
        return self._snapshot[1]


def site_pages(
    plans: Sequence[Plan],
    as_of: date,
    words: Words,
    *,
    calendar: CalendarName = DEFAULT_CALENDAR,
    directory_urls: bool = True,
    history: History | None = None,
    edit_links: EditLinks | None = None,
    workers: int = 1,
    share: Callable[[SiteData, PageContext], bool] | None = None,
) -> tuple[SiteData, dict[str, str | bytes]]:
    """compute → render: the figures of the plans and the generated page tree (with the
    teams' history pages when `history` is given), the plans' pages rendered by `workers`
    processes. `share`, given the figures and what pages are rendered with, may take the
    rendering of each plan's own files upon itself (true): they are placeholders here (the
    site's team pages shared among processes, each rendering its own as MkDocs reads them)."""
    with without_collection():  # a whole new tree of figures: nothing to collect in it yet
        data = site_data(plans, as_of, calendar)
    schema = load_schema()
    histories = team_histories(history, plans) if history is not None else None
    ctx = site_context(
        data,
        words=words,
        schema=schema,
        directory_urls=directory_urls,
        history=histories,
        edit_links=edit_links,
    )
    later = share(data, ctx) if share is not None else False
    pages = render_site(
        data,
        words=words,
        schema=schema,
        schema_source=schema_path().read_bytes(),
        history=histories,
        workers=workers,
        teams=not later,
        ctx=ctx,
    )
    return data, pages
