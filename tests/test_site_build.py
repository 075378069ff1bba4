"""A real build of the example site, twice: pages, assets, reproducibility.

The two builds are `salesplan build` in two processes with different PYTHONHASHSEED, so output
that depends on the order of a set or dict of strings shows as a difference.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
from contextlib import ExitStack
from dataclasses import replace
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from mkdocs.config.base import ValidationError

from generator import compute
from generator.check import check, reporters
from generator.commands.build import build
from generator.commands.errors import CommandError
from generator.commands.generate import generate
from generator.commands.site_config import SiteConfig
from generator.site import nav
from generator.site.pipeline import PlanChecks
from generator.site.plugin import NavTeams
from generator.words import Words

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2023, 8, 20)
ZH = Words("zh")


def example_plans(folder: Path = ROOT / "plans"):
    return check([folder], words=ZH, plans_dir=folder).plans


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, salesplan: str) -> tuple[Path, Path, Path]:
    """The example project copied to a temporary folder and built twice, at the same time in
    two processes with hash seeds 1 and 2 (builds are slow)."""
    project = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "plans", project / "plans")
    shutil.copytree(ROOT / "docs", project / "docs")
    logs = {seed: project / f"build-{seed}.log" for seed in (1, 2)}
    with ExitStack() as files:
        builds = {
            seed: subprocess.Popen(
                [salesplan, "build", "--site-dir", f"site-{seed}"],
                cwd=project,
                env={**os.environ, "PYTHONHASHSEED": str(seed)},
                stdout=files.enter_context(log.open("w", encoding="utf-8")),
                stderr=subprocess.STDOUT,
            )
            for seed, log in logs.items()
        }
        codes = {seed: process.wait(timeout=300) for seed, process in builds.items()}
    for seed, code in codes.items():
        log = logs[seed].read_text(encoding="utf-8")
        assert code == 0, f"build with PYTHONHASHSEED={seed} failed:\n{log}"
    return project, project / "site-1", project / "site-2"


def test_every_plan_has_a_page_with_the_six_template_tables(built):
    project, first, _ = built
    plans = example_plans(project / "plans")
    assert plans
    labels = ZH
    for plan in plans:
        page = (first / "teams" / plan.id / "index.html").read_text(encoding="utf-8")
        for n in range(1, 7):
            assert labels[f"t{n}.title"] in page, (plan.id, n)
        assert page.count("<table>") >= 6
        assert (first / "teams" / plan.id / "dashboard" / "index.html").exists()
    docs = sorted(p.name for p in (project / "docs").rglob("*"))
    assert docs == sorted(p.name for p in (ROOT / "docs").rglob("*"))  # nothing generated there
    for page in ("index.html", "alerts/index.html", "reference/format/index.html"):
        assert (first / page).exists(), page
    assert (first / "schema" / "plan.schema.json").read_bytes() == (
        ROOT / "schema" / "plan.schema.json"
    ).read_bytes()


def test_plotly_is_shipped_once_and_nothing_loads_from_another_host(built):
    _, first, _ = built
    plotly = [p for p in first.rglob("*.js") if "plotly" in p.name]
    assert len(plotly) == 1
    for page in first.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for src in re.findall(r'<script[^>]*\bsrc="([^"]+)"', text):
            assert "//" not in src, (page, src)
        for tag in re.findall(r"<link\b[^>]*>", text):
            if 'rel="canonical"' in tag:
                continue  # the page's own published address, not something loaded
            href = re.search(r'\bhref="([^"]+)"', tag)
            assert href and not href[1].startswith(("http:", "https:", "//")), (page, tag)


def test_two_builds_are_byte_identical(built):
    _, first, second = built
    files_1 = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_2 = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_1 == files_2
    different = [p for p in files_1 if (first / p).read_bytes() != (second / p).read_bytes()]
    assert different == []


def test_invalid_plans_stop_the_build_with_the_diagnostics(tmp_path, capsys):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "broken.md").write_text("---\nschema: 1\nid: broken\n---\n")
    with pytest.raises(CommandError) as error:
        build(tmp_path / "mkdocs.yml", words=Words("en"), site_dir=tmp_path / "site")
    result = error.value.result
    assert result is not None and not result.ok
    assert {d.file.rpartition("/plans/")[2] for d in result.diagnostics} == {"broken.md"}
    assert reporters.summary_line(result) == "5 errors, 0 warnings in 1 of 1 plan"
    assert not (tmp_path / "site" / "index.html").exists()


def test_plans_are_validated_once_per_state_of_the_folder(tmp_path):
    plans = tmp_path / "plans"
    shutil.copytree(ROOT / "plans", plans)
    checks = PlanChecks()
    first = checks.result(plans, ZH)
    assert checks.result(plans.resolve(), ZH) is first  # the plugin's absolute path: the same
    target = next(p for p in plans.rglob("*.md") if not p.name.startswith("_"))
    target.write_text(target.read_text("utf-8").replace("schema: 1", "schema: 2"), "utf-8")
    again = checks.result(plans, ZH)
    assert again is not first and not again.ok  # an edit (under serve) is seen


def test_generate_writes_the_page_tree(tmp_path):
    out = tmp_path / "pages"
    config = SiteConfig()
    plans = [str(ROOT / "plans")]
    assert generate(out, plans, config=config, words=Words("en"), as_of=AS_OF) > 10
    assert (out / "index.md").exists()
    assert (out / "assets" / "salesplan" / "salesplan.css").exists()
    assert generate(out, plans, config=config, words=ZH, as_of=AS_OF) > 10
    assert ZH["page.home.title"] in (out / "index.md").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["pages"]  # no staging folder left behind


def test_region_pages_are_built_and_every_link_of_the_site_resolves(built):
    _, first, _ = built
    assert (first / "regions" / "华东区" / "index.html").exists()
    home = (first / "index.html").read_text(encoding="utf-8")
    assert 'href="regions/%E5%8D%8E%E4%B8%9C%E5%8C%BA/"' in home
    for page in first.rglob("*.html"):
        if page.name == "404.html":
            continue  # its links are absolute: it is served at any depth
        base = page.parent.relative_to(first).as_posix()
        for link in re.findall(r'\bhref="([^"#?]+)[^"]*"', page.read_text(encoding="utf-8")):
            if link.startswith(("http:", "https:", "mailto:", "/")):
                continue
            target = first / posixpath.normpath(posixpath.join(base, unquote(link)))
            assert target.exists() or (target / "index.html").exists(), (page, link)


def example_data():
    return compute.site_data(example_plans(), AS_OF)


def nav_titles(nav: list) -> list:
    return [next(iter(entry)) if isinstance(entry, dict) else entry for entry in nav]


def test_nav_has_one_section_per_region_starting_with_its_page():
    data = example_data()
    site_nav = nav.site_nav(data, ZH, ["editing.md"], nav_teams="auto")
    labels = ZH
    assert nav_titles(site_nav) == [
        labels["site.home"],
        labels["site.alerts"],
        "华东区",
        "华南区",
        labels["site.guide"],
        labels["site.reference"],
    ]
    east = site_nav[2]["华东区"]
    assert east == [
        {labels["site.region_overview"]: "regions/华东区.md"},
        {"上海一组": "teams/east-shanghai-2023q3/index.md"},
        {"上海一组 · 2023年第二季度": "teams/east-shanghai-2023q2/index.md"},
        {"杭州团队": "teams/east-hangzhou-2023q3/index.md"},
    ]
    assert not any("dashboard" in page for page in nav.nav_pages(site_nav))
    without = nav.site_nav(data, ZH, [], nav_teams=False)
    assert without[2] == {"华东区": [{labels["site.region_overview"]: "regions/华东区.md"}]}
    assert nav.site_nav(data, ZH, [], nav_teams=True)[2] == site_nav[2]


def test_auto_nav_leaves_teams_out_above_the_limit():
    plan = example_plans()[0]
    many = [
        replace(plan, id=f"team-{i:03d}", team=f"team {i:03d}")
        for i in range(nav.NAV_TEAMS_LIMIT + 1)
    ]
    data = compute.site_data(many, AS_OF)
    pages = nav.nav_pages(nav.site_nav(data, Words("en"), [], nav_teams="auto"))
    assert not any(page.startswith("teams/") for page in pages)
    assert any(page.startswith("regions/") for page in pages)
    data = compute.site_data(many[:-1], AS_OF)
    pages = nav.nav_pages(nav.site_nav(data, Words("en"), [], nav_teams="auto"))
    assert sum(page.startswith("teams/") for page in pages) == nav.NAV_TEAMS_LIMIT


@pytest.mark.parametrize("value", [True, False, "auto"])
def test_nav_teams_option_accepts_true_false_auto(value):
    assert NavTeams().validate(value) == value


@pytest.mark.parametrize("value", ["yes", 1, None, "Auto"])
def test_nav_teams_option_rejects_anything_else(value):
    with pytest.raises(ValidationError, match="true, false or auto"):
        NavTeams().validate(value)


def _many_teams(count: int, regions: int = 4) -> list:
    """`count` copies of an example plan, one team each, spread over `regions` regions."""
    plan = next(p for p in example_plans() if p.id == "east-hangzhou-2023q3")
    return [
        replace(plan, id=f"team-{i:04d}", team=f"团队{i:04d}", region=f"区域{i % regions}")
        for i in range(count)
    ]


def _pages(plans) -> dict:
    from generator.check.schema import load_schema
    from generator.render import render_site

    return render_site(compute.site_data(plans, AS_OF), words=ZH, schema=load_schema())


def test_past_a_few_dozen_teams_home_and_alerts_go_by_region():
    from generator.render.overview import SUMMARISE_ABOVE

    small = _pages(_many_teams(SUMMARISE_ABOVE))
    assert "团队0000" in small["index.md"] and "团队0000" in small["alerts.md"]
    assert not any(path.startswith("alerts/") for path in small)

    count = SUMMARISE_ABOVE + 1
    pages = _pages(_many_teams(count))
    home, alerts = pages["index.md"], pages["alerts.md"]
    assert "团队0000" not in home and f"共 {count} 个团队" in home
    assert 'href="regions/%E5%8C%BA%E5%9F%9F0/"' in home  # each region linked to its page
    assert "团队0000" not in alerts and "各区域预警" in alerts
    # every region has its alerts page, linked from the alerts page and from its region page
    for region in range(4):
        own = pages[f"alerts/区域{region}.md"]
        assert f"# 预警：区域{region}" in own and 'href="../"' in own
        assert f"团队{region:04d}" in own and f"团队{(region + 1) % 4:04d}" not in own
        assert f'href="%E5%8C%BA%E5%9F%9F{region}/"' in alerts
        assert 'href="../../alerts/%E5%8C%BA%E5%9F%9F' in pages[f"regions/区域{region}.md"]
    # the counts of the by-region table are the regions' rollups
    data = compute.site_data(_many_teams(count), AS_OF)
    row = re.search(r'<a href="%E5%8C%BA%E5%9F%9F0/">区域0</a></td><td>(\d+)</td>', alerts)
    assert int(row[1]) == data.regions[0].alerts > 0


def test_no_overview_page_grows_with_the_number_of_teams():
    """Home and alerts pages of a large company stay the same size whatever its team count."""
    sizes = {}
    for count in (100, 200):
        pages = _pages(_many_teams(count))
        sizes[count] = {p: len(pages[p]) for p in ("index.md", "alerts.md")}
    for page in ("index.md", "alerts.md"):
        assert sizes[200][page] <= sizes[100][page] * 1.02, (page, sizes)


def test_plans_rendered_by_several_processes_give_the_same_files():
    from generator.check.schema import load_schema
    from generator.render import render_site
    from generator.workers import MIN_ITEMS, map_in_workers

    data = compute.site_data(_many_teams(MIN_ITEMS + 3), AS_OF)
    alone = render_site(data, words=ZH, schema=load_schema(), workers=1)
    shared = render_site(data, words=ZH, schema=load_schema(), workers=2)
    assert list(shared) == list(alone) and shared == alone
    # the order of the items is kept, and an error in a worker reaches the caller
    assert map_in_workers(str, list(range(100)), 2) == [str(n) for n in range(100)]
    with pytest.raises(ZeroDivisionError):
        map_in_workers(lambda n: 1 // (n - 77), list(range(100)), 2)
