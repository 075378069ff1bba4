"""`salesplan status`: the figures of the stand-up for the plans that check out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..check import CheckResult
from ..compute import (
    PlanMetrics,
    Rollup,
    current_plans,
    organisation_rollup,
    plan_metrics,
    region_rollups,
)
from ..compute.calendar import Calendars
from ..words import Words
from .site_config import SiteConfig
from .validate import validate


@dataclass(frozen=True)
class Standup:
    """The check of the plans named, and the figures of those without errors."""

    result: CheckResult
    metrics: tuple[PlanMetrics, ...]  # each team's plan in force
    as_of: date
    uncovered_years: tuple[int, ...] = ()  # years the cn calendar did not know
    rollups: tuple[Rollup, ...] = ()  # the organisation's, then each region's


def status(paths: Sequence[str], *, config: SiteConfig, words: Words, as_of: date) -> Standup:
    """Check the plans (default: the plans folder) and compute, at `as_of`, the plan in force
    of each team among the valid ones; an invalid plan is left out, not a reason to show none."""
    result = validate(paths, config=config, words=words)
    options = config.options
    calendars = Calendars(options.calendar if options is not None else "cn")
    metrics = [plan_metrics(plan, as_of, calendars) for plan in result.plans]
    in_force = current_plans(metrics, as_of)
    rollups = (organisation_rollup(in_force), *region_rollups(in_force))
    return Standup(result, in_force, as_of, calendars.uncovered_years(), rollups)
