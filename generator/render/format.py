"""How figures, dates, owners and statuses read, the same on the site and in the terminal."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..compute import RollupLine, TaskMetrics
from ..model import ALL, Goal, Plan
from ..numbers import number, signed
from ..words import Words

# Shapes that stay readable without colour: every status has its own, everywhere.
GOAL_SYMBOLS = {"achieved": "✔", "on_track": "●", "at_risk": "▲", "off_track": "✖"}
TASK_SYMBOLS = {
    "not_started": "○",
    "on_track": "●",
    "behind": "▲",
    "help_needed": "⚑",
    "overdue": "✖",
    "blocked": "■",
    "done": "✔",
    "cancelled": "⊘",
}
PERCENT_UNITS = ("%", "％")
# Units of money: a decrease goal over its target in these is over budget (超支).
MONEY_UNITS = ("元", "万元", "千元", "百万元", "亿元", "¥", "￥", "CNY", "RMB", "yuan")
NONE = "—"


def is_percent(unit: str) -> bool:
    return unit.strip() in PERCENT_UNITS


def amount(value: float | None, unit: str) -> str:
    """A figure with its unit: `120 万元`, `35%`."""
    if value is None:
        return NONE
    if is_percent(unit):
        return f"{number(value)}%"
    return f"{number(value)} {unit}".strip()


def difference(value: float, unit: str, words: Words, *, sign: bool = False) -> str:
    """A difference of two figures: for a rate, in percentage points (`5 个百分点`); with
    `sign`, a change (`+5 万元`, `-2 个百分点`)."""
    shown = signed(value) if sign else number(value)
    if is_percent(unit):
        return words.say("fmt.points", n=shown)
    return f"{shown} {unit}".strip()


def gap_word(goal: Goal, words: Words) -> str:
    """What a goal's gap is called: a shortfall (缺口), or for a decrease goal an overrun
    (超出), over budget (超支) when it counts money."""
    if goal.direction == "increase":
        return words["fmt.gap"]
    return words["fmt.over_budget" if goal.unit.strip() in MONEY_UNITS else "fmt.over"]


def percent(ratio: float | None) -> str:
    """A ratio as a percentage: 0.6667 → 66.7%."""
    return NONE if ratio is None else f"{ratio * 100:.1f}%"


def progress(value: float) -> str:
    """Task progress: 28.57 → 29%."""
    return f"{round(value)}%"


def day(value: date | None) -> str:
    return NONE if value is None else value.isoformat()


def owner_names(plan: Plan, owners: Sequence[str], words: Words) -> str:
    """Member names for owner ids; `all` is the whole team."""
    if ALL in owners:
        return words["ref.all_members"]
    names = []
    for owner in owners:
        member = plan.member(owner)
        names.append(member.name if member else owner)
    return words["field.separator"].join(names) or words["fmt.no_owner"]


def window(start: date, end: date, words: Words) -> str:
    """`2023-07-03 – 2023-07-14 (12 days)`, inclusive of both days."""
    return f"{start.isoformat()} – {end.isoformat()} ({days(((end - start).days + 1), words)})"


def days(n: int, words: Words) -> str:
    """`1 day`, `12 days`, `12 天`."""
    return words.count("field.days", n)


def working_days(n: int, words: Words) -> str:
    """`1 working day`, `3 个工作日`: how days behind and days without an update are counted."""
    return words.count("field.working_days", n)


def help_text(tm: TaskMetrics, plan: Plan, words: Words) -> str | None:
    """Where the help mechanism stands for a task that needs help: the 1:1 is due (with the
    region's head when the manager owns the task), or was held and the task is still behind."""
    if not tm.help_needed:
        return None
    given = tm.help_given
    if given is not None:
        member = plan.member(given.by)
        return words.say(
            "help.held", date=day(given.date), name=member.name if member else given.by
        )
    if plan.manager in tm.task.owners:
        return words["help.due_head"]
    return words["help.due"]


def rollup_label(line: RollupLine, words: Words) -> str:
    """A rollup group by dimension, aggregate and basis, so that two groups never read alike:
    `销售额（合计，最新值）`, `客单价（平均，最新值）`."""
    qualifiers = [words[f"aggregate.{line.aggregate}"], words[f"basis.{line.basis}"]]
    if line.direction == "decrease":
        qualifiers.append(words["chart.decrease"])
    return words.say(
        "fmt.rollup_label",
        dimension=words[f"dimension.{line.dimension}"],
        qualifiers=words["field.separator"].join(qualifiers),
    )


_UNIT_IN_NAME = re.compile(r"^(?P<name>.+?)\s*[(（](?P<unit>[^()（）]+)[)）]$")


def metric_text(name: str, value: float, plan: Plan, words: Words) -> str:
    """A review metric with its unit: a goal id reads as that goal (`月销售额: 88 万元`), a name
    ending in a unit in brackets as the name and the unit (`转化率（%）` → `转化率: 15%`)."""
    goal = next((g for g in plan.goals if g.id == name), None)
    if goal is not None:
        return f"{goal.metric}: {amount(value, goal.unit)}"
    match = _UNIT_IN_NAME.match(name)
    if match:
        return f"{match['name']}: {amount(value, match['unit'])}"
    return f"{name}: {number(value)}"
