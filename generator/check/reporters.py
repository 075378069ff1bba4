"""Reporters: a check result as text for people, JSON, GitHub annotations or Markdown."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from urllib.parse import quote

from ..diagnostic import printable
from ..words import Words
from .result import CheckResult

# GitHub drops a job summary over 1 MiB; stay well below it.
SUMMARY_LIMIT = 900 * 1024

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "ok": "\033[32m"}
_RESET = "\033[0m"


def summary_line(report: CheckResult) -> str:
    """E.g. `2 errors, 1 warning in 1 of 4 plans`, in the language of the report."""
    words = Words.of(report.language)
    plans = words.count("n-plans", len(report.files))
    if not report.diagnostics:
        return words.say("summary-clean", plans=plans)
    return words.say(
        "summary",
        errors=words.count("n-errors", report.errors),
        warnings=words.count("n-warnings", report.warnings),
        bad=report.files_with_problems,
        plans=plans,
    )


def text(report: CheckResult, color: bool = False, source_url: str | None = None) -> str:
    lines = []
    for d in report.diagnostics:
        line = str(d)
        if color:
            head, _, rest = line.partition(f" {d.severity} ")
            line = f"{head} {_COLOURS[d.severity]}{d.severity}{_RESET} {rest}"
        lines.append(line)
    summary = summary_line(report)
    if color:
        summary = f"{_COLOURS['error' if not report.ok else 'ok']}{summary}{_RESET}"
    lines.append(summary)
    return "\n".join(lines) + "\n"


def as_json(report: CheckResult, color: bool = False, source_url: str | None = None) -> str:
    return (
        json.dumps([d.as_dict() for d in report.diagnostics], ensure_ascii=False, indent=2) + "\n"
    )


def github_data(value: str) -> str:
    return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def github_property(value: str) -> str:
    return github_data(value).replace(":", "%3A").replace(",", "%2C")


def github(report: CheckResult, color: bool = False, source_url: str | None = None) -> str:
    """Workflow commands: each diagnostic becomes an annotation on its line of the pull request."""
    lines = []
    for d in report.diagnostics:
        command = "error" if d.severity == "error" else "warning"
        props = ",".join(
            f"{name}={github_property(str(value))}"
            for name, value in (
                ("file", d.file),
                ("line", d.line),
                ("col", d.column),
                ("title", d.rule),
            )
        )
        where = f"{d.pointer}: " if d.pointer else ""
        lines.append(f"::{command} {props}::{github_data(where + d.message)}")
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


# What can start markup inside a line of GitHub's Markdown: code, emphasis, strikethrough,
# links and images, HTML and entities, math, a table's column break, and the escape itself.
_MARKUP = re.compile(r"([\\`*_~\[\]<>|&$])")
_AUTOLINK = re.compile(r"(?i)(www)\.|(:)(?=//)")  # www.x.y and http://… become links


def markdown_cell(value: object) -> str:
    """Text for a Markdown table cell or heading, shown as written: nothing from a plan
    becomes a link, an image, emphasis, HTML or a column break, and a newline stays `\\n`."""
    text = _MARKUP.sub(r"\\\1", printable(str(value)))
    return _AUTOLINK.sub(lambda m: f"{m[1]}\\." if m[1] else "\\:", text)


def markdown_code(value: object) -> str:
    """A code span (fences included) holding `value` as written, backticks and all; a `|`
    is escaped for the table it may sit in."""
    text = printable(str(value)).replace("|", "\\|")
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def markdown(report: CheckResult, color: bool = False, source_url: str | None = None) -> str:
    """A Markdown table for the GitHub job summary, cut below GitHub's 1 MiB limit.

    With `source_url` (where the files are on the web, e.g.
    `https://github.com/OWNER/REPO/blob/COMMIT`), each problem's line links to that line.
    """
    words = Words.of(report.language)
    icon = "❌" if not report.ok else ("⚠️" if report.diagnostics else "✅")
    head = [f"### {icon} {words['md-heading']}: {summary_line(report)}", ""]
    if not report.diagnostics:
        return "\n".join(head) + "\n"
    head += [words["md-columns"], "|---|---|---|---|---|---|"]
    out, size = list(head), sum(len(h.encode()) + 1 for h in head)
    for shown, d in enumerate(report.diagnostics):
        sign = "❌" if d.severity == "error" else "⚠️"
        where = f"{d.line}:{d.column}"
        if source_url:
            where = f"[{where}]({_line_url(source_url, d.file, d.line)})"
        row = (
            f"| {sign} | {markdown_code(d.file)} | {where} | `{d.rule}` | "
            f"{markdown_code(d.pointer or '/')} | {markdown_cell(d.message)} |"
        )
        if size + len(row.encode()) + 200 > SUMMARY_LIMIT:
            rest = len(report.diagnostics) - shown
            out += ["", f"_{words.say('md-more', n=rest)}_"]
            break
        out.append(row)
        size += len(row.encode()) + 1
    return "\n".join(out) + "\n"


def _line_url(source_url: str, file: str, line: int) -> str:
    """The address of one line of a file: GitHub's `…/blob/COMMIT/path#L12`."""
    path = quote(file.replace("\\", "/").removeprefix("./"), safe="/")
    return f"{source_url.rstrip('/')}/{path}#L{line}"


REPORTERS: dict[str, Callable[[CheckResult, bool, str | None], str]] = {
    "text": text,
    "json": as_json,
    "github": github,
    "markdown": markdown,
}
