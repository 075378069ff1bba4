"""Typed, immutable plan models, built once from validated frontmatter data.

The compute and render stages read plans only through these classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Dimension = Literal[
    "revenue", "new_customers", "order_value", "repurchase_rate", "product_share", "custom"
]
Direction = Literal["increase", "decrease"]
Basis = Literal["latest", "cumulative"]
CauseDimension = Literal["product", "customer", "team", "market"]
Module = Literal["product", "customer", "channel", "team"]
Aspect = Literal["attainment", "strategy", "collaboration", "customer_feedback"]

ALL = "all"  # the owner value meaning every member of the team


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    role: str | None = None


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


@dataclass(frozen=True)
class Cadence:
    daily: str | None = None
    weekly: str | None = None
    monthly: str | None = None


@dataclass(frozen=True)
class AlertRule:
    behind_days: int = 3
    tolerance: float = 0


@dataclass(frozen=True)
class Finding:
    aspect: Aspect
    text: str
    strategy: str | None = None
    metrics: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class NextAction:
    action: str
    owners: tuple[str, ...] = ()
    due: date | None = None
    strategy: str | None = None


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

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)


def _date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _owners(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _opt(cls: type, data: dict | None, **convert: Any) -> Any:
    if data is None:
        return None
    values = dict(data)
    for key, fn in convert.items():
        if key in values:
            values[key] = fn(values[key])
    return cls(**values)


def build_plan(data: dict[str, Any], *, path: str = "", body: str = "") -> Plan:
    """Build the typed plan from frontmatter data that passed validation."""
    period = Period(
        data["period"]["name"], _date(data["period"]["start"]), _date(data["period"]["end"])
    )
    return Plan(
        id=data["id"],
        team=data["team"],
        manager=data["manager"],
        period=period,
        members=tuple(Member(m["id"], m["name"], m.get("role")) for m in data["members"]),
        goals=tuple(_goal(g, period, data["manager"]) for g in data["goals"]),
        path=path,
        body=body,
        region=data.get("region"),
        previous=data.get("previous"),
        context=_context(data.get("context")),
        diagnosis=tuple(
            _opt(DiagnosisEntry, d, root_causes=tuple) for d in data.get("diagnosis", ())
        ),
        root_causes=tuple(
            RootCause(r["id"], r["dimension"], tuple(r["chain"]), _opt(FiveW, r.get("five_w")))
            for r in data.get("root_causes", ())
        ),
        strategies=tuple(
            _opt(Strategy, s, measures=tuple, addresses=tuple, goals=tuple)
            for s in data.get("strategies", ())
        ),
        tasks=tuple(_task(t) for t in data.get("tasks", ())),
        cadence=_opt(Cadence, data.get("cadence")),
        alert=_opt(AlertRule, data.get("alert")) or AlertRule(),
        reviews=tuple(_review(r) for r in data.get("reviews", ())),
    )


def _goal(g: dict[str, Any], period: Period, manager: str) -> Goal:
    return Goal(
        id=g["id"],
        dimension=g["dimension"],
        metric=g["metric"],
        unit=g.get("unit", ""),
        baseline=g.get("baseline", 0),
        target=g["target"],
        due=_date(g["due"]) if "due" in g else period.end,
        owners=_owners(g.get("owner", manager)),
        direction=g.get("direction", "increase"),
        basis=g.get("basis", "latest"),
        key_actions=g.get("key_actions"),
        history=tuple(sorted((str(k), v) for k, v in (g.get("history") or {}).items())),
        last_year=g.get("last_year"),
        industry=g.get("industry"),
        actuals=tuple(
            Actual(_date(a["date"]), a["value"], a.get("note")) for a in g.get("actuals", ())
        ),
    )


def _context(context: dict[str, Any] | None) -> Context | None:
    if context is None:
        return None
    return Context(
        customers=tuple(
            CustomerSegment(c["segment"], c.get("share"), tuple(c.get("needs", ())))
            for c in context.get("customers", ())
        ),
        competitors=tuple(Competitor(**c) for c in context.get("competitors", ())),
        resources=_opt(Resources, context.get("resources"), skill_gaps=tuple),
    )


def _task(t: dict[str, Any]) -> Task:
    return Task(
        id=t["id"],
        strategy=t.get("strategy"),
        title=t["title"],
        owners=_owners(t["owner"]),
        start=_date(t["start"]),
        end=_date(t["end"]),
        resources=tuple(t.get("resources", ())),
        deliverable=t.get("deliverable"),
        state=t.get("state"),
        checkins=tuple(
            Checkin(_date(c["date"]), c["progress"], c.get("note"), c.get("blocker"))
            for c in t.get("checkins", ())
        ),
    )


def _review(r: dict[str, Any]) -> Review:
    return Review(
        period=str(r["period"]),
        date=_date(r["date"]),
        findings=tuple(
            Finding(
                f["aspect"], f["text"], f.get("strategy"), tuple((f.get("metrics") or {}).items())
            )
            for f in r.get("findings", ())
        ),
        next_actions=tuple(
            NextAction(
                n["action"],
                _owners(n.get("owner")),
                _date(n["due"]) if n.get("due") else None,
                n.get("strategy"),
            )
            for n in r.get("next_actions", ())
        ),
    )
