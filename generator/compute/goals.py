"""Goal figures (SPEC §4): current value, expected path, gap, attainment, status, forecast.

Nothing here rounds for display; values are compared with a small epsilon so that float noise
(0.1 + 0.2) never flips a status. The render stage does the display rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from ..check.smart import Ambition, ambition
from ..model import Goal, Plan
from .arithmetic import EPSILON, attainment, by_date, clamp

GoalStatus = Literal["achieved", "on_track", "at_risk", "off_track"]
GOAL_STATUSES: tuple[GoalStatus, ...] = get_args(GoalStatus)

AT_RISK_BAND = 0.10  # at_risk: shortfall against expected <= 10 % of |target - baseline|


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
    expected_attainment: float | None = None  # the attainment the expected value would give
    path: tuple[tuple[date, float], ...] = ()  # the current value after each actual up to A
    planning_gap: float = 0.0  # at planning time: target − baseline (baseline − target: decrease)
    baseline_vs_last_year: Comparison | None = None  # at planning time (Template 2)
    baseline_vs_industry: Comparison | None = None
    ambition: Ambition | None = None  # latest goals with 2+ months of history


def elapsed_fraction(start: date, due: date, as_of: date) -> float:
    """f = clamp((A − start) / (due − start), 0, 1); a zero-length window is all or nothing."""
    if due <= start:
        return 1.0 if as_of >= start else 0.0
    return clamp((as_of - start).days / (due - start).days, 0.0, 1.0)


def goal_metrics(goal: Goal, plan: Plan, as_of: date) -> GoalMetrics:
    """Current value, expected path, gap, attainment, status and forecast of one goal."""
    start = plan.period.start
    known = [a for a in by_date(goal.actuals) if a.date <= as_of]
    f = elapsed_fraction(start, goal.due, as_of)
    path: list[tuple[date, float]] = []
    if goal.basis == "cumulative":
        total = 0.0
        for actual in known:
            total += actual.value
            path.append((actual.date, total))
        current = total
        expected = goal.target * f
    else:
        path = [(a.date, float(a.value)) for a in known]
        current = path[-1][1] if path else float(goal.baseline)
        expected = goal.baseline + (goal.target - goal.baseline) * f
    increase = goal.direction == "increase"
    return GoalMetrics(
        goal=goal,
        current=current,
        expected=expected,
        gap=goal.target - current if increase else current - goal.target,
        attainment=attainment(current, goal.target, goal.direction),
        status=goal_status(goal, current, expected),
        forecast=_forecast(goal, start, as_of, current, [(a.date, a.value) for a in known]),
        elapsed=f,
        vs_last_year=_compare(current, goal.last_year),
        vs_industry=_compare(current, goal.industry),
        expected_attainment=attainment(expected, goal.target, goal.direction),
        path=tuple(path),
        planning_gap=goal.target - goal.baseline if increase else goal.baseline - goal.target,
        baseline_vs_last_year=_compare(goal.baseline, goal.last_year),
        baseline_vs_industry=_compare(goal.baseline, goal.industry),
        ambition=_ambition(goal, start),
    )


def _ambition(goal: Goal, start: date) -> Ambition | None:
    """The required change per month against the history (SPEC §4), for `latest` goals."""
    if goal.basis != "latest" or len(goal.history) < 2:
        return None
    return ambition(list(goal.history), goal.baseline, goal.target, start, goal.due, goal.direction)


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
