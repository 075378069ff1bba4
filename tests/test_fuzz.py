"""The whole pipeline against mutated plans: hostile numbers and dates, Unicode line separators,
the punctuation of the Chinese input method, YAML styles and indentation slips.

Whatever the plan, `validate`, `status`, `generate` and `build` never raise, never hang (each
runs under an alarm), never write outside their output folder, and report every problem at a
line of the file; a plan that validates also builds. A few dozen plans run by default; run more
with `pytest tests/test_fuzz.py --fuzz 500`.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from authoring_helpers import files_in, within
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import cli

HERE = Path(__file__).parent
ROOT = HERE.parent
FULL = (HERE / "plans" / "valid" / "full.md").read_text("utf-8")
HEAD, _, BODY = FULL.removeprefix("---\n").partition("\n---\n")
LINES = HEAD.split("\n")
SECONDS = 60  # a command taking longer has hung

NUMBERS = [
    "0", "-1", "1e-320", "1.0e-320", "1.7e308", "-1.7e308", "9" * 400, "1e400", "1_20",
    "2:00", "10:30", "0x78", "017", "08", "1.5e6", ".inf", ".nan", "1e-7", "-0", "100.5",
    "1000000000000", "1000000000001", "12%", "1,000", "3.",
]  # fmt: skip
DATES = [
    "0000-01-01", "9999-12-31", "2023-02-30", "2023-7-1", "1899-12-31", "2199-12-31",
    "1900-01-01", '"2023-07-01\\n"', "2023-07-01 10:00", "２０２３-07-01", "2023-08-32",
    "2025-09-30", "2023-06-30", "2023-10-01",
]  # fmt: skip
CHARACTERS = [
    "\u2028", "\u2029", "\x85", "\t", "\r", "：", "，", "、", "“", "”", "'", '"', ":", ",",
    "{", "}", "[", "]", "#", "&", "*", "!", "|", ">", "%", "@", "`", "-", " ", "\n", "\u3000",
    "\ufeff", "\x07", "\u200b", ": ", "- ", "？", "（", "）", "～",
]  # fmt: skip
# Texts that try to become markup on a page: each must show as written
TEXTS = [
    "<script>alert(1)</script>", "![i](https://evil.example/x.png)", "[a](javascript:alert(1))",
    "<img src=x onerror=alert(1)>", "{{ config }}", "{% raw %}", "a | b | c", "**x** _y_",
    "`x` ``y``", "$$x$$", "\u2028x\u2029y", "&lt;&amp;", "# heading", "- item", "> quote",
    "---", "{: .cls }", "x\n\ny", "\\", "'\"", "🙂 表情", "\u202erevo", "\u00a0x", "<!-- c -->",
    "]]>", "%s%d{0}", "[^1]", "!!! warning", "https://evil.example", "www.evil.example",
    "x" * 1999, "\t tab", "<style>*{display:none}</style>", "<iframe src=//evil.example>",
    "javascript:alert(1)", "\x07bell", "华东：一组，二组", "=HYPERLINK(\"http://x\")", "+1",
    "@SUM(A1)",
]  # fmt: skip
TEXT_FIELDS = re.compile(
    r"^(\s*(?:- )?(?:team|region|name|role|metric|unit|note|title|text|direction|action|"
    r"problem|dimension|deliverable|key_actions|blocker): )(\S.*)$"
)
_NUMBER = re.compile(r"(?<=: )-?[0-9]+(\.[0-9]+)?$")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_VALUE = re.compile(r"^(\s*(?:- )?[A-Za-z_0-9-]+: )(\S.*)$")


def _number(lines: list[str], index: int, choice: int) -> None:
    found = [i for i, line in enumerate(lines) if _NUMBER.search(line)]
    if found:
        i = found[index % len(found)]
        lines[i] = _NUMBER.sub(NUMBERS[choice % len(NUMBERS)], lines[i])


def _date(lines: list[str], index: int, choice: int) -> None:
    found = [i for i, line in enumerate(lines) if _DATE.search(line)]
    if found:
        i = found[index % len(found)]
        lines[i] = _DATE.sub(DATES[choice % len(DATES)].replace("\\", "\\\\"), lines[i], count=1)


def _character(lines: list[str], index: int, choice: int) -> None:
    i = index % len(lines)
    column = (index * 7919) % (len(lines[i]) + 1)
    lines[i] = lines[i][:column] + CHARACTERS[choice % len(CHARACTERS)] + lines[i][column:]


def _style(lines: list[str], index: int, choice: int) -> None:
    """Quote a value, make it a block, shift a line, drop or repeat one."""
    i = index % len(lines)
    found = _VALUE.match(lines[i])
    kind = choice % 7
    if kind == 0 and found:
        lines[i] = f'{found[1]}"{found[2]}"'
    elif kind == 1 and found:
        lines[i] = f"{found[1]}'{found[2]}'"
    elif kind == 2 and found:
        indent = len(found[1]) - len(found[1].lstrip()) + 2
        lines[i] = f"{found[1]}|\n{' ' * indent}{found[2]}\n{' ' * indent}\t{found[2]}"
    elif kind == 3:
        lines[i] = " " + lines[i]
    elif kind == 4:
        lines[i] = lines[i][1:] if lines[i].startswith(" ") else lines[i]
    elif kind == 5:
        del lines[i]
    else:
        lines.insert(i, lines[i])


def _text(lines: list[str], index: int, choice: int) -> None:
    """A text field holding something that tries to become markup, in double quotes."""
    found = [i for i, line in enumerate(lines) if TEXT_FIELDS.match(line)]
    if found:
        i = found[index % len(found)]
        quoted = json.dumps(TEXTS[choice % len(TEXTS)], ensure_ascii=False)
        lines[i] = TEXT_FIELDS.sub(lambda m: m[1] + quoted, lines[i])


MUTATIONS = (_number, _date, _character, _style, _text)
_mutations = st.lists(
    st.tuples(st.integers(0, len(MUTATIONS) - 1), st.integers(0, 10_000), st.integers(0, 1000)),
    min_size=1,
    max_size=4,
)


# Mutations that mostly keep a plan valid (texts, quoting), so that builds happen
_gentle = st.lists(
    st.tuples(st.sampled_from([4, 4, 4, 3]), st.integers(0, 10_000), st.sampled_from([0, 1, 2])),
    min_size=1,
    max_size=4,
)


def _plan(mutations: list[tuple[int, int, int]]) -> str:
    lines = list(LINES)
    for kind, index, choice in mutations:
        if lines:
            MUTATIONS[kind](lines, index, choice)
    return "---\n" + "\n".join(lines) + "\n---\n" + BODY


@contextmanager
def _project() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "project"
        site.mkdir()
        shutil.copy(ROOT / "mkdocs.yml", site / "mkdocs.yml")
        shutil.copytree(ROOT / "docs", site / "docs")
        (site / "plans").mkdir()
        yield site


def _run(site: Path, *args: str) -> tuple[int, str]:
    runner = CliRunner(env={"SALESPLAN_LANG": "en"})
    with within(SECONDS, " ".join(args)):
        import os

        before = os.getcwd()
        os.chdir(site)
        try:
            result = runner.invoke(cli.app, list(args))
        finally:
            os.chdir(before)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.output


def _check_lines(output: str, lines: int) -> None:
    """Every diagnostic names the plan file and a line and column inside it."""
    for found in re.finditer(r"^plans/full\.md:(\d+):(\d+): (error|warning) \[", output, re.M):
        assert 1 <= int(found[1]) <= lines and int(found[2]) >= 1, found[0]


def _through_the_pipeline(text: str, build: bool) -> None:
    with _project() as site:
        (site / "plans" / "full.md").write_text(text, "utf-8")
        lines = len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
        before = files_in(site, ("pages", "out"))
        code, output = _run(site, "validate")
        assert code in (0, 1), output
        _check_lines(output, lines)
        valid = code == 0
        status_code, output = _run(site, "status", "--as-of", "2023-08-20")
        assert status_code == code, output
        _check_lines(output, lines)
        generate_code, output = _run(site, "generate", "pages", "--as-of", "2023-08-20")
        assert generate_code == code, output
        assert (site / "pages" / "index.md").is_file() == valid
        if build:
            build_code, output = _run(site, "build", "--site-dir", "out")
            assert build_code == code, output  # a plan that validates builds
            assert (site / "out" / "index.html").is_file() == valid
        assert files_in(site, ("pages", "out")) == before  # nothing written outside the outputs


@settings(settings.get_profile("pipeline"))
@given(mutations=_mutations)
def test_mutated_plans_go_through_validate_status_and_generate(mutations) -> None:
    _through_the_pipeline(_plan(mutations), build=False)


@settings(settings.get_profile("pipeline-build"))
@given(mutations=_gentle)
def test_mutated_plans_that_validate_also_build(mutations) -> None:
    _through_the_pipeline(_plan(mutations), build=True)


def test_the_mutations_reach_every_kind_of_problem() -> None:
    # the fuzz test is only as good as its mutations: they must make plans of each kind
    outcomes = set()
    for kind, choices in ((0, NUMBERS), (1, DATES), (2, CHARACTERS), (3, range(7))):
        for choice in range(len(choices)):
            text = _plan([(kind, 20 + choice, choice)])
            outcomes.add(text == FULL)
    assert outcomes == {False}
