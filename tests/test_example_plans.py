"""The example plans in plans/ are the product's shop window: they must be valid, warning-free,
and at the pinned as-of date (mkdocs.yml) show every goal status and the help mechanism."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator import compute
from generator.check import check
from generator.words import Words

PLANS_DIR = Path(__file__).resolve().parent.parent / "plans"
AS_OF = date(2023, 8, 20)


@pytest.fixture(scope="module")
def report():
    return check([PLANS_DIR], words=Words("zh"), plans_dir=PLANS_DIR)


def test_every_example_plan_is_valid_without_warnings(report):
    assert report.diagnostics == ()
    assert len(report.plans) == len(report.files) >= 5


def test_examples_cover_two_regions_and_a_closed_loop(report):
    q3 = [p for p in report.plans if p.period.start == date(2023, 7, 1)]
    assert len({p.team for p in q3}) >= 4
    assert {p.region for p in q3} == {"华东区", "华南区"}
    ids = {p.id for p in report.plans}
    assert any(p.previous in ids for p in report.plans)


def test_as_of_shows_every_status_and_help_needed(report):
    metrics = [compute.plan_metrics(plan, AS_OF) for plan in report.plans]
    current = [m for m in metrics if m.plan.period.start <= AS_OF <= m.plan.period.end]
    goal_statuses = {g.status for m in current for g in m.goals}
    assert goal_statuses == {"achieved", "on_track", "at_risk", "off_track"}
    task_statuses = {t.status for m in current for t in m.tasks}
    assert task_statuses == {
        "done", "on_track", "behind", "help_needed", "overdue", "blocked", "not_started",
        "cancelled",
    }  # fmt: skip
    help_needed = {
        (m.plan.id, t.task.id) for m in current for t in m.tasks if t.status == "help_needed"
    }
    assert ("east-shanghai-2023q3", "t-invite") in help_needed
    assert all(t.days_behind >= 3 for m in current for t in m.tasks if t.status == "help_needed")
    stale = [(m.plan.id, t.task.id) for m in current for t in m.tasks if t.stale]
    assert stale == [("east-hangzhou-2023q3", "t-revisit-tiering")]
