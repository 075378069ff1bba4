"""The plugin's own kinds of option: `nav_teams` (true, false or auto) and `timezone`."""

from __future__ import annotations

from mkdocs.config import config_options as opt
from mkdocs.config.base import ValidationError

from ..settings import SettingError, time_zone
from ..words import Words


class NavTeams(opt.BaseConfigOption[bool | str]):
    """`nav_teams`: true, false or auto (teams in the nav up to nav.NAV_TEAMS_LIMIT plans)."""

    def __init__(self) -> None:
        super().__init__()
        self.default = "auto"

    def run_validation(self, value: object) -> bool | str:
        if isinstance(value, bool) or value == "auto":
            return value
        raise ValidationError(f"expected true, false or auto, not {value!r}")


class TimeZone(opt.Type[str]):
    """`timezone`: an IANA name such as Asia/Shanghai, checked when the config is loaded."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        try:
            time_zone(name, Words("en"))
        except SettingError as error:
            raise ValidationError(str(error)) from None
        return name
