"""The code's shape: a pipeline you can see in the file list, each module small and saying what
it owns, data flowing forward only (STYLE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
MODULES = sorted(PACKAGE.rglob("*.py"))
# The stages in pipeline order; a module may import only from its own stage or earlier ones.
STAGES = (
    ("words", "model", "diagnostic", "settings", "numbers", "workers"),  # what every stage uses
    ("load",),
    ("check",),
    ("revisions",),  # plans as they were in git: diffs and histories of checked plans
    ("author",),  # writing plan files: reads like load, checks with check
    ("compute",),
    ("render",),
    ("notify",),  # the help mechanism reaching people: chat robots, GitHub issues
    ("site",),
    ("commands",),
    ("cli",),
)
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)


def _stage(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "generator" or len(parts) < 2:
        return None
    return next((rank for rank, names in enumerate(STAGES) if parts[1] in names), None)


def _imports(path: Path) -> set[str]:
    """Every generator module the file imports, at the top or inside a function."""
    module = _name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            found |= {f"{target}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("generator.")}


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_no_module_imports_a_later_stage(path: Path) -> None:
    own = _stage(_name(path))
    if own is None:  # generator/__init__.py
        return
    later = sorted(m for m in _imports(path) if (_stage(m) or 0) > own)
    assert later == [], f"{_name(path)} reaches forward into {later}"


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_every_module_is_small_and_says_what_it_owns(path: Path) -> None:
    text = path.read_text("utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES, f"{_name(path)} is too long"
    tree = ast.parse(text)
    docstring = ast.get_docstring(tree)
    assert docstring and docstring.strip(), f"{_name(path)} has no docstring"
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = node.end_lineno - node.lineno + 1
            assert length <= MAX_FUNCTION_LINES, f"{_name(path)}.{node.name}: {length} lines"


def test_the_stages_are_the_packages() -> None:
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES}
    known = {name for names in STAGES for name in names} | {"__init__", "__main__"}
    assert tops <= known, f"modules outside the pipeline: {sorted(tops - known)}"
    for name in ("check", "revisions", "compute", "render", "site", "commands", "words"):
        assert (PACKAGE / name / "__init__.py").is_file(), name


def test_the_layout_test_sees_a_forward_import(tmp_path: Path) -> None:
    # The import scan must catch what it is there to catch.
    fake = PACKAGE / "check" / "run.py"
    assert "generator.load.load_file" in _imports(fake)
    assert _stage("generator.render.pages") > _stage("generator.compute.goals")
