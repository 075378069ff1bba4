"""Render stage: the site's page tree, path → Markdown text or file bytes.

Engine-agnostic (MkDocs only consumes the result) and deterministic: the same data, words and
schema give the same bytes. It formats computed figures; it never computes them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources

from ..compute import SiteData
from ..words import Words
from . import chart_embed
from .context import PageContext
from .edit_links import EditLinks
from .pages import alerts_page, dashboard_page, home_page, plan_page, region_page
from .paths import ALERTS, HOME, dashboard_path, plan_page_path
from .reference import PAGE as REFERENCE
from .reference import SCHEMA_FILE, reference_page
from .standup_sheet import sheet_path, standup_sheet

STYLESHEET = "assets/salesplan/salesplan.css"
MERMAID_SCRIPT = "assets/salesplan/mermaid.min.js"

__all__ = [
    "ALERTS",
    "HOME",
    "REFERENCE",
    "SCHEMA_FILE",
    "EditLinks",
    "PageContext",
    "dashboard_path",
    "extra_css",
    "extra_javascript",
    "plan_page_path",
    "render_site",
]


def extra_css() -> tuple[str, ...]:
    """Stylesheets the site must load (paths in the page tree)."""
    return (STYLESHEET,)


def extra_javascript() -> tuple[str, ...]:
    """Scripts the site must load, in order.

    Mermaid is shipped with the site: Material uses a global `mermaid` when there is one and
    only otherwise fetches it from a CDN, which corporate networks block.
    """
    return (MERMAID_SCRIPT, *chart_embed.CHART_SCRIPTS)


def static_files() -> dict[str, bytes]:
    """The stylesheet, Mermaid and the chart assets."""
    here = resources.files(__package__)
    files = {
        STYLESHEET: (here / "salesplan.css").read_bytes(),
        MERMAID_SCRIPT: (here / "vendor" / "mermaid.min.js").read_bytes(),
    }
    files.update(chart_embed.chart_assets())
    return files


def render_site(
    data: SiteData,
    *,
    words: Words,
    schema: Mapping,
    directory_urls: bool = True,
    schema_source: bytes | None = None,
    edit_links: EditLinks | None = None,
) -> dict[str, str | bytes]:
    """Every generated page and site file: path → Markdown text (pages) or bytes (files).

    `schema_source` is the schema file as written, published unchanged at SCHEMA_FILE;
    `edit_links` gives each plan page and task row a link to GitHub's editor.
    """
    ctx = PageContext.for_site(data, words, directory_urls, edit_links)
    pages: dict[str, str | bytes] = {
        HOME: home_page(ctx),
        ALERTS: alerts_page(ctx),
        REFERENCE: reference_page(schema, words),
    }
    for r in data.regions:
        pages[ctx.region_paths[r.name]] = region_page(r, ctx)
    for pm in data.metrics:
        pages[plan_page_path(pm.plan.id)] = plan_page(pm, ctx)
        pages[dashboard_path(pm.plan.id)] = dashboard_page(pm, ctx)
        pages[sheet_path(pm.plan.id)] = standup_sheet(pm.plan, words)
    pages[SCHEMA_FILE] = (
        schema_source or (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode()
    )
    pages.update(static_files())
    return dict(sorted(pages.items()))
