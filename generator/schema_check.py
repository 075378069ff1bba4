"""Check plan data against `schema/plan.schema.json` and word each error for a sales manager.

The schema is the one source of truth for the format: nothing it can express is re-checked here.
jsonschema-rs accepts valid plans ~100x faster; only an invalid plan goes through jsonschema,
whose error objects carry what we need to write the message.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
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

from .load import escape_pointer

_REPO_SCHEMA = Path(__file__).resolve().parent.parent / "schema" / "plan.schema.json"
_PACKAGED_SCHEMA = Path(__file__).resolve().parent / "data" / "plan.schema.json"

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


@dataclass(frozen=True)
class SchemaProblem:
    """One schema error: the rule broken, where (pointer) and what to say."""

    rule: str
    pointer: str
    message: str
    at_key: bool = False  # point at the field name rather than its value


def schema_problems(data: Any) -> list[SchemaProblem]:
    """Every schema error in the data, worded for people; [] when the data is valid."""
    fast, slow = _validators()
    if fast is not None and fast.is_valid(data):
        return []
    problems: list[SchemaProblem] = []
    seen: set[tuple[str, str, str]] = set()
    for error in slow.iter_errors(data):
        for problem in _explain(error):
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


def _field_name(error: ValidationError) -> str:
    path = list(error.absolute_path)
    if not path:
        return "the plan"
    last = path[-1]
    if isinstance(last, int):
        parent = next((p for p in reversed(path) if isinstance(p, str)), "list")
        return f"entry {last + 1} of {parent}"
    return str(last)


def describe(value: Any) -> str:
    """A value as a manager would recognise it in a message."""
    if value is None:
        return "nothing (the value is empty)"
    if isinstance(value, bool):
        return "yes/no" if value else "yes/no (false)"
    if isinstance(value, str):
        return json.dumps(value if len(value) <= 40 else value[:37] + "…", ensure_ascii=False)
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    return str(value)


_KIND = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "array": "a list",
    "object": "a group of fields",
    "boolean": "yes or no",
    "null": "empty",
}


def _kinds(expected: Any) -> str:
    kinds = expected if isinstance(expected, list) else [expected]
    return " or ".join(_KIND.get(k, k) for k in kinds)


def _property_schema(error: ValidationError, name: str) -> Any:
    """The schema of the field `name` in the object that misses it.

    A conditional requirement (then/else) sits below that object's schema, so walk the path
    from the root and keep the deepest object that describes the field.
    """
    found, node = None, load_schema()
    for part in error.absolute_schema_path:
        if isinstance(node, dict) and name in node.get("properties", {}):
            found = node["properties"][name]
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
    return found or {}


def _title(schema: Any) -> str:
    if isinstance(schema, dict) and "$ref" in schema and "title" not in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = load_schema().get("$defs", {}).get(name, {})
    return schema.get("title", "") if isinstance(schema, dict) else ""


def _explain(error: ValidationError) -> Iterator[SchemaProblem]:
    kind, pointer, name, value = (
        error.validator,
        pointer_of(error),
        _field_name(error),
        error.instance,
    )
    if "propertyNames" in error.schema_path:
        # jsonschema reports a bad key at its object: point at the key itself
        yield SchemaProblem(
            "month-format",
            f"{pointer}/{escape_pointer(str(value))}",
            f'"{value}" is not a month: write months as YYYY-MM, e.g. 2023-06',
            at_key=True,
        )
        return
    if kind == "required":
        for missing in error.validator_value:
            if isinstance(value, dict) and missing not in value:
                title = _title(_property_schema(error, missing))
                named = f'the field "{missing}"' + (f" ({title})" if title else "")
                where = "" if not error.absolute_path else f" in {name}"
                why = f": {error.schema['x-hint']}" if error.schema.get("x-hint") else ""
                yield SchemaProblem("required", pointer, f"{named} is missing{where}{why}")
    elif kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        for key in value:
            if key in known:
                continue
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = (
                f' — did you mean "{close[0]}"?'
                if close
                else f"; fields allowed here: {', '.join(known)}"
            )
            yield SchemaProblem(
                "unknown-field",
                f"{pointer}/{escape_pointer(key)}",
                f'unknown field "{key}"{hint}',
                True,
            )
    elif kind == "type":
        yield SchemaProblem(
            "type",
            pointer,
            f"{name} must be {_kinds(error.validator_value)}, got {describe(value)}",
        )
    elif kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.6)
        hint = f' — did you mean "{close[0]}"?' if close else ""
        yield SchemaProblem(
            "enum",
            pointer,
            f"{name} must be one of {', '.join(allowed)}; got {describe(value)}{hint}",
        )
    elif kind == "const":
        rule = "schema-version" if pointer == "/schema" else "invalid-value"
        yield SchemaProblem(
            rule,
            pointer,
            f"{name} must be {json.dumps(error.validator_value)}, got {describe(value)}",
        )
    elif kind in ("pattern", "format"):
        yield _pattern_problem(error, pointer, name, value)
    elif kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        word = {"minimum": "at least", "maximum": "at most"}.get(kind, "beyond")
        yield SchemaProblem(
            "out-of-range",
            pointer,
            f"{name} must be {word} {error.validator_value}, got {describe(value)}",
        )
    elif kind == "minItems":
        need = error.validator_value
        yield SchemaProblem(
            "too-few", pointer, f"{name} needs at least {need} entr{'y' if need == 1 else 'ies'}"
        )
    elif kind == "minLength":
        yield SchemaProblem("empty-text", pointer, f"{name} must not be empty")
    elif kind in ("maxLength", "maxItems"):
        yield SchemaProblem(
            "too-long", pointer, f"{name} is too long: at most {error.validator_value} allowed"
        )
    elif kind == "uniqueItems":
        yield SchemaProblem("duplicate-item", pointer, f"{name} lists the same entry twice")
    elif kind in ("anyOf", "oneOf"):
        yield from _choice_problems(error, pointer, name, value)
    else:
        yield SchemaProblem("invalid-value", pointer, f"{name}: {error.message}")


def _pattern_problem(error: ValidationError, pointer: str, name: str, value: Any) -> SchemaProblem:
    pattern = error.schema.get("pattern")
    if pattern == DATE_PATTERN or error.schema.get("format") == "date":
        if error.validator == "format":
            return SchemaProblem(
                "date-format", pointer, f"{name} is not a real date: {describe(value)}"
            )
        return SchemaProblem(
            "date-format",
            pointer,
            f"{name} must be a date written YYYY-MM-DD, e.g. 2023-07-01; got {describe(value)}",
        )
    if pattern == MONTH_PATTERN:
        return SchemaProblem(
            "month-format",
            pointer,
            f"{name} must be a month written YYYY-MM, e.g. 2023-06; got {describe(value)}",
        )
    if pattern == SLUG_PATTERN:
        return SchemaProblem(
            "id-format",
            pointer,
            f"{describe(value)} is not a valid id: use lowercase letters, digits and hyphens, "
            'starting with a letter or digit, e.g. "east-shanghai"',
        )
    return SchemaProblem("invalid-value", pointer, f"{name} has the wrong form: {describe(value)}")


def _choice_problems(
    error: ValidationError, pointer: str, name: str, value: Any
) -> Iterator[SchemaProblem]:
    # The branch whose type fits the value explains best, e.g. a list owner with a bad id in it.
    fitting = [e for e in error.context or () if e.validator != "type" or list(e.relative_path)]
    if fitting:
        for sub in fitting:
            yield from _explain(sub)
        return
    if name in ("owner", "owners") or "owner" in pointer:
        yield SchemaProblem(
            "type",
            pointer,
            f'{name} must be a member id, a list of member ids, or "all"; got {describe(value)}',
        )
        return
    kinds = [_kinds(e.validator_value) for e in error.context or () if e.validator == "type"]
    yield SchemaProblem(
        "type", pointer, f"{name} must be {' or '.join(kinds)}, got {describe(value)}"
    )
