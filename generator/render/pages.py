"""The generated pages: one function per page, each a template filled with computed figures."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ..compute import PlanMetrics, Rollup, RollupLine, TaskMetrics
from . import charts
from .cells import (
    TASK_ICONS,
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
from .markup import render_template, sanitised_markdown
from .tables import context_tables, root_cause_table, template_tables

Labels = Mapping[str, str]

HOME = "index.md"
ALERTS = "alerts.md"
REFERENCE = "reference/format.md"
SCHEMA_FILE = "schema/plan.schema.json"


@dataclass(frozen=True)
class SiteData:
    """Everything the pages show, computed before rendering (render never computes)."""

    as_of: date
    metrics: tuple[PlanMetrics, ...]  # every plan, in site order, see site_order()
    current: tuple[PlanMetrics, ...]  # each team's plan in force at the as-of date
    organisation: Rollup
    regions: tuple[Rollup, ...]


def site_order(pm: PlanMetrics) -> tuple:
    """Teams grouped by region (teams without a region last), then team, period, id."""
    plan = pm.plan
    return (plan.region is None, plan.region or "", plan.team, plan.period.start, plan.id)


def plan_page_path(plan_id: str) -> str:
    return f"teams/{plan_id}/index.md"


def dashboard_path(plan_id: str) -> str:
    return f"teams/{plan_id}/dashboard.md"


def page_title(text: str) -> Markup:
    """The frontmatter line that sets the page title; MkDocs themes print it unescaped.

    A JSON string is a valid YAML string; its text is HTML-escaped, so it is safe markup.
    """
    flat = " ".join(text.split())
    return Markup("title: " + json.dumps(html.escape(flat, quote=True), ensure_ascii=False))


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


def home_page(data: SiteData, labels: Labels, directory_urls: bool) -> str:
    """The organisation dashboard."""
    org = data.organisation
    teams_rows = []
    for pm in data.current:
        plan = pm.plan
        goals = Lines(
            tuple(
                goal_status(gm.status, labels, f"{gm.goal.metric} {percent(gm.attainment)}")
                for gm in pm.goals
            )
        )
        links = Lines(
            (
                Link(labels["site.plan"], href(plan_page_path(plan.id), HOME, directory_urls)),
                Link(labels["site.dashboard"], href(dashboard_path(plan.id), HOME, directory_urls)),
            )
        )
        teams_rows.append(
            (
                Link(plan.team, href(plan_page_path(plan.id), HOME, directory_urls)),
                plan.region or labels["site.no_region"],
                plan.period.name,
                goals,
                str(alert_count(pm)),
                links,
            )
        )
    teams = Table(
        labels["page.home.teams"],
        tuple(
            labels[f"field.{k}"] for k in ("team", "region", "period", "goals", "alerts", "links")
        ),
        tuple(teams_rows),
        "sp-teams",
    )
    regions = Table(
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
                r.name or labels["site.no_region"],
                str(len(r.plans)),
                Lines(tuple(rollup_line_text(line, labels) for line in r.lines)),
                _status_counts(r, labels, "goal"),
                str(len(r.help_needed)),
            )
            for r in data.regions
        ),
        "sp-regions",
    )
    headline = Table(
        labels["page.home.headline"],
        (
            labels["page.home.teams_count"],
            labels["page.home.goals_count"],
            labels["page.home.tasks_count"],
            labels["page.home.alerts_count"],
            labels["page.home.org_attainment"],
        ),
        (
            (
                str(len(data.current)),
                str(sum(len(pm.goals) for pm in data.current)),
                str(sum(len(pm.tasks) for pm in data.current)),
                Link(
                    str(sum(alert_count(pm) for pm in data.current)),
                    href(ALERTS, HOME, directory_urls),
                ),
                Lines(tuple(rollup_line_text(line, labels) for line in org.lines)),
            ),
        ),
        "sp-headline",
    )
    status = Table(
        labels["page.home.status_counts"],
        (labels["field.goal_statuses"], labels["field.task_statuses"]),
        ((_status_counts(org, labels, "goal"), _status_counts(org, labels, "task")),),
        "sp-status-counts",
    )
    metrics = list(data.current)
    return render_template(
        "index.md.j2",
        labels=labels,
        title=page_title(labels["page.home.title"]),
        as_of=data.as_of.isoformat(),
        headline=headline,
        status=status,
        teams=teams,
        regions=regions,
        has_plans=bool(metrics),
        team_chart=_chart(charts.team_attainment(metrics, labels), "team-attainment")
        if metrics
        else "",
        region_chart=_chart(charts.region_rollups(list(data.regions), labels), "regions")
        if metrics
        else "",
    )


def plan_page(pm: PlanMetrics, data: SiteData, labels: Labels, directory_urls: bool) -> str:
    """A team's plan: header, the six template tables, root causes, context, cadence, body."""
    plan = pm.plan
    path = plan_page_path(plan.id)
    manager = plan.member(plan.manager)
    previous = next((m.plan for m in data.metrics if m.plan.id == plan.previous), None)
    header = Table(
        "",
        tuple(
            labels[f"field.{k}"]
            for k in ("region", "manager", "period", "as_of", "goal_statuses", "task_statuses")
        ),
        (
            (
                plan.region or labels["site.no_region"],
                manager.name if manager else plan.manager,
                f"{plan.period.name} ({day(plan.period.start)} – {day(plan.period.end)})",
                day(pm.as_of),
                Lines(
                    tuple(goal_status(gm.status, labels, f"{gm.goal.metric}") for gm in pm.goals)
                ),
                _task_counts(pm, labels),
            ),
        ),
        "sp-header",
    )
    cadence = plan.cadence
    cadence_rows = (
        tuple(
            (labels[f"field.{k}"], getattr(cadence, k))
            for k in ("daily", "weekly", "monthly")
            if getattr(cadence, k)
        )
        if cadence
        else ()
    )
    return render_template(
        "plan.md.j2",
        labels=labels,
        title=page_title(plan.team),
        plan=plan,
        header=header,
        dashboard_href=href(dashboard_path(plan.id), path, directory_urls),
        previous=Link(
            f"{previous.team} · {previous.period.name}",
            href(plan_page_path(previous.id), path, directory_urls),
        )
        if previous
        else None,
        tables=template_tables(pm, labels),
        root_causes=root_cause_table(pm, labels) if plan.root_causes else None,
        chains=tuple((rc.id, labels[f"cause.{rc.dimension}"], rc.chain) for rc in plan.root_causes),
        context=context_tables(pm, labels),
        cadence=Table(
            "",
            (labels["page.plan.cadence"], labels["page.plan.notes"]),
            cadence_rows,
            "sp-cadence",
        )
        if cadence_rows
        else None,
        body=sanitised_markdown(plan.body),
    )


def dashboard_page(pm: PlanMetrics, labels: Labels, directory_urls: bool) -> str:
    """A team's dashboard: goal trends, attainment bullets, task Gantt, burn-up."""
    plan = pm.plan
    trends = tuple(
        (
            gm.goal.metric,
            _chart(charts.goal_trend(gm, plan, pm.as_of, labels), f"trend-{gm.goal.id}"),
        )
        for gm in pm.goals
    )
    return render_template(
        "dashboard.md.j2",
        labels=labels,
        title=page_title(f"{plan.team} · {labels['page.dashboard.title']}"),
        plan=plan,
        plan_href=href(plan_page_path(plan.id), dashboard_path(plan.id), directory_urls),
        as_of=day(pm.as_of),
        trends=trends,
        bullets=_chart(charts.attainment_bullets(pm, labels), "attainment"),
        gantt=_chart(charts.task_gantt(pm, labels), "gantt") if pm.tasks else "",
        burnup=_chart(charts.burnup(pm, labels), "burnup") if pm.tasks else "",
    )


def alerts_page(data: SiteData, labels: Labels, directory_urls: bool) -> str:
    """Every task and goal that needs attention, across teams."""
    task_rows = []
    goal_rows = []
    for pm in data.current:
        plan = pm.plan
        team = Link(plan.team, href(plan_page_path(plan.id), ALERTS, directory_urls))
        for tm in alert_tasks(pm):
            last = day(tm.last_checkin)
            task_rows.append(
                (
                    team,
                    tm.task.title,
                    owner_names(plan, tm.task.owners, labels),
                    task_status(tm.status, labels),
                    str(tm.days_behind) if tm.days_behind else None,
                    Lines((last, labels["page.alerts.stale"])) if tm.stale else last,
                )
            )
        for gm in pm.goals:
            if gm.status == "off_track":
                unit = gm.goal.unit
                goal_rows.append(
                    (
                        team,
                        gm.goal.metric,
                        amount(gm.current, unit),
                        amount(gm.expected, unit),
                        amount(gm.goal.target, unit),
                        goal_status(gm.status, labels, percent(gm.attainment)),
                    )
                )
    tasks = Table(
        labels["page.alerts.tasks"],
        tuple(
            labels[f"field.{k}"]
            for k in ("team", "task", "owner", "status", "days_behind", "last_checkin")
        ),
        tuple(task_rows),
        "sp-alert-tasks",
    )
    goals = Table(
        labels["page.alerts.goals"],
        tuple(
            labels[f"field.{k}"]
            for k in ("team", "goal", "current", "expected", "target", "attainment")
        ),
        tuple(goal_rows),
        "sp-alert-goals",
    )
    return render_template(
        "alerts.md.j2",
        labels=labels,
        title=page_title(labels["page.alerts.title"]),
        as_of=data.as_of.isoformat(),
        tasks=tasks,
        goals=goals,
        none=not task_rows and not goal_rows,
    )


def _chart(figure: dict, chart_id: str) -> Markup:
    # The charts module embeds the figure JSON safely; its snippet is trusted markup.
    return Markup(charts.chart_block(figure, chart_id))


def _status_counts(r: Rollup, labels: Labels, kind: str) -> Lines:
    counts: Sequence[tuple[str, int]] = (
        r.goal_status_counts if kind == "goal" else r.task_status_counts
    )
    make = goal_status if kind == "goal" else task_status
    return Lines(
        tuple(
            make(name, labels, f"{labels[f'{kind}_status.{name}']} {n}") for name, n in counts if n
        )
    )


def _task_counts(pm: PlanMetrics, labels: Labels) -> Lines:
    counts: dict[str, int] = {}
    for tm in pm.tasks:
        counts[tm.status] = counts.get(tm.status, 0) + 1
    return Lines(
        tuple(
            task_status(name, labels, f"{labels[f'task_status.{name}']} {counts[name]}")
            for name in TASK_ICONS
            if name in counts
        )
    )
