"""The commands that make the site: `build`, `serve` and `generate`."""

from __future__ import annotations

import logging
import sys
from contextlib import suppress
from pathlib import Path

import click

from ..check import reporters
from ..settings import parse_date
from .app import (
    app,
    as_of_date,
    as_of_option,
    colour,
    config_file_option,
    lang_option,
    mkdocs_log,
    paths_argument,
    site_and_words,
)


@app.command()
@as_of_option
@click.option(
    "--site-dir", type=click.Path(path_type=Path), help="Where to write the site (default: site/)."
)
@click.option(
    "--at",
    "at",
    metavar="REV",
    help="Build from the plans as they were at this git revision (a commit, branch, tag or "
    "HEAD~3), as of that commit's day unless --as-of is given. The working tree is not touched.",
)
@click.option(
    "--offline",
    is_flag=True,
    help="Build a site that opens from its folder by double-clicking index.html, without a "
    "web server (Material's offline plugin): for previews sent as a zip.",
)
@lang_option
@config_file_option
def build(
    as_of: str | None,
    site_dir: Path | None,
    at: str | None,
    offline: bool,
    lang: str | None,
    config_file: Path | None,
) -> None:
    """Check the plans, then build the site in strict mode.

    Example: salesplan build --as-of 2023-08-20 --site-dir public
    Example: salesplan build --at v2023-08-01 --site-dir old-site  (what the plans said then)
    """
    from ..commands.build import build as run

    _, words = site_and_words(config_file, lang)
    day = parse_date(as_of, "--as-of", words) if as_of else None
    with mkdocs_log(logging.INFO):
        result = run(config_file, words=words, as_of=day, site_dir=site_dir, at=at, offline=offline)
    if result.warnings:
        click.echo(reporters.text(result, color=colour(sys.stderr)), err=True, nl=False)


@app.command()
@as_of_option
@click.option("-a", "--dev-addr", metavar="IP:PORT", default="127.0.0.1:8000", show_default=True)
@lang_option
@config_file_option
def serve(as_of: str | None, dev_addr: str, lang: str | None, config_file: Path | None) -> None:
    """Preview the site; editing a plan re-renders its pages.

    Example: salesplan serve, then open the address it prints
    """
    from ..commands.build import serve as run

    _, words = site_and_words(config_file, lang)
    day = parse_date(as_of, "--as-of", words) if as_of else None
    with mkdocs_log(logging.INFO), suppress(KeyboardInterrupt):
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
    from ..commands.generate import generate as run

    config, words = site_and_words(config_file, lang)
    day = as_of_date(as_of, config, words)
    written = run(out_dir, paths, config=config, words=words, as_of=day)
    click.echo(words.say("wrote-pages", n=written, out=out_dir))
