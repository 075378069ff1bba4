"""The plan schema: well-formed, fully documented in both languages, closed, and it accepts
and rejects the same documents in jsonschema and jsonschema_rs."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest

from generator.model import build_plan

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schema" / "plan.schema.json"
SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
TEXT_KEYS = ("title", "description", "x-title-zh", "x-description-zh")

MINIMAL_PLAN: dict[str, Any] = {
    "schema": 1,
    "id": "east-2023q3",
    "team": "华东一组",
    "manager": "zhang-wei",
    "period": {"name": "2023年Q3", "start": "2023-07-01", "end": "2023-09-30"},
    "members": [{"id": "zhang-wei", "name": "张伟", "role": "销售经理"}],
    "goals": [
        {
            "id": "g-revenue",
            "dimension": "revenue",
            "metric": "月销售额",
            "unit": "万元",
            "baseline": 80,
            "target": 120,
        }
    ],
}

FULL_PLAN: dict[str, Any] = {
    **MINIMAL_PLAN,
    "region": "华东区",
    "previous": "east-2023q2",
    "members": [
        {"id": "zhang-wei", "name": "张伟", "role": "销售经理"},
        {"id": "wang-li", "name": "王丽"},
    ],
    "goals": [
        {
            **MINIMAL_PLAN["goals"][0],
            "direction": "increase",
            "basis": "latest",
            "due": "2023-09-30",
            "owner": "zhang-wei",
            "key_actions": "重点产品A销量提升至40%",
            "history": {"2023-05": 82, "2023-06": 80.5},
            "last_year": 95,
            "industry": 100,
            "actuals": [{"date": "2023-07-31", "value": 86, "note": "7月"}],
        },
        {
            "id": "g-new-customers",
            "dimension": "new_customers",
            "metric": "新客户数量",
            "unit": "家",
            "baseline": 0,
            "target": 30,
            "basis": "cumulative",
            "owner": ["wang-li", "zhang-wei"],
        },
    ],
    "context": {
        "customers": [{"segment": "行业TOP50客户", "share": 40, "needs": ["交付周期短"]}],
        "competitors": [{"name": "竞品B", "share": 25, "strengths": "价格低"}],
        "resources": {"headcount": 8, "skill_gaps": ["客户异议处理"], "budget": 15},
    },
    "diagnosis": [
        {"dimension": "销售额", "goal": "g-revenue", "root_causes": ["rc-awareness"]},
        {"dimension": "客户结构", "current": "新客户占比15%", "problem": "获客慢"},
    ],
    "root_causes": [
        {
            "id": "rc-awareness",
            "dimension": "product",
            "chain": ["产品A销量低", "客户认知不足", "推广物料缺失"],
            "five_w": {"why": "推广物料缺失"},
        }
    ],
    "strategies": [
        {
            "id": "s-bundle",
            "module": "product",
            "direction": "优化产品组合",
            "measures": ["推出“产品A+服务包”组合"],
            "addresses": ["rc-awareness"],
            "goals": ["g-revenue"],
        }
    ],
    "tasks": [
        {
            "id": "t-list",
            "strategy": "s-bundle",
            "title": "整理目标客户清单",
            "owner": "all",
            "start": "2023-07-03",
            "end": "2023-07-05",
            "resources": ["CRM系统"],
            "deliverable": "100家高潜力客户清单",
            "checkins": [{"date": "2023-07-04", "progress": 40, "blocker": "名录未到位"}],
        }
    ],
    "cadence": {"daily": "早会（15分钟）", "weekly": "周度复盘会（1小时）"},
    "alert": {"behind_days": 3, "tolerance": 5},
    "reviews": [
        {
            "period": "2023-07",
            "date": "2023-08-02",
            "findings": [
                {
                    "aspect": "customer_feedback",
                    "text": "直播转化率仅15%",
                    "strategy": "s-bundle",
                    "metrics": {"转化率%": 15},
                }
            ],
            "next_actions": [{"action": "优化直播话术", "owner": "wang-li", "due": "2023-08-15"}],
        }
    ],
}


_DELETE = object()  # marks a key to remove in _with


def _with(doc: dict[str, Any], path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    """A deep copy of doc with the value at path replaced (or deleted when value is _DELETE)."""
    out = copy.deepcopy(doc)
    target: Any = out
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return out


INVALID_PLANS = {
    "unknown key": _with(MINIMAL_PLAN, ("goals", 0, "taget"), 120),
    "unknown top-level key": _with(MINIMAL_PLAN, ("owner",), "zhang-wei"),
    "bad enum": _with(MINIMAL_PLAN, ("goals", 0, "dimension"), "profit"),
    "bad date pattern": _with(MINIMAL_PLAN, ("period", "start"), "2023/07/01"),
    "impossible date": _with(MINIMAL_PLAN, ("period", "end"), "2023-09-31"),
    "missing required": _with(MINIMAL_PLAN, ("goals", 0, "target"), _DELETE),
    "wrong schema version": _with(MINIMAL_PLAN, ("schema",), 2),
    "bad slug": _with(MINIMAL_PLAN, ("id",), "East 2023"),
    "no members": _with(MINIMAL_PLAN, ("members",), []),
    "bad month": _with(FULL_PLAN, ("goals", 0, "history"), {"2023-13": 1}),
    "progress over 100": _with(FULL_PLAN, ("tasks", 0, "checkins", 0, "progress"), 120),
    "diagnosis without goal or current": _with(FULL_PLAN, ("diagnosis", 1, "current"), _DELETE),
    "one-step chain": _with(FULL_PLAN, ("root_causes", 0, "chain"), ["产品A销量低"]),
    "empty owner list": _with(FULL_PLAN, ("tasks", 0, "owner"), []),
    "duplicate owners": _with(FULL_PLAN, ("tasks", 0, "owner"), ["wang-li", "wang-li"]),
    "behind_days zero": _with(FULL_PLAN, ("alert", "behind_days"), 0),
}


def _python_validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())


def _rust_validator() -> Any:
    return jsonschema_rs.Draft202012Validator(SCHEMA, validate_formats=True)


def _subschemas(schema: Any, where: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object under schema, with a readable location."""
    if not isinstance(schema, dict):
        return
    yield where, schema
    for keyword in ("properties", "$defs"):
        for name, sub in schema.get(keyword, {}).items():
            yield from _subschemas(sub, f"{where}/{keyword}/{name}")
    # An `if` is a condition on fields described elsewhere, not a definition: not walked.
    for keyword in ("items", "additionalProperties", "propertyNames", "then", "else", "not"):
        yield from _subschemas(schema.get(keyword), f"{where}/{keyword}")
    for keyword in ("anyOf", "oneOf", "allOf"):
        for index, sub in enumerate(schema.get(keyword, ())):
            yield from _subschemas(sub, f"{where}/{keyword}/{index}")


def _documented() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every entry under every properties and $defs: each one must carry the four texts."""
    yield "#", SCHEMA
    for where, schema in _subschemas(SCHEMA, "#"):
        for keyword in ("properties", "$defs"):
            for name, sub in schema.get(keyword, {}).items():
                yield f"{where}/{keyword}/{name}", sub


def test_schema_is_valid_draft_2020_12() -> None:
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert jsonschema_rs.meta.is_valid(SCHEMA)
    assert isinstance(jsonschema_rs.validator_for(SCHEMA), jsonschema_rs.Draft202012Validator)


def test_every_property_has_english_and_chinese_texts() -> None:
    missing = [
        f"{where}: {key}"
        for where, schema in _documented()
        for key in TEXT_KEYS
        if not (isinstance(schema.get(key), str) and schema[key].strip())
    ]
    assert not missing, missing
    assert len(list(_documented())) > 100  # the walk really reached the nested objects


def test_every_object_with_properties_is_closed() -> None:
    open_objects = [
        where
        for where, schema in _subschemas(SCHEMA, "#")
        if "properties" in schema and schema.get("additionalProperties") is not False
    ]
    assert not open_objects, open_objects


def test_every_reference_resolves() -> None:
    refs = [s["$ref"] for _, s in _subschemas(SCHEMA, "#") if "$ref" in s]
    assert refs
    for ref in refs:
        assert ref.startswith("#/$defs/") and ref.removeprefix("#/$defs/") in SCHEMA["$defs"]


def test_stated_defaults_are_the_ones_the_model_applies() -> None:
    goal = SCHEMA["properties"]["goals"]["items"]["properties"]
    alert = SCHEMA["properties"]["alert"]["properties"]
    plan = build_plan(copy.deepcopy(MINIMAL_PLAN))  # no direction, basis or alert given
    assert goal["direction"]["default"] == plan.goals[0].direction == "increase"
    assert goal["basis"]["default"] == plan.goals[0].basis == "latest"
    assert alert["behind_days"]["default"] == plan.alert.behind_days == 3
    assert alert["tolerance"]["default"] == plan.alert.tolerance == 0


@pytest.mark.parametrize("doc", [MINIMAL_PLAN, FULL_PLAN], ids=["minimal", "full"])
def test_valid_plans_pass_both_validators(doc: dict[str, Any]) -> None:
    errors = [e.message for e in _python_validator().iter_errors(doc)]
    assert not errors, errors
    assert _rust_validator().is_valid(doc)


@pytest.mark.parametrize("doc", INVALID_PLANS.values(), ids=INVALID_PLANS.keys())
def test_invalid_plans_fail_both_validators(doc: dict[str, Any]) -> None:
    assert list(_python_validator().iter_errors(doc))
    assert not _rust_validator().is_valid(doc)


# --- every format rule, the same in both validators and worded by its rule ------------------

# (where the value goes, the value, the rule it breaks or None when valid)
FORMAT_CASES: list[tuple[tuple[str | int, ...], Any, str | None]] = [
    # ids: the whole string, so no final newline slips past Python's `$`
    (("id",), "east-2023q3", None),
    (("id",), "full\n", "id-format"),
    (("id",), "\nfull", "id-format"),
    (("id",), "full\nx", "id-format"),
    (("id",), "East", "id-format"),
    (("id",), "ｅａｓｔ", "id-format"),
    (("members", 0, "github"), "wang-li", None),
    (("members", 0, "github"), "wang-li\n", "invalid-value"),
    # dates: YYYY-MM-DD, real, in the years 1900 to 2199
    (("period", "start"), "2023-07-01", None),
    (("period", "start"), "1900-01-01", None),
    (("period", "end"), "2199-12-31", None),
    (("period", "start"), "2023-07-01\n", "date-format"),
    (("period", "start"), "0000-01-01", "date-format"),
    (("period", "start"), "1899-12-31", "date-format"),
    (("period", "end"), "2200-01-01", "date-format"),
    (("period", "end"), "9999-12-31", "date-format"),
    (("period", "start"), "2023-02-30", "date-format"),
    (("period", "start"), "２０２３-07-01", "date-format"),
    # months, as history keys
    (("goals", 0, "history"), {"2023-05": 1}, None),
    (("goals", 0, "history"), {"2023-05\n": 1}, "month-format"),
    (("goals", 0, "history"), {"0000-05": 1}, "month-format"),
    (("goals", 0, "history"), {"2023-13": 1}, "month-format"),
    # texts and labels: at least one visible character
    (("team",), "华东一组", None),
    (("team",), " 华东 ", None),
    (("team",), "", "empty-text"),
    (("team",), "   ", "empty-text"),
    (("team",), "\u3000", "empty-text"),  # the full-width space
    (("team",), "\u200b\ufeff", "empty-text"),  # invisible marks
    (("team",), "\x1c", "empty-text"),
    (("goals", 0, "key_actions"), " \n\t ", "empty-text"),
    (("reviews", 0, "findings", 0, "metrics"), {"   ": 1}, "empty-text"),
    # numbers: within ±10^12, and 0 or at least 10^-6 from it
    (("goals", 0, "target"), 10**12, None),
    (("goals", 0, "target"), -(10**12), None),
    (("goals", 0, "target"), 0, None),
    (("goals", 0, "target"), 0.000001, None),
    (("goals", 0, "target"), 10**12 + 1, "out-of-range"),
    (("goals", 0, "target"), 10**400, "out-of-range"),
    (("goals", 0, "target"), -(10**400), "out-of-range"),
    (("goals", 0, "target"), 1.7e308, "out-of-range"),
    (("goals", 0, "target"), -1.7e308, "out-of-range"),
    (("goals", 0, "target"), 1.0e-320, "out-of-range"),
    (("goals", 0, "baseline"), -5e-7, "out-of-range"),
    (("context", "resources", "budget"), -1, "out-of-range"),
    (("context", "resources", "headcount"), 10**400, "out-of-range"),
    (("alert", "behind_days"), 10**400, "out-of-range"),
]


@pytest.mark.parametrize(("path", "value", "rule"), FORMAT_CASES, ids=repr)
def test_each_format_rule_in_both_validators(
    path: tuple[str | int, ...], value: Any, rule: str | None
) -> None:
    from generator.check.schema import schema_problems
    from generator.words import Words

    doc = _with(FULL_PLAN, path, value)
    python_errors = list(_python_validator().iter_errors(doc))
    assert (not python_errors) == (rule is None)
    assert _rust_validator().is_valid(doc) == (rule is None)
    found = {problem.rule for problem in schema_problems(doc, Words("en"))}
    assert found == (set() if rule is None else {rule})


def test_every_pattern_matches_the_whole_string_in_every_engine() -> None:
    # `^…$` alone lets Python's re accept a final newline ("east\n"); `$(?!\n)` does not, and
    # means the same in JavaScript and Rust. The only unanchored pattern asks for a visible
    # character anywhere in a text.
    visible = SCHEMA["$defs"]["text"]["pattern"]
    patterns = [s["pattern"] for _, s in _subschemas(SCHEMA, "#") if "pattern" in s]
    assert len(patterns) >= 5
    for pattern in patterns:
        assert pattern == visible or (pattern.startswith("^") and pattern.endswith("$(?!\\n)"))
