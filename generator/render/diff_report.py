"""`salesplan diff` reports: a comparison of plans as text for the terminal, Markdown for a
reviewer (the pull request's job summary), GitHub annotations for its flags, or JSON.

The JSON form is pinned (see `Comparison.as_dict`); the others word the same changes through
`changes`, grouped by plan and section.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping

from ..check.reporters import (
    SUMMARY_LIMIT,
    github_data,
    github_property,
    markdown_cell,
    markdown_code,
)
from ..revisions import Comparison, PlanDiff
from ..words import Words
from .changes import ChangeRow, change_rows, flag_text, plan_title

Reporter = Callable[[Comparison, Words, Mapping, bool], str]

_MARKS = {"added": "+", "removed": "-", "changed": "~"}
_ICONS = {"added": "➕", "removed": "➖", "changed": "✏️"}
_COLOURS = {"added": "\033[32m", "removed": "\033[31m", "changed": "", "flag": "\033[33m"}
_RESET = "\033[0m"


def summary(comparison: Comparison, words: Words) -> str:
    """`2 plans changed`, or `No plan changed.`"""
    if not comparison.diffs:
        return words["rev.none"]
    return words.count("rev.n-changed", len(comparison.diffs))


def _grouped(rows: list[ChangeRow]) -> list[ChangeRow]:
    """Rows grouped by section, sections in the order they first appear."""
    order: dict[str, int] = {}
    for row in rows:
        order.setdefault(row.section, len(order))
    return sorted(rows, key=lambda row: order[row.section])


def _heading(diff: PlanDiff, words: Words) -> str:
    return f"{plan_title(diff)} — {words[f'rev.status.{diff.status}']}"


def text(comparison: Comparison, words: Words, schema: Mapping, color: bool = False) -> str:
    """For the terminal: per plan its flags (!) and its changes (+ - ~), one line each."""

    def paint(kind: str, line: str) -> str:
        return f"{_COLOURS[kind]}{line}{_RESET}" if color and _COLOURS[kind] else line

    lines = []
    for diff in comparison.diffs:
        lines.append(f"{_heading(diff, words)}  {diff.file}")
        lines += [paint("flag", f"  ! {flag_text(f, diff, words)}") for f in diff.flags]
        for row in _grouped(change_rows(diff, words, schema)):
            where = " › ".join(part for part in (row.section, row.item, row.field) if part)
            if row.op == "added":
                what = row.after
            elif row.op == "removed":
                what = row.before
            else:
                what = f"{row.before} → {row.after}"
            extra = (
                f"  {row.change}"
                if row.op == "changed" and row.change != words["rev.op.changed"]
                else ""
            )
            line = words.say("rev.text-line", where=where, what=what)
            lines.append(paint(row.op, f"  {_MARKS[row.op]} {line}{extra}"))
        lines.append("")
    lines.append(summary(comparison, words))
    return "\n".join(lines) + "\n"


def markdown(comparison: Comparison, words: Words, schema: Mapping, color: bool = False) -> str:
    """For reviewers: a heading, then per plan its flags and a table of its changes; cut below
    GitHub's 1 MiB limit of a job summary."""
    heading = words.say(
        "rev.heading", old=comparison.old, new=comparison.new, summary=summary(comparison, words)
    )
    out = [f"### 📝 {markdown_cell(heading)}", ""]
    size = len("\n".join(out).encode())
    for shown, diff in enumerate(comparison.diffs):
        part = _markdown_plan(diff, words, schema)
        part_size = len(part.encode()) + 1
        if size + part_size + 300 > SUMMARY_LIMIT:
            rest = len(comparison.diffs) - shown
            out += [f"_{words.count('rev.more', rest)}_", ""]
            break
        out.append(part)
        size += part_size
    return "\n".join(out).rstrip("\n") + "\n"


def _markdown_plan(diff: PlanDiff, words: Words, schema: Mapping) -> str:
    lines = [
        f"#### {markdown_cell(_heading(diff, words))}",
        "",
        markdown_code(diff.file),
        "",
    ]
    lines += [f"> ⚠️ **{markdown_cell(flag_text(f, diff, words))}**" for f in diff.flags]
    if diff.flags:
        lines.append("")
    rows = _grouped(change_rows(diff, words, schema))
    if rows:
        columns = ("section", "item", "field", "before", "after", "change")
        lines.append("| | " + " | ".join(words[f"rev.col.{c}"] for c in columns) + " |")
        lines.append("|---" * (len(columns) + 1) + "|")
        for row in rows:
            cells = (row.section, row.item, row.field, row.before, row.after, row.change)
            lines.append(
                f"| {_ICONS[row.op]} | " + " | ".join(markdown_cell(c) for c in cells) + " |"
            )
        lines.append("")
    return "\n".join(lines)


def github(comparison: Comparison, words: Words, schema: Mapping, color: bool = False) -> str:
    """Workflow commands: a warning on the line of each flagged change (a lowered target, a
    due date moved later), shown on that line of the pull request."""
    lines = []
    for diff in comparison.diffs:
        version = diff.after
        if version is None:
            continue
        for flag in diff.flags:
            line, column = version.loaded.locate(flag.pointer)
            props = ",".join(
                f"{name}={github_property(str(value))}"
                for name, value in (
                    ("file", diff.file),
                    ("line", line),
                    ("col", column),
                    ("title", flag.kind),
                )
            )
            message = github_data(flag_text(flag, diff, words))
            lines.append(f"::warning {props}::{message}")
    lines.append(summary(comparison, words))
    return "\n".join(lines) + "\n"


def as_json(comparison: Comparison, words: Words, schema: Mapping, color: bool = False) -> str:
    return json.dumps(comparison.as_dict(), ensure_ascii=False, indent=2) + "\n"


REPORTERS: dict[str, Reporter] = {
    "text": text,
    "markdown": markdown,
    "json": as_json,
    "github": github,
}
