"""Check plan data against `schema/plan.schema.json` and word each error for a sales manager.

The schema is the one source of truth for the format: nothing it can express is re-checked here.
jsonschema-rs accepts valid plans ~100x faster; only an invalid plan goes through jsonschema,
whose error objects carry what we need to write the message.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError

try:  # a wheel for every common platform exists; fall back to jsonschema alone otherwise
    import jsonschema_rs
except ImportError:  # pragma: no cover
    jsonschema_rs = None

from ..load import escape_pointer
from ..words import CATALOGUE, Words
from .codes import Problem

_PACKAGE = Path(__file__).resolve().parent.parent
_REPO_SCHEMA = _PACKAGE.parent / "schema" / "plan.schema.json"
_PACKAGED_SCHEMA = _PACKAGE / "data" / "plan.schema.json"

SLUG_PATTERN = "^[a-z0-9][a-z0-9-]*$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"


def schema_path() -> Path:
    """The schema file: the repository's when running from a checkout, else the packaged copy."""
    return _REPO_SCHEMA if _REPO_SCHEMA.exists() else _PACKAGED_SCHEMA


@cache
def load_schema() -> dict[str, Any]:
    return json.loads(schema_path().read_text(encoding="utf-8"))


@cache
def _validators() -> tuple[Any, Any]:
    schema = load_schema()
    slow = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    fast = None
    if jsonschema_rs is not None:
        fast = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    return fast, slow


def schema_problems(data: Any, words: Words) -> list[Problem]:
    """Every schema error in the data, worded for people; [] when the data is valid."""
    fast, slow = _validators()
    if fast is not None and fast.is_valid(data):
        return []
    problems: list[Problem] = []
    seen: set[tuple[str, str, str]] = set()
    for error in slow.iter_errors(data):
        for problem in _explain(error, words):
            # one message per place and rule (a bad date breaks both pattern and format),
            # but every missing and every unknown field is named
            detail = problem.message if problem.rule in ("required", "unknown-field") else ""
            key = (problem.pointer, problem.rule, detail)
            if key not in seen:
                seen.add(key)
                problems.append(problem)
    return problems


def pointer_of(error: ValidationError) -> str:
    return "".join(f"/{escape_pointer(str(part))}" for part in error.absolute_path)


def _field_name(error: ValidationError, words: Words) -> str:
    """The field as a person names it: `target`, in Chinese `目标值（target）`."""
    path = list(error.absolute_path)
    if not path:
        return words["the-plan"]
    last = path[-1]
    if isinstance(last, int):
        parent = next((p for p in reversed(path) if isinstance(p, str)), "list")
        return words.say("entry-of", n=last + 1, parent=parent)
    # the field's own title, not that of a shared definition it refers to ("数值")
    title = _property_schema(error, str(last)).get("x-title-zh") if words.chinese else None
    return words.say("field-titled", field=last, title=title) if title else str(last)


def describe(value: Any, words: Words) -> str:
    """A value as a manager would recognise it in a message."""
    if value is None:
        return words["empty-value"]
    if isinstance(value, bool):
        return words["yes-no"] + ("" if value else " (false)")
    if isinstance(value, str):
        return json.dumps(value if len(value) <= 40 else value[:37] + "…", ensure_ascii=False)
    if isinstance(value, dict):
        return words["a-group"]
    if isinstance(value, list):
        return words["a-list"]
    return str(value)


def _kinds(expected: Any, words: Words) -> str:
    kinds = expected if isinstance(expected, list) else [expected]
    return words["or"].join(words[f"kind-{k}"] if f"kind-{k}" in CATALOGUE else k for k in kinds)


def _property_schema(error: ValidationError, name: str) -> Any:
    """The schema of the field `name` in the object that misses it.

    A conditional requirement (then/else) sits below that object's schema, so walk the path
    from the root and keep the deepest object that describes the field.
    """
    found, node = None, load_schema()
    for part in [*error.absolute_schema_path, None]:
        if isinstance(node, dict) and name in node.get("properties", {}):
            found = node["properties"][name]
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return found or {}


def _title(schema: Any, words: Words) -> str:
    key = "x-title-zh" if words.chinese else "title"
    if isinstance(schema, dict) and "$ref" in schema and key not in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = load_schema().get("$defs", {}).get(name, {})
    return schema.get(key, "") if isinstance(schema, dict) else ""


@dataclass(frozen=True)
class _Error:
    """One jsonschema error with what every message says of it."""

    error: ValidationError
    pointer: str
    name: str  # the field as a person names it
    got: str  # the value as a person recognises it
    words: Words

    def problem(self, rule: str, key: str, **values: object) -> Problem:
        return Problem(rule, self.pointer, self.words.say(key, **values))


def _explain(error: ValidationError, words: Words) -> Iterator[Problem]:
    pointer, value = pointer_of(error), error.instance
    found = _Error(error, pointer, _field_name(error, words), describe(value, words), words)
    if "propertyNames" in error.schema_path:
        # jsonschema reports a bad key at its object: point at the key itself
        key_pointer = f"{pointer}/{escape_pointer(str(value))}"
        yield Problem("month-format", key_pointer, words.say("month-key", key=value), True)
        return
    explain = _EXPLAINERS.get(error.validator, _other)
    yield from explain(found)


def _required(e: _Error) -> Iterator[Problem]:
    say, value = e.words.say, e.error.instance
    for missing in e.error.validator_value:
        if isinstance(value, dict) and missing not in value:
            title = _title(_property_schema(e.error, missing), e.words)
            hint = e.error.schema.get("x-hint-zh" if e.words.chinese else "x-hint")
            yield e.problem(
                "required",
                "required",
                field=missing,
                title=say("required-title", title=title) if title else "",
                where=say("required-in", name=e.name) if e.error.absolute_path else "",
                why=say("required-why", hint=hint) if hint else "",
            )


def _unknown_fields(e: _Error) -> Iterator[Problem]:
    known = sorted(e.error.schema.get("properties", {}))
    for key in e.error.instance:
        if key in known:
            continue
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        message = (
            e.words.say("unknown-field-close", key=key, close=close[0])
            if close
            else e.words.say("unknown-field-list", key=key, known=", ".join(known))
        )
        yield Problem("unknown-field", f"{e.pointer}/{escape_pointer(key)}", message, True)


def _type(e: _Error) -> Iterator[Problem]:
    kinds = _kinds(e.error.validator_value, e.words)
    yield e.problem("type", "type", name=e.name, kinds=kinds, got=e.got)


def _enum(e: _Error) -> Iterator[Problem]:
    allowed = [str(v) for v in e.error.validator_value]
    close = difflib.get_close_matches(str(e.error.instance), allowed, n=1, cutoff=0.6)
    hint = e.words.say("enum-close", close=close[0]) if close else ""
    yield e.problem("enum", "enum", name=e.name, allowed=", ".join(allowed), got=e.got, close=hint)


def _const(e: _Error) -> Iterator[Problem]:
    rule = "schema-version" if e.pointer == "/schema" else "invalid-value"
    expected = json.dumps(e.error.validator_value)
    yield e.problem(rule, "const", name=e.name, expected=expected, got=e.got)


def _range(e: _Error) -> Iterator[Problem]:
    key = {"minimum": "at-least", "maximum": "at-most"}.get(e.error.validator, "beyond")
    yield e.problem("out-of-range", key, name=e.name, limit=e.error.validator_value, got=e.got)


def _too_few(e: _Error) -> Iterator[Problem]:
    need = e.error.validator_value
    entries = e.words["entry-one" if need == 1 else "entry-many"]
    yield e.problem("too-few", "too-few", name=e.name, need=need, entries=entries)


def _pattern(e: _Error) -> Iterator[Problem]:
    yield _pattern_problem(e)


def _empty(e: _Error) -> Iterator[Problem]:
    yield e.problem("empty-text", "empty-text", name=e.name)


def _too_long(e: _Error) -> Iterator[Problem]:
    yield e.problem("too-long", "too-long", name=e.name, limit=e.error.validator_value)


def _duplicate(e: _Error) -> Iterator[Problem]:
    yield e.problem("duplicate-item", "duplicate-item", name=e.name)


def _other(e: _Error) -> Iterator[Problem]:
    yield e.problem("invalid-value", "invalid-value", name=e.name, detail=e.error.message)


def _pattern_problem(e: _Error) -> Problem:
    schema, name, got = e.error.schema, e.name, e.got
    pattern = schema.get("pattern")
    if pattern == DATE_PATTERN or schema.get("format") == "date":
        key = "not-a-date" if e.error.validator == "format" else "date-form"
        return e.problem("date-format", key, name=name, got=got)
    if pattern == MONTH_PATTERN:
        return e.problem("month-format", "month-form", name=name, got=got)
    if pattern == SLUG_PATTERN:
        return e.problem("id-format", "id-form", got=got)
    return e.problem("invalid-value", "wrong-form", name=name, got=got)


def _choice_problems(e: _Error) -> Iterator[Problem]:
    # The branch whose type fits the value explains best, e.g. a list owner with a bad id in it.
    context = e.error.context or ()
    fitting = [sub for sub in context if sub.validator != "type" or list(sub.relative_path)]
    if fitting:
        for sub in fitting:
            yield from _explain(sub, e.words)
        return
    if "owner" in e.pointer:
        yield e.problem("type", "owner-type", name=e.name, got=e.got)
        return
    kinds = e.words["or"].join(
        _kinds(sub.validator_value, e.words) for sub in context if sub.validator == "type"
    )
    yield e.problem("type", "type", name=e.name, kinds=kinds, got=e.got)


_EXPLAINERS: dict[str, Callable[[_Error], Iterator[Problem]]] = {
    "required": _required,
    "additionalProperties": _unknown_fields,
    "type": _type,
    "enum": _enum,
    "const": _const,
    "pattern": _pattern,
    "format": _pattern,
    "minimum": _range,
    "maximum": _range,
    "exclusiveMinimum": _range,
    "exclusiveMaximum": _range,
    "minItems": _too_few,
    "minLength": _empty,
    "maxLength": _too_long,
    "maxItems": _too_long,
    "uniqueItems": _duplicate,
    "anyOf": _choice_problems,
    "oneOf": _choice_problems,
}
