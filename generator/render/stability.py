"""The target-stability table: per goal, its first and current target and how often its target
and due date moved across revisions. Shown on the history page and on the plan page."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Goal, Plan
from ..revisions import GoalStability
from ..words import Words
from .cells import Status, Table
from .context import PageContext
from .format import GOAL_SYMBOLS, NONE, amount


def stability_table(plans: Sequence[Plan], ctx: PageContext, *, with_plan: bool = False) -> Table:
    """Per goal: its first and current target, how often its target and due date moved."""
    words = ctx.words
    columns = ("goal", "first", "current", "target_moves", "due_moves")
    if with_plan:
        columns = ("plan", *columns)
    rows = []
    for plan in plans:
        for goal in plan.goals:
            found = ctx.history.goal(plan.id, goal.id) if ctx.history else None
            row = _stability_row(goal, found, words)
            rows.append((plan.period.name, *row) if with_plan else row)
    return Table(
        words["page.history.stability"],
        tuple(words[f"page.history.col.{c}"] for c in columns),
        tuple(rows),
        "sp-stability",
        searchable=False,
    )


def _stability_row(goal: Goal, found: GoalStability | None, words: Words) -> tuple:
    if found is None or not found.recorded:
        return (
            goal.metric,
            NONE,
            amount(goal.target, goal.unit),
            words["page.history.not_recorded"],
            NONE,
        )
    targets = _moves(found.target_changes, found.target_eased, "page.history.moves_eased", words)
    dues = _moves(found.due_changes, found.due_later, "page.history.moves_later", words)
    return (
        goal.metric,
        amount(found.first_target, goal.unit),
        amount(goal.target, goal.unit),
        targets,
        dues,
    )


def _moves(n: int, worse: int, key: str, words: Words) -> object:
    if not n:
        return words["page.history.never"]
    s = "" if n == 1 else "s"
    if not worse:
        return words.say("page.history.moves", n=n, s=s)
    text = words.say(key, n=n, s=s, eased=worse, later=worse)
    return Status("goal", "at_risk", GOAL_SYMBOLS["at_risk"], text, text)


def eased_cell(n: int, words: Words) -> Status:
    return Status(
        "goal", "at_risk", GOAL_SYMBOLS["at_risk"], str(n), words["page.history.col.eased"]
    )
