"""The history pages in real `mkdocs build`s of a real git repository: what they show, that two
builds are identical, that the site builds without git or in a shallow clone, and
`salesplan build --at REV`."""

from __future__ import annotations

import copy
import json
import posixpath
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path
from urllib.parse import quote, unquote

import plotly.graph_objects as go
import pytest
from conftest import GitRepo

from generator.commands.build import build
from generator.commands.errors import CommandError
from generator.words import Words

ROOT = Path(__file__).resolve().parent.parent
ZH = Words("zh")
SHANGHAI = "plans/east/east-shanghai-2023q3.md"
HANGZHOU = "plans/east/east-hangzhou-2023q3.md"


def replace_in(repo: GitRepo, relative: str, old: str, new: str) -> None:
    path = repo.path / relative
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def example_repository(folder: Path) -> GitRepo:
    """The example project, then four revisions: a lowered target, a broken file, its fix with
    a check-in, and a plan moved to another folder."""
    folder.mkdir()
    if shutil.which("git") is None:  # pragma: no cover
        pytest.skip("git is not installed")
    repo = GitRepo(folder)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(ROOT / "plans", folder / "plans")
    shutil.copytree(ROOT / "docs", folder / "docs")
    repo.commit("初始计划")
    replace_in(repo, SHANGHAI, "    target: 120", "    target: 110")
    repo.commit("上海一组：月销售额目标下调", author="李娜")
    replace_in(repo, HANGZHOU, "schema: 1", "schema: [1")
    repo.commit("杭州团队：打卡（写错了）", author="赵强")
    replace_in(repo, HANGZHOU, "schema: [1", "schema: 1")
    replace_in(repo, HANGZHOU, "target: ", "target: 9")
    repo.commit("杭州团队：改正", author="赵强")
    (folder / "plans" / "east" / "shenzhen").mkdir()
    repo.git("mv", "plans/south/south-shenzhen-2023q3.md", "plans/east/shenzhen/")
    repo.commit("深圳团队的计划换个文件夹")
    return repo


@pytest.fixture(scope="module")
def history_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[GitRepo, Path, Path]:
    repo = example_repository(tmp_path_factory.mktemp("history") / "repo")
    first, second = repo.path / "site-1", repo.path / "site-2"
    (repo.path / ".gitignore").write_text("site-*/\n", "utf-8")
    for site in (first, second):
        assert build(repo.path / "mkdocs.yml", words=ZH, site_dir=site).ok
    return repo, first, second


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def text_of(html: str) -> str:
    """The text of the page's article (without the nav), tags removed."""
    article = re.search(r"<article\b.*?</article>", html, re.S)
    return unescape(re.sub(r"<[^>]+>", "", article[0] if article else html))


def test_each_team_has_a_history_page_with_its_revisions_newest_first(history_site):
    _, site, _ = history_site
    shanghai = page(site, "history/上海一组")
    headings = re.findall(r"<h3[^>]*>(.*?)<", shanghai)
    assert [unescape(h) for h in headings] == [
        "2023-07-02 · 上海一组：月销售额目标下调",
        "2023-07-01 · 初始计划",
    ]
    assert "李娜 · 09:30" in shanghai and "<code>" in shanghai
    text = text_of(shanghai)
    assert "目标「月销售额（近30天滚动） (g-revenue)」的目标值下调：120 万元 → 110 万元" in text
    assert "新计划：上海一组 · 2023年第二季度" in text
    # the other team's changes are on its own page only
    assert "杭州团队" not in text
    hangzhou = text_of(page(site, "history/杭州团队"))
    assert "east-hangzhou-2023q3.md 在此版本中有 1 个错误" in hangzhou
    shenzhen = text_of(page(site, "history/深圳团队"))
    assert "plans/south/south-shenzhen-2023q3.md" in shenzhen  # moved: the same plan


def test_target_stability_is_on_the_history_and_the_plan_page(history_site):
    _, site, _ = history_site
    for path in ("history/上海一组", "teams/east-shanghai-2023q3"):
        html = page(site, path)
        assert "目标稳定性" in html, path
        assert "sp-goal-at_risk" in html and "1 次，其中 1 次放宽" in text_of(html), path
    plan = page(site, "teams/east-shanghai-2023q3")
    assert f'href="../../history/{quote("上海一组")}/"' in plan
    assert "从未修改" in text_of(plan)


def test_the_history_chart_draws_each_moved_goal(history_site):
    _, site, _ = history_site
    charts = re.findall(r"data-figure='([^']+)'", page(site, "history/上海一组"))
    assert len(charts) == 1  # only the goal whose target moved
    figure = json.loads(unescape(charts[0]))
    go.Figure(copy.deepcopy(figure))  # a valid plotly figure
    target, due = figure["data"]
    assert target["y"] == [120, 110] and due["y"] == ["2023-09-30", "2023-09-30"]
    assert target["x"] == ["2023-07-01 09:30:00", "2023-07-02 09:30:00"]


def test_the_history_index_is_in_the_nav_and_counts_eased_goals(history_site):
    _, site, _ = history_site
    home = page(site, ".")
    assert 'href="history/"' in home and "修改历史" in home
    index = text_of(page(site, "history"))
    assert re.search(r"上海一组\s*华东区\s*2\s*2023-07-02 09:30\s*▲ 1", index)


def test_two_builds_are_byte_identical_and_every_link_resolves(history_site):
    _, first, second = history_site
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert [p for p in files if (first / p).read_bytes() != (second / p).read_bytes()] == []
    for html in first.rglob("*.html"):
        if html.name == "404.html":
            continue
        base = html.parent.relative_to(first).as_posix()
        for link in re.findall(r'\bhref="([^"#?]+)[^"]*"', html.read_text("utf-8")):
            if link.startswith(("http:", "https:", "mailto:", "/")):
                continue
            target = first / posixpath.normpath(posixpath.join(base, unquote(link)))
            assert target.exists() or (target / "index.html").exists(), (html, link)


def test_a_shallow_clone_builds_and_says_history_is_unavailable(history_site, tmp_path):
    repo, _, _ = history_site
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", repo.path.as_uri(), str(clone)], check=True
    )
    assert build(clone / "mkdocs.yml", words=ZH, site_dir=clone / "site").ok
    history = text_of(page(clone / "site", "history/上海一组"))
    assert "修改历史暂不可用：当前仓库是浅克隆" in history and "目标稳定性" not in history
    plan = text_of(page(clone / "site", "teams/east-shanghai-2023q3"))
    assert "目标稳定性" not in plan and "修改历史" in plan  # the link, to the page saying why


def test_without_git_the_site_builds_and_says_so(history_site, tmp_path, monkeypatch):
    repo, _, _ = history_site
    project = tmp_path / "project"
    for name in ("mkdocs.yml", "plans", "docs"):
        source = repo.path / name
        target = project / name
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            project.mkdir()
            shutil.copy(source, target)
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs"))
    assert build(project / "mkdocs.yml", words=ZH, site_dir=project / "site").ok
    assert "修改历史暂不可用：没有安装 git" in text_of(page(project / "site", "history"))


def test_build_at_a_revision_shows_the_plans_of_then(history_site, tmp_path):
    repo, _, _ = history_site
    before = repo.git("status", "--porcelain")
    site = tmp_path / "then"
    result = build(repo.path / "mkdocs.yml", words=ZH, site_dir=site, at="HEAD~4")
    assert result.ok
    plan = text_of(page(site, "teams/east-shanghai-2023q3"))
    goal_setting = plan[plan.index("模板1") : plan.index("目标当前进度")]  # Template 1's targets
    assert "120 万元" in goal_setting and "110 万元" not in goal_setting
    dashboard = text_of(page(site, "teams/east-shanghai-2023q3/dashboard"))
    assert "数据截至 2023-07-01" in dashboard  # the day of that commit
    history = page(site, "history/上海一组")
    assert "目标下调" not in history and "初始计划" in history  # history up to that revision
    assert repo.git("status", "--porcelain") == before  # the work tree was not touched
    assert not (repo.path / "plans/south/south-shenzhen-2023q3.md").exists()  # as at HEAD
    with pytest.raises(CommandError) as error:
        build(repo.path / "mkdocs.yml", words=ZH, site_dir=site, at="HEAD~2")
    assert "HEAD~2:plans/east/east-hangzhou-2023q3.md" in str(
        [d.file for d in error.value.result.diagnostics]
    )
    with pytest.raises(CommandError) as error:
        build(repo.path / "mkdocs.yml", words=ZH, site_dir=site, at="no-such-tag")
    assert error.value.usage and "no-such-tag" in str(error.value)


def test_past_a_few_dozen_teams_the_history_index_lists_the_eased_teams_only():
    """The history index must not grow with the number of teams: the plan pages link each
    team's history, the index keeps the teams whose targets were eased."""
    from dataclasses import replace
    from datetime import date

    from generator import compute
    from generator.check import check
    from generator.check.schema import load_schema
    from generator.render import render_site
    from generator.render.overview import SUMMARISE_ABOVE
    from generator.revisions import History, site_history

    plan = next(p for p in check([ROOT / "plans"], words=ZH).plans if p.region == "华东区")
    many = [
        replace(plan, id=f"team-{i:03d}", team=f"团队{i:03d}") for i in range(SUMMARISE_ABOVE + 1)
    ]
    data = compute.site_data(many, date(2023, 8, 20))
    history = site_history(History(), many)
    eased = history.teams["团队007"]
    goal = replace(eased.goals[0], target_changes=1, target_eased=1)
    history.teams["团队007"] = replace(eased, goals=(goal, *eased.goals[1:]))
    index = render_site(data, words=ZH, schema=load_schema(), history=history)["history/index.md"]
    assert f"共 {SUMMARISE_ABOVE + 1} 个团队" in index
    assert "团队007" in index and "团队006" not in index and "团队008" not in index
