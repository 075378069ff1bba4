"""The blank stand-up sheet of a plan (an Excel workbook), downloadable from its plan page.

One sheet of check-ins (a row per task: plan, task, its title, then date, progress, note and
blocker to fill in) and one of actuals (a row per goal). `salesplan import` reads it back with
the same columns; rows left empty are skipped. The bytes depend only on the plan and the words:
the workbook's dates are fixed and the zip entries carry no clock time.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

from ..model import Plan
from ..words import Words

# The workbook's creation date and every zip entry's time: fixed, so builds are byte-identical.
FIXED_TIME = datetime(2000, 1, 1)
ZIP_TIME = (2000, 1, 1, 0, 0, 0)
CORE_PROPERTIES = "docProps/core.xml"  # the workbook's creator, created and modified dates
CHECKIN_COLUMNS = ("plan", "task", "task_title", "date", "progress", "note", "blocker")
ACTUAL_COLUMNS = ("plan", "goal", "metric", "date", "value", "note")
WIDTHS = {"task_title": 36, "metric": 28, "note": 40, "blocker": 30, "plan": 24, "task": 20}


def sheet_path(plan_id: str) -> str:
    """Where the blank sheet of a plan is in the site."""
    return f"teams/{plan_id}/standup.xlsx"


def standup_sheet(plan: Plan, words: Words) -> bytes:
    """The workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.xml.functions import tostring

    book = Workbook()
    book.properties.creator = "salesplan"
    book.properties.created = book.properties.modified = FIXED_TIME
    checkins = book.active
    checkins.title = words["sheet.checkins"]
    actuals = book.create_sheet(words["sheet.actuals"])
    rows = {
        checkins: (CHECKIN_COLUMNS, [(plan.id, t.id, t.title) for t in plan.tasks]),
        actuals: (ACTUAL_COLUMNS, [(plan.id, g.id, g.metric) for g in plan.goals]),
    }
    for sheet, (columns, filled) in rows.items():
        sheet.append([words[f"sheet.{c}"] for c in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in filled:
            sheet.append(list(row))
        for index, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(column, 12)
        # dates typed as text stay YYYY-MM-DD; the date column shows dates as dates
        for cell in sheet[get_column_letter(columns.index("date") + 1)][1:]:
            cell.number_format = "yyyy-mm-dd"
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    # saving stamps the workbook "modified" now: the document properties are written again
    book.properties.modified = FIXED_TIME
    core = tostring(book.properties.to_tree())
    return _without_clock(buffer.getvalue(), {CORE_PROPERTIES: core})


def _without_clock(data: bytes, replaced: dict[str, bytes]) -> bytes:
    """The same zip with every entry dated ZIP_TIME (openpyxl stamps them with the clock) and
    the entries of `replaced` written anew."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, replaced.get(info.filename) or source.read(info.filename))
    return out.getvalue()
