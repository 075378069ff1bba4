"""The site's charts as plain plotly.js figure dicts, one function per chart.

Figures are built as dicts rather than with plotly's Python objects: about 400 times faster,
and the JSON carries no template. plotly's Python package only checks the figures in the tests;
plotly.js itself is vendored (chart_embed.py). One renderer script (`generator/assets/charts.js`)
draws every chart and applies the light/dark palette, so figures set only their data colours here.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date
from typing import Any, get_args

from .. import compute
from ..model import Plan
from ..words import Words
from .format import rollup_label

Figure = dict[str, Any]

GREEN, BLUE, AMBER, RED, PURPLE, GREY = (
    "#43a047", "#1e88e5", "#f9a825", "#e53935", "#8e24aa", "#9e9e9e"
)  # fmt: skip
STATUS_COLOURS: dict[str, str] = {
    "achieved": GREEN, "done": GREEN, "on_track": BLUE, "at_risk": AMBER, "behind": AMBER,
    "off_track": RED, "help_needed": RED, "overdue": RED, "blocked": PURPLE,
    "not_started": GREY, "cancelled": GREY,
}  # fmt: skip
DIMENSION_COLOURS: dict[str, str] = {
    "revenue": BLUE, "new_customers": GREEN, "order_value": "#fb8c00",
    "repurchase_rate": PURPLE, "product_share": "#00acc1", "custom": "#6d4c41",
}  # fmt: skip
# Mid-tones, readable on both the light and the slate palette.
SERIES_COLOURS = {
    "history": "#78909c", "actual": BLUE, "expected": "#7e57c2", "target": GREEN,
    "forecast": BLUE, "last_year": "#fb8c00", "industry": "#8d6e63", "marker": "#607d8b",
    "as_of": "#757575",
}  # fmt: skip

DAY_MS = 86_400_000  # a Gantt bar's length is in milliseconds on a date axis


# --- small pieces ------------------------------------------------------------------------


def _num(value: float | None, digits: int = 4) -> float | None:
    """A rounded number for stable JSON (no float noise, no -0.0)."""
    if value is None:
        return None
    rounded = round(float(value), digits)
    return rounded + 0.0 if rounded else 0.0


def _pct(ratio: float | None) -> float | None:
    return None if ratio is None else _num(ratio * 100, 1)


def _text(value: str) -> str:
    """Plan text for plotly, which renders some HTML tags in labels: show them literally."""
    return html.escape(value, quote=False)


def _label(words: Words, key: str, fallback: str | None = None) -> str:
    return words.get(key, fallback if fallback is not None else key)


def _status_label(words: Words, kind: str, status: str) -> str:
    """The label of a goal or task status (kind "goal" or "task")."""
    return words.get(f"{kind}_status.{status}") or status


def _dimension_label(words: Words, dimension: str) -> str:
    return _label(words, f"dimension.{dimension}", dimension)


def _month_middle(month: str) -> str:
    return f"{month}-15"  # a month's value is plotted mid-month


def _date_axis(words: Words) -> dict[str, Any]:
    axis: dict[str, Any] = {"type": "date", "hoverformat": "%Y-%m-%d", "automargin": True}
    if words.get("chart.date_format"):
        axis["tickformat"] = words["chart.date_format"]
    return axis


def _layout(title: str, height: int, **extra: Any) -> dict[str, Any]:
    return {
        "title": {"text": title, "x": 0, "xanchor": "left"},
        "height": height,
        "margin": {"l": 56, "r": 24, "t": 48, "b": 40},
        # Below everything (container), so it never covers tick labels or an axis title.
        "legend": {"orientation": "h", "x": 0, "y": 0, "yref": "container", "yanchor": "bottom"},
        "hovermode": "closest",
        **extra,
    }


def _vertical_line(day: date, text: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """A dashed vertical line across the plot with a label at its top: (shape, annotation)."""
    x = day.isoformat()
    shape = {
        "type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
        "line": {"color": SERIES_COLOURS["as_of"], "width": 1, "dash": "dash"},
    }  # fmt: skip
    annotation = {
        "x": x, "xref": "x", "y": 1, "yref": "paper", "text": text, "showarrow": False,
        "xanchor": "left", "yanchor": "bottom", "font": {"size": 11},
    }  # fmt: skip
    return shape, annotation


def _as_of_marks(plan: Plan, as_of: date, words: Words) -> dict[str, Any]:
    """The as-of line, only while it falls in the period (else it would stretch the axis).

    Goals are due within the period (a rule of the check), so the period bounds them all:
    no need to look at every goal for each goal's chart (thousands of goals, squared).
    """
    if not plan.period.start <= as_of <= plan.period.end:
        return {}
    shape, annotation = _vertical_line(as_of, _label(words, "chart.as_of"))
    return {"shapes": [shape], "annotations": [annotation]}


def _no_data(words: Words) -> dict[str, Any]:
    return {
        "text": _label(words, "chart.no_data"), "xref": "paper", "yref": "paper",
        "x": 0.5, "y": 0.5, "showarrow": False,
    }  # fmt: skip


def _line(name: str, points: Sequence[tuple[date | str, float]], colour: str, **style: Any):
    return {
        "type": "scatter",
        "name": name,
        "x": [d if isinstance(d, str) else d.isoformat() for d, _ in points],
        "y": [_num(v) for _, v in points],
        "mode": style.pop("mode", "lines"),
        "line": {"color": colour, "width": 2, **style},
    }


# --- figures -----------------------------------------------------------------------------


def goal_trend(gm: compute.GoalMetrics, plan: Plan, as_of: date, words: Words) -> Figure:
    """Trend of one goal: history, actuals, expected path, target, forecast and references."""
    goal = gm.goal
    start, due = plan.period.start, goal.due
    end = max(plan.period.end, due)
    cumulative = goal.basis == "cumulative"
    data: list[dict[str, Any]] = []
    if goal.history:
        history = [(_month_middle(month), value) for month, value in goal.history]
        data.append(
            _line(_label(words, "chart.history"), history, SERIES_COLOURS["history"],
                  mode="lines+markers", dash="dot")
        )  # fmt: skip
    actuals = list(gm.path)
    if actuals:
        trace = _line(_label(words, "chart.actual"), actuals, SERIES_COLOURS["actual"])
        data.append(trace | {"mode": "lines+markers", "marker": {"size": 7}})
    expected = [(start, 0.0 if cumulative else goal.baseline), (due, goal.target)]
    data.append(
        _line(_label(words, "chart.expected"), expected, SERIES_COLOURS["expected"], dash="dot")
    )
    data.append(
        _line(_label(words, "chart.target"), [(start, goal.target), (end, goal.target)],
              SERIES_COLOURS["target"], dash="dash")
    )  # fmt: skip
    if gm.forecast is not None and as_of < due:
        origin = actuals[-1] if actuals else (max(as_of, start), gm.current)
        data.append(
            _line(_label(words, "chart.forecast"), [origin, (due, gm.forecast)],
                  SERIES_COLOURS["forecast"], dash="dash", width=1.5)
        )  # fmt: skip
    for key, value, dash in (
        ("last_year", goal.last_year, "dashdot"),
        ("industry", goal.industry, "longdash"),
    ):
        if value is not None:
            data.append(
                _line(_label(words, f"chart.{key}"), [(start, value), (end, value)],
                      SERIES_COLOURS[key], dash=dash, width=1.5)
            )  # fmt: skip
    title = _label(words, "chart.metric_unit", "{metric} ({unit})").format(
        metric=goal.metric, unit=goal.unit
    ) if goal.unit else goal.metric  # fmt: skip
    layout = _layout(
        _text(title), 380, xaxis=_date_axis(words), yaxis={"title": {"text": _text(goal.unit)}}
    )
    return {"data": data, "layout": layout | _as_of_marks(plan, as_of, words)}


def attainment_bullets(pm: compute.PlanMetrics, words: Words) -> Figure:
    """One horizontal bullet per goal: attainment bar by status, expected marker, 100 % line."""
    ids = [gm.goal.id for gm in pm.goals]
    data: list[dict[str, Any]] = []
    for status in get_args(compute.GoalStatus):
        goals = [gm for gm in pm.goals if gm.status == status]
        if not goals:
            continue
        percents = [_pct(gm.attainment) for gm in goals]
        data.append({
            "type": "bar", "orientation": "h", "name": _status_label(words, "goal", status),
            "y": [gm.goal.id for gm in goals], "x": [p or 0 for p in percents],
            "text": ["—" if p is None else f"{p:g}%" for p in percents],
            "textposition": "auto", "width": 0.5, "marker": {"color": STATUS_COLOURS[status]},
            "hovertemplate": "%{text}<extra>%{fullData.name}</extra>",
        })  # fmt: skip
    marked = [(gm.goal.id, _pct(gm.expected_attainment)) for gm in pm.goals]
    marked = [(goal_id, p) for goal_id, p in marked if p is not None]
    if marked:
        data.append({
            "type": "scatter", "mode": "markers", "name": _label(words, "chart.expected_now"),
            "y": [goal_id for goal_id, _ in marked], "x": [p for _, p in marked],
            "marker": {"symbol": "line-ns-open", "size": 24, "color": SERIES_COLOURS["marker"],
                       "line": {"width": 3, "color": SERIES_COLOURS["marker"]}},
            "hovertemplate": "%{x}%<extra>%{fullData.name}</extra>",
        })  # fmt: skip
    target = {
        "type": "line", "xref": "x", "yref": "paper", "x0": 100, "x1": 100, "y0": 0, "y1": 1,
        "line": {"color": GREEN, "width": 2},
    }  # fmt: skip
    yaxis = {
        "type": "category", "categoryorder": "array", "categoryarray": ids,
        "tickmode": "array", "tickvals": ids,
        "ticktext": [_text(gm.goal.metric) for gm in pm.goals],
        "autorange": "reversed", "automargin": True,
    }  # fmt: skip
    xaxis = {
        "title": {"text": _label(words, "chart.attainment")}, "ticksuffix": "%",
        "rangemode": "tozero", "automargin": True,
    }  # fmt: skip
    layout = _layout(
        _label(words, "chart.attainment_title"), 140 + 48 * len(ids),
        barmode="overlay", xaxis=xaxis, yaxis=yaxis, shapes=[target],
    )  # fmt: skip
    return {"data": data, "layout": layout}


def task_gantt(pm: compute.PlanMetrics, words: Words) -> Figure:
    """Task windows as horizontal bars coloured by status, with the as-of line."""
    ids = [tm.task.id for tm in pm.tasks]
    data: list[dict[str, Any]] = []
    for status in get_args(compute.TaskStatus):
        tasks = [tm for tm in pm.tasks if tm.status == status]
        if not tasks:
            continue
        data.append({
            "type": "bar", "orientation": "h", "name": _status_label(words, "task", status),
            "y": [tm.task.id for tm in tasks],
            "base": [tm.task.start.isoformat() for tm in tasks],
            "x": [((tm.task.end - tm.task.start).days + 1) * DAY_MS for tm in tasks],
            "text": [_task_hover(tm, words) for tm in tasks], "textposition": "none",
            "hovertemplate": "%{text}<extra>%{fullData.name}</extra>",
            "marker": {"color": STATUS_COLOURS[status]},
        })  # fmt: skip
    yaxis = {
        "type": "category", "categoryorder": "array", "categoryarray": ids,
        "tickmode": "array", "tickvals": ids,
        "ticktext": [_text(_short(tm.task.title)) for tm in pm.tasks],
        "autorange": "reversed", "automargin": True,
    }  # fmt: skip
    layout = _layout(
        _label(words, "chart.tasks_title"), 150 + 30 * len(ids),
        barmode="overlay", xaxis=_date_axis(words), yaxis=yaxis,
    )  # fmt: skip
    marks = _as_of_marks(pm.plan, pm.as_of, words)
    if not ids:
        marks["annotations"] = [*marks.get("annotations", []), _no_data(words)]
    return {"data": data, "layout": layout | marks}


def _short(title: str, size: int = 28) -> str:
    return title if len(title) <= size else title[: size - 1] + "…"


def _task_hover(tm: compute.TaskMetrics, words: Words) -> str:
    task = tm.task
    return (
        f"{_text(task.title)}<br>{task.start.isoformat()} – {task.end.isoformat()}<br>"
        f"{_label(words, 'chart.actual_progress')}: {_num(tm.actual, 1):g}% · "
        f"{_label(words, 'chart.planned_progress')}: {_num(tm.planned, 1):g}%"
    )


def burnup(pm: compute.PlanMetrics, words: Words) -> Figure:
    """Planned against actual average task progress, each day of the period up to as-of."""
    planned = [(point.day, point.planned) for point in pm.burnup]
    actual = [(point.day, point.actual) for point in pm.burnup]
    data = []
    if pm.burnup:
        data = [
            _line(_label(words, "chart.planned_progress"), planned, SERIES_COLOURS["expected"],
                  dash="dot"),
            _line(_label(words, "chart.actual_progress"), actual, SERIES_COLOURS["actual"],
                  shape="hv"),
        ]  # fmt: skip
    yaxis = {"title": {"text": _label(words, "chart.progress_axis")}, "range": [0, 105],
             "ticksuffix": "%"}  # fmt: skip
    layout = _layout(_label(words, "chart.burnup_title"), 340, xaxis=_date_axis(words), yaxis=yaxis)
    if not pm.burnup:
        layout["annotations"] = [_no_data(words)]
    return {"data": data, "layout": layout}


def team_attainment(metrics: Sequence[compute.PlanMetrics], words: Words) -> Figure:
    """Average attainment per team, grouped by goal dimension, for the home page."""
    teams = [pm.plan.team for pm in metrics]
    ids = [pm.plan.id for pm in metrics]
    names = [
        f"{team} ({pm.plan.period.name})" if teams.count(team) > 1 else team
        for team, pm in zip(teams, metrics, strict=True)
    ]
    present = {gm.goal.dimension for pm in metrics for gm in pm.goals}
    data = []
    for dimension in (d for d in DIMENSION_COLOURS if d in present):
        values = [_pct(pm.attainment_by_dimension(dimension)) for pm in metrics]
        data.append(_group_bar(_dimension_label(words, dimension), ids, values,
                               DIMENSION_COLOURS[dimension]))  # fmt: skip
    xaxis = {
        "type": "category", "categoryorder": "array", "categoryarray": ids,
        "tickmode": "array", "tickvals": ids, "ticktext": [_text(n) for n in names],
        "automargin": True,
    }  # fmt: skip
    return _grouped_figure(_label(words, "chart.team_title"), data, xaxis, words)


def region_rollups(rollups: Sequence[compute.Rollup], words: Words) -> Figure:
    """Attainment of each rollup group (dimension, unit, basis, aggregate) per region."""
    names = [r.name or _label(words, "chart.organisation") for r in rollups]
    keys: list[tuple] = []  # rollup lines never mix these
    labels: dict[tuple, str] = {}
    for rollup in rollups:
        for line in rollup.lines:
            key = _line_key(line)
            if key not in labels:
                keys.append(key)
                labels[key] = rollup_label(line, words) + (f" {line.unit}" if line.unit else "")
    x = [_text(n) for n in names]
    data = []
    for key in keys:
        values = [
            next((ln.attainment for ln in r.lines if _line_key(ln) == key), None) for r in rollups
        ]
        colour = DIMENSION_COLOURS.get(key[0], GREY)
        bar = _group_bar(labels[key], x, [_pct(v) for v in values], colour)
        if key[4] == "mean":  # an average, not a total: hatched
            bar["marker"]["pattern"] = {"shape": "/"}
        data.append(bar)
    xaxis = {"type": "category", "automargin": True}
    return _grouped_figure(_label(words, "chart.region_title"), data, xaxis, words)


def _line_key(line: compute.RollupLine) -> tuple[str, str, str, str, str]:
    return (line.dimension, line.unit, line.basis, line.direction, line.aggregate)


def _group_bar(name: str, x: list[str], y: list[float | None], colour: str) -> dict[str, Any]:
    return {
        "type": "bar", "name": _text(name), "x": x, "y": y, "marker": {"color": colour},
        "hovertemplate": "%{y}%<extra>%{fullData.name}</extra>",
    }  # fmt: skip


def _grouped_figure(
    title: str, data: list[dict[str, Any]], xaxis: dict[str, Any], words: Words
) -> Figure:
    target = {
        "type": "line", "xref": "paper", "yref": "y", "x0": 0, "x1": 1, "y0": 100, "y1": 100,
        "line": {"color": GREEN, "width": 2, "dash": "dash"},
    }  # fmt: skip
    yaxis = {"title": {"text": _label(words, "chart.attainment")}, "ticksuffix": "%",
             "rangemode": "tozero"}  # fmt: skip
    layout = _layout(title, 380, barmode="group", xaxis=xaxis, yaxis=yaxis, shapes=[target])
    if not data:
        layout["annotations"] = [_no_data(words)]
    return {"data": data, "layout": layout}
