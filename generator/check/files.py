"""Which files are plans: the paths a user names, folders searched, drafts left out, and links
that lead out of the repository refused (a pull request could add one to publish any file)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

DEFAULT_PLANS_DIR = Path("plans")


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
        unique.setdefault(identity(item[0]), item)
    return list(unique.values())


def identity(path: Path) -> str:
    """The path as one file is known by, whatever way it was named."""
    try:
        return str(path.resolve())
    except OSError:
        return str(path)


def repository_of(path: Path) -> Path:
    """The repository `path` (a file or folder) belongs to: the nearest folder at or above
    it holding `.git` or `mkdocs.yml`, else the folder above it.

    Taken from the path as written, not as links resolve: a link is judged by where it sits.
    """
    start = Path(os.path.abspath(path))
    for folder in (start, *start.parents):
        if (folder / ".git").exists() or (folder / "mkdocs.yml").is_file():
            return folder
    return start.parent


def outside_repository(path: Path, repository: Path) -> Path | None:
    """Where `path` really is when a link takes it outside `repository`, else None."""
    try:
        target = path.resolve()
        root = repository.resolve()
    except (OSError, RuntimeError):  # a loop of links: not followed either
        return None
    return None if target.is_relative_to(root) else target
