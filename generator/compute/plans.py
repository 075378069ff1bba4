"""A plan's figures as a whole: its goals and tasks, the burn-up series, its alerts, and which
plan of each team is in force at the as-of date."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

from ..model import Plan
from .arithmetic import by_date
from .calendar import Calendars
from .goals import GoalMetrics, goal_metrics
from .progress import DailySums
from .tasks import (
    TASK_STATUSES,
    TaskMetrics,
    TaskStatus,
    task_metrics,
    task_timeline,
)


@dataclass(frozen=True)
class BurnupPoint:
    """Average planned and actual progress of a plan's tasks (cancelled ones left out) on a day."""

    day: date
    planned: float
    actual: float


@dataclass(frozen=True)
class PlanMetrics:
    plan: Plan
    as_of: date
    goals: tuple[GoalMetrics, ...]
    tasks: tuple[TaskMetrics, ...]

    @cached_property
    def burnup(self) -> tuple[BurnupPoint, ...]:
        """Period start .. min(as-of, period end); worked out when a chart first asks (the
        month-end figures of the monthly reports never do)."""
        return burnup(self.plan, self.tasks, self.as_of)

    @property
    def attention_tasks(self) -> tuple[TaskMetrics, ...]:
        """The tasks that need the manager: help needed, overdue, blocked or stale."""
        return tuple(tm for tm in self.tasks if tm.needs_attention)

    @property
    def off_track_goals(self) -> tuple[GoalMetrics, ...]:
        return tuple(gm for gm in self.goals if gm.status == "off_track")

    @property
    def alerts(self) -> int:
        """Alerts of the plan: tasks that need attention and goals off track."""
        return len(self.attention_tasks) + len(self.off_track_goals)

    @property
    def task_status_counts(self) -> tuple[tuple[TaskStatus, int], ...]:
        """The statuses its tasks are in, with how many, in TASK_STATUSES order."""
        found = [tm.status for tm in self.tasks]
        return tuple((s, found.count(s)) for s in TASK_STATUSES if s in found)

    def attainment_by_dimension(self, dimension: str) -> float | None:
        """The mean attainment of the plan's goals of one dimension (None when none is known)."""
        known = [
            gm.attainment
            for gm in self.goals
            if gm.goal.dimension == dimension and gm.attainment is not None
        ]
        return sum(known) / len(known) if known else None


def plan_metrics(plan: Plan, as_of: date, calendars: Calendars | None = None) -> PlanMetrics:
    """Metrics of every goal and task of a plan, in the plan's order, and its burn-up.

    Days behind are counted on the plan's `alert.calendar`, else the default of `calendars`.
    """
    return plan_metrics_on(plan, (as_of,), calendars)[0]


def plan_metrics_on(
    plan: Plan, days: Sequence[date], calendars: Calendars | None = None
) -> tuple[PlanMetrics, ...]:
    """The plan's metrics as of each of several days, walking each task's days once."""
    calendar = (calendars or Calendars()).get(plan.alert.calendar)
    last = max(days)
    timelines = [task_timeline(t, plan, last, calendar) for t in plan.tasks]
    return tuple(
        PlanMetrics(
            plan=plan,
            as_of=day,
            goals=tuple(goal_metrics(g, plan, day) for g in plan.goals),
            tasks=tuple(
                task_metrics(t, plan, day, calendar, timeline)
                for t, timeline in zip(plan.tasks, timelines, strict=True)
            ),
        )
        for day in days
    )


def burnup(plan: Plan, tasks: Sequence[TaskMetrics], as_of: date) -> tuple[BurnupPoint, ...]:
    """Planned against actual average progress for each day of the period up to the as-of date.

    Summed stretch by stretch: the cost is the tasks' events plus the period's days (at most
    two years, a rule of the check).
    """
    active = [tm.task for tm in tasks if tm.status != "cancelled"]
    start, last = plan.period.start, min(as_of, plan.period.end)
    if not active or last < start:
        return ()
    planned, actual = DailySums(start, last), DailySums(start, last)
    for task in active:  # each task costs its events (check-ins, milestones), not its days
        planned.add_planned(task)
        actual.add_actual(by_date(task.checkins))
    n = len(active)
    return tuple(
        BurnupPoint(start + timedelta(days=offset), p / n, a / n)
        for offset, (p, a) in enumerate(zip(planned.totals(), actual.totals(), strict=True))
    )


def current_plans(metrics: Sequence[PlanMetrics], as_of: date) -> tuple[PlanMetrics, ...]:
    """The plan in force for each team at the as-of date, in the given order.

    That is the team's plan that started last on or before the as-of date (an earlier cycle
    is history), or its first plan when none has started yet. Rollups, the home page and the
    alerts read these, so a closed quarter's overdue tasks do not keep ringing.
    """
    chosen: dict[str, PlanMetrics] = {}
    for pm in metrics:
        best = chosen.get(pm.plan.team)
        if best is None or _more_current(pm.plan, best.plan, as_of):
            chosen[pm.plan.team] = pm
    keep = {id(pm) for pm in chosen.values()}
    return tuple(pm for pm in metrics if id(pm) in keep)


def _more_current(plan: Plan, than: Plan, as_of: date) -> bool:
    started, other_started = plan.period.start <= as_of, than.period.start <= as_of
    if started != other_started:
        return started
    if started:
        return (plan.period.start, plan.id) > (than.period.start, than.id)
    return (plan.period.start, plan.id) < (than.period.start, than.id)
