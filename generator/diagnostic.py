"""A diagnostic is a value: where a problem is, which rule it breaks, and what to do about it.

Load and check both make them; reporters print them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one file, with a 1-based line and column in the file itself."""

    file: str
    line: int
    column: int
    severity: Severity
    rule: str
    pointer: str  # RFC 6901 JSON Pointer into the frontmatter data; "" is the whole plan
    message: str

    def __str__(self) -> str:
        where = f"{self.pointer}: " if self.pointer else ""
        return (
            f"{self.file}:{self.line}:{self.column}: {self.severity} [{self.rule}] "
            f"{where}{self.message}"
        )

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.rule, self.message)


def as_error(diagnostic: Diagnostic) -> Diagnostic:
    """The same diagnostic as an error (for `--strict`)."""
    return Diagnostic(**{**diagnostic.as_dict(), "severity": "error"})
