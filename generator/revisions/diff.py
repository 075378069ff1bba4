"""The semantic diff of two versions of a plan's data: what changed, by path, never by line.

It works on the plain data the loader gives (dicts, lists, strings, numbers), so a field added
to the format is diffed without a change here. What makes it semantic:

- list items are matched by what identifies them, never by position: the first of ITEM_KEYS
  that every item of both versions has, with no two alike (goals, members, root causes,
  strategies and tasks by `id`; check-ins, actuals, help and milestones by `date`; reviews by
  `period`). Reordering such a list is no change;
- lists of ids (owners, references) are sets: their order means nothing;
- YAML's spelling is gone before we start: comments, quoting, flow or block style, `120` or
  `120.0`; a field set to nothing (null, [], {}) is the same as the field left out.

A change is reported at the highest path where it happened: a new task is one change
`tasks/t4`, not one per field. Paths use ids for list items (`tasks/t3/checkins/2023-07-12`);
a `/` or `~` inside a segment is written `~1` or `~0`, as in a JSON Pointer.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ..load import escape_pointer

Op = Literal["added", "removed", "changed"]

# The fields that identify a list item, tried in order; the first one every item of both
# versions has, each value told apart, is used.
ITEM_KEYS = ("id", "date", "period", "segment", "name", "dimension")
# Lists of ids, where order carries no meaning (a single id is the same as a list of it).
UNORDERED = frozenset({"owner", "addresses", "goals", "root_causes"})


@dataclass(frozen=True)
class Change:
    """One difference: a value added, removed or changed at `path`."""

    op: Op
    path: tuple[str, ...]  # field names and item keys
    before: Any = None
    after: Any = None
    pointer: str = ""  # JSON Pointer (with list indexes) in the newer data, else the older

    @property
    def path_text(self) -> str:
        return "/".join(escape_pointer(segment) for segment in self.path)

    def as_dict(self) -> dict[str, Any]:
        return {"op": self.op, "path": self.path_text, "before": self.before, "after": self.after}

    @property
    def delta(self) -> float | None:
        """after − before, when both are numbers."""
        if _is_number(self.before) and _is_number(self.after):
            return self.after - self.before
        return None

    @property
    def relative(self) -> float | None:
        """The change as a share of the value before (0.083 for 120 → 130)."""
        delta = self.delta
        return delta / abs(self.before) if delta is not None and self.before else None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _empty(value: Any) -> bool:
    """Nothing written: null, [], or a group of fields that are all empty."""
    if isinstance(value, dict):
        return all(_empty(v) for v in value.values())
    return value is None or value == []


def diff_data(before: Any, after: Any) -> list[Change]:
    """Every difference between two versions of a plan's data."""
    return list(_diff(before, after, (), "", ""))


def _diff(a: Any, b: Any, path: tuple[str, ...], pa: str, pb: str) -> Iterator[Change]:
    if a == b and type(a) is type(b):
        return
    name = path[-1] if path else ""
    if isinstance(a, dict) and isinstance(b, dict):
        yield from _diff_fields(a, b, path, pa, pb)
    elif name in UNORDERED and _ids(a) is not None and _ids(b) is not None:
        if _ids(a) != _ids(b):
            yield Change("changed", path, a, b, pb)
    elif isinstance(a, list) and isinstance(b, list) and _all_items(a) and _all_items(b):
        yield from _diff_items(a, b, path, pa, pb)
    elif not (_is_number(a) and _is_number(b) and a == b):
        yield Change("changed", path, a, b, pb)


def _ids(value: Any) -> tuple[str, ...] | None:
    """An id or a list of ids as a sorted tuple; None for anything else."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(sorted(value))
    return None


def _all_items(values: list) -> bool:
    return all(isinstance(v, dict) for v in values)


def _diff_fields(a: dict, b: dict, path: tuple[str, ...], pa: str, pb: str) -> Iterator[Change]:
    for key, new in b.items():
        old = a.get(key)
        if old is new or (old == new and type(old) is type(new)):
            continue
        here = (*path, str(key))
        at_a, at_b = f"{pa}/{escape_pointer(str(key))}", f"{pb}/{escape_pointer(str(key))}"
        if _empty(old) and _empty(new):
            continue
        if _empty(old):
            yield Change("added", here, None, new, at_b)
        elif _empty(new):
            yield Change("removed", here, old, None, at_b)
        else:
            yield from _diff(old, new, here, at_a, at_b)
    for key, old in a.items():
        if key not in b and not _empty(old):
            yield Change("removed", (*path, str(key)), old, None, f"{pa}/{escape_pointer(key)}")


def item_key(*versions: Sequence[dict]) -> str | None:
    """The field that identifies the items of a list in every version given, if one does."""
    for key in ITEM_KEYS:
        if all(_told_apart(items, key) for items in versions):
            return key
    return None


def _told_apart(items: Sequence[dict], key: str) -> bool:
    values = [item.get(key) for item in items]
    if not all(isinstance(v, str | int | float) and not isinstance(v, bool) for v in values):
        return False
    return len({str(v) for v in values}) == len(values)


def _diff_items(a: list, b: list, path: tuple[str, ...], pa: str, pb: str) -> Iterator[Change]:
    key = item_key(a, b)
    if key is None:
        yield from _diff_unkeyed(a, b, path, pa, pb)
        return
    old = {str(item[key]): (index, item) for index, item in enumerate(a)}
    new_keys = set()
    for index, item in enumerate(b):
        name = str(item[key])
        new_keys.add(name)
        if name in old:
            old_index, old_item = old[name]
            yield from _diff(old_item, item, (*path, name), f"{pa}/{old_index}", f"{pb}/{index}")
        else:
            yield Change("added", (*path, name), None, item, f"{pb}/{index}")
    for name, (index, item) in old.items():
        if name not in new_keys:
            yield Change("removed", (*path, name), item, None, f"{pa}/{index}")


def _diff_unkeyed(a: list, b: list, path: tuple[str, ...], pa: str, pb: str) -> Iterator[Change]:
    """Items with nothing that identifies them: an item equal to one of the other version is
    the same item, wherever it sits; the others were removed or added (named by position)."""
    unmatched = list(range(len(a)))
    added = []
    for index, item in enumerate(b):
        match = next((i for i in unmatched if a[i] == item), None)
        if match is None:
            added.append(index)
        else:
            unmatched.remove(match)
    for index in unmatched:
        yield Change("removed", (*path, str(index)), a[index], None, f"{pa}/{index}")
    for index in added:
        yield Change("added", (*path, str(index)), None, b[index], f"{pb}/{index}")
