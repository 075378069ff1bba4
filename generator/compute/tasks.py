"""Task figures (SPEC §4): planned progress (milestones or a straight line), actual progress,
the behind streak in working days, the help rule and the 1:1 held, status, staleness, the
blocker as of A, and whether the task needs the manager's attention."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from ..model import Checkin, HelpRecord, Milestone, Plan, Task
from .arithmetic import EPSILON, by_date, clamp
from .calendar import DEFAULT_CALENDAR, WorkingDays

TaskStatus = Literal[
    "not_started", "on_track", "behind", "help_needed", "overdue", "blocked", "done", "cancelled"
]
TASK_STATUSES: tuple[TaskStatus, ...] = get_args(TaskStatus)

STALE_AFTER_DAYS = 2  # stale: the last check-in is more than this many working days before A
# The statuses that put a task on the alerts page and the stand-up; a task that is only
# "behind" (fewer days than the help rule's threshold) is not an alert yet.
ATTENTION_STATUSES: tuple[TaskStatus, ...] = ("help_needed", "overdue", "blocked")


@dataclass(frozen=True)
class TaskDay:
    day: date
    planned: float
    actual: float
    behind: bool
    working: bool = True  # a working day of the plan's calendar: only these count


@dataclass(frozen=True)
class HelpEpisode:
    """A stretch of the help mechanism: the day the rule fired, and the day the task caught up
    or was done (None while it still needs help)."""

    raised: date
    cleared: date | None = None


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
    days: tuple[TaskDay, ...]  # start .. min(as_of, end), for burn-up charts
    blocker: str | None = None  # the blocker of the last check-in on or before the as-of date
    needs_attention: bool = False  # an alert: help needed, overdue, blocked or stale
    days_quiet: int | None = None  # working days since the last check-in, up to the as-of date
    behind_since: date | None = None  # the first day of the current behind streak
    help_given: HelpRecord | None = None  # the last 1:1 held within the current streak
    next_milestone: Milestone | None = None  # the first milestone after the as-of date
    help_episodes: tuple[HelpEpisode, ...] = ()  # every time the help rule fired, up to A
    # Milestones dated on or before A whose progress the task has not reached (within tolerance)
    missed_milestones: tuple[Milestone, ...] = ()


def planned_percent(task: Task, day: date) -> float:
    """planned(d): with milestones, the progress of the last milestone on or before d (0 before
    the first) and 100 from the end on; else 100·clamp((d − start + 1) / (end − start + 1), 0, 1).
    """
    if task.milestones:
        if day >= task.end:
            return 100.0
        reached = [m.progress for m in by_date(task.milestones) if m.date <= day]
        return float(reached[-1]) if reached else 0.0
    length = (task.end - task.start).days + 1
    return 100.0 * clamp(((day - task.start).days + 1) / length, 0.0, 1.0)


@dataclass(frozen=True)
class TaskTimeline:
    """A task's days walked once, from its start up to a last day: everything task_metrics
    needs for any as-of date up to that day, so a plan's month ends cost one walk, not one
    walk each (the cost stays linear in the period's length)."""

    start: date
    last: date
    days: tuple[TaskDay, ...]  # start .. min(last, end)
    streaks: tuple[int, ...]  # each day start .. last: the behind streak after that day
    since: tuple[date | None, ...]  # each day: the first day of that streak
    episodes: tuple[HelpEpisode, ...]  # every time the help rule fired, up to `last`

    def at(self, day: date) -> tuple[tuple[TaskDay, ...], int, date | None, list[HelpEpisode]]:
        """(the days up to `day`, the streak and its first day, the help episodes up to `day`)."""
        if day > self.last:
            raise ValueError(f"the timeline ends on {self.last}, before {day}")
        index = (day - self.start).days
        if index < 0:
            return (), 0, None, []
        episodes = [
            e if e.cleared is None or e.cleared <= day else HelpEpisode(e.raised)
            for e in self.episodes
            if e.raised <= day
        ]
        return self.days[: index + 1], self.streaks[index], self.since[index], episodes


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
    days, streak, since, episodes = timeline.at(as_of)
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
        days=days,
        blocker=last.blocker if last else None,
        needs_attention=help_needed or stale or status in ATTENTION_STATUSES,
        days_quiet=calendar.between(_next_day(last.date), as_of) if last else None,
        behind_since=since,
        help_given=_help_given(task, since, as_of),
        next_milestone=next((m for m in task.milestones if m.date > as_of), None),
        help_episodes=() if task.state == "cancelled" else tuple(episodes),
        missed_milestones=tuple(
            m
            for m in by_date(task.milestones)
            if m.date <= as_of and actual_now < m.progress - plan.alert.tolerance - EPSILON
        ),
    )


def task_timeline(task: Task, plan: Plan, last: date, calendar: WorkingDays) -> TaskTimeline:
    """Each day from the task's start to `last`, once: planned and actual progress, the behind
    streak in working days and the help episodes (see TaskTimeline)."""
    alert = plan.alert
    checkins = by_date(task.checkins)
    milestones = by_date(task.milestones)
    days: list[TaskDay] = []
    streaks: list[int] = []
    sinces: list[date | None] = []
    episodes: list[HelpEpisode] = []
    streak, since = 0, None
    actual, seen = 0.0, 0  # walk the check-ins once, alongside the days
    reached, passed = 0.0, 0  # and the milestones
    threshold = max(1, alert.behind_days)
    for offset in range((last - task.start).days + 1):  # empty before the start
        day = date.fromordinal(task.start.toordinal() + offset)
        while seen < len(checkins) and checkins[seen].date <= day:
            actual = float(checkins[seen].progress)
            seen += 1
        if milestones:
            while passed < len(milestones) and milestones[passed].date <= day:
                reached = float(milestones[passed].progress)
                passed += 1
            planned = 100.0 if day >= task.end else reached
        else:
            planned = planned_percent(task, day)
        behind = actual < planned - alert.tolerance - EPSILON
        working = calendar.is_working(day)
        if working:
            since = (since if streak else day) if behind else None
            streak = streak + 1 if behind else 0
        elif not behind:  # a day off never adds to a streak; catching up on it still ends one
            since, streak = None, 0
        streaks.append(streak)
        sinces.append(since)
        _track(episodes, day, streak >= threshold and actual < 100 - EPSILON)
        if day <= task.end:
            days.append(TaskDay(day, planned, actual, behind, working))
    return TaskTimeline(
        task.start, last, tuple(days), tuple(streaks), tuple(sinces), tuple(episodes)
    )


def _track(episodes: list[HelpEpisode], day: date, needs_help: bool) -> None:
    """Open an episode the day the help rule fires; close it the day the task recovers."""
    open_episode = bool(episodes) and episodes[-1].cleared is None
    if needs_help and not open_episode:
        episodes.append(HelpEpisode(day))
    elif not needs_help and open_episode:
        episodes[-1] = HelpEpisode(episodes[-1].raised, day)


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
