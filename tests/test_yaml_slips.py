"""The slips people make in YAML, each reported on the line where it is, with what to do.

YAML 1.1 numbers that surprise (`2:00` is 120), the Chinese input method's full-width colon and
comma, a missing space, a `: ` inside `{…}`, an unclosed quote, invisible line separators and
control characters, and tabs (wrong in indentation, fine inside a `|` block).
"""

from __future__ import annotations

import pytest

from generator.load import LoadedFile, parse_plan_text
from generator.words import Words

EN, ZH = Words("en"), Words("zh")


def _load(frontmatter: str, words: Words = EN) -> LoadedFile:
    text = f"---\n{frontmatter}---\nbody\n"
    return parse_plan_text(text.encode("utf-8"), LoadedFile("plan.md"), words=words)


def _only(loaded: LoadedFile) -> tuple[str, int, int, str]:
    (d,) = loaded.diagnostics
    return d.rule, d.line, d.column, d.message


@pytest.mark.parametrize(
    ("value", "read_as"),
    [
        ("2:00", "120"),  # base 60
        ("10:30", "630"),
        ("-1:30", "-90"),
        ("1_20", "120"),  # digits grouped with _
        ("1_000.5", "1000.5"),
        ("0x78", "120"),  # hexadecimal
        ("0b1111000", "120"),  # binary
    ],
)
def test_yaml_11_numbers_are_refused_with_the_number_they_would_be(
    value: str, read_as: str
) -> None:
    loaded = _load(f"id: a\nteam: {value}\n")
    rule, line, column, message = _only(loaded)
    assert (rule, line, column) == ("yaml-number", 3, 7)
    assert f"the number {read_as} " in message and f'("{value}")' in message
    assert loaded.data is None
    assert loaded.diagnostics[0].pointer == "/team"
    chinese = _load(f"id: a\nteam: {value}\n", ZH).diagnostics[0].message
    assert f"数字 {read_as}" in chinese and "加引号" in chinese


@pytest.mark.parametrize("value", ["017", "08", "-007"])
def test_a_leading_zero_is_refused_with_the_plain_number(value: str) -> None:
    rule, line, column, message = _only(_load(f"target: {value}\n"))
    assert (rule, line, column) == ("yaml-number", 2, 9)
    assert f"write {int(value)} " in message and f'("{value}")' in message


def test_every_surprising_number_of_a_file_is_reported_at_once() -> None:
    loaded = _load("team: 10:30\ngoals:\n  - {target: 2:00, baseline: 0x10}\n")
    assert [(d.line, d.pointer) for d in loaded.diagnostics] == [
        (2, "/team"),
        (4, "/goals/0/target"),
        (4, "/goals/0/baseline"),
    ]


@pytest.mark.parametrize(
    ("value", "number"),
    [("1.5e6", 1_500_000.0), ("1e3", 1000.0), ("-2.5E-3", -0.0025), ("1.0e+6", 1e6), (".5", 0.5)],
)
def test_scientific_notation_is_a_number(value: str, number: float) -> None:
    loaded = _load(f"target: {value}\n")
    assert loaded.diagnostics == [] and loaded.data == {"target": number}


def test_quoted_values_stay_text() -> None:
    loaded = _load("team: \"10:30\"\nnote: '0x78'\nid: '017'\n")
    assert loaded.data == {"team": "10:30", "note": "0x78", "id": "017"}


def test_numbers_beyond_any_float_stay_numbers_and_are_quoted_as_written() -> None:
    loaded = _load(f"a: {'9' * 400}\nb: 1e400\nc: 1.0e-400\nd: 12\n")
    assert loaded.diagnostics == []
    assert loaded.data["a"] >= 1e300 and loaded.data["b"] >= 1e300
    assert 0 < loaded.data["c"] < 1e-300  # not silently 0: the schema refuses it
    assert loaded.spelled == {"/a": "9" * 400, "/b": "1e400", "/c": "1.0e-400"}


@pytest.mark.parametrize(
    ("frontmatter", "line", "column", "says"),
    [
        # the full-width colon of the Chinese input method, at the top and nested
        ("schema: 1\nteam：华东一组\nregion: 华东区\n", 3, 5, "全角冒号"),
        ("schema: 1\nregion: 华东区\nteam：华东一组\n", 4, 5, "全角冒号"),
        ("period:\n  name: Q3\n  start：2023-07-01\n  end: 2023-09-30\n", 4, 8, "全角冒号"),
        ("members:\n  - id：wang\n    name: 王\n", 3, 7, "全角冒号"),
        # no space after the colon
        ("schema: 1\nteam:华东一组\nregion: 华东区\n", 3, 5, "冒号后面要加一个空格"),
        ("period:\n  name: Q3\n  start:2023-07-01\n  end: 2023-09-30\n", 4, 8, "start: 2023"),
        # a `: ` in a value between { }, and a full-width comma between its entries
        (
            "checkins:\n  - {date: 2023-08-01, progress: 30, note: 进展: 拜访5家}\n",
            3,
            46,
            "加引号",
        ),
        ("checkins:\n  - {date: 2023-08-01，progress: 30}\n", 3, 22, "全角逗号"),
        # a { really left open is still named as such, where it opens
        ("checkins:\n  - {date: 2023-08-01, progress: 30\n  - {date: 2023-08-02}\n", 3, 5, "'{'"),
        # an unclosed quote, where it opens (not at the end of the fields)
        ('team: "华东一组\nregion: 华东区\nmembers:\n  - id: a\n', 2, 7, "引号"),
        ("team: '华东一组\nregion: 华东区\n", 2, 7, "引号"),
        ('team: "华东一组\nregion: 华东区\nnote: "x"\n', 2, 7, "引号"),
        # a control character, where it is
        ("a: 1\nb: 华东x\x07y\n", 3, 7, "U+0007"),
        # a value starting with a character YAML reserves
        ("note: @wang\n", 2, 7, "加引号"),
        ("schema: 1\nteam 华东一组\nregion: 华东区\n", 3, 1, "字段: 值"),
    ],
)
def test_a_slip_is_reported_on_its_own_line_with_its_cause(
    frontmatter: str, line: int, column: int, says: str
) -> None:
    rule, found_line, found_column, message = _only(_load(frontmatter, ZH))
    assert (rule, found_line, found_column) == ("yaml-syntax", line, column), message
    assert says in message


def test_the_full_width_colon_message_shows_the_line_rewritten() -> None:
    *_, message = _only(_load("schema: 1\nstart：2023-07-01\nx: 1\n", EN))
    assert '"start: 2023-07-01"' in message and "full-width colon" in message


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize("where", ["value", "comment"])
def test_line_separators_shift_no_line_and_break_no_comment(separator: str, where: str) -> None:
    first = f"note: a{separator}b\n" if where == "value" else f"a: 1 # x{separator}y: z: w\n"
    loaded = _load(first + "b: 2\nc: [\n")
    rule, line, *_ = _only(loaded)
    assert (rule, line) == ("yaml-syntax", 5)  # the `[` left open, at the end: not line 6
    clean = _load(first + "b: 2\nc: 3\n")
    assert clean.diagnostics == [] and clean.locate("/c") == (4, 4)
    if where == "value":
        assert clean.data["note"] == "a b"


def test_a_tab_inside_a_block_is_text_but_a_tab_indent_is_an_error() -> None:
    block = _load("note: |\n  first\n  \tindented with a tab\n  \tagain\nb: 1\n")
    assert block.diagnostics == []
    assert block.data == {"note": "first\n\tindented with a tab\n\tagain\n", "b": 1}
    folded = _load("note: >\n  first\n  \tsecond\nb: 1\n")
    assert folded.diagnostics == []
    assert [(d.rule, d.line) for d in _load("a:\n\tb: 1\n").diagnostics] == [("yaml-tab", 3)]
    after = _load("note: |\n  text\nb:\n\tc: 1\n")
    assert [(d.rule, d.line) for d in after.diagnostics] == [("yaml-tab", 5)]
    # blank and comment lines may hold tabs where YAML takes them, and are named where not
    assert _load("a: 1\n  \t\nb: 2\n").diagnostics == []
    assert [(d.rule, d.line) for d in _load("a: 1\n\t\nb: 2\n").diagnostics] == [("yaml-tab", 3)]
