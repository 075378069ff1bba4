"""Check plan data against `schema/plan.schema.json` and word each error for a sales manager.

The schema is the one source of truth for the format: nothing it can express is re-checked here.
jsonschema-rs accepts valid plans ~100x faster; only an invalid plan goes through jsonschema,
whose error objects carry what we need to write the message.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
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


def _explain(error: ValidationError, words: Words) -> Iterator[Problem]:
    kind, pointer, value = error.validator, pointer_of(error), error.instance
    name, got = _field_name(error, words), describe(value, words)
    say = words.say
    if "propertyNames" in error.schema_path:
        # jsonschema reports a bad key at its object: point at the key itself
        key_pointer = f"{pointer}/{escape_pointer(str(value))}"
        yield Problem("month-format", key_pointer, say("month-key", key=value), True)
        return
    if kind == "required":
        for missing in error.validator_value:
            if isinstance(value, dict) and missing not in value:
                title = _title(_property_schema(error, missing), words)
                hint = error.schema.get("x-hint-zh" if words.chinese else "x-hint")
                message = say(
                    "required",
                    field=missing,
                    title=say("required-title", title=title) if title else "",
                    where=say("required-in", name=name) if error.absolute_path else "",
                    why=say("required-why", hint=hint) if hint else "",
                )
                yield Problem("required", pointer, message)
    elif kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        for key in value:
            if key in known:
                continue
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            message = (
                say("unknown-field-close", key=key, close=close[0])
                if close
                else say("unknown-field-list", key=key, known=", ".join(known))
            )
            yield Problem("unknown-field", f"{pointer}/{escape_pointer(key)}", message, True)
    elif kind == "type":
        kinds = _kinds(error.validator_value, words)
        yield Problem("type", pointer, say("type", name=name, kinds=kinds, got=got))
    elif kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        close = difflib.get_close_matches(str(value), allowed, n=1, cutoff=0.6)
        message = say(
            "enum",
            name=name,
            allowed=", ".join(allowed),
            got=got,
            close=say("enum-close", close=close[0]) if close else "",
        )
        yield Problem("enum", pointer, message)
    elif kind == "const":
        rule = "schema-version" if pointer == "/schema" else "invalid-value"
        expected = json.dumps(error.validator_value)
        yield Problem(rule, pointer, say("const", name=name, expected=expected, got=got))
    elif kind in ("pattern", "format"):
        yield _pattern_problem(error, pointer, name, got, words)
    elif kind in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        word = {"minimum": "at-least", "maximum": "at-most"}.get(kind, "beyond")
        message = say(word, name=name, limit=error.validator_value, got=got)
        yield Problem("out-of-range", pointer, message)
    elif kind == "minItems":
        need = error.validator_value
        entries = "entry" if need == 1 else "entries"
        yield Problem("too-few", pointer, say("too-few", name=name, need=need, entries=entries))
    elif kind == "minLength":
        yield Problem("empty-text", pointer, say("empty-text", name=name))
    elif kind in ("maxLength", "maxItems"):
        message = say("too-long", name=name, limit=error.validator_value)
        yield Problem("too-long", pointer, message)
    elif kind == "uniqueItems":
        yield Problem("duplicate-item", pointer, say("duplicate-item", name=name))
    elif kind in ("anyOf", "oneOf"):
        yield from _choice_problems(error, pointer, name, got, words)
    else:
        message = say("invalid-value", name=name, detail=error.message)
        yield Problem("invalid-value", pointer, message)


def _pattern_problem(
    error: ValidationError, pointer: str, name: str, got: str, words: Words
) -> Problem:
    say = words.say
    pattern = error.schema.get("pattern")
    if pattern == DATE_PATTERN or error.schema.get("format") == "date":
        key = "not-a-date" if error.validator == "format" else "date-form"
        return Problem("date-format", pointer, say(key, name=name, got=got))
    if pattern == MONTH_PATTERN:
        return Problem("month-format", pointer, say("month-form", name=name, got=got))
    if pattern == SLUG_PATTERN:
        return Problem("id-format", pointer, say("id-form", got=got))
    return Problem("invalid-value", pointer, say("wrong-form", name=name, got=got))


def _choice_problems(
    error: ValidationError, pointer: str, name: str, got: str, words: Words
) -> Iterator[Problem]:
    say = words.say
    # The branch whose type fits the value explains best, e.g. a list owner with a bad id in it.
    fitting = [e for e in error.context or () if e.validator != "type" or list(e.relative_path)]
    if fitting:
        for sub in fitting:
            yield from _explain(sub, words)
        return
    if "owner" in pointer:
        yield Problem("type", pointer, say("owner-type", name=name, got=got))
        return
    kinds = words["or"].join(
        _kinds(e.validator_value, words) for e in error.context or () if e.validator == "type"
    )
    yield Problem("type", pointer, say("type", name=name, kinds=kinds, got=got))
