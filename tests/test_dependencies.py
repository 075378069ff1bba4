"""Dependencies: each one declared with its reason, every import declared, and one pinned set
(requirements/constraints.txt) that CI, the workflows and the README's commands install from.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from collections.abc import Iterator
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from test_workflows import CONSTRAINTS, project_installs, takes_constraints

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT_TEXT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
PROJECT = tomllib.loads(PYPROJECT_TEXT)["project"]
RUNTIME = [Requirement(line) for line in PROJECT["dependencies"]]
TEST = [Requirement(line) for line in PROJECT["optional-dependencies"]["test"]]
README = (ROOT / "README.md").read_text(encoding="utf-8")
CI_RUN = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def pins() -> dict[str, Version]:
    """The pinned versions of the constraints file, by canonical name."""
    text = (ROOT / CONSTRAINTS).read_text(encoding="utf-8")
    found = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", text, re.M)
    return {canonicalize_name(name): Version(version) for name, version in found}


def readme_setup_commands() -> list[str]:
    """The commands of the README's set-up block."""
    block = re.search(r"## Set-up\n.*?```bash\n(.*?)```", README, re.S)
    assert block, "README.md has no set-up block"
    return [line for line in block[1].splitlines() if line and not line.startswith("#")]


def imported_distributions(folder: Path) -> Iterator[tuple[str, str]]:
    """(file, distribution) for each import of a third-party module in the folder's files."""
    local = {path.stem for path in folder.glob("*.py")} | {"generator"}
    owners = packages_distributions()
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for top in {name.partition(".")[0] for name in names}:
                if top in sys.stdlib_module_names or top in local or top == "__future__":
                    continue
                assert top in owners, f"{path.name} imports {top}, which nothing installed provides"
                for distribution in owners[top]:
                    yield path.relative_to(ROOT).as_posix(), canonicalize_name(distribution)


def test_each_dependency_says_what_it_is_for():
    for group in ("dependencies = [", "test = ["):
        lines = PYPROJECT_TEXT.split(group, 1)[1].split("\n]", 1)[0].strip("\n").splitlines()
        for index, line in enumerate(lines):
            if line.strip().startswith('"'):
                assert index and lines[index - 1].strip().startswith("#"), f"no reason: {line}"


@pytest.mark.parametrize(
    ("folder", "declared"),
    [("generator", RUNTIME), ("tests", RUNTIME + TEST)],
    ids=["generator", "tests"],
)
def test_every_third_party_import_is_declared(folder, declared):
    names = {canonicalize_name(requirement.name) for requirement in declared}
    undeclared = {
        (file, distribution)
        for file, distribution in imported_distributions(ROOT / folder)
        if distribution not in names
    }
    assert undeclared == set()


def test_constraints_pin_every_requirement_within_its_range():
    pinned = pins()
    for requirement in RUNTIME + TEST:
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{requirement.name} is not pinned in {CONSTRAINTS}: regenerate it"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"{CONSTRAINTS} pins {name}=={pinned[name]}, outside {requirement}: regenerate it"
        )


def test_the_constraints_header_gives_the_command_the_readme_documents():
    header = (ROOT / CONSTRAINTS).read_text(encoding="utf-8").split("\n\n", 1)[0]
    command = re.search(r"by the following command:\n#\n#\s+(pip-compile .*)\n", header)
    assert command, f"{CONSTRAINTS} has no pip-compile header"
    words = command[1].split()
    assert words[-1] == "pyproject.toml" and "--extra=test" in words
    assert f"--output-file={CONSTRAINTS}" in words
    assert "--strip-extras" in words, "pip cannot take extras in a constraints file"
    assert f"`{command[1]}`" in README, "the README's Development section must give the command"


@pytest.mark.parametrize(
    ("where", "script"),
    [(".ci/run", CI_RUN), ("README.md", "\n".join(readme_setup_commands()))],
)
def test_ci_and_the_readme_install_the_project_from_the_constraints(where, script):
    installs = list(project_installs(script))
    assert installs, f"{where} does not install salesplan"
    for words in installs:
        assert takes_constraints(words), f"{where}: {' '.join(words)} does not take {CONSTRAINTS}"


def test_ci_runs_the_readme_test_command():
    test_command = next(c for c in readme_setup_commands() if c.endswith("python3 -m pytest"))
    assert test_command in CI_RUN.splitlines()


def test_dependabot_keeps_the_pins_and_the_actions_current():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) == {"github-actions", "pip"}
    assert updates["pip"]["directory"] == "/"  # pyproject.toml and requirements/
    assert updates["pip"]["groups"], "one pull request for the whole pinned set"
