"""The blank stand-up sheet of a plan (an Excel workbook), downloadable from its plan page.

One sheet of check-ins (a row per task: plan, task, its title, then date, progress, note and
blocker to fill in) and one of actuals (a row per goal). `salesplan import` reads it back with
the same columns; rows left empty are skipped. The bytes depend only on the plan and the words:
the workbook's dates are fixed and XlsxWriter dates every zip entry 1980-01-01.
"""

from __future__ import annotations

import io

import xlsxwriter

from ..model import Plan
from ..words import Words
from .downloads import WORKBOOK_TIME

# The time XlsxWriter gives every zip entry of the workbook (never the clock).
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
CHECKIN_COLUMNS = ("plan", "task", "task_title", "date", "progress", "note", "blocker")
ACTUAL_COLUMNS = ("plan", "goal", "metric", "date", "value", "note")
WIDTHS = {"task_title": 36, "metric": 28, "note": 40, "blocker": 30, "plan": 24, "task": 20}


def sheet_path(plan_id: str) -> str:
    """Where the blank sheet of a plan is in the site."""
    return f"teams/{plan_id}/standup.xlsx"


def standup_sheet(plan: Plan, words: Words) -> bytes:
    """The workbook's bytes: header rows bold and frozen, the date columns shown as dates, every
    text written as text (a task title starting with `=` is no formula)."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False})
    book.set_properties({"author": "salesplan", "created": WORKBOOK_TIME})
    bold = book.add_format({"bold": True})
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheets = (
        (words["sheet.checkins"], CHECKIN_COLUMNS, [(plan.id, t.id, t.title) for t in plan.tasks]),
        (words["sheet.actuals"], ACTUAL_COLUMNS, [(plan.id, g.id, g.metric) for g in plan.goals]),
    )
    for name, columns, filled in sheets:
        sheet = book.add_worksheet(name)
        for index, column in enumerate(columns):
            width = WIDTHS.get(column, 12)
            # dates typed as text stay YYYY-MM-DD; the date column shows dates as dates
            sheet.set_column(index, index, width, day if column == "date" else None)
            sheet.write_string(0, index, words[f"sheet.{column}"], bold)
        for line, row in enumerate(filled, start=1):
            for index, value in enumerate(row):
                sheet.write_string(line, index, value)
        sheet.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()
