"""Typed plans built from frontmatter data that passed the check: defaults filled in once."""

from __future__ import annotations

from datetime import date
from typing import Any

from .types import (
    DEFAULT_AGGREGATE,
    Actual,
    AlertRule,
    Cadence,
    Checkin,
    Competitor,
    Context,
    CustomerSegment,
    DiagnosisEntry,
    Finding,
    FiveW,
    Goal,
    HelpRecord,
    Member,
    Milestone,
    NextAction,
    Period,
    Plan,
    Resources,
    Review,
    RootCause,
    Strategy,
    Task,
)


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


def build_plan(
    data: dict[str, Any],
    *,
    path: str = "",
    body: str = "",
    lines: tuple[tuple[str, int], ...] = (),
) -> Plan:
    """Build the typed plan from frontmatter data that passed validation; `lines` says where
    its parts are written (see Plan.lines)."""
    period = Period(
        data["period"]["name"], _date(data["period"]["start"]), _date(data["period"]["end"])
    )
    return Plan(
        id=data["id"],
        team=data["team"],
        manager=data["manager"],
        period=period,
        members=tuple(
            Member(m["id"], m["name"], m.get("role"), m.get("github")) for m in data["members"]
        ),
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
        lines=lines,
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
        aggregate=g.get("aggregate", DEFAULT_AGGREGATE.get(g["dimension"], "none")),
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
        milestones=tuple(
            Milestone(_date(m["date"]), m["progress"], m.get("note"))
            for m in t.get("milestones", ())
        ),
        help=tuple(
            HelpRecord(_date(h["date"]), h["by"], h.get("note"), tuple(h.get("actions", ())))
            for h in t.get("help", ())
        ),
    )


def _review(r: dict[str, Any]) -> Review:
    return Review(
        period=str(r["period"]),
        date=_date(r["date"]),
        findings=tuple(
            Finding(
                f["aspect"],
                f["text"],
                f.get("strategy"),
                tuple((f.get("metrics") or {}).items()),
                f.get("id"),
            )
            for f in r.get("findings", ())
        ),
        next_actions=tuple(
            NextAction(
                n["action"],
                _owners(n.get("owner")),
                _date(n["due"]) if n.get("due") else None,
                n.get("strategy"),
                n.get("finding"),
            )
            for n in r.get("next_actions", ())
        ),
    )
