"""The history walk (revisions/walk.py) against the plain way of reading a history: every
commit's whole snapshot loaded and checked, its state built from all its files, and compared
with its parent's. On random histories (plans added, edited, broken, given a duplicate or no
id, naming a previous plan or none, moved, removed, folders replaced, side branches merged
back), both must give the same revisions: the same diffs, flags, and invalid files (those the
commit changed) with the same errors, at the same lines."""

from __future__ import annotations

import os
import random
import signal
import subprocess
from collections.abc import Mapping
from pathlib import Path

import pytest
from test_revisions import PLAN

from generator.check import check
from generator.revisions import (
    PlanVersion,
    Repository,
    Snapshot,
    Snapshots,
    diff_plans,
    read_history,
    site_history,
    version_checks,
)
from generator.revisions.history import _merge_own
from generator.words import Words

ZH = Words("zh")
PATHS = (
    "plans/a.md",
    "plans/b.md",
    "plans/east/c.md",
    "plans/east/d.md",
    "plans/west/e.md",
    "plans/z.md",
    "plans/z.md/inner.md",  # a folder where a file was
    "plans/_draft.md",  # not a plan file
    "plans/notes.txt",
    "other/x.md",  # outside the folder
)
IDS = ("p1", "p2", "p3", "p4")


def plan_text(rng: random.Random) -> str:
    """A plan file: valid, with an error, unreadable, or without an id."""
    kind = rng.choices(("ok", "error", "broken", "no-id"), (8, 2, 1, 1))[0]
    if kind == "broken":
        return f"---\nid: [{rng.choice(IDS)}\nteam: x\n---\n"
    plan_id = rng.choice(IDS)
    text = PLAN.replace("id: east-1\n", f"id: {plan_id}\n", 1)
    text = text.replace("    target: 120", f"    target: {rng.choice((100, 120, 150))}", 1)
    text = text.replace("progress: 40", f"progress: {rng.choice((10, 40, 90))}", 1)
    previous = rng.choice((None, None, *IDS, "gone"))
    if previous:
        text = text.replace(f"id: {plan_id}\n", f"id: {plan_id}\nprevious: {previous}\n", 1)
    if kind == "error":
        text = text.replace("team: 东区一组", rng.choice(("team: 123", "team: x\nfoo: 1")), 1)
    if kind == "no-id":
        text = text.replace(f"id: {plan_id}\n", "", 1)
    if rng.random() < 0.2:
        text += rng.choice(("补充说明。\n", ""))
    return text


def change(files: dict[str, str], rng: random.Random) -> None:
    """One change to a tree (path → text), keeping files and folders apart."""
    op = rng.choices(("write", "remove", "move", "drop-folder"), (6, 2, 2, 1))[0]
    existing = sorted(files)
    if op == "remove" and existing:
        del files[rng.choice(existing)]
    elif op == "move" and existing:
        old, new = rng.choice(existing), rng.choice(PATHS)
        text = files.pop(old)
        _put(files, new, text)
    elif op == "drop-folder":
        for path in [p for p in existing if p.startswith("plans/east/")]:
            del files[path]
    else:
        _put(files, rng.choice(PATHS), plan_text(rng) if rng.random() < 0.7 else _edit(files, rng))


def _edit(files: dict[str, str], rng: random.Random) -> str:
    texts = [t for t in files.values() if "target:" in t]
    if not texts:
        return plan_text(rng)
    text = rng.choice(texts)
    return text.replace("progress: ", f"progress: {rng.randint(1, 9)}", 1)


def _put(files: dict[str, str], path: str, text: str) -> None:
    for other in list(files):  # a file where a folder is, or a folder where a file is
        if other.startswith(path + "/") or path.startswith(other + "/"):
            del files[other]
    files[path] = text


def make_history(repo: Path, seed: int) -> None:
    """A random history on main, with side branches merged back, by `git fast-import`."""
    rng = random.Random(seed)
    out: list[bytes] = []
    marks: list[tuple[int, dict[str, str]]] = []
    count = 0

    def commit(branch: str, files: dict[str, str], parents: list[int]) -> int:
        nonlocal count
        count += 1
        message = f"c{count}".encode()
        out.append(f"commit refs/heads/{branch}\nmark :{count}\n".encode())
        out.append(f"committer 王 <w@example.com> {1688173200 + count * 3600} +0800\n".encode())
        out.append(f"data {len(message)}\n".encode() + message + b"\n")
        out.extend(
            f"{'from' if n == 0 else 'merge'} :{p}\n".encode() for n, p in enumerate(parents)
        )
        out.append(b"deleteall\n")
        for path, text in sorted(files.items()):
            body = text.encode()
            out.append(f"M 100644 inline {path}\ndata {len(body)}\n".encode() + body + b"\n")
        marks.append((count, dict(files)))
        return count

    files: dict[str, str] = {}
    tip = commit("main", files, [])
    for _ in range(rng.randint(8, 22)):
        if marks and rng.random() < 0.15:  # a side branch from an earlier commit, merged back
            fork, side = rng.choice(marks)
            side = dict(side)
            side_tip = fork
            for _ in range(rng.randint(1, 3)):
                change(side, rng)
                side_tip = commit("side", side, [side_tip])
            merged = {**files, **{p: t for p, t in side.items() if marks[fork - 1][1].get(p) != t}}
            if rng.random() < 0.5:
                change(merged, rng)  # what the merge itself did
            files = merged
            tip = commit("main", files, [tip, side_tip])
        else:
            for _ in range(rng.randint(1, 2)):
                change(files, rng)
            tip = commit("main", files, [tip])
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=b"".join(out), check=True)


def reference(folder: Path) -> list:
    """The plain way: each commit's whole snapshot, its state from all its files."""
    repository = Repository.of(folder)
    states: dict[str, dict[str, PlanVersion]] = {}
    files: dict[str, set[tuple[str, str]]] = {}
    found = []
    with repository.objects() as reader:
        snapshots = Snapshots(repository, reader, ZH)
        for commit in reversed(repository.log("HEAD")):
            parents = [states.get(sha, {}) for sha in commit.parents] or [{}]
            snapshot = snapshots.at(commit)
            state, invalid = _state(snapshot, parents[0])
            states[commit.sha] = state
            diffs = diff_plans(parents[0], state)
            if len(parents) > 1:
                diffs = _merge_own(diffs, parents, state)
            # the files it shows: those it changed (file and content), against its first parent
            files[commit.sha] = {(v.file, v.blob) for v in snapshot.versions}
            first = files.get(commit.parents[0], set()) if commit.parents else set()
            invalid = [(i, v) for i, v in invalid if (v.file, v.blob) not in first]
            if diffs or invalid:
                found.append((commit.sha, diffs, invalid))
    return [_plain(*revision) for revision in reversed(found)]


def _state(snapshot: Snapshot, parent: Mapping[str, PlanVersion]) -> tuple[dict, list]:
    """A plan's version is its first file's (by path); a file that cannot be read holds on
    to its plan's last readable version."""
    plans: dict[str, PlanVersion] = {}
    invalid = []
    by_file = {v.file: plan_id for plan_id, v in parent.items()}
    for version in snapshot.versions:
        plan_id = version.id
        if plan_id is None:
            plan_id = by_file.get(version.file)
            if plan_id is not None and plan_id not in plans:
                plans[plan_id] = parent[plan_id]
        else:
            plans.setdefault(plan_id, version)
        if plan_id is not None and not version.valid:
            invalid.append((plan_id, version))
    return plans, invalid


def _plain(sha: str, diffs, invalid) -> tuple:
    return (
        sha,
        [
            (d.as_dict(), d.flags, *[(v.file, v.blob) if v else None for v in (d.before, d.after)])
            for d in diffs
        ],
        [
            (i, v.file, v.blob, [(e.rule, e.line, e.column, e.message) for e in v.errors])
            for i, v in invalid
        ],
    )


@pytest.mark.parametrize("seed", range(40))
def test_the_walk_gives_what_whole_snapshots_give(tmp_path, seed):
    make_history(tmp_path, seed)
    history = read_history(tmp_path / "plans", words=ZH)
    assert history.unavailable is None
    walked = [_plain(r.commit.sha, r.diffs, r.invalid) for r in history.revisions]
    assert walked == reference(tmp_path / "plans")


def test_the_random_histories_hold_what_the_walk_must_get_right(tmp_path):
    """The generator is not idle: over the seeds, merges, invalid files, moves and
    duplicate ids all occur (else the comparison above proves little)."""
    seen = {"merge": 0, "invalid": 0, "moved": 0, "removed": 0, "duplicate": 0}
    for seed in range(40):
        repo = tmp_path / str(seed)
        make_history(repo, seed)
        history = read_history(repo / "plans", words=ZH)
        for revision in history.revisions:
            seen["merge"] += len(revision.commit.parents) > 1
            seen["invalid"] += bool(revision.invalid)
            rules = {e.rule for _, v in revision.invalid for e in v.errors}
            seen["duplicate"] += "duplicate-plan-id" in rules
            for diff in revision.diffs:
                seen["removed"] += diff.status == "removed"
                seen["moved"] += any(c.path == ("file",) for c in diff.changes)
    assert all(n >= 3 for n in seen.values()), seen


def linear_history(repo: Path, commits: list[tuple[str, dict[str, str]]]) -> None:
    """Commits on main, one after the other: (subject, the files it writes)."""
    out = []
    for n, (subject, files) in enumerate(commits, start=1):
        message = subject.encode()
        stamp = f"committer 王 <w@example.com> {1688173200 + n} +0800\n"
        out.append(f"commit refs/heads/main\n{stamp}".encode())
        out.append(f"data {len(message)}\n".encode() + message + b"\n")
        for path, text in files.items():
            body = text.encode()
            out.append(f"M 100644 inline {path}\ndata {len(body)}\n".encode() + body + b"\n")
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    subprocess.run(["git", "fast-import", "--quiet"], cwd=repo, input=b"".join(out), check=True)


def test_a_version_with_errors_is_not_its_own_duplicate(tmp_path):
    """A version loaded in pieces and loaded whole again for its errors' lines: the check of
    the whole one must not take the pieces for another file with the same id."""
    broken = PLAN.replace("team: 东区一组", "team: 123", 1)
    linear_history(tmp_path, [("c1", {"plans/a.md": PLAN}), ("c2", {"plans/a.md": broken})])
    history = read_history(tmp_path / "plans", words=ZH)
    ((_, version),) = history.revisions[0].invalid
    assert [e.rule for e in version.errors] == ["type"]
    assert version.errors[0].line == 5


@pytest.mark.parametrize("seed", range(0, 40, 4))
def test_each_team_reads_the_revisions_about_its_plans(tmp_path, seed):
    """site_history finds each team's revisions through an index by plan id: the same as
    reading every revision of the history for each team (two teams of two plan ids each)."""
    make_history(tmp_path / "repo", seed)
    history = read_history(tmp_path / "repo" / "plans", words=ZH)
    typed = tmp_path / "typed"
    typed.mkdir()
    for n, plan_id in enumerate(IDS):
        text = PLAN.replace("id: east-1\n", f"id: {plan_id}\n", 1)
        (typed / f"{plan_id}.md").write_text(text.replace("东区一组", f"团队{n % 2}"), "utf-8")
    plans = check([typed], words=ZH, plans_dir=typed).plans
    teams = site_history(history, plans).teams
    assert sorted(teams) == ["团队0", "团队1"]
    for team in teams.values():
        ids = frozenset(team.plan_ids)
        every = tuple(r for r in (rev.for_plans(ids) for rev in history.revisions) if r)
        assert team.revisions == every
    assert sum(len(t.revisions) for t in teams.values()) >= 3


@pytest.mark.parametrize("seed", range(0, 40, 5))
def test_versions_checked_by_worker_processes_give_the_same_history(tmp_path, seed, monkeypatch):
    """A long history's versions are checked by forked workers, a batch at a time (here two
    checks a batch, so that even a short history is): the same revisions as checked here."""
    make_history(tmp_path, seed)
    here = read_history(tmp_path / "plans", words=ZH)
    monkeypatch.setattr(version_checks, "BATCH", 2)
    sent = []
    real = version_checks.VersionChecks._send
    monkeypatch.setattr(version_checks.VersionChecks, "_send", lambda s: sent.append(1) or real(s))
    shared = read_history(tmp_path / "plans", words=ZH, workers=2)
    assert sent, "no batch went to a worker"
    plain = [_plain(r.commit.sha, r.diffs, r.invalid) for r in here.revisions]
    assert [_plain(r.commit.sha, r.diffs, r.invalid) for r in shared.revisions] == plain


_PARENT, _REAL_CHECK = os.getpid(), version_checks.check_batch


def _killed_in_a_worker(words, batch):
    """The checks, by a worker that is killed as it starts them (as by the out-of-memory
    killer); here, as usual. At module level: a worker is sent it by name."""
    if os.getpid() != _PARENT:
        os.kill(os.getpid(), signal.SIGKILL)
    return _REAL_CHECK(words, batch)


def test_a_killed_check_worker_leaves_its_checks_to_this_process(tmp_path, monkeypatch):
    """A worker killed mid-history breaks the pool: its batch and every later one are
    checked here, and the history is the same."""
    make_history(tmp_path, 3)
    here = read_history(tmp_path / "plans", words=ZH)
    monkeypatch.setattr(version_checks, "BATCH", 2)
    monkeypatch.setattr(version_checks, "check_batch", _killed_in_a_worker)
    shared = read_history(tmp_path / "plans", words=ZH, workers=2)
    plain = [_plain(r.commit.sha, r.diffs, r.invalid) for r in here.revisions]
    assert [_plain(r.commit.sha, r.diffs, r.invalid) for r in shared.revisions] == plain


def test_a_file_left_broken_is_shown_at_the_commit_that_broke_it_only(tmp_path):
    """A plan file left unreadable (a push that skipped the check) is invalid in the history
    at the commit that broke it: the commits after it, which did not touch it, are not each
    shown again as leaving that team's plan invalid."""
    other = PLAN.replace("id: east-1\n", "id: west-1\n", 1).replace("东区一组", "西区一组")
    commits = [
        ("两份计划", {"plans/east-1.md": PLAN, "plans/west-1.md": other}),
        ("东区计划写坏了", {"plans/east-1.md": "---\nid: [east-1\n---\n"}),
        ("西区打卡", {"plans/west-1.md": other.replace("progress: 40", "progress: 60", 1)}),
        ("西区再打卡", {"plans/west-1.md": other.replace("progress: 40", "progress: 80", 1)}),
    ]
    linear_history(tmp_path, commits)
    history = read_history(tmp_path / "plans", words=ZH)
    shown = {r.commit.subject: [i for i, _ in r.invalid] for r in history.revisions}
    assert shown == {"西区再打卡": [], "西区打卡": [], "东区计划写坏了": ["east-1"], "两份计划": []}
    east = [r.commit.subject for r in history.revisions if r.for_plans({"east-1"})]
    assert east == ["东区计划写坏了", "两份计划"]
