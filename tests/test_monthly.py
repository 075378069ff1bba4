"""The monthly report (月度业绩分析报告): what a month holds, computed once, shown per month."""

from __future__ import annotations

from datetime import date

import yaml

from generator import compute
from generator.compute import monthly_reports
from generator.model import build_plan
from generator.render import render_site
from generator.words import Words

PLAN = """
schema: 1
id: east-1
team: 华东一组
manager: wang
period: {name: 2023年第三季度, start: "2023-07-01", end: "2023-09-30"}
members: [{id: wang, name: 王经理}, {id: li, name: 李顾问}]
goals:
  - {id: revenue, dimension: revenue, metric: 月销售额, unit: 万元, baseline: 80, target: 120,
     last_year: 90, actuals: [{date: "2023-07-20", value: 88}, {date: "2023-08-10", value: 95}]}
tasks:
  - id: list
    title: 整理客户清单
    owner: li
    start: "2023-07-03"
    end: "2023-07-07"
    checkins: [{date: "2023-07-07", progress: 100}]
  - id: invite
    title: 执行客户邀约
    owner: li
    start: "2023-07-10"
    end: "2023-09-08"
    milestones: [{date: "2023-07-14", progress: 20}, {date: "2023-08-11", progress: 60},
                 {date: "2023-09-08", progress: 100}]
    checkins: [{date: "2023-07-14", progress: 20}, {date: "2023-08-16", progress: 60}]
    help: [{date: "2023-08-15", by: wang, note: 约不到决策人, actions: [经理陪访]}]
reviews:
  - period: 2023-07
    date: "2023-08-02"
    findings: [{id: f1, aspect: attainment, text: 7月销售额88万元}]
    next_actions:
      - {action: 加强邀约, finding: f1, owner: li, due: "2023-09-15"}
      - {action: 整理案例, owner: wang, due: "2023-08-10"}
"""


def reports(as_of: date):
    plan = build_plan(yaml.safe_load(PLAN))
    return plan, {r.month: r for r in monthly_reports(plan, as_of)}


def test_a_report_for_each_month_up_to_the_as_of_date():
    _, by_month = reports(date(2023, 8, 20))
    assert list(by_month) == ["2023-07", "2023-08"]
    july, august = by_month["2023-07"], by_month["2023-08"]
    assert (july.first, july.last, july.to_date) == (date(2023, 7, 1), date(2023, 7, 31), False)
    assert (august.last, august.to_date) == (date(2023, 8, 20), True)
    _, whole = reports(date(2023, 12, 1))
    assert list(whole) == ["2023-07", "2023-08", "2023-09"] and not whole["2023-09"].to_date


def test_goals_at_month_end_with_the_months_change():
    _, by_month = reports(date(2023, 8, 20))
    july = by_month["2023-07"].goals[0]
    assert (july.at_end.current, july.change) == (88, 8)  # from the baseline 80
    august = by_month["2023-08"].goals[0]
    assert (august.at_end.current, august.change) == (95, 7)
    assert august.at_end.vs_last_year.difference == 5


def test_tasks_finished_and_slipped_help_and_reviews():
    _, by_month = reports(date(2023, 8, 20))
    july, august = by_month["2023-07"], by_month["2023-08"]
    assert [tm.task.id for tm in july.finished] == ["list"]
    assert august.finished == ()
    # invite: milestone 60 % on Fri 08-11, still 20 % on Mon 08-14 and Tue 08-15: the third
    # working day behind is Tue 08-15 (08-11, 08-14, 08-15); the 08-16 check-in clears it.
    assert [(tm.task.id, day) for tm, day in august.help_raised] == [("invite", date(2023, 8, 15))]
    assert [(tm.task.id, day) for tm, day in august.help_cleared] == [("invite", date(2023, 8, 16))]
    assert [(t.id, h.date) for t, h in august.one_on_ones] == [("invite", date(2023, 8, 15))]
    assert [r.period for r in august.reviews] == ["2023-07"] and july.reviews == ()
    assert [(t.id, m.progress) for t, m in august.next_milestones] == [("invite", 100)]
    assert [a.action for a in august.open_actions] == ["加强邀约"]  # 整理案例 was due 08-10


def test_monthly_pages_are_linked_from_the_plan_and_the_dashboard():
    plan = build_plan(yaml.safe_load(PLAN))
    pages = render_site(compute.site_data([plan], date(2023, 8, 20)), words=Words("zh"), schema={})
    august = pages["teams/east-1/monthly/2023-08.md"]
    assert "华东一组 · 2023-08 月度业绩分析报告" in august
    assert "本月截至目前" in august and "search:\n  exclude: true" in august
    for section in ("月末目标达成", "本月完成的任务", "月末滞后的任务", "本月帮扶情况", "本月复盘"):
        assert f"## {section}" in august, section
    assert "王经理进行一对一沟通" in august and "约不到决策人" in august
    for page in ("teams/east-1/index.md", "teams/east-1/dashboard.md"):
        assert (
            'href="monthly/2023-07/"' in pages[page] or 'href="../monthly/2023-07/"' in pages[page]
        )
        assert "2023-08（截至目前）" in pages[page]
