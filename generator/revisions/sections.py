"""Loading many versions of the same plans quickly: a history holds the same fields over and
over, with a few lines changed from one version to the next.

A version's frontmatter is cut into its top-level fields, and a top-level list into its items
(`  - ` at the start of a line); each piece is loaded once, by the project's own loader
(`load.parse_yaml`), and the plan's data put together from the pieces. The cut is only made
where YAML leaves no doubt: a line at the left margin that is not a simple `key:` (a quoted
key, a flow collection running over lines, a `- ` at the margin, a tab, a directive), a key
written twice, or a piece the loader finds a problem in, and the version is loaded whole.
The data carries no positions: a version the check finds errors in is loaded again whole,
so that every diagnostic points at its line.
"""

from __future__ import annotations

import re
from typing import Any

from ..load import LoadedFile, frontmatter_lines, parse_plan_text, parse_yaml
from ..words import Words

_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?:[ ]|$)")
_ITEM = "  - "
_UNREADABLE = object()  # a piece the loader found a problem in


# A line at the left margin that is not blank or a comment: it must be a simple `key:`.
_MARGIN = re.compile(r"^[^ #\n].*$", re.M)
# In a field's lines: where an item of a `  - ` list starts.
_ITEM_START = re.compile(r"^  -(?: |$)", re.M)
# In a field's lines: a line that is neither a list item, deeper, blank nor a comment.
_NOT_A_LIST = re.compile(r"^(?:  [^ \-#\n]|  -[^ \n]| [^ \n])", re.M)
_ONLY_COMMENTS = re.compile(r"(?:[ ]*(?:#.*)?\n)*[ ]*(?:#.*)?")


class SectionLoader:
    """Loads plan versions piece by piece, remembering every piece it loaded."""

    def __init__(self, words: Words) -> None:
        self.words = words
        self._pieces: dict[str, Any] = {}
        self.loaded = self.reused = 0  # pieces loaded and pieces found again (for benches)

    def load_any(self, raw: bytes, shown: str) -> LoadedFile:
        """The version loaded in pieces, or whole when it cannot be."""
        return self.load(raw, shown) or parse_plan_text(raw, LoadedFile(shown), words=self.words)

    def load(self, raw: bytes, shown: str) -> LoadedFile | None:
        """The version's data (without positions), or None: load it whole instead."""
        loaded = LoadedFile(shown)
        lines = frontmatter_lines(raw, loaded, words=self.words)
        if lines is None:
            return None
        text = "\n".join(lines)
        fields = _fields(text) if "\t" not in text else None
        if not fields:
            return None
        data: dict[str, Any] = {}
        for key, field in fields:
            if key in data:
                return None  # written twice: the loader says so, at its line
            value = self._value(key, field)
            if value is _UNREADABLE:
                return None
            data[key] = value
        loaded.data = data
        return loaded

    def _value(self, key: str, field: str) -> Any:
        known = self._pieces.get(field, _UNREADABLE)  # the whole field, as an earlier version
        if known is not _UNREADABLE:
            self.reused += 1
            return known
        value = self._cut_value(key, field)
        self._pieces[field] = value
        return value

    def _cut_value(self, key: str, field: str) -> Any:
        items = _items(key, field)
        if items is None:
            return self._piece(field, key)
        values = []
        for item in items:
            value = self._piece(f"{key}:\n{item}", key)
            if not isinstance(value, list) or len(value) != 1:
                return _UNREADABLE
            values.append(value[0])
        return values

    def _piece(self, text: str, key: str) -> Any:
        """The value of `key` in a piece of YAML holding only that key."""
        found = self._pieces.get(text, _UNREADABLE)
        if found is not _UNREADABLE:
            self.reused += 1
            return found
        loaded = parse_yaml(text, LoadedFile(""), words=self.words)
        value = loaded.data[key] if not loaded.diagnostics and loaded.data else _UNREADABLE
        self._pieces[text] = value
        self.loaded += 1
        return value


def _fields(text: str) -> list[tuple[str, str]] | None:
    """(key, its text) for each top-level field; None when unsure."""
    starts = list(_MARGIN.finditer(text))
    if not starts or not _ONLY_COMMENTS.fullmatch(text[: starts[0].start()]):
        return None
    fields = []
    for n, start in enumerate(starts):
        match = _KEY.match(start[0])
        if match is None:
            return None
        end = starts[n + 1].start() if n + 1 < len(starts) else len(text)
        fields.append((match[1], text[start.start() : end]))
    return fields


def _items(key: str, field: str) -> list[str] | None:
    """The text of each item when the field is a list of `  - ` items, else None."""
    head, _, body = field.partition("\n")
    rest = head[len(key) + 1 :].strip()
    if (rest and not rest.startswith("#")) or _NOT_A_LIST.search(body):
        return None
    starts = [m.start() for m in _ITEM_START.finditer(body)]
    if not starts or not _ONLY_COMMENTS.fullmatch(body[: starts[0]]):
        return None
    ends = [*starts[1:], len(body)]
    return [body[a:b] for a, b in zip(starts, ends, strict=True)]
