"""The history of a plans folder: every commit that changed it, with its semantic diff.

One `git log` lists the commits, one `git cat-file --batch` reads their trees and the few
distinct plan files among them. Each commit is compared with its parent. A merge commit is
shown only with what the merge itself did (a conflict resolved by hand): a change it brings
from a branch was already shown at the commit that made it, as `git log --cc` does for lines.

A plan file that cannot be read at a commit (broken YAML) keeps its last readable version for
the comparisons, and the commit that changed it so records it as invalid (the later commits
that leave it as it is do not); a plan with errors is still compared.
Without git, outside a repository, or in a shallow clone, the history is unavailable, with
the reason, and nothing fails.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..words import Words
from .changes import PlanDiff, diff_versions, with_changes
from .diff import Change
from .git import Commit, GitError, Repository
from .snapshots import PlanVersion
from .version_checks import VersionChecks
from .walk import Walk

SHALLOW = "rev.git.shallow"


@dataclass(frozen=True)
class Revision:
    """A commit that changed plans: the plans it changed and those it left invalid."""

    commit: Commit
    diffs: tuple[PlanDiff, ...]  # sorted by file
    invalid: tuple[tuple[str, PlanVersion], ...] = ()  # (plan id, its version with errors)

    def for_plans(self, ids: frozenset[str] | set[str]) -> Revision | None:
        """The part of this revision about the plans `ids`; None when it has none."""
        diffs = tuple(d for d in self.diffs if d.id in ids)
        invalid = tuple((i, v) for i, v in self.invalid if i in ids)
        return Revision(self.commit, diffs, invalid) if diffs or invalid else None


@dataclass(frozen=True)
class History:
    """The revisions of a plans folder, newest first; or why there are none to show."""

    revisions: tuple[Revision, ...] = ()
    unavailable: str | None = None  # a word key (rev.git.*) when history could not be read
    detail: str = ""  # git's own words, when it failed

    @classmethod
    def off(cls, reason: str, detail: str = "") -> History:
        return cls((), reason, detail)


def read_history(
    folder: Path, revision: str = "HEAD", *, words: Words, workers: int = 1
) -> History:
    """The history of the plans in `folder`, up to `revision`; never raises for git's sake.
    `workers`: the processes that may check its plan versions (version_checks.py)."""
    try:
        repository = Repository.of(folder)
        if repository.shallow:
            return History.off(SHALLOW)
        commits = repository.log(revision)
        with (
            repository.objects() as reader,
            VersionChecks(words, workers, reader.pipes()) as checks,
        ):
            revisions = _revisions(commits, Walk(repository, reader, words, checks), checks)
    except GitError as error:
        return History.off(error.reason, error.detail)
    return History(tuple(reversed(revisions)))


def _revisions(commits: Sequence[Commit], walk: Walk, checks: VersionChecks) -> list[Revision]:
    """Oldest first: each commit compared with its parents' states (walk.py); the files it
    shows are invalid when their checks found errors."""
    steps = []
    for commit, step in walk.steps(commits):
        diffs = step.diffs
        if len(step.parents) > 1:
            diffs = _merge_own(diffs, step.parents, step.plans)
        if diffs or step.shown:
            steps.append((commit, tuple(diffs), step.shown))
    errors = checks.results()
    revisions = []
    for commit, diffs, shown in steps:
        invalid = tuple(
            (plan_id, replace(version, diagnostics=found))
            for plan_id, version, key in shown
            if (found := errors[key])
        )
        if diffs or invalid:
            revisions.append(Revision(commit, diffs, invalid))
    return revisions


def _merge_own(
    diffs: list[PlanDiff],
    parents: Sequence[Mapping[str, PlanVersion]],
    plans: Mapping[str, PlanVersion],
) -> list[PlanDiff]:
    """Of a merge's diffs against its first parent, what it changed against every parent.

    A plan the same as in one parent came from that parent unchanged. Otherwise a change is
    the merge's own when every parent differs there (at that path, or above or below it).
    """
    own = []
    for diff in diffs:
        against = [diff_versions(p.get(diff.id), plans.get(diff.id)) for p in parents]
        if any(found is None for found in against):
            continue
        changed = [found for found in against if found is not None and found.status == "changed"]
        if not changed:  # added or removed against every parent
            own.append(diff)
            continue
        base, others = changed[0], changed[1:]
        kept = [
            c for c in base.changes if all(any(_overlap(c, o) for o in d.changes) for d in others)
        ]
        if kept:
            own.append(with_changes(base, kept))
    return own


def _overlap(a: Change, b: Change) -> bool:
    shorter = min(len(a.path), len(b.path))
    return a.path[:shorter] == b.path[:shorter]
