"""The outcome of checking plan files: the typed plans that passed and every diagnostic."""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostic import Diagnostic
from ..model import Plan


@dataclass(frozen=True)
class CheckResult:
    """What `check` found in the files it was given."""

    files: tuple[str, ...]  # the files checked, as given
    plans: tuple[Plan, ...]  # typed plans of the files without errors, sorted by path
    diagnostics: tuple[Diagnostic, ...]  # sorted by file, line, column
    language: str = "en"  # of the messages

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    @property
    def errors(self) -> int:
        return sum(d.severity == "error" for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity == "warning" for d in self.diagnostics)

    @property
    def files_with_problems(self) -> int:
        return len({d.file for d in self.diagnostics})

    @property
    def invalid_files(self) -> tuple[str, ...]:
        """The files with at least one error, in the order of `files`."""
        bad = {d.file for d in self.diagnostics if d.severity == "error"}
        return tuple(f for f in self.files if f in bad)
