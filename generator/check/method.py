"""The method's own rules: SMART goals (a target on the right side of its baseline, enough
history, an ambition the history can support), milestones that make sense, and check-ins that
tell a consistent story. Like references.py, they read the raw data defensively."""

from __future__ import annotations

from typing import Any

from ..numbers import number, signed
from ..words import Words
from .codes import Problem
from .raw import MONTH, day_of, entries, number_of, sub_entries
from .smart import MIN_HISTORY_MONTHS, ambition, wrong_direction


def method_problems(data: Any, words: Words) -> list[Problem]:
    """Every SMART, milestone and check-in problem in one plan's data."""
    if not isinstance(data, dict):
        return []
    period = data.get("period") if isinstance(data.get("period"), dict) else {}
    start, end = day_of(period.get("start")), day_of(period.get("end"))
    problems: list[Problem] = []
    for pointer, goal in entries(data, "goals"):
        problems += _goal_problems(goal, pointer, start, end, words)
    for pointer, task in entries(data, "tasks"):
        problems += _milestone_problems(task, pointer, words)
        problems += _checkin_problems(task, pointer, end, words)
    return problems


def _goal_problems(goal: dict, pointer: str, start, end, words: Words) -> list[Problem]:
    baseline, target = number_of(goal.get("baseline")), number_of(goal.get("target"))
    direction = goal.get("direction", "increase")
    if direction not in ("increase", "decrease"):
        return []
    found: list[Problem] = []
    known = baseline is not None and target is not None
    wrong = known and wrong_direction(baseline, target, direction)
    if wrong:
        key = "target-not-above" if direction == "increase" else "target-not-below"
        message = words.say(key, target=number(target), baseline=number(baseline))
        found.append(Problem("target-direction", f"{pointer}/target", message))
    history = goal.get("history") if isinstance(goal.get("history"), dict) else {}
    months = sorted(
        (m, v)
        for m, v in history.items()
        if isinstance(m, str) and MONTH.fullmatch(m) and number_of(v) is not None
    )
    if len(history) < MIN_HISTORY_MONTHS:  # a malformed month is its own error, not a gap
        where = f"{pointer}/history" if "history" in goal else pointer
        message = words.say("history-short", id=goal.get("id", ""), n=len(history))
        found.append(Problem("history-short", where, message, at_key="history" in goal))
    due = day_of(goal.get("due")) or end
    latest = goal.get("basis", "latest") == "latest"  # a cumulative goal has no level to trend
    if wrong or not known or not latest or start is None or due is None or len(months) < 2:
        return found
    figures = ambition(months, baseline, target, start, due, direction)
    unit = goal.get("unit") if isinstance(goal.get("unit"), str) else ""
    unit = words["unit-points"] if unit.strip() in ("%", "％") else unit
    if figures.beyond_history:
        best = figures.best_month or 0
        moved = best > 0 if direction == "increase" else best < 0
        message = words.say(
            "ambition-stretch" if moved else "ambition-never",
            required=signed(figures.required),
            best=signed(best),
            unit=unit,
        )
        found.append(Problem("ambition", f"{pointer}/target", message))
    if figures.trend_reaches:
        message = words.say(
            "ambition-slack", trend=signed(figures.trend or 0), unit=unit, target=number(target)
        )
        found.append(Problem("ambition", f"{pointer}/target", message))
    return found


def _milestone_problems(task: dict, pointer: str, words: Words) -> list[Problem]:
    start, end = day_of(task.get("start")), day_of(task.get("end"))
    found: list[Problem] = []
    last: float | None = None
    for mp, milestone in sub_entries(task, "milestones", pointer):
        day = day_of(milestone.get("date"))
        if day and start and end and not start <= day <= end:
            message = words.say("milestone-outside-task", day=day, start=start, end=end)
            found.append(Problem("milestone-outside-task", f"{mp}/date", message))
        progress = number_of(milestone.get("progress"))
        if progress is not None and last is not None and progress < last:
            message = words.say(
                "milestone-progress-down", progress=number(progress), last=number(last)
            )
            found.append(Problem("milestone-progress-down", f"{mp}/progress", message))
        last = progress if progress is not None else last
    return found


def _checkin_problems(task: dict, pointer: str, period_end, words: Words) -> list[Problem]:
    start, end = day_of(task.get("start")), day_of(task.get("end"))
    if start and end and start > end:
        end = None  # the window itself is wrong (date-order): no check-in is "after" it
    found: list[Problem] = []
    last: float | None = None
    for cp, checkin in sub_entries(task, "checkins", pointer):
        day = day_of(checkin.get("date"))
        if day and end and day > end:
            beyond = period_end is not None and day > period_end
            key = "checkin-after-period" if beyond else "checkin-after-end"
            message = words.say(key, day=day, end=period_end if beyond else end)
            found.append(Problem("checkin-after-end", f"{cp}/date", message))
        progress = number_of(checkin.get("progress"))
        if progress is not None and last is not None and progress < last:
            message = words.say("progress-down", progress=number(progress), last=number(last))
            found.append(Problem("progress-down", f"{cp}/progress", message))
        last = progress if progress is not None else last
    return found
