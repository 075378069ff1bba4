"""The history pages: one per team (its revisions with their diffs, newest first; each goal's
target and due date across revisions; target stability), and an index of the teams.

Figures (stability, the flags) come from the revisions stage; this module only words and
lays them out. The plan page shows the same stability table (see stability.py).
"""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup

from ..model import Goal, Plan
from ..revisions import GoalStability, Revision, TeamHistory
from ..words import Words
from . import history_charts
from .cells import Code, Group, Table
from .changes import change_rows, flag_text, plan_title
from .chart_text import chart_with_table
from .context import PageContext
from .format import NONE
from .markup import render_template
from .overview import summarised
from .pages import page_title
from .paths import HISTORY, plan_page_path
from .stability import eased_cell, stability_table

DATE_TIME = "%Y-%m-%d %H:%M"  # a revision's commit time, in its own time zone
DAY, TIME = "%Y-%m-%d", "%H:%M"


def when(revision: Revision) -> str:
    return revision.commit.committed.strftime(DATE_TIME)


def unavailable_text(ctx: PageContext) -> str | None:
    """Why the site has no history, in words; None when it has one."""
    history, words = ctx.history, ctx.words
    if history is None or history.unavailable is None:
        return None
    reason = words.say(history.unavailable, detail=history.detail, revision=history.detail)
    return words.say("page.history.unavailable", reason=reason)


def history_index_page(ctx: PageContext) -> str:
    """Every team: how often its plans changed, when last, how many goals were eased; past
    SUMMARISE_ABOVE teams, only the teams whose targets were eased."""
    ctx, words = ctx.at(HISTORY), ctx.words
    columns = ("team", "region", "revisions", "last", "eased")
    rows = []
    large = summarised(ctx)  # then only the teams whose targets were eased: the rest would
    # make a page that grows with the number of teams (each plan page links its history)
    for pm in ctx.data.current:
        team = pm.plan.team
        history = ctx.history.team(team) if ctx.history else None
        if history is None or (large and not history.eased):
            continue
        last = when(history.revisions[0]) if history.revisions else NONE
        eased = eased_cell(history.eased, words) if history.eased else "0"
        rows.append(
            (
                ctx.link(team, ctx.history_paths[team]),
                ctx.region_link(pm.plan.region or ""),
                str(len(history.revisions)),
                last,
                eased,
            )
        )
    table = Table(
        "", tuple(words[f"page.history.col.{c}"] for c in columns), tuple(rows), "sp-history-index"
    )
    return render_template(
        "history_index.md.j2",
        words=words,
        title=page_title(words["page.history.index_title"]),
        unavailable=unavailable_text(ctx),
        intro=words.say("page.history.eased_only", count=len(ctx.data.current))
        if large
        else words["page.history.index_intro"],
        teams=table,
    )


def history_page(history: TeamHistory, ctx: PageContext) -> str:
    """A team's history: stability, charts, then every revision newest first."""
    ctx = ctx.at(ctx.history_paths[history.team])
    words = ctx.words
    plans = [p for p in (ctx.data.plan(i) for i in history.plan_ids) if p is not None]
    goals = [(pm.plan, goal) for pm in plans for goal in pm.plan.goals]
    charts = tuple(
        _chart(stability, goal, plan, words)
        for plan, goal in goals
        if (stability := ctx.history.goal(plan.id, goal.id)) and stability.moved
    )
    revisions = tuple(_revision(r, ctx) for r in history.revisions)
    intro = None
    if history.revisions:
        n = len(history.revisions)
        intro = words.say(
            "page.history.intro", n=n, s="" if n == 1 else "s", last=when(history.revisions[0])
        )
    return render_template(
        "history.md.j2",
        words=words,
        title=page_title(words.say("page.history.title", team=history.team)),
        team=history.team,
        plans=tuple(
            ctx.link(f"{pm.plan.team} · {pm.plan.period.name}", plan_page_path(pm.plan.id))
            for pm in plans
        ),
        unavailable=unavailable_text(ctx),
        intro=intro,
        stability=stability_table([pm.plan for pm in plans], ctx, with_plan=len(plans) > 1)
        if ctx.history_readable
        else None,
        charts=charts,
        revisions=revisions,
    )


def _chart(stability: GoalStability, goal: Goal, plan: Plan, words: Words) -> Markup:
    name = f"{goal.metric} · {plan.period.name}"
    figure = history_charts.goal_history(stability, goal, name, words)
    return chart_with_table(figure, f"history-{plan.id}-{goal.id}", words, "chart.table.date")


def _revision(revision: Revision, ctx: PageContext) -> Mapping[str, object]:
    """A revision as the template shows it: heading, author, flags, change table."""
    words = ctx.words
    commit = revision.commit
    flags = tuple(flag_text(f, d, words) for d in revision.diffs for f in d.flags)
    invalid = tuple(
        words.say(
            "page.history.invalid",
            file=version.file,
            errors=words.count("n-errors", len(version.errors)),
            message=version.errors[0].message if version.errors else "",
        )
        for _, version in revision.invalid
    )
    whole = tuple(
        words.say("rev.status-line", status=words[f"rev.status.{d.status}"], plan=plan_title(d))
        for d in revision.diffs
        if d.status != "changed"
    )
    return {
        "heading": f"{commit.committed.strftime(DAY)} · {commit.subject}",
        "meta": f"{commit.author} · {commit.committed.strftime(TIME)}",
        "commit": Code(commit.short),
        "flags": flags,
        "invalid": invalid,
        "plans": whole,
        "table": _changes_table(revision, ctx),
    }


def _changes_table(revision: Revision, ctx: PageContext) -> Table | None:
    words = ctx.words
    columns = ("section", "item", "field", "before", "after", "change")
    rows: list = []
    changed = [d for d in revision.diffs if d.status == "changed"]
    for diff in changed:
        if len(changed) > 1:
            rows.append(Group(plan_title(diff)))
        for row in change_rows(diff, words, ctx.schema):
            rows.append((row.section, row.item, row.field, row.before, row.after, row.change))
    if not rows:
        return None
    return Table("", tuple(words[f"rev.col.{c}"] for c in columns), tuple(rows), "sp-changes")
