"""What a help issue says: its title, its body (the figures, the milestones missed, who should
hold the 1:1, a link to the plan page) and the comments of later runs.

The body ends with two hidden lines: the marker that finds the issue again on the next run
(`<!-- salesplan:task plan-id/task-id -->`), and the state it last reported, which tells the
next run whether the days behind grew or a 1:1 was recorded since. Text from a plan is escaped,
and `@` made full-width, so a plan can neither format the issue nor mention anyone.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass

from ..compute import PlanMetrics, TaskMetrics
from ..model import ALL
from ..render.format import TASK_SYMBOLS, day, help_text, owner_names, progress, working_days
from ..render.standup_markdown import escape
from ..words import Words
from .digest import SiteLinks

MARKER = "<!-- salesplan:task {key} -->"
_MARKER = re.compile(r"^<!-- salesplan:task ([a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*) -->$", re.M)
_STATE = re.compile(r"^<!-- salesplan:state (\{[^\n]*\}) -->$", re.M)


@dataclass(frozen=True)
class HelpState:
    """What an issue last reported: the days behind, since when, and the 1:1 held (date)."""

    days_behind: int
    since: str | None
    held: str | None

    @classmethod
    def of(cls, tm: TaskMetrics) -> HelpState:
        held = day(tm.help_given.date) if tm.help_given else None
        return cls(tm.days_behind, day(tm.behind_since) if tm.behind_since else None, held)

    @classmethod
    def parse(cls, body: str) -> HelpState | None:
        found = _STATE.search(body or "")
        try:
            data = json.loads(found[1]) if found else None
            return cls(int(data["days_behind"]), data.get("since"), data.get("held"))
        except (TypeError, ValueError, KeyError):
            return None


def task_key(pm: PlanMetrics, tm: TaskMetrics) -> str:
    return f"{pm.plan.id}/{tm.task.id}"


def marker_key(body: str) -> str | None:
    """The task an issue body is about, from its hidden marker."""
    found = _MARKER.search(body or "")
    return found[1] if found else None


def safe(text: object) -> str:
    """Plan text for GitHub Markdown: escaped, and never a mention."""
    return escape(text).replace("@", "＠")


def title(pm: PlanMetrics, tm: TaskMetrics, words: Words) -> str:
    """`上海一组 · 开通 CRM · 需要帮扶`."""
    team, task = (" ".join(str(t).split()) for t in (pm.plan.team, tm.task.title))
    return words.say("nt-issue-title", team=team, task=task)


def who_holds(pm: PlanMetrics, tm: TaskMetrics, words: Words) -> str:
    """Who should hold the 1:1, or the one held within the current streak."""
    plan = pm.plan
    if tm.help_given is not None or plan.manager in tm.task.owners:
        return help_text(tm, plan, words) or ""
    manager = plan.member(plan.manager)
    return words.say(
        "nt-issue-who-due",
        manager=manager.name if manager else plan.manager,
        owners=owner_names(plan, tm.task.owners, words),
    )


def body(pm: PlanMetrics, tm: TaskMetrics, words: Words, links: SiteLinks | None) -> str:
    plan, task = pm.plan, tm.task
    status = words[f"task_status.{tm.status}"]
    behind = working_days(tm.days_behind, words)
    rows = [
        (words["nt-issue-status"], f"{TASK_SYMBOLS[tm.status]} {status}"),
        (words["nt-issue-owner"], owner_names(plan, task.owners, words)),
        (words["nt-issue-window"], f"{day(task.start)} – {day(task.end)}"),
        (
            words["nt-issue-progress"],
            words.say("st-planned", planned=progress(tm.planned), actual=progress(tm.actual)),
        ),
        (
            words["nt-issue-behind"],
            words.say("nt-issue-since", days=behind, since=day(tm.behind_since)),
        ),
    ]
    if tm.next_milestone is not None:
        m = tm.next_milestone
        rows.append((words["nt-issue-next"], _milestone(m, words)))
    if tm.blocker:
        rows.append((words["nt-issue-blocker"], tm.blocker))
    lines = [
        MARKER.format(key=task_key(pm, tm)),
        words.say(
            "nt-issue-lead",
            task=safe(task.title),
            team=safe(plan.team),
            days=working_days(tm.days_behind, words),
        ),
        "",
        f"| {words['nt-issue-item']} | {words['nt-issue-value']} |",
        "|---|---|",
        *(f"| {safe(name)} | {safe(value)} |" for name, value in rows),
        "",
        f"**{words['nt-issue-missed']}**",
        "",
        *(
            [f"- {safe(_milestone(m, words))}" for m in tm.missed_milestones]
            or [safe(words["nt-issue-none-missed"])]
        ),
        "",
        f"**{words['nt-issue-who']}** {safe(who_holds(pm, tm, words))}",
        "",
        words["nt-issue-record"],
    ]
    if links is not None:
        lines += ["", f"[{words['nt-team-page']}]({links.team_page(plan.id)})"]
    lines += [
        "",
        f"<sub>{safe(words.say('nt-issue-footer', as_of=day(pm.as_of), plan=plan.id))}</sub>",
        f"<!-- salesplan:state {json.dumps(asdict(HelpState.of(tm)), sort_keys=True)} -->",
    ]
    return "\n".join(lines) + "\n"


def _milestone(m, words: Words) -> str:
    text = words.say("nt-issue-milestone", date=day(m.date), progress=progress(m.progress))
    return f"{text} ({m.note})" if m.note else text


def assignees(pm: PlanMetrics, tm: TaskMetrics) -> tuple[str, ...]:
    """The GitHub handles of the task's owners, then of the manager who holds the 1:1 (GitHub
    takes at most 10)."""
    plan = pm.plan
    owners = [m.id for m in plan.members] if ALL in tm.task.owners else list(tm.task.owners)
    handles = []
    for member_id in [*owners, plan.manager]:
        member = plan.member(member_id)
        if member is not None and member.github:
            handles.append(member.github.lstrip("@"))
    return tuple(dict.fromkeys(handles))[:10]


def progress_comment(
    before: HelpState | None, pm: PlanMetrics, tm: TaskMetrics, words: Words
) -> str | None:
    """What a later run adds: the days behind grew (or a new streak began), a 1:1 was recorded."""
    now = HelpState.of(tm)
    if before is None:
        return None
    said = []
    if now.since != before.since:
        behind = working_days(now.days_behind, words)
        said.append(words.say("nt-comment-again", days=behind, since=now.since))
    elif now.days_behind > before.days_behind:
        said.append(
            words.say(
                "nt-comment-behind",
                days=working_days(now.days_behind, words),
                before=working_days(before.days_behind, words),
            )
        )
    if now.held and now.held != before.held:
        said.append(safe(help_text(tm, pm.plan, words) or ""))
    if not said:
        return None
    said.append(words.say("st-planned", planned=progress(tm.planned), actual=progress(tm.actual)))
    return words["st-facts-sep"].join(said)
