"""Each team's history, and how stable each goal's target and due date have been.

A team's history is the revisions that changed one of its plans (the plans on the site that
share its `team`), told about those plans only. A goal's stability counts the revisions that
moved its target (and how many eased it: lowered, or raised for a decrease goal) or its due
date (and how many moved it later), from the diffs, so a change merged from a branch counts
once. Its series, the target and due date after each move, is what the history chart draws.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from ..model import Plan
from .history import History, Revision


@dataclass(frozen=True)
class GoalPoint:
    """A goal's target and due date after a revision."""

    at: datetime  # the revision's commit date
    revision: str  # its short hash
    target: float | None
    due: date | None


@dataclass(frozen=True)
class GoalStability:
    """How often a goal's target and due date moved across the revisions."""

    plan_id: str
    goal_id: str
    points: tuple[GoalPoint, ...]  # oldest first: as first recorded, then after each move
    target_changes: int = 0
    target_eased: int = 0  # of which made the target easier to reach
    due_changes: int = 0
    due_later: int = 0  # of which moved the due date later

    @property
    def recorded(self) -> bool:
        return bool(self.points)

    @property
    def moved(self) -> bool:
        """Whether its target or due date ever changed."""
        return bool(self.target_changes or self.due_changes)

    @property
    def first_target(self) -> float | None:
        return self.points[0].target if self.points else None


@dataclass(frozen=True)
class TeamHistory:
    """The revisions of one team's plans, newest first, and its goals' stability."""

    team: str
    plan_ids: tuple[str, ...]
    revisions: tuple[Revision, ...]
    goals: tuple[GoalStability, ...]  # the goals of the team's plans, in plan and goal order
    unavailable: str | None = None
    detail: str = ""

    @property
    def eased(self) -> int:
        """How many of its goals had a target eased at least once."""
        return sum(1 for g in self.goals if g.target_eased)


@dataclass(frozen=True)
class SiteHistory:
    """Every team's history, and each goal's stability by (plan id, goal id)."""

    teams: dict[str, TeamHistory] = field(default_factory=dict)
    unavailable: str | None = None
    detail: str = ""
    goals: dict[tuple[str, str], GoalStability] = field(default_factory=dict, compare=False)

    def team(self, name: str) -> TeamHistory | None:
        return self.teams.get(name)

    def goal(self, plan_id: str, goal_id: str) -> GoalStability | None:
        return self.goals.get((plan_id, goal_id))


def site_history(history: History, plans: Sequence[Plan]) -> SiteHistory:
    """The history of every team that has a plan among `plans`."""
    teams: dict[str, list[Plan]] = {}
    for plan in plans:
        teams.setdefault(plan.team, []).append(plan)
    touching = _touching(history)
    histories = {
        name: team_history(history, name, found, touching) for name, found in sorted(teams.items())
    }
    goals = {(g.plan_id, g.goal_id): g for h in histories.values() for g in h.goals}
    return SiteHistory(histories, history.unavailable, history.detail, goals)


def _touching(history: History) -> dict[str, list[int]]:
    """Plan id → the positions of the revisions about it (in the history's order): each
    team then reads its own revisions, not every revision of the company."""
    found: dict[str, list[int]] = {}
    for n, revision in enumerate(history.revisions):
        for plan_id in {d.id for d in revision.diffs} | {i for i, _ in revision.invalid}:
            found.setdefault(plan_id, []).append(n)
    return found


def team_history(
    history: History, team: str, plans: Sequence[Plan], touching: Mapping[str, list[int]]
) -> TeamHistory:
    """The revisions of the team's `plans` (found through `touching`, see `_touching`), and
    the stability of their goals."""
    ordered = sorted(plans, key=lambda p: (p.period.start, p.id))
    ids = frozenset(p.id for p in ordered)
    positions = sorted({n for plan_id in ids for n in touching.get(plan_id, ())})
    found = (history.revisions[n].for_plans(ids) for n in positions)
    revisions = tuple(r for r in found if r is not None)
    goals = tuple(
        goal_stability(revisions, plan.id, goal.id) for plan in ordered for goal in plan.goals
    )
    return TeamHistory(
        team,
        tuple(p.id for p in ordered),
        revisions,
        goals,
        history.unavailable,
        history.detail,
    )


def goal_stability(revisions: Sequence[Revision], plan_id: str, goal_id: str) -> GoalStability:
    """The moves of one goal across revisions (given newest first, as histories are)."""
    points: list[GoalPoint] = []
    counts = {"target_changes": 0, "target_eased": 0, "due_changes": 0, "due_later": 0}
    for revision in reversed(revisions):
        for diff in revision.diffs:
            if diff.id != plan_id:
                continue
            for move in diff.goal_moves():
                if move.goal != goal_id:
                    continue
                commit = revision.commit
                point = GoalPoint(commit.committed, commit.short, move.target[1], move.due[1])
                points.append(point)
                if move.new or not points[:-1]:
                    continue
                old_due, new_due = move.due
                if move.target[0] != move.target[1]:
                    counts["target_changes"] += 1
                    counts["target_eased"] += move.eased
                if old_due != new_due:
                    counts["due_changes"] += 1
                    counts["due_later"] += bool(old_due and new_due and new_due > old_due)
    return GoalStability(plan_id, goal_id, tuple(points), **counts)
