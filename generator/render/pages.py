"""The generated pages: one function per page, each a template filled with computed figures."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from ..compute import PlanMetrics, Rollup
from . import chart_embed, charts
from .cells import (
    TASK_ICONS,
    Lines,
    Link,
    Table,
    amount,
    day,
    goal_status,
    href,
    percent,
    task_status,
)
from .markup import render_template, sanitised_markdown
from .overview import (
    TASK_ALERT_COLUMNS,
    alert_count,
    alert_tasks,
    help_needed_table,
    region_link,
    region_name,
    regions_table,
    rollup_line_text,
    rollup_lines_table,
    status_table,
    task_alert_row,
    teams_table,
)
from .paths import ALERTS, HOME, dashboard_path, plan_page_path, region_page_paths
from .tables import context_tables, root_cause_table, template_tables

Labels = Mapping[str, str]

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


def site_regions(data: SiteData) -> tuple[Rollup, ...]:
    """The region rollups in site order: by name, the plans without a region last."""
    return tuple(sorted(data.regions, key=lambda r: (r.name == "", r.name)))


def region_paths(data: SiteData) -> dict[str, str]:
    """Region name ("" for no region) → its page, for every region with a plan in force."""
    return region_page_paths(r.name for r in site_regions(data))


def plan_in_force(pm: PlanMetrics, data: SiteData) -> PlanMetrics | None:
    """The team's plan in force when `pm` is another (earlier or later) plan of the team."""
    current = next((other for other in data.current if other.plan.team == pm.plan.team), None)
    return current if current is not None and current.plan.id != pm.plan.id else None


def page_title(text: str) -> Markup:
    """The frontmatter line that sets the page title; MkDocs themes print it unescaped.

    A JSON string is a valid YAML string; its text is HTML-escaped, so it is safe markup.
    """
    flat = " ".join(text.split())
    return Markup("title: " + json.dumps(html.escape(flat, quote=True), ensure_ascii=False))


def home_page(data: SiteData, labels: Labels, directory_urls: bool) -> str:
    """The organisation dashboard."""
    org = data.organisation
    regions = region_paths(data)
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
    metrics = list(data.current)
    return render_template(
        "index.md.j2",
        labels=labels,
        title=page_title(labels["page.home.title"]),
        as_of=data.as_of.isoformat(),
        headline=headline,
        status=status_table(org, labels),
        teams=teams_table(metrics, HOME, labels, directory_urls, regions),
        regions=regions_table(site_regions(data), HOME, labels, directory_urls, regions),
        has_plans=bool(metrics),
        team_chart=_chart(charts.team_attainment(metrics, labels), "team-attainment")
        if metrics
        else "",
        region_chart=_chart(charts.region_rollups(list(data.regions), labels), "regions")
        if metrics
        else "",
    )


def region_page(r: Rollup, path: str, data: SiteData, labels: Labels, directory_urls: bool) -> str:
    """A region: its rollup, status counts, teams, help-needed tasks, attainment by team."""
    plans = set(r.plans)
    metrics = [pm for pm in data.current if pm.plan.id in plans]
    name = region_name(r.name, labels)
    return render_template(
        "region.md.j2",
        labels=labels,
        title=page_title(name),
        region=name,
        as_of=data.as_of.isoformat(),
        home_href=href(HOME, path, directory_urls),
        rollup=rollup_lines_table(r, labels),
        status=status_table(r, labels),
        teams=teams_table(metrics, path, labels, directory_urls, region_paths(data)),
        help_needed=help_needed_table(r, metrics, path, labels, directory_urls),
        team_chart=_chart(charts.team_attainment(metrics, labels), "team-attainment"),
    )


def not_current_notice(
    pm: PlanMetrics, data: SiteData, source: str, labels: Labels, directory_urls: bool
) -> tuple[str, Link] | None:
    """(why, link to the plan in force) for a plan of a team that is not its plan in force."""
    in_force = plan_in_force(pm, data)
    if in_force is None:
        return None
    period = pm.plan.period
    if period.end < data.as_of:
        why = labels["page.plan.period_ended"]
    elif period.start > data.as_of:
        why = labels["page.plan.period_not_started"]
    else:  # periods that overlap: the one that started last is in force
        why = labels["page.plan.replaced"]
    target = in_force.plan
    page = dashboard_path if source.endswith("dashboard.md") else plan_page_path
    link = Link(
        f"{target.team} · {target.period.name}", href(page(target.id), source, directory_urls)
    )
    return why, link


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
                region_link(plan.region or "", path, labels, directory_urls, region_paths(data)),
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
        notice=not_current_notice(pm, data, path, labels, directory_urls),
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


def dashboard_page(pm: PlanMetrics, data: SiteData, labels: Labels, directory_urls: bool) -> str:
    """A team's dashboard: goal trends, attainment bullets, task Gantt, burn-up."""
    plan = pm.plan
    path = dashboard_path(plan.id)
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
        notice=not_current_notice(pm, data, path, labels, directory_urls),
        plan_href=href(plan_page_path(plan.id), path, directory_urls),
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
        task_rows += [task_alert_row(team, plan, tm, labels) for tm in alert_tasks(pm)]
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
        tuple(labels[f"field.{k}"] for k in TASK_ALERT_COLUMNS),
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
    # chart_embed writes the figure JSON safely; its snippet is trusted markup.
    return Markup(chart_embed.chart_block(figure, chart_id))


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
