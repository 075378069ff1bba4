"""The history page's chart: a goal's target and due date after each revision that moved them.

A plain plotly.js figure dict, drawn like every chart of the site (see charts.py): the target
as a step line on the left axis, the due date as a step line on a date axis on the right.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from ..model import Goal
from ..revisions import GoalStability
from ..words import Words
from .charts import SERIES_COLOURS, Figure, _date_axis, _layout, _num, _text

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"  # plotly's date strings, in the commit's own time zone


def goal_history(stability: GoalStability, goal: Goal, name: str, words: Words) -> Figure:
    """The target (left axis) and due date (right axis) after each revision, oldest first."""
    points = stability.points
    when = [p.at.strftime(TIME_FORMAT) for p in points]
    revisions = [p.revision for p in points]
    unit = _text(goal.unit)
    data: list[dict[str, Any]] = [
        {
            "type": "scatter", "mode": "lines+markers", "name": words["chart.history.target"],
            "x": when, "y": [_num(p.target) for p in points], "text": revisions,
            "line": {"shape": "hv", "color": SERIES_COLOURS["target"], "width": 2},
            "marker": {"size": 8},
            "hovertemplate": f"%{{y}} {unit}<br>%{{x}}<br>%{{text}}<extra></extra>",
        },
        {
            "type": "scatter", "mode": "lines+markers", "name": words["chart.history.due"],
            "x": when, "y": [p.due.isoformat() if p.due else None for p in points],
            "text": revisions, "yaxis": "y2",
            "line": {"shape": "hv", "color": SERIES_COLOURS["expected"], "width": 1.5,
                     "dash": "dot"},
            "hovertemplate": "%{y}<br>%{x}<br>%{text}<extra></extra>",
        },
    ]  # fmt: skip
    dues = [p.due for p in points if p.due is not None]
    title = words.say("chart.history.title", metric=_text(name))
    layout = _layout(
        title,
        300,
        xaxis=_date_axis(words) | {"title": {"text": words["chart.history.revision"]}},
        yaxis={"title": {"text": unit}, "rangemode": "tozero", "automargin": True},
        yaxis2={
            "type": "date", "overlaying": "y", "side": "right", "automargin": True,
            "title": {"text": words["chart.history.due"]}, "tickformat": "%Y-%m-%d",
            **({"range": _date_range(dues)} if dues else {}),
        },
    )  # fmt: skip
    return {"data": data, "layout": layout}


def _date_range(days: list[date]) -> list[str]:
    """The due-date axis: the dates with a week or a tenth of their span on either side, so
    that one date alone is not spread over hours."""
    low, high = min(days), max(days)
    margin = max(timedelta(days=7), (high - low) / 10)
    return [(low - margin).isoformat(), (high + margin).isoformat()]
