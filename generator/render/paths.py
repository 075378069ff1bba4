"""Where each generated page lives in the page tree (paths of Markdown files, `/`-separated)."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import quote

HOME = "index.md"
ALERTS = "alerts.md"
PROBLEMS = "plan-problems.md"  # only under `serve`, while a plan has an error
REGIONS_FOLDER = "regions"
HISTORY_FOLDER = "history"
HISTORY = f"{HISTORY_FOLDER}/index.md"  # the teams' histories
TEAMS_FOLDER = "teams"  # teams/<plan id>/: a plan's own pages and downloads
NO_REGION_SLUG = "no-region"  # the page of the plans without a region, whatever the language

# Anything but a Unicode letter or digit separates the words of a slug.
_NOT_WORD = re.compile(r"[\W_]+")


def plan_page_path(plan_id: str) -> str:
    return f"{TEAMS_FOLDER}/{plan_id}/index.md"


def dashboard_path(plan_id: str) -> str:
    return f"{TEAMS_FOLDER}/{plan_id}/dashboard.md"


def plan_of_path(path: str) -> str | None:
    """The plan id of a file in a plan's own folder (teams/<id>/…), else None."""
    parts = path.split("/", 2)
    return parts[1] if len(parts) == 3 and parts[0] == TEAMS_FOLDER else None


def table_csv_path(plan_id: str, number: int) -> str:
    """Template table `number` (1–6) of a plan as CSV."""
    return f"teams/{plan_id}/downloads/{plan_id}-t{number}.csv"


def workbook_path(plan_id: str) -> str:
    """The plan's six template tables as one Excel workbook."""
    return f"teams/{plan_id}/downloads/{plan_id}.xlsx"


def monthly_path(plan_id: str, month: str) -> str:
    """The monthly report of a plan for a month (YYYY-MM)."""
    return f"teams/{plan_id}/monthly/{month}.md"


def region_slug(name: str) -> str:
    """A region name as a file name: letters and digits kept (Unicode too, lowercased), every
    other run of characters a single "-". `华东区` → `华东区`, `North & West` → `north-west`."""
    text = unicodedata.normalize("NFC", name).lower()
    return _NOT_WORD.sub("-", text).strip("-")


def region_page_paths(names: Iterable[str]) -> dict[str, str]:
    """Region name → its page (`regions/<slug>.md`); "" is the plans without a region.

    Names are taken in the given order; a slug already taken gets a numeric suffix (`-2`,
    `-3`, …), so the same regions always get the same paths.
    """
    return _slug_paths(names, REGIONS_FOLDER, NO_REGION_SLUG, "region")


def region_alerts_path(region_page: str) -> str:
    """The alerts page of a region (`alerts/<slug>.md`), from its page (`regions/<slug>.md`)."""
    return f"{ALERTS.removesuffix('.md')}/{region_page.removeprefix(REGIONS_FOLDER + '/')}"


def history_page_paths(teams: Iterable[str]) -> dict[str, str]:
    """Team name → its history page (`history/<slug>.md`), as region pages are named."""
    return _slug_paths(teams, HISTORY_FOLDER, "team", "team", reserved={"index"})


def _slug_paths(
    names: Iterable[str], folder: str, blank: str, fallback: str, reserved: Iterable[str] = ()
) -> dict[str, str]:
    paths: dict[str, str] = {}
    taken: set[str] = set(reserved)
    for name in names:
        if name in paths:
            continue
        base = region_slug(name) if name else blank
        base = base or fallback  # a name of punctuation only
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        paths[name] = f"{folder}/{slug}.md"
    return paths


def page_url(path: str, directory_urls: bool = True) -> str:
    """The URL of a generated Markdown page, relative to the site root, as MkDocs makes it."""
    stem = path.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def href(target: str, source: str, directory_urls: bool = True) -> str:
    """A relative link from one page to another page or a site file.

    Raw HTML links are not rewritten by MkDocs, so they are written as final URLs here,
    percent-encoded as MkDocs encodes its own (a region page may have a Chinese name).
    """
    target_url = page_url(target, directory_urls) if target.endswith(".md") else target
    source_url = page_url(source, directory_urls)
    base = source_url.rsplit("/", 1)[0] if "/" in source_url else ""
    relative = posixpath.relpath(target_url.rstrip("/") or ".", base or ".")
    if target_url.endswith("/") or target_url == "":
        relative = "./" if relative == "." else relative + "/"
    return quote(relative)
