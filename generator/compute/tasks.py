"""Task figures (SPEC §4): planned and actual progress, the behind streak in working days and
the help episodes (counted stretch by stretch in `progress`), the help rule and the 1:1 held,
status, staleness, the blocker as of A, and whether the task needs the manager's attention."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Literal, get_args

from ..model import Checkin, HelpRecord, Milestone, Plan, Task
from .arithmetic import EPSILON, by_date
from .calendar import DEFAULT_CALENDAR, WorkingDays
from .progress import (
    HelpEpisode,
    Streak,
    Stretch,
    TaskDay,
    behind_streak,
    behind_stretches,
    planned_percent,
    task_days,
)

TaskStatus = Literal[
    "not_started", "on_track", "behind", "help_needed", "overdue", "blocked", "done", "cancelled"
]
TASK_STATUSES: tuple[TaskStatus, ...] = get_args(TaskStatus)

STALE_AFTER_DAYS = 2  # stale: the last check-in is more than this many working days before A
# The statuses that put a task on the alerts page and the stand-up; a task that is only
# "behind" (fewer days than the help rule's threshold) is not an alert yet.
ATTENTION_STATUSES: tuple[TaskStatus, ...] = ("help_needed", "overdue", "blocked")


@dataclass(frozen=True)
class TaskMetrics:
    task: Task
    status: TaskStatus
    planned: float  # planned % on the as-of date
    actual: float  # actual % on the as-of date
    days_behind: int  # working days behind in a row, up to the last working day on or before A
    help_needed: bool  # the help rule fired; also true for an overdue or blocked task
    stale: bool
    last_checkin: date | None  # the last check-in on or before the as-of date
    blocker: str | None = None  # the blocker of the last check-in on or before the as-of date
    needs_attention: bool = False  # an alert: help needed, overdue, blocked or stale
    days_quiet: int | None = None  # working days since the last check-in, up to the as-of date
    behind_since: date | None = None  # the first day of the current behind streak
    help_given: HelpRecord | None = None  # the last 1:1 held within the current streak
    next_milestone: Milestone | None = None  # the first milestone after the as-of date
    help_episodes: tuple[HelpEpisode, ...] = ()  # every time the help rule fired, up to A
    # Milestones dated on or before A whose progress the task has not reached (within tolerance)
    missed_milestones: tuple[Milestone, ...] = ()
    # what `days` is computed from, when asked for
    as_of: date | None = field(default=None, repr=False, compare=False)
    tolerance: float = field(default=0.0, repr=False, compare=False)
    calendar: WorkingDays | None = field(default=None, repr=False, compare=False)

    @cached_property
    def days(self) -> tuple[TaskDay, ...]:
        """Each day from the start to min(as-of, end): planned, actual, behind, working.
        Made when asked for (only the tests ask): thousands of tasks of two years each would
        otherwise hold millions of days."""
        if self.as_of is None:
            return ()
        calendar = self.calendar or WorkingDays()
        checkins = by_date(self.task.checkins)
        return task_days(self.task, checkins, self.tolerance, self.as_of, calendar)


@dataclass(frozen=True)
class TaskTimeline:
    """A task's progress up to a last day, in stretches of days behind or not (see
    `progress`): everything task_metrics needs for any as-of date up to that day, so a plan's
    month ends cost one pass over the task's events, not one each."""

    last: date
    stretches: tuple[Stretch, ...]
    threshold: int  # working days behind in a row that call for help
    calendar: WorkingDays

    def at(self, day: date) -> Streak:
        """The streak, the day it began and the help episodes, as of `day`."""
        if day > self.last:
            raise ValueError(f"the timeline ends on {self.last}, before {day}")
        up_to = ((first, min(last, day), behind) for first, last, behind in self.stretches)
        return behind_streak((s for s in up_to if s[0] <= day), self.calendar, self.threshold)


def task_metrics(
    task: Task,
    plan: Plan,
    as_of: date,
    calendar: WorkingDays | None = None,
    timeline: TaskTimeline | None = None,
) -> TaskMetrics:
    """Planned and actual progress, the behind streak, the help rule, status and staleness.

    Days behind are counted on `calendar` (default: the plan's `alert.calendar`, else `cn`).
    `timeline`: the task's walk up to a day on or after `as_of`, made once for several dates.
    """
    calendar = calendar or WorkingDays(plan.alert.calendar or DEFAULT_CALENDAR)
    checkins = by_date(task.checkins)
    threshold = max(1, plan.alert.behind_days)
    timeline = timeline or task_timeline(task, plan, as_of, calendar)
    walked = timeline.at(as_of)
    streak, since = walked.days, walked.since
    started = as_of >= task.start
    last = _last_on_or_before(checkins, as_of)
    actual_now = float(last.progress) if last else 0.0
    done = actual_now >= 100 - EPSILON
    cancelled = task.state == "cancelled"
    active = started and not done and not cancelled
    streak = streak if active else 0
    help_needed = active and streak >= threshold
    quiet_since = last.date if last is not None else task.start
    stale = active and calendar.between(_next_day(quiet_since), as_of) > STALE_AFTER_DAYS
    status = _task_status(task, as_of, done, help_needed, streak > 0)
    since = since if streak else None
    return TaskMetrics(
        task=task,
        status=status,
        planned=planned_percent(task, as_of) if started else 0.0,
        actual=actual_now,
        days_behind=streak,
        help_needed=help_needed,
        stale=stale,
        last_checkin=last.date if last else None,
        blocker=last.blocker if last else None,
        needs_attention=help_needed or stale or status in ATTENTION_STATUSES,
        days_quiet=calendar.between(_next_day(last.date), as_of) if last else None,
        behind_since=since,
        help_given=_help_given(task, since, as_of),
        next_milestone=next((m for m in task.milestones if m.date > as_of), None),
        help_episodes=() if task.state == "cancelled" else walked.episodes,
        missed_milestones=tuple(
            m
            for m in by_date(task.milestones)
            if m.date <= as_of and actual_now < m.progress - plan.alert.tolerance - EPSILON
        ),
        as_of=as_of,
        tolerance=plan.alert.tolerance,
        calendar=calendar,
    )


def task_timeline(task: Task, plan: Plan, last: date, calendar: WorkingDays) -> TaskTimeline:
    """The task from its start to `last`, in stretches (see TaskTimeline): linear in its
    check-ins and milestones, however many days lie between."""
    checkins = by_date(task.checkins)
    stretches = tuple(behind_stretches(task, checkins, plan.alert.tolerance, last))
    return TaskTimeline(last, stretches, max(1, plan.alert.behind_days), calendar)


def _help_given(task: Task, since: date | None, as_of: date) -> HelpRecord | None:
    """The last 1:1 dated within the current behind streak."""
    if since is None:
        return None
    held = [h for h in by_date(task.help) if since <= h.date <= as_of]
    return held[-1] if held else None


def _next_day(day: date) -> date:
    return date.fromordinal(day.toordinal() + 1)


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
