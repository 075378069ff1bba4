"""Which files are read: regular files only, capped before reading, never a link out of the
repository (a pull request could add one to publish a file of the machine that builds)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from authoring_helpers import within

from generator.check import check
from generator.load import MAX_BYTES, load_file
from generator.words import Words

HERE = Path(__file__).parent
FULL = HERE / "plans" / "valid" / "full.md"
ROOT = HERE.parent
EN = Words("en")


def _rules(found) -> list[tuple[str, int, int]]:
    return [(d.rule, d.line, d.column) for d in found.diagnostics]


def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "plan.md"
    os.mkfifo(fifo)
    with within(10):
        loaded = load_file(fifo, words=EN)
    assert _rules(loaded) == [("file-unreadable", 1, 1)]
    assert "not a file" in loaded.diagnostics[0].message


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_without_reading_it(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} does not exist here")
    with within(10):
        loaded = load_file(Path(device), words=EN)
    assert _rules(loaded) == [("file-unreadable", 1, 1)]


def test_a_folder_named_as_a_file_is_refused(tmp_path: Path) -> None:
    assert _rules(load_file(tmp_path, words=EN)) == [("file-unreadable", 1, 1)]


def test_the_size_cap_comes_before_reading(tmp_path: Path) -> None:
    huge = tmp_path / "huge.md"
    with huge.open("wb") as file:  # sparse: 8 GiB claimed, nothing written
        file.truncate(8 * 1024**3)
    with within(10):
        loaded = load_file(huge, words=EN)
    assert _rules(loaded) == [("file-too-large", 1, 1)]
    assert "8192.0 MiB" in loaded.diagnostics[0].message
    exact = tmp_path / "exact.md"
    exact.write_bytes(FULL.read_bytes() + b"x" * (MAX_BYTES - FULL.stat().st_size))
    assert load_file(exact, words=EN).diagnostics == []  # 1 MiB exactly is allowed


def test_the_command_refuses_pipes_and_devices(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "generator", "validate", "--lang", "en", str(fifo), "/dev/zero"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert done.returncode == 1
    assert done.stdout.count("[file-unreadable]") == 2, done.stdout + done.stderr


def _repository(tmp_path: Path) -> Path:
    """A repository with a plan, and a secret file beside it (outside)."""
    repo = tmp_path / "repo"
    (repo / "plans" / "east").mkdir(parents=True)
    (repo / ".git").mkdir()
    shutil.copy(FULL, repo / "plans" / "east" / "full.md")
    secret = tmp_path / "secret.md"
    secret.write_text("---\nprivate_key_field: hunter2\n---\n", "utf-8")
    return repo


def test_a_link_out_of_the_repository_is_refused_and_not_read(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    link = repo / "plans" / "east" / "evil.md"
    link.symlink_to(tmp_path / "secret.md")
    for report in (
        check([repo / "plans"], words=EN, plans_dir=repo / "plans"),  # a folder searched
        check([link], words=EN, plans_dir=repo / "plans"),  # the file named
    ):
        found = [d for d in report.diagnostics if d.file.endswith("evil.md")]
        assert [(d.rule, d.line, d.column) for d in found] == [("file-outside-repository", 1, 1)]
        text = " ".join(d.message for d in report.diagnostics)
        assert "private_key_field" not in text and "hunter2" not in text
        assert all(plan.id == "full" for plan in report.plans)


def test_a_linked_folder_out_of_the_repository_is_not_followed_either(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    shutil.copy(tmp_path / "secret.md", outside / "plan.md")
    (repo / "plans" / "linked").symlink_to(outside, target_is_directory=True)
    report = check([repo / "plans" / "linked" / "plan.md"], words=EN, plans_dir=repo / "plans")
    assert [d.rule for d in report.diagnostics] == ["file-outside-repository"]


def test_a_link_inside_the_repository_is_read(tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    (repo / "shared").mkdir()
    shutil.move(repo / "plans" / "east" / "full.md", repo / "shared" / "full.md")
    (repo / "plans" / "east" / "full.md").symlink_to(repo / "shared" / "full.md")
    report = check([repo / "plans"], words=EN, plans_dir=repo / "plans")
    assert report.ok and [plan.id for plan in report.plans] == ["full"]
