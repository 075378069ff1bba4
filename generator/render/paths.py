"""Where each generated page lives in the page tree (paths of Markdown files, `/`-separated)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

HOME = "index.md"
ALERTS = "alerts.md"
REGIONS_FOLDER = "regions"
NO_REGION_SLUG = "no-region"  # the page of the plans without a region, whatever the language

# Anything but a Unicode letter or digit separates the words of a slug.
_NOT_WORD = re.compile(r"[\W_]+")


def plan_page_path(plan_id: str) -> str:
    return f"teams/{plan_id}/index.md"


def dashboard_path(plan_id: str) -> str:
    return f"teams/{plan_id}/dashboard.md"


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
    paths: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        if name in paths:
            continue
        base = region_slug(name) if name else NO_REGION_SLUG
        base = base or "region"  # a name of punctuation only
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken.add(slug)
        paths[name] = f"{REGIONS_FOLDER}/{slug}.md"
    return paths
