"""PERIOD as people write it — `2023-Q4`, `2023-H2`, `2023-07`, `2023`, `2023-10-01..2023-12-31` —
turned into a plan's period: a name in the site's language, a first and a last day."""

from __future__ import annotations

import calendar
import re
from datetime import date

from ..model import Period
from ..words import Words

_QUARTER = re.compile(r"(\d{4})-?[Qq]([1-4])")
_HALF = re.compile(r"(\d{4})-?[Hh]([12])")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_YEAR = re.compile(r"(\d{4})")
_RANGE = re.compile(r"(\d{4}-\d{2}-\d{2})\s*(?:\.\.|至|~|/)\s*(\d{4}-\d{2}-\d{2})")


class PeriodError(ValueError):
    """A PERIOD that is none of the forms we read; the message shows them."""


def parse_period(text: str, words: Words) -> Period:
    """The period PERIOD names, e.g. `2023-Q4` → 2023年第四季度, 2023-10-01 – 2023-12-31."""
    value = text.strip()
    if match := _QUARTER.fullmatch(value):
        year, quarter = int(match[1]), int(match[2])
        first = 3 * quarter - 2
        name = words.say("period-quarter", year=year, n=words[f"period-n{quarter}"])
        return Period(name, date(year, first, 1), _month_end(year, first + 2))
    if match := _HALF.fullmatch(value):
        year, half = int(match[1]), int(match[2])
        first = 1 if half == 1 else 7
        name = words.say(f"period-half{half}", year=year)
        return Period(name, date(year, first, 1), _month_end(year, first + 5))
    if (match := _MONTH.fullmatch(value)) and 1 <= int(match[2]) <= 12:
        year, month = int(match[1]), int(match[2])
        name = words.say("period-month", year=year, month=words[f"period-month-{month}"])
        return Period(name, date(year, month, 1), _month_end(year, month))
    if match := _YEAR.fullmatch(value):
        year = int(match[1])
        return Period(words.say("period-year", year=year), date(year, 1, 1), date(year, 12, 31))
    if match := _RANGE.fullmatch(value):
        try:
            start, end = date.fromisoformat(match[1]), date.fromisoformat(match[2])
        except ValueError:
            raise PeriodError(words.say("period-unreadable", value=text)) from None
        if start > end:
            raise PeriodError(words.say("period-backwards", start=start, end=end))
        return Period(words.say("period-range", start=start, end=end), start, end)
    raise PeriodError(words.say("period-unreadable", value=text))


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def spread(day: date, old: Period, new: Period) -> date:
    """The day at the same place in `new` as `day` is in `old` (a template's dates in a new
    period): proportional, so order is kept and every date lands inside `new`."""
    old_days, new_days = (old.end - old.start).days, (new.end - new.start).days
    if old_days <= 0:
        return new.start
    offset = round((day - old.start).days * new_days / old_days)
    moved = date.fromordinal(new.start.toordinal() + offset)
    return clamp_day(moved, new.start, new.end)


def clamp_day(day: date, first: date, last: date) -> date:
    return min(max(day, first), last)
