"""What changed between two sets of plans: plans matched by id (a renamed or moved file is a
change of the same plan), each with its semantic diff and the flags a reviewer must not miss.

Flags: a goal's target eased (lowered for an increase goal, raised for a decrease goal), a
goal's due date or a task's end moved later. They are figures, computed here once; the
reports and the site only word them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from .diff import Change, diff_data
from .snapshots import PlanVersion

Status = Literal["added", "removed", "changed"]
FILE = "file"  # the path of a change that moved the plan to another file
BODY = "body"  # the path of a change of the Markdown below the frontmatter


@dataclass(frozen=True)
class Flag:
    """A change a reviewer must see: `target-lowered`, `target-raised` (a decrease goal's
    target made easier), `due-later` (a goal) or `end-later` (a task)."""

    kind: str
    item: str  # the goal's or task's id
    before: Any
    after: Any
    pointer: str  # where the new value is in the newer file (JSON Pointer)

    @property
    def days(self) -> int | None:
        """How many days later, for dates."""
        if isinstance(self.before, date) and isinstance(self.after, date):
            return (self.after - self.before).days
        return None


@dataclass(frozen=True)
class GoalMove:
    """A goal's target and due date before and after a change (before None: a new goal)."""

    goal: str
    target: tuple[float | None, float | None]
    due: tuple[date | None, date | None]
    direction: str = "increase"

    @property
    def new(self) -> bool:
        return self.target[0] is None and self.due[0] is None

    @property
    def eased(self) -> bool:
        """The target made easier to reach: lowered, or raised for a decrease goal."""
        before, after = self.target
        if before is None or after is None or before == after:
            return False
        return after < before if self.direction != "decrease" else after > before


@dataclass(frozen=True)
class PlanDiff:
    """How one plan (known by its id) changed."""

    id: str
    status: Status
    before: PlanVersion | None
    after: PlanVersion | None
    changes: tuple[Change, ...]
    flags: tuple[Flag, ...] = ()

    @property
    def file(self) -> str:
        version = self.after or self.before
        assert version is not None
        return version.file

    @property
    def version(self) -> PlanVersion:
        """The newer version, else the older (a removed plan)."""
        version = self.after or self.before
        assert version is not None
        return version

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "file": self.file,
            "status": self.status,
            "changes": [change.as_dict() for change in self.changes],
        }

    def goal_moves(self) -> list[GoalMove]:
        return goal_moves(self)


@dataclass(frozen=True)
class Comparison:
    """Two sets of plans compared: how each side was named, and every plan that changed."""

    old: str  # a git revision, or a plan file
    new: str
    diffs: tuple[PlanDiff, ...]  # sorted by file

    def as_dict(self) -> dict[str, Any]:
        """The pinned JSON form: {"plans": [{id, file, status, changes: [{op, path, before,
        after}]}]}."""
        return {"plans": [diff.as_dict() for diff in self.diffs]}


def diff_versions(before: PlanVersion | None, after: PlanVersion | None) -> PlanDiff | None:
    """The diff of one plan's two versions (either may be missing); None when nothing changed."""
    version = after or before
    if version is None or version.id is None:
        return None
    if before is None or after is None:
        return PlanDiff(version.id, "added" if before is None else "removed", before, after, ())
    if before.blob == after.blob and before.file == after.file:
        return None
    changes = diff_data(before.data or {}, after.data or {})
    if before.file != after.file:
        changes.insert(0, Change("changed", (FILE,), before.file, after.file))
    old_body, new_body = before.loaded.body.strip(), after.loaded.body.strip()
    if old_body != new_body:
        changes.append(Change("changed", (BODY,), old_body or None, new_body or None))
    if not changes:
        return None
    return with_changes(PlanDiff(version.id, "changed", before, after, ()), changes)


def with_changes(diff: PlanDiff, changes: Sequence[Change]) -> PlanDiff:
    """The diff with these changes, and the flags they raise."""
    found = PlanDiff(diff.id, diff.status, diff.before, diff.after, tuple(changes))
    return PlanDiff(found.id, found.status, found.before, found.after, found.changes, _flags(found))


def diff_plans(
    before: Mapping[str, PlanVersion], after: Mapping[str, PlanVersion]
) -> list[PlanDiff]:
    """Every plan that changed between two sets (plan id → version), sorted by file."""
    diffs = []
    for plan_id in sorted(set(before) | set(after)):
        found = diff_versions(before.get(plan_id), after.get(plan_id))
        if found is not None:
            diffs.append(found)
    return sorted(diffs, key=lambda d: (d.file, d.id))


# --- goal moves and flags ---------------------------------------------------------------


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _number(value: Any) -> float | None:
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _goals(data: dict[str, Any] | None) -> dict[str, tuple[int, dict[str, Any]]]:
    items = (data or {}).get("goals")
    if not isinstance(items, list):
        return {}
    return {g["id"]: (i, g) for i, g in enumerate(items) if isinstance(g, dict) and "id" in g}


def _period_end(data: dict[str, Any] | None) -> date | None:
    period = (data or {}).get("period")
    return _day(period.get("end")) if isinstance(period, dict) else None


def _terms(goal: dict[str, Any], data: dict[str, Any] | None) -> tuple[float | None, date | None]:
    """A goal's target and due date (its period's end when it names none)."""
    return _number(goal.get("target")), _day(goal.get("due")) or _period_end(data)


def goal_moves(diff: PlanDiff) -> list[GoalMove]:
    """The goals whose target or due date this diff's changes moved, and the goals it added.

    Read from the changes, not from the two versions, so that a diff narrowed to some of its
    changes (a merge's own, see history) moves only what those changes moved.
    """
    old_data = diff.before.data if diff.before else None
    new_data = diff.after.data if diff.after else None
    old_goals, new_goals = _goals(old_data), _goals(new_data)
    if diff.status == "added":
        touched = set(new_goals)
    else:
        touched = {c.path[1] for c in diff.changes if c.path[:1] == ("goals",) and len(c.path) > 1}
        if any(c.path == ("period", "end") for c in diff.changes):
            touched |= {gid for gid, (_, g) in new_goals.items() if "due" not in g}
    moves = []
    for goal_id in [g for g in new_goals if g in touched]:  # in the plan's order
        goal = new_goals[goal_id][1]
        after = _terms(goal, new_data)
        before = _terms(old_goals[goal_id][1], old_data) if goal_id in old_goals else (None, None)
        if diff.status == "added" or before != after:
            direction = goal.get("direction", "increase")
            moves.append(GoalMove(goal_id, (before[0], after[0]), (before[1], after[1]), direction))
    return moves


def _flags(diff: PlanDiff) -> tuple[Flag, ...]:
    if diff.status != "changed":
        return ()
    new_data = diff.after.data if diff.after else None
    new_goals = _goals(new_data)
    flags = []
    for move in goal_moves(diff):
        index, goal = new_goals[move.goal]
        if move.eased:
            kind = "target-lowered" if move.direction != "decrease" else "target-raised"
            flags.append(Flag(kind, move.goal, *move.target, f"/goals/{index}/target"))
        old_due, new_due = move.due
        if old_due is not None and new_due is not None and new_due > old_due:
            pointer = f"/goals/{index}/due" if "due" in goal else "/period/end"
            flags.append(Flag("due-later", move.goal, old_due, new_due, pointer))
    flags += _task_flags(diff, new_data)
    return tuple(flags)


def _task_flags(diff: PlanDiff, new_data: dict[str, Any] | None) -> list[Flag]:
    """Tasks whose end date this diff moved later."""
    flags = []
    new_tasks = (new_data or {}).get("tasks")
    positions = {t.get("id"): i for i, t in enumerate(new_tasks or []) if isinstance(t, dict)}
    for change in diff.changes:
        if len(change.path) == 3 and change.path[0] == "tasks" and change.path[2] == "end":
            old_end, new_end = _day(change.before), _day(change.after)
            if old_end is not None and new_end is not None and new_end > old_end:
                index = positions.get(change.path[1], 0)
                flags.append(
                    Flag("end-later", change.path[1], old_end, new_end, f"/tasks/{index}/end")
                )
    return flags
