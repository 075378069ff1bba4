"""The benchmark of record: how salesplan scales with the number of teams, on this machine.

Run: python3 bench/run.py --teams 1000 [--json out.json] [--repeat 3] [--no-history]

In a temporary folder it writes N synthetic plans (copies of an example plan, one team each,
ten regions) and measures, as medians over the repeats:

- parse_floor_s: libyaml's parse of every plan file, nothing else (the floor for validation);
- validate_s: `salesplan validate`'s check, in process, on every core as the command runs it
  (validate_one_core_s: on one);
- generate_s: load + check + compute + render of every page, in process, on every core as
  `salesplan build` runs them;
- build_s: the whole `salesplan build`, a process of its own, and its peak_rss_mb;
- pages, site_mb, largest_page_kb: the built site;
- history_s: the history pages of a repository with 100 plans × 50 revisions (once);
- period_ms, period_added_month_ms: one plan's site for periods of 3 to 24 months, and what
  each added month costs (the same figure throughout: linear in the period's length).

It prints a table and the machine it ran on; with --json it writes those keys to a file.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from history_bench import measure as history_measure  # noqa: E402
from period_bench import added_month_ms  # noqa: E402
from period_bench import measure as period_measure  # noqa: E402
from site_bench import make_project  # noqa: E402

from generator import compute  # noqa: E402
from generator.check import check  # noqa: E402
from generator.check.schema import load_schema  # noqa: E402
from generator.load import YamlLoader  # noqa: E402
from generator.render import render_site  # noqa: E402
from generator.words import Words  # noqa: E402
from generator.workers import available_workers  # noqa: E402

AS_OF = date(2023, 8, 20)
ZH = Words("zh")
KEYS = (
    "teams", "parse_floor_s", "validate_s", "validate_one_core_s", "generate_s", "build_s",
    "peak_rss_mb", "pages", "site_mb", "largest_page_kb", "history_s",
)  # fmt: skip


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def parse_floor(plans: Path) -> int:
    """Parse every plan's frontmatter with libyaml and nothing else."""
    count = 0
    for path in sorted(plans.rglob("*.md")):
        text = path.read_text("utf-8")
        frontmatter = text.split("\n---\n", 1)[0].removeprefix("---\n")
        yaml.load(frontmatter, Loader=YamlLoader)
        count += 1
    return count


def generate(plans: Path) -> int:
    """load + check + compute + render, as `salesplan build` does them (on every core)."""
    result = check([plans], words=ZH, plans_dir=plans, workers=available_workers())
    data = compute.site_data(result.plans, AS_OF)
    pages = render_site(data, words=ZH, schema=load_schema(), workers=available_workers())
    return len(pages)


# Runs the build as its child and reports the largest of the build's processes: measured from
# here, a child would count this benchmark's own memory (a forked process starts with its
# parent's pages, and Linux keeps that high-water mark through exec).
_LAUNCHER = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[2:])
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
open(sys.argv[1], "w").write(str(peak))
sys.exit(done.returncode)
"""


def build(project: Path, salesplan: str) -> tuple[float, float]:
    """(seconds, peak resident memory in MB) of `salesplan build`: the largest of its
    processes (the build itself, its check, its helpers)."""
    site = project / "site"
    shutil.rmtree(site, ignore_errors=True)
    peak = project / "peak-kib"
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _LAUNCHER, str(peak), salesplan, "build", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        env={**os.environ, "SALESPLAN_LANG": "zh"},
    )
    took = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"salesplan build failed:\n{done.stdout.decode()}{done.stderr.decode()}")
    return took, int(peak.read_text()) / 1024  # KiB on Linux


def site_figures(site: Path) -> dict[str, float]:
    pages = [p for p in site.rglob("*.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {
        "pages": len(pages),
        "site_mb": round(total / 1e6, 1),
        "largest_page_kb": round(max(p.stat().st_size for p in pages) / 1024, 1),
    }


def run_once(project: Path, salesplan: str) -> dict[str, float]:
    plans = project / "plans"
    figures: dict[str, float] = {}
    figures["parse_floor_s"], _ = timed(lambda: parse_floor(plans))
    # as `salesplan validate` runs it (on every core), and on one core
    cores = available_workers()
    validate = lambda workers: check([plans], words=ZH, plans_dir=plans, workers=workers)  # noqa: E731
    figures["validate_s"], result = timed(lambda: validate(cores))
    assert result.ok, result.diagnostics[:3]
    figures["validate_one_core_s"], _ = timed(lambda: validate(1))
    figures["generate_s"], _ = timed(lambda: generate(plans))
    figures["build_s"], figures["peak_rss_mb"] = build(project, salesplan)
    figures.update(site_figures(project / "site"))
    return figures


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    ) if Path("/proc/cpuinfo").exists() else platform.processor()  # fmt: skip
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs ({cpu}), "
        f"{memory:.0f} GiB, Python {platform.python_version()}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--teams", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=1, help="runs; medians are reported")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    parser.add_argument("--no-history", action="store_true", help="skip history_s")
    args = parser.parse_args()
    salesplan = shutil.which("salesplan") or sys.exit("install the project first: pip install -e .")
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        make_project(project, args.teams)
        runs = [run_once(project, salesplan) for _ in range(args.repeat)]
    figures: dict[str, float] = {"teams": args.teams}
    for key in runs[0]:
        figures[key] = round(statistics.median(run[key] for run in runs), 3)
    history = None if args.no_history else history_measure(100, 50)["history pages, in all"]
    figures["history_s"] = None if history is None else round(history, 2)
    period = period_measure()
    figures["period_ms"] = {str(months): ms for months, ms in period.items()}
    figures["period_added_month_ms"] = added_month_ms(period)
    figures["machine"] = machine()
    print(f"salesplan benchmark, {args.teams} teams, median of {args.repeat} run(s)")
    print(f"machine: {figures['machine']}")
    for key in KEYS[1:]:
        print(f"  {key:<20} {figures[key]}")
    print(f"  one plan's site by months of period: {figures['period_ms']} ms")
    print(f"  each month added costs: {figures['period_added_month_ms']} ms")
    ratio = figures["validate_s"] / figures["parse_floor_s"]
    share = figures["generate_s"] / figures["build_s"]
    print(f"  validate / parse floor: {ratio:.2f} ×; generator share of the build: {share:.0%}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
