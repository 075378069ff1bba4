"""The arithmetic of the SMART checks (SPEC §4): is a target on the right side of its baseline,
and how ambitious is it against the goal's history. Validation warns with these figures; the
plan page shows them (compute reads them from here, so both say the same)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DAYS_PER_MONTH = 365.25 / 12
STRETCH_FACTOR = 3  # warn when the required change exceeds 3 × the best month in history
MIN_HISTORY_MONTHS = 6  # the method asks for 6–12 months of history


@dataclass(frozen=True)
class Ambition:
    """The change a goal needs per month, against what its history has shown."""

    months: float  # from the period start to the due date
    required: float  # (target − baseline) per month
    trend: float | None  # the history's least-squares change per month (≥ 2 months)
    best_month: float | None  # the largest single month-on-month change in the goal's direction
    beyond_history: bool  # required > 3 × best month (or history never moved that way)
    trend_reaches: bool  # the trend alone reaches the target by the due date: no stretch


def wrong_direction(baseline: float, target: float, direction: str) -> bool:
    """An increase goal whose target is not above its baseline, or a decrease goal not below."""
    return target <= baseline if direction == "increase" else target >= baseline


def ambition(
    history: list[tuple[str, float]],
    baseline: float,
    target: float,
    start: date,
    due: date,
    direction: str,
) -> Ambition:
    """Required change per month against the history (months "YYYY-MM" → value, ascending)."""
    months = max(((due - start).days + 1) / DAYS_PER_MONTH, 1 / DAYS_PER_MONTH)
    required = (target - baseline) / months
    sign = 1.0 if direction == "increase" else -1.0
    index = [_month_index(month) for month, _ in history]
    values = [float(value) for _, value in history]
    trend = _slope(index, values) if len(values) >= 2 else None
    changes = [
        (values[i] - values[i - 1]) / max(1, index[i] - index[i - 1]) for i in range(1, len(values))
    ]
    best = max(changes, key=lambda change: sign * change) if changes else None
    beyond = False
    if best is not None and sign * required > 0:
        beyond = sign * best <= 0 or sign * required > STRETCH_FACTOR * sign * best
    reaches = trend is not None and sign * (baseline + trend * months - target) >= 0
    return Ambition(months, required, trend, best, beyond, reaches)


def _month_index(month: str) -> int:
    year, number = month.split("-")
    return int(year) * 12 + int(number)


def _slope(xs: list[int], ys: list[float]) -> float | None:
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread
