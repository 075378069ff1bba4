"""How long the site takes to build for many teams, with team pages in the nav and without.

Run: python3 bench/site_bench.py [--teams 1000]
Copies one example plan N times (new ids and team names) into a temporary project, then times
each stage in-process (load+validate, compute, render) and the whole `salesplan build`.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import compute  # noqa: E402
from generator.check import check  # noqa: E402
from generator.check.schema import load_schema  # noqa: E402
from generator.render import render_site  # noqa: E402
from generator.words import Words  # noqa: E402

AS_OF = date(2023, 8, 20)


def make_project(target: Path, teams: int) -> None:
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    plans = target / "plans"
    source = ROOT / "plans" / "east" / "east-hangzhou-2023q3.md"
    text = source.read_text("utf-8")
    for i in range(teams):
        region = f"region-{i % 10}"
        body = text.replace(f"id: {source.stem}", f"id: team-{i:04d}", 1)
        body = body.replace("team: 杭州团队", f"team: 团队{i:04d}", 1)
        body = body.replace("region: 华东区", f"region: 区域{i % 10}", 1)
        folder = plans / region
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"team-{i:04d}.md").write_text(body, "utf-8")


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    print(f"  {label}: {time.perf_counter() - start:.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--teams", type=int, default=1000)
    args = parser.parse_args()
    salesplan = shutil.which("salesplan") or sys.exit("install the project first: pip install -e .")
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        make_project(project, args.teams)
        print(f"{args.teams} teams:")
        report = timed("load + validate", lambda: check([project / "plans"], words=Words("zh")))
        assert report.ok, report.diagnostics[:3]
        data = timed("compute", lambda: compute.site_data(report.plans, AS_OF))
        pages = timed(
            "render (pages, tables, chart JSON)",
            lambda: render_site(data, words=Words("zh"), schema=load_schema()),
        )
        print(f"  {len(pages)} generated files")
        for nav_teams in ("auto", "true", "false"):
            config = (project / "mkdocs.yml").read_text("utf-8")
            config = re.sub(r"\n      nav_teams: \w+", "", config)
            plans_line = "      plans_dir: plans\n"
            config = config.replace(plans_line, f"{plans_line}      nav_teams: {nav_teams}\n")
            (project / "mkdocs.yml").write_text(config, "utf-8")
            start = time.perf_counter()
            subprocess.run([salesplan, "build"], cwd=project, check=True, capture_output=True)
            took = time.perf_counter() - start
            print(f"  salesplan build, nav_teams: {nav_teams}: {took:.1f} s")


if __name__ == "__main__":
    main()
