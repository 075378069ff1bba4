"""The authoring commands (new, checkin, actual, one-on-one, import): options parsed, one
function of `commands` called, what it returns printed."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from pathlib import Path

import click

from ..author.record import Entry
from ..author.sheet import read_number
from ..commands.errors import CommandError
from ..commands.site_config import SiteConfig
from ..numbers import number
from ..render.format import progress as progress_text
from ..render.recorded import goal_state, task_state
from ..settings import parse_date, time_zone, today
from ..words import Words
from .app import app, as_of_date, colour, config_file_option, lang_option, site_and_words

date_option = click.option(
    "--date",
    "day",
    metavar="YYYY-MM-DD",
    help="The day it happened; default: today in the site's time zone.",
)
replace_option = click.option(
    "--replace", is_flag=True, help="Replace the entry already recorded on that day."
)


def _today(config: SiteConfig, words: Words) -> date:
    zone = config.options.timezone if config.options is not None else None
    return today(time_zone(zone, words), datetime.now(UTC))


def _day(text: str | None, config: SiteConfig, words: Words) -> date:
    return parse_date(text, "--date", words) if text else _today(config, words)


def _number(text: str, option: str, words: Words) -> float:
    """A number as people type it (60, 60%, ６０, 1,250); a usage error otherwise."""
    figure = read_number(text)
    if figure is None:
        raise CommandError(words.say("cmd-not-a-number", option=option, value=text), usage=True)
    return figure


def _record(plan: str, entry: Entry, config: SiteConfig, words: Words):
    """Record `entry` in the plan `plan` (in place), today and as of the site's date."""
    from ..commands.record import record_entry

    return record_entry(
        plan,
        entry,
        config=config,
        words=words,
        today=_today(config, words),
        as_of=as_of_date(None, config, words),
    )


def _warnings(outcome, words: Words) -> None:
    for warning in outcome.warnings:
        click.echo(words.say("rec-warning", message=warning.message), err=True)


@app.command()
@click.argument("plan_id", metavar="ID")
@click.option("--period", required=True, help="2023-Q4, 2023-H2, 2023-07, 2023, or FROM..TO.")
@click.option("--team", help="The team's name as the site shows it (not with --from).")
@click.option("--region", help="The region the team belongs to (not with --from).")
@click.option(
    "--manager",
    help="The manager: a member id, a name, or id=name (e.g. wang-lei=王磊) (not with --from).",
)
@click.option(
    "--from", "from_plan", metavar="PLAN", help="Start the next cycle of this plan (id or file)."
)
@click.option(
    "--dir",
    "folder",
    type=click.Path(path_type=Path, file_okay=False),
    help="The folder to write to; default: the plans folder (with --from: the plan's folder).",
)
@lang_option
@config_file_option
def new(
    plan_id: str,
    period: str,
    team: str | None,
    region: str | None,
    manager: str | None,
    from_plan: str | None,
    folder: Path | None,
    lang: str | None,
    config_file: Path | None,
) -> None:
    """Write a new plan ID.md from the template, or start the next cycle of a plan.

    Without --from, the plan starts from plans/_template.md when the repository has one, else
    from the built-in template (in the site's language), with comments that guide through the
    method. With --from PLAN, the members, goals (baseline = the latest actual, the actuals
    moved to the history), root causes and strategies carry over, unfinished tasks move into
    the new period, and the last review's next actions become tasks. Never overwrites a file.

    Example: salesplan new east-shanghai-2023q4 --from east-shanghai-2023q3 --period 2023-Q4
    """
    from ..commands.new import new_plan, next_plan

    config, words = site_and_words(config_file, lang)
    if from_plan is None:
        if not team:
            raise CommandError(words["new-no-team"], usage=True)
        created = new_plan(
            plan_id,
            team=team,
            period=period,
            region=region,
            manager=manager,
            folder=folder,
            config=config,
            words=words,
        )
    else:
        if team or region or manager:
            raise CommandError(words["new-from-options"], usage=True)
        created = next_plan(
            plan_id, previous=from_plan, period=period, folder=folder, config=config, words=words
        )
    plan = created.result.plans[0]
    click.echo(words.say("new-done", file=created.file, period=plan.period.name))
    if created.template:
        click.echo(words.say("new-template", template=created.template))
    _cycle_notes(created, words)
    if created.result.diagnostics:
        from ..check import reporters

        click.echo(reporters.text(created.result, color=colour(sys.stderr)), err=True, nl=False)
    steps = "new-next-steps" if created.cycle is None else "new-next-steps-from"
    click.echo(words.say(steps, file=created.file))


def _cycle_notes(created, words: Words) -> None:
    cycle = created.cycle
    if cycle is None:
        return
    if cycle.carried:
        click.echo(words.say("new-carried", ids=", ".join(cycle.carried)))
    if cycle.from_actions:
        click.echo(words.say("new-from-actions", ids=", ".join(cycle.from_actions)))
    if cycle.skipped:
        click.echo(words.say("new-skipped", n=len(cycle.skipped)))
    if cycle.retargeted:
        click.echo(words.say("new-retargeted", ids=", ".join(cycle.retargeted)))
    for line, text in created.flagged:
        click.echo(words.say("new-flagged", line=line, text=text), err=True)


@app.command()
@click.argument("plan")
@click.argument("task")
@click.option("--progress", required=True, help="How much is done, 0 to 100 (60 or 60%).")
@click.option("--note", help="What was done, e.g. 已邀约18家.")
@click.option("--blocker", help="What holds the task back, and the help needed.")
@date_option
@replace_option
@click.option("--late", is_flag=True, help="Accept a day after the task's end (finished late).")
@lang_option
@config_file_option
def checkin(
    plan: str,
    task: str,
    progress: str,
    note: str | None,
    blocker: str | None,
    day: str | None,
    replace: bool,
    late: bool,
    lang: str | None,
    config_file: Path | None,
) -> None:
    """Record a task's progress in its plan (in place: every other line stays as it was).

    PLAN is a plan id or file. The plan is checked before it is written; a bad value (progress
    140, a day before the task starts, a task the plan does not have, a day already recorded)
    changes nothing. Then prints the task's new state: planned against actual, the next
    milestone, and whether help is needed.

    Example: salesplan checkin east-shanghai-2023q3 t-invite --progress 70 --note "已邀约21家"
    """
    config, words = site_and_words(config_file, lang)
    percent = _number(progress, "--progress", words)
    values = {"progress": percent, "note": note, "blocker": blocker}
    entry = Entry("checkin", task, _day(day, config, words), values, replace, late)
    outcome = _record(plan, entry, config, words)
    click.echo(
        words.say(
            "rec-done-checkin",
            file=outcome.file,
            id=task,
            day=entry.day,
            progress=progress_text(percent),
        )
    )
    click.echo("\n".join(task_state(outcome.metrics, task, words)))
    _warnings(outcome, words)


@app.command()
@click.argument("plan")
@click.argument("goal")
@click.option("--value", required=True, help="The goal's value on that day, without its unit.")
@click.option("--note", help="What explains the figure.")
@date_option
@replace_option
@lang_option
@config_file_option
def actual(
    plan: str,
    goal: str,
    value: str,
    note: str | None,
    day: str | None,
    replace: bool,
    lang: str | None,
    config_file: Path | None,
) -> None:
    """Record a goal's actual value in its plan (in place), then print where the goal stands.

    For a cumulative goal the value is what was added since the last actual (e.g. the new
    customers won this week); otherwise it is the metric's value on that day.

    Example: salesplan actual east-shanghai-2023q3 g-revenue --value 104 --date 2023-08-27
    """
    config, words = site_and_words(config_file, lang)
    figure = _number(value, "--value", words)
    values = {"value": figure, "note": note}
    entry = Entry("actual", goal, _day(day, config, words), values, replace)
    outcome = _record(plan, entry, config, words)
    click.echo(
        words.say(
            "rec-done-actual", file=outcome.file, id=goal, day=entry.day, value=number(figure)
        )
    )
    click.echo("\n".join(goal_state(outcome.metrics, goal, words)))
    _warnings(outcome, words)


@app.command("one-on-one")
@click.argument("plan")
@click.argument("task")
@click.option("--by", "by", required=True, metavar="MEMBER", help="Who held it (a member id).")
@click.option("--note", help="What was agreed.")
@click.option("--action", "actions", multiple=True, help="A help action agreed (repeatable).")
@date_option
@replace_option
@lang_option
@config_file_option
def one_on_one(
    plan: str,
    task: str,
    by: str,
    note: str | None,
    actions: tuple[str, ...],
    day: str | None,
    replace: bool,
    lang: str | None,
    config_file: Path | None,
) -> None:
    """Record the 1:1 of the help mechanism held about a task that fell behind.

    It goes to the task's help list; the stand-up and the alerts then show "1:1 held" instead
    of "1:1 due" for the task's current behind streak.

    Example: salesplan one-on-one east-shanghai-2023q3 t-invite --by wang-lei --note "协助约访"
    """
    config, words = site_and_words(config_file, lang)
    values = {"by": by, "note": note, "actions": [a for a in actions if a.strip()]}
    entry = Entry("help", task, _day(day, config, words), values, replace)
    outcome = _record(plan, entry, config, words)
    click.echo(words.say("rec-done-help", file=outcome.file, id=task, day=entry.day, by=by))
    click.echo("\n".join(task_state(outcome.metrics, task, words)))
    _warnings(outcome, words)


@app.command("import")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@lang_option
@config_file_option
def import_(files: tuple[Path, ...], lang: str | None, config_file: Path | None) -> None:
    """Record the check-ins and actuals of stand-up sheets (.xlsx or .csv), all or nothing.

    Columns: plan, task or goal, date, progress or value, note (and blocker); Chinese headers
    (计划, 任务, 目标, 日期, 进度, 数值, 说明, 卡点) work too. An empty date is today; rows with
    nothing to record are skipped. Each row is checked as checkin and actual check it; if one
    is refused, no file changes and every refused row is listed with its row number. Each plan
    page offers a blank sheet to download.

    Example: salesplan import standup-0821.xlsx
    """
    from ..commands.import_sheet import import_sheets

    config, words = site_and_words(config_file, lang)
    imported = import_sheets(files, config=config, words=words, today=_today(config, words))
    if not imported.files:
        click.echo(words["imp-nothing"])
        return
    click.echo(
        words.say(
            "imp-done",
            n=imported.rows,
            s="" if imported.rows == 1 else "s",
            files=", ".join(imported.files),
        )
    )
    for warning in imported.warnings:
        click.echo(
            words.say("rec-warning", message=f"{warning.file}:{warning.line}: {warning.message}"),
            err=True,
        )
