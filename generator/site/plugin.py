"""The MkDocs plugin `salesplan`: its declared options, and MkDocs events wired to the pipeline.

Generated pages live in memory only (File.generated); nothing is written to docs/. Every page
gets the site's Content-Security-Policy (policy.py). Under `serve`, a plan with an error never
stops the preview: the site keeps its last good pages and shows the problems (preview.py);
`build` stays strict and fails.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

import jinja2
from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from ..check import CheckResult
from ..compute import SiteData
from ..compute.calendar import CALENDARS, DEFAULT_CALENDAR
from ..model import Plan
from ..render import HISTORY, PageContext, extra_css, extra_javascript
from ..render.html_blocks import HtmlBlocks
from ..revisions import Commit, GitError, History, Repository
from ..settings import SettingError, resolve_as_of, time_zone
from ..words import Words
from ..workers import available_workers
from . import nav, offline, search_view
from .access import AccessError, Keys, check_regions, read_keys
from .access_options import AccessConfig
from .accessibility import named_search_dialog
from .edit_links import edit_links
from .generated_page import GeneratedPage
from .locks import Protection, load_lock_assets
from .notify_options import NotifyConfig
from .options import NavTeams, TimeZone
from .output import mark_built, site_dir_problem, sitemap_day
from .pipeline import Histories, PlanChecks, PlansInvalid, plugin_error, site_pages
from .policy import with_policy
from .preview import Preview
from .search_view import SearchView
from .search_words import cut_each_run_once, load_jieba, plan_names, teach_jieba
from .shares import PageShares

log = logging.getLogger("mkdocs.plugins.salesplan")


class SalesPlanConfig(Config):
    plans_dir = opt.Type(str, default="plans")  # relative to mkdocs.yml
    as_of = opt.Optional(opt.Type((str, date)))  # YYYY-MM-DD; unset: SOURCE_DATE_EPOCH or today
    timezone = opt.Optional(TimeZone())  # whose "today" it is; unset: this machine's
    calendar = opt.Choice(CALENDARS, default=DEFAULT_CALENDAR)  # the working days (SPEC §4)
    language = opt.Optional(opt.Choice(("zh", "en")))  # unset: theme.language
    nav_teams = NavTeams()  # false: only region pages in the nav (teams linked from them)
    notify = opt.SubConfig(NotifyConfig)  # `salesplan notify`: chat robots and GitHub issues
    history = opt.Type(bool, default=True)  # the teams' history pages, read from git
    # Per-region passwords from environment variables (docs page "Publishing privately").
    access = opt.SubConfig(AccessConfig)
    # Build from the plans as they were at this git revision (`salesplan build --at`);
    # without as_of, computed as of that commit's day.
    revision = opt.Optional(opt.Type(str))


def site_language(plugin_language: str | None, config: MkDocsConfig) -> str:
    """The site's language: the plugin's `language`, else the theme's."""
    return plugin_language or str(config.theme.get("language") or "en")


class SalesPlanPlugin(BasePlugin[SalesPlanConfig]):
    """Renders every plan into pages during `mkdocs build` and `mkdocs serve`."""

    def __init__(self) -> None:
        # shared with `salesplan build`, which checks first; every core but under `serve`
        self.checks = PlanChecks(available_workers(), meanwhile=load_jieba)
        self.histories = Histories()
        self._pages: dict[str, str | bytes] = {}
        self._data: SiteData | None = None
        self._words = Words("en")
        self._as_of: date | None = None
        self._html_blocks = HtmlBlocks()
        self._set_aside: dict[str, tuple[str, ...]] = {}  # page path → its HTML blocks
        self._preview: Preview | None = None  # under `serve` only
        self._offline = False
        self._protection: Protection | None = None  # with `access`: what is sealed, and how
        self._shares: PageShares | None = None  # the team pages shared among processes
        self._search_view = SearchView()  # what Material's search reads of a page
        self._result: CheckResult | None = None  # the check of the plans being built
        self._readers: Keys | None = None  # with `access`: the readers' keys

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # With this event defined, MkDocs keeps the plugin from one rebuild of `serve` to the
        # next: the preview remembers the last good pages there.
        self._preview = Preview() if command == "serve" else None
        if command == "serve":  # its web server runs threads: forking them is not safe, so
            self.checks.workers = 1  # one process reads the plans and renders the pages

    def plans_dir(self, config: MkDocsConfig) -> Path:
        """The plans folder, relative to mkdocs.yml."""
        return Path(config.config_file_path or ".").parent / self.config.plans_dir

    def as_of(self, words: Words, config: MkDocsConfig | None = None) -> date:
        """The as-of date: the option (which `salesplan --as-of` sets), else the day of the
        `revision` built, else SOURCE_DATE_EPOCH, else today in the configured time zone."""
        option = self.config.as_of
        if option is None and self.config.revision and config is not None:
            option = self.commit_day(self.revision_commit(config), words)
        return resolve_as_of(
            option=option,
            epoch=os.environ.get("SOURCE_DATE_EPOCH"),
            timezone=self.config.timezone,
            now=datetime.now(UTC),
            words=words,
        )

    def revision_commit(self, config: MkDocsConfig) -> Commit:
        """The commit of the `revision` option; GitError when git does not know it."""
        return Repository.of(self.plans_dir(config)).commit(str(self.config.revision))

    def commit_day(self, commit: Commit, words: Words) -> date:
        """The day of a commit in the site's time zone (the commit's own without one)."""
        zone = time_zone(self.config.timezone, words)
        return (commit.committed.astimezone(zone) if zone else commit.committed).date()

    def plan_check(
        self, config: MkDocsConfig, words: Words, plans_dir: Path | None = None
    ) -> CheckResult:
        """The check of the plans the site is built from: the plans folder (`plans_dir`, as
        the caller names it), or with `revision`, its plans as they were then (GitError when
        git cannot give them)."""
        if self.config.revision:
            folder = self.plans_dir(config)
            return self.histories.snapshot(folder, str(self.config.revision), words).result()
        return self.checks.result(plans_dir or self.plans_dir(config), words)

    def history(self, config: MkDocsConfig, words: Words) -> History:
        """The history the history pages show: up to the revision built (else HEAD)."""
        if not self.config.history:
            return History.off("rev.git.off")
        revision = str(self.config.revision or "HEAD")
        folder = self.plans_dir(config)
        return self.histories.history(folder, revision, words, self.checks.workers)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Each build (and each rebuild under `serve`) starts here: load → render again.
        self._words = Words.of(site_language(self.config.language, config))
        # Material's search cuts Chinese text with jieba, which logs each start at DEBUG level.
        logging.getLogger("jieba").setLevel(logging.WARNING)
        self._offline = offline.offline_build(config)
        if self._offline:
            offline.prepare(config)
        try:
            self._readers = self._keys(config)  # first: a missing password fails the build at once
            self._as_of = self.as_of(self._words, config)
            result = self.plan_check(config, self._words)
            if not result.ok and self._preview is None:
                raise PlansInvalid(result)
            self._result = result
        except (SettingError, AccessError, GitError, PlansInvalid) as error:
            raise plugin_error(error, self._words) from None
        for path in extra_css():
            if path not in config.extra_css:
                config.extra_css.append(path)
        for path in extra_javascript():
            if path not in [str(script) for script in config.extra_javascript]:
                config.extra_javascript.append(path)
        return config

    def _render(self, config: MkDocsConfig) -> None:
        """compute → render the checked plans, once MkDocs emptied the site folder (so the
        helpers sharing the team pages, forked here, never race with that cleaning)."""
        assert self._result is not None
        try:
            self._data, self._pages = self._site(config, self._result)
            self._protect(self._readers, config)
        except (SettingError, AccessError, GitError, PlansInvalid) as error:
            raise plugin_error(error, self._words) from None

    def _share(self, config: MkDocsConfig, data: SiteData, ctx: PageContext) -> bool:
        """Many teams (none in the nav), several cores: the plans shared out among processes,
        each rendering its own as MkDocs reads them (shares.py); false: all rendered now.
        First, what a build does once, before any fork: the calendar note, and jieba told the
        plans' names (its dictionary loaded once, a helper inherits it)."""
        if years := ", ".join(map(str, data.uncovered_years)):
            log.info(self._words.say("calendar-uncovered", years=years))  # a note, not a failure
        teach_jieba(plan_names(pm.plan for pm in data.metrics))
        cut_each_run_once()
        self._shares = None
        if self._preview is not None or config.nav or nav.teams_in_nav(self.config.nav_teams, data):
            return False
        self._shares = PageShares.started(
            config.plugins.values(), self.checks.workers, data, ctx, lambda: self._protection
        )
        if self._shares is not None and not self._shares.helper:  # the note is the parent's
            log.info(self._words.say("build.shared", processes=self._shares.processes))
        return self._shares is not None

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return self._shares.page_source(page.file.src_uri) if self._shares is not None else None

    def _keys(self, config: MkDocsConfig) -> Keys | None:
        """The readers' keys of the `access` option, from the environment (this is the edge
        of a build); None without the option, and under `serve`, which previews in clear."""
        if self.config.access.head_office and self._preview is not None:
            log.info(self._words["access.serving"])
        if not self.config.access.head_office or self._preview is not None:
            return None
        return read_keys(self.config.access, os.environ, self._words, site=config.site_name)

    def _protect(self, keys: Keys | None, config: MkDocsConfig) -> None:
        """With keys: the protected regions' files sealed, and the lock's assets loaded."""
        self._protection = None
        if keys is None or self._data is None:
            return
        check_regions(keys, self._data, self._words)
        self._protection = Protection(keys, self._data, self._pages, self._words)
        self._pages = self._protection.sealed_files(self._pages)
        load_lock_assets(config)

    def _site(
        self, config: MkDocsConfig, result: CheckResult
    ) -> tuple[SiteData, dict[str, str | bytes]]:
        """The computed plans and their pages; under `serve`, what the preview shows."""
        history = self.history(config, self._words)

        def render(plans: Sequence[Plan]) -> tuple[SiteData, dict[str, str | bytes]]:
            return site_pages(
                plans,
                self._as_of or date.today(),
                self._words,
                calendar=self.config.calendar,
                directory_urls=config.use_directory_urls,
                history=history,
                edit_links=edit_links(config, plans),
                workers=self.checks.workers,  # as many as read the plans (see on_startup)
                share=lambda data, ctx: self._share(config, data, ctx),
            )

        if self._preview is None:
            return render(result.plans)
        project = Path(config.config_file_path or ".").parent
        return self._preview.site(result, render, self._words, project)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # Before MkDocs empties the site folder: never a folder with files we did not build.
        project = Path(config.config_file_path or ".").parent
        protected = (self.plans_dir(config), Path(config.docs_dir))
        problem = site_dir_problem(Path(config.site_dir), project, protected, self._words)
        if problem:
            raise PluginError(problem)
        # Marked now, before MkDocs fills it (its cleaning keeps the hidden marker): a build
        # that fails half-way leaves a folder the next build may still replace.
        mark_built(Path(config.site_dir))

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self._render(config)
        if self._shares is not None:  # this process's page loops: its own pages (shares.py)
            self._shares.restrict(files)
        in_nav: set[str] | None = None  # None: the user wrote the nav in mkdocs.yml
        if not config.nav and self._data is not None:
            written = [
                f for f in files.documentation_pages()
                if f.generated_by is None and f.src_uri not in self._pages
            ]  # fmt: skip
            guide = nav.in_language(sorted(f.src_uri for f in written), self._words.language)
            config.nav = nav.site_nav(
                self._data,
                self._words,
                guide,
                nav_teams=self.config.nav_teams,
                history=HISTORY in self._pages,
                closed_regions=self._protection.regions if self._protection else (),
            )
            in_nav = nav.nav_pages(config.nav)
            for file in written:  # the other language's pages: linked from their counterparts
                if file.src_uri not in in_nav:
                    file.inclusion = InclusionLevel.NOT_IN_NAV
        for path, content in self._pages.items():
            existing = files.get_file_from_path(path)
            if existing is not None and existing.generated_by is None:
                raise PluginError(
                    f"docs/{path} is generated by salesplan: remove it from {config.docs_dir}"
                )
            if existing is not None:
                files.remove(existing)
            # Pages our nav leaves out on purpose (dashboards; teams of a big organisation)
            # must not be listed by MkDocs as "not included in the nav" at every build.
            left_out = in_nav is not None and path.endswith(".md") and path not in in_nav
            inclusion = InclusionLevel.NOT_IN_NAV if left_out else InclusionLevel.UNDEFINED
            file = File.generated(config, path, content=content, inclusion=inclusion)
            files.append(file)
            if left_out:  # its page made now: converted by the build's one Markdown instance
                GeneratedPage(None, file, config)
        return files

    def on_env(self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files):
        if self._shares is None:
            return env
        day = sitemap_day(self._as_of).isoformat() if self._as_of else None
        return self._shares.environment(env, config, files, day)

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        # The sitemap dates every page by its update date, which MkDocs takes from the clock:
        # the as-of date keeps two builds of the same plans byte-identical.
        if self._as_of is not None:
            page.update_date = sitemap_day(self._as_of).isoformat()
        return page

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # Our tables and charts skip Python-Markdown's HTML parser (see html_blocks.py).
        if page.file.src_uri not in self._pages:
            return markdown
        if self._protection is not None:
            self._protection.page_markdown(page)
        markdown, blocks = self._html_blocks.set_aside(markdown)
        self._set_aside[page.file.src_uri] = blocks
        if self._preview is None:
            # a build reads each page once: the text need not stay in memory twice more (ours,
            # and the file's) for the rest of the build (thousands of teams' pages add up)
            self._pages[page.file.src_uri] = ""
            page.file.content_string = ""
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        blocks = self._set_aside.pop(page.file.src_uri, ())
        html = self._html_blocks.restore(html, blocks)
        if self._preview is not None:
            banner = self._preview.banner(page.file.src_uri, config.use_directory_urls)
            html = banner + html
        if self._protection is not None:
            html = self._protection.page_content(html, page)
        return html

    @event_priority(100)  # before Material's search reads the page (search_view.py)
    def _page_context_first(self, context, /, *, page: Page, config: MkDocsConfig, nav):
        if search_view.searched(config.plugins):
            self._search_view.hide(page, alone=search_view.alone(config.plugins))
        return context

    @event_priority(-100)  # after it read the page
    def _page_context_last(self, context, /, *, page: Page, config: MkDocsConfig, nav):
        self._search_view.show(page)
        if self._shares is not None:
            self._shares.indexed(page, config.plugins.values())
        return context

    on_page_context = CombinedEvent(_page_context_first, _page_context_last)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self._preview is None and page.file.src_uri in self._pages:
            page.content = None  # written out next; nothing reads it after (see above)
        return self._with_policy(output)

    def on_post_template(
        self, output_content: str, /, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        # Pages made from a theme template alone: the 404 page.
        return self._with_policy(output_content) if template_name.endswith(".html") else None

    def _with_policy(self, page: str) -> str:
        page = named_search_dialog(page, self._words["site.search"])
        frame = offline.frame_script(page) if self._offline else None
        serving = self._preview is not None
        return with_policy(page, serving=serving, extra_scripts=[frame] if frame else [])

    @event_priority(100)  # before Material's search writes its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        shares, self._shares = self._shares, None
        if shares is not None:  # a helper process ends here; the parent takes in their work
            shares.finish(config.plugins.values(), self._words)

    def on_build_error(self, *, error: Exception) -> None:
        shares, self._shares = self._shares, None
        if shares is not None:
            shares.fail(error)

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):
        server.watch(str(self.plans_dir(config)))
        return server
