"""Render stage: the site's page tree, path → Markdown text or file bytes.

Engine-agnostic (MkDocs only consumes the result) and deterministic: the same data, words and
schema give the same bytes. It formats computed figures; it never computes them.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources

from ..compute import PlanMetrics, SiteData
from ..revisions import SiteHistory
from ..words import Words
from ..workers import map_in_workers
from . import chart_embed
from .context import PageContext
from .downloads import plan_downloads
from .edit_links import EditLinks
from .history import history_index_page, history_page
from .monthly import monthly_page
from .overview import summarised
from .pages import (
    alerts_page,
    dashboard_page,
    home_page,
    plan_page,
    region_alerts_page,
    region_page,
)
from .paths import (
    ALERTS,
    HISTORY,
    HOME,
    dashboard_path,
    monthly_path,
    plan_page_path,
    region_alerts_path,
    table_csv_path,
    workbook_path,
)
from .reference import PAGE as REFERENCE
from .reference import SCHEMA_FILE, reference_page
from .standup_sheet import sheet_path, standup_sheet
from .tables import TEMPLATE_TABLES

STYLESHEET = "assets/salesplan/salesplan.css"
PRINT_STYLESHEET = "assets/salesplan/print.css"
PRINT_SCRIPT = "assets/salesplan/print.js"
MERMAID_SCRIPT = "assets/salesplan/mermaid.min.js"
DIAGRAMS_SCRIPT = "assets/salesplan/diagrams.js"  # loads MERMAID_SCRIPT on pages with diagrams
# Runs the search worker of a site opened from a folder (file://); see site/offline.py.
WORKER_SHIM = "assets/salesplan/iframe-worker.js"

__all__ = [
    "ALERTS",
    "HISTORY",
    "HOME",
    "REFERENCE",
    "SCHEMA_FILE",
    "WORKER_SHIM",
    "EditLinks",
    "PageContext",
    "dashboard_path",
    "extra_css",
    "extra_javascript",
    "plan_page_path",
    "render_site",
    "site_context",
    "team_downloads",
    "team_history_page",
    "team_pages",
    "worker_shim",
]


def extra_css() -> tuple[str, ...]:
    """Stylesheets the site must load (paths in the page tree)."""
    return (STYLESHEET, PRINT_STYLESHEET)


def extra_javascript() -> tuple[str, ...]:
    """Scripts every page loads: two small loaders, never plotly.js or Mermaid themselves.

    Both are shipped with the site and fetched only by the pages that draw a chart or a
    diagram (see generator/assets/charts.js and diagrams.js): Material would otherwise fetch
    Mermaid from a CDN, which corporate networks block.
    """
    return (DIAGRAMS_SCRIPT, chart_embed.RENDERER, PRINT_SCRIPT)


def static_files() -> dict[str, bytes]:
    """The stylesheet, Mermaid and its loader, the offline worker shim, the chart assets."""
    here = resources.files(__package__)
    files = {
        STYLESHEET: (here / "salesplan.css").read_bytes(),
        PRINT_STYLESHEET: (here / "print.css").read_bytes(),
        PRINT_SCRIPT: (resources.files("generator") / "assets" / "print.js").read_bytes(),
        MERMAID_SCRIPT: (here / "vendor" / "mermaid.min.js").read_bytes(),
        DIAGRAMS_SCRIPT: (resources.files("generator") / "assets" / "diagrams.js").read_bytes(),
        WORKER_SHIM: worker_shim().encode("utf-8"),
    }
    files.update(chart_embed.chart_assets())
    return files


def worker_shim() -> str:
    """The vendored iframe-worker shim (vendor/README.md), as text."""
    return (resources.files(__package__) / "vendor" / "iframe-worker.shim.js").read_text("utf-8")


def team_pages(pm: PlanMetrics, ctx: PageContext) -> dict[str, str | bytes]:
    """A plan's own pages (plan, dashboard, monthly reports), by site path."""
    files: dict[str, str | bytes] = {
        plan_page_path(pm.plan.id): plan_page(pm, ctx),
        dashboard_path(pm.plan.id): dashboard_page(pm, ctx),
    }
    for report in ctx.data.monthly.get(pm.plan.id, ()):
        files[monthly_path(pm.plan.id, report.month)] = monthly_page(pm, report, ctx)
    return files


def team_downloads(pm: PlanMetrics, ctx: PageContext) -> dict[str, str | bytes]:
    """A plan's downloads (its tables, its workbook, its stand-up sheet), by site path."""
    files: dict[str, str | bytes] = dict(plan_downloads(pm, ctx.words))
    files[sheet_path(pm.plan.id)] = standup_sheet(pm.plan, ctx.words)
    return files


def team_history_path(team: str, ctx: PageContext) -> str | None:
    """Where a team's history page is: None when the site has no history pages, or git gave
    no history of the team."""
    path = ctx.history_paths.get(team)
    found = ctx.history is not None and ctx.history.team(team) is not None
    return path if path and found else None


def team_history_page(team: str, ctx: PageContext) -> dict[str, str | bytes]:
    """A team's history page, by site path (none where `team_history_path` says so)."""
    path = team_history_path(team, ctx)
    if path is None or ctx.history is None:
        return {}
    return {path: history_page(ctx.history.team(team), ctx)}


def plan_files(pm: PlanMetrics, ctx: PageContext) -> dict[str, str | bytes]:
    """A plan's own pages and downloads, by site path."""
    return {**team_pages(pm, ctx), **team_downloads(pm, ctx)}


def plan_file_paths(pm: PlanMetrics, ctx: PageContext) -> list[str]:
    """The site paths `plan_files` gives, without rendering anything."""
    plan_id = pm.plan.id
    paths = [plan_page_path(plan_id), dashboard_path(plan_id)]
    paths += [monthly_path(plan_id, report.month) for report in ctx.data.monthly.get(plan_id, ())]
    paths += [table_csv_path(plan_id, n) for n in range(1, TEMPLATE_TABLES + 1)]
    return [*paths, workbook_path(plan_id), sheet_path(plan_id)]


def team_placeholders(pm: PlanMetrics, ctx: PageContext) -> dict[str, str | bytes]:
    """A plan's files as empty placeholders (rendered later, or by another process): they keep
    the site's tree and its links whole."""
    return {path: "" if path.endswith(".md") else b"" for path in plan_file_paths(pm, ctx)}


def site_context(
    data: SiteData,
    *,
    words: Words,
    schema: Mapping,
    directory_urls: bool = True,
    history: SiteHistory | None = None,
    edit_links: EditLinks | None = None,
) -> PageContext:
    """What every page of the site is rendered with (see render_site for the arguments)."""
    return PageContext.for_site(
        data, words, directory_urls, history=history, schema=schema, edit=edit_links
    )


def render_site(
    data: SiteData,
    *,
    words: Words,
    schema: Mapping,
    directory_urls: bool = True,
    schema_source: bytes | None = None,
    history: SiteHistory | None = None,
    edit_links: EditLinks | None = None,
    workers: int = 1,
    teams: bool = True,
    ctx: PageContext | None = None,
) -> dict[str, str | bytes]:
    """Every generated page and site file: path → Markdown text (pages) or bytes (files).

    `workers`: how many processes render the plans' own pages and downloads (see workers.py).

    `schema_source` is the schema file as written, published unchanged at SCHEMA_FILE.
    `history`: the teams' histories (pages saying why when git could not give it); None
    leaves the history pages out. `edit_links` gives each plan page and task row a link to
    GitHub's editor. `teams` false: each plan's own files are empty placeholders, to be
    rendered later (`team_pages`, `team_downloads`); `ctx`: the site_context to render with.
    """
    ctx = ctx or site_context(
        data,
        words=words,
        schema=schema,
        directory_urls=directory_urls,
        history=history,
        edit_links=edit_links,
    )
    pages: dict[str, str | bytes] = {
        HOME: home_page(ctx),
        ALERTS: alerts_page(ctx),
        REFERENCE: reference_page(schema, words),
    }
    for r in data.regions:
        pages[ctx.region_paths[r.name]] = region_page(r, ctx)
        if summarised(ctx):
            pages[region_alerts_path(ctx.region_paths[r.name])] = region_alerts_page(r, ctx)
    render = functools.partial(plan_files if teams else team_placeholders, ctx=ctx)
    for files in map_in_workers(render, data.metrics, workers if teams else 1):
        pages.update(files)
    if history is not None:
        pages[HISTORY] = history_index_page(ctx)
        for team in ctx.history_paths:
            if teams:
                pages.update(team_history_page(team, ctx))
            elif (path := team_history_path(team, ctx)) is not None:
                pages[path] = ""  # its place only: rendered where it is built
    pages[SCHEMA_FILE] = (
        schema_source or (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode()
    )
    pages.update(static_files())
    return dict(sorted(pages.items()))
