"""The rules that look across files: one id per plan, a file named after its plan, and a task
the previous cycle's review carried over."""

from __future__ import annotations

import re
from pathlib import Path

from ..load import LoadedFile
from ..words import Words
from .codes import Problem
from .raw import entries, number_of, sub_entries

# How a review says a task goes on in the next cycle.
CARRY_OVER_WORDS = ("顺延", "延续", "延期", "转入", "带入", "继续", "carry over", "carry forward")

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def plan_ids(loaded: list[LoadedFile]) -> dict[str, list[LoadedFile]]:
    """Plan id → the files that use it."""
    owners: dict[str, list[LoadedFile]] = {}
    for item in loaded:
        plan_id = item.data.get("id") if isinstance(item.data, dict) else None
        if isinstance(plan_id, str):
            owners.setdefault(plan_id, []).append(item)
    return owners


def duplicate_plan_id(
    item: LoadedFile, owners_of_id: dict[str, list[LoadedFile]], words: Words
) -> list[Problem]:
    """The plan's id is also used by another file of the same project."""
    plan_id = item.data.get("id")
    if not isinstance(plan_id, str):
        return []
    others = [o.file for o in owners_of_id.get(plan_id, []) if o is not item]
    if not others:
        return []
    message = words.say("duplicate-plan-id", id=plan_id, others=", ".join(others))
    return [Problem("duplicate-plan-id", "/id", message)]


def file_name_mismatch(item: LoadedFile, path: Path, words: Words) -> list[Problem]:
    """The file is not named `<plan id>.md`, so people will not find it."""
    plan_id = item.data.get("id")
    if not isinstance(plan_id, str) or not _SLUG.fullmatch(plan_id) or path.stem == plan_id:
        return []  # a malformed id is reported as such, not as a file name to copy
    message = words.say("file-name-mismatch", name=path.name, id=plan_id)
    return [Problem("file-name-mismatch", "/id", message)]


def carry_over_missing(
    item: LoadedFile, previous: LoadedFile | None, words: Words
) -> list[Problem]:
    """An unfinished task of the previous plan that its review said to carry over (naming the
    task and a word such as 顺延) has no task of the same id or title in this plan."""
    if previous is None or not isinstance(previous.data, dict):
        return []
    here = {t.get(key) for _, t in entries(item.data, "tasks") for key in ("id", "title")}
    actions = [
        a["action"]
        for _, review in entries(previous.data, "reviews")
        for _, a in sub_entries(review, "next_actions", "")
        if isinstance(a.get("action"), str)
    ]
    carried = [a for a in actions if any(word in a.lower() for word in CARRY_OVER_WORDS)]
    found: list[Problem] = []
    for _, task in entries(previous.data, "tasks"):
        task_id, title = task.get("id"), task.get("title")
        if not isinstance(title, str) or not _unfinished(task) or {task_id, title} & here:
            continue
        said = next((a for a in carried if title in a or (task_id and task_id in a)), None)
        if said is not None:
            message = words.say(
                "carry-over-missing", previous=previous.data.get("id"), task=title, action=said
            )
            found.append(Problem("carry-over-missing", "/previous", message))
    return found


def _unfinished(task: dict) -> bool:
    progress = [number_of(c.get("progress")) for _, c in entries(task, "checkins")]
    known = [p for p in progress if p is not None]
    return task.get("state") != "cancelled" and (not known or known[-1] < 100)
