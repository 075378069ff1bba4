"""The `salesplan` group and what every command shares: the options with one meaning everywhere,
mkdocs.yml and the language, the as-of date, and one way of reporting an error."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import click

from ..check import reporters
from ..commands.errors import CommandError
from ..commands.site_config import SiteConfig, load_site_config
from ..settings import SettingError, resolve_as_of
from ..words import LanguageError, Words, choose_language

# --- options shared by the commands, with one meaning everywhere ----------------------------

# Paths stay strings: diagnostics name each file exactly as it was given.
paths_argument = click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=True))
as_of_option = click.option(
    "--as-of",
    metavar="DATE",
    help="The day to compute progress for (YYYY-MM-DD); default: as_of in mkdocs.yml, "
    "else SOURCE_DATE_EPOCH, else today in the site's time zone.",
)
lang_option = click.option(
    "--lang",
    metavar="zh|en",
    help="The language of the output; default: SALESPLAN_LANG, else the site's language "
    "(mkdocs.yml), else LANG, else English. zh: 中文.",
)
config_file_option = click.option(
    "-f",
    "--config-file",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The site's mkdocs.yml (default: ./mkdocs.yml, when there is one).",
)


def format_option(*choices: str, help: str = "") -> click.Option:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help,
    )


# --- what every command starts with ---------------------------------------------------------


def site_and_words(config_file: Path | None, lang: str | None) -> tuple[SiteConfig, Words]:
    """mkdocs.yml (when there is one) and the words of the language chosen (SPEC §6)."""
    with mkdocs_log(logging.ERROR):
        config = load_site_config(config_file)
    language = choose_language(
        lang,
        variable=os.environ.get("SALESPLAN_LANG"),
        site=config.language,
        locale=os.environ.get("LANG"),
    )
    return config, Words.of(language)


def as_of_date(explicit: str | None, config: SiteConfig, words: Words) -> date:
    options = config.options
    return resolve_as_of(
        explicit,
        options.as_of if options is not None else None,
        epoch=os.environ.get("SOURCE_DATE_EPOCH"),
        timezone=options.timezone if options is not None else None,
        now=datetime.now(UTC),
        words=words,
    )


@contextmanager
def mkdocs_log(level: int) -> Iterator[None]:
    """Show MkDocs' messages from `level` up, as its own CLI does (level - message)."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(level)
    previous, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
        logger.propagate = propagate


def colour(stream) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


class _Group(click.Group):
    """Turns the errors of commands and settings into one line and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CommandError as error:
            if error.result is not None:
                click.echo(
                    reporters.text(error.result, color=colour(sys.stderr)), err=True, nl=False
                )
                if str(error):
                    click.echo(f"Error: {error}", err=True)
                ctx.exit(1)
            if error.usage:
                raise click.UsageError(str(error)) from None
            fail(str(error))
        except (SettingError, LanguageError) as error:
            raise click.UsageError(str(error)) from None


def fail(message: str) -> None:
    for line in message.strip().splitlines() or ["the command failed"]:
        click.echo(f"Error: {line}", err=True)
    sys.exit(1)


# --- the commands ---------------------------------------------------------------------------


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="salesplan")
def app() -> None:
    """Plan-as-code for sales teams: check plans, see the stand-up view, build the site."""
