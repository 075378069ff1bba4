"""The six template tables of SPEC §1 and the plan's other tables, as cell values.

Each function reads a plan and its computed metrics; none computes a metric itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import zip_longest

from ..compute import PlanMetrics
from .cells import (
    Group,
    Lines,
    Table,
    amount,
    day,
    number,
    owner_names,
    progress,
    task_status,
    window,
)

Labels = Mapping[str, str]


def goal_setting(pm: PlanMetrics, labels: Labels) -> Table:
    """Template 1: dimension, metric, target, due, owner, key actions."""
    plan = pm.plan
    rows = tuple(
        (
            labels[f"dimension.{g.dimension}"],
            g.metric,
            amount(g.target, g.unit),
            day(g.due),
            owner_names(plan, g.owners, labels),
            g.key_actions,
        )
        for g in plan.goals
    )
    return _table(
        "t1", ("dimension", "metric", "target", "due", "owner", "key_actions"), rows, labels
    )


def current_state(pm: PlanMetrics, labels: Labels) -> Table:
    """Template 2: dimension, current data (computed when it names a goal), problem, cause."""
    by_goal = {gm.goal.id: gm for gm in pm.goals}
    rows = []
    for entry in pm.plan.diagnosis:
        gm = by_goal.get(entry.goal) if entry.goal else None
        if gm is not None:
            unit = gm.goal.unit
            current = labels["t2.computed"].format(
                current=amount(gm.current, unit),
                target=amount(gm.goal.target, unit),
                gap=amount(gm.gap, unit),
            )
            current = f"{current} — {entry.current}" if entry.current else current
        else:
            current = entry.current
        rows.append((entry.dimension, current, entry.problem, entry.cause))
    return _table("t2", ("dimension", "current", "problem", "cause"), rows, labels)


def strategy_plan(pm: PlanMetrics, labels: Labels) -> Table:
    """Template 3: module, direction, measures."""
    rows = tuple(
        (labels[f"module.{s.module}"], s.direction, Lines(s.measures)) for s in pm.plan.strategies
    )
    return _table("t3", ("module", "direction", "measures"), rows, labels)


def task_breakdown(pm: PlanMetrics, labels: Labels) -> Table:
    """Template 4: task, owner, window, resources, expected output."""
    plan = pm.plan
    rows = tuple(
        (
            t.title,
            owner_names(plan, t.owners, labels),
            window(t.start, t.end, labels),
            Lines(t.resources),
            t.deliverable,
        )
        for t in plan.tasks
    )
    return _table("t4", ("task", "owner", "window", "resources", "deliverable"), rows, labels)


def execution_tracking(pm: PlanMetrics, labels: Labels) -> Table:
    """Template 5: task, planned %, actual %, status, days behind, help needed."""
    rows = []
    for tm in pm.tasks:
        blocker = tm.task.checkins[-1].blocker if tm.task.checkins else None
        help_text = labels["t5.help_yes"] if tm.help_needed else None
        rows.append(
            (
                tm.task.title,
                progress(tm.planned),
                progress(tm.actual),
                task_status(tm.status, labels),
                str(tm.days_behind) if tm.days_behind else None,
                Lines(tuple(text for text in (help_text, blocker) if text))
                if help_text or blocker
                else None,
            )
        )
    columns = ("task", "planned", "actual", "status", "days_behind", "help_needed")
    return _table("t5", columns, rows, labels)


def review_iteration(pm: PlanMetrics, labels: Labels) -> Table:
    """Template 6: aspect, finding, metrics, next action, owner, due; one group per review."""
    plan = pm.plan
    rows: list[tuple[object, ...] | Group] = []
    for review in plan.reviews:
        rows.append(Group(f"{labels['field.review']} {review.period} ({review.date.isoformat()})"))
        for finding, action in zip_longest(review.findings, review.next_actions):
            rows.append(
                (
                    labels[f"aspect.{finding.aspect}"] if finding else None,
                    finding.text if finding else None,
                    Lines(tuple(f"{name}: {number(value)}" for name, value in finding.metrics))
                    if finding and finding.metrics
                    else None,
                    action.action if action else None,
                    owner_names(plan, action.owners, labels) if action and action.owners else None,
                    day(action.due) if action and action.due else None,
                )
            )
    columns = ("aspect", "finding", "metrics", "next_action", "owner", "due")
    return _table("t6", columns, rows, labels)


def template_tables(pm: PlanMetrics, labels: Labels) -> tuple[Table, ...]:
    """The six template tables of a plan, in the method's order."""
    return (
        goal_setting(pm, labels),
        current_state(pm, labels),
        strategy_plan(pm, labels),
        task_breakdown(pm, labels),
        execution_tracking(pm, labels),
        review_iteration(pm, labels),
    )


def root_cause_table(pm: PlanMetrics, labels: Labels) -> Table:
    """The causal chains as text (the diagrams above it need JavaScript)."""
    rows = []
    for cause in pm.plan.root_causes:
        five_w = cause.five_w
        answers = (
            tuple(
                f"{labels[f'five_w.{key}']}: {getattr(five_w, key)}"
                for key in ("why", "what", "where", "when", "who")
                if getattr(five_w, key)
            )
            if five_w
            else ()
        )
        rows.append((labels[f"cause.{cause.dimension}"], " → ".join(cause.chain), Lines(answers)))
    columns = (labels["field.dimension"], labels["field.chain"], labels["field.five_w"])
    return Table(labels["page.plan.root_causes"], columns, tuple(rows), "sp-root-causes")


def context_tables(pm: PlanMetrics, labels: Labels) -> tuple[Table, ...]:
    """Customer segments, competitors and team resources, when the plan records them."""
    context = pm.plan.context
    if context is None:
        return ()
    tables = []
    if context.customers:
        tables.append(
            Table(
                labels["page.plan.customers"],
                (labels["field.segment"], labels["field.share"], labels["field.needs"]),
                tuple(
                    (
                        c.segment,
                        amount(c.share, "%") if c.share is not None else None,
                        Lines(c.needs),
                    )
                    for c in context.customers
                ),
            )
        )
    if context.competitors:
        tables.append(
            Table(
                labels["page.plan.competitors"],
                tuple(labels[f"field.{k}"] for k in ("name", "share", "strengths", "weaknesses")),
                tuple(
                    (
                        c.name,
                        amount(c.share, "%") if c.share is not None else None,
                        c.strengths,
                        c.weaknesses,
                    )
                    for c in context.competitors
                ),
            )
        )
    resources = context.resources
    if resources is not None:
        budget = (
            amount(resources.budget, resources.budget_unit or "")
            if resources.budget is not None
            else None
        )
        headcount = str(resources.headcount) if resources.headcount is not None else None
        tables.append(
            Table(
                labels["page.plan.resources"],
                (labels["field.headcount"], labels["field.skill_gaps"], labels["field.budget"]),
                ((headcount, Lines(resources.skill_gaps), budget),),
            )
        )
    return tuple(tables)


def _table(key: str, columns: tuple[str, ...], rows, labels: Labels) -> Table:
    return Table(
        labels[f"{key}.title"],
        tuple(labels[f"{key}.{column}"] for column in columns),
        tuple(rows),
        f"sp-template sp-{key}",
    )
