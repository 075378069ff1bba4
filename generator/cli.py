"""The `salesplan` command: parses options, calls one function of `commands`, prints what it
returns and chooses the exit code. The only module that prints or exits."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from pathlib import Path

import click

from .check import reporters
from .commands.errors import CommandError
from .commands.site_config import SiteConfig, load_site_config
from .render import standup, standup_markdown
from .settings import SettingError, parse_date, resolve_as_of
from .words import LanguageError, Words, choose_language

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


def _site(config_file: Path | None, lang: str | None) -> tuple[SiteConfig, Words]:
    """mkdocs.yml (when there is one) and the words of the language chosen (SPEC §6)."""
    with _mkdocs_log(logging.ERROR):
        config = load_site_config(config_file)
    language = choose_language(
        lang,
        variable=os.environ.get("SALESPLAN_LANG"),
        site=config.language,
        locale=os.environ.get("LANG"),
    )
    return config, Words.of(language)


def _as_of(explicit: str | None, config: SiteConfig, words: Words) -> date:
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
def _mkdocs_log(level: int) -> Iterator[None]:
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


def _colour(stream) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


class _Group(click.Group):
    """Turns the errors of commands and settings into one line and an exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except CommandError as error:
            if error.result is not None:
                click.echo(
                    reporters.text(error.result, color=_colour(sys.stderr)), err=True, nl=False
                )
                if str(error):
                    click.echo(f"Error: {error}", err=True)
                ctx.exit(1)
            if error.usage:
                raise click.UsageError(str(error)) from None
            _fail(str(error))
        except (SettingError, LanguageError) as error:
            raise click.UsageError(str(error)) from None


def _fail(message: str) -> None:
    for line in message.strip().splitlines() or ["the command failed"]:
        click.echo(f"Error: {line}", err=True)
    sys.exit(1)


# --- the commands ---------------------------------------------------------------------------


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="salesplan")
def app() -> None:
    """Plan-as-code for sales teams: check plans, see the stand-up view, build the site."""


@app.command()
@paths_argument
@format_option(
    *sorted(reporters.REPORTERS, key=lambda name: name != "text"),
    help="text for people, json for machines, github for pull-request annotations, "
    "markdown for the job summary.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@lang_option
@config_file_option
def validate(
    paths: tuple[str, ...], fmt: str, strict: bool, lang: str | None, config_file: Path | None
) -> None:
    """Check plan files and report every problem with its file, line and column.

    With no PATHS, checks every plan in the plans folder. Folders are searched for .md files.
    Exit code: 0 when valid (warnings allowed), 1 when a plan has errors, 2 on a usage error.

    Example: salesplan validate plans/east/east-shanghai-2023q3.md --format github
    """
    from .commands.validate import validate as run

    config, words = _site(config_file, lang)
    result = run(paths, config=config, words=words, strict=strict)
    color = fmt == "text" and _colour(sys.stdout)
    click.echo(reporters.REPORTERS[fmt](result, color), nl=False)
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

    from .commands.status import status as run

    config, words = _site(config_file, lang)
    day = _as_of(as_of, config, words)
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
        click.echo(standup.text(found.metrics, day, words, _colour(sys.stdout)), nl=False)
    sys.exit(0 if result.ok else 1)


@app.command()
@as_of_option
@click.option(
    "--site-dir", type=click.Path(path_type=Path), help="Where to write the site (default: site/)."
)
@lang_option
@config_file_option
def build(
    as_of: str | None, site_dir: Path | None, lang: str | None, config_file: Path | None
) -> None:
    """Check the plans, then build the site in strict mode.

    Example: salesplan build --as-of 2023-08-20 --site-dir public
    """
    from .commands.build import build as run

    _, words = _site(config_file, lang)
    day = parse_date(as_of, "--as-of", words) if as_of else None
    with _mkdocs_log(logging.INFO):
        result = run(config_file, words=words, as_of=day, site_dir=site_dir)
    if result.warnings:
        click.echo(reporters.text(result, color=_colour(sys.stderr)), err=True, nl=False)


@app.command()
@as_of_option
@click.option("-a", "--dev-addr", metavar="IP:PORT", default="127.0.0.1:8000", show_default=True)
@lang_option
@config_file_option
def serve(as_of: str | None, dev_addr: str, lang: str | None, config_file: Path | None) -> None:
    """Preview the site; editing a plan re-renders its pages.

    Example: salesplan serve, then open the address it prints
    """
    from .commands.build import serve as run

    _, words = _site(config_file, lang)
    day = parse_date(as_of, "--as-of", words) if as_of else None
    with _mkdocs_log(logging.INFO), suppress(KeyboardInterrupt):
        run(config_file, words=words, as_of=day, dev_addr=dev_addr)


@app.command()
@click.argument("out_dir", type=click.Path(path_type=Path))
@paths_argument
@as_of_option
@lang_option
@config_file_option
def generate(
    out_dir: Path,
    paths: tuple[str, ...],
    as_of: str | None,
    lang: str | None,
    config_file: Path | None,
) -> None:
    """Write the generated pages (Markdown, charts, assets) to a folder, without MkDocs.

    PATHS are the plans (default: the plans folder of mkdocs.yml); the as-of date and the
    language follow mkdocs.yml unless given.

    Example: salesplan generate build/pages --as-of 2023-08-20
    """
    from .commands.generate import generate as run

    config, words = _site(config_file, lang)
    day = _as_of(as_of, config, words)
    written = run(out_dir, paths, config=config, words=words, as_of=day)
    click.echo(words.say("wrote-pages", n=written, out=out_dir))


# The authoring commands (new, checkin, actual, one-on-one, import) register themselves on app.
from . import cli_authoring  # noqa: E402, F401


def main() -> None:
    """Entry point: no traceback ever reaches a user."""
    try:
        app(standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # a bug: say so in one line, not a traceback
        click.echo(
            f"Error: an unexpected problem stopped salesplan ({type(exc).__name__}: {exc}). "
            "Please report it with the command you ran.",
            err=True,
        )
        sys.exit(3)
