"""Check-ins, actuals and 1:1s recorded in a plan file: what makes one refused, and the edit.

`record` adds one entry in date order (or replaces the one of the same day, when asked), reads
the file back and compares it with the data it meant to write. The plan's own rules (the schema,
dates, the method's warnings) are applied to the result by the check stage, before anything is
written (see commands/record.py); the refusals here are the ones a person makes most often,
said in their words.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from ..diagnostic import Diagnostic
from ..load import LoadedFile, parse_plan_text
from ..numbers import number
from ..words import Words
from .splice import Source, SpliceError, add_entry
from .yaml_text import Plain

Kind = Literal["checkin", "actual", "help"]
# Where each kind of entry lives: (the list of the plan, the list in its entry, the fields).
LISTS: dict[Kind, tuple[str, str, tuple[str, ...]]] = {
    "checkin": ("tasks", "checkins", ("date", "progress", "note", "blocker")),
    "actual": ("goals", "actuals", ("date", "value", "note")),
    "help": ("tasks", "help", ("date", "by", "note", "actions")),
}


@dataclass(frozen=True)
class Entry:
    """One thing to record: a task's check-in, a goal's actual, or a 1:1 about a task."""

    kind: Kind
    target: str  # the task's or the goal's id
    day: date
    values: dict[str, Any] = field(default_factory=dict)  # progress/value/by, note, blocker…
    replace: bool = False  # replace the entry of the same day
    late: bool = False  # a check-in after the task's end is meant (the work finished late)

    def fields(self) -> dict[str, Any]:
        """The entry as the plan writes it, in the format's order, empty values left out."""
        values = {"date": self.day.isoformat(), **self.values}
        if isinstance(values.get("by"), str):
            values["by"] = Plain(values["by"])  # a member id, written as ids are
        order = LISTS[self.kind][2]
        return {k: values[k] for k in order if values.get(k) not in (None, "", [], ())}


class Refused(ValueError):
    """The entry cannot be recorded; the message says why, in the user's language."""


@dataclass(frozen=True)
class Recorded:
    """A plan file with one more entry: its new text, as loaded, and where the entry is."""

    source: Source
    loaded: LoadedFile
    pointer: str  # e.g. /tasks/6/checkins/7


def record(
    source: Source, loaded: LoadedFile, entry: Entry, *, today: date, words: Words
) -> Recorded:
    """The file with `entry` in place; Refused when it cannot or must not be recorded."""
    data = loaded.data
    plan_id = str(data.get("id", ""))
    list_key, entries_key, _ = LISTS[entry.kind]
    index_of = {item.get("id"): i for i, item in enumerate(data.get(list_key) or ())}
    if entry.target not in index_of:
        key = "rec-unknown-goal" if list_key == "goals" else "rec-unknown-task"
        known = ", ".join(str(k) for k in index_of) or words["none-yet"]
        raise Refused(words.say(key, plan=plan_id, id=entry.target, known=known))
    owner_pointer = f"/{list_key}/{index_of[entry.target]}"
    owner = data[list_key][index_of[entry.target]]
    _refuse_values(entry, data, owner, today, words)
    existing = owner.get(entries_key) or []
    index, replace = _place(existing, entry, words)
    expected = copy.deepcopy(data)
    items = expected[list_key][index_of[entry.target]].setdefault(entries_key, [])
    items[index : index + (1 if replace else 0)] = [entry.fields()]
    pointer = f"{owner_pointer}/{entries_key}"
    try:
        changed = add_entry(source, loaded, pointer, entry.fields(), index, replace=replace)
    except (SpliceError, ValueError):
        raise Refused(words.say("rec-layout", file=loaded.file, pointer=pointer)) from None
    again = parse_plan_text(changed.encoded(), LoadedFile(loaded.file), words=words)
    if again.diagnostics or again.data != expected or again.body != loaded.body:
        raise Refused(words.say("rec-layout", file=loaded.file, pointer=pointer))
    return Recorded(changed, again, f"{pointer}/{index}")


def _refuse_values(entry: Entry, data: dict, owner: dict, today: date, words: Words) -> None:
    """The refusals people need most, before the plan's rules are applied."""
    day = entry.day
    if entry.kind == "help":
        members = [m.get("id") for m in data.get("members") or ()]
        by = entry.values.get("by")
        if by not in members:
            known = ", ".join(str(m) for m in members)
            raise Refused(words.say("rec-unknown-member", by=by, known=known))
    if entry.kind == "checkin":
        progress = entry.values.get("progress")
        if not (math.isfinite(progress) and 0 <= progress <= 100):
            shown = number(progress) if math.isfinite(progress) else str(progress)
            raise Refused(words.say("rec-progress", value=shown))
    if day > today:
        raise Refused(words.say("rec-future", day=day, today=today))
    if entry.kind == "checkin":
        start, end = date.fromisoformat(owner["start"]), date.fromisoformat(owner["end"])
        if day < start:
            raise Refused(words.say("rec-before-start", day=day, start=start, id=entry.target))
        if day > end and not entry.late:
            raise Refused(words.say("rec-after-end", day=day, end=end, id=entry.target))
        return
    period = data["period"]
    start, end = date.fromisoformat(period["start"]), date.fromisoformat(period["end"])
    if not start <= day <= end:
        raise Refused(words.say("rec-outside-period", day=day, start=start, end=end))


def _place(existing: Sequence[dict], entry: Entry, words: Words) -> tuple[int, bool]:
    """(where the entry goes so dates stay in order, whether it replaces the one there)."""
    day = entry.day.isoformat()
    for index, item in enumerate(existing):
        if item.get("date") == day:
            if entry.replace:
                return index, True
            raise Refused(
                words.say(f"rec-duplicate-{entry.kind}", day=day, id=entry.target, was=_shown(item))
            )
    later = [i for i, item in enumerate(existing) if str(item.get("date", "")) > day]
    return (later[0] if later else len(existing)), False


def _shown(item: dict) -> str:
    """What the entry of that day says: `60%`, `104`, `wang-lei`."""
    for key, suffix in (("progress", "%"), ("value", ""), ("by", "")):
        if key in item:
            value = item[key]
            return (number(value) + suffix) if isinstance(value, int | float) else str(value)
    return ""


def entry_problems(diagnostics: Sequence[Diagnostic], file: str, pointer: str) -> list[Diagnostic]:
    """The diagnostics of `file` that concern the entry at `pointer`, worst first."""
    found = [
        d
        for d in diagnostics
        if d.file == file and (d.pointer == pointer or d.pointer.startswith(pointer + "/"))
    ]
    return sorted(found, key=lambda d: d.severity != "error")
