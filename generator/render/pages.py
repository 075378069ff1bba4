"""The generated pages: one function per page, each a template filled with computed figures."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from ..compute import PlanMetrics, Rollup
from ..words import Words
from . import charts
from .cells import Lines, Link, Table, goal_status, task_status
from .chart_text import chart_with_table
from .context import PageContext
from .format import day
from .markup import page_title, render_template, sanitised_markdown
from .method_tables import goal_ambition, goal_position, traceability
from .monthly import month_links
from .overview import (
    SUMMARISE_ABOVE,
    alerts_by_region_table,
    attention_table,
    off_track_table,
    regions_table,
    rollup_line_text,
    rollup_lines_table,
    status_table,
    summarised,
    teams_table,
)
from .paths import (
    ALERTS,
    HOME,
    dashboard_path,
    plan_page_path,
    region_alerts_path,
    table_csv_path,
    workbook_path,
)
from .stability import stability_table
from .standup_sheet import sheet_path
from .tables import context_tables, root_cause_table, template_tables

# What the rows of a chart's table are (see chart_text.chart_table).
TEAM, REGION, GOAL, TASK = (f"chart.table.{k}" for k in ("team", "region", "goal", "task"))


def home_page(ctx: PageContext) -> str:
    """The organisation dashboard."""
    ctx, data, words = ctx.at(HOME), ctx.data, ctx.words
    org = data.organisation
    headline = Table(
        words["page.home.headline"],
        tuple(
            words[f"page.home.{k}"]
            for k in ("teams_count", "goals_count", "tasks_count", "alerts_count", "org_attainment")
        ),
        (
            (
                str(len(data.current)),
                str(org.goals),
                str(org.tasks),
                ctx.link(str(org.alerts), ALERTS),
                Lines(tuple(rollup_line_text(line, words) for line in org.lines)),
            ),
        ),
        "sp-headline sp-stack",
    )
    metrics = list(data.current)
    by_region = summarised(ctx)
    return render_template(
        "index.md.j2",
        words=words,
        title=page_title(words["page.home.title"]),
        as_of=data.as_of.isoformat(),
        headline=headline,
        status=status_table(org, words),
        teams=None if by_region else teams_table(metrics, ctx),
        by_region_note=words.say("page.home.by_region_note", count=len(metrics)),
        regions=regions_table(data.regions, ctx),
        has_plans=bool(metrics),
        team_chart=_chart(charts.team_attainment(metrics, words), "team-attainment", words, TEAM)
        if metrics and not by_region
        else "",
        region_chart=_chart(charts.region_rollups(data.regions, words), "regions", words, REGION)
        if metrics
        else "",
    )


def region_page(r: Rollup, ctx: PageContext) -> str:
    """A region: its rollup, status counts, teams, help-needed tasks, attainment by team (as a
    chart too, up to SUMMARISE_ABOVE teams)."""
    ctx = ctx.at(ctx.region_paths[r.name])
    words = ctx.words
    metrics = ctx.data.plans_of(r)
    name = ctx.region_name(r.name)
    return render_template(
        "region.md.j2",
        words=words,
        title=page_title(name),
        region=name,
        as_of=ctx.data.as_of.isoformat(),
        home_href=ctx.href(HOME),
        alerts_href=ctx.href(region_alerts_path(ctx.region_paths[r.name]))
        if summarised(ctx)
        else None,
        rollup=rollup_lines_table(r, words),
        status=status_table(r, words),
        teams=teams_table(metrics, ctx, region_column=False),
        help_needed=attention_table(
            metrics, ctx, words["page.region.help_needed"], "sp-help-needed", help_only=True
        ),
        # past SUMMARISE_ABOVE teams the chart would repeat the teams table's figures at a
        # size no one reads: the table alone, as on the home page
        team_chart=_chart(charts.team_attainment(metrics, words), "team-attainment", words, TEAM)
        if len(metrics) <= SUMMARISE_ABOVE
        else "",
    )


def not_current_notice(pm: PlanMetrics, ctx: PageContext) -> tuple[str, Link] | None:
    """(why, link to the plan in force) for a plan of a team that is not its plan in force."""
    in_force = ctx.data.plan_in_force(pm)
    if in_force is None:
        return None
    period, words = pm.plan.period, ctx.words
    if period.end < ctx.data.as_of:
        why = words["page.plan.period_ended"]
    elif period.start > ctx.data.as_of:
        why = words["page.plan.period_not_started"]
    else:  # periods that overlap: the one that started last is in force
        why = words["page.plan.replaced"]
    target = in_force.plan
    page = dashboard_path if ctx.source.endswith("dashboard.md") else plan_page_path
    return why, ctx.link(f"{target.team} · {target.period.name}", page(target.id))


def plan_page(pm: PlanMetrics, ctx: PageContext) -> str:
    """A team's plan: header, the six template tables, root causes, context, cadence, body."""
    plan = pm.plan
    ctx = ctx.at(plan_page_path(plan.id))
    words = ctx.words
    previous = ctx.data.plan(plan.previous)
    cadence = plan.cadence
    cadence_rows = tuple(
        (words[f"field.{k}"], getattr(cadence, k))
        for k in ("daily", "weekly", "monthly")
        if cadence and getattr(cadence, k)
    )
    return render_template(
        "plan.md.j2",
        words=words,
        title=page_title(plan.team),
        plan=plan,
        header=_plan_header(pm, ctx),
        as_of=day(pm.as_of),
        notice=not_current_notice(pm, ctx),
        dashboard_href=ctx.href(dashboard_path(plan.id)),
        previous=ctx.link(
            f"{previous.plan.team} · {previous.plan.period.name}", plan_page_path(previous.plan.id)
        )
        if previous
        else None,
        csv_hrefs=tuple(ctx.href(table_csv_path(plan.id, n)) for n in range(1, 7)),
        workbook_href=ctx.href(workbook_path(plan.id)),
        next_plans=tuple(
            ctx.link(f"{n.plan.team} · {n.plan.period.name}", plan_page_path(n.plan.id))
            for n in ctx.data.next_plans(pm)
        ),
        edit_href=ctx.edit.url(plan) if ctx.edit is not None else None,
        sheet_href=ctx.href(sheet_path(plan.id)),
        tables=template_tables(pm, words, ctx.edit),
        position=goal_position(pm, words),
        ambition=goal_ambition(pm, words),
        months=month_links(pm, ctx),
        trace=traceability(pm, words) if plan.strategies else None,
        root_causes=root_cause_table(pm, words) if plan.root_causes else None,
        chains=tuple((rc.id, words[f"cause.{rc.dimension}"], rc.chain) for rc in plan.root_causes),
        context=context_tables(pm, words),
        cadence=Table(
            "",
            (words["page.plan.cadence"], words["page.plan.notes"]),
            cadence_rows,
            "sp-cadence",
        )
        if cadence_rows
        else None,
        body=sanitised_markdown(plan.body),
        history_href=ctx.history_href(plan.team),
        stability=stability_table([plan], ctx) if ctx.history_readable else None,
    )


def _plan_header(pm: PlanMetrics, ctx: PageContext) -> Table:
    """Region, manager, period, as-of date, and the statuses of goals and tasks."""
    plan, words = pm.plan, ctx.words
    manager = plan.member(plan.manager)
    columns = ("region", "manager", "period", "as_of", "goal_statuses", "task_statuses")
    task_counts = tuple(
        task_status(name, words, f"{words[f'task_status.{name}']} {n}")
        for name, n in pm.task_status_counts
    )
    row = (
        ctx.region_link(plan.region or ""),
        manager.name if manager else plan.manager,
        f"{plan.period.name} ({day(plan.period.start)} – {day(plan.period.end)})",
        day(pm.as_of),
        Lines(tuple(goal_status(gm.status, words, gm.goal.metric) for gm in pm.goals)),
        Lines(task_counts),
    )
    return Table("", tuple(words[f"field.{k}"] for k in columns), (row,), "sp-header sp-stack")


def dashboard_page(pm: PlanMetrics, ctx: PageContext) -> str:
    """A team's dashboard: goal trends, attainment bullets, task Gantt, burn-up."""
    plan = pm.plan
    ctx = ctx.at(dashboard_path(plan.id))
    words = ctx.words
    trends = tuple(
        (
            gm.goal.metric,
            _chart(
                charts.goal_trend(gm, plan, pm.as_of, words), f"trend-{gm.goal.id}", words, GOAL
            ),
        )
        for gm in pm.goals
    )
    return render_template(
        "dashboard.md.j2",
        words=words,
        title=page_title(f"{plan.team} · {words['page.dashboard.title']}"),
        plan=plan,
        notice=not_current_notice(pm, ctx),
        plan_href=ctx.href(plan_page_path(plan.id)),
        as_of=day(pm.as_of),
        trends=trends,
        bullets=_chart(charts.attainment_bullets(pm, words), "attainment", words, GOAL),
        position=goal_position(pm, words),
        months=month_links(pm, ctx),
        gantt=_chart(charts.task_gantt(pm, words), "gantt", words, TASK) if pm.tasks else "",
        burnup=_chart(charts.burnup(pm, words), "burnup", words, TASK) if pm.tasks else "",
    )


def alerts_page(ctx: PageContext) -> str:
    """Every task and goal that needs attention, across the plans in force; past
    SUMMARISE_ABOVE teams, the alerts of each region, each linked to its region's alerts page."""
    ctx, words = ctx.at(ALERTS), ctx.words
    if summarised(ctx):
        regions = alerts_by_region_table(ctx.data.regions, ctx)
        alerts = ctx.data.organisation.alerts
        return _alerts(ctx, words["page.alerts.title"], regions=regions, none=not alerts)
    return _alerts(ctx, words["page.alerts.title"], ctx.data.current)


def region_alerts_page(r: Rollup, ctx: PageContext) -> str:
    """The tasks and goals of one region that need attention (a large site's alerts)."""
    ctx = ctx.at(region_alerts_path(ctx.region_paths[r.name]))
    title = ctx.words.say("page.alerts.region_title", region=ctx.region_name(r.name))
    up = ctx.link(ctx.words["page.alerts.all_regions"], ALERTS)
    return _alerts(ctx, title, ctx.data.plans_of(r), up=up)


def _alerts(
    ctx: PageContext,
    title: str,
    metrics: Sequence[PlanMetrics] = (),
    *,
    regions: Table | None = None,
    none: bool | None = None,
    up: Link | None = None,
) -> str:
    words = ctx.words
    tasks = attention_table(
        metrics, ctx, words["page.alerts.tasks"], "sp-alert-tasks", help_only=False
    )
    goals = off_track_table(metrics, ctx)
    return render_template(
        "alerts.md.j2",
        words=words,
        title=page_title(title),
        heading=title,
        as_of=ctx.data.as_of.isoformat(),
        up=up,
        regions=regions,
        tasks=tasks,
        goals=goals,
        none=(not tasks.rows and not goals.rows) if none is None else none,
    )


def _chart(figure: dict, chart_id: str, words: Words, first_column: str) -> Markup:
    return chart_with_table(figure, chart_id, words, first_column)
