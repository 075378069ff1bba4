"""Shared pytest options: `pytest --update-goldens` rewrites the golden files in tests/goldens/.

At the end of a run, the figures the browser tests measured (page weight, time to the first
chart) and where their screenshots are, are printed (see browsing.py).
"""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite tests/goldens/ from the current output instead of comparing",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    import sys

    browsing = sys.modules.get("browsing")  # imported by the browser tests, when they ran
    if browsing is None or not browsing.FIGURES:
        return
    terminalreporter.section("the site, measured in Chromium")
    width = max(len(name) for name in browsing.FIGURES)
    for name, value in browsing.FIGURES.items():
        terminalreporter.write_line(f"{name:<{width}}  {value}")
