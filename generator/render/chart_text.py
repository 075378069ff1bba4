"""A chart's text alternative: the figures it draws, as a table read from its figure.

People who cannot see the chart (a screen reader, a printout, colours they cannot tell apart)
read the same numbers: the table is built from the figure dict plotly.js draws (charts.py),
never computed again. One row per category (a team, a goal, a task) or date, one column per
series (a goal dimension, a status, the target line…).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from ..words import Words
from .cells import Table
from .format import number


def chart_title(figure: dict[str, Any]) -> str:
    """The chart's title as plain text (plotly's title is HTML-escaped)."""
    title = figure.get("layout", {}).get("title", {})
    text = title.get("text", "") if isinstance(title, dict) else str(title)
    return html.unescape(text)


def chart_table(figure: dict[str, Any], words: Words, first_column: str) -> Table:
    """The figures of a chart: a row per category or date, a column per series.

    `first_column` is the words key naming the categories ("chart.table.team"); a date axis
    is always called a date. A bar or point that carries a text (a percentage, a task's
    window) shows that text; otherwise its value with the axis's suffix (`%`).
    """
    layout, traces = figure.get("layout", {}), figure.get("data", [])
    horizontal = any(trace.get("orientation") == "h" for trace in traces)
    category_axis = layout.get("yaxis" if horizontal else "xaxis", {})
    suffix = layout.get("xaxis" if horizontal else "yaxis", {}).get("ticksuffix", "")
    dates = category_axis.get("type") == "date"
    cells: dict[object, dict[int, str | None]] = {}
    for column, trace in enumerate(traces):
        categories = trace.get("y" if horizontal else "x") or []
        values = trace.get("x" if horizontal else "y") or []
        texts = trace.get("text") if isinstance(trace.get("text"), list) else None
        for i, (category, value) in enumerate(zip(categories, values, strict=False)):
            shown = _text(texts[i]) if texts else _value(value, suffix)
            cells.setdefault(category, {})[column] = shown
    columns = (
        words["chart.table.date" if dates else first_column],
        *(html.unescape(str(trace.get("name", ""))) for trace in traces),
    )
    labels = _category_labels(category_axis)
    rows = tuple(
        (
            labels.get(category, _text(str(category))),
            *(cells[category].get(c) for c in range(len(traces))),
        )
        for category in _ordered(cells, category_axis, dates)
    )
    return Table(
        words.say("chart.table.caption", title=chart_title(figure)), columns, rows, "sp-chart-table"
    )


def _category_labels(axis: dict[str, Any]) -> dict[object, str]:
    """Category value → the label the axis shows (tickvals/ticktext), as plain text."""
    return {
        value: _text(str(text))
        for value, text in zip(axis.get("tickvals", []), axis.get("ticktext", []), strict=False)
    }


def _ordered(cells: dict[object, Any], axis: dict[str, Any], dates: bool) -> Sequence[object]:
    """Categories in the axis's order; dates in time order."""
    if dates:
        return sorted(cells, key=str)
    order = [c for c in axis.get("categoryarray", []) if c in cells]
    return order + [c for c in cells if c not in order]


def _value(value: object, suffix: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, int | float):
        return f"{number(value)}{suffix}"
    return _text(str(value))


def _text(text: object) -> str:
    """A plotly label as plain text: its line breaks become " · ", its entities characters."""
    parts = str(text).split("<br>")
    return " · ".join(html.unescape(part).strip() for part in parts if part.strip())
