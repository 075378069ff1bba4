"""Which files are plans: the paths a user names, folders searched, drafts left out."""

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
