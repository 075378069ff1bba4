"""Render stage: the site's page tree, path → Markdown text or file bytes.

Engine-agnostic (MkDocs only consumes the result) and deterministic: the same data, language
and schema give the same bytes. It shows computed figures; it never computes them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib import resources

from ..labels import labels_for
from . import chart_embed
from .pages import (
    SiteData,
    alerts_page,
    dashboard_page,
    home_page,
    plan_page,
    region_page,
    region_paths,
    site_order,
    site_regions,
)
from .paths import ALERTS, HOME, dashboard_path, plan_page_path
from .reference import PAGE as REFERENCE
from .reference import SCHEMA_FILE, reference_page

STYLESHEET = "assets/salesplan/salesplan.css"
MERMAID_SCRIPT = "assets/salesplan/mermaid.min.js"

__all__ = [
    "ALERTS",
    "HOME",
    "REFERENCE",
    "SCHEMA_FILE",
    "SiteData",
    "dashboard_path",
    "extra_css",
    "extra_javascript",
    "plan_page_path",
    "region_paths",
    "render_site",
    "site_order",
    "site_regions",
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
    language: str,
    schema: Mapping,
    directory_urls: bool = True,
    schema_source: bytes | None = None,
) -> dict[str, str | bytes]:
    """Every generated page and site file: path → Markdown text (pages) or bytes (files).

    `schema_source` is the schema file as written, published unchanged at SCHEMA_FILE.
    """
    labels = labels_for(language)
    lang = "zh" if language.lower().startswith("zh") else "en"
    pages: dict[str, str | bytes] = {
        HOME: home_page(data, labels, directory_urls),
        ALERTS: alerts_page(data, labels, directory_urls),
        REFERENCE: reference_page(schema, labels, lang),
    }
    regions = region_paths(data)
    for r in site_regions(data):
        path = regions[r.name]
        pages[path] = region_page(r, path, data, labels, directory_urls)
    for pm in data.metrics:
        pages[plan_page_path(pm.plan.id)] = plan_page(pm, data, labels, directory_urls)
        pages[dashboard_path(pm.plan.id)] = dashboard_page(pm, data, labels, directory_urls)
    pages[SCHEMA_FILE] = (
        schema_source or (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode()
    )
    pages.update(static_files())
    return dict(sorted(pages.items()))
