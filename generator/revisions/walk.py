"""A plans folder's history walked commit by commit, each commit costing what it changed.

A company's plans folder holds thousands of plans, and its history tens of thousands of
commits, most of which change one plan. Each commit is read as the difference between its
folder's tree and its first parent's (git's trees: only the folders that changed are read),
and only what that difference can reach is loaded and compared:

- the files it changed, each (file, blob) loaded once, piece by piece (`sections.py`);
- the plans whose version can have changed (`_Tip.plans`): the ids those files named before
  and after, and the ids an unreadable file holds on to;
- the files the commit shows: the ones it changed (a file it left broken is shown there, and
  not again at each later commit that leaves it as it is).

Every other plan keeps its parent's version. A file the commit shows is checked in the
commit's context (the plan ids there, the files sharing its id): the check is asked for by a
key holding that context, and done elsewhere meanwhile (`version_checks.py`), since nothing in
the walk depends on it. What comes out is what comparing the whole snapshots would give
(`tests/test_history_walk.py` checks it against that on random histories), at a cost that grows
with the changes, not with commits × plans.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from ..load import LoadedFile
from ..words import Words
from .changes import PlanDiff, diff_plans
from .git import Commit, ObjectReader, Repository
from .sections import SectionLoader
from .snapshots import PlanVersion
from .version_checks import Key, VersionChecks

Shown = tuple[str, PlanVersion, Key]  # the plan id it stands for, the version, its check


@dataclass
class _Tip:
    """The folder after a commit, and its plans' state."""

    tree: str | None = None  # the folder's tree hash (None: no folder)
    files: dict[str, str] = field(default_factory=dict)  # path → blob hash
    versions: dict[str, PlanVersion] = field(default_factory=dict)  # path → its version
    owners: dict[str, tuple[str, ...]] = field(default_factory=dict)  # plan id → paths naming it
    unread: dict[str, str | None] = field(default_factory=dict)  # path without an id → the plan
    # id it held (the parent's state's plan of that file), which keeps its last readable version
    plans: dict[str, PlanVersion] = field(default_factory=dict)  # the state: id → last readable
    by_file: dict[str, str] = field(default_factory=dict)  # path → the plan id whose state it is
    known: frozenset[str] | None = None  # the plan ids (`ids()`), until they change

    def copy(self) -> _Tip:
        return _Tip(
            self.tree,
            *(dict(d) for d in (self.files, self.versions, self.owners, self.unread)),
            *(dict(d) for d in (self.plans, self.by_file)),
            self.known,
        )

    def ids(self) -> frozenset[str]:
        """The plan ids at this commit: one set for all the checks that list them."""
        if self.known is None:
            self.known = frozenset(self.owners)
        return self.known

    def claim(self, path: str) -> str | None:
        """The plan id a file stands for: its own, or the one it held when it became unreadable."""
        version = self.versions[path]
        return version.id if version.id is not None else self.unread.get(path)


@dataclass(frozen=True)
class Step:
    """What one commit did: its diffs against its first parent (a merge: see history.py),
    and the files it shows (which are invalid once their checks' errors are known)."""

    diffs: list[PlanDiff]
    shown: tuple[Shown, ...]
    parents: list[Mapping[str, PlanVersion]]  # each parent's state (the first: the ids compared)
    plans: Mapping[str, PlanVersion]  # the state after the commit


class Walk:
    """Walks one repository folder's commits, oldest first."""

    def __init__(
        self, repository: Repository, reader: ObjectReader, words: Words, checks: VersionChecks
    ) -> None:
        self.folder = repository.folder
        self.prefix = f"{self.folder}/" if self.folder else ""
        self.reader = reader
        self.words = words
        self.checks = checks
        self.sections = SectionLoader(words)
        self._versions: dict[tuple[str, str], PlanVersion] = {}

    def steps(self, commits: Sequence[Commit]) -> Iterator[tuple[Commit, Step]]:
        """Each commit (oldest first; git lists children first) and what it did. A commit's
        tip is kept until its last child is walked; the last child takes it over."""
        children = Counter(parent for commit in commits for parent in commit.parents)
        tips: dict[str, _Tip] = {}
        for commit in reversed(commits):
            first = commit.parents[0] if commit.parents else None
            base = tips.get(first) if first is not None else None
            owned = base is not None and children[first] == 1
            others = [tips[p].plans if p in tips else {} for p in commit.parents[1:]]
            tip, step = self._step(commit, base or _Tip(), owned or base is None, others)
            yield commit, step
            for parent in commit.parents:
                children[parent] -= 1
                if children[parent] <= 0:
                    tips.pop(parent, None)
            if children[commit.sha] > 0:
                tips[commit.sha] = tip

    def _step(
        self, commit: Commit, base: _Tip, owned: bool, others: list[Mapping[str, PlanVersion]]
    ) -> tuple[_Tip, Step]:
        tree = self.reader.folder_tree(commit.sha, self.folder)
        changed = self.reader.changed_files(base.tree, tree, self.prefix)
        items, contents = self._load_all(changed)
        tip = base if owned else base.copy()  # from here on, `base` may be `tip`
        tip.tree = tree
        affected = self._files(tip, changed, items)
        affected |= self._claims(tip, changed, items)
        for path, item in items.items():
            tip.versions[path] = self._version(path, tip.files[path], item)
        before = {plan_id: tip.plans.get(plan_id) for plan_id in affected}
        self._state(tip, before)
        shown = tuple(self._shown(tip, path, contents) for path in sorted(items))
        old = {i: v for i, v in before.items() if v is not None}
        new = {i: tip.plans[i] for i in before if i in tip.plans}
        step = Step(diff_plans(old, new), tuple(s for s in shown if s), [old, *others], tip.plans)
        return tip, step

    def _load_all(
        self, changed: Mapping[str, str | None]
    ) -> tuple[dict[str, LoadedFile], dict[str, bytes]]:
        """The changed files present at the commit, loaded (each blob read and loaded once),
        and the contents read."""
        present = {path: blob for path, blob in changed.items() if blob is not None}
        new = sorted({b for p, b in present.items() if (p, b) not in self._versions})
        contents = self.reader.blobs(new) if new else {}
        return {path: self._load(path, blob, contents) for path, blob in present.items()}, contents

    def _load(self, path: str, blob: str, contents: Mapping[str, bytes]) -> LoadedFile:
        version = self._versions.get((path, blob))
        if version is not None:
            return version.loaded
        return self.sections.load_any(contents.get(blob, b""), path)

    def _version(self, path: str, blob: str, item: LoadedFile) -> PlanVersion:
        """The version of a file (one object for each file and blob). Its diagnostics are not
        here: a history shows the errors of the files a commit shows (`_shown`)."""
        version = self._versions.get((path, blob))
        if version is None:
            version = self._versions[(path, blob)] = PlanVersion(path, blob, item, (), None)
        return version

    def _shown(self, tip: _Tip, path: str, contents: Mapping[str, bytes]) -> Shown | None:
        """A file the commit shows, with the key of its check in the commit's context (the
        check is asked for now, its errors come with `checks.results()`); None when it
        stands for no plan."""
        claim = tip.claim(path)
        if claim is None:
            return None
        version = tip.versions[path]
        data = version.data or {}
        own = data.get("id")
        sharing = tip.owners.get(own, ()) if isinstance(own, str) else ()
        key = (path, version.blob, _previous_context(data, tip), sharing)
        if not self.checks.asked(key):
            raw = contents.get(version.blob)
            self.checks.ask(key, raw if raw is not None else self.reader.blob(version.blob))
        return claim, version, key

    def _files(
        self, tip: _Tip, changed: Mapping[str, str | None], items: Mapping[str, LoadedFile]
    ) -> set[str]:
        """The changed files put in the tip (their versions still the parent's); the plan ids
        they named before and name now."""
        affected: set[str] = set()
        for path, blob in changed.items():
            old = tip.versions.get(path)
            if old is not None and old.id is not None:
                affected.add(old.id)
                tip.owners[old.id] = tuple(p for p in tip.owners[old.id] if p != path)
                if not tip.owners[old.id]:
                    del tip.owners[old.id]
                    tip.known = None
            if blob is None:
                del tip.files[path], tip.versions[path]
                continue
            tip.files[path] = blob
            new_id = _id(items[path])
            if new_id is not None:
                affected.add(new_id)
                if new_id not in tip.owners:
                    tip.known = None
                tip.owners[new_id] = tuple(sorted((*tip.owners.get(new_id, ()), path)))
        return affected

    def _claims(self, tip: _Tip, changed: Mapping[str, str | None], items: Mapping) -> set[str]:
        """Which plan each file without an id holds on to now: the one the parent's state had
        of that file (`tip.by_file`, not updated yet). The ids whose holders changed."""
        affected = {claim for path in changed if (claim := tip.unread.pop(path, None))}
        for path, item in items.items():
            if _id(item) is None:
                tip.unread[path] = None
        for path, old in tip.unread.items():
            new = tip.by_file.get(path)
            if new != old:
                affected |= {i for i in (old, new) if i is not None}
                tip.unread[path] = new
        return affected

    def _state(self, tip: _Tip, before: Mapping[str, PlanVersion | None]) -> None:
        """The state's plans of the affected ids: the version of the first file (by path)
        standing for the id; a file without an id keeps its plan's last readable version."""
        holders: dict[str, list[str]] = {}
        for path, claim in tip.unread.items():
            if claim in before:
                holders.setdefault(claim, []).append(path)
        for plan_id, old in before.items():
            if old is not None and tip.by_file.get(old.file) == plan_id:
                del tip.by_file[old.file]
            named = tip.owners.get(plan_id, ())
            first = min((*named, *holders.get(plan_id, ())), default=None)
            if first is None:
                tip.plans.pop(plan_id, None)
            elif first in named:
                tip.plans[plan_id] = tip.versions[first]
            else:
                assert old is not None  # a file holds the plan its parent's state had
                tip.plans[plan_id] = old
        for plan_id in before:
            if plan_id in tip.plans:
                tip.by_file[tip.plans[plan_id].file] = plan_id


def _id(item: LoadedFile) -> str | None:
    plan_id = item.data.get("id") if isinstance(item.data, dict) else None
    return plan_id if isinstance(plan_id, str) else None


def _previous_context(data: Mapping, tip: _Tip) -> object:
    """What the check of a file's `previous` depends on beyond the file: whether the plan it
    names exists, or (it does not) the ids the message lists."""
    previous = data.get("previous")
    if not isinstance(previous, str) or previous == data.get("id"):
        return None
    return True if previous in tip.owners else tip.ids()
