"""The preview under `salesplan serve`: a plan with an error never stalls it.

MkDocs' server answers a request only once a build has succeeded, so a build that fails on a
bad plan would keep every page of the preview loading until the plan is fixed, the error shown
only in the terminal. Under `serve` the plugin therefore never fails on the plans: it keeps the
pages of the last good check, adds a page listing the problems (file, line, rule and message,
in the site's language, paths relative to the project), and a banner on every page that leads
to it. The save that fixes the plan brings the whole site back in step.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from ..check import CheckResult
from ..compute import SiteData
from ..diagnostic import Diagnostic
from ..model import Plan
from ..render.paths import PROBLEMS, href
from ..render.problems import problems_banner, problems_page
from ..words import Words

Pages = dict[str, str | bytes]
Render = Callable[[Sequence[Plan]], tuple[SiteData, Pages]]


class Preview:
    """What `serve` shows: the pages of the last good check, and the problems since."""

    def __init__(self) -> None:
        self._good: tuple[SiteData, Pages] | None = None
        self._problems: tuple[Diagnostic, ...] = ()
        self._words = Words("en")

    @property
    def problems(self) -> tuple[Diagnostic, ...]:
        """The problems of the plans since the last good check (none when they are fine)."""
        return self._problems

    def site(
        self, result: CheckResult, render: Render, words: Words, project: Path
    ) -> tuple[SiteData, Pages]:
        """The site to show for this check of the plans.

        Without an error: the plans' own pages, remembered as the last good ones. With one:
        the last good pages (or, before any, those of the plans without an error) and the
        page of problems.
        """
        self._words = words
        if result.ok:
            self._good = render(result.plans)
            self._problems = ()
            return self._good
        self._problems = tuple(relative(d, project) for d in result.diagnostics)
        data, pages = self._good or render(result.plans)
        return data, {**pages, PROBLEMS: problems_page(self._problems, words)}

    def banner(self, page: str, directory_urls: bool) -> str:
        """The banner at the top of `page` (its source path) while the plans have errors."""
        if page == PROBLEMS or not any(d.severity == "error" for d in self._problems):
            return ""
        link = href(PROBLEMS, page, directory_urls)
        return str(problems_banner(self._problems, self._words, link))


def relative(diagnostic: Diagnostic, project: Path) -> Diagnostic:
    """The diagnostic with its file named relative to the project (the folder of mkdocs.yml)."""
    file = Path(diagnostic.file)
    if file.is_absolute():
        try:
            file = file.relative_to(project.resolve())
        except ValueError:
            shown = os.path.relpath(file, project.resolve())
            file = Path(shown) if not shown.startswith("..") else file
    return replace(diagnostic, file=file.as_posix())
