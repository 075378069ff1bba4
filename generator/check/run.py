"""The check stage in one call: load every named file, apply every rule, build the typed plans.

Plans read from a folder (`check`) and plans given as bytes, e.g. as they were at a git revision
(`check_sources`), go through the same rules: `check_file` applies them to one loaded file.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Mapping, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path

from ..diagnostic import Diagnostic, as_error
from ..load import LoadedFile, load_file, parse_plan_text
from ..model import Plan, build_plan
from ..words import Words
from ..workers import map_in_workers
from . import cross_file
from .codes import Problem, severity
from .files import (
    DEFAULT_PLANS_DIR,
    find_plan_files,
    identity,
    outside_repository,
    repository_of,
)
from .method import method_problems
from .references import plan_problems
from .result import CheckResult
from .schema import schema_problems


def check(
    paths: Sequence[Path | str],
    *,
    words: Words,
    plans_dir: Path | None = DEFAULT_PLANS_DIR,
    strict: bool = False,
    sources: Mapping[str, bytes] | None = None,
    workers: int = 1,
) -> CheckResult:
    """Check the plan files named by `paths`, with messages in the language of `words`.

    Cross-file rules (unique plan ids, `previous`) also see every plan in `plans_dir`, so that
    checking one file, as pre-commit does, still knows the project's other plans; problems are
    reported only for the files named. With `strict`, warnings count as errors.
    `sources` (file identity → bytes, see files.identity) stands in for what is on disk: what a
    file would be after an edit is checked before it is written. `workers`: how many processes
    read the files (see generator/workers.py).
    """
    read = _reader(sources or {}, words)
    named = find_plan_files(paths)
    files = [path for path, _ in named]
    others: list[tuple[Path, str]] = []
    inside: set[int] = set()  # indexes of named files that belong to the project's plans folder
    if plans_dir is not None and plans_dir.is_dir():
        root = identity(plans_dir)
        known = {identity(p) for p in files}
        inside = {i for i, p in enumerate(files) if identity(p).startswith(root + os.sep)}
        others = [
            (p, shown) for p, shown in find_plan_files([plans_dir]) if identity(p) not in known
        ]
    # reading and parsing is most of the work, each file on its own: shared among the cores
    everything = map_in_workers(lambda item: _for_check(read(*item)), named + others, workers)
    loaded, project = everything[: len(named)], everything[len(named) :]
    return check_loaded(
        list(zip(files, loaded, strict=True)),
        project,
        inside,
        words=words,
        strict=strict,
    )


def load_sources(sources: Sequence[tuple[str, bytes]], *, words: Words) -> list[LoadedFile]:
    """Plan files given as (name, bytes), e.g. read from git, loaded as `load_file` would."""
    return [parse_plan_text(raw, LoadedFile(name), words=words) for name, raw in sources]


def check_sources(
    sources: Sequence[tuple[str, bytes]], *, words: Words, strict: bool = False
) -> CheckResult:
    """Check plan files given as (name, bytes): one project, as a plans folder is."""
    loaded = load_sources(sources, words=words)
    named = [(Path(item.file), item) for item in loaded]
    return check_loaded(named, (), range(len(named)), words=words, strict=strict)


def check_loaded(
    named: Sequence[tuple[Path, LoadedFile]],
    project: Sequence[LoadedFile] = (),
    inside: Collection[int] = (),
    *,
    words: Words,
    strict: bool = False,
) -> CheckResult:
    """Apply every rule to loaded files. `project`: the other plans of the project (known to
    the cross-file rules, not reported on); `inside`: the indexes of the named files that
    belong to the project (the others count duplicate ids only among the named)."""
    loaded = [item for _, item in named]
    # `previous` may name any plan we know of; an id is a duplicate only within one project
    all_ids = set(cross_file.plan_ids(loaded + list(project)))
    named_ids = cross_file.plan_ids(loaded)
    project_ids = cross_file.plan_ids(loaded + list(project))

    diagnostics: list[Diagnostic] = []
    plans: list[Plan] = []
    for index, (path, item) in enumerate(named):
        owners = project_ids if index in inside else named_ids
        found, plan = check_file(
            item,
            path,
            plan_ids=all_ids,
            owners=owners,
            known=project_ids,
            words=words,
            strict=strict,
        )
        if plan is not None:
            plans.append(plan)
        diagnostics += found
    diagnostics.sort(key=Diagnostic.sort_key)
    plans.sort(key=lambda plan: plan.path)
    return CheckResult(
        tuple(item.file for item in loaded), tuple(plans), tuple(diagnostics), words.language
    )


def check_file(
    item: LoadedFile,
    path: Path,
    *,
    plan_ids: AbstractSet[str],
    owners: Mapping[str, list[LoadedFile]],
    known: Mapping[str, list[LoadedFile]] | None = None,
    words: Words,
    strict: bool = False,
    typed: bool = True,
) -> tuple[list[Diagnostic], Plan | None]:
    """Every problem of one loaded file, and its typed plan when it has no error (and `typed`).

    `plan_ids`: the plan ids `previous` may name; `owners`: plan id → the files of the same
    project that use it (for duplicate ids); `known`: plan id → the files known, where the
    plan named by `previous` is looked up (default: `owners`).
    """
    found = list(item.diagnostics)
    if item.data is not None:
        problems = schema_problems(item.data, words, item.spelled)
        problems += plan_problems(item.data, plan_ids, words)
        problems += method_problems(item.data, words)
        problems += cross_file.duplicate_plan_id(item, owners, words)
        problems += cross_file.file_name_mismatch(item, path, words)
        previous = _previous(item, owners if known is None else known)
        problems += cross_file.carry_over_missing(item, previous, words)
        found += [_located(item, problem) for problem in problems]
    if strict:
        found = [as_error(d) for d in found]
    plan = None
    if typed and item.data is not None and not any(d.severity == "error" for d in found):
        plan = _typed(item, words)
        if isinstance(plan, Diagnostic):
            found, plan = [*found, plan], None
    return found, plan


def _typed(item: LoadedFile, words: Words) -> Plan | Diagnostic:
    """The typed plan; should a checked plan still not convert (a bug), an error that names
    the file rather than a crash that names none."""
    try:
        return build_plan(item.data, path=item.file, body=item.body, lines=source_lines(item))
    except (ValueError, TypeError, KeyError, OverflowError) as error:
        message = words.say("plan-not-typed", error=f"{type(error).__name__}: {error}")
        return Diagnostic(item.file, 1, 1, "error", "invalid-value", "", message)


def _for_check(item: LoadedFile) -> LoadedFile:
    """A loaded file without what only an edit needs (where each value ends, which
    collections are written [..]): every file of a big project is held at once."""
    item.ends, item.flow = {}, set()
    return item


def _reader(sources: Mapping[str, bytes], words: Words):
    """Reads a plan file: from `sources` when it holds the file's new text, else from disk
    (unless it is a link that leads out of its repository)."""

    roots: dict[Path, Path] = {}

    def read(path: Path, shown: str) -> LoadedFile:
        text = sources.get(identity(path))
        if text is not None:
            return parse_plan_text(text, LoadedFile(shown), words=words)
        folder = path.parent
        if folder not in roots:  # one look up the folders for all the plans of a folder
            roots[folder] = repository_of(folder)
        target = outside_repository(path, roots[folder])
        if target is None:
            return load_file(path, shown, words=words)
        # a link out of the repository: a pull request could add one to publish any file
        refused = LoadedFile(shown)
        message = words.say("file-outside-repository", target=target)
        refused.error("file-outside-repository", message, (1, 1))
        return refused

    return read


def source_lines(item: LoadedFile) -> tuple[tuple[str, int], ...]:
    """Where each task and goal is written (see Plan.lines)."""
    lines: list[tuple[str, int]] = []
    for kind, key in (("task", "tasks"), ("goal", "goals")):
        for index, entry in enumerate(item.data.get(key) or ()):
            pointer = f"/{key}/{index}"
            if isinstance(entry, dict) and pointer in item.positions:
                lines.append((f"{kind}:{entry.get('id')}", item.positions[pointer][0]))
    return tuple(lines)


def _previous(item: LoadedFile, owners: Mapping[str, list[LoadedFile]]) -> LoadedFile | None:
    previous = item.data.get("previous")
    found = owners.get(previous) if isinstance(previous, str) else None
    return found[0] if found else None


def _located(item: LoadedFile, problem: Problem) -> Diagnostic:
    line, column = item.locate(problem.pointer, key=problem.at_key)
    return Diagnostic(
        item.file,
        line,
        column,
        severity(problem.rule),
        problem.rule,
        problem.pointer,
        problem.message,
    )
