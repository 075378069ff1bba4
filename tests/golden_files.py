"""Golden files: expected output kept in the repository, rewritten only on request."""

from __future__ import annotations

from pathlib import Path

import pytest

UPDATE_COMMAND = "python3 -m pytest --update-goldens"


def golden_text(path: Path, current: str, *, update: bool) -> str:
    """The text of the golden file at path, to compare `current` with.

    With update, `current` is written there first. A missing golden file fails the test: were it
    written instead, the test would pass by comparing the output with itself.
    """
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(current, encoding="utf-8")
    elif not path.is_file():
        pytest.fail(
            f"golden file {path} is missing: run `{UPDATE_COMMAND}` to write it, then review it"
        )
    return path.read_text(encoding="utf-8")
