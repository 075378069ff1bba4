"""The six template tables of SPEC §1 and the plan's other tables, as cell values.

Each function reads a plan and its computed metrics; none computes a metric itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..compute import PlanMetrics
from ..model import Finding, NextAction, Review, Task
from ..words import Words
from .cells import Day, Editable, Figure, Group, Lines, Span, Table, task_status
from .edit_links import EditLinks
from .format import (
    amount,
    difference,
    gap_word,
    help_text,
    metric_text,
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
            Figure(g.target, amount(g.target, g.unit)),
            Day(g.due),
            owner_names(plan, g.owners, words),
            g.key_actions,
        )
        for g in plan.goals
    )
    return _table(
        "t1", ("dimension", "metric", "target", "due", "owner", "key_actions"), rows, words
    )


def current_state(pm: PlanMetrics, words: Words) -> Table:
    """Template 2: dimension, current data at planning time (baseline against target and the
    gap, same period last year, industry average), problem, cause."""
    by_goal = {gm.goal.id: gm for gm in pm.goals}
    rows = []
    for entry in pm.plan.diagnosis:
        gm = by_goal.get(entry.goal) if entry.goal else None
        lines: list[object] = []
        if gm is not None:
            goal, unit = gm.goal, gm.goal.unit
            lines.append(
                words.say(
                    "t2.planning",
                    baseline=amount(goal.baseline, unit),
                    target=amount(goal.target, unit),
                    gap_word=gap_word(goal, words),
                    gap=difference(gm.planning_gap, unit, words),
                )
            )
            if goal.last_year is not None:
                lines.append(words.say("t2.last_year", value=amount(goal.last_year, unit)))
            if goal.industry is not None:
                lines.append(words.say("t2.industry", value=amount(goal.industry, unit)))
        if entry.current:
            lines.append(entry.current)
        rows.append((entry.dimension, Lines(tuple(lines)), entry.problem, entry.cause))
    return _table("t2", ("dimension", "current", "problem", "cause"), rows, words)


def strategy_plan(pm: PlanMetrics, words: Words) -> Table:
    """Template 3: module, direction, measures."""
    rows = tuple(
        (words[f"module.{s.module}"], s.direction, Lines(s.measures)) for s in pm.plan.strategies
    )
    return _table("t3", ("module", "direction", "measures"), rows, words)


def _task_cell(task: Task, pm: PlanMetrics, words: Words, edit: EditLinks | None) -> object:
    """The task's title, with a link to its lines in GitHub's editor when the site has one."""
    href = edit.url(pm.plan, f"task:{task.id}") if edit is not None else None
    return Editable(task.title, href, words["page.plan.edit_task"]) if href else task.title


def task_breakdown(pm: PlanMetrics, words: Words, edit: EditLinks | None = None) -> Table:
    """Template 4: strategy, task, owner, window and milestones, resources, expected output;
    tasks grouped under the strategy they carry out, in the plan's order."""
    plan = pm.plan
    groups: dict[str | None, list] = {s.id: [] for s in plan.strategies}
    for task in plan.tasks:
        groups.setdefault(task.strategy if task.strategy in groups else None, []).append(task)
    strategies = {s.id: s for s in plan.strategies}
    rows: list[tuple[object, ...]] = []
    for strategy_id, tasks in groups.items():
        strategy = strategies.get(strategy_id) if strategy_id else None
        label = f"{words[f'module.{strategy.module}']} · {strategy.direction}" if strategy else None
        for index, task in enumerate(tasks):
            first = (Span(label, len(tasks)),) if index == 0 else ()
            rows.append(
                (
                    *first,
                    _task_cell(task, pm, words, edit),
                    owner_names(plan, task.owners, words),
                    Lines((window(task.start, task.end, words), *_milestones(task))),
                    Lines(task.resources),
                    task.deliverable,
                )
            )
    columns = ("strategy", "task", "owner", "window", "resources", "deliverable")
    return _table("t4", columns, rows, words)


def _milestones(task: Task) -> tuple[str, ...]:
    """`08-03 30% · 完成清单`: each milestone on a line under the window."""
    return tuple(
        " · ".join(filter(None, (f"{m.date:%m-%d} {progress(m.progress)}", m.note)))
        for m in task.milestones
    )


def execution_tracking(pm: PlanMetrics, words: Words, edit: EditLinks | None = None) -> Table:
    """Template 5: task, planned %, actual %, status, days behind, help needed."""
    rows = []
    for tm in pm.tasks:
        blocker = tm.blocker
        help_now = help_text(tm, pm.plan, words)
        rows.append(
            (
                _task_cell(tm.task, pm, words, edit),
                Figure(round(tm.planned, 1), progress(tm.planned)),
                Figure(tm.actual, progress(tm.actual)),
                task_status(tm.status, words),
                Figure(tm.days_behind, str(tm.days_behind)) if tm.days_behind else None,
                Lines(tuple(text for text in (help_now, blocker) if text))
                if help_now or blocker
                else None,
            )
        )
    columns = ("task", "planned", "actual", "status", "days_behind", "help_needed")
    return _table("t5", columns, rows, words)


def review_iteration(
    pm: PlanMetrics, words: Words, reviews: Sequence[Review] | None = None
) -> Table:
    """Template 6: aspect, finding, metrics, next action, owner, due; one group per review
    (every review of the plan, or those given).

    Each action sits on the row of the finding it answers (its `finding`); a finding with
    several actions spans their rows; actions that answer no finding get rows of their own.
    """
    rows: list[tuple[object, ...] | Group] = []
    for review in pm.plan.reviews if reviews is None else reviews:
        rows.append(Group(f"{words['field.review']} {review.period} ({review.date.isoformat()})"))
        answered: set[int] = set()
        for finding in review.findings:
            actions = [
                (i, a)
                for i, a in enumerate(review.next_actions)
                if finding.id is not None and a.finding == finding.id
            ]
            answered |= {i for i, _ in actions}
            cells = _finding_cells(finding, pm, words)
            if not actions:
                rows.append((*cells, None, None, None))
            for n, (_, action) in enumerate(actions):
                spans = tuple(Span(c, len(actions)) for c in cells) if n == 0 else ()
                rows.append((*spans, *_action_cells(action, pm, words)))
        for i, action in enumerate(review.next_actions):
            if i not in answered:
                rows.append((None, None, None, *_action_cells(action, pm, words)))
    columns = ("aspect", "finding", "metrics", "next_action", "owner", "due")
    return _table("t6", columns, rows, words)


def _finding_cells(finding: Finding, pm: PlanMetrics, words: Words) -> tuple[object, ...]:
    metrics = tuple(metric_text(name, value, pm.plan, words) for name, value in finding.metrics)
    return (words[f"aspect.{finding.aspect}"], finding.text, Lines(metrics) if metrics else None)


def _action_cells(action: NextAction, pm: PlanMetrics, words: Words) -> tuple[object, ...]:
    owners = owner_names(pm.plan, action.owners, words) if action.owners else None
    return (action.action, owners, Day(action.due) if action.due else None)


TEMPLATE_TABLES = 6  # the method's template tables, T1 to T6


def template_tables(
    pm: PlanMetrics, words: Words, edit: EditLinks | None = None
) -> tuple[Table, ...]:
    """The six template tables of a plan, in the method's order (task rows with edit links
    when `edit` is given)."""
    return (
        goal_setting(pm, words),
        current_state(pm, words),
        strategy_plan(pm, words),
        task_breakdown(pm, words, edit),
        execution_tracking(pm, words, edit),
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
