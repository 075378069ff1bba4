"""What `salesplan notify` did, and how it reads: a line per robot and per issue, every request
of a dry run, and the failures that make the command exit non-zero. Robots are named by their
environment variable; an address appears only masked.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..words import Words
from .chat import ChatFailure, PlannedRequest, RobotResult
from .github import GitHubError
from .issues import Change, Done
from .robots import Robot, RobotProblem, Scope


@dataclass
class NotifyReport:
    dry_run: bool = False
    chat: bool = False  # whether the chat was asked for
    problems: list[RobotProblem] = field(default_factory=list)
    empty_routes: list[Scope] = field(default_factory=list)  # routes no plan in force matched
    sent: list[RobotResult] = field(default_factory=list)
    planned: list[tuple[Robot, list[PlannedRequest]]] = field(default_factory=list)
    issues: bool = False  # whether the issues were asked for
    github_missing: tuple[str, ...] = ()  # variables --issues needs that were not set
    changes: list[Change] = field(default_factory=list)  # dry run: what would be done
    done: list[Done] = field(default_factory=list)
    github_error: GitHubError | None = None
    github_requests: list[tuple[str, str, dict]] = field(default_factory=list)  # dry run

    @property
    def failures(self) -> list[str]:
        """What failed, by name: the robots, then GitHub."""
        names = [r.robot.variable for r in self.sent if r.failure is not None]
        names += [p.variable for p in self.problems if p.problem != "not-set"]
        names += [f"route {scope.name}" for scope in self.empty_routes]
        if self.github_error is not None or self.github_missing:
            names.append("GitHub")
        return names

    @property
    def ok(self) -> bool:
        return not self.failures


def robot_name(robot: Robot, words: Words) -> str:
    """`钉钉机器人 SALESPLAN_DINGTALK_WEBHOOK（华东区）`."""
    scope = words["nt-everyone"] if robot.scope.kind == "all" else robot.scope.name
    kind = words[f"nt-kind.{robot.kind}"]
    return words.say("nt-robot", kind=kind, variable=robot.variable, scope=scope)


def failure_text(failure: ChatFailure, words: Words) -> str:
    text = words.say(f"nt-fail.{failure.reason}", status=failure.status, code=failure.code)
    return f"{text}: {failure.message}" if failure.message else text


def lines(report: NotifyReport, words: Words) -> list[str]:
    out = [words.say(f"nt-problem.{p.problem}", variable=p.variable) for p in report.problems]
    out += [words.say("nt-route-empty", scope=s.name) for s in report.empty_routes]
    if report.chat and not (report.sent or report.planned or report.problems):
        out.append(words["nt-no-robots"])
    for robot, requests in report.planned:
        for n, request in enumerate(requests, start=1):
            out.append(
                words.say(
                    "nt-dry-request",
                    robot=robot_name(robot, words),
                    n=n,
                    total=len(requests),
                    method=request.method,
                    address=request.address,
                    signed=words["nt-signed"] if request.signed else "",
                )
            )
            out.append(json.dumps(request.body, ensure_ascii=False, indent=2))
    for result in report.sent:
        name = robot_name(result.robot, words)
        if result.failure is None:
            out.append(words.say("nt-sent", robot=name, n=result.sent))
        else:
            out.append(
                words.say(
                    "nt-robot-failed",
                    robot=name,
                    sent=result.sent,
                    total=result.messages,
                    why=failure_text(result.failure, words),
                )
            )
    out += _issue_lines(report, words)
    return out


def _issue_lines(report: NotifyReport, words: Words) -> list[str]:
    if not report.issues:
        return []
    out: list[str] = []
    if report.github_missing:
        out.append(words.say("nt-github-missing", variables=", ".join(report.github_missing)))
    if report.dry_run:
        out.append(words["nt-dry-issues"])
        for method, url, body in report.github_requests:
            out.append(f"{method} {url}")
            out.append(json.dumps(body, ensure_ascii=False, indent=2))
    for done in report.done:
        change = done.change
        out.append(words.say(f"nt-issue-{change.action}", number=done.number, title=change.title))
        if done.unassigned:
            out.append(words.say("nt-unassigned", handles=", ".join(done.unassigned)))
    quiet = not report.dry_run and not report.done and not report.github_missing
    if quiet and report.github_error is None:
        out.append(words["nt-issues-unchanged"])
    if report.github_error is not None:
        error = report.github_error
        what = words.say(f"nt-gh.{error.what}", subject=error.subject)
        status = error.status or "—"
        out.append(words.say("nt-github-failed", what=what, status=status, detail=error.detail))
    return out
