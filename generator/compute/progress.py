"""A task's planned progress (milestones or a straight line) against its actual progress, and
the behind streak in working days, counted stretch by stretch rather than day by day.

Between two events (the start, the end, a check-in, a milestone) actual progress is constant
and planned progress constant or rising, so whether a task is behind changes at most once in
such a stretch. The streak, and the burn-up of a plan, are counted stretch by stretch: a task
from 1900 seen from today costs what a task of a week costs.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from ..model import Checkin, Task
from .arithmetic import EPSILON, by_date, clamp
from .calendar import WorkingDays

Stretch = tuple[date, date, bool]  # first day, last day, behind on each of them


@dataclass(frozen=True)
class TaskDay:
    day: date
    planned: float
    actual: float
    behind: bool
    working: bool = True  # a working day of the plan's calendar: only these count


class PlannedPath:
    """planned(d) of one task: with milestones, the progress of the last milestone on or before
    d (0 before the first) and 100 from the end on; else 100·clamp((d − start + 1) / (end −
    start + 1), 0, 1)."""

    def __init__(self, task: Task) -> None:
        self.task = task
        milestones = by_date(task.milestones)
        self.dates = [m.date for m in milestones]
        self.reached = [float(m.progress) for m in milestones]
        self.length = (task.end - task.start).days + 1

    def at(self, day: date) -> float:
        if self.dates:
            if day >= self.task.end:
                return 100.0
            index = bisect_right(self.dates, day)
            return self.reached[index - 1] if index else 0.0
        return 100.0 * clamp(((day - self.task.start).days + 1) / self.length, 0.0, 1.0)


def planned_percent(task: Task, day: date) -> float:
    """planned(d) of `task` (see PlannedPath)."""
    return PlannedPath(task).at(day)


def behind_stretches(
    task: Task, checkins: Sequence[Checkin], tolerance: float, as_of: date
) -> Iterator[Stretch]:
    """The days from the start to the as-of date, in stretches of behind / not behind.

    `checkins` are sorted by date. Behind: actual < planned − tolerance (with the epsilon).
    """
    if as_of < task.start:
        return
    path = PlannedPath(task)
    events = {task.start, task.end, _next_day(task.end), *path.dates, *(c.date for c in checkins)}
    cuts = sorted(day for day in events if task.start <= day <= as_of)
    actual, seen = 0.0, 0
    for first, stop in zip(cuts, [*cuts[1:], _next_day(as_of)], strict=True):
        last = _day_before(stop)
        while seen < len(checkins) and checkins[seen].date <= first:
            actual = float(checkins[seen].progress)
            seen += 1

        def behind(day: date, actual: float = actual) -> bool:
            return actual < path.at(day) - tolerance - EPSILON

        if behind(first) == behind(last):  # planned never falls within a stretch
            yield first, last, behind(first)
            continue
        low, high = first, last  # behind(low) is false, behind(high) true: find the turn
        while (high - low).days > 1:
            middle = date.fromordinal((low.toordinal() + high.toordinal()) // 2)
            low, high = (low, middle) if behind(middle) else (middle, high)
        yield first, low, False
        yield high, last, True


@dataclass(frozen=True)
class HelpEpisode:
    """A stretch of the help mechanism: the day the rule fired, and the day the task caught up
    or was done (None while it still needs help)."""

    raised: date
    cleared: date | None = None


@dataclass(frozen=True)
class Streak:
    """The behind streak at the end of the stretches, and the help episodes on the way."""

    days: int  # working days behind in a row
    since: date | None  # the first of them
    episodes: tuple[HelpEpisode, ...]


def behind_streak(stretches: Iterator[Stretch], calendar: WorkingDays, threshold: int) -> Streak:
    """The streak in working days, and each time it reached `threshold` (the help rule) until
    the task caught up. A day off never adds to a streak; catching up on it still ends one."""
    count, since = 0, None
    episodes: list[HelpEpisode] = []
    for first, last, behind in stretches:
        if not behind:  # caught up on its first day, whether a working day or not
            if episodes and episodes[-1].cleared is None:
                episodes[-1] = HelpEpisode(episodes[-1].raised, first)
            count, since = 0, None
            continue
        working = calendar.between(first, last)
        if working and not count:
            since = calendar.first_working(first, last)
        open_episode = bool(episodes) and episodes[-1].cleared is None
        if not open_episode and count >= threshold:
            episodes.append(HelpEpisode(first))
        elif not open_episode and count + working >= threshold:
            episodes.append(HelpEpisode(calendar.nth_working(first, last, threshold - count)))
        count += working
    return Streak(count, since, tuple(episodes))


def task_days(
    task: Task, checkins: Sequence[Checkin], tolerance: float, as_of: date, calendar: WorkingDays
) -> tuple[TaskDay, ...]:
    """Each day from the start to min(as-of, end) with its planned and actual progress."""
    path = PlannedPath(task)
    days: list[TaskDay] = []
    actual, seen = 0.0, 0
    for ordinal in range(task.start.toordinal(), min(as_of, task.end).toordinal() + 1):
        day = date.fromordinal(ordinal)
        while seen < len(checkins) and checkins[seen].date <= day:
            actual = float(checkins[seen].progress)
            seen += 1
        planned = path.at(day)
        behind = actual < planned - tolerance - EPSILON
        days.append(TaskDay(day, planned, actual, behind, calendar.is_working(day)))
    return tuple(days)


class DailySums:
    """Per-day sums over many tasks of first..last, added a stretch at a time (difference
    arrays): each task costs its number of events, not the number of days."""

    def __init__(self, first: date, last: date) -> None:
        self.first = first
        self.length = max(0, (last - first).days + 1)
        self._level = [0.0] * (self.length + 1)
        self._slope = [0.0] * (self.length + 1)

    def add(self, first: date, last: date, value: float, slope: float = 0.0) -> None:
        """Add value + slope·(d − first) to each day d of first..last."""
        start, end = (first - self.first).days, (last - self.first).days
        low, high = max(start, 0), min(end, self.length - 1)
        if low > high:
            return
        # value + slope·(o − start) on day offset o: a level and a slope per offset
        level = value - slope * start
        self._level[low] += level
        self._level[high + 1] -= level
        self._slope[low] += slope
        self._slope[high + 1] -= slope

    def add_planned(self, task: Task) -> None:
        path = PlannedPath(task)
        if path.dates:
            for i, (day, reached) in enumerate(zip(path.dates, path.reached, strict=True)):
                until = path.dates[i + 1] if i + 1 < len(path.dates) else task.end
                self.add(day, min(_day_before(until), _day_before(task.end)), reached)
        else:
            self.add(task.start, task.end, 100.0 / path.length, 100.0 / path.length)
        self.add(task.end if path.dates else _next_day(task.end), date.max, 100.0)

    def add_actual(self, checkins: Sequence[Checkin]) -> None:
        """The progress of the last check-in on or before each day (`checkins` by date)."""
        for i, checkin in enumerate(checkins):
            later = checkins[i + 1].date if i + 1 < len(checkins) else None
            if later == checkin.date:
                continue  # a later check-in of the same day counts
            last = _day_before(later) if later is not None else date.max
            self.add(checkin.date, last, float(checkin.progress))

    def totals(self) -> list[float]:
        sums, level, slope = [], 0.0, 0.0
        for offset in range(self.length):
            level += self._level[offset]
            slope += self._slope[offset]
            sums.append(level + slope * offset)
        return sums


def _next_day(day: date) -> date:
    return date.fromordinal(day.toordinal() + 1)


def _day_before(day: date) -> date:
    return date.fromordinal(day.toordinal() - 1)
