"""Shared pytest options and fixtures.

`pytest --update-goldens` rewrites the golden files (tests/goldens/, the expected diagnostics
beside tests/plans/invalid/); without it a missing golden file fails its test. `git_repo` is a
git repository in a temporary folder. At the end of a run, the figures the browser tests
measured (page weight, time to the first chart) and where their screenshots are, are printed
(see browsing.py).
`pytest tests/test_fuzz.py --fuzz 500` runs the whole-pipeline fuzz test on 500 mutated plans
(a few dozen by default, to keep the suite quick); a tenth of them also go through MkDocs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
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
    parser.addoption(
        "--fuzz",
        type=int,
        default=0,
        metavar="N",
        help="mutated plans for the whole-pipeline fuzz test (default: a few dozen)",
    )


def pytest_configure(config: pytest.Config) -> None:
    # Read by tests/test_fuzz.py when it is imported, which is after this.
    from hypothesis import HealthCheck, settings

    examples = config.getoption("--fuzz") or FUZZ_EXAMPLES
    quiet = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
    for name, count in (("pipeline", examples), ("pipeline-build", max(2, examples // 10))):
        settings.register_profile(
            name, max_examples=count, deadline=None, suppress_health_check=quiet
        )


FUZZ_EXAMPLES = 25


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


class GitRepo:
    """A git repository in a temporary folder; commits get fixed, increasing dates, so that
    everything read from it is the same at every run."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.commits = 0
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, date: str | None = None, author: str = "王磊") -> str:
        when = date or f"2023-07-{1 + self.commits:02d}T09:30:00+08:00"
        env = {
            **os.environ,
            "GIT_AUTHOR_DATE": when,
            "GIT_COMMITTER_DATE": when,
            "GIT_CONFIG_GLOBAL": os.devnull,  # no user configuration (hooks, signing) applies
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        identity = ("-c", f"user.name={author}", "-c", "user.email=plans@example.com")
        done = subprocess.run(
            ["git", *identity, *args], cwd=self.path, env=env, capture_output=True, check=True
        )
        return done.stdout.decode("utf-8").strip()

    def write(self, relative: str, text: str) -> Path:
        target = self.path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    def commit(self, message: str, *, author: str = "王磊", date: str | None = None) -> str:
        """Commit everything in the work tree; returns the commit's hash."""
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, author=author, date=date)
        self.commits += 1
        return self.git("rev-parse", "HEAD")


@pytest.fixture
def git_repo(tmp_path: Path) -> GitRepo:
    if shutil.which("git") is None:  # pragma: no cover - git is on every CI runner
        if os.environ.get("CI") == "true":
            pytest.fail("git is not installed")
        pytest.skip("git is not installed")
    folder = tmp_path / "repo"
    folder.mkdir()
    return GitRepo(folder)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    import sys

    browsing = sys.modules.get("browsing")  # imported by the browser tests, when they ran
    if browsing is None or not browsing.FIGURES:
        return
    terminalreporter.section("the site, measured in Chromium")
    width = max(len(name) for name in browsing.FIGURES)
    for name, value in browsing.FIGURES.items():
        terminalreporter.write_line(f"{name:<{width}}  {value}")
