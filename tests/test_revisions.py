"""Plan revisions: `salesplan diff` between two revisions (or files) of a real git repository,
the semantic diff's rules, and the history read from git (merges, invalid revisions, no git)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import cli
from generator.revisions import diff_data, read_history, site_history
from generator.revisions.git import GitError, Repository
from generator.words import Words

ROOT = Path(__file__).resolve().parent.parent
EN, ZH = Words("en"), Words("zh")

PLAN = """\
---
# 东区一组 2023 年第三季度的计划
schema: 1
id: east-1
team: 东区一组
region: 华东区
manager: wang
period:
  name: 2023年第三季度
  start: 2023-07-01
  end: 2023-09-30
members:
  - id: wang
    name: 王经理
  - id: li
    name: 李顾问
goals:
  - id: revenue
    dimension: revenue
    metric: 月销售额
    unit: 万元
    baseline: 80
    target: 120
  - id: repurchase
    dimension: repurchase_rate
    metric: 复购率
    unit: "%"
    baseline: 28
    target: 35
    due: 2023-08-31
strategies:
  - id: s1
    module: customer
    direction: 精准获客
    measures: [整理客户清单, 电话邀约]
    goals: [revenue, repurchase]
tasks:
  - id: t1
    strategy: s1
    title: 整理客户清单
    owner: li
    start: 2023-07-03
    end: 2023-07-14
    checkins:
      - date: 2023-07-05
        progress: 40
  - id: t3
    strategy: s1
    title: 客户邀约
    owner: [wang, li]
    start: 2023-07-10
    end: 2023-07-31
    checkins:
      - date: 2023-07-11
        progress: 10
---
东区一组的计划说明。
"""

MKDOCS = """\
site_name: Plans
docs_dir: docs
theme:
  name: material
  language: {language}
plugins:
  - salesplan:
      as_of: 2023-08-20
"""

NEW_TASK = """\
  - id: t4
    strategy: s1
    title: 老客户回访
    owner: wang
    start: 2023-07-20
    end: 2023-08-10
"""


def run(repo: Path, *args: str, lang: str = "en") -> tuple[int, str]:
    """`salesplan` in the repository, as a user runs it there."""
    old = Path.cwd()
    os.chdir(repo)
    try:
        result = CliRunner(env={"SALESPLAN_LANG": lang}).invoke(cli.app, list(args))
    finally:
        os.chdir(old)
    return result.exit_code, result.output


def edited(text: str, *changes: tuple[str, str]) -> str:
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


@pytest.fixture
def two_revisions(git_repo):
    """A plan, then: retargeted, a task re-owned, a new task, a new check-in."""
    git_repo.write("plans/east-1.md", PLAN)
    git_repo.commit("东区一组：初始计划")
    git_repo.write(
        "plans/east-1.md",
        edited(
            PLAN,
            ("    target: 120", "    target: 130"),
            ("    owner: li\n", "    owner: wang\n"),
            (
                "      - date: 2023-07-11\n        progress: 10\n",
                "      - date: 2023-07-11\n        progress: 10\n"
                "      - date: 2023-07-12\n        progress: 25\n",
            ),
            ("---\n东区一组", NEW_TASK + "---\n东区一组"),
        ),
    )
    git_repo.commit("东区一组：调整目标和任务", author="李顾问")
    return git_repo


def test_diff_json_reports_exactly_the_changes_keyed_by_ids(two_revisions):
    code, out = run(two_revisions.path, "diff", "HEAD~1", "HEAD", "--format", "json")
    assert code == 0, out
    assert json.loads(out) == {
        "plans": [
            {
                "id": "east-1",
                "file": "plans/east-1.md",
                "status": "changed",
                "changes": [
                    {
                        "op": "changed",
                        "path": "goals/revenue/target",
                        "before": 120,
                        "after": 130,
                    },
                    {"op": "changed", "path": "tasks/t1/owner", "before": "li", "after": "wang"},
                    {
                        "op": "added",
                        "path": "tasks/t3/checkins/2023-07-12",
                        "before": None,
                        "after": {"date": "2023-07-12", "progress": 25},
                    },
                    {
                        "op": "added",
                        "path": "tasks/t4",
                        "before": None,
                        "after": {
                            "id": "t4",
                            "strategy": "s1",
                            "title": "老客户回访",
                            "owner": "wang",
                            "start": "2023-07-20",
                            "end": "2023-08-10",
                        },
                    },
                ],
            }
        ]
    }


def test_markdown_is_for_reviewers_in_the_sites_language(two_revisions):
    two_revisions.write("mkdocs.yml", MKDOCS.format(language="zh"))
    (two_revisions.path / "docs").mkdir()
    code, out = run(two_revisions.path, "diff", "HEAD~1", "HEAD", "--format", "markdown", lang="")
    assert code == 0, out
    # `~` escaped: two of them would strike the text between through
    assert out.startswith("### 📝 计划变更（HEAD\\~1 → HEAD）：1 个计划有变更\n")
    assert "#### 东区一组 · 2023年第三季度 — 有修改" in out
    assert "| | 部分 | 条目 | 内容 | 修改前 | 修改后 | 变化 |" in out
    # grouped by section, names for member ids, deltas with percentages
    revenue = "| ✏️ | 业绩目标 | 月销售额 (revenue) | 目标值 | 120 万元 | 130 万元 |"
    revenue += " +10 万元（+8.3%） |"
    assert revenue in out
    assert "| ✏️ | 任务分解 | 整理客户清单 (t1) | 负责人 | 李顾问 | 王经理 | 修改 |" in out
    assert "| ➕ | 任务分解 | 客户邀约 (t3) | 执行跟踪 2023-07-12 | — |" in out
    assert "| ➕ | 任务分解 | 老客户回访 (t4) |  | — |" in out
    assert out.index("业绩目标") < out.index("任务分解")
    assert "⚠️" not in out  # a raised target is no warning


def test_a_lowered_target_and_later_dates_are_flagged_at_their_lines(git_repo):
    git_repo.write("plans/east-1.md", PLAN)
    git_repo.commit("计划")
    git_repo.write(
        "plans/east-1.md",
        edited(
            PLAN,
            ("    target: 120", "    target: 110"),
            ("    target: 35\n    due: 2023-08-31", "    target: 33\n    due: 2023-09-15"),
            ("    end: 2023-07-14", "    end: 2023-07-21"),
        ),
    )
    git_repo.commit("下调目标")
    code, out = run(git_repo.path, "diff", "HEAD~1", "HEAD", "--format", "markdown", lang="zh")
    assert code == 0, out
    lowered = "> ⚠️ **目标「月销售额 (revenue)」的目标值下调："
    lowered += "120 万元 → 110 万元，-10 万元（-8.3%）**"
    assert lowered in out
    assert "复购率 (repurchase)」的目标值下调：35% → 33%，-2 个百分点**" in out
    assert "完成时间推迟：2023-08-31 → 2023-09-15（推迟 15 天）" in out
    assert "任务「整理客户清单 (t1)」的结束日期推迟：2023-07-14 → 2023-07-21（推迟 7 天）" in out
    code, out = run(git_repo.path, "diff", "HEAD~1", "HEAD", "--format", "github")
    lines = out.splitlines()
    target_line = PLAN.splitlines().index("    target: 120") + 1
    assert lines[0].startswith(
        f"::warning file=plans/east-1.md,line={target_line},col=13,title=target-lowered::"
        "Target of 月销售额 (revenue) lowered: 120 万元 → 110 万元, -10 万元 (-8.3%25)"
    )
    assert sum(line.startswith("::warning") for line in lines) == 4
    # a decrease goal eased upwards is flagged too
    assert "title=target-lowered" in out and "title=due-later" in out and "end-later" in out


def test_reordering_and_yaml_spelling_are_no_change(git_repo):
    git_repo.write("plans/east-1.md", PLAN)
    git_repo.commit("计划")
    goals = PLAN[PLAN.index("  - id: revenue") : PLAN.index("strategies:")]
    first, second = goals.split("  - id: repurchase")
    members = "  - id: wang\n    name: 王经理\n  - id: li\n    name: 李顾问\n"
    respelled = edited(
        PLAN,
        ("# 东区一组 2023 年第三季度的计划\n", "# 注释改了\n"),
        (goals, "  - id: repurchase" + second + first),  # goals reordered
        (members, "  - {id: li, name: '李顾问'}  # 调换顺序\n  - id: wang\n    name: \"王经理\"\n"),
        ("    target: 120", "    target: 120.0"),
        ("    owner: [wang, li]", "    owner:\n      - li\n      - wang"),
        ("  start: 2023-07-01", "  start: '2023-07-01'"),
    )
    git_repo.write("plans/east-1.md", respelled)
    git_repo.commit("只改了写法")
    code, out = run(git_repo.path, "diff", "HEAD~1", "HEAD", "--format", "json")
    assert (code, json.loads(out)) == (0, {"plans": []})
    assert run(git_repo.path, "diff", "HEAD~1", "HEAD")[1] == "No plan changed.\n"


def test_a_renamed_file_is_a_change_of_the_same_plan(git_repo):
    git_repo.write("plans/east-1.md", PLAN)
    git_repo.commit("计划")
    (git_repo.path / "plans" / "east").mkdir()
    git_repo.git("mv", "plans/east-1.md", "plans/east/east-1.md")
    git_repo.commit("移到华东文件夹")
    code, out = run(git_repo.path, "diff", "HEAD~1", "HEAD", "--format", "json")
    assert code == 0, out
    assert json.loads(out)["plans"] == [
        {
            "id": "east-1",
            "file": "plans/east/east-1.md",
            "status": "changed",
            "changes": [
                {
                    "op": "changed",
                    "path": "file",
                    "before": "plans/east-1.md",
                    "after": "plans/east/east-1.md",
                }
            ],
        }
    ]


def test_plans_added_and_removed_and_paths_choose_plans(git_repo):
    git_repo.write("plans/east-1.md", PLAN)
    git_repo.commit("计划")
    git_repo.write("plans/south/south-1.md", PLAN.replace("id: east-1", "id: south-1"))
    (git_repo.path / "plans/east-1.md").unlink()
    git_repo.commit("换计划")
    _, out = run(git_repo.path, "diff", "HEAD~1", "HEAD", "--format", "json")
    plans = json.loads(out)["plans"]
    assert [(p["id"], p["status"], p["changes"]) for p in plans] == [
        ("east-1", "removed", []),
        ("south-1", "added", []),
    ]
    _, out = run(git_repo.path, "diff", "HEAD~1", "HEAD", "plans/south", "--format", "json")
    assert [p["id"] for p in json.loads(out)["plans"]] == ["south-1"]


def test_an_invalid_plan_at_a_revision_gives_the_diagnostics(git_repo):
    git_repo.write("plans/east-1.md", PLAN)
    git_repo.commit("计划")
    git_repo.write("plans/east-1.md", edited(PLAN, ("    target: 120", "    target: [120")))
    git_repo.commit("写错了")
    code, out = run(git_repo.path, "diff", "HEAD~1", "HEAD")
    assert code == 1
    line = PLAN.splitlines().index("    target: 120") + 1
    assert f"HEAD:plans/east-1.md:{line}:13: error [yaml-syntax]" in out
    assert "Traceback" not in out
    git_repo.write("plans/east-1.md", edited(PLAN, ("    target: 120", "    target: lots")))
    git_repo.commit("又写错了")
    code, out = run(git_repo.path, "diff", "HEAD~2", "HEAD", "--format", "json")
    assert code == 1 and f"HEAD:plans/east-1.md:{line}:13: error [type] /goals/0/target" in out


def test_two_plan_files_are_compared_as_two_versions_of_one_plan(tmp_path, monkeypatch):
    old, new = tmp_path / "old.md", tmp_path / "east-1.md"
    old.write_text(PLAN, encoding="utf-8")
    new.write_text(edited(PLAN, ("    target: 120", "    target: 125")), encoding="utf-8")
    code, out = run(tmp_path, "diff", str(old), str(new), "--format", "json")
    assert code == 0, out
    (plan,) = json.loads(out)["plans"]
    assert plan["changes"] == [
        {"op": "changed", "path": "goals/revenue/target", "before": 120, "after": 125}
    ]
    assert run(tmp_path, "diff", str(old), "HEAD")[0] == 2  # a file and a revision


def test_usage_errors_are_one_line(git_repo, tmp_path):
    git_repo.write("plans/east-1.md", PLAN)
    git_repo.commit("计划")
    code, out = run(git_repo.path, "diff", "HEAD~5", "HEAD")
    assert code == 2 and "no revision 'HEAD~5'" in out and "Traceback" not in out
    code, out = run(git_repo.path, "diff", "--", "-x", "HEAD")
    assert code == 2
    code, out = run(git_repo.path, "diff", "HEAD", "HEAD", str(tmp_path))
    assert code == 2 and "is outside the git repository of the plans" in out
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "plans").mkdir(parents=True)
    code, out = run(elsewhere, "diff", "HEAD~1", "HEAD")
    assert code == 1 and "not in a git repository" in out


# --- the diff's rules, on plain data ----------------------------------------------------


def test_lists_are_matched_by_the_ids_and_dates_of_their_items():
    before = {
        "goals": [{"id": "a", "target": 1}, {"id": "b", "target": 2}],
        "reviews": [{"period": "2023-07", "findings": [{"aspect": "x", "text": "t"}]}],
        "actuals": [{"date": "2023-07-01", "value": 1}],
    }
    after = {
        "goals": [{"id": "b", "target": 2}, {"id": "a", "target": 3}],
        "reviews": [{"period": "2023-07", "findings": [{"aspect": "x", "text": "t"}]}],
        "actuals": [{"date": "2023-07-01", "value": 1}, {"date": "2023-07-08", "value": 2}],
    }
    assert [c.as_dict() for c in diff_data(before, after)] == [
        {"op": "changed", "path": "goals/a/target", "before": 1, "after": 3},
        {
            "op": "added",
            "path": "actuals/2023-07-08",
            "before": None,
            "after": {"date": "2023-07-08", "value": 2},
        },
    ]
    # a field set to nothing is a field left out; a key with a / is escaped as in JSON Pointer
    assert diff_data({"a": {"note": None}, "b": []}, {"a": {}}) == []
    (change,) = diff_data({"m": {"a/b": 1}}, {"m": {"a/b": 2}})
    assert change.path_text == "m/a~1b"


def test_items_without_ids_are_matched_by_content():
    before = {"next_actions": [{"action": "a"}, {"action": "b"}]}
    after = {"next_actions": [{"action": "b"}, {"action": "a"}, {"action": "c"}]}
    # reordered items are the same items; a new one is named by its position
    assert [c.path_text for c in diff_data(before, after)] == ["next_actions/2"]
    before = {"list": [{"x": 1}, {"x": 1}, {"x": 2}]}
    after = {"list": [{"x": 2}, {"x": 1}]}
    assert [(c.op, c.path_text) for c in diff_data(before, after)] == [("removed", "list/1")]


# --- history --------------------------------------------------------------------------


def test_history_is_read_with_one_log_and_one_object_reader(two_revisions, monkeypatch):
    calls = []
    real_popen = subprocess.Popen

    def counting_popen(args, *rest, **options):  # every process starts here (run too)
        calls.append(args[1] if args[0] == "git" else args[0])
        return real_popen(args, *rest, **options)

    for n in range(5):
        two_revisions.write("plans/east-1.md", PLAN.replace("progress: 40", f"progress: {41 + n}"))
        two_revisions.commit(f"打卡 {n}")
    monkeypatch.setattr(subprocess, "Popen", counting_popen)
    history = read_history(two_revisions.path / "plans", words=EN)
    assert len(history.revisions) == 7
    assert calls == ["rev-parse", "log", "cat-file"], calls


def test_history_newest_first_with_authors_and_the_target_stability(two_revisions):
    two_revisions.write("plans/east-1.md", edited(PLAN, ("    target: 120", "    target: 100")))
    two_revisions.commit("东区一组：目标下调", author="王经理")
    history = read_history(two_revisions.path / "plans", words=EN)
    assert [r.commit.subject for r in history.revisions] == [
        "东区一组：目标下调",
        "东区一组：调整目标和任务",
        "东区一组：初始计划",
    ]
    assert [r.commit.author for r in history.revisions] == ["王经理", "李顾问", "王磊"]
    assert [d.status for r in history.revisions for d in r.diffs] == ["changed", "changed", "added"]
    plan = read_plan(two_revisions.path / "plans" / "east-1.md")
    team = site_history(history, [plan]).team("东区一组")
    revenue = team.goals[0]
    assert [p.target for p in revenue.points] == [120, 130, 100]
    assert (revenue.target_changes, revenue.target_eased) == (2, 1)
    assert (team.goals[1].target_changes, team.goals[1].due_changes) == (0, 0)


def read_plan(path: Path):
    from generator.check import check

    return check([path], words=EN, plans_dir=None).plans[0]


def test_a_change_merged_from_a_branch_counts_once(git_repo):
    git_repo.write("plans/east-1.md", PLAN)
    git_repo.commit("计划")
    git_repo.git("switch", "-q", "-c", "retarget")
    git_repo.write("plans/east-1.md", edited(PLAN, ("    target: 120", "    target: 110")))
    git_repo.commit("下调目标")
    git_repo.git("switch", "-q", "main")
    git_repo.write("plans/east-1.md", edited(PLAN, ("progress: 40", "progress: 45")))
    git_repo.commit("打卡")
    git_repo.git("merge", "-q", "--no-edit", "retarget", date="2023-07-09T10:00:00+08:00")
    history = read_history(git_repo.path / "plans", words=EN)
    subjects = [r.commit.subject for r in history.revisions]
    assert "Merge branch 'retarget'" not in subjects  # it changed nothing of its own
    plan = read_plan(git_repo.path / "plans" / "east-1.md")
    revenue = site_history(history, [plan]).goal("east-1", "revenue")
    assert (revenue.target_changes, revenue.target_eased) == (1, 1)


def test_an_invalid_revision_is_recorded_and_the_history_goes_on(git_repo):
    git_repo.write("plans/east-1.md", PLAN)
    git_repo.commit("计划")
    git_repo.write("plans/east-1.md", edited(PLAN, ("    target: 120", "    target: [120")))
    git_repo.commit("写错了")
    git_repo.write("plans/east-1.md", edited(PLAN, ("    target: 120", "    target: 125")))
    git_repo.commit("改好了")
    history = read_history(git_repo.path / "plans", words=EN)
    fixed, broken, _ = history.revisions
    assert broken.diffs == () and broken.invalid[0][1].errors[0].rule == "yaml-syntax"
    assert [c.path_text for c in fixed.diffs[0].changes] == ["goals/revenue/target"]
    assert fixed.diffs[0].changes[0].before == 120  # compared with the last readable version


def test_without_git_or_history_it_says_why(tmp_path, git_repo, monkeypatch):
    (tmp_path / "plain" / "plans").mkdir(parents=True)
    assert read_history(tmp_path / "plain" / "plans", words=EN).unavailable == (
        "rev.git.not-a-repository"
    )
    git_repo.write("plans/east-1.md", PLAN)
    git_repo.commit("计划")
    git_repo.write("plans/east-1.md", PLAN.replace("target: 120", "target: 121"))
    git_repo.commit("改")
    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", git_repo.path.as_uri(), str(shallow)], check=True
    )
    assert read_history(shallow / "plans", words=EN).unavailable == "rev.git.shallow"
    monkeypatch.setenv("PATH", str(tmp_path / "nowhere"))
    assert read_history(git_repo.path / "plans", words=EN).unavailable == "rev.git.missing"


def test_git_errors_name_their_reason(git_repo):
    git_repo.write("plans/east-1.md", PLAN)
    git_repo.commit("计划")
    repository = Repository.of(git_repo.path / "plans")
    assert (repository.folder, repository.shallow) == ("plans", False)
    with pytest.raises(GitError) as error:
        repository.commit("no-such-branch")
    assert error.value.reason == "rev.git.unknown-revision"
    assert repository.log("HEAD")[0].subject == "计划"


def test_python_m_generator_runs_diff(two_revisions):
    done = subprocess.run(
        [sys.executable, "-m", "generator", "diff", "HEAD~1", "HEAD", "--lang", "en"],
        cwd=two_revisions.path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "~ Goals › 月销售额 (revenue) › Target: 120 万元 → 130 万元  +10 万元 (+8.3%)" in (
        done.stdout
    )
    assert done.stdout.endswith("1 plan changed\n")


# --- loading a history piece by piece -------------------------------------------------

TRICKY = [
    "id: a\nlist:\n  - x: 1\n    y: |+\n      keep\n\n  - x: 2\n# margin comment\nz: 3\n",
    "id: a\ngoals: [\n{id: b}]\n",  # a flow list running on at the margin
    "id: a\ngoals:\n- id: b\n",  # items at the margin
    "id: a\nid: b\n",  # a key twice
    "id: a\n'quoted': 1\n",
    "id: a\nlist:\n  - &x {a: 1}\n  - *x\n",
    "id: a\nmap:\n  k: 1\n  l:\n    - 2\n",
    "id: a\nlist:  # a comment\n  # before the first item\n  - 1\n  -\n  - 3\n",
    "id: a\nlist:\n  - 2023-07-01\n  - 2023-7-1\n  - yes\n  - .inf\n",
    "id: a\n  oops: 1\n",
    "  # indented comment first\nid: a\n",
    "id: a\nlist:\n  - a\n   - b\n",
]


@pytest.mark.parametrize("frontmatter", TRICKY)
def test_loading_by_pieces_gives_the_loaders_data_or_declines(frontmatter):
    from generator.load import LoadedFile, parse_plan_text
    from generator.revisions.sections import SectionLoader

    raw = f"---\n{frontmatter}---\nbody\n".encode()
    whole = parse_plan_text(raw, LoadedFile("x.md"), words=EN)
    pieces = SectionLoader(EN).load(raw, "x.md")
    if whole.diagnostics:
        assert pieces is None or pieces.data == whole.data is None
    elif pieces is not None:
        assert pieces.data == whole.data
        assert (pieces.body, pieces.body_line) == (whole.body, whole.body_line)


def test_every_plan_of_the_project_loads_the_same_by_pieces():
    from generator.load import LoadedFile, parse_plan_text
    from generator.revisions.sections import SectionLoader

    sections = SectionLoader(ZH)
    files = sorted([*ROOT.joinpath("plans").rglob("*.md"), *ROOT.joinpath("tests").rglob("*.md")])
    taken = 0
    for path in files:
        raw = path.read_bytes()
        whole = parse_plan_text(raw, LoadedFile(str(path)), words=ZH)
        pieces = sections.load(raw, str(path))
        if pieces is not None:
            taken += 1
            assert not whole.diagnostics, path
            assert pieces.data == whole.data, path
    assert taken >= 10  # the cut applies to ordinary plans
    again = sections.loaded
    sections.load(ROOT.joinpath("plans/east/east-shanghai-2023q3.md").read_bytes(), "again")
    assert sections.loaded == again  # every piece was known


def test_easing_a_decrease_goal_is_raising_its_target(tmp_path):
    from generator.load import LoadedFile, parse_plan_text
    from generator.revisions import PlanVersion, diff_versions

    churn = "  - id: churn\n    dimension: custom\n    metric: 流失率\n    unit: '%'\n"
    churn += "    baseline: 10\n    target: 6\n    direction: decrease\n"
    old = edited(PLAN, ("strategies:", churn + "strategies:"))
    new = edited(old, ("    target: 6\n", "    target: 8\n"))
    versions = [
        PlanVersion(
            "east-1.md", str(n), parse_plan_text(t.encode(), LoadedFile("x"), words=EN), (), None
        )
        for n, t in enumerate((old, new))
    ]
    diff = diff_versions(*versions)
    (flag,) = diff.flags
    assert (flag.kind, flag.item, flag.before, flag.after) == ("target-raised", "churn", 6, 8)
    from generator.render.changes import flag_text

    assert flag_text(flag, diff, ZH) == (
        "目标「流失率 (churn)」越低越好，目标值却上调：6% → 8%，+2 个百分点"
    )


def test_history_switched_off_or_unavailable_still_gives_its_pages():
    from datetime import date

    from generator.check import check
    from generator.revisions import History
    from generator.site.pipeline import site_pages

    plans = check([ROOT / "plans"], words=ZH, plans_dir=ROOT / "plans").plans
    _, pages = site_pages(plans, date(2023, 8, 20), ZH, history=History.off("rev.git.off"))
    assert "修改历史已关闭（mkdocs.yml 中 history: false）" in pages["history/index.md"]
    assert "修改历史暂不可用" in pages["history/上海一组.md"]
    assert "目标稳定性" not in pages["teams/east-shanghai-2023q3/index.md"]
    _, pages = site_pages(plans, date(2023, 8, 20), ZH)  # no history given: no pages, no links
    assert not any(p.startswith("history/") for p in pages)
    assert "history/" not in pages["teams/east-shanghai-2023q3/index.md"]
