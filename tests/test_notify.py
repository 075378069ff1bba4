"""`salesplan notify` end to end, against stand-ins on 127.0.0.1 for the WeCom, DingTalk and
Feishu robots and for GitHub's API (tests/notify_standins.py): one signed, well-formed message
per robot and run, one issue per task that needs help and never a second, the issue closed
when a check-in clears its task, a failing robot and a slow one named, addresses never shown.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import notify_standins as standins
import pytest
from click.testing import CliRunner

from generator import cli
from generator.commands.notify import environment_variables, routes
from generator.commands.site_config import load_site_config
from generator.notify import github as github_module

ROOT = Path(__file__).resolve().parent.parent

PLAN = """---
schema: 1
id: east-1
team: 华东一组
region: 华东区
manager: wang-lei
period: {name: 2023年第三季度, start: "2023-07-01", end: "2023-09-30"}
members:
  - {id: wang-lei, name: 王磊, role: 经理, github: wang-lei}
  - {id: li-na, name: 李娜, github: li-na}
  - {id: zhao, name: 赵强, github: zhao-q}
goals:
  - id: revenue
    dimension: revenue
    metric: 月销售额
    unit: 万元
    baseline: 80
    target: 120
    actuals: [{date: "2023-08-01", value: 80}]
strategies:
  - {id: s1, module: customer, direction: 深耕老客户, measures: [回访], goals: [revenue]}
tasks:
  - id: visits
    strategy: s1
    title: 客户拜访 [加急]
    owner: li-na
    start: "2023-08-01"
    end: "2023-08-31"
    state: blocked
    milestones: [{date: "2023-08-07", progress: 30}, {date: "2023-08-14", progress: 60}]
    checkins: [{date: "2023-08-04", progress: 20, blocker: "等待 <b>审批</b> @all"}]
  - id: crm
    strategy: s1
    title: CRM 上线
    owner: zhao
    start: "2023-08-01"
    end: "2023-08-20"
    checkins: [{date: "2023-08-02", progress: 10}]
  - id: training
    strategy: s1
    title: 产品培训
    owner: li-na
    start: "2023-08-01"
    end: "2023-08-31"
    checkins: [{date: "2023-08-15", progress: 60}]
---
"""
SOUTH = """---
schema: 1
id: south-1
team: 深圳一组
region: 华南区
manager: ma
period: {name: 2023年第三季度, start: "2023-07-01", end: "2023-09-30"}
members: [{id: ma, name: 马骏}]
goals:
  - id: revenue
    dimension: revenue
    metric: 月销售额
    unit: 万元
    baseline: 80
    target: 120
    actuals: [{date: "2023-08-10", value: 110}]
---
"""
CRM_CHECKINS = '    checkins: [{date: "2023-08-02", progress: 10}]'
# A check-in on the as-of date that catches up with the plan (80 % of a 20-day task on day 16).
CLEARS_CRM = CRM_CHECKINS.replace("}]", '}, {date: "2023-08-16", progress: 80}]')
MKDOCS = """site_name: 测试
site_url: https://plans.example.com/sales/
plugins:
  - salesplan:
      as_of: 2023-08-16
      notify:
        timeout: {timeout}
{routes}"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "east-1.md").write_text(PLAN, "utf-8")
    (tmp_path / "plans" / "south-1.md").write_text(SOUTH, "utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS.format(timeout=0.5, routes=""), "utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(github_module, "WRITE_PAUSE", 0.0)
    return tmp_path


@pytest.fixture
def robots():
    with standins.robots() as state:
        yield state


@pytest.fixture
def github():
    with standins.github() as state:
        yield state


def environment(robots=None, github=None, **more: str | None) -> dict[str, str | None]:
    """The variables a run sees; everything it might read is set or removed explicitly."""
    env: dict[str, str | None] = {
        "SALESPLAN_LANG": "en",
        "NO_PROXY": "127.0.0.1",
        "no_proxy": "127.0.0.1",
        "SALESPLAN_WECOM_WEBHOOK": None,
        "SALESPLAN_DINGTALK_WEBHOOK": None,
        "SALESPLAN_DINGTALK_SECRET": None,
        "SALESPLAN_FEISHU_WEBHOOK": None,
        "SALESPLAN_FEISHU_SECRET": None,
        "GITHUB_TOKEN": None,
        "GITHUB_REPOSITORY": None,
        "GITHUB_API_URL": None,
    }
    if robots is not None:
        env |= {
            "SALESPLAN_WECOM_WEBHOOK": robots.url("wecom"),
            "SALESPLAN_DINGTALK_WEBHOOK": robots.url("dingtalk"),
            "SALESPLAN_DINGTALK_SECRET": standins.DINGTALK_SECRET,
            "SALESPLAN_FEISHU_WEBHOOK": robots.url("feishu"),
            "SALESPLAN_FEISHU_SECRET": standins.FEISHU_SECRET,
        }
    if github is not None:
        env |= {
            "GITHUB_TOKEN": standins.TOKEN,
            "GITHUB_REPOSITORY": github.repository,
            "GITHUB_API_URL": github.api_url,
        }
    return env | more


def notify(*args: str, env: dict[str, str | None]) -> tuple[int, str]:
    result = CliRunner(env=env).invoke(cli.app, ["notify", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def secrets_of(robots) -> list[str]:
    return [
        "wecom-key-abcdef",
        "dingtalk-token-abcdef",
        "feishu-hook-abcdef",
        standins.DINGTALK_SECRET,
        standins.FEISHU_SECRET,
        standins.TOKEN,
    ]


# --- the chat robots -------------------------------------------------------------------------


def test_each_robot_gets_one_signed_message_in_its_own_format(project, robots) -> None:
    code, out = notify(env=environment(robots))
    assert code == 0, out
    (wecom,) = robots.of("wecom")
    (dingtalk,) = robots.of("dingtalk")
    (feishu,) = robots.of("feishu")
    assert dingtalk.signed_ok and feishu.signed_ok
    assert set(dingtalk.query) == {"access_token", "timestamp", "sign"}

    content = wecom.body["markdown"]["content"]
    assert wecom.body["msgtype"] == "markdown" and len(content.encode()) <= 4096
    assert set(dingtalk.body) == {"msgtype", "markdown"}
    assert dingtalk.body["markdown"]["title"].startswith("Sales plans · all teams · 2023-08-16")
    card = feishu.body["card"]
    assert feishu.body["msg_type"] == "interactive"
    assert card["header"]["template"] == "red"
    assert card["elements"][0]["tag"] == "markdown"
    for text in (content, dingtalk.body["markdown"]["text"], card["elements"][0]["content"]):
        # the team, its page, the tasks that need help with their days and the 1:1 …
        assert "[team page](https://plans.example.com/sales/teams/east-1/)" in text
        assert "CRM 上线" in text and "behind for 10 working days" in text and "1:1 due" in text
        assert "客户拜访 ［加急］" in text  # plan text cannot make a link
        assert "＜b＞审批＜/b＞" in text and "<b>" not in text
        assert "No alerts: 深圳一组" in text  # the quiet team, by name only
        assert "产品培训" not in text  # on track: not an alert
    for secret in secrets_of(robots):
        assert secret not in out


def test_a_failing_robot_is_named_and_does_not_stop_the_others(project, robots) -> None:
    robots.mode["wecom"] = "refuse"
    code, out = notify(env=environment(robots))
    assert code == 1
    assert "SALESPLAN_WECOM_WEBHOOK" in out and "FAILED" in out and "93000" in out
    assert "notify failed for: SALESPLAN_WECOM_WEBHOOK" in out
    assert len(robots.of("dingtalk")) == len(robots.of("feishu")) == 1


def test_a_wrong_signature_is_a_failure_even_with_http_200(project, robots) -> None:
    env = environment(robots, SALESPLAN_FEISHU_SECRET="not-the-secret")
    code, out = notify(env=env)
    assert code == 1
    assert "SALESPLAN_FEISHU_WEBHOOK" in out and "19021" in out
    assert robots.of("feishu")[0].signed_ok is False


def test_a_slow_robot_times_out_quickly_and_is_not_sent_twice(project, robots) -> None:
    robots.mode["feishu"] = "slow"
    code, out = notify(env=environment(robots))
    assert code == 1
    assert "SALESPLAN_FEISHU_WEBHOOK" in out and "no reply in time" in out
    assert len(robots.of("feishu")) == 1  # the server may have acted on it: no second post
    assert len(robots.of("wecom")) == len(robots.of("dingtalk")) == 1


def test_a_server_error_is_retried(project, robots) -> None:
    robots.mode["wecom"] = "error-once"
    code, out = notify(env=environment(robots))
    assert code == 0, out
    assert len(robots.of("wecom")) == 2


def test_dry_run_sends_nothing_and_masks_every_address(project, robots, github) -> None:
    code, out = notify("--dry-run", "--issues", env=environment(robots, github))
    assert code == 0, out
    assert robots.received == [] and github.requests == []
    assert f"POST http://127.0.0.1:{robots.port}/***" in out
    assert '"sign": "***"' in out  # Feishu's body, without its signature
    assert f"POST {github.api_url}/repos/acme/plans/issues" in out
    for secret in secrets_of(robots):
        assert secret not in out


def test_routes_send_a_region_its_own_teams(project, robots) -> None:
    routes = "        routes:\n          - region: 华南区\n            wecom: SOUTH_WECOM\n"
    (project / "mkdocs.yml").write_text(MKDOCS.format(timeout=0.5, routes=routes), "utf-8")
    env = environment(SOUTH_WECOM=robots.url("wecom").replace("key=", "key=south-"))
    code, out = notify(env=env)
    assert code == 0, out
    (south,) = robots.of("wecom")
    content = south.body["markdown"]["content"]
    assert "深圳一组" in content and "华东一组" not in content
    assert "SOUTH_WECOM (华南区)" in out


def test_mkdocs_yml_takes_variable_names_never_addresses(project) -> None:
    routes = "        routes:\n          - team: 深圳一组\n            wecom: https://qyapi.weixin.qq.com/x\n"
    (project / "mkdocs.yml").write_text(MKDOCS.format(timeout=0.5, routes=routes), "utf-8")
    code, out = notify(env=environment())
    assert code != 0
    assert "name of an environment variable" in out


def test_a_long_digest_is_split_never_cut(project, robots) -> None:
    tasks = "".join(
        f"""  - id: task-{n}
    strategy: s1
    title: 第{n}项任务：联系重点客户并确认下季度采购计划与预算安排
    owner: li-na
    start: "2023-08-01"
    end: "2023-08-31"
"""
        for n in range(60)
    )
    (project / "plans" / "east-1.md").write_text(
        PLAN.replace("tasks:\n", "tasks:\n" + tasks), "utf-8"
    )
    code, out = notify(env=environment(robots))
    assert code == 0, out
    for kind in ("wecom", "dingtalk"):
        sent = robots.of(kind)
        assert len(sent) > 1
        texts = [r.body["markdown"]["content" if kind == "wecom" else "text"] for r in sent]
        assert all(len(text.encode()) <= 4096 for text in texts)
        assert f"(1/{len(sent)})" in texts[0] and f"({len(sent)}/{len(sent)})" in texts[-1]
        whole = "\n".join(texts)
        assert all(f"第{n}项任务" in whole for n in range(60))
    (feishu,) = robots.of("feishu")  # 20 KB holds it all
    assert len(json.dumps(feishu.body, ensure_ascii=False).encode()) <= 20_000


# --- the GitHub issues -----------------------------------------------------------------------


def test_one_issue_per_task_that_needs_help_and_none_twice(project, github) -> None:
    code, out = notify("--issues", "--no-chat", env=environment(github=github))
    assert code == 0, out
    issues = github.open_issues()
    assert sorted(i["title"] for i in issues) == [
        "华东一组 · CRM 上线 · needs help",
        "华东一组 · 客户拜访 [加急] · needs help",
    ]
    visits = next(i for i in issues if "客户拜访" in i["title"])
    assert {label["name"] for label in visits["labels"]} == {"salesplan:help", "华东区"}
    assert [a["login"] for a in visits["assignees"]] == ["li-na", "wang-lei"]
    body = visits["body"]
    assert "<!-- salesplan:task east-1/visits -->" in body
    assert "2023-08-07: 30% planned" in body and "2023-08-14: 60% planned" in body
    assert "due: 王磊 with 李娜" in body
    assert "https://plans.example.com/sales/teams/east-1/" in body
    assert "＠all" in body and "@all" not in body  # a plan never mentions anyone
    crm = next(i for i in issues if "CRM" in i["title"])
    assert crm["assignees"] == []  # zhao-q is no collaborator: opened anyway, said so
    assert "not assigned" in out and "zhao-q" in out
    assert "salesplan:help" in github.labels

    writes = len(github.writes())
    code, out = notify("--issues", "--no-chat", env=environment(github=github))
    assert code == 0, out
    assert len(github.issues) == 2 and len(github.writes()) == writes  # same day: nothing
    assert "up to date" in out


def test_an_issue_is_closed_when_a_check_in_clears_its_task(project, github) -> None:
    env = environment(github=github)
    assert notify("--issues", "--no-chat", env=env)[0] == 0
    plan = project / "plans" / "east-1.md"
    text = plan.read_text("utf-8")
    assert CRM_CHECKINS in text
    plan.write_text(text.replace(CRM_CHECKINS, CLEARS_CRM), "utf-8")
    code, out = notify("--issues", "--no-chat", env=env)
    assert code == 0, out
    crm = next(i for i in github.issues.values() if "CRM" in i["title"])
    assert crm["state"] == "closed" and crm["state_reason"] == "completed"
    assert "no longer needs help" in github.comments[crm["number"]][-1]
    assert [i["title"] for i in github.open_issues()] == ["华东一组 · 客户拜访 [加急] · needs help"]
    assert f"closed #{crm['number']}" in out


def test_a_later_day_comments_and_a_recorded_1on1_is_noted(project, github) -> None:
    env = environment(github=github)
    assert notify("--issues", "--no-chat", env=env)[0] == 0
    visits = next(i for i in github.issues.values() if "客户拜访" in i["title"])
    code, out = notify("--issues", "--no-chat", "--as-of", "2023-08-17", env=env)
    assert code == 0, out
    latest = github.comments[visits["number"]][-1]
    assert "behind for 9 working days in a row (was 8 working days)" in latest
    plan = project / "plans" / "east-1.md"
    one_on_one = '    help: [{date: "2023-08-17", by: wang-lei, note: 调整拜访路线}]\n'
    text = plan.read_text("utf-8").replace("  - id: crm\n", one_on_one + "  - id: crm\n")
    plan.write_text(text, "utf-8")
    code, out = notify("--issues", "--no-chat", "--as-of", "2023-08-17", env=env)
    assert code == 0, out
    assert "1:1 held on 2023-08-17 by 王磊" in github.comments[visits["number"]][-1]
    assert "1:1 held on 2023-08-17 by 王磊" in github.issues[visits["number"]]["body"]


def test_issues_follow_pages_and_ignore_what_is_not_theirs(project, github) -> None:
    github.add(title="a pull request", body="x", labels=["salesplan:help"], pull_request={})
    github.add(title="a person's own issue", body="no marker", labels=["salesplan:help"])
    for n in range(3):  # issues of tasks long closed, on later pages
        body = f"<!-- salesplan:task east-1/old-{n} -->\n"
        github.add(title=f"old {n}", body=body, labels=["salesplan:help"], state="closed")
    code, out = notify("--issues", "--no-chat", env=environment(github=github))
    assert code == 0, out
    listed = [p for m, p in github.requests if m == "GET" and p.endswith("/issues")]
    assert len(listed) >= 3  # two to a page: the Link header was followed
    assert len(github.open_issues()) == 2 + 2  # ours, plus the two that are not ours


def test_a_secondary_rate_limit_is_waited_out(project, github) -> None:
    github.rate_limit_once = True
    code, out = notify("--issues", "--no-chat", env=environment(github=github))
    assert code == 0, out
    assert len(github.open_issues()) == 2


def test_issues_without_a_token_are_a_named_failure(project) -> None:
    code, out = notify("--issues", "--no-chat", env=environment())
    assert code == 1
    assert "GITHUB_TOKEN" in out and "notify failed for: GitHub" in out


def test_a_wrong_token_is_reported_without_the_token(project, github) -> None:
    env = environment(github=github, GITHUB_TOKEN="wrong-token-xyz")
    code, out = notify("--issues", "--no-chat", env=env)
    assert code == 1
    assert "HTTP 401" in out and "Bad credentials" in out and "wrong-token-xyz" not in out


def test_the_installed_command_runs_twice_without_a_duplicate(project, robots, github) -> None:
    env = {k: v for k, v in {**os.environ, **environment(robots, github)}.items() if v is not None}
    env["PYTHONPATH"] = str(ROOT)
    env["SALESPLAN_LANG"] = "zh"
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-m", "generator", "notify", "--issues"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    assert len(github.issues) == 2 and len(github.open_issues()) == 2
    assert all(len(robots.of(kind)) == 2 for kind in ("wecom", "dingtalk", "feishu"))
    assert all(r.signed_ok for r in robots.received if r.signed_ok is not None)
    assert "企业微信机器人 SALESPLAN_WECOM_WEBHOOK（全部团队）：已发送 1 条消息" in done.stdout


def test_an_invalid_plan_is_reported_and_its_issues_left_alone(project, robots, github) -> None:
    (project / "plans" / "west-1.md").write_text("---\nschema: 1\nid: west-1\n---\n", "utf-8")
    mine = github.add(
        title="西区 · 某任务 · needs help",
        body="<!-- salesplan:task west-1/visits -->\n",
        labels=["salesplan:help"],
    )
    code, out = notify("--issues", env=environment(robots, github))
    assert code == 1  # the invalid plan, reported as validate reports it
    assert "west-1.md" in out and "error" in out
    assert mine["state"] == "open"  # what its task does today is unknown: left alone
    assert len(robots.of("wecom")) == 1 and len(github.open_issues()) == 3


NOTIFICATIONS = {
    "zh": ROOT / "docs" / "notifications.md",
    "en": ROOT / "docs" / "en" / "notifications.md",
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_docs_show_the_message_the_command_sends(project, robots, language) -> None:
    plan = project / "plans" / "east-1.md"
    plan.write_text(PLAN.replace('"等待 <b>审批</b> @all"', "等待审批"), "utf-8")
    env = environment(robots, SALESPLAN_LANG=language)
    assert notify(env=env)[0] == 0
    content = robots.of("wecom")[0].body["markdown"]["content"]
    page = NOTIFICATIONS[language]  # the guide page of the site in that language
    docs = page.read_text("utf-8")
    assert f"```text\n{content}\n```" in docs, f"{page} shows another message than:\n{content}"


def test_mkdocs_yml_can_turn_the_issues_on(project, github) -> None:
    config = MKDOCS.format(timeout=0.5, routes="        issues: true\n")
    (project / "mkdocs.yml").write_text(config, "utf-8")
    env = environment(github=github)
    assert notify("--no-chat", "--no-issues", env=env)[0] == 0
    assert github.requests == []
    code, out = notify("--no-chat", env=env)
    assert code == 0, out
    assert len(github.open_issues()) == 2


def test_the_documented_routes_are_a_valid_configuration(project) -> None:
    docs = "\n".join(page.read_text("utf-8") for page in NOTIFICATIONS.values())
    blocks = re.findall(r"```yaml\n(.*?)```", docs, re.S)
    comments = re.compile(r"\s+#.*$", re.M)  # the two pages differ in their comments only
    assert len(blocks) == 2 and comments.sub("", blocks[0]) == comments.sub("", blocks[1])
    (project / "mkdocs.yml").write_text("site_name: t\n" + textwrap.dedent(blocks[1]), "utf-8")
    config = load_site_config(None)
    assert [(r.scope.kind, r.scope.name) for r in routes(config)] == [
        ("region", "华东区"),
        ("team", "深圳一组"),
    ]
    assert "SALESPLAN_DINGTALK_SZ_SECRET" in environment_variables(config)
