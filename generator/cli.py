"""The `salesplan` command: a thin layer that parses options, calls one function, returns a code."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import reporters
from .validate import DEFAULT_PLANS_DIR, check

# Paths stay strings: diagnostics name each file exactly as it was given.
_PATHS = click.argument("paths", nargs=-1, type=click.Path(exists=True, dir_okay=True))
_AS_OF = click.option(
    "--as-of",
    metavar="DATE",
    help="The date to compute progress for (YYYY-MM-DD); default: mkdocs.yml, "
    "SOURCE_DATE_EPOCH, or today.",
)


_LANG = click.option(
    "--lang",
    type=click.Choice(["en", "zh"]),
    envvar="SALESPLAN_LANG",
    default="en",
    show_default=True,
    help="The language of the messages (also from SALESPLAN_LANG); zh: 中文.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="salesplan")
def app() -> None:
    """Plan-as-code for sales teams: check plans, see the stand-up view, build the site."""


@app.command()
@_PATHS
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(reporters.REPORTERS)),
    default="text",
    show_default=True,
    help="text for people, json for machines, github for pull-request annotations, "
    "markdown for the job summary.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@_LANG
def validate(paths: tuple[str, ...], fmt: str, strict: bool, lang: str) -> None:
    """Check plan files and report every problem with its file, line and column.

    With no PATHS, checks every plan in the plans/ folder. Folders are searched for .md files.
    Exit code: 0 when valid (warnings allowed), 1 when a plan has errors, 2 on a usage error.

    Example: salesplan validate plans/east/east-shanghai-2023q3.md --format github
    """
    if not paths:
        if not DEFAULT_PLANS_DIR.is_dir():
            raise click.UsageError(
                "no plans/ folder here: run this in the plan repository or name files"
            )
        paths = (DEFAULT_PLANS_DIR.as_posix(),)
    report = check(list(paths), strict=strict, language=lang)
    if not report.files:
        raise click.UsageError("no plan files (.md) found in " + ", ".join(map(str, paths)))
    color = fmt == "text" and sys.stdout.isatty()
    click.echo(reporters.REPORTERS[fmt](report, color), nl=False)
    sys.exit(0 if report.ok else 1)


@app.command()
@_PATHS
@_AS_OF
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@_LANG
def status(paths: tuple[str, ...], as_of: str | None, fmt: str, lang: str) -> None:
    """Show goals and the tasks that need attention: the view for the daily stand-up.

    Example: salesplan status plans/east --as-of 2023-08-20
    """
    from . import site
    from . import status as status_view

    as_of = as_of or os.environ.get(site.AS_OF_VARIABLE) or site.configured_as_of()
    paths = paths or (DEFAULT_PLANS_DIR.as_posix(),)
    sys.exit(status_view.run(list(paths), as_of, fmt, sys.stdout, language=lang))


@app.command()
@_AS_OF
@click.option(
    "--site-dir", type=click.Path(path_type=Path), help="Where to write the site (default: site/)."
)
@click.option(
    "-f",
    "--config-file",
    type=click.Path(exists=True, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
)
def build(as_of: str | None, site_dir: Path | None, config_file: Path) -> None:
    """Check the plans, then build the site in strict mode.

    Example: salesplan build --as-of 2023-08-20 --site-dir public
    """
    from . import site

    sys.exit(site.build(config_file, as_of=as_of, site_dir=site_dir))


@app.command()
@_AS_OF
@click.option("-a", "--dev-addr", metavar="IP:PORT", default="127.0.0.1:8000", show_default=True)
@click.option(
    "-f",
    "--config-file",
    type=click.Path(exists=True, path_type=Path),
    default="mkdocs.yml",
    show_default=True,
)
def serve(as_of: str | None, dev_addr: str, config_file: Path) -> None:
    """Preview the site; editing a plan re-renders its pages.

    Example: salesplan serve, then open the address it prints
    """
    from . import site

    sys.exit(site.serve(config_file, as_of=as_of, dev_addr=dev_addr))


@app.command()
@click.argument("out_dir", type=click.Path(path_type=Path))
@_AS_OF
@click.option(
    "--plans",
    "plans_dir",
    type=click.Path(exists=True, path_type=Path),
    default="plans",
    show_default=True,
)
@click.option("--language", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def generate(out_dir: Path, as_of: str | None, plans_dir: Path, language: str) -> None:
    """Write the generated pages (Markdown, charts, assets) to a folder, without MkDocs.

    Example: salesplan generate build/pages --as-of 2023-08-20
    """
    from . import site

    sys.exit(site.generate(out_dir, plans_dir=plans_dir, as_of=as_of, language=language))


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
