"""Which days count when a task's days behind are counted (SPEC §4 working days).

`cn` is mainland China's working calendar (official holidays and make-up working days, from the
maintained `chinese-calendar` package); a year it does not cover falls back to Monday–Friday,
and the years that did are reported once. `weekdays` is Monday–Friday; `all` is every day.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date
from typing import get_args

import chinese_calendar

from ..model import CalendarName

CALENDARS: tuple[str, ...] = get_args(CalendarName)
DEFAULT_CALENDAR: CalendarName = "cn"

# The `cn` calendar as counts: the years it covers, its weekdays off (holidays) and its
# weekend working days (make-up days), each sorted, so a range is counted with two bisections.
_CN_YEARS = (min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year)
_CN_FIRST, _CN_LAST = date(_CN_YEARS[0], 1, 1), date(_CN_YEARS[1], 12, 31)
_CN_BEFORE, _CN_AFTER = date(_CN_YEARS[0] - 1, 12, 31), date(_CN_YEARS[1] + 1, 1, 1)
_CN_DAYS_OFF = sorted(
    d for d in chinese_calendar.holidays if d.weekday() < 5 and d not in chinese_calendar.workdays
)
_CN_MAKE_UP = sorted(d for d in chinese_calendar.workdays if d.weekday() >= 5)


class WorkingDays:
    """One calendar's working days, each day looked up once (the lookup is slow)."""

    def __init__(self, name: CalendarName = DEFAULT_CALENDAR) -> None:
        if name not in CALENDARS:
            raise ValueError(f"unknown calendar {name!r}")
        self.name = name
        self._known: dict[date, bool] = {}
        self.uncovered_years: set[int] = set()  # cn: years that fell back to Monday–Friday

    def is_working(self, day: date) -> bool:
        known = self._known.get(day)
        if known is None:
            known = self._known[day] = self._look_up(day)
        return known

    def _look_up(self, day: date) -> bool:
        if self.name == "all":
            return True
        if self.name == "cn":
            try:
                return chinese_calendar.is_workday(day)
            except NotImplementedError:
                self.uncovered_years.add(day.year)
        return day.weekday() < 5

    def between(self, first: date, last: date) -> int:
        """How many working days lie in first..last, both included (0 when last < first).

        Counted, not walked: Mondays to Fridays by arithmetic, then the `cn` calendar's days
        off and make-up days by two bisections; a task of 1900 seen from 2199 costs nothing
        more. A year `cn` does not know counts as Monday–Friday and is reported.
        """
        if last < first:
            return 0
        if self.name == "all":
            return (last - first).days + 1
        count = _weekdays(first, last)
        if self.name == "weekdays":
            return count
        if first < _CN_FIRST or last > _CN_LAST:
            for low, high in ((first, min(last, _CN_BEFORE)), (max(first, _CN_AFTER), last)):
                if low <= high:
                    self.uncovered_years.update(range(low.year, high.year + 1))
        low, high = max(first, _CN_FIRST), min(last, _CN_LAST)
        if low <= high:
            count += _in(_CN_MAKE_UP, low, high) - _in(_CN_DAYS_OFF, low, high)
        return count

    def first_working(self, first: date, last: date) -> date | None:
        """The first working day in first..last, or None."""
        return self.nth_working(first, last, 1)

    def nth_working(self, first: date, last: date, n: int) -> date | None:
        """The n-th working day in first..last (n ≥ 1), or None; walks at most to it."""
        day, seen = first, 0
        while day <= last:
            seen += self.is_working(day)
            if seen >= n:
                return day
            day = date.fromordinal(day.toordinal() + 1)
        return None


class Calendars:
    """The calendars of one computation: the site's, and any a plan names in `alert.calendar`."""

    def __init__(self, default: CalendarName = DEFAULT_CALENDAR) -> None:
        self.default = default
        self._by_name: dict[str, WorkingDays] = {}

    def get(self, name: CalendarName | None = None) -> WorkingDays:
        chosen = name or self.default
        if chosen not in self._by_name:
            self._by_name[chosen] = WorkingDays(chosen)
        return self._by_name[chosen]

    def uncovered_years(self) -> tuple[int, ...]:
        """Years the `cn` calendar did not know, counted as Monday–Friday instead."""
        return tuple(sorted(set().union(*(c.uncovered_years for c in self._by_name.values()))))


# Mondays to Fridays among the first n days of a week starting on weekday w: [w][n]
_WEEKDAYS_IN = [[sum((w + i) % 7 < 5 for i in range(n)) for n in range(7)] for w in range(7)]


def _weekdays(first: date, last: date) -> int:
    """How many Mondays to Fridays lie in first..last, both included."""
    weeks, rest = divmod((last - first).days + 1, 7)
    return weeks * 5 + _WEEKDAYS_IN[first.weekday()][rest]


def _in(days: list[date], first: date, last: date) -> int:
    """How many of the sorted `days` lie in first..last."""
    return bisect_right(days, last) - bisect_left(days, first)
