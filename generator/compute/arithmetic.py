"""The small arithmetic every computation shares: tolerance, clamping, ratios, date order."""

from __future__ import annotations

from collections.abc import Iterable

EPSILON = 1e-9  # tolerance for "meets": float noise must not change a status


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def attainment(current: float, target: float, direction: str) -> float | None:
    """current / target for an increase goal, target / current for a decrease goal."""
    numerator, denominator = (current, target) if direction == "increase" else (target, current)
    return numerator / denominator if denominator != 0 else None


def by_date(items: Iterable) -> list:
    """Entries sorted by date; stable, so entries of one day keep their file order."""
    return sorted(items, key=lambda item: item.date)
