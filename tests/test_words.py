"""The one catalogue of words: complete in Chinese and English, used by every message."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from generator.check import check
from generator.words import CATALOGUE, LanguageError, Words, choose_language

ROOT = Path(__file__).resolve().parent.parent
INVALID = Path(__file__).parent / "plans" / "invalid"
CASES = sorted(p for p in INVALID.iterdir() if p.suffix == ".md" or p.is_dir())
CJK = re.compile(r"[\u4e00-\u9fff]")
# English words that are deliberately empty: plotly's own English date ticks.
EMPTY_IN_ENGLISH = {"chart.date_format"}


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_every_word_has_both_languages_with_the_same_values(key: str) -> None:
    pair = CATALOGUE[key]
    assert isinstance(pair, tuple) and len(pair) == 2, f"{key}: needs (English, 中文)"
    english, chinese = pair
    assert isinstance(english, str) and isinstance(chinese, str), key
    assert chinese.strip(), f"{key}: no Chinese"
    assert english.strip() or key in EMPTY_IN_ENGLISH, f"{key}: no English"
    # Chinese has no plural: it may leave out the English plural endings
    assert _fields(chinese) <= _fields(english) | {"title"}, key
    assert _fields(english) - _fields(chinese) <= {"s", "entries"}, key


def test_a_missing_language_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(CATALOGUE, "broken", ("only English", ""))
    with pytest.raises(AssertionError, match="no Chinese"):
        test_every_word_has_both_languages_with_the_same_values("broken")


def _literal_keys() -> set[str]:
    """Keys the code asks for by name: words["…"], words.say("…"), words.count("…")."""
    pattern = re.compile(
        r"""(?<![\w.])(?:self\.)?words(?:\[|\.say\(|\.count\(|\.get\()\s*"([a-z0-9_.-]+)["]"""
    )
    found: set[str] = set()
    for path in (ROOT / "generator").rglob("*"):
        if path.suffix in (".py", ".j2"):
            found |= set(pattern.findall(path.read_text("utf-8")))
    return found


def test_every_word_the_code_asks_for_is_in_the_catalogue() -> None:
    asked = _literal_keys()
    assert len(asked) > 100  # the scan finds the code's words
    assert sorted(asked - set(CATALOGUE)) == []


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_every_case_reads_in_chinese_at_the_same_place(case: Path) -> None:
    english = check([case], words=Words("en"), plans_dir=None)
    chinese = check([case], words=Words("zh"), plans_dir=None)
    where = [(d.file, d.line, d.column, d.severity, d.rule, d.pointer) for d in english.diagnostics]
    assert where == [
        (d.file, d.line, d.column, d.severity, d.rule, d.pointer) for d in chinese.diagnostics
    ]
    for d in chinese.diagnostics:
        assert CJK.search(d.message), d.message


def test_words_are_chosen_by_the_language_passed() -> None:
    assert Words("zh").count("n-plans", 2) == "2 个计划"
    assert Words("en").count("n-plans", 2) == "2 plans"
    assert Words("en").count("n-plans", 1) == "1 plan"
    assert Words.of("zh-Hant").language == "zh" and Words.of("de").language == "en"


def test_chinese_reads_as_chinese() -> None:
    zh = Words("zh")
    assert zh.say("fmt.points", n=5) == "5 个百分点"
    assert "累计图" in zh["page.dashboard.burnup"] and "燃" not in zh["page.dashboard.burnup"]
    assert zh.say("summary-clean", plans=zh.count("n-plans", 1)) == "1 个计划没有问题"
    assert zh["fmt.over_budget"] == "超支"


def test_language_follows_option_variable_site_locale_in_that_order() -> None:
    assert choose_language("zh", variable="en", site="en", locale="en_US.UTF-8") == "zh"
    assert choose_language(None, variable="zh", site="en", locale="en_US.UTF-8") == "zh"
    assert choose_language(None, variable=" ", site="zh", locale="en_US.UTF-8") == "zh"
    assert choose_language(None, site=None, locale="zh_CN.UTF-8") == "zh"
    assert choose_language(None, site="zh-Hant", locale="C.UTF-8") == "zh"
    assert choose_language(None) == "en"


@pytest.mark.parametrize(
    ("option", "variable", "named"), [("fr", None, "--lang"), (None, "cn", "SALESPLAN_LANG")]
)
def test_a_wrong_language_names_where_it_came_from(option, variable, named) -> None:
    with pytest.raises(LanguageError, match=named):
        choose_language(option, variable=variable)
