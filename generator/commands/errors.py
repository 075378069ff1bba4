"""The one error a command raises: what went wrong, for the person who ran it."""

from __future__ import annotations

from ..check import CheckResult


class CommandError(Exception):
    """A command could not do its job. `usage`: the command was called wrongly (exit 2);
    `result`: the plans have errors, to be reported as `salesplan validate` reports them."""

    def __init__(
        self, message: str = "", *, usage: bool = False, result: CheckResult | None = None
    ) -> None:
        super().__init__(message)
        self.usage = usage
        self.result = result
