"""The plan's types: typed, immutable models of every part of a plan (SPEC §3).

The compute and render stages read plans only through these classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Dimension = Literal[
    "revenue", "new_customers", "order_value", "repurchase_rate", "product_share", "custom"
]
Direction = Literal["increase", "decrease"]
Basis = Literal["latest", "cumulative"]
CauseDimension = Literal["product", "customer", "team", "market"]
Module = Literal["product", "customer", "channel", "team"]
Aspect = Literal["attainment", "strategy", "collaboration", "customer_feedback"]
Aggregate = Literal["sum", "mean", "none"]
CalendarName = Literal["cn", "weekdays", "all"]

ALL = "all"  # the owner value meaning every member of the team
# How rollups combine a goal across teams when the plan does not say (SPEC §3 `aggregate`).
DEFAULT_AGGREGATE: dict[str, Aggregate] = {
    "revenue": "sum",
    "new_customers": "sum",
    "order_value": "mean",
    "repurchase_rate": "mean",
    "product_share": "mean",
    "custom": "none",
}


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    role: str | None = None
    github: str | None = None  # GitHub handle, for assigning the help mechanism's issues


@dataclass(frozen=True)
class Period:
    name: str
    start: date
    end: date


@dataclass(frozen=True)
class Actual:
    date: date
    value: float
    note: str | None = None


@dataclass(frozen=True)
class Goal:
    id: str
    dimension: Dimension
    metric: str
    unit: str
    baseline: float
    target: float
    due: date
    owners: tuple[str, ...]  # member ids, or ("all",)
    direction: Direction = "increase"
    basis: Basis = "latest"
    key_actions: str | None = None
    history: tuple[tuple[str, float], ...] = ()  # (YYYY-MM, value), months ascending
    last_year: float | None = None
    industry: float | None = None
    actuals: tuple[Actual, ...] = ()
    aggregate: Aggregate = "sum"


@dataclass(frozen=True)
class CustomerSegment:
    segment: str
    share: float | None = None
    needs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Competitor:
    name: str
    share: float | None = None
    strengths: str | None = None
    weaknesses: str | None = None


@dataclass(frozen=True)
class Resources:
    headcount: int | None = None
    skill_gaps: tuple[str, ...] = ()
    budget: float | None = None
    budget_unit: str | None = None


@dataclass(frozen=True)
class Context:
    customers: tuple[CustomerSegment, ...] = ()
    competitors: tuple[Competitor, ...] = ()
    resources: Resources | None = None


@dataclass(frozen=True)
class DiagnosisEntry:
    dimension: str
    goal: str | None = None  # goal id: current data and gap are computed
    current: str | None = None
    problem: str | None = None
    cause: str | None = None
    root_causes: tuple[str, ...] = ()


@dataclass(frozen=True)
class FiveW:
    why: str | None = None
    what: str | None = None
    where: str | None = None
    when: str | None = None
    who: str | None = None


@dataclass(frozen=True)
class RootCause:
    id: str
    dimension: CauseDimension
    chain: tuple[str, ...]  # symptom first, root last
    five_w: FiveW | None = None


@dataclass(frozen=True)
class Strategy:
    id: str
    module: Module
    direction: str
    measures: tuple[str, ...]
    addresses: tuple[str, ...] = ()  # root-cause ids
    goals: tuple[str, ...] = ()  # goal ids


@dataclass(frozen=True)
class Checkin:
    date: date
    progress: float  # 0-100
    note: str | None = None
    blocker: str | None = None


@dataclass(frozen=True)
class Milestone:
    """A progress milestone (进度节点): the progress planned by a date."""

    date: date
    progress: float  # 0-100
    note: str | None = None


@dataclass(frozen=True)
class HelpRecord:
    """A 1:1 of the help mechanism, held about a task that fell behind."""

    date: date
    by: str  # member id
    note: str | None = None
    actions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    id: str
    strategy: str | None
    title: str
    owners: tuple[str, ...]  # member ids, or ("all",)
    start: date
    end: date
    resources: tuple[str, ...] = ()
    deliverable: str | None = None
    state: Literal["blocked", "cancelled"] | None = None
    checkins: tuple[Checkin, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    help: tuple[HelpRecord, ...] = ()


@dataclass(frozen=True)
class Cadence:
    daily: str | None = None
    weekly: str | None = None
    monthly: str | None = None


@dataclass(frozen=True)
class AlertRule:
    behind_days: int = 3
    tolerance: float = 0
    calendar: CalendarName | None = None  # None: the site's calendar


@dataclass(frozen=True)
class Finding:
    aspect: Aspect
    text: str
    strategy: str | None = None
    metrics: tuple[tuple[str, float], ...] = ()
    id: str | None = None


@dataclass(frozen=True)
class NextAction:
    action: str
    owners: tuple[str, ...] = ()
    due: date | None = None
    strategy: str | None = None
    finding: str | None = None  # the id of the finding it answers


@dataclass(frozen=True)
class Review:
    period: str
    date: date
    findings: tuple[Finding, ...] = ()
    next_actions: tuple[NextAction, ...] = ()


@dataclass(frozen=True)
class Plan:
    id: str
    team: str
    manager: str
    period: Period
    members: tuple[Member, ...]
    goals: tuple[Goal, ...]
    path: str = ""  # the file, relative to the project root, with forward slashes
    body: str = ""  # the Markdown after the frontmatter
    region: str | None = None
    previous: str | None = None
    context: Context | None = None
    diagnosis: tuple[DiagnosisEntry, ...] = ()
    root_causes: tuple[RootCause, ...] = ()
    strategies: tuple[Strategy, ...] = ()
    tasks: tuple[Task, ...] = ()
    cadence: Cadence | None = None
    alert: AlertRule = field(default_factory=AlertRule)
    reviews: tuple[Review, ...] = ()
    # Where parts of the plan are written in its file: ("task:<id>", line), ("goal:<id>",
    # line); edit links open the file there.
    lines: tuple[tuple[str, int], ...] = field(default=(), compare=False)

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)

    def line_of(self, part: str) -> int | None:
        """The line of the file where `part` ("task:<id>", "goal:<id>") is written."""
        return next((line for key, line in self.lines if key == part), None)
