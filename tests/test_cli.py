"""The `salesplan` command as a user runs it: exit codes, output formats, help."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import cli
from generator.check import CheckResult
from generator.check.reporters import SUMMARY_LIMIT, github, markdown
from generator.diagnostic import Diagnostic

ROOT = Path(__file__).resolve().parent.parent
INVALID = ROOT / "tests" / "plans" / "invalid"


def run(*args: str) -> tuple[int, str]:
    """The command in English (the example site is Chinese), as a user runs it: (exit code,
    what it printed); for --format json, only standard output (warnings go to stderr)."""
    result = CliRunner(env={"SALESPLAN_LANG": "en"}).invoke(cli.app, list(args))
    return result.exit_code, result.stdout if "json" in args else result.output


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    return ROOT


def test_validate_with_no_paths_checks_the_plans_folder(in_repo: Path) -> None:
    code, out = run("validate")
    assert code == 0
    assert out.strip().endswith("in 5 plans")


def test_exit_codes(in_repo: Path, tmp_path: Path) -> None:
    assert run("validate", "tests/plans/valid/full.md")[0] == 0
    assert run("validate", "tests/plans/invalid/goal-without-strategy.md")[0] == 0  # warnings only
    assert run("validate", "--strict", "tests/plans/invalid/goal-without-strategy.md")[0] == 1
    assert run("validate", "tests/plans/invalid/type.md")[0] == 1
    assert run("validate", "no/such/plan.md")[0] == 2
    assert run("validate", "--format", "xml", "plans")[0] == 2
    assert run("validate", str(tmp_path))[0] == 2  # a folder without plans


def test_no_plans_folder_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = run("validate")
    assert code == 2 and "no plans folder (plans)" in out


def test_text_output_names_file_line_column_rule_pointer_and_ends_with_a_summary(
    in_repo: Path,
) -> None:
    code, out = run("validate", "tests/plans/invalid/type.md", "tests/plans/valid/full.md")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        "tests/plans/invalid/type.md:24:13: error [type] /goals/0/target: "
        'target must be a number, got "lots"'
    )
    assert lines[-1] == "1 error, 0 warnings in 1 of 2 plans"
    assert "\033[" not in out  # no colour when not on a terminal


def test_json_output_is_a_list_of_diagnostics_with_the_file_as_given(in_repo: Path) -> None:
    code, out = run("validate", "--format", "json", "./tests/plans/invalid/unknown-field.md")
    assert code == 1
    (found,) = json.loads(out)
    assert found == {
        "file": "./tests/plans/invalid/unknown-field.md",
        "line": 25,
        "column": 5,
        "severity": "error",
        "rule": "unknown-field",
        "pointer": "/goals/0/ownr",
        "message": 'unknown field "ownr" — did you mean "owner"?',
    }
    assert run("validate", "--format", "json", "plans") == (0, "[]\n")


def test_github_output_annotates_the_line(in_repo: Path) -> None:
    code, out = run("validate", "--format", "github", "tests/plans/invalid/type.md")
    assert code == 1
    assert out.splitlines()[0] == (
        "::error file=tests/plans/invalid/type.md,line=24,col=13,title=type::"
        '/goals/0/target: target must be a number, got "lots"'
    )
    code, out = run(
        "validate", "--format", "github", "tests/plans/invalid/goal-without-strategy.md"
    )
    assert code == 0 and out.startswith("::warning file=")


def _report(*diagnostics: Diagnostic) -> CheckResult:
    return CheckResult(tuple({d.file for d in diagnostics}), (), diagnostics)


def test_github_escapes_data_and_properties() -> None:
    d = Diagnostic("plans/a,b:c%.md", 3, 4, "error", "type", "/x", "50% done\r\nnext: line")
    first = github(_report(d)).splitlines()[0]
    assert first == (
        "::error file=plans/a%2Cb%3Ac%25.md,line=3,col=4,title=type::/x: 50%25 done%0D%0Anext: line"
    )


def test_markdown_summary_is_a_table_and_stays_under_the_limit() -> None:
    row = Diagnostic("plans/a.md", 1, 2, "error", "type", "/x", "a | b <script>")
    table = markdown(_report(row))
    assert "| ❌ | `plans/a.md` | 1:2 | `type` | `/x` | a \\| b \\<script\\> |" in table
    many = [
        Diagnostic("plans/a.md", i, 1, "error", "type", "/x", "m" * 500) for i in range(1, 5000)
    ]
    big = markdown(_report(*many))
    assert len(big.encode()) < SUMMARY_LIMIT < 1024 * 1024
    assert "more not shown" in big


def test_every_command_is_documented_with_an_example() -> None:
    for name, command in cli.app.commands.items():
        assert command.help and "Example:" in command.help, name
        code, out = run(name, "--help")
        assert code == 0 and "Example:" in out, name
    assert set(cli.app.commands) >= {"validate", "status", "build", "serve", "generate"}


def test_status_reads_the_as_of_date_of_mkdocs_yml(in_repo: Path) -> None:
    code, out = run("status", "--format", "json")
    assert code == 0
    assert json.loads(out)["as_of"] == "2023-08-20"
    code, out = run("status", "--format", "json", "--as-of", "2023-09-01")
    assert json.loads(out)["as_of"] == "2023-09-01"


def test_an_unexpected_error_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("generator.commands.validate.check", broken)
    monkeypatch.setattr("sys.argv", ["salesplan", "validate", str(INVALID / "type.md")])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 3
    err = capsys.readouterr().err
    assert err.startswith("Error: ") and "Traceback" not in err and len(err.splitlines()) == 1


def test_the_installed_command(tmp_path: Path, salesplan: str) -> None:
    shutil.copy(INVALID / "yaml-duplicate-key.md", tmp_path / "plan.md")
    done = subprocess.run(
        [salesplan, "validate", "--format", "json", "plan.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1 and done.stderr == ""
    (found,) = json.loads(done.stdout)
    assert (found["file"], found["line"], found["rule"]) == ("plan.md", 25, "yaml-duplicate-key")


def test_generate_writes_the_page_tree_and_never_replaces_a_foreign_folder(
    in_repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pages"
    code, _ = run("generate", str(out), "--as-of", "2023-08-20")
    assert code == 0
    assert (out / "index.md").exists() and (
        out / "teams" / "east-shanghai-2023q3" / "index.md"
    ).exists()
    assert run("generate", str(out), "--as-of", "2023-08-21")[0] == 0  # its own output: replaced
    foreign = tmp_path / "docs"
    foreign.mkdir()
    (foreign / "index.md").write_text("hand-written", "utf-8")
    code, out_text = run("generate", str(foreign))
    assert code == 1 and "did not write" in out_text
    assert (foreign / "index.md").read_text("utf-8") == "hand-written"


def test_generate_uses_the_as_of_date_and_language_of_mkdocs_yml(
    in_repo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pages"
    result = CliRunner(env={"SALESPLAN_LANG": None, "LANG": "C.UTF-8"}).invoke(
        cli.app, ["generate", str(out)]
    )
    assert result.exit_code == 0, result.output
    home = (out / "index.md").read_text("utf-8")
    assert "数据截至 2023-08-20" in home  # the pinned date, in the site's language
    assert "已写入" in result.output


def test_the_language_follows_the_option_the_variable_then_the_site(in_repo: Path) -> None:
    case = "tests/plans/invalid/type.md"
    chinese = CliRunner(env={"SALESPLAN_LANG": None}).invoke(cli.app, ["validate", case])
    assert "目标值（target）必须是数字" in chinese.output  # the example site is Chinese
    english = CliRunner(env={"SALESPLAN_LANG": "en"}).invoke(cli.app, ["validate", case])
    assert "target must be a number" in english.output
    forced = CliRunner(env={"SALESPLAN_LANG": "en"}).invoke(
        cli.app, ["validate", "--lang", "zh", case]
    )
    assert "必须是数字" in forced.output
    wrong = CliRunner(env={"SALESPLAN_LANG": "fr"}).invoke(cli.app, ["validate", case])
    assert wrong.exit_code == 2 and "SALESPLAN_LANG" in wrong.output


def test_status_reads_another_config_file(in_repo: Path, tmp_path: Path) -> None:
    config = tmp_path / "site.yml"
    (tmp_path / "docs").mkdir()
    text = (
        (in_repo / "mkdocs.yml")
        .read_text("utf-8")
        .replace("as_of: 2023-08-20", "as_of: 2023-07-20")
    )
    config.write_text(text.replace("plans_dir: plans", f"plans_dir: {in_repo / 'plans'}"), "utf-8")
    code, out = run("status", "--format", "json", "-f", str(config))
    assert code == 0 and json.loads(out)["as_of"] == "2023-07-20"
    assert run("status", "-f", str(tmp_path / "missing.yml"))[0] == 2


def test_build_takes_the_as_of_date_as_a_value_not_through_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    before = dict(os.environ)
    code, out = run("build", "--as-of", "2023-09-01", "--site-dir", "out")
    assert code == 0, out
    assert "2023-09-01" in (tmp_path / "out" / "index.html").read_text("utf-8")
    assert dict(os.environ) == before  # nothing handed over, nothing left behind
    sitemap = (tmp_path / "out" / "sitemap.xml").read_text("utf-8")
    assert "<lastmod>2023-09-01</lastmod>" in sitemap
    assert run("build", "--as-of", "1.9.2023")[0] == 2


def test_markdown_summary_shows_plan_text_literally(in_repo: Path, tmp_path: Path) -> None:
    import markdown as python_markdown

    plan = (INVALID.parent / "valid" / "full.md").read_text("utf-8")
    hostile = plan.replace(
        "    owner: wang-lei\n",
        '    owner: wang-lei\n    "![i](https://evil.example/t.png)": 1\n'
        '    "x` **bold** <img src=https://evil.example/x> [a](https://evil.example)": 2\n',
        1,
    )
    path = tmp_path / "a`b|c.md"
    path.write_text(hostile, "utf-8")
    code, out = run("validate", "--format", "markdown", str(path))
    assert code == 1
    rows = [line for line in out.splitlines() if line.startswith(("| ❌", "| ⚠️"))]
    assert sum(row.startswith("| ❌") for row in rows) == 2  # the two unknown fields
    html = python_markdown.markdown(out, extensions=["tables"])
    assert "<img" not in html and "<a " not in html and "<strong>" not in html
    assert html.count("<tr>") == 1 + len(rows)  # no row broken by a | from the plan
    shown = str(path).replace("|", "\\|")
    for row in rows:
        assert row.count(" | ") == 5  # six cells, whatever the plan's text held
        assert f"| ``{shown}`` |" in row  # a longer fence keeps the file's backtick inside
