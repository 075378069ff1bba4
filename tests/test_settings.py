"""The as-of date and the time zone: resolved once, from the command line, the plugin's
options, SOURCE_DATE_EPOCH or the clock, and handed on as values."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from generator.settings import SettingError, resolve_as_of, time_zone
from generator.words import Words

EN = Words("en")
NOW = datetime(2023, 8, 20, 22, 17, tzinfo=UTC)  # the daily publish, in UTC


def as_of(explicit=None, option=None, epoch=None, timezone=None, now=NOW, words=EN):
    return resolve_as_of(explicit, option, epoch=epoch, timezone=timezone, now=now, words=words)


def test_the_command_line_comes_first_then_the_option():
    epoch = "1692489600"
    assert as_of("2023-08-15", "2023-08-01", epoch) == date(2023, 8, 15)
    assert as_of(date(2023, 8, 1), None, epoch) == date(2023, 8, 1)
    assert as_of(datetime(2023, 8, 2, 23, 0), None, epoch) == date(2023, 8, 2)
    assert as_of(None, "2023-08-01", epoch) == date(2023, 8, 1)
    assert as_of("  ", date(2023, 8, 3), epoch) == date(2023, 8, 3)  # blank: not given


def test_source_date_epoch_is_a_date_in_utc():
    assert as_of(epoch="1692489600") == date(2023, 8, 20)
    # 23:59:59 UTC is still the 20th, whatever the machine's time zone.
    assert as_of("  ", epoch="1692575999", timezone="Asia/Shanghai") == date(2023, 8, 20)


def test_today_is_today_in_the_sites_time_zone():
    # 22:17 UTC is already the next morning in Beijing.
    assert as_of(timezone="Asia/Shanghai") == date(2023, 8, 21)
    assert as_of(timezone="UTC") == date(2023, 8, 20)
    assert as_of(epoch="", timezone="America/Los_Angeles") == date(2023, 8, 20)
    assert as_of() == NOW.astimezone().date()  # no zone set: this machine's


@pytest.mark.parametrize("text", ["2023-13-01", "20230815", "15/08/2023", "2023-8-1", "soon"])
def test_a_malformed_date_is_named_with_its_setting(text):
    with pytest.raises(SettingError, match="YYYY-MM-DD") as error:
        as_of(text)
    assert "--as-of" in str(error.value)
    with pytest.raises(SettingError, match="as_of"):
        as_of(None, text)


def test_a_malformed_epoch_or_zone_is_named():
    with pytest.raises(SettingError, match="SOURCE_DATE_EPOCH"):
        as_of(epoch="yesterday")
    with pytest.raises(SettingError, match="Asia/Beijing"):
        time_zone("Asia/Beijing", EN)


def test_messages_follow_the_language():
    with pytest.raises(SettingError, match="请写成 YYYY-MM-DD"):
        as_of("soon", words=Words("zh"))
