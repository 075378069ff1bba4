"""The format reference page, generated from the JSON Schema's titles and descriptions."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from markupsafe import Markup

from ..words import Words
from .cells import Code, Lines, Link, Table
from .format import number
from .markup import page_title, render_template, sanitised_markdown
from .paths import href

PAGE = "reference/format.md"
SCHEMA_FILE = "schema/plan.schema.json"


@dataclass(frozen=True)
class ObjectSection:
    anchor: str
    heading: str
    path: str  # where the object sits in a plan, e.g. goals[].actuals[]
    description: Markup
    table: Table


def _text(node: Mapping, key: str, words: Words) -> str:
    if words.chinese:
        return node.get(f"x-{key}-zh") or node.get(key, "")
    return node.get(key, "")


def _description(node: Mapping, words: Words) -> Markup:
    text = _text(node, "description", words)
    html = sanitised_markdown(text) if text else Markup("")
    # One paragraph fits a table cell; drop the wrapping <p>.
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = Markup(html[3:-4])
    return html


def _objects(node: Mapping, path: str) -> Iterator[tuple[str, Mapping]]:
    """Every object schema under `node` (itself first), depth first, with its path."""
    if node.get("type") == "object" and "properties" in node:
        yield path, node
        for name, child in node["properties"].items():
            yield from _objects(child, f"{path}.{name}" if path else name)
    elif node.get("type") == "array" and isinstance(node.get("items"), Mapping):
        yield from _objects(node["items"], f"{path}[]")
    for key in ("anyOf", "oneOf"):
        for option in node.get(key, ()):
            yield from _objects(option, path)


def _anchor(path: str) -> str:
    slug = path.replace("[]", "").replace(".", "-").replace("_", "-")
    return f"ref-{slug}" if slug else "ref-plan"


def _type(node: Mapping, path: str, schema: Mapping, words: Words) -> object:
    if "$ref" in node:
        name = node["$ref"].rsplit("/", 1)[-1]
        target = schema.get("$defs", {}).get(name, {})
        return Link(_text(target, "title", words) or name, f"#type-{name}")
    if "const" in node:
        return Code(json.dumps(node["const"], ensure_ascii=False))
    for key in ("anyOf", "oneOf"):
        if key in node:
            return Lines(tuple(_type(o, path, schema, words) for o in node[key]))
    kind = node.get("type")
    if kind == "object" and "properties" in node:
        return Link(_text(node, "title", words) or words["ref.object"], f"#{_anchor(path)}")
    if kind == "array":
        item = _type(node.get("items", {}), f"{path}[]", schema, words)
        item_text = item.text if isinstance(item, Link | Code) else str(item)
        shown = words["ref.list_of"].format(item=item_text)
        return Link(shown, item.href) if isinstance(item, Link) else shown
    if isinstance(kind, list):
        return " | ".join(words.get(f"ref.{k}", k) for k in kind)
    return words.get(f"ref.{kind}", kind or "")


def _allowed(node: Mapping, words: Words) -> Lines:
    items: list[object] = []
    if "enum" in node:
        items.extend(Code(json.dumps(v, ensure_ascii=False).strip('"')) for v in node["enum"])
    if "const" in node:
        items.append(Code(json.dumps(node["const"], ensure_ascii=False)))
    low, high = node.get("minimum"), node.get("maximum")
    if low is not None and high is not None:
        items.append(words["ref.range"].format(low=number(low), high=number(high)))
    elif low is not None:
        items.append(words["ref.minimum"].format(low=number(low)))
    elif high is not None:
        items.append(words["ref.maximum"].format(high=number(high)))
    if "default" in node:
        items.append(
            words["ref.default"].format(value=json.dumps(node["default"], ensure_ascii=False))
        )
    if not items and node.get("examples"):
        example = json.dumps(node["examples"][0], ensure_ascii=False).strip('"')
        items.append(words["ref.example"].format(value=example))
    return Lines(tuple(items))


def object_sections(schema: Mapping, words: Words) -> tuple[ObjectSection, ...]:
    """One section per object of the format: its fields with type, required, description."""
    sections = []
    for path, node in _objects(schema, ""):
        required = set(node.get("required", ()))
        rows = tuple(
            (
                Code(name),
                _type(child, f"{path}.{name}" if path else name, schema, words),
                words["ref.yes"] if name in required else words["ref.no"],
                _description(child, words),
                _allowed(child, words),
            )
            for name, child in node["properties"].items()
        )
        columns = tuple(
            words[f"ref.{k}"] for k in ("field", "type", "required", "description", "allowed")
        )
        heading = _text(node, "title", words) or path
        sections.append(
            ObjectSection(
                anchor=_anchor(path),
                heading=heading,
                path=path,
                description=_description(node, words),
                # the title names the table for screen readers; the page prints the heading
                table=Table(f"{heading} ({path or '/'})", columns, rows, "sp-reference"),
            )
        )
    return tuple(sections)


def _form(node: Mapping, words: Words) -> object:
    """A format's pattern (an id, a date), else its allowed values.

    An unanchored pattern only asks for a visible character, which the description says;
    the `(?!\\n)` that keeps Python's `$` from matching before a final newline is not shown.
    """
    pattern = node.get("pattern", "")
    if pattern.startswith("^"):
        return Code(pattern.removesuffix("(?!\\n)"))
    return _allowed(node, words)


def value_types(schema: Mapping, words: Words) -> Table:
    """The shared value types ($defs): id, date, month, owner, text, number…"""
    rows = tuple(
        (
            Markup(f'<span id="type-{name}"></span>') + (_text(node, "title", words) or name),
            _description(node, words),
            _form(node, words),
        )
        for name, node in schema.get("$defs", {}).items()
    )
    columns = (words["ref.type"], words["ref.description"], words["ref.allowed"])
    return Table(words["ref.types"], columns, rows, "sp-reference sp-types")


def reference_page(schema: Mapping, words: Words) -> str:
    """The Markdown of the format reference page."""
    return render_template(
        "reference.md.j2",
        words=words,
        title=page_title(words["page.reference.title"]),
        schema_href=href(SCHEMA_FILE, PAGE),
        intro=_description(schema, words),
        sections=object_sections(schema, words),
        types=value_types(schema, words),
    )
