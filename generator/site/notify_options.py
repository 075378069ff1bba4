"""The plugin's `notify` option: where `salesplan notify` sends the stand-up and whether it keeps
one GitHub issue per task that needs help. mkdocs.yml names environment variables only: a
webhook address is a password and never belongs in the repository.

    plugins:
      - salesplan:
          notify:
            issues: true          # same as `salesplan notify --issues`
            timeout: 10           # seconds to wait for each reply
            routes:               # more robots, each for one region or one team
              - region: 华东区
                wecom: SALESPLAN_WECOM_EAST
              - team: 深圳一组
                dingtalk: SALESPLAN_DINGTALK_SZ
                dingtalk_secret: SALESPLAN_DINGTALK_SZ_SECRET
"""

from __future__ import annotations

import re

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config, ValidationError

# A variable name as shells write it: the value is read from the environment at run time.
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
ROBOT_KEYS = ("wecom", "dingtalk", "feishu")
SECRET_KEYS = {"dingtalk_secret": "dingtalk", "feishu_secret": "feishu"}


class VariableName(opt.Type[str]):
    """The NAME of an environment variable, e.g. SALESPLAN_WECOM_EAST; never an address."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        if "://" in name or not _VARIABLE.match(name):
            raise ValidationError(
                "give the name of an environment variable (such as SALESPLAN_WECOM_EAST) that "
                "holds the address, never the address itself: mkdocs.yml is not a secret"
            )
        return name


class RouteConfig(Config):
    """One region or one team, and the robots of its group chat."""

    region = opt.Optional(opt.Type(str))
    team = opt.Optional(opt.Type(str))
    wecom = opt.Optional(VariableName())
    dingtalk = opt.Optional(VariableName())
    dingtalk_secret = opt.Optional(VariableName())
    feishu = opt.Optional(VariableName())
    feishu_secret = opt.Optional(VariableName())

    def validate(self):
        failed, warnings = super().validate()
        if failed:
            return failed, warnings
        if (self.region is None) == (self.team is None):
            failed.append(("region", "each route names either a region or a team (one of them)"))
        elif not any(self[key] for key in ROBOT_KEYS):
            failed.append(("wecom", "a route needs at least one robot: wecom, dingtalk or feishu"))
        for secret, robot in SECRET_KEYS.items():
            if self[secret] and not self[robot]:
                failed.append((secret, f"{secret} is set but {robot} is not"))
        return failed, warnings


class NotifyConfig(Config):
    """`notify:` of the plugin (all optional)."""

    issues = opt.Type(bool, default=False)  # one GitHub issue per task that needs help
    timeout = opt.Type((int, float), default=10)  # seconds to wait for each reply
    routes = opt.ListOfItems(opt.SubConfig(RouteConfig), default=[])

    def validate(self):
        failed, warnings = super().validate()
        if not failed and not 0 < self.timeout <= 300:
            failed.append(("timeout", "give the seconds to wait for a reply, between 0 and 300"))
        return failed, warnings
