"""A notification run: the chat robots one after the other (one failing never stops the
others), then the help issues; each part adds what it did to the report. With `dry_run`, every
request is built and recorded, and nothing is sent: not even a read from GitHub.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date

from ..compute import PlanMetrics
from ..words import Words
from . import chat as chat_robot
from . import help_tasks
from .digest import SiteLinks, digest
from .formats import messages
from .github import GitHub, GitHubAccess, GitHubError
from .issues import LABEL, Known, apply, reconcile
from .report import NotifyReport
from .robots import Route, robots
from .transport import Transport


def chat(
    report: NotifyReport,
    metrics: Sequence[PlanMetrics],
    as_of: date,
    words: Words,
    *,
    routes: Sequence[Route],
    values: Mapping[str, str],
    links: SiteLinks | None,
    transport: Transport,
) -> None:
    """Each robot enabled by `values` gets the digest of the teams it covers."""
    report.chat = True
    found, report.problems = robots(routes, values)
    for route in routes:
        if not any(route.scope.covers(pm.plan.region, pm.plan.team) for pm in metrics):
            report.empty_routes.append(route.scope)
    for robot in found:
        if robot.scope in report.empty_routes:
            continue
        payloads = messages(digest(metrics, as_of, words, robot.scope, links), robot.kind)
        if report.dry_run:
            report.planned.append((robot, chat_robot.planned(robot, payloads)))
        else:
            report.sent.append(chat_robot.send(robot, payloads, transport))


def issues(
    report: NotifyReport,
    metrics: Sequence[PlanMetrics],
    words: Words,
    *,
    checked: Collection[str],
    complete: bool,
    links: SiteLinks | None,
    access: GitHubAccess | None,
    transport: Transport,
) -> None:
    """One open issue per task in force that needs help; the others' issues closed.

    `checked`: the ids of the plans that checked out; `complete`: whether all of them did.
    """
    report.issues = True
    wanted = help_tasks.wanted(metrics, words, links)
    why = help_tasks.closing(metrics, checked, complete, words)
    duplicate = lambda number: words.say("nt-close-duplicate", number=number)  # noqa: E731
    if report.dry_run:
        repository = access.repository if access else "OWNER/REPOSITORY"
        api = access.api_url.rstrip("/") if access else "https://api.github.com"
        report.changes = reconcile(wanted, [], why, duplicate)
        for change in report.changes:
            url = f"{api}/repos/{repository}/issues"
            report.github_requests.append(("POST", url, change.fields))
        return
    if access is None:
        return
    github = GitHub(access, transport)
    try:
        known = [k for k in map(Known.of, github.issues(LABEL)) if k is not None]
        changes = reconcile(wanted, known, why, duplicate)
        labels = {label for task in wanted for label in task.labels}
        report.done = apply(changes, github, labels)
    except GitHubError as error:
        report.done = list(getattr(error, "done", []))
        report.github_error = error
