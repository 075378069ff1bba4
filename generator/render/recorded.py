"""What `checkin`, `actual` and `one-on-one` print after writing: the task's or the goal's new
state, with the stand-up's own words (standup.py), so the two never say it differently."""

from __future__ import annotations

from ..compute import PlanMetrics
from ..words import Words
from .format import day, progress
from .standup import goal_detail, task_facts, task_where


def task_state(pm: PlanMetrics, task_id: str, words: Words) -> list[str]:
    """`执行客户邀约 — 全员 · 截止 2023-08-20`, then planned against actual (with days behind,
    the 1:1, a blocker), the next milestone, and whether help is needed now."""
    tm = next(t for t in pm.tasks if t.task.id == task_id)
    lines = [
        words.say("rec-state-as-of", as_of=day(pm.as_of)),
        f"{tm.task.title} — {task_where(tm, pm, words)}",
        "  " + words["st-facts-sep"].join(task_facts(tm, pm, words)),
    ]
    upcoming = tm.next_milestone
    if upcoming is not None:
        note = f" · {upcoming.note}" if upcoming.note else ""
        lines.append(
            "  "
            + words.say(
                "rec-next-milestone",
                day=day(upcoming.date),
                progress=progress(upcoming.progress),
                note=note,
            )
        )
    else:
        lines.append("  " + words["rec-no-milestone"])
    lines.append("  " + words["rec-help-yes" if tm.help_needed else "rec-help-no"])
    return lines


def goal_state(pm: PlanMetrics, goal_id: str, words: Words) -> list[str]:
    """`月销售额：100 / 120 万元 (83.3%)，缺口 20 万元…` as of the plan's as-of date."""
    gm = next(g for g in pm.goals if g.goal.id == goal_id)
    status = words[f"goal_status.{gm.status}"]
    return [
        words.say("rec-state-as-of", as_of=day(pm.as_of)),
        words.say(
            "rec-goal-line", metric=gm.goal.metric, detail=goal_detail(gm, words), status=status
        ),
    ]
