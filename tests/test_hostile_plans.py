"""Plans that used to pass `validate` and then crash `status`, `generate` or `build`, or lose data:
each is now an error at its line, in every command, and nothing outside the output is touched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from authoring_helpers import files_in, run

HERE = Path(__file__).parent
ROOT = HERE.parent
FULL = (HERE / "plans" / "valid" / "full.md").read_text("utf-8")

# (what changes in tests/plans/valid/full.md, the rule, the line it is reported on)
HOSTILE = {
    "year 0": ("  start: 2023-07-01", "  start: 0000-01-01", "date-format", 9),
    "year 9999": ("  end: 2023-09-30", "  end: 9999-12-31", "date-format", 10),
    "400-digit target": ("    target: 120", "    target: " + "9" * 400, "out-of-range", 24),
    "400-digit baseline": ("    baseline: 80", "    baseline: -" + "9" * 400, "out-of-range", 23),
    "1e400 actual": ("        value: 85", "        value: 1e400", "out-of-range", 35),
    "subnormal target": ("    target: 120", "    target: 1.0e-320", "out-of-range", 24),
    "huge target": ("    target: 120", "    target: 1.7e308", "out-of-range", 24),
    "huge negative baseline": ("    baseline: 80", "    baseline: -1.7e308", "out-of-range", 23),
    "id with a newline": ("id: full", 'id: "full\\n"', "id-format", 3),
    "month with a newline": ("      2023-05: 76", '      "2023-05\\n": 76', "month-format", 31),
    "blank team": ("team: 测试组", 'team: "   "', "empty-text", 4),
    "full-width space team": ("team: 测试组", 'team: "\u3000"', "empty-text", 4),
    "invisible team": ("team: 测试组", 'team: "\\u200b"', "empty-text", 4),
    "yes/no note": (
        "        text: 社群直播获客成本低，但转化率仅15%",
        "        text: no",
        "type",
        75,
    ),
    "two-year period": ("  end: 2023-09-30", "  end: 2025-09-30", "period-too-long", 10),
    "sexagesimal": ("team: 测试组", "team: 10:30", "yaml-number", 4),
    "full-width colon": ("team: 测试组", "team：测试组", "yaml-syntax", 4),
}


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the example site with one plan, full.md, to spoil."""
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    (tmp_path / "plans").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("case", HOSTILE, ids=str)
def test_every_command_names_the_file_and_line(project: Path, case: str) -> None:
    old, new, rule, line = HOSTILE[case]
    assert FULL.count(old) >= 1, old
    (project / "plans" / "full.md").write_text(FULL.replace(old, new, 1), "utf-8")
    before = files_in(project)
    where = f"plans/full.md:{line}:"
    for command in (
        ["validate"],
        ["status"],
        ["generate", "pages"],
        ["build", "--site-dir", "out"],
    ):
        code, output = run(*command)
        assert code == 1, (command, output)
        assert f"{where}" in output and f"error [{rule}]" in output, (command, output)
        assert "Traceback" not in output and "unexpected problem" not in output
    assert files_in(project) == before  # nothing written, nothing removed
    assert not (project / "pages").exists() and not (project / "out").exists()


def test_the_yes_no_hint_quotes_the_word(project: Path) -> None:
    old, new, *_ = HOSTILE["yes/no note"]
    (project / "plans" / "full.md").write_text(FULL.replace(old, new, 1), "utf-8")
    _, output = run("validate")
    assert "YAML reads no as yes/no" in output and 'put it in quotes: "no"' in output


def test_a_huge_number_is_quoted_as_written_not_as_it_stood_in(project: Path) -> None:
    old, new, *_ = HOSTILE["1e400 actual"]
    (project / "plans" / "full.md").write_text(FULL.replace(old, new, 1), "utf-8")
    _, output = run("validate")
    assert "got 1e400" in output
    old, new, *_ = HOSTILE["400-digit target"]
    (project / "plans" / "full.md").write_text(FULL.replace(old, new, 1), "utf-8")
    _, output = run("validate")
    assert "999999…999 (a number of 400 digits)" in output


@pytest.mark.parametrize(("year", "as_of"), [("1900", "2199-12-31"), ("2199", "1900-01-01")])
def test_plans_at_the_edges_of_the_years_build_their_figures(
    project: Path, year: str, as_of: str
) -> None:
    # a plan of 1900 seen from 2199 and the other way round: figures, not a hang or a crash
    (project / "plans" / "full.md").write_text(FULL.replace("2023-", f"{year}-"), "utf-8")
    for command in (["status", "--as-of", as_of], ["generate", "pages", "--as-of", as_of]):
        code, output = run(*command)
        assert code == 0, output
    assert (project / "pages" / "teams" / "full" / "index.md").is_file()


def test_plan_text_shows_its_control_characters_on_the_terminal(project: Path) -> None:
    # ESC ] sets a terminal's title, a newline could forge a line of the report
    title = 'team: "\\e]0;owned\\a华东\\nFAKE: all good"'
    (project / "plans" / "full.md").write_text(FULL.replace("team: 测试组", title, 1), "utf-8")
    code, output = run("status", "--as-of", "2023-08-20")
    assert code == 0, output
    assert "\x1b" not in output and "\x07" not in output
    assert "\\u001b]0;owned\\u0007华东\\nFAKE: all good" in output
    assert not any(line.startswith("FAKE") for line in output.splitlines())
