"""Which tasks get a help issue (each task in force that needs help), and, for an issue whose
task no longer does, why: done, cancelled, back on track, gone from the plan, or its plan no
longer in force. An issue of a plan that did not check out is left alone: what its task does
today is unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from ..compute import PlanMetrics
from ..render.format import progress
from ..words import Words
from .digest import SiteLinks
from .issue_text import assignees, body, progress_comment, task_key, title
from .issues import LABEL, Closing, Wanted


def wanted(metrics: Sequence[PlanMetrics], words: Words, links: SiteLinks | None) -> list[Wanted]:
    """An issue for each task in force that needs help, in plan and task order."""
    found = []
    for pm in metrics:
        for tm in pm.tasks:
            if not tm.help_needed:
                continue
            labels = (LABEL, pm.plan.region) if pm.plan.region else (LABEL,)
            found.append(
                Wanted(
                    key=task_key(pm, tm),
                    title=title(pm, tm, words),
                    body=body(pm, tm, words, links),
                    labels=labels,
                    assignees=assignees(pm, tm),
                    comment=lambda before, pm=pm, tm=tm: _comment(before, pm, tm, words),
                )
            )
    return found


def _comment(before, pm: PlanMetrics, tm, words: Words) -> str | None:
    if before is None:  # reopened: the task needs help again
        return words.say(
            "nt-comment-reopen",
            days=words.count("field.working_days", tm.days_behind),
            since=tm.behind_since.isoformat() if tm.behind_since else "",
        )
    return progress_comment(before, pm, tm, words)


def closing(
    metrics: Sequence[PlanMetrics], checked: Collection[str], complete: bool, words: Words
) -> Callable[[str], Closing | None]:
    """Why the task of an issue (`plan-id/task-id`) no longer needs help.

    `metrics` are the plans in force, `checked` the ids of every plan that checked out, and
    `complete` whether every plan file did (then a plan id found nowhere is a plan removed).
    """
    in_force = {pm.plan.id: pm for pm in metrics}

    def why(key: str) -> Closing | None:
        plan_id, _, task_id = key.partition("/")
        pm = in_force.get(plan_id)
        if pm is None:
            if plan_id in checked:
                return Closing(words.say("nt-close-not-in-force", plan=plan_id), "not_planned")
            if complete:
                return Closing(words.say("nt-close-plan-gone", plan=plan_id), "not_planned")
            return None
        tm = next((t for t in pm.tasks if t.task.id == task_id), None)
        if tm is None:
            return Closing(words["nt-close-removed"], "not_planned")
        if tm.help_needed:
            return None  # (never asked: such a task is wanted)
        if tm.status == "cancelled":
            return Closing(words["nt-close-cancelled"], "not_planned")
        if tm.status == "done":
            return Closing(words["nt-close-done"])
        return Closing(
            words.say(
                "nt-close-recovered",
                status=words[f"task_status.{tm.status}"],
                planned=progress(tm.planned),
                actual=progress(tm.actual),
            )
        )

    return why
