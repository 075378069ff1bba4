"""Task progress counted stretch by stretch gives exactly what a walk day by day gives: the
streak, the day it began, the help episodes, the burn-up and the working days counted.

The walk below is the reference (SPEC §4 read literally, one day at a time); the code counts
between events instead, so that a task of 1900 seen from 2199 costs no more than a week's.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.compute import plan_metrics
from generator.compute.arithmetic import EPSILON, by_date
from generator.compute.calendar import WorkingDays
from generator.compute.progress import HelpEpisode, planned_percent
from generator.compute.tasks import task_metrics
from generator.model import build_plan

START = date(2023, 1, 1)
CALENDARS = {name: WorkingDays(name) for name in ("cn", "weekdays", "all")}


def _reference(task, tolerance, as_of, calendar, threshold):
    """(streak, since, episodes), one day at a time."""
    checkins = by_date(task.checkins)
    streak, since, episodes = 0, None, []
    actual, seen = 0.0, 0
    day = task.start
    while day <= as_of:
        while seen < len(checkins) and checkins[seen].date <= day:
            actual = float(checkins[seen].progress)
            seen += 1
        behind = actual < planned_percent(task, day) - tolerance - EPSILON
        if calendar.is_working(day):
            since = (since if streak else day) if behind else None
            streak = streak + 1 if behind else 0
        elif not behind:
            since, streak = None, 0
        needs_help = streak >= threshold and actual < 100 - EPSILON
        if needs_help and not (episodes and episodes[-1].cleared is None):
            episodes.append(HelpEpisode(day))
        elif not needs_help and episodes and episodes[-1].cleared is None:
            episodes[-1] = HelpEpisode(episodes[-1].raised, day)
        day += timedelta(days=1)
    return streak, since, tuple(episodes)


def _plan(tasks, behind_days=3, tolerance=0, calendar="cn"):
    return build_plan(
        {
            "schema": 1,
            "id": "p",
            "team": "t",
            "manager": "a",
            "period": {"name": "P", "start": "2023-01-01", "end": "2024-12-31"},
            "members": [{"id": "a", "name": "A"}],
            "goals": [{"id": "g", "dimension": "revenue", "metric": "m", "target": 1}],
            "tasks": tasks,
            "alert": {"behind_days": behind_days, "tolerance": tolerance, "calendar": calendar},
        }
    )


_offsets = st.integers(min_value=0, max_value=120)
_progress = st.sampled_from([0, 10, 35, 50, 80, 99, 100])


@st.composite
def _tasks(draw):
    start = START + timedelta(days=draw(st.integers(0, 200)))
    end = start + timedelta(days=draw(st.integers(0, 90)))
    checkins, day = [], start
    for _ in range(draw(st.integers(0, 6))):
        day += timedelta(days=draw(st.integers(0, 40)))
        checkins.append({"date": day.isoformat(), "progress": draw(_progress)})
    task = {
        "id": "t",
        "title": "T",
        "owner": "a",
        "start": start.isoformat(),
        "end": end.isoformat(),
        "checkins": checkins,
    }
    milestones = draw(st.lists(st.tuples(_offsets, _progress), max_size=3))
    if milestones:
        task["milestones"] = [
            {"date": (start + timedelta(days=o)).isoformat(), "progress": p}
            for o, p in sorted(milestones)
        ]
    return task


@settings(max_examples=150, deadline=None)
@given(
    task=_tasks(),
    as_of_offset=st.integers(-10, 500),
    behind_days=st.integers(1, 5),
    tolerance=st.sampled_from([0, 5]),
    calendar=st.sampled_from(sorted(CALENDARS)),
)
def test_stretches_give_what_a_day_by_day_walk_gives(
    task, as_of_offset, behind_days, tolerance, calendar
) -> None:
    plan = _plan([task], behind_days, tolerance, calendar)
    (typed,) = plan.tasks
    as_of = typed.start + timedelta(days=as_of_offset)
    found = task_metrics(typed, plan, as_of, CALENDARS[calendar])
    streak, since, episodes = _reference(
        typed, tolerance, as_of, CALENDARS[calendar], max(1, behind_days)
    )
    active = found.status not in ("done", "cancelled", "not_started")
    assert found.days_behind == (streak if active else 0)
    assert found.behind_since == (since if found.days_behind else None)
    assert found.help_episodes == episodes
    assert [d.day for d in found.days] == [
        typed.start + timedelta(days=i)
        for i in range((min(as_of, typed.end) - typed.start).days + 1)
    ]


@settings(max_examples=60, deadline=None)
@given(tasks=st.lists(_tasks(), min_size=1, max_size=5), as_of_offset=st.integers(0, 400))
def test_the_burn_up_is_the_daily_average_of_planned_and_actual(tasks, as_of_offset) -> None:
    for i, task in enumerate(tasks):
        task["id"] = f"t{i}"
    plan = _plan(tasks)
    as_of = START + timedelta(days=as_of_offset)
    points = plan_metrics(plan, as_of).burnup
    assert [p.day for p in points] == [START + timedelta(days=i) for i in range(as_of_offset + 1)]
    for point in points[:: max(1, len(points) // 25)]:
        planned = [planned_percent(t, point.day) for t in plan.tasks]
        actual = [
            float(([c.progress for c in by_date(t.checkins) if c.date <= point.day] or [0])[-1])
            for t in plan.tasks
        ]
        assert abs(point.planned - sum(planned) / len(planned)) < 1e-9
        assert abs(point.actual - sum(actual) / len(actual)) < 1e-9


@settings(max_examples=200, deadline=None)
@given(
    first=st.dates(date(1990, 1, 1), date(2040, 12, 31)),
    length=st.integers(-3, 900),
    name=st.sampled_from(sorted(CALENDARS)),
)
def test_working_days_are_counted_as_they_would_be_walked(first, length, name) -> None:
    calendar = WorkingDays(name)
    last = first + timedelta(days=length)
    walked = sum(calendar.is_working(first + timedelta(days=i)) for i in range(length + 1))
    assert WorkingDays(name).between(first, last) == walked


def test_a_task_of_1900_seen_from_2199_is_counted_not_walked() -> None:
    plan = build_plan(
        {
            "schema": 1,
            "id": "p",
            "team": "t",
            "manager": "a",
            "period": {"name": "P", "start": "1900-01-01", "end": "1901-12-31"},
            "members": [{"id": "a", "name": "A"}],
            "goals": [{"id": "g", "dimension": "revenue", "metric": "m", "target": 1}],
            "tasks": [
                {
                    "id": f"t{i}",
                    "title": "T",
                    "owner": "a",
                    "start": "1900-01-01",
                    "end": "1901-12-31",
                    "checkins": [{"date": "1900-02-01", "progress": 5}],
                }
                for i in range(200)
            ],
        }
    )
    calendar = WorkingDays("weekdays")
    looked_up = 0
    original = calendar.is_working

    def counting(day: date) -> bool:
        nonlocal looked_up
        looked_up += 1
        return original(day)

    calendar.is_working = counting  # type: ignore[method-assign]
    for task in plan.tasks:
        metrics = task_metrics(task, plan, date(2199, 12, 31), calendar)
        assert metrics.status == "overdue" and metrics.help_needed
    since = metrics.behind_since
    assert since is not None and date(1900, 2, 1) < since < date(1900, 3, 1)
    assert metrics.days_behind == WorkingDays("weekdays").between(since, date(2199, 12, 31))
    assert looked_up < 200 * 50  # a few days per task, not 109,000
