"""The six template tables of SPEC §1 and the plan's other tables, as cell values.

Each function reads a plan and its computed metrics; none computes a metric itself.
"""

from __future__ import annotations

from itertools import zip_longest

from ..compute import PlanMetrics
from ..words import Words
from .cells import Group, Lines, Table, task_status
from .format import (
    amount,
    day,
    difference,
    gap_word,
    help_text,
    number,
    owner_names,
    progress,
    window,
)


def goal_setting(pm: PlanMetrics, words: Words) -> Table:
    """Template 1: dimension, metric, target, due, owner, key actions."""
    plan = pm.plan
    rows = tuple(
        (
            words[f"dimension.{g.dimension}"],
            g.metric,
            amount(g.target, g.unit),
            day(g.due),
            owner_names(plan, g.owners, words),
            g.key_actions,
        )
        for g in plan.goals
    )
    return _table(
        "t1", ("dimension", "metric", "target", "due", "owner", "key_actions"), rows, words
    )


def current_state(pm: PlanMetrics, words: Words) -> Table:
    """Template 2: dimension, current data (computed when it names a goal), problem, cause."""
    by_goal = {gm.goal.id: gm for gm in pm.goals}
    rows = []
    for entry in pm.plan.diagnosis:
        gm = by_goal.get(entry.goal) if entry.goal else None
        if gm is not None:
            unit = gm.goal.unit
            current = words.say(
                "t2.computed",
                current=amount(gm.current, unit),
                target=amount(gm.goal.target, unit),
                gap_word=gap_word(gm.goal, words),
                gap=difference(gm.gap, unit, words),
            )
            current = f"{current} — {entry.current}" if entry.current else current
        else:
            current = entry.current
        rows.append((entry.dimension, current, entry.problem, entry.cause))
    return _table("t2", ("dimension", "current", "problem", "cause"), rows, words)


def strategy_plan(pm: PlanMetrics, words: Words) -> Table:
    """Template 3: module, direction, measures."""
    rows = tuple(
        (words[f"module.{s.module}"], s.direction, Lines(s.measures)) for s in pm.plan.strategies
    )
    return _table("t3", ("module", "direction", "measures"), rows, words)


def task_breakdown(pm: PlanMetrics, words: Words) -> Table:
    """Template 4: task, owner, window, resources, expected output."""
    plan = pm.plan
    rows = tuple(
        (
            t.title,
            owner_names(plan, t.owners, words),
            window(t.start, t.end, words),
            Lines(t.resources),
            t.deliverable,
        )
        for t in plan.tasks
    )
    return _table("t4", ("task", "owner", "window", "resources", "deliverable"), rows, words)


def execution_tracking(pm: PlanMetrics, words: Words) -> Table:
    """Template 5: task, planned %, actual %, status, days behind, help needed."""
    rows = []
    for tm in pm.tasks:
        blocker = tm.blocker
        help_now = help_text(tm, pm.plan, words)
        rows.append(
            (
                tm.task.title,
                progress(tm.planned),
                progress(tm.actual),
                task_status(tm.status, words),
                str(tm.days_behind) if tm.days_behind else None,
                Lines(tuple(text for text in (help_now, blocker) if text))
                if help_now or blocker
                else None,
            )
        )
    columns = ("task", "planned", "actual", "status", "days_behind", "help_needed")
    return _table("t5", columns, rows, words)


def review_iteration(pm: PlanMetrics, words: Words) -> Table:
    """Template 6: aspect, finding, metrics, next action, owner, due; one group per review."""
    plan = pm.plan
    rows: list[tuple[object, ...] | Group] = []
    for review in plan.reviews:
        rows.append(Group(f"{words['field.review']} {review.period} ({review.date.isoformat()})"))
        for finding, action in zip_longest(review.findings, review.next_actions):
            rows.append(
                (
                    words[f"aspect.{finding.aspect}"] if finding else None,
                    finding.text if finding else None,
                    Lines(tuple(f"{name}: {number(value)}" for name, value in finding.metrics))
                    if finding and finding.metrics
                    else None,
                    action.action if action else None,
                    owner_names(plan, action.owners, words) if action and action.owners else None,
                    day(action.due) if action and action.due else None,
                )
            )
    columns = ("aspect", "finding", "metrics", "next_action", "owner", "due")
    return _table("t6", columns, rows, words)


def template_tables(pm: PlanMetrics, words: Words) -> tuple[Table, ...]:
    """The six template tables of a plan, in the method's order."""
    return (
        goal_setting(pm, words),
        current_state(pm, words),
        strategy_plan(pm, words),
        task_breakdown(pm, words),
        execution_tracking(pm, words),
        review_iteration(pm, words),
    )


def root_cause_table(pm: PlanMetrics, words: Words) -> Table:
    """The causal chains as text (the diagrams above it need JavaScript)."""
    rows = []
    for cause in pm.plan.root_causes:
        five_w = cause.five_w
        answers = (
            tuple(
                f"{words[f'five_w.{key}']}: {getattr(five_w, key)}"
                for key in ("why", "what", "where", "when", "who")
                if getattr(five_w, key)
            )
            if five_w
            else ()
        )
        rows.append((words[f"cause.{cause.dimension}"], " → ".join(cause.chain), Lines(answers)))
    columns = (words["field.dimension"], words["field.chain"], words["field.five_w"])
    return Table(words["page.plan.root_causes"], columns, tuple(rows), "sp-root-causes")


def context_tables(pm: PlanMetrics, words: Words) -> tuple[Table, ...]:
    """Customer segments, competitors and team resources, when the plan records them."""
    context = pm.plan.context
    if context is None:
        return ()
    tables = []
    if context.customers:
        tables.append(
            Table(
                words["page.plan.customers"],
                (words["field.segment"], words["field.share"], words["field.needs"]),
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
                words["page.plan.competitors"],
                tuple(words[f"field.{k}"] for k in ("name", "share", "strengths", "weaknesses")),
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
                words["page.plan.resources"],
                (words["field.headcount"], words["field.skill_gaps"], words["field.budget"]),
                ((headcount, Lines(resources.skill_gaps), budget),),
            )
        )
    return tuple(tables)


def _table(key: str, columns: tuple[str, ...], rows, words: Words) -> Table:
    return Table(
        words[f"{key}.title"],
        tuple(words[f"{key}.{column}"] for column in columns),
        tuple(rows),
        f"sp-template sp-{key}",
    )
