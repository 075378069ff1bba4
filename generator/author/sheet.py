"""Rows of a stand-up sheet to import: an Excel workbook (.xlsx) or a CSV file (UTF-8).

Each sheet that has the columns plan, task or goal, date, progress or value (and note, blocker)
gives rows; Chinese headers (计划, 任务, 目标, 日期, 进度, 数值, 说明, 卡点) are read as well as
English ones, and other columns (a task's title) are left alone. A row becomes a check-in (it
names a task) or an actual (it names a goal); a row with nothing to record is skipped, so the
blank sheet of a plan page can go back with only the tasks that moved filled in.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..words import CATALOGUE, Words
from .record import Entry, Refused

# The columns an import reads: the key, then the catalogue words that name it (both languages).
COLUMNS = {
    "plan": ("sheet.plan",),
    "task": ("sheet.task",),
    "goal": ("sheet.goal",),
    "date": ("sheet.date",),
    "progress": ("sheet.progress",),
    "value": ("sheet.value", "sheet.value-other"),
    "note": ("sheet.note", "sheet.note-other"),
    "blocker": ("sheet.blocker",),
}
RECORDED = ("date", "progress", "value", "note", "blocker")  # a row without these is blank
_UNIT = re.compile(r"[\s（(][^）)]*[）)]$")  # `进度（%）`, `progress (%)`
_SLASH_DATE = re.compile(r"(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?")


class SheetError(ValueError):
    """The file cannot be read as a sheet; the message says why."""


@dataclass(frozen=True)
class Row:
    """One row of a sheet: where it is (file, sheet, row number as Excel shows it) and its
    values by column key."""

    file: str
    sheet: str | None
    number: int
    values: dict[str, Any]

    @property
    def blank(self) -> bool:
        return all(_empty(self.values.get(key)) for key in RECORDED)


def _names() -> dict[str, str]:
    names = {}
    for key, entries in COLUMNS.items():
        for entry in entries:
            for word in CATALOGUE[entry]:
                names[_normal(word)] = key
    return names


def _normal(header: Any) -> str:
    text = str(header or "").strip().lower()
    return _UNIT.sub("", text).replace(" ", "").replace("_", "")


def read_rows(path: Path, shown: str, words: Words) -> list[Row]:
    """Every row with something to record, from each sheet of the file that has the columns."""
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        tables = _xlsx(path, shown, words)
    elif suffix == ".csv":
        tables = [(None, _csv(path, shown, words))]
    else:
        raise SheetError(words.say("imp-kind", file=shown))
    rows: list[Row] = []
    found = False
    for sheet, cells in tables:
        header, body = _header(cells)
        if header is None:
            continue
        found = True
        for number, values in body:
            row = Row(
                shown, sheet, number, {k: values[i] for i, k in header.items() if i < len(values)}
            )
            if not row.blank:
                rows.append(row)
    if not found:
        raise SheetError(words.say("imp-no-columns", file=shown))
    return rows


def _header(cells: Iterable[tuple[int, list[Any]]]) -> tuple[dict[int, str] | None, Iterator]:
    names = _names()
    rows = iter(cells)
    for _, values in rows:
        header = {i: names[_normal(v)] for i, v in enumerate(values) if _normal(v) in names}
        keys = set(header.values())
        if "plan" in keys and ("task" in keys or "goal" in keys):
            return header, rows
    return None, iter(())


def _xlsx(path: Path, shown: str, words: Words) -> list[tuple[str, list]]:
    from openpyxl import load_workbook  # only imports need it

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is no workbook
        raise SheetError(words.say("imp-unreadable", file=shown, reason=error)) from None
    try:
        return [
            (sheet.title, [(n, [_cell(c) for c in r]) for n, r in enumerate(sheet.iter_rows(), 1)])
            for sheet in book.worksheets
        ]
    finally:
        book.close()


def _cell(cell: Any) -> Any:
    """A cell's value; a number Excel shows as a percentage (40% is 0.4) as the plan writes it."""
    value = getattr(cell, "value", None)
    number_format = getattr(cell, "number_format", None) or ""
    if isinstance(value, int | float) and not isinstance(value, bool) and "%" in number_format:
        return round(value * 100, 10)
    return value


def _csv(path: Path, shown: str, words: Words) -> list[tuple[int, list]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SheetError(words.say("imp-not-utf8", file=shown)) from None
    except OSError as error:
        raise SheetError(words.say("imp-unreadable", file=shown, reason=error.strerror)) from None
    # csv counts lines, not records: a note with a line break spans two lines of one row
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = []
    for values in reader:
        rows.append((reader.line_num, values))
    return rows


def entry_of(row: Row, today: date, words: Words) -> tuple[str, Entry]:
    """(the plan, the entry) a row records; Refused with the reason when it cannot."""
    values = row.values
    plan = _text(values.get("plan"))
    task, goal = _text(values.get("task")), _text(values.get("goal"))
    if not plan:
        raise Refused(words["imp-no-plan"])
    if bool(task) == bool(goal):
        raise Refused(words["imp-task-or-goal"])
    day = _day(values.get("date"), today, words)
    note = _text(values.get("note")) or None
    if task:
        progress = _number(values.get("progress"), "sheet.progress", words)
        fields = {
            "progress": progress,
            "note": note,
            "blocker": _text(values.get("blocker")) or None,
        }
        return plan, Entry("checkin", task, day, fields)
    value = _number(values.get("value"), "sheet.value", words)
    return plan, Entry("actual", goal, day, {"value": value, "note": note})


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    if _empty(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _day(value: Any, today: date, words: Words) -> date:
    if _empty(value):
        return today
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    match = _SLASH_DATE.fullmatch(text)
    try:
        if match:
            return date(int(match[1]), int(match[2]), int(match[3]))
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise Refused(words.say("imp-bad-date", value=text))


def _number(value: Any, column: str, words: Words) -> float:
    if _empty(value):
        raise Refused(words.say("imp-no-number", column=words[column]))
    number = read_number(value)
    if number is None:
        raise Refused(words.say("imp-bad-number", column=words[column], value=value))
    return number


def read_number(value: Any) -> float | None:
    """A number as people type it: 60, 60%, ６０, 1,250 (whole numbers as ints); None if none."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().rstrip("%％").strip().replace(",", "").replace("，", "")
        try:
            number = float(text)  # also reads full-width digits (４０)
        except ValueError:
            return None
    if not math.isfinite(number):
        return None
    return int(number) if number.is_integer() else number
