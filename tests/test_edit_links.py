"""Edit links: each plan page and task row opens the plan file in GitHub's web editor, at the
task's line, when mkdocs.yml names the repository (repo_url, edit_uri); none otherwise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from authoring_helpers import ROOT, SHANGHAI, copy_project, run

from generator.commands.site_config import load_site_config
from generator.model import Period, Plan
from generator.site.edit_links import edit_links

EDITOR = "https://github.com/acme/sales-plans/edit/main/"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _site(extra: str) -> None:
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    Path("mkdocs.yml").write_text(text.replace("docs_dir: docs\n", f"docs_dir: docs\n{extra}"))


def _line_of(path: Path, task_id: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if line.strip() == f"- id: {task_id}")


def test_plan_pages_and_task_rows_link_to_the_editor(project: Path, tmp_path: Path) -> None:
    _site("repo_url: https://github.com/acme/sales-plans\nedit_uri: edit/main/docs/\n")
    out = tmp_path / "pages"
    code, printed = run("generate", str(out))
    assert code == 0, printed
    page = (out / "teams/east-shanghai-2023q3/index.md").read_text("utf-8")
    file_url = EDITOR + "plans/east/east-shanghai-2023q3.md"
    assert f'<a class="sp-edit-plan" href="{file_url}">' in page
    line = _line_of(SHANGHAI, "t-invite")
    task_links = re.findall(r'class="sp-edit" href="([^"]+)"', page)
    assert f"{file_url}#L{line}" in task_links
    # every task row, in Template 4 and in Template 5
    tasks = SHANGHAI.read_text("utf-8").count("\n  - id: t-")
    assert tasks > 10 and len(task_links) == 2 * tasks


def test_no_repository_no_edit_links(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "pages"
    assert run("generate", str(out))[0] == 0
    page = (out / "teams/east-shanghai-2023q3/index.md").read_text("utf-8")
    assert "sp-edit" not in page


def test_paths_are_url_encoded_and_an_unknown_edit_uri_gives_no_links(project: Path) -> None:
    _site("repo_url: https://github.com/acme/sales-plans\nedit_uri: edit/main/docs/\n")
    config = load_site_config(None).mkdocs
    plan = Plan("p", "T", "m", Period("P", None, None), (), (), path="plans/华东 区/p#1.md")
    links = edit_links(config, [plan])
    assert links.url(plan) == EDITOR + "plans/%E5%8D%8E%E4%B8%9C%20%E5%8C%BA/p%231.md"
    _site("repo_url: https://github.com/acme/sales-plans\nedit_uri: edit/main/\n")
    assert edit_links(load_site_config(None).mkdocs, [plan]) is None
