"""The stand-up view (`salesplan status`): the computed figures as terminal text or as the
pinned JSON shape. Formats only; the figures come from compute, as the site's do."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from ..compute import GOAL_STATUSES, GoalMetrics, PlanMetrics, Rollup, TaskMetrics
from ..diagnostic import printable
from ..words import Words
from .format import (
    GOAL_SYMBOLS,
    TASK_SYMBOLS,
    amount,
    day,
    difference,
    gap_word,
    help_text,
    number,
    owner_names,
    percent,
    progress,
)

# Terminal colours (ANSI SGR codes) by status; the symbol and the word carry the meaning.
COLOURS = {
    "achieved": "32", "done": "32", "on_track": "32", "at_risk": "33", "behind": "33",
    "off_track": "31", "help_needed": "31", "overdue": "31", "blocked": "35",
    "not_started": "2", "cancelled": "2", "stale": "33",
}  # fmt: skip
# The order in which tasks that need attention are listed: the 1:1s first.
ORDER = ("help_needed", "overdue", "blocked")

Paint = Callable[[str, str], str]


def report(
    metrics: Sequence[PlanMetrics], as_of: date, rollups: Sequence[Rollup] = ()
) -> dict[str, Any]:
    """The status as plain data, the pinned JSON shape of `salesplan status --format json`."""
    return {
        "as_of": as_of.isoformat(),
        "plans": [_plan_entry(pm) for pm in metrics],
        "rollups": [
            {
                "scope": "organisation" if r.scope == "organisation" else r.name,
                "dimension": line.dimension,
                "unit": line.unit,
                "basis": line.basis,
                "aggregate": line.aggregate,
                "teams": line.goals,
                "current": json_number(line.current),
                "target": json_number(line.target),
                "attainment": json_number(line.attainment, 3),
            }
            for r in rollups
            for line in r.lines
        ],
    }


def _plan_entry(pm: PlanMetrics) -> dict[str, Any]:
    return {
        "id": pm.plan.id,
        "team": pm.plan.team,
        "goals": [
            {
                "id": gm.goal.id,
                "current": json_number(gm.current),
                "expected": json_number(gm.expected),
                "gap": json_number(gm.gap),
                "attainment": json_number(gm.attainment, 3),
                "status": gm.status,
                "forecast": json_number(gm.forecast),
            }
            for gm in pm.goals
        ],
        "tasks": [
            {
                "id": tm.task.id,
                "status": tm.status,
                "planned": json_number(tm.planned),
                "actual": json_number(tm.actual),
                "days_behind": tm.days_behind,
                "help_needed": tm.help_needed,
                "stale": tm.stale,
                "help_given": {"date": day(tm.help_given.date), "by": tm.help_given.by}
                if tm.help_given
                else None,
            }
            for tm in pm.tasks
        ],
    }


def json_number(value: float | None, digits: int = 4) -> int | float | None:
    """Round for output; whole numbers become ints (40, not 40.0), and -0 becomes 0."""
    if value is None:
        return None
    rounded = round(value, digits)
    return int(rounded) if rounded == int(rounded) else rounded


def text(metrics: Sequence[PlanMetrics], as_of: date, words: Words, color: bool = False) -> str:
    """A terminal summary for the daily stand-up; ANSI colour only when `color` is true."""
    paint = _painter(color)
    lines: list[str] = []
    for pm in metrics:
        lines.extend(_plan_lines(pm, paint, words))
        lines.append("")
    lines.append(summary(metrics, as_of, words))
    return "\n".join(_on_screen(line) for line in lines) + "\n"


_COLOUR = re.compile(r"(\x1b\[[0-9;]*m)")


def _on_screen(line: str) -> str:
    """A line for the terminal: a plan's text shows its control characters (a newline, ESC
    starting a terminal command) instead of obeying them; the colours stay."""
    return "".join(p if _COLOUR.fullmatch(p) else printable(p) for p in _COLOUR.split(line))


def header(pm: PlanMetrics, words: Words, team: str) -> str:
    """`上海一组 (华东区) — 2023年第三季度，2023-07-01 至 2023-09-30 — 数据截至 2023-08-20`,
    with `team` as the caller shows the team's name."""
    period = pm.plan.period
    phase = ""
    if pm.as_of > period.end:
        phase = words["st-ended"]
    elif pm.as_of < period.start:
        phase = words["st-not-started"]
    return words.say(
        "st-header",
        team=team,
        region="",
        period=period.name,
        start=day(period.start),
        end=day(period.end),
        phase=phase,
        as_of=day(pm.as_of),
    )


def team_name(pm: PlanMetrics) -> str:
    region = f" ({pm.plan.region})" if pm.plan.region else ""
    return f"{pm.plan.team}{region}"


def attention(pm: PlanMetrics) -> list[TaskMetrics]:
    """The tasks a stand-up talks about, worst first: the 1:1s, then overdue, blocked, stale."""
    return sorted(pm.attention_tasks, key=_attention_rank)


def _plan_lines(pm: PlanMetrics, paint: Paint, words: Words) -> list[str]:
    lines = [header(pm, words, paint("1", team_name(pm))), words["st-goals"]]
    width = max((_width(gm.goal.metric) for gm in pm.goals), default=0)
    marks = [
        f"{GOAL_SYMBOLS[gm.status]} {_status_word(words, 'goal', gm.status)}" for gm in pm.goals
    ]
    mark_width = max((_width(m) for m in marks), default=0)
    for gm, mark in zip(pm.goals, marks, strict=True):
        lines.append(
            f"    {paint(COLOURS[gm.status], _pad(mark, mark_width))} "
            f"{_pad(gm.goal.metric, width)}  {goal_detail(gm, words)}"
        )
    tasks = attention(pm)
    if not pm.tasks:
        lines.append(words["st-no-tasks"])
    elif not tasks:
        lines.append(words["st-all-fine"])
    else:
        lines.append(words["st-attention"])
        lines.extend(_task_line(tm, pm, paint, words) for tm in tasks)
    return lines


def _attention_rank(tm: TaskMetrics) -> tuple[bool, int]:
    # Worst first; within a kind, the plan's order (the sort is stable).
    rank = ORDER.index(tm.status) if tm.status in ORDER else len(ORDER)
    return (not tm.help_needed, rank)


def goal_detail(gm: GoalMetrics, words: Words) -> str:
    """`80 / 120 万元 (66.7%)，缺口 40 万元，按进度应达 99.78 万元`."""
    goal, unit = gm.goal, gm.goal.unit
    text = f"{number(gm.current)} / {amount(goal.target, unit)}"
    if gm.attainment is not None:
        text += f" ({percent(gm.attainment)})"
    if gm.status == "achieved":
        return words.say("st-target-met", text=text)
    text += words.say("st-gap", word=gap_word(goal, words), gap=difference(gm.gap, unit, words))
    if gm.status != "on_track":
        text += words.say("st-expected", expected=amount(gm.expected, unit))
    if gm.forecast is not None:
        text += words.say("st-forecast", forecast=amount(gm.forecast, unit), due=day(goal.due))
    return text


def task_mark(tm: TaskMetrics, words: Words) -> tuple[str, str, str]:
    """(symbol, word, colour key) of a task that needs attention: its status, or "no update"
    for a task that is only stale."""
    if tm.status in ORDER:
        return TASK_SYMBOLS[tm.status], _status_word(words, "task", tm.status), tm.status
    return "…", words["st-no-update"], "stale"


def task_facts(tm: TaskMetrics, pm: PlanMetrics, words: Words) -> list[str]:
    """What the stand-up says of a task: progress, days behind, the 1:1, blocker, silence."""
    facts = [words.say("st-planned", planned=progress(tm.planned), actual=progress(tm.actual))]
    if tm.days_behind:
        days = words.count("field.working_days", tm.days_behind)
        facts.append(words.say("st-behind-for", days=days))
    help_now = help_text(tm, pm.plan, words)
    if help_now:
        facts.append(help_now)
    if tm.task.state == "blocked":
        blocked = words.say("st-blocked-by", blocker=tm.blocker) if tm.blocker else None
        facts.append(blocked or words["st-blocked"])
    if tm.stale:
        facts.append(
            words.say("st-no-update-for", days=words.count("field.working_days", tm.days_quiet))
            if tm.days_quiet is not None
            else words["st-no-update-yet"]
        )
    return facts


def task_where(tm: TaskMetrics, pm: PlanMetrics, words: Words) -> str:
    """`全员 · 截止 2023-08-20`: who owns the task and when it ends."""
    owners = owner_names(pm.plan, tm.task.owners, words)
    return f"{owners} · {words.say('st-ends', end=day(tm.task.end))}"


def _task_line(tm: TaskMetrics, pm: PlanMetrics, paint: Paint, words: Words) -> str:
    symbol, word, colour = task_mark(tm, words)
    facts = words["st-facts-sep"].join(task_facts(tm, pm, words))
    return (
        f"    {paint(COLOURS[colour], _pad(f'{symbol} {word}', 13))} {tm.task.title} "
        f"— {task_where(tm, pm, words)} · {facts}"
    )


def summary(metrics: Sequence[PlanMetrics], as_of: date, words: Words) -> str:
    goals = [gm.status for pm in metrics for gm in pm.goals]
    tasks = [tm for pm in metrics for tm in pm.tasks]
    separator = words["st-list-sep"]
    goal_counts = separator.join(
        words.say("st-status-count", n=goals.count(s), status=_status_word(words, "goal", s))
        for s in GOAL_STATUSES
        if goals.count(s)
    )
    flags = [
        ("st-need-help", sum(tm.help_needed for tm in tasks)),
        ("st-overdue", sum(tm.status == "overdue" for tm in tasks)),
        ("st-blocked-count", sum(tm.status == "blocked" for tm in tasks)),
        ("st-behind", sum(tm.status == "behind" for tm in tasks)),
        ("st-stale", sum(tm.stale for tm in tasks)),
    ]
    task_text = separator.join(words.say(key, n=n) for key, n in flags if n)
    return words.say(
        "st-summary",
        as_of=day(as_of),
        plans=words.count("n-plans", len(metrics)),
        goals=len(goals),
        goal_counts=goal_counts or words["st-none"],
        tasks=len(tasks),
        task_text=task_text or words["st-none-needs-attention"],
    )


def _status_word(words: Words, kind: str, status: str) -> str:
    # English statuses read lower-case in a sentence ("1 at risk"); Chinese has no case.
    return words[f"{kind}_status.{status}"].lower()


def _width(value: str) -> int:
    # Chinese characters take two terminal columns.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in value)


def _pad(value: str, width: int) -> str:
    return value + " " * max(0, width - _width(value))


def _painter(color: bool) -> Paint:
    if not color:
        return lambda code, value: value
    return lambda code, value: f"\x1b[{code}m{value}\x1b[0m"
