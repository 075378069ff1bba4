"""The plan files the authoring commands read and write: found by id or path, written
atomically (a crash leaves the old file or the new one, never half of one)."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from ..check import find_plan_files
from ..check.files import identity
from ..load import load_file
from ..words import Words
from .errors import CommandError
from .site_config import SiteConfig


def project_plans(config: SiteConfig, words: Words) -> dict[str, tuple[Path, str]]:
    """Plan id → (file, its name as shown) for every plan file of the plans folder."""
    folder = config.plans_dir
    found: dict[str, tuple[Path, str]] = {}
    if not folder.is_dir():
        return found
    for path, shown in find_plan_files([folder]):
        data = load_file(path, shown, words=words).data
        plan_id = data.get("id") if isinstance(data, dict) else None
        if isinstance(plan_id, str):
            found.setdefault(plan_id, (path, shown))
    return found


def find_plan(plan: str, config: SiteConfig, words: Words) -> tuple[Path, str]:
    """The file of PLAN: a path to a plan file, or a plan id of the plans folder."""
    given = Path(plan)
    if given.suffix == ".md" and given.is_file():
        return given, plan
    plans = project_plans(config, words)
    if plan in plans:
        return plans[plan]
    known = ", ".join(sorted(plans)) or words["none-yet"]
    raise CommandError(words.say("rec-unknown-plan", plan=plan, known=known))


def sources_key(path: Path) -> str:
    """How check() knows a file whose new text is handed to it (see check's `sources`)."""
    return identity(path)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder and one rename."""
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
    temporary = _written_beside(path, data)
    try:
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def write_new(path: Path, data: bytes) -> None:
    """Write a new file whole or not at all; FileExistsError when `path` exists."""
    temporary = _written_beside(path, data)
    try:
        os.chmod(temporary, 0o666 & ~_umask())
        try:
            os.link(temporary, path)  # fails, atomically, when the file exists
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links
            if path.exists():
                raise FileExistsError(path) from None
            os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _written_beside(path: Path, data: bytes) -> str:
    """A temporary file in `path`'s folder holding `data`, on disk (fsync); the caller renames
    or removes it."""
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
