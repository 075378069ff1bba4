"""Rollups over plans in force (SPEC §4): goals combined per dimension, unit, basis, aggregate
and direction (`sum` adds, `mean` averages over the teams, `none` is not combined); counts of
goal and task statuses; the help-needed tasks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from ..model import Dimension
from .arithmetic import attainment
from .goals import GOAL_STATUSES, GoalStatus
from .plans import PlanMetrics
from .tasks import TASK_STATUSES, TaskStatus

_DIMENSIONS: tuple[str, ...] = get_args(Dimension)


@dataclass(frozen=True)
class RollupLine:
    """Goals of one dimension, unit, basis, aggregate and direction combined over several plans:
    their sum (`aggregate` "sum") or their average over the teams ("mean")."""

    dimension: str
    unit: str
    basis: str
    current: float
    target: float
    attainment: float | None  # of the combined current and target
    goals: int  # how many goals were combined
    direction: str = "increase"  # increase and decrease goals are never combined together
    aggregate: str = "sum"  # "sum" or "mean"; "none" goals make no line


@dataclass(frozen=True)
class Rollup:
    name: str  # region name ("" for plans without a region), or "" for the whole organisation
    plans: tuple[str, ...]  # plan ids
    lines: tuple[RollupLine, ...]
    goal_status_counts: tuple[tuple[GoalStatus, int], ...]  # every status, GOAL_STATUSES order
    task_status_counts: tuple[tuple[TaskStatus, int], ...]  # every status, TASK_STATUSES order
    help_needed: tuple[tuple[str, str], ...]  # (plan id, task id), help_needed flag set
    scope: Literal["region", "organisation"] = "region"
    goals: int = 0  # goals of the plans
    tasks: int = 0  # tasks of the plans
    alerts: int = 0  # tasks that need attention and goals off track
    stale: int = 0  # tasks without a recent check-in (STALE_AFTER_DAYS)


def rollup(
    name: str,
    metrics: Sequence[PlanMetrics],
    *,
    scope: Literal["region", "organisation"] = "region",
) -> Rollup:
    """Combine goals of the same dimension, unit, basis, aggregate and direction; count statuses."""
    groups: dict[tuple[str, str, str, str, str], list[float]] = {}
    for pm in metrics:
        for gm in pm.goals:
            g = gm.goal
            if g.aggregate == "none":
                continue  # not combined: only its status is counted
            key = (g.dimension, g.unit, g.basis, g.direction, g.aggregate)
            group = groups.setdefault(key, [0.0, 0.0, 0])
            group[0] += gm.current
            group[1] += g.target
            group[2] += 1
    lines = tuple(
        _line(key, current, target, int(n))
        for key, (current, target, n) in sorted(groups.items(), key=lambda kv: _line_order(kv[0]))
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
        goals=len(goals),
        tasks=len(tasks),
        alerts=sum(pm.alerts for pm in metrics),
        stale=sum(tm.stale for tm in tasks),
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


def _line(key: tuple[str, str, str, str, str], current: float, target: float, n: int) -> RollupLine:
    dimension, unit, basis, direction, aggregate = key
    if aggregate == "mean":
        current, target = current / n, target / n
    return RollupLine(
        dimension,
        unit,
        basis,
        current,
        target,
        attainment(current, target, direction),
        n,
        direction,
        aggregate,
    )


def _line_order(key: tuple[str, str, str, str, str]) -> tuple:
    dimension, *rest = key
    rank = _DIMENSIONS.index(dimension) if dimension in _DIMENSIONS else len(_DIMENSIONS)
    return (rank, *rest)


def _counts(order: tuple[str, ...], values: Iterable[str]) -> tuple:
    found = list(values)
    return tuple((status, found.count(status)) for status in order)
