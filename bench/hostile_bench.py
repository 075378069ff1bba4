"""How long the commands take on the largest plan a file may hold: 1 MiB of tasks, each
spanning a two-year period (the longest allowed) with milestones and a check-in, seen from a
day two centuries later. Task figures are counted stretch by stretch, not day by day, so this
stays a matter of seconds (it was minutes, and hours for a period of years 0001–9999).

Run: python3 bench/hostile_bench.py [--as-of 2199-12-31] [--build]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 1024 * 1024


def write_plan(path: Path) -> int:
    """A plan just under 1 MiB; returns its number of tasks."""
    head = [
        "---", "schema: 1", "id: big", "team: 大组", "manager: a",
        "period: {name: P, start: 1900-01-01, end: 1901-12-31}",
        "members: [{id: a, name: A}]",
        "goals: [{id: g, dimension: revenue, metric: m, baseline: 0, target: 100}]",
        "strategies: [{id: s, module: product, direction: d, measures: [m], goals: [g]}]",
        "tasks:",
    ]  # fmt: skip
    lines, size, n = list(head), sum(len(line) + 1 for line in head), 0
    while True:
        task = (
            f"  - {{id: t{n}, strategy: s, title: T{n}, owner: a, start: 1900-01-01, "
            "end: 1901-12-31, milestones: [{date: 1900-06-01, progress: 20}, "
            "{date: 1901-01-01, progress: 50}], checkins: [{date: 1900-03-01, progress: 5}]}"
        )
        if size + len(task) + 1 + 20 > LIMIT:
            break
        lines.append(task)
        size += len(task.encode()) + 1
        n += 1
    path.write_text("\n".join([*lines, "---", "body"]) + "\n", "utf-8")
    return n


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "generator", *command],
        cwd=cwd,
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), "SALESPLAN_LANG": "en"},
    )
    return time.perf_counter() - start, done.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--as-of", default="2199-12-31")
    parser.add_argument("--build", action="store_true", help="also run the MkDocs build")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        shutil.copy(ROOT / "mkdocs.yml", site / "mkdocs.yml")
        shutil.copytree(ROOT / "docs", site / "docs")
        (site / "plans").mkdir()
        tasks = write_plan(site / "plans" / "big.md")
        size = (site / "plans" / "big.md").stat().st_size
        print(f"1 plan of {size / LIMIT:.2f} MiB: {tasks} tasks over 730 days, as of {args.as_of}")
        commands = [
            ["validate"],
            ["status", "--as-of", args.as_of],
            ["generate", "pages", "--as-of", args.as_of],
        ]
        if args.build:
            commands.append(["build", "--as-of", args.as_of, "--site-dir", "out"])
        for command in commands:
            seconds, code = timed(command, site)
            print(f"  salesplan {command[0]}: {seconds:.1f} s (exit {code})")


if __name__ == "__main__":
    main()
