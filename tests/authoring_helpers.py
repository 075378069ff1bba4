"""Shared helpers of the command tests: a copy of the example repository, the command in a
given language, the files of a folder, a time limit, and a check that an edit only added
lines."""

from __future__ import annotations

import difflib
import re
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from click.testing import CliRunner

from generator import cli

ROOT = Path(__file__).resolve().parent.parent
SHANGHAI = Path("plans/east/east-shanghai-2023q3.md")


def copy_project(target: Path) -> Path:
    """plans/, docs/ and mkdocs.yml of the example site in `target`."""
    for name in ("plans", "docs"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def run(*args: str, lang: str = "en") -> tuple[int, str]:
    """(exit code, what it printed) of `salesplan ARGS` in the working folder; with
    --format json, only standard output."""
    result = CliRunner(env={"SALESPLAN_LANG": lang}).invoke(cli.app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout if "json" in args else result.output


def files_in(folder: Path, leave_out: tuple[str, ...] = ()) -> dict[str, bytes]:
    """Every file below `folder` (relative path → bytes), but those of the top-level folders
    named in `leave_out`: what a command must not have written, changed or removed."""
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.relative_to(folder).parts[0] not in leave_out
    }


@contextmanager
def within(seconds: int, what: str = "") -> Iterator[None]:
    """Fail, rather than hang the suite, when the block takes longer (`what` names it)."""

    def stop(*_: object) -> None:
        raise TimeoutError(f"{what or 'the block'} still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def lines(data: bytes) -> list[bytes]:
    return re.findall(rb"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", data)


def added_lines(before: bytes, after: bytes) -> list[bytes]:
    """The lines `after` adds to `before`; fails if any line of `before` changed or went."""
    old, new = lines(before), lines(after)
    added = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        assert tag in ("equal", "insert"), (tag, old[i1:i2], new[j1:j2])
        if tag == "insert":
            added += new[j1:j2]
    return added
