"""`salesplan status`: the figures of the stand-up for the plans that check out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..check import CheckResult
from ..compute import PlanMetrics, plan_metrics
from ..words import Words
from .site_config import SiteConfig
from .validate import validate


@dataclass(frozen=True)
class Standup:
    """The check of the plans named, and the figures of those without errors."""

    result: CheckResult
    metrics: tuple[PlanMetrics, ...]
    as_of: date


def status(paths: Sequence[str], *, config: SiteConfig, words: Words, as_of: date) -> Standup:
    """Check the plans (default: the plans folder) and compute the valid ones at `as_of`;
    an invalid plan is left out of the figures, not a reason to show none."""
    result = validate(paths, config=config, words=words)
    return Standup(result, tuple(plan_metrics(plan, as_of) for plan in result.plans), as_of)
