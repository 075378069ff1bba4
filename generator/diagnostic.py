"""A diagnostic is a value: where a problem is, which rule it breaks, and what to do about it.

Load and check both make them; reporters print them.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]

# Characters a message must not carry raw into a terminal or a CI log: controls (a newline would
# start a line of its own, even a workflow command; ESC starts a colour), line and paragraph
# separators, and the marks that reorder text on screen.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` on one line with nothing hidden: a newline shows as \\n, ESC as \\u001b."""
    return _UNPRINTABLE.sub(lambda m: _NAMED.get(m[0], f"\\u{ord(m[0]):04x}"), text)


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
        return printable(
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
