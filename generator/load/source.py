"""Reading a plan file's bytes: regular files only, at most 1 MiB, never a hang.

A name on the command line may be a device (`/dev/zero` never ends) or a pipe (reading it waits
for a writer): only a regular file is opened, without blocking, and never more than the limit
is read, whatever its size claimed.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..words import Words
from .frontmatter import parse_plan_text
from .loaded import LoadedFile

MAX_BYTES = 1024 * 1024
# Opening never waits (a pipe swapped in after the check) and never takes a terminal.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)


class _NotRegular(Exception):
    """The path names a device, pipe, socket or folder rather than a file."""


def load_file(path: Path, display: str | None = None, *, words: Words) -> LoadedFile:
    """Read and parse one plan file; problems become diagnostics, never exceptions."""
    loaded = LoadedFile(display if display is not None else path.as_posix())
    try:
        raw, size = read_limited(path)
    except _NotRegular:
        loaded.error("file-unreadable", words["file-not-regular"], (1, 1))
        return loaded
    except OSError as exc:
        reason = exc.strerror or exc
        loaded.error("file-unreadable", words.say("file-unreadable", reason=reason), (1, 1))
        return loaded
    if size > MAX_BYTES:
        shown = f"{size / MAX_BYTES:.1f}"
        loaded.error("file-too-large", words.say("file-too-large", size=shown), (1, 1))
        return loaded
    return parse_plan_text(raw, loaded, words=words)


def read_limited(path: Path) -> tuple[bytes, int]:
    """(the bytes of a regular file, its size); nothing is read past MAX_BYTES + 1 bytes, and
    nothing at all of a file its size says is over the limit.

    Raises _NotRegular for anything else (a device, a pipe, a folder), before reading it.
    """
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise _NotRegular(path)
    descriptor = os.open(path, _OPEN_FLAGS)
    with os.fdopen(descriptor, "rb") as file:
        measured = os.fstat(file.fileno())
        if not stat.S_ISREG(measured.st_mode):  # swapped since the check
            raise _NotRegular(path)
        if measured.st_size > MAX_BYTES:
            return b"", measured.st_size
        raw = file.read(MAX_BYTES + 1)  # the file may have grown since it was measured
        return raw, max(len(raw), measured.st_size)
