"""The site's navigation: home, alerts, a section per region, history, the guide, the reference.

One language per site: the hand-written guide pages in the nav are those of the site's
language, titled from the words catalogue. English pages live under docs/en/, the others are
Chinese; each page links to its counterpart, which is built but left out of the nav.
"""

from __future__ import annotations

import html
from collections.abc import Collection, Sequence

from ..compute import SiteData
from ..render import ALERTS, HISTORY, HOME, REFERENCE, plan_page_path
from ..render.paths import region_page_paths
from ..words import Words

GUIDE_ORDER = (  # each titled "guide.<name>" in the nav
    "tutorial",
    "editing",
    "changing-a-plan",
    "reports",
    "notifications",
    "publishing-privately",
    "formulas",
    "rules",
    "performance",
)
ENGLISH_FOLDER = "en/"  # docs/en/ holds the English guide pages
NAV_TEAMS_LIMIT = 60  # nav_teams "auto": teams in the nav up to this many plans


def teams_in_nav(option: bool | str, data: SiteData) -> bool:
    """Whether the nav lists team pages: the plugin option `nav_teams` (true, false or "auto").

    Material renders the whole nav into every page, so its cost grows with plans × pages;
    "auto" keeps big organisations to region pages (teams stay linked from them).
    """
    if option == "auto":
        return len(data.metrics) <= NAV_TEAMS_LIMIT
    return bool(option)


def site_nav(
    data: SiteData,
    words: Words,
    guide_pages: Sequence[str],
    *,
    nav_teams: bool | str = "auto",
    history: bool = False,
    closed_regions: Collection[str] = (),
) -> list:
    """The navigation (MkDocs `nav` format): home, alerts, one section per region (its page,
    then its teams when `nav_teams` says so), the teams' history (one page, when `history`),
    guide, reference.

    A team's entry is its plan in force; its other plans follow as "team · period". Titles are
    HTML-escaped here because themes print nav titles unescaped. The teams of `closed_regions`
    (protected by passwords) are left out: their region's page links to them.
    """
    nav: list = [{words["site.home"]: HOME}, {words["site.alerts"]: ALERTS}]
    regions = region_page_paths(r.name for r in data.regions)
    sections = {r.name: [{words["site.region_overview"]: regions[r.name]}] for r in data.regions}
    if teams_in_nav(nav_teams, data):
        others: dict[str, list] = {}
        current = {pm.plan.id for pm in data.current}
        for pm in data.metrics:
            if pm.plan.id not in current:
                others.setdefault(pm.plan.team, []).append(pm.plan)
        for pm in data.current:
            if (pm.plan.region or "") in closed_regions:
                continue
            entries = sections[pm.plan.region or ""]
            entries.append(_team_entry(pm.plan.team, pm.plan.id))
            for plan in others.get(pm.plan.team, ()):
                entries.append(_team_entry(f"{plan.team} · {plan.period.name}", plan.id))
    for name, entries in sections.items():
        nav.append({html.escape(name or words["site.no_region"]): entries})
    if history:  # one entry: each team's history is linked from its plan page and this one
        nav.append({words["page.history.nav"]: HISTORY})
    guide = sorted(
        guide_pages,
        key=lambda p: (
            GUIDE_ORDER.index(_name(p)) if _name(p) in GUIDE_ORDER else len(GUIDE_ORDER),
            p,
        ),
    )
    if guide:
        nav.append({words["site.guide"]: [_guide_entry(page, words) for page in guide]})
    nav.append({words["site.reference"]: REFERENCE})
    return nav


def page_language(path: str) -> str:
    """The language of a hand-written page: "en" under docs/en/, else "zh"."""
    return "en" if path.startswith(ENGLISH_FOLDER) else "zh"


def in_language(pages: Sequence[str], language: str) -> list[str]:
    """The hand-written pages of one language (the site's: its guide in the nav)."""
    return [page for page in pages if page_language(page) == language]


def _name(path: str) -> str:
    return path.removeprefix(ENGLISH_FOLDER).removesuffix(".md")


def _guide_entry(path: str, words: Words) -> dict | str:
    # The catalogue titles our own guide pages; any other page keeps its own title (its h1).
    title = words.get(f"guide.{_name(path)}")
    return {title: path} if title else path


def nav_pages(nav: list) -> set[str]:
    """Every page path a nav (MkDocs `nav` format) lists."""
    found: set[str] = set()
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            found |= nav_pages(value)
        else:
            found.add(value)
    return found


def _team_entry(title: str, plan_id: str) -> dict:
    # One entry per plan; the dashboard is a button on the plan page. A nested plan/dashboard
    # pair per team doubled the build time of 200 teams (the nav is rendered into every page).
    return {html.escape(title): plan_page_path(plan_id)}
