"""Reading a git repository: the commits that touched a folder (one `git log`), and the files of
that folder at any commit (one `git cat-file --batch` process for every tree and blob).

Nothing here runs one process per revision: the cost of a history is one `git log` and one
`cat-file` process, whatever its length. Every failure (no git, not a repository, an unknown
revision, git refusing to run) becomes a `GitError` whose `reason` is a word key.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

_RECORD, _FIELD = "\x1e", "\x1f"
_LOG_FORMAT = _FIELD.join(("%H", "%P", "%aN", "%aI", "%cI", "%s"))
_TREE, _BLOB = b"40000", (b"100644", b"100755")
_TREES_KEPT = 64  # trees remembered while walking a history (a commit reads a few)
_ENTRY = re.compile(rb"(\d+) ([^\0]*)\0(.{20})", re.S)  # a tree's entry: mode, name, raw hash
# git must never wait for a person, nor lock the repository for a read; its messages are read
# in English (C locale). Names and subjects come out in UTF-8 whatever the locale.
_ENVIRONMENT = {
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_PAGER": "cat",
    "GIT_OPTIONAL_LOCKS": "0",
    "LC_ALL": "C",
}


class GitError(Exception):
    """Git could not answer. `reason`: a word key (rev.git.*); `detail`: git's own words."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Commit:
    """One commit: who made it, when, and its first line."""

    sha: str
    parents: tuple[str, ...]  # as git log gives them: rewritten to the commits it lists
    author: str
    authored: datetime  # with the author's own UTC offset
    committed: datetime
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass(frozen=True)
class Repository:
    """A folder inside a git work tree: the repository's top and the folder's path in it."""

    top: Path
    folder: str  # the folder relative to `top`, "/"-separated, "" for the top itself
    shallow: bool

    @classmethod
    def of(cls, folder: Path) -> Repository:
        """The repository that holds `folder` (which need not exist any more)."""
        existing = folder
        while not existing.is_dir() and existing != existing.parent:
            existing = existing.parent
        out = _git(existing, "rev-parse", "--show-toplevel", "--is-shallow-repository")
        top_text, shallow = [*out.decode("utf-8", "replace").splitlines(), "", ""][:2]
        top = Path(top_text)
        try:
            inside = folder.resolve().relative_to(top.resolve()).as_posix()
        except ValueError:
            raise GitError("rev.git.outside", str(folder)) from None
        return cls(top, "" if inside == "." else inside, shallow.strip() == "true")

    def commit(self, revision: str) -> Commit:
        """The commit a revision names (a hash, branch, tag, HEAD~2, …)."""
        if not revision.strip() or revision.startswith("-"):
            raise GitError("rev.git.unknown-revision", revision)
        try:
            out = _git(self.top, "log", "-1", f"--format={_LOG_FORMAT}", revision, "--")
        except GitError as error:
            raise GitError("rev.git.unknown-revision", revision) from error
        return _commit(out.decode("utf-8", "replace").rstrip("\n"))

    def log(self, revision: str = "HEAD") -> list[Commit]:
        """The commits up to `revision` that changed the folder, newest first (one `git log`).

        Parents are rewritten to the listed commits (git's history simplification), so that a
        commit's changes are those against the last listed state of each parent.
        """
        spec = self.folder or "."
        try:
            out = _git(
                self.top,
                *("log", "--parents", "--date-order", f"--format={_RECORD}{_LOG_FORMAT}"),
                *(revision, "--", spec),
            )
        except GitError as error:
            if error.reason == "rev.git.failed" and "unknown revision" in error.detail:
                return []  # a repository without any commit yet
            raise
        text = out.decode("utf-8", "replace")
        return [_commit(record.strip("\n")) for record in text.split(_RECORD) if record.strip()]

    @contextmanager
    def objects(self) -> Iterator[ObjectReader]:
        """One `git cat-file --batch` process, for as many trees and blobs as needed."""
        reader = ObjectReader(self.top)
        try:
            yield reader
        finally:
            reader.close()


class ObjectReader:
    """Reads trees and blobs through one `git cat-file --batch`; trees are remembered."""

    def __init__(self, top: Path) -> None:
        try:
            self._process = subprocess.Popen(
                ["git", "cat-file", "--batch"],
                cwd=top,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env={**os.environ, **_ENVIRONMENT},
            )
        except OSError as error:
            raise GitError("rev.git.missing", str(error)) from None
        self._files: dict[str, dict[str, str]] = {}  # tree hash → {path: blob hash}
        self._trees: OrderedDict[str, dict[bytes, tuple[bytes, bytes]]] = OrderedDict()

    def pipes(self) -> tuple[int, ...]:
        """The file descriptors of this process's pipes to git (a forked process closes them)."""
        streams = (self._process.stdin, self._process.stdout)
        return tuple(stream.fileno() for stream in streams if stream is not None)

    def read(self, name: str) -> tuple[str, str, bytes] | None:
        """(type, hash, content) of an object (`<commit>:<path>`, a hash), None if missing."""
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        if "\n" in name:
            return None
        try:
            stdin.write(name.encode("utf-8") + b"\n")
            stdin.flush()
            header = stdout.readline().decode("utf-8", "replace").split()
        except OSError as error:
            raise GitError("rev.git.failed", str(error)) from None
        if len(header) != 3:  # "<name> missing" (or ambiguous)
            return None
        sha, kind, size = header
        content = _read_exactly(stdout, int(size) + 1)[:-1]  # each object ends with "\n"
        return kind, sha, content

    def files(self, commit: str, folder: str) -> dict[str, str]:
        """The `.md` files under `folder` at `commit`, outside `_`-named files, as
        {path relative to the folder: blob hash}; {} when the folder did not exist then."""
        tree = self.folder_tree(commit, folder)
        return self._tree_files(tree) if tree is not None else {}

    def _tree_files(self, sha: str) -> dict[str, str]:
        known = self._files.get(sha)
        if known is not None:
            return known
        files: dict[str, str] = {}
        for name, (mode, raw) in self._entries(sha).items():
            text = name.decode("utf-8", "surrogateescape")
            if mode == _TREE:
                for path, blob in self._tree_files(raw.hex()).items():
                    files[f"{text}/{path}"] = blob
            elif _plan_file(mode, text):
                files[text] = raw.hex()
        self._files[sha] = files
        return files

    def folder_tree(self, commit: str, folder: str) -> str | None:
        """The hash of `folder`'s tree at `commit`; None when the folder did not exist then."""
        found = self.read(f"{commit}:{folder}" if folder else f"{commit}^{{tree}}")
        if found is None or found[0] != "tree":
            return None
        self._remember(found[1], found[2])
        return found[1]

    def changed_files(self, old: str | None, new: str | None, prefix: str) -> dict[str, str | None]:
        """The plan files that differ between two trees of a folder (None: no folder), as
        {prefix + path: the new blob hash, None when the file is gone}. Only the subtrees
        whose hash differs are read: a commit that changed one file costs one path down."""
        found: dict[str, str | None] = {}
        self._diff(old, new, prefix, found)
        return found

    def _diff(self, old: str | None, new: str | None, prefix: str, found: dict) -> None:
        if old == new:
            return
        before = self._entries(old) if old is not None else {}
        after = self._entries(new) if new is not None else {}
        for name in {name for name, _ in before.items() ^ after.items()}:  # the entries that differ
            a, b = before.get(name), after.get(name)
            text = name.decode("utf-8", "surrogateescape")
            path = prefix + text
            tree_a = a[1].hex() if a is not None and a[0] == _TREE else None
            tree_b = b[1].hex() if b is not None and b[0] == _TREE else None
            if tree_a is not None or tree_b is not None:
                self._diff(tree_a, tree_b, path + "/", found)
            file_a = a[1] if a is not None and _plan_file(a[0], text) else None
            file_b = b[1] if b is not None and _plan_file(b[0], text) else None
            if file_a != file_b:
                found[path] = file_b.hex() if file_b is not None else None

    def _entries(self, sha: str) -> dict[bytes, tuple[bytes, bytes]]:
        """{name: (mode, raw hash)} of a tree; the most recent trees are remembered."""
        known = self._trees.get(sha)
        if known is not None:
            self._trees.move_to_end(sha)
            return known
        found = self.read(sha)
        return self._remember(sha, found[2] if found is not None and found[0] == "tree" else b"")

    def _remember(self, sha: str, content: bytes) -> dict[bytes, tuple[bytes, bytes]]:
        entries = {name: (mode, raw) for mode, name, raw in _ENTRY.findall(content)}
        self._trees[sha] = entries
        if len(self._trees) > _TREES_KEPT:
            self._trees.popitem(last=False)
        return entries

    def blob(self, sha: str) -> bytes:
        found = self.read(sha)
        return found[2] if found is not None else b""

    def blobs(self, shas: list[str], batch: int = 400) -> dict[str, bytes]:
        """Many blobs, asked for in batches: the requests of a batch fit in the pipe, so
        git answers them while we read, without a round trip per blob."""
        stdin, stdout = self._process.stdin, self._process.stdout
        assert stdin is not None and stdout is not None
        found: dict[str, bytes] = {}
        for start in range(0, len(shas), batch):
            chunk = shas[start : start + batch]
            try:
                stdin.write("".join(f"{sha}\n" for sha in chunk).encode())
                stdin.flush()
            except OSError as error:
                raise GitError("rev.git.failed", str(error)) from None
            for sha in chunk:
                header = stdout.readline().decode("utf-8", "replace").split()
                if len(header) == 3:
                    found[sha] = _read_exactly(stdout, int(header[2]) + 1)[:-1]
        return found

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._process.wait()


def _plan_file(mode: bytes, name: str) -> bool:
    """A tree entry the plans folder counts: a `.md` file whose name does not start with `_`."""
    return mode in _BLOB and name.endswith(".md") and not name.startswith("_")


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    chunks, left = [], size
    while left > 0:
        chunk = stream.read(left)
        if not chunk:
            raise GitError("rev.git.failed", "git cat-file stopped")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _commit(record: str) -> Commit:
    sha, parents, author, authored, committed, subject = record.split(_FIELD, 5)
    return Commit(
        sha,
        tuple(parents.split()),
        author,
        datetime.fromisoformat(authored),
        datetime.fromisoformat(committed),
        subject,
    )


def _git(folder: Path, *args: str) -> bytes:
    if shutil.which("git") is None:
        raise GitError("rev.git.missing")
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=folder,
            capture_output=True,
            env={**os.environ, **_ENVIRONMENT},
            check=False,
            timeout=600,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise GitError("rev.git.failed", str(error)) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip()
        if "not a git repository" in detail:
            raise GitError("rev.git.not-a-repository")
        raise GitError("rev.git.failed", detail.splitlines()[0] if detail else "")
    return done.stdout
