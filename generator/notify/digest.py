"""What the chat robots say: per team, the goals off track and the tasks that need help, are
overdue or blocked (with the days behind and where the 1:1 stands), and a link to the team's
page; then the summary line. Made of the stand-up's own pieces, so the chat, `salesplan
status` and the site say the same thing.

The lines use the Markdown the three apps share (bold, links, `- ` lists). Text from a plan is
neutralised for all three dialects at once: the characters that would start markup become their
full-width twins (`*` → `＊`, `[` → `［`, `<` → `＜` …), which read the same in Chinese text, so a
plan can never add a link, a mention or formatting to a message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..compute import PlanMetrics, TaskMetrics
from ..render.format import GOAL_SYMBOLS, day
from ..render.paths import page_url, plan_page_path
from ..render.standup import (
    attention,
    goal_detail,
    header,
    summary,
)
from ..render.standup_markdown import task_line
from ..words import Words
from .robots import EVERYONE, Scope

# Markup characters of WeCom, DingTalk and Feishu Markdown (and @ of mentions), and their
# full-width twins.
_NEUTRAL = str.maketrans("*_`[]<>|~#\\&@", "＊＿｀［］＜＞｜～＃＼＆＠")
# The tasks the chat reports (a task that is only stale waits for the stand-up).
CHAT_STATUSES = ("overdue", "blocked")


@dataclass(frozen=True)
class SiteLinks:
    """Where the team pages are: the site's address (mkdocs.yml `site_url`)."""

    site_url: str
    directory_urls: bool = True

    def team_page(self, plan_id: str) -> str:
        page = page_url(plan_page_path(plan_id), self.directory_urls)
        return f"{self.site_url.rstrip('/')}/{page}"


@dataclass(frozen=True)
class Digest:
    """A robot's message before it is cut to a platform's size: a title, then blocks of lines
    kept together when they fit (one per team with alerts, the quiet teams, the summary)."""

    title: str
    blocks: tuple[tuple[str, ...], ...]
    alerts: int  # goals off track and tasks reported, over every team


def plain(text: object) -> str:
    """Text from a plan as one line that no chat app reads as markup."""
    return " ".join(str(text).split()).translate(_NEUTRAL)


def chat_tasks(pm: PlanMetrics) -> list[TaskMetrics]:
    """The tasks the chat reports, worst first: help needed, overdue, blocked."""
    return [tm for tm in attention(pm) if tm.help_needed or tm.status in CHAT_STATUSES]


def digest(
    metrics: Sequence[PlanMetrics],
    as_of: date,
    words: Words,
    scope: Scope = EVERYONE,
    links: SiteLinks | None = None,
) -> Digest:
    """The message for the plans in force that `scope` covers."""
    mine = [pm for pm in metrics if scope.covers(pm.plan.region, pm.plan.team)]
    blocks: list[tuple[str, ...]] = []
    quiet: list[str] = []
    alerts = 0
    for pm in mine:
        goals, tasks = pm.off_track_goals, chat_tasks(pm)
        if not goals and not tasks:
            quiet.append(plain(pm.plan.team))
            continue
        alerts += len(goals) + len(tasks)
        blocks.append(tuple(_team_lines(pm, words, links)))
    if quiet:
        separator = words["st-list-sep"]
        blocks.append((words.say("nt-quiet-teams", teams=separator.join(quiet)),))
    blocks.append((f"**{plain(summary(mine, as_of, words))}**",))
    where = plain(scope.name) if scope.kind != "all" else words["nt-everyone"]
    title = words.say("nt-title", scope=where, as_of=day(as_of))
    return Digest(title, tuple(blocks), alerts)


def _team_lines(pm: PlanMetrics, words: Words, links: SiteLinks | None) -> list[str]:
    team = f"{pm.plan.team} ({pm.plan.region})" if pm.plan.region else pm.plan.team
    first = f"**{plain(header(pm, words, team))}**"
    if links is not None:
        first += f" · [{words['nt-team-page']}]({links.team_page(pm.plan.id)})"
    lines = [first]
    if pm.off_track_goals:
        lines.append(words["nt-goals-off-track"])
    for gm in pm.off_track_goals:
        lines.append(
            f"- {GOAL_SYMBOLS[gm.status]} {plain(gm.goal.metric)}：{plain(goal_detail(gm, words))}"
        )
    tasks = chat_tasks(pm)
    if tasks:
        lines.append(words["nt-tasks"])
    lines += [task_line(tm, pm, words, plain) for tm in tasks]
    return lines
