"""What `salesplan serve` shows while a plan has an error: a page listing the plans' problems,
and a banner at the top of every other page that links to it.

The preview never stalls on a bad plan (MkDocs' server would wait for a build that never
succeeds): the site keeps its last good pages, these say why, in the site's language.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from ..diagnostic import Diagnostic
from ..words import Words
from .cells import Code, Table
from .markup import page_title, render_template

BANNER_LIMIT = 5  # problems listed in the banner; the page lists them all


def problems_table(diagnostics: Sequence[Diagnostic], words: Words) -> Table:
    """Every problem: file (relative to the project), line, rule, where, message."""
    columns = tuple(words[f"problems.{k}"] for k in ("file", "line", "rule", "where", "message"))
    rows = tuple(
        (
            Code(d.file),
            f"{d.line}:{d.column}",
            Code(d.rule),
            Code(d.pointer) if d.pointer else None,
            words.say(
                "problems.entry", severity=words[f"problems.{d.severity}"], message=d.message
            ),
        )
        for d in diagnostics
    )
    return Table(words["problems.title"], columns, rows, "sp-problems")


def problems_page(diagnostics: Sequence[Diagnostic], words: Words) -> str:
    """The page of the plans' problems (at paths.PROBLEMS)."""
    return render_template(
        "problems.md.j2",
        words=words,
        title=page_title(words["problems.title"]),
        problems=problems_table(diagnostics, words),
    )


def problems_banner(diagnostics: Sequence[Diagnostic], words: Words, href: str) -> Markup:
    """The notice at the top of every page while the plans have errors; `href` leads to the
    problems page."""
    errors = [d for d in diagnostics if d.severity == "error"]
    files = {d.file for d in errors}
    summary = words.say(
        "problems.banner",
        errors=words.count("n-errors", len(errors)),
        files=words.count("problems.n-files", len(files)),
    )
    return Markup(
        render_template(
            "_problems_banner.html.j2",
            words=words,
            summary=summary,
            shown=errors[:BANNER_LIMIT],
            href=href,
        ).strip()
    )
