"""The stand-up view as Markdown (`salesplan status --format markdown`): for pasting into a chat
or a meeting note, and the body the notifications reuse. Every text from a plan is escaped, so
a plan cannot add a link, an image or a heading to the message."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from ..compute import PlanMetrics, TaskMetrics
from ..words import Words
from .format import GOAL_SYMBOLS
from .standup import attention, goal_detail, header, summary, task_facts, task_mark, task_where

# Characters that start Markdown inside a line: emphasis, code, links and images, HTML, tables.
# (Plan text never starts a line here, so block markers such as # or - need no escape.)
_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&])")


def escape(text: object) -> str:
    """Plain text that Markdown shows as written: one line, every special character escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def markdown(metrics: Sequence[PlanMetrics], as_of: date, words: Words) -> str:
    """The stand-up of the plans in force, one section per team, then the summary line."""
    parts: list[str] = []
    for pm in metrics:
        parts.append(f"### {escape(header(pm, words, _team(pm)))}")
        parts.append(plan_markdown(pm, words))
    parts.append(f"**{escape(summary(metrics, as_of, words))}**")
    return "\n\n".join(parts) + "\n"


def plan_markdown(pm: PlanMetrics, words: Words) -> str:
    """One team's goals and the tasks that need attention, as Markdown lists."""
    lines = [f"**{escape(words['st-goals'].strip())}**", ""]
    for gm in pm.goals:
        status = words[f"goal_status.{gm.status}"]
        lines.append(
            f"- {GOAL_SYMBOLS[gm.status]} {escape(status)} · {escape(gm.goal.metric)}："
            f"{escape(goal_detail(gm, words))}"
        )
    tasks = attention(pm)
    if not pm.tasks or not tasks:
        lines += ["", escape(words["st-no-tasks" if not pm.tasks else "st-all-fine"].strip())]
        return "\n".join(lines)
    lines += ["", f"**{escape(words['st-attention'].strip())}**", ""]
    lines += [task_line(tm, pm, words, escape) for tm in tasks]
    return "\n".join(lines)


def task_line(
    tm: TaskMetrics, pm: PlanMetrics, words: Words, clean: Callable[[object], str]
) -> str:
    """A task that needs attention as a Markdown list item; `clean` makes each text safe where
    the line goes (a GitHub job summary, a chat robot's Markdown)."""
    symbol, word, _ = task_mark(tm, words)
    facts = words["st-facts-sep"].join(task_facts(tm, pm, words))
    return (
        f"- {symbol} {clean(word)} · **{clean(tm.task.title)}** — "
        f"{clean(task_where(tm, pm, words))} · {clean(facts)}"
    )


def _team(pm: PlanMetrics) -> str:
    region = f" ({pm.plan.region})" if pm.plan.region else ""
    return f"{pm.plan.team}{region}"
