"""The next cycle's plan, started from the last one (`salesplan new ID --from PLAN`).

What carries over and what starts afresh (SPEC §1, stage 6: update the plan for the next cycle):
- `previous` names the last plan; members, goals, base data, diagnosis, root causes,
  strategies, cadence and the help rule carry over;
- a goal's baseline becomes its latest actual (`latest` goals), its old actuals go to its
  `history` month by month, and a target the team already reached is raised by the same step;
- unfinished tasks carry over with their windows and milestones moved into the new period;
- the last review's next actions become tasks of the strategies they name;
- check-ins, actuals, 1:1s and reviews start empty;
- the period's name is replaced in the text, and other period words are pointed out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..check.smart import wrong_direction
from ..model import Goal, NextAction, Period, Plan, Task
from ..numbers import number
from ..words import Words
from .period import clamp_day, spread

TITLE_LIMIT = 200  # a task title is a short text (the schema's label)
# Fields that carry over as they are, in the order a plan writes them.
CARRIED = ("members", "goals", "context", "diagnosis", "root_causes", "strategies", "tasks")
SETTINGS = ("cadence", "alert")
# Words that name a period in a plan's text: they may still speak of the last cycle.
PERIOD_WORDS = re.compile(
    r"\d{4}\s*年|[一二三四1-4]\s*季度|[上下]\s*半年|\d{1,2}\s*月份?|\bQ[1-4]\b|\bH[12]\b"
    r"|\b(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b",
    re.IGNORECASE,
)


@dataclass
class NextCycle:
    """The new plan's fields (with the comments that explain what was carried), its text, and
    what a person should look at."""

    data: dict[str, Any]
    comments: dict[str, tuple[str, ...]] = field(default_factory=dict)
    body: str = ""
    carried: list[str] = field(default_factory=list)  # ids of the tasks carried over
    from_actions: list[str] = field(default_factory=list)  # ids of the tasks made from actions
    skipped: list[str] = field(default_factory=list)  # actions that already were tasks
    retargeted: list[str] = field(default_factory=list)  # goals whose target had to move
    flagged: list[tuple[int, str]] = field(default_factory=list)  # body lines (1-based), text


def next_cycle(
    previous: Plan, raw: dict[str, Any], plan_id: str, period: Period, words: Words
) -> NextCycle:
    """The next plan of `previous` (typed, and `raw` as its file holds it) for `period`."""
    result = NextCycle(data={})
    data = result.data
    data["schema"] = 1
    data["id"] = plan_id
    for key in ("team", "region", "manager"):
        if key in raw:
            data[key] = raw[key]
    data["previous"] = previous.id
    data["period"] = {
        "name": period.name,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
    }
    result.comments["/previous"] = (
        words.say("nc-header", previous=previous.id, period=previous.period.name),
    )
    for key in CARRIED:
        if key == "goals":
            data["goals"] = _goals(previous, raw, period, result, words)
        elif key == "tasks":
            tasks = _carried_tasks(previous, raw, period, result, words)
            tasks += _action_tasks(previous, raw, period, result, tasks, words)
            if tasks:
                data["tasks"] = tasks
        elif key in raw:
            data[key] = raw[key]
    if "diagnosis" in data:
        result.comments["/diagnosis"] = (words["nc-diagnosis"],)
    for key in SETTINGS:
        if key in raw:
            data[key] = raw[key]
    result.body, result.flagged = _body(previous.body, previous.period.name, period.name)
    return result


def _goals(previous: Plan, raw: dict, period: Period, result: NextCycle, words: Words) -> list:
    goals = []
    for index, (goal, fields) in enumerate(zip(previous.goals, raw["goals"], strict=True)):
        new = {k: v for k, v in fields.items() if k not in ("actuals", "last_year")}
        first_month = period.start.strftime("%Y-%m")  # history lies before the period
        history = {m: v for m, v in (fields.get("history") or {}).items() if m < first_month}
        history.update(_months(goal, period.start))
        if history:
            new["history"] = dict(sorted(history.items()))
        notes = [words["nc-goal"]]
        latest = goal.actuals and goal.basis == "latest"
        if latest:
            last = max(goal.actuals, key=lambda a: a.date)
            new["baseline"] = last.value
            notes.append(words.say("nc-baseline", value=number(last.value), day=last.date))
        baseline = new.get("baseline", goal.baseline)
        if wrong_direction(baseline, goal.target, goal.direction):
            new["target"] = baseline + (goal.target - goal.baseline)
            result.retargeted.append(goal.id)
            notes.append(words.say("nc-retarget", target=number(new["target"])))
        if "due" in fields:
            new["due"] = spread(goal.due, previous.period, period).isoformat()
        if "last_year" in fields:
            notes.append(words["nc-last-year"])
        result.comments[f"/goals/{index}"] = tuple(notes)
        goals.append(_ordered_like(new, fields))
    return goals


def _months(goal: Goal, before: date) -> dict[str, float]:
    """The period's actuals by month (before the new period): a `latest` goal's last value of
    each month, a `cumulative` goal's sum of the month."""
    months: dict[str, float] = {}
    for actual in sorted(goal.actuals, key=lambda a: a.date):
        if actual.date >= before.replace(day=1):
            continue
        month = actual.date.strftime("%Y-%m")
        if goal.basis == "cumulative":
            months[month] = months.get(month, 0) + actual.value
        else:
            months[month] = actual.value
    return months


def _unfinished(task: Task) -> bool:
    last = max(task.checkins, key=lambda c: c.date) if task.checkins else None
    return task.state != "cancelled" and (last is None or last.progress < 100)


def _carried_tasks(previous: Plan, raw: dict, period: Period, result: NextCycle, words) -> list:
    tasks = []
    for task, fields in zip(previous.tasks, raw.get("tasks") or (), strict=True):
        if not _unfinished(task):
            continue
        offset = period.start - task.start
        start = period.start
        end = clamp_day(task.end + offset, start, period.end)
        new = {k: v for k, v in fields.items() if k not in ("checkins", "help")}
        new["start"], new["end"] = start.isoformat(), end.isoformat()
        if task.milestones:
            new["milestones"] = [
                {**m, "date": clamp_day(day + offset, start, end).isoformat()}
                for m, day in zip(
                    fields["milestones"], (m.date for m in task.milestones), strict=True
                )
            ]
        last = max(task.checkins, key=lambda c: c.date) if task.checkins else None
        note = words.say(
            "nc-carried", period=previous.period.name, progress=number(last.progress if last else 0)
        )
        if last is not None and last.blocker:
            note += words.say("nc-blocker", blocker=last.blocker)
        result.comments[f"/tasks/{len(tasks)}"] = (note,)
        result.carried.append(task.id)
        tasks.append(new)
    return tasks


def _last_review_actions(previous: Plan, raw: dict) -> list[tuple[NextAction, dict, str]]:
    if not previous.reviews:
        return []
    index = max(range(len(previous.reviews)), key=lambda i: previous.reviews[i].date)
    review, fields = previous.reviews[index], raw["reviews"][index]
    return [
        (action, action_fields, review.period)
        for action, action_fields in zip(
            review.next_actions, fields.get("next_actions") or (), strict=True
        )
    ]


def _action_tasks(
    previous: Plan, raw: dict, period: Period, result: NextCycle, carried: list, words: Words
) -> list:
    """A task for each next action of the last review that is not a task already."""
    titles = [t.title for t in previous.tasks]
    taken = {t.id for t in previous.tasks} | {t["id"] for t in carried}
    tasks: list[dict] = []
    for action, fields, review in _last_review_actions(previous, raw):
        if any(t in action.action or action.action in t for t in titles):
            result.skipped.append(action.action)
            continue
        task_id = _free_id(taken)
        taken.add(task_id)
        new: dict[str, Any] = {"id": task_id}
        if action.strategy:
            new["strategy"] = action.strategy
        new["title"] = _title(action.action)
        new["owner"] = fields.get("owner", previous.manager)
        new["start"] = period.start.isoformat()
        due = action.due if action.due and period.start <= action.due <= period.end else None
        new["end"] = (due or period.end).isoformat()
        if len(action.action) > TITLE_LIMIT:
            new["deliverable"] = action.action
        finding = _finding_text(previous, action)
        note = words.say("nc-action", review=review)
        if finding:
            note += words.say("nc-finding", finding=finding)
        result.comments[f"/tasks/{len(carried) + len(tasks)}"] = (note,)
        result.from_actions.append(task_id)
        tasks.append(new)
    return tasks


def _free_id(taken: set[str]) -> str:
    n = 1
    while f"t-next-{n}" in taken:
        n += 1
    return f"t-next-{n}"


def _title(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= TITLE_LIMIT else flat[: TITLE_LIMIT - 1] + "…"


def _finding_text(previous: Plan, action: NextAction) -> str | None:
    if not action.finding:
        return None
    for review in previous.reviews:
        for finding in review.findings:
            if finding.id == action.finding:
                return finding.text
    return None


def _body(body: str, old_name: str, new_name: str) -> tuple[str, list[tuple[int, str]]]:
    """The text with the old period's name replaced, and the lines still naming a period."""
    text = body.replace(old_name, new_name) if old_name else body
    flagged = []
    for number_, line in enumerate(text.split("\n"), start=1):
        if PERIOD_WORDS.search(line.replace(new_name, "")):
            flagged.append((number_, line.strip()))
    return text, flagged


def _ordered_like(new: dict, fields: dict) -> dict:
    """`new` with its keys in the order of the original entry, new keys last."""
    ordered = {k: new[k] for k in fields if k in new}
    ordered.update({k: v for k, v in new.items() if k not in ordered})
    return ordered
