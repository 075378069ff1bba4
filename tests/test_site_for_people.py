"""The site for people, opened in Chromium: the example site and a site built from a plan full
of payloads, served on 127.0.0.1, and the offline preview opened from its folder.

- every page drawn (charts, diagrams) without a console error, also after instant navigation;
- no request leaves the site, no payload runs, every page carries its policy;
- plotly.js and Mermaid load only where they draw; the weights and the time to the first chart
  are measured and printed at the end of the run;
- search finds Chinese words; pages fit a phone and a desktop; axe-core finds no serious or
  critical violation in either palette;
- screenshots of the main pages go to tests/screenshots/ for people to look at.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from browsing import (
    ALL_DRAWN,
    DIAGRAMS_DRAWN,
    FIGURES,
    SCREENSHOTS,
    Watched,
    chromium,
    record_scripts,
    screenshot,
    served,
    set_palette,
    watch,
)

from generator.check import check
from generator.commands.build import build
from generator.words import Words

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
ZH = Words("zh")
AS_OF = date(2023, 8, 20)
PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 900}
PAGES = {  # a page of each kind of the example site
    "home": "",
    "region": "regions/华东区/",
    "plan": "teams/east-shanghai-2023q3/",
    "dashboard": "teams/east-shanghai-2023q3/dashboard/",
    "monthly": "teams/east-shanghai-2023q3/monthly/2023-07/",
    "alerts": "alerts/",
    "reference": "reference/format/",
    "guide": "editing/",
}
PLOTLY, MERMAID = "assets/salesplan/plotly.min.js", "assets/salesplan/mermaid.min.js"
# A team's dashboard: its charts (a trend per goal, bullets, Gantt, burn-up), all drawn.
DASHBOARD_DRAWN = """() => {
  const charts = [...document.querySelectorAll(".salesplan-chart")];
  return charts.length > 3 && charts.every((div) => div.querySelector("svg.main-svg"));
}"""
FIRST_CHART = """(() => {
  const mark = () => {
    if (!window.__firstChart && document.querySelector(".salesplan-chart .main-svg")) {
      window.__firstChart = performance.now();
    }
  };
  new MutationObserver(mark).observe(document, {subtree: true, childList: true});
})()"""


FITS = """() => {
  const width = window.innerWidth, problems = [];
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth}px wide`);
  }
  for (const box of document.querySelectorAll("article .sp-table, article .salesplan-chart")) {
    const right = box.getBoundingClientRect().right, parent = box.parentElement;
    if (right > width + 1 || box.offsetWidth > parent.clientWidth + 1) {
      problems.push(`${box.className} ends at ${right}px`);
    }
  }
  return problems;
}"""
STICKY = """(selector) => {
  const box = document.querySelector(selector);
  if (box.scrollWidth <= box.clientWidth) return "does not scroll";
  box.scrollLeft = 150;
  const cell = box.querySelector("tbody td");
  const stays = Math.abs(cell.getBoundingClientRect().left - box.getBoundingClientRect().left);
  box.scrollLeft = 0;
  return stays <= 1;
}"""


def _project(tmp: Path, plans: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp / "mkdocs.yml")
    shutil.copytree(plans, tmp / "plans")
    shutil.copytree(ROOT / "docs", tmp / "docs")
    return tmp / "mkdocs.yml"


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The example site, built once for the module and served: (site folder, address)."""
    config = _project(tmp_path_factory.mktemp("example"), ROOT / "plans")
    site = config.parent / "site"
    assert build(config, words=ZH, site_dir=site).ok
    pages = sorted(site.rglob("*.html"), key=lambda p: p.stat().st_size)
    FIGURES["largest page"] = (
        f"{pages[-1].stat().st_size:,} bytes of HTML ({pages[-1].relative_to(site).as_posix()})"
    )
    with served(site) as base:
        yield site, base


def _open(page, base: str, path: str) -> None:
    page.goto(base + path)
    page.wait_for_function(ALL_DRAWN)
    page.wait_for_function(DIAGRAMS_DRAWN)


AXE_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]}))
  .violations.filter((v) => ["serious", "critical"].includes(v.impact))
  .map((v) => `${v.id}: ${v.help} (${v.nodes[0].target.join(" ")})`)"""
CHART_TABLES = """() => [...document.querySelectorAll(".salesplan-chart")].map((chart) => {
  const figure = chart.closest("figure");
  return [chart.id, figure ? figure.querySelectorAll("figcaption tbody tr").length : 0];
})"""
STATUSES = """() => [...document.querySelectorAll(".sp-status")].map(
  (s) => [s.querySelector(".sp-icon").textContent, s.textContent])"""
SHOWN = ("home", "plan", "dashboard", "monthly")  # the pages kept as screenshots
CHECKED = ("home", "region", "plan", "dashboard", "monthly", "alerts", "reference")  # axe-core


@dataclass
class Walk:
    """What a walk through every kind of page of the example site found, on a phone and on a
    desktop (each page opened once per screen; the tests below read what they need)."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    policies: dict[str, str] = field(default_factory=dict)  # kind → its policy
    misfits: dict[str, list[str]] = field(default_factory=dict)  # "screen kind" → problems
    sticky: dict[str, object] = field(default_factory=dict)  # table → stays in view?
    violations: list[str] = field(default_factory=list)  # axe-core, serious or critical
    chart_tables: dict[str, list] = field(default_factory=dict)
    statuses: list = field(default_factory=list)
    screenshots: list[Path] = field(default_factory=list)
    scripts: dict[str, dict[str, int]] = field(default_factory=dict)  # kind → URL → bytes


def _visit(page, base: str, kind: str, screen: str, walk: Walk, seen: Watched) -> None:
    """One page of the walk: everything the tests need from it, on one screen."""
    seen.scripts.clear()
    _open(page, base, PAGES[kind])
    walk.misfits[f"{screen} {kind}"] = page.evaluate(FITS)
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
    walk.policies[kind] = policy.get_attribute("content")
    if screen == "phone" and kind in ("home", "plan"):
        for table in (".sp-teams",) if kind == "home" else (".sp-t4", ".sp-t5"):
            walk.sticky[table] = page.evaluate(STICKY, table)
    if screen == "desktop":
        page.wait_for_load_state("networkidle")  # the search worker's scripts too
        walk.scripts[kind] = dict(seen.scripts)
        if kind in ("home", "dashboard"):
            first = page.evaluate("window.__firstChart")
            FIGURES[f"first chart drawn, {kind} page"] = f"{first:,.0f} ms after navigation"
        walk.chart_tables[kind] = page.evaluate(CHART_TABLES)
        walk.statuses += page.evaluate(STATUSES)
    if screen == "desktop" and kind in CHECKED:
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;void 0")  # not subject to the policy
    for scheme, light in (("default", "light"), ("slate", "dark")):
        if screen == "desktop" and kind in CHECKED:
            set_palette(page, scheme)
            walk.violations += [f"{light} {kind}: {v}" for v in page.evaluate(AXE_RUN)]
        if kind in SHOWN:
            set_palette(page, scheme)
            page.wait_for_timeout(150)  # the palette's transition
            walk.screenshots.append(screenshot(page, f"{kind}-{light}-{screen}"))
    set_palette(page, "default")


@pytest.fixture(scope="module")
def walk(browser, example) -> Walk:
    _, base = example
    found = Walk()
    for screen, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = browser.new_page(viewport=viewport)
        seen = watch(page, base)
        if screen == "desktop":  # weighed with no cache, as a first visit loads each page
            record_scripts(page.context, seen)
            page.add_init_script(FIRST_CHART)
            cdp = page.context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        for kind in PAGES:
            _visit(page, base, kind, screen, found, seen)
        page.close()
        found.errors += seen.errors
        found.outside += seen.outside
    FIGURES["screenshots"] = f"{len(found.screenshots)} in {SCREENSHOTS}"
    return found


def test_every_page_is_drawn_without_a_console_error_or_a_request_elsewhere(walk):
    assert walk.errors == [], "console errors"
    assert walk.outside == [], "requests left the site"


def test_plotly_and_mermaid_load_only_on_the_pages_that_draw_them(walk):
    for kind, scripts in walk.scripts.items():
        total = sum(scripts.values())
        FIGURES[f"JavaScript, {kind} page"] = f"{total:,} bytes in {len(scripts)} files"
        plotly = any(url.endswith(PLOTLY) for url in scripts)
        mermaid = any(url.endswith(MERMAID) for url in scripts)
        assert plotly == (kind in ("home", "region", "dashboard")), kind
        assert mermaid == (kind == "plan"), kind


def test_every_page_carries_a_policy_that_keeps_it_on_the_site(walk):
    assert set(walk.policies) == set(PAGES)
    for kind, policy in walk.policies.items():
        assert "default-src 'self'" in policy and "img-src 'self' data:" in policy, kind
        assert "http" not in policy, kind


def test_pages_fit_phones_and_desktops_and_wide_tables_keep_their_first_column(walk):
    assert {where: problems for where, problems in walk.misfits.items() if problems} == {}
    assert walk.sticky == {".sp-teams": True, ".sp-t4": True, ".sp-t5": True}


def test_no_serious_accessibility_violation_in_either_palette(walk):
    assert walk.violations == [], "\n".join(walk.violations)


def test_every_chart_has_its_figures_as_text_and_statuses_have_words(walk):
    for kind in ("home", "region", "dashboard"):
        charts = walk.chart_tables[kind]
        assert charts and all(rows > 0 for _, rows in charts), (kind, charts)
    assert walk.statuses
    assert all(icon.strip() and text.strip() != icon for icon, text in walk.statuses)


def test_screenshots_of_the_main_pages_are_kept(walk):
    names = {path.stem for path in walk.screenshots}
    assert names == {
        f"{kind}-{light}-{screen}"
        for kind in SHOWN
        for light in ("light", "dark")
        for screen in ("desktop", "phone")
    }
    assert all(path.stat().st_size > 10_000 for path in walk.screenshots)


def test_instant_navigation_draws_the_diagrams_and_charts_of_the_next_page(browser, example):
    _, base = example
    page = browser.new_page(viewport=DESKTOP)
    seen = watch(page, base)
    _open(page, base, "")
    page.evaluate("window.__samePage = true")
    page.locator("article a[href$='teams/east-hangzhou-2023q3/']").first.click()
    page.wait_for_url("**/teams/east-hangzhou-2023q3/")
    # the plan's four root-cause chains, drawn by Mermaid, loaded for this page
    page.wait_for_function("() => document.querySelectorAll('article div.mermaid').length === 4")
    page.locator("article a.sp-switch[href*=dashboard]").click()
    page.wait_for_url("**/dashboard/")
    page.wait_for_function(DASHBOARD_DRAWN)  # the new content, once it replaced the old
    assert page.evaluate("window.__samePage === true"), "no instant navigation"
    page.close()
    assert seen.outside == [] and seen.errors == []


def _search(page, words: str) -> list[str]:
    """The addresses of the search results for `words`."""
    if page.locator("label[for=__search]").first.is_visible():
        page.locator("label[for=__search]").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")  # the results of the last words go first
    box.dispatch_event("keyup")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')")
    box.fill(words)
    box.dispatch_event("keyup")
    page.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length > 0", timeout=10_000
    )
    return page.eval_on_selector_all(
        ".md-search-result__item a", "(links) => links.map((a) => a.href)"
    )


def test_search_finds_chinese_words(browser, example):
    site, base = example
    page = browser.new_page(viewport=DESKTOP)
    seen = watch(page, base)
    page.goto(base)
    plans = {p.id: p for p in check([ROOT / "plans"], words=ZH, plans_dir=ROOT / "plans").plans}
    hangzhou = plans["east-hangzhou-2023q3"]
    expected = {
        "打卡": "editing/",  # inside a sentence: found only once jieba cut the text into words
        "预警": "alerts/",
        hangzhou.team: "teams/east-hangzhou-2023q3/",
        hangzhou.tasks[1].title: "teams/east-hangzhou-2023q3/",
    }
    for words, where in expected.items():
        found = [url.removeprefix(base) for url in _search(page, words)]
        assert any(url.split("#")[0] == where for url in found), (words, found)
    page.close()
    assert seen.errors == []
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"]
    assert "\u200b" in json.dumps(index["docs"], ensure_ascii=False)  # jieba's word breaks
    assert not [d for d in index["docs"] if "dashboard/" in d["location"]]


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    config = _project(tmp_path_factory.mktemp("payload"), ROOT / "tests" / "plans" / "payload")
    site = config.parent / "site"
    assert build(config, words=ZH, site_dir=site).ok
    with served(site) as base:
        yield site, base


def test_no_payload_runs_or_reaches_another_host(browser, payload_site):
    _, base = payload_site
    page = browser.new_page(viewport=DESKTOP)
    seen = watch(page, base)
    paths = ["", "alerts/", "teams/payload-team/", "teams/payload-team/dashboard/"]
    for path in paths:
        _open(page, base, path)
        page.mouse.move(400, 400)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        foreign = page.evaluate(
            """() => [...document.querySelectorAll("img[src], iframe, object, video, audio")]
              .map((e) => e.src || e.data || e.tagName)
              .filter((src) => !src.startsWith(location.origin) && !src.startsWith("data:"))"""
        )
        assert foreign == [], path
    # The one diagram is the plan's root-cause chain: the body starts none of its own.
    assert page.evaluate("document.querySelectorAll('div.mermaid').length") == 0
    _open(page, base, "teams/payload-team/")
    assert page.evaluate("document.querySelectorAll('article div.mermaid').length") == 1
    page.close()
    assert seen.outside == []
    assert seen.errors == []


def test_offline_preview_opens_from_its_folder(browser, tmp_path_factory):
    config = _project(tmp_path_factory.mktemp("offline"), ROOT / "plans")
    site = config.parent / "preview"
    assert build(config, words=ZH, site_dir=site, offline=True).ok
    page = browser.new_page(viewport=DESKTOP)
    seen = watch(page, site.as_uri() + "/")
    page.goto((site / "index.html").as_uri())
    page.wait_for_function(ALL_DRAWN)
    assert page.evaluate("document.querySelectorAll('.salesplan-chart .main-svg').length") > 0
    page.locator("article a[href$='teams/east-hangzhou-2023q3/index.html']").first.click()
    page.wait_for_url("**/teams/east-hangzhou-2023q3/index.html")
    page.wait_for_function(DIAGRAMS_DRAWN)
    page.locator("article a.sp-switch[href*=dashboard]").click()
    page.wait_for_url("**/dashboard.html")
    page.wait_for_function(DASHBOARD_DRAWN)
    found = _search(page, "预警")
    assert any(url.endswith("/alerts.html") for url in found), found
    page.close()
    assert seen.outside == []
    assert seen.errors == []
