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

from markupsafe import Markup

from ..words import Words
from . import chart_embed
from .cells import Table
from .format import number
from .markup import render_template


def chart_with_table(
    figure: dict[str, Any], chart_id: str, words: Words, first_column: str
) -> Markup:
    """A chart with its figures as a table (its text alternative), for a Markdown page.

    The chart is a <figure> named by its caption, which holds the table: no ARIA role on the
    chart itself, whose toolbar buttons a role such as "img" would hide.
    """
    # chart_embed writes the figure JSON safely; its snippet is trusted markup.
    block = Markup(chart_embed.chart_block(figure, chart_id))
    data = chart_table(figure, words, first_column)
    return Markup(render_template("_chart.html.j2", words=words, block=block, data=data).strip())


def chart_title(figure: dict[str, Any]) -> str:
    """The chart's title as plain text (plotly's title is HTML-escaped)."""
    title = figure.get("layout", {}).get("title", {})
    text = title.get("text", "") if isinstance(title, dict) else str(title)
    return html.unescape(text)


def chart_table(figure: dict[str, Any], words: Words, first_column: str) -> Table:
    """The figures of a chart: a row per category or date, a column per series.

    `first_column` is the words key naming the categories ("chart.table.team"); a date axis
    is always called a date. A bar that shows its text (a percentage) or a Gantt bar (its
    length is a duration) shows its text; any other point its value with the axis's suffix
    (`%`), followed by its text when it has one (a revision).
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
        text_only = trace.get("base") is not None or trace.get("textposition", "none") != "none"
        for i, (category, value) in enumerate(zip(categories, values, strict=False)):
            text = _text(texts[i]) if texts and i < len(texts) else ""
            shown = text if text_only and text else _value(value, suffix)
            if text and not text_only and shown is not None:
                shown = f"{shown} · {text}"
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
