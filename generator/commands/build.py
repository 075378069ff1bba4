"""`salesplan build` and `salesplan serve`: the plans checked, then MkDocs driven with the
salesplan plugin's options set from the command line (`--at`: the plans of a git revision,
read from git into memory: the working tree is never touched)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from ..check import CheckResult
from ..revisions import GitError
from ..site.forks import in_helper
from ..words import Words
from .errors import CommandError
from .site_config import DEFAULT_CONFIG, SiteConfig, load_site_config


def build(
    config_file: Path | None,
    *,
    words: Words,
    as_of: date | None = None,
    site_dir: Path | None = None,
    at: str | None = None,
    offline: bool = False,
) -> CheckResult:
    """Check the plans (reported as `validate` does), then build the site in strict mode.

    `at`: build from the plans as they were at this git revision, as of that commit's day
    unless `as_of` is given. `offline` builds a site that opens from its folder (file://),
    with Material's offline plugin. Returns the check (its warnings); raises CommandError when
    the plans or the build fail.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    # the site folder is set after loading, once checked (MkDocs would first say it in English)
    config = load_site_config(config_file, required=True, strict=True)
    if offline:
        plugins = configured_plugins(config, extra=("offline",))
        config = load_site_config(config_file, required=True, plugins=plugins, strict=True)
    plugin = _plugin(config, config_file, words)
    _choose_site_dir(config, site_dir, words)
    try:
        if at is not None:
            plugin.config.revision = at
            as_of = as_of or plugin.commit_day(plugin.revision_commit(config.mkdocs), words)
        if as_of is not None:
            plugin.config.as_of = as_of
        result = plugin.plan_check(config.mkdocs, words, config.plans_dir)
    except GitError as error:
        message = words.say(error.reason, revision=error.detail, detail=error.detail)
        raise CommandError(message, usage=error.reason == "rev.git.unknown-revision") from None
    if not result.ok:
        raise CommandError(words["cmd-plans-invalid"], result=result)
    try:
        config.mkdocs.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config.mkdocs)
        finally:
            if in_helper():  # a process forked to share the pages never returns to a command
                os._exit(1)
            config.mkdocs.plugins.on_shutdown()
    except (MkDocsException, OSError) as error:
        raise CommandError(str(error)) from None
    return result


def _choose_site_dir(config: SiteConfig, site_dir: Path | None, words: Words) -> None:
    """Set the site folder (`--site-dir`, relative to mkdocs.yml as MkDocs takes it), refusing
    one MkDocs' cleaning would empty of anything this tool did not build, before it starts.

    The plugin checks again for `mkdocs build`; here the message is in the command's language.
    """
    from ..site.output import site_dir_problem

    mkdocs = config.mkdocs
    project = Path(mkdocs.config_file_path or ".").parent
    if site_dir is not None:
        mkdocs["site_dir"] = os.path.abspath(project / site_dir)
    protected = (config.plugin.plans_dir(mkdocs), Path(mkdocs.docs_dir))
    problem = site_dir_problem(Path(mkdocs.site_dir), project, protected, words)
    if problem:
        raise CommandError(problem)


def serve(
    config_file: Path | None, *, words: Words, as_of: date | None = None, dev_addr: str
) -> None:
    """Preview the site with MkDocs' live-reloading server until interrupted."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    config = load_site_config(config_file, required=True)
    _plugin(config, config_file, words)
    overrides: dict[str, object] = {}
    if as_of is not None:
        # MkDocs loads mkdocs.yml again at each rebuild: the plugin's options travel with it.
        overrides["plugins"] = configured_plugins(config, as_of=as_of)
    try:
        mkdocs_serve(
            str(config_file or DEFAULT_CONFIG), dev_addr=dev_addr, livereload=True, **overrides
        )
    except (MkDocsException, OSError) as error:
        raise CommandError(str(error)) from None


def configured_plugins(
    config: SiteConfig, *, as_of: date | None = None, extra: tuple[str, ...] = ()
) -> list:
    """The `plugins` setting of mkdocs.yml, as MkDocs read it, with the salesplan plugin's
    as_of set (when given) and the `extra` plugins added unless listed already."""
    from mkdocs.utils import yaml_load

    with open(config.mkdocs.config_file_path, "rb") as file:
        raw = yaml_load(file) or {}
    listed = raw.get("plugins") or []
    if isinstance(listed, dict):  # MkDocs also takes `plugins:` as a mapping
        listed = [{name: options} for name, options in listed.items()]
    plugins = []
    for entry in listed:
        if entry == "salesplan":
            entry = {"salesplan": {}}
        if isinstance(entry, dict) and "salesplan" in entry and as_of is not None:
            entry = {"salesplan": {**(entry["salesplan"] or {}), "as_of": as_of}}
        plugins.append(entry)
    names = {entry if isinstance(entry, str) else next(iter(entry), "") for entry in plugins}
    plugins += [name for name in extra if name not in names and f"material/{name}" not in names]
    return plugins


def _plugin(config: SiteConfig, config_file: Path | None, words: Words):
    if config.plugin is None:
        shown = config_file or DEFAULT_CONFIG
        raise CommandError(words.say("cmd-no-plugin", config=shown), usage=True)
    return config.plugin
