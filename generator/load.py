"""Load a plan file: frontmatter → plain data, with the line and column of every value and key.

Also where each value ends and which lists and groups are written in flow style (`[a, b]`,
`{k: v}`): what editing a file in place (generator/author) needs to keep every other byte.

Plain data means what JSON has: dicts, lists, strings, numbers, booleans and None. YAML dates
become ISO strings, so the schema sees `2023-07-01` the same whether it was quoted or not.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from .diagnostic import Diagnostic
from .words import Words

# libyaml's C parser is eight times faster; the pure-Python one gives the same events.
YamlLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_BYTES = 1024 * 1024
_FENCE = re.compile(r"---[ \t]*")
_CLOSING_FENCE = re.compile(r"^---[ \t]*$", re.M)
_SCALAR_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "binary")
}

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


def load_file(path: Path, display: str | None = None, *, words: Words) -> LoadedFile:
    """Read and parse one plan file; problems become diagnostics, never exceptions."""
    say = words.say
    loaded = LoadedFile(display if display is not None else path.as_posix())
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            loaded.error(
                "file-too-large",
                say("file-too-large", size=f"{size / MAX_BYTES:.1f}"),
                (1, 1),
            )
            return loaded
        raw = path.read_bytes()
    except OSError as exc:
        loaded.error("file-unreadable", say("file-unreadable", reason=exc.strerror or exc), (1, 1))
        return loaded
    return parse_plan_text(raw, loaded, words=words)


def parse_plan_text(raw: bytes, loaded: LoadedFile, *, words: Words) -> LoadedFile:
    """Parse the bytes of a plan file into `loaded`."""
    frontmatter = frontmatter_lines(raw, loaded, words=words)
    if frontmatter is None or _find_tab(frontmatter, loaded, words):
        return loaded
    return parse_yaml("\n".join(frontmatter), loaded, words=words)


def frontmatter_lines(raw: bytes, loaded: LoadedFile, *, words: Words) -> list[str] | None:
    """The lines between the `---` fences of a plan file, its body set on `loaded`; None,
    with the diagnostic on `loaded`, when the file has no frontmatter to read."""
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
        loaded.error(
            "frontmatter-missing",
            say("frontmatter-missing"),
            (1, 1),
        )
        return None
    fence = _CLOSING_FENCE.search(rest)
    if fence is None:
        loaded.error(
            "frontmatter-unterminated",
            say("frontmatter-unterminated"),
            (1, 1),
        )
        return None
    frontmatter = rest[: fence.start()]
    loaded.body = rest[fence.end() + 1 :]
    loaded.body_line = frontmatter.count("\n") + 3
    return frontmatter[:-1].split("\n") if frontmatter else []


def parse_yaml(text: str, loaded: LoadedFile, *, words: Words, first_line: int = 2) -> LoadedFile:
    """The frontmatter's YAML (its first line is line `first_line` of the file) into
    `loaded`: data, positions and diagnostics. The data must be a group of fields."""
    _Builder(loaded, first_line, words).build(text)
    if not loaded.diagnostics and not isinstance(loaded.data, dict):
        loaded.data = None
        loaded.error(
            "frontmatter-not-fields",
            words.say("frontmatter-not-fields"),
            (first_line, 1),
        )
    return loaded


def _find_tab(lines: list[str], loaded: LoadedFile, words: Words) -> bool:
    for number, line in enumerate(lines, start=2):
        indent = len(line) - len(line.lstrip(" \t"))
        if "\t" in line[:indent]:
            loaded.error(
                "yaml-tab",
                words["yaml-tab"],
                (number, line.index("\t") + 1),
            )
            return True
    return False


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
)


class _Builder:
    """Builds plain data from YAML events, recording positions.

    Works from the parser's events rather than the composed node graph so that anchors, aliases
    and duplicate keys are seen where they are written, and deep nesting cannot recurse.
    """

    def __init__(self, loaded: LoadedFile, first_line: int, words: Words) -> None:
        self.loaded = loaded
        self.words = words
        self.offset = first_line - 1
        self.stack: list[list[Any]] = []  # [container, pointer, pending key, key position]
        self.constructor = SafeConstructor()
        self.last_end: Position = (first_line, 1)  # the end of the last value read

    def pos(self, mark: Any) -> Position:
        return (mark.line + 1 + self.offset, mark.column + 1)

    def build(self, text: str) -> None:
        parser = YamlLoader(text)
        try:
            self._consume(parser)
        except yaml.MarkedYAMLError as exc:
            problem = str(exc.problem or exc.context or "unreadable YAML")
            mark = exc.problem_mark or exc.context_mark
            if "expected ',' or" in problem and exc.context_mark:
                mark = exc.context_mark  # where the unclosed [ or { was opened
            key = next((k for p, k in _FRIENDLY_PROBLEMS if p in problem), None)
            self.loaded.data = None
            self.loaded.error(
                "yaml-syntax",
                self.words.say(key) if key else self.words.say("yaml-other", problem=problem),
                self.pos(mark) if mark else (2, 1),
            )
        except yaml.YAMLError as exc:
            self.loaded.data = None
            self.loaded.error("yaml-syntax", self.words.say("yaml-other", problem=exc), (2, 1))
        finally:
            parser.dispose()

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
                return self._stop(
                    "yaml-alias",
                    self.words.say("yaml-alias"),
                    event,
                )
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
                value = self._scalar(event)
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
        key, position = event.value, self.pos(event.start_mark)
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
            return f"{pointer}/{len(container)}"
        child = f"{pointer}/{escape_pointer(key)}"
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

    def _scalar(self, event: Any) -> Any:
        tag = event.tag
        if tag in (None, "!"):
            tag = _RESOLVER.resolve(ScalarNode, event.value, event.implicit)
        if tag not in _SCALAR_TAGS:
            self._stop("yaml-syntax", self.words.say("yaml-tag", tag=event.tag), event)
            return _INVALID
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            value = self.constructor.yaml_constructors[tag](self.constructor, node)
        except (ValueError, OverflowError, yaml.YAMLError):
            return (
                event.value
            )  # e.g. 2023-02-30 resolves as a date but is none: let the schema say so
        if isinstance(value, date):
            # Only YYYY-MM-DD is a plan date: 2023-7-1 or a time of day stays as written,
            # so the schema names the value the way the user typed it.
            text = value.isoformat()
            return text if text == event.value and not isinstance(value, datetime) else event.value
        if isinstance(value, float) and not math.isfinite(value):
            return event.value  # .inf and .nan are no numbers a plan can use
        if isinstance(value, bytes):
            return event.value
        return value


_INVALID = object()
_RESOLVER = Resolver()  # the YAML 1.1 implicit types that SafeLoader uses
