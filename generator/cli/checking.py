"""The commands that read plans: `validate`, `status` and `diff`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..check import reporters
from ..render import standup, standup_markdown
from .app import (
    app,
    as_of_date,
    as_of_option,
    colour,
    config_file_option,
    format_option,
    lang_option,
    paths_argument,
    site_and_words,
)


@app.command()
@paths_argument
@format_option(
    *sorted(reporters.REPORTERS, key=lambda name: name != "text"),
    help="text for people, json for machines, github for pull-request annotations, "
    "markdown for the job summary.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option(
    "--source-url",
    metavar="URL",
    help="With --format markdown, link each problem to its line: where the files are on the "
    "web, e.g. https://github.com/OWNER/REPO/blob/COMMIT.",
)
@lang_option
@config_file_option
def validate(
    paths: tuple[str, ...],
    fmt: str,
    strict: bool,
    source_url: str | None,
    lang: str | None,
    config_file: Path | None,
) -> None:
    """Check plan files and report every problem with its file, line and column.

    With no PATHS, checks every plan in the plans folder. Folders are searched for .md files.
    Exit code: 0 when valid (warnings allowed), 1 when a plan has errors, 2 on a usage error.

    Example: salesplan validate plans/east/east-shanghai-2023q3.md --format github
    """
    from ..commands.validate import validate as run

    config, words = site_and_words(config_file, lang)
    result = run(paths, config=config, words=words, strict=strict)
    color = fmt == "text" and colour(sys.stdout)
    click.echo(reporters.REPORTERS[fmt](result, color, source_url), nl=False)
    sys.exit(0 if result.ok else 1)


@app.command()
@paths_argument
@as_of_option
@format_option(
    "text",
    "json",
    "markdown",
    help="text for the stand-up, json for machines, markdown for a chat.",
)
@lang_option
@config_file_option
def status(
    paths: tuple[str, ...],
    as_of: str | None,
    fmt: str,
    lang: str | None,
    config_file: Path | None,
) -> None:
    """Show goals and the tasks that need attention: the view for the daily stand-up.

    An invalid plan is reported (exit code 1) and the others are still shown.

    Example: salesplan status plans/east --as-of 2023-08-20
    """
    import json

    from ..commands.status import status as run

    config, words = site_and_words(config_file, lang)
    day = as_of_date(as_of, config, words)
    found = run(paths, config=config, words=words, as_of=day)
    result = found.result
    if not result.ok:
        errors = [d for d in result.diagnostics if d.severity == "error"]
        click.echo("\n".join(str(d) for d in errors), err=True)
    elif result.warnings:  # the stand-up is not the place to read them one by one
        warnings = words.count("n-warnings", result.warnings)
        click.echo(words.say("st-warnings", warnings=warnings), err=True)
    if found.uncovered_years:
        years = ", ".join(map(str, found.uncovered_years))
        click.echo(words.say("calendar-uncovered", years=years), err=True)
    if fmt == "json":
        report = standup.report(found.metrics, day, found.rollups)
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    elif fmt == "markdown":
        click.echo(standup_markdown.markdown(found.metrics, day, words), nl=False)
    elif found.metrics or result.ok:
        click.echo(standup.text(found.metrics, day, words, colour(sys.stdout)), nl=False)
    sys.exit(0 if result.ok else 1)


@app.command()
@click.argument("old")
@click.argument("new")
@paths_argument
@format_option(
    "text",
    "markdown",
    "json",
    "github",
    help="text for people, markdown for reviewers (the pull request's summary), json for "
    "machines, github for warnings on the lines of lowered targets and later due dates.",
)
@lang_option
@config_file_option
def diff(
    old: str,
    new: str,
    paths: tuple[str, ...],
    fmt: str,
    lang: str | None,
    config_file: Path | None,
) -> None:
    """Show what changed in the plans between two git revisions, or between two plan files.

    Plans are matched by id, so a renamed or moved file is a change of the same plan; goals,
    tasks and other lists by the ids (or dates) of their items, so reordering changes nothing.
    A lowered target, or a due date moved later, is flagged. PATHS limit the comparison to the
    plans under them. A plan with errors at either side is reported as validate does (exit 1).

    Example: salesplan diff main HEAD --format markdown
    """
    from ..check.schema import load_schema
    from ..commands.diff import diff as run
    from ..render.diff_report import REPORTERS

    config, words = site_and_words(config_file, lang)
    comparison = run(old, new, paths, config=config, words=words)
    color = fmt == "text" and colour(sys.stdout)
    click.echo(REPORTERS[fmt](comparison, words, load_schema(), color), nl=False)
