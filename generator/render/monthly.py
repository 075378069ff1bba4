"""The monthly report page of a plan (月度业绩分析报告): the computed MonthReport as tables."""

from __future__ import annotations

from ..compute import MonthReport, PlanMetrics
from ..model import Milestone, Task
from .cells import Lines, Link, Table, goal_status, task_status
from .context import PageContext
from .format import amount, day, difference, owner_names, percent, progress
from .markup import page_title, render_template
from .method_tables import comparison
from .paths import dashboard_path, monthly_path, plan_page_path
from .tables import review_iteration


def month_links(pm: PlanMetrics, ctx: PageContext) -> tuple[Link, ...]:
    """A link to each monthly report of the plan, the current month marked "to date"."""
    words = ctx.words
    return tuple(
        ctx.link(
            words.say("monthly.to_date", month=r.month) if r.to_date else r.month,
            monthly_path(pm.plan.id, r.month),
        )
        for r in ctx.data.monthly.get(pm.plan.id, ())
    )


def monthly_page(pm: PlanMetrics, report: MonthReport, ctx: PageContext) -> str:
    """One month of a plan: goals, tasks, the help mechanism, reviews, the month ahead."""
    plan = pm.plan
    ctx = ctx.at(monthly_path(plan.id, report.month))
    words = ctx.words
    reports = ctx.data.monthly.get(plan.id, ())
    index = next(i for i, r in enumerate(reports) if r.month == report.month)
    siblings = [
        ctx.link(r.month, monthly_path(plan.id, r.month)) if r is not None else None
        for r in (reports[index - 1] if index else None, _after(reports, index))
    ]
    title = words.say("monthly.title", team=plan.team, month=report.month)
    return render_template(
        "monthly.md.j2",
        words=words,
        title=page_title(title),
        heading=title,
        as_of=day(pm.as_of),
        plan=plan,
        report=report,
        span=f"{day(report.first)} – {day(report.last)}",
        plan_href=ctx.href(plan_page_path(plan.id)),
        dashboard_href=ctx.href(dashboard_path(plan.id)),
        previous=siblings[0],
        next=siblings[1],
        goals=_goals(report, ctx),
        finished=_tasks(report.finished, pm, ctx, "monthly.finished", "sp-finished"),
        slipped=_tasks(report.slipped, pm, ctx, "monthly.slipped", "sp-slipped"),
        help=_help(report, pm, ctx),
        reviews=review_iteration(pm, words, report.reviews) if report.reviews else None,
        ahead=_ahead(report, pm, ctx),
    )


def _after(reports: tuple[MonthReport, ...], index: int) -> MonthReport | None:
    return reports[index + 1] if index + 1 < len(reports) else None


def _goals(report: MonthReport, ctx: PageContext) -> Table:
    words = ctx.words
    rows = []
    for month in report.goals:
        gm, unit = month.at_end, month.at_end.goal.unit
        rows.append(
            (
                gm.goal.metric,
                amount(gm.current, unit),
                difference(month.change, unit, words, sign=True),
                amount(gm.expected, unit),
                amount(gm.goal.target, unit),
                goal_status(gm.status, words, percent(gm.attainment)),
                comparison(gm.vs_last_year, unit, words),
                comparison(gm.vs_industry, unit, words),
            )
        )
    columns = (
        "goal", "month_end", "change", "expected", "target", "attainment", "vs_last_year",
        "vs_industry",
    )  # fmt: skip
    return Table(
        words["monthly.goals"],
        tuple(words[f"monthly.col.{k}"] for k in columns),
        tuple(rows),
        "sp-month-goals",
    )


def _tasks(tasks, pm: PlanMetrics, ctx: PageContext, title: str, css: str) -> Table:
    words = ctx.words
    rows = tuple(
        (
            tm.task.title,
            owner_names(pm.plan, tm.task.owners, words),
            progress(tm.planned),
            progress(tm.actual),
            task_status(tm.status, words),
            str(tm.days_behind) if tm.days_behind else None,
        )
        for tm in tasks
    )
    columns = ("task", "owner", "planned", "actual", "status", "days_behind")
    return Table(words[title], tuple(words[f"monthly.col.{k}"] for k in columns), rows, css)


def _help(report: MonthReport, pm: PlanMetrics, ctx: PageContext) -> Table:
    words = ctx.words
    rows: list[tuple[object, ...]] = []
    for tm, raised in report.help_raised:
        rows.append((day(raised), tm.task.title, words["monthly.help_raised"], None))
    for tm, cleared in report.help_cleared:
        rows.append((day(cleared), tm.task.title, words["monthly.help_cleared"], None))
    for task, held in report.one_on_ones:
        member = pm.plan.member(held.by)
        what = words.say("monthly.one_on_one", name=member.name if member else held.by)
        notes = Lines(tuple(filter(None, (held.note, *held.actions))))
        rows.append((day(held.date), task.title, what, notes))
    rows.sort(key=lambda row: str(row[0]))
    columns = ("date", "task", "event", "notes")
    return Table(
        words["monthly.help"],
        tuple(words[f"monthly.col.{k}"] for k in columns),
        tuple(rows),
        "sp-month-help",
    )


def _ahead(report: MonthReport, pm: PlanMetrics, ctx: PageContext) -> Table:
    words = ctx.words
    rows: list[tuple[object, ...]] = [
        (day(m.date), words["monthly.milestone"], _milestone_text(task, m), None)
        for task, m in sorted(report.next_milestones, key=lambda pair: pair[1].date)
    ]
    rows += [
        (
            day(action.due) if action.due else None,
            words["monthly.action"],
            action.action,
            owner_names(pm.plan, action.owners, words) if action.owners else None,
        )
        for action in report.open_actions
    ]
    columns = ("date", "kind", "what", "owner")
    return Table(
        words["monthly.ahead"],
        tuple(words[f"monthly.col.{k}"] for k in columns),
        tuple(rows),
        "sp-month-ahead",
    )


def _milestone_text(task: Task, milestone: Milestone) -> str:
    parts = (task.title, progress(milestone.progress), milestone.note)
    return " · ".join(part for part in parts if part)
