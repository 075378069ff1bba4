"""YAML events → plain data, with the line and column of every value and key.

Works from the parser's events rather than the composed node graph so that anchors, aliases
and duplicate keys are seen where they are written, and deep nesting cannot recurse.
"""

from __future__ import annotations

import math
import sys
from datetime import date, datetime
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from ..words import Words
from . import hints
from .loaded import LoadedFile, Position, escape_pointer
from .scalars import FLOAT_TAG, INT_TAG, STR_TAG, decimal_number, refused_number

# libyaml's C parser is eight times faster; the pure-Python one gives the same events.
YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_SCALAR_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
}
_BOOL_TAG = "tag:yaml.org,2002:bool"
_NUMBER_OR_TEXT = (INT_TAG, FLOAT_TAG, STR_TAG)
_NUMBER_START = frozenset("0123456789+-.")
_INVALID = object()
_RESOLVER = Resolver()  # the YAML 1.1 implicit types that SafeLoader uses
# Plans are written alike: the same pointers and the same (line, column) pairs come back in
# every file, and so do keys and short values. One object for each (a text interned, a pair
# kept here) is what every file holds, and what a worker process sends once for all the files
# it read. A thousand plans hold about 1.4 million positions, 0.6 million pointers and 0.7
# million texts, most of them the same.
_POSITIONS: dict[Position, Position] = {}
POSITIONS_KEPT = 200_000  # pairs (about 30 MB); a plan of 1,000 lines has a few thousand
_SHARED_UP_TO = 40  # characters: keys, ids, names, dates (long texts seldom repeat)


def _shared(text: str) -> str:
    """One object for a short text that comes back in every plan (a key, an id, a date)."""
    return sys.intern(text) if len(text) <= _SHARED_UP_TO else text


class Builder:
    """Builds plain data from YAML events into a LoadedFile, recording positions.

    `block_lines` are the lines of the file inside `|` and `>` blocks: their content may
    start with a tab.
    """

    def __init__(self, loaded: LoadedFile, first_line: int, words: Words) -> None:
        self.loaded = loaded
        self.words = words
        self.offset = first_line - 1
        self.stack: list[list[Any]] = []  # [container, pointer, pending key, key position]
        self.constructor = SafeConstructor()
        self.block_lines: set[int] = set()
        self.last_end: Position = (first_line, 1)  # the end of the last value read
        self.error_line: int | None = None  # where the YAML could not be read, if it could not
        self.refused = False  # a value was refused (yaml-number): the data is not kept

    def pos(self, mark: Any) -> Position:
        found = (mark.line + 1 + self.offset, mark.column + 1)
        kept = _POSITIONS.get(found)
        if kept is None:
            if len(_POSITIONS) >= POSITIONS_KEPT:  # a long `serve`, or files of every shape
                _POSITIONS.clear()
            kept = _POSITIONS[found] = found
        return kept

    def build(self, text: str) -> None:
        parser = YamlLoader(text)
        try:
            self._consume(parser)
        except yaml.YAMLError as exc:
            self.loaded.data = None
            lines = text.split("\n")
            key, values, position = hints.explain(exc, lines, self.block_lines)
            line, column = position
            self.error_line = line + self.offset
            self.loaded.error(
                "yaml-syntax", self.words.say(key, **values), (line + self.offset, column)
            )
        finally:
            parser.dispose()
        if self.refused:
            self.loaded.data = None

    def _consume(self, parser: Any) -> None:
        documents = 0
        while True:
            event = parser.get_event()
            if isinstance(event, yaml.StreamEndEvent):
                return
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    return self._stop("yaml-syntax", self.words.say("yaml-one-document"), event)
                continue
            if isinstance(event, (yaml.StreamStartEvent, yaml.DocumentEndEvent)):
                continue
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return self._stop("yaml-alias", self.words.say("yaml-alias"), event)
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                container, pointer, *_ = self.stack.pop()
                if pointer in self.loaded.flow:
                    self.last_end = self.pos(event.end_mark)
                self.loaded.ends[pointer] = self.last_end
                self._attach(container, pointer)
                continue
            if self._is_key_slot():
                if not self._take_key(event):
                    return None
                continue
            pointer = self._child_pointer()
            self.loaded.positions[pointer] = self.pos(event.start_mark)
            if isinstance(event, yaml.ScalarEvent):
                value = self._scalar(event, pointer)
                if value is _INVALID:
                    return None
                self.last_end = self.loaded.ends[pointer] = self.pos(event.end_mark)
                self._attach(value, pointer)
            else:  # the start of a group or a list
                if event.flow_style:
                    self.loaded.flow.add(pointer)
                container = {} if isinstance(event, yaml.MappingStartEvent) else []
                self.stack.append([container, pointer, None, None])

    def _stop(self, rule: str, message: str, event: Any) -> None:
        self.loaded.data = None
        self.loaded.error(rule, message, self.pos(event.start_mark))

    def _is_key_slot(self) -> bool:
        return (
            bool(self.stack) and isinstance(self.stack[-1][0], dict) and self.stack[-1][2] is None
        )

    def _take_key(self, event: Any) -> bool:
        if not isinstance(event, yaml.ScalarEvent):
            self._stop("yaml-syntax", self.words.say("yaml-plain-key"), event)
            return False
        frame = self.stack[-1]
        key, position = _shared(event.value), self.pos(event.start_mark)
        if key in frame[0]:
            first = self.loaded.key_positions[f"{frame[1]}/{escape_pointer(key)}"]
            self.loaded.error(
                "yaml-duplicate-key",
                self.words.say("yaml-duplicate-key", key=key, first=first[0], second=position[0]),
                position,
                f"{frame[1]}/{escape_pointer(key)}",
            )
            self.loaded.data = None
            return False
        frame[2], frame[3] = key, position
        return True

    def _child_pointer(self) -> str:
        if not self.stack:
            return ""
        container, pointer, key, key_position = self.stack[-1]
        if isinstance(container, list):
            return sys.intern(f"{pointer}/{len(container)}")
        child = sys.intern(f"{pointer}/{escape_pointer(key)}")
        self.loaded.key_positions[child] = key_position
        return child

    def _attach(self, value: Any, pointer: str) -> None:
        if not self.stack:
            self.loaded.data = value
            return
        frame = self.stack[-1]
        if isinstance(frame[0], list):
            frame[0].append(value)
        else:
            frame[0][frame[2]] = value
            frame[2] = None

    def _scalar(self, event: Any, pointer: str) -> Any:
        if event.style in ("|", ">"):
            first, last = event.start_mark.line + 1, event.end_mark.line
            last -= event.end_mark.column == 0  # the block ends where the next line starts
            self.block_lines.update(n + 1 + self.offset for n in range(first, last + 1))
        tag = event.tag
        plain = tag in (None, "!") and event.implicit[0] and not event.style
        if tag in (None, "!"):
            tag = _RESOLVER.resolve(ScalarNode, event.value, event.implicit)
        if tag not in _SCALAR_TAGS:
            self._stop("yaml-syntax", self.words.say("yaml-tag", tag=event.tag), event)
            return _INVALID
        if plain and event.value[:1] in _NUMBER_START:  # most values are words: not numbers
            refused = refused_number(event.value, tag)
            if refused is not None:
                message = self.words.say(refused.key, **_worded(refused.values, self.words))
                self.loaded.error("yaml-number", message, self.pos(event.start_mark), pointer)
                self.refused = True
                return event.value
            number = decimal_number(event.value) if tag in _NUMBER_OR_TEXT else None
            if number is not None:  # read as YAML 1.2 and JSON read it: 1.5e6 is a number
                value, exact = number
                if not exact:
                    self.loaded.spelled[pointer] = event.value
                return value
        if tag == STR_TAG:  # most values: text, as written (what SafeConstructor makes of it)
            return _shared(event.value)
        return self._construct(event, tag, pointer)

    def _construct(self, event: Any, tag: str, pointer: str) -> Any:
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self.constructor.yaml_constructors[tag](self.constructor, node)
        except (ValueError, OverflowError, yaml.YAMLError):
            return event.value  # e.g. 2023-02-30 resolves as a date but is none: the schema says so
        if tag == _BOOL_TAG:
            self.loaded.spelled[pointer] = event.value  # yes, no, on, off: quoted in hints
        if isinstance(value, date):
            # Only YYYY-MM-DD is a plan date: 2023-7-1 or a time of day stays as written,
            # so the schema names the value the way the user typed it.
            text = value.isoformat()
            plan_date = text == event.value and not isinstance(value, datetime)
            return _shared(text) if plan_date else event.value
        if isinstance(value, float) and not math.isfinite(value):
            return event.value  # .inf and .nan are no numbers a plan can use
        if isinstance(value, bytes):
            return event.value
        return value


def _worded(values: dict[str, object], words: Words) -> dict[str, object]:
    """The refusal's values, with its reason (`why`) put in words."""
    return {k: words[v] if k == "why" else v for k, v in values.items()}
