"""How long `salesplan validate` takes on the example plans and on 1,000 copies of one.

Run: python3 bench/validate_bench.py [--copies 1000]
Prints wall-clock times of the real command (a fresh process each time, best of 3) and a
breakdown per stage measured in-process (libyaml loader, schema validators compiled once).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.check import check  # noqa: E402
from generator.check.schema import schema_problems  # noqa: E402
from generator.load import YamlLoader, load_file  # noqa: E402
from generator.words import Words  # noqa: E402

EN = Words("en")


def best_of(runs: int, command: list[str], cwd: Path) -> float:
    times = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's code, not an installed one
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return min(times)


def make_copies(source: Path, target: Path, copies: int) -> None:
    text = source.read_text("utf-8")
    plan_id = source.stem
    for i in range(copies):
        new_id = f"{plan_id}-{i:04d}"
        body = text.replace(f"id: {plan_id}", f"id: {new_id}", 1)
        body = "\n".join(line for line in body.splitlines() if not line.startswith("previous:"))
        (target / f"{new_id}.md").write_text(body + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--copies", type=int, default=1000)
    args = parser.parse_args()
    salesplan = [sys.executable, "-m", "generator"]
    print(f"YAML loader: {YamlLoader.__name__}")

    examples = sorted((ROOT / "plans").rglob("*.md"))
    t = best_of(3, [*salesplan, "validate"], ROOT)
    print(f"salesplan validate, {len(examples)} example plans: {t * 1000:.0f} ms (whole process)")

    source = ROOT / "plans" / "east" / "east-shanghai-2023q3.md"
    lines = source.read_text("utf-8").split("\n---\n")[0].count("\n")
    with tempfile.TemporaryDirectory() as tmp:
        plans = Path(tmp) / "plans"
        plans.mkdir()
        make_copies(source, plans, args.copies)
        t = best_of(3, [*salesplan, "validate"], Path(tmp))
        print(
            f"salesplan validate, {args.copies} copies of {source.name} ({lines} YAML lines): "
            f"{t:.2f} s (whole process), {t / args.copies * 1000:.2f} ms a plan"
        )
        files = sorted(plans.glob("*.md"))
        start = time.perf_counter()
        loaded = [load_file(f, words=EN) for f in files]
        load_s = time.perf_counter() - start
        schema_problems(loaded[0].data, EN)  # compile the validators once
        start = time.perf_counter()
        for item in loaded:
            schema_problems(item.data, EN)
        schema_s = time.perf_counter() - start
        start = time.perf_counter()
        report = check([plans], words=EN, plans_dir=plans)
        total_s = time.perf_counter() - start
        assert report.ok, report.diagnostics[:3]
        n = len(files)
        print(f"  load (parse + positions): {load_s / n * 1000:.2f} ms a plan")
        print(f"  schema check (jsonschema-rs fast path): {schema_s / n * 1000:.3f} ms a plan")
        print(
            f"  check() in-process, all rules: {total_s:.2f} s ({total_s / n * 1000:.2f} ms a plan)"
        )


if __name__ == "__main__":
    main()
