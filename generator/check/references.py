"""The rules the schema cannot express: references, unique ids, dates, traceability.

They read the raw data defensively (a plan may also have schema errors), so that one run
reports every problem of a file.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from datetime import date
from typing import Any

from ..load import escape_pointer
from ..model import ALL
from ..words import Words
from .codes import Problem
from .raw import MONTH, Entries, day_of, entries, ids_of, listing, refs, sub_entries

# A plan covers a quarter, half a year, a year: two years (and a leap day) at the most. Every
# per-day figure is bounded by it.
MAX_PERIOD_DAYS = 2 * 365 + 1


def plan_problems(data: Any, plan_ids: AbstractSet[str], words: Words) -> list[Problem]:
    """Every reference, id, date and traceability problem in one plan's data."""
    if not isinstance(data, dict):
        return []
    checker = _Checker(data, plan_ids, words)
    checker.run()
    return checker.problems


class _Checker:
    def __init__(self, data: dict[str, Any], plan_ids: AbstractSet[str], words: Words) -> None:
        self.data = data
        self.plan_ids = plan_ids
        self.words = words
        self.problems: list[Problem] = []
        self.members = entries(data, "members")
        self.goals = entries(data, "goals")
        self.causes = entries(data, "root_causes")
        self.strategies = entries(data, "strategies")
        self.tasks = entries(data, "tasks")
        period = data.get("period") if isinstance(data.get("period"), dict) else {}
        self.start, self.end = day_of(period.get("start")), day_of(period.get("end"))

    def add(self, rule: str, pointer: str, message: str, at_key: bool = False) -> None:
        self.problems.append(Problem(rule, pointer, message, at_key))

    def say(self, key: str, /, **values: object) -> str:
        return self.words.say(key, **values)

    def run(self) -> None:
        for kind, found in (
            ("kind-member", self.members),
            ("kind-goal", self.goals),
            ("kind-root-cause", self.causes),
            ("kind-strategy", self.strategies),
            ("kind-task", self.tasks),
        ):
            self.unique_ids(kind, found)
        self.references()
        self.dates()
        self.traceability()

    def unique_ids(self, kind: str, found: Entries) -> None:
        first: dict[str, str] = {}
        for pointer, entry in found:
            entry_id = entry.get("id")
            if not isinstance(entry_id, str):
                continue
            if entry_id in first:
                self.add(
                    "duplicate-id",
                    f"{pointer}/id",
                    self.say(
                        "duplicate-id", kind=self.words[kind], id=entry_id, first=first[entry_id]
                    ),
                )
            else:
                first[entry_id] = pointer

    def check_refs(self, value: Any, pointer: str, known: set[str], rule: str, what: str) -> None:
        for where, ref in refs(value, pointer):
            if ref not in known and not (rule == "unknown-member" and ref == ALL):
                extra = self.words["or-all"] if rule == "unknown-member" else ""
                message = self.say(
                    "unknown-ref",
                    kind=self.words[what],
                    ref=ref,
                    known=listing(known, self.words),
                    extra=extra,
                )
                self.add(rule, where, message)

    def references(self) -> None:
        members, goals = ids_of(self.members), ids_of(self.goals)
        causes, strategies = ids_of(self.causes), ids_of(self.strategies)
        if isinstance(self.data.get("manager"), str):
            manager = self.data["manager"]
            if manager not in members:
                self.add(
                    "unknown-member",
                    "/manager",
                    self.say("unknown-manager", ref=manager, known=listing(members, self.words)),
                )
        for pointer, goal in self.goals:
            self.member_refs(goal.get("owner"), f"{pointer}/owner", members)
        for pointer, entry in entries(self.data, "diagnosis"):
            self.goal_refs(entry.get("goal"), f"{pointer}/goal", goals)
            self.cause_refs(entry.get("root_causes"), f"{pointer}/root_causes", causes)
        for pointer, strategy in self.strategies:
            self.cause_refs(strategy.get("addresses"), f"{pointer}/addresses", causes)
            self.goal_refs(strategy.get("goals"), f"{pointer}/goals", goals)
        for pointer, task in self.tasks:
            self.strategy_refs(task.get("strategy"), f"{pointer}/strategy", strategies)
            self.member_refs(task.get("owner"), f"{pointer}/owner", members)
            for hp, held in sub_entries(task, "help", pointer):
                self.member_refs(held.get("by"), f"{hp}/by", members)
        self.review_refs(members, strategies)
        self.previous_plan()

    def review_refs(self, members: set[str], strategies: set[str]) -> None:
        findings_seen: Entries = []
        for pointer, review in entries(self.data, "reviews"):
            findings = sub_entries(review, "findings", pointer)
            findings_seen += findings
            for fp, finding in findings:
                self.strategy_refs(finding.get("strategy"), f"{fp}/strategy", strategies)
            for ap, action in sub_entries(review, "next_actions", pointer):
                self.member_refs(action.get("owner"), f"{ap}/owner", members)
                self.strategy_refs(action.get("strategy"), f"{ap}/strategy", strategies)
                self.check_refs(
                    action.get("finding"),
                    f"{ap}/finding",
                    ids_of(findings),  # the findings of the same review
                    "unknown-finding",
                    "kind-finding",
                )
        self.unique_ids("kind-finding", findings_seen)

    def member_refs(self, value: Any, pointer: str, known: set[str]) -> None:
        self.check_refs(value, pointer, known, "unknown-member", "kind-member")

    def goal_refs(self, value: Any, pointer: str, known: set[str]) -> None:
        self.check_refs(value, pointer, known, "unknown-goal", "kind-goal")

    def cause_refs(self, value: Any, pointer: str, known: set[str]) -> None:
        self.check_refs(value, pointer, known, "unknown-root-cause", "kind-root-cause")

    def strategy_refs(self, value: Any, pointer: str, known: set[str]) -> None:
        self.check_refs(value, pointer, known, "unknown-strategy", "kind-strategy")

    def previous_plan(self) -> None:
        previous = self.data.get("previous")
        if not isinstance(previous, str):
            return
        if previous == self.data.get("id"):
            self.add("unknown-plan", "/previous", self.words["previous-self"])
        elif previous not in self.plan_ids:
            others = self.plan_ids - {self.data.get("id")}
            self.add(
                "unknown-plan",
                "/previous",
                self.say("unknown-plan", ref=previous, known=listing(others, self.words)),
            )

    def in_period(self, value: Any, pointer: str, what: str) -> date | None:
        day = day_of(value)
        if day and self.start and self.end and not self.start <= day <= self.end:
            self.add(
                "date-outside-period",
                pointer,
                self.say(
                    "outside-period", what=self.words[what], day=day, start=self.start, end=self.end
                ),
            )
        return day

    def ascending(self, entries: list[tuple[str, dict[str, Any]]], what: str) -> list[date]:
        days, last = [], None
        for pointer, entry in entries:
            day = day_of(entry.get("date"))
            if day is None:
                continue
            if last is not None and day < last:
                self.add(
                    "not-ascending",
                    f"{pointer}/date",
                    self.say("not-ascending", what=self.words[what], day=day, last=last),
                )
            last = day if last is None else max(last, day)
            days.append(day)
        return days

    def dates(self) -> None:
        if self.start and self.end and self.start > self.end:
            self.add(
                "date-order",
                "/period/end",
                self.say("period-order", start=self.start, end=self.end),
            )
            self.start = self.end = None  # no period to compare other dates with
        elif self.start and self.end and (self.end - self.start).days + 1 > MAX_PERIOD_DAYS:
            days = (self.end - self.start).days + 1
            self.add(
                "period-too-long",
                "/period/end",
                self.say("period-too-long", start=self.start, end=self.end, days=days),
            )
        for pointer, goal in self.goals:
            self.in_period(goal.get("due"), f"{pointer}/due", "what-due")
            actuals = sub_entries(goal, "actuals", pointer)
            self.ascending(actuals, "what-actuals")
            for ap, actual in actuals:
                self.in_period(actual.get("date"), f"{ap}/date", "what-actual")
            history = goal.get("history")
            if isinstance(history, dict) and self.start:
                first_month = self.start.strftime("%Y-%m")
                for month in history:
                    if isinstance(month, str) and MONTH.fullmatch(month) and month >= first_month:
                        self.add(
                            "history-in-period",
                            f"{pointer}/history/{escape_pointer(month)}",
                            self.say("history-in-period", month=month, start=self.start),
                            at_key=True,
                        )
        for pointer, task in self.tasks:
            start = self.in_period(task.get("start"), f"{pointer}/start", "what-start")
            end = self.in_period(task.get("end"), f"{pointer}/end", "what-end")
            if start and end and start > end:
                self.add(
                    "date-order",
                    f"{pointer}/end",
                    self.say("task-order", start=start, end=end),
                )
            checkins = sub_entries(task, "checkins", pointer)
            self.ascending(checkins, "what-checkins")
            self.ascending(sub_entries(task, "milestones", pointer), "what-milestones")
            held = sub_entries(task, "help", pointer)
            self.ascending(held, "what-help")
            for hp, entry in held:
                self.in_period(entry.get("date"), f"{hp}/date", "what-help-date")
            for cp, checkin in checkins:
                day = day_of(checkin.get("date"))
                if day and start and day < start:
                    self.add(
                        "checkin-before-start",
                        f"{cp}/date",
                        self.say("checkin-before-start", day=day, start=start),
                    )

    def traceability(self) -> None:
        addressed = {r for _, s in self.strategies for _, r in refs(s.get("addresses"), "")}
        served = {g for _, s in self.strategies for _, g in refs(s.get("goals"), "")}
        tasked = {t["strategy"] for _, t in self.tasks if isinstance(t.get("strategy"), str)}
        for pointer, cause in self.causes:
            if isinstance(cause.get("id"), str) and cause["id"] not in addressed:
                self.add(
                    "unaddressed-root-cause",
                    pointer,
                    self.say("unaddressed-root-cause", id=cause["id"]),
                )
        for pointer, strategy in self.strategies:
            if isinstance(strategy.get("id"), str) and strategy["id"] not in tasked:
                self.add(
                    "strategy-without-task",
                    pointer,
                    self.say("strategy-without-task", id=strategy["id"]),
                )
        for pointer, task in self.tasks:
            if isinstance(task.get("id"), str) and "strategy" not in task:
                self.add(
                    "task-without-strategy",
                    pointer,
                    self.say("task-without-strategy", id=task["id"]),
                )
        for pointer, goal in self.goals:
            if isinstance(goal.get("id"), str) and goal["id"] not in served:
                self.add(
                    "goal-without-strategy",
                    pointer,
                    self.say("goal-without-strategy", id=goal["id"]),
                )
