"""Where `build` and `generate` write: never over a folder they did not make, never into the
plans, the docs or the repository, and never removing anything beside their output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from authoring_helpers import files_in, run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example site: mkdocs.yml, plans/, docs/, and a file and folder of the
    user's own beside them."""
    site = tmp_path / "project"
    site.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", site / "mkdocs.yml")
    shutil.copytree(ROOT / "plans", site / "plans")
    shutil.copytree(ROOT / "docs", site / "docs")
    (site / "notes.txt").write_text("my notes", "utf-8")
    (site / "reports").mkdir()
    (site / "reports" / "q3.xlsx").write_bytes(b"a spreadsheet")
    monkeypatch.chdir(site)
    return site


@pytest.mark.parametrize(
    ("site_dir", "says"),
    [
        ("plans", "is (or lies in)"),
        ("plans/east", "is (or lies in)"),
        ("docs", "is (or lies in)"),
        (".", "would hold"),
        ("..", "would hold"),
        ("reports", "did not build"),
        ("notes.txt", "is a file"),
    ],
)
def test_build_refuses_a_site_folder_it_would_empty(
    project: Path, site_dir: str, says: str
) -> None:
    before = files_in(project.parent)
    code, output = run("build", "--site-dir", site_dir)
    assert code == 1, output
    assert output.startswith("Error: ") and says in output, output
    assert files_in(project.parent) == before  # nothing deleted, nothing written


def test_build_replaces_a_folder_it_built_and_mkdocs_build_is_guarded_too(project: Path) -> None:
    assert run("build", "--site-dir", "out")[0] == 0
    assert (project / "out" / ".salesplan-built").is_file()
    (project / "out" / "stale.html").write_text("from an older build", "utf-8")
    # its own folder: rebuilt; as of a day gzip cannot stamp, the sitemap keeps to one it can
    code, output = run("build", "--site-dir", "out", "--as-of", "2199-12-31")
    assert code == 0, output
    assert "<lastmod>2106-02-06</lastmod>" in (project / "out" / "sitemap.xml").read_text("utf-8")
    assert (project / "out" / "index.html").is_file() and not (
        project / "out" / "stale.html"
    ).exists()
    # `mkdocs build` itself goes through the plugin, which refuses as well
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    before = files_in(project)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "plans"))
    with pytest.raises((PluginError, Abort)):
        build(config)
    assert files_in(project) == before


def test_generate_keeps_to_its_own_folder(project: Path) -> None:
    sibling = project / "build" / ".pages-old"  # a folder named like a leftover: not ours
    sibling.mkdir(parents=True)
    (sibling / "keep.md").write_text("mine", "utf-8")
    for _ in range(2):
        code, output = run("generate", "build/pages", "--as-of", "2023-08-20")
        assert code == 0, output
    assert (sibling / "keep.md").read_text("utf-8") == "mine"
    assert sorted(p.name for p in (project / "build").iterdir()) == [".pages-old", "pages"]
    before = files_in(project)
    for out, says in (
        ("notes.txt", "is a file, not a folder"),
        ("reports", "did not write"),
        ("plans", "would mix the pages with"),
        ("plans/generated", "would mix the pages with"),
        ("docs/generated", "would mix the pages with"),
        (".", "would mix the pages with"),
    ):
        code, output = run("generate", out)
        assert code == 1 and output.startswith("Error: ") and says in output, (out, output)
        assert "Traceback" not in output
    assert files_in(project) == before
