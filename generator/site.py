"""The site stage: plans → validated → computed → rendered pages, and the build/serve/generate
commands. The MkDocs plugin (plugin.py) only wires MkDocs events to the functions here.
"""

from __future__ import annotations

import html
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from . import compute, reporters, validate
from .labels import labels_for
from .render import (
    ALERTS,
    HOME,
    REFERENCE,
    SiteData,
    plan_page_path,
    region_paths,
    render_site,
    site_order,
    site_regions,
)
from .schema_check import load_schema, schema_path

GENERATED_MARKER = ".salesplan-generated"  # lets `generate` replace only its own output
AS_OF_VARIABLE = "SALESPLAN_AS_OF"  # how `salesplan build --as-of` reaches the plugin
GUIDE_ORDER = ("editing.md", "changing-a-plan.md", "formulas.md", "rules.md")
log = logging.getLogger("mkdocs.plugins.salesplan")


class PlansInvalid(Exception):
    """The plans have errors; the message lists every diagnostic, one per line."""


def resolve_as_of(option: str | date | None = None) -> date:
    """The as-of date: SALESPLAN_AS_OF (the CLI's --as-of), else the plugin option,
    else SOURCE_DATE_EPOCH, else today. Raises ValueError for a malformed date."""
    explicit = os.environ.get(AS_OF_VARIABLE, "").strip() or option
    return compute.resolve_as_of(explicit)


# The last validation, by plans folder and the files' (path, mtime, size): `salesplan build`
# checks the plans before MkDocs starts, and the plugin then reuses that result instead of
# validating every plan a second time; an edit under `serve` changes the key.
_last_check: dict[tuple, validate.Report] = {}


def validated(plans_dir: Path) -> validate.Report:
    """The validation report of every plan in `plans_dir`, computed once per state of it."""
    files = validate.find_plan_files([plans_dir]) if plans_dir.is_dir() else []
    try:
        state = tuple(
            (p.relative_to(plans_dir).as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
            for p, _ in files
        )
    except OSError:
        state = None  # a file vanished meanwhile: validate afresh
    key = (str(plans_dir.resolve()), state)
    if state is None or key not in _last_check:
        _last_check.clear()
        _last_check[key] = validate.check([plans_dir], plans_dir=plans_dir)
    return _last_check[key]


def check_plans(plans_dir: Path) -> tuple[tuple, tuple[str, ...]]:
    """Validate every plan of `plans_dir`: (plans, warning lines); PlansInvalid on errors."""
    report = validated(plans_dir)
    if not report.ok:
        lines = [str(d) for d in report.diagnostics]
        raise PlansInvalid("\n".join(lines))
    return report.plans, tuple(str(d) for d in report.diagnostics)


def site_data(plans: Sequence, as_of: date) -> SiteData:
    """Compute every plan's metrics and the rollups: the input of the render stage."""
    metrics = sorted((compute.plan_metrics(plan, as_of) for plan in plans), key=site_order)
    current = compute.current_plans(metrics, as_of)
    return SiteData(
        as_of=as_of,
        metrics=tuple(metrics),
        current=current,
        organisation=compute.organisation_rollup(current),
        regions=compute.region_rollups(current),
    )


def site_pages(
    plans_dir: Path, as_of: date, language: str, *, directory_urls: bool = True
) -> tuple[SiteData, dict[str, str | bytes]]:
    """load → validate → compute → render: the generated page tree."""
    plans, warnings = check_plans(plans_dir)
    for line in warnings:
        log.info(line)  # a warning does not fail a strict build; `salesplan validate` shows it
    data = site_data(plans, as_of)
    pages = render_site(
        data,
        language=language,
        schema=load_schema(),
        directory_urls=directory_urls,
        schema_source=schema_path().read_bytes(),
    )
    return data, pages


NAV_TEAMS_LIMIT = 60  # nav_teams "auto": teams in the nav up to this many plans


def teams_in_nav(option: bool | str, data: SiteData) -> bool:
    """Whether the nav lists team pages: the plugin option `nav_teams` (true, false or "auto").

    Material renders the whole nav into every page, so its cost grows with plans × pages;
    "auto" keeps big organisations to region pages (teams stay linked from them).
    """
    if option == "auto":
        return len(data.metrics) <= NAV_TEAMS_LIMIT
    return bool(option)


def site_nav(
    data: SiteData, language: str, guide_pages: Sequence[str], *, nav_teams: bool | str = "auto"
) -> list:
    """The navigation (MkDocs `nav` format): home, alerts, one section per region (its page,
    then its teams when `nav_teams` says so), guide, reference.

    A team's entry is its plan in force; its other plans follow as "team · period". Titles are
    HTML-escaped here because themes print nav titles unescaped.
    """
    labels = labels_for(language)
    nav: list = [{labels["site.home"]: HOME}, {labels["site.alerts"]: ALERTS}]
    regions = region_paths(data)
    sections = {
        r.name: [{labels["site.region_overview"]: regions[r.name]}] for r in site_regions(data)
    }
    if teams_in_nav(nav_teams, data):
        others: dict[str, list] = {}
        current = {pm.plan.id for pm in data.current}
        for pm in data.metrics:
            if pm.plan.id not in current:
                others.setdefault(pm.plan.team, []).append(pm.plan)
        for pm in data.current:
            entries = sections[pm.plan.region or ""]
            entries.append(_team_entry(pm.plan.team, pm.plan.id))
            for plan in others.get(pm.plan.team, ()):
                entries.append(_team_entry(f"{plan.team} · {plan.period.name}", plan.id))
    for name, entries in sections.items():
        nav.append({html.escape(name or labels["site.no_region"]): entries})
    guide = sorted(
        guide_pages,
        key=lambda p: (GUIDE_ORDER.index(p) if p in GUIDE_ORDER else len(GUIDE_ORDER), p),
    )
    if guide:
        nav.append({labels["site.guide"]: list(guide)})
    nav.append({labels["site.reference"]: REFERENCE})
    return nav


def nav_pages(nav: list) -> set[str]:
    """Every page path a nav (MkDocs `nav` format) lists."""
    found: set[str] = set()
    for entry in nav:
        value = next(iter(entry.values())) if isinstance(entry, dict) else entry
        if isinstance(value, list):
            found |= nav_pages(value)
        else:
            found.add(value)
    return found


def _team_entry(title: str, plan_id: str) -> dict:
    # One entry per plan; the dashboard is a button on the plan page. A nested plan/dashboard
    # pair per team doubled the build time of 200 teams (the nav is rendered into every page).
    return {html.escape(title): plan_page_path(plan_id)}


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its Python tags (e.g. !!python/name: fences)."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def plugin_options(config_file: Path | str = "mkdocs.yml") -> dict:
    """The options of the salesplan plugin in mkdocs.yml ({} when unreadable or unset)."""
    try:
        config = yaml.load(Path(config_file).read_text("utf-8"), Loader=_ConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    plugins = config.get("plugins") if isinstance(config, dict) else None
    for plugin in plugins if isinstance(plugins, list) else []:
        options = plugin.get("salesplan") if isinstance(plugin, dict) else None
        if isinstance(options, dict):
            return options
    return {}


def configured_as_of(config_file: Path | str = "mkdocs.yml") -> str | None:
    """The `as_of` option of the salesplan plugin in mkdocs.yml, when the file sets one."""
    as_of = plugin_options(config_file).get("as_of")
    return str(as_of) if as_of else None


def source_date_epoch(as_of: date) -> str:
    """SOURCE_DATE_EPOCH for the as-of date (midnight UTC), so sitemap dates follow it."""
    return str(int(datetime(as_of.year, as_of.month, as_of.day, tzinfo=UTC).timestamp()))


@contextmanager
def _environment(**values: str | None) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    try:
        for key, value in values.items():
            if value is not None:
                os.environ[key] = value
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextmanager
def _mkdocs_log() -> Iterator[None]:
    """Show MkDocs' messages as its own CLI does (level - message) while we drive it."""
    logger = logging.getLogger("mkdocs")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    handler.setLevel(logging.INFO)
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


def _fail(message: str) -> int:
    for line in str(message).strip().splitlines() or ["the build failed"]:
        print(f"Error: {line}", file=sys.stderr)
    return 1


def build(
    config_file: Path | str = "mkdocs.yml",
    as_of: str | None = None,
    site_dir: Path | str | None = None,
    strict: bool = True,
) -> int:
    """Validate the plans, then build the site with MkDocs in strict mode. Returns the exit code."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    # Check the plans first, reported as `salesplan validate` does: paths as the user knows them.
    plans_dir = Path(config_file).parent / str(
        plugin_options(config_file).get("plans_dir", "plans")
    )
    if plans_dir.is_dir():
        report = validated(plans_dir)
        if not report.ok:
            sys.stderr.write(reporters.text(report, color=sys.stderr.isatty()))
            return 1
    try:
        if as_of:
            compute.resolve_as_of(as_of)  # a malformed date is reported before anything runs
        overrides = {"site_dir": str(site_dir)} if site_dir else {}
        with _environment(**{AS_OF_VARIABLE: as_of}), _mkdocs_log():
            config = load_config(str(config_file), strict=strict, **overrides)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
    except (MkDocsException, PlansInvalid, ValueError, OSError) as error:
        return _fail(str(error))
    return 0


def serve(
    config_file: Path | str = "mkdocs.yml",
    as_of: str | None = None,
    dev_addr: str = "127.0.0.1:8000",
) -> int:
    """Live preview: MkDocs serve; the plugin watches the plans folder and re-renders."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    try:
        if as_of:
            compute.resolve_as_of(as_of)
        with _environment(**{AS_OF_VARIABLE: as_of}), _mkdocs_log():
            mkdocs_serve(str(config_file), dev_addr=dev_addr, livereload=True)
    except (MkDocsException, PlansInvalid, ValueError, OSError) as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        pass
    return 0


def generate(
    out_dir: Path | str,
    plans_dir: Path | str = "plans",
    as_of: str | None = None,
    language: str = "zh",
) -> int:
    """Write the generated page tree to `out_dir` without MkDocs, replacing it atomically."""
    out = Path(out_dir)
    if out.exists() and any(out.iterdir()) and not (out / GENERATED_MARKER).exists():
        return _fail(
            f"{out} already holds files that salesplan did not write; "
            "choose a new or empty folder (it is replaced as a whole)"
        )
    try:
        day = compute.resolve_as_of(as_of)
        _, pages = site_pages(Path(plans_dir), day, language)
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
        try:
            write_pages(staging, pages)
            (staging / GENERATED_MARKER).write_text("written by salesplan generate\n")
            if out.exists():
                old = out.with_name(f".{out.name}-old")
                shutil.rmtree(old, ignore_errors=True)
                out.rename(old)
                staging.rename(out)
                shutil.rmtree(old, ignore_errors=True)
            else:
                staging.rename(out)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except (PlansInvalid, ValueError, OSError) as error:
        return _fail(str(error))
    print(f"wrote {len(pages)} files to {out}")
    return 0


def write_pages(root: Path, pages: Mapping[str, str | bytes]) -> None:
    """Write a page tree under `root` (text as UTF-8 with \\n line ends)."""
    for path, content in pages.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            target.write_bytes(content.encode("utf-8"))
        else:
            target.write_bytes(content)
