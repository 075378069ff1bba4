"""The plugin's `access` option: per-region passwords for a site published where anyone could
read it. mkdocs.yml names environment variables only (in capitals): a password never belongs in
the repository; the build reads them (access.py) and fails when one is missing.

    plugins:
      - salesplan:
          access:
            head_office: SALESPLAN_ACCESS_HEAD_OFFICE   # opens every page
            regions:                                    # each opens its region's pages
              华东区: SALESPLAN_ACCESS_EAST
              华南区: SALESPLAN_ACCESS_SOUTH

Without `head_office` nothing is protected and the site is built as it always was.
"""

from __future__ import annotations

import re

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config, ValidationError

# Capitals, as shells and CI secrets name variables: a password is seldom written so.
_VARIABLE = re.compile(r"^[A-Z_][A-Z0-9_]*$")
_NOT_A_PASSWORD = (
    "give the NAME of an environment variable in capitals (such as SALESPLAN_ACCESS_EAST) "
    "that holds the password, never the password itself: mkdocs.yml is not a secret"
)


class PasswordVariable(opt.Type[str]):
    """The NAME of the environment variable holding a password, e.g. SALESPLAN_ACCESS_EAST."""

    def __init__(self) -> None:
        super().__init__(str)

    def run_validation(self, value: object) -> str:
        name = super().run_validation(value)
        if not _VARIABLE.match(name):
            raise ValidationError(_NOT_A_PASSWORD)
        return name


class AccessConfig(Config):
    """`access:` of the plugin (all optional)."""

    head_office = opt.Optional(PasswordVariable())  # its password opens every page
    regions = opt.Type(dict, default={})  # region name (as plans write it) → variable name

    def validate(self):
        failed, warnings = super().validate()
        if failed:
            return failed, warnings
        for region, variable in self.regions.items():
            if not isinstance(region, str) or not region.strip():
                failed.append(("regions", f"{region!r}: name a region as the plans write it"))
            elif not isinstance(variable, str) or not _VARIABLE.match(variable):
                failed.append(("regions", f"{region}: {_NOT_A_PASSWORD}"))
        if self.regions and not self.head_office:
            failed.append(
                ("head_office", "per-region passwords need the head office's: name its variable")
            )
        return failed, warnings
