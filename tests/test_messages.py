"""Validation messages in English and Chinese: both complete, both used."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from generator.messages import MESSAGES, say, speaking
from generator.validate import check

INVALID = Path(__file__).parent / "plans" / "invalid"
CASES = sorted(p for p in INVALID.iterdir() if p.suffix == ".md" or p.is_dir())
CJK = re.compile(r"[\u4e00-\u9fff]")


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_take_the_same_values(key: str) -> None:
    english, chinese = MESSAGES[key]
    assert english and chinese
    # Chinese has no plural: it may leave out the English plural endings
    assert _fields(chinese) <= _fields(english), key
    assert _fields(english) - _fields(chinese) <= {"s", "entries"}, key


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_every_case_reads_in_chinese_at_the_same_place(case: Path) -> None:
    english = check([case], plans_dir=None)
    chinese = check([case], plans_dir=None, language="zh")
    where = [(d.file, d.line, d.column, d.severity, d.rule, d.pointer) for d in english.diagnostics]
    assert where == [
        (d.file, d.line, d.column, d.severity, d.rule, d.pointer) for d in chinese.diagnostics
    ]
    for d in chinese.diagnostics:
        assert CJK.search(d.message), d.message


def test_language_is_scoped_to_the_block() -> None:
    with speaking("zh"):
        assert say("n-plans", n=2, s="s") == "2 个计划"
    assert say("n-plans", n=2, s="s") == "2 plans"
