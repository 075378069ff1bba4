"""The plan page's tables beside the six templates: where each goal stands today (with last
year and the industry), how ambitious each target is against its history, and the chain that
ties diagnosis, root causes, strategies, tasks and goals together. Formats computed figures."""

from __future__ import annotations

from ..compute import Comparison, GoalMetrics, PlanMetrics
from ..numbers import signed
from ..words import Words
from .cells import Lines, Table, goal_status
from .format import amount, difference, is_percent, percent


def comparison(compared: Comparison | None, unit: str, words: Words) -> str | None:
    """`+5 万元 (+5.3%)`, or for a rate `+2 个百分点`; None without a reference."""
    if compared is None:
        return None
    change = difference(compared.difference, unit, words, sign=True)
    if is_percent(unit) or compared.percent is None:
        return change
    return f"{change} ({signed(compared.percent * 100)}%)"


def goal_position(pm: PlanMetrics, words: Words) -> Table:
    """Where each goal stands at the as-of date: current, expected, target, attainment,
    status, against last year and the industry, and the forecast at the due date."""
    rows = []
    for gm in pm.goals:
        unit = gm.goal.unit
        rows.append(
            (
                gm.goal.metric,
                amount(gm.current, unit),
                amount(gm.expected, unit),
                amount(gm.goal.target, unit),
                goal_status(gm.status, words, percent(gm.attainment)),
                comparison(gm.vs_last_year, unit, words),
                comparison(gm.vs_industry, unit, words),
                amount(gm.forecast, unit) if gm.forecast is not None else None,
            )
        )
    columns = (
        "goal",
        "current",
        "expected",
        "target",
        "attainment",
        "vs_last_year",
        "vs_industry",
        "forecast",
    )
    return Table(
        words["page.plan.position"],
        tuple(words[f"field.{k}"] for k in columns),
        tuple(rows),
        "sp-position",
        searchable=False,
    )


def goal_ambition(pm: PlanMetrics, words: Words) -> Table | None:
    """Each goal's required change per month against its history's trend and best month."""
    rows = [_ambition_row(gm, words) for gm in pm.goals if gm.ambition is not None]
    if not rows:
        return None
    columns = ("goal", "required", "trend", "best_month", "assessment")
    return Table(
        words["page.plan.ambition"],
        tuple(words[f"ambition.{k}"] for k in columns),
        tuple(rows),
        "sp-ambition",
        searchable=False,
    )


def _ambition_row(gm: GoalMetrics, words: Words) -> tuple[object, ...]:
    figures, unit = gm.ambition, gm.goal.unit
    per_month = words["ambition.per_month"]

    def change(value: float | None) -> str | None:
        return None if value is None else difference(value, unit, words, sign=True) + per_month

    if figures.beyond_history:
        assessment = words["ambition.beyond"]
    elif figures.trend_reaches:
        assessment = words["ambition.slack"]
    else:
        assessment = words["ambition.within"]
    return (
        gm.goal.metric,
        change(figures.required),
        change(figures.trend),
        change(figures.best_month),
        assessment,
    )


def traceability(pm: PlanMetrics, words: Words) -> Table:
    """Diagnosis → root cause → strategy → task → goal: one row per strategy."""
    plan = pm.plan
    causes = {c.id: c for c in plan.root_causes}
    goals = {g.id: g for g in plan.goals}
    rows = []
    for strategy in plan.strategies:
        addressed = [causes[c] for c in strategy.addresses if c in causes]
        diagnosed = [
            d.dimension for d in plan.diagnosis if any(c.id in d.root_causes for c in addressed)
        ]
        rows.append(
            (
                Lines(tuple(dict.fromkeys(diagnosed))),
                Lines(tuple(" → ".join((c.chain[0], c.chain[-1])) for c in addressed)),
                f"{words[f'module.{strategy.module}']} · {strategy.direction}",
                Lines(tuple(t.title for t in plan.tasks if t.strategy == strategy.id)),
                Lines(tuple(goals[g].metric for g in strategy.goals if g in goals)),
            )
        )
    columns = ("diagnosis", "root_cause", "strategy", "tasks", "goals")
    return Table(
        words["page.plan.trace"],
        tuple(words[f"trace.{k}"] for k in columns),
        tuple(rows),
        "sp-trace",
        searchable=False,
    )
