"""The rules the schema cannot express: references, unique ids, dates, traceability.

They read the raw data defensively (a plan may also have schema errors), so that one run
reports every problem of a file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from .load import escape_pointer
from .model import ALL

_MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")


@dataclass(frozen=True)
class PlanProblem:
    rule: str
    pointer: str
    message: str
    at_key: bool = False


def _entries(data: Any, key: str) -> list[tuple[str, dict[str, Any]]]:
    """(pointer, entry) for each entry of the list data[key] that is a group of fields."""
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return []
    return [(f"/{key}/{i}", item) for i, item in enumerate(items) if isinstance(item, dict)]


def _sub(entry: dict[str, Any], key: str, pointer: str) -> list[tuple[str, dict[str, Any]]]:
    return [(pointer + p, item) for p, item in _entries(entry, key)]


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _ids(entries: list[tuple[str, dict[str, Any]]]) -> list[str]:
    return [e["id"] for _, e in entries if isinstance(e.get("id"), str)]


def _listing(ids: list[str] | set[str]) -> str:
    return ", ".join(sorted(ids)) if ids else "none yet"


def _refs(value: Any, pointer: str) -> Iterator[tuple[str, str]]:
    """(pointer, id) for an id or a list of ids."""
    if isinstance(value, str):
        yield pointer, value
    elif isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, str):
                yield f"{pointer}/{i}", item


def plan_problems(data: Any, plan_ids: set[str]) -> list[PlanProblem]:
    """Every reference, id, date and traceability problem in one plan's data."""
    if not isinstance(data, dict):
        return []
    checker = _Checker(data, plan_ids)
    checker.run()
    return checker.problems


class _Checker:
    def __init__(self, data: dict[str, Any], plan_ids: set[str]) -> None:
        self.data = data
        self.plan_ids = plan_ids
        self.problems: list[PlanProblem] = []
        self.members = _entries(data, "members")
        self.goals = _entries(data, "goals")
        self.causes = _entries(data, "root_causes")
        self.strategies = _entries(data, "strategies")
        self.tasks = _entries(data, "tasks")
        period = data.get("period") if isinstance(data.get("period"), dict) else {}
        self.start, self.end = _day(period.get("start")), _day(period.get("end"))

    def add(self, rule: str, pointer: str, message: str, at_key: bool = False) -> None:
        self.problems.append(PlanProblem(rule, pointer, message, at_key))

    def run(self) -> None:
        for kind, entries in (
            ("member", self.members),
            ("goal", self.goals),
            ("root cause", self.causes),
            ("strategy", self.strategies),
            ("task", self.tasks),
        ):
            self.unique_ids(kind, entries)
        self.references()
        self.dates()
        self.traceability()

    def unique_ids(self, kind: str, entries: list[tuple[str, dict[str, Any]]]) -> None:
        first: dict[str, str] = {}
        for pointer, entry in entries:
            entry_id = entry.get("id")
            if not isinstance(entry_id, str):
                continue
            if entry_id in first:
                self.add(
                    "duplicate-id",
                    f"{pointer}/id",
                    f'the {kind} id "{entry_id}" is used twice (also at {first[entry_id]}): '
                    f"every {kind} needs its own id",
                )
            else:
                first[entry_id] = pointer

    def check_refs(self, value: Any, pointer: str, known: list[str], rule: str, what: str) -> None:
        for where, ref in _refs(value, pointer):
            if ref not in known and not (rule == "unknown-member" and ref == ALL):
                listing = _listing(set(known))
                extra = ' (or "all" for the whole team)' if rule == "unknown-member" else ""
                self.add(rule, where, f'{what} "{ref}" does not exist; known: {listing}{extra}')

    def references(self) -> None:
        members, goals = _ids(self.members), _ids(self.goals)
        causes, strategies = _ids(self.causes), _ids(self.strategies)
        if isinstance(self.data.get("manager"), str):
            manager = self.data["manager"]
            if manager not in members:
                self.add(
                    "unknown-member",
                    "/manager",
                    f'the manager "{manager}" is not in members; members: {_listing(members)}',
                )
        for pointer, goal in self.goals:
            self.check_refs(
                goal.get("owner"), f"{pointer}/owner", members, "unknown-member", "member"
            )
        for pointer, entry in _entries(self.data, "diagnosis"):
            self.check_refs(entry.get("goal"), f"{pointer}/goal", goals, "unknown-goal", "goal")
            self.check_refs(
                entry.get("root_causes"),
                f"{pointer}/root_causes",
                causes,
                "unknown-root-cause",
                "root cause",
            )
        for pointer, strategy in self.strategies:
            self.check_refs(
                strategy.get("addresses"),
                f"{pointer}/addresses",
                causes,
                "unknown-root-cause",
                "root cause",
            )
            self.check_refs(
                strategy.get("goals"), f"{pointer}/goals", goals, "unknown-goal", "goal"
            )
        for pointer, task in self.tasks:
            self.check_refs(
                task.get("strategy"),
                f"{pointer}/strategy",
                strategies,
                "unknown-strategy",
                "strategy",
            )
            self.check_refs(
                task.get("owner"), f"{pointer}/owner", members, "unknown-member", "member"
            )
        for pointer, review in _entries(self.data, "reviews"):
            for fp, finding in _sub(review, "findings", pointer):
                self.check_refs(
                    finding.get("strategy"),
                    f"{fp}/strategy",
                    strategies,
                    "unknown-strategy",
                    "strategy",
                )
            for ap, action in _sub(review, "next_actions", pointer):
                self.check_refs(
                    action.get("owner"), f"{ap}/owner", members, "unknown-member", "member"
                )
                self.check_refs(
                    action.get("strategy"),
                    f"{ap}/strategy",
                    strategies,
                    "unknown-strategy",
                    "strategy",
                )
        previous = self.data.get("previous")
        if isinstance(previous, str):
            if previous == self.data.get("id"):
                self.add(
                    "unknown-plan",
                    "/previous",
                    "previous must name an earlier plan, not this plan itself",
                )
            elif previous not in self.plan_ids:
                others = self.plan_ids - {self.data.get("id")}
                self.add(
                    "unknown-plan",
                    "/previous",
                    f'no plan has the id "{previous}"; plans: {_listing(others)}',
                )

    def in_period(self, value: Any, pointer: str, what: str) -> date | None:
        day = _day(value)
        if day and self.start and self.end and not self.start <= day <= self.end:
            self.add(
                "date-outside-period",
                pointer,
                f"{what} {day} is outside the period {self.start} to {self.end}",
            )
        return day

    def ascending(self, entries: list[tuple[str, dict[str, Any]]], what: str) -> list[date]:
        days, last = [], None
        for pointer, entry in entries:
            day = _day(entry.get("date"))
            if day is None:
                continue
            if last is not None and day < last:
                self.add(
                    "not-ascending",
                    f"{pointer}/date",
                    f"{what} must be in date order: {day} is listed after {last}; move it up",
                )
            last = day if last is None else max(last, day)
            days.append(day)
        return days

    def dates(self) -> None:
        if self.start and self.end and self.start > self.end:
            self.add(
                "date-order",
                "/period/end",
                f"the period ends ({self.end}) before it starts ({self.start})",
            )
            self.start = self.end = None  # no period to compare other dates with
        for pointer, goal in self.goals:
            self.in_period(goal.get("due"), f"{pointer}/due", "the due date")
            actuals = _sub(goal, "actuals", pointer)
            self.ascending(actuals, "actuals")
            for ap, actual in actuals:
                self.in_period(actual.get("date"), f"{ap}/date", "the actual's date")
            history = goal.get("history")
            if isinstance(history, dict) and self.start:
                first_month = self.start.strftime("%Y-%m")
                for month in history:
                    if isinstance(month, str) and _MONTH.fullmatch(month) and month >= first_month:
                        self.add(
                            "history-in-period",
                            f"{pointer}/history/{escape_pointer(month)}",
                            f"history month {month} is not before the period (which starts "
                            f"{self.start}); record values inside the period under actuals",
                            at_key=True,
                        )
        for pointer, task in self.tasks:
            start = self.in_period(task.get("start"), f"{pointer}/start", "the task start")
            end = self.in_period(task.get("end"), f"{pointer}/end", "the task end")
            if start and end and start > end:
                self.add(
                    "date-order",
                    f"{pointer}/end",
                    f"the task ends ({end}) before it starts ({start})",
                )
            checkins = _sub(task, "checkins", pointer)
            self.ascending(checkins, "check-ins")
            for cp, checkin in checkins:
                day = _day(checkin.get("date"))
                if day and start and day < start:
                    self.add(
                        "checkin-before-start",
                        f"{cp}/date",
                        f"the check-in of {day} is before the task starts ({start})",
                    )

    def traceability(self) -> None:
        addressed = {r for _, s in self.strategies for _, r in _refs(s.get("addresses"), "")}
        served = {g for _, s in self.strategies for _, g in _refs(s.get("goals"), "")}
        tasked = {t["strategy"] for _, t in self.tasks if isinstance(t.get("strategy"), str)}
        for pointer, cause in self.causes:
            if isinstance(cause.get("id"), str) and cause["id"] not in addressed:
                self.add(
                    "unaddressed-root-cause",
                    pointer,
                    f'no strategy addresses the root cause "{cause["id"]}": '
                    "add it to a strategy's addresses",
                )
        for pointer, strategy in self.strategies:
            if isinstance(strategy.get("id"), str) and strategy["id"] not in tasked:
                self.add(
                    "strategy-without-task",
                    pointer,
                    f'the strategy "{strategy["id"]}" has no task yet',
                )
        for pointer, task in self.tasks:
            if isinstance(task.get("id"), str) and "strategy" not in task:
                self.add(
                    "task-without-strategy",
                    pointer,
                    f'the task "{task["id"]}" carries out no strategy: add "strategy: <id>"',
                )
        for pointer, goal in self.goals:
            if isinstance(goal.get("id"), str) and goal["id"] not in served:
                self.add(
                    "goal-without-strategy",
                    pointer,
                    f'no strategy serves the goal "{goal["id"]}": add it to a strategy\'s goals',
                )
