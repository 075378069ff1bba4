"""One entry added to (or replacing one of) a list of a plan file, in place.

Every other byte stays as it was: comments, order, quoting, flow or block style, line endings
and the byte-order mark. The loader's positions say where the list and its entries are; the new
entry takes the list's own indentation and style (`- date: …` lines, `- {date: …}` lines, or
an item of a `[…]` list). Whoever calls this reads the result back and compares it with the data
it meant to write (see record.py): a file laid out in a way this does not foresee is refused,
never damaged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..load import LoadedFile
from .yaml_text import flow, key_text

BOM = "\ufeff"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)?")
DEFAULT_STEP = 2  # spaces between a key and the dashes of its list, when the file shows none


@dataclass
class Source:
    """A plan file as text: its lines with their own endings, and whether it starts with a BOM."""

    text: str  # without the BOM
    bom: bool = False

    @classmethod
    def of(cls, raw: bytes) -> Source:
        text = raw.decode("utf-8")
        return cls(text[1:], True) if text.startswith(BOM) else cls(text)

    def encoded(self) -> bytes:
        return ((BOM if self.bom else "") + self.text).encode("utf-8")

    @property
    def lines(self) -> list[str]:
        """Each line with its ending (\\r\\n, \\r or \\n), as the loader counts them."""
        return [m for m in _LINE.findall(self.text) if m]

    @property
    def newline(self) -> str:
        """The file's line ending (that of its first line)."""
        match = re.search(r"\r\n|\r|\n", self.text)
        return match.group() if match else "\n"

    def offset(self, line: int, column: int) -> int:
        """The index in `text` of a 1-based (line, column) position."""
        lines = self.lines
        return sum(len(text) for text in lines[: line - 1]) + column - 1

    def line_start(self, line: int) -> int:
        return self.offset(line, 1)

    def line_after(self, line: int) -> int:
        """The index just past the end of `line`, its line ending included."""
        return self.line_start(line + 1) if line < len(self.lines) else len(self.text)


class SpliceError(ValueError):
    """The list is laid out in a way that cannot be added to safely."""


def add_entry(
    source: Source,
    loaded: LoadedFile,
    list_pointer: str,
    entry: Mapping[str, Any],
    index: int,
    *,
    replace: bool = False,
) -> Source:
    """The file with `entry` at `index` of the list at `list_pointer` (replacing the entry
    there with `replace`); the list's key is added to its group when it has none."""
    if list_pointer in loaded.positions:
        if list_pointer in loaded.flow:
            edit = _in_flow_list(source, loaded, list_pointer, entry, index, replace)
        else:
            edit = _in_block_list(source, loaded, list_pointer, entry, index, replace)
    else:
        parent, _, key = list_pointer.rpartition("/")
        edit = _new_key(source, loaded, parent, key, entry)
    start, end, text = edit
    return Source(source.text[:start] + text + source.text[end:], source.bom)


Edit = tuple[int, int, str]  # replace text[start:end] with the string


def _items(loaded: LoadedFile, list_pointer: str) -> list[str]:
    count = 0
    while f"{list_pointer}/{count}" in loaded.positions:
        count += 1
    return [f"{list_pointer}/{i}" for i in range(count)]


def _in_flow_list(source, loaded, list_pointer, entry, index, replace) -> Edit:
    items = _items(loaded, list_pointer)
    text = flow(entry)
    if replace:
        return (
            _at(source, loaded.positions[items[index]]),
            _at(source, loaded.ends[items[index]]),
            text,
        )
    if index < len(items):
        at = _at(source, loaded.positions[items[index]])
        return (at, at, text + ", ")
    if items:
        at = _at(source, loaded.ends[items[-1]])
        return (at, at, ", " + text)
    at = _at(source, loaded.positions[list_pointer])
    if source.text[at : at + 1] != "[":
        raise SpliceError(list_pointer)
    return (at + 1, at + 1, text)


def _in_block_list(source, loaded, list_pointer, entry, index, replace) -> Edit:
    items = _items(loaded, list_pointer)
    if not items:
        raise SpliceError(list_pointer)
    dash_line, dash_column = _dash(source, loaded.positions[items[0]])
    first_line, first_column = loaded.positions[items[0]]
    content = first_column - 1 if first_line == dash_line else dash_column + DEFAULT_STEP
    one_line = items[0] in loaded.flow  # entries written `- {date: …, progress: …}`
    lines = _entry_lines(entry, dash_column, content, one_line, source.newline)
    if replace:
        start = source.line_start(_dash(source, loaded.positions[items[index]])[0])
        return (start, source.line_after(_last_line(loaded.ends[items[index]])), lines)
    if index < len(items):
        line = _above_comments(source, _dash(source, loaded.positions[items[index]])[0])
        start = source.line_start(line)
        return (start, start, lines)
    after = source.line_after(_last_line(loaded.ends[items[-1]]))
    return (after, after, lines)


def _new_key(source, loaded, parent: str, key: str, entry) -> Edit:
    if parent in loaded.flow:
        close = _at(source, loaded.ends[parent]) - 1
        if source.text[close : close + 1] != "}":
            raise SpliceError(parent)
        return (close, close, f", {key_text(key)}: [{flow(entry)}]")
    if parent not in loaded.positions or parent not in loaded.ends:
        raise SpliceError(parent)
    column = loaded.positions[parent][1] - 1  # the column of the group's keys
    step = _list_step(source, loaded, f"{parent}/{key}", column)
    newline = source.newline
    head = " " * column + f"{key_text(key)}:{newline}"
    body = _entry_lines(entry, column + step, column + step + 2, False, newline)
    after = source.line_after(_last_line(loaded.ends[parent]))
    return (after, after, head + body)


def _entry_lines(entry, dash: int, content: int, one_line: bool, newline: str) -> str:
    if one_line:
        return " " * dash + "- " + flow(entry) + newline
    lines = []
    for n, (key, value) in enumerate(entry.items()):
        lead = " " * dash + "- " + " " * (content - dash - 2) if n == 0 else " " * content
        lines.append(f"{lead}{key_text(key)}: {flow(value)}{newline}")
    return "".join(lines)


def _at(source: Source, position: tuple[int, int]) -> int:
    return source.offset(*position)


def _last_line(end: tuple[int, int]) -> int:
    """The last line a value is written on (a block scalar ends at the start of the next)."""
    line, column = end
    return line if column > 1 else line - 1


def _dash(source: Source, start: tuple[int, int]) -> tuple[int, int]:
    """(line, 0-based column) of the `-` before the entry that starts at `start`."""
    at = _at(source, start) - 1
    while at >= 0 and source.text[at] in " \t\r\n":
        at -= 1
    if at < 0 or source.text[at] != "-":
        raise SpliceError(str(start))
    line = (
        source.text.count("\n", 0, at)
        + source.text.count("\r", 0, at)
        - source.text.count("\r\n", 0, at)
    )
    column = at - source.line_start(line + 1)
    return line + 1, column


def _above_comments(source: Source, line: int) -> int:
    """The first of the comment lines right above `line` (they belong to the entry there)."""
    lines = source.lines
    while line > 1 and lines[line - 2].lstrip().startswith("#"):
        line -= 1
    return line


def _list_step(source: Source, loaded: LoadedFile, pointer: str, column: int) -> int:
    """How far this file indents a list's dashes under its key (`members:` then `  - id:`):
    as the same list does in the other entries (the other tasks' check-ins), else as the
    lists whose keys are nearest in indentation do."""
    shape = re.sub(r"/\d+/", "/#/", pointer)
    keyed = [p for p in loaded.key_positions if f"{p}/0" in loaded.positions]
    alike = [p for p in keyed if re.sub(r"/\d+/", "/#/", p) == shape]
    keyed.sort(key=lambda p: abs(loaded.key_positions[p][1] - 1 - column))
    for candidate in [*alike, *keyed]:
        first = f"{candidate}/0"
        if candidate in loaded.flow or first in loaded.flow:
            continue
        line, column = loaded.key_positions[candidate]
        try:
            dash_line, dash_column = _dash(source, loaded.positions[first])
        except SpliceError:
            continue
        if dash_line > line:
            return max(0, dash_column - (column - 1))
    return DEFAULT_STEP


def replace_values(source: Source, loaded: LoadedFile, values: Mapping[str, str]) -> Source:
    """The file with the values at these pointers rewritten (each given as YAML text)."""
    spans = []
    for pointer, text in values.items():
        if pointer not in loaded.positions or pointer not in loaded.ends:
            raise SpliceError(pointer)
        spans.append(
            (_at(source, loaded.positions[pointer]), _at(source, loaded.ends[pointer]), text)
        )
    result = source.text
    for start, end, text in sorted(spans, reverse=True):
        result = result[:start] + text + result[end:]
    return Source(result, source.bom)


def add_key_after(source: Source, loaded: LoadedFile, sibling: str, key: str, text: str) -> Source:
    """The file with `key: text` on a line of its own after the field at `sibling`, in the
    same block group (e.g. `region` after `team`)."""
    if sibling not in loaded.key_positions or sibling.rpartition("/")[0] in loaded.flow:
        raise SpliceError(sibling)
    column = loaded.key_positions[sibling][1] - 1
    after = source.line_after(_last_line(loaded.ends[sibling]))
    line = " " * column + f"{key_text(key)}: {text}{source.newline}"
    return Source(source.text[:after] + line + source.text[after:], source.bom)
