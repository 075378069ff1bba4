"""The tables of the overview pages (home, regions, alerts): teams, rollups, status counts, the
tasks that need attention. Each reads computed metrics and rollups; none computes a metric."""

from __future__ import annotations

from collections.abc import Sequence

from ..compute import PlanMetrics, Rollup, RollupLine, TaskMetrics
from ..words import Words
from .cells import Lines, Link, Table, goal_status, task_status
from .context import PageContext
from .format import amount, day, help_text, owner_names, percent, rollup_label
from .paths import dashboard_path, plan_page_path, region_alerts_path

TASK_ALERT_COLUMNS = ("team", "task", "owner", "status", "days_behind", "help", "last_checkin")
# Past this many teams in force the home page and the alerts page go by region (SPEC §5), so
# that no page grows with the number of teams; each region's page lists its own.
SUMMARISE_ABOVE = 60


def summarised(ctx: PageContext) -> bool:
    """Whether the home and alerts pages list regions instead of teams."""
    return len(ctx.data.current) > SUMMARISE_ABOVE


def rollup_line_text(line: RollupLine, words: Words) -> str:
    """`Revenue (total, latest value): 310 / 420 万元 (73.8%)`."""
    return (
        f"{rollup_label(line, words)}: {amount(line.current, '').strip()} / "
        f"{amount(line.target, line.unit)} ({percent(line.attainment)})"
    )


def teams_table(
    metrics: Sequence[PlanMetrics], ctx: PageContext, *, region_column: bool = True
) -> Table:
    """Team, region (not on a region's own page), period, attainment per goal, alerts, links:
    one row per plan."""
    words = ctx.words
    rows = []
    for pm in metrics:
        plan = pm.plan
        plan_link = ctx.link(plan.team, plan_page_path(plan.id))
        goals = Lines(
            tuple(
                goal_status(gm.status, words, f"{gm.goal.metric} {percent(gm.attainment)}")
                for gm in pm.goals
            )
        )
        links = Lines(
            (
                Link(words["site.plan"], plan_link.href),
                ctx.link(words["site.dashboard"], dashboard_path(plan.id)),
            )
        )
        region = (ctx.region_link(plan.region or ""),) if region_column else ()
        rows.append((plan_link, *region, plan.period.name, goals, str(pm.alerts), links))
    columns = (
        "team",
        *(("region",) if region_column else ()),
        "period",
        "goals",
        "alerts",
        "links",
    )
    return Table(
        words["page.home.teams"],
        tuple(words[f"field.{k}"] for k in columns),
        tuple(rows),
        "sp-teams",
    )


def regions_table(rollups: Sequence[Rollup], ctx: PageContext) -> Table:
    """One row per region: teams, attainment per rollup line, goal statuses, help needed."""
    words = ctx.words
    return Table(
        words["page.home.regions"],
        tuple(
            words[f"field.{k}"]
            for k in ("region", "plans", "attainment", "goal_statuses", "help_needed")
        ),
        tuple(
            (
                ctx.region_link(r.name),
                str(len(r.plans)),
                Lines(tuple(rollup_line_text(line, words) for line in r.lines)),
                status_counts(r, words, "goal"),
                str(len(r.help_needed)),
            )
            for r in rollups
        ),
        "sp-regions",
    )


def rollup_lines_table(r: Rollup, words: Words) -> Table:
    """A rollup's lines: dimension, current, target, attainment, number of goals summed."""
    return Table(
        words["page.region.rollup"],
        tuple(
            words[f"field.{k}"] for k in ("dimension", "current", "target", "attainment", "goals")
        ),
        tuple(
            (
                rollup_label(line, words),
                amount(line.current, line.unit),
                amount(line.target, line.unit),
                percent(line.attainment),
                str(line.goals),
            )
            for line in r.lines
        ),
        "sp-rollup",
    )


def status_table(r: Rollup, words: Words) -> Table:
    """How many goals and tasks are in each status."""
    return Table(
        words["page.home.status_counts"],
        (words["field.goal_statuses"], words["field.task_statuses"]),
        ((status_counts(r, words, "goal"), status_counts(r, words, "task")),),
        "sp-status-counts",
    )


def attention_table(
    metrics: Sequence[PlanMetrics], ctx: PageContext, title: str, css: str, *, help_only: bool
) -> Table:
    """Tasks that need attention (or, with `help_only`, the help-needed ones), one per row."""
    rows = []
    for pm in metrics:
        team = ctx.link(pm.plan.team, plan_page_path(pm.plan.id))
        tasks = [tm for tm in pm.tasks if tm.help_needed] if help_only else pm.attention_tasks
        rows += [task_alert_row(team, pm, tm, ctx.words) for tm in tasks]
    return Table(
        title, tuple(ctx.words[f"field.{k}"] for k in TASK_ALERT_COLUMNS), tuple(rows), css
    )


def task_alert_row(team: Link, pm: PlanMetrics, tm: TaskMetrics, words: Words) -> tuple:
    """A task that needs attention, in the columns of TASK_ALERT_COLUMNS."""
    last = day(tm.last_checkin)
    return (
        team,
        tm.task.title,
        owner_names(pm.plan, tm.task.owners, words),
        task_status(tm.status, words),
        str(tm.days_behind) if tm.days_behind else None,
        help_text(tm, pm.plan, words),
        Lines((last, words["page.alerts.stale"])) if tm.stale else last,
    )


def off_track_table(metrics: Sequence[PlanMetrics], ctx: PageContext) -> Table:
    """Goals off track: team, goal, current, expected, target, attainment."""
    words = ctx.words
    rows = []
    for pm in metrics:
        team = ctx.link(pm.plan.team, plan_page_path(pm.plan.id))
        for gm in pm.off_track_goals:
            unit = gm.goal.unit
            rows.append(
                (
                    team,
                    gm.goal.metric,
                    amount(gm.current, unit),
                    amount(gm.expected, unit),
                    amount(gm.goal.target, unit),
                    goal_status(gm.status, words, percent(gm.attainment)),
                )
            )
    columns = ("team", "goal", "current", "expected", "target", "attainment")
    return Table(
        words["page.alerts.goals"],
        tuple(words[f"field.{k}"] for k in columns),
        tuple(rows),
        "sp-alert-goals",
    )


def alerts_by_region_table(rollups: Sequence[Rollup], ctx: PageContext) -> Table:
    """One row per region: its alerts, its help-needed, overdue, blocked and stale tasks, its
    off-track goals; the region linked to its own alerts page."""
    words = ctx.words
    rows = []
    for r in rollups:
        tasks, goals = dict(r.task_status_counts), dict(r.goal_status_counts)
        region = ctx.link(ctx.region_name(r.name), region_alerts_path(ctx.region_paths[r.name]))
        counts = (len(r.help_needed), tasks.get("overdue", 0), tasks.get("blocked", 0), r.stale)
        rows.append(
            (region, str(r.alerts), *(str(n) for n in counts), str(goals.get("off_track", 0)))
        )
    columns = (
        words["field.region"],
        words["page.home.alerts_count"],
        *(words[f"task_status.{k}"] for k in ("help_needed", "overdue", "blocked")),
        words["field.stale"],
        words["page.alerts.goals"],
    )
    return Table(words["page.alerts.by_region"], columns, tuple(rows), "sp-alert-regions")


def status_counts(r: Rollup, words: Words, kind: str) -> Lines:
    """The non-zero counts of goal (kind "goal") or task statuses, each in its colour."""
    counts: Sequence[tuple[str, int]] = (
        r.goal_status_counts if kind == "goal" else r.task_status_counts
    )
    make = goal_status if kind == "goal" else task_status
    return Lines(
        tuple(make(name, words, f"{words[f'{kind}_status.{name}']} {n}") for name, n in counts if n)
    )
