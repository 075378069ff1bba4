"""The plans as they were at a revision: every plan file of the folder read from git, loaded and
checked by the same rules as the files on disk (for `salesplan diff`, and a site built from a
revision). A whole history is walked otherwise, a commit at a time (walk.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..check import CheckResult, check_file
from ..check.cross_file import plan_ids
from ..diagnostic import Diagnostic
from ..load import LoadedFile, parse_plan_text
from ..model import Plan
from ..words import Words
from .git import Commit, ObjectReader, Repository


@dataclass(frozen=True, eq=False)
class PlanVersion:
    """One plan file as it was at one revision."""

    file: str  # the path in the repository, "/"-separated
    blob: str  # git's hash of its content
    loaded: LoadedFile  # its data (None when unreadable), body and positions
    # its problems; in a history (walk.py), only the errors of a version a commit shows as
    # invalid, and none for the versions its diffs compare (a history checks no more)
    diagnostics: tuple[Diagnostic, ...]
    plan: Plan | None  # the typed plan, when it has no error (never in a history)

    @property
    def data(self) -> dict[str, Any] | None:
        return self.loaded.data if isinstance(self.loaded.data, dict) else None

    @property
    def id(self) -> str | None:
        plan_id = self.data.get("id") if self.data is not None else None
        return plan_id if isinstance(plan_id, str) else None

    @property
    def valid(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == "error")


@dataclass(frozen=True)
class Snapshot:
    """Every plan file of the folder at one commit."""

    commit: Commit | None
    versions: tuple[PlanVersion, ...]  # sorted by file
    language: str = "en"

    def by_id(self) -> dict[str, PlanVersion]:
        """Plan id → its version (the first file, by path, when two files share an id)."""
        found: dict[str, PlanVersion] = {}
        for version in self.versions:
            if version.id is not None:
                found.setdefault(version.id, version)
        return found

    def result(self) -> CheckResult:
        """The check of the snapshot, as `check` reports a plans folder."""
        diagnostics = sorted(
            (d for v in self.versions for d in v.diagnostics), key=Diagnostic.sort_key
        )
        plans = sorted((v.plan for v in self.versions if v.plan is not None), key=_path)
        return CheckResult(
            tuple(v.loaded.file for v in self.versions),
            tuple(plans),
            tuple(diagnostics),
            self.language,
        )


def _path(plan: Plan) -> str:
    return plan.path


class Snapshots:
    """Reads snapshots of one repository folder, remembering every file it loaded.

    `label`: how files are named in diagnostics, `{label}:{path}` as git writes a file at a
    revision (e.g. `HEAD~1:plans/east/x.md`); without it, by their path alone.
    """

    def __init__(self, repository: Repository, reader: ObjectReader, words: Words) -> None:
        self.repository = repository
        self.reader = reader
        self.words = words
        self._loaded: dict[tuple[str, str], LoadedFile] = {}

    def at(self, commit: Commit, label: str | None = None) -> Snapshot:
        """The plan files of the folder at `commit`."""
        folder = self.repository.folder
        files = self.reader.files(commit.sha, folder)
        named = []
        for relative, blob in sorted(files.items()):
            path = f"{folder}/{relative}" if folder else relative
            named.append((path, blob, f"{label}:{path}" if label else path))
        new = sorted({blob for _, blob, shown in named if (shown, blob) not in self._loaded})
        contents = self.reader.blobs(new)
        items = [(path, blob, self._load(shown, blob, contents)) for path, blob, shown in named]
        owners = plan_ids([item for _, _, item in items])
        ids = frozenset(owners)
        versions = tuple(self._check(path, blob, item, ids, owners) for path, blob, item in items)
        return Snapshot(commit, versions, self.words.language)

    def _load(self, shown: str, blob: str, contents: dict[str, bytes]) -> LoadedFile:
        key = (shown, blob)
        loaded = self._loaded.get(key)
        if loaded is None:
            loaded = parse_plan_text(contents.get(blob, b""), LoadedFile(shown), words=self.words)
            self._loaded[key] = loaded
        return loaded

    def _check(
        self, path: str, blob: str, item: LoadedFile, ids: frozenset[str], owners: dict
    ) -> PlanVersion:
        found, plan = check_file(
            item, Path(item.file), plan_ids=ids, owners=owners, words=self.words
        )
        return PlanVersion(path, blob, item, tuple(found), plan)


def read_snapshot(folder: Path, revision: str, *, words: Words) -> Snapshot:
    """The plans of `folder` as they were at `revision`, named `{revision}:{path}`."""
    repository = Repository.of(folder)
    commit = repository.commit(revision)
    with repository.objects() as reader:
        return Snapshots(repository, reader, words).at(commit, label=revision)
