"""Validate plan files: schema, references and cross-file rules → diagnostics and typed plans."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .diagnostics import Diagnostic, as_error
from .load import LoadedFile, load_file
from .messages import say, speaking
from .model import Plan, build_plan
from .plan_rules import plan_problems
from .rules import severity
from .schema_check import schema_problems

DEFAULT_PLANS_DIR = Path("plans")


@dataclass(frozen=True)
class Report:
    """The outcome of validating some plan files."""

    files: tuple[str, ...]  # the files checked, as given
    plans: tuple[Plan, ...]  # typed plans of the files without errors, sorted by path
    diagnostics: tuple[Diagnostic, ...]  # sorted by file, line, column
    language: str = "en"  # of the messages

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    @property
    def errors(self) -> int:
        return sum(d.severity == "error" for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.severity == "warning" for d in self.diagnostics)

    @property
    def files_with_problems(self) -> int:
        return len({d.file for d in self.diagnostics})


def find_plan_files(paths: Iterable[Path | str]) -> list[tuple[Path, str]]:
    """The plan files named by `paths`, each with its name as the user gave it.

    Files are taken as given, folders searched recursively for `.md` files; in folders,
    files whose name starts with "_" are ignored (drafts, templates).
    """
    found: list[tuple[Path, str]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found += [
                (p, os.path.join(str(given), p.relative_to(path).as_posix()))
                for p in sorted(path.rglob("*.md"))
                if p.is_file() and not p.name.startswith("_")
            ]
        else:
            found.append((path, str(given)))
    unique: dict[str, tuple[Path, str]] = {}
    for item in found:
        unique.setdefault(_identity(item[0]), item)
    return list(unique.values())


def _identity(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path)


def check(
    paths: Sequence[Path | str],
    *,
    plans_dir: Path | None = DEFAULT_PLANS_DIR,
    strict: bool = False,
    language: str = "en",
) -> Report:
    """Validate the plan files named by `paths`, with messages in `language` ("en" or "zh").

    Cross-file rules (unique plan ids, `previous`) also see every plan in `plans_dir`, so that
    checking one file, as pre-commit does, still knows the project's other plans; problems are
    reported only for the files named. With `strict`, warnings count as errors.
    """
    with speaking(language):
        report = _check(paths, plans_dir, strict)
    return replace(report, language=language)


def _check(paths: Sequence[Path | str], plans_dir: Path | None, strict: bool) -> Report:
    named = find_plan_files(paths)
    files = [path for path, _ in named]
    loaded = [load_file(path, shown) for path, shown in named]
    project: list[LoadedFile] = []
    inside: set[int] = set()  # indexes of named files that belong to the project's plans folder
    if plans_dir is not None and plans_dir.is_dir():
        root = _identity(plans_dir)
        known = {_identity(p) for p in files}
        inside = {i for i, p in enumerate(files) if _identity(p).startswith(root + os.sep)}
        project = [
            load_file(p, shown)
            for p, shown in find_plan_files([plans_dir])
            if _identity(p) not in known
        ]
    # `previous` may name any plan we know of; an id is a duplicate only within one project
    all_ids = set(_plan_ids(loaded + project))
    named_ids = _plan_ids(loaded)
    project_ids = _plan_ids(loaded + project)

    diagnostics: list[Diagnostic] = []
    plans: list[Plan] = []
    for index, (path, item) in enumerate(zip(files, loaded, strict=True)):
        found = list(item.diagnostics)
        if item.data is not None:
            found += _data_diagnostics(item, all_ids)
            found += _cross_file(item, project_ids if index in inside else named_ids)
            plan_id = item.data.get("id")
            if isinstance(plan_id, str) and path.stem != plan_id:
                found.append(
                    _at(
                        item,
                        "file-name-mismatch",
                        "/id",
                        say("file-name-mismatch", name=path.name, id=plan_id),
                    )
                )
        if strict:
            found = [as_error(d) for d in found]
        if item.data is not None and not any(d.severity == "error" for d in found):
            plans.append(build_plan(item.data, path=item.file, body=item.body))
        diagnostics += found
    diagnostics.sort(key=Diagnostic.sort_key)
    plans.sort(key=lambda plan: plan.path)
    return Report(tuple(item.file for item in loaded), tuple(plans), tuple(diagnostics))


def _at(
    item: LoadedFile, rule: str, pointer: str, message: str, at_key: bool = False
) -> Diagnostic:
    line, column = item.locate(pointer, key=at_key)
    return Diagnostic(item.file, line, column, severity(rule), rule, pointer, message)


def _data_diagnostics(item: LoadedFile, plan_ids: set[str]) -> list[Diagnostic]:
    found = [_at(item, p.rule, p.pointer, p.message, p.at_key) for p in schema_problems(item.data)]
    found += [
        _at(item, p.rule, p.pointer, p.message, p.at_key)
        for p in plan_problems(item.data, plan_ids)
    ]
    return found


def _plan_ids(loaded: list[LoadedFile]) -> dict[str, list[LoadedFile]]:
    owners: dict[str, list[LoadedFile]] = {}
    for item in loaded:
        plan_id = item.data.get("id") if isinstance(item.data, dict) else None
        if isinstance(plan_id, str):
            owners.setdefault(plan_id, []).append(item)
    return owners


def _cross_file(item: LoadedFile, owners_of_id: dict[str, list[LoadedFile]]) -> list[Diagnostic]:
    plan_id = item.data.get("id")
    others = (
        [o.file for o in owners_of_id.get(plan_id, []) if o is not item]
        if isinstance(plan_id, str)
        else []
    )
    if not others:
        return []
    return [
        _at(
            item,
            "duplicate-plan-id",
            "/id",
            say("duplicate-plan-id", id=plan_id, others=", ".join(others)),
        )
    ]
