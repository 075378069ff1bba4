"""The stand-up view: the pinned JSON shape, the text summary and the command's exit codes."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator import cli
from generator.compute import plan_metrics
from generator.model import build_plan
from generator.render import standup
from generator.words import Words

AS_OF = date(2023, 8, 15)
EN = Words("en")

BASE = """
schema: 1
id: east-1
team: 华东一组
manager: wang
period: {name: 2023 Q3, start: "2023-07-01", end: "2023-09-30"}
members:
  - {id: wang, name: 王经理, role: manager}
  - {id: li, name: 李顾问}
strategies:
  - {id: s1, module: customer, direction: 深耕老客户, measures: [回访]}
"""


def make_plan(goals, tasks=(), **fields):
    """A plan from the small YAML base above, plus goals, tasks and top-level overrides."""
    data = {**yaml.safe_load(BASE), "goals": list(goals), "tasks": list(tasks), **fields}
    return build_plan(data, path="plans/east-1.md")


def goal(**fields):
    revenue = {"id": "revenue", "dimension": "revenue", "metric": "月销售额", "unit": "万元"}
    return {**revenue, "baseline": 80, "target": 120, **fields}


def task(**fields):
    base = {"id": "t1", "strategy": "s1", "title": "整理客户清单", "owner": "li"}
    return {"start": "2023-08-01", "end": "2023-08-10", **base, **fields}


NEW_CUSTOMERS = {
    "id": "new",
    "dimension": "new_customers",
    "metric": "新客户",
    "unit": "家",
    "baseline": 0,
    "target": 30,
    "basis": "cumulative",
    "actuals": [{"date": "2023-07-31", "value": 12}],
}


def standup_plan():
    return make_plan(
        region="华东",
        goals=[goal(actuals=[{"date": "2023-08-01", "value": 80}]), NEW_CUSTOMERS],
        tasks=[
            task(id="list", checkins=[{"date": "2023-08-12", "progress": 50}]),
            task(
                id="crm",
                title="开通 CRM",
                owner=["li", "wang"],
                end="2023-08-30",
                state="blocked",
                checkins=[{"date": "2023-08-14", "progress": 40, "blocker": "账号未开通"}],
            ),
            task(id="train", title="产品培训", owner="all", start="2023-08-10", end="2023-08-30"),
            task(
                id="calls",
                title="回访老客户",
                start="2023-08-10",
                end="2023-08-30",
                checkins=[{"date": "2023-08-15", "progress": 40}],
            ),
        ],
    )


def report(plans, as_of=AS_OF):
    return standup.report([plan_metrics(plan, as_of) for plan in plans], as_of)


def format_text(plans, as_of=AS_OF, color=False, language="en"):
    return standup.text(
        [plan_metrics(plan, as_of) for plan in plans], as_of, Words(language), color
    )


def run(*args: str) -> tuple[int, str, str]:
    """`salesplan status …` in English, as a user runs it: (exit code, stdout, stderr)."""
    result = CliRunner().invoke(cli.app, ["status", "--lang", "en", *args])
    return result.exit_code, result.stdout, result.stderr


def write_plan(folder: Path, name: str = "east-1", **fields) -> Path:
    data = {**yaml.safe_load(BASE), "id": name, "goals": [goal()], "tasks": [task()], **fields}
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path = folder / f"{name}.md"
    path.write_text(f"---\n{front}---\n\n# 华东一组\n", encoding="utf-8")
    return path


def test_report_has_the_pinned_json_shape():
    assert report([standup_plan()]) == {
        "as_of": "2023-08-15",
        "plans": [
            {
                "id": "east-1",
                "team": "华东一组",
                "goals": [
                    {
                        "id": "revenue",
                        "current": 80,
                        "expected": 99.7802,
                        "gap": 40,
                        "attainment": 0.667,
                        "status": "off_track",
                        "forecast": None,
                    },
                    {
                        "id": "new",
                        "current": 12,
                        "expected": 14.8352,
                        "gap": 18,
                        "attainment": 0.4,
                        "status": "at_risk",
                        "forecast": 24,
                    },
                ],
                "tasks": [
                    {
                        "id": "list",
                        "status": "overdue",
                        "planned": 100,
                        "actual": 50,
                        "days_behind": 11,  # working days from Tue 08-01 to Tue 08-15
                        "help_needed": True,
                        "stale": False,  # Saturday's check-in, then Mon and Tue
                        "help_given": None,
                    },
                    {
                        "id": "crm",
                        "status": "blocked",
                        "planned": 50,
                        "actual": 40,
                        "days_behind": 11,  # no check-in before 08-14
                        "help_needed": True,
                        "stale": False,
                        "help_given": None,
                    },
                    {
                        "id": "train",
                        "status": "help_needed",
                        "planned": 28.5714,
                        "actual": 0,
                        "days_behind": 4,  # Thu 08-10, Fri 08-11, Mon 08-14, Tue 08-15
                        "help_needed": True,
                        "stale": True,
                        "help_given": None,
                    },
                    {
                        "id": "calls",
                        "status": "on_track",
                        "planned": 28.5714,
                        "actual": 40,
                        "days_behind": 0,
                        "help_needed": False,
                        "stale": False,
                        "help_given": None,
                    },
                ],
            }
        ],
        "rollups": [],  # rollups come from the command, over the plans in force
    }


def test_report_numbers_are_json_friendly():
    data = report([standup_plan()])
    text = json.dumps(data, ensure_ascii=False)
    assert '"gap": 40,' in text and "40.0" not in text
    assert json.loads(text) == data
    assert report([]) == {"as_of": "2023-08-15", "plans": [], "rollups": []}


def test_report_attainment_is_none_when_undefined():
    plan = make_plan(goals=[goal(baseline=0, target=0)])
    assert report([plan])["plans"][0]["goals"][0]["attainment"] is None


def test_text_summary_for_the_standup():
    text = format_text([standup_plan()])
    lines = text.splitlines()
    assert lines[0] == "华东一组 (华东) — 2023 Q3, 2023-07-01 to 2023-09-30 — as of 2023-08-15"
    assert "✖ off track" in text and "80 / 120 万元 (66.7%), gap 40 万元" in text
    assert "▲ at risk" in text and "12 / 30 家" in text
    assert "■ blocked" in text and "blocked: 账号未开通" in text and "李顾问, 王经理" in text
    assert "⚑ help needed" in text and "Whole team" in text and "no update yet" in text
    assert "✖ overdue" in text and "1:1 due" in text
    # crm is co-owned by the manager: the region's head holds that 1:1
    assert "1:1 due with the region's head" in text
    assert "回访老客户" not in text  # on track: not a stand-up topic
    # Help needed first, so the manager starts with the 1:1s.
    assert text.index("help needed") < text.index("■ blocked")
    assert "\x1b[" not in text
    assert lines[-1] == (
        "Summary on 2023-08-15: 1 plan; 2 goals (1 at risk, 1 off track); "
        "4 tasks (3 need help, 1 overdue, 1 blocked, 1 without a recent update)."
    )


def test_text_uses_colour_only_when_asked():
    coloured = format_text([standup_plan()], color=True)
    assert "\x1b[31m" in coloured and "\x1b[0m" in coloured
    assert "✖ off track" in coloured  # the word and symbol stay beside the colour


def test_text_when_all_is_well():
    plan = make_plan(
        goals=[goal(actuals=[{"date": "2023-08-01", "value": 120}])],
        tasks=[task(checkins=[{"date": "2023-08-05", "progress": 100}])],
    )
    text = format_text([plan])
    assert "✔ achieved" in text and "target met" in text
    assert "Tasks: all on schedule" in text
    assert text.splitlines()[-1].endswith("1 tasks (none needs attention).")


def test_status_prints_json(tmp_path):
    write_plan(tmp_path)
    code, out, err = run(str(tmp_path), "--as-of", "2023-08-15", "--format", "json")
    assert code == 0 and "error" not in err  # its warning is counted on stderr
    plans = json.loads(out)["plans"]
    assert [(p["id"], p["goals"][0]["gap"], p["tasks"][0]["status"]) for p in plans] == [
        ("east-1", 40, "overdue")
    ]


def test_status_prints_text_without_colour_off_a_terminal(tmp_path):
    path = write_plan(tmp_path)
    code, out, _ = run(str(tmp_path), "--as-of", "2023-08-15")
    assert code == 0 and "\x1b[" not in out
    plan = build_plan(yaml.safe_load(path.read_text("utf-8").split("---")[1]))
    assert out == format_text([plan])


def test_an_invalid_plan_is_reported_and_the_others_still_shown(tmp_path):
    write_plan(tmp_path, "east-1")
    broken = tmp_path / "east-2.md"
    broken.write_text("---\nschema: 1\nid: east-2\n---\n", encoding="utf-8")
    code, out, err = run(str(tmp_path), "--as-of", "2023-08-15")
    assert code == 1
    assert "east-2.md:" in err and "error [required]" in err
    assert "华东一组" in out and "Summary on 2023-08-15: 1 plan;" in out
    code, out, _ = run(str(tmp_path), "--as-of", "2023-08-15", "--format", "json")
    assert code == 1 and [p["id"] for p in json.loads(out)["plans"]] == ["east-1"]


@pytest.mark.parametrize(
    ("args", "named"), [(("--as-of", "15.08.2023"), "--as-of"), (("--format", "html"), "html")]
)
def test_status_rejects_bad_options(tmp_path, args, named):
    write_plan(tmp_path)
    code, _, err = run(str(tmp_path), *args)
    assert code == 2 and "Error" in err and named in err


def test_header_says_when_the_period_is_over():
    plan = make_plan(goals=[goal()])
    assert "(period ended)" in format_text([plan], date(2023, 10, 8))
    assert "(period not started)" in format_text([plan], date(2023, 6, 8))


def test_text_in_chinese():
    text = format_text([standup_plan()], language="zh")
    assert "数据截至 2023-08-15" in text and "✖ 严重落后" in text and "缺口 40 万元" in text
    assert "⚑ 需要帮扶" in text and "全员" in text and "待经理一对一沟通" in text


def test_status_sums_up_warnings_in_one_line():
    # a real plan with one warning (a goal no strategy serves): the view shows, warnings are
    # counted, not listed
    case = Path(__file__).parent / "plans" / "invalid" / "goal-without-strategy.md"
    code, out, err = run(str(case), "--as-of", "2023-08-15")
    assert code == 0
    assert err == "(1 warning: run `salesplan validate` to see them)\n"
    assert "测试组" in out


def test_status_shows_each_teams_plan_in_force(tmp_path):
    q2 = {"name": "2023 Q2", "start": "2023-04-01", "end": "2023-06-30"}
    write_plan(tmp_path, "east-q2", period=q2, tasks=[task(start="2023-06-01", end="2023-06-10")])
    write_plan(tmp_path, "east-q3", previous="east-q2")
    code, out, _ = run(str(tmp_path), "--as-of", "2023-08-15", "--format", "json")
    assert code == 0 and [p["id"] for p in json.loads(out)["plans"]] == ["east-q3"]
    # Before the next cycle starts, the last one stays in force (period ended).
    code, out, _ = run(str(tmp_path), "--as-of", "2023-06-20")
    assert code == 0 and "2023 Q2" in out and "2023 Q3" not in out


def test_a_year_the_calendar_does_not_know_is_counted_monday_to_friday_with_one_warning(tmp_path):
    period = {"name": "2030 Q3", "start": "2030-07-01", "end": "2030-09-30"}
    write_plan(
        tmp_path,
        period=period,
        goals=[goal()],
        tasks=[task(start="2030-08-01", end="2030-08-10")],
    )
    code, out, err = run(str(tmp_path), "--as-of", "2030-08-06", "--format", "json")
    assert code == 0
    assert err.count("2030") == 1 and "Monday to Friday" in err
    # Thu 08-01, Fri 08-02, Mon 08-05, Tue 08-06: the weekend is not counted.
    assert json.loads(out)["plans"][0]["tasks"][0]["days_behind"] == 4


def test_status_rolls_up_only_what_adds_up(tmp_path):
    write_plan(tmp_path, "east-1", region="华东", goals=[goal(), NEW_CUSTOMERS], team="东一")
    rate = {"id": "rate", "dimension": "repurchase_rate", "metric": "复购率", "unit": "%"}
    rate |= {"baseline": 30, "target": 40, "actuals": [{"date": "2023-08-01", "value": 34}]}
    write_plan(tmp_path, "east-2", region="华东", goals=[goal(target=150), rate], team="东二")
    write_plan(tmp_path, "west-1", region="华西", goals=[{**rate, "target": 36}], team="西一")
    code, out, _ = run(str(tmp_path), "--as-of", "2023-08-15", "--format", "json")
    assert code == 0
    rollups = json.loads(out)["rollups"]
    org = {r["dimension"]: r for r in rollups if r["scope"] == "organisation"}
    assert org["revenue"] == {
        "scope": "organisation", "dimension": "revenue", "unit": "万元", "basis": "latest",
        "aggregate": "sum", "teams": 2, "current": 160, "target": 270, "attainment": 0.593,
    }  # fmt: skip
    # A rate is averaged over the teams, never added up to 74 %.
    assert (org["repurchase_rate"]["aggregate"], org["repurchase_rate"]["current"]) == ("mean", 34)
    assert org["repurchase_rate"]["target"] == 38
    assert {r["scope"] for r in rollups} == {"organisation", "华东", "华西"}


def test_status_as_markdown_escapes_every_plan_text(tmp_path):
    hostile = "![x](https://evil.example/p.png) <b>*x*</b> | `code`"
    write_plan(tmp_path, team=hostile, tasks=[task(title="[链接](javascript:alert(1))")])
    code, out, _ = run(str(tmp_path), "--as-of", "2023-08-15", "--format", "markdown")
    assert code == 0
    assert out.startswith("### ") and "**Goals**" in out and "**Tasks that need attention**" in out
    for unescaped in (r"(?<!\\)!(?<!\\)\[", r"(?<!\\)<b", r"(?<!\\)\]\("):
        assert not re.search(unescaped, out), unescaped
    assert "\\!\\[x\\]" in out and "\\<b\\>" in out and "\\|" in out and "\\`code\\`" in out
    assert "- ✖ overdue · **\\[链接\\](javascript:alert(1))**" in out
    assert out.rstrip().endswith("**")  # the summary line, in bold
