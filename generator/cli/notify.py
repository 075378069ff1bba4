"""The command that reaches people: `notify`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .app import (
    app,
    as_of_date,
    as_of_option,
    config_file_option,
    lang_option,
    site_and_words,
)


@app.command()
@as_of_option
@click.option(
    "--dry-run",
    is_flag=True,
    help="Print every request it would send (addresses masked); send nothing.",
)
@click.option(
    "--chat/--no-chat",
    default=True,
    show_default=True,
    help="Push the stand-up to the chat robots.",
)
@click.option(
    "--issues/--no-issues",
    default=None,
    help="Keep one GitHub issue per task that needs help (default: notify.issues in mkdocs.yml).",
)
@lang_option
@config_file_option
def notify(
    as_of: str | None,
    dry_run: bool,
    chat: bool,
    issues: bool | None,
    lang: str | None,
    config_file: Path | None,
) -> None:
    """Push the stand-up to the teams' chat robots and keep one GitHub issue per task that
    needs help (the 1:1 of the help mechanism).

    Robots: SALESPLAN_WECOM_WEBHOOK, SALESPLAN_DINGTALK_WEBHOOK (+ SALESPLAN_DINGTALK_SECRET),
    SALESPLAN_FEISHU_WEBHOOK (+ SALESPLAN_FEISHU_SECRET), and the variables named by
    notify.routes in mkdocs.yml. Issues: GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL.
    Exit code 1 when a plan has errors or a robot or GitHub failed (each is named).

    Example: salesplan notify --issues --as-of 2023-08-20 --dry-run
    """
    from ..commands.notify import environment_variables, notify_teams
    from ..notify import lines

    config, words = site_and_words(config_file, lang)
    day = as_of_date(as_of, config, words)
    # The environment is read here, at the edge, and passed down as values.
    names = environment_variables(config)
    environment = {name: os.environ[name] for name in names if os.environ.get(name)}
    run = notify_teams(
        config, words=words, as_of=day, chat=chat, issues=issues, dry_run=dry_run,
        environment=environment,
    )  # fmt: skip
    result = run.standup.result
    if not result.ok:
        errors = [d for d in result.diagnostics if d.severity == "error"]
        click.echo("\n".join(str(d) for d in errors), err=True)
    for line in lines(run.report, words):
        click.echo(line)
    failures = run.report.failures
    if failures:
        click.echo(words.say("nt-failed", names=", ".join(failures)), err=True)
    sys.exit(0 if run.ok else 1)
