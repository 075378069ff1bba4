"""A big site's team pages shared among processes (generator/site/shares.py): the same site
byte for byte as one process builds, helpers' warnings and failures reaching the build."""

from __future__ import annotations

import filecmp
import json
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from generator.site.shares import MIN_SHARED_PLANS, PageShares, shareable
from generator.words import Words
from generator.workers import available_workers

ROOT = Path(__file__).resolve().parent.parent
TEAMS = MIN_SHARED_PLANS + 4


REGIONS = ("华东区", "华南区", "华北区")
ACCESS = """      access:
        head_office: SP_TEST_HEAD_OFFICE
        regions:
          华东区: SP_TEST_EAST
"""
PASSWORDS = {"SP_TEST_HEAD_OFFICE": "总部-correct-horse-battery", "SP_TEST_EAST": "east-staple-42"}


def _project(folder: Path, teams: int = TEAMS, access: str = "") -> Path:
    """The example site with `teams` copies of an example plan, none of them in the nav."""
    shutil.copytree(ROOT / "docs", folder / "docs")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    options = "      calendar: cn\n      nav_teams: false\n" + access
    config = config.replace("      calendar: cn\n", options)
    assert "nav_teams: false" in config
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    # a page of the guide titled by its own heading, with an icon: the nav of every team page
    # shows them, whichever process builds it
    (folder / "docs" / "extra-notes.md").write_text(
        "---\nicon: material/star\n---\n# 额外说明\n\n补充说明。\n", "utf-8"
    )
    source = ROOT / "plans" / "east" / "east-hangzhou-2023q3.md"
    text = source.read_text("utf-8")
    for n in range(teams):
        body = text.replace(f"id: {source.stem}", f"id: team-{n:03d}", 1)
        body = body.replace("team: 杭州团队", f"team: 团队{n:03d}", 1)
        body = body.replace("region: 华东区", f"region: {REGIONS[n % 3]}", 1)
        (folder / "plans").mkdir(exist_ok=True)
        (folder / "plans" / f"team-{n:03d}.md").write_text(body, "utf-8")
    return folder


def _build(
    project: Path, site: str, salesplan: str, cores: str | None, env: dict | None = None
) -> str:
    """`salesplan build` (on the given cores only, as `taskset` lists them); its output."""
    command = [salesplan, "build", "--site-dir", site]
    if cores is not None:
        command = ["taskset", "-c", cores, *command]
    environment = {**os.environ, **(env or {})}
    done = subprocess.run(
        command, cwd=project, capture_output=True, text=True, timeout=300, env=environment
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def _different(left: Path, right: Path) -> list[str]:
    """The files that differ between two folders (or are in one only)."""
    compared = filecmp.dircmp(left, right)
    found = compared.left_only + compared.right_only + compared.diff_files
    found += [
        name
        for name in compared.common_files
        if not filecmp.cmp(left / name, right / name, shallow=False)
    ]
    for sub in compared.common_dirs:
        found += [f"{sub}/{name}" for name in _different(left / sub, right / sub)]
    return sorted(set(found))


@pytest.mark.skipif(available_workers() < 2, reason="sharing needs two cores")
@pytest.mark.skipif(shutil.which("taskset") is None, reason="needs taskset (util-linux)")
def test_a_shared_build_is_byte_identical_to_one_process(git_repo, salesplan):
    project = _project(git_repo.path)
    git_repo.commit("计划初稿")  # with two revisions, every team has a history page
    plan = project / "plans" / "team-001.md"
    plan.write_text(plan.read_text("utf-8").replace("target: 65", "target: 60", 1), "utf-8")
    git_repo.commit("下调目标")
    alone = _build(project, "site-alone", salesplan, cores="0")
    shared = _build(project, "site-shared", salesplan, cores=None)
    said = Words("zh").say("build.shared", processes=available_workers())
    assert said in shared and said not in alone
    assert _different(project / "site-alone", project / "site-shared") == []
    nav_of_a_team = (project / "site-shared" / "teams" / "team-001" / "index.html").read_text()
    assert "额外说明" in nav_of_a_team and "None" not in nav_of_a_team
    assert len(list((project / "site-shared" / "history").glob("*/index.html"))) == TEAMS
    # every team's pages and downloads are there, and the search index knows every plan page
    for n in range(TEAMS):
        team = project / "site-shared" / "teams" / f"team-{n:03d}"
        assert (team / "index.html").is_file() and (team / "dashboard" / "index.html").is_file()
        assert (team / "standup.xlsx").stat().st_size > 0
    index = (project / "site-shared" / "search" / "search_index.json").read_text("utf-8")
    assert all(f"teams/team-{n:03d}/" in index for n in range(TEAMS))


@pytest.mark.skipif(available_workers() < 2, reason="sharing needs two cores")
@pytest.mark.skipif(shutil.which("taskset") is None, reason="needs taskset (util-linux)")
def test_a_shared_build_seals_each_share_of_a_protected_region(tmp_path, salesplan):
    from generator.site.access import HEAD_OFFICE
    from generator.site.locks import SEALED_SUFFIX
    from generator.site.sealing import open_envelope, reader_key, reader_salt

    project = _project(tmp_path, access=ACCESS)
    _build(project, "site-alone", salesplan, cores="0", env=PASSWORDS)
    _build(project, "site-shared", salesplan, cores=None, env=PASSWORDS)
    assert _different(project / "site-alone", project / "site-shared") == []
    head = reader_key(
        PASSWORDS["SP_TEST_HEAD_OFFICE"], reader_salt("销售业绩提升计划", HEAD_OFFICE)
    )
    east = [n for n in range(TEAMS) if REGIONS[n % 3] == "华东区"]
    assert {n % 2 for n in east} == {0, 1}  # teams of both shares
    for n in east:
        team = project / "site-shared" / "teams" / f"team-{n:03d}"
        sealed = team / "downloads" / f"team-{n:03d}.xlsx{SEALED_SUFFIX}"
        assert not (team / "downloads" / f"team-{n:03d}.xlsx").exists()
        workbook = open_envelope(json.loads(sealed.read_text("ascii")), head)
        assert workbook is not None and workbook.startswith(b"PK")


def test_sharing_needs_cores_plans_known_plugins_and_no_threads():
    from material.plugins.search.plugin import SearchPlugin

    from generator.site.plugin import SalesPlanPlugin

    ours = [SalesPlanPlugin(), SearchPlugin()]
    assert shareable(ours, 2, MIN_SHARED_PLANS)
    assert not shareable(ours, 1, MIN_SHARED_PLANS)
    assert not shareable(ours, 2, MIN_SHARED_PLANS - 1)
    assert not shareable([*ours, object()], 2, MIN_SHARED_PLANS)  # an unknown plugin


def test_plans_are_dealt_evenly_the_parent_taking_a_little_fewer():
    shares = PageShares.of([f"p{n:03d}" for n in range(100)], 2)
    counts = [list(shares.owners.values()).count(share) for share in range(2)]
    assert sum(counts) == 100 and 40 <= counts[0] < counts[1] <= 60
    assert shares.mine("index.md") and shares.mine("regions/x.md")  # the parent's
    shares._team_paths = frozenset({"teams/p001/index.md"})  # as render_later lists them
    assert shares.shared("teams/p001/index.md") and not shares.shared("teams/p001/notes.md")
    assert shares.mine("teams/p001/notes.md")  # a page written in docs/: the parent's


def _shares_with_helper() -> PageShares:
    shares = PageShares.of(["a", "b", "c", "d"], 2)
    shares._team_paths = frozenset(f"teams/{plan}/index.md" for plan in "abcd")  # render_later
    shares.start()
    return shares


def test_a_helper_sends_its_search_entries_and_log_to_the_parent(caplog):
    shares = _shares_with_helper()
    pages = ["index.md", *(f"teams/{p}/index.md" for p in "abcd")]
    entries: list[dict] = []
    for page in pages:  # as MkDocs' loop indexes them, each process its own pages
        if shares.mine(page):
            entries.append({"location": page})
        shares._order.append((page, len(entries)))
    shares._every_page = lambda: pages
    if shares.helper:
        try:
            logging.getLogger("mkdocs.plugins.salesplan").warning("from the helper")
            shares.finish_helper(entries)  # ends the helper process
        finally:
            os._exit(1)
    with caplog.at_level(logging.INFO):
        assert shares.collect(entries) == []
    assert [entry["location"] for entry in entries] == pages  # in page order, all of them
    assert not all(shares.mine(page) for page in pages)  # some were the helper's
    assert "from the helper" in caplog.text


def test_a_helper_that_fails_fails_the_build():
    shares = _shares_with_helper()
    if shares.helper:
        try:
            shares.fail(RuntimeError("disk full"))  # ends the helper process
        finally:
            os._exit(1)
    with pytest.raises(PluginError, match="disk full"):
        shares.finish([], Words("en"))


def test_a_helper_that_dies_without_a_word_fails_the_build():
    shares = _shares_with_helper()
    if shares.helper:
        os._exit(3)
    problems = shares.collect([])
    assert len(problems) == 1 and "exit code 3" in problems[0]


def test_a_helper_ends_with_its_parent(tmp_path):
    """A helper is never left behind: killed with the parent, whatever ends the parent."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import os, sys, time\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "from generator.site.shares import PageShares\n"
        "shares = PageShares.of(['a', 'b'], 2)\n"
        "shares.start()\n"
        "if shares.helper:\n"
        "    time.sleep(60)\n"
        "    os._exit(0)\n"
        "print(shares._forks._helpers[0][0], flush=True)\n"
        "os._exit(0)  # the parent ends abruptly: no atexit, no on_build_error\n",
        "utf-8",
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    helper = int(done.stdout.split()[0])
    for _ in range(100):
        if not Path(f"/proc/{helper}").exists() or "Z" in _state(helper):
            break
        time.sleep(0.05)
    else:
        os.kill(helper, 9)
        pytest.fail("the helper outlived its parent")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[0]
    except (OSError, IndexError):
        return "Z"
