"""The history of a plans folder: every commit that changed it, with its semantic diff.

One `git log` lists the commits, one `git cat-file --batch` reads their trees and the few
distinct plan files among them. Each commit is compared with its parent. A merge commit is
shown only with what the merge itself did (a conflict resolved by hand): a change it brings
from a branch was already shown at the commit that made it, as `git log --cc` does for lines.

A plan file that cannot be read at a commit (broken YAML) keeps its last readable version for
the comparisons, and the commit records it as invalid; a plan with errors is still compared.
Without git, outside a repository, or in a shallow clone, the history is unavailable, with
the reason, and nothing fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..words import Words
from .changes import PlanDiff, diff_plans, diff_versions, with_changes
from .diff import Change
from .git import Commit, GitError, Repository
from .snapshots import PlanVersion, Snapshot, Snapshots

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


@dataclass
class _State:
    """The plans after a commit: the last readable version of each plan, by id."""

    plans: dict[str, PlanVersion] = field(default_factory=dict)


def read_history(folder: Path, revision: str = "HEAD", *, words: Words) -> History:
    """The history of the plans in `folder`, up to `revision`; never raises for git's sake."""
    try:
        repository = Repository.of(folder)
        if repository.shallow:
            return History.off(SHALLOW)
        commits = repository.log(revision)
        with repository.objects() as reader:
            snapshots = Snapshots(repository, reader, words, quick=True)
            revisions = _revisions(commits, snapshots)
    except GitError as error:
        return History.off(error.reason, error.detail)
    return History(tuple(reversed(revisions)))


def _revisions(commits: Sequence[Commit], snapshots: Snapshots) -> list[Revision]:
    """Oldest first: each commit compared with its parents' states."""
    states: dict[str, _State] = {}
    revisions = []
    for commit in reversed(commits):  # git lists children before parents
        parents = [states.get(sha, _State()) for sha in commit.parents] or [_State()]
        snapshot = snapshots.at(commit)
        state, invalid = _state(snapshot, parents[0])
        states[commit.sha] = state
        diffs = diff_plans(parents[0].plans, state.plans)
        if len(parents) > 1:
            diffs = _merge_own(diffs, parents, state)
        touched = _touched(snapshot, parents[0])
        invalid = tuple((i, v) for i, v in invalid if (v.file, v.blob) in touched)
        if diffs or invalid:
            revisions.append(Revision(commit, tuple(diffs), invalid))
    return revisions


def _state(snapshot: Snapshot, parent: _State) -> tuple[_State, list[tuple[str, PlanVersion]]]:
    """The plans after a commit, and the plans it holds with errors (by id)."""
    plans: dict[str, PlanVersion] = {}
    invalid: list[tuple[str, PlanVersion]] = []
    by_file = {v.file: plan_id for plan_id, v in parent.plans.items()}
    for version in snapshot.versions:
        plan_id = version.id
        if plan_id is None:  # unreadable: the plan its file held before, at its last version
            plan_id = by_file.get(version.file)
            if plan_id is not None and plan_id not in plans:
                plans[plan_id] = parent.plans[plan_id]
        else:
            plans.setdefault(plan_id, version)
        if plan_id is not None and not version.valid:
            invalid.append((plan_id, version))
    return _State(plans), invalid


def _touched(snapshot: Snapshot, parent: _State) -> set[tuple[str, str]]:
    """The (file, blob) pairs of the snapshot that its parent did not have."""
    before = {(v.file, v.blob) for v in parent.plans.values()}
    return {(v.file, v.blob) for v in snapshot.versions} - before


def _merge_own(diffs: list[PlanDiff], parents: list[_State], state: _State) -> list[PlanDiff]:
    """Of a merge's diffs against its first parent, what it changed against every parent.

    A plan the same as in one parent came from that parent unchanged. Otherwise a change is
    the merge's own when every parent differs there (at that path, or above or below it).
    """
    own = []
    for diff in diffs:
        against = [diff_versions(p.plans.get(diff.id), state.plans.get(diff.id)) for p in parents]
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
