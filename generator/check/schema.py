"""Check plan data against `schema/plan.schema.json` and word each error for a sales manager.

The schema is the one source of truth for the format: nothing it can express is re-checked here.
jsonschema-rs accepts valid plans ~100x faster; only an invalid plan goes through jsonschema,
whose error objects carry what we need to write the message.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator, Mapping
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

NUMBER_LIMIT = 10**12  # a figure lies within ±NUMBER_LIMIT (the schema's $defs/number) …
YEARS = (1900, 2199)  # … and a date in these years ($defs/date and $defs/month)
_DATE_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH_SHAPE = re.compile(r"[0-9]{4}-[0-9]{2}")


def schema_path() -> Path:
    """The schema file: the repository's when running from a checkout, else the packaged copy."""
    return _REPO_SCHEMA if _REPO_SCHEMA.exists() else _PACKAGED_SCHEMA


@cache
def load_schema() -> dict[str, Any]:
    return json.loads(schema_path().read_text(encoding="utf-8"))


@cache
def format_patterns() -> dict[str, str]:
    """The pattern of each shared format of the schema → its name: slug, date, month, and the
    one visible character every text and label needs.

    Patterns end with `$(?!\\n)`: Python's `$` alone also matches before a final newline, so
    "east\\n" would pass jsonschema and not jsonschema-rs.
    """
    defs = load_schema()["$defs"]
    return {defs[name]["pattern"]: name for name in ("slug", "date", "month", "text", "label")}


@cache
def _validators() -> tuple[Any, Any]:
    schema = load_schema()
    slow = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    fast = None
    if jsonschema_rs is not None:
        fast = jsonschema_rs.Draft202012Validator(schema, validate_formats=True)
    return fast, slow


def schema_problems(
    data: Any, words: Words, spelled: Mapping[str, str] | None = None
) -> list[Problem]:
    """Every schema error in the data, worded for people; [] when the data is valid.

    `spelled`: how YAML yes/no values were written (pointer → `no`), to quote them in hints.
    """
    fast, slow = _validators()
    if fast is not None and fast.is_valid(data):
        return []
    problems: list[Problem] = []
    seen: set[tuple[str, str, str]] = set()
    for error in slow.iter_errors(data):
        for problem in _explain(error, words, spelled or {}):
            # one message per place and rule (a bad date breaks both pattern and format),
            # but every missing and every unknown field is named
            detail = problem.message if problem.rule in ("required", "unknown-field") else ""
            key = (problem.pointer, problem.rule, detail)
            if key not in seen:
                seen.add(key)
                problems.append(problem)
    if not problems and fast is not None:
        # The two validators disagree: never let that pass as valid.
        problems = [_fast_problem(error, words) for error in fast.iter_errors(data)]
    return problems


def _fast_problem(error: Any, words: Words) -> Problem:
    pointer = "".join(f"/{escape_pointer(str(part))}" for part in error.instance_path)
    name = str(error.instance_path[-1]) if error.instance_path else words["the-plan"]
    return Problem(
        "invalid-value", pointer, words.say("invalid-value", name=name, detail=error.message)
    )


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
    return number_text(str(value), words)


def number_text(text: str, words: Words) -> str:
    """A number as written, cut short when long: 400 digits help nobody."""
    if len(text) <= 24:
        return text
    return words.say("long-number", start=text[:6], end=text[-3:], n=len(text))


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
    spelled: Mapping[str, str]  # how YAML yes/no values were written

    def problem(self, rule: str, key: str, **values: object) -> Problem:
        return Problem(rule, self.pointer, self.words.say(key, **values))

    def shared(self, name: str) -> bool:
        """The failing schema is the shared definition `name` ($defs/number…)."""
        return self.error.schema is load_schema()["$defs"].get(name)


def _explain(
    error: ValidationError, words: Words, spelled: Mapping[str, str] | None = None
) -> Iterator[Problem]:
    pointer, value, spelled = pointer_of(error), error.instance, spelled or {}
    name, got = _field_name(error, words), describe(value, words)
    if pointer in spelled and not isinstance(value, (bool, str)):
        got = number_text(spelled[pointer], words)  # 1e400, not the 1e300 it stood for
    found = _Error(error, pointer, name, got, words, spelled)
    if "propertyNames" in error.schema_path:
        yield _key_problem(found)
        return
    explain = _EXPLAINERS.get(error.validator, _other)
    yield from explain(found)


def _key_problem(e: _Error) -> Problem:
    """A bad field name (a month of `history`, a metric's name): point at the key itself,
    as jsonschema reports it at its object."""
    key = str(e.error.instance)
    key_pointer = f"{e.pointer}/{escape_pointer(key)}"
    if format_patterns().get(e.error.schema.get("pattern", "")) == "month":
        return Problem("month-format", key_pointer, e.words.say("month-key", key=key), True)
    rule = "too-long" if e.error.validator == "maxLength" else "empty-text"
    limit = e.error.validator_value
    return Problem(rule, key_pointer, e.words.say(f"key-{rule}", key=key, limit=limit), True)


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
    value, expected = e.error.instance, e.error.validator_value
    if isinstance(value, bool) and "string" in (
        expected if isinstance(expected, list) else [expected]
    ):
        # YAML 1.1 reads yes, no, on, off as yes/no: the word needs quotes to stay a word
        word = e.spelled.get(e.pointer, json.dumps(value))
        yield e.problem("type", "type-yes-no", name=e.name, kinds=kinds, got=e.got, word=word)
        return
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
    if e.shared("number"):
        limit = load_schema()["$defs"]["number"]["maximum"]
        yield e.problem("out-of-range", "number-range", name=e.name, limit=limit, got=e.got)
        return
    key = {"minimum": "at-least", "maximum": "at-most"}.get(e.error.validator, "beyond")
    yield e.problem("out-of-range", key, name=e.name, limit=e.error.validator_value, got=e.got)


def _not(e: _Error) -> Iterator[Problem]:
    if e.shared("number"):  # the only `not` of the format: a number too close to 0
        grain = e.error.validator_value.get("exclusiveMaximum")
        yield e.problem("out-of-range", "number-grain", name=e.name, got=e.got, grain=grain)
        return
    yield from _other(e)


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
    schema, name, got, value = e.error.schema, e.name, e.got, e.error.instance
    form = format_patterns().get(schema.get("pattern", ""))
    years = {"first": YEARS[0], "last": YEARS[1]}
    if form == "date" or schema.get("format") == "date":
        if e.error.validator == "format":
            return e.problem("date-format", "not-a-date", name=name, got=got)
        if isinstance(value, str) and _DATE_SHAPE.fullmatch(value):
            return e.problem("date-format", "year-range", name=name, got=got, **years)
        return e.problem("date-format", "date-form", name=name, got=got)
    if form == "month":
        if isinstance(value, str) and _MONTH_SHAPE.fullmatch(value) and value[5:] <= "12":
            return e.problem("month-format", "year-range", name=name, got=got, **years)
        return e.problem("month-format", "month-form", name=name, got=got)
    if form == "slug":
        return e.problem("id-format", "id-form", got=got)
    if form in ("text", "label"):
        return e.problem("empty-text", "blank-text", name=name)
    return e.problem("invalid-value", "wrong-form", name=name, got=got)


def _choice_problems(e: _Error) -> Iterator[Problem]:
    # The branch whose type fits the value explains best, e.g. a list owner with a bad id in it.
    context = e.error.context or ()
    fitting = [sub for sub in context if sub.validator != "type" or list(sub.relative_path)]
    if fitting:
        for sub in fitting:
            yield from _explain(sub, e.words, e.spelled)
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
    "not": _not,
}
