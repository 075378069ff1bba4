"""Metrics, statuses and alerts (SPEC §4): pure functions of a plan and the as-of date.

Nothing here rounds for display; values are compared with a small epsilon so that float
noise (0.1 + 0.2) never flips a status. Rendering does the display rounding.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Literal, get_args

from .model import Checkin, Dimension, Goal, Plan, Task

GoalStatus = Literal["achieved", "on_track", "at_risk", "off_track"]
TaskStatus = Literal[
    "not_started", "on_track", "behind", "help_needed", "overdue", "blocked", "done", "cancelled"
]
GOAL_STATUSES: tuple[GoalStatus, ...] = get_args(GoalStatus)
TASK_STATUSES: tuple[TaskStatus, ...] = get_args(TaskStatus)

EPSILON = 1e-9  # tolerance for "meets": float noise must not change a status
AT_RISK_BAND = 0.10  # at_risk: shortfall against expected <= 10 % of |target - baseline|
STALE_AFTER_DAYS = 2  # stale: the last check-in is more than this many days before A

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Comparison:
    """Current value against a reference (last year, industry average)."""

    reference: float
    difference: float  # current - reference
    percent: float | None  # difference / |reference|; None when the reference is 0


@dataclass(frozen=True)
class GoalMetrics:
    goal: Goal
    current: float
    expected: float
    gap: float
    attainment: float | None  # ratio, 0.667; None when undefined (division by zero)
    status: GoalStatus
    forecast: float | None
    elapsed: float  # f in SPEC §4, 0..1
    vs_last_year: Comparison | None = None
    vs_industry: Comparison | None = None


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


@dataclass(frozen=True)
class PlanMetrics:
    plan: Plan
    as_of: date
    goals: tuple[GoalMetrics, ...]
    tasks: tuple[TaskMetrics, ...]


@dataclass(frozen=True)
class RollupLine:
    """Goals of one dimension, unit, basis and direction summed over several plans."""

    dimension: str
    unit: str
    basis: str
    current: float
    target: float
    attainment: float | None
    goals: int
    direction: str = "increase"  # increase and decrease goals are never summed together


@dataclass(frozen=True)
class Rollup:
    name: str  # region name ("" for plans without a region), or "" for the whole organisation
    plans: tuple[str, ...]  # plan ids
    lines: tuple[RollupLine, ...]
    goal_status_counts: tuple[tuple[GoalStatus, int], ...]  # every status, GOAL_STATUSES order
    task_status_counts: tuple[tuple[TaskStatus, int], ...]  # every status, TASK_STATUSES order
    help_needed: tuple[tuple[str, str], ...]  # (plan id, task id), help_needed flag set
    scope: Literal["region", "organisation"] = "region"


# --- the as-of date -------------------------------------------------------------------------


def resolve_as_of(explicit: str | date | None, env: Mapping[str, str] | None = None) -> date:
    """The as-of date A: the explicit value, else SOURCE_DATE_EPOCH (UTC), else today.

    A blank explicit value counts as not given. Raises ValueError with a message meant for
    the user when a date is malformed.
    """
    if isinstance(explicit, datetime):
        return explicit.date()
    if isinstance(explicit, date):
        return explicit
    if explicit is not None and explicit.strip():
        text = explicit.strip()
        try:
            if not _ISO_DATE.fullmatch(text):
                raise ValueError
            return date.fromisoformat(text)
        except ValueError:
            raise ValueError(
                f"the as-of date {explicit!r} is not a date: write it as YYYY-MM-DD, "
                "e.g. 2023-08-20"
            ) from None
    epoch = (os.environ if env is None else env).get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            raise ValueError(
                f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970-01-01"
            ) from None
    return date.today()


# --- goals ----------------------------------------------------------------------------------


def elapsed_fraction(start: date, due: date, as_of: date) -> float:
    """f = clamp((A − start) / (due − start), 0, 1); a zero-length window is all or nothing."""
    if due <= start:
        return 1.0 if as_of >= start else 0.0
    return _clamp((as_of - start).days / (due - start).days, 0.0, 1.0)


def goal_metrics(goal: Goal, plan: Plan, as_of: date) -> GoalMetrics:
    """Current value, expected path, gap, attainment, status and forecast of one goal."""
    start = plan.period.start
    known = [a for a in _by_date(goal.actuals) if a.date <= as_of]
    f = elapsed_fraction(start, goal.due, as_of)
    if goal.basis == "cumulative":
        current = float(sum(a.value for a in known))
        expected = goal.target * f
    else:
        current = float(known[-1].value) if known else float(goal.baseline)
        expected = goal.baseline + (goal.target - goal.baseline) * f
    increase = goal.direction == "increase"
    return GoalMetrics(
        goal=goal,
        current=current,
        expected=expected,
        gap=goal.target - current if increase else current - goal.target,
        attainment=_attainment(current, goal.target, goal.direction),
        status=goal_status(goal, current, expected),
        forecast=_forecast(goal, start, as_of, current, [(a.date, a.value) for a in known]),
        elapsed=f,
        vs_last_year=_compare(current, goal.last_year),
        vs_industry=_compare(current, goal.industry),
    )


def goal_status(goal: Goal, current: float, expected: float) -> GoalStatus:
    """achieved > on_track > at_risk > off_track, comparing in the goal's direction.

    The at-risk band is 10 % of |target − baseline|. When target equals baseline (a
    "hold the line" goal) that band would be empty, so 10 % of |target| is used instead.
    """
    sign = 1.0 if goal.direction == "increase" else -1.0
    if sign * (current - goal.target) >= -EPSILON:
        return "achieved"
    shortfall = sign * (expected - current)
    if shortfall <= EPSILON:
        return "on_track"
    scale = abs(goal.target - goal.baseline) or abs(goal.target)
    if shortfall <= AT_RISK_BAND * scale + EPSILON:
        return "at_risk"
    return "off_track"


def _forecast(
    goal: Goal, start: date, as_of: date, current: float, points: list[tuple[date, float]]
) -> float | None:
    if goal.basis == "cumulative":
        # Counting the start day as day 1 keeps the rate finite on the first day.
        days_elapsed = max(1, (as_of - start).days + 1)
        days_left = max(0, (goal.due - as_of).days)
        return current + current / days_elapsed * days_left
    if len(points) < 2:
        return None
    xs = [(d - start).days for d, _ in points]
    ys = [float(v) for _, v in points]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:  # every actual on one day: no trend to extend
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
    return mean_y + slope * ((goal.due - start).days - mean_x)


def _compare(current: float, reference: float | None) -> Comparison | None:
    if reference is None:
        return None
    difference = current - reference
    percent = difference / abs(reference) if reference != 0 else None
    return Comparison(reference=reference, difference=difference, percent=percent)


# --- tasks ----------------------------------------------------------------------------------


def planned_percent(task: Task, day: date) -> float:
    """planned(d) = 100·clamp((d − start + 1) / (end − start + 1), 0, 1)."""
    length = (task.end - task.start).days + 1
    return 100.0 * _clamp(((day - task.start).days + 1) / length, 0.0, 1.0)


def task_metrics(task: Task, plan: Plan, as_of: date) -> TaskMetrics:
    """Planned and actual progress, the behind streak, the help rule, status and staleness."""
    checkins = _by_date(task.checkins)
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
    actual_now = _progress_on(checkins, as_of)
    done = actual_now >= 100 - EPSILON
    cancelled = task.state == "cancelled"
    # Blocked and overdue tasks keep the flag: the manager's 1:1 is what unblocks them.
    help_needed = (
        started and not done and not cancelled and streak >= max(1, plan.alert.behind_days)
    )

    last = next((c.date for c in reversed(checkins) if c.date <= as_of), None)
    quiet_since = last if last is not None else task.start
    stale = started and not done and not cancelled and (as_of - quiet_since).days > STALE_AFTER_DAYS

    return TaskMetrics(
        task=task,
        status=_task_status(task, as_of, done, help_needed, streak > 0),
        planned=planned_now,
        actual=actual_now,
        days_behind=streak,
        help_needed=help_needed,
        stale=stale,
        last_checkin=last,
        days=tuple(days),
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


def _progress_on(checkins: Sequence[Checkin], day: date) -> float:
    progress = 0.0
    for checkin in checkins:
        if checkin.date > day:
            break
        progress = float(checkin.progress)
    return progress


# --- plans and rollups ----------------------------------------------------------------------


def plan_metrics(plan: Plan, as_of: date) -> PlanMetrics:
    """Metrics of every goal and task of a plan, in the plan's order."""
    return PlanMetrics(
        plan=plan,
        as_of=as_of,
        goals=tuple(goal_metrics(g, plan, as_of) for g in plan.goals),
        tasks=tuple(task_metrics(t, plan, as_of) for t in plan.tasks),
    )


def rollup(
    name: str,
    metrics: Sequence[PlanMetrics],
    *,
    scope: Literal["region", "organisation"] = "region",
) -> Rollup:
    """Sum goals of the same dimension, unit, basis and direction; count statuses."""
    sums: dict[tuple[str, str, str, str], list[float]] = {}
    for pm in metrics:
        for gm in pm.goals:
            g = gm.goal
            line = sums.setdefault((g.dimension, g.unit, g.basis, g.direction), [0.0, 0.0, 0])
            line[0] += gm.current
            line[1] += g.target
            line[2] += 1
    lines = tuple(
        RollupLine(*key[:3], current, target, _attainment(current, target, key[3]), int(n), key[3])
        for key, (current, target, n) in sorted(sums.items(), key=lambda kv: _line_order(kv[0]))
    )
    goals = [gm for pm in metrics for gm in pm.goals]
    tasks = [tm for pm in metrics for tm in pm.tasks]
    return Rollup(
        name=name,
        plans=tuple(pm.plan.id for pm in metrics),
        lines=lines,
        goal_status_counts=_counts(GOAL_STATUSES, (gm.status for gm in goals)),
        task_status_counts=_counts(TASK_STATUSES, (tm.status for tm in tasks)),
        help_needed=tuple(
            (pm.plan.id, tm.task.id) for pm in metrics for tm in pm.tasks if tm.help_needed
        ),
        scope=scope,
    )


def region_rollups(metrics: Sequence[PlanMetrics]) -> tuple[Rollup, ...]:
    """One rollup per region, sorted by name; plans without a region are grouped under ""."""
    regions: dict[str, list[PlanMetrics]] = {}
    for pm in metrics:
        regions.setdefault(pm.plan.region or "", []).append(pm)
    return tuple(rollup(name, regions[name]) for name in sorted(regions))


def organisation_rollup(metrics: Sequence[PlanMetrics]) -> Rollup:
    """The rollup of every plan (name "", scope "organisation")."""
    return rollup("", metrics, scope="organisation")


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


_DIMENSIONS: tuple[str, ...] = get_args(Dimension)


def _line_order(key: tuple[str, str, str, str]) -> tuple[int, str, str, str]:
    dimension, unit, basis, direction = key
    rank = _DIMENSIONS.index(dimension) if dimension in _DIMENSIONS else len(_DIMENSIONS)
    return (rank, unit, basis, direction)


def _counts(order: tuple[str, ...], values: Iterable[str]) -> tuple:
    found = list(values)
    return tuple((status, found.count(status)) for status in order)


# --- small arithmetic -----------------------------------------------------------------------


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def _attainment(current: float, target: float, direction: str) -> float | None:
    numerator, denominator = (current, target) if direction == "increase" else (target, current)
    return numerator / denominator if denominator != 0 else None


def _by_date(items: Iterable) -> list:
    # Stable: entries of one day keep their file order, so the last one written wins.
    return sorted(items, key=lambda item: item.date)
