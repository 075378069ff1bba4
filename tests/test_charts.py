"""Chart figures: valid plotly.js figures, template-free, deterministic, safe to embed."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import get_args

import markdown
import plotly.graph_objects as go
import pytest
from plotly.offline import get_plotlyjs_version

from generator import compute, render
from generator.model import build_plan
from generator.render import chart_embed, charts
from generator.words import CATALOGUE, Words

AS_OF = date(2023, 8, 20)

PLAN = {
    "schema": 1,
    "id": "east-1",
    "team": "East 1",
    "region": "East",
    "manager": "wang",
    "period": {"name": "2023 Q3", "start": "2023-07-01", "end": "2023-09-30"},
    "members": [{"id": "wang", "name": "Wang"}, {"id": "li", "name": "Li"}],
    "goals": [
        {
            "id": "revenue",
            "dimension": "revenue",
            "metric": "Monthly revenue",
            "unit": "万元",
            "baseline": 80,
            "target": 120,
            "history": {"2023-05": 81, "2023-06": 80},
            "last_year": 95,
            "industry": 110,
            "actuals": [
                {"date": "2023-07-09", "value": 84},
                {"date": "2023-08-06", "value": 95},
                {"date": "2023-09-10", "value": 130},  # after the as-of date: not plotted
            ],
        },
        {
            "id": "new",
            "dimension": "new_customers",
            "metric": "New customers",
            "unit": "家",
            "baseline": 0,
            "target": 30,
            "basis": "cumulative",
            "actuals": [{"date": "2023-07-15", "value": 6}, {"date": "2023-08-15", "value": 7}],
        },
        {
            "id": "churn",
            "dimension": "custom",
            "metric": "Churn",
            "unit": "%",
            "baseline": 10,
            "target": 5,
            "direction": "decrease",
        },
    ],
    "strategies": [
        {"id": "s1", "module": "customer", "direction": "Win accounts", "measures": ["Calls"]}
    ],
    "tasks": [
        {
            "id": "calls",
            "strategy": "s1",
            "title": "Call the top 50 accounts",
            "owner": "li",
            "start": "2023-07-01",
            "end": "2023-08-31",
            "checkins": [{"date": "2023-07-20", "progress": 20}],
        },
        {
            "id": "done",
            "strategy": "s1",
            "title": "Price list",
            "owner": "wang",
            "start": "2023-07-01",
            "end": "2023-07-10",
            "checkins": [{"date": "2023-07-12", "progress": 100}],
        },
        {
            "id": "later",
            "strategy": "s1",
            "title": "Autumn fair",
            "owner": "all",
            "start": "2023-09-01",
            "end": "2023-09-20",
        },
        {
            "id": "stopped",
            "strategy": "s1",
            "title": "Old campaign",
            "owner": "li",
            "start": "2023-07-01",
            "end": "2023-07-31",
            "state": "cancelled",
        },
    ],
}


def _metrics(data: dict = PLAN, as_of: date = AS_OF) -> compute.PlanMetrics:
    return compute.plan_metrics(build_plan(copy.deepcopy(data)), as_of)


def _figures(data: dict = PLAN, language: str = "en") -> dict[str, dict]:
    """Every chart of one plan, by name."""
    labels = Words.of(language)
    pm = _metrics(data)
    other = compute.plan_metrics(build_plan({**copy.deepcopy(data), "id": "east-2"}), AS_OF)
    rollups = [*compute.region_rollups([pm, other]), compute.organisation_rollup([pm, other])]
    figures = {
        f"trend-{gm.goal.id}": charts.goal_trend(gm, pm.plan, AS_OF, labels) for gm in pm.goals
    }
    return figures | {
        "bullets": charts.attainment_bullets(pm, labels),
        "gantt": charts.task_gantt(pm, labels),
        "burnup": charts.burnup(pm, labels),
        "teams": charts.team_attainment([pm, other], labels),
        "regions": charts.region_rollups(rollups, labels),
    }


def _titles(node):
    """Every value of a `title` key, at any depth."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "title":
                yield value
            yield from _titles(value)
    elif isinstance(node, list):
        for item in node:
            yield from _titles(item)


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_figure_is_valid_for_plotly(language):
    for name, figure in _figures(language=language).items():
        assert set(figure) == {"data", "layout"}, name
        assert "template" not in figure["layout"], name
        go.Figure(copy.deepcopy(figure))  # raises on an unknown property; mutates its input
        json.dumps(figure, allow_nan=False)
        # plotly.js 3 dropped string titles: each must be {"text": …}.
        assert all(isinstance(title, dict) for title in _titles(figure)), name


def test_figures_are_deterministic():
    first = json.dumps(_figures(), ensure_ascii=False)
    assert json.dumps(_figures(), ensure_ascii=False) == first


def test_goal_trend_plots_what_the_as_of_date_knows():
    figure = _figures()["trend-revenue"]
    traces = {trace["name"]: trace for trace in figure["data"]}
    assert traces["Actual"]["x"] == ["2023-07-09", "2023-08-06"]  # 2023-09-10 is after A
    assert traces["History (monthly)"]["x"] == ["2023-05-15", "2023-06-15"]
    assert traces["Expected path"]["y"] == [80, 120]
    assert traces["Last year"]["y"] == [95, 95]
    assert traces["Forecast"]["x"][-1] == "2023-09-30"
    assert figure["layout"]["shapes"][0]["x0"] == "2023-08-20"  # the as-of line
    assert figure["layout"]["title"]["text"] == "Monthly revenue (万元)"


def test_cumulative_goal_plots_running_sums_against_zero_to_target():
    traces = {trace["name"]: trace for trace in _figures()["trend-new"]["data"]}
    assert traces["Actual"]["y"] == [6, 13]
    assert traces["Expected path"]["y"] == [0, 30]


def test_bullets_gantt_and_burnup():
    figures = _figures()
    bullets = figures["bullets"]
    assert bullets["layout"]["yaxis"]["categoryarray"] == ["revenue", "new", "churn"]
    bars = [trace for trace in bullets["data"] if trace["type"] == "bar"]
    assert sum(len(trace["y"]) for trace in bars) == 3
    for trace in bars:
        assert trace["marker"]["color"] in charts.STATUS_COLOURS.values()

    gantt = figures["gantt"]
    bars = {y: trace for trace in gantt["data"] for y in trace["y"]}
    assert bars["done"]["name"] == Words("en")["task_status.done"]
    calls = bars["calls"]
    index = calls["y"].index("calls")
    assert calls["base"][index] == "2023-07-01"
    assert calls["x"][index] == 62 * charts.DAY_MS  # 2023-07-01 .. 2023-08-31 inclusive

    planned, actual = figures["burnup"]["data"]
    assert planned["x"][0] == "2023-07-01" and planned["x"][-1] == "2023-08-20"
    assert all(0 <= y <= 100 for y in planned["y"] + actual["y"])
    assert actual["y"][-1] == pytest.approx((20 + 100 + 0) / 3, abs=0.01)  # cancelled left out


def test_plan_text_is_shown_literally_by_plotly():
    data = copy.deepcopy(PLAN)
    data["goals"][0]["metric"] = "<b>Revenue</b> & co"
    data["tasks"][0]["title"] = '<a href="javascript:alert(1)">x</a>'
    figures = _figures(data)
    assert figures["trend-revenue"]["layout"]["title"]["text"].startswith(
        "&lt;b&gt;Revenue&lt;/b&gt; &amp; co"
    )
    assert "<a" not in json.dumps(figures["gantt"])


def test_empty_plan_parts_still_make_figures():
    data = copy.deepcopy(PLAN)
    data["tasks"] = []
    for goal in data["goals"]:
        goal.pop("actuals", None)
        goal.pop("history", None)
    figures = _figures(data)
    for figure in figures.values():
        go.Figure(copy.deepcopy(figure))
    annotations = figures["burnup"]["layout"]["annotations"]
    assert annotations[0]["text"] == Words("en")["chart.no_data"]


class _ChartParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.charts: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "div":
            self.charts.append(dict(attrs))


def test_chart_block_cannot_be_broken_out_of():
    data = copy.deepcopy(PLAN)
    data["goals"][0]["metric"] = "</script><script>alert('x')</script>' onload='x"
    figure = _figures(data)["trend-revenue"]
    block = chart_embed.chart_block(figure, "trend-east-1-revenue")
    assert block.count("<") == 2  # the div's own tags: nothing from the plan
    assert ">" not in block[block.index("data-figure") : block.rindex("'")]
    parser = _ChartParser()
    parser.feed(block)
    [attrs] = parser.charts
    assert attrs["class"] == "salesplan-chart"
    assert attrs["id"] == "trend-east-1-revenue"
    assert json.loads(attrs["data-figure"]) == json.loads(json.dumps(figure))


def test_chart_block_survives_markdown():
    block = chart_embed.chart_block(_figures()["bullets"], "bullets")
    html = markdown.markdown(f"Text\n\n{block}\n\nMore", extensions=["attr_list", "md_in_html"])
    assert block in html


def test_chart_ids_are_slugs():
    figure = _figures()["burnup"]
    assert 'id="burn-up-east-1"' in chart_embed.chart_block(figure, "Burn up: East 1")
    with pytest.raises(ValueError):
        chart_embed.chart_block(figure, "燃起图")


def test_chart_assets_ship_plotly_and_the_renderer():
    assets = chart_embed.chart_assets()
    assert tuple(assets) == chart_embed.CHART_SCRIPTS
    # Every script a page loads is a file the site ships.
    assert set(render.extra_javascript()) <= set(render.static_files())
    plotly_js = assets["assets/salesplan/plotly.min.js"]
    assert plotly_js.startswith(b"/**\n* plotly.js (basic - minified) v")
    assert b"window.Plotly" in plotly_js
    renderer = assets["assets/salesplan/charts.js"].decode()
    assert "document$" in renderer and "salesplan-chart" in renderer


def test_vendored_plotly_is_the_bundle_its_readme_records():
    """The shipped plotly.js changes only with vendor/README.md: version, size and checksum."""
    vendor = Path(chart_embed.__file__).parent / "vendor"
    readme = (vendor / "README.md").read_text(encoding="utf-8")
    plotly_js = (vendor / chart_embed.PLOTLY_BUNDLE).read_bytes()
    version = re.search(r"^plotly\.js (\d+\.\d+\.\d+), basic bundle", readme, re.M)
    assert version, "vendor/README.md names no plotly.js version"
    assert f"plotly.js-basic-dist-min {version[1]}" in readme
    assert plotly_js.startswith(f"/**\n* plotly.js (basic - minified) v{version[1]}\n".encode())
    assert f"{len(plotly_js):,} bytes" in readme
    assert f"sha256 {hashlib.sha256(plotly_js).hexdigest()}" in readme
    licence = (vendor / "plotly.js.LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License") and "Plotly" in licence
    assert "plotly.js.LICENSE" in readme


def test_figures_are_checked_against_the_major_of_the_shipped_plotly_js():
    """go.Figure checks with the schema of the plotly.js that the Python package carries."""
    plotly_js = chart_embed.chart_assets()["assets/salesplan/plotly.min.js"]
    shipped = re.match(rb"/\*\*\n\* plotly\.js \(basic - minified\) v(\d+)\.", plotly_js)
    assert shipped, "no version in the shipped plotly.js"
    assert get_plotlyjs_version().split(".")[0] == shipped[1].decode()


def test_every_status_has_a_colour_and_chart_labels_exist_in_both_languages():
    statuses = set(get_args(compute.GoalStatus)) | set(get_args(compute.TaskStatus))
    assert statuses <= set(charts.STATUS_COLOURS)
    chart_words = [key for key in CATALOGUE if key.startswith("chart.")]
    assert chart_words and all(Words("zh")[key] for key in chart_words)
    # English dates keep plotly's own tick format; every other chart word reads in English.
    assert [key for key in chart_words if not Words("en")[key]] == ["chart.date_format"]
