"""The tables of the overview pages (home and regions): teams, rollups, status counts, the
tasks that need help. Each reads computed metrics and rollups; none computes a metric."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..compute import PlanMetrics, Rollup, RollupLine, TaskMetrics
from ..model import Plan
from .cells import (
    Lines,
    Link,
    Table,
    amount,
    day,
    goal_status,
    href,
    owner_names,
    percent,
    task_status,
)
from .paths import dashboard_path, plan_page_path

Labels = Mapping[str, str]


def alert_tasks(pm: PlanMetrics) -> tuple[TaskMetrics, ...]:
    """Tasks that need the manager: help needed, overdue, blocked or stale."""
    return tuple(
        tm
        for tm in pm.tasks
        if tm.help_needed or tm.stale or tm.status in ("help_needed", "overdue", "blocked")
    )


def alert_count(pm: PlanMetrics) -> int:
    return len(alert_tasks(pm)) + sum(gm.status == "off_track" for gm in pm.goals)


def rollup_line_text(line: RollupLine, labels: Labels) -> str:
    """`Revenue: 310 / 420 万元 (73.8%)`."""
    return (
        f"{labels[f'dimension.{line.dimension}']}: {amount(line.current, '').strip()} / "
        f"{amount(line.target, line.unit)} ({percent(line.attainment)})"
    )


def region_name(name: str, labels: Labels) -> str:
    """A region as shown: its name, or the "no region" label for ""."""
    return name or labels["site.no_region"]


def region_link(
    name: str, source: str, labels: Labels, directory_urls: bool, region_paths: Mapping[str, str]
) -> Link | str:
    """The region's name, linked to its page when it has one."""
    path = region_paths.get(name)
    text = region_name(name, labels)
    return Link(text, href(path, source, directory_urls)) if path else text


def teams_table(
    metrics: Sequence[PlanMetrics],
    source: str,
    labels: Labels,
    directory_urls: bool,
    region_paths: Mapping[str, str],
) -> Table:
    """Team, region, period, attainment per goal, alerts, links: one row per plan."""
    rows = []
    for pm in metrics:
        plan = pm.plan
        plan_href = href(plan_page_path(plan.id), source, directory_urls)
        goals = Lines(
            tuple(
                goal_status(gm.status, labels, f"{gm.goal.metric} {percent(gm.attainment)}")
                for gm in pm.goals
            )
        )
        links = Lines(
            (
                Link(labels["site.plan"], plan_href),
                Link(
                    labels["site.dashboard"], href(dashboard_path(plan.id), source, directory_urls)
                ),
            )
        )
        rows.append(
            (
                Link(plan.team, plan_href),
                region_link(plan.region or "", source, labels, directory_urls, region_paths),
                plan.period.name,
                goals,
                str(alert_count(pm)),
                links,
            )
        )
    columns = ("team", "region", "period", "goals", "alerts", "links")
    return Table(
        labels["page.home.teams"],
        tuple(labels[f"field.{k}"] for k in columns),
        tuple(rows),
        "sp-teams",
    )


def regions_table(
    rollups: Sequence[Rollup],
    source: str,
    labels: Labels,
    directory_urls: bool,
    region_paths: Mapping[str, str],
) -> Table:
    """One row per region: teams, attainment per rollup line, goal statuses, help needed."""
    return Table(
        labels["page.home.regions"],
        (
            labels["field.region"],
            labels["field.plans"],
            labels["field.attainment"],
            labels["field.goal_statuses"],
            labels["field.help_needed"],
        ),
        tuple(
            (
                region_link(r.name, source, labels, directory_urls, region_paths),
                str(len(r.plans)),
                Lines(tuple(rollup_line_text(line, labels) for line in r.lines)),
                status_counts(r, labels, "goal"),
                str(len(r.help_needed)),
            )
            for r in rollups
        ),
        "sp-regions",
    )


def rollup_lines_table(r: Rollup, labels: Labels) -> Table:
    """A rollup's lines: dimension, current, target, attainment, number of goals summed."""
    return Table(
        labels["page.region.rollup"],
        tuple(
            labels[f"field.{k}"] for k in ("dimension", "current", "target", "attainment", "goals")
        ),
        tuple(
            (
                labels[f"dimension.{line.dimension}"],
                amount(line.current, line.unit),
                amount(line.target, line.unit),
                percent(line.attainment),
                str(line.goals),
            )
            for line in r.lines
        ),
        "sp-rollup",
    )


def status_table(r: Rollup, labels: Labels) -> Table:
    """How many goals and tasks are in each status."""
    return Table(
        labels["page.home.status_counts"],
        (labels["field.goal_statuses"], labels["field.task_statuses"]),
        ((status_counts(r, labels, "goal"), status_counts(r, labels, "task")),),
        "sp-status-counts",
    )


def help_needed_table(
    r: Rollup,
    metrics: Sequence[PlanMetrics],
    source: str,
    labels: Labels,
    directory_urls: bool,
) -> Table:
    """The rollup's help-needed tasks: team, task, owner, status, days behind, last check-in."""
    wanted = set(r.help_needed)
    rows = []
    for pm in metrics:
        plan = pm.plan
        team = Link(plan.team, href(plan_page_path(plan.id), source, directory_urls))
        rows += [
            task_alert_row(team, plan, tm, labels)
            for tm in pm.tasks
            if (plan.id, tm.task.id) in wanted
        ]
    return Table(
        labels["page.region.help_needed"],
        tuple(labels[f"field.{k}"] for k in TASK_ALERT_COLUMNS),
        tuple(rows),
        "sp-help-needed",
    )


TASK_ALERT_COLUMNS = ("team", "task", "owner", "status", "days_behind", "last_checkin")


def task_alert_row(team: Link, plan: Plan, tm: TaskMetrics, labels: Labels) -> tuple:
    """A task that needs attention, in the columns of TASK_ALERT_COLUMNS."""
    last = day(tm.last_checkin)
    return (
        team,
        tm.task.title,
        owner_names(plan, tm.task.owners, labels),
        task_status(tm.status, labels),
        str(tm.days_behind) if tm.days_behind else None,
        Lines((last, labels["page.alerts.stale"])) if tm.stale else last,
    )


def status_counts(r: Rollup, labels: Labels, kind: str) -> Lines:
    """The non-zero counts of goal (kind "goal") or task statuses, each in its colour."""
    counts: Sequence[tuple[str, int]] = (
        r.goal_status_counts if kind == "goal" else r.task_status_counts
    )
    make = goal_status if kind == "goal" else task_status
    return Lines(
        tuple(
            make(name, labels, f"{labels[f'{kind}_status.{name}']} {n}") for name, n in counts if n
        )
    )
