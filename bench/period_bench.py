"""How a plan's cost grows with the length of its period: it should grow in proportion.

Run: python3 bench/period_bench.py [--months 3 6 12 24] [--repeat 3]
Stretches one example plan to periods of the given lengths (every task ends with the period,
the as-of date is its last day: every day of the period is walked and every month has its
report), then times, in-process, check + compute + render of that one plan's site.
`measure()` returns the milliseconds of each length; `added_month_ms()` what each month added
costs between two lengths: the same figure throughout means the cost is linear.
Periods are at most two years (the `period-too-long` rule).
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import compute  # noqa: E402
from generator.check import check  # noqa: E402
from generator.check.schema import load_schema  # noqa: E402
from generator.render import render_site  # noqa: E402
from generator.words import Words  # noqa: E402

ZH = Words("zh")
SOURCE = ROOT / "plans" / "east" / "east-hangzhou-2023q3.md"
START = date(2023, 7, 1)


def stretched(months: int) -> tuple[str, date]:
    """The example plan with a period of `months` months (and its tasks ending with it)."""
    end = _add_months(START, months) - timedelta(days=1)
    text = SOURCE.read_text("utf-8")
    text = text.replace("  end: 2023-09-30\n", f"  end: {end.isoformat()}\n", 1)
    # every task (and goal due) that ended with the quarter ends with the period instead
    text = text.replace("end: 2023-09-30", f"end: {end.isoformat()}")
    text = text.replace("due: 2023-09-30", f"due: {end.isoformat()}")
    return text, end


def _add_months(day: date, months: int) -> date:
    year, month = divmod(day.month - 1 + months, 12)
    return day.replace(year=day.year + year, month=month + 1)


def site_seconds(months: int, folder: Path) -> float:
    text, end = stretched(months)
    plans = folder / f"m{months}"
    plans.mkdir()
    (plans / "plan.md").write_text(text, "utf-8")
    start = time.perf_counter()
    result = check([plans], words=ZH, plans_dir=plans)
    assert result.ok, result.diagnostics[:3]
    data = compute.site_data(result.plans, end)
    render_site(data, words=ZH, schema=load_schema())
    return time.perf_counter() - start


def measure(months: tuple[int, ...] = (3, 6, 12, 24), repeat: int = 3) -> dict[int, float]:
    """Milliseconds for the site of one plan of each period length (medians of `repeat`).

    A plan's site has a fixed part (home, alerts, reference, assets); what grows with the
    period shows in the milliseconds each added month costs (`added_month_ms`).
    """
    figures = {}
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm-up"  # imports, templates, the calendar: not the plan's cost
        warm.mkdir()
        site_seconds(3, warm)
        for n in months:
            runs = []
            for attempt in range(repeat):
                folder = Path(tmp) / f"{n}-{attempt}"
                folder.mkdir()
                runs.append(site_seconds(n, folder))
            figures[n] = round(statistics.median(runs) * 1000, 1)
    return figures


def added_month_ms(figures: dict[int, float]) -> dict[str, float]:
    """The cost of each added month between consecutive lengths: flat when linear."""
    lengths = sorted(figures)
    return {
        f"{a}-{b}": round((figures[b] - figures[a]) / (b - a), 1)
        for a, b in itertools.pairwise(lengths)
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--months", type=int, nargs="+", default=[3, 6, 12, 24])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    figures = measure(tuple(args.months), args.repeat)
    for months, ms in figures.items():
        print(f"  {months:>3} months: {ms} ms")
    for span, ms in added_month_ms(figures).items():
        print(f"  each month added, {span} months: {ms} ms")


if __name__ == "__main__":
    main()
