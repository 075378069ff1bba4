"""The compute stage (SPEC §4): every figure, status and alert, as pure functions of the plans
and the as-of date. Render and the terminal view only format what these return.

- `goals`: a goal's current value, expected path, gap, attainment, status, forecast;
- `tasks`: a task's progress, behind streak, help rule, status, blocker, attention;
- `plans`: a plan as a whole (burn-up, alerts) and the plan in force of each team;
- `rollups`: goals and statuses combined over regions and the organisation;
- `site_data`: all of it for the site, with lookups built once.
"""

from .goals import (
    AT_RISK_BAND,
    GOAL_STATUSES,
    Comparison,
    GoalMetrics,
    GoalStatus,
    elapsed_fraction,
    goal_metrics,
    goal_status,
)
from .monthly import GoalMonth, MonthReport, monthly_reports
from .plans import BurnupPoint, PlanMetrics, current_plans, plan_metrics
from .rollups import Rollup, RollupLine, organisation_rollup, region_rollups, rollup
from .site_data import SiteData, site_data, site_order
from .tasks import (
    STALE_AFTER_DAYS,
    TASK_STATUSES,
    TaskDay,
    TaskMetrics,
    TaskStatus,
    planned_percent,
    task_metrics,
)

__all__ = [
    "AT_RISK_BAND",
    "GOAL_STATUSES",
    "STALE_AFTER_DAYS",
    "TASK_STATUSES",
    "BurnupPoint",
    "Comparison",
    "GoalMetrics",
    "GoalMonth",
    "GoalStatus",
    "MonthReport",
    "PlanMetrics",
    "Rollup",
    "RollupLine",
    "SiteData",
    "TaskDay",
    "TaskMetrics",
    "TaskStatus",
    "current_plans",
    "elapsed_fraction",
    "goal_metrics",
    "goal_status",
    "monthly_reports",
    "organisation_rollup",
    "plan_metrics",
    "planned_percent",
    "region_rollups",
    "rollup",
    "site_data",
    "site_order",
    "task_metrics",
]
