"""The validator on real plan files: tests/plans/{valid,invalid}/ with expected diagnostics beside.

Each invalid case `<case>.md` (or folder `<case>/`) has `<case>.expected.json`: the diagnostics
it must produce. After a reviewed change of wording, regenerate them with
`pytest tests/test_validate.py --update-goldens` and read the diff.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from generator.check import check
from generator.check.codes import RULES
from generator.words import Words

HERE = Path(__file__).parent
VALID = HERE / "plans" / "valid"
INVALID = HERE / "plans" / "invalid"
ROOT = HERE.parent
PLAN_FILES = sorted((ROOT / "plans").rglob("*.md"))
EXAMPLES = [p for p in PLAN_FILES if not p.name.startswith("_")]  # _template.md is not published
EN = Words("en")

INVALID_CASES = sorted(
    p for p in INVALID.iterdir() if p.suffix == ".md" or (p.is_dir() and not p.name.startswith("."))
)
# Rules that no file in the corpus can show: tested by the unit tests named beside them.
RULES_TESTED_ELSEWHERE = {
    "file-unreadable": "test_load.py::test_unreadable_file",
    "file-too-large": "test_load.py::test_file_over_one_mebibyte",
    "invalid-value": "test_validate.py::test_unexpected_schema_keyword_still_explained",
    # a link cannot be a corpus file: git keeps it as a link to wherever it points
    "file-outside-repository": (
        "test_files.py::test_a_link_out_of_the_repository_is_refused_and_not_read"
    ),
}


def _check(path: Path):
    # The corpus lives outside the project's plans/: check it on its own.
    return check([path], words=EN, plans_dir=None)


@pytest.mark.parametrize("case", INVALID_CASES, ids=lambda p: p.stem)
def test_invalid_case(case: Path, golden, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(INVALID)  # files named as given, relative: the same on every machine
    report = check([case.name], words=EN, plans_dir=None)
    found = [d.as_dict() for d in report.diagnostics]
    expected_file = case.with_name(case.stem + ".expected.json")
    expected = golden(expected_file, json.dumps(found, ensure_ascii=False, indent=2) + "\n")
    assert found == json.loads(expected)
    rule = case.stem
    assert rule in RULES, f"case {case.name} is named after no rule"
    assert any(d["rule"] == rule for d in found), f"{case.name} does not show its rule"
    if RULES[rule][0] == "error":
        assert not report.ok and report.plans == ()
    else:
        assert report.ok and all(d["severity"] == "warning" for d in found)


def test_every_rule_has_a_case_and_documentation() -> None:
    covered = {p.stem for p in INVALID_CASES} | set(RULES_TESTED_ELSEWHERE)
    assert covered == set(RULES)
    for page in (ROOT / "docs" / "rules.md", ROOT / "docs" / "en" / "rules.md"):  # zh, en
        documented = set(re.findall(r"^### `([a-z-]+)`", page.read_text("utf-8"), re.M))
        assert documented == set(RULES), page


@pytest.mark.parametrize("plan", sorted(VALID.glob("*.md")) + PLAN_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("variant", ["as-is", "bom", "crlf", "bom+crlf"])
def test_valid_plans_pass_with_any_bom_and_line_ending(
    plan: Path, variant: str, tmp_path: Path
) -> None:
    raw = plan.read_bytes().replace(b"\r\n", b"\n")
    if "crlf" in variant:
        raw = raw.replace(b"\n", b"\r\n")
    if "bom" in variant:
        raw = b"\xef\xbb\xbf" + raw
    copy = tmp_path / "plans" / plan.name
    copy.parent.mkdir()
    copy.write_bytes(raw)
    if plan.is_relative_to(ROOT / "plans"):  # examples reference each other through `previous`
        shutil.copytree(ROOT / "plans", tmp_path / "project", dirs_exist_ok=True)
        report = check([copy], words=EN, plans_dir=tmp_path / "project")
    else:
        report = check([copy], words=EN, plans_dir=None)
    assert report.ok, [str(d) for d in report.diagnostics]
    assert len(report.plans) == 1


def test_example_plans_have_no_problem_at_all() -> None:
    report = check([ROOT / "plans"], words=EN, plans_dir=ROOT / "plans")
    assert report.diagnostics == ()
    assert len(report.plans) == len(EXAMPLES) >= 5


def test_positions_point_into_the_file_not_the_frontmatter(tmp_path: Path) -> None:
    text = (INVALID / "type.md").read_text("utf-8")
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "target: lots" in row)
    (diagnostic,) = _check(INVALID / "type.md").diagnostics
    assert (diagnostic.line, diagnostic.column) == (
        line,
        text.splitlines()[line - 1].index("lots") + 1,
    )
    assert diagnostic.pointer == "/goals/0/target"
    assert diagnostic.message == 'target must be a number, got "lots"'


def test_every_problem_of_a_file_is_reported_in_one_run(tmp_path: Path) -> None:
    text = (VALID / "full.md").read_text("utf-8")
    for old, new in [
        ("target: 120", "target: lots"),
        ("module: product", "module: sales"),
        ("owner: zhang-wei\n    start", "owner: nobody\n    start"),
        ("end: 2023-08-03", "end: 2023-12-03"),
    ]:
        text = text.replace(old, new, 1)
    (tmp_path / "full.md").write_text(text, "utf-8")
    rules = {d.rule for d in _check(tmp_path / "full.md").diagnostics}
    assert {"type", "enum", "unknown-member", "date-outside-period"} <= rules


def test_a_single_file_still_sees_the_projects_other_plans(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(ROOT / "plans", plans)
    with_previous = next(p for p in plans.rglob("*.md") if "\nprevious:" in p.read_text("utf-8"))
    assert check([with_previous], words=EN, plans_dir=plans).ok
    # the same file alone, without its project, cannot resolve `previous`
    alone = check([with_previous], words=EN, plans_dir=None)
    assert [d.rule for d in alone.diagnostics] == ["unknown-plan"]
    # a copy inside the project duplicates an id; problems are reported for the named file only
    copy = plans / "copy.md"
    shutil.copy(with_previous, copy)
    report = check([copy], words=EN, plans_dir=plans)
    assert {d.rule for d in report.diagnostics} == {"duplicate-plan-id", "file-name-mismatch"}
    assert {d.file for d in report.diagnostics} == {copy.as_posix()}


def test_strict_turns_warnings_into_errors() -> None:
    case = INVALID / "goal-without-strategy.md"
    assert check([case], words=EN, plans_dir=None).ok
    strict = check([case], words=EN, plans_dir=None, strict=True)
    assert not strict.ok and {d.severity for d in strict.diagnostics} == {"error"}


def test_files_starting_with_underscore_are_ignored_in_folders() -> None:
    report = _check(INVALID / "duplicate-plan-id")
    assert [Path(f).name for f in report.files] == ["first.md", "second.md"]


def test_unexpected_schema_keyword_still_explained() -> None:
    from jsonschema import Draft202012Validator

    from generator.check.schema import _explain

    (error,) = Draft202012Validator({"multipleOf": 5}).iter_errors(7)
    (problem,) = _explain(error, EN)
    assert problem.rule == "invalid-value" and "multiple of 5" in problem.message


def test_files_read_by_several_processes_give_the_same_check(tmp_path: Path) -> None:
    """Past a few dozen files the plans are read by every core: same plans, same problems."""
    from generator.workers import MIN_ITEMS

    folder = tmp_path / "plans"
    shutil.copytree(ROOT / "plans", folder)
    for case in sorted(INVALID.glob("*.md")):
        shutil.copy(case, folder / case.name)
    assert len(list(folder.rglob("*.md"))) > MIN_ITEMS
    alone = check([folder], words=Words("zh"), plans_dir=folder)
    shared = check([folder], words=Words("zh"), plans_dir=folder, workers=2)
    assert shared == alone
    assert alone.plans and len({d.rule for d in alone.diagnostics}) > 20
