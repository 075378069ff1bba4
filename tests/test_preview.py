"""`salesplan serve` never stalls on a bad plan: a real server on 127.0.0.1, a plan broken and
fixed between requests; and the plugin's events under `serve` and `build`."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import urlopen

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from generator.render.paths import PROBLEMS

ROOT = Path(__file__).resolve().parent.parent
PLAN = Path("plans/east/east-shanghai-2023q3.md")
ANSWER_WITHIN = 5.0  # seconds: a preview that waits longer for a good build has stalled
BANNER = "sp-problems-banner"


def _project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    return tmp_path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    """(status, page) of one request, which must be answered at once."""
    started = time.monotonic()
    try:
        with urlopen(url, timeout=ANSWER_WITHIN * 2) as response:
            status, page = response.status, response.read().decode("utf-8")
    except HTTPError as error:
        status, page = error.code, ""
    took = time.monotonic() - started
    assert took < ANSWER_WITHIN, f"{url} took {took:.1f} s: the preview stalled"
    return status, page


def _until(check, what: str, timeout: float = 30.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.3)
    pytest.fail(f"the preview never showed {what}")


def _with_banner(url: str) -> str | None:
    page = _get(url)[1]
    return page if BANNER in page else None


def _broken(text: str) -> tuple[str, int]:
    """The plan with its first goal's target made a word, and the line of that target."""
    lines = text.splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.strip().startswith("target:"))
    lines[number] = lines[number].split("target:")[0] + "target: lots\n"
    return "".join(lines), number + 1


def test_a_bad_plan_shows_its_problems_in_the_preview_and_the_fix_brings_it_back(tmp_path):
    project = _project(tmp_path)
    port = _free_port()
    base = f"http://127.0.0.1:{port}/salesplan/"
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:

        def up():
            try:
                return _get(base)
            except OSError:
                return None

        status, page = _until(up, "its home page")
        assert status == 200 and BANNER not in page

        good = (project / PLAN).read_text(encoding="utf-8")
        broken, line = _broken(good)
        (project / PLAN).write_text(broken, encoding="utf-8")
        page = _until(lambda: _with_banner(base), "a banner")
        assert "1 个文件中有 1 个错误" in page

        status, problems = _get(base + PROBLEMS.removesuffix(".md") + "/")
        assert status == 200
        assert f"<code>{PLAN.as_posix()}</code>" in problems  # relative to the project
        assert f"<td>{line}:" in problems and "<code>type</code>" in problems
        assert "必须是数字" in problems  # in the site's language
        assert str(tmp_path) not in problems

        # Every other page keeps its last good state; the broken plan's page too.
        status, other = _get(base + "teams/east-hangzhou-2023q3/")
        assert status == 200 and "杭州团队" in other and BANNER in other
        status, own = _get(base + "teams/east-shanghai-2023q3/")
        assert status == 200 and "上海一组" in own

        (project / PLAN).write_text(good, encoding="utf-8")
        _until(lambda: BANNER not in _get(base)[1], "the site without its banner")
        assert _get(base + PROBLEMS.removesuffix(".md") + "/")[0] == 404
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _plugin_events(project: Path, command: str):
    """The salesplan plugin of the project's mkdocs.yml, started as MkDocs starts `command`."""
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["salesplan"]
    plugin.on_startup(command=command, dirty=False)
    return config, plugin


def test_build_stays_strict_and_serve_starts_even_with_a_bad_plan(tmp_path):
    project = _project(tmp_path)
    broken, _ = _broken((project / PLAN).read_text(encoding="utf-8"))
    (project / PLAN).write_text(broken, encoding="utf-8")

    config, plugin = _plugin_events(project, "build")
    with pytest.raises(PluginError, match="target"):
        plugin.on_config(config)

    config, plugin = _plugin_events(project, "serve")
    plugin.on_config(config)  # no error: the first start of the preview has no last good site
    config.plugins.on_files(Files([]), config=config)  # the pages are rendered here
    pages = plugin._pages
    assert PROBLEMS in pages
    assert "teams/east-hangzhou-2023q3/index.md" in pages  # the plans without an error
    assert "teams/east-shanghai-2023q3/index.md" not in pages
