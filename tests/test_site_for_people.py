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
from datetime import date
from pathlib import Path

import pytest
from browsing import (
    ALL_DRAWN,
    DIAGRAMS_DRAWN,
    FIGURES,
    SCREENSHOTS,
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
    "alerts": "alerts/",
    "reference": "reference/format/",
    "guide": "editing/",
}
PLOTLY, MERMAID = "assets/salesplan/plotly.min.js", "assets/salesplan/mermaid.min.js"
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
  return Math.abs(cell.getBoundingClientRect().left - box.getBoundingClientRect().left) <= 1;
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


def test_every_page_is_drawn_and_fits_without_errors_or_outside_requests(browser, example):
    _, base = example
    page = browser.new_page(viewport=DESKTOP)
    seen = watch(page, base)
    for kind, path in PAGES.items():
        _open(page, base, path)
        policy = page.locator('meta[http-equiv="Content-Security-Policy"]')
        assert "script-src 'self'" in policy.get_attribute("content"), kind
        assert page.evaluate(FITS) == [], kind

    # Home → a plan (diagrams) → its dashboard (charts), by instant navigation.
    _open(page, base, "")
    page.evaluate("window.__samePage = true")
    page.locator("article a[href$='teams/east-hangzhou-2023q3/']").first.click()
    page.wait_for_url("**/teams/east-hangzhou-2023q3/")
    # the plan's four root-cause chains, drawn by Mermaid, loaded for this page
    page.wait_for_function("() => document.querySelectorAll('article div.mermaid').length === 4")
    page.locator("article a.sp-switch").click()
    page.wait_for_url("**/dashboard/")
    page.wait_for_function(ALL_DRAWN)
    assert page.evaluate("document.querySelectorAll('.salesplan-chart').length") > 3
    assert page.evaluate("window.__samePage === true"), "no instant navigation"
    page.close()
    assert seen.outside == [], "requests left the site"
    assert seen.errors == [], "console errors"


def test_plotly_and_mermaid_load_only_on_the_pages_that_draw_them(browser, example):
    _, base = example
    loaded = {}
    for kind in ("home", "plan", "dashboard", "alerts", "guide"):
        path = PAGES[kind]
        context = browser.new_context(viewport=DESKTOP)  # an empty cache for each kind
        page = context.new_page()
        seen = watch(page, base)
        record_scripts(context, seen)
        page.add_init_script(FIRST_CHART)
        _open(page, base, path)
        page.wait_for_load_state("networkidle")
        loaded[kind] = seen.scripts
        total = sum(seen.scripts.values())
        FIGURES[f"JavaScript, {kind} page"] = f"{total:,} bytes in {len(seen.scripts)} files"
        if kind in ("home", "dashboard"):
            first = page.evaluate("window.__firstChart")
            FIGURES[f"first chart drawn, {kind} page"] = f"{first:,.0f} ms after navigation"
        context.close()
        assert seen.errors == [] and seen.outside == [], kind
    for kind, scripts in loaded.items():
        plotly = any(url.endswith(PLOTLY) for url in scripts)
        mermaid = any(url.endswith(MERMAID) for url in scripts)
        assert plotly == (kind in ("home", "region", "dashboard")), kind
        assert mermaid == (kind == "plan"), kind


def _search(page, words: str) -> list[str]:
    """The addresses of the search results for `words`."""
    if page.locator("label[for=__search]").first.is_visible():
        page.locator("label[for=__search]").first.click()
    box = page.locator("input.md-search__input")
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


def test_pages_fit_a_phone_and_wide_tables_keep_their_first_column(browser, example):
    _, base = example
    page = browser.new_page(viewport=PHONE)
    seen = watch(page, base)
    for kind, path in PAGES.items():
        _open(page, base, path)
        assert page.evaluate(FITS) == [], kind
        if kind == "home":
            assert page.evaluate(STICKY, ".sp-teams") is True
        if kind == "plan":
            for template in (".sp-t4", ".sp-t5"):
                assert page.evaluate(STICKY, template) is True, template
    page.close()
    assert seen.errors == []


AXE_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]}))
  .violations.filter((v) => ["serious", "critical"].includes(v.impact))
  .map((v) => `${v.id}: ${v.help} (${v.nodes[0].target.join(" ")})`)"""


def test_no_serious_accessibility_violation_in_either_palette(browser, example):
    _, base = example
    # axe-core is put in the page as an inline script, which the site's policy refuses.
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)
    page = context.new_page()
    found = []
    for kind in ("home", "region", "plan", "dashboard", "alerts", "reference"):
        _open(page, base, PAGES[kind])
        page.add_script_tag(path=str(AXE))
        for scheme in ("default", "slate"):
            set_palette(page, scheme)
            found += [f"{scheme} {kind}: {v}" for v in page.evaluate(AXE_RUN)]
        set_palette(page, "default")
    context.close()
    assert found == []


def test_every_chart_has_its_figures_as_text_and_statuses_have_words(browser, example):
    _, base = example
    page = browser.new_page(viewport=DESKTOP)
    for kind in ("home", "dashboard"):
        _open(page, base, PAGES[kind])
        charts = page.evaluate(
            """() => [...document.querySelectorAll(".salesplan-chart")].map((chart) => {
              const figure = chart.closest("figure");
              const rows = figure ? figure.querySelectorAll("figcaption tbody tr").length : 0;
              return [chart.id, rows];
            })"""
        )
        assert charts and all(rows > 0 for _, rows in charts), (kind, charts)
    _open(page, base, PAGES["plan"])
    statuses = page.eval_on_selector_all(
        ".sp-status",
        "(all) => all.map((s) => [s.querySelector('.sp-icon').textContent, s.textContent])",
    )
    assert statuses and all(icon.strip() and text.strip() != icon for icon, text in statuses)
    page.close()


def test_screenshots_of_the_main_pages(browser, example):
    _, base = example
    taken = []
    for device, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        page = browser.new_page(viewport=viewport)
        for kind in ("home", "plan", "dashboard"):
            _open(page, base, PAGES[kind])
            for scheme, light in (("default", "light"), ("slate", "dark")):
                set_palette(page, scheme)
                page.wait_for_timeout(300)  # the palette's transition, the charts' new colours
                taken.append(screenshot(page, f"{kind}-{light}-{device}"))
            set_palette(page, "default")
        page.close()
    assert all(path.stat().st_size > 10_000 for path in taken)
    FIGURES["screenshots"] = f"{len(taken)} in {SCREENSHOTS}"


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
    page.locator("article a.sp-switch").click()
    page.wait_for_url("**/dashboard.html")
    page.wait_for_function(ALL_DRAWN)
    found = _search(page, "预警")
    assert any(url.endswith("/alerts.html") for url in found), found
    page.close()
    assert seen.outside == []
    assert seen.errors == []
