"""A plan file as read: its data, body, the position of every value and key, its problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..diagnostic import Diagnostic

Position = tuple[int, int]  # 1-based line and column in the file


@dataclass
class LoadedFile:
    """A plan file as read: its data (None when unreadable), body and source positions."""

    file: str
    data: Any = None
    body: str = ""
    body_line: int = 1
    positions: dict[str, Position] = field(default_factory=dict)
    key_positions: dict[str, Position] = field(default_factory=dict)
    # Where each value ends (just after its last character); a block list or group ends
    # where its last value does, so the comments after it are not part of it.
    ends: dict[str, Position] = field(default_factory=dict)
    flow: set[str] = field(default_factory=set)  # pointers of the [..] and {..} collections
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # how YAML yes/no values were written (pointer → `no`), so a message can quote the word
    spelled: dict[str, str] = field(default_factory=dict)

    def locate(self, pointer: str, *, key: bool = False) -> Position:
        """Where the value at `pointer` starts (or its key, with key=True).

        A pointer that does not exist (a missing field) falls back to its nearest parent.
        """
        while True:
            found = (self.key_positions if key else self.positions).get(pointer)
            if found is None and key:
                found = self.positions.get(pointer)
            if found is not None:
                return found
            if not pointer:
                return (1, 1)
            pointer = pointer.rpartition("/")[0]

    def error(self, rule: str, message: str, position: Position, pointer: str = "") -> None:
        line, column = position
        self.diagnostics.append(
            Diagnostic(self.file, line, column, "error", rule, pointer, message)
        )


def escape_pointer(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")
