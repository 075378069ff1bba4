"""Table markup, written in Python: the `table` and `cell` macros of templates/_table.html.j2.

A page of a large company holds thousands of cells; a recursive Jinja2 macro per cell was most
of the render time. These functions write the same bytes the macros wrote (the macros now call
them), and escape every value the way Jinja2's autoescape does (markupsafe).
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from .cells import Code, Day, Editable, Figure, Group, Lines, Link, Span, Status, Table
from .markup import markdown_inline, plain_text

_NONE = '<span class="sp-none">—</span>'
_TO_ESCAPE = re.compile(r"[&<>'\"]")  # what markupsafe's escape changes


def cell_html(value: object) -> Markup:
    """One cell's content (see cells.py for what each kind of value shows)."""
    return Markup(_cell(value))


def _cell(value: object) -> str:
    kind = type(value)
    if kind is str:  # the commonest cell
        return _text(value) if value else _NONE
    if value is None or value == "" or (kind is Lines and not value.items):
        return _NONE
    if kind is Status:
        return (
            f'<span class="sp-status sp-{escape(value.kind)}-{escape(value.name)}" '
            f'title="{escape(value.label)}"><span class="sp-icon" aria-hidden="true">'
            f"{escape(value.icon)}</span> {plain_text(value.text)}</span>"
        )
    if kind is Editable:
        label = escape(value.label)
        return (
            f'{_cell(value.value)} <a class="sp-edit" href="{escape(value.href)}" '
            f'title="{label}" aria-label="{label}">✎</a>'
        )
    if kind is Link:
        return f'<a href="{escape(value.href)}">{plain_text(value.text)}</a>'
    if kind is Code:
        return f"<code>{escape(value.text)}</code>"
    if kind is Figure:
        return str(escape(value.text))
    if kind is Day:
        return value.value.isoformat()
    if kind is Lines:
        return "<br>".join(_cell(item) for item in value.items)
    return str(plain_text(value))


def _text(text: str) -> str:
    """`plain_text(text)` as a str, sooner for the commonest text: one printable line (no line
    break, no blank but single spaces inside), nothing to escape."""
    if text.isprintable() and "  " not in text and text[0] != " " and text[-1] != " ":
        return str(escape(text)) if _TO_ESCAPE.search(text) else text
    return str(plain_text(text))


def table_html(t: Table, heading: str, empty: str) -> Markup:
    """A whole table block: an optional Markdown heading, then the scrolling box and its table.

    `heading` is the Markdown heading mark ("###"; "" for none); `empty` is what a table without
    rows says. A table of one row (`sp-stack`) is stacked on phones: each cell carries its
    column's name. The box is a named region that takes the keyboard focus, so that it can be
    scrolled sideways without a mouse.
    """
    out: list[str] = []
    if t.title and heading:
        out.append(f"{escape(heading)} {markdown_inline(t.title)}\n\n")
    columns = [str(escape(column)) for column in t.columns]
    width = len(columns)
    stacked = "sp-stack" in t.css.split()
    label = escape(t.title) if t.title else Markup(" · ").join(t.columns)
    skip = "" if t.searchable else " data-search-exclude"  # Material's search skips it
    out.append(
        f'<div class="sp-table {escape(t.css)}" role="region" tabindex="0" aria-label="{label}"'
        f"{skip}>\n<table>\n<thead><tr>"
    )
    out.extend(f"<th>{column}</th>" for column in columns)
    out.append("</tr></thead>\n<tbody>\n")
    for row in t.rows:
        if isinstance(row, Group):
            group = plain_text(row.text)
            out.append(f'<tr class="sp-group"><th colspan="{width}">{group}</th></tr>\n')
        elif stacked:
            cells = (
                f'<td data-label="{columns[i]}">{_cell(value)}</td>' for i, value in enumerate(row)
            )
            out.append(f"<tr>{''.join(cells)}</tr>\n")
        else:
            out.append(f"<tr>{''.join(map(_row_cell, row))}</tr>\n")
    if not t.rows:
        out.append(f'<tr class="sp-empty"><td colspan="{width}">{escape(empty)}</td></tr>\n')
    out.append("</tbody>\n</table>\n</div>")
    return Markup("".join(out))


def _row_cell(value: object) -> str:
    if type(value) is Span:
        return f'<td rowspan="{value.rows}">{_cell(value.value)}</td>'
    return f"<td>{_cell(value)}</td>"
