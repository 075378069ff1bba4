"""The stable rule codes of every diagnostic, with their severity, and the problem type.

`docs/rules.md` documents each code for the people who edit plans; a test keeps both in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..diagnostic import Severity


@dataclass(frozen=True)
class Problem:
    """One broken rule found in a plan's data: the rule, where (a JSON pointer), what to say.

    The run locates it in the file (line and column) to make it a Diagnostic.
    """

    rule: str
    pointer: str
    message: str
    at_key: bool = False  # point at the field name rather than its value


RULES: dict[str, tuple[Severity, str]] = {
    # Reading the file
    "file-unreadable": ("error", "The file cannot be opened, or is not a regular file."),
    "file-outside-repository": ("error", "The file is a link to a file outside the repository."),
    "file-too-large": ("error", "The file is larger than 1 MiB."),
    "file-encoding": ("error", "The file is not saved as UTF-8 (e.g. saved as GBK)."),
    "frontmatter-missing": ("error", "The file does not start with a '---' line."),
    "frontmatter-unterminated": ("error", "The fields are not closed by a second '---' line."),
    "frontmatter-not-fields": ("error", "The part between the '---' lines is not a set of fields."),
    "yaml-syntax": ("error", "The fields are not valid YAML."),
    "yaml-tab": ("error", "A line is indented with a tab instead of spaces."),
    "yaml-duplicate-key": ("error", "The same field is written twice in one place."),
    "yaml-alias": ("error", "An anchor (&name) or alias (*name) is used."),
    "yaml-number": (
        "error",
        "A number written as YAML 1.1 reads it by surprise (2:00, 1_000, 0x10, 017).",
    ),
    # The schema
    "required": ("error", "A required field is missing."),
    "unknown-field": ("error", "A field the format does not know (often a typo)."),
    "type": ("error", "A value has the wrong kind (text, number, list, …)."),
    "enum": ("error", "A value is not one of the allowed choices."),
    "schema-version": ("error", "`schema` is not 1, the format version this tool reads."),
    "id-format": ("error", "An id is not a slug (lowercase letters, digits, hyphens)."),
    "date-format": ("error", "A date is not written YYYY-MM-DD, or is not a real date."),
    "month-format": ("error", "A month is not written YYYY-MM."),
    "out-of-range": ("error", "A number is below its minimum or above its maximum."),
    "too-few": ("error", "A list has fewer entries than it needs."),
    "empty-text": ("error", "A text is empty, or holds only spaces."),
    "too-long": ("error", "A text or list is longer than allowed."),
    "duplicate-item": ("error", "The same entry appears twice in a list."),
    "invalid-value": ("error", "A value breaks another rule of the format."),
    # References and dates
    "duplicate-id": ("error", "Two entries of one kind in a plan share an id."),
    "duplicate-plan-id": ("error", "Two plan files use the same plan id."),
    "unknown-member": ("error", "An owner or manager is not a member of the team."),
    "unknown-goal": ("error", "A reference names a goal the plan does not have."),
    "unknown-strategy": ("error", "A reference names a strategy the plan does not have."),
    "unknown-root-cause": ("error", "A reference names a root cause the plan does not have."),
    "unknown-plan": ("error", "`previous` names a plan that does not exist."),
    "unknown-finding": ("error", "A next action answers a finding its review does not have."),
    "date-order": ("error", "A start date is after its end date."),
    "period-too-long": ("error", "The plan's period lasts more than 2 years."),
    "date-outside-period": ("error", "A date lies outside the plan's period."),
    "not-ascending": ("error", "Check-ins or actuals are not in date order."),
    "checkin-before-start": ("error", "A check-in is dated before its task starts."),
    "history-in-period": ("error", "A history month is not before the period."),
    "target-direction": ("error", "A target is on the wrong side of its baseline."),
    "milestone-outside-task": ("error", "A milestone lies outside its task's window."),
    "milestone-progress-down": ("error", "A milestone plans less progress than the one before."),
    # Warnings
    "file-name-mismatch": ("warning", "The file name differs from the plan id."),
    "unaddressed-root-cause": ("warning", "No strategy addresses this root cause."),
    "strategy-without-task": ("warning", "This strategy has no task."),
    "goal-without-strategy": ("warning", "No strategy serves this goal."),
    "task-without-strategy": ("warning", "This task carries out no strategy."),
    "history-short": ("warning", "A goal has fewer than 6 months of history."),
    "ambition": ("warning", "A target is far beyond its history, or no stretch at all."),
    "checkin-after-end": ("warning", "A check-in is dated after its task or the period ended."),
    "progress-down": ("warning", "A check-in reports less progress than the one before."),
    "carry-over-missing": ("warning", "A task the last review carried over is not in this plan."),
}


def severity(rule: str) -> Severity:
    """The severity of a rule code."""
    return RULES[rule][0]
