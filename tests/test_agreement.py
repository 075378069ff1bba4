"""The terminal and the site show the same figures: both format what compute returns."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator import cli, compute
from generator.check import check
from generator.model import build_plan
from generator.render import render_site
from generator.render.format import progress
from generator.words import Words

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2023, 8, 20)
ZH = Words("zh")


@pytest.fixture(scope="module")
def site_and_status(tmp_path_factory):
    plans = check([ROOT / "plans"], words=ZH, plans_dir=ROOT / "plans").plans
    data = compute.site_data(plans, AS_OF)
    pages = render_site(data, words=ZH, schema={})
    runner = CliRunner(env={"SALESPLAN_LANG": "zh"})
    result = runner.invoke(
        cli.app, ["status", "--format", "json", "--as-of", "2023-08-20", str(ROOT / "plans")]
    )
    assert result.exit_code == 0, result.output
    return data, pages, json.loads(result.stdout)


def _rows(page: str, css: str) -> list[str]:
    table = re.search(rf'<div class="sp-table [^"]*{css}[^"]*"[^>]*>(.*?)</table>', page, re.S)
    assert table, css
    body = table.group(1).split("<tbody>", 1)[1]
    return re.findall(r"<tr>(.*?)</tr>", body, re.S)


def test_every_task_reads_the_same_in_template_5_and_in_status(site_and_status):
    _, pages, status = site_and_status
    checked = 0
    for plan in status["plans"]:
        rows = _rows(pages[f"teams/{plan['id']}/index.md"], "sp-t5")
        for task, row in zip(plan["tasks"], rows, strict=True):
            cells = re.findall(r"<td>(.*?)</td>", row, re.S)
            assert cells[1] == progress(task["planned"]), (plan["id"], task["id"])
            assert cells[2] == progress(task["actual"]), (plan["id"], task["id"])
            assert f"sp-task-{task['status']}" in cells[3], (plan["id"], task["id"])
            shown = html.unescape(re.sub("<[^>]+>", "", cells[4]))
            assert shown == (str(task["days_behind"]) if task["days_behind"] else "—")
            checked += 1
    assert checked >= 20


def test_goal_statuses_read_the_same_on_the_plan_page_and_in_status(site_and_status):
    _, pages, status = site_and_status
    for plan in status["plans"]:
        header = _rows(pages[f"teams/{plan['id']}/index.md"], "sp-header")[0]
        shown = re.findall(r"sp-goal-(\w+)", header)
        assert shown == [goal["status"] for goal in plan["goals"]], plan["id"]


def test_the_alerts_page_lists_the_tasks_the_standup_lists(site_and_status):
    data, pages, _ = site_and_status
    alerts = pages["alerts.md"]
    rows = _rows(alerts, "sp-alert-tasks")
    expected = [(pm.plan.team, tm.task.title) for pm in data.current for tm in pm.attention_tasks]
    assert len(rows) == len(expected) > 0
    for (team, title), row in zip(expected, rows, strict=True):
        assert html.escape(team, quote=False) in row and html.escape(title, quote=False) in row
    text = CliRunner(env={"SALESPLAN_LANG": "zh"}).invoke(
        cli.app, ["status", "--as-of", "2023-08-20", str(ROOT / "plans")]
    )
    in_force = {pm.plan.id for pm in data.current}
    for pm in data.metrics:
        if pm.plan.id in in_force:
            for tm in pm.attention_tasks:
                assert tm.task.title in text.stdout


def test_template_5_shows_the_blocker_as_of_the_date():
    data = yaml.safe_load(
        """
        schema: 1
        id: t
        team: T
        manager: m
        period: {name: Q3, start: 2023-07-01, end: 2023-09-30}
        members: [{id: m, name: M}]
        goals: [{id: g, dimension: revenue, metric: R, unit: 万元, baseline: 1, target: 2}]
        tasks:
          - id: a
            title: A
            owner: m
            start: 2023-07-01
            end: 2023-09-30
            state: blocked
            checkins:
              - {date: 2023-07-10, progress: 10, blocker: 七月的阻碍}
              - {date: 2023-09-01, progress: 20, blocker: 九月的阻碍}
        """
    )
    plan = build_plan(data)
    july = render_site(compute.site_data([plan], date(2023, 7, 20)), words=ZH, schema={})
    row = _rows(july["teams/t/index.md"], "sp-t5")[0]
    assert "七月的阻碍" in row and "九月的阻碍" not in row
    september = render_site(compute.site_data([plan], date(2023, 9, 2)), words=ZH, schema={})
    assert "九月的阻碍" in _rows(september["teams/t/index.md"], "sp-t5")[0]
