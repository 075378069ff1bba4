"""A YAML syntax error → the line it is really on, and what to say about it.

libyaml reports where it gave up, often below the slip: a full-width colon `：` (the Chinese
input method's) or `key:value` without a space makes a key that never ends, so the error lands
on the next line; an unclosed quote is reported at the end of the fields; a `: ` or a
full-width comma inside `{…}` reads as an unclosed `{`. These hints look at the lines around the
error for the likely slip and point at it; otherwise libyaml's own position is kept.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

Hint = tuple[str, dict[str, object], tuple[int, int]]  # message key, its values, (line, column)

# libyaml's words for a problem → our message key
_FRIENDLY_PROBLEMS = (
    ("mapping values are not allowed", "yaml-colon"),
    ("could not find expected ':'", "yaml-expected-colon"),
    ("did not find expected key", "yaml-indent-key"),
    ("did not find expected '-' indicator", "yaml-indent-item"),
    ("expected ',' or ']'", "yaml-unclosed-list"),
    ("expected ',' or '}'", "yaml-unclosed-group"),
    ("found unexpected end of stream", "yaml-unclosed"),
    ("found undefined alias", "yaml-undefined-alias"),
    ("while scanning an alias", "yaml-undefined-alias"),
    ("while scanning an anchor", "yaml-undefined-alias"),
)
# `team：华东一组`: the first separator on the line is a full-width colon
_FULL_WIDTH_COLON = re.compile(r"\s*(?:-\s+)?[^\s#'\"{}\[\]:：][^:：]*?：")
# `team:华东一组`: a field name, a colon, and no space after it (`http://` is no field)
_NO_SPACE = re.compile(r"\s*(?:-\s+)?([A-Za-z0-9_][A-Za-z0-9_-]*):([^\s:/].*)")
# where a value starts with a quote: `key: "…`, `- "…`
_QUOTED_VALUE = re.compile(r"\s*(?:-\s+)?(?:[^\s#\"'][^#\"']*?:\s+)?([\"'])")


def explain(exc: yaml.YAMLError, lines: list[str], block_lines: set[int]) -> Hint:
    """What went wrong and where, for a YAML error in `lines` (1-based line and column)."""
    if isinstance(exc, yaml.reader.ReaderError):  # a control character YAML refuses
        # its position counts bytes in libyaml, characters in PyYAML: find the character
        index = "\n".join(lines).find(chr(exc.character)) if exc.character else -1
        at = _position(lines, index) if index >= 0 else (1, 1)
        return "yaml-control-char", {"code": f"U+{exc.character:04X}"}, at
    if not isinstance(exc, yaml.MarkedYAMLError):
        return "yaml-other", {"problem": str(exc)}, (1, 1)
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    at = _at(exc.problem_mark) or _at(exc.context_mark) or (1, 1)
    opened = _at(exc.context_mark)
    for explain_one in (_flow, _quote, _slip):
        hint = explain_one(problem, context, at, opened, lines, block_lines)
        if hint is not None:
            return hint
    if "could not find expected ':'" in problem and opened:
        at = opened  # the line whose key never ended, not the one below it
    key = next((k for p, k in _FRIENDLY_PROBLEMS if p in problem or p in context), None)
    if key is None and "cannot start any token" in problem:
        char = _char(lines, at)
        if char and char in "@`%":
            return "yaml-reserved-start", {"char": char}, at
    if key is None:
        return "yaml-other", {"problem": problem or context or "?"}, at
    return key, {}, at


def _flow(problem: str, context: str, at, opened, lines, block_lines) -> Hint | None:
    """Inside `{…}` or `[…]`: a full-width comma, a `: ` in a value, or a real unclosed one."""
    if "expected ',' or" not in problem or opened is None:
        return None
    text = _between(lines, opened, at)
    comma = text.find("，")
    if comma >= 0:
        return "yaml-fullwidth-comma", {}, _advance(lines, opened, comma)
    if _char(lines, at) == ":" and at[0] == opened[0]:
        return "yaml-colon-in-group", {}, at
    return ("yaml-unclosed-group" if "}" in problem else "yaml-unclosed-list"), {}, opened


def _quote(problem: str, context: str, at, opened, lines, block_lines) -> Hint | None:
    """A quote never closed: where it opens, not where the fields end."""
    if "while scanning a quoted scalar" in context and opened:
        return "yaml-unclosed-quote", {"quote": _char(lines, opened) or '"'}, opened
    before = _char(lines, (at[0], at[1] - 1)) if at[1] > 1 else None
    if before in ('"', "'"):  # the quote that ends here was meant to open: look above
        for number in range(at[0] - 1, 0, -1):
            if number + 1 in block_lines:
                continue
            column = _unclosed_quote(lines[number - 1], before)
            if column is not None:
                return "yaml-unclosed-quote", {"quote": before}, (number, column)
    return None


def _slip(problem: str, context: str, at, opened, lines, block_lines) -> Hint | None:
    """A full-width colon, or no space after a colon, on the line that broke or just above."""
    candidates = sorted({n for n in (opened and opened[0], at[0] - 1, at[0]) if n})
    for number in candidates:
        if not 1 <= number <= len(lines) or number + 1 in block_lines:
            continue
        line = lines[number - 1]
        if _FULL_WIDTH_COLON.match(line):
            key, _, value = line.strip().removeprefix("- ").partition("：")
            shown = {"key": key.strip(), "value": value.strip()}
            return "yaml-fullwidth-colon", shown, (number, line.index("：") + 1)
        found = _NO_SPACE.fullmatch(line)
        if found:
            key, value = found.groups()
            shown = {"key": key, "value": value.strip()}
            return "yaml-colon-space", shown, (number, line.index(":") + 1)
    return None


def _unclosed_quote(line: str, quote: str) -> int | None:
    """The column where `line`'s value opens a `quote` it does not close, or None."""
    found = _QUOTED_VALUE.match(line)
    if not found or found.group(1) != quote:
        return None
    rest = line[found.end() :]
    if quote == '"':
        closed = re.search(r'(?<!\\)(?:\\\\)*"', rest)
    else:
        closed = re.search(r"'(?!')", rest.replace("''", "  "))
    return None if closed else found.start(1) + 1


def _at(mark: Any) -> tuple[int, int] | None:
    return (mark.line + 1, mark.column + 1) if mark is not None else None


def _char(lines: list[str], at: tuple[int, int]) -> str | None:
    line, column = at
    if 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return None


def _between(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> str:
    """The text from `start` up to (not including) `end`, lines joined by \\n."""
    text = "\n".join(lines[start[0] - 1 : end[0]])
    last = len(text) - len(lines[end[0] - 1]) + end[1] - 1 if end[0] <= len(lines) else len(text)
    return text[start[1] - 1 : last]


def _advance(lines: list[str], start: tuple[int, int], offset: int) -> tuple[int, int]:
    """The position `offset` characters after `start`, across line ends."""
    line, column = start
    while line <= len(lines):
        room = len(lines[line - 1]) - (column - 1) + 1  # the line's rest and its \n
        if offset < room:
            return line, column + offset
        offset -= room
        line, column = line + 1, 1
    return start


def _position(lines: list[str], index: int) -> tuple[int, int]:
    """The line and column of a character index into the lines joined by \\n."""
    return _advance(lines, (1, 1), index)
