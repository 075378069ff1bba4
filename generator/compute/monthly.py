"""The monthly report of a plan (the method's 月度业绩分析报告, SPEC §5): for each month of its
period up to the as-of date, the goals at month end against target and the expected path, the
tasks finished and slipped, the help mechanism's alerts and 1:1s, the reviews, and what the
next month holds. Pure functions of the plan and the as-of date, like the rest of compute."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from ..model import HelpRecord, Milestone, NextAction, Plan, Review, Task
from .calendar import Calendars
from .goals import GoalMetrics
from .plans import PlanMetrics, plan_metrics_on
from .tasks import TaskMetrics


@dataclass(frozen=True)
class GoalMonth:
    """A goal at the end of a month, and how it moved during the month."""

    at_end: GoalMetrics
    change: float  # current at month end − current at the end of the month before


@dataclass(frozen=True)
class MonthReport:
    month: str  # YYYY-MM
    first: date  # the first day of the month in the period
    last: date  # its last day in the period, or the as-of date for the current month
    to_date: bool  # the current month: figures up to the as-of date only
    goals: tuple[GoalMonth, ...]
    finished: tuple[TaskMetrics, ...]  # tasks done during the month
    slipped: tuple[TaskMetrics, ...]  # tasks behind their plan at month end
    help_raised: tuple[tuple[TaskMetrics, date], ...]  # the help rule fired that day
    help_cleared: tuple[tuple[TaskMetrics, date], ...]  # the task caught up that day
    one_on_ones: tuple[tuple[Task, HelpRecord], ...]  # the 1:1s held in the month
    reviews: tuple[Review, ...]  # dated in the month
    next_milestones: tuple[tuple[Task, Milestone], ...]  # due next month
    open_actions: tuple[NextAction, ...]  # review actions not yet due at month end


def month_ends(plan: Plan, as_of: date) -> tuple[tuple[str, date, date], ...]:
    """(month, first day, last day) of each month of the period up to the as-of date; the last
    day of the current month is the as-of date."""
    months = []
    first = plan.period.start
    while first <= min(plan.period.end, as_of):
        next_month = (first.replace(day=1) + timedelta(days=32)).replace(day=1)
        last = min(next_month - timedelta(days=1), plan.period.end, as_of)
        months.append((first.strftime("%Y-%m"), first, last))
        first = next_month
    return tuple(months)


def monthly_reports(
    plan: Plan, as_of: date, calendars: Calendars | None = None
) -> tuple[MonthReport, ...]:
    """One report per month of the plan's period, up to the as-of date."""
    return monthly_and_metrics(plan, as_of, calendars)[0]


def monthly_and_metrics(
    plan: Plan, as_of: date, calendars: Calendars | None = None
) -> tuple[tuple[MonthReport, ...], PlanMetrics]:
    """(the monthly reports, the plan's metrics as of `as_of`), from one walk of each task."""
    months = month_ends(plan, as_of)
    days = (plan.period.start - timedelta(days=1), *(last for _, _, last in months), as_of)
    snapshots = plan_metrics_on(plan, days, calendars)
    reports = tuple(
        _report(plan, month, first, last, last == as_of, before, at_end)
        for (month, first, last), before, at_end in zip(
            months, snapshots[:-2], snapshots[1:-1], strict=True
        )
    )
    return reports, snapshots[-1]


def _report(
    plan: Plan,
    month: str,
    first: date,
    last: date,
    to_date: bool,
    before: PlanMetrics,
    at_end: PlanMetrics,
) -> MonthReport:

    def in_month(day: date) -> bool:
        return first <= day <= last

    was_done = {tm.task.id for tm in before.tasks if tm.status == "done"}
    raised, cleared = [], []
    for tm in at_end.tasks:
        for episode in tm.help_episodes:
            if in_month(episode.raised):
                raised.append((tm, episode.raised))
            if episode.cleared is not None and in_month(episode.cleared):
                cleared.append((tm, episode.cleared))
    reviews = tuple(r for r in plan.reviews if in_month(r.date))
    following = (_month_last(first) + timedelta(days=1)).strftime("%Y-%m")
    return MonthReport(
        month=month,
        first=first,
        last=last,
        to_date=to_date and last < _month_last(first),
        goals=tuple(
            GoalMonth(gm, gm.current - start.current)
            for gm, start in zip(at_end.goals, before.goals, strict=True)
        ),
        finished=tuple(
            tm for tm in at_end.tasks if tm.status == "done" and tm.task.id not in was_done
        ),
        slipped=tuple(
            tm
            for tm in at_end.tasks
            if tm.status in ("behind", "help_needed", "overdue", "blocked")
        ),
        help_raised=tuple(sorted(raised, key=lambda pair: pair[1])),
        help_cleared=tuple(sorted(cleared, key=lambda pair: pair[1])),
        one_on_ones=tuple((t, h) for t in plan.tasks for h in t.help if in_month(h.date)),
        reviews=reviews,
        next_milestones=tuple(
            (t, m)
            for t in plan.tasks
            for m in t.milestones
            if m.date.strftime("%Y-%m") == following
        ),
        open_actions=tuple(
            a
            for r in plan.reviews
            if r.date <= last
            for a in r.next_actions
            if a.due is None or a.due > last
        ),
    )


def _month_last(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1) - timedelta(days=1)
