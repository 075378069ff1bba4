"""How long the history pages take: 100 plans × 50 revisions in a git repository.

Run: python3 bench/history_bench.py [--plans 100] [--revisions 50] [--every 1] [--build]
     python3 bench/history_bench.py --company 1000 [--quarters 4] [--edits 5] [--json FILE]
Makes a repository in a temporary folder: N copies of the largest example plan (one team
each, ten regions), then R commits; each plan is edited every `--every` commits (default: every
commit edits every plan, 100 × 50 = 5,000 plan versions): its revenue target up or down, a
check-in, every tenth revision a due date moved later. Times, in-process, reading the history
from git (one `git log`, one `git cat-file --batch`, loading and checking each version,
diffing), the teams' histories and stability, and the rendering of the history pages; with
--build, also the whole `salesplan build` with and without history.
With --company TEAMS, a company's year instead (make_company): each quarter every team adds
its plan, naming the last quarter's as `previous`, and edits it `--edits` times, a commit each
(1,000 teams: 24,000 commits, 4,000 plan files at the end).
`measure()` returns the same figures for a caller (e.g. a bench runner).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import compute  # noqa: E402
from generator.check import check  # noqa: E402
from generator.check.schema import load_schema  # noqa: E402
from generator.render.context import PageContext  # noqa: E402
from generator.render.history import history_index_page, history_page  # noqa: E402
from generator.revisions import read_history, site_history  # noqa: E402
from generator.words import Words  # noqa: E402
from generator.workers import available_workers  # noqa: E402

AS_OF = date(2023, 8, 20)
ZH = Words("zh")
SOURCE = ROOT / "plans" / "east" / "east-shanghai-2023q3.md"


def _git(repo: Path, *args: str, when: datetime | None = None) -> None:
    stamp = (when or datetime(2023, 7, 1, 9)).isoformat()
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    identity = ("-c", "user.name=王磊", "-c", "user.email=plans@example.com")
    subprocess.run(["git", *identity, *args], cwd=repo, env=env, check=True, capture_output=True)


def make_repository(repo: Path, plans: int, revisions: int, every: int = 1) -> None:
    """The project with `plans` plans and `revisions` commits after the first, each plan
    edited every `every` commits."""
    shutil.copytree(ROOT / "docs", repo / "docs")
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    template = SOURCE.read_text("utf-8").replace("previous: east-shanghai-2023q2\n", "")
    template = template.replace(
        "    owner: wang-lei\n    key_actions: 重点产品A",
        "    due: 2023-09-10\n    owner: wang-lei\n    key_actions: 重点产品A",
        1,
    )
    texts: dict[Path, str] = {}
    for i in range(plans):
        body = template.replace(f"id: {SOURCE.stem}", f"id: team-{i:03d}", 1)
        body = body.replace("team: 上海一组", f"team: 团队{i:03d}", 1)
        body = body.replace("region: 华东区", f"region: 区域{i % 10}", 1)
        path = repo / "plans" / f"region-{i % 10}" / f"team-{i:03d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        texts[path] = body
        path.write_text(body, "utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "初始计划")
    for r in range(1, revisions + 1):
        when = datetime(2023, 7, 1, 9) + timedelta(hours=12 * r)
        for n, path in enumerate(sorted(texts)):
            if n % every == r % every:
                texts[path] = _edit(texts[path], r)
                path.write_text(texts[path], "utf-8")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", f"第 {r} 次修改", when=when)


def make_company(repo: Path, teams: int, quarters: int, edits: int) -> int:
    """A company's plans folder after `quarters` quarters: each quarter, each team adds its
    plan (naming its last quarter's as `previous`) in a commit of its own, then edits it
    `edits` times, one commit per edit, the teams taking turns (written to git fast-import as
    they are made: seconds for tens of thousands of commits). Returns the number of commits."""
    shutil.copytree(ROOT / "docs", repo / "docs")
    shutil.copy(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    template = SOURCE.read_text("utf-8").replace(
        "    owner: wang-lei\n    key_actions: 重点产品A",
        "    due: 2023-09-10\n    owner: wang-lei\n    key_actions: 重点产品A",
        1,
    )
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True, capture_output=True)
    importer = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=repo, stdin=subprocess.PIPE)
    stream = importer.stdin
    assert stream is not None
    texts: dict[str, str] = {}
    count = 0

    def commit(message: str, path: str, text: str) -> None:
        nonlocal count
        count += 1
        body, subject = text.encode(), message.encode()
        stream.write(b"commit refs/heads/main\n")
        stream.write(
            f"committer 王磊 <plans@example.com> {1688173200 + 60 * count} +0800\n".encode()
        )
        stream.write(f"data {len(subject)}\n".encode() + subject + b"\n")
        stream.write(f"M 100644 inline {path}\ndata {len(body)}\n".encode() + body + b"\n")

    for quarter in range(quarters):
        paths = []
        for i in range(teams):
            plan_id = f"team-{i:04d}-q{quarter + 1}"
            previous = f"previous: team-{i:04d}-q{quarter}\n" if quarter else ""
            body = template.replace("previous: east-shanghai-2023q2\n", previous, 1)
            body = body.replace(f"id: {SOURCE.stem}", f"id: {plan_id}", 1)
            body = body.replace("team: 上海一组", f"team: 团队{i:04d}", 1)
            body = body.replace("region: 华东区", f"region: 区域{i % 10}", 1)
            path = f"plans/region-{i % 10}/{plan_id}.md"
            texts[path] = body
            paths.append(path)
            commit(f"{plan_id} 新计划", path, body)
        for r in range(1, edits + 1):
            for path in paths:
                texts[path] = _edit(texts[path], r)
                commit(f"第 {r} 次修改", path, texts[path])
    stream.close()
    if importer.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "checkout", "-q", "-f", "main"], cwd=repo, check=True)
    return count


def _edit(text: str, r: int) -> str:
    """One revision of a plan: the revenue target up or down, a new check-in, and every
    tenth revision a due date moved later."""
    lines = text.split("\n")
    at = lines.index("    basis: latest")  # the revenue goal's target is the line above
    lines[at - 1] = f"    target: {120 + (r * 7) % 23 - 11}"
    text = "\n".join(lines)
    progress = min(100, 58 + r // 5)
    text = text.replace(
        "      - date: 2023-08-18\n        progress: 58",
        f"      - date: 2023-08-18\n        progress: {progress}",
        1,
    )
    if r % 10 == 0:
        lines = text.split("\n")
        at = next(i for i, line in enumerate(lines) if line.startswith("    due: 2023-09-"))
        lines[at] = f"    due: 2023-09-{10 + r // 10:02d}"
        text = "\n".join(lines)
    return text


def _timed(figures: dict[str, float], label: str, fn: Callable):
    """Wall-clock seconds, and this process's CPU seconds (a busy machine inflates the first)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    figures[label] = time.perf_counter() - start
    figures[f"{label}, CPU"] = time.process_time() - cpu
    return result


def measure(
    plans: int = 100,
    revisions: int = 50,
    every: int = 1,
    company: tuple[int, int, int] | None = None,
) -> dict[str, float]:
    """Seconds for each step of the history pages, on a fresh repository: `plans` ×
    `revisions`, or with `company` (teams, quarters, edits), a company's (make_company)."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        repo.mkdir()

        def make() -> int:
            """The repository; how many commits it has."""
            if company is None:
                make_repository(repo, plans, revisions, every)
                return revisions + 1
            return make_company(repo, *company)

        commits = _timed(figures, "make the repository", make)
        history = _timed(
            figures, "read the history (git log + cat-file, check, diff)",
            lambda: read_history(repo / "plans", words=ZH, workers=available_workers()),
        )  # fmt: skip
        # before the plans are checked (the build checks them in a process of its own)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        report = check([repo / "plans"], words=ZH, plans_dir=repo / "plans")
        assert report.ok, report.diagnostics[:3]
        data = compute.site_data(report.plans, AS_OF)
        assert history.unavailable is None, history
        assert len(history.revisions) == commits, len(history.revisions)
        teams = _timed(
            figures, "team histories and stability", lambda: site_history(history, report.plans)
        )
        ctx = PageContext.for_site(data, ZH, history=teams, schema=load_schema())

        def render() -> int:
            pages = [history_index_page(ctx)]
            pages += [history_page(t, ctx) for t in teams.teams.values()]
            return sum(len(p) for p in pages)

        size = _timed(figures, "render the history pages", render)
        steps = [k for k in figures if not k.startswith("make") and not k.endswith("CPU")]
        figures["history pages, in all"] = sum(figures[k] for k in steps)
        figures["history pages, in all, CPU"] = sum(figures[f"{k}, CPU"] for k in steps)
        figures["MB of history pages"] = size / 1e6
        figures["plan versions in the history"] = sum(len(r.diffs) for r in history.revisions)
        figures["peak MB, reading the history"] = peak
    return figures


def _builds(plans: int, revisions: int, every: int) -> None:
    """Whole `salesplan build`s of this checkout's code, with and without history pages."""
    salesplan = [sys.executable, "-m", "generator"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        repo.mkdir()
        make_repository(repo, plans, revisions, every)
        config = (repo / "mkdocs.yml").read_text("utf-8")
        for history in ("true", "false"):
            text = config.replace(
                "      plans_dir: plans\n", f"      plans_dir: plans\n      history: {history}\n"
            )
            (repo / "mkdocs.yml").write_text(text, "utf-8")
            start = time.perf_counter()
            site = str(Path(tmp) / "site")
            subprocess.run([*salesplan, "build", "--site-dir", site], cwd=repo, env=env,
                           check=True, capture_output=True)  # fmt: skip
            print(f"  salesplan build, history: {history}: {time.perf_counter() - start:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--plans", type=int, default=100)
    parser.add_argument("--revisions", type=int, default=50)
    parser.add_argument("--every", type=int, default=1, help="edit each plan every N commits")
    parser.add_argument("--build", action="store_true", help="also time whole site builds")
    parser.add_argument("--company", type=int, metavar="TEAMS", help="a company's history instead")
    parser.add_argument("--quarters", type=int, default=4, help="with --company")
    parser.add_argument("--edits", type=int, default=5, help="with --company: per plan")
    parser.add_argument("--json", type=Path, help="write the figures to this file")
    args = parser.parse_args()
    company = None
    if args.company:
        company = (args.company, args.quarters, args.edits)
        print(f"a company of {args.company} teams, {args.quarters} quarters, {args.edits} edits "
              "of each plan a quarter, one commit each:")  # fmt: skip
    else:
        edited = f"each plan edited every {args.every}"
        print(f"{args.plans} plans × {args.revisions} revisions ({edited}):")
    figures = measure(args.plans, args.revisions, args.every, company)
    for label, value in figures.items():
        if label.startswith(("plan versions", "peak")):
            print(f"  {label}: {value:.0f}")
        else:
            print(f"  {label}: {value:.2f}" + ("" if label.startswith("MB") else " s"))
    if args.json:
        figures = {"company": list(company or ()), **{k: round(v, 3) for k, v in figures.items()}}
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", "utf-8")
    if args.build and company is None:
        _builds(args.plans, args.revisions, args.every)


if __name__ == "__main__":
    main()
