"""A plan's changes as people read them: one row per change (section, item, field, before,
after, change) and one sentence per flag, in the language of `words`.

Field names are the schema's titles (zh and en), so a field added to the format is named here
without a change; member ids read as names; numbers carry their unit, and a change of a
number its difference (in percentage points for a rate, else also in percent).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..revisions import BODY, FILE, Change, Flag, PlanDiff
from ..revisions.diff import ITEM_KEYS
from ..words import Words
from .format import difference, is_percent, number, percent

MAX_TEXT = 160  # characters of a text shown in a cell before it is cut
# The fields that name an item of a list, tried in order.
LABEL_FIELDS = ("metric", "title", "name", "direction", "segment", "dimension", "action", "text")
# Fields holding member ids: the schema's `owner` type, and these by name.
MEMBER_FIELDS = frozenset({"manager", "by"})
NONE = "—"


@dataclass(frozen=True)
class ChangeRow:
    """One change, worded."""

    op: str  # added | removed | changed
    section: str
    item: str
    field: str
    before: str
    after: str
    change: str  # the difference of two numbers, else the op's word


@dataclass(frozen=True)
class _Place:
    """What a path names: section, item and field, and the schema and name of its value."""

    section: str = ""
    item: str = ""
    field: str = ""
    schema: Mapping = dataclasses.field(default_factory=dict)
    key: str = ""  # the last field name on the path
    ref: str = ""  # the schema type ($defs name) of the value, e.g. "owner"
    goal: str | None = None  # the id of the goal it lies in (for the unit)


def plan_title(diff: PlanDiff) -> str:
    """`上海一组 · 2023年第三季度` (the plan's id when its file cannot be read)."""
    data = diff.version.data or {}
    period = data.get("period") if isinstance(data.get("period"), dict) else {}
    parts = [str(data.get("team") or diff.id), str(period.get("name") or "")]
    return " · ".join(part for part in parts if part)


def change_rows(diff: PlanDiff, words: Words, schema: Mapping) -> list[ChangeRow]:
    """Every change of a plan, worded; none for a plan added or removed as a whole."""
    describe = _Describer(diff, words, schema)
    return [describe.row(change) for change in diff.changes]


def flag_text(flag: Flag, diff: PlanDiff, words: Words) -> str:
    """The sentence of a flag: `目标「月销售额」的目标值下调：120 万元 → 110 万元（…）`."""
    data = diff.version.data or {}
    if flag.kind == "end-later":
        task = _item(data.get("tasks"), flag.item)
        days = words.count("field.days", flag.days or 0)
        name = _label(task, flag.item)
        return words.say(
            "rev.flag.end-later", task=name, before=flag.before, after=flag.after, days=days
        )
    goal = _item(data.get("goals"), flag.item) or {}
    name = _label(goal, flag.item)
    if flag.kind == "due-later":
        days = words.count("field.days", flag.days or 0)
        return words.say(
            "rev.flag.due-later", goal=name, before=flag.before, after=flag.after, days=days
        )
    unit = str(goal.get("unit") or "")
    change = Change("changed", (), flag.before, flag.after)
    return words.say(
        f"rev.flag.{flag.kind}",
        goal=name,
        before=amount(flag.before, unit),
        after=amount(flag.after, unit),
        change=signed_difference(change, unit, words),
    )


def amount(value: Any, unit: str) -> str:
    """A number with its unit (`120 万元`, `35%`); anything else as it is written."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{number(value)}%" if is_percent(unit) else f"{number(value)} {unit}".strip()
    return str(value)


def signed_difference(change: Change, unit: str, words: Words) -> str:
    """`+10 万元（+8.3%）`, `-5 个百分点`: a change of a number, signed."""
    delta = change.delta or 0
    sign = "+" if delta > 0 else "-"
    text = sign + difference(abs(delta), unit, words)
    if change.relative is not None and not is_percent(unit):
        text += words.say("rev.paren", text=sign + percent(abs(change.relative)))
    return text


class _Describer:
    """Words one plan's changes: the schema gives the names, the plan the members and units."""

    def __init__(self, diff: PlanDiff, words: Words, schema: Mapping) -> None:
        self.diff = diff
        self.words = words
        self.schema = schema
        self.old = (diff.before.data if diff.before else None) or {}
        self.new = (diff.after.data if diff.after else None) or {}

    def row(self, change: Change) -> ChangeRow:
        place = self.place(change)
        unit = self.unit(place)
        word = self.words[f"rev.op.{change.op}"]
        if change.delta:
            word = signed_difference(change, unit, self.words)
        return ChangeRow(
            change.op,
            place.section,
            place.item,
            place.field,
            self.value(change.before, place, unit, self.old, change.path[-1]),
            self.value(change.after, place, unit, self.new, change.path[-1]),
            word,
        )

    # --- where a path points ------------------------------------------------------------

    def place(self, change: Change) -> _Place:
        words = self.words
        if change.path in ((FILE,), (BODY,)):
            return _Place(words["rev.section.plan"], "", words[f"rev.field.{change.path[0]}"], {})
        first = self.old if change.op == "removed" else self.new
        second = self.new if change.op == "removed" else self.old
        node, ref = self.resolve(self.schema)
        section, item, fields, key, goal = "", "", [], "", None
        for depth, segment in enumerate(change.path):
            if "items" in node:  # a list item, named by its key
                entry = _item(first, segment) or _item(second, segment)
                node, ref = self.resolve(node["items"])
                if depth == 1 and not item:
                    item = _label(entry, segment)
                    goal = segment if change.path[0] == "goals" else None
                else:
                    fields[-1:] = [f"{fields[-1]} {segment}" if fields else segment]
                first, second = entry, None
                continue
            child, extra = _child(node, segment)
            node, ref = self.resolve(child)
            title = self.title(node) or segment
            if extra:  # a key of a map, e.g. a month of `history`
                fields[-1:] = [f"{fields[-1]} {segment}" if fields else segment]
            elif depth == 0 and ("items" in node or "properties" in node):
                section = title
            else:
                section = section or words["rev.section.plan"]
                fields.append(title)
            key = segment
            first = first.get(segment) if isinstance(first, dict) else None
            second = second.get(segment) if isinstance(second, dict) else None
        return _Place(section, item, " · ".join(fields), node, key, ref, goal)

    def resolve(self, node: Any) -> tuple[Mapping, str]:
        """The schema node with its $ref followed, and the name of the type referred to."""
        if not isinstance(node, Mapping):
            return {}, ""
        ref = str(node.get("$ref", "")).rsplit("/", 1)[-1]
        if not ref:
            return node, ""
        target = self.schema.get("$defs", {}).get(ref, {})
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}, ref

    def title(self, node: Mapping) -> str:
        return str(
            (node.get("x-title-zh") if self.words.chinese else None) or node.get("title") or ""
        )

    # --- values -------------------------------------------------------------------------

    def unit(self, place: _Place) -> str:
        if place.goal is not None:
            goal = _item(self.new.get("goals"), place.goal) or _item(
                self.old.get("goals"), place.goal
            )
            return str((goal or {}).get("unit") or "")
        return "%" if _is_percent(place.schema) else ""

    def value(self, value: Any, place: _Place, unit: str, data: dict[str, Any], name: str) -> str:
        """A value as shown; an entry (named `name` in the path) as a one-line summary."""
        if value is None:
            return NONE
        members = _members(data) if place.ref == "owner" or place.key in MEMBER_FIELDS else None
        if isinstance(value, dict):
            shown = {k: v for k, v in value.items() if not (k in ITEM_KEYS and str(v) == name)}
            return _cut(self.summary(shown, place.schema, unit, data))
        return self.shown(value, unit, members)

    def shown(self, value: Any, unit: str, members: dict[str, str] | None) -> str:
        words = self.words
        if isinstance(value, bool):
            return words["ref.yes" if value else "ref.no"]
        if isinstance(value, int | float):
            return amount(value, unit)
        if isinstance(value, str):
            if members is not None:
                return words["ref.all_members"] if value == "all" else members.get(value, value)
            return _cut(value)
        if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
            return words["field.separator"].join(self.shown(v, unit, members) for v in value)
        if isinstance(value, list):
            return words.say(
                "rev.n-entries", n=len(value), entries="y" if len(value) == 1 else "ies"
            )
        return _cut(str(value))

    def summary(self, value: dict[str, Any], node: Mapping, unit: str, data: dict) -> str:
        """A new or removed entry in one line: `title value` for each of its fields."""
        parts = []
        for key, item in value.items():
            if item is None:
                continue
            child, ref = self.resolve(_child(node, key)[0])
            members = _members(data) if ref == "owner" or key in MEMBER_FIELDS else None
            shown_unit = "%" if _is_percent(child) else unit
            if isinstance(item, dict):
                shown = self.words.say(
                    "rev.n-entries", n=len(item), entries="y" if len(item) == 1 else "ies"
                )
            else:
                shown = self.shown(item, shown_unit, members)
            parts.append(f"{self.title(child) or key} {shown}")
        return self.words["field.separator"].join(parts)


def _child(node: Mapping, key: str) -> tuple[Any, bool]:
    """The schema of a field, and whether it is a key of a map (additionalProperties)."""
    properties = node.get("properties", {})
    if key in properties:
        return properties[key], False
    extra = node.get("additionalProperties")
    return (extra, True) if isinstance(extra, Mapping) else ({}, False)


def _is_percent(node: Mapping) -> bool:
    return node.get("minimum") == 0 and node.get("maximum") == 100


def _item(items: Any, key: str) -> dict[str, Any] | None:
    """The item of a list that `key` names: by its identifying field, else by position."""
    if not isinstance(items, list):
        return None
    for field in ITEM_KEYS:
        for entry in items:
            if isinstance(entry, dict) and field in entry and str(entry[field]) == key:
                return entry
    if key.isdigit() and int(key) < len(items) and isinstance(items[int(key)], dict):
        return items[int(key)]
    return None


def _label(entry: dict[str, Any] | None, key: str) -> str:
    """`月销售额 (g-revenue)`: an item's name and its key, or the key alone."""
    if not entry:
        return key
    name = next((str(entry[f]) for f in LABEL_FIELDS if isinstance(entry.get(f), str)), "")
    name = _cut(" ".join(name.split()))
    return f"{name} ({key})" if name and name != key else key


def _members(data: dict[str, Any]) -> dict[str, str]:
    found = data.get("members")
    if not isinstance(found, list):
        return {}
    return {
        str(m["id"]): str(m.get("name") or m["id"])
        for m in found
        if isinstance(m, dict) and "id" in m
    }


def _cut(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_TEXT else flat[: MAX_TEXT - 1] + "…"
