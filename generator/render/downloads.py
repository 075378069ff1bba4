"""The template tables as downloads for Excel: a CSV per table (UTF-8 with BOM, so Excel reads
Chinese) and one workbook per plan with a sheet per table. Numbers stay numbers, dates stay
dates, and a text that Excel would take for a formula is written as text. Deterministic: the
same tables give the same bytes (the workbook's timestamps are fixed)."""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date, datetime

import xlsxwriter

from ..compute import PlanMetrics
from ..words import Words
from .cells import Code, Day, Editable, Figure, Group, Lines, Link, Span, Status, Table
from .paths import table_csv_path, workbook_path
from .tables import template_tables

# A text starting with one of these is a formula to Excel (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# The workbook's creation time: fixed, so two builds give the same bytes.
WORKBOOK_TIME = datetime(2000, 1, 1)
MAX_COLUMN_WIDTH = 60


def plain(value: object) -> object:
    """A cell as Excel should hold it: a number, a date, text, or None for an empty cell."""
    if isinstance(value, Editable):
        return plain(value.value)
    if isinstance(value, Figure):
        return value.value
    if isinstance(value, Day):
        return value.value
    if isinstance(value, Lines):
        return "\n".join(str(plain(item)) for item in value.items if item is not None) or None
    if isinstance(value, Status | Link | Code):
        return value.text
    if isinstance(value, str):
        return value or None
    return value


def rows(table: Table) -> Iterator[list[object]]:
    """The table's rows as plain values, one list per row; a spanning cell fills every row it
    spans, a group row is its text in the first column."""
    width = len(table.columns)
    pending: dict[int, tuple[object, int]] = {}  # column → (value, rows still to fill)
    for row in table.rows:
        if isinstance(row, Group):
            yield [row.text] + [None] * (width - 1)
            continue
        cells = iter(row)
        out: list[object] = []
        for column in range(width):
            if column in pending:
                value, left = pending[column]
                out.append(value)
                if left > 1:
                    pending[column] = (value, left - 1)
                else:
                    del pending[column]
                continue
            cell = next(cells, None)
            if isinstance(cell, Span):
                if cell.rows > 1:
                    pending[column] = (plain(cell.value), cell.rows - 1)
                cell = cell.value
            out.append(plain(cell))
        yield out


def csv_bytes(table: Table) -> bytes:
    """The table as CSV for Excel: UTF-8 with a byte-order mark, a header row, one row per
    table row; a text that would start a formula is prefixed with an apostrophe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.columns)
    for row in rows(table):
        writer.writerow([_csv_value(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value == int(value):
        return int(value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def workbook_bytes(tables: Sequence[Table], sheet_names: Sequence[str], title: str) -> bytes:
    """A workbook with one sheet per table: header row frozen and bold, column widths set,
    numbers and dates typed, every text written as text (never as a formula)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    book.set_properties({"title": title, "created": WORKBOOK_TIME})
    header = book.add_format({"bold": True, "bg_color": "#E8EAF6", "text_wrap": True})
    text = book.add_format({"text_wrap": True, "valign": "top"})
    day = book.add_format({"num_format": "yyyy-mm-dd", "valign": "top"})
    for table, name in zip(tables, sheet_names, strict=True):
        sheet = book.add_worksheet(name)
        sheet.freeze_panes(1, 0)
        widths = [_width(c) for c in table.columns]
        for column, label in enumerate(table.columns):
            sheet.write_string(0, column, label, header)
        for line, row in enumerate(rows(table), start=1):
            for column, value in enumerate(row):
                if value is None:
                    continue
                if isinstance(value, date):
                    sheet.write_datetime(
                        line, column, datetime.combine(value, datetime.min.time()), day
                    )
                    widths[column] = max(widths[column], 11)
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    sheet.write_number(line, column, value)
                    widths[column] = max(widths[column], len(str(value)) + 2)
                else:
                    sheet.write_string(line, column, str(value), text)
                    widths[column] = max(widths[column], _width(str(value)))
        for column, width in enumerate(widths):
            sheet.set_column(column, column, min(width + 2, MAX_COLUMN_WIDTH))
    book.close()
    return buffer.getvalue()


def _width(text: str) -> int:
    """Display width in Excel's units: a Chinese character counts twice; the longest line."""
    return max(
        (
            sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
            for line in text.split("\n")
        ),
        default=0,
    )


def plan_downloads(pm: PlanMetrics, words: Words) -> dict[str, bytes]:
    """The six template tables of a plan as CSV files and as one workbook, by site path."""
    tables = template_tables(pm, words)
    files = {table_csv_path(pm.plan.id, n): csv_bytes(table) for n, table in enumerate(tables, 1)}
    names = [_sheet_name(table.title) for table in tables]
    title = f"{pm.plan.team} · {pm.plan.period.name}"
    files[workbook_path(pm.plan.id)] = workbook_bytes(tables, names, title)
    return files


def _sheet_name(title: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title)
    return cleaned[:31]
