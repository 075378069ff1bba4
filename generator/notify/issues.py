"""One GitHub issue per task that needs help: which issues to open, update, comment on, reopen
and close, worked out from the plans in force and the issues that exist (found by the fixed
label and the hidden marker, never by title), then carried out.

The decision is a pure function (`reconcile`), so a run that finds its own issues in the
state it left them changes nothing: the same day twice is no request beyond the listing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .github import GitHub, GitHubError
from .issue_text import HelpState, marker_key

LABEL = "salesplan:help"
LABEL_COLOR = "d73a4a"
LABEL_DESCRIPTION = "销售计划帮扶：每个需要帮扶的任务一个 issue / one issue per task needing help"

Action = Literal["open", "reopen", "update", "comment", "close"]


@dataclass(frozen=True)
class Wanted:
    """A task in force that needs help, as its issue should read now."""

    key: str  # plan-id/task-id
    title: str
    body: str
    labels: tuple[str, ...]
    assignees: tuple[str, ...]
    comment: Callable[[HelpState | None], str | None]  # what changed since a saved state


@dataclass(frozen=True)
class Known:
    """An issue of ours that exists."""

    number: int
    open: bool
    key: str
    body: str
    title: str = ""

    @classmethod
    def of(cls, issue: dict[str, Any]) -> Known | None:
        key = marker_key(issue.get("body") or "")
        if key is None or not isinstance(issue.get("number"), int):
            return None
        is_open = issue.get("state") == "open"
        return cls(issue["number"], is_open, key, issue["body"], str(issue.get("title") or key))


@dataclass(frozen=True)
class Closing:
    """Why an issue's task no longer needs help: the comment, and GitHub's state_reason."""

    comment: str
    reason: Literal["completed", "not_planned"] = "completed"


@dataclass(frozen=True)
class Change:
    action: Action
    key: str
    title: str
    number: int | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    comment: str | None = None


@dataclass(frozen=True)
class Done:
    change: Change
    number: int | None  # the issue's number (a new one's once created)
    unassigned: tuple[str, ...] = ()  # handles GitHub would not assign


def reconcile(
    wanted: Sequence[Wanted],
    known: Iterable[Known],
    closing: Callable[[str], Closing | None],
    duplicate: Callable[[int], str],
) -> list[Change]:
    """The changes that leave exactly one open issue per wanted task and none for the others.

    `closing(key)` says why a task no longer needs help, or None when that cannot be known (its
    plan did not check out): such an issue is left as it is.
    """
    by_key: dict[str, list[Known]] = {}
    for issue in sorted(known, key=lambda i: i.number):
        by_key.setdefault(issue.key, []).append(issue)
    changes: list[Change] = []
    for task in wanted:
        issues = by_key.pop(task.key, [])
        opened = [i for i in issues if i.open]
        changes += _keep_one(task, opened, [i for i in issues if not i.open])
        for extra in opened[1:]:  # one open issue per task, whatever happened before
            fields = {"state": "closed", "state_reason": "not_planned"}
            comment = duplicate(opened[0].number)
            changes.append(Change("close", task.key, extra.title, extra.number, fields, comment))
    for key, issues in by_key.items():
        why = closing(key)
        for issue in (i for i in issues if i.open and why is not None):
            fields = {"state": "closed", "state_reason": why.reason}
            changes.append(Change("close", key, issue.title, issue.number, fields, why.comment))
    return changes


def _keep_one(task: Wanted, opened: list[Known], closed: list[Known]) -> list[Change]:
    if not opened and not closed:
        fields = {"title": task.title, "body": task.body, "labels": list(task.labels)}
        if task.assignees:
            fields["assignees"] = list(task.assignees)
        return [Change("open", task.key, task.title, None, fields)]
    if not opened:  # the task needs help again: its issue comes back, history and all
        issue = closed[-1]
        fields = {"state": "open", "body": task.body}
        return [Change("reopen", task.key, task.title, issue.number, fields, task.comment(None))]
    issue = opened[0]
    if _text(issue.body) == _text(task.body):  # as the last run left it: nothing to do
        return []
    comment = task.comment(HelpState.parse(issue.body))
    return [Change("update", task.key, task.title, issue.number, {"body": task.body}, comment)]


def _text(body: str) -> str:
    # GitHub's editor saves CRLF line ends; the text is what counts.
    return body.replace("\r\n", "\n").strip()


def apply(changes: Sequence[Change], github: GitHub, labels: Iterable[str]) -> list[Done]:
    """Carry the changes out in order; the first refusal stops the run (GitHubError, with what
    was done before it in `error.done`)."""
    done: list[Done] = []
    try:
        if any(c.action == "open" for c in changes):
            github.ensure_label(LABEL, LABEL_COLOR, LABEL_DESCRIPTION)
            for name in sorted(set(labels) - {LABEL}):
                github.ensure_label(name, "ededed", "")
        for change in changes:
            done.append(_apply(change, github))
    except GitHubError as error:
        error.done = done  # type: ignore[attr-defined]
        raise
    return done


def _apply(change: Change, github: GitHub) -> Done:
    if change.action == "open":
        try:
            number = github.create_issue(change.fields)["number"]
        except GitHubError as error:
            if error.status != 422 or "assignees" not in change.fields:
                raise
            # A handle that is not a collaborator: open the issue anyway, say who was left out.
            fields = {k: v for k, v in change.fields.items() if k != "assignees"}
            number = github.create_issue(fields)["number"]
            return Done(change, number, tuple(change.fields["assignees"]))
        return Done(change, number)
    assert change.number is not None
    if change.action == "close" and change.comment:
        github.comment(change.number, change.comment)  # said first, then closed
    if change.fields:
        github.update_issue(change.number, change.fields)
    if change.action != "close" and change.comment:
        github.comment(change.number, change.comment)
    return Done(change, change.number)
