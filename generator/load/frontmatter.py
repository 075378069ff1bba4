"""A plan file's bytes → text → the fields between its `---` lines, parsed.

Line numbers are those an editor shows: lines end at \\n, \\r\\n or \\r only. YAML 1.1 also ends
lines at U+0085, U+2028 and U+2029, which would shift every later line (and cut a comment in
two), so those are read as spaces.
"""

from __future__ import annotations

import re

from ..words import Words
from .builder import Builder
from .loaded import LoadedFile

_FENCE = re.compile(r"---[ \t]*")
_CLOSING_FENCE = re.compile(r"^---[ \t]*$", re.M)
_YAML_ONLY_BREAKS_TEXT = ("\x85", "\u2028", "\u2029")
_YAML_ONLY_BREAKS = str.maketrans(dict.fromkeys(_YAML_ONLY_BREAKS_TEXT, " "))


def parse_plan_text(raw: bytes, loaded: LoadedFile, *, words: Words) -> LoadedFile:
    """Parse the bytes of a plan file into `loaded`."""
    frontmatter = frontmatter_lines(raw, loaded, words=words)
    if frontmatter is None:
        return loaded
    return parse_yaml("\n".join(frontmatter), loaded, words=words)


def frontmatter_lines(raw: bytes, loaded: LoadedFile, *, words: Words) -> list[str] | None:
    """The lines between the `---` fences of a plan file, its body set on `loaded`; None,
    with the diagnostic on `loaded`, when the file has no frontmatter to read."""
    from .source import MAX_BYTES  # the one limit, where files are read

    say = words.say
    if len(raw) > MAX_BYTES:
        loaded.error(
            "file-too-large", say("file-too-large", size=f"{len(raw) / MAX_BYTES:.1f}"), (1, 1)
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # the byte-order mark some Windows editors write
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        line = raw[: exc.start].count(b"\n") + 1
        column = len(raw[line_start : exc.start].decode("utf-8", "replace")) + 1
        loaded.error(
            "file-encoding",
            say("file-encoding", byte=f"{raw[exc.start]:02X}", line=line),
            (line, column),
        )
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    first, _, rest = text.partition("\n")
    if not _FENCE.fullmatch(first):
        loaded.error("frontmatter-missing", say("frontmatter-missing"), (1, 1))
        return None
    fence = _CLOSING_FENCE.search(rest)
    if fence is None:
        loaded.error("frontmatter-unterminated", say("frontmatter-unterminated"), (1, 1))
        return None
    frontmatter = rest[: fence.start()]
    loaded.body = rest[fence.end() + 1 :]
    loaded.body_line = frontmatter.count("\n") + 3
    return frontmatter[:-1].split("\n") if frontmatter else []


def parse_yaml(text: str, loaded: LoadedFile, *, words: Words, first_line: int = 2) -> LoadedFile:
    """The frontmatter's YAML (its first line is line `first_line` of the file) into
    `loaded`: data, positions and diagnostics. The data must be a group of fields."""
    if any(mark in text for mark in _YAML_ONLY_BREAKS_TEXT):  # rare: translate only then
        text = text.translate(_YAML_ONLY_BREAKS)
    builder = Builder(loaded, first_line, words)
    builder.build(text)
    tab = _tab_indent(text.split("\n"), first_line, builder.block_lines, builder.error_line)
    if tab is not None:  # the tab is the cause of whatever else went wrong below it
        loaded.diagnostics.clear()
        loaded.data = None
        loaded.error("yaml-tab", words["yaml-tab"], tab)
    elif not loaded.diagnostics and not isinstance(loaded.data, dict):
        loaded.data = None
        loaded.error("frontmatter-not-fields", words.say("frontmatter-not-fields"), (first_line, 1))
    return loaded


def _tab_indent(
    lines: list[str], first: int, block_lines: set[int], error_line: int | None
) -> tuple[int, int] | None:
    """The first line indented with a tab that matters: (line, column of the tab).

    Not inside `|` and `>` blocks, whose text may hold tabs; a blank or comment line only when
    the YAML could not be read at or below it (YAML takes some of those, not all).
    """
    for number, line in enumerate(lines, start=first):
        rest = line.lstrip(" \t")
        indent = line[: len(line) - len(rest)]
        if "\t" not in indent or number in block_lines:
            continue
        if error_line is not None and number > error_line:
            return None
        if (rest and not rest.startswith("#")) or error_line is not None:
            return number, line.index("\t") + 1
    return None
