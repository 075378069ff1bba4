"""The example plans in plans/ are the product's shop window: they must be valid, warning-free,
and at the pinned as-of date (mkdocs.yml) show every status and the help mechanism as the method
means it: a few tasks need help, not most, days counted on working days, the 1:1 recorded.
The blank template plans/_template.md must be a valid plan once copied under its own id."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import chinese_calendar
import pytest

from generator import compute
from generator.check import check
from generator.compute.calendar import WorkingDays
from generator.words import Words

PLANS_DIR = Path(__file__).resolve().parent.parent / "plans"
AS_OF = date(2023, 8, 20)  # a Sunday: the last working day is Friday 18 August
ZH = Words("zh")
# A finding's metric is named by a goal id of its plan, or carries its unit in brackets.
METRIC_WITH_UNIT = re.compile(r".+[（(][^()（）]+[)）]")


@pytest.fixture(scope="module")
def report():
    return check([PLANS_DIR], words=ZH, plans_dir=PLANS_DIR)


@pytest.fixture(scope="module")
def in_force(report):
    metrics = [compute.plan_metrics(plan, AS_OF) for plan in report.plans]
    return compute.current_plans(metrics, AS_OF)


def active_tasks(in_force):
    """Started, not done, not cancelled: the tasks the help rule watches."""
    return [
        (m.plan, t)
        for m in in_force
        for t in m.tasks
        if t.status not in ("done", "cancelled", "not_started")
    ]


def test_every_example_plan_is_valid_without_warnings(report):
    assert report.diagnostics == ()
    assert len(report.plans) == len(report.files) >= 5
    assert "_template.md" not in {Path(f).name for f in report.files}


def test_examples_cover_two_regions_and_the_plans_in_force(report, in_force):
    assert len({p.team for p in report.plans}) == len(in_force) >= 4
    assert {m.plan.region for m in in_force} == {"华东区", "华南区"}
    assert all(m.plan.period.start <= AS_OF <= m.plan.period.end for m in in_force)


def test_the_loop_is_closed_by_a_carried_over_task(report, tmp_path):
    """Shanghai's Q2 review carries an unfinished task over to Q3, and Q3 has it: without it,
    carry-over-missing would speak."""
    plans = {p.id: p for p in report.plans}
    q3 = plans["east-shanghai-2023q3"]
    q2 = plans[q3.previous]
    carried = [
        t
        for t in q2.tasks
        if t.state != "cancelled"
        and t.checkins[-1].progress < 100
        and any(
            t.title in a.action and "顺延" in a.action for r in q2.reviews for a in r.next_actions
        )
    ]
    assert [t.id for t in carried] == ["t-revisit-sop"]
    assert "t-revisit-sop" in {t.id for t in q3.tasks}

    copy = tmp_path / "plans"
    shutil.copytree(PLANS_DIR, copy)
    q3_file = next(copy.rglob("east-shanghai-2023q3.md"))
    text = q3_file.read_text("utf-8")
    text = text.replace("id: t-revisit-sop", "id: t-sop").replace(
        "title: 建立客户回访SOP", "title: 回访SOP"
    )
    q3_file.write_text(text, "utf-8")
    rules = [d.rule for d in check([copy], words=ZH, plans_dir=copy).diagnostics]
    assert rules == ["carry-over-missing"]


def test_as_of_shows_every_goal_and_task_status(in_force):
    goal_statuses = {g.status for m in in_force for g in m.goals}
    assert goal_statuses == {"achieved", "on_track", "at_risk", "off_track"}
    task_statuses = {t.status for m in in_force for t in m.tasks}
    assert task_statuses == set(compute.TASK_STATUSES)


def test_a_few_tasks_need_help_not_most(in_force):
    active = active_tasks(in_force)
    helped = {(plan.id, t.task.id): t for plan, t in active if t.help_needed}
    assert set(helped) == {
        ("east-shanghai-2023q3", "t-invite"),
        ("south-guangzhou-2023q3", "t-lead-grading"),
        ("south-shenzhen-2023q3", "t-hiring"),
    }
    assert len(helped) <= 0.25 * len(active)
    assert all(t.days_behind >= 3 for t in helped.values())


def test_days_behind_are_working_days_of_the_cn_calendar(in_force):
    """t-invite missed its milestones on Wednesday 16 to Friday 18 August: three working days.
    Counted on every calendar day it would be five (the weekend up to Sunday 20)."""
    invite = next(t for m in in_force for t in m.tasks if t.task.id == "t-invite")
    assert (invite.days_behind, invite.behind_since) == (3, date(2023, 8, 16))
    assert invite.task.milestones  # the planned progress steps from milestone to milestone
    plan = next(m.plan for m in in_force if m.plan.id == "east-shanghai-2023q3")
    every_day = compute.task_metrics(invite.task, plan, AS_OF, WorkingDays("all"))
    assert every_day.days_behind == 5


def test_one_1to1_held_one_due_and_one_with_the_regions_head(in_force):
    helped = [(m.plan, t) for m in in_force for t in m.tasks if t.help_needed]
    held = [t for _, t in helped if t.help_given is not None]
    assert [t.task.id for t in held] == ["t-invite"]
    assert all(t.behind_since <= t.help_given.date <= AS_OF for t in held)
    due = [(plan, t) for plan, t in helped if t.help_given is None]
    assert len(due) >= 2
    assert any(plan.manager in t.task.owners for plan, t in due)  # the 1:1 is the region head's


def test_one_task_is_stale(in_force):
    stale = [(m.plan.id, t.task.id) for m in in_force for t in m.tasks if t.stale]
    assert stale == [("east-hangzhou-2023q3", "t-revisit-tiering")]


def test_tasks_follow_milestones_and_teams_rest_at_weekends(report):
    for plan in report.plans:
        for task in plan.tasks:
            if task.state != "cancelled":
                assert task.milestones, (plan.id, task.id)
            days = [c.date for c in task.checkins] + [h.date for h in task.help]
            assert all(chinese_calendar.is_workday(d) for d in days), (plan.id, task.id)


def test_next_actions_answer_findings_of_their_review(report):
    for plan in report.plans:
        goals = {g.id for g in plan.goals}
        for review in plan.reviews:
            findings = {f.id: f for f in review.findings}
            assert None not in findings, (plan.id, review.period)
            answered = [a.finding for a in review.next_actions if a.finding]
            assert set(answered) <= set(findings), (plan.id, review.period)
            assert answered, (plan.id, review.period)
            for finding in review.findings:
                for name, _ in finding.metrics:
                    assert name in goals or METRIC_WITH_UNIT.fullmatch(name), (plan.id, name)
    shanghai = next(p for p in report.plans if p.id == "east-shanghai-2023q3")
    july = shanghai.reviews[0]
    live = next(f for f in july.findings if "转化率仅15%" in f.text)
    answers = [a.action for a in july.next_actions if a.finding == live.id]
    assert any("1v1跟进" in a for a in answers)


def test_no_notes_for_developers_in_the_examples():
    for path in PLANS_DIR.rglob("*.md"):
        text = path.read_text("utf-8")
        for note in ("SPEC", "预期状态", "手算", "as-of"):
            assert note not in text, (path.name, note)


def test_the_template_is_a_valid_plan_under_its_own_id(tmp_path):
    template = PLANS_DIR / "_template.md"
    text = template.read_text("utf-8")
    plan_id = re.search(r"^id: ([a-z0-9-]+)", text, re.M).group(1)
    copy = tmp_path / f"{plan_id}.md"
    copy.write_text(text, "utf-8")
    result = check([copy], words=ZH, plans_dir=tmp_path)
    assert result.diagnostics == ()
    plan = result.plans[0]
    assert {s.module for s in plan.strategies} == {"product", "customer", "channel", "team"}
    assert all(t.milestones for t in plan.tasks)
    assert 150 <= len(text.splitlines()) <= 250
