"""The rules that look across files: one id per plan, a file named after its plan."""

from __future__ import annotations

from pathlib import Path

from ..load import LoadedFile
from ..words import Words
from .codes import Problem


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
    if not isinstance(plan_id, str) or path.stem == plan_id:
        return []
    message = words.say("file-name-mismatch", name=path.name, id=plan_id)
    return [Problem("file-name-mismatch", "/id", message)]
