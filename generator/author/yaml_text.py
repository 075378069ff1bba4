"""Values written as YAML text that reads back, through generator.load, as the same value.

Two uses: one value spliced into a file (`scalar`, `flow`: a note is always double-quoted, so
`进展: 拜访5家` or a full-width comma stays text), and a whole new plan (`document`: block style,
plain text where that is safe, comments above the entries they explain).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

_RESOLVER = Resolver()  # YAML 1.1's implicit types, as the loader reads them
_STR = "tag:yaml.org,2002:str"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
# Characters a plain (unquoted) scalar may not start with, or contain in a flow collection.
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW = set(",[]{}")
FLOW_WIDTH = 80  # lists of plain values shorter than this are written [a, b, c]

Comments = Mapping[str, tuple[str, ...]]  # JSON pointer → comment lines above that entry


class Plain(str):
    """Text to write without quotes where that reads back the same (an id, such as `wang-lei`)."""


def _printable(ch: str) -> bool:
    # What a YAML reader takes as it is; line breaks other than \n (NEL, LS, PS) and the byte
    # order mark are escaped too, or they would break or vanish from the line.
    code = ord(ch)
    if code in (0x85, 0x2028, 0x2029, 0xFEFF):
        return False
    return (
        0x20 <= code <= 0x7E
        or 0xA0 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


def quoted(text: str) -> str:
    """`text` as a double-quoted YAML string, escaped as JSON escapes (\\", \\\\, \\n, \\uXXXX)."""
    out = ['"']
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif _printable(ch):
            out.append(ch)
        elif 0xD800 <= ord(ch) <= 0xDFFF:
            raise ValueError("text with a lone surrogate cannot be written")
        else:
            code = ord(ch)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def is_date_text(text: str) -> bool:
    if not _ISO_DATE.fullmatch(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def plain_safe(text: str) -> bool:
    """Whether `text` can be written without quotes, in block or flow context, and read back
    as the same text (not a number, a date, yes/no, a key, a comment…)."""
    if not text or text != text.strip() or text[0] in _INDICATORS:
        return False
    if any(not _printable(ch) or ch in _FLOW for ch in text):
        return False
    if ": " in text or " #" in text or text.endswith(":"):
        return False
    return _RESOLVER.resolve(ScalarNode, text, (True, False)) == _STR


def number(value: float) -> str:
    """A number as YAML reads it back: 80, 2.55, 0.000012 (never 1.2e-05, which YAML 1.1
    reads as text)."""
    if isinstance(value, bool) or not math.isfinite(value):
        raise ValueError(f"not a number a plan can hold: {value!r}")
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    text = repr(value)
    if "e" in text or "E" in text:
        text = format(value, ".20f").rstrip("0")
    return text


def scalar(value: Any, *, plain_text: bool = False) -> str:
    """One value: a number, yes/no, a YYYY-MM-DD date unquoted; other text double-quoted
    (or plain, with `plain_text`, where that reads back the same)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number(value)
    if value is None:
        return "null"
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    plain_text = plain_text or isinstance(value, Plain)
    if is_date_text(text) or (plain_text and plain_safe(text)):
        return text
    return quoted(text)


def flow(value: Any, *, plain_text: bool = False) -> str:
    """A value on one line: `{date: 2023-08-21, progress: 65, note: "…"}`, `[a, b]`."""
    if isinstance(value, Mapping):
        items = (f"{key_text(k)}: {flow(v, plain_text=plain_text)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(flow(v, plain_text=plain_text) for v in value) + "]"
    return scalar(value, plain_text=plain_text)


def key_text(key: str) -> str:
    """A key: plain when safe; months quoted ("2023-07"), as the example plans write them."""
    return key if plain_safe(key) and not _MONTH.fullmatch(key) else quoted(key)


def document(data: Mapping[str, Any], comments: Comments | None = None) -> str:
    """A whole plan's frontmatter (without the --- lines), block style, ending with \\n."""
    lines: list[str] = []
    _mapping(data, "", 0, lines, comments or {})
    return "\n".join(lines) + "\n"


def _comment(pointer: str, indent: int, lines: list[str], comments: Comments) -> None:
    for line in comments.get(pointer, ()):
        for part in str(line).splitlines() or [""]:
            lines.append(" " * indent + ("# " + part).rstrip())


def _mapping(data: Mapping, pointer: str, indent: int, lines: list[str], comments) -> None:
    pad = " " * indent
    for key, value in data.items():
        child = f"{pointer}/{key}"
        inline = _inline(value)
        if indent == 0 and inline is None and lines:
            lines.append("")  # a blank line between the plan's sections
        _comment(child, indent, lines, comments)
        if inline is not None:
            lines.append(f"{pad}{key_text(key)}: {inline}")
        elif isinstance(value, Mapping):
            lines.append(f"{pad}{key_text(key)}:")
            _mapping(value, child, indent + 2, lines, comments)
        else:
            lines.append(f"{pad}{key_text(key)}:")
            _sequence(value, child, indent + 2, lines, comments)


def _sequence(items: list, pointer: str, indent: int, lines: list[str], comments) -> None:
    pad = " " * indent
    for index, item in enumerate(items):
        child = f"{pointer}/{index}"
        _comment(child, indent, lines, comments)
        if isinstance(item, Mapping) and item:
            start = len(lines)
            # (comments go above the item, never above its first key: the dash starts the line)
            _mapping(item, child, indent + 2, lines, comments)
            lines[start] = f"{pad}- " + lines[start][indent + 2 :]
        else:
            inline = _inline(item)
            lines.append(f"{pad}- {inline if inline is not None else flow(item)}")


def _inline(value: Any) -> str | None:
    """The value on its key's line, or None when it takes lines of its own."""
    if isinstance(value, Mapping):
        if not value:
            return "{}"
        if all(not isinstance(v, Mapping | list) for v in value.values()):
            text = flow(value, plain_text=True)
            return text if len(text) <= FLOW_WIDTH * 2 and _is_history(value) else None
        return None
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        if all(not isinstance(v, Mapping | list | tuple) for v in value):
            text = flow(list(value), plain_text=True)
            return text if len(text) <= FLOW_WIDTH else None
        return None
    return scalar(value, plain_text=True)


def _is_history(value: Mapping) -> bool:
    # month → number maps (a goal's history) read best on one line, as in the examples
    return all(isinstance(k, str) and _MONTH.fullmatch(k) for k in value)
