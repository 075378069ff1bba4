"""Task figures (SPEC §4): planned and actual progress, the behind streak, the help rule,
status, staleness, the blocker as of A, and whether the task needs the manager's attention."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from ..model import Checkin, Plan, Task
from .arithmetic import EPSILON, by_date, clamp

TaskStatus = Literal[
    "not_started", "on_track", "behind", "help_needed", "overdue", "blocked", "done", "cancelled"
]
TASK_STATUSES: tuple[TaskStatus, ...] = get_args(TaskStatus)

STALE_AFTER_DAYS = 2  # stale: the last check-in is more than this many days before A
# The statuses that put a task on the alerts page and the stand-up; a task that is only
# "behind" (fewer days than the help rule's threshold) is not an alert yet.
ATTENTION_STATUSES: tuple[TaskStatus, ...] = ("help_needed", "overdue", "blocked")


@dataclass(frozen=True)
class TaskDay:
    day: date
    planned: float
    actual: float
    behind: bool


@dataclass(frozen=True)
class TaskMetrics:
    task: Task
    status: TaskStatus
    planned: float  # planned % on the as-of date
    actual: float  # actual % on the as-of date
    days_behind: int  # consecutive behind streak ending at the as-of date
    help_needed: bool  # the help rule fired; also true for an overdue or blocked task
    stale: bool
    last_checkin: date | None  # the last check-in on or before the as-of date
    days: tuple[TaskDay, ...]  # start .. min(as_of, end), for burn-up charts
    blocker: str | None = None  # the blocker of the last check-in on or before the as-of date
    needs_attention: bool = False  # an alert: help needed, overdue, blocked or stale
    days_quiet: int | None = None  # days from the last check-in to the as-of date


def planned_percent(task: Task, day: date) -> float:
    """planned(d) = 100·clamp((d − start + 1) / (end − start + 1), 0, 1)."""
    length = (task.end - task.start).days + 1
    return 100.0 * clamp(((day - task.start).days + 1) / length, 0.0, 1.0)


def task_metrics(task: Task, plan: Plan, as_of: date) -> TaskMetrics:
    """Planned and actual progress, the behind streak, the help rule, status and staleness."""
    checkins = by_date(task.checkins)
    tolerance = plan.alert.tolerance
    started = as_of >= task.start

    days: list[TaskDay] = []
    streak = 0
    actual, seen = 0.0, 0  # walk the check-ins once, alongside the days
    for offset in range((as_of - task.start).days + 1):  # empty before the start
        day = date.fromordinal(task.start.toordinal() + offset)
        planned = planned_percent(task, day)
        while seen < len(checkins) and checkins[seen].date <= day:
            actual = float(checkins[seen].progress)
            seen += 1
        behind = actual < planned - tolerance - EPSILON
        streak = streak + 1 if behind else 0
        if day <= task.end:
            days.append(TaskDay(day, planned, actual, behind))

    planned_now = planned_percent(task, as_of) if started else 0.0
    last = _last_on_or_before(checkins, as_of)
    actual_now = float(last.progress) if last else 0.0
    done = actual_now >= 100 - EPSILON
    cancelled = task.state == "cancelled"
    # Blocked and overdue tasks keep the flag: the manager's 1:1 is what unblocks them.
    help_needed = (
        started and not done and not cancelled and streak >= max(1, plan.alert.behind_days)
    )
    quiet_since = last.date if last is not None else task.start
    stale = started and not done and not cancelled and (as_of - quiet_since).days > STALE_AFTER_DAYS
    status = _task_status(task, as_of, done, help_needed, streak > 0)
    return TaskMetrics(
        task=task,
        status=status,
        planned=planned_now,
        actual=actual_now,
        days_behind=streak,
        help_needed=help_needed,
        stale=stale,
        last_checkin=last.date if last else None,
        days=tuple(days),
        blocker=last.blocker if last else None,
        needs_attention=help_needed or stale or status in ATTENTION_STATUSES,
        days_quiet=(as_of - last.date).days if last else None,
    )


def _task_status(
    task: Task, as_of: date, done: bool, help_needed: bool, behind: bool
) -> TaskStatus:
    # Precedence: cancelled > done > blocked > not_started > overdue > help_needed > behind.
    if task.state == "cancelled":
        return "cancelled"
    if done:
        return "done"
    if task.state == "blocked":
        return "blocked"
    if as_of < task.start:
        return "not_started"
    if as_of > task.end:
        return "overdue"
    if help_needed:
        return "help_needed"
    return "behind" if behind else "on_track"


def _last_on_or_before(checkins: Sequence[Checkin], day: date) -> Checkin | None:
    last = None
    for checkin in checkins:
        if checkin.date > day:
            break
        last = checkin
    return last
