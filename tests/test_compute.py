"""SPEC §4 computations, with the numbers of the seed method (monthly revenue 80 → 120 万元)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.compute import (
    GOAL_STATUSES,
    TASK_STATUSES,
    current_plans,
    elapsed_fraction,
    goal_metrics,
    organisation_rollup,
    plan_metrics,
    planned_percent,
    region_rollups,
    task_metrics,
)
from generator.model import build_plan

BASE = """
schema: 1
id: east-1
team: 华东一组
manager: wang
period: {name: 2023 Q3, start: 2023-07-01, end: 2023-09-30}
members:
  - {id: wang, name: 王经理, role: manager}
  - {id: li, name: 李顾问}
strategies:
  - {id: s1, module: customer, direction: 深耕老客户, measures: [回访]}
"""

REVENUE = {
    "id": "revenue",
    "dimension": "revenue",
    "metric": "月销售额",
    "unit": "万元",
    "baseline": 80,
    "target": 120,
}


def make_plan(goals=None, tasks=None, **fields):
    """A plan from the small YAML base above, plus goals, tasks and top-level overrides."""
    data = yaml.safe_load(BASE)
    # The loader turns YAML dates into ISO strings; do the same here.
    data["period"] = {k: str(v) for k, v in data["period"].items()}
    data["goals"] = goals if goals is not None else [dict(REVENUE)]
    data["tasks"] = tasks or []
    data.update(fields)
    return build_plan(data, path="plans/east-1.md")


def goal(**fields):
    return {**REVENUE, **fields}


def metrics_of(as_of, **fields):
    plan = make_plan(goals=[goal(**fields)])
    return goal_metrics(plan.goals[0], plan, date.fromisoformat(as_of))


def task(**fields):
    base = {"id": "t1", "strategy": "s1", "title": "整理客户清单", "owner": "li"}
    return {"start": "2023-08-01", "end": "2023-08-10", **base, **fields}


def task_on(as_of, alert=None, **fields):
    extra = {"alert": alert} if alert else {}
    plan = make_plan(tasks=[task(**fields)], **extra)
    return task_metrics(plan.tasks[0], plan, date.fromisoformat(as_of))


# --- goals ----------------------------------------------------------------------------------


def test_seed_revenue_gap_is_40():
    m = metrics_of("2023-08-15", actuals=[{"date": "2023-07-31", "value": 80}])
    assert m.current == 80
    assert m.gap == 40
    assert m.attainment == pytest.approx(2 / 3)


def test_seed_new_customers_gap_is_20():
    m = metrics_of(
        "2023-08-15",
        id="new",
        dimension="new_customers",
        metric="月新增客户",
        unit="家",
        baseline=10,
        target=30,
    )
    assert (m.current, m.gap) == (10, 20)


def test_worked_example_of_the_formulas_page():
    """The numbers printed in docs/formulas.md."""
    plan = make_plan()
    at_start = goal_metrics(plan.goals[0], plan, date(2023, 7, 1))
    assert (at_start.elapsed, at_start.expected, at_start.gap) == (0, 80, 40)
    assert at_start.status == "on_track"

    mid = goal_metrics(plan.goals[0], plan, date(2023, 8, 15))
    assert mid.elapsed == pytest.approx(45 / 91)
    assert round(mid.elapsed, 3) == 0.495
    assert round(mid.expected, 2) == 99.78
    assert (mid.current, mid.gap, round(mid.attainment, 3)) == (80, 40, 0.667)
    assert mid.status == "off_track"  # 19.78 short, more than 10 % of 40 = 4

    cases = {80: "off_track", 95: "off_track", 96: "at_risk", 100: "on_track", 120: "achieved"}
    for value, status in cases.items():
        m = metrics_of("2023-08-15", actuals=[{"date": "2023-08-10", "value": value}])
        assert m.status == status, value


def test_expected_path_from_baseline_to_target():
    assert metrics_of("2023-06-01").expected == 80  # before the period
    assert metrics_of("2023-07-01").expected == 80
    assert metrics_of("2023-09-30").expected == 120
    assert metrics_of("2023-12-31").expected == 120  # after the due date
    assert metrics_of("2023-08-15", due="2023-07-31").expected == 120


def test_elapsed_fraction_when_due_is_the_start_day():
    day = date(2023, 7, 1)
    assert elapsed_fraction(day, day, date(2023, 6, 30)) == 0
    assert elapsed_fraction(day, day, day) == 1


@pytest.mark.parametrize(
    ("value", "status"),
    [
        (121, "achieved"),
        (120, "achieved"),
        (99.79, "on_track"),  # expected is 80 + 40·45/91 = 99.780…
        (99.78, "at_risk"),
        (95.79, "at_risk"),  # the band: 10 % of |120 − 80| = 4 below expected
        (95.78, "off_track"),
        (60, "off_track"),
    ],
)
def test_every_goal_status(value, status):
    m = metrics_of("2023-08-15", actuals=[{"date": "2023-08-01", "value": value}])
    assert m.status == status


def test_meeting_a_target_is_not_spoiled_by_float_noise():
    m = metrics_of(
        "2023-09-30", baseline=0, target=0.3, actuals=[{"date": "2023-09-01", "value": 0.1 + 0.2}]
    )
    assert m.status == "achieved"


def test_no_actuals():
    latest = metrics_of("2023-08-15")
    assert (latest.current, latest.forecast) == (80, None)
    cumulative = metrics_of("2023-08-15", basis="cumulative", baseline=0, target=90)
    assert (cumulative.current, cumulative.gap, cumulative.forecast) == (0, 90, 0)


def test_latest_value_ignores_actuals_after_the_as_of_date():
    actuals = [{"date": "2023-07-31", "value": 90}, {"date": "2023-08-31", "value": 110}]
    assert metrics_of("2023-08-15", actuals=actuals).current == 90
    assert metrics_of("2023-08-31", actuals=actuals).current == 110


def test_latest_forecast_is_the_least_squares_line_at_due():
    actuals = [
        {"date": "2023-07-11", "value": 85},  # day 10
        {"date": "2023-07-21", "value": 88},  # day 20
        {"date": "2023-07-31", "value": 94},  # day 30
    ]
    m = metrics_of("2023-08-15", actuals=actuals)
    # slope 0.45/day, mean (20, 89): at day 91 → 89 + 0.45·71 = 120.95
    assert m.forecast == pytest.approx(120.95)
    assert metrics_of("2023-08-15", actuals=actuals[:1]).forecast is None


def test_cumulative_goal_sums_actuals_and_forecasts_at_the_daily_rate():
    actuals = [
        {"date": "2023-07-10", "value": 6},
        {"date": "2023-07-31", "value": 12},
        {"date": "2023-08-20", "value": 9},  # after A, not counted
    ]
    m = metrics_of(
        "2023-07-31",
        basis="cumulative",
        dimension="new_customers",
        baseline=0,
        target=90,
        actuals=actuals,
    )
    assert m.current == 18
    assert m.expected == pytest.approx(90 * 30 / 91)
    assert m.gap == 72
    # 18 in 31 days (start day counts as day 1), 61 days left
    assert m.forecast == pytest.approx(18 + 18 / 31 * 61)
    assert m.status == "off_track"
    first_day = metrics_of(
        "2023-07-01",
        basis="cumulative",
        baseline=0,
        target=90,
        actuals=[{"date": "2023-07-01", "value": 2}],
    )
    assert first_day.forecast == pytest.approx(2 + 2 * 91)
    after_due = metrics_of("2023-10-15", basis="cumulative", baseline=0, target=90, actuals=actuals)
    assert after_due.forecast == after_due.current == 27


def test_decrease_goal():
    # Customer churn 20 % → 10 %: lower is better.
    fields = {"direction": "decrease", "unit": "%", "baseline": 20, "target": 10}
    m = metrics_of("2023-08-15", actuals=[{"date": "2023-08-01", "value": 15}], **fields)
    assert m.gap == 5
    assert m.attainment == pytest.approx(10 / 15)
    assert m.expected == pytest.approx(20 - 10 * 45 / 91)
    assert m.status == "on_track"  # 15 is below the expected 15.05
    assert (
        metrics_of("2023-08-15", actuals=[{"date": "2023-08-01", "value": 16}], **fields).status
        == "at_risk"
    )
    assert (
        metrics_of("2023-08-15", actuals=[{"date": "2023-08-01", "value": 17}], **fields).status
        == "off_track"
    )
    done = metrics_of("2023-08-15", actuals=[{"date": "2023-08-01", "value": 9}], **fields)
    assert (done.status, done.gap) == ("achieved", -1)


def test_target_equal_to_baseline_holds_the_line():
    # The at-risk band falls back to 10 % of the target when target == baseline.
    fields = {"dimension": "repurchase_rate", "unit": "%", "baseline": 30, "target": 30}
    assert metrics_of("2023-08-15", **fields).status == "achieved"
    assert (
        metrics_of("2023-08-15", actuals=[{"date": "2023-08-01", "value": 28}], **fields).status
        == "at_risk"
    )
    assert (
        metrics_of("2023-08-15", actuals=[{"date": "2023-08-01", "value": 26}], **fields).status
        == "off_track"
    )


def test_zero_values():
    zero = metrics_of("2023-08-15", baseline=0, target=0)
    assert (zero.attainment, zero.status, zero.gap) == (None, "achieved", 0)
    low = metrics_of(
        "2023-08-15",
        direction="decrease",
        baseline=5,
        target=0,
        actuals=[{"date": "2023-08-01", "value": 0}],
    )
    assert (low.attainment, low.status) == (None, "achieved")
    both = metrics_of("2023-08-15", baseline=0, target=0, last_year=0, industry=0)
    assert both.vs_last_year.percent is None and both.vs_industry.difference == 0


def test_comparisons_with_last_year_and_industry():
    m = metrics_of(
        "2023-08-15", last_year=100, industry=64, actuals=[{"date": "2023-08-01", "value": 80}]
    )
    assert (m.vs_last_year.reference, m.vs_last_year.difference) == (100, -20)
    assert m.vs_last_year.percent == pytest.approx(-0.2)
    assert m.vs_industry.percent == pytest.approx(0.25)
    assert metrics_of("2023-08-15").vs_last_year is None


# --- tasks ----------------------------------------------------------------------------------


def test_planned_percent():
    plan = make_plan(tasks=[task()])
    t = plan.tasks[0]
    assert planned_percent(t, date(2023, 7, 31)) == 0
    assert planned_percent(t, date(2023, 8, 1)) == 10
    assert planned_percent(t, date(2023, 8, 10)) == 100
    assert planned_percent(t, date(2023, 8, 20)) == 100


def test_one_day_task():
    assert task_on("2023-08-01", end="2023-08-01").status == "behind"
    m = task_on("2023-08-01", end="2023-08-01", checkins=[{"date": "2023-08-01", "progress": 100}])
    assert (m.status, m.planned, m.actual, len(m.days)) == ("done", 100, 100, 1)


def test_as_of_before_the_task():
    m = task_on("2023-07-20")
    assert (m.status, m.planned, m.actual, m.days_behind, m.days) == ("not_started", 0, 0, 0, ())
    assert not m.help_needed and not m.stale


def test_as_of_after_the_task():
    m = task_on("2023-08-20", checkins=[{"date": "2023-08-18", "progress": 90}])
    assert (m.status, m.planned, m.actual) == ("overdue", 100, 90)
    assert [d.day for d in m.days][-1] == date(2023, 8, 10)  # burn-up stops at the end
    assert len(m.days) == 10
    # Behind since Tuesday 08-01 (0 % of 10 %, then 90 % of 100 %) up to Friday 08-18, the last
    # working day before Sunday 08-20: 14 working days. Overdue, and help is still flagged.
    assert m.days_behind == 14 and m.help_needed
    assert m.behind_since == date(2023, 8, 1)


def test_behind_two_days_does_not_call_for_help():
    m = task_on("2023-08-02")
    assert (m.status, m.days_behind, m.help_needed) == ("behind", 2, False)


def test_behind_three_days_calls_for_help():
    m = task_on("2023-08-03")
    assert (m.status, m.days_behind, m.help_needed) == ("help_needed", 3, True)
    assert [d.behind for d in m.days] == [True, True, True]


def test_a_checkin_that_catches_up_resets_the_streak():
    checkins = [{"date": "2023-08-03", "progress": 30}]
    on_day = task_on("2023-08-03", checkins=checkins)
    assert (on_day.status, on_day.days_behind) == ("on_track", 0)
    friday = task_on("2023-08-04", checkins=checkins)  # planned 40, still 30
    assert (friday.status, friday.days_behind, friday.help_needed) == ("behind", 1, False)
    # The weekend neither adds to the streak nor breaks it.
    assert task_on("2023-08-06", checkins=checkins).days_behind == 1
    monday = task_on("2023-08-07", checkins=checkins)
    assert (monday.status, monday.days_behind) == ("behind", 2)
    assert task_on("2023-08-08", checkins=checkins).status == "help_needed"


def test_catching_up_on_a_day_off_ends_the_streak():
    behind = [{"date": "2023-08-03", "progress": 30}]
    assert task_on("2023-08-06", checkins=behind).days_behind == 1  # Friday, then the weekend
    caught_up = [*behind, {"date": "2023-08-05", "progress": 70}]  # a Saturday check-in
    sunday = task_on("2023-08-06", checkins=caught_up)
    assert (sunday.days_behind, sunday.status) == (0, "on_track")


def test_every_day_counts_on_the_all_calendar_and_weekdays_ignore_holidays():
    checkins = [{"date": "2023-08-03", "progress": 30}]
    every_day = task_on("2023-08-06", checkins=checkins, alert={"calendar": "all"})
    assert (every_day.days_behind, every_day.status) == (3, "help_needed")
    holiday = {"start": "2023-09-25", "end": "2023-10-20"}
    early = [{"date": "2023-09-25", "progress": 10}]
    # Monday 2 October is a holiday in China but a weekday.
    weekdays = task_on("2023-10-02", checkins=early, alert={"calendar": "weekdays"}, **holiday)
    assert weekdays.days_behind == 4  # 09-27, 09-28, 09-29, 10-02
    assert task_on("2023-10-02", checkins=early, **holiday).days_behind == 2  # cn: 09-27, 09-28


def test_planned_progress_steps_with_milestones():
    milestones = [{"date": "2023-08-03", "progress": 30}, {"date": "2023-08-08", "progress": 70}]
    plan = make_plan(tasks=[task(milestones=milestones)])
    t = plan.tasks[0]
    assert [planned_percent(t, date(2023, 8, d)) for d in (1, 2, 3, 7, 8, 9, 10, 11)] == [
        0,
        0,
        30,
        30,
        70,
        70,
        100,
        100,
    ]
    m = task_on(
        "2023-08-04", milestones=milestones, checkins=[{"date": "2023-08-03", "progress": 30}]
    )
    assert (m.status, m.days_behind, m.next_milestone.progress) == ("on_track", 0, 70)


def test_the_last_one_on_one_within_the_streak_is_the_help_given():
    checkins = [{"date": "2023-08-03", "progress": 30}]
    help_ = [
        {"date": "2023-08-02", "by": "wang"},  # before the current streak: an older episode
        {"date": "2023-08-08", "by": "wang", "note": "约客户"},
    ]
    due = task_on("2023-08-08", checkins=checkins, help=help_[:1])
    assert due.help_needed and due.help_given is None  # 1:1 due
    held = task_on("2023-08-09", checkins=checkins, help=help_)
    assert held.help_needed and held.help_given.date == date(2023, 8, 8)
    assert held.behind_since == date(2023, 8, 4)
    caught_up = task_on(
        "2023-08-09", checkins=[*checkins, {"date": "2023-08-09", "progress": 90}], help=help_
    )
    assert (caught_up.days_behind, caught_up.help_given) == (0, None)


def test_tolerance_and_behind_days_come_from_the_alert_rule():
    # With 15 points of tolerance, 0 % is fine on day 1 (planned 10) but behind from day 2.
    relaxed = task_on("2023-08-03", alert={"behind_days": 3, "tolerance": 15})
    assert (relaxed.days_behind, relaxed.help_needed) == (2, False)
    assert task_on("2023-08-04", alert={"behind_days": 3, "tolerance": 15}).help_needed
    strict = task_on("2023-08-02", alert={"behind_days": 2, "tolerance": 0})
    assert strict.status == "help_needed"
    # Exactly at planned − tolerance is not behind.
    exact = task_on(
        "2023-08-02",
        alert={"behind_days": 1, "tolerance": 10},
        checkins=[{"date": "2023-08-01", "progress": 10}],
    )
    assert exact.days_behind == 0


def test_stale_when_no_checkin_for_more_than_two_working_days():
    checkins = [{"date": "2023-08-02", "progress": 50}]
    assert not task_on("2023-08-04", checkins=checkins).stale
    assert not task_on("2023-08-06", checkins=checkins).stale  # Thu, Fri, then the weekend
    assert task_on("2023-08-07", checkins=checkins).stale
    assert not task_on("2023-08-03").stale  # started two days ago, no check-in yet
    assert task_on("2023-08-04").stale
    assert task_on("2023-08-20", checkins=checkins).stale  # overdue and quiet
    done = [{"date": "2023-08-02", "progress": 100}]
    assert not task_on("2023-08-09", checkins=done).stale
    assert not task_on("2023-08-09", state="cancelled").stale


def test_status_precedence():
    full = [{"date": "2023-08-02", "progress": 100}]
    assert task_on("2023-08-05", state="cancelled", checkins=full).status == "cancelled"
    assert task_on("2023-08-05", state="blocked", checkins=full).status == "done"
    blocked = task_on("2023-08-05", state="blocked")
    assert (blocked.status, blocked.help_needed) == ("blocked", True)
    assert task_on("2023-07-01", state="blocked").status == "blocked"
    cancelled = task_on("2023-08-05", state="cancelled")
    assert (cancelled.status, cancelled.help_needed) == ("cancelled", False)
    assert task_on("2023-08-20", checkins=full).status == "done"
    last_checkin = task_on("2023-08-05", checkins=full).last_checkin
    assert last_checkin == date(2023, 8, 2)


# --- plans and rollups ----------------------------------------------------------------------


def regional_metrics():
    as_of = date(2023, 8, 15)
    new = {
        "id": "new",
        "dimension": "new_customers",
        "metric": "新客户",
        "unit": "家",
        "baseline": 0,
        "target": 30,
        "basis": "cumulative",
        "actuals": [{"date": "2023-07-31", "value": 12}],
    }
    churn = {
        "id": "churn",
        "dimension": "custom",
        "metric": "流失率",
        "unit": "%",
        "baseline": 20,
        "target": 10,
        "direction": "decrease",
        "aggregate": "mean",  # a rate: averaged over the teams
    }
    east = make_plan(
        goals=[goal(actuals=[{"date": "2023-08-01", "value": 100}]), new],
        tasks=[task()],
        region="华东",
    )
    east2 = make_plan(
        goals=[goal(target=150, actuals=[{"date": "2023-08-01", "value": 120}]), churn],
        id="east-2",
        region="华东",
    )
    west = make_plan(
        goals=[goal(), {**churn, "target": 12}],
        id="west-1",
        tasks=[task(checkins=[{"date": "2023-08-09", "progress": 100}])],
    )
    return [plan_metrics(p, as_of) for p in (east, east2, west)]


def test_plan_metrics_keeps_the_plan_order():
    pm = regional_metrics()[0]
    assert [g.goal.id for g in pm.goals] == ["revenue", "new"]
    assert [t.task.id for t in pm.tasks] == ["t1"]
    assert pm.as_of == date(2023, 8, 15)


def test_region_rollups():
    rollups = region_rollups(regional_metrics())
    assert [r.name for r in rollups] == ["", "华东"]
    east = rollups[1]
    assert east.plans == ("east-1", "east-2")
    revenue, new, churn = east.lines
    assert (revenue.dimension, revenue.current, revenue.target, revenue.goals) == (
        "revenue",
        220,
        270,
        2,
    )
    assert revenue.attainment == pytest.approx(220 / 270)
    assert (new.basis, new.current, new.target) == ("cumulative", 12, 30)
    assert (churn.direction, churn.current, churn.target) == ("decrease", 20, 10)
    assert (churn.aggregate, churn.goals) == ("mean", 1)
    assert churn.attainment == 0.5
    assert east.help_needed == (("east-1", "t1"),)
    assert east.scope == "region"


def test_organisation_rollup_counts_every_status():
    org = organisation_rollup(regional_metrics())
    assert (org.name, org.scope) == ("", "organisation")
    assert [s for s, _ in org.goal_status_counts] == list(GOAL_STATUSES)
    assert [s for s, _ in org.task_status_counts] == list(TASK_STATUSES)
    assert dict(org.goal_status_counts) == {
        "achieved": 0,
        "on_track": 2,  # east-1 revenue, east-2 revenue
        "at_risk": 1,  # east-1 new customers: 12 of an expected 14.8, band 3
        "off_track": 3,  # both churn goals, west-1 revenue
    }
    # east-1's task is overdue and behind: counted as overdue, listed among help-needed.
    assert dict(org.task_status_counts)["overdue"] == 1
    assert dict(org.task_status_counts)["help_needed"] == 0
    assert org.help_needed == (("east-1", "t1"),)
    assert dict(org.task_status_counts)["done"] == 1
    assert sum(n for _, n in org.task_status_counts) == 2
    churn = [line for line in org.lines if line.direction == "decrease"]
    # Rates are averaged over the teams, never added up.
    assert len(churn) == 1 and (churn[0].current, churn[0].target) == (20, 11)
    assert churn[0].attainment == pytest.approx(11 / 20)


def test_rollups_add_up_only_what_adds_up():
    org = organisation_rollup(regional_metrics())
    by_key = {(line.dimension, line.aggregate): line for line in org.lines}
    assert by_key["revenue", "sum"].current == 100 + 120 + 80
    assert by_key["revenue", "sum"].target == 120 + 150 + 120
    custom = make_plan(
        goals=[
            goal(),
            {**REVENUE, "id": "x", "dimension": "custom", "metric": "拜访量", "unit": "次"},
            {
                **REVENUE,
                "id": "v",
                "dimension": "order_value",
                "metric": "客单价",
                "unit": "万元",
                "baseline": 2,
                "target": 3,
            },
        ]
    )
    other = make_plan(
        id="east-2",
        goals=[
            {
                **REVENUE,
                "id": "v",
                "dimension": "order_value",
                "metric": "客单价",
                "unit": "万元",
                "baseline": 2,
                "target": 2.5,
                "actuals": [{"date": "2023-08-01", "value": 2.4}],
            }
        ],
    )
    both = organisation_rollup([plan_metrics(p, date(2023, 8, 15)) for p in (custom, other)])
    assert [(line.dimension, line.aggregate) for line in both.lines] == [
        ("revenue", "sum"),
        ("order_value", "mean"),
    ]
    order_value = both.lines[1]
    assert (order_value.current, order_value.target, order_value.goals) == (
        pytest.approx((2 + 2.4) / 2),
        pytest.approx((3 + 2.5) / 2),
        2,
    )
    assert sum(n for _, n in both.goal_status_counts) == 4  # the custom goal is counted


def test_empty_rollup():
    org = organisation_rollup([])
    assert org.lines == () and org.help_needed == ()
    assert all(n == 0 for _, n in org.goal_status_counts + org.task_status_counts)


# --- the formulas page ----------------------------------------------------------------------

DOCS = Path(__file__).parent.parent / "docs"
FORMULAS = (DOCS / "formulas.md", DOCS / "en" / "formulas.md")  # Chinese, English


def test_formulas_page_shows_the_numbers_the_code_computes():
    text = "\n".join(path.read_text(encoding="utf-8") for path in FORMULAS)
    plan = make_plan()
    mid = goal_metrics(plan.goals[0], plan, date(2023, 8, 15))
    shown = [
        f"f = 45 ÷ 91 = **{mid.elapsed:.3f}**",
        f"**{mid.expected:.2f} 万元**",
        f"**{mid.gap:g} 万元**",
        f"**{mid.attainment * 100:.1f} %**",
    ]
    for snippet in shown:
        assert text.count(snippet) == 2, snippet  # once per language

    milestones = [
        {"date": "2023-08-03", "progress": 30},
        {"date": "2023-08-08", "progress": 70},
    ]
    helped = task_on(
        "2023-08-10", milestones=milestones, checkins=[{"date": "2023-08-03", "progress": 30}]
    )
    assert helped.help_needed
    streak = 0
    for day in helped.days:
        if day.working:
            streak = streak + 1 if day.behind else 0
        for yes, no, off in (("是", "否", "休息日"), ("yes", "no", "day off")):
            behind = (yes if day.behind else no) if day.working else off
            row = (
                f"| {day.day:%m-%d} | {day.planned:.0f} % | {day.actual:.0f} % "
                f"| {behind} | {streak} |"
            )
            assert row in text, row
    assert streak == helped.days_behind == 3
    # Example 2: across National Day, help is needed on the make-up working day.
    holiday = {"start": "2023-09-25", "end": "2023-10-20"}
    checkins = [{"date": "2023-09-25", "progress": 10}]
    by_day = {
        day: task_on(day, checkins=checkins, **holiday)
        for day in ("2023-09-28", "2023-09-29", "2023-10-06", "2023-10-07")
    }
    assert [m.days_behind for m in by_day.values()] == [2, 2, 2, 3]
    assert [m.help_needed for m in by_day.values()] == [False, False, False, True]


def test_current_plan_of_each_team_is_the_latest_started_one():
    q2 = make_plan(id="east-q2", period={"name": "Q2", "start": "2023-04-01", "end": "2023-06-30"})
    q3 = make_plan(id="east-q3")
    q4 = make_plan(id="east-q4", period={"name": "Q4", "start": "2023-10-01", "end": "2023-12-31"})
    other = make_plan(
        id="south-q4",
        team="华南组",
        period={"name": "Q4", "start": "2023-10-01", "end": "2023-12-31"},
    )
    plans = [q2, q3, q4, other]

    def current(as_of):
        day = date.fromisoformat(as_of)
        return [pm.plan.id for pm in current_plans([plan_metrics(p, day) for p in plans], day)]

    assert current("2023-08-20") == ["east-q3", "south-q4"]  # south has not started: its first
    assert current("2023-03-01") == ["east-q2", "south-q4"]
    assert current("2024-01-15") == ["east-q4", "south-q4"]


# --- one walk for many dates ----------------------------------------------------------------


def test_one_walk_gives_the_figures_of_a_walk_per_date() -> None:
    """The monthly reports read every month end from one walk of each task's days: the
    figures must be those of a walk made for that date alone."""
    from datetime import timedelta

    from generator.compute.calendar import WorkingDays
    from generator.compute.plans import plan_metrics_on

    checkins = [
        {"date": "2023-07-10", "progress": 5},
        {"date": "2023-08-02", "progress": 30, "blocker": "等报价"},
        {"date": "2023-08-29", "progress": 60},
        {"date": "2023-09-20", "progress": 100},
    ]
    milestones = [{"date": "2023-07-31", "progress": 20}, {"date": "2023-08-31", "progress": 70}]
    help_given = [{"date": "2023-08-21", "by": "wang", "note": "一对一"}]
    plan = make_plan(
        tasks=[
            task(id="t1", start="2023-07-03", end="2023-09-29", checkins=checkins),
            task(
                id="t2",
                start="2023-07-03",
                end="2023-09-15",
                milestones=milestones,
                checkins=checkins[:2],
                help=help_given,
            ),
            task(id="t3", start="2023-09-01", end="2023-09-05"),
        ]
    )
    days = [date(2023, 6, 30) + timedelta(days=n) for n in range(0, 110, 3)]
    for shared, day in zip(plan_metrics_on(plan, days), days, strict=True):
        for tm, task_ in zip(shared.tasks, plan.tasks, strict=True):
            alone = task_metrics(task_, plan, day, WorkingDays("cn"))
            assert tm == alone, (task_.id, day)
        assert shared == plan_metrics(plan, day)
        assert shared.burnup == plan_metrics(plan, day).burnup


def test_working_days_between_two_dates_are_counted_right_in_any_order_of_asking() -> None:
    import random
    from datetime import timedelta

    from generator.compute.calendar import WorkingDays

    random.seed(7)
    for name in ("cn", "weekdays", "all"):
        asked, fresh = WorkingDays(name), WorkingDays(name)
        for _ in range(300):
            first = date(2021, 1, 1) + timedelta(days=random.randrange(0, 1500))
            last = first + timedelta(days=random.randrange(-3, 200))
            span = (last - first).days + 1
            expected = sum(fresh.is_working(first + timedelta(days=n)) for n in range(span))
            assert asked.between(first, last) == expected, (name, first, last)
    # National Day 2023: 10-01..10-06 off, Saturday 10-07 and Sunday 10-08 working
    assert WorkingDays("cn").between(date(2023, 9, 29), date(2023, 10, 8)) == 2
    # a day never asked for is never looked up: no year is wrongly reported as unknown
    cn = WorkingDays("cn")
    cn.between(date(2004, 1, 1), date(2004, 1, 31))
    assert cn.uncovered_years == set()
