"""A real `mkdocs build --strict` of the example site, twice: pages, assets, reproducibility."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import site
from generator.labels import labels_for

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """The example project copied to a temporary folder and built twice (builds are slow)."""
    project = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "plans", project / "plans")
    shutil.copytree(ROOT / "docs", project / "docs")
    first, second = project / "site-1", project / "site-2"
    assert site.build(project / "mkdocs.yml", site_dir=first) == 0
    assert site.build(project / "mkdocs.yml", site_dir=second) == 0
    return project, first, second


def test_every_plan_has_a_page_with_the_six_template_tables(built):
    project, first, _ = built
    plans, _ = site.check_plans(project / "plans")
    assert plans
    labels = labels_for("zh")
    for plan in plans:
        page = (first / "teams" / plan.id / "index.html").read_text(encoding="utf-8")
        for n in range(1, 7):
            assert labels[f"t{n}.title"] in page, (plan.id, n)
        assert page.count("<table>") >= 6
        assert (first / "teams" / plan.id / "dashboard" / "index.html").exists()
    docs = sorted(p.name for p in (project / "docs").rglob("*"))
    assert docs == sorted(p.name for p in (ROOT / "docs").rglob("*"))  # nothing generated there
    for page in ("index.html", "alerts/index.html", "reference/format/index.html"):
        assert (first / page).exists(), page
    assert (first / "schema" / "plan.schema.json").read_bytes() == (
        ROOT / "schema" / "plan.schema.json"
    ).read_bytes()


def test_plotly_is_shipped_once_and_nothing_loads_from_another_host(built):
    _, first, _ = built
    plotly = [p for p in first.rglob("*.js") if "plotly" in p.name]
    assert len(plotly) == 1
    for page in first.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for src in re.findall(r'<script[^>]*\bsrc="([^"]+)"', text):
            assert "//" not in src, (page, src)
        for tag in re.findall(r"<link\b[^>]*>", text):
            if 'rel="canonical"' in tag:
                continue  # the page's own published address, not something loaded
            href = re.search(r'\bhref="([^"]+)"', tag)
            assert href and not href[1].startswith(("http:", "https:", "//")), (page, tag)


def test_two_builds_are_byte_identical(built):
    _, first, second = built
    files_1 = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    files_2 = sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert files_1 == files_2
    different = [p for p in files_1 if (first / p).read_bytes() != (second / p).read_bytes()]
    assert different == []


def test_invalid_plans_stop_the_build_with_the_diagnostics(tmp_path, capsys):
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "docs").mkdir()
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "broken.md").write_text("---\nschema: 1\nid: broken\n---\n")
    assert site.build(tmp_path / "mkdocs.yml", site_dir=tmp_path / "site") == 1
    err = capsys.readouterr().err
    assert "plans/broken.md" in err
    assert "Traceback" not in err
    assert not (tmp_path / "site" / "index.html").exists()


def test_generate_writes_the_page_tree(tmp_path):
    out = tmp_path / "pages"
    assert site.generate(out, plans_dir=ROOT / "plans", as_of="2023-08-20", language="en") == 0
    assert (out / "index.md").exists()
    assert (out / "assets" / "salesplan" / "salesplan.css").exists()
    assert site.generate(out, plans_dir=ROOT / "plans", as_of="2023-08-20", language="zh") == 0
    assert labels_for("zh")["page.home.title"] in (out / "index.md").read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["pages"]  # no staging folder left behind
