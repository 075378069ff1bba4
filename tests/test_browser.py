"""Browser smoke tests of the charts: Debian's chromium, real Material for MkDocs pages.

Two sites: a small Material site of chart pages built here (checks the renderer alone), and
the example site of the repository. Each checks that every chart is drawn, that instant
navigation draws the next page's charts, and that the palette toggle re-themes them, without a
console error. Every chart of the example site is also checked against the shipped plotly.js
bundle: no trace type or attribute it does not know. Set SALESPLAN_SCREENSHOTS=<folder> to keep
screenshots (light and dark) of the home page and a dashboard.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browsing import chromium, served

from generator import compute
from generator.check import check
from generator.render import chart_embed, charts, history_charts
from generator.revisions import GoalPoint, GoalStability
from generator.words import Words

# Deselect with `-m "not browser"` (a Chromium-less machine skips them anyway, except on CI).
pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2023, 8, 20)

ALL_DRAWN = """() => {
  const charts = [...document.querySelectorAll(".salesplan-chart")];
  return charts.length > 0 && charts.every(
    (div) => div.hasAttribute("data-salesplan-drawn") && div.querySelector("svg.main-svg"));
}"""
NEXT_PAGE_DRAWN = f"() => !document.querySelector('[data-left]') && ({ALL_DRAWN})()"
STYLED = """() => [...document.querySelectorAll(".salesplan-chart .main-svg")].every(
  (svg) => getComputedStyle(svg).position === "absolute")"""
FONT_COLOURS = """() => [...document.querySelectorAll(".salesplan-chart")].map(
  (div) => div._fullLayout && div._fullLayout.font.color)"""
# Follows a link to url as a reader would (instant navigation when Material offers it), marking
# the page left so that the next page can be told from it.
FOLLOW_LINK = """(url) => {
  document.querySelector("article").setAttribute("data-left", "");
  const link = document.createElement("a");
  link.href = url;
  document.querySelector("article").appendChild(link);
  link.click();
}"""
# What of each drawn figure the loaded plotly.js bundle does not know. A bundle without a trace
# type draws it as a scatter and says nothing (its log level is off by default); an unknown
# attribute is left out of _fullData/_fullLayout. (Plotly.validate would say it, but throws on
# legend.yref.) Returns [problems, trace types drawn].
NOT_DRAWN = """() => {
  const registered = new Set(Object.keys(window.Plotly.PlotSchema.get().traces));
  const problems = [];
  const types = new Set();
  function dropped(input, full, where) {
    Object.keys(input).forEach((key) => {
      const value = input[key];
      const there = full == null ? undefined : full[key];
      if (there === undefined) {
        problems.push(`${where}.${key} is not drawn`);
      } else if (Array.isArray(value)) {
        value.forEach((item, i) => {
          if (item !== null && typeof item === "object") {
            dropped(item, there[i], `${where}.${key}[${i}]`);
          }
        });
      } else if (value !== null && typeof value === "object") {
        dropped(value, there, `${where}.${key}`);
      }
    });
  }
  document.querySelectorAll(".salesplan-chart").forEach((div) => {
    const figure = JSON.parse(div.getAttribute("data-figure"));
    (figure.data || []).forEach((trace, i) => {
      types.add(trace.type);
      if (!registered.has(trace.type)) {
        problems.push(`${div.id}: trace type ${trace.type} is not supported by this bundle`);
      } else {
        const full = (div._fullData || []).find((drawn) => drawn.index === i);
        dropped(trace, full, `${div.id}: data[${i}]`);
      }
    });
    dropped(figure.layout || {}, div._fullLayout, `${div.id}: layout`);
  });
  return [problems, [...types].sort()];
}"""

MINI_SITE = """\
site_name: salesplan charts
site_url: https://example.com/charts/
theme:
  name: material
  language: zh
  font: false
  features: [navigation.instant]
  palette:
    - scheme: default
      toggle: {icon: material/weather-night, name: dark}
    - scheme: slate
      toggle: {icon: material/weather-sunny, name: light}
plugins: []
extra_javascript: [assets/salesplan/plotly.min.js, assets/salesplan/charts.js]
nav: [index.md, dashboard.md]
"""


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def _mkdocs_build(config: Path, site: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        cwd=config.parent,
        check=False,
    )
    assert done.returncode == 0, f"mkdocs build failed:\n{done.stdout}\n{done.stderr}"


def _mini_site(tmp_path: Path) -> Path:
    """A Material site whose two pages hold every kind of chart, from the example plans."""
    report = check(
        sorted((ROOT / "plans").rglob("*.md")), words=Words("zh"), plans_dir=ROOT / "plans"
    )
    assert report.plans, "the example plans are needed for the chart pages"
    labels = Words("zh")
    metrics = [compute.plan_metrics(plan, AS_OF) for plan in report.plans]
    rollups = [*compute.region_rollups(metrics), compute.organisation_rollup(metrics)]
    pm = next(pm for pm in metrics if pm.tasks)
    home = [
        "# 首页",
        chart_embed.chart_block(charts.team_attainment(metrics, labels), "teams"),
        chart_embed.chart_block(charts.region_rollups(rollups, labels), "regions"),
        "[团队看板](dashboard.md)",
    ]
    dashboard = [
        f"# {pm.plan.team}",
        *(
            chart_embed.chart_block(
                charts.goal_trend(gm, pm.plan, AS_OF, labels), f"trend-{gm.goal.id}"
            )
            for gm in pm.goals
        ),
        chart_embed.chart_block(charts.attainment_bullets(pm, labels), "bullets"),
        chart_embed.chart_block(charts.task_gantt(pm, labels), "gantt"),
        chart_embed.chart_block(charts.burnup(pm, labels), "burnup"),
        chart_embed.chart_block(_history_chart(pm, labels), "history"),
        "[首页](index.md)",
    ]
    docs = tmp_path / "docs"
    for path, content in chart_embed.chart_assets().items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(content)
    (docs / "index.md").write_text("\n\n".join(home) + "\n", encoding="utf-8")
    (docs / "dashboard.md").write_text("\n\n".join(dashboard) + "\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MINI_SITE, encoding="utf-8")
    _mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    return tmp_path / "site"


def _history_chart(pm, labels: Words) -> dict:
    """The history page's chart of a goal whose target was lowered and due date moved."""
    goal = pm.goals[0].goal
    points = (
        GoalPoint(
            datetime.fromisoformat("2023-07-01T09:30:00+08:00"), "a1b2c3d", 120, date(2023, 9, 15)
        ),
        GoalPoint(
            datetime.fromisoformat("2023-07-20T18:00:00+08:00"), "e4f5a6b", 110, date(2023, 9, 30)
        ),
    )
    stability = GoalStability(pm.plan.id, goal.id, points, 1, 1, 1, 1)
    return history_charts.goal_history(stability, goal, goal.metric, labels)


def _page_file(site: Path, base: str, url: str) -> Path | None:
    """The built HTML file behind a URL of the served site, if the URL is one of its pages."""
    if not url.startswith(base):
        return None
    path = urlsplit(url).path[len(urlsplit(base).path) :]
    file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
    return file if file.is_file() else None


def _screenshot(page, name: str) -> None:
    folder = os.environ.get("SALESPLAN_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def _check_site(browser, site: Path, name: str) -> None:
    """Home → dashboard by instant navigation → palette toggle → home again, all charts drawn."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    outside: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    with served(site) as base:
        # No request may leave the site (corporate networks): record, then refuse it.
        page.route(
            lambda url: not url.startswith(base),
            lambda route: (outside.append(route.request.url), route.abort()),
        )
        page.goto(base)
        page.wait_for_function(ALL_DRAWN)
        light = page.evaluate(FONT_COLOURS)
        _screenshot(page, f"{name}-home-light")

        links = page.eval_on_selector_all("article a[href]", "(links) => links.map((a) => a.href)")
        dashboards = [
            url
            for url in links
            if (file := _page_file(site, base, url))
            and file != site / "index.html"
            and "salesplan-chart" in file.read_text(encoding="utf-8")
        ]
        assert dashboards, "the home page links to no page with charts"
        page.evaluate("window.__salesplanSamePage = true")
        page.locator("article a[href]").nth(links.index(dashboards[0])).click()
        page.wait_for_url(dashboards[0])
        page.wait_for_function(ALL_DRAWN)
        assert page.evaluate("window.__salesplanSamePage === true"), "no instant navigation"
        assert page.evaluate(STYLED), "plotly.js's CSS was lost on instant navigation"
        _screenshot(page, f"{name}-dashboard-light")

        page.locator("[data-md-component=palette] label:visible").first.click()
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        page.wait_for_function(f"() => ({FONT_COLOURS})().every((c) => c !== {light[0]!r})")
        dark = page.evaluate(FONT_COLOURS)
        _screenshot(page, f"{name}-dashboard-dark")

        page.goto(base)  # a full load: the palette choice persists, charts start dark
        page.wait_for_function(ALL_DRAWN)
        assert page.evaluate(FONT_COLOURS) == [dark[0]] * len(light)
        _screenshot(page, f"{name}-home-dark")
    page.close()
    assert not outside, f"requests left the site: {outside}"
    assert not errors, f"console errors: {errors}"


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site of the repository, built once for the tests of this module."""
    site = tmp_path_factory.mktemp("example") / "site"
    _mkdocs_build(ROOT / "mkdocs.yml", site)
    return site


def test_charts_draw_on_a_material_site(browser, tmp_path):
    _check_site(browser, _mini_site(tmp_path), "charts")


def test_example_site_charts(browser, example_site):
    _check_site(browser, example_site, "example")


def test_every_chart_of_the_example_site_draws_with_the_shipped_plotly(browser, example_site):
    chart_pages = {
        page.relative_to(example_site): text.count('class="salesplan-chart"')
        for page in sorted(example_site.rglob("*.html"))
        if 'class="salesplan-chart"' in (text := page.read_text(encoding="utf-8"))
    }
    assert len(chart_pages) > 2, "the example site should have a home, regions and dashboards"
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    messages: list[str] = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    problems: list[str] = []
    types: set[str] = set()
    outside: list[str] = []
    with served(example_site) as base:
        page.route(
            lambda url: not url.startswith(base),
            lambda route: (outside.append(route.request.url), route.abort()),
        )
        page.goto(base + "alerts/")  # a page without charts, then each page by a link
        for path, charts_in_page in chart_pages.items():
            directory = path.parent.as_posix()
            page.evaluate(FOLLOW_LINK, base + ("" if directory == "." else directory + "/"))
            page.wait_for_function(NEXT_PAGE_DRAWN)
            assert page.locator(".salesplan-chart[data-salesplan-drawn]").count() == charts_in_page
            not_drawn, drawn_types = page.evaluate(NOT_DRAWN)
            problems += [f"{path}: {problem}" for problem in not_drawn]
            types.update(drawn_types)
    page.close()
    assert outside == []
    assert problems == []
    assert types == {"bar", "scatter"}  # every trace type of charts.py was seen and checked
    assert [m for m in messages if m.startswith(("error", "warning", "pageerror"))] == []


def test_the_plotly_check_sees_what_a_bundle_lacks(browser):
    """NOT_DRAWN itself: a trace type and attributes that the shipped bundle does not know."""
    figure = {
        "data": [
            {"type": "heatmap", "z": [[1, 2], [3, 4]]},
            {"type": "scatter", "x": [1, 2], "y": [3, 4], "line": {"colour": "red"}},
        ],
        "layout": {"height": 300, "no_such_key": 1},
    }
    page = browser.new_page()
    page.route("**/*", lambda route: route.abort())
    page.set_content(f"<div class='salesplan-chart' id='probe' data-figure='{json.dumps(figure)}'>")
    page.add_script_tag(content=chart_embed.chart_assets()[chart_embed.CHART_SCRIPTS[0]].decode())
    page.evaluate(
        """() => { const div = document.getElementById("probe");
        const figure = JSON.parse(div.getAttribute("data-figure"));
        return window.Plotly.newPlot(div, figure.data, figure.layout); }"""
    )
    problems, types = page.evaluate(NOT_DRAWN)
    page.close()
    assert types == ["heatmap", "scatter"]
    assert problems == [
        "probe: trace type heatmap is not supported by this bundle",
        "probe: data[1].line.colour is not drawn",
        "probe: layout.no_such_key is not drawn",
    ]


PRINT_STATE = """() => {
  const hidden = (selector) => [...document.querySelectorAll(selector)]
    .every((element) => getComputedStyle(element).display === "none");
  return {
    header: getComputedStyle(document.documentElement).getPropertyValue("--sp-print-header"),
    background: getComputedStyle(document.body).backgroundColor,
    scheme: document.body.dataset.mdColorScheme,
    navigationHidden: hidden(".md-header") && hidden(".md-sidebar") && hidden(".md-footer"),
    chartText: [...document.querySelectorAll(".salesplan-chart .main-svg text")]
      .slice(0, 5).map((text) => getComputedStyle(text).fill),
  };
}"""


@pytest.mark.parametrize(
    "page_path", ["teams/east-shanghai-2023q3/", "teams/east-shanghai-2023q3/dashboard/"]
)
def test_pages_print_on_a4_with_a_header_and_light_colours_even_in_dark_mode(
    browser, example_site, tmp_path, page_path
):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    with served(example_site) as base:
        page.goto(base + page_path)
        page.evaluate(
            """() => __md_set("__palette",
                 {index: 1, color: {scheme: "slate", primary: "indigo", accent: "indigo"}})"""
        )
        page.goto(base + page_path)  # dark, as a person who chose it would print
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        if "dashboard" in page_path:
            page.wait_for_function(ALL_DRAWN)
        page.emulate_media(media="print")
        state = page.evaluate(PRINT_STATE)
        pdf = page.pdf(path=str(tmp_path / "page.pdf"), prefer_css_page_size=True)
    page.close()
    assert state["scheme"] == "slate"
    assert "上海一组" in state["header"] and "数据截至 2023-08-20" in state["header"]
    assert state["background"] == "rgb(255, 255, 255)"
    assert state["navigationHidden"]
    assert all(fill == "rgba(0, 0, 0, 0.87)" for fill in state["chartText"])
    assert pdf.startswith(b"%PDF")
    # A4 portrait: 595 × 842 points.
    assert re.search(rb"/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]", pdf)
