"""Which days count when a task's days behind are counted (SPEC §4 working days).

`cn` is mainland China's working calendar (official holidays and make-up working days, from the
maintained `chinese-calendar` package); a year it does not cover falls back to Monday–Friday,
and the years that did are reported once. `weekdays` is Monday–Friday; `all` is every day.
"""

from __future__ import annotations

from datetime import date
from typing import get_args

import chinese_calendar

from ..model import CalendarName

CALENDARS: tuple[str, ...] = get_args(CalendarName)
DEFAULT_CALENDAR: CalendarName = "cn"


class WorkingDays:
    """One calendar's working days, each day looked up once (the lookup is slow)."""

    def __init__(self, name: CalendarName = DEFAULT_CALENDAR) -> None:
        if name not in CALENDARS:
            raise ValueError(f"unknown calendar {name!r}")
        self.name = name
        self._known: dict[date, bool] = {}
        self.uncovered_years: set[int] = set()  # cn: years that fell back to Monday–Friday
        self._base = 0  # the first day of the running counts (an ordinal)
        self._before: list[int] = []  # [i]: working days from _base to _base + i, excluded

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

        From running counts kept per day, so a long quiet stretch costs no more than a short one.
        """
        if last < first:
            return 0
        low, high = first.toordinal(), last.toordinal() + 1
        self._cover(low, high)
        return self._before[high - self._base] - self._before[low - self._base]

    def _cover(self, low: int, high: int) -> None:
        """Make the running counts reach from the day `low` to the day `high` (ordinals)."""
        if low < self._base or not self._before:
            # start (again) from the earliest day asked for: a day never asked for is never
            # looked up (a year the cn calendar does not know would be reported)
            self._base, self._before = low, [0]
        while len(self._before) <= high - self._base:
            day = date.fromordinal(self._base + len(self._before) - 1)
            self._before.append(self._before[-1] + self.is_working(day))


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
