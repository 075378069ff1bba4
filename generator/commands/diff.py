"""`salesplan diff`: what changed in the plans between two git revisions, or two plan files."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from ..check import CheckResult, check
from ..diagnostic import Diagnostic
from ..load import load_file
from ..revisions import (
    Comparison,
    GitError,
    PlanVersion,
    Repository,
    Snapshot,
    Snapshots,
    diff_plans,
    diff_versions,
)
from ..words import Words
from .errors import CommandError
from .site_config import SiteConfig

_FULL_HASH = re.compile(r"[0-9a-f]{40}|[0-9a-f]{64}")


def diff(
    old: str, new: str, paths: Sequence[str], *, config: SiteConfig, words: Words
) -> Comparison:
    """Compare the plans at two revisions (only those under `paths`, if given), or two files.

    Raises CommandError: a usage error for an unknown revision or mixed arguments; with the
    check result when a plan compared has errors at either side.
    """
    old_file, new_file = Path(old).is_file(), Path(new).is_file()
    if old_file and new_file:
        if paths:
            raise CommandError(words["rev.cmd.paths-with-files"], usage=True)
        return _compare_files(old, new, config, words)
    if old_file or new_file:
        raise CommandError(words.say("rev.cmd.mixed", old=old, new=new), usage=True)
    try:
        return _compare_revisions(old, new, paths, config, words)
    except GitError as error:
        message = words.say(error.reason, revision=error.detail, detail=error.detail)
        raise CommandError(message, usage=error.reason == "rev.git.unknown-revision") from None


def _compare_revisions(
    old: str, new: str, paths: Sequence[str], config: SiteConfig, words: Words
) -> Comparison:
    repository = Repository.of(config.plans_dir)
    commits = repository.commit(old), repository.commit(new)
    old, new = _short(old), _short(new)
    with repository.objects() as reader:
        snapshots = Snapshots(repository, reader, words)
        before, after = snapshots.at(commits[0], old), snapshots.at(commits[1], new)
    inside = _scope(paths, repository, words)
    chosen = {v.id or v.file for s in (before, after) for v in s.versions if inside(v.file)}
    _stop_if_invalid([before, after], chosen, f"{old}, {new}", words)
    old_plans = {i: v for i, v in before.by_id().items() if i in chosen}
    new_plans = {i: v for i, v in after.by_id().items() if i in chosen}
    return Comparison(old, new, tuple(diff_plans(old_plans, new_plans)))


def _short(revision: str) -> str:
    """A full commit hash as people read it (git's short form); any other name as given."""
    return revision[:7] if _FULL_HASH.fullmatch(revision) else revision


def _scope(paths: Sequence[str], repository: Repository, words: Words):
    """Whether a file (its path in the repository) lies under one of `paths`."""
    top = repository.top.resolve()
    prefixes = []
    for given in paths:
        try:
            relative = Path(given).resolve().relative_to(top).as_posix()
        except ValueError:
            raise CommandError(words.say("rev.cmd.path-outside", path=given), usage=True) from None
        prefixes.append("" if relative == "." else relative)

    def inside(file: str) -> bool:
        return not prefixes or any(
            p == "" or file == p or file.startswith(p + "/") for p in prefixes
        )

    return inside


def _stop_if_invalid(
    snapshots: Sequence[Snapshot], chosen: set[str], named: str, words: Words
) -> None:
    """CommandError with every error of the plans compared, as validate reports them."""
    versions = [v for s in snapshots for v in s.versions if (v.id or v.file) in chosen]
    errors = [d for v in versions for d in v.diagnostics if d.severity == "error"]
    if errors:
        result = CheckResult(
            tuple(v.loaded.file for v in versions),
            (),
            tuple(sorted(errors, key=Diagnostic.sort_key)),
            words.language,
        )
        raise CommandError(words.say("rev.cmd.invalid", revisions=named), result=result)


def _compare_files(old: str, new: str, config: SiteConfig, words: Words) -> Comparison:
    """Two files are two versions of one plan, whatever their names and ids."""
    versions = []
    for given in (old, new):
        result = check([given], words=words, plans_dir=config.plans_dir)
        if not result.ok:
            raise CommandError(words.say("rev.cmd.invalid", revisions=given), result=result)
        loaded = load_file(Path(given), given, words=words)
        blob = hashlib.sha1(Path(given).read_bytes()).hexdigest()
        # Both sides carry the newer file's name: a file compared with another is no move.
        versions.append(PlanVersion(new, blob, loaded, result.diagnostics, result.plans[0]))
    found = diff_versions(*versions)
    return Comparison(old, new, (found,) if found is not None else ())
