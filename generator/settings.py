"""The settings every stage is handed as values: the as-of date and the site's time zone.

Resolved once at the edge (the command line, or the MkDocs plugin from its declared options);
nothing below reads the environment or the clock.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .words import Words

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# The years a plan's dates may lie in (its schema says the same): an as-of date far outside
# them means nothing, and the day after 9999-12-31 does not exist.
YEARS = (1900, 2199)


class SettingError(ValueError):
    """A setting with a value that cannot be used; the message says which and how to fix it."""


def parse_date(text: str | date, setting: str, words: Words) -> date:
    """A YYYY-MM-DD date given for `setting` (e.g. `--as-of`), in the years plans use;
    SettingError when it is not one."""
    if isinstance(text, datetime):
        return _in_years(text.date(), setting, words)
    if isinstance(text, date):
        return _in_years(text, setting, words)
    value = text.strip()
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise SettingError(words.say("setting-not-a-date", setting=setting, value=text)) from None
    return _in_years(day, setting, words)


def _in_years(day: date, setting: str, words: Words) -> date:
    if not YEARS[0] <= day.year <= YEARS[1]:
        first, last = YEARS
        message = words.say("setting-years", setting=setting, value=day, first=first, last=last)
        raise SettingError(message)
    return day


def time_zone(name: str | None, words: Words) -> tzinfo | None:
    """The IANA time zone `name` (e.g. Asia/Shanghai); None when no zone is set."""
    if name is None or not str(name).strip():
        return None
    try:
        return ZoneInfo(str(name).strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingError(words.say("setting-not-a-zone", value=name)) from None


def today(zone: tzinfo | None, now: datetime) -> date:
    """The date of the instant `now` (aware) in the time zone, or on this machine without one."""
    return now.astimezone(zone).date() if zone is not None else now.astimezone().date()


def resolve_as_of(
    explicit: str | date | None = None,
    option: str | date | None = None,
    *,
    epoch: str | None,
    timezone: str | None,
    now: datetime,
    words: Words,
) -> date:
    """The as-of date A (SPEC §4): the command line's, else the plugin option's, else
    SOURCE_DATE_EPOCH (a UTC timestamp), else the day of `now` in the site's time zone.

    Blank values count as not given. Raises SettingError naming the setting that is wrong.
    """
    for setting, value in (("--as-of", explicit), ("as_of", option)):
        if isinstance(value, date) or (value is not None and value.strip()):
            return parse_date(value, setting, words)
    if epoch is not None and epoch.strip():
        try:
            day = datetime.fromtimestamp(int(epoch.strip()), tz=UTC).date()
        except (ValueError, OverflowError, OSError):
            raise SettingError(words.say("setting-bad-epoch", value=epoch)) from None
        return _in_years(day, "SOURCE_DATE_EPOCH", words)
    return today(time_zone(timezone, words), now)
