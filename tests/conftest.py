"""Shared pytest options and fixtures.

`pytest --update-goldens` rewrites the golden files (tests/goldens/, the expected diagnostics
beside tests/plans/invalid/); without it a missing golden file fails its test.
"""

from __future__ import annotations

import os
import shutil
import sysconfig
from collections.abc import Callable
from pathlib import Path

import pytest
from golden_files import golden_text


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite the golden files from the current output instead of comparing",
    )


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[Path, str], str]:
    """golden(path, current): the text of the golden file to compare `current` with."""
    update = bool(request.config.getoption("--update-goldens"))
    return lambda path, current: golden_text(path, current, update=update)


@pytest.fixture(scope="session")
def salesplan() -> str:
    """The installed `salesplan` command of this Python: its scripts folder first, then PATH."""
    search = os.pathsep.join([sysconfig.get_path("scripts"), os.environ.get("PATH", "")])
    found = shutil.which("salesplan", path=search)
    if found is None:
        pytest.fail("the console script is not installed: python3 -m pip install -e '.[test]'")
    return found
