"""The stand-up view (`salesplan status`): goals and the tasks that need attention today."""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from .compute import (
    GOAL_STATUSES,
    GoalMetrics,
    PlanMetrics,
    TaskMetrics,
    plan_metrics,
    resolve_as_of,
)
from .labels import labels_for
from .messages import count, say, speaking
from .model import ALL, Plan

# Status as a symbol plus a word (from the site's labels), so meaning never rests on colour.
GOAL_MARKS = {"achieved": ("✔", "32"), "on_track": ("●", "32"), "at_risk": ("▲", "33"),
              "off_track": ("✖", "31")}  # fmt: skip
TASK_MARKS = {"not_started": ("○", "2"), "on_track": ("●", "32"), "behind": ("▲", "33"),
              "help_needed": ("✖", "31"), "overdue": ("✖", "31"), "blocked": ("■", "35"),
              "done": ("✔", "32"), "cancelled": ("–", "2")}  # fmt: skip
# The tasks a stand-up talks about; the others are fine and stay off the screen.
ATTENTION = ("help_needed", "overdue", "blocked", "behind")


def report(plans: Sequence[Plan], as_of: date) -> dict[str, Any]:
    """The status as plain data, the pinned JSON shape of `salesplan status --format json`."""
    return {
        "as_of": as_of.isoformat(),
        "plans": [_plan_entry(plan_metrics(plan, as_of)) for plan in plans],
    }


def _plan_entry(pm: PlanMetrics) -> dict[str, Any]:
    return {
        "id": pm.plan.id,
        "team": pm.plan.team,
        "goals": [
            {
                "id": gm.goal.id,
                "current": _number(gm.current),
                "expected": _number(gm.expected),
                "gap": _number(gm.gap),
                "attainment": _number(gm.attainment, 3),
                "status": gm.status,
                "forecast": _number(gm.forecast),
            }
            for gm in pm.goals
        ],
        "tasks": [
            {
                "id": tm.task.id,
                "status": tm.status,
                "planned": _number(tm.planned),
                "actual": _number(tm.actual),
                "days_behind": tm.days_behind,
                "help_needed": tm.help_needed,
                "stale": tm.stale,
            }
            for tm in pm.tasks
        ],
    }


def _number(value: float | None, digits: int = 4) -> int | float | None:
    """Round for output; whole numbers become ints (40, not 40.0), and -0 becomes 0."""
    if value is None:
        return None
    rounded = round(value, digits)
    return int(rounded) if rounded == int(rounded) else rounded


# --- text -----------------------------------------------------------------------------------


def format_text(plans: Sequence[Plan], as_of: date, color: bool, language: str = "en") -> str:
    """A terminal summary for the daily stand-up; ANSI colour only when `color` is true."""
    paint = _painter(color)
    metrics = [plan_metrics(plan, as_of) for plan in plans]
    labels = labels_for(language)
    lines: list[str] = []
    with speaking(language):
        for pm in metrics:
            lines.extend(_plan_lines(pm, paint, labels))
            lines.append("")
        lines.append(_summary(metrics, as_of, labels))
    return "\n".join(lines) + "\n"


def _plan_lines(pm: PlanMetrics, paint, labels: Mapping[str, str]) -> list[str]:
    plan, period = pm.plan, pm.plan.period
    region = f" ({plan.region})" if plan.region else ""
    if pm.as_of > period.end:
        phase = say("st-ended")
    elif pm.as_of < period.start:
        phase = say("st-not-started")
    else:
        phase = ""
    header = say(
        "st-header",
        team=paint("1", f"{plan.team}{region}"),
        region="",
        period=period.name,
        start=period.start,
        end=period.end,
        phase=phase,
        as_of=pm.as_of,
    )
    lines = [header, say("st-goals")]
    width = max((_width(gm.goal.metric) for gm in pm.goals), default=0)
    words = [
        f"{GOAL_MARKS[gm.status][0]} {labels[f'goal_status.{gm.status}'].lower()}"
        for gm in pm.goals
    ]
    word_width = max((_width(w) for w in words), default=0)
    for gm, word in zip(pm.goals, words, strict=True):
        code = GOAL_MARKS[gm.status][1]
        lines.append(
            f"    {paint(code, _pad(word, word_width))} {_pad(gm.goal.metric, width)}  "
            f"{_goal_detail(gm)}"
        )
    # Worst first; within a kind, the plan's order.
    attention = sorted(
        (tm for tm in pm.tasks if tm.status in ATTENTION or tm.stale),
        key=lambda tm: (not tm.help_needed, _rank(tm.status)),
    )
    if not pm.tasks:
        lines.append(say("st-no-tasks"))
    elif not attention:
        lines.append(say("st-all-fine"))
    else:
        lines.append(say("st-attention"))
        lines.extend(_task_line(tm, plan, pm.as_of, paint, labels) for tm in attention)
    return lines


def _goal_detail(gm: GoalMetrics) -> str:
    goal, unit = gm.goal, f" {gm.goal.unit}" if gm.goal.unit else ""
    text = f"{_show(gm.current)} / {_show(goal.target)}{unit}"
    if gm.attainment is not None:
        text += f" ({gm.attainment:.0%})"
    if gm.status == "achieved":
        return say("st-target-met", text=text)
    text += say("st-gap", gap=f"{_show(gm.gap)}{unit}")
    if gm.status != "on_track":
        text += say("st-expected", expected=f"{_show(gm.expected)}{unit}")
    if gm.forecast is not None:
        text += say("st-forecast", forecast=f"{_show(gm.forecast)}{unit}", due=goal.due)
    return text


def _task_line(tm: TaskMetrics, plan: Plan, as_of: date, paint, labels: Mapping[str, str]) -> str:
    task = tm.task
    symbol, code = TASK_MARKS[tm.status]
    word = labels[f"task_status.{tm.status}"].lower()
    if tm.status not in ATTENTION:  # only stale: not behind, just not updated
        symbol, word, code = "…", say("st-no-update"), "33"
    facts = [say("st-planned", planned=f"{tm.planned:.0f}", actual=f"{tm.actual:.0f}")]
    if tm.days_behind:
        facts.append(say("st-behind-for", days=_days(tm.days_behind)))
    if tm.help_needed:
        facts.append(say("st-help"))
    if task.state == "blocked":
        known = [c for c in task.checkins if c.date <= as_of]
        blocker = next((c.blocker for c in reversed(known) if c.blocker), None)
        facts.append(say("st-blocked-by", blocker=blocker) if blocker else say("st-blocked"))
    if tm.stale:
        facts.append(
            say("st-no-update-for", days=_days((as_of - tm.last_checkin).days))
            if tm.last_checkin
            else say("st-no-update-yet")
        )
    return (
        f"    {paint(code, _pad(f'{symbol} {word}', 13))} {task.title} "
        f"— {_owner_names(task.owners, plan)} · {say('st-ends', end=task.end)} · "
        f"{say('st-facts-sep').join(facts)}"
    )


def _rank(status: str) -> int:
    return ATTENTION.index(status) if status in ATTENTION else len(ATTENTION)


def _owner_names(owners: Sequence[str], plan: Plan) -> str:
    if ALL in owners:
        return say("st-whole-team")
    names = [(plan.member(o).name if plan.member(o) else o) for o in owners]
    return ", ".join(names) or say("st-no-owner")


def _summary(metrics: Sequence[PlanMetrics], as_of: date, labels: Mapping[str, str]) -> str:
    goals = [gm.status for pm in metrics for gm in pm.goals]
    tasks = [tm for pm in metrics for tm in pm.tasks]
    goal_counts = say("st-list-sep").join(
        say("st-status-count", n=goals.count(s), status=labels[f"goal_status.{s}"].lower())
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
    task_text = say("st-list-sep").join(say(key, n=n) for key, n in flags if n)
    task_text = task_text or say("st-none-needs-attention")
    return say(
        "st-summary",
        as_of=as_of,
        plans=count("n-plans", len(metrics)),
        goals=len(goals),
        goal_counts=goal_counts or say("st-none"),
        tasks=len(tasks),
        task_text=task_text,
    )


def _show(value: float) -> str:
    """Display rounding: at most two decimals, no trailing zeros."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _days(n: int) -> str:
    return count("st-days", n)


def _width(text: str) -> int:
    # Chinese characters take two terminal columns.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _painter(color: bool):
    if not color:
        return lambda code, text: text
    return lambda code, text: f"\x1b[{code}m{text}\x1b[0m"


# --- the command ----------------------------------------------------------------------------


def run(
    paths: Sequence[str | Path],
    as_of: str | None,
    fmt: str,
    stdout: TextIO,
    *,
    stderr: TextIO | None = None,
    color: bool | None = None,
    language: str = "en",
) -> int:
    """`salesplan status`: validate, then print the stand-up view; returns the exit code.

    0 when the plans are valid, 1 when they are not (diagnostics on stderr), 2 for a bad
    `--as-of` or format. Colour is used on a terminal unless NO_COLOR is set.
    """
    from . import validate  # imported late: validation is the heavy part of the pipeline

    stderr = sys.stderr if stderr is None else stderr
    if fmt not in ("text", "json"):
        print(f"Error: unknown format {fmt!r}; use text or json", file=stderr)
        return 2
    try:
        day = resolve_as_of(as_of)
    except ValueError as error:
        print(f"Error: {error}", file=stderr)
        return 2
    checked = validate.check(list(paths), language=language)
    if not checked.ok:
        for diagnostic in checked.diagnostics:
            print(str(diagnostic), file=stderr)
        return 1
    if checked.warnings:  # the stand-up is not the place to read them one by one
        with speaking(language):
            print(say("st-warnings", warnings=count("n-warnings", checked.warnings)), file=stderr)
    if fmt == "json":
        stdout.write(json.dumps(report(checked.plans, day), ensure_ascii=False, indent=2) + "\n")
    else:
        if color is None:
            color = stdout.isatty() and not os.environ.get("NO_COLOR")
        stdout.write(format_text(checked.plans, day, color, language))
    return 0
