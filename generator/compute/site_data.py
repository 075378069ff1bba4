"""Everything the site shows, computed once before rendering: every plan's figures, each team's
plan in force, the rollups, and the lookups the pages need (by plan id, by team)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..model import CalendarName, Plan
from .calendar import DEFAULT_CALENDAR, Calendars
from .monthly import MonthReport, monthly_and_metrics
from .plans import PlanMetrics, current_plans
from .rollups import Rollup, organisation_rollup, region_rollups


@dataclass(frozen=True)
class SiteData:
    """The input of the render stage (render never computes)."""

    as_of: date
    metrics: tuple[PlanMetrics, ...]  # every plan, in site order, see site_order()
    current: tuple[PlanMetrics, ...]  # each team's plan in force at the as-of date
    organisation: Rollup
    regions: tuple[Rollup, ...]  # in site order: by name, the plans without a region last
    by_id: dict[str, PlanMetrics] = field(default_factory=dict, compare=False)
    in_force: dict[str, PlanMetrics] = field(default_factory=dict, compare=False)  # by team
    # plan id → the plans that name it as their `previous` (the next cycles), in site order
    successors: dict[str, tuple[PlanMetrics, ...]] = field(default_factory=dict, compare=False)
    uncovered_years: tuple[int, ...] = ()  # years the cn calendar did not know (Monday–Friday)
    monthly: dict[str, tuple[MonthReport, ...]] = field(default_factory=dict, compare=False)

    def plan(self, plan_id: str | None) -> PlanMetrics | None:
        """The figures of the plan with this id, if there is one."""
        return self.by_id.get(plan_id) if plan_id else None

    def plans_of(self, rollup: Rollup) -> list[PlanMetrics]:
        """The figures of the plans a rollup (a region) combines, in site order."""
        return [self.by_id[plan_id] for plan_id in rollup.plans]

    def next_plans(self, pm: PlanMetrics) -> tuple[PlanMetrics, ...]:
        """The plans of the next cycle: those whose `previous` is this plan."""
        return self.successors.get(pm.plan.id, ())

    def plan_in_force(self, pm: PlanMetrics) -> PlanMetrics | None:
        """The team's plan in force when `pm` is another (earlier or later) plan of the team."""
        current = self.in_force.get(pm.plan.team)
        return current if current is not None and current.plan.id != pm.plan.id else None


def site_order(pm: PlanMetrics) -> tuple:
    """Teams grouped by region (teams without a region last), then team, period, id."""
    plan = pm.plan
    return (plan.region is None, plan.region or "", plan.team, plan.period.start, plan.id)


def site_data(
    plans: Sequence[Plan], as_of: date, calendar: CalendarName = DEFAULT_CALENDAR
) -> SiteData:
    """Compute every plan's metrics and the rollups of the plans in force; days behind are
    counted on `calendar` unless a plan names its own."""
    calendars = Calendars(calendar)
    monthly: dict[str, tuple[MonthReport, ...]] = {}
    computed = []
    for plan in plans:
        monthly[plan.id], pm = monthly_and_metrics(plan, as_of, calendars)
        computed.append(pm)
    metrics = tuple(sorted(computed, key=site_order))
    current = current_plans(metrics, as_of)
    regions = sorted(region_rollups(current), key=lambda r: (r.name == "", r.name))
    successors: dict[str, list[PlanMetrics]] = {}
    for pm in metrics:
        if pm.plan.previous:
            successors.setdefault(pm.plan.previous, []).append(pm)
    return SiteData(
        as_of=as_of,
        metrics=metrics,
        current=current,
        organisation=organisation_rollup(current),
        regions=tuple(regions),
        by_id={pm.plan.id: pm for pm in metrics},
        in_force={pm.plan.team: pm for pm in current},
        monthly=monthly,
        successors={plan_id: tuple(found) for plan_id, found in successors.items()},
        uncovered_years=calendars.uncovered_years(),
    )
